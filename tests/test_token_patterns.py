"""The `tokens` rule kind (checker/token_patterns.py), the shared morphology, the project's own
grammar pack (rules/grammar-fr.yaml) and the homophone figures of bench/homophones.py."""

from __future__ import annotations

import csv
from pathlib import Path
from types import ModuleType

import pytest
from bench_scripts import load_bench  # tests/bench_scripts.py

from checker.config import Config
from checker.errors import CheckerError
from checker.lint import lint_text
from checker.morphology import analyse_form
from checker.parse import parse_document
from checker.rule_packs import load_rules, parse_pack
from checker.token_patterns import TokenInfo, agree, clause_verbs, conjugate, norm

ROOT = Path(__file__).resolve().parent.parent


def _findings(text: str, *select: str, packs: tuple[str, ...] = ()) -> list[tuple[str, str, list[str]]]:
    result = lint_text(text, Config(select=select, rule_packs=packs), fmt="text")
    return [(f.rule_id, f.text, f.suggestions) for f in result.findings]


def _pack(tmp_path: Path, body: str) -> str:
    path = tmp_path / "pack.yaml"
    path.write_text(body, encoding="utf-8")
    return str(path)


USER_PACK = """
pack: maison
params:
  word_classes:
    adverbes: [vraiment, très]
rules:
  - id: grammar.maison-pas-que
    family: grammar
    kind: tokens
    severity: warning
    message: "« {match} » : préférez « {suggestion} ». {detail}"
    description: Test rule.
    params:
      patterns:
        - name: ne-pas-que
          detail: "Tour critiqué."
          steps:
            - {lemmas: [être], pos: [verb]}
            - {skip: [adverbes], max: 2}
            - {words: [pas], mark: true}
            - {words: [que, "qu'"], mark: true}
          suggest: ["\\\\3 seulement"]
          unless:
            - [{words: [ne, "n'"]}, {lemmas: [être]}]
    examples:
      flagged: ["Il est <marker>pas que</marker> fatigué."]
      accepted: ["Il n’est pas que fatigué."]
"""


def test_a_user_pack_tokens_rule_runs_with_skip_mark_backreference_and_exception(tmp_path: Path) -> None:
    pack = _pack(tmp_path, USER_PACK)
    found = _findings("Il est vraiment pas que fatigué.", "grammar.maison-pas-que", packs=(pack,))
    assert found == [("grammar.maison-pas-que", "pas que", ["pas seulement"])]
    assert _findings("Il n’est pas que fatigué.", "grammar.maison-pas-que", packs=(pack,)) == []


def test_an_invalid_tokens_rule_is_refused_with_its_file_and_id(tmp_path: Path) -> None:
    bad = USER_PACK.replace("{words: [pas], mark: true}", "{wrods: [pas], mark: true}")
    with pytest.raises(CheckerError, match=r"pack\.yaml: règle grammar\.maison-pas-que : pack de règles invalide"):
        load_rules((_pack(tmp_path, bad),))
    with pytest.raises(CheckerError):
        parse_pack(bad.replace("kind: tokens", "kind: tokens\n    patterns_missing: 1"), "x.yaml")


def test_morphology_gives_gender_number_and_closed_classes() -> None:
    la = analyse_form("la")
    assert any("determiner" in r.pos and r.genders == {"f"} and r.numbers == {"s"} for r in la)
    assert any("object_pronoun" in r.pos for r in la)
    assert any("proper_noun" in r.pos for r in analyse_form("Obama"))
    assert any(r.numbers == {"p"} and r.genders == {"f"} for r in analyse_form("huîtres"))
    # a verb with a hyphenated pronoun after it keeps the verb's readings
    assert any("verb" in r.pos and r.lemma == "contacter" for r in analyse_form("contactez-nous"))


