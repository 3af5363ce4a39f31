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

import argparse
import re
from pathlib import Path

import make_heldout_corpus  # bench/, the held-out set's first builder (Etalab guides)
from make_heldout_corpus import git
from make_institutional_dev import corpora_text, write_new_page

COMMIT_USED = "0bd884a05d7c64c4143307b22c5e09f2612e3389"  # 2026-08-22
PAGE = re.compile(r"site/([^/]+)/([^/]+)/latest/README\.md")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--schema-git", required=True, help="git dir of github.com/datagouv/schema.data.gouv.fr")
    parser.add_argument("--out", required=True, type=Path, help="where the pages go (outside the repository)")
    args = parser.parse_args()
    corpora = corpora_text()
    args.out.mkdir(parents=True, exist_ok=True)
    count = words = 0
    for path in sorted(git(args.schema_git, "ls-tree", "-r", "--name-only", COMMIT_USED, "site").splitlines()):
        match = PAGE.fullmatch(path)
        if match is None:
            continue
        name = "schema-" + re.sub(r"[^a-z0-9-]+", "-", f"{match.group(1)}-{match.group(2)}".lower()).strip("-") + ".md"
        converted = make_heldout_corpus.convert(git(args.schema_git, "show", f"{COMMIT_USED}:{path}"))
        size = write_new_page(args.out, name, converted, match.group(2), corpora)
        count += size > 0
        words += size
    print(f"{count} pages, {words} words")


if __name__ == "__main__":
    main()
