"""The FAQ development set (tests/data/faq_dev/: real French Wikinews articles, CC BY 2.5, answers derived
by bench/make_faq_dev.py) holds the figures reached on it, per case of issue 11's table, minus a small
margin: a change that loses catches or adds false alarms fails here."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from faq_quality import (  # noqa: E402
    CASES,
    DERIVED_CASES,
    RESTATEMENT_LABELS,
    Row,
    evaluate,
    evaluate_restatements,
    load,
    load_restatements,
    real_summary_findings,
)

# case: (floor for caught, or ceiling for flagged), from the figures of bench/faq_quality.py minus ~3 points.
FLOORS = {
    "escalation-same-verb": 0.9,  # reached 93.3 % (28/30)
    "escalation-other-verb": 0.83,  # reached 86.7 % (26/30)
    "contradiction-rte": 0.73,  # reached 76.7 % (46/60)
    "contradiction-factcheck": 0.96,  # reached 100 % (60/60)
    "unsupported": 0.96,  # reached 100 % (60/60)
    "contradiction-roles": 0.7,  # reached 77.8 % (7/9)
    "contradiction-quantifier": 0.9,  # reached 100 % (15/15)
}
CEILINGS = {
    "hedge-kept": 0.04,  # reached 0 % (0/30)
    "entailed": 0.04,  # reached 1.7 % (1/60)
    "roles-quantifier-kept": 0.0,  # reached 0 % (0/17)
}


@pytest.fixture(scope="module")
def rows() -> dict[str, Row]:
    result, _, _ = evaluate()
    return result


def test_the_set_is_large_and_covers_every_case() -> None:
    articles, items = load()
    assert len(items) >= 300
    assert {i.case for i in items} == set(CASES)
    assert all(sum(1 for i in items if i.case == case) >= (30 if case in DERIVED_CASES else 9) for case in CASES)
    assert all(i.article in articles for i in items)


@pytest.mark.parametrize("case", sorted(FLOORS))
def test_caught_at_least(rows: dict[str, Row], case: str) -> None:
    row = rows[case]
    assert row.rate >= FLOORS[case], f"{case}: {row.hits}/{row.total}"


@pytest.mark.parametrize("case", sorted(CEILINGS))
def test_flagged_at_most(rows: dict[str, Row], case: str) -> None:
    row = rows[case]
    assert row.rate <= CEILINGS[case], f"{case}: {row.hits}/{row.total}"


# Restatements outside a marked FAQ (tests/data/restatement_dev/): titles, descriptions, ledes, conclusions,
# FAQPage JSON-LD and plain-text closing answers, every summary kind compared with the body.
RESTATEMENT_FLOORS = {
    "escalation": 0.78,  # reached 82.0 % (41/50)
    "changed": 0.83,  # reached 86.2 % (50/58)
}
RESTATEMENT_CEILINGS = {
    "faithful": 0.03,  # reached 0 % (0/61)
}


@pytest.fixture(scope="module")
def restatement_rows() -> dict[str, Row]:
    result, _, _ = evaluate_restatements()
    return result


def test_the_restatement_set_covers_every_kind_format_and_label() -> None:
    items = load_restatements()
    assert len(items) >= 150
    assert len({i.article for i in items}) >= 40
    assert {i.label for i in items} == set(RESTATEMENT_LABELS)
    assert {i.kind for i in items} == {"title", "description", "lede", "conclusion", "closing", "jsonld"}
    assert {i.format for i in items} == {"markdown", "text", "html"}
    assert all(i.question for i in items if i.kind == "jsonld")


@pytest.mark.parametrize("label", sorted(RESTATEMENT_FLOORS))
def test_restatements_caught_at_least(restatement_rows: dict[str, Row], label: str) -> None:
    row = restatement_rows[label]
    assert row.rate >= RESTATEMENT_FLOORS[label], f"{label}: {row.hits}/{row.total}"


@pytest.mark.parametrize("label", sorted(RESTATEMENT_CEILINGS))
def test_faithful_restatements_flagged_at_most(restatement_rows: dict[str, Row], label: str) -> None:
    row = restatement_rows[label]
    assert row.rate <= RESTATEMENT_CEILINGS[label], f"{label}: {row.hits}/{row.total}"


def test_real_titles_and_ledes_get_no_false_alarm() -> None:
    """The real titles, ledes and conclusions of the corpus, every summary compared: the 64 findings this
    had at first were all false alarms (a title that counts, a lede that announces, a last paragraph
    with its own news); none is reported now. A new finding here must be judged (bench/README.md)."""
    _, found = real_summary_findings()
    assert found == [], "\n".join(f"{n}:{line} {rule} {text!r}" for n, rule, line, text, _ in found)
