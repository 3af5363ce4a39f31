"""Precision and recall of the claims cue rules on the hand-labelled French sentences of
`tests/data/claims_labelled.tsv` (label 1: an unsupported forward-looking, speculative or
reported-conditional claim that must be flagged; 0: must not be flagged).

Each sentence is linted as a paragraph (after its optional context) through the normal
pipeline; it counts as flagged when a cue rule reports a span inside it.

    .venv/bin/python bench/claims_quality.py [--fallback] [--file PATH]
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from checker.config import Config  # noqa: E402
from checker.lint import lint_text  # noqa: E402
from checker.rule_packs import load_rules  # noqa: E402

LABELLED = ROOT / "tests" / "data" / "claims_labelled.tsv"
# Written after the rules were tuned on LABELLED: sentences the rules were not tuned on.
HELDOUT = ROOT / "tests" / "data" / "claims_heldout.tsv"
# The cue rules are those the claims pack declares with kind "cue".
CUE_RULES = tuple(rule.id for rule in load_rules() if rule.kind == "cue")


@dataclass(frozen=True)
class Example:
    label: int
    domain: str
    phenomenon: str
    sentence: str
    context: str = ""


@dataclass
class Quality:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    errors: list[tuple[Example, list[str]]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def load_examples(path: Path = LABELLED) -> list[Example]:
    examples = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 4 or parts[0] not in ("0", "1"):
            raise ValueError(f"{path}:{n}: expected label, domain, phenomenon, sentence[, context]")
        context = parts[4].strip() if len(parts) > 4 else ""
        examples.append(Example(int(parts[0]), parts[1], parts[2], parts[3].strip(), context))
    return examples


def flagged_spans(example: Example) -> list[str]:
    """The cue spans reported inside the example's sentence."""
    prefix = example.context + " " if example.context else ""
    text = prefix + example.sentence
    result = lint_text(text, Config(select=CUE_RULES), fmt="text")
    return [f.text for f in result.findings if f.rule_id in CUE_RULES and f.start >= len(prefix)]


def evaluate(examples: list[Example]) -> Quality:
    q = Quality()
    for ex in examples:
        spans = flagged_spans(ex)
        predicted = bool(spans)
        if predicted and ex.label:
            q.tp += 1
        elif predicted:
            q.fp += 1
            q.errors.append((ex, spans))
        elif ex.label:
            q.fn += 1
            q.errors.append((ex, spans))
        else:
            q.tn += 1
    return q


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--file", type=Path, action="append", help="a labelled TSV (default: both shipped sets)")
    parser.add_argument("--fallback", action="store_true", help="without Grammalecte's lexicon (simplemma + endings)")
    args = parser.parse_args(argv)
    from checker.checks import claims

    claims.use_fallback_morphology(args.fallback)
    engine = "fallback (simplemma + endings)" if claims.morphology_engine() is None else "Grammalecte lexicon"
    print(f"morphology: {engine}")
    everything: list[Example] = []
    for path in args.file or [LABELLED, HELDOUT]:
        examples = load_examples(path)
        everything.extend(examples)
        _report(path.name, examples)
    if len(args.file or [LABELLED, HELDOUT]) > 1:
        _report("all", everything)
    _speed()
    return 0


def _speed(repeat: int = 7) -> None:
    """Time of the claims check alone on the sample article (parsed beforehand; warm caches: best of n)."""
    from checker.lint import lint_document, read_source
    from checker.parse import parse_document

    source = read_source(ROOT / "fixtures" / "israel-azerbaidjan.md")
    config = Config(select=("claims",))
    lint_document(parse_document(source, "sample.md"), config)  # load the lexicon and fill the caches
    best = float("inf")
    for _ in range(repeat):
        doc = parse_document(source, "sample.md")
        for block in doc.blocks:
            _ = [s.tokens for s in block.sentences]
        t0 = time.perf_counter()
        lint_document(doc, config)
        best = min(best, time.perf_counter() - t0)
    words = len(source.split())
    print(f"\nclaims check on the sample article ({words} words): {best * 1000:.1f} ms (best of {repeat})")


def _report(name: str, examples: list[Example]) -> None:
    t0 = time.perf_counter()
    q = evaluate(examples)
    elapsed = time.perf_counter() - t0
    domains = sorted({e.domain for e in examples})
    positives = sum(e.label for e in examples)
    print(f"\n{name}: {len(examples)} sentences ({positives} positive), {len(domains)} domains, {elapsed:.2f} s")
    counts = f"tp {q.tp}, fp {q.fp}, fn {q.fn}, tn {q.tn}"
    print(f"precision {q.precision:.3f}  recall {q.recall:.3f}  F1 {q.f1:.3f}  ({counts})")
    for ex, spans in q.errors:
        kind = "FP" if spans else "FN"
        extra = f"  flagged: {spans}" if spans else ""
        print(f"  {kind} [{ex.domain}/{ex.phenomenon}] {ex.sentence}{extra}")


if __name__ == "__main__":
    sys.exit(main())
