"""Write the French pages of api.gouv.fr (the State's catalogue of public APIs, run by DINUM) as a ninth development set
(stop 41): its use-case guides and the presentation pages of its APIs, written by the catalogue's team and the APIs'
producers for the civil servants, local authorities and companies that use them, none of them read before to write a
rule; kept outside this repository.

    .venv/bin/python bench/make_apigouv_dev.py --git <git dir of github.com/betagouv/api.gouv.fr> --out <dir>

Source: `betagouv/api.gouv.fr` at `COMMIT` (7 January 2026), GNU AGPL 3.0 (its `LICENSE`, which covers the repository,
the pages' text included: none of it beyond a few words is kept in this MIT repository, see `corpus/README.md`); the
pages are `_data/guides/*.md` and `_data/api/*.md`. Left out: the producers' and services' short cards
(`_data/producteurs/`, `_data/service/`: a line or two each). The conversion to Markdown is the held-out set's
(`bench/make_heldout_corpus.py`: front matter, tables, code and HTML tags left out, the summaries' text kept), keeping
the nested lists' indentation; a page under `make_heldout_eig.MIN_WORDS` prose words, or one of whose paragraphs of 13
words or more opens like a paragraph of `corpus/`, is left out. Each file is named after its folder and file
(`apigouv-guide-api-energie.md`, `apigouv-api-api-calendrier-scolaire.md`). The judged findings of the grammar rules on
by default are `bench/judgements/apigouv-dev-grammar.tsv` (`bench/precision.py --apigouv-dev <dir>`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import make_heldout_corpus  # bench/, the held-out set's first builder (Etalab guides)
from make_heldout_corpus import git
from make_institutional_dev import Page, build_from_git

COMMIT = "58a95fa545c6d8df030d7d0b9ddf8f29425d53e5"
FOLDERS = {"_data/guides/": "guide", "_data/api/": "api"}


def file_name(prefix: str, path: str) -> str:
    """« apigouv-guide-api-energie.md » for « _data/guides/api-energie.md »: lower case, ASCII letters and digits."""
    stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return f"apigouv-{prefix}-" + re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") + ".md"


def pages_of(git_dir: str, commit: str = COMMIT) -> Iterator[Page]:
    """Each Markdown page directly in one of `FOLDERS` at `commit`, converted."""
    for path in sorted(git(git_dir, "ls-tree", "-r", "--name-only", "-z", commit).split("\0")):
        folder = path.rsplit("/", 1)[0] + "/"
        if folder in FOLDERS and path.endswith(".md"):
            converted = make_heldout_corpus.convert(git(git_dir, "show", f"{commit}:{path}"), keep_indentation=True)
            yield file_name(FOLDERS[folder], path), converted, path.rsplit("/", 1)[-1].rsplit(".", 1)[0]


def main() -> None:
    build_from_git(__doc__, "--git", "github.com/betagouv/api.gouv.fr", pages_of)


if __name__ == "__main__":
    main()
