"""Decoded word lists kept between runs, so that a new process does not decode them again.

Some libraries ship their data compressed or encoded and decode it on first use: simplemma's
French lemma dictionary takes about 0.15 s to decode, more than loading the decoded dictionary
with `marshal`. `load_or_build(name, version, build)` returns the object `build()` returns, read
from `<cache folder>/data/<name>-<version>-py<X.Y>.marshal` when a previous run wrote it.

- The folder is the result cache's (`default_cache_dir()`: `$CHECKER_CACHE_DIR`,
  `$XDG_CACHE_HOME/checker`, `~/.cache/checker`); `--no-cache` only concerns results, while
  `CHECKER_NO_CACHE=1` (what the tests set) turns this cache off too.
- `version` is the version of the library the data comes from, so an upgrade builds a new file;
  the Python version is part of the name because the `marshal` format depends on it.
- Files are written atomically (a temporary file, then `os.replace`); a file that cannot be
  read, is corrupt or holds something else (a FIFO, a device, more than 256 MB) is ignored (and
  replaced); a folder that cannot be written only costs the speed-up.
- `marshal` is not meant for data an adversary wrote: like the result cache, this folder must be
  the user's own, never shared with people or jobs the user does not trust.
"""

from __future__ import annotations

import marshal
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

FORMAT = 1
_TRUE = frozenset({"1", "true", "t", "yes", "y", "on"})


def enabled() -> bool:
    """False when `CHECKER_NO_CACHE` is set to a true value (as click reads it)."""
    return os.environ.get("CHECKER_NO_CACHE", "").strip().lower() not in _TRUE


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
    _write(path, (FORMAT, name, version, value))
    return value


def _read(path: Path, name: str, version: str) -> Any:
    from checker.errors import CheckerError
    from checker.safe_io import read_regular_file

    try:
        # A regular file of bounded size only: a FIFO or a device planted here must not hang every run.
        data = read_regular_file(path, MAX_DATA_FILE_SIZE, "cache")
        header = marshal.loads(data)  # marshal.load(fh) reads piecemeal: 6x slower
    except (CheckerError, EOFError, ValueError, TypeError, RecursionError, MemoryError):
        return None
    if not (isinstance(header, tuple) and len(header) == 4 and header[:3] == (FORMAT, name, version)):
        return None
    return header[3]


def _write(path: Path, payload: Any) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".marshal")
        try:
            with os.fdopen(fd, "wb") as fh:
                marshal.dump(payload, fh)
            os.replace(tmp, path)  # atomic: a concurrent run reads the old file or the new one
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except (OSError, ValueError):
        pass  # read-only or full disk: the data is simply decoded again next time
