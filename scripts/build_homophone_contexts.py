"""Build checker/data/homophone-contexts.tsv.gz: the neighbours of every homophone form in real French text.

    .venv/bin/python scripts/build_homophone_contexts.py /work/.mirror/COST-ELTeC+ELTeC-fra/repo

The text is the ELTeC French novel collection (COST Action CA16204, « ELTeC-fra », 100 novels
1840-1920, TEI XML; README: « All texts included in this collection are in the public domain. No
claim to copyright or similar protections is made for the composition of the corpus »), read straight
from a clone of https://github.com/COST-ELTeC/ELTeC-fra (a bare git directory is fine: the files are
read from its HEAD with `git show`; the commit used is written in the data file). Nothing of the text
is kept: only counts of (form, neighbour) pairs.

For every paragraph (`<p>` of the `<body>`, notes and note calls left out), the checker's own
tokeniser cuts the words, and for each homophone form (`checker.homophone_contexts.FORMS`,
« c'est », « s'est », « qu'elle » joined) the word before and the word after are counted, with their
class (`context_class`). Kept in the file: every class count, and the word counts of the words
seen at least `--min-word` times on that side of a homophone form; word counts below `--min-count`
for one form are left out (they fall back to the class). Capitalised « A » is not counted: the older
editions write it for « À ».
"""

from __future__ import annotations

import argparse
import gzip
import pickle
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from checker.document import tokenize  # noqa: E402
from checker.homophone_contexts import FORMS, occurrences  # noqa: E402

OUT = ROOT / "checker" / "data" / "homophone-contexts.tsv.gz"
TEI = "{http://www.tei-c.org/ns/1.0}"
_SKIPPED = {f"{TEI}note", f"{TEI}ref", f"{TEI}fw", f"{TEI}pb"}
_SENTENCE_ENDS = {".", "!", "?", "…"}

Raw = dict[str, Counter[tuple[str, ...]]]


def git(repo: Path, *args: str) -> bytes:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True).stdout


def paragraph_text(element: ET.Element) -> str:
    parts: list[str] = [element.text or ""]
    for child in element:
        if child.tag not in _SKIPPED:
            parts.append(paragraph_text(child))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def paragraphs(xml: bytes) -> list[str]:
    root = ET.fromstring(xml)
    body = root.find(f".//{TEI}body")
    if body is None:
        return []
    return [text for p in body.iter(f"{TEI}p") if (text := paragraph_text(p))]


def count(repo: Path) -> tuple[Raw, dict[str, int], str, int, int]:
    commit = git(repo, "rev-parse", "HEAD").decode().strip()
    names = [n for n in git(repo, "ls-tree", "--name-only", "HEAD", "level1/").decode().split() if n.endswith(".xml")]
    raw: Raw = {"W": Counter(), "C": Counter()}
    totals: Counter[str] = Counter()
    tokens_seen = 0
    for k, name in enumerate(sorted(names)):
        for text in paragraphs(git(repo, "show", f"HEAD:{name}")):
            tokens = tokenize(text)
            tokens_seen += len(tokens)
            starts = frozenset(
                [0] + [i + 1 for i, t in enumerate(tokens) if t.kind == "punct" and t.text in _SENTENCE_ENDS]
            )
            for occ in occurrences(tokens, starts):
                if tokens[occ.first].text == "A":
                    continue
                totals[occ.form] += 1
                for side, (word, cls) in occ.sides():
                    raw["W"][(side, occ.form, word)] += 1
                    raw["C"][(side, occ.form, cls)] += 1
        print(f"{k + 1}/{len(names)} {name} {tokens_seen} tokens", file=sys.stderr)
    return raw, dict(totals), commit, len(names), tokens_seen


def write(raw: Raw, totals: dict[str, int], commit: str, files: int, tokens: int, args: argparse.Namespace) -> None:
    side_word: Counter[tuple[str, str]] = Counter()
    for (side, _form, word), c in raw["W"].items():
        side_word[(side, word)] += c
    kept = {key for key, c in side_word.items() if c >= args.min_word}
    lines = [
        "# Neighbours of the homophone forms in the ELTeC French novel collection (public domain):",
        f"# https://github.com/COST-ELTeC/ELTeC-fra commit {commit}, {files} novels of level1/, {tokens} tokens.",
        "# Built by scripts/build_homophone_contexts.py"
        f" --min-word {args.min_word} --min-count {args.min_count}. Lines (tab-separated):",
        "# T form count | W side form word count | C side form class count",
    ]
    for form in sorted(totals):
        lines.append(f"T\t{form}\t{totals[form]}")
    for (side, form, cls), c in sorted(raw["C"].items()):
        lines.append(f"C\t{side}\t{form}\t{cls}\t{c}")
    for (side, form, word), c in sorted(raw["W"].items()):
        if (side, word) in kept and c >= args.min_count:
            lines.append(f"W\t{side}\t{form}\t{word}\t{c}")
    data = ("\n".join(lines) + "\n").encode("utf-8")
    args.out.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    print(f"{args.out}: {len(lines)} lines, {args.out.stat().st_size} bytes", file=sys.stderr)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("repo", type=Path, help="a clone (or bare git directory) of COST-ELTeC/ELTeC-fra")
    parser.add_argument("--min-word", type=int, default=30, help="keep a neighbour word seen this often on its side")
    parser.add_argument("--min-count", type=int, default=2, help="keep a (form, word) count from this many")
    parser.add_argument("--out", type=Path, default=OUT, help=f"the file to write (default {OUT.relative_to(ROOT)})")
    parser.add_argument("--raw", type=Path, help="a file keeping the full counts between runs (pickle)")
    args = parser.parse_args()
    if args.raw and args.raw.is_file():
        with args.raw.open("rb") as fh:
            raw, totals, commit, files, tokens = pickle.load(fh)
    else:
        raw, totals, commit, files, tokens = count(args.repo)
        if args.raw:
            with args.raw.open("wb") as fh:
                pickle.dump((raw, totals, commit, files, tokens), fh)
    assert set(totals) <= FORMS
    write(raw, totals, commit, files, tokens, args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
