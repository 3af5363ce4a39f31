"""Write the CNIL's GDPR guide for developers as a fifth development set (stop 38): one page per sheet of the
guide, written by the CNIL's staff, none of them read before to write a rule; kept outside this repository.

    .venv/bin/python bench/make_cnil_dev.py --cnil-git <git dir of github.com/LINCnil/Guide-RGPD-du-developpeur> \\
        --out <dir>

Source: github.com/LINCnil/Guide-RGPD-du-developpeur at `COMMIT_USED`, the numbered sheets (`NN-<title>.md`) at
the top of the tree. Licence: the guide is published under GPLv3 and under the Licence Ouverte 2.0 (its
`README.md`, « Ce guide est publié sous licence GPLv3 et sous licence ouverte 2.0 »); this project reuses it under
the Licence Ouverte 2.0, naming the CNIL. The conversion to Markdown is the held-out set's
(`bench/make_heldout_corpus.py`: tables, code and HTML left out), keeping the nested lists' indentation; a sheet
under `make_heldout_eig.MIN_WORDS` prose words, or one of whose paragraphs of 13 words or more opens like a paragraph
of `corpus/`, is left out. Each file is named after its sheet (`cnil-04-gerer-son-code-source.md`). The judged
findings of the grammar rules on by default are `bench/judgements/cnil-dev-grammar.tsv` (`bench/precision.py
--cnil-dev <dir>`).
"""

from __future__ import annotations

import argparse
import re
import unicodedata
from pathlib import Path

import make_heldout_corpus  # bench/, the held-out set's first builder (Etalab guides)
from make_heldout_corpus import git
from make_institutional_dev import corpora_text, write_new_page

COMMIT_USED = "c132de41486e54fc5da056ace55a9b9c8d1b68c4"
SHEET = re.compile(r"(\d\d)-(.+)\.md")


def file_name(number: str, title: str) -> str:
    """« cnil-04-gerer-son-code-source.md » for sheet 04, « Gérer son code source »: ASCII, lower case."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    return f"cnil-{number}-" + re.sub(r"[^a-z0-9]+", "-", ascii_title).strip("-") + ".md"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--cnil-git", required=True, help="git dir of github.com/LINCnil/Guide-RGPD-du-developpeur")
    parser.add_argument("--out", required=True, type=Path, help="where the pages go (outside the repository)")
    args = parser.parse_args()
    corpora = corpora_text()
    args.out.mkdir(parents=True, exist_ok=True)
    count = words = 0
    for path in sorted(git(args.cnil_git, "ls-tree", "--name-only", "-z", COMMIT_USED).split("\0")):
        match = SHEET.fullmatch(path)
        if match is None:
            continue
        source = git(args.cnil_git, "show", f"{COMMIT_USED}:{path}")
        converted = make_heldout_corpus.convert(source, keep_indentation=True)  # its nested lists
        size = write_new_page(args.out, file_name(match.group(1), match.group(2)), converted, match.group(2), corpora)
        count += size > 0
        words += size
    print(f"{count} pages, {words} words")


if __name__ == "__main__":
    main()
