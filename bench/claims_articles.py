"""Claims judged sentence by sentence on real news: precision and recall of the claims rules against
`bench/judgements/claims_sentences.tsv` (every sentence of 86 Wikinews articles of the corpus, labelled
in context; see bench/judgements/README.md). The `part` column: `old`, the 32 articles the rules were
first tuned on; `new`, 25 labelled before the rules of issue 10 changed (their misses were seen while
choosing the cues); `fresh`, 15 labelled after a first change, before running the rules on them (one
more change followed its misses); `final`, 14 labelled after the last change.

A sentence counts as flagged when a claims finding starts inside it. Prints per-rule counts, the
sentence-level precision and recall (all parts, then each part), and with --show the false alarms
and the misses.

    .venv/bin/python bench/claims_articles.py [--show]
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.config import Config  # noqa: E402
from checker.lint import lint_document  # noqa: E402
from checker.parse import parse_document  # noqa: E402

LABELS = ROOT / "bench" / "judgements" / "claims_sentences.tsv"
ARTICLES = ROOT / "corpus" / "articles"


@dataclass
class SentenceScore:
    file: str
    index: int
    label: bool
    flagged_by: list[str]
    text: str
    reason: str
    part: str


def score_sentences() -> list[SentenceScore]:
    rows = list(csv.DictReader(LABELS.open(encoding="utf-8"), delimiter="\t"))
    by_file: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        by_file[row["file"]].append(row)
    config = Config(select=("claims",))
    scores: list[SentenceScore] = []
    for name, labelled in by_file.items():
        path = ARTICLES / name
        doc = parse_document(path.read_text(encoding="utf-8"), str(path))
        sentences = [s for b in doc.blocks if b.kind not in ("heading", "title") for s in b.sentences]
        if len(sentences) != len(labelled):
            raise SystemExit(f"{name}: {len(sentences)} sentences, {len(labelled)} labelled: the splitter changed")
        flagged: dict[int, list[str]] = defaultdict(list)
        for finding in lint_document(doc, config).findings:
            for i, sentence in enumerate(sentences):
                start, end = sentence.source_span(0, len(sentence.text))
                if start <= finding.start < end:
                    flagged[i].append(finding.rule_id)
                    break
        for i, row in enumerate(labelled):
            scores.append(
                SentenceScore(name, i, row["label"] == "1", flagged[i], row["text"], row["reason"], row["part"])
            )
    return scores


@dataclass
class Figures:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0


def figures(scores: list[SentenceScore], part: str | None = None) -> Figures:
    """Sentence-level counts over both parts, or over one (`old` or `new`)."""
    chosen = [s for s in scores if part is None or s.part == part]
    return Figures(
        tp=sum(1 for s in chosen if s.label and s.flagged_by),
        fp=sum(1 for s in chosen if not s.label and s.flagged_by),
        fn=sum(1 for s in chosen if s.label and not s.flagged_by),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show", action="store_true", help="print the false alarms and the misses")
    args = parser.parse_args()
    scores = score_sentences()
    total = figures(scores)
    tp, fp = total.tp, total.fp
    rules = Counter(r for s in scores for r in set(s.flagged_by))
    rules_fp = Counter(r for s in scores if not s.label for r in set(s.flagged_by))
    print(f"{len(scores)} sentences, {sum(s.label for s in scores)} to query; {tp + fp} flagged")
    for rule, n in sorted(rules.items()):
        print(f"  {rule:<32} {n:>3} sentences, {rules_fp[rule]} false alarms")
    parts = (
        (None, "all parts"),
        ("old", "old (32 articles)"),
        ("new", "new (25)"),
        ("fresh", "fresh (15)"),
        ("final", "final (14)"),
    )
    for part, title in parts:
        f = figures(scores, part)
        print(f"{title:<24} precision {f.precision:.2f}  recall {f.recall:.2f}  (TP {f.tp}, FP {f.fp}, FN {f.fn})")
    if args.show:
        for s in scores:
            if s.flagged_by and not s.label:
                print(f"FALSE ALARM {s.file}#{s.index} {sorted(set(s.flagged_by))}: {s.text}")
        for s in scores:
            if s.label and not s.flagged_by:
                print(f"MISSED {s.file}#{s.index} ({s.reason}): {s.text}")


if __name__ == "__main__":
    main()
