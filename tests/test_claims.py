"""Claims: unsupported forward-looking and speculative statements, weasel and hype terms,
the labelled-set quality and the `checker claims` inventory."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from bench_scripts import load_bench  # tests/bench_scripts.py
from click.testing import CliRunner

from checker.checks import claims
from checker.cli import main
from checker.config import Config
from checker.errors import CheckerError
from checker.lint import lint_document, lint_text, read_source
from checker.parse import parse_document
from checker.rule_packs import load_rules, parse_pack

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "fixtures" / "israel-azerbaidjan.md"
# The cue rules are those the claims pack declares with kind "cue".
CUE_RULES = tuple(rule.id for rule in load_rules() if rule.kind == "cue")


def _bench():
    """bench/claims_quality.py, imported once (it is a script, not a package module)."""
    return load_bench("claims_quality")


def cues(text: str, fmt: str = "text") -> list[tuple[str, str]]:
    """(rule id, flagged text) of every cue finding."""
    result = lint_text(text, Config(select=CUE_RULES), fmt=fmt)
    return [(f.rule_id, f.text) for f in result.findings]


def flagged(text: str, fmt: str = "text") -> list[str]:
    return [t for _, t in cues(text, fmt)]


@pytest.fixture(params=["grammalecte", "fallback"])
def morphology(request: pytest.FixtureRequest) -> Iterator[str]:
    """Run a test with Grammalecte's lexicon and with the simplemma fallback."""
    if request.param == "fallback":
        claims.use_fallback_morphology(True)
    else:
        claims.use_fallback_morphology(False)
        # `make test` installs python3-grammalecte: its absence is a broken setup, not a skip.
        assert claims.morphology_engine() is not None, "Grammalecte is not installed (scripts/install-system-deps)"
    try:
        yield request.param
    finally:
        claims.use_fallback_morphology(False)


# ---------------------------------------------------------------- the sample article


def test_sample_article_hedged_predictions_flagged_and_first_sentence_not() -> None:
    source = read_source(SAMPLE)
    result = lint_text(source, Config(select=("claims", "claims.hype")), str(SAMPLE))
    found = {(f.rule_id, f.text) for f in result.findings}
    assert ("claims.conditional", "pourrait renforcer") in found
    assert ("claims.conditional", "pourrait catalyser") in found
    assert ("claims.likelihood", "sont susceptibles de créer") in found
    assert ("claims.hype", "un tournant") in found
    assert ("claims.hype", "inédites") in found
    first = source.index("Le 26 janvier 2026")
    first_end = source.index(".", source.index("stratégiques", first)) + 1
    in_first = [f for f in result.findings if first <= f.start < first_end]
    assert in_first == []
    cue_findings = [f for f in result.findings if f.rule_id in CUE_RULES]
    assert len(cue_findings) == 3, [f.text for f in cue_findings]
    for f in result.findings:
        assert f.end > f.start and source[f.start : f.end] == f.text
    message = next(f.message for f in cue_findings if f.text == "pourrait renforcer")
    assert "« pourrait renforcer »" in message and "selon" in message


# ---------------------------------------------------------------- measured quality


def test_labelled_sets_are_large_varied_and_balanced() -> None:
    bench = _bench()
    examples = bench.load_examples(bench.LABELLED)
    assert len(examples) >= 200
    assert len({e.domain for e in examples}) >= 9
    positives = sum(e.label for e in examples)
    assert 0.4 <= positives / len(examples) <= 0.6
    phenomena = {e.phenomenon for e in examples if not e.label}
    for hard in ("question", "susceptible vexé", "événement daté", "fait passé", "fait présent", "attribué selon"):
        assert hard in phenomena, hard
    assert len({(e.sentence, e.context) for e in examples}) == len(examples), "duplicate examples"
    assert bench.load_examples(bench.HELDOUT)


def test_precision_and_recall_at_least_0_9(morphology: str) -> None:
    bench = _bench()
    examples = bench.load_examples(bench.LABELLED) + bench.load_examples(bench.HELDOUT)
    quality = bench.evaluate(examples)
    errors = [(e.sentence, spans) for e, spans in quality.errors]
    assert quality.precision >= 0.9, errors
    assert quality.recall >= 0.9, errors


