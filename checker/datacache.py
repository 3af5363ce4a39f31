"""Decoded word lists kept between runs, so that a new process does not decode them again.

Some libraries ship their data compressed or encoded and decode it on first use: simplemma's
French lemma dictionary takes about 0.15 s to decode, more than loading the decoded dictionary
with `marshal`. `load_or_build(name, version, build)` returns the object `build()` returns, read
from `<cache folder>/data/<name>-<version>-py<X.Y>.marshal` when a previous run wrote it.

- The folder is the result cache's (`default_cache_dir()`: `$CHECKER_CACHE_DIR`,
  `$XDG_CACHE_HOME/checker`, `~/.cache/checker`); `--no-cache` and `CHECKER_NO_CACHE=1` only
  concern results (a result cache can hide a change; this data cannot: it is the libraries' own
  data, keyed by their versions), `CHECKER_NO_DATA_CACHE=1` turns this cache off.
- `version` is the version of the library the data comes from, so an upgrade builds a new file;
  the Python version is part of the name because the `marshal` format depends on it.
- Files are written atomically (a temporary file, then `os.replace`); a file that cannot be
  read, is corrupt or holds something else (a FIFO, a device, more than 256 MB) is ignored (and
  replaced); a folder that cannot be written only costs the speed-up.
- A `.marshal` file is a header line `checker-marshal<TAB><format><TAB><digest>` then the
  marshalled `(format, name, version, value)`; the digest is BLAKE2b (16 bytes, in hex) of those
  marshalled bytes, checked before `marshal.loads` sees them. A file whose digest does not match
  (a flipped bit, a truncated or half-written file), or of another format (an older checker's,
  which had no header), is treated as missing: `load_or_build` builds the value again and rewrites
  the file, `load_stored` returns None. This matters beyond `marshal`: some stored values are code
  handed to C engines that do not check it (`checker.regex_lib_cache`), where a wrong byte means
  wrong matches or a crash, not an error. The digest guards against accidents (disk, interrupted
  copies, a bug elsewhere), not against someone who can write the folder: they can write a digest too.
- The memory-mapped `.bin` files (`load_or_build_mapped`) carry a header with name, version and
  format but no digest: they are read page by page as lookups touch them, and hashing the whole
  file would read all of it in every process. What they hold is plain `key<TAB>value` text searched
  by Python code (`SortedTable`): a damaged byte can give a wrong lookup, not a crash.
- `marshal` is not meant for data an adversary wrote: like the result cache, this folder must be
  the user's own, never shared with people or jobs the user does not trust.
"""

from __future__ import annotations

import hashlib
import marshal
import mmap
import os
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, Generic, TypeVar

T = TypeVar("T")
V = TypeVar("V")
Buffer = bytes | mmap.mmap

FORMAT = 1  # of the memory-mapped `.bin` files
MARSHAL_FORMAT = 2  # of the `.marshal` files: 2 added the header line and its digest
DIGEST_SIZE = 16  # bytes of BLAKE2b
_MARSHAL_PREFIX = f"checker-marshal\t{MARSHAL_FORMAT}\t".encode()
_MARSHAL_HEADER_SIZE = len(_MARSHAL_PREFIX) + 2 * DIGEST_SIZE + 1  # the digest in hex, then LF
_TRUE = frozenset({"1", "true", "t", "yes", "y", "on"})


def enabled() -> bool:
    """False when `CHECKER_NO_DATA_CACHE` is set to a true value (as click reads one)."""
    return os.environ.get("CHECKER_NO_DATA_CACHE", "").strip().lower() not in _TRUE


def default_cache_dir() -> Path:
    """`$CHECKER_CACHE_DIR`, else `$XDG_CACHE_HOME/checker`, else `~/.cache/checker`
    (`%LOCALAPPDATA%\\checker\\Cache` on Windows, `~/Library/Caches/checker` on macOS)."""
    if env := os.environ.get("CHECKER_CACHE_DIR"):
        return Path(env)
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "checker" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "checker"
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".cache"
    return base / "checker"


def cache_path(name: str, version: str) -> Path:
    safe = "".join(c if c.isalnum() or c in "._-" else "_" for c in f"{name}-{version}")
    return default_cache_dir() / "data" / f"{safe}-py{sys.version_info[0]}.{sys.version_info[1]}.marshal"


MAX_DATA_FILE_SIZE = 256_000_000  # bytes; the largest list takes about 10 MB


def load_or_build(name: str, version: str, build: Callable[[], T], valid: Callable[[Any], bool]) -> T:
    """`build()`, or the value a previous run stored for the same name and version.

    `valid(value)` must accept what `build()` returns; a stored value it rejects is rebuilt."""
    if not enabled():
        return build()
    path = cache_path(name, version)
    stored = _read(path, name, version)
    if stored is not None and valid(stored):
        return stored  # type: ignore[no-any-return]
    value = build()
    _write(path, name, version, value)
    return value


def load_stored(name: str, version: str) -> Any:
    """The value stored for this name and version, or None (nothing stored, or the data cache off)."""
    return _read(cache_path(name, version), name, version) if enabled() else None


def store(name: str, version: str, value: Any) -> None:
    """Store `value` (marshal-able) for this name and version (nothing when the data cache is off)."""
    if enabled():
        _write(cache_path(name, version), name, version, value)


