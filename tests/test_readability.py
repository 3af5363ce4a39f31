"""Readability: the French syllable convention against hand counts (and against textstat),
hand-counted sentences, the Kandel–Moles and LIX formulas, and the three findings."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.checks.readability import (
    graphic_words,
    readability_scores,
    sentence_scores,
)
from checker.config import Config
from checker.document import tokenize
from checker.lint import lint_text
from checker.parse import parse_document
from checker.syllables import count_syllables

# Spoken syllables of standard French, counted by hand (final mute e not pronounced).
HAND_COUNTED = {
    "été": 2,
    "rencontre": 2,
    "aujourd’hui": 3,
    "l’agri-tech": 3,
    "agriculture": 4,
    "intelligence": 4,
    "coopération": 5,
    "Azerbaïdjan": 5,
    "Israël": 3,
    "œuvre": 1,
    "cœur": 1,
    "pays": 2,
    "ville": 1,
    "fille": 1,
    "oiseau": 2,
    "théâtre": 2,
    "poésie": 3,
    "parlent": 1,
    "étaient": 2,
    "président": 3,
    "moment": 2,
    "client": 2,
    "stratégique": 3,
    "économiques": 4,
    "technologies": 4,
    "idée": 2,
    "y": 1,
    "hub": 1,
    "data": 2,
    "smartphone": 2,
    "science": 1,
    "lieu": 1,
    "croissance": 2,
    "durable": 2,
    "énergie": 3,
    "réalité": 4,
    "aéroport": 4,
    "payer": 2,
    "moyen": 2,
    "oublier": 3,
    "cruel": 2,
    "pluie": 1,
    "fruit": 1,
    "société": 3,
    "européen": 4,
    "partenariat": 4,
    "compétitivité": 6,
    "naïf": 2,
    "guerre": 1,
    "pratique": 2,
    "le": 1,
    "que": 1,
    "des": 1,
    "jusqu’à": 2,
    "a-t-il": 2,
    "IA": 2,
    "IDE": 3,
    "26": 2,
    "2026": 4,
}


@pytest.mark.parametrize(("word", "expected"), sorted(HAND_COUNTED.items()))
def test_syllables_match_hand_counts(word: str, expected: int) -> None:
    assert count_syllables(word) == expected


def test_at_least_thirty_hand_counted_words() -> None:
    assert len(HAND_COUNTED) >= 30


def test_textstat_french_syllables_are_wrong_where_documented() -> None:
    """Why checker.syllables replaces textstat: pyphen hyphenation points undercount French
    syllables at word edges, and textstat deletes apostrophes and hyphens first."""
    import textstat
    from textstat.backend.transformations import remove_punctuation

    textstat.set_lang("fr")
    assert remove_punctuation("l’agri-tech", True) == "lagritech"
    assert remove_punctuation("aujourd’hui", True) == "aujourdhui"
    wrong = {w for w, n in HAND_COUNTED.items() if textstat.syllable_count(w) != n}
    # The edge syllables it loses: é|té, thé|â|tre, a|gri|cul|ture, co|o|pé|ra|tion.
    assert {"été", "théâtre", "agriculture", "coopération"} <= wrong
    assert len(wrong) >= len(HAND_COUNTED) // 3, sorted(wrong)
    assert not [w for w in HAND_COUNTED if count_syllables(w) != HAND_COUNTED[w]]


def test_textstat_kandel_moles_coefficients_are_the_ones_used() -> None:
    """What textstat gets right for French: the Kandel–Moles coefficients."""
    from textstat.backend.utils.constants import LANG_CONFIGS

    from checker.checks import readability

    fr = LANG_CONFIGS["fr"]
    assert (fr["fre_base"], fr["fre_sentence_length"], fr["fre_syll_per_word"]) == (
        readability.KM_BASE,
        readability.KM_SENTENCE,
        readability.KM_SYLLABLE,
    )


def test_graphic_words_join_elisions() -> None:
    words = graphic_words(tokenize("L’IA, l’énergie et aujourd’hui l’agri-tech d’Israël-Azerbaïdjan : 26 mots."))
    assert [w.text for w in words] == [
        "L’IA",
        "l’énergie",
        "et",
        "aujourd’hui",
        "l’agri-tech",
        "d’Israël-Azerbaïdjan",
        "26",
        "mots",
    ]
    assert [w.lexical for w in words][:2] == ["IA", "énergie"]
    assert words[1].letters == 7  # "énergie": long for LIX
    assert graphic_words(tokenize("l’accord"))[0].letters == 6  # the elided l is not counted: short


# (sentence, words, syllables, long words), counted by hand.
HAND_SENTENCES = [
    ("L’IA et l’agri-tech sont au cœur des projets de coopération.", 10, 18, 3),
    ("Aujourd’hui, le chat dort.", 4, 6, 1),
    ("Le 26 janvier 2026, les ministres parlent d’énergie.", 8, 16, 4),
    ("Il a été réélu jusqu’à hier.", 6, 10, 0),
]


@pytest.mark.parametrize(("text", "words", "syllables", "long_words"), HAND_SENTENCES)
def test_sentences_match_hand_counts(text: str, words: int, syllables: int, long_words: int) -> None:
    doc = parse_document(text, "t.txt", "text")
    [sentence] = list(doc.sentences())
    scores = sentence_scores(sentence)
    assert (scores.words, scores.sentences, scores.syllables, scores.long_words) == (words, 1, syllables, long_words)


def test_formulas_on_a_hand_counted_sentence() -> None:
    doc = parse_document(HAND_SENTENCES[0][0], "t.txt", "text")
    scores = sentence_scores(next(doc.sentences()))
    assert scores.kandel_moles == pytest.approx(207 - 1.015 * 10 - 73.6 * 18 / 10)  # 64.37
    assert scores.lix == pytest.approx(10 + 100 * 3 / 10)


def test_document_and_paragraph_scores_add_up() -> None:
    text = "# Titre très long pour rien\n\n" + " ".join(s for s, *_ in HAND_SENTENCES[:2]) + "\n\n"
    text += " ".join(s for s, *_ in HAND_SENTENCES[2:]) + "\n"
    report = readability_scores(parse_document(text, "t.md", "markdown"))
    assert [
        (p.scores.words, p.scores.sentences, p.scores.syllables, p.scores.long_words) for p in report.paragraphs
    ] == [
        (14, 2, 24, 4),
        (14, 2, 26, 4),
    ]
    # The heading is not scored.
    doc = report.document
    assert (doc.words, doc.sentences, doc.syllables, doc.long_words) == (28, 4, 50, 8)
    assert doc.kandel_moles == pytest.approx(207 - 1.015 * 7 - 73.6 * 50 / 28)
    assert doc.lix == pytest.approx(7 + 100 * 8 / 28)
    as_dict = report.as_dict()
    assert as_dict["paragraphs"][1]["line"] == 5
    assert as_dict["document"]["words"] == 28


def _findings(text: str, rule: str, fmt: str = "text", **thresholds: float) -> list:
    config = Config(select=(rule,), thresholds=tuple(thresholds.items()))
    return [f for f in lint_text(text, config, fmt=fmt).findings if f.rule_id == rule]


def test_long_sentence_threshold_is_configurable_and_spans_the_sentence() -> None:
    text = "Court. Le ministre a rencontré hier le président du pays pour parler d’énergie et d’eau. Fin."
    assert not _findings(text, "readability.long-sentence")
    [f] = _findings(text, "readability.long-sentence", **{"long-sentence-words": 10})
    assert f.text == "Le ministre a rencontré hier le président du pays pour parler d’énergie et d’eau."
    assert "14 mots" in f.message and "10" in f.message
    assert f.data["words"] == 14


def test_a_long_sentence_with_code_or_a_url_inside_is_reported() -> None:
    # Code and bare URLs are masked; a sentence that spans one is still the writer's prose to measure.
    text = "Le site `code.gouv.fr`, consultable sur https://code.gouv.fr, publie chaque lundi la liste des dépôts.\n"
    [f] = _findings(text, "readability.long-sentence", fmt="markdown", **{"long-sentence-words": 10})
    assert f.text == text.strip()
    # A rule of another family touching the code is still dropped (the finding would be about the code).
    assert not _findings("Voir `les fichers` ici.\n", "spelling.unknown-word", fmt="markdown")


def test_paragraph_hard_reports_both_scores_on_the_first_sentence() -> None:
    sample = Path(__file__).resolve().parent.parent / "fixtures" / "israel-azerbaidjan.md"
    source = sample.read_text(encoding="utf-8")
    found = _findings(source, "readability.paragraph-hard", fmt="markdown")
    report = readability_scores(parse_document(source, "s.md", "markdown"))
    hard = [p for p in report.paragraphs if p.scores.kandel_moles < 40 or p.scores.lix > 55]
    assert len(found) == len(hard) > 0
    first = found[0]
    assert first.text.startswith("Le 26 janvier 2026") and first.text.endswith("secteurs stratégiques.")
    assert "Kandel–Moles 7,4" in first.message and "LIX 69,0" in first.message
    assert source[first.data["paragraph_start"] : first.data["paragraph_end"]].endswith("l’Azerbaïdjan.")
    # Easier thresholds: no paragraph of the sample is hard.
    assert not _findings(
        source, "readability.paragraph-hard", fmt="markdown", **{"kandel-moles-min": -50, "lix-max": 100}
    )


def test_document_score_on_the_sample() -> None:
    sample = Path(__file__).resolve().parent.parent / "fixtures" / "israel-azerbaidjan.md"
    source = sample.read_text(encoding="utf-8")
    [f] = _findings(source, "readability.document-score", fmt="markdown")
    assert f.severity == "info"
    assert f.text.startswith("Israël et Azerbaïdjan")  # the title heading
    doc = readability_scores(parse_document(source, "s.md", "markdown")).document
    assert f.data["kandel_moles"] == round(doc.kandel_moles, 1)
    assert f.data["lix"] == round(doc.lix, 1)
    assert f"{doc.words} mots" in f.message


@pytest.mark.parametrize(
    "text", ["", "   \n\n", "…", "🙂 🙂 🙂", "x" * 5000, "L’ d’ qu’", "# \n\n- \n", "1 2 3. 4 5 6."]
)
def test_no_crash_on_odd_input(text: str) -> None:
    result = lint_text(text, Config(select=("readability",)))
    for f in result.findings:
        assert f.end > f.start