def test_heldout_set_alone_at_least_0_9() -> None:
    bench = _bench()
    quality = bench.evaluate(bench.load_examples(bench.HELDOUT))
    assert quality.precision >= 0.9 and quality.recall >= 0.9, quality.errors


# ---------------------------------------------------------------- cues: lemmas and morphology


@pytest.mark.parametrize(
    ("text", "rule", "span"),
    [
        ("Les taxes pourraient freiner la reprise.", "claims.conditional", "pourraient freiner"),
        ("Les exportations devraient rebondir au printemps.", "claims.conditional", "devraient rebondir"),
        ("Le projet permettrait de réduire les coûts.", "claims.conditional", "permettrait"),
        ("Les nouvelles lignes permettraient de désenclaver la vallée.", "claims.conditional", "permettraient"),
        ("Cette taxe pourrait, à terme, peser sur les ménages.", "claims.conditional", "pourrait"),
        ("Le groupe pourrait bien se retirer du marché.", "claims.conditional", "pourrait bien se retirer"),
        ("La mesure renforcera la sécurité des piétons.", "claims.future", "renforcera"),
        ("Ces investissements permettront de moderniser le port.", "claims.future", "permettront"),
        ("La nouvelle usine créera 300 emplois.", "claims.future", "créera"),
        ("Les taux vont baisser avant l’été.", "claims.future", "vont baisser"),
        ("Le marché va se retourner brutalement.", "claims.future", "va se retourner"),
        ("Le secteur s’annonce florissant.", "claims.future", "s’annonce"),
        ("Le projet promet de transformer la ville.", "claims.future", "promet de transformer"),
        ("Ces robots sont appelés à remplacer les caissiers.", "claims.future", "sont appelés à remplacer"),
        ("Le produit est susceptible de séduire les jeunes.", "claims.likelihood", "est susceptible de séduire"),
        ("Ces mesures risquent de pénaliser les PME.", "claims.likelihood", "risquent de pénaliser"),
        ("Il est probable que le taux baisse.", "claims.likelihood", "Il est probable que"),
        ("D’ici 2030, les batteries coûtent moitié moins cher.", "claims.horizon", "D’ici 2030"),
        ("Le ministre aurait démissionné.", "claims.reported-conditional", "aurait démissionné"),
        ("L’annonce serait imminente.", "claims.reported-conditional", "serait imminente"),
        ("Les négociateurs seraient parvenus à un accord.", "claims.reported-conditional", "seraient parvenus"),
    ],
)
def test_cues_match_inflected_forms(morphology: str, text: str, rule: str, span: str) -> None:
    assert (rule, span) in cues(text)


@pytest.mark.parametrize(
    "text",
    [
        # past and present facts
        "Le 26 janvier 2026, à Bakou, le ministre a rencontré le président pour renforcer la coopération.",
        "La croissance a atteint 1,1 % l’an dernier.",
        "Les entreprises peuvent en tirer parti en ciblant des partenariats.",
        "L’usine emploie 300 salariés.",
        # "susceptible" meaning touchy
        "Il est très susceptible quand on parle de son travail.",
        "Une collègue susceptible, qui se vexe facilement.",
        # the noun "risque", "à terme" as a fixed phrase
        "Le risque de crue est élevé.",
        "Le contrat arrive à terme en juin.",
        # scheduled events with a date or a time
        "La cérémonie aura lieu demain à 10 heures.",
        "Le musée sera fermé le 1er mai.",
        "La réunion se tiendra jeudi à 14 h.",
        "Le festival débutera le 3 juillet.",
        # wishes and politeness are not predictions
        "Le maire voudrait rénover la piscine.",
        "Il faudrait davantage de contrôles.",
        # "aller" of motion
        "Elle va au travail à vélo.",
        # first and second persons: practical information and the writer's own voice
        "Vous trouverez le programme sur le site de la mairie.",
        "Nous verrons plus loin pourquoi.",
        "J’aurais aimé être là.",
        # a plan stated by its author is attributed to it
        "Le gouvernement ambitionne de créer 100 000 emplois d’ici 2027.",
    ],
)
def test_not_flagged(morphology: str, text: str) -> None:
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Cette alliance pourrait-elle renforcer la région ?",
        "Les taux vont-ils baisser ?",
        "Le ministre aurait-il démissionné ?",
        "Est-il probable que les prix montent ?",
        "La cérémonie aura-t-elle lieu ?",
    ],
)
def test_questions_are_not_flagged(text: str) -> None:
    assert flagged(text) == []


