"""The FAQ family's morphology read from Hunspell's French dictionary against Grammalecte's lexicon: how
often the answers of the functions `checker/faq_index.py` builds on it agree, on every distinct word form
(lower-cased) of `corpus/`, `fixtures/`, `tests/data/` and `bench/data/`, and on the (form, verb) pairs
that `inflects` is asked while the FAQ family lints `corpus/` and `fixtures/`. Disagreements are sorted
into kinds, a few examples each. Then `Lexicon.known` on the same files' forms as written: the forms
Grammalecte's lexicon rejects that Hunspell accepts (known to either before; to Grammalecte's alone now).

    .venv/bin/python bench/faq_morphology.py [--examples N] [--list KIND]

Needs both pyhunspell with a French dictionary and Grammalecte.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from checker import faq_index  # noqa: E402
from checker.checks import faq as faq_check  # noqa: E402
from checker.config import Config  # noqa: E402
from checker.document import lemma, tokenize  # noqa: E402
from checker.lint import lint_text  # noqa: E402

WORD_DIRS = ("corpus", "fixtures", "tests/data", "bench/data")
LINT_DIRS = ("corpus", "fixtures")
SUFFIXES = (".md", ".txt", ".tsv", ".html")
SOURCES = ("hunspell", "grammalecte")


def files(dirs: tuple[str, ...], suffixes: tuple[str, ...] = SUFFIXES) -> Iterator[Path]:
    for name in dirs:
        yield from sorted(p for p in (ROOT / name).rglob("*") if p.is_file() and p.suffix in suffixes)


def word_forms() -> list[str]:
    forms: set[str] = set()
    for path in files(WORD_DIRS):
        text = path.read_text(encoding="utf-8", errors="replace")
        forms.update(t.lower for t in tokenize(text) if t.kind == "word" and any(c.isalpha() for c in t.text))
    return sorted(forms)


def asked_pairs() -> list[tuple[str, str, str]]:
    """The (form, form's lemma, verb) triples `inflects` is asked while the FAQ family lints the corpus."""
    asked: set[tuple[str, str, str]] = set()
    original = faq_index.inflects

    def recording(form: str, form_lemma: str, verb: str) -> bool:
        asked.add((form, form_lemma, verb))
        return original(form, form_lemma, verb)

    faq_index.inflects = recording  # type: ignore[assignment]
    faq_check.inflects = recording  # type: ignore[attr-defined]
    try:
        config = Config(select=("faq",))
        for path in files(LINT_DIRS, (".md", ".txt", ".html")):
            lint_text(path.read_text(encoding="utf-8", errors="replace"), config, str(path))
    finally:
        faq_index.inflects = original
        faq_check.inflects = original  # type: ignore[attr-defined]
    return sorted(asked)


def verb_pairs(forms: list[str]) -> list[tuple[str, str, str]]:
    """(form, form's lemma, verb) for every verb either lexicon reads the form as, and the form's lemma when
    it looks like an infinitive: what `inflects` would be asked about these forms."""
    from checker.morphology import morphology_engine

    engine = morphology_engine()
    pairs: set[tuple[str, str, str]] = set()
    for form in forms:
        form_lemma = lemma(form)
        readings = (faq_index._hunspell_analyses(form) or ()) + faq_index.grammalecte_analyses(engine, form)
        verbs = {stem for stem, tags in readings if any(t.startswith("po:v") for t in tags)}
        if form_lemma.endswith(("er", "ir", "re", "oir")):
            verbs.add(form_lemma)
        pairs.update((form, form_lemma, verb) for verb in verbs)
    return sorted(pairs)


FUNCTIONS: dict[str, Callable[[str], Any]] = {
    "verb_analysis": faq_index.verb_analysis,
    "is_noun_or_adjective": faq_index.is_noun_or_adjective,
    "is_common_word": faq_index.is_common_word,
    "is_infinitive": lambda w: faq_index.is_infinitive(w, lemma(w)),
    "is_conditional": faq_index.is_conditional,
}


def answers(source: str, forms: list[str], pairs: list[tuple[str, str, str]]) -> dict[str, dict[Any, Any]]:
    faq_index.use_morphology_source(source)
    out: dict[str, dict[Any, Any]] = {name: {w: fn(w) for w in forms} for name, fn in FUNCTIONS.items()}
    out["inflects"] = {p: faq_index.inflects(*p) for p in pairs}
    return out


def kind_of(function: str, key: Any, hun: Any, gram: Any) -> str:
    """A name for the kind of a disagreement."""
    word = key[0] if isinstance(key, tuple) else key
    h_readings = faq_index._hunspell_analyses(word) or ()
    from checker.morphology import morphology_engine

    g_readings = faq_index.grammalecte_analyses(morphology_engine(), word)
    if not h_readings and g_readings:
        return "known to Grammalecte only"
    if h_readings and not g_readings:
        return "known to Hunspell only"
    if function == "verb_analysis" and hun is not None and gram is not None:
        if hun[1] == gram[1]:
            h_stems = {s for s, t in h_readings if any(x.startswith("po:v") for x in t)}
            g_stems = {s for s, t in g_readings if any(x.startswith("po:v") for x in t)}
            if h_stems == g_stems:
                return "same verbs, another first (reading order)"
            return "another infinitive (lemma spelling or verb)"
        return f"form {hun[1]} -> {gram[1]}"
    h_verbs = {s for s, t in h_readings if any(x.startswith("po:v") for x in t)}
    g_verbs = {s for s, t in g_readings if any(x.startswith("po:v") for x in t)}
    if h_verbs != g_verbs:
        return "verb readings differ"
    h_tags = set().union(*(t for _, t in h_readings))
    g_tags = set().union(*(t for _, t in g_readings))
    if ("po:nom" in h_tags or "po:adj" in h_tags) != ("po:nom" in g_tags or "po:adj" in g_tags):
        return "noun/adjective reading in one only"
    return "tags differ"


def known_by_hunspell_alone() -> tuple[int, int, list[str]]:
    """(distinct forms as written, how many Grammalecte's lexicon rejects, those of them Hunspell accepts), each
    form tried in the spellings `Lexicon.known` tries (`checker.lexicon.variants`)."""
    from checker.lexicon import Lexicon, variants

    lexicon = Lexicon()
    graphspell, hunspell = lexicon.graphspell, lexicon.hunspell
    if graphspell is None or hunspell is None:
        raise SystemExit("faq_morphology: needs both Grammalecte and pyhunspell with a French dictionary")
    forms: set[str] = set()
    for path in files(WORD_DIRS):
        text = path.read_text(encoding="utf-8", errors="replace")
        forms.update(t.text for t in tokenize(text) if t.kind == "word" and any(c.isalpha() for c in t.text))
    rejected = [w for w in sorted(forms) if not any(graphspell.isValidToken(v) for v in variants(w))]
    return len(forms), len(rejected), [w for w in rejected if any(hunspell.spell(v) for v in variants(w))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=6, help="examples per kind of disagreement")
    parser.add_argument("--list", help="every disagreement of this kind (function: kind)")
    args = parser.parse_args(argv)
    forms = word_forms()
    faq_index.use_morphology_source("hunspell")
    asked = asked_pairs()
    pairs = sorted(set(asked) | set(verb_pairs(forms)))
    print(f"{len(forms)} distinct word forms in {', '.join(WORD_DIRS)}")
    print(f"inflects: {len(asked)} (form, verb) pairs asked while the FAQ family lints {', '.join(LINT_DIRS)};")
    print(f"  {len(pairs)} with the verbs either lexicon reads each form as")
    results = {source: answers(source, forms, pairs) for source in SOURCES}
    faq_index.use_morphology_source("auto")
    kinds: dict[tuple[str, str], list[str]] = defaultdict(list)
    print(f"{'function':24} {'asked':>7} {'agree':>7} {'differ':>7}")
    for function in [*FUNCTIONS, "inflects"]:
        hun, gram = results["hunspell"][function], results["grammalecte"][function]
        differ = [k for k in hun if hun[k] != gram[k]]
        print(f"{function:24} {len(hun):7} {len(hun) - len(differ):7} {len(differ):7}")
        for k in differ:
            kinds[(function, kind_of(function, k, hun[k], gram[k]))].append(f"{k}: {hun[k]} / {gram[k]}")
    print("\nDisagreements by kind (Hunspell's answer / Grammalecte's):")
    counts = Counter({k: len(v) for k, v in kinds.items()})
    for (function, kind), n in sorted(counts.items()):
        print(f"- {function}: {kind}: {n}")
        examples = kinds[(function, kind)]
        for example in examples if args.list == f"{function}: {kind}" else examples[: args.examples]:
            print(f"    {example}")
    total, rejected, hunspell_only = known_by_hunspell_alone()
    print(f"\nLexicon.known: {total} distinct forms as written, {rejected} rejected by Grammalecte's lexicon,")
    print(f"  accepted by Hunspell: {len(hunspell_only)} ({', '.join(hunspell_only)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
