"""Compiled patterns of the `regex` library kept in the data cache, as `checker.regex_cache` keeps re's.

The `regex` library parses and optimises a pattern in Python (`regex._main._compile`) before it hands the
resulting code, a list of integers with a few tables, to its C engine (`_regex.compile`). The phrase lists
of the rule packs (`checker.matching`) are alternations of hundreds of phrases: compiled per document from
the phrases the document contains, they took 0.2 s of CPU over the 27 articles of the peer bench, in every
process. `python -m checker.prepare` records, in its warm-up run (`checker.regex_warmup`), what
`_regex.compile` is given for each pattern compiled (among them every phrase list whole,
`checker.matching.compile_phrase_lists`); a command-line run (`install()`, called first by `checker.cli`)
then hands the stored code to `_regex.compile` directly, and `checker.matching` uses a whole list's stored
pattern instead of compiling one of the phrases present (it finds the same matches: a phrase absent from
the document matches nowhere).

Only patterns given as `str` with integer flags, no named lists, not locale-dependent, under the library's
default version (V0) are kept; the key is the pattern and its flags, the version that of the library and its
files. `CHECKER_NO_DATA_CACHE=1` turns it off with the rest of the data cache. A run never writes the file.

`_regex.compile` does not check the code it is given (unlike `_sre.compile`, `checker.regex_cache`): a wrong
word in it can give wrong matches or crash the process. What keeps wrong code out is the data cache, not this
module: the file's header holds a BLAKE2b digest of its content, checked before anything is unmarshalled
(`checker.datacache`), so a damaged or truncated file is not read at all (every pattern is then compiled as
usual, until `checker.prepare` writes the file again), and the version in the key keeps code recorded under
another build of the library out. A stored entry `_regex.compile` raises on (malformed arguments, not wrong
code) is dropped and its pattern compiled as usual.
"""

from __future__ import annotations

import array
import marshal
import os
import sys
from typing import Any

NAME = "compiled-regex-library"
MAX_ENTRIES = 5_000

Key = tuple[str, int]
# _regex.compile's arguments after the pattern, the code list as machine words (marshal reads one bytes
# object many times faster than a list of ints).
Stored = tuple[int, bytes, dict[str, int], dict[int, str], int, Any, int, int]

_STORE: dict[Key, Stored] = {}
_RECORDED: dict[Key, Stored] = {}
_STATE: dict[str, Any] = {"installed": False, "recording": False, "current": None}
_ORIGINAL: list[Any] = []


def _main() -> Any:
    import regex._main as main

    return main


def version() -> str:
    """The regex library's version, the size and time of its compiler's files, and the Python version."""
    main = _main()
    files = []
    for path in (main.__file__, main._regex_core.__file__, getattr(main._regex, "__file__", "")):
        try:
            stat = os.stat(str(path))
            files.append(f"{stat.st_size}.{stat.st_mtime_ns}")
        except (OSError, ValueError):
            files.append("-")
    import regex

    info = sys.version_info
    return f"regex{regex.__version__}-{'-'.join(files)}-{sys.implementation.name}{info[0]}.{info[1]}"


def _eligible(pattern: object, flags: object, kwargs: object) -> bool:
    main = _main()
    return (
        type(pattern) is str
        and isinstance(flags, int)  # int or the library's RegexFlag
        and not kwargs
        and not flags & (main.DEBUG | main.LOCALE)
        and main.DEFAULT_VERSION == main.VERSION0
        and _import_default_version() == main.VERSION0
    )


def _import_default_version() -> Any:
    import regex

    return regex.DEFAULT_VERSION


def _cache_key(pattern: str, flags: int) -> tuple[Any, ...]:
    """The key `regex._main._compile` files a compiled pattern under (no named list, no locale)."""
    return (pattern, str, flags, frozenset(), _import_default_version(), None)


