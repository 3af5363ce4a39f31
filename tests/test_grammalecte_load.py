"""Grammalecte's lexicon read from the data cache (checker/engines/grammalecte_engine.py) is the lexicon
graphspell reads from its JSON file, and its rule engine's table of compiled patterns answers as the re module.
Speed is measured in bench/ (section peer)."""

from __future__ import annotations

import importlib
import json
import re
from pathlib import Path
from typing import Any

import pytest

from checker.engines import grammalecte_engine


def _public(dictionary: Any) -> dict[str, Any]:
    """An IBDAWG's data attributes (its bound decoding functions left out)."""
    return {k: v for k, v in vars(dictionary).items() if not callable(v)}


def test_the_decoded_lexicon_is_the_json_file() -> None:
    grammalecte_engine.import_grammalecte()  # Debian's directory, at the end of sys.path
    ibdawg = importlib.import_module("grammalecte.graphspell.ibdawg")
    path = Path(ibdawg.__file__).parent / "_dictionaries" / grammalecte_engine.MAIN_DICTIONARY
    decoded = grammalecte_engine.decoded_dictionary()  # built and stored on the first call, read back after
    again = grammalecte_engine.decoded_dictionary()
    from_file = json.loads(path.read_text(encoding="utf-8"))
    assert decoded == from_file and again == from_file
    assert len(from_file["lByDic"]) > 500_000


def test_the_engine_spell_checker_has_the_lexicon_graphspell_loads() -> None:
    engine = grammalecte_engine.get_engine()
    loaded = engine.spell_checker().oMainDic
    ibdawg = importlib.import_module("grammalecte.graphspell.ibdawg")
    reference = ibdawg.IBDAWG(grammalecte_engine.MAIN_DICTIONARY)
    assert _public(loaded) == _public(reference)
    for word in ("mangeait", "Azerbaïdjan", "agritech", "l’innovation", "sont"):
        assert loaded.isValid(word) == reference.isValid(word)
        assert loaded.getMorph(word) == reference.getMorph(word)


def test_the_pattern_table_answers_as_the_re_module() -> None:
    table = grammalecte_engine.patterns_module()
    cases = [
        (r"^[nmts]’$", "t’", 0),
        (r":V[123]", ">manger/:V1_it_q_zz:Ip:3s/*", 0),
        (r"^(?:le|la)$", "LA", re.IGNORECASE),
        (r"^(?:le|la)$", "LA", 0),
        (r"(\w+)-t-(il|elle)", "mange-t-il ?", 0),
    ]
    for pattern, text, flags in cases:
        for function in ("search", "match"):
            ours, theirs = getattr(table, function)(pattern, text, flags), getattr(re, function)(pattern, text, flags)
            assert (ours and (ours.span(), ours.groups())) == (theirs and (theirs.span(), theirs.groups()))
        assert table.compile(pattern, flags) == re.compile(pattern, flags)
    assert table.pattern_count() == len(cases)  # each pattern and flags compiled once, kept in the table
    re.purge()  # re's own cache emptied: the table still gives the object it keeps
    assert table.compile(cases[0][0]) is table.compile(cases[0][0])
    assert table.sub is re.sub and table.IGNORECASE is re.IGNORECASE and table.error is re.error
    # Bytes and compiled patterns are re's business: not kept, and a compiled pattern comes back as itself.
    assert table.search(rb"b+", b"abbc").span() == (1, 3)
    compiled = re.compile(r"x")
    assert table.compile(compiled) is compiled and table.pattern_count() == len(cases)


def test_past_the_bound_patterns_are_compiled_each_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(grammalecte_engine, "MAX_PATTERNS", 1)
    table = grammalecte_engine.patterns_module()
    assert table.search(r"b+", "abbc").span() == (1, 3)
    assert table.search(r"c+", "abbc").span() == (3, 4)
    assert table.compile(r"c+") == re.compile(r"c+")
    assert table.pattern_count() == 1  # the second pattern was not kept


def test_grammalecte_finds_the_same_errors_with_the_pattern_table() -> None:
    engine = grammalecte_engine.get_engine()
    modules = [importlib.import_module(name) for name in grammalecte_engine.PATTERN_MODULES]
    assert all(module.re is not re and module.re.__name__ == "re" for module in modules)  # given at load
    text = (Path(__file__).resolve().parent.parent / "fixtures" / "israel-azerbaidjan.raw.txt").read_text("utf-8")
    paragraphs = [p for p in text.splitlines() if p.strip()]
    paragraphs += ["Ils ont manger.", "Les enfant sont partis.", "Nous allons a Paris.", "Il est partis."]
    paragraphs.append("Les belle maisons.")
    with_table = [engine.check_text(p) for p in paragraphs]
    given = [module.re for module in modules]
    with grammalecte_engine.as_shipped():
        assert all(module.re is re for module in modules)
        with_re = [engine.check_text(p) for p in paragraphs]
    assert [module.re for module in modules] == given  # the table given back
    assert with_table == with_re
    assert sum(len(errors) for errors in with_re) >= 5
