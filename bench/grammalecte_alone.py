"""The benchmark's peer: Grammalecte alone, doing what its own command line does on a file.

`grammalecte-cli.py -f FILE` (not shipped by Debian) reads the file, cuts it into paragraphs
(one per line, `grammalecte.text.getParagraph`) and prints, for each, the paragraph with its
grammar and spelling errors (`GrammarChecker.getParagraphWithErrors`, default options, no
suggestions). This script does the same with Debian's `python3-grammalecte`, for every file given:

    python bench/grammalecte_alone.py FILE...
"""

from __future__ import annotations

import sys

GRAMMALECTE_DIR = "/usr/lib/python3/dist-packages"


def main(paths: list[str]) -> int:
    if GRAMMALECTE_DIR not in sys.path:
        sys.path.append(GRAMMALECTE_DIR)  # at the end, as checker does: Debian's packages never shadow the venv's
    import grammalecte  # type: ignore[import-not-found]
    import grammalecte.text as txt  # type: ignore[import-not-found]

    checker = grammalecte.GrammarChecker("fr")
    out = []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        for paragraph in txt.getParagraph(text):
            shown, _ = checker.getParagraphWithErrors(paragraph, bEmptyIfNoErrors=True, bSpellSugg=False)
            if shown:
                out.append(shown)
    sys.stdout.write("\n".join(out) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