def test_agreement_and_conjugation_helpers() -> None:
    assert agree("mangée", "ms") == "mangé"
    assert agree("gratuit", "fs") == "gratuite"
    assert agree("vendus", "ms") == "vendu"
    assert conjugate("parlent", "3s") == "parle"
    assert conjugate("aurais", "imperfect") == "avais"


@pytest.mark.parametrize(
    ("text", "rule", "span", "suggestion"),
    [
        ("La chaîne à en effet décidé de ne pas diffuser le match.", "grammar.homophone-a", "à", "a"),
        ("Les deux pays son en désaccord.", "grammar.homophone-son", "son", "sont"),
        ("Le sommet est prévu pour RMC est BFMTV.", "grammar.homophone-et", "est", "et"),
        ("L’article a été publié se lundi.", "grammar.homophone-se", "se", "ce"),
        ("Il veut s’assurer qu’il viendra, il ne sait pas ou il va.", "grammar.homophone-ou", "ou", "où"),
        ("Isabelle a mangée des huîtres.", "grammar.participle-avoir", "mangée", "mangé"),
        ("La plupart du monde parlent anglais.", "grammar.plupart", "parlent", "parle"),
        ("Il y a eu au mois trois morts.", "grammar.set-phrase", "au mois", "au moins"),
        ("Que mange il ?", "grammar.inversion", "mange il", "mange-t-il"),
        ("Des légumes bons marchés.", "grammar.invariable", "bons marchés", "bon marché"),
        ("Une mise à jour gratuit est disponible.", "grammar.compound-agreement", "gratuit", "gratuite"),
    ],
)
def test_issue_examples_are_caught_with_their_correction(text: str, rule: str, span: str, suggestion: str) -> None:
    found = [(t, s) for r, t, s in _findings(text, rule) if r == rule]
    assert found, f"{rule} missed {text!r}"
    assert found[0][0] == span
    assert suggestion in found[0][1]


def test_a_token_finding_on_the_span_of_an_engine_finding_is_not_repeated() -> None:
    # Grammalecte reports « à » here too: one finding, the engine's.
    found = _findings("Le projet à été validé par le conseil.", "grammar")
    assert len([f for f in found if f[1] == "à"]) == 1


def test_a_real_unknown_name_is_not_taken_for_a_misspelling() -> None:
    assert _findings("Le président Barack Obbama est à Paris.", "spelling.name-typo") == [
        ("spelling.name-typo", "Obbama", ["Obama"])
    ]
    # written several times, and no known name in the text: a name of its own
    text = "Le chercheur Filipp est arrivé. Filipp a parlé. Ensuite Filipp est reparti."
    assert _findings(text, "spelling.name-typo") == []
    # common names that the lexicon lacks are not flagged
    assert _findings("Le candidat Mitt Romney et Oumar Maïga ont parlé.", "spelling.name-typo") == []


def test_typography_fixes_rewrite_units_times_ordinals_and_elisions() -> None:
    from checker.fix import fix_text

    text = "Au XIXè siècle, il pesait 80kg et partait à 20h30, qu il pleuve ou non, avec beaucoup d’ enfants.\n"
    fixed, applied, _ = fix_text(text, Config(select=("typography",)), fmt="text")
    assert applied == 5
    assert fixed == (
        "Au XIXe siècle, il pesait 80\u202fkg et partait à 20\u202fh\u202f30, qu’il pleuve ou non, "
        "avec beaucoup d’enfants.\n"
    )


# ---------------------------------------------------------------- clause analysis


def _main_verbs(text: str) -> list[str]:
    sentence = parse_document(text + "\n", "x.txt", "text").blocks[0].sentences[0]
    infos = [TokenInfo(t, norm(t.text), i, len(sentence.tokens)) for i, t in enumerate(sentence.tokens)]
    clauses = clause_verbs(infos)
    return [infos[i].token.text for i in sorted(clauses.main)]


