"""What a cold run does not load, and the shortcuts that avoid loading it giving the same answers.

Speed itself is measured in bench/ (bench/scale.py, section peer); these tests hold the behaviour: a lint
of one article imports none of the optional or unneeded libraries, and each shortcut (phrase lists
compiled for the phrases a document can contain, simplemma without the other languages' rules)
finds exactly what the full computation finds."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from checker.document import Document
from checker.matching import _compiled_phrases, _present
from checker.parse import parse_document

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "fixtures" / "israel-azerbaidjan.md"

# Modules a plain `checker lint FILE` in one process must not import.
NOT_LOADED = (
    "wordfreq",  # frequencies come from the data cache's tables
    "langcodes",
    "ftfy",
    "jsonschema",  # shipped packs are not validated at run time; user packs and configs are
    "simplemma.strategies.defaultrules.fi",  # other languages' lemmatisation rules
    "multiprocessing",  # only for a pool of workers
    "concurrent.futures",
    "zipfile",
    "pygls",  # only for `checker lsp`
    "distributed",  # only for --scheduler
    "dask",
    "checker.html_report",  # only for --format html
    "checker.lsp",
    "checker.embeddings",
    "spellchecker",  # pyspellchecker: only when neither Hunspell nor Grammalecte is installed
    "trafilatura",  # only for a whole HTML page without <main> or <article>
    "lxml",
    "tempfile",  # only to write a file (a fix, the caches); with it shutil and the compressors
    "shutil",
    "importlib.resources",  # package data through checker.paths.package_files
    "ctypes",  # only in a worker process
)

PROBE = """
import json, sys
sys.argv = ["checker", "lint", "--no-cache", *sys.argv[1:]]
from checker.cli import main
try:
    main.main()
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)))
"""


def _loaded_by_lint(*arguments: str | Path) -> set[str]:
    """The modules a `checker lint --no-cache ARGUMENTS` in a new process has imported when it is done."""
    command = [sys.executable, "-c", PROBE, *map(str, arguments)]
    proc = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=300, check=True)
    return set(json.loads(proc.stdout.splitlines()[-1]))


def test_a_cold_lint_loads_only_what_it_uses() -> None:
    _loaded_by_lint(SAMPLE)  # fills the session's data cache if no test did yet (as `checker.prepare` does after make)
    loaded = _loaded_by_lint(SAMPLE)
    assert "checker.checks.grammar" in loaded and "simplemma" in loaded  # the probe did lint the article
    assert sorted(m for m in NOT_LOADED if m in loaded) == []


def test_a_lint_of_the_faq_articles_never_loads_hunspell() -> None:
    """With Grammalecte installed, its lexicon (loaded with the grammar) answers the spelling look-ups and the FAQ
    family's morphology: a normal lint of the 7 FAQ articles imports no Hunspell."""
    loaded = _loaded_by_lint("--jobs", "1", SAMPLE, *sorted((ROOT / "fixtures" / "faq").glob("*")))
    # All linted: the FAQ family ran, Grammalecte loaded, and the HTML page without <main> went through trafilatura.
    assert {"checker.checks.faq", "grammalecte.fr.gc_engine", "trafilatura"} <= loaded
    assert "hunspell" not in loaded


def _matches(phrases: tuple[str, ...], case_sensitive: bool, doc: Document) -> list[list[tuple[int, int]]]:
    out = []
    for block in doc.blocks:
        present = _present(phrases, case_sensitive, block)
        found = [m.span() for m in _compiled_phrases(present, case_sensitive).finditer(block.text)] if present else []
        out.append(found)
    return out


def _full(phrases: tuple[str, ...], case_sensitive: bool, doc: Document) -> list[list[tuple[int, int]]]:
    return [[m.span() for m in _compiled_phrases(phrases, case_sensitive).finditer(b.text)] for b in doc.blocks]


@pytest.mark.parametrize("case_sensitive", [False, True])
def test_phrases_compiled_for_the_document_find_what_the_whole_list_finds(case_sensitive: bool) -> None:
    rng = random.Random(7)
    words = ["data", "science", "hub", "STRASSE", "straße", "ſtyle", "Kelvin", "l’été", "d'été", "co-construire"]
    words += ["œuvre", "ŒUVRE", "à", "À", "42", "%", "pôle", "Pôle", "naïf", "NAÏF", "été", "ÉTÉ", "σοφία", "ΣΟΦΊΑ"]
    phrases = tuple(
        sorted({" ".join(rng.sample(words, rng.randint(1, 2))) for _ in range(60)} | {"data science", "%", "42"})
    )
    for seed in range(25):
        rng = random.Random(seed)
        paragraphs = [" ".join(rng.choice(words) for _ in range(rng.randint(3, 25))) for _ in range(rng.randint(1, 6))]
        doc = parse_document("\n\n".join(paragraphs) + "\n", "a.md")
        assert _matches(phrases, case_sensitive, doc) == _full(phrases, case_sensitive, doc), seed


