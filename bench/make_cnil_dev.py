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

import re
import unicodedata
from collections.abc import Iterator

import make_heldout_corpus  # bench/, the held-out set's first builder (Etalab guides)
from make_heldout_corpus import git
from make_institutional_dev import Page, build_from_git

COMMIT_USED = "c132de41486e54fc5da056ace55a9b9c8d1b68c4"
SHEET = re.compile(r"(\d\d)-(.+)\.md")


def file_name(number: str, title: str) -> str:
    """« cnil-04-gerer-son-code-source.md » for sheet 04, « Gérer son code source »: ASCII, lower case."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    return f"cnil-{number}-" + re.sub(r"[^a-z0-9]+", "-", ascii_title).strip("-") + ".md"


def main() -> None:
    build_from_git(__doc__, "--cnil-git", "github.com/LINCnil/Guide-RGPD-du-developpeur", sheets)


def sheets(cnil_git: str) -> Iterator[Page]:
    """Each numbered sheet: its file name, the sheet converted with its nested lists, its title as fallback."""
    for path in sorted(git(cnil_git, "ls-tree", "--name-only", "-z", COMMIT_USED).split("\0")):
        match = SHEET.fullmatch(path)
        if match is not None:
            source = git(cnil_git, "show", f"{COMMIT_USED}:{path}")
            converted = make_heldout_corpus.convert(source, keep_indentation=True)
            yield file_name(match.group(1), match.group(2)), converted, match.group(2)


if __name__ == "__main__":
    main()
