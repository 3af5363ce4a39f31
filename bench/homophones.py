"""Homophone confusions injected one at a time into real French sentences.

    .venv/bin/python bench/homophones.py make [--corpus corpus/articles]   # (re)build the pairs
    .venv/bin/python bench/homophones.py [--show-misses TYPE] [--show-alarms] [--context] [--only TYPE]
                                         [--part dev|held-out|all] [--enable RULE] [--ignore RULE]
                                         [--picky-homophones] [--preset default|picky]
    .venv/bin/python bench/homophones.py make --corpus corpus/rare --pairs bench/data/homophones-rare.tsv
    .venv/bin/python bench/homophones.py --pairs bench/data/homophones-rare.tsv --corpus corpus/rare [--context]
    .venv/bin/python bench/homophones.py --pairs bench/data/homophones-heldout.tsv --corpus corpus/heldout --part all
    .venv/bin/python bench/homophones.py record --judgements bench/judgements/heldout-originals.tsv \
                                         --corpus corpus/heldout

`make` takes every prose sentence of the development corpus (`corpus/articles/`, real articles
by others: French Wikinews CC BY 2.5 and code.gouv.fr posts under Licence Ouverte 2.0, see
`corpus/SOURCES.tsv`), and for each occurrence of a word of a homophone pair writes one pair:
the sentence as published and the same sentence with that one word replaced by its homophone
(at most PER_DIRECTION pairs per direction, drawn with a fixed seed). The pairs are kept in
`bench/data/homophones.tsv` with the source file, so the figures do not depend on the corpus
being present.

The run lints every changed sentence with the grammar and spelling families (Grammalecte, the
project's own token rules, the spelling lexicon) and counts it caught when a finding overlaps
the injected word. It also lints every original sentence once: the share of them with any
grammar or spelling finding is the false-alarm rate (the texts are published, edited prose;
a few findings there are real errors of the original, most are false alarms).

By default each sentence is linted alone, out of its article. `--context` lints it where it was
published: the changed word is put into the article's source (`corpus/articles/`), the whole
article is linted, and only findings overlapping the changed word count; each original sentence
counts as flagged when a finding of the published article lies inside it. That is the truer
test (a writer lints an article, not a sentence), and the only one where a rule may read the
sentences before (who « ses » can belong to, what « ces » takes up).
"""

from __future__ import annotations

import argparse
import bisect
import csv
import random
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.precision import keyed, load_judgements, record, unescape  # noqa: E402
from checker.config import Config  # noqa: E402
from checker.lint import lint_text  # noqa: E402
from checker.parse import parse_document  # noqa: E402

PAIRS = ROOT / "bench" / "data" / "homophones.tsv"
SEED = 12
PER_DIRECTION = 120
FAMILIES = ("grammar", "spelling")
# The homophone rules off by default since stop 30 (right in none of their findings on real pages nobody had read)
# that the picky preset runs: `--picky-homophones` measures with them, as issue 12's figures were measured.
PICKY_HOMOPHONE_RULES = (
    "grammar.homophone-et",
    "grammar.homophone-ou",
    "grammar.homophone-ou-accent",
    "grammar.homophone-ses-context",
)
# What every sentence is linted with: the two families' rules on by default; `--enable RULE` and
# `--ignore RULE` measure one rule's share of the figures (what switching it on or off would cost).
lint_config = Config(select=FAMILIES)
GOAL_PER_TYPE = 0.70
GOAL_ALL = 0.85
GOAL_ALARMS = 0.12
# The pairs are split by source article, before any tuning, into a development part (the misses
# the rules are written from) and a held-out part (only measured): seed and share fixed here.
SPLIT_SEED = 1212
HELD_OUT_SHARE = 0.4