@pytest.mark.parametrize(
    ("text", "main"),
    [
        # The verb after a relative or subordinating word is that clause's, not the main one's.
        ("L’observatoire qui publie des bilans est un projet européen.", ["est"]),
        ("Bien que leurs formes varient, le rapport identifie trois modèles.", ["identifie"]),
        ("Il faut savoir quel est le scénario retenu.", ["faut"]),
        # A noun that is also a verb is a verb only where a verb can stand.
        ("Le groupe HP accuse une baisse à la porte d’entrée.", ["accuse"]),
        ("La porte de l’est de la ville et la zone est sont fermées.", ["sont"]),
        # A quotation is a segment of its own: its verb does not count for the text around it.
        ("Estimant que « le catalan est notre langue », il vota contre.", ["est", "vota"]),
        ("Le texte, adopté par le Sénat et promulgué hier, entre en vigueur.", []),
        # An incise (« affirme-t-il ») is not the clause's verb.
        ("La question est de savoir « si nous allons investir » affirme-t-il.", ["est"]),
        # A compound of the lexicon that looks like a verb and its pronoun is a noun after a determiner.
        ("Le grand rendez-vous européen des innovations est de retour.", ["est"]),
        ("Nous avons pris rendez-vous et nous viendrons.", ["avons", "viendrons"]),
        # … and a command after a comma or « puis ».
        ("Pour vous inscrire, rendez-vous à la mairie et remplissez le formulaire.", ["rendez-vous", "remplissez"]),
    ],
)
def test_clause_analysis_finds_the_main_verbs(text: str, main: list[str]) -> None:
    assert _main_verbs(text) == main


@pytest.mark.parametrize(
    ("text", "span", "suggestion"),
    [
        ("La gare de Lyon et fermée depuis ce matin.", "et", "est"),
        ("Il a confirmé que le projet et terminé.", "et", "est"),
        ("Les inscriptions sont ouvertes sur le site est voici le formulaire.", "est", "et"),
        ("Il faut choisir le train où l’avion pour ce trajet.", "où", "ou"),
        ("Sans la Floride, ou le résultat n’était pas connu, il a recueilli 303 voix.", "ou", "où"),
        ("Nous présenterons ses résultats lors de la réunion.", "ses", "ces"),
        ("Il a cassé là porte du local.", "là", "la"),
        # The clause already has its conjugated verb: « a » is the preposition.
        ("De telles manifestations se déroulent chaque année a Téhéran.", "a", "à"),
        # After an incise, before a participle: the auxiliary.
        ("Le président de l’Assemblée, M. Dupont, à fait procéder au vote.", "à", "a"),
        # « ce sont » takes a noun phrase; before a participle it is the reflexive « se ».
        ("Des milliers de personnes ce sont rassemblées sur la place.", "ce", "se"),
        ("Il ce peut que la séance soit reportée.", "ce", "se"),
        ("Du côté des transports, se sont 12 000 vols qui sont annulés.", "se", "ce"),
        ("Pour la deuxième journée, là Bourse de New York est fermée.", "là", "la"),
        ("Deux grandes conférences on lieu ce jour.", "on", "ont"),
        ("Selon la chaîne, ce son deux hommes qui ont ouvert le feu.", "son", "sont"),
    ],
)
def test_homophones_decided_by_the_clause(text: str, span: str, suggestion: str) -> None:
    findings = _findings(text, "grammar", *_bench().PICKY_HOMOPHONE_RULES)
    found = [f for f in findings if f[0].startswith("grammar.homophone")]
    assert [(f[1], f[2][:1]) for f in found] == [(span, [suggestion])]


