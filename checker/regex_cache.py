"""Compiled regular expressions kept in the data cache, so that a command-line run does not compile
again the patterns every run compiles.

CPython compiles a regular expression with Python code (`re._parser`, `re._compiler`), a tenth of a
millisecond or more each; a cold lint compiles about 900 of them (Grammalecte's rules and its
morphology tests, the rule packs', the libraries' at import), a fifth of a second of CPU, about twice
what Grammalecte alone compiles (the re module's cache of 512 patterns is first in, first out: with
ours in it, Grammalecte compiles some of its own again and again). What compiling produces (the
`_sre` code, a list of integers, and the group names) depends only on the pattern, its flags and the
Python version. `python -m checker.prepare` (run by `make`) records the patterns of a warm-up run
in a fresh process (`python -m checker.regex_warmup`: the command line's imports, every rule pack
example linted as Markdown, HTML and text) in the data cache; a command-line run
(`install()`, called first by `checker.cli`) then builds those from their code
(`_sre.compile`, a few microseconds) and compiles the others as usual.

Results are the same: a pattern built from its stored code compares equal to the one compiled
(`re.Pattern.__eq__` compares the code), and `_sre.compile` validates the code it is given (a
corrupt entry raises, and that pattern is compiled as usual). Only CPython 3.11 to 3.13, whose
`re._compiler.compile` this follows, and only when a probe pattern built both ways compares equal;
`CHECKER_NO_DATA_CACHE=1` turns it off with the rest of the data cache. A run never writes the file:
it holds what `prepare` recorded, not patterns of the documents linted since.
"""

from __future__ import annotations

import array
import re
import sys
from collections.abc import Callable
from typing import Any

NAME = "compiled-regexes"
SUPPORTED = ((3, 11), (3, 12), (3, 13))
MAX_ENTRIES = 20_000

Key = tuple[str | bytes, int]
Code = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]  # _sre.compile's arguments after the pattern
Stored = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]  # the code list as machine words

_STORE: dict[Key, Stored] = {}
_RECORDED: dict[Key, Code] = {}
_STATE = {"installed": False, "recording": False}
_ORIGINAL: list[Callable[..., Any]] = []


def _modules() -> tuple[Any, Any, Any] | None:
    """(re._compiler, re._parser, _sre) when this Python is one whose compiler `_compile_to_code` follows."""
    if sys.implementation.name != "cpython" or sys.version_info[:2] not in SUPPORTED:
        return None
    compiler, parser = getattr(re, "_compiler", None), getattr(re, "_parser", None)
    try:
        sre = _sre()
    except ImportError:
        return None
    if compiler is None or parser is None or not callable(getattr(compiler, "_code", None)):
        return None
    return compiler, parser, sre


def _sre() -> Any:
    """CPython's regular expression engine (no type stubs; loaded with re)."""
    import importlib

    return sys.modules.get("_sre") or importlib.import_module("_sre")


def version() -> str:
    """The data cache's version of the stored code: the Python version, its regex engine's, and the size and
    time of the files of re's compiler (a distribution may patch them without changing the version)."""
    import os

    sre = _sre()
    info = sys.version_info
    files = []
    for module in (getattr(re, "_compiler", None), getattr(re, "_parser", None)):
        try:
            stat = os.stat(str(getattr(module, "__file__", "")))
            files.append(f"{stat.st_size}.{stat.st_mtime_ns}")
        except (OSError, ValueError):
            files.append("-")
    engine = f"sre{sre.MAGIC}-{sre.CODESIZE}-{'-'.join(files)}"
    return f"{sys.implementation.name}{info[0]}.{info[1]}.{info[2]}{info[3]}-{engine}"


def _compile_to_code(pattern: str | bytes, flags: int) -> Code:
    """What `re._compiler.compile` hands `_sre.compile`, computed the same way."""
    modules = _modules()
    assert modules is not None
    compiler, parser, _ = modules
    parsed = parser.parse(pattern, flags)
    code = compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # The code holds named constants (int subclasses): plain ints, as marshal stores them.
    ops = [int(op) for op in code]
    return (int(flags | parsed.state.flags), ops, parsed.state.groups - 1, groupindex, tuple(indexgroup))


def _typecode() -> str:
    """The array type of `_sre`'s code words (`_sre.CODESIZE` bytes each)."""
    sre = _sre()
    return "I" if sre.CODESIZE == 4 else "H"


def _stored(code: Code) -> Stored:
    """The code list as one bytes object of machine words: marshal reads it many times faster than a list."""
    flags, ops, groups, groupindex, indexgroup = code
    return (flags, array.array(_typecode(), ops).tobytes(), groups, groupindex, indexgroup)


def _storable(pattern: object, flags: int) -> bool:
    # Exactly str or bytes (a subclass, such as lxml's strings, may not marshal) and plain int flags.
    return type(pattern) in (str, bytes) and type(flags) is int and not flags & re.DEBUG


def _compile(pattern: Any, flags: int = 0) -> Any:
    """`re._compiler.compile`, from the stored code when there is some."""
    if _storable(pattern, flags):
        key = (pattern, flags)
        stored = _STORE.get(key)
        if stored is not None:
            sre = _sre()
            try:
                flags_out, code, groups, groupindex, indexgroup = stored
                ops = array.array(_typecode(), code).tolist()
                return sre.compile(pattern, flags_out, ops, groups, groupindex, indexgroup)
            except Exception:  # a corrupt entry: compiled as usual
                _STORE.pop(key, None)
        if _STATE["recording"] and len(_RECORDED) < MAX_ENTRIES:
            sre = _sre()
            recorded = _compile_to_code(pattern, flags)
            _RECORDED[key] = recorded
            return sre.compile(pattern, *recorded)
    return _ORIGINAL[0](pattern, flags)


def _probe_agrees() -> bool:
    """Whether a pattern built from `_compile_to_code` equals the one re compiles (same code)."""
    sre = _sre()
    probe = r"(?P<word>[^\W\d_]+)(?:['’](?P=word))?\s*(?i:é|È)\b|\d{2,}"
    try:
        return bool(sre.compile(probe, *_compile_to_code(probe, 0)) == _ORIGINAL[0](probe, 0))
    except Exception:
        return False


def _patch() -> bool:
    modules = _modules()
    if modules is None:
        return False
    compiler = modules[0]
    if not _ORIGINAL:
        _ORIGINAL.append(compiler.compile)
    if not _probe_agrees():
        return False
    compiler.compile = _compile
    _STATE["installed"] = True
    return True


def install() -> bool:
    """Build the patterns `prepare` recorded from their stored code from now on. Whether it did."""
    if _STATE["installed"]:
        return True
    from checker import datacache

    if not datacache.enabled() or _modules() is None:
        return False
    stored = datacache.load_stored(NAME, version())
    if not isinstance(stored, dict) or not stored:
        return False
    _STORE.update(stored)
    return _patch()


def start_recording() -> bool:
    """Record from now on the code of every pattern compiled (`checker.regex_warmup`). Whether it can."""
    from checker import datacache

    if _modules() is None or not datacache.enabled():
        return False
    _STATE["recording"] = True
    return _patch()


def save_recorded() -> int:
    """Store what was recorded in the data cache, for `install()`. How many patterns."""
    from checker import datacache

    _STATE["recording"] = False
    if _RECORDED:
        datacache.store(NAME, version(), {key: _stored(code) for key, code in _RECORDED.items()})
    return len(_RECORDED)