def _compile(pattern: Any, flags: Any, ignore_unused: Any, kwargs: Any, cache_it: Any) -> Any:
    """`regex._main._compile`, from the stored code when there is some."""
    main = _main()
    if _STATE["installed"] and _eligible(pattern, flags, kwargs):
        flags = int(flags)
        stored = _STORE.get((pattern, flags))
        if stored is not None:
            key = _cache_key(pattern, flags)
            found = main._cache.get(key) if cache_it else None
            if found is not None:
                return found
            try:
                compiled = _build(pattern, stored)
            except Exception:  # a corrupt entry: compiled as usual
                _STORE.pop((pattern, flags), None)
            else:
                if cache_it:
                    with main._cache_lock:
                        if len(main._cache) >= main._MAXCACHE:
                            main._shrink_cache(main._cache, main._named_args, main._locale_sensitive, main._MAXCACHE)
                        main._cache[key] = compiled
                    main._named_args[(pattern, str, flags)] = frozenset()
                    main._locale_sensitive[(str, pattern)] = False
                return compiled
    if _STATE["recording"] and _eligible(pattern, flags, kwargs):
        _STATE["current"] = (pattern, int(flags))
        try:
            return _ORIGINAL[0](pattern, flags, ignore_unused, kwargs, cache_it)
        finally:
            _STATE["current"] = None
    return _ORIGINAL[0](pattern, flags, ignore_unused, kwargs, cache_it)


def _build(pattern: str, stored: Stored) -> Any:
    # The engine takes the code as it is: only the data cache's digest stands between a damaged file and here.
    flags, code, group_index, index_group, req_offset, req_chars, req_flags, group_count = stored
    ops = array.array("I", code).tolist()
    return _main()._regex.compile(
        pattern, flags, ops, group_index, index_group, {}, [], req_offset, req_chars, req_flags, group_count
    )


class _RecordingEngine:
    """`_regex` while recording: `compile` notes its arguments for the pattern being compiled."""

    def __init__(self, engine: Any) -> None:
        self._engine = engine

    def __getattr__(self, name: str) -> Any:
        return getattr(self._engine, name)

    def compile(self, pattern: Any, *args: Any) -> Any:
        current = _STATE["current"]
        compiled = self._engine.compile(pattern, *args)
        if current is not None and current[0] is pattern and len(_RECORDED) < MAX_ENTRIES:
            stored = _storable(args)
            if stored is not None:
                _RECORDED[current] = stored
        return compiled


def _storable(args: tuple[Any, ...]) -> Stored | None:
    if len(args) != 10:
        return None
    flags, code, group_index, index_group, named_lists, list_indexes, req_offset, req_chars, req_flags, count = args
    if named_lists or list_indexes or flags & _main().LOCALE:
        return None
    try:
        words = array.array("I", code).tobytes()
        stored: Stored = (
            int(flags),
            words,
            dict(group_index),
            dict(index_group),
            int(req_offset),
            req_chars,
            int(req_flags),
            int(count),
        )
        marshal.dumps(stored)
    except (OverflowError, TypeError, ValueError):
        return None
    return stored


def _patch() -> None:
    main = _main()
    if not _ORIGINAL:
        _ORIGINAL.append(main._compile)
    main._compile = _compile


def install() -> bool:
    """Build the patterns `prepare` recorded from their stored code from now on. Whether it did."""
    if _STATE["installed"]:
        return True
    if _STATE["recording"]:
        return False  # the warm-up compiles (and records) every pattern itself
    from checker import datacache

    if not datacache.enabled():
        return False
    try:
        stored = datacache.load_stored(NAME, version())
    except ImportError:
        return False
    if not isinstance(stored, dict) or not stored:
        return False
    _STORE.update(stored)
    _patch()
    _STATE["installed"] = True
    return True


def is_stored(pattern: str, flags: int) -> bool:
    """Whether this pattern is built from stored code (compiling it costs nothing)."""
    return _STATE["installed"] and (pattern, flags) in _STORE


def start_recording() -> bool:
    """Record from now on what every pattern compiled hands the engine (`checker.regex_warmup`)."""
    from checker import datacache

    if not datacache.enabled():
        return False
    main = _main()
    if not isinstance(main._regex, _RecordingEngine):
        main._regex = _RecordingEngine(main._regex)
    _patch()
    _STATE["recording"] = True
    main._cache.clear()  # patterns compiled before recording started are compiled again, and recorded
    return True


def save_recorded() -> int:
    """Store what was recorded in the data cache, for `install()`. How many patterns."""
    from checker import datacache

    main = _main()
    _STATE["recording"] = False
    if isinstance(main._regex, _RecordingEngine):
        main._regex = main._regex._engine
    if _RECORDED:
        datacache.store(NAME, version(), dict(_RECORDED))
    return len(_RECORDED)
