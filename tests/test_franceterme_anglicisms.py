"""The FranceTerme anglicism list shipped in the package: its source and licence are stated, every row is
well formed, and the rule looks up the forms a French text writes."""

from __future__ import annotations

from importlib import resources

from checker.checks.wording import ANGLICISM_DATA, anglicism_table
from checker.matching import phrase_key


def _data_text() -> str:
    return resources.files("checker").joinpath(ANGLICISM_DATA).read_text(encoding="utf-8")


def test_header_states_source_and_licence() -> None:
    header = "\n".join(line for line in _data_text().splitlines() if line.startswith("#"))
    assert "FranceTerme" in header
    assert "licence ouverte" in header.lower()
    assert "build_franceterme_anglicisms.py" in header


def test_rows_are_well_formed() -> None:
    rows = [line.split("\t") for line in _data_text().splitlines() if line and not line.startswith("#")]
    assert 100 <= len(rows) <= 400, "a compact list of terms a newsroom meets, not the whole base"
    for row in rows:
        assert len(row) == 4, row
        english, french, _domain, origin = row
        assert english == english.lower() and english.strip() == english
        assert all(term.strip() for term in french.split(";")), row
        assert origin.startswith(("FIC_ID ", "JO ")), row


def test_plural_and_closed_spellings_are_looked_up() -> None:
    table = anglicism_table()
    assert table[phrase_key("start-up")].french[0] == "jeune pousse"
    assert table[phrase_key("startups")] is table[phrase_key("start-up")]
    assert table[phrase_key("think tanks")].english == "think tank"
    assert phrase_key("week-end") not in table  # a loan French has made its own
