"""Patterns of the regex library built from the data cache's stored code (checker/regex_lib_cache.py) are the
patterns the library compiles, and the phrase lists matched whole find what the lists of the phrases present find.

Speed is measured in bench/ (section peer); these tests hold the behaviour: what is stored is what compiling
hands the engine, the same matches, a corrupt entry or file compiled as usual, another version ignored."""

from __future__ import annotations

import array
import json
import marshal
import subprocess
import sys
from pathlib import Path
from typing import Any

from checker import datacache

ROOT = Path(__file__).resolve().parent.parent

PATTERNS: list[tuple[str, int]] = [
    (r"(?:(?<![\w-])des[\s\u00a0\u202f]+sources(?![\w-]))|(?:(?<![\w-])on[\s\u00a0\u202f]+dit(?![\w-]))", 2),
    (r"«[^«»]*»|“[^“”]*”|\"[^\"]*\"", 0),
    (r"(?P<mot>\p{L}+)[’'](?P=mot)?", 0),
    (r"\b(?:[Dd]es|[Pp]lusieurs)\s+(?:experts|sources)\b", 0),
    (r"(?i)été|œuvre|STRASSE", 0),
]
TEXTS = ["Selon des  sources, on dit « oui » et “non”.", "l’l’ aujourd'hui", "ÉTÉ, Œuvre, straße", "Plusieurs experts"]

RECORD = """
import json, sys
from checker import regex_lib_cache as R
assert R.start_recording()
import regex
for p, f in json.loads(sys.argv[1]):
    regex.compile(p, f)
print(json.dumps(R.save_recorded()))
"""

USE = """
import json, sys
from checker import datacache, regex_lib_cache as R
patterns = [tuple(p) for p in json.loads(sys.argv[1])]
texts = json.loads(sys.argv[2])
mode = sys.argv[3]
if mode == "corrupt-entry":
    stored = datacache.load_stored(R.NAME, R.version())
    key = (patterns[0][0], patterns[0][1])
    stored[key] = (stored[key][0], b"\\x07\\x00\\x00\\x00" * 3) + stored[key][2:]
    datacache.store(R.NAME, R.version(), stored)
installed = R.install()
import regex, regex._main as main
compiled_as_usual = []
original = R._ORIGINAL[0] if R._ORIGINAL else None
if original is not None:
    R._ORIGINAL[0] = lambda p, *a: compiled_as_usual.append(p) or original(p, *a)
same = []
for p, f in patterns:
    regex.purge()
    built = regex.compile(p, f)
    regex.purge()
    usual = (original or main._compile)(p, f, False, {}, False)
    attributes = [(c.pattern, c.flags, c.groups, c.groupindex) for c in (built, usual)]
    same.append(
        attributes[0] == attributes[1]
        and all([m.span() for m in built.finditer(t)] == [m.span() for m in usual.finditer(t)] for t in texts)
        and all([m.groups() for m in built.finditer(t)] == [m.groups() for m in usual.finditer(t)] for t in texts)
    )
print(json.dumps([installed, same, sorted(set(compiled_as_usual))]))
"""


def _run(script: str, cache: Path, *args: str) -> object:
    env = {"PATH": "/usr/bin:/bin", "CHECKER_CACHE_DIR": str(cache), "HOME": str(cache)}
    proc = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=True,
    )
    return json.loads(proc.stdout.splitlines()[-1])


def test_stored_code_builds_the_same_patterns(tmp_path: Path) -> None:
    assert _run(RECORD, tmp_path, json.dumps(PATTERNS)) == len(PATTERNS)
    installed, same, compiled_as_usual = _run(USE, tmp_path, json.dumps(PATTERNS), json.dumps(TEXTS), "plain")
    assert installed is True
    assert same == [True] * len(PATTERNS)
    assert compiled_as_usual == []  # every pattern built from the store