@pytest.mark.parametrize(
    "text",
    [
        "Le ministre et le président, arrivés hier à Bakou, ont signé l’accord.",
        "Il viendra demain, ou il restera à Paris.",
        "Le maire a présenté ses projets ; développer ses compétences est utile.",
        "Ses parents sont arrivés hier.",
        "À l’est de la ville, la route est coupée.",
        "Il y a là matière à réflexion, c’est là une bonne nouvelle.",
        "Le maire a annoncé que la ville a un nouveau budget ; le ministre, qui a visité l’usine, a promis une aide.",
        "Ce sont des questions difficiles : ce sont eux qui décident, ce sont là des faits.",
        "Pour ce faire, il veut ce pouvoir ; il faut que ce soit fait, bien que se soient tenues des élections.",
        "J’aime ce son des cloches ; on a lieu de croire qu’on dit vrai.",
        "Le texte voté a 300 articles, et le juge a estimé que la société a manqué à ses obligations.",
        "Le club dont la réputation a souffert a changé d’entraîneur quand la crise a éclaté.",
        "Elle est arrivée là fatiguée ; ils se retrouvent là chaque année.",
    ],
)
def test_clause_rules_leave_correct_sentences_alone(text: str) -> None:
    # The token rules only: grammar.homophone-context (word-pair statistics) has tests of its own.
    found = [f for f in _findings(text, "grammar") if f[0].startswith("grammar.homophone")]
    assert not [f for f in found if f[0] != "grammar.homophone-context"]


def test_every_pattern_of_a_rule_quoting_its_suggestion_declares_one() -> None:
    # « Confusion a / à : « a » → «  » » came from a pattern that lost its `suggest` line: a rule whose message
    # quotes {suggestion} must say, in each pattern, what it suggests (`suggest: []` when nothing can be).
    for rule in load_rules():
        if rule.kind != "tokens" or "{suggestion}" not in rule.message:
            continue
        for pattern in rule.params.get("patterns", ()):
            assert "suggest" in pattern or "rewrite" in pattern, (rule.id, pattern.get("name"))


def test_a_finding_without_suggestion_leaves_the_arrow_out_of_its_message() -> None:
    # « quel » before a verb could be « qu’il » or « qu’elle »: no suggestion, and the message does not end
    # in « « quel » → «  » »; « quelle » gets its « qu’elle ».
    config = Config(select=("grammar",), grammar_engine="none")  # the project's own patterns alone
    result = lint_text("Il pense quel viendra. Elle pense quelle viendra.", config, fmt="text")
    found = {f.text: f for f in result.findings if f.rule_id == "grammar.homophone-quelle"}
    assert found["quel"].suggestions == [] and "→" not in found["quel"].message, found["quel"].message
    assert found["quelle"].suggestions == ["qu’elle"]
    assert "« quelle » → « qu’elle »" in found["quelle"].message


# ---------------------------------------------------------------- homophone figures


def _bench() -> ModuleType:
    return load_bench("homophones")


# Measured by `bench/homophones.py` on the development pairs (see README); the test runs one development pair in
# three (a fixed slice; never a held-out pair, so that nobody tunes a rule to held-out counts through this test),
# so its figures differ a little: these floors are the slice's own figures, without grammar.homophone-context
# (word-pair statistics, off by default): 86.9 % of the slice, 11.4 % of its originals flagged.
SLICE_FLOORS = {
    "a/à": 0.85,
    "et/est": 0.88,
    "ou/où": 0.84,
    "son/sont": 0.98,
    "on/ont": 0.96,
    "ses/ces/c'est/s'est/sait": 0.54,
    "se/ce": 1.0,
    "leur/leurs": 0.95,
    "peu/peut": 1.0,
    "mes/mais": 1.0,
    "la/là": 1.0,
}
SLICE_FLOOR_ALL = 0.86
SLICE_CEILING_ALARMS = 0.12


def test_homophone_pairs_are_real_sentences_with_one_change() -> None:
    bench = _bench()
    pairs = bench.read_pairs()
    assert len(pairs) >= 1500
    assert {p.kind for p in pairs} == set(bench.CONFUSIONS)
    for p in pairs:
        assert p.changed[p.start : p.end].lower().replace("’", "'") == p.wrong
        assert p.changed[: p.start] == p.original[: p.start]
        assert (ROOT / "corpus" / "articles" / p.source).is_file()


