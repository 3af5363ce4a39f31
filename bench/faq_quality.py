"""FAQ consistency on the development set of `tests/data/faq_dev/` (real French Wikinews articles, CC BY
2.5, with FAQ answers derived from their sentences; see bench/make_faq_dev.py): for each case of issue
11's table, how many answers are caught (the rule the case calls for reports a span in the answer) or
flagged (any FAQ finding in the answer, for the cases that must pass).

    .venv/bin/python bench/faq_quality.py [--engine lexical|embeddings] [--errors CASE]
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from checker.config import Config  # noqa: E402
from checker.lint import lint_text  # noqa: E402

DEV = ROOT / "tests" / "data" / "faq_dev"
csv.field_size_limit(10_000_000)

# case: (what the table calls it, the rules that catch it; empty: must not be flagged, goal)
CASES: dict[str, tuple[str, tuple[str, ...], str]] = {
    "escalation-same-verb": ("escalation, FAQ keeps the body's verb", ("faq.escalation",), ">= 90 %"),
    "escalation-other-verb": ("escalation, another verb or a noun", ("faq.escalation",), ">= 80 %"),
    "hedge-kept": ("hedge kept in the FAQ", (), "<= 5 %"),
    "entailed": ("answer entailed by the body", (), "<= 8 %"),
    "contradiction-rte": ("answer contradicting the body (RTE-style)", ("faq.contradiction",), ">= 60 %"),
    "contradiction-factcheck": ("answer contradicting the body (fact-check)", ("faq.contradiction",), ">= 70 %"),
    "unsupported": (
        "answer the body does not support",
        ("faq.unsupported", "faq.partial", "faq.new-entity", "faq.contradiction"),
        ">= 75 %",
    ),
}


@dataclass(frozen=True)
class Item:
    case: str
    article: str
    body_sentence: str
    answer: str
    transformation: str


@dataclass
class Row:
    case: str
    total: int = 0
    hits: int = 0  # caught (defect cases) or flagged (faithful cases)

    @property
    def rate(self) -> float:
        return self.hits / self.total if self.total else 0.0


def load() -> tuple[dict[str, tuple[str, list[str]]], list[Item]]:
    articles: dict[str, tuple[str, list[str]]] = {}
    with (DEV / "articles.tsv").open(encoding="utf-8") as fh:
        for row in list(csv.reader(fh, delimiter="\t"))[1:]:
            articles[row[0]] = (row[3], row[4].split(" ¶ "))
    with (DEV / "items.tsv").open(encoding="utf-8") as fh:
        items = [Item(*row[:5]) for row in list(csv.reader(fh, delimiter="\t"))[1:]]
    return articles, items


def article_text(title: str, paragraphs: list[str], answer: str) -> str:
    body = "\n\n".join(paragraphs)
    return f"# {title}\n\n{body}\n\n## FAQ\n\n### Question ?\n\n{answer}\n"


def answer_findings(item: Item, articles: dict[str, tuple[str, list[str]]], config: Config) -> list[str]:
    """Rule ids of the FAQ findings inside the answer (the last line)."""
    title, paragraphs = articles[item.article]
    text = article_text(title, paragraphs, item.answer)
    answer_start = text.rindex(item.answer)
    result = lint_text(text, config, "dev.md", "markdown")
    return [f.rule_id for f in result.findings if f.family == "faq" and f.start >= answer_start]


def evaluate(
    engine: str = "lexical", per_case: int | None = None
) -> tuple[dict[str, Row], dict[str, list[tuple[Item, list[str]]]], float]:
    articles, items = load()
    if per_case is not None:  # the first answers of each case (the file is sorted by case and article)
        items = [i for case in CASES for i in [x for x in items if x.case == case][:per_case]]
    config = Config(select=("faq",))
    if engine != "lexical":
        config = config.with_overrides(faq_engine=engine)
    rows = {case: Row(case) for case in CASES}
    misses: dict[str, list[tuple[Item, list[str]]]] = {case: [] for case in CASES}
    started = time.process_time()
    for item in items:
        found = answer_findings(item, articles, config)
        _, rules, _ = CASES[item.case]
        hit = any(r in rules for r in found) if rules else bool(found)
        row = rows[item.case]
        row.total += 1
        row.hits += hit
        if hit != bool(rules):
            misses[item.case].append((item, found))
    return rows, misses, time.process_time() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engine", default="lexical", choices=("lexical", "embeddings"))
    parser.add_argument("--errors", help="print the misses (or false alarms) of this case")
    parser.add_argument("--per-case", type=int, help="only the first N answers of each case (the embeddings are slow)")
    args = parser.parse_args(argv)
    rows, misses, cpu = evaluate(args.engine, args.per_case)
    total = sum(r.total for r in rows.values())
    print(f"FAQ development set: {total} answers (Wikinews articles), engine {args.engine}")
    print(f"{'case':<48} {'n':>4} {'caught / flagged':>17}   goal")
    for case, (label, rules, goal) in CASES.items():
        row = rows[case]
        verb = "caught" if rules else "flagged"
        print(f"{label:<48} {row.total:>4} {row.hits:>5} {verb:<7} {row.rate:>5.1%}   {goal}")
    print(f"CPU: {cpu:.1f} s, {1000 * cpu / max(total, 1):.0f} ms per article (body embeddings reused across answers)")
    if args.errors:
        for item, found in misses[args.errors]:
            print(f"- [{item.transformation}] {item.answer}\n    body: {item.body_sentence}\n    found: {found}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