# type -> (correct form, written instead); elided forms are written with an apostrophe and
# matched with either apostrophe.
CONFUSIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "a/à": (("a", "à"), ("à", "a")),
    "et/est": (("et", "est"), ("est", "et")),
    "ou/où": (("ou", "où"), ("où", "ou")),
    "son/sont": (("son", "sont"), ("sont", "son")),
    "on/ont": (("on", "ont"), ("ont", "on")),
    "ses/ces/c'est/s'est/sait": (
        ("ses", "ces"),
        ("ces", "ses"),
        ("c'est", "s'est"),
        ("c'est", "ses"),
        ("s'est", "c'est"),
        ("s'est", "ses"),
        ("sait", "c'est"),
    ),
    "se/ce": (("se", "ce"), ("ce", "se")),
    "leur/leurs": (("leur", "leurs"), ("leurs", "leur")),
    "quel/qu'elle": (("quel", "qu'elle"), ("quelle", "qu'elle"), ("qu'elle", "quelle"), ("qu'elles", "quelles")),
    "peu/peut": (("peu", "peut"), ("peut", "peu")),
    "la/là": (("la", "là"), ("là", "la")),
    "mes/mais": (("mes", "mais"), ("mais", "mes")),
}
_APOSTROPHES = "'’"


@dataclass(frozen=True)
class Pair:
    kind: str
    correct: str
    wrong: str
    source: str
    original: str
    changed: str
    start: int  # the injected word in `changed`
    end: int


def _word_regex(form: str) -> re.Pattern[str]:
    body = "".join(f"[{_APOSTROPHES}]" if ch == "'" else re.escape(ch) for ch in form)
    # Not inside a word, a hyphenated compound (peut-être, là-bas) or an elision (l'a).
    return re.compile(rf"(?<![\w{_APOSTROPHES}-]){body}(?![\w-])", re.IGNORECASE)


def _with_case(model: str, form: str, apostrophe: str) -> str:
    out = form.replace("'", apostrophe)
    return out[:1].upper() + out[1:] if model[:1].isupper() else out


def corpus_sentences(folder: Path) -> list[tuple[str, str]]:
    """(file name, sentence) for every prose sentence of 6 words or more of the corpus."""
    out = []
    for path in sorted(folder.glob("*.md")):
        doc = parse_document(path.read_text(encoding="utf-8"), str(path), "markdown")
        for block in doc.blocks:
            if block.region != "body" or block.kind not in ("paragraph", "list_item"):
                continue
            for sentence in block.sentences:
                text = " ".join(sentence.text.split())
                start, end = sentence.source_span()
                if any(s < end and start < e for s, e in doc.masked):
                    continue  # inline code stands as a made-up word in the text: not the article's words
                if len(text.split()) >= 6 and "\n" not in text:
                    out.append((path.name, text))
    return out


def injects_an_error(kind: str, published: str) -> bool:
    """Whether replacing the published word by its homophone makes an error to catch. A capital « A » is not the verb
    « a » but, as often, « À » written without its accent (« A l'occasion de … », « A Bordeaux »), a letter (« niveau
    A », « tests A/B ») or English: « À » there is no error (stop 42). Such pairs are still made (so that a set is
    drawn as before, byte for byte) and left out when measured (`errors_only`).
    """
    return not (kind == "a/à" and published == "A")


def errors_only(pairs: list[Pair]) -> list[Pair]:
    """The pairs whose change makes an error (`injects_an_error`). Applied when measuring, after the split and any
    slice, so that a pair left out shifts neither the held-out articles nor a test's slice."""
    return [p for p in pairs if injects_an_error(p.kind, p.original[p.start : p.start + len(p.correct)])]


def make_pairs(sentences: list[tuple[str, str]]) -> list[Pair]:
    rng = random.Random(SEED)
    pairs: list[Pair] = []
    for kind, directions in CONFUSIONS.items():
        for correct, wrong in directions:
            regex = _word_regex(correct)
            found = []
            for source, text in sentences:
                for m in regex.finditer(text):
                    apostrophe = next((ch for ch in m.group() if ch in _APOSTROPHES), "’")
                    replacement = _with_case(m.group(), wrong, apostrophe)
                    changed = text[: m.start()] + replacement + text[m.end() :]
                    found.append(
                        Pair(kind, correct, wrong, source, text, changed, m.start(), m.start() + len(replacement))
                    )
            rng.shuffle(found)
            pairs.extend(sorted(found[:PER_DIRECTION], key=lambda p: (p.source, p.original, p.start)))
    return pairs