def test_homophone_pairs_split_by_article_into_development_and_held_out() -> None:
    bench = _bench()
    pairs = bench.read_pairs()
    dev, held = bench.split_pairs(pairs, "dev"), bench.split_pairs(pairs, "held-out")
    assert len(dev) + len(held) == len(pairs)
    assert not {p.source for p in dev} & {p.source for p in held}
    assert 0.3 <= len({p.source for p in held}) / len({p.source for p in pairs}) <= 0.5
    assert bench.held_out_sources({p.source for p in pairs}) == bench.held_out_sources({p.source for p in pairs})


def _assert_slice_holds(pairs_file: Path, floors: dict[str, float], floor_all: float, ceiling_alarms: float) -> None:
    """One development pair in three of `pairs_file`, measured by bench/homophones.py, against the floors."""
    bench = _bench()
    # With the homophone rules the picky preset adds (off by default, right in none of their findings on real pages
    # nobody had read): the figures of issue 12, item 2, are measured with them.
    default_config = bench.lint_config
    bench.lint_config = Config(select=bench.FAMILIES + bench.PICKY_HOMOPHONE_RULES)
    try:
        figures = bench.measure(bench.split_pairs(bench.read_pairs(pairs_file), "dev")[::3])
    finally:
        bench.lint_config = default_config
    for kind, floor in floors.items():
        assert figures.share(kind) >= floor, (kind, figures.caught[kind])
    assert figures.share() >= floor_all
    assert figures.alarm_rate <= ceiling_alarms


def test_homophone_figures_hold_on_a_slice_of_the_pairs() -> None:
    _assert_slice_holds(_bench().PAIRS, SLICE_FLOORS, SLICE_FLOOR_ALL, SLICE_CEILING_ALARMS)


# The same on the rare-rule set's pairs (corpus/rare, codegouv.fr posts), one development pair in three: the
# patterns written from its development misses (« merci a », « leurs simplifier », « se 5 juin », « son nos
# comptes », « n'importe qu'elle »…) raised this slice from 77.6 % to 79.1 % (base 52745c4).
RARE_SLICE_FLOORS = {
    "a/à": 0.78,
    "et/est": 0.74,
    "son/sont": 0.98,
    "on/ont": 0.80,
    "se/ce": 0.86,
    "leur/leurs": 0.90,
    "quel/qu'elle": 0.8,
}
RARE_SLICE_FLOOR_ALL = 0.79
RARE_SLICE_CEILING_ALARMS = 0.16


def test_rare_homophone_figures_hold_on_a_slice_of_the_pairs() -> None:
    rare_pairs = ROOT / "bench" / "data" / "homophones-rare.tsv"
    _assert_slice_holds(rare_pairs, RARE_SLICE_FLOORS, RARE_SLICE_FLOOR_ALL, RARE_SLICE_CEILING_ALARMS)


# Issue 12, item 2: « corrected sentences flagged ≤ 12 % ». The published sentences of the held-out pages' pairs
# (corpus/heldout, measured only) that the picky preset flags in their article: 13.6 % of them; every finding there that
# no judgement file held yet was judged by two helpers (bench/judgements/heldout-originals.tsv, stop 41), and a
# sentence whose findings are all real errors of the published text is no false alarm: 10.0 %. A ceiling on the held-out
# pages, unlike the slices above: it guards what a user sees there, and no rule is written from its findings (stop 41:
# two homophone-et findings a first version added there were read as a regression and recorded so in bench/README.md).
HELD_OUT_ORIGINALS_CEILING = 0.12


