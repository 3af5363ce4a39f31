"""Write the blog posts of jamstatic.fr and of frank.taillandier.me, French web-development articles, as a
development set (stop 52, the third one), none of them read before to write a rule; kept outside the repository.

    .venv/bin/python bench/make_jamstatic_dev.py --git <git dir> [<git dir> ...] --out <dir> [--files <tsv>]

Sources: github.com/jamstatic/jamstatic-fr (`pages/post/`, Creative Commons Attribution-ShareAlike 4.0, the
repository's `LICENSE`) and github.com/DirtyF/frank.taillandier.me (`_posts/`, Creative Commons Attribution 4.0, the
repository's `LICENSE`), at the commits the files list names; `--git` takes the git dirs of both (a row's commit is
looked for in each). Both blogs are edited by Frank Taillandier, a professional web developer; most posts are his or
his co-authors' translations of English articles (their front matter's `source` names the original), the others were
written in French. Chosen after the original French sources found were under a non-commercial licence, stated no
licence, were too small or could not be fetched. The pages stay outside the repository; only the judged spans and
their verdicts are kept (`bench/judgements/jamstatic-dev-grammar.tsv`).

Which files: `bench/data/jamstatic-dev-files.tsv` (file name, commit, path): every post of both blogs at those commits,
at least 150 words once converted (the blog's index page is not). The conversion: front matter dropped, its title kept
as the first heading; fenced and indented code, `{% highlight %}` and `{% raw %}` blocks, HTML comments, tables
(Markdown and HTML), embedded tweets, scripts, styles, iframes, forms and images dropped; Liquid tags and Hugo
shortcodes' tags dropped (`{% post_url X %}` kept as X, a shortcode's inner text kept), `{{ page.… }}` replaced by the
front matter's value as the site renders it; the Markdown containers' fences (`:::intro`) and kramdown attribute lists
(`{: .lead }`) dropped, their text kept; the remaining HTML tags dropped, their text kept; entities decoded. The prose
is left as published.
"""

from __future__ import annotations

import argparse
import csv
import html
import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

from make_canada_dev import split_front_matter

FILES = Path(__file__).resolve().parent / "data" / "jamstatic-dev-files.tsv"
# Blocks dropped with their content.
_DROPPED_BLOCKS = ("table", "script", "style", "iframe", "form", "svg", "pre", "picture", "video", "audio")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--git", required=True, nargs="+", help="git dirs of the two repositories")
    parser.add_argument("--out", required=True, type=Path, help="where the pages go (outside the repository)")
    parser.add_argument("--files", type=Path, default=FILES, help="the files list (file, commit, path)")
    args = parser.parse_args()
    count = words = 0
    args.out.mkdir(parents=True, exist_ok=True)
    with args.files.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            page = convert(show(args.git, row["commit"], row["path"]))
            (args.out / row["file"]).write_text(page, encoding="utf-8")
            count += 1
            words += len(page.split())
    print(f"{count} pages, {words} words")


def show(git_dirs: list[str], commit: str, path: str) -> str:
    """The file at that commit, from the first git dir that has the commit."""
    for git_dir in git_dirs:
        done = subprocess.run(["git", f"--git-dir={git_dir}", "show", f"{commit}:{path}"], capture_output=True)
        if done.returncode == 0:
            return done.stdout.decode("utf-8")
    raise SystemExit(f"{commit}:{path} is in none of {git_dirs}")


def convert(source: str) -> str:
    """A post as Markdown: its title as the first heading, then its cleaned body."""
    fields, body = split_front_matter(source)
    title = re.sub(r"<[^>]+>", "", str(fields.get("title") or ""))
    return f"# {html.unescape(title.strip())}\n\n{clean_body(body, fields)}"


def page_value(fields: dict[str, Any], dotted: str) -> str | None:
    """The value of `page.a.b` in the front matter, if it is a string."""
    value: Any = fields
    for key in dotted.split("."):
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value if isinstance(value, str) else None


