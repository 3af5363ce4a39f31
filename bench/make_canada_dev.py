"""Write the French posts of two Canadian federal blogs as a development set (stop 51): numerique.canada.ca's blog
(the Canadian Digital Service) and blogue.canada.ca (the Canada.ca team), none of them read before to write a rule;
kept outside this repository.

    .venv/bin/python bench/make_canada_dev.py --cds-git <git dir of github.com/cds-snc/digital-canada-ca> \\
        --canada-git <git dir of github.com/canada-ca/blogue-canada-ca-blog> --out <dir>

Sources: github.com/cds-snc/digital-canada-ca (`content/fr/blog/posts/`, at the commit each file names: five posts
deleted before its HEAD come from the commit before their deletion) and github.com/canada-ca/blogue-canada-ca-blog
(`fr/_posts/`). Licence: each repository's `LICENSE`, MIT (© 2019 Canadian Digital Service – Service numérique
canadien; © 2019 Government of Canada, « Crown Copyright distributed under MIT »). The pages stay outside this
repository; only the judged spans and their verdicts are kept (`bench/judgements/canada-dev-grammar.tsv`).

Which files: `bench/data/canada-dev-files.tsv` (source, file name, commit, path), as a helper chose them in stop 51:
every French post of at least 150 words, one version of a post stored twice under one title (the longest), English
posts left out. The conversion is the helper's: front matter dropped, its title kept as the first heading; Liquid and
Hugo template tags, fenced code, tables and image lines dropped; the HTML bodies of posts moved from WordPress turned
into Markdown (headings, links, emphasis, list items); entities decoded. The prose is left as published.
"""

from __future__ import annotations

import argparse
import csv
import html
import re
import subprocess
from pathlib import Path
from typing import Any

import yaml

FILES = Path(__file__).resolve().parent / "data" / "canada-dev-files.tsv"
_FRONT_MATTER_RE = re.compile(r"^---\s*\n(.*?)\n---\s*\n(.*)$", re.S)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--cds-git", required=True, help="git dir of github.com/cds-snc/digital-canada-ca")
    parser.add_argument("--canada-git", required=True, help="git dir of github.com/canada-ca/blogue-canada-ca-blog")
    parser.add_argument("--out", required=True, type=Path, help="where the pages go (outside the repository)")
    args = parser.parse_args()
    git_dirs = {"cds": args.cds_git, "canadaca": args.canada_git}
    count = words = 0
    args.out.mkdir(parents=True, exist_ok=True)
    with FILES.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            source = subprocess.run(
                ["git", f"--git-dir={git_dirs[row['source']]}", "show", f"{row['commit']}:{row['path']}"],
                check=True,
                capture_output=True,
            ).stdout.decode("utf-8")
            page = convert(source, strip_tags_from_title=row["source"] == "cds")
            (args.out / row["file"]).write_text(page, encoding="utf-8")
            count += 1
            words += len(page.split())
    print(f"{count} pages, {words} words")


def convert(source: str, strip_tags_from_title: bool) -> str:
    """A post as Markdown: its title as the first heading, then its cleaned body."""
    fields, body = split_front_matter(source)
    title = str(fields.get("title") or "")
    if strip_tags_from_title:
        title = re.sub(r"<[^>]+>", "", title)
    return f"# {title.strip()}\n\n{clean_body(body)}"


def split_front_matter(source: str) -> tuple[dict[str, Any], str]:
    """The front matter's fields and the body. Not make_heldout_eig.split_front: these posts' delimiters may carry
    trailing spaces, and a front matter YAML cannot read is dropped rather than fatal."""
    m = _FRONT_MATTER_RE.match(source)
    if not m:
        return {}, source
    try:
        fields = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError:
        fields = {}
    return (fields if isinstance(fields, dict) else {}), m.group(2)


def html_to_markdown(text: str) -> str:
    """The WordPress bodies: headings, links, emphasis and list items kept; figures, tables, images, notes dropped."""
    text = re.sub(r"(?is)<(script|style|iframe|figure|table|svg)\b.*?</\1>", "\n", text)
    text = re.sub(r"(?is)<sup\b.*?</sup>", "", text)
    text = re.sub(r'(?is)<span class="wb-inv[^"]*">.*?</span>', "", text)
    text = re.sub(r"(?is)<img\b[^>]*>", "", text)
    for n in range(1, 7):
        marks = "#" * n
        text = re.sub(
            rf"(?is)<h{n}\b[^>]*>(.*?)</h{n}>",
            lambda m: "\n\n" + marks + " " + re.sub(r"\s+", " ", m.group(1)).strip() + "\n\n",  # noqa: B023 (used within its loop turn)
            text,
        )
    text = re.sub(
        r'(?is)<a\b[^>]*href="([^"]*)"[^>]*>(.*?)</a>',
        lambda m: f"[{m.group(2).strip()}]({m.group(1)})" if m.group(2).strip() else "",
        text,
    )
    text = re.sub(r"(?is)</?(strong|b)\b[^>]*>", "**", text)
    text = re.sub(r"(?is)</?(em|i)\b[^>]*>", "*", text)
    text = re.sub(r"(?is)<li\b[^>]*>", "\n- ", text)
    text = re.sub(r"(?is)</li>", "\n", text)
    text = re.sub(r"(?is)<br\s*/?>", "\n", text)
    blocks = r"p|div|ul|ol|blockquote|section|details|summary|figcaption|dl|dt|dd|tr|td|th|tbody|thead"
    text = re.sub(rf"(?is)</?({blocks})\b[^>]*>", "\n\n", text)
    text = re.sub(r"(?is)<!--.*?-->", "", text)
    text = re.sub(r"(?is)<![a-z][^>]*>", "", text)
    text = re.sub(r"(?is)</?[a-z][a-z0-9]*\b[^>]*>", "", text)
    return text.replace("****", "")


def clean_body(body: str) -> str:
    body = re.sub(r"(?ms)^\s*```.*?^\s*```\s*$", "", body)  # fenced code
    for template in (r"(?s)\{%.*?%\}", r"(?s)\{\{<.*?>\}\}", r"(?s)\{\{%.*?%\}\}", r"(?s)\{\{.*?\}\}", r"\{:[^}]*\}"):
        body = re.sub(template, "", body)
    return tidy_lines(html.unescape(html_to_markdown(body)))


def tidy_lines(body: str) -> str:
    """Images alone on their line and table rows dropped, runs of blank lines made one, lines unindented."""
    lines = []
    for line in body.split("\n"):
        stripped = line.strip()
        if re.match(r"^!\[[^\]]*\]\([^)]*\)\s*$", stripped) or stripped.startswith("|"):
            continue  # an image alone on its line, a table row
        lines.append(line.rstrip())
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return "\n".join(line.lstrip() for line in body.split("\n")).strip() + "\n"


if __name__ == "__main__":
    main()
