"""The project's own grammar, spelling-of-names and typography rules on the project's own test
sentences (`bench/data/grammar_sentences.tsv`, written for this bench, not the rules' examples).

    .venv/bin/python bench/grammar_quality.py [--show]

A row names the rule that must flag the sentence at the <marker> span, or "-" for a correct
sentence that must get no finding. Each sentence is linted three ways in the same run: with the
expected rule alone; with every grammar, spelling and typography rule (what a user sees); and with
Grammalecte's rules alone (the engine-mapped grammar rules, no rule of our own), for comparison.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from checker.config import Config  # noqa: E402
from checker.lint import lint_text  # noqa: E402
from checker.rule_packs import load_rules  # noqa: E402

SENTENCES = ROOT / "bench" / "data" / "grammar_sentences.tsv"
MARKER_RE = re.compile(r"<marker>(.*?)</marker>")
FAMILIES = ("grammar", "spelling", "typography")


@dataclass(frozen=True)
class Sentence:
    rule: str  # "-" for a correct sentence
    text: str
    span: tuple[int, int] | None


def read_sentences(path: Path = SENTENCES) -> list[Sentence]:
    out = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            raw = row["sentence"]
            m = MARKER_RE.search(raw)
            text = MARKER_RE.sub(lambda x: x.group(1), raw)
            span = (m.start(), m.start() + len(m.group(1))) if m else None
            out.append(Sentence(row["rule"], text, span))
    return out


def spans(text: str, select: tuple[str, ...]) -> list[tuple[int, int, str]]:
    return [(f.start, f.end, f.rule_id) for f in lint_text(text, Config(select=select), fmt="text").findings]


def engine_rules() -> tuple[str, ...]:
    """The grammar rules fed by Grammalecte (builtin kind), i.e. Grammalecte alone."""
    return tuple(r.id for r in load_rules() if r.family == "grammar" and r.kind in ("coded", "builtin"))


@dataclass
class Row:
    sentence: Sentence
    by_rule: bool
    by_all: bool
    by_engine: bool
    findings_all: list[tuple[int, int, str]]


def measure(sentences: list[Sentence]) -> list[Row]:
    engine = engine_rules()
    rows = []
    for s in sentences:
        everything = spans(s.text, FAMILIES)
        if s.span is None:
            rows.append(Row(s, False, bool(everything), bool(spans(s.text, engine)), everything))
            continue
        rows.append(
            Row(
                s,
                _hit(s.span, spans(s.text, (s.rule,)), s.rule),
                _hit(s.span, everything),
                _hit(s.span, spans(s.text, engine)),
                everything,
            )
        )
    return rows


def _hit(span: tuple[int, int], found: list[tuple[int, int, str]], rule: str | None = None) -> bool:
    a, b = span
    return any(start < b and a < end and (rule is None or r == rule) for start, end, r in found)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show", action="store_true", help="print every miss and false alarm")
    args = parser.parse_args()
    rows = measure(read_sentences())
    errors = [r for r in rows if r.sentence.span is not None]
    correct = [r for r in rows if r.sentence.span is None]
    by_rule: dict[str, list[Row]] = {}
    for r in errors:
        by_rule.setdefault(r.sentence.rule, []).append(r)
    print(f"{'rule':<30} {'errors':>6} {'rule alone':>10} {'all rules':>10} {'Grammalecte':>12}")
    for rule, group in sorted(by_rule.items()):
        n = len(group)
        print(
            f"{rule:<30} {n:>6} {sum(r.by_rule for r in group):>10} {sum(r.by_all for r in group):>10}"
            f" {sum(r.by_engine for r in group):>12}"
        )
    n = len(errors)
    print(
        f"{'errors caught at their span':<30} {n:>6} {sum(r.by_rule for r in errors) / n:>10.0%}"
        f" {sum(r.by_all for r in errors) / n:>10.0%} {sum(r.by_engine for r in errors) / n:>12.0%}"
    )
    m = len(correct)
    print(
        f"{'correct sentences flagged':<30} {m:>6} {'':>10} {sum(r.by_all for r in correct) / m:>10.0%}"
        f" {sum(r.by_engine for r in correct) / m:>12.0%}"
    )
    if args.show:
        for r in errors:
            if not r.by_all:
                print("MISS", r.sentence.rule, r.sentence.text)
        for r in correct:
            if r.by_all:
                print("ALARM", r.sentence.text, [(r.sentence.text[a:b], rule) for a, b, rule in r.findings_all])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
