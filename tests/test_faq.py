"""FAQ consistency: which FAQ spans each article gets flagged, with which rule, and that faithful
answers (paraphrases, numbers in words instead of digits, hedges kept) pass."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.checks.faq import _FaqChecker, inflects, support_report
from checker.config import Config
from checker.context import CheckContext
from checker.faq_index import clear_morphology_caches
from checker.findings import Finding
from checker.lint import lint_text, read_source
from checker.parse import parse_document
from checker.rule_packs import load_rules

ROOT = Path(__file__).resolve().parent.parent
FAQ_FIXTURES = ROOT / "fixtures" / "faq"
SAMPLE = ROOT / "fixtures" / "israel-azerbaidjan.md"


def _faq_findings(text: str, path: str = "<text>", fmt: str | None = None) -> list[Finding]:
    return [f for f in lint_text(text, Config(select=("faq",)), path, fmt).findings if f.family == "faq"]


def _pairs(findings: list[Finding]) -> set[tuple[str, str]]:
    return {(f.rule_id, f.text) for f in findings}


EXPECTED: dict[str, set[tuple[str, str]]] = {
    "economie-startups.md": {
        # « 1,5 milliard d’euros » in the body.
        ("faq.contradiction", "2 milliards d’euros"),
        # « La métropole envisage de créer 2 000 emplois d’ici 2030 ».
        ("faq.escalation", "crée 2 000 emplois d’ici 2030 dans la santé numérique"),
        # Passing: « trois millions d’euros (3 M€) » = « 3 millions d’euros », « quarante pour cent » = « 40 % ».
    },
    "agriculture-vergers.md": {
        # « Selon la chambre d’agriculture, 30 % de la récolte … est perdue ».
        ("faq.escalation", "30 % de la récolte d’abricots est perdue dans le département."),
        # « le 15 mai 2025 » in the body.
        ("faq.contradiction", "5 mai"),
        ("faq.new-entity", "FNSEA"),
        ("faq.unsupported", "Les compagnies rembourseront intégralement chaque sinistre avant décembre."),
        # Passing: « a frappé » for « a touché », « le 26 avril 2025 » repeated.
    },
    "politique-reforme.md": {
        # The body names Guillaume Kasbarian.
        ("faq.contradiction", "Laurent Marcangeli"),
        # « La réforme vise à simplifier les démarches … ».
        ("faq.escalation", "simplifie les démarches administratives des entreprises"),
        # « 312 voix » in the body.
        ("faq.contradiction", "321"),
        # Passing: « devrait entrer en vigueur en janvier 2027 » keeps the hedge.
    },
    "sante-vaccination.md": {
        # « est susceptible de réduire les hospitalisations de moitié ».
        ("faq.escalation", "réduit les hospitalisations de moitié chez les patients âgés"),
        # « 75 % de couverture » in the body; the FAQ's own « L’objectif est de » is no escalation.
        ("faq.contradiction", "80 %"),
        (
            "faq.unsupported",
            "Les officines distribueront aussi gratuitement des autotests et des masques chirurgicaux aux voyageurs.",
        ),
        # Passing: « Cinquante-quatre pour cent » = « 54 % », « le 14 octobre » within « le 14 octobre 2025 »,
        # « peuvent vacciner sans prescription » keeps the body's « peuvent ».
    },
    "energie-eolien.html": {
        # JSON-LD says 500 MW, the visible FAQ and the body 480 MW.
        ("faq.jsonld-mismatch", "Le parc produit jusqu’à 500 MW d’électricité."),
        # A JSON-LD question without visible counterpart, and a visible question missing from the JSON-LD.
        ("faq.jsonld-mismatch", "Qui exploite le parc ?"),
        ("faq.jsonld-mismatch", "Combien de foyers le parc alimente-t-il ?"),
        # « Le parc pourrait alimenter 700 000 foyers … ».
        ("faq.escalation", "alimente 700 000 foyers en électricité chaque année"),
    },
    "culture-festival.md": {
        # Front matter FAQ: « la direction envisage de prolonger le festival d’une semaine ».
        ("faq.escalation", "prolonge le festival d’une semaine en 2026"),
        # « 3,5 millions d’euros » in the body.
        ("faq.contradiction", "4 M€"),
        # Passing: « Cent vingt mille spectateurs » = « 120 000 spectateurs ».
    },
}


def test_there_are_at_least_six_varied_articles() -> None:
    files = sorted(p.name for p in FAQ_FIXTURES.iterdir())
    assert set(EXPECTED) == set(files)
    assert len(files) >= 6
    assert any(name.endswith(".html") for name in files)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_flags_exactly_the_defects(name: str) -> None:
    path = FAQ_FIXTURES / name
    source = read_source(path)
    findings = _faq_findings(source, str(path))
    assert _pairs(findings) == EXPECTED[name]
    assert len(findings) == len(EXPECTED[name])
    # Every finding points at its text, in the FAQ (or the JSON-LD), and cites the body when it compares.
    for f in findings:
        assert source[f.start : f.end] == f.text
        line = source.count("\n", 0, f.start) + 1
        assert f.line == line
        if f.rule_id in ("faq.escalation", "faq.contradiction"):
            assert f.related and f.related[0]["role"] == "body"
            assert f.related[0]["text"] in source
            assert f.related[0]["text"] in f.message or f.rule_id == "faq.escalation"
        for rel in f.related:
            assert source.splitlines()[rel["line"] - 1][rel["column"] - 1 :].startswith(rel["text"][:20])


def test_fixture_faqs_are_detected() -> None:
    for name in EXPECTED:
        doc = parse_document(read_source(FAQ_FIXTURES / name), str(FAQ_FIXTURES / name))
        assert len(doc.faq) >= 3, name
        assert all(item.answers for item in doc.faq), name


SAMPLE_ESCALATIONS = {
    # Body: « Les discussions ont porté sur l’optimisation des flux énergétiques régionaux ».
    ("faq.escalation", "optimiser les flux énergétiques"),
    # Body: « L’Azerbaïdjan … cherche à diversifier ses exportations ».
    ("faq.escalation", "diversifier les exportations"),
    # Body: « sont susceptibles de créer de nouvelles chaînes de valeur », « pourrait catalyser les IDE ».
    ("faq.escalation", "crée de nouvelles opportunités d’investissements directs étrangers (IDE)"),
    # Body: « pourrait … stimuler la croissance économique locale et positionner Bakou … » (both in one finding).
    ("faq.escalation", "positionne Bakou comme un hub régional d’innovation énergétique"),
    # Body: « L’objectif est de déployer des solutions … qui améliorent la productivité agricole ».
    ("faq.escalation", "optimiser la production agricole"),
    # Body: « L’Azerbaïdjan souhaite bénéficier de l’expertise israélienne ».
    ("faq.escalation", "bénéficie de l’expertise israélienne"),
}


def test_sample_article_escalations_named_in_the_issue() -> None:
    source = read_source(SAMPLE)
    findings = _faq_findings(source, str(SAMPLE))
    assert _pairs(findings) == SAMPLE_ESCALATIONS
    by_text = {f.text: f for f in findings}
    bakou = by_text["positionne Bakou comme un hub régional d’innovation énergétique"]
    assert "pourrait … positionner Bakou comme un hub d’innovation énergétique dans la région" in bakou.message
    assert "« renforcer la croissance économique »" in bakou.message
    assert bakou.related[0]["text"].startswith("Cette alliance pourrait renforcer")
    assert source.splitlines()[bakou.related[0]["line"] - 1].count("positionner Bakou") == 1
    assert bakou.suggestions[0] == "pourrait positionner Bakou comme un hub régional d’innovation énergétique"
    # In the message too, so that every output format (SARIF, GitHub, JUnit) shows the rewrite.
    assert "Réécriture proposée : « pourrait positionner Bakou comme un hub régional" in bakou.message
    expertise = by_text["bénéficie de l’expertise israélienne"]
    assert "souhaite bénéficier de l’expertise israélienne" in expertise.message
    assert expertise.related[0]["text"].startswith("L’Azerbaïdjan souhaite bénéficier")
    assert expertise.suggestions == ["souhaite bénéficier de l’expertise israélienne"]
    agri = by_text["optimiser la production agricole"]
    assert "« objectif est de »" in agri.message and "améliorent la productivité agricole" in agri.message
    assert agri.suggestions == ["pourrait permettre d’optimiser la production agricole"]
    assert all(f.severity == "warning" for f in findings)
    # The rewrite is an unsafe fix only: never a plain --fix edit.
    assert all(not f.fix and f.unsafe_fix for f in findings)


def test_raw_sample_closing_paragraphs_get_the_same_escalations() -> None:
    """The raw export lost the FAQ questions: its last four paragraphs are the answers."""
    md = _faq_findings(read_source(SAMPLE), str(SAMPLE))
    raw_path = SAMPLE.with_suffix(".raw.txt")
    raw = _faq_findings(read_source(raw_path), str(raw_path))
    assert {f.line for f in raw} == {9, 10}
    assert sorted((f.rule_id, f.text, f.column) for f in raw) == sorted((f.rule_id, f.text, f.column) for f in md)


def test_a_closing_list_is_not_taken_for_lost_faq_answers() -> None:
    """A change log at the end of a page without headings repeats its own items (a page of design.numerique.gouv.fr,
    stop 35): no « reformulation finale », so no contradiction between its dates."""
    text = (
        "La Commission met à jour une page qui rassemble les documents du règlement.\n\n"
        "La page d’accueil décrit les aspects attendus par la Commission pour les démarches du règlement.\n\n"
        "La partie « Statistiques » a été supprimée, la position de la Commission ayant évolué.\n\n"
        "_Mis à jour :_\n\n"
        "* _le 14/04/22 : Nouvelle version du document de la Commission (passage de la V1 à la V2)._\n"
        "* _le 17/08/22 : Nouvelle version du document de la Commission (passage de la V2 à la V3)._\n"
    )
    assert _faq_findings(text, "page.md") == []
    # The same entries as paragraphs are still read as restatements (the raw sample's lost answers are paragraphs).
    as_paragraphs = text.replace("* _le", "_le").replace("._\n", "._\n\n")
    assert any(f.rule_id == "faq.contradiction" for f in _faq_findings(as_paragraphs, "page.md"))


def test_sample_supported_answers_pass() -> None:
    """« L’IA est un moteur » restates « L’IA devient ainsi un moteur »: no finding on those answers."""
    source = read_source(SAMPLE)
    findings = _faq_findings(source, str(SAMPLE))
    lines = {f.line for f in findings}
    for answer in ("La coopération Israël-Azerbaïdjan implique", "L’IA est un moteur d’innovation"):
        line = next(i for i, text in enumerate(source.splitlines(), 1) if text.startswith(answer))
        assert line not in lines


ARTICLE = """# Titre