def write_pairs(pairs: list[Pair], path: Path = PAIRS) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(["type", "correct", "wrong", "source", "start", "end", "original", "changed"])
        for p in pairs:
            writer.writerow([p.kind, p.correct, p.wrong, p.source, p.start, p.end, p.original, p.changed])


def read_pairs(path: Path = PAIRS) -> list[Pair]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return [
        Pair(
            r["type"],
            r["correct"],
            r["wrong"],
            r["source"],
            r["original"],
            r["changed"],
            int(r["start"]),
            int(r["end"]),
        )
        for r in rows
    ]


@dataclass(frozen=True)
class PlacedSentence:
    """A corpus sentence in its published article: the source offset of each character of its
    whitespace-normalised text (the form the pairs keep), and its source span."""

    offsets: tuple[int, ...]  # per normalised character, plus one past the end
    start: int
    end: int


class Articles:
    """The published articles of the pairs, parsed and linted once each (`--context`)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._sources: dict[str, str] = {}
        self._blocks: dict[str, list[tuple[str, list[int]]]] = {}
        self._published: dict[str, list[tuple[int, int, str, str]]] = {}

    def source(self, name: str) -> str:
        if name not in self._sources:
            self._sources[name] = (self.folder / name).read_text(encoding="utf-8")
        return self._sources[name]

    def sentence(self, name: str, text: str) -> PlacedSentence | None:
        """The sentence found in a block of the article (the sentence splitter may have changed since
        the pairs were made, so the text is looked for in the whole block)."""
        if name not in self._blocks:
            self._blocks[name] = []
            doc = parse_document(self.source(name), str(self.folder / name), "markdown")
            for block in doc.blocks:
                offsets: list[int] = []
                normalised: list[str] = []
                for at, ch in enumerate(block.text):
                    source_start, source_end = block.source_span(at, at + 1)
                    if any(s <= source_start and source_end <= e for s, e in doc.masked):
                        continue  # the word standing in for inline code: the pairs were made without it
                    if ch.isspace():
                        if not normalised or normalised[-1] == " ":
                            continue
                        ch = " "
                    normalised.append(ch)
                    offsets.append(source_start)
                offsets.append(block.source_span(0, len(block.text))[1])
                self._blocks[name].append(("".join(normalised), offsets))
        for normalised_text, offsets in self._blocks[name]:
            at = normalised_text.find(text)
            if at >= 0:
                inside = offsets[at : at + len(text)]
                end = offsets[at + len(text) - 1] + 1
                return PlacedSentence((*inside, end), inside[0], end)
        return None

    def published_findings(self, name: str) -> list[tuple[int, int, str, str]]:
        if name not in self._published:
            self._published[name] = findings_with_severity(self.source(name), str(self.folder / name), "markdown")
        return self._published[name]


def changed_in_context(p: Pair, articles: Articles) -> tuple[str, int, int] | None:
    """The article's source with the pair's change made, and the changed word's source span."""
    placed = articles.sentence(p.source, p.original)
    if placed is None:
        return None
    correct_length = len(p.original) - len(p.changed) + (p.end - p.start)
    start, end = placed.offsets[p.start], placed.offsets[p.start + correct_length - 1] + 1
    source = articles.source(p.source)
    word = p.changed[p.start : p.end]
    return source[:start] + word + source[end:], start, start + len(word)


def held_out_sources(sources: set[str]) -> set[str]:
    """The source articles whose pairs are held out: a seeded draw over the sorted file names."""
    names = sorted(sources)
    rng = random.Random(SPLIT_SEED)
    rng.shuffle(names)
    return set(names[: round(len(names) * HELD_OUT_SHARE)])


