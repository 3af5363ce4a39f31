"""Build the held-out set `corpus/heldout/` from two fetched public repositories.

Real French prose that nobody on the project read before its findings were judged (stop 28): it measures
rules after they were tuned on `corpus/articles/` and `corpus/rare/`. Do not read its findings to write
rules; judge them (`bench/precision.py --heldout`) and report the figure.

* `DISIC/design.numerique.gouv.fr` at 69d0cd9a84bf: every blog post (`content/articles`), interview
  (`content/entretiens`) and expert profile (`content/expert-experte`) — Licence Ouverte 2.0 for the
  contents (`LICENSE.md`; the code is MIT).
* `etalab/guides.etalab.gouv.fr` at 57b72b126b0e: 20 chapters of the guides (legal, algorithms,
  pseudonymisation, data quality, annotation, data.gouv.fr, software, schemas) — Licence Ouverte 2.0
  (`README.md`, « Licence », and `LICENSE.md`).

The text is kept as published. HTML becomes Markdown (headings, paragraphs, list items, links); code
blocks, tables, images and `:::` containers are left out.

    .venv/bin/python bench/make_heldout_corpus.py --design-git <git dir> --guides-git <git dir>
"""

from __future__ import annotations

import argparse
import html
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "corpus" / "heldout"
LICENCE = "Licence Ouverte 2.0 (etalab-2.0)"
DESIGN = ("DISIC/design.numerique.gouv.fr", "dn", "LICENSE.md (contents: licence Ouverte 2.0; code: MIT)")
GUIDES = ("etalab/guides.etalab.gouv.fr", "eg", "README.md §Licence + LICENSE.md (guides: licence Ouverte 2.0)")
GUIDE_CHAPTERS = [
    "juridique/0-definition_opendata.md", "juridique/1-obligation_od.md", "juridique/2-reutilisation_od.md",
    "algorithmes/0-guide.md", "algorithmes/1-mention.md", "algorithmes/2-inventaire.md",
    "pseudonymisation/1-pourquoi-et-comment.md", "pseudonymisation/2-les-etapes.md",
    "pseudonymisation/3-la-pseudonymisation-en-pratique.md", "qualite/1-preparer-le-jeu-de-donnees.md",
    "qualite/3-documenter-les-donnees.md", "qualite/4-elements-organisationnels.md", "annotation/1-annotation-ia.md",
    "annotation/2-preparer-campagne-annotation.md", "annotation/3-conduire-campagne-annotation.md",
    "data.gouv.fr/4-animer-la-communaute-de-reutilisateurs.md", "logiciels/README.md",
    "producteurs-schemas/2-phase-concertation.md", "producteurs-schemas/3-phase-construction.md",
    "producteurs-schemas/4-phase-promotion-maintien.md",
]  # fmt: skip
_DROPPED_ELEMENTS = ("script", "style", "pre", "iframe", "button", "caption", "svg", "template", "figure")


def git(git_dir: str, *args: str) -> str:
    return subprocess.run(["git", "--git-dir", git_dir, *args], capture_output=True, text=True, check=True).stdout