def test_phrases_of_a_block_outside_the_document_use_its_own_text() -> None:
    doc = parse_document("Un paragraphe sans rien.\n", "a.md")
    from checker.document import Block

    outside = Block("paragraph", "un hub de données", list(range(18)), region="faq_answer")
    outside.doc = doc  # a JSON-LD answer: attached to the document, not among its blocks
    assert _present(("hub", "rien"), False, outside) == ("hub",)
    assert _present(("hub", "rien"), False, doc.blocks[0]) == ("rien",)


LEMMAS = """
import json, sys
sys.path.insert(0, sys.argv[1])
if sys.argv[2] == "lazy":
    from checker.lazy_simplemma import import_simplemma
    simplemma = import_simplemma()
    assert type(sys.modules["simplemma.strategies.defaultrules"].RULE_FUNCTIONS).__name__ == "LazyRuleFunctions"
else:
    import simplemma
words = {"fr": ["mangeaient", "Azerbaïdjanais", "co-construites", "qu'il"], "fi": ["talot", "kirjoissa"],
         "en": ["cats", "running"], "de": ["Häuser", "gingen"], "es": ["casas", "comiendo"], "sk": ["domoch"]}
print(json.dumps({lang: [simplemma.lemmatize(w, lang=lang) for w in ws] for lang, ws in words.items()}))
"""


def test_simplemma_without_other_languages_rules_lemmatises_as_simplemma() -> None:
    def run(mode: str) -> object:
        proc = subprocess.run(
            [sys.executable, "-c", LEMMAS, str(ROOT), mode], capture_output=True, text=True, timeout=120, check=True
        )
        return json.loads(proc.stdout)

    assert run("lazy") == run("plain")


def test_rule_modules_refuses_an_unexpected_layout() -> None:
    from checker.lazy_simplemma import rule_modules

    good = (
        'from .fi import apply_fi\nRULE_FUNCTIONS: dict[str, Callable[[str], str | None]] = {\n    "fi": apply_fi,\n}\n'
    )
    assert rule_modules(good) == {"fi": ("fi", "apply_fi")}
    assert rule_modules(good + "EXTRA = 1\n") is None
    assert rule_modules(good.replace('"fi": apply_fi,', '"fi": apply_sv,')) is None
    assert rule_modules("") is None


ANGLICISMS = """# Le hub et les start-ups

Le Hub de la data science accueille des Start-ups, des think tanks et une newsletter ; « un hub » cité.
La startup du « fact checking » publie sa newsletter. Un e-mail, des E-mails, le week-end.
"""


@pytest.mark.parametrize("text", [ANGLICISMS, "Rien d’anglais ici.\n", (ANGLICISMS + "\n") * 3])
def test_anglicisms_found_with_the_document_s_terms_are_those_of_the_whole_list(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from checker.checks import wording
    from checker.config import Config
    from checker.lint import lint_text

    def found() -> list[tuple[str, int, int, tuple[str, ...]]]:
        config = Config(select=("wording",))
        return [(f.rule_id, f.start, f.end, tuple(f.suggestions)) for f in lint_text(text, config, "a.md").findings]

    pruned = found()
    monkeypatch.setattr(wording, "phrases_in_document", lambda phrases, case_sensitive, doc: phrases)
    assert pruned == found()
    if "hub" in text:
        assert any(rule == wording.ANGLICISM_RULE for rule, *_ in pruned)  # the text does exercise the rule


def test_name_typos_checked_frequency_first() -> None:
    # The candidates' frequency is looked up before their morphology (cheaper): the same names come out.
    from checker.checks import spelling

    expected = {"Obbama": "Obama", "Macrom": "Macron", "Bruxeles": "Bruxelles", "Merkell": "Merkel"}
    expected |= {"Londrees": "Londres", "Parris": None, "Aliyevv": None, "Xyzzyq": None}
    lexicon = spelling.get_lexicon()
    assert {word: spelling._name_for(word, lexicon, set(), "", 1) for word in expected} == expected
