"""Repetition checks on small texts and on the sample article."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from checker.checks.repetition import _similar_pairs, _Unit, stop_words
from checker.config import Config
from checker.lint import lint_text

SAMPLE = Path(__file__).resolve().parent.parent / "fixtures" / "israel-azerbaidjan.md"


def _findings(text: str, rule: str, fmt: str = "text", **thresholds: float) -> list:
    config = Config(preset="picky", select=(rule,), thresholds=tuple(thresholds.items()))
    return [f for f in lint_text(text, config, fmt=fmt).findings if f.rule_id == rule]


@pytest.fixture(scope="module")
def sample() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def test_stop_words_are_function_words() -> None:
    words = stop_words()
    assert {"le", "de", "et", "été", "avaient", "être", "pouvoir", "cette", "dont"} <= words
    assert not {"croissance", "stratégique", "innovation", "valeur", "état"} & words


# ---------------------------------------------------------------- close lemma


def test_close_lemma_leaves_the_subject_and_quotations_alone() -> None:
    titled = "---\ntitle: La réforme des retraites\n---\n\nLa réforme passe. Mais la réforme divise encore.\n"
    assert not _findings(titled, "repetition.close-lemma", "markdown")
    frequent = "Le vaccin arrive. Le vaccin protège. Le vaccin rassure. Le vaccin coûte."
    assert not _findings(frequent, "repetition.close-lemma")
    # Twice in one sentence is an echo, subject or not.
    one_sentence = "---\ntitle: La réforme des retraites\n---\n\nLa réforme passe, et la réforme divise.\n"
    assert [f.text for f in _findings(one_sentence, "repetition.close-lemma", "markdown")] == ["réforme"]
    quoted = "Il a déclaré : « Nous voulons la paix, rien que la paix. »"
    assert not _findings(quoted, "repetition.close-lemma")
    assert [f.text for f in _findings("Il veut la paix, rien que la paix.", "repetition.close-lemma")] == ["paix"]


def test_close_lemma_window_is_configurable() -> None:
    text = "Le pays vise la croissance, avec des usines, des ports et des routes neuves, puis une croissance durable."
    [f] = _findings(text, "repetition.close-lemma")
    assert f.text == "croissance" and f.start == text.rindex("croissance")
    assert "« croissance » reprend « croissance », employé 12 mots plus tôt" in f.message
    assert f.related and f.related[0]["text"] == "croissance"
    assert not _findings(text, "repetition.close-lemma", **{"repetition-window": 5})


def test_close_lemma_by_lemma_not_across_paragraphs_nor_names() -> None:
    [f] = _findings("Un secteur stratégique et des choix stratégiques.", "repetition.close-lemma")
    assert f.text == "stratégiques"
    assert not _findings("Un secteur stratégique.\n\nDes choix stratégiques.\n", "repetition.close-lemma", "markdown")
    assert not _findings("Israël parle, Israël signe et l’IA, l’IA encore.", "repetition.close-lemma")


# ---------------------------------------------------------------- phrases


def test_repeated_phrase_flags_the_later_occurrence_merged() -> None:
    text = (
        "Le pays doit optimiser les flux énergétiques régionaux. "
        "Ensuite, la région veut optimiser les flux énergétiques régionaux du port."
    )
    [f] = _findings(text, "repetition.phrase")
    assert f.text == "optimiser les flux énergétiques régionaux"
    assert f.start == text.rindex("optimiser")
    assert f.related[0]["text"] == "optimiser les flux énergétiques régionaux"
    assert not _findings(text, "repetition.phrase", **{"repeated-phrase-min-words": 6})
    assert not _findings(text, "repetition.phrase", **{"repeated-phrase-min-count": 3})


def test_repeated_phrase_ignores_function_word_runs() -> None:
    text = "Il parle de la mise en place de la loi. Elle parle de la fin de la guerre."
    assert not _findings(text, "repetition.phrase")


def test_faq_restating_the_body_is_not_a_repeated_phrase(sample: str) -> None:
    found = _findings(sample, "repetition.phrase", "markdown")
    assert not found
    # The same text without FAQ markup (the raw export) repeats body phrases in the body.
    raw = SAMPLE.with_suffix(".raw.txt").read_text(encoding="utf-8")
    texts = {f.text for f in _findings(raw, "repetition.phrase")}
    assert "investissements directs étrangers (IDE" in texts


# ---------------------------------------------------------------- overused


def test_overused_words_on_the_sample(sample: str) -> None:
    found = {f.data["lemma"]: f for f in _findings(sample, "repetition.overused", "markdown")}
    assert {"technologique", "innovation", "durable"} <= set(found)
    # The subject: words of the title (« partenariat stratégique ») and headings (« coopération ») are not overused.
    assert not {"stratégique", "coopération", "partenariat"} & set(found)
    f = found["technologique"]
    assert f.severity == "info" and f.data["count"] == 5
    assert len(f.related) == 4
    assert "5 fois" in f.message
    # Names, abbreviations and stop words are never overused.
    assert not {"israël", "ia", "azerbaïdjan", "être", "le"} & set(found)
    # A higher ratio keeps only the most over-represented words.
    strict = {f.data["lemma"] for f in _findings(sample, "repetition.overused", "markdown", **{"overused-ratio": 500})}
    assert strict and strict < set(found)


def test_overused_needs_the_minimum_count() -> None:
    text = "Une coopération stratégique sur des secteurs stratégiques, dans une région stratégique."
    assert not _findings(text, "repetition.overused")
    [f] = _findings(text, "repetition.overused", **{"overused-min-count": 3})
    assert f.text == "stratégique" and f.data["count"] == 3


# ---------------------------------------------------------------- near duplicates


def test_near_duplicate_sentences_in_the_body() -> None:
    first = "L’Azerbaïdjan souhaite bénéficier de l’expertise israélienne en agriculture intelligente."
    second = "L’Azerbaïdjan souhaite aussi bénéficier de l’expertise israélienne en agriculture intelligente."
    [f] = _findings(f"{first} Le ministre a parlé longtemps hier. {second}", "repetition.near-duplicate")
    assert f.text == second
    assert "une phrase de la ligne 1" in f.message
    assert f.data["unit"] == "sentence" and f.data["similarity"] >= 0.8
    # Stop words do not count ("aussi"): identical lemma sets. A new content word lowers the similarity.
    assert f.data["similarity"] == 1.0
    third = "L’Azerbaïdjan souhaite vivement bénéficier de l’expertise israélienne en agriculture intelligente."
    [g] = _findings(f"{first} {third}", "repetition.near-duplicate")
    assert g.data["similarity"] == pytest.approx(7 / 8, abs=1e-3)
    assert not _findings(f"{first} {third}", "repetition.near-duplicate", **{"near-duplicate-similarity": 0.9})


def test_near_duplicate_paragraph_reported_once() -> None:
    para = "L’alliance permet d’optimiser les flux énergétiques. Elle diversifie les exportations du pays."
    text = f"{para}\n\nUn autre sujet est venu ensuite sur la table.\n\n{para}\n"
    found = _findings(text, "repetition.near-duplicate", "markdown")
    assert [(f.data["unit"], f.text) for f in found] == [("paragraph", para)]
    assert "un paragraphe de la ligne 1" in found[0].message


def test_faq_near_duplicating_the_body_is_expected(sample: str) -> None:
    body = "L’Azerbaïdjan souhaite bénéficier de l’expertise israélienne en agriculture intelligente."
    faq = f"{body}\n\n## FAQ\n\n### Que veut l’Azerbaïdjan ?\n\n{body}\n\n### Et encore ?\n\n{body}\n"
    found = _findings(faq, "repetition.near-duplicate", "markdown")
    # Body vs FAQ: not flagged; FAQ answer vs FAQ answer: flagged.
    assert len(found) == 1 and found[0].line == 11
    assert not _findings(sample, "repetition.near-duplicate", "markdown")


def test_inverted_index_finds_what_brute_force_finds() -> None:
    rng = random.Random(7)
    vocabulary = [f"w{i}" for i in range(400)]
    units = []
    for _ in range(120):
        words = [rng.choice(vocabulary) for _ in range(rng.randint(3, 8))]
        if rng.random() < 0.3 and units:
            words = [*sorted(rng.choice(units).shingles), *words[:1]]
        shingles = frozenset(words)
        units.append(_Unit(None, 0, 1, rng.choice(["body", "faq"]), shingles, None))  # type: ignore[arg-type]
    threshold = 0.5
    got = {(id(u), id(o)): s for u, o, s in _similar_pairs(units, threshold)}
    expected = {}
    for i, unit in enumerate(units):
        best = None
        for other in units[:i]:
            if other.group != unit.group or not (unit.shingles & other.shingles):
                continue
            sim = len(unit.shingles & other.shingles) / len(unit.shingles | other.shingles)
            if sim >= threshold and (best is None or sim > best[0]):
                best = (sim, other)
        if best is not None:
            expected[(id(unit), id(best[1]))] = best[0]
    assert expected  # the generator made near-duplicates
    assert {k: pytest.approx(v) for k, v in expected.items()} == got


# ---------------------------------------------------------------- spelling variants


def test_spelling_variant_on_the_sample(sample: str) -> None:
    [f] = _findings(sample, "repetition.spelling-variant", "markdown")
    assert f.text == "agritech" and f.suggestions == ["agri-tech"]
    assert f.data["forms"] == {"agri-tech": 4, "agritech": 1}


def test_spelling_variant_forms() -> None:
    text = "L’agri-tech recrute. L’agri-tech lève des fonds. L’agri tech attire, l’AgriTech aussi."
    found = _findings(text, "repetition.spelling-variant")
    assert sorted(f.text for f in found) == ["AgriTech", "agri tech"]
    assert all(f.suggestions == ["agri-tech"] for f in found)
    assert not _findings("Il viendra peut-être, mais il peut être en retard.", "repetition.spelling-variant")
    assert not _findings("Agritech au début. Puis l’agritech ensuite.", "repetition.spelling-variant")


# ---------------------------------------------------------------- anglicisms


def test_anglicisms_on_the_sample(sample: str) -> None:
    found = _findings(sample, "repetition.anglicism", "markdown")
    assert [(f.text, f.suggestions) for f in found] == [
        ("hub", ["pôle"]),
        ("data science", ["science des données"]),
        ("hub", ["pôle"]),
    ]
    assert "science des données" in found[1].message


def test_anglicism_plural_and_case() -> None:
    found = _findings("Les Start-ups et les E-mails, pas les hubcaps.", "repetition.anglicism")
    assert [(f.text, f.suggestions) for f in found] == [("Start-ups", ["jeunes pousses"]), ("E-mails", ["courriels"])]


# ---------------------------------------------------------------- robustness


@pytest.mark.parametrize("text", ["", "…", "🙂 " * 50, "a " * 3000, "L’ l’ l’", "- x\n- x\n- x\n", "1 1 1 1 1 1 1 1."])
def test_no_crash_on_odd_input(text: str) -> None:
    result = lint_text(text, Config(preset="picky", select=("repetition",)))
    assert all(f.end > f.start for f in result.findings)


def test_no_crash_and_exact_spans_on_generated_text() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    pieces = st.sampled_from(
        [*"aeéèiouyœ lrstnç’'-.,;!?\n#*«»0123456789AEÉ", "l’", "d’", "agri-tech", "agritech ", "hub ", "croissance "]
    )

    @settings(max_examples=150, deadline=None)
    @given(st.lists(pieces, max_size=120).map("".join), st.sampled_from(["text", "markdown"]))
    def run(text: str, fmt: str) -> None:
        config = Config(preset="picky", select=("repetition", "readability"), thresholds=(("repetition-window", 5),))
        for f in lint_text(text, config, fmt=fmt).findings:
            assert 0 <= f.start < f.end <= len(text)
            assert text[f.start : f.end] == f.text

    run()


def test_findings_per_rule_are_capped_on_pathological_text() -> None:
    from checker.checks.repetition import MAX_FINDINGS_PER_RULE
    from checker.config import RuleSettings

    text = "Les ventes baissent fortement dans la région, " * 2000
    # Every word of this text is frequent enough to be its subject: raise the bar so that close-lemma runs.
    subject_off = RuleSettings(parameters=(("subject-min-count", 10**9),))
    config = Config(preset="picky", select=("repetition",), rules=(("repetition.close-lemma", subject_off),))
    found = lint_text(text, config).findings
    by_rule: dict[str, int] = {}
    for f in found:
        by_rule[f.rule_id] = by_rule.get(f.rule_id, 0) + 1
    assert by_rule["repetition.close-lemma"] == MAX_FINDINGS_PER_RULE
    assert max(by_rule.values()) <= MAX_FINDINGS_PER_RULE


def test_spelling_variant_leaves_quotations_domains_and_stop_word_pairs_alone() -> None:
    rule = "repetition.spelling-variant"
    assert not _findings("Il dénonce le harcèlement sexuel le soir ; la violence sexuelle aussi.", rule)
    assert not _findings("Le code est sur gitlab.com ; GitLab l'héberge, et GitLab le sert.", rule)
    quoted = "Le vent vient du nord-est. Météo-France écrit : « vent de Nord Est fort ». Le nord-est gèle."
    assert not _findings(quoted, rule)
    assert [f.text for f in _findings("L'agri-tech progresse, l'agri-tech recrute, et l'agritech attire.", rule)] == [
        "agritech"
    ]
