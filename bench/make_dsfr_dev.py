"""Write the documentation pages of the État's design system (DSFR, systeme-de-design.gouv.fr) as a seventh
development set (stop 39): each component's, layout's and core element's presentation and accessibility pages,
written by the DINUM's designers, none of them read before to write a rule; kept outside this repository.

    .venv/bin/python bench/make_dsfr_dev.py --dsfr-git <git dir of github.com/GouvernementFR/dsfr> --out <dir>

Source: github.com/GouvernementFR/dsfr at `COMMIT_USED`, the pages `src/dsfr/**/_part/doc/index.md` (presentation and
editorial rules) and `…/doc/accessibility/index.md`; the code, demo and design tabs are left out (markup, code
samples, visual specifications). Licence: its `LICENSE.md`, « Le contenu de ce dépôt est placé sous licence MIT
License, à l'exception de la fonte Marianne ». The documentation's directives (« :::dsfr-doc-guideline[✅ À faire] »,
« ::dsfr-doc-storybook{…} ») are removed, their text kept. The conversion to Markdown is the held-out set's
(`bench/make_heldout_corpus.py`: tables, code and HTML left out), keeping the nested lists' indentation; a page under
`make_heldout_eig.MIN_WORDS` prose words, or one of whose paragraphs of 13 words or more opens like a paragraph of
`corpus/`, is left out. Each file is named after its path (`dsfr-component-alert.md`,
`dsfr-component-alert-accessibility.md`). The judged findings of the grammar rules on by default are
`bench/judgements/dsfr-dev-grammar.tsv` (`bench/precision.py --dsfr-dev <dir>`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import make_heldout_corpus  # bench/, the held-out set's first builder (Etalab guides)
from make_heldout_corpus import git
from make_institutional_dev import Page, build_from_git

COMMIT_USED = "ba0cad261379ea4919dfc2f9d7cb22ac5d97b0a7"
DOC_PAGE = re.compile(r"src/dsfr/(.+)/_part/doc/(?:(accessibility)/)?index\.md")
# A directive's line (« :::dsfr-doc-tab-navigation », « ::dsfr-doc-storybook{storyId=alert--alert} », « ::: »).
DIRECTIVE_LINE = re.compile(r"^[ \t]*:{2,}.*\n?", re.M)


def file_name(path: str) -> str | None:
    """« dsfr-component-alert.md » for « src/dsfr/component/alert/_part/doc/index.md », « …-accessibility.md » for
    its accessibility tab; None for another file."""
    match = DOC_PAGE.fullmatch(path)
    if match is None:
        return None
    parts = [*match.group(1).split("/"), *([match.group(2)] if match.group(2) else [])]
    return "dsfr-" + "-".join(re.sub(r"[^a-z0-9]+", "-", part.lower()).strip("-") for part in parts) + ".md"


def main() -> None:
    build_from_git(__doc__, "--dsfr-git", "github.com/GouvernementFR/dsfr", pages)


def pages(dsfr_git: str) -> Iterator[Page]:
    """Each presentation and accessibility page: its file name, the page without its directives converted with its
    nested lists, its folder as fallback title."""
    for path in sorted(git(dsfr_git, "ls-tree", "-r", "--name-only", "-z", COMMIT_USED).split("\0")):
        name = file_name(path)
        if name is not None:
            source = DIRECTIVE_LINE.sub("", git(dsfr_git, "show", f"{COMMIT_USED}:{path}"))
            yield name, make_heldout_corpus.convert(source, keep_indentation=True), path.split("/_part/")[0]


if __name__ == "__main__":
    main()
