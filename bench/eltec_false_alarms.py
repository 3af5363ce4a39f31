"""Lint the paragraphs of the ELTeC French novels with some rules: edited, published French, so nearly every
finding is a false alarm (a few are transcription errors), a source of shapes a rule misreads (stop 30).

    .venv/bin/python bench/eltec_false_alarms.py --eltec-git /work/.mirror/COST-ELTeC+ELTeC-fra/repo \\
        --rules grammar.homophone-son,grammar.homophone-mes [--novels 100] [--first 0] > findings.tsv

The collection (public domain; the same as `scripts/build_homophone_contexts.py` reads) is read from a clone's
HEAD with `git show`. Each `<p>` of a novel's body is linted alone as plain text with the rules given (`--rules`,
rule ids or families; a rule off by default runs when named). Prints one line per finding: novel, rule id,
pattern name (token rules), the text around it with the flagged span in [[…]]; and, on standard error, the
paragraphs, words and seconds. Counting the lines per rule before and after a change says what it removed.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, ROOT / "scripts"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from build_homophone_contexts import git, paragraphs  # noqa: E402

from checker.config import Config  # noqa: E402
from checker.lint import lint_text  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eltec-git", required=True, type=Path, help="git dir of github.com/COST-ELTeC/ELTeC-fra")
    parser.add_argument("--rules", required=True, help="comma-separated rule ids or families")
    parser.add_argument("--novels", type=int, default=100, help="how many novels (in file name order)")
    parser.add_argument("--first", type=int, default=0, help="the first novel's position")
    args = parser.parse_args()
    listing = git(args.eltec_git, "ls-tree", "--name-only", "HEAD", "level1/").decode()
    names = sorted(n for n in listing.split() if n.endswith(".xml"))
    config = Config(select=tuple(args.rules.split(",")))
    started, count, words = time.perf_counter(), 0, 0
    for name in names[args.first : args.first + args.novels]:
        for text in paragraphs(git(args.eltec_git, "show", f"HEAD:{name}")):
            count += 1
            words += len(text.split())
            for f in lint_text(text, config, path="paragraph.txt", fmt="text").findings:
                around = f"{text[max(0, f.start - 100) : f.start]}[[{text[f.start : f.end]}]]{text[f.end : f.end + 70]}"
                print(name.rsplit("/", 1)[-1], f.rule_id, (f.data or {}).get("pattern", ""), around, sep="\t")
    print(f"{count} paragraphs, {words} words, {time.perf_counter() - started:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