def test_published_sentences_flagged_by_the_picky_preset_are_mostly_real_errors() -> None:
    bench = _bench()
    default_config = bench.lint_config
    bench.lint_config = Config(select=bench.FAMILIES, preset="picky")
    try:
        pairs = bench.read_pairs(ROOT / "bench" / "data" / "homophones-heldout.tsv")
        figures = bench.measure([], bench.Articles(ROOT / "corpus" / "heldout"), pairs)
    finally:
        bench.lint_config = default_config
    assert figures.originals >= 1500
    assert figures.false_alarm_rate(bench.judged_true()) <= HELD_OUT_ORIGINALS_CEILING


def test_the_held_out_originals_reported_column_is_current(tmp_path: Path) -> None:
    """`bench/homophones.py record` leaves heldout-originals.tsv as it is: every judged finding is reported as
    recorded (none mended since, none judged TRUE lost)."""
    bench = _bench()
    copy = tmp_path / "heldout-originals.tsv"
    copy.write_text((ROOT / "bench" / "judgements" / copy.name).read_text(encoding="utf-8"), encoding="utf-8")
    assert bench.record_originals(copy, ROOT / "corpus" / "heldout") == 0


@pytest.mark.parametrize(
    ("name", "folder", "size"),
    [("heldout-originals.tsv", ROOT / "corpus" / "heldout", 174), ("ngc-dev-originals.tsv", None, 107)],
)
def test_the_originals_findings_are_judged_whole(name: str, folder: Path | None, size: int) -> None:
    """The findings on the published sentences of a pairs set (picky preset, in their article) that no other
    judgement file held: every row judged with a reason, keyed by a file name of its set (no folder); the held-out
    pages are in the repository, Nos Gestes Climat's are built by bench/make_ngc_dev.py."""
    precision = load_bench("precision")
    rows = precision.load_judgements(ROOT / "bench" / "judgements" / name)
    assert len(rows) == size
    assert all(j.reason.strip() and "/" not in key[0] for key, j in rows.items())
    if folder is not None:
        assert all((folder / key[0]).is_file() for key in rows)


def test_homophone_pairs_placed_in_their_published_article() -> None:
    # `--context` makes each change in the article's source: the word there is the pair's, the rest is as published.
    bench = _bench()
    articles = bench.Articles(ROOT / "corpus" / "articles")
    every = bench.read_pairs()
    pairs = [p for p in every if p.kind == "ses/ces/c'est/s'est/sait"][::10]
    assert len(pairs) >= 30
    # Every pair of an article with inline code: its stand-in word is not in the pair's sentence.
    with_code = [p for p in every if "`" in articles.source(p.source)]
    assert len(with_code) >= 10
    for p in pairs + with_code:
        placed = bench.changed_in_context(p, articles)
        assert placed is not None, p.original[:60]
        source, start, end = placed
        published = articles.source(p.source)
        assert source[start:end] == p.changed[p.start : p.end]
        assert source[:start] == published[:start]
        assert source[end:] == published[len(published) - (len(source) - end) :]


def _et_findings(markdown: str) -> list[str]:
    result = lint_text(markdown, Config(select=("grammar.homophone-et",)), path="article.md", fmt="markdown")
    return [f.text for f in result.findings]


def test_definite_attribute_only_in_prose_without_a_verb() -> None:
    """« et » + le/la/l' + a noun with a complement after a verbless subject is « est » in a prose sentence, not
    in a list item or a title (where two coordinated noun phrases are the usual), nor in the answer to a question."""
    sentence = "Ce rapport et le résultat de deux ans d’enquête sur le terrain."
    assert _et_findings(sentence + "\n") == ["et"]
    assert _et_findings("- " + sentence + "\n") == []
    assert _et_findings("## " + sentence.rstrip(".") + "\n") == []
    assert _et_findings("Ses atouts ? " + sentence + "\n") == []
    assert _et_findings("Ce rapport et le résultat de l’enquête sont publiés.\n") == []