def load_or_build_mapped(name: str, version: str, build: Callable[[], bytes]) -> tuple[bytes | mmap.mmap, int]:
    """`build()`'s bytes as (buffer, offset where they start in it): memory-mapped from the file a
    previous run wrote (no copy, no decoding: pages are read as they are touched and shared by every
    process that maps them). Without the data cache, or when the file cannot be written or mapped,
    the bytes `build()` returns, from offset 0."""
    if not enabled():
        return build(), 0
    path = default_cache_dir() / "data" / (cache_path(name, version).stem + ".bin")
    header = f"checker-data\t{FORMAT}\t{name}\t{version}\n".encode()
    mapped = _map(path, header)
    if mapped is not None:
        return mapped, len(header)
    data = build()
    _write_raw(path, header + data)
    mapped = _map(path, header)
    return (mapped, len(header)) if mapped is not None else (data, 0)


def _map(path: Path, header: bytes) -> mmap.mmap | None:
    try:
        with open(path, "rb") as fh:
            mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):
        return None
    if mapped[: len(header)] != header:
        mapped.close()
        return None
    return mapped


def _write_raw(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        import tempfile  # here: only a write needs it (a run with the data cache filled does not import it)

        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".bin")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except (OSError, ValueError):
        pass


def _digest(payload: bytes | memoryview) -> bytes:
    return hashlib.blake2b(payload, digest_size=DIGEST_SIZE).hexdigest().encode()


def encode(name: str, version: str, value: Any) -> bytes:
    """The content of the `.marshal` file that stores `value` (marshal-able) for this name and version."""
    payload = marshal.dumps((MARSHAL_FORMAT, name, version, value))
    return _MARSHAL_PREFIX + _digest(payload) + b"\n" + payload


def decode(data: bytes, name: str, version: str) -> Any:
    """The value a `.marshal` file's content stores for this name and version, or None: another format,
    another name or version, or a digest that does not match (nothing of it is unmarshalled then)."""
    if not data.startswith(_MARSHAL_PREFIX) or data[_MARSHAL_HEADER_SIZE - 1 : _MARSHAL_HEADER_SIZE] != b"\n":
        return None
    payload = memoryview(data)[_MARSHAL_HEADER_SIZE:]  # no copy of a file of several MB
    if _digest(payload) != data[len(_MARSHAL_PREFIX) : _MARSHAL_HEADER_SIZE - 1]:
        return None
    try:
        header = marshal.loads(payload)  # marshal.load(fh) reads piecemeal: 6x slower
    except (EOFError, ValueError, TypeError, RecursionError, MemoryError):
        return None
    if not (isinstance(header, tuple) and len(header) == 4 and header[:3] == (MARSHAL_FORMAT, name, version)):
        return None
    return header[3]


def _read(path: Path, name: str, version: str) -> Any:
    from checker.errors import CheckerError
    from checker.safe_io import read_regular_file

    try:
        # A regular file of bounded size only: a FIFO or a device planted here must not hang every run.
        data = read_regular_file(path, MAX_DATA_FILE_SIZE, "cache")
    except CheckerError:
        return None
    return decode(data, name, version)


def _write(path: Path, name: str, version: str, value: Any) -> None:
    try:
        data = encode(name, version, value)
        path.parent.mkdir(parents=True, exist_ok=True)
        import tempfile

        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".marshal")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)  # atomic: a concurrent run reads the old file or the new one
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except (OSError, ValueError):
        pass  # read-only or full disk: the data is simply decoded again next time


class SortedTable(Mapping[str, V], Generic[V]):
    """A read-only mapping over `key<TAB>value<LF>` lines sorted by their UTF-8 bytes, held in
    `data[lo:hi]` (bytes or a memory map) and searched by bisection: nothing to decode or rebuild
    on load, where a dict of the same entries takes a large part of a second."""

    def __init__(self, data: Buffer, lo: int, hi: int, decode: Callable[[bytes], V], count: int) -> None:
        self._data = data
        self._lo = lo
        self._hi = hi
        self._decode = decode
        self._count = count
        self._last: tuple[str, V | None] = ("\x00", None)  # symspellpy asks `in`, then `[]`, for one key

    def _find(self, key: str) -> V | None:
        if self._last[0] == key:
            return self._last[1]
        value = self._search(key)
        self._last = (key, value)
        return value

    def _search(self, key: str) -> V | None:
        data = self._data
        try:
            wanted = key.encode()
        except UnicodeError:  # lone surrogates
            return None
        if b"\n" in wanted or b"\t" in wanted:
            return None
        first = self._lo
        lo, hi = first, self._hi
        while lo < hi:
            mid = (lo + hi) // 2
            start = max(data.rfind(b"\n", first, mid) + 1, first)
            end = data.find(b"\n", start, self._hi)
            tab = data.find(b"\t", start, end)
            if end < 0 or tab < 0:
                return None
            stored = data[start:tab]
            if stored < wanted:
                lo = end + 1
            elif stored > wanted:
                hi = start
            else:
                return self._decode(data[tab + 1 : end])
        return None

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._find(key) is not None

    def __getitem__(self, key: str) -> V:
        value = self._find(key)
        if value is None:
            raise KeyError(key)
        return value

    def __iter__(self) -> Iterator[str]:
        for line in self._data[self._lo : self._hi].splitlines():
            yield line.partition(b"\t")[0].decode()

    def __len__(self) -> int:
        return self._count


def sorted_table(entries: Mapping[str, Any] | Mapping[bytes, bytes], encode: Callable[[Any], bytes]) -> bytes:
    """`key<TAB>value<LF>` lines sorted by their bytes (keys and values must hold neither TAB nor LF)."""
    rows = [(k if isinstance(k, bytes) else k.encode()) + b"\t" + encode(v) for k, v in entries.items()]
    rows.sort()
    return b"\n".join(rows) + b"\n"