def clean_body(body: str, fields: dict[str, Any]) -> str:
    body = body.replace("\r\n", "\n")
    body = re.sub(r"(?ms)^[ \t]*(`{3,}|~{3,}).*?^[ \t]*\1[ \t]*$", "", body)  # fenced code
    body = re.sub(r"(?s)\{%-?\s*highlight\b.*?\{%-?\s*endhighlight\s*-?%\}", "", body)
    body = re.sub(r"(?s)\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}", "", body)
    body = re.sub(r"(?s)<!--.*?-->", "", body)
    body = drop_indented_code(body)
    body = "\n".join(line for line in body.split("\n") if not line.lstrip().startswith("|"))  # table rows
    body = outside_code(
        r'(?is)<blockquote\b[^>]*class="[^"]*(?:twitter-tweet|instagram)[^"]*".*?</blockquote\s*>', "\n", body
    )
    for name in _DROPPED_BLOCKS:
        body = outside_code(rf"(?is)<{name}\b.*?</{name}\s*>", "\n", body)
    body = outside_code(r"\{%-?\s*post_url\s+(\S+)\s*-?%\}", r"\1", body)
    body = outside_code(r"(?s)\{%.*?%\}", "", body)  # Liquid tags: includes, images, assignments
    body = outside_code(r"\{\{[<%].*?[>%]\}\}", "", body)  # Hugo shortcodes' tags, their text kept
    body = outside_code(r"\{\{\s*page\.([\w.]+)\s*\}\}", lambda m: page_value(fields, m.group(1)) or m.group(0), body)
    body = outside_code(r"(?i)<br\s*/?>", "\n", body)
    body = outside_code(
        r"(?i)</?(?:p|div|figure|figcaption|blockquote|dl|dt|dd|ul|ol|li|h[1-6]|hr)\b[^>]*>", "\n", body
    )
    body = outside_code(r"(?i)<img\b[^>]*>", "", body)
    body = outside_code(r"</?[A-Za-z][A-Za-z0-9-]*\b(?:[^<>\"']|\"[^\"]*\"|'[^']*')*/?>", "", body)  # tags, text kept
    body = html.unescape(body)
    lines = []
    for line in body.split("\n"):
        stripped = line.strip()
        if re.match(r"^!\[[^\]]*\]\(.*\)(\{[^}]*\})?$", stripped):
            continue  # an image alone on its line
        if re.match(r"^:::", stripped) or re.match(r"^\{:[^}]*\}$", stripped):
            continue  # a container's fence, a kramdown attribute list alone on its line
        line = re.sub(r"\s*\{:[^}]*\}\s*$", "", line)  # a kramdown attribute list ending a line
        lines.append(line.rstrip())
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return "\n".join(line.lstrip() for line in body.split("\n")).strip() + "\n"


def drop_indented_code(body: str) -> str:
    """Indented code blocks: four spaces or a tab after a blank line, outside a list."""
    out: list[str] = []
    in_code = False
    previous_blank = True
    in_list = False
    for line in body.split("\n"):
        blank = not line.strip()
        indented = line.startswith(("    ", "\t"))
        if re.match(r"^\s{0,3}([-*+]|\d+[.)])\s", line):
            in_list = True
        elif not blank and not indented:
            in_list = False
        if in_code:
            if blank or indented:
                continue
            in_code = False
        elif indented and previous_blank and not in_list and not blank:
            in_code = True
            continue
        out.append(line)
        previous_blank = blank
    return "\n".join(out)


def outside_code(pattern: str, replacement: str | Callable[[re.Match[str]], str], text: str) -> str:
    """`re.sub` of a pattern, leaving inline code spans (`{{ content }}`, `<head>`) as they are."""
    tag = re.compile(pattern)
    code = re.compile(r"`[^`\n]*`")
    out: list[str] = []
    pos = 0
    while pos < len(text):
        m_code = code.search(text, pos)
        m_tag = tag.search(text, pos)
        if m_tag is None:
            break
        if m_code is not None and m_code.start() <= m_tag.start():
            out.append(text[pos : m_code.end()])
            pos = m_code.end()
            continue
        out.append(text[pos : m_tag.start()])
        out.append(replacement(m_tag) if callable(replacement) else m_tag.expand(replacement))
        pos = m_tag.end() if m_tag.end() > m_tag.start() else m_tag.end() + 1
    out.append(text[pos:])
    return "".join(out)


if __name__ == "__main__":
    main()
