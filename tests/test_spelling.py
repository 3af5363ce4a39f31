"""Spelling: ordinary French is never flagged (fewer than 1 false alarm per 1,000 words on a
corpus of correct prose), real typos are caught with a useful suggestion, and the French
specifics (elisions, œ/oe, compounds, acronyms, proper nouns, numbers, project words) hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.checks import spelling
from checker.config import Config
from checker.lexicon import Lexicon
from checker.lint import lint_text

DATA = Path(__file__).resolve().parent / "data"
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SPELLING = Config(select=("spelling",))

# Real typos (wrong letters, missing or doubled consonants, missing accents) and the word meant.
TYPOS = {
    "gouvernemnt": "gouvernement",
    "dévelopement": "développement",
    "parmis": "parmi",
    "malgrès": "malgré",
    "interressant": "intéressant",
    "aggresion": "agression",
    "apellé": "appelé",
    "succés": "succès",
    "rapidemment": "rapidement",
    "environement": "environnement",
    "connaissence": "connaissance",
    "language": "langage",
    "definitivement": "définitivement",
    "recu": "reçu",
    "traditionel": "traditionnel",
    "batiment": "bâtiment",
    "evenement": "événement",
    "probléme": "problème",
    "ceuillir": "cueillir",
    "acceuil": "accueil",
    "dilemne": "dilemme",
    "néammoins": "néanmoins",
    "sytème": "système",
    "ammener": "amener",
    "quotidient": "quotidien",
    "professionel": "professionnel",
    "personellement": "personnellement",
    "courrament": "couramment",
    "addresse": "adresse",
    "beacoup": "beaucoup",
    "aujourdhui": "aujourd’hui",
    "pronnoncer": "prononcer",
    "comission": "commission",
    "resoudre": "résoudre",
    "infomation": "information",
    "ministére": "ministère",
    "éxperience": "expérience",
    "hopital": "hôpital",
    "bientot": "bientôt",
}


def _spelling(text: str, config: Config = SPELLING, fmt: str | None = None) -> list[str]:
    return [f.text for f in lint_text(text, config, fmt=fmt).findings if f.rule_id == "spelling.unknown-word"]


def test_correct_corpus_has_fewer_than_one_false_alarm_per_thousand_words() -> None:
    words = 0
    alarms: list[tuple[str, str]] = []
    files = sorted(DATA.glob("correct_french*.txt"))
    assert len(files) >= 8
    for path in files:
        text = path.read_text(encoding="utf-8")
        words += len(text.split())
        alarms += [(path.name, w) for w in _spelling(text)]
    assert words >= 4000
    assert len(alarms) * 1000 < words, alarms


def test_real_typos_are_caught_with_the_right_suggestion() -> None:
    missed = []
    unhelpful = []
    for typo, meant in TYPOS.items():
        sentence = f"Selon le rapport, le mot {typo} figure dans la phrase."
        result = lint_text(sentence, SPELLING)
        hits = [f for f in result.findings if f.text == typo]
        if not hits:
            missed.append(typo)
            continue
        finding = hits[0]
        assert finding.start == sentence.index(typo) and finding.end == finding.start + len(typo)
        if meant not in finding.suggestions[:3]:
            unhelpful.append((typo, finding.suggestions))
    assert not missed, missed
    assert len(unhelpful) <= 2, unhelpful


def test_first_suggestion_and_message() -> None:
    result = lint_text("Le gouvernemnt a présenté son budget.", SPELLING)
    (finding,) = result.findings
    assert finding.suggestions[0] == "gouvernement"
    assert "« gouvernemnt »" in finding.message and "« gouvernement »" in finding.message
    assert finding.severity == "info" and finding.family == "spelling"


@pytest.mark.parametrize(
    "text",
    [
        "L’IA et l'IA, jusqu’à demain et jusqu'à hier, qu’il vienne ou qu'il parte.",
        "Lorsqu’elle arrive, puisqu'il le faut, quoiqu’on en dise, presqu’île, aujourd'hui, aujourd’hui.",
        "Le cœur et le coeur, l’œuvre et l'oeuvre, ma sœur et ma soeur, un nœud, des œufs, un bœuf.",
        "Le porte-parole franco-israélien a-t-il parlé ? Vingt-cinq ex-ministres, dit-elle, peut-être.",
        "L’OTAN, l’ONU, la SNCF, les PME, l’UE et les IDE ; un iPhone, un PDG.",
        "Le 1er mars, au XXIe siècle, en 3D, le COVID-19, le G20, 12,5 % et 3 000 euros.",
        "Ilham Aliyev a reçu M. Netanyahou et Mme Zelenska à Bakou.",
        "Voir www.exemple.fr, le fichier rapport_final.pdf, contact@exemple.fr et @Reuters #IA.",
        "Etat, Ecole et Eglise s’écrivent aussi sans accent sur la capitale.",
    ],
)
def test_french_specifics_are_not_flagged(text: str) -> None:
    assert _spelling(text) == []


def test_elided_word_is_checked_after_the_apostrophe() -> None:
    text = "Il parle de l’ordinateurr et d'un batiment."
    assert _spelling(text) == ["ordinateurr", "batiment"]


def test_hyphenated_compound_with_a_misspelled_part_is_flagged() -> None:
    assert _spelling("Le porte-parolle du gouvernement.") == ["porte-parolle"]


def test_capitalised_typo_opening_a_sentence_is_flagged_but_not_a_name() -> None:
    assert _spelling("Malgrès la pluie, le match a eu lieu.") == ["Malgrès"]
    assert _spelling("Aliyev a reçu la délégation. Netanyahou est reparti.") == []
    # A name seen capitalised inside a sentence is a name everywhere.
    assert _spelling("Hakan est arrivé. Le ministre Hakan a parlé.") == []


def test_a_term_the_article_repeats_is_not_a_typo() -> None:
    # The sample writes « agri-tech » many times: the article's term, not a typo.
    source = (FIXTURES / "israel-azerbaidjan.md").read_text(encoding="utf-8")
    assert "agri-tech" not in _spelling(source, SPELLING, fmt="markdown")
    assert _spelling("Le gouvernemnt parle ; le gouvernemnt agit.") == ["gouvernemnt", "gouvernemnt"]


def test_english_passage_is_one_finding() -> None:
    text = "Le guide strongly recommends the publication du code."
    found = lint_text(text, Config(select=("spelling",), preset="picky")).findings
    assert [(f.rule_id, f.text, f.severity) for f in found] == [
        ("spelling.foreign-passage", "strongly recommends the", "info")
    ]


def test_an_english_passage_is_one_finding_across_words_french_also_knows() -> None:
    # « brown » and « fox » are frequent in French too (names): they do not cut the passage in three.
    text = "Il a dit : the quick brown fox jumps over the lazy dog every morning."
    found = lint_text(text, Config(select=("spelling",), preset="picky")).findings
    assert [(f.rule_id, f.text) for f in found] == [
        ("spelling.foreign-passage", "the quick brown fox jumps over the lazy dog every morning")
    ]


def test_a_word_written_as_code_in_the_article_is_not_a_typo_elsewhere() -> None:
    text = "Le projet `dnsmasq` fournit le DNS.\n\nComme dnsmasq est configuré par des fichiers, il convient.\n"
    assert _spelling(text, fmt="markdown") == []
    assert _spelling("Comme dnsmasq est configuré par des fichiers, il convient.\n", fmt="markdown") == ["dnsmasq"]


def test_newsroom_words_are_not_typos() -> None:
    text = "Selon franceinfo (ndlr : le 3 mai), les twittos et les macronistes ont réagi."
    assert _spelling(text) == []
    assert _spelling("Selon franceinfo, les twitos ont réagi.") == ["twitos"]


def test_a_name_after_a_title_is_not_a_sentence_start() -> None:
    assert _spelling("Il avait lâché : « M. Foote, vous êtes un salaud ! »") == []
    # Opening a sentence, the same unknown word one edit from « Forte » reads as a typo.
    assert _spelling("Il est parti. Foote est un mot inconnu.") == ["Foote"]


def test_names_soft_hyphens_identifiers_and_quoted_terms_are_not_typos() -> None:
    assert _spelling("Le paquebot Empress of Ireland a sombré.") == []
    assert _spelling("Le pre\u00admier essai a réussi.") == []
    assert _spelling("Installez node-oidc-provider puis lancez le « scoring ».") == []
    assert _spelling("Le prmier essai a réussi.") == ["prmier"]
    # Derivatives of names, regular prefixes, full names opening a sentence, a single cited English word.
    assert _spelling("Le président Macron parle de la macronie ; Alain Juppé et les juppéistes sourient.") == []
    assert _spelling("Mitt Romney arrive. Kito de Pavant aussi. Le projet prévalidé est co-construit.") == []
    assert _spelling("Le chef·fe du workshop arrive.") == []
    assert _spelling("La comission siège, les cables aussi.") == ["comission", "cables"]
    # A term repeated is the article's, unless the document also writes it as a name (a case typo).
    assert _spelling("La vendée en Vendée, la vendée, la vendée.") == ["vendée"] * 3


def test_project_words_are_accepted_case_insensitively() -> None:
    source = "L’agri-tech progresse, et l’agritech attire des fonds.\n"
    flagged = _spelling(source, SPELLING, fmt="markdown")
    assert set(flagged) == {"agri-tech", "agritech"}
    with_words = Config(select=("spelling",), words=frozenset({"Agri-Tech", "agritech"}))
    assert _spelling(source, with_words, fmt="markdown") == []


def test_positions_in_markdown() -> None:
    source = "# Un titre\n\nVoir [le gouvernemnt](https://exemple.fr/a) et *l’acceuil*.\n"
    result = lint_text(source, SPELLING, "a.md", fmt="markdown")
    got = [(f.text, f.line, f.column) for f in result.findings]
    assert got == [
        ("gouvernemnt", 3, source.index("gouvernemnt") - source.index("Voir") + 1),
        ("acceuil", 3, source.index("acceuil") - source.index("Voir") + 1),
    ]
    for f in result.findings:
        assert source[f.start : f.end] == f.text


def test_suggestions_are_computed_only_for_reported_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    original = Lexicon.suggest

    def counting(self: Lexicon, word: str) -> list[str]:
        calls.append(word)
        return original(self, word)

    monkeypatch.setattr(Lexicon, "suggest", counting)
    text = (DATA / "correct_french_economie.txt").read_text(encoding="utf-8")
    assert _spelling(text) == []
    assert calls == []
    assert _spelling(text + "\n\nLe gouvernemnt a tranché.") == ["gouvernemnt"]
    assert calls == ["gouvernemnt"]
    # Flagged, then suppressed inline or not selected: never reported, so no suggestion is computed.
    calls.clear()
    suppressed = "<!-- checker-disable-next-line spelling -->\nLe gouvernemnt a tranché.\n\nUn batiment.\n"
    assert _spelling(suppressed, fmt="markdown") == ["batiment"]
    assert calls == ["batiment"]
    calls.clear()
    assert lint_text("Le gouvernemnt a tranché.", Config(select=("typography",))).findings == []
    assert calls == []


def test_suggestion_index_ranks_accent_slips_and_frequent_words_first() -> None:
    from checker.suggest import get_index

    index = get_index()
    assert index.candidates("bientot")[0][0] == "bientôt"
    assert index.candidates("gouvernemnt")[0][:2] == ("gouvernement", 1)
    assert [c for c, _, _ in index.candidates("parmis")][:1] == ["parmi"]
    assert all(d <= 1 for _, d, _ in index.candidates("mott", 1))
    assert index.candidates("x" * 60) == []
    assert index.count("gouvernement") > index.count("gouvernant") > 0
    assert index.count("gouvernemnt") == 0


def test_suggestion_table_is_symspells_own_index(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The tables kept in the data cache answer like symspellpy's in-memory dictionaries."""
    from symspellpy import Verbosity

    from checker import suggest

    words = {"gouvernement": 300, "gouvernent": 20, "parmi": 500, "permis": 400, "bientôt": 90, "mot": 70}
    monkeypatch.setattr(suggest, "_word_counts", lambda: words)
    monkeypatch.delenv("CHECKER_NO_CACHE", raising=False)
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path))
    mapped = suggest.SuggestionIndex()  # built, written, then memory-mapped
    assert list((tmp_path / "data").glob("symspell-fr-*.bin"))
    reference = suggest._build_symspell(words)
    for typo in ["gouvernemnt", "parmis", "bientot", "mott", "zzz", "permi"]:
        expected = [(i.term, i.distance, i.count) for i in reference.lookup(typo, Verbosity.ALL, 2)]
        got = mapped._symspell.lookup(typo, Verbosity.ALL, 2)
        assert sorted(expected) == sorted((i.term, i.distance, i.count) for i in got), typo
    assert len(mapped.words) == len(words) and sorted(mapped.words) == sorted(words)
    assert "mot" in mapped.words and "mots" not in mapped.words