def test_scheduled_event_needs_a_date_and_an_event_verb() -> None:
    assert flagged("Le musée sera fermé pendant les travaux.") == ["sera fermé"]
    assert flagged("Le musée sera fermé le 1er mai.") == []
    # a date alone does not make a prediction a scheduled event
    assert flagged("En 2030, la ville comptera deux millions d’habitants.") == ["comptera"]


@pytest.mark.parametrize(
    ("word", "lemma", "tense"),
    [
        ("pourraient", "pouvoir", "conditional"),
        ("permettrait", "permettre", "conditional"),
        ("renforcera", "renforcer", "future"),
        ("créeront", "créer", "future"),
        ("seront", "être", "future"),
        ("vont", "aller", "present"),
        ("démissionné", "démissionner", "participle"),
        ("créer", "créer", "infinitive"),
    ],
)
def test_morphology_gives_lemma_and_tense(morphology: str, word: str, lemma: str, tense: str) -> None:
    readings = claims.analyse_word(word)
    assert any(r.lemma == lemma and tense in r.tenses for r in readings), readings


def test_html_and_faq_regions() -> None:
    html = "<html><body><p>Le projet <b>pourrait</b> coûter cher.</p><p>Le projet a coûté cher.</p></body></html>"
    assert flagged(html, fmt="html") == ["pourrait</b> coûter"]  # the source span of "pourrait coûter"
    faq = "## FAQ\n\n### Le projet pourrait-il coûter cher\n\nLe projet pourrait coûter cher.\n"
    result = lint_text(faq, Config(select=CUE_RULES), fmt="markdown")
    # the FAQ question (even without "?") is not a claim; the answer is
    assert [(f.line, f.text) for f in result.findings] == [(5, "pourrait coûter")]


# ---------------------------------------------------------------- attribution


@pytest.mark.parametrize(
    "text",
    [
        "Selon l’Insee, le chômage pourrait baisser.",
        "D’après la préfecture, le bilan serait de trois morts.",
        "Pour l’économiste Jean Pisani, la dette va exploser.",
        "Pour Marie Durand, présidente de l’association, le projet créera des emplois.",
        "Le chômage pourrait baisser, a déclaré la ministre.",
        "La ministre estime que le chômage pourrait baisser.",
        "Le groupe prévoit que l’usine créera 200 emplois.",
        "La direction indique que les ventes devraient progresser.",
        "« Le chômage va baisser », assure la ministre.",
        "Le chômage devrait baisser, assure la ministre.",
        "L’étude montre que les écrans risquent de nuire au sommeil.",
        "Le chômage pourrait baisser [1].",
        "Le chômage pourrait baisser (source : Dares).",
    ],
)
def test_attributed_in_sentence(morphology: str, text: str) -> None:
    assert flagged(text) == []


def test_attributed_by_a_link(morphology: str) -> None:
    text = "Le chômage [pourrait baisser](https://dares.travail-emploi.gouv.fr/etude) cette année."
    assert flagged(text, fmt="markdown") == []
    assert flagged("Le chômage pourrait baisser cette année.", fmt="markdown") == ["pourrait baisser"]


def test_attributed_in_the_paragraph_but_not_across_paragraphs() -> None:
    same = "La Banque de France a publié ses projections et indique un ralentissement. Le chômage pourrait monter."
    assert flagged(same) == []
    split = "La Banque de France indique un ralentissement.\n\nLe chômage pourrait monter."
    assert flagged(split, fmt="markdown") == ["pourrait monter"]


def test_lookalikes_of_attribution_do_not_support() -> None:
    # "selon toute vraisemblance" names no source: it is itself a likelihood cue.
    assert cues("Selon toute vraisemblance, le chômage montera.") == [
        ("claims.likelihood", "Selon toute vraisemblance"),
        ("claims.future", "montera"),
    ]
    # "Pour l'instant," is not "Pour l'économiste X,".
    assert flagged("Pour l’instant, le chômage pourrait monter.") == ["pourrait monter"]
    # an infinitive of a verb of saying is not a statement by someone
    assert flagged("Le logiciel pourrait permettre d’estimer les risques.") == ["pourrait permettre"]
    # a passive participle is not "a signalé"
    assert flagged("Cette mise à jour corrigerait les bugs signalés par les joueurs.") == ["corrigerait"]
    # the cue "s'annonce" is not the saying verb "annoncer"
    assert flagged("La saison s’annonce difficile.") == ["s’annonce"]


