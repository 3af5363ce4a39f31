"""Escalation by hedge (issue 11): synonyms, derivations, the conditional mood, topic cues, the
rewrite restoring the hedge (an unsafe fix), restatements outside a marked FAQ, the thesaurus."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker import lint_text
from checker.cli import main
from checker.config import Config, config_from_mapping
from checker.findings import Finding
from checker.thesaurus import get_thesaurus, link_weight

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "fixtures" / "israel-azerbaidjan.md"

ARTICLE = "# Titre\n\n{body}\n\n## FAQ\n\n### Question ?\n\n{answer}\n"


def _faq(text: str, fmt: str = "markdown") -> list[Finding]:
    return [f for f in lint_text(text, Config(select=("faq",)), "<text>", fmt).findings if f.family == "faq"]


# Titles, descriptions, ledes and conclusions are compared with the body when `summaries` lists them: off by default
# since stop 31 (none of their 17 findings on the judged real pages was right), the FAQ alone is checked.
SUMMARIES = config_from_mapping(
    {"select": ["faq"], "rules": {"faq.escalation": {"summaries": ["title", "description", "lede", "conclusion"]}}}
)


def _faq_summaries(text: str) -> list[Finding]:
    return [f for f in lint_text(text, SUMMARIES, "<text>", "markdown").findings if f.family == "faq"]


def test_summaries_are_compared_when_listed_and_not_by_default() -> None:
    text = "# Le tramway réduit la pollution\n\nSelon l’étude, le tramway pourrait réduire la pollution.\n"
    assert not [f for f in _faq(text) if f.rule_id == "faq.escalation"]
    assert [f for f in _faq_summaries(text) if f.rule_id == "faq.escalation"]
    faq_only = config_from_mapping({"select": ["faq"], "rules": {"faq.escalation": {"summaries": []}}})
    findings = lint_text(text, faq_only, "<text>", "markdown").findings
    assert not [f for f in findings if f.rule_id == "faq.escalation"]


@pytest.mark.parametrize(
    ("body", "answer", "span", "suggestion", "hedge"),
    [
        # Another verb, a thesaurus synonym (two steps: stimuler / renforcer share « pousser », « soutenir »).
        (
            "La réforme pourrait stimuler la croissance économique de la région.",
            "La réforme renforce la croissance économique de la région.",
            "renforce la croissance économique de la région",
            "pourrait renforcer la croissance économique de la région",
            "« pourrait »",
        ),
        # The conditional mood alone.
        (
            "Le nouveau pont réduirait les embouteillages du centre-ville.",
            "Le nouveau pont réduit les embouteillages du centre-ville.",
            "réduit les embouteillages du centre-ville",
            "pourrait réduire les embouteillages du centre-ville",
            "conditionnel « réduirait »",
        ),
        # A copula under a hedge, and a compound tense.
        (
            "Les députés devraient approuver le budget rectificatif.",
            "Les députés ont approuvé le budget rectificatif.",
            "ont approuvé le budget rectificatif",
            "devraient approuver le budget rectificatif",
            "« devraient »",
        ),
    ],
)
def test_escalation_without_the_body_verb(body: str, answer: str, span: str, suggestion: str, hedge: str) -> None:
    findings = _faq(ARTICLE.format(body=body, answer=answer))
    escalations = [f for f in findings if f.rule_id == "faq.escalation"]
    assert [f.text for f in escalations] == [span]
    (finding,) = escalations
    assert finding.suggestions == [suggestion]
    assert hedge in finding.message
    assert not finding.fix and finding.unsafe_fix


@pytest.mark.parametrize(
    ("body", "answer"),
    [
        # The hedge kept with another modal or verb.
        ("La réforme pourrait stimuler la croissance.", "La réforme devrait renforcer la croissance."),
        # An unhedged body passage says it as a fact: the hedged one elsewhere does not matter.
        (
            "Le parc pourrait alimenter 700 000 foyers. Sa puissance atteint 480 MW d’électricité.",
            "Le parc produit 480 MW d’électricité.",
        ),
        # « doit » is an obligation, not a hedge.
        ("La commune doit rénover l’école.", "La commune rénove l’école."),
    ],
)
def test_faithful_restatements_pass(body: str, answer: str) -> None:
    assert [f for f in _faq(ARTICLE.format(body=body, answer=answer)) if f.rule_id == "faq.escalation"] == []


def test_attribution_of_another_clause_does_not_hedge() -> None:
    body = "Le maire a déclaré la fin des travaux, et la piscine municipale rouvrira en juin."
    answer = "La piscine municipale rouvrira en juin."
    assert [f for f in _faq(ARTICLE.format(body=body, answer=answer)) if f.rule_id == "faq.escalation"] == []


def test_headline_and_description_that_assert_what_the_body_hedges() -> None:
    text = (
        "---\ntitle: Budget\ndescription: Le nouveau tramway réduit la pollution du centre-ville.\n---\n\n"
        "# Le tramway réduit la pollution du centre-ville\n\n"
        "Le conseil a voté le budget du tramway. Selon l’étude, le tramway pourrait réduire la pollution du "
        "centre-ville de moitié. Les travaux commencent en mars.\n"
    )
    escalations = [f for f in _faq_summaries(text) if f.rule_id == "faq.escalation"]
    assert {f.message.split(" présente")[0] for f in escalations} == {
        "Durcissement : la description",
        "Durcissement : le titre",
    }
    assert {(f.line, f.text) for f in escalations} == {
        # The hedge (« pourrait »), not the attribution (« Selon l’étude »), is what a headline drops here.
        (3, "réduit la pollution du centre-ville"),
        (6, "réduit la pollution du centre-ville"),
    }


def test_fix_never_applies_the_rewrite_unsafe_fixes_does(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    shutil.copy(SAMPLE, article)
    before = article.read_text(encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["lint", "--select", "faq", "--fail-on", "warning", "--fix", str(article)])
    assert result.exit_code == 1
    assert article.read_text(encoding="utf-8") == before
    result = runner.invoke(
        main, ["lint", "--select", "faq", "--fail-on", "warning", "--fix", "--unsafe-fixes", str(article)]
    )
    after = article.read_text(encoding="utf-8")
    assert "pourrait positionner Bakou comme un hub régional" in after
    assert "L’Azerbaïdjan souhaite bénéficier de l’expertise israélienne pour moderniser" in after
    assert result.exit_code == 0, result.output  # nothing left to report once the hedges are back
    usage = runner.invoke(main, ["lint", "--unsafe-fixes", str(article)])
    assert usage.exit_code == 2


def test_thesaurus_reads_entries_through_its_index() -> None:
    thesaurus = get_thesaurus()
    assert thesaurus is not None, "mythes-fr is installed by scripts/install-system-deps"
    assert "consolider" in thesaurus.synonyms("renforcer")
    assert thesaurus.synonyms("motquinexistepas") == frozenset()
    # First and last entries of the index are found by the bisection.
    assert thesaurus.synonyms("Afrique") and thesaurus.synonyms("zygomatique") is not None


def test_thesaurus_links_are_weighted_and_antonyms_never_support() -> None:
    none: frozenset[tuple[str, str]] = frozenset()
    assert link_weight("optimiser", "améliorer", none, 0.8, 0.5, 2) == 0.8  # one lists the other
    assert link_weight("renforcer", "stimuler", none, 0.8, 0.5, 2) == 0.5  # via « pousser », « soutenir »
    assert link_weight("renforcer", "diminuer", none, 0.8, 0.5, 2) == 0.8  # the thesaurus lists it…
    antonyms = frozenset({("renforcer", "diminuer")})
    assert link_weight("renforcer", "diminuer", antonyms, 0.8, 0.5, 2) == 0.0  # …a declared antonym never counts


@pytest.mark.parametrize(
    ("body", "answer", "span"),
    [
        # Negation with high word overlap.
        (
            "Aucun accord n’a été trouvé entre les deux délégations à Genève.",
            "Les deux délégations ont trouvé un accord à Genève.",
            "ont trouvé un accord à Genève",
        ),
        (
            "Le musée a fermé ses portes au public en mars.",
            "Le musée n’a pas fermé ses portes au public en mars.",
            "n’a pas fermé ses portes au public en mars",
        ),
        # An antonym.
        (
            "Les ventes de voitures ont augmenté de 12 % en Allemagne.",
            "Les ventes de voitures ont diminué de 12 % en Allemagne.",
            "ont diminué de 12 % en Allemagne",
        ),
        # A quantifier of another kind.
        (
            "Certains médecins refusent la réforme des retraites.",
            "Tous les médecins refusent la réforme des retraites.",
            "Tous",
        ),
        # Agent and patient swapped with the same words.
        (
            "Le Stade rennais a battu l’Olympique lyonnais dimanche soir.",
            "L’Olympique lyonnais a battu le Stade rennais dimanche soir.",
            "a battu le Stade rennais dimanche soir",
        ),
        (
            "Le gouvernement accuse l’opposition de bloquer la réforme.",
            "L’opposition accuse le gouvernement de bloquer la réforme.",
            "accuse le gouvernement",
        ),
        # A number the body gives, but for another thing.
        ("La mairie a ouvert une crèche de 300 places et recruté 40 agents.", "La mairie a recruté 300 agents.", "300"),
    ],
)
def test_contradictions(body: str, answer: str, span: str) -> None:
    findings = _faq(ARTICLE.format(body=body, answer=answer))
    assert [(f.rule_id, f.text) for f in findings] == [("faq.contradiction", span)]


@pytest.mark.parametrize(
    ("body", "answer"),
    [
        # Year ranges written two ways, both directions.
        (
            "Le château a été habité de 1900 à 1946 par la famille Durand.",
            "Le château a été habité entre 1900-1946 par la famille Durand.",
        ),
        (
            "Le château a été habité entre 1900-1946 par la famille Durand.",
            "Le château a été habité de 1900 à 1946 par la famille Durand.",
        ),
        # Number formats.
        ("Le projet coûte 3,5 millions d’euros.", "Le projet coûte 3 500 000 euros."),
        # A transliterated name.
        (
            "Le conseiller Andreï Kokochine a rencontré le ministre.",
            "Le conseiller Andreï Kokoshin a rencontré le ministre.",
        ),
        # The same roles in the passive voice.
        (
            "Le Stade rennais a battu l’Olympique lyonnais dimanche soir.",
            "L’Olympique lyonnais a été battu par le Stade rennais dimanche soir.",
        ),
        # The same number for the same thing.
        ("La mairie a ouvert une crèche de 300 places et recruté 40 agents.", "La crèche compte 300 places."),
    ],
)
def test_not_contradictions(body: str, answer: str) -> None:
    assert _faq(ARTICLE.format(body=body, answer=answer)) == []


def test_lede_and_conclusion_that_assert_what_the_body_hedges() -> None:
    text = (
        "# Le tramway\n\nLe nouveau tramway réduit la pollution du centre-ville.\n\n"
        "Le conseil a voté le budget du tramway.\n\n"
        "Selon l’étude municipale, le tramway pourrait réduire la pollution du centre-ville de moitié.\n\n"
        "Les travaux commencent en mars et dureront deux ans.\n\n"
        "Le tramway réduit donc la pollution du centre-ville.\n"
    )
    escalations = [(f.line, f.rule_id) for f in _faq_summaries(text) if f.rule_id == "faq.escalation"]
    assert escalations == [(3, "faq.escalation"), (11, "faq.escalation")]


def test_a_faithful_lede_passes() -> None:
    text = (
        "# Le tramway\n\nLe conseil a voté le budget du nouveau tramway.\n\n"
        "Le conseil a voté mardi le budget du tramway, soit 40 millions d’euros.\n\n"
        "Selon l’étude municipale, le tramway pourrait réduire la pollution du centre-ville de moitié.\n\n"
        "Les travaux commencent en mars et dureront deux ans.\n"
    )
    assert _faq_summaries(text) == []


def test_jsonld_answers_are_checked_when_there_is_no_visible_faq() -> None:
    html = (
        '<html><head><script type="application/ld+json">{"@context": "https://schema.org", "@type": "FAQPage",'
        ' "mainEntity": [{"@type": "Question", "name": "Combien de foyers ?", "acceptedAnswer": {"@type": "Answer",'
        ' "text": "Le parc alimente 700 000 foyers en électricité."}}]}</script></head>\n'
        "<body><h1>Le parc éolien</h1><p>Le parc pourrait alimenter 700 000 foyers en électricité chaque année.</p>"
        "<p>Les pêcheurs ont obtenu des compensations.</p></body></html>"
    )
    findings = [f for f in _faq(html, "html") if f.rule_id == "faq.escalation"]
    assert [f.text for f in findings] == ["alimente 700 000 foyers en électricité"]


def test_the_cues_are_parameters_the_configuration_can_change() -> None:
    text = ARTICLE.format(
        body="Le gouvernement souhaite augmenter les aides aux éleveurs.",
        answer="Le gouvernement augmente les aides aux éleveurs.",
    )
    assert [f.rule_id for f in _faq(text)] == ["faq.escalation"]
    from checker.config import config_from_mapping

    cues = ["pouvoir", "devoir"]  # « souhaiter » no longer hedges
    config = config_from_mapping({"select": ["faq"], "rules": {"faq.escalation": {"hedge-cues": cues}}})
    assert lint_text(text, config, "<text>", "markdown").findings == []


# Summaries (titles, descriptions, ledes, conclusions) when the configuration compares them (issue 11 item 7).

NEWS_BODY = (
    "Le 3 mai, la police a arrêté deux hommes à Lyon, selon un communiqué de la préfecture.\n\n"
    "Les enquêteurs estiment que les deux hommes préparaient un cambriolage de la banque centrale.\n\n"
    "Le procès devrait s’ouvrir en juin devant le tribunal correctionnel de Lyon.\n\n"
    "Les deux hommes, âgés de 25 et 31 ans, ont été placés en garde à vue pendant 48 heures.\n\n"
    "La préfecture n’a pas donné d’autre détail.\n"
)


def _summary_findings(title: str, extra: str = "") -> list[tuple[int, str]]:
    text = f"# {title}\n\n{NEWS_BODY}{extra}"
    return [(f.line, f.rule_id) for f in _faq_summaries(text)]


def test_a_title_may_drop_a_source_not_an_opinion_nor_a_hedge() -> None:
    assert _summary_findings("Lyon : la police arrête deux hommes") == []
    assert _summary_findings("Lyon : deux hommes préparaient un cambriolage de la banque centrale") == [
        (1, "faq.escalation")
    ]
    assert _summary_findings("Lyon : le procès s’ouvre en juin devant le tribunal correctionnel") == [
        (1, "faq.escalation")
    ]


def test_a_title_that_counts_or_quotes_is_not_a_finding() -> None:
    # The body never writes « 2 » nor « deux suspects » as such a figure: a headline may count.
    assert _summary_findings("Lyon : deux suspects en garde à vue") == []
    assert _summary_findings("Lyon : un « cambriolage » de la banque centrale déjoué, selon les enquêteurs") == []
    assert _summary_findings("Découvrez pourquoi le procès s’ouvre en juin") == []


def test_a_conclusion_may_not_drop_the_attribution_and_gets_the_adverb_back() -> None:
    conclusion = "\nLes deux hommes préparaient donc un cambriolage de la banque centrale.\n"
    assert (13, "faq.escalation") in _summary_findings("Lyon : deux arrestations", conclusion)
    body = "Le tramway réduira probablement la pollution du centre-ville de moitié, selon l’étude municipale."
    text = (
        f"# Le tramway\n\nLe conseil a voté le budget du tramway.\n\n{body}\n\n"
        "Les travaux commencent en mars.\n\nLe tramway réduira la pollution du centre-ville de moitié.\n"
    )
    (finding,) = [f for f in _faq_summaries(text) if f.rule_id == "faq.escalation"]
    assert finding.suggestions == ["Le tramway réduira probablement la pollution du centre-ville de moitié."]


def test_a_summary_figure_that_replaces_the_body_one() -> None:
    lede = "Deux hommes ont été placés en garde à vue pendant 72 heures à Lyon, après leur arrestation le 3 mai.\n\n"
    text = f"# Lyon : deux arrestations\n\n{lede}{NEWS_BODY}"
    found = [(f.line, f.rule_id, f.text) for f in _faq_summaries(text)]
    assert found == [(3, "faq.contradiction", "72")]


@pytest.mark.parametrize(
    ("answer", "contradiction"),
    [
        ("La Polonaise Agnieszka Radwanska a vaincu la joueuse américaine en trois sets.", True),
        ("La Polonaise Agnieszka Radwanska a battu la joueuse américaine en trois sets.", True),
        ("La joueuse américaine a vaincu la Polonaise Agnieszka Radwanska en trois sets.", False),
        ("La Polonaise Agnieszka Radwanska a été battue par la joueuse américaine en trois sets.", False),
        ("La Polonaise Agnieszka Radwanska a perdu contre la joueuse américaine en trois sets.", False),
    ],
)
def test_roles_swapped_with_the_same_verb_or_a_synonym(answer: str, contradiction: bool) -> None:
    body = "La joueuse américaine a battu la Polonaise Agnieszka Radwanska en trois sets 6-1, 5-7, 6-2."
    found = [f.rule_id for f in _faq(ARTICLE.format(body=body, answer=answer))]
    assert ("faq.contradiction" in found) is contradiction, found