@pytest.mark.parametrize(
    ("use_hunspell", "use_graphspell"),
    [(True, True), (False, True), (False, False)],
    ids=["hunspell", "graphspell", "pyspellchecker"],
)
def test_every_lexicon_back_end_knows_ordinary_words(use_hunspell: bool, use_graphspell: bool) -> None:
    lexicon = Lexicon(use_hunspell=use_hunspell, use_graphspell=use_graphspell)
    for word in ["gouvernement", "mangeaient", "belles", "coeur", "reçu", "Paris"]:
        assert lexicon.known(word), word
    for word in ["gouvernemnt", "recu", "parmis"]:
        assert not lexicon.known(word), word
    assert lexicon.suggest("gouvernemnt")[0] == "gouvernement"
    assert (lexicon.hunspell is not None) == use_hunspell
    assert (lexicon.graphspell is not None) == use_graphspell


def test_hunspell_missing_is_reported_and_the_check_still_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    # Without Grammalecte's lexicon, Hunspell's decides: its absence is said. With it, Hunspell is not asked.
    for use_graphspell, reported in ((False, True), (True, False)):
        lexicon = Lexicon(use_hunspell=False, use_graphspell=use_graphspell)
        monkeypatch.setattr(spelling, "get_lexicon", lambda lexicon=lexicon: lexicon)
        result = lint_text("Le gouvernemnt a tranché.", SPELLING)
        assert [f.text for f in result.findings] == ["gouvernemnt"]
        assert ("hunspell" in result.engines_unavailable) == reported