def test_recorded_arguments_are_what_compiling_hands_the_engine() -> None:
    """The cached answer is the computed one: what is recorded equals what the library gives its engine."""
    import regex
    import regex._main as main

    from checker import regex_lib_cache

    seen: list[tuple[object, ...]] = []
    engine = main._regex

    class Spy:
        def __getattr__(self, name: str) -> object:
            return getattr(engine, name)

        def compile(self, pattern: str, *args: object) -> object:
            seen.append(args)
            return engine.compile(pattern, *args)

    main._regex = Spy()
    try:
        for pattern, flags in PATTERNS:
            regex.purge()
            seen.clear()
            compiled = regex.compile(pattern, flags)
            stored = regex_lib_cache._storable(seen[-1])
            assert stored is not None
            rebuilt = regex_lib_cache._build(pattern, stored)
            assert (rebuilt.pattern, rebuilt.flags, rebuilt.groups) == (pattern, compiled.flags, compiled.groups)
            for text in TEXTS:
                assert [m.span() for m in rebuilt.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    finally:
        main._regex = engine
        regex.purge()


def test_corrupt_entry_is_compiled_as_usual(tmp_path: Path) -> None:
    _run(RECORD, tmp_path, json.dumps(PATTERNS))
    installed, same, compiled_as_usual = _run(USE, tmp_path, json.dumps(PATTERNS), json.dumps(TEXTS), "corrupt-entry")
    assert installed is True and same == [True] * len(PATTERNS)
    assert PATTERNS[0][0] in compiled_as_usual


def test_corrupt_file_or_other_version_is_ignored(tmp_path: Path) -> None:
    _run(RECORD, tmp_path, json.dumps(PATTERNS))
    for path in (tmp_path / "data").glob("compiled-regex-library-*"):
        path.write_bytes(b"\x00garbage")
    installed, same, _ = _run(USE, tmp_path, json.dumps(PATTERNS), json.dumps(TEXTS), "plain")
    assert installed is False and same == [True] * len(PATTERNS)
    other = tmp_path / "other"
    _run(RECORD, other, json.dumps(PATTERNS))
    for path in (other / "data").glob("compiled-regex-library-*"):
        _, name, _, value = _unmarshal(path.read_bytes())
        path.write_bytes(datacache.encode(name, "regex0.0-another-version", value))  # stale: another library
    installed, same, _ = _run(USE, other, json.dumps(PATTERNS), json.dumps(TEXTS), "plain")
    assert installed is False and same == [True] * len(PATTERNS)


def _unmarshal(data: bytes) -> Any:
    """The (format, name, version, value) of a data cache file, its header line skipped, its digest not checked."""
    return marshal.loads(data[data.index(b"\n") + 1 :])


def test_one_flipped_bit_rejects_the_file_and_patterns_are_compiled_as_usual(tmp_path: Path) -> None:
    """One bit of the stored code flipped on disk (the « x » of « experts » made a « y »): marshal reads the
    file, the regex engine takes the code and silently matches something else; the file's digest rejects it, so
    every pattern is compiled as usual, with the right matches, until the file is recorded again."""
    from checker import regex_lib_cache

    assert _run(RECORD, tmp_path, json.dumps(PATTERNS)) == len(PATTERNS)
    (path,) = (tmp_path / "data").glob("compiled-regex-library-*")
    good = path.read_bytes()
    pattern, flags = PATTERNS[3]
    stored = _unmarshal(good)[3][(pattern, flags)]
    code = stored[1]
    assert good.count(code) == 1
    x_word = array.array("I", [ord("x")]).tobytes()
    assert code.count(x_word) == 1
    damaged = bytearray(good)
    damaged[good.index(code) + code.index(x_word)] ^= 0x01  # "x" (0x78) -> "y" (0x79)
    path.write_bytes(bytes(damaged))

    # What a cache without a digest would have handed the engine: accepted, and wrong.
    bad_stored = _unmarshal(bytes(damaged))[3][(pattern, flags)]
    assert bad_stored[1] != code and bad_stored[0] == stored[0]
    built_from_damaged = regex_lib_cache._build(pattern, bad_stored)
    assert built_from_damaged.search("Plusieurs experts") is None
    assert built_from_damaged.search("Plusieurs eyperts") is not None

    # The file is rejected whole: nothing installed, every pattern compiled as usual, the same matches.
    assert datacache.decode(bytes(damaged), *_unmarshal(good)[1:3]) is None
    installed, same, compiled_as_usual = _run(USE, tmp_path, json.dumps(PATTERNS), json.dumps(TEXTS), "plain")
    assert installed is False and same == [True] * len(PATTERNS) and compiled_as_usual == []

    # Recorded again (what `checker.prepare` does): a good file, built from the store again.
    assert _run(RECORD, tmp_path, json.dumps(PATTERNS)) == len(PATTERNS)
    assert datacache.decode(path.read_bytes(), *_unmarshal(good)[1:3]) is not None
    installed, same, compiled_as_usual = _run(USE, tmp_path, json.dumps(PATTERNS), json.dumps(TEXTS), "plain")
    assert installed is True and same == [True] * len(PATTERNS) and compiled_as_usual == []


RECORD_LISTS = """
from checker import regex_lib_cache as R
assert R.start_recording()
from checker.matching import compile_phrase_lists
from checker.rule_packs import load_rules
compile_phrase_lists(load_rules(()))
print(R.save_recorded())
"""

MATCHES = """
import json, sys
from checker import regex_lib_cache as R
installed = R.install()
from checker.config import Config
from checker.parse import parse_document
from checker.rule_packs import load_rules
from checker.matching import iter_matches, _phrases_source
from pathlib import Path
rules = [r for r in load_rules(()) if r.phrases or r.swap]
whole = [R.is_stored(*_phrases_source(r.phrases, r.case_sensitive)) for r in rules if r.phrases]
out = []
for path in sys.argv[1:]:
    text = Path(path).read_text(encoding="utf-8")
    doc = parse_document(text, path)
    for rule in rules:
        for block in doc.blocks:
            out.append([rule.id, block.index, [(m.start, m.end, m.suggestion) for m in iter_matches(rule, block, 5.0)]])
print(json.dumps([installed, whole, out]))
"""


def test_whole_lists_find_what_the_lists_of_the_phrases_present_find(tmp_path: Path) -> None:
    """checker.matching matches a phrase list whole when the data cache keeps it compiled, else the phrases the
    document contains: the same matches on real articles."""
    articles = sorted((ROOT / "corpus" / "articles").glob("*.md"))[:6]
    files = [str(ROOT / "fixtures" / "israel-azerbaidjan.md"), *map(str, articles)]
    without = _run(MATCHES, tmp_path / "empty", *files)
    _run(RECORD_LISTS, tmp_path / "warm")  # what the warm-up of checker.prepare records of them
    with_lists = _run(MATCHES, tmp_path / "warm", *files)
    assert isinstance(without, list) and isinstance(with_lists, list)
    assert without[0] is False and with_lists[0] is True
    assert with_lists[1] and all(with_lists[1])  # every phrase list matched whole
    assert with_lists[2] == without[2]
    assert any(found for _, _, found in without[2])
