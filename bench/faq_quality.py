"""FAQ consistency on the development set of `tests/data/faq_dev/` (real French Wikinews articles, CC BY
2.5, with FAQ answers derived from their sentences; see bench/make_faq_dev.py): for each case of issue
11's table, how many answers are caught (the rule the case calls for reports a span in the answer) or
flagged (any FAQ finding in the answer, for the cases that must pass).

Then the restatements outside a marked FAQ (`tests/data/restatement_dev/`, issue 11 item 7): titles,
front matter or HTML descriptions, ledes, conclusions, FAQPage JSON-LD answers and the closing
paragraphs of plain text, written by hand over the corpus' Wikinews articles, each faithful or
escalating a hedge or changing a number, name or date; every summary kind compared with the body.

    .venv/bin/python bench/faq_quality.py [--engine lexical|embeddings] [--errors CASE]
    .venv/bin/python bench/faq_quality.py --restatements [--errors escalation|changed|faithful]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from checker.config import Config, config_from_mapping  # noqa: E402
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
    # Written by hand over the same articles (items_roles_quantifiers.tsv): issue 11 item 3.
    "contradiction-roles": ("answer swapping the body's roles (any verb)", ("faq.contradiction",), ">= 60 %"),
    "contradiction-quantifier": ("answer changing the body's quantifier", ("faq.contradiction",), ">= 60 %"),
    "roles-quantifier-kept": ("roles or quantifier kept (passive, converse)", (), "<= 5 %"),
}
# The cases derived by bench/make_faq_dev.py (items.tsv); the others are hand-written.
DERIVED_CASES = tuple(CASES)[:7]


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
    items = []
    for name in ("items.tsv", "items_roles_quantifiers.tsv"):
        with (DEV / name).open(encoding="utf-8") as fh:
            items.extend(Item(*row[:5]) for row in list(csv.reader(fh, delimiter="\t"))[1:])
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


# ---------------------------------------------------------------- restatements outside a marked FAQ

RESTATEMENTS = ROOT / "tests" / "data" / "restatement_dev"
CORPUS = ROOT / "corpus" / "articles"
SUMMARY_KINDS = ["title", "description", "lede", "conclusion"]
# label: (what the report calls it, the rules that catch it; empty: must not be flagged)
RESTATEMENT_LABELS: dict[str, tuple[str, tuple[str, ...], str]] = {
    "escalation": ("hedge asserted as a fact", ("faq.escalation",), ">= 80 %"),
    "changed": ("number, name or date changed", ("faq.contradiction", "faq.new-entity"), ">= 80 %"),
    "faithful": ("faithful restatement (paraphrase, hedge kept)", (), "<= 5 %"),
}


@dataclass(frozen=True)
class Restated:
    id: str
    article: str  # the Wikinews page id of a corpus/articles/wikinews-<id>-*.md file
    format: str  # markdown, text, html
    kind: str  # title, description, lede, conclusion, closing, jsonld
    label: str  # faithful, escalation, changed
    change: str
    question: str
    text: str


def load_restatements() -> list[Restated]:
    with (RESTATEMENTS / "items.tsv").open(encoding="utf-8") as fh:
        return [Restated(*row[:8]) for row in list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]]


def corpus_article(page_id: str) -> tuple[str, list[str]]:
    """The title and the prose paragraphs (subtitles left out) of a corpus Wikinews article."""
    (path,) = CORPUS.glob(f"wikinews-{page_id}-*.md")
    body = path.read_text(encoding="utf-8").split("---", 2)[2]
    title = re.search(r"^# (.+)$", body, re.M)
    paragraphs = [p.strip() for p in body.split("\n\n") if p.strip() and not p.lstrip().startswith("#")]
    return (title.group(1).strip() if title else ""), paragraphs


def _html_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def restatement_document(item: Restated) -> tuple[str, str]:
    """The article with the restatement in its place, and its format: Markdown (front matter description,
    first-level title, lede before the body, conclusion after it), plain text as exported (the title on the
    first line, one paragraph per line, the answers at the end) or an HTML page (title, meta description,
    FAQPage JSON-LD, <article>)."""
    title, paragraphs = corpus_article(item.article)
    if item.kind == "title":
        title = item.text
    if item.kind == "lede":
        paragraphs = [item.text, *paragraphs]
    elif item.kind in ("conclusion", "closing"):
        paragraphs = [*paragraphs, *item.text.split(" ¶ ")]
    if item.format == "markdown":
        head = f'---\ndescription: "{item.text}"\n---\n\n' if item.kind == "description" else ""
        return head + f"# {title}\n\n" + "\n\n".join(paragraphs) + "\n", "markdown"
    if item.format == "text":
        return "\n".join([title, *paragraphs]) + "\n", "text"
    head = [f"<title>{_html_escape(title)}</title>"]
    if item.kind == "description":
        head.append(f'<meta name="description" content="{_html_escape(item.text)}">')
    if item.kind == "jsonld":
        data = {
            "@context": "https://schema.org",
            "@type": "FAQPage",
            "mainEntity": [
                {
                    "@type": "Question",
                    "name": item.question,
                    "acceptedAnswer": {"@type": "Answer", "text": item.text},
                }
            ],
        }
        head.append(f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>')
    body = "".join(f"<p>{_html_escape(p)}</p>\n" for p in paragraphs)
    page = (
        '<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8">'
        + "".join(head)
        + f"</head>\n<body><article>\n<h1>{_html_escape(title)}</h1>\n{body}</article></body></html>\n"
    )
    return page, "html"


def restatement_config(engine: str = "lexical") -> Config:
    """Every summary compared with the body, whatever the shipped default."""
    config = config_from_mapping({"select": ["faq"], "rules": {"faq.escalation": {"summaries": SUMMARY_KINDS}}})
    return config.with_overrides(faq_engine=engine) if engine != "lexical" else config


def restatement_findings(item: Restated, config: Config) -> list[str]:
    """Rule ids of the FAQ findings inside the restatement (wherever its text, or a paragraph of it, occurs)."""
    text, fmt = restatement_document(item)
    spans = []
    for part in item.text.split(" ¶ "):
        located = _html_escape(part) if fmt == "html" and item.kind != "jsonld" else part
        spans.extend((m.start(), m.end()) for m in re.finditer(re.escape(located), text))
    result = lint_text(text, config, f"restatement.{'md' if fmt == 'markdown' else fmt}", fmt)
    return [f.rule_id for f in result.findings if f.family == "faq" and any(a <= f.start < b for a, b in spans)]


def evaluate_restatements(
    engine: str = "lexical",
) -> tuple[dict[str, Row], dict[str, list[tuple[Restated, list[str]]]], float]:
    config = restatement_config(engine)
    rows = {label: Row(label) for label in RESTATEMENT_LABELS}
    errors: dict[str, list[tuple[Restated, list[str]]]] = {label: [] for label in RESTATEMENT_LABELS}
    started = time.process_time()
    for item in load_restatements():
        found = restatement_findings(item, config)
        _, rules, _ = RESTATEMENT_LABELS[item.label]
        hit = any(r in rules for r in found) if rules else bool(found)
        rows[item.label].total += 1
        rows[item.label].hits += hit
        if hit != bool(rules):
            errors[item.label].append((item, found))
    return rows, errors, time.process_time() - started


def real_summary_findings(engine: str = "lexical") -> tuple[int, list[tuple[str, str, int, str, str]]]:
    """The FAQ-family findings on the real corpus articles (corpus/articles/, titles and ledes written by
    their newsrooms) with every summary compared with the body: (file, rule, line, text, message) each."""
    config = restatement_config(engine)
    paths = sorted(CORPUS.glob("*.md"))
    found = []
    for path in paths:
        result = lint_text(path.read_text(encoding="utf-8"), config, str(path), "markdown")
        found.extend((path.name, f.rule_id, f.line, f.text, f.message) for f in result.findings if f.family == "faq")
    return len(paths), found


def print_table(heading: str, rows: dict[str, Row], cases: dict[str, tuple[str, tuple[str, ...], str]]) -> None:
    """One line per case: its answers, how many were caught (rules given) or flagged (none), the goal."""
    print(f"{heading:<48} {'n':>4} {'caught / flagged':>17}   goal")
    for key, (name, rules, goal) in cases.items():
        row = rows[key]
        verb = "caught" if rules else "flagged"
        print(f"{name:<48} {row.total:>4} {row.hits:>5} {verb:<7} {row.rate:>5.1%}   {goal}")


def print_restatements(engine: str, errors_of: str | None) -> None:
    rows, errors, cpu = evaluate_restatements(engine)
    items = load_restatements()
    articles = len({i.article for i in items})
    print(f"Restatements outside a marked FAQ: {len(items)} restatements over {articles} Wikinews articles")
    print_table("label", rows, RESTATEMENT_LABELS)
    by_kind: dict[str, list[int]] = {}
    wrong = {i.id for label in errors for i, _ in errors[label]}
    for item in items:
        good, total = by_kind.setdefault(f"{item.kind} ({item.format})", [0, 0])
        by_kind[f"{item.kind} ({item.format})"] = [good + (item.id not in wrong), total + 1]
    print("right per kind: " + ", ".join(f"{k} {g}/{t}" for k, (g, t) in sorted(by_kind.items())))
    print(f"CPU: {cpu:.1f} s")
    articles, real = real_summary_findings(engine)
    print(f"Real articles ({articles} in corpus/articles/), every summary compared: {len(real)} FAQ-family findings")
    for name, rule, line, text, message in real:
        print(f"- {name}:{line} {rule} « {text} »\n    {message}")
    if errors_of:
        for item, found in errors[errors_of]:
            where = f"{item.kind} ({item.format}, {item.article})"
            print(f"- #{item.id} {where} [{item.change}] {item.text}\n    found: {found}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engine", default="lexical", choices=("lexical", "embeddings"))
    parser.add_argument("--errors", help="print the misses (or false alarms) of this case")
    parser.add_argument("--per-case", type=int, help="only the first N answers of each case (the embeddings are slow)")
    parser.add_argument("--restatements", action="store_true", help="the restatements outside a marked FAQ")
    args = parser.parse_args(argv)
    if args.restatements:
        print_restatements(args.engine, args.errors)
        return 0
    rows, misses, cpu = evaluate(args.engine, args.per_case)
    total = sum(r.total for r in rows.values())
    print(f"FAQ development set: {total} answers (Wikinews articles), engine {args.engine}")
    print_table("case", rows, CASES)
    print(f"CPU: {cpu:.1f} s, {1000 * cpu / max(total, 1):.0f} ms per article (body embeddings reused across answers)")
    if args.errors:
        for item, found in misses[args.errors]:
            print(f"- [{item.transformation}] {item.answer}\n    body: {item.body_sentence}\n    found: {found}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
