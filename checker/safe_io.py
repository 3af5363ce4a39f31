"""Reading and writing files the user points at, without hanging, exhausting memory or writing elsewhere.

- `read_regular_file` reads only a regular file (never a FIFO, a device such as /dev/zero or a socket:
  opening a FIFO blocks forever, a device never ends) and at most `max_size` bytes; anything else is a
  one-line `CheckerError` in French naming the file.
- `write_atomically` writes next to the target through a temporary file with an unpredictable name
  (`tempfile.mkstemp`, created exclusively, so a planted symbolic link cannot redirect the write), then
  renames it over the target; a failure is a `CheckerError` naming the file.
- `is_inside` says whether a path, links resolved, lies inside a folder.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path
from typing import BinaryIO

from checker.errors import CheckerError, os_reason

DEFAULT_MAX_FILE_SIZE = 2_000_000  # bytes: an article is rarely above 200 kB; checks cost ~1 min per MB at worst
MAX_AUXILIARY_SIZE = 10_000_000  # configuration, rule packs, word lists, baselines


def human_size(size: int) -> str:
    """A size in French units (Mo, ko, octets)."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} Mo".replace(".", ",").replace(",0 ", " ")
    if size >= 1_000:
        return f"{size / 1_000:.1f} ko".replace(".", ",").replace(",0 ", " ")
    return f"{size} octets"


def read_regular_file(path: Path, max_size: int = MAX_AUXILIARY_SIZE, what: str = "fichier") -> bytes:
    """The bytes of a regular file of at most `max_size` bytes, else a one-line CheckerError."""
    try:
        info = os.stat(path)  # never blocks, unlike opening a FIFO
    except OSError as exc:
        raise CheckerError(f"{path}: lecture impossible ({what}) : {os_reason(exc)}") from None
    except ValueError:  # a NUL byte in the name
        raise CheckerError(f"{path}: nom de fichier invalide") from None
    _require_regular(path, info.st_mode, what)
    require_size(path, info.st_size, max_size, what)
    try:
        # O_NONBLOCK: if the file was swapped for a FIFO since the stat, opening it still returns at once.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise CheckerError(f"{path}: lecture impossible ({what}) : {os_reason(exc)}") from None
    with os.fdopen(fd, "rb") as fh:
        try:
            _require_regular(path, os.fstat(fd).st_mode, what)
            data = read_at_most(fh, max_size + 1)  # a file that grows while it is read still stops at the limit
        except OSError as exc:
            raise CheckerError(f"{path}: lecture impossible ({what}) : {os_reason(exc)}") from None
    require_size(path, len(data), max_size, what, read_whole=False)
    return data


def read_at_most(fh: BinaryIO, limit: int) -> bytes:
    """Up to `limit` bytes, read in pieces (one `read(limit)` would allocate `limit` bytes up front)."""
    chunks: list[bytes] = []
    total = 0
    while total < limit:
        chunk = fh.read(min(1 << 20, limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def _require_regular(path: Path, mode: int, what: str) -> None:
    if stat.S_ISDIR(mode):
        raise CheckerError(f"{path}: c’est un dossier, pas un {what}")
    if not stat.S_ISREG(mode):
        kind = (
            "un tube nommé (FIFO)"
            if stat.S_ISFIFO(mode)
            else "un périphérique"
            if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
            else "une socket"
            if stat.S_ISSOCK(mode)
            else "un fichier spécial"
        )
        raise CheckerError(f"{path}: {kind}, pas un fichier ordinaire : refusé (l’entrée standard se lit avec « - »)")


def require_size(path: Path | str, size: int, max_size: int, what: str, read_whole: bool = True) -> None:
    """A one-line error when `size` exceeds `max_size`. `read_whole` False: reading stopped at the limit, so
    the true size is unknown (a stream, a file still growing)."""
    if size <= max_size:
        return
    shown, limit = human_size(size), human_size(max_size)
    if not read_whole:
        amount = f"plus de {limit}"
    elif shown == limit:  # « 2 Mo, au-delà de 2 Mo » would say nothing: the exact counts
        amount = f"{size:_} octets, au-delà de {max_size:_}".replace("_", "\u202f")
    else:
        amount = f"{shown}, au-delà de {limit}"
    raise CheckerError(
        f"{path}: {what} trop gros ({amount}) : refusé (limite réglable par « max-file-size » dans la configuration)"
    )


def is_inside(path: Path, folder: Path) -> bool:
    """Whether `path`, every link resolved, lies inside `folder` (links resolved too)."""
    try:
        real = Path(os.path.realpath(path))
        root = Path(os.path.realpath(folder))
    except (OSError, ValueError):
        return False
    return real == root or root in real.parents


def is_read_only(path: Path) -> bool:
    """Whether the file is marked read-only: no write permission bit at all, or not writable by us.

    Checked from the permission bits as well as access(2): a superuser may write anything, but a
    file its owner made read-only (0444) must not be rewritten by a fixer.
    """
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)) or not os.access(path, os.W_OK)


def write_atomically(path: Path, data: bytes, what: str = "fichier") -> None:
    """Write `data` over `path` through an unpredictably named temporary file in the same folder.

    The file's permission bits are kept. The path itself is replaced (a symbolic link at `path` would be
    replaced by a file: callers that want to write through a link resolve it first, and check where it goes).
    Any failure is a CheckerError naming the file; the target is then untouched and no temporary file is left.
    """
    target = Path(path)
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask  # a new file gets what open() would give it, not mkstemp's 0600
    tmp: str | None = None
    try:
        import tempfile  # here: only a write needs it (a lint that writes nothing does not import it)

        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or Path("."))
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except OSError as exc:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        raise CheckerError(f"{path}: écriture impossible ({what}) : {os_reason(exc)}") from None
    except BaseException:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        raise