@pytest.mark.parametrize(
    "text",
    ["", "   ", "\u200b\u00ad", "e\u0301te\u0301 ｆｕｌｌｗｉｄｔｈ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀😀", "a" * 5000, "l’ d' qu’ -- '' ’’"],
)
def test_weird_input_does_not_crash(text: str) -> None:
    for f in lint_text(text, SPELLING).findings:
        assert text[f.start : f.end] == f.text


def test_huge_words_are_not_looked_up() -> None:
    # A million letters without a space is not a word: no look-up, no edit-distance explosion.
    assert _spelling("a" * 1_000_000) == []
    assert _spelling("Le " + "é" * 200_000 + " gouvernemnt.") == ["gouvernemnt"]


def test_known_words_are_grammalecte_s_when_it_is_installed_hunspell_s_without_it() -> None:
    """Grammalecte's lexicon, loaded with the grammar in every run, decides alone: no Hunspell dictionary to load.
    It rejects « chef-d'œuvres » (the plural is « chefs-d'œuvre »), which Hunspell's accepted."""
    lexicon = Lexicon()
    assert lexicon.known("chefs-d'œuvre") and lexicon.known("Chefs-d’œuvre")
    assert not lexicon.known("chef-d'œuvres")
    assert "hunspell" not in lexicon.__dict__
    without_grammalecte = Lexicon(use_graphspell=False)
    assert without_grammalecte.known("chefs-d'œuvre")
    assert without_grammalecte.__dict__.get("hunspell") is not None
