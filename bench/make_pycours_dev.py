"""Write the sections of « Cours de Python » (Patrick Fuchs and Pierre Poulain, Université Paris Cité), a French
programming course, as a development set (stop 52, the fourth one), none of them read before to write a rule; kept
outside the repository.

    .venv/bin/python bench/make_pycours_dev.py --git <git dir of github.com/bioinfo-prog/cours-python> --out <dir>

Source: github.com/bioinfo-prog/cours-python (`cours/*.md`, at the commit the files list names). Licence: the
repository's `LICENSE`, Creative Commons Attribution-ShareAlike 4.0 International (the README says the same). The
course was written in French by its two authors, teachers of the university (it is also published as a book by Dunod);
it is not a translation. The pages stay outside the repository; only the judged spans and their verdicts are kept
(`bench/judgements/pycours-dev-grammar.tsv`).

Which texts: `bench/data/pycours-dev-files.tsv` (file name, commit, path, section), as a helper chose them in stop 52. A
chapter is cut at its `## ` headings: section 0 is the chapter's opening (its `# ` title and the text before the first
`## `), section n the n-th `## ` heading and the text up to the next one (its `### ` subsections included); a section
becomes a page of its own when it has at least 150 words once converted. The conversion, done on the whole chapter
before it is cut: fenced code, display math (`$$ … $$`), LaTeX `\\index{…}` lines, tables and images dropped; the
headings' pandoc attributes (`{.unnumbered}`) dropped; a section's `## ` heading becomes its page's `# ` heading;
entities decoded. The prose, inline code and inline math are left as published.
"""

from __future__ import annotations

import argparse
import csv
import html
import re
from pathlib import Path

from make_jamstatic_dev import show

FILES = Path(__file__).resolve().parent / "data" / "pycours-dev-files.tsv"
_SECTION_RE = re.compile(r"(?m)^## ")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--git", required=True, help="git dir of github.com/bioinfo-prog/cours-python")
    parser.add_argument("--out", required=True, type=Path, help="where the pages go (outside the repository)")
    parser.add_argument("--files", type=Path, default=FILES, help="the files list (file, commit, path, section)")
    args = parser.parse_args()
    count = words = 0
    args.out.mkdir(parents=True, exist_ok=True)
    with args.files.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            source = show([args.git], row["commit"], row["path"])
            page = sections(convert(source))[int(row["section"])]
            (args.out / row["file"]).write_text(page, encoding="utf-8")
            count += 1
            words += len(page.split())
    print(f"{count} pages, {words} words")


def convert(source: str) -> str:
    """A chapter as Markdown without its code, display math, index entries, tables and images."""
    body = source.replace("\r\n", "\n")
    body = re.sub(r"(?ms)^[ \t]*```.*?^[ \t]*```[ \t]*$", "", body)  # fenced code
    body = re.sub(r"(?ms)^[ \t]*\$\$.*?\$\$[ \t]*$", "", body)  # display math
    body = html.unescape(body)
    lines = []
    for line in body.split("\n"):
        stripped = line.strip()
        if stripped.startswith(("\\index{", "|", "![")):
            continue  # an index entry for the printed book, a table row, an image alone on its line
        if stripped.startswith("#"):
            line = re.sub(r"\s*\{[^{}]*\}\s*$", "", line)  # a heading's pandoc attributes
        lines.append(line.rstrip())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def sections(chapter: str) -> list[str]:
    """The chapter's opening (section 0), then each `## ` section with its heading raised to `# `."""
    parts = _SECTION_RE.split(chapter)
    out = [parts[0].strip() + "\n"]
    for part in parts[1:]:
        out.append("# " + part.strip() + "\n")
    return out


if __name__ == "__main__":
    main()