def split_pairs(pairs: list[Pair], part: str) -> list[Pair]:
    """`part` is "dev", "held-out" or "all"."""
    if part == "all":
        return pairs
    held = held_out_sources({p.source for p in pairs})
    return [p for p in pairs if (p.source in held) == (part == "held-out")]


def findings(text: str) -> list[tuple[int, int, str]]:
    return [(s, e, rule) for s, e, rule, _ in findings_with_severity(text)]


def findings_with_severity(text: str, path: str = "<text>", fmt: str = "text") -> list[tuple[int, int, str, str]]:
    """The grammar and spelling findings under `lint_config` (by default the rules on by default, info-severity
    ones such as spelling.unknown-word included; `--enable` / `--ignore` change it): of a sentence alone, or of
    a whole article (`path`, `fmt="markdown"`)."""
    result = lint_text(text, lint_config, path=path, fmt=fmt)
    return [(f.start, f.end, f.rule_id, f.severity) for f in result.findings]


@dataclass
class Figures:
    caught: dict[str, list[int]]  # type -> [caught, total]
    by_direction: dict[tuple[str, str], list[int]]
    originals: int
    originals_flagged: int
    misses: dict[str, list[Pair]]
    alarms: list[tuple[str, str, list[tuple[int, int, str]]]]  # (source file, sentence, findings)
    originals_flagged_above_info: int = 0  # with a warning or error finding (info-severity ones left out)

    def share(self, kind: str | None = None) -> float:
        if kind is None:
            caught = sum(c for c, _ in self.caught.values())
            total = sum(t for _, t in self.caught.values())
        else:
            caught, total = self.caught[kind]
        return caught / total if total else 0.0

    @property
    def alarm_rate(self) -> float:
        return self.originals_flagged / self.originals if self.originals else 0.0

    def false_alarm_rate(self, judged_true: set[tuple[str, str, str]]) -> float:
        """The share of original sentences with a finding that is not a real error of the published
        text: a finding (file, rule, text) judged TRUE in a file of bench/judgements (`judged_true`) is a real one."""
        false = sum(
            1
            for source, text, found in self.alarms
            if any((source, rule, text[s:e]) not in judged_true for s, e, rule in found)
        )
        return false / self.originals if self.originals else 0.0


