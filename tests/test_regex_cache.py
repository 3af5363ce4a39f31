"""Patterns built from the data cache's stored code (checker/regex_cache.py) are the patterns re compiles.

Speed is measured in bench/ (section peer); these tests hold the behaviour: equal pattern objects (same
code, same groups), the same matches, and a corrupt entry compiled as usual."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from checker import regex_cache

ROOT = Path(__file__).resolve().parent.parent

PATTERNS: list[tuple[str, int]] = [
    (r"(?P<word>[^\W\d_]+)(?:['’](?P=word))?\s*\b", 0),
    (r"\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?:,\d+)?", 0),
    (r"(?i)\b(?:selon|d['’]après)\s+(?!moi)\w+", 0),
    (r"(?<=\s)«\s*[^»]{0,200}»", 0),
    (r"^#{1,6}\s+(.*?)\s*#*$", 8),  # re.MULTILINE
    (r"é|È|œuvre", 2),  # re.IGNORECASE
    (r"a.c", 16),  # re.DOTALL
    (r"[a-z]+@[a-z]+\.(?:fr|com)", 256),  # re.ASCII
]

PROBE = """
import json, re, sys
from checker import datacache, regex_cache as R

patterns = [tuple(p) for p in json.loads(sys.argv[1])]
R._ORIGINAL.append(re._compiler.compile)
store = {(p, f): R._stored(R._compile_to_code(p, f)) for p, f in patterns}
store[("(?P<x>a)b+", 0)] = (0, b"\\x01\\x02\\x03\\x04", 0, {}, ())  # not valid code
datacache.store(R.NAME, R.version(), store)
assert R.install()
compiled_as_usual = []
original = R._ORIGINAL[0]
R._ORIGINAL[0] = lambda p, f=0: compiled_as_usual.append(p) or original(p, f)
results = []
for p, f in patterns:
    re.purge()
    results.append(re.compile(p, f) == original(p, f))
re.purge()
corrupt = re.compile("(?P<x>a)b+")
print(json.dumps([results, compiled_as_usual, corrupt.match("abb").group("x")]))
"""


def test_stored_code_builds_the_same_patterns(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "CHECKER_CACHE_DIR": str(tmp_path), "HOME": str(tmp_path)}
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(PATTERNS)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=True,
    )
    equal, compiled_as_usual, group = json.loads(proc.stdout.splitlines()[-1])
    assert equal == [True] * len(PATTERNS)
    assert compiled_as_usual == ["(?P<x>a)b+"]  # only the corrupt entry; the others came from the store
    assert group == "a"


def test_recorded_code_matches_like_the_compiled_pattern() -> None:
    import _sre
    import re

    original = regex_cache._ORIGINAL[0] if regex_cache._ORIGINAL else re._compiler.compile  # type: ignore[attr-defined]
    texts = ["Le 12 345,5 « oui » dit-il", "ÉTÉ été œuvre", "a\nc", "x@y.fr", "## Titre ##\n# Autre"]
    for pattern, flags in PATTERNS:
        flags_out, code, groups, groupindex, indexgroup = regex_cache._compile_to_code(pattern, flags)
        built = _sre.compile(pattern, flags_out, code, groups, groupindex, indexgroup)
        usual = original(pattern, flags)
        assert built == usual
        for text in texts:
            assert [m.span() for m in built.finditer(text)] == [m.span() for m in usual.finditer(text)]
            assert [m.groups() for m in built.finditer(text)] == [m.groups() for m in usual.finditer(text)]


def test_a_run_without_the_stored_file_compiles_as_usual(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "CHECKER_CACHE_DIR": str(tmp_path), "HOME": str(tmp_path)}
    code = "from checker import regex_cache as R; print(R.install())"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, check=True)
    assert proc.stdout.strip() == "False"
