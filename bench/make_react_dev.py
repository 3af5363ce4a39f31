"""Write the French pages of fr.react.dev, the French translation of React's documentation and blog, as a
development set (stop 52), none of them read before to write a rule; kept outside the repository.

    .venv/bin/python bench/make_react_dev.py --git <git dir of github.com/reactjs/fr.react.dev> --out <dir>

Source: github.com/reactjs/fr.react.dev (`src/content/`, at the commit the files list names). Licence: the
repository's `LICENSE-DOCS.md`, Creative Commons Attribution 4.0 International (the documentation's text; the code is
MIT). The pages stay outside the repository; only the judged spans and their verdicts are kept
(`bench/judgements/react-dev-grammar.tsv`). A translation from English by professional translators, not French
written from scratch: chosen after the original French sources found were under a non-commercial licence or too small.

Which files: `bench/data/react-dev-files.tsv` (file name, commit, path), as a helper chose them in stop 52:
every Markdown page under `src/content/` of at least 150 words once converted, except the pages that are lists in
English or mostly so (the conferences, meetups and videos pages, the version history, the React 18 release post whose
change log is untranslated) and the site's and the blog's index pages (cards). The conversion: front matter dropped, its
title kept as the first heading; fenced code, MDX comments (`{/*anchor*/}`) and Markdown comments (`[//]: # …`), the
blocks that only show a console, a terminal, a video or a card, the MDX components' tags (their text kept; inline code
untouched), images and table rows dropped; entities decoded. The prose is left as published.
"""

from __future__ import annotations

import argparse
import csv
import html
import re
from pathlib import Path

from make_canada_dev import split_front_matter, tidy_lines
from make_jamstatic_dev import outside_code, show

FILES = Path(__file__).resolve().parent / "data" / "react-dev-files.tsv"
# Components whose whole content is dropped: console and terminal output, videos, the blog index's cards.
_DROPPED_BLOCKS = ("TerminalBlock", "ConsoleBlockMulti", "ConsoleBlock", "ConsoleLogLine", "YouTubeIframe", "BlogCard")

# An MDX component's opening, closing or self-closing tag, its attributes possibly holding `{…}` expressions.
_MDX_TAG = r"(?s)</?[A-Z][A-Za-z]*\b(?:[^<>{}`]|\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\})*?/?>"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--git", required=True, help="git dir of github.com/reactjs/fr.react.dev")
    parser.add_argument("--out", required=True, type=Path, help="where the pages go (outside the repository)")
    args = parser.parse_args()
    count = words = 0
    args.out.mkdir(parents=True, exist_ok=True)
    with FILES.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            source = show([args.git], row["commit"], row["path"])
            page = convert(source)
            (args.out / row["file"]).write_text(page, encoding="utf-8")
            count += 1
            words += len(page.split())
    print(f"{count} pages, {words} words")


def convert(source: str) -> str:
    """A page as Markdown: its title as the first heading, then its cleaned body."""
    fields, body = split_front_matter(source)
    title = re.sub(r"<[^>]+>", "", str(fields.get("title") or ""))
    return f"# {html.unescape(title.strip())}\n\n{clean_body(body)}"


def clean_body(body: str) -> str:
    body = re.sub(r"(?ms)^\s*```.*?^\s*```[ \t]*$", "", body)  # fenced code
    body = re.sub(r"(?s)\s*\{/\*.*?\*/\}", "", body)  # MDX comments: the headings' anchors
    body = re.sub(r"(?m)^\[//\]: # .*$", "", body)  # Markdown comments (editors' notes)
    for name in _DROPPED_BLOCKS:
        body = outside_code(rf"(?s)<{name}\b[^>]*?/>", "", body)
        body = outside_code(rf"(?s)<{name}\b.*?</{name}>", "", body)
    body = outside_code(r"(?is)<(table|svg|iframe|figure)\b.*?</\1>", "\n", body)
    body = outside_code(_MDX_TAG, "", body)  # the MDX components' tags, their text kept
    body = outside_code(r"(?is)<img\b[^>]*>", "", body)
    body = outside_code(r"(?is)<br\s*/?>", "\n", body)
    return tidy_lines(html.unescape(body))


if __name__ == "__main__":
    main()
