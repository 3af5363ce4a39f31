"""Typography: locale conventions, exact spans, what is not flagged, and the safety of the fixes
each finding carries (examples of each rule are run by test_rule_examples.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.config import Config
from checker.findings import Edit
from checker.lint import lint_text, read_source

NBSP = "\u00a0"
NNBSP = "\u202f"


def _findings(text: str, locale: str = "fr-FR", fmt: str = "text", select: str = "typography") -> list:
    return lint_text(text, Config(select=(select,), locale=locale), fmt=fmt).findings


def _rules_and_texts(text: str, **kw: str) -> list[tuple[str, str]]:
    return [(f.rule_id, f.text) for f in _findings(text, **kw)]


def test_sample_article_flags_plain_spaces_before_colon_and_question_marks(sample_md: Path) -> None:
    source = read_source(sample_md)
    findings = lint_text(source, Config(select=("typography",)), str(sample_md)).findings
    spaces = [f for f in findings if f.rule_id == "typography.space-before-punct"]
    # The front matter title and the H1 "Israël et Azerbaïdjan : l’IA…", and the four FAQ questions ending in " ?".
    assert len(spaces) == 6
    assert all(f.text == " " for f in spaces)
    assert {source[f.end] for f in spaces} == {":", "?"}
    title, h1 = (f for f in spaces if source[f.end] == ":")
    assert (title.line, title.column) == (2, 30)
    assert (h1.line, h1.column) == (7, 24)
    assert h1.fix == [Edit(h1.start, h1.end, NBSP)] and title.fix == [Edit(title.start, title.end, NBSP)]
    questions = [f for f in spaces if source[f.end] == "?"]
    assert all(f.fix[0].replacement == NNBSP for f in questions)
    # The article uses ’ everywhere: no apostrophe finding.
    assert not [f for f in findings if f.rule_id == "typography.apostrophe-consistency"]


@pytest.mark.parametrize(
    ("locale", "before_question", "before_colon", "inside_quotes"),
    [
        ("fr-FR", NNBSP, NBSP, NBSP),
        ("fr-BE", NNBSP, NBSP, NBSP),
        ("fr-CH", NNBSP, NNBSP, NNBSP),
        ("fr-CA", "", NBSP, NBSP),
    ],
)
def test_locale_decides_the_space_inserted(
    locale: str, before_question: str, before_colon: str, inside_quotes: str
) -> None:
    text = "Pourquoi ? Voici : « oui »."
    fixes = {
        f.fix[0].start: f.fix[0].replacement
        for f in _findings(text, locale=locale)
        if f.rule_id == "typography.space-before-punct"
    }
    assert fixes == {
        text.index(" ?"): before_question,
        text.index(" :"): before_colon,
        text.index("« ") + 1: inside_quotes,
        text.index(" »"): inside_quotes,
    }


def test_fr_ca_accepts_no_space_and_no_break_space_before_question_mark() -> None:
    assert _findings("Pourquoi? Parce que.", locale="fr-CA") == []
    assert _findings(f"Pourquoi{NBSP}? Parce que.", locale="fr-CA") == []
    # …but the colon still needs its no-break space.
    assert _rules_and_texts("Voici: la liste.", locale="fr-CA") == [("typography.nbsp-before-punct", ":")]


def test_both_no_break_spaces_are_accepted_everywhere_a_space_is_required() -> None:
    for space in (NBSP, NNBSP):
        text = f"Pourquoi{space}? Voici{space}: «{space}oui{space}» ; 12{space}000{space}€ et 40{space}%."
        found = _rules_and_texts(text)
        assert found == [("typography.space-before-punct", " ")], space  # only the ordinary space before ";"


def test_missing_space_flags_the_mark_itself() -> None:
    text = "Quoi? Voici: «oui»."
    found = [(f.rule_id, f.start, f.text) for f in _findings(text)]
    assert found == [
        ("typography.nbsp-before-punct", text.index("?"), "?"),
        ("typography.nbsp-before-punct", text.index(":"), ":"),
        ("typography.nbsp-before-punct", text.index("«"), "«"),
        ("typography.nbsp-before-punct", text.index("»"), "»"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Rendez-vous à 14:30 précises.",
        "Le ratio est de 3:1.",
        "En C++, std::vector est courant.",
        "Une question (?) reste ouverte.",
        "Quoi\u202f?! Vraiment\u202f?",
        "Le lien http://exemple.fr/page?id=3 est cassé.",
        "Le code a;b;c est illisible.",
    ],
)
def test_not_flagged_by_punctuation_rules(text: str) -> None:
    assert _rules_and_texts(text) == []


def test_spaces_next_to_removed_urls_are_not_flagged_but_inline_code_is_a_word() -> None:
    # A bare URL leaves the prose: the space beside it is not judged. Inline code stays as a word, so the
    # space between it and « ? » is the writer's and gets the narrow no-break space, the code untouched.
    assert _findings("Voyez https://exemple.fr/x ? Et lisez.\n", fmt="markdown") == []
    text = "Lancez `make` ? Et voyez https://exemple.fr/x ici.\n"
    (found,) = _findings(text, fmt="markdown")
    assert (found.rule_id, found.start, found.suggestions) == ("typography.space-before-punct", 13, ["\u202f?"])


def test_quotes_second_level_inside_guillemets() -> None:
    text = f'Il a dit «{NBSP}c’est un "tournant"{NBSP}», puis "fin".'
    found = [(f.text, f.suggestions[0]) for f in _findings(text) if f.rule_id == "typography.quotes"]
    assert found == [('"tournant"', "“tournant”"), ('"fin"', f"«{NBSP}fin{NBSP}»")]


def test_apostrophe_typographic_never_flagged_even_in_minority() -> None:
    text = "L'IA, l'énergie et l'eau ; l’agriculture."
    found = _findings(text.replace(" ;", f"{NNBSP};"))
    assert [(f.rule_id, f.text) for f in found] == [("typography.apostrophe-consistency", "'")] * 3
    assert {f.fix[0].replacement for f in found} == {"’"}


def test_apostrophe_counts_across_blocks() -> None:
    text = "# L’IA et l’énergie\n\nL’eau et l'agriculture.\n"
    found = _findings(text, fmt="markdown")
    assert [(f.rule_id, f.text, f.line) for f in found] == [("typography.apostrophe-consistency", "'", 3)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Il y avait 12000 visiteurs.", [("12000", f"12{NNBSP}000")]),
        ("Il y avait 1234567 visiteurs.", [("1234567", f"1{NNBSP}234{NNBSP}567")]),
        ("Un budget de 1 500 000 euros.", [("1 500 000", f"1{NNBSP}500{NNBSP}000")]),
        ("Soit 12345,67 euros.", [("12345", f"12{NNBSP}345")]),
        ("En 2026, la ville comptait 1000 habitants.", []),
        ("Appelez le 0612345678 ou le 01 23 45 67 89.", []),
        ("Au 75001 Paris.", []),
        ("Pi vaut 3,14159.", []),
        ("Le dossier n° 123456 et la réf. 987654.", []),
        ("L’ISBN 9782070368228 est valide.", []),
        ("En 2026 100 000 personnes sont venues.", []),
        ("Le 2026-01-27 et le lot AB12345.", []),
        ("Un total de 12345.67 dollars.", []),
    ],
)
def test_number_spacing(text: str, expected: list[tuple[str, str]]) -> None:
    found = [(f.text, f.suggestions[0]) for f in _findings(text, select="typography.number-spacing")]
    assert found == expected


def test_number_spacing_in_fr_ca_uses_no_break_space() -> None:
    found = _findings("Il y avait 12000 visiteurs.", locale="fr-CA", select="typography.number-spacing")
    assert found[0].fix[0].replacement == f"12{NBSP}000"


def test_units() -> None:
    text = "Une hausse de 40% pour 3€, puis 5 % et 7 $."
    found = [(f.rule_id, f.text, f.fix[0].replacement) for f in _findings(text)]
    assert found == [
        ("typography.percent-space", "%", f"{NNBSP}%"),
        ("typography.currency-space", "€", f"{NNBSP}€"),
        ("typography.percent-space", " ", NNBSP),
        ("typography.currency-space", " ", NNBSP),
    ]
    # URL-encoded remnants are markup, not percentages.
    assert _findings("Le fichier rapport2%20final.") == []


def test_ellipsis_and_etc() -> None:
    found = [(f.text, f.suggestions[0]) for f in _findings("Et puis... rien, etc...")]
    assert found == [("...", "…"), ("...", ".")]


def test_double_space_not_in_html_and_not_across_removed_urls() -> None:
    assert _rules_and_texts("Le  ministre.") == [("typography.double-space", "  ")]
    assert _findings("<p>Le\n    ministre.</p>", fmt="html") == []
    assert _findings("Voir https://exemple.fr ici.") == []


def test_html_no_break_space_entity_is_accepted() -> None:
    assert _findings("<p>Pourquoi&nbsp;? Voici&#8239;: oui.</p>", fmt="html") == []


def test_html_entities_are_flagged_but_never_fixed() -> None:
    found = _findings("<p>Il a dit &quot;oui&quot;.</p>", fmt="html")
    assert [f.rule_id for f in found] == ["typography.quotes"]
    assert found[0].fix == []


def test_markdown_escaped_quote_is_not_fixed() -> None:
    found = _findings('Il a dit \\"oui\\" hier.\n', fmt="markdown")
    assert [f.rule_id for f in found] == ["typography.quotes"]
    assert found[0].fix == []


def test_fix_edits_cover_exactly_the_visible_text_they_replace() -> None:
    text = (
        "# Titre : sous-titre\n\n"
        'Un **mot**? Et [un lien](https://exemple.fr) ? Le "mot *gras*" à 40% pour 12000€...\n\n'
        "- item ; deux  espaces\n"
    )
    found = _findings(text, fmt="markdown")
    assert found
    for f in found:
        assert f.fix, f
        for edit in f.fix:
            original = text[edit.start : edit.end]
            assert original and original.strip(" ") in {"", ":", "?", ";", "%", "€", '"', "...", "12000"}, edit


def test_finding_spans_and_positions_are_exact() -> None:
    text = "Ligne un.\nDeux : trois ?\nQuatre  cinq 40%.\n"
    for f in _findings(text):
        assert f.end > f.start
        assert text[f.start : f.end] == f.text
        line = text.count("\n", 0, f.start) + 1
        col = f.start - (text.rfind("\n", 0, f.start) + 1) + 1
        assert (f.line, f.column) == (line, col)


@pytest.mark.parametrize(
    "text",
    ["", " ", "\n\n", "«", "»", '"', "...", "?", "« »", "1" * 5000, "«" * 3000 + '"' * 3001, "\u202f?\u00a0:"],
)
def test_no_crash_on_odd_inputs(text: str) -> None:
    for fmt in ("text", "markdown", "html"):
        for f in _findings(text, fmt=fmt):
            assert f.end > f.start


def test_rule_selection_turns_single_rules_off() -> None:
    text = "Quoi ? 40% et 12000 visiteurs..."
    config = Config(ignore=("typography.space-before-punct", "typography.ellipsis"))
    ids = {f.rule_id for f in lint_text(text, config, fmt="text").findings if f.family == "typography"}
    assert ids == {"typography.percent-space", "typography.number-spacing"}


def test_html_spaces_collapsed_by_the_parser_are_flagged_and_fixed_whole() -> None:
    text = "<p>Pourquoi   ? Il dit «  oui&nbsp;».</p>"
    found = [(f.text, f.fix) for f in _findings(text, fmt="html")]
    at = text.index("   ?")
    after_open = text.index("«") + 1
    assert found == [
        ("   ", [Edit(at, at + 3, NNBSP)]),
        ("  ", [Edit(after_open, after_open + 2, NBSP)]),
    ]


def test_a_line_break_before_a_colon_is_reported_but_never_fixed() -> None:
    found = _findings("<p>Voici\n: la liste.</p>", fmt="html")
    assert [(f.rule_id, f.text, f.fix) for f in found] == [("typography.space-before-punct", "\n", [])]