def judged_true() -> set[tuple[str, str, str]]:
    """(corpus file name, rule id, flagged text) of the findings judged TRUE in any judgement file of
    bench/judgements with the findings' columns (the articles' `findings.tsv`, each development set's
    sheet, the originals of a pairs set): a real error of the published text is no false alarm."""
    true: set[tuple[str, str, str]] = set()
    for path in sorted((ROOT / "bench" / "judgements").glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
            if not {"file", "rule_id", "text", "verdict"} <= set(reader.fieldnames or ()):
                continue
            true.update(
                (Path(r["file"]).name, r["rule_id"], unescape(r["text"])) for r in reader if r["verdict"] == "TRUE"
            )
    return true


def record_originals(judgements: Path, corpus: Path) -> int:
    """Set the `reported` column of a judgement file of published sentences' findings (`*-originals.tsv`) from the
    current rules (the picky preset they were judged under, each article of `corpus` linted whole), with
    `bench/precision.py`'s reader and writer: `no` for a finding mended since; the rows changed. ValueError when an
    article is not in `corpus` or a finding judged TRUE is no longer reported (a lost catch)."""
    judged = load_judgements(judgements)
    config = Config(select=FAMILIES, preset="picky")
    current: dict[tuple[str, str, str, int], dict[str, object]] = {}
    for name in sorted({key[0] for key in judged}):
        path = corpus / name
        if not path.is_file():
            raise ValueError(f"{name} is not in {corpus}")
        result = lint_text(path.read_text(encoding="utf-8"), config, path=str(path), fmt="markdown")
        current.update(keyed([f.to_dict() for f in result.findings], corpus))
    lost = [key for key, j in judged.items() if j.verdict == "TRUE" and key not in current]
    if lost:
        raise ValueError(f"{lost[0][0]}: {lost[0][1]} « {lost[0][2]} », judged TRUE, is no longer reported")
    record(judged, current, judgements)
    return sum(j.reported != (key in current) for key, j in judged.items())


def measure(pairs: list[Pair], articles: Articles | None = None, originals_of: list[Pair] | None = None) -> Figures:
    """Caught pairs and flagged originals; with `articles`, each in its published article (`--context`).
    The originals are those of `originals_of` (default: the pairs measured); the pairs whose change makes no error
    are not measured (`errors_only`), their published sentences still are."""
    if originals_of is None:
        originals_of = pairs
    pairs = errors_only(pairs)
    caught: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_direction: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    misses: dict[str, list[Pair]] = defaultdict(list)
    for p in pairs:
        if articles is None:
            hit = any(s < p.end and p.start < e for s, e, _ in findings(p.changed))
        else:
            placed = changed_in_context(p, articles)
            if placed is None:
                raise SystemExit(f"homophones: sentence not found in {p.source}: {p.original[:60]}")
            changed_source, start, end = placed
            found = findings_with_severity(changed_source, str(articles.folder / p.source), "markdown")
            hit = any(s < end and start < e for s, e, _, _ in found)
        for counter in (caught[p.kind], by_direction[(p.correct, p.wrong)]):
            counter[0] += hit
            counter[1] += 1
        if not hit:
            misses[p.kind].append(p)
    originals = sorted({(p.source, p.original) for p in originals_of})
    alarms = []
    above_info = 0
    for source, text in originals:
        if articles is None:
            found = findings_with_severity(text)
        else:
            where = articles.sentence(source, text)
            if where is None:
                raise SystemExit(f"homophones: sentence not found in {source}: {text[:60]}")
            # Offsets in the sentence's normalised text, so that the judged-TRUE test reads the same words.
            found = [
                (bisect.bisect_left(where.offsets, s), _normalised_end(where, e), rule, severity)
                for s, e, rule, severity in articles.published_findings(source)
                if where.start <= s and e <= where.end
            ]
        if found:
            alarms.append((source, text, [(s, e, rule) for s, e, rule, _ in found]))
            above_info += any(severity != "info" for *_, severity in found)
    return Figures(dict(caught), dict(by_direction), len(originals), len(alarms), dict(misses), alarms, above_info)


def _normalised_end(where: PlacedSentence, end: int) -> int:
    """The normalised offset just past the last character that starts before source offset `end`."""
    return bisect.bisect_left(where.offsets, end, 0, len(where.offsets) - 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", nargs="?", default="run", choices=("run", "make", "record"))
    parser.add_argument(
        "--judgements",
        type=Path,
        help="record: the judgement file of the published sentences' findings whose `reported` column to set",
    )
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus" / "articles")
    parser.add_argument(
        "--pairs",
        type=Path,
        default=PAIRS,
        help="the pairs file to write (make) or measure (e.g. bench/data/homophones-rare.tsv from corpus/rare)",
    )
    parser.add_argument("--show-misses", metavar="TYPE", help="print the missed pairs of a type ('all' for every type)")
    parser.add_argument("--show-alarms", action="store_true", help="print the original sentences flagged")
    parser.add_argument(
        "--part",
        choices=("dev", "held-out", "all"),
        default="all",
        help="the development pairs, the held-out ones (split by source article, seed SPLIT_SEED) or all",
    )
    parser.add_argument(
        "--context",
        action="store_true",
        help="lint each changed sentence inside its published article (the corpus must be present)",
    )
    parser.add_argument("--only", metavar="TYPE", help="measure this type's pairs only (originals: all of the part)")
    parser.add_argument("--enable", metavar="RULE", action="append", default=[], help="run it even if off")
    parser.add_argument("--ignore", metavar="RULE", action="append", default=[], help="leave this rule out")
    parser.add_argument(
        "--picky-homophones", action="store_true", help=f"also run {', '.join(PICKY_HOMOPHONE_RULES)} (off by default)"
    )
    parser.add_argument(
        "--preset",
        choices=("default", "picky"),
        default="default",
        help="the rules `checker lint --preset` runs: picky adds every rule off by default, the statistics included",
    )
    args = parser.parse_args()
    global lint_config
    enabled = tuple(args.enable) + (PICKY_HOMOPHONE_RULES if args.picky_homophones else ())
    lint_config = Config(select=FAMILIES + enabled, ignore=tuple(args.ignore), preset=args.preset)
    if args.command == "record":
        if args.judgements is None or not args.corpus.is_dir():
            print("homophones: record needs --judgements FILE and --corpus DIR", file=sys.stderr)
            return 2
        try:
            changed = record_originals(args.judgements, args.corpus)
        except ValueError as problem:
            print(f"homophones: {args.judgements}: {problem}", file=sys.stderr)
            return 2
        print(f"{changed} rows changed in {args.judgements}")
        return 0
    if args.command == "make":
        if not args.corpus.is_dir():
            print(f"homophones: no corpus at {args.corpus}", file=sys.stderr)
            return 2
        pairs = make_pairs(corpus_sentences(args.corpus))
        write_pairs(pairs, args.pairs)
        print(f"{len(pairs)} pairs written to {args.pairs}")
        return 0
    part = split_pairs(read_pairs(args.pairs), args.part)
    pairs = [p for p in errors_only(part) if args.only in (None, p.kind)]
    where = "in their published articles" if args.context else "each sentence alone"
    print(f"part: {args.part} ({len(pairs)} pairs from {len({p.source for p in pairs})} articles, {where})")
    figures = measure(pairs, Articles(args.corpus) if args.context else None, part)
    print(f"{'type':<28} {'caught':>8} {'pairs':>6} {'share':>7}   goal {GOAL_PER_TYPE:.0%}")
    for kind in CONFUSIONS:
        if kind not in figures.caught:
            continue
        c, t = figures.caught[kind]
        mark = "" if figures.share(kind) >= GOAL_PER_TYPE else "  (below goal)"
        print(f"{kind:<28} {c:>8} {t:>6} {figures.share(kind):>7.1%}{mark}")
        for (correct, wrong), (dc, dt) in figures.by_direction.items():
            if any((correct, wrong) == d for d in CONFUSIONS[kind]):
                print(f"    {correct} -> {wrong}: {dc}/{dt}")
    total = sum(t for _, t in figures.caught.values())
    print(
        f"{'all types':<28} {sum(c for c, _ in figures.caught.values()):>8} {total:>6} {figures.share():>7.1%}"
        f"   goal {GOAL_ALL:.0%}"
    )
    print(
        f"original sentences flagged (grammar + spelling): {figures.originals_flagged}/{figures.originals}"
        f" = {figures.alarm_rate:.1%}   goal <= {GOAL_ALARMS:.0%}"
    )
    print(
        "  with a finding not judged a real error of the original (bench/judgements): "
        f"{figures.false_alarm_rate(judged_true()):.1%}"
    )
    above_info = figures.originals_flagged_above_info / figures.originals if figures.originals else 0.0
    print(f"  with a warning or error finding (info-severity findings left out): {above_info:.1%}")
    if args.show_misses:
        for kind, missed in figures.misses.items():
            if args.show_misses in ("all", kind):
                for p in missed:
                    print(
                        f"MISS {kind} {p.correct}->{p.wrong}: {p.changed[: p.start]}[[{p.changed[p.start : p.end]}]]"
                        f"{p.changed[p.end :]}"
                    )
    if args.show_alarms:
        for _, text, found in figures.alarms:
            print("ALARM", text, [(text[s:e], rule) for s, e, rule in found])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
