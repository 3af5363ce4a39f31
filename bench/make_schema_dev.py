"""Write the presentation pages of schema.data.gouv.fr as a third development set (stop 37): the `README.md` of
the latest version of each data schema, written by the many public bodies that publish one (ministries, agencies,
local authorities, associations), none of them read before to write a rule; kept outside this repository.

    .venv/bin/python bench/make_schema_dev.py --schema-git <git dir of github.com/datagouv/schema.data.gouv.fr> \\
        --out <dir>

Source: github.com/datagouv/schema.data.gouv.fr at `COMMIT_USED` (MIT licence, « Copyright (c) 2019 DINSIC/Etalab »,
LICENSE.md), files `site/<producer>/<schema>/latest/README.md`. The same conversion to Markdown as the held-out
set (`bench/make_heldout_corpus.py`: tables, code and HTML left out), the site's Vue components (`<MenuSchema />`)
too; pages under `make_heldout_eig.MIN_WORDS` prose words, or not in French, are left out, and so is a page one of
whose paragraphs of 13 words or more opens like a paragraph of `corpus/`. Each file is named after its producer and
schema (`schema-139bercy-format-commande-publique.md`). The judged findings of the grammar rules on by default are
`bench/judgements/schema-dev-grammar.tsv` (`bench/precision.py --schema-dev <dir>`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import make_heldout_corpus  # bench/, the held-out set's first builder (Etalab guides)
from make_heldout_corpus import git
from make_institutional_dev import Page, build_from_git

COMMIT_USED = "0bd884a05d7c64c4143307b22c5e09f2612e3389"  # 2026-08-22
PAGE = re.compile(r"site/([^/]+)/([^/]+)/latest/README\.md")


def main() -> None:
    build_from_git(__doc__, "--schema-git", "github.com/datagouv/schema.data.gouv.fr", pages)


def pages(schema_git: str) -> Iterator[Page]:
    """Each schema's presentation page: its file name, the page converted, its schema's name as fallback title."""
    for path in sorted(git(schema_git, "ls-tree", "-r", "--name-only", COMMIT_USED, "site").splitlines()):
        match = PAGE.fullmatch(path)
        if match is not None:
            name = "schema-" + re.sub(r"[^a-z0-9-]+", "-", f"{match.group(1)}-{match.group(2)}".lower()).strip("-")
            converted = make_heldout_corpus.convert(git(schema_git, "show", f"{COMMIT_USED}:{path}"))
            yield name + ".md", converted, match.group(2)


if __name__ == "__main__":
    main()
