"""Grammalecte's own test sentences for agreement and conjugation errors, caught by our linter.

The Debian package ships no test file, so tests/data/grammalecte_upstream_tests.tsv quotes real
`TEST:` lines of Grammalecte's rule file (source, licence and counts in its header), with the
error span marked {{…}} as upstream wrote it. Each sentence, without its markers, must give a
grammar finding that starts at the marked span, with the rule id of the TSV's third column.
Only sentences that Grammalecte 2.1.2 itself catches are in the file; our linter must catch
all of them (any miss is ours: a disabled option, a filter or a mapping).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker.config import Config
from checker.engines import grammalecte_engine
from checker.lint import lint_text

DATA = Path(__file__).resolve().parent / "data" / "grammalecte_upstream_tests.tsv"
# The adjective's agreement (grammar.adjective-agreement) and the agreement with a noun subject
# (grammar.conjugation-noun-subject, stop 51) are off by default: selected here, and counted as the agreement and
# the conjugation these sentences test.
GRAMMAR = Config(
    select=("grammar", "grammar.adjective-agreement", "grammar.conjugation-noun-subject"), grammar_engine="grammalecte"
)
SAME_RULE = {
    "grammar.adjective-agreement": "grammar.agreement",
    "grammar.conjugation-noun-subject": "grammar.conjugation",
}
MARK_RE = re.compile(r"\{\{(.*?)\}\}")
SECTION_RULES = {
    "gn": {"grammar.agreement", "grammar.conjugation"},
    "ppas": {"grammar.participle"},
    "conj": {"grammar.conjugation"},
}


def _unmark(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """The sentence without its {{…}} markers, and the marked spans in it."""
    text, spans, pos = "", [], 0
    for m in MARK_RE.finditer(marked):
        text += marked[pos : m.start()]
        start = len(text)
        text += m.group(1)
        spans.append((start, len(text)))
        pos = m.end()
    return text + marked[pos:], spans


def _load() -> list[tuple[str, str, str]]:
    rows = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        sentence, section, rule_id = line.split("\t")
        rows.append((sentence, section, rule_id))
    return rows


CASES = _load()


def _caught(text: str, span: tuple[int, int], rule_id: str) -> tuple[bool, list[tuple[str, int, int, str]]]:
    result = lint_text(text, GRAMMAR, fmt="text")
    found = [(f.rule_id, f.start, f.end, f.text) for f in result.findings if f.family == "grammar"]
    start, end = span
    # At the marked span, or one finding over a disagreeing pair that holds it (« Celles qui pense », stop 31).
    ok = any(
        SAME_RULE.get(r, r) == rule_id and ((s == start and e > start) or (s < start and end <= e and " " in f_text))
        for r, s, e, f_text in found
    )
    return ok, found


def test_data_file_is_well_formed() -> None:
    header = [line for line in DATA.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    assert any("Pofilo/grammalecte" in line and "rules.grx" in line for line in header)
    assert any("GPL" in line and "Olivier R." in line for line in header)
    assert len(CASES) >= 30
    assert len({c[0] for c in CASES}) == len(CASES), "duplicate sentence"
    counts = re.search(r"(\d+) sentences collected.*?(\d+) of (\d+)", " ".join(header), re.S)
    assert counts, "the header states how many sentences were collected and caught"
    assert int(counts.group(2)) == len(CASES), "every sentence Grammalecte 2.1.2 catches is kept"
    for sentence, section, rule_id in CASES:
        assert len(MARK_RE.findall(sentence)) == 1, sentence
        assert rule_id in SECTION_RULES[section], (sentence, section, rule_id)


@pytest.mark.parametrize(("sentence", "section", "rule_id"), CASES, ids=[c[0] for c in CASES])
def test_upstream_sentence_is_caught_at_the_marked_span(sentence: str, section: str, rule_id: str) -> None:
    text, spans = _unmark(sentence)
    ok, found = _caught(text, spans[0], rule_id)
    assert ok, f"{sentence!r} [{section}]: expected {rule_id} at {spans[0]}, found {found}"


def test_grammalecte_itself_and_our_linter_catch_all_kept_sentences() -> None:
    """The summary: Grammalecte 2.1.2 alone (its default options) catches 100 % of the kept
    sentences, and so does our grammar family (with its options and mapping)."""
    checker = grammalecte_engine.import_grammalecte().GrammarChecker("fr")
    engine_missed, ours_missed = [], []
    for sentence, _section, rule_id in CASES:
        text, [(start, end)] = _unmark(sentence)
        errors = list(checker.getParagraphErrors(text)[0])
        if not any(e["nStart"] < end and start < e["nEnd"] for e in errors):
            engine_missed.append(sentence)
        if not _caught(text, (start, end), rule_id)[0]:
            ours_missed.append(sentence)
    assert engine_missed == [], f"Grammalecte missed {len(engine_missed)}/{len(CASES)}: {engine_missed}"
    assert ours_missed == [], f"checker missed {len(ours_missed)}/{len(CASES)}: {ours_missed}"