def convert(text: str, keep_indentation: bool = False) -> tuple[dict[str, str], str]:
    """The front matter's fields and the body as Markdown; `keep_indentation` keeps the leading spaces of list items'
    lines (a Markdown source's nested lists), which the HTML sources' conversion drops."""
    fields: dict[str, str] = {}
    match = re.match(r"^---\n(.*?)\n---\n", text, re.S)
    if match:
        for line in match.group(1).splitlines():
            field = re.match(r"^(\w+):\s*(.*)$", line)
            if field:
                fields[field.group(1)] = field.group(2).strip().strip('"').strip("'")
        text = text[match.end() :]
    text = re.sub(r"^(```|~~~).*?^\1[^\n]*$", "", text, flags=re.S | re.M)
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = re.sub(r"<th\b.*?</th>", "", text, flags=re.S | re.I)
    for tag in _DROPPED_ELEMENTS:
        text = re.sub(rf"<{tag}\b.*?</{tag}>", "", text, flags=re.S | re.I)
    text = re.sub(
        r"<h([1-6])[^>]*>(.*?)</h\1>",
        lambda m: "\n\n" + "#" * int(m.group(1)) + " " + " ".join(m.group(2).split()) + "\n\n",
        text,
        flags=re.S | re.I,
    )
    text = re.sub(
        r"<a\s[^>]*?href=\"([^\"]*)\"[^>]*>(.*?)</a>",
        lambda m: "[" + " ".join(m.group(2).split()) + "](" + m.group(1) + ")",
        text,
        flags=re.S | re.I,
    )
    text = re.sub(r"<(p|td|th|div|section|blockquote|dd|dt)\b[^>]*>", "\n\n", text, flags=re.I)
    text = re.sub(r"</(p|td|th|div|section|blockquote|dd|dt|tr|table|ul|ol)>", "\n\n", text, flags=re.I)
    text = re.sub(r"<li\b[^>]*>", "\n- ", text, flags=re.I)
    text = re.sub(r"</li>", "\n", text, flags=re.I)
    text = re.sub(r"<br\s*/?>", " ", text, flags=re.I)
    text = html.unescape(re.sub(r"</?[A-Za-z][^>]*>", "", text))
    lines = []
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped.startswith(("|", ":::")) or re.match(r"^#+$|^!\[[^\]]*\]\([^)]*\)\s*$", stripped):
            continue  # tables, containers, empty headings, lone images
        stripped = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", stripped).strip()
        # only a list item's marker line: other indented lines (« <summary> ») would turn into code blocks
        nested = keep_indentation and re.match(r"(?:[-*+]|\d{1,3}[.)])\s", stripped)
        indentation = line[: len(line) - len(line.lstrip())] if nested else ""
        lines.append(indentation + re.sub(r"^\{%.*%\}$", "", stripped))
    return fields, re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def build(source: tuple[str, str, str], git_dir: str, paths: list[str]) -> list[list[str]]:
    repository, prefix, licence_stated_in = source
    commit = git(git_dir, "rev-parse", "HEAD").strip()
    rows = []
    for path in paths:
        fields, body = convert(git(git_dir, "show", f"{commit}:{path}"))
        if fields.get("published") == "false":
            continue
        title = fields.get("title") or " ".join(x for x in (fields.get("firstName"), fields.get("lastName")) if x)
        if not fields.get("title") and fields.get("job"):
            title += ", " + fields["job"]
        name = prefix + "-" + path.replace("content/", "").replace("/", "-")
        head = ["---"]
        if title and not body.startswith("# "):
            quoted = title.replace('"', "'")
            head.append(f'title: "{quoted}"')
        head += [f'source: "https://github.com/{repository}/blob/{commit}/{path}"', f'licence: "{LICENCE}"']
        if fields.get("publishedDate"):
            head.append(f'date: "{fields["publishedDate"]}"')
        head += ["lang: fr", "---", ""]
        (OUT / name).write_text("\n".join(head) + "\n" + body, encoding="utf-8")
        rows.append([name, repository, commit, path, LICENCE, licence_stated_in, str(len(re.findall(r"\w+", body)))])
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--design-git", required=True, help="git dir of github.com/DISIC/design.numerique.gouv.fr")
    parser.add_argument("--guides-git", required=True, help="git dir of github.com/etalab/guides.etalab.gouv.fr")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    files = git(args.design_git, "ls-tree", "-r", "--name-only", "HEAD").splitlines()
    design = [f for f in files if re.match(r"content/(articles|entretiens|expert-experte)/[^/]+\.md$", f)]
    guides = set(git(args.guides_git, "ls-tree", "-r", "--name-only", "HEAD").splitlines())
    rows = build(DESIGN, args.design_git, design)
    rows += build(GUIDES, args.guides_git, [f for f in GUIDE_CHAPTERS if f in guides])
    header = ["file", "repository", "commit", "path", "licence", "licence_stated_in", "words"]
    # The rows of the set's other parts (bench/make_heldout_eig.py) are kept.
    sources = OUT / "SOURCES.tsv"
    kept = [
        row
        for row in (sources.read_text(encoding="utf-8").splitlines()[1:] if sources.is_file() else [])
        if not row.startswith((DESIGN[1] + "-", GUIDES[1] + "-"))
    ]
    lines = ["\t".join(header)] + ["\t".join(row) for row in rows] + kept
    sources.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} documents, {sum(int(row[-1]) for row in rows)} words")


if __name__ == "__main__":
    main()