def test_several_cues_in_one_sentence_are_each_reported() -> None:
    found = cues("La réforme pourrait coûter cher et les syndicats risquent de durcir le ton.")
    assert found == [("claims.conditional", "pourrait coûter"), ("claims.likelihood", "risquent de durcir")]


def test_horizon_only_when_alone() -> None:
    assert cues("À terme, l’objectif est de relier les deux villes.") == [("claims.horizon", "À terme")]
    assert cues("À terme, la ligne reliera les deux villes.") == [("claims.future", "reliera")]


# ---------------------------------------------------------------- weasel and hype


@pytest.mark.parametrize(
    ("text", "rule", "span", "severity"),
    [
        ("Selon certains, la réforme est un échec.", "claims.weasel", "Selon certains", "warning"),
        ("Certains experts doutent du chiffre.", "claims.weasel", "Certains experts", "warning"),
        ("On dit que le maire partira.", "claims.weasel", "On dit que", "warning"),
        ("De nombreux observateurs le déplorent.", "claims.weasel", "De nombreux observateurs", "warning"),
        ("Cette rencontre symbolise un tournant.", "claims.hype", "un tournant", "info"),
        ("Une crise sans précédent.", "claims.hype", "sans précédent", "info"),
        ("Un vaccin révolutionnaire.", "claims.hype", "révolutionnaire", "info"),
        ("Des perspectives inédites.", "claims.hype", "inédites", "info"),
    ],
)
def test_weasel_and_hype(text: str, rule: str, span: str, severity: str) -> None:
    result = lint_text(text, Config(select=("claims.weasel", "claims.hype")))
    assert [(f.rule_id, f.text, f.severity) for f in result.findings] == [(rule, span, severity)]


def test_weasel_attribution_is_reported_once_as_weasel() -> None:
    # "selon certains experts" is an attribution, but a vague one: the weasel rule points at it
    # and the prediction is not reported a second time.
    result = lint_text("Selon certains experts, le prix pourrait doubler.", Config(select=("claims",)))
    assert [(f.rule_id, f.text) for f in result.findings] == [("claims.weasel", "Selon certains experts")]


# ---------------------------------------------------------------- the rules are data


def test_a_user_pack_adds_a_cue_rule(tmp_path: Path) -> None:
    pack = tmp_path / "extra.yaml"
    pack.write_text(
        """pack: extra
rules:
  - id: claims.envisage
    family: claims
    kind: cue
    severity: info
    message: "Projet présenté comme acquis : « {match} »."
    description: Plans stated with "envisager de" + infinitive.
    params:
      cues:
        - name: envisager-de
          steps:
            - {lemmas: [envisager], tense: [present]}
            - {words: [de, "d'"]}
            - {tense: [infinitive]}
    examples:
      flagged: ["La ville <marker>envisage de construire</marker> un pont."]
      accepted: ["La ville a construit un pont."]
""",
        encoding="utf-8",
    )
    rules = load_rules((str(pack),))
    doc = parse_document("Les communes envisagent d’agrandir le port.", fmt="text")
    result = lint_document(doc, Config(select=("claims.envisage",)), rules)
    assert [(f.rule_id, f.text) for f in result.findings] == [("claims.envisage", "envisagent d’agrandir")]


def test_cue_rules_are_schema_checked() -> None:
    base = """pack: bad
rules:
  - id: claims.bad
    family: claims
    kind: cue
    severity: info
    message: "x"
    description: x
{params}
    examples:
      flagged: ["a"]
      accepted: ["b"]
"""
    with pytest.raises(CheckerError, match="params"):
        parse_pack(base.format(params=""), "bad.yaml")
    with pytest.raises(CheckerError, match=r"claims\.bad"):
        parse_pack(base.format(params="    params: {cues: [{name: x, steps: [{lemma: [x]}]}]}"), "bad.yaml")
    with pytest.raises(CheckerError, match=r"claims\.bad"):
        parse_pack(base.format(params="    params: {cues: [{name: x, steps: [{tense: [passé]}]}]}"), "bad.yaml")