def test_definite_attribute_only_with_a_noun_that_stands_as_an_attribute_and_not_in_a_caption() -> None:
    """A verbless « Det N et le N de … » is two coordinated noun phrases unless the noun is one that typically
    stands as an attribute (« le résultat de », « le cœur de »); an HTML caption is a legend, not a prose sentence."""
    assert _et_findings("Le maire et le président du conseil départemental.\n") == []
    assert _et_findings("Le pain et le vin de la fête.\n") == []
    sentence = "Le hall d’accueil et le cœur du bâtiment."
    html = "<html><body><figure><img src='hall.jpg' alt=''><figcaption>{}</figcaption></figure></body></html>"
    result = lint_text(html.format(sentence), Config(select=("grammar.homophone-et",)), path="page.html", fmt="html")
    assert [f.text for f in result.findings] == []
    result = lint_text(f"<html><body><p>{sentence}</p></body></html>", Config(select=("grammar.homophone-et",)),
                       path="page.html", fmt="html")
    assert [f.text for f in result.findings] == ["et"]


MARKED_UNLESS_PACK = """
pack: maison
rules:
  - id: grammar.maison-double-est
    family: grammar
    kind: tokens
    severity: warning
    message: "« {match} » en double."
    description: Test rule.
    params:
      unless:
        - [{words: ["c'"]}, {words: [est], mark: true}]
      patterns:
        - name: est-twice
          steps:
            - {words: [est]}
            - {skip: {}, max: 2}
            - {words: [est], mark: true}
    examples:
      flagged:
        - "C’est libre <marker>est</marker> gratuit."
      accepted:
        - "Le logiciel libre est gratuit."
"""


def test_an_unless_with_a_marked_step_cancels_only_the_finding_it_marks(tmp_path: Path) -> None:
    # « c'est » exempts its own « est », not a second « est » the match ends on (stop 30); an unless without a
    # marked step still cancels any match it overlaps.
    pack = _pack(tmp_path, MARKED_UNLESS_PACK)
    assert _findings("C’est libre est gratuit.", "grammar.maison-double-est", packs=(pack,)) == [
        ("grammar.maison-double-est", "est", [])
    ]
    unmarked_path = tmp_path / "unmarked.yaml"  # another file: packs are cached by path
    unmarked_body = MARKED_UNLESS_PACK.replace("{words: [est], mark: true}]", "{words: [est]}]")
    unmarked_path.write_text(unmarked_body, encoding="utf-8")
    unmarked = str(unmarked_path)
    assert _findings("C’est libre est gratuit.", "grammar.maison-double-est", packs=(unmarked,)) == []


def test_a_capital_a_is_not_turned_into_an_injected_error() -> None:
    """« A » with a capital is as often « À » without its accent, a letter or English as the verb: writing « À » there
    makes no error: such a pair is still made (a set is drawn as before) but not measured (stop 42), its published
    sentence still is."""
    bench = _bench()
    made = bench.make_pairs([("a.md", "A Bordeaux, le maire a signé la convention avec la région.")])
    kept = bench.errors_only(made)
    assert [(p.correct, p.changed[p.start : p.end]) for p in made if p.kind == "a/à"] == [("a", "À"), ("a", "à")]
    assert [(p.correct, p.changed[p.start : p.end]) for p in kept if p.kind == "a/à"] == [("a", "à")]
    every = bench.read_pairs()
    with (ROOT / "bench" / "data" / "homophones.tsv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    capital = [r for r in rows if r["type"] == "a/à" and r["original"][int(r["start"])] == "A"]
    measured = bench.errors_only(every)
    assert capital and len(every) == len(rows) and len(measured) == len(rows) - len(capital)
    left_out = [p for p in every if not bench.injects_an_error(p.kind, p.original[p.start : p.start + len(p.correct)])]
    assert len(left_out) == len(capital)
    assert {p.changed[p.start : p.end] for p in left_out} == {"À"}
    figures = bench.measure(left_out[:1])
    assert not figures.caught and figures.originals == 1