{body}

## FAQ

### Question ?

{answer}
"""


@pytest.mark.parametrize(
    ("body", "answer"),
    [
        # Numbers in words against digits.
        ("La région a versé 3 M€ aux éleveurs.", "La région a versé trois millions d’euros aux éleveurs."),
        ("Les ventes ont bondi de 40 % en 2025.", "Les ventes ont bondi de quarante pour cent en 2025."),
        ("Les ventes ont bondi de 40 pour cent en 2025.", "Les ventes ont bondi de 40 % en 2025."),
        ("Le chantier a duré du 3 mars 2025 au 26 janvier 2026.", "Le chantier s’est achevé le 26 janvier."),
        # The hedge is kept, with other words.
        (
            "Le projet pourrait créer 300 emplois dans la vallée.",
            "Le projet pourrait créer jusqu’à 300 emplois dans la vallée.",
        ),
        (
            "Le maire souhaite rénover la piscine municipale.",
            "Le maire envisage de rénover la piscine municipale.",
        ),
        # A paraphrase with derived forms.
        (
            "Les discussions ont porté sur l’optimisation des flux énergétiques régionaux.",
            "Les discussions visaient à optimiser les flux énergétiques de la région.",
        ),
    ],
)
def test_faithful_answers_pass(body: str, answer: str) -> None:
    assert _faq_findings(ARTICLE.format(body=body, answer=answer), fmt="markdown") == []


@pytest.mark.parametrize(
    ("body", "answer", "rule_id", "span"),
    [
        (
            "La région a versé 3 M€ aux éleveurs.",
            "La région a versé quatre millions d’euros aux éleveurs.",
            "faq.contradiction",
            "quatre millions d’euros",
        ),
        ("Les ventes ont bondi de 40 % en 2025.", "Les ventes ont bondi de 40 % en 2024.", "faq.contradiction", "2024"),
        (
            "Le chantier s’est achevé le 26 janvier 2026.",
            "Le chantier s’est achevé le 16 janvier 2026.",
            "faq.contradiction",
            "16 janvier 2026",
        ),
        (
            "Le maire cherche à rénover la piscine municipale.",
            "Le maire rénove la piscine municipale.",
            "faq.escalation",
            "rénove la piscine municipale",
        ),
        (
            "Les travaux devraient améliorer la sécurité du carrefour.",
            "Les travaux amélioreront la sécurité du carrefour.",
            "faq.escalation",
            "amélioreront la sécurité du carrefour",
        ),
        (
            "D’après le préfet, la crue a détruit trois ponts.",
            "La crue a détruit trois ponts.",
            "faq.escalation",
            "La crue a détruit trois ponts.",
        ),
        (
            "Le maire a inauguré la médiathèque.",
            "Le maire a inauguré la médiathèque avec Rachida Dati.",
            "faq.new-entity",
            "Rachida Dati",
        ),
    ],
)
def test_defects_are_flagged(body: str, answer: str, rule_id: str, span: str) -> None:
    findings = _faq_findings(ARTICLE.format(body=body, answer=answer), fmt="markdown")
    assert _pairs(findings) == {(rule_id, span)}


def test_conditional_only_cue() -> None:
    """« doit » is an obligation, not a hedge: only « devrait » is."""
    text = ARTICLE.format(body="La commune doit rénover l’école.", answer="La commune rénove l’école.")
    assert _faq_findings(text, fmt="markdown") == []


def test_escalation_message_quotes_both_and_cites_the_body_line() -> None:
    text = ARTICLE.format(
        body="Le gouvernement souhaite augmenter les aides aux éleveurs.",
        answer="Le gouvernement augmente les aides aux éleveurs.",
    )
    (finding,) = _faq_findings(text, fmt="markdown")
    assert finding.rule_id == "faq.escalation"
    assert "« augmente les aides aux éleveurs »" in finding.message
    assert "« souhaite augmenter les aides aux éleveurs »" in finding.message
    assert "(ligne 3)" in finding.message
    assert finding.related == [
        {
            "line": 3,
            "column": 1,
            "text": "Le gouvernement souhaite augmenter les aides aux éleveurs.",
            "role": "body",
        }
    ]


def test_one_escalation_per_answer_and_body_sentence() -> None:
    text = ARTICLE.format(
        body="L’accord pourrait renforcer les exportations agricoles et positionner Bakou comme un hub logistique "
        "régional.",
        answer="L’accord renforce les exportations agricoles. Il positionne Bakou comme un hub logistique régional.",
    )
    findings = _faq_findings(text, fmt="markdown")
    assert _pairs(findings) == {("faq.escalation", "positionne Bakou comme un hub logistique régional")}
    assert "renforce les exportations agricoles" in findings[0].message
    assert findings[0].data["also"] == ["renforce les exportations agricoles"]


def test_html_visible_faq_is_detected_and_checked() -> None:
    html = (
        "<html><body><p>La région pourrait financer la rénovation du lycée agricole.</p>"
        "<h2>FAQ</h2><h3>Qui finance la rénovation ?</h3>"
        "<p>La région finance la rénovation du lycée agricole.</p></body></html>"
    )
    doc = parse_document(html, "page.html")
    assert len(doc.faq) == 1
    item = doc.faq[0]
    assert item.question is not None and item.question.region == "faq_question"
    assert item.question.text == "Qui finance la rénovation ?"
    assert [b.region for b in item.answers] == ["faq_answer"]
    assert _pairs(_faq_findings(html, "page.html")) == {("faq.escalation", "finance la rénovation du lycée agricole")}


def test_bold_questions_and_other_headings() -> None:
    text = (
        "Le club a recruté 12 joueurs cet été.\n\n## Foire aux questions\n\n"
        "**Combien de joueurs ?**\n\nLe club a recruté 15 joueurs cet été.\n"
    )
    doc = parse_document(text, "a.md")
    assert [item.question.text for item in doc.faq if item.question] == ["Combien de joueurs ?"]
    assert _pairs(_faq_findings(text, "a.md")) == {("faq.contradiction", "15")}


def test_jsonld_identical_to_visible_faq_passes() -> None:
    html = (
        '<html><head><script type="application/ld+json">{"@type": "FAQPage", "mainEntity": ['
        '{"@type": "Question", "name": "Quand ouvre le musée ?", "acceptedAnswer": {"text": "Le 14 mai."}}]}'
        "</script></head><body><p>Le musée ouvre le 14 mai.</p><h2>FAQ</h2><h3>Quand ouvre le musée ?</h3>"
        "<p>Le 14 mai.</p></body></html>"
    )
    assert _faq_findings(html, "m.html") == []


def test_jsonld_without_visible_faq_is_reported() -> None:
    html = (
        '<html><head><script type="application/ld+json">{"@type": "FAQPage", "mainEntity": ['
        '{"@type": "Question", "name": "Quand ouvre le musée ?", "acceptedAnswer": {"text": "Le 14 mai."}}]}'
        "</script></head><body><p>Le musée ouvre le 14 mai.</p></body></html>"
    )
    findings = _faq_findings(html, "m.html")
    assert _pairs(findings) == {("faq.jsonld-mismatch", "Quand ouvre le musée ?")}
    assert "n’est pas dans la FAQ visible" in findings[0].message


@pytest.mark.parametrize(
    "text",
    [
        "",
        "## FAQ\n",
        "## FAQ\n\n### ?\n\n?\n",
        "## FAQ\n\n### Pourquoi ?\n\nParce que.\n",
        "Corps.\n\n## FAQ\n\n### Q ?\n\n" + "🙂 " * 50 + "\n",
        "---\nfaq: [1, {question: 3}, {answer: null}]\n---\nTexte.\n",
        '<html><script type=\'application/ld+json\'>{"@type": "FAQPage", "mainEntity": 3}</script></html>',
    ],
)
def test_no_crash_on_odd_input(text: str) -> None:
    for finding in _faq_findings(text, fmt="html" if text.startswith("<") else "markdown"):
        assert finding.end > finding.start


def test_retrieval_skips_lemmas_shared_by_too_many_body_sentences() -> None:
    """The candidates come from an inverted index; a lemma present everywhere is not used to retrieve,
    so the work per FAQ sentence does not grow with the body."""
    body = "\n\n".join(f"Le marché numéro {i} vend des légumes frais." for i in range(300))
    text = f"{body}\n\n## FAQ\n\n### Que vend le marché ?\n\nLe marché vend des légumes frais et des fromages.\n"
    doc = parse_document(text, "a.md")
    checker = _FaqChecker(doc, CheckContext(doc, Config(), load_rules()))
    assert len(checker.body) == 300  # the title is a restatement, checked against them
    info = checker.body[0].__class__(doc.faq[0].answers[0].sentences[0], checker.cue_params)
    assert checker.candidates(info) == []  # every content lemma is in all 300 sentences (> 200)


def test_many_answers() -> None:
    body = "Le conseil municipal a voté 3 M€ pour la rénovation de l’école Jules-Ferry."
    faq = "".join(
        f"### Question {i} ?\n\nLe conseil municipal a voté trois millions d’euros pour l’école Jules-Ferry.\n\n"
        for i in range(1000)
    )
    assert _faq_findings(f"{body}\n\n## FAQ\n\n{faq}", fmt="markdown") == []


@pytest.mark.parametrize(
    ("form", "lem", "verb", "expected"),
    [
        ("réduit", "réduit", "réduire", True),
        ("prolonge", "prolonge", "prolonger", True),
        ("amélioreront", "améliorer", "améliorer", True),
        ("réduction", "réduction", "réduire", False),
        ("création", "création", "créer", False),
    ],
)
def test_inflects(form: str, lem: str, verb: str, expected: bool) -> None:
    assert inflects(form, lem, verb) is expected


def test_contradiction_quotes_the_body_number_it_replaces() -> None:
    source = read_source(FAQ_FIXTURES / "sante-vaccination.md")
    (finding,) = [f for f in _faq_findings(source, "s.md") if f.rule_id == "faq.contradiction"]
    assert "la FAQ dit « 80 % », mais le corps donne « 75 % »" in finding.message
    assert finding.related[0]["text"].startswith("L’agence régionale de santé cherche à atteindre 75 %")


def test_support_report_gives_each_answer_sentence_a_verdict() -> None:
    doc = parse_document(read_source(FAQ_FIXTURES / "sante-vaccination.md"), "s.md")
    verdicts = [v for v in support_report(doc) if v.kind == "faq"]
    assert [v.status for v in verdicts] == [
        "supported",  # « a débuté le 14 octobre »
        "supported",  # « Cinquante-quatre pour cent » = « 54 % »
        "escalation",  # « réduit » for « est susceptible de réduire »
        "contradiction",  # 80 % for 75 %
        "supported",  # « peuvent vacciner sans prescription »
        "unsupported",  # autotests and masks: nowhere in the body
    ]
    first = verdicts[0]
    assert first.coverage == 1.0
    score, related = first.best[0]
    assert score == 1.0 and related["text"].startswith("La campagne de vaccination contre la grippe a débuté")
    assert verdicts[-1].coverage == 0.0 and verdicts[-1].best == []
    assert doc.source[verdicts[2].start : verdicts[2].end] == verdicts[2].text


def test_support_report_on_the_sample() -> None:
    doc = parse_document(read_source(SAMPLE), str(SAMPLE))
    statuses = [v.status for v in support_report(doc) if v.kind == "faq"]
    assert statuses.count("escalation") == 4  # two sentences of each of the last two answers
    assert set(statuses) == {"supported", "escalation"}


def test_without_hunspell_the_fallback_morphology_finds_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    import checker.checks.faq as faq_module
    import checker.faq_index as index_module

    caches = (index_module.verb_analysis, index_module.is_conditional, faq_module._base_form)
    monkeypatch.setattr(index_module, "_morphology", lambda word: None)
    for cached in caches:
        cached.cache_clear()
    try:
        assert not faq_module.is_infinitive("agriculture", "agriculture")
        assert faq_module.is_infinitive("positionner", "positionner")
        source = read_source(SAMPLE)
        # Without Hunspell fewer verb forms are recognised (« bénéficie »); the main escalations remain.
        found = _pairs(_faq_findings(source, str(SAMPLE)))
        assert ("faq.escalation", "positionne Bakou comme un hub régional d’innovation énergétique") in found
        assert len(found & SAMPLE_ESCALATIONS) >= 4
    finally:
        for cached in caches:  # the answers computed without Hunspell must not serve later tests
            cached.cache_clear()


@pytest.mark.parametrize(
    ("word", "expected"),
    [("agriculture", False), ("dossier", False), ("positionner", True), ("réduire", True), ("bénéficier", True)],
)
def test_is_infinitive(word: str, expected: bool) -> None:
    from checker.checks.faq import is_infinitive
    from checker.document import lemma

    assert is_infinitive(word, lemma(word)) is expected


_PIECES = [
    "## FAQ\n\n",
    "### Pourquoi ?\n\n",
    "**Combien ?**\n\n",
    "## Questions fréquentes\n\n",
    "# Titre\n\n",
    "\n\n",
    "Le projet pourrait créer 3 000 emplois.",
    "Le projet crée trois mille emplois.",
    "Selon le maire, ",
    "La ville souhaite rénover l’école Jules-Ferry.",
    "La ville rénove l’école.",
    "40 %",
    "quarante pour cent",
    "le 26 janvier 2026",
    "Gideon Sa’ar",
    "« ",
    " »",
    "d’après",
    "susceptible de",
    "?",
    ".",
    ",",
    "🙂",
    "\u00a0",
    "\u0301",
    "&amp;",
    "<h2>FAQ</h2>",
    "<h3>Quoi ?</h3>",
    "<p>",
    "</p>",
    '<script type="application/ld+json">{"@type": "FAQPage", "mainEntity": [{"name": "Quoi ?", '
    '"acceptedAnswer": {"text": "Rien."}}]}</script>',
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    pieces=st.lists(st.sampled_from(_PIECES) | st.text(max_size=6), max_size=40),
    fmt=st.sampled_from(["markdown", "html"]),
)
def test_random_faq_documents_never_raise(pieces: list[str], fmt: str) -> None:
    text = "".join(pieces)
    for f in _faq_findings(text, fmt=fmt):
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.text
        assert f.message


FAQ_ARTICLES = [SAMPLE, *sorted(FAQ_FIXTURES.glob("*"))]


def test_faq_morphology_is_grammalecte_s_and_hunspell_s_only_without_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """With Grammalecte installed, the FAQ family's morphology is its lexicon's (loaded with the grammar in every
    run): the 7 FAQ articles load no Hunspell dictionary. Without Grammalecte, Hunspell's: the same findings."""
    import checker.lexicon as lexicon_module
    import checker.morphology as morphology_module

    def findings_with_a_new_lexicon() -> tuple[list[set[tuple[str, str]]], lexicon_module.Lexicon]:
        lexicon = lexicon_module.Lexicon()
        monkeypatch.setattr(lexicon_module, "get_lexicon", lambda: lexicon)
        clear_morphology_caches()
        found = [_pairs(_faq_findings(read_source(path), path.name)) for path in FAQ_ARTICLES]
        return found, lexicon

    assert len(FAQ_ARTICLES) == 7 and morphology_module.morphology_engine() is not None
    try:
        with_grammalecte, lexicon = findings_with_a_new_lexicon()
        assert "hunspell" not in lexicon.__dict__
        monkeypatch.setattr(morphology_module, "morphology_engine", lambda: None)
        with_hunspell, lexicon = findings_with_a_new_lexicon()
        assert lexicon.__dict__.get("hunspell") is not None
        assert with_hunspell == with_grammalecte
        startups = FAQ_ARTICLES.index(FAQ_FIXTURES / "economie-startups.md")
        assert EXPECTED["economie-startups.md"] <= with_grammalecte[startups]
    finally:
        clear_morphology_caches()  # answers computed under a patched lexicon must not serve later tests