def test_pack_level_params_are_shared_by_every_rule() -> None:
    rules = load_rules()
    for rule_id in CUE_RULES:
        params = rules.get(rule_id).params  # type: ignore[union-attr]
        assert "selon" in params["attribution"]["phrases"]
        assert params["cues"]


# ---------------------------------------------------------------- robustness


@pytest.mark.parametrize(
    "text",
    ["", " ", "?", "…", "Pourrait", "d’ici", "\u200b\u202f«»", "va " * 500, "Il pourrait " * 300, "🙂 sera 🙂"],
)
def test_no_crash_on_odd_input(text: str) -> None:
    result = lint_text(text, Config(select=("claims",)))
    for f in result.findings:
        assert f.end > f.start


# ---------------------------------------------------------------- checker claims (inventory)


def test_inventory_text_lists_statements_with_status_and_location() -> None:
    result = CliRunner().invoke(main, ["claims", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    out = result.output
    assert f"{SAMPLE}:13:327: [non sourcé] (prospectif)" in out
    assert "indice 13:342 « pourrait renforcer » (claims.conditional)" in out
    assert "indice 17:241 « sont susceptibles de créer » (claims.likelihood)" in out
    assert f"{SAMPLE}:11:1: [non sourcé] (chiffré" in out
    assert "« un tournant »" in out
    assert "non sourcée(s)" in out.splitlines()[-1]


def test_inventory_json_kinds_and_support(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text(
        "# Titre\n\n"
        "Selon l’Insee, le chômage a baissé de 0,3 point au troisième trimestre.\n\n"
        "La réforme créera 50 000 emplois.\n\n"
        "Certains experts jugent que ce sera la meilleure réforme du quinquennat.\n\n"
        "Le ministre aurait démissionné.\n\n"
        "Le chat dort sur le canapé.\n\n"
        "La reprise va-t-elle durer ?\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["claims", str(article), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    by_line = {s["line"]: s for s in data["statements"]}
    assert set(by_line) == {3, 5, 7, 9}  # the plain fact, the heading and the question are not claims
    assert by_line[3]["status"] == "supported" and set(by_line[3]["kinds"]) == {"reported", "numeric"}
    assert by_line[3]["column"] == 1 and by_line[3]["sources"] == ["Selon"]
    assert by_line[5]["status"] == "unsupported" and set(by_line[5]["kinds"]) == {"forward-looking", "numeric"}
    assert by_line[5]["cues"] == [{"rule": "claims.future", "text": "créera", "line": 5, "column": 12}]
    assert by_line[7]["status"] == "weakly-supported" and "evaluative" in by_line[7]["kinds"]
    assert by_line[9]["status"] == "unsupported" and by_line[9]["kinds"] == ["reported"]
    assert data["summary"]["statements"] == 4
    assert data["summary"]["unsupported"] == 2
    assert data["summary"]["by_kind"]["forward-looking"] == 2


def test_inventory_forecasts_and_schedules(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text(
        "Des orages sont à prévoir dans la soirée.\n\n"
        "La Bourse est fermée ; elle devrait rouvrir mercredi.\n\n"
        "Le ministre est attendu à Alger le 16 juillet.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["claims", str(article), "--format", "json"])
    assert result.exit_code == 0, result.output
    by_line = {s["line"]: s for s in json.loads(result.output)["statements"]}
    # a forecast is forward-looking; a reopening with its date and a visit are schedules, not forecasts
    assert set(by_line) == {1, 5} and by_line[5]["kinds"] == ["numeric"] and by_line[5]["cues"] == []
    assert by_line[1]["status"] == "unsupported" and by_line[1]["kinds"] == ["forward-looking"]
    assert by_line[1]["cues"] == [{"rule": "claims.forecast", "text": "sont à prévoir", "line": 1, "column": 12}]


def test_inventory_bad_input_exits_2(tmp_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(main, ["claims", str(tmp_path / "nope.md")])
    assert missing.exit_code == 2 and "nope.md" in missing.output
    binary = tmp_path / "b.md"
    binary.write_bytes(b"\x00\x01\x02")
    result = runner.invoke(main, ["claims", str(binary)])
    assert result.exit_code == 2 and "fichier binaire" in result.output
    assert runner.invoke(main, ["claims", str(SAMPLE), "--format", "xml"]).exit_code == 2