def test_verb_analysis_reads_the_common_verb_and_the_classic_spelling() -> None:
    """Where a form belongs to several verbs or spellings: the common tense before the simple past or the
    imperfect subjunctive, the document's lemma, the classic spelling before the 1990 reform's alone."""
    from checker.faq_index import verb_analysis

    assert verb_analysis("vit") == ("vivre", "finite")  # not voir's simple past
    assert verb_analysis("terrasse") == ("terrasser", "finite")  # not terrer's imperfect subjunctive
    assert verb_analysis("faut") == ("falloir", "finite")  # not faillir
    assert verb_analysis("étaient") == ("être", "finite")  # not étayer
    assert verb_analysis("convient") == ("convenir", "finite")  # not convier
    assert verb_analysis("connu") == ("connaître", "participle")  # not connaitre
    assert verb_analysis("accroissent") == ("accroître", "finite")


def test_switching_the_morphology_lexicon_forgets_the_faq_answers() -> None:
    """The FAQ family's morphology follows the lexicon checker.morphology reads: forcing the fallback and back
    must not leave answers of the other lexicon in the FAQ caches (« accroitre », the reform's spelling
    Hunspell gives first, where Grammalecte's reading is « accroître »)."""
    from checker.faq_index import verb_analysis
    from checker.morphology import use_fallback_morphology

    assert verb_analysis("accroissent") == ("accroître", "finite")
    try:
        use_fallback_morphology(True)
        assert verb_analysis("accroissent") == ("accroitre", "finite")  # Hunspell's, without Grammalecte's lexicon
    finally:
        use_fallback_morphology(False)
    assert verb_analysis("accroissent") == ("accroître", "finite")
