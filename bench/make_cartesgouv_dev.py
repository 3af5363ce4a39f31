"""Write the help pages of cartes.gouv.fr (the IGN's Géoplateforme portal) as an eleventh development set (stop 44):
user, producer and developer guides and the partners' pages that present their data, written by the IGN's staff and
its partners, none of them read before to write a rule; kept outside this repository.

    .venv/bin/python bench/make_cartesgouv_dev.py \\
        --cartesgouv-git <git dir of github.com/IGNF/cartes.gouv.fr-documentation> --out <dir>

Source: github.com/IGNF/cartes.gouv.fr-documentation at `COMMIT_USED`, the Markdown pages under `content/fr/`.
Licence: its `README.md` (« Le dépôt est publié sous licence MIT pour le code et sous licence Etalab 2.0 pour les
autres contenus »; `LICENSES/LICENSE.Etalab-2.0.md`), the Licence Ouverte 2.0. The conversion to Markdown is the
held-out set's (`bench/make_heldout_corpus.py`: code blocks, tables and HTML left out), after the site's template
calls (`{{ component("table", …) }}`) are dropped as the eco-design mission's builder drops them; a page under
`make_heldout_eig.MIN_WORDS` prose words, or one of whose paragraphs of 13 words or more opens like a paragraph of
`corpus/`, is left out. Each file is named after its path (`cg-partenaires-ign-carte-compagne-decouvertes.md`).
"""

from __future__ import annotations

from collections.abc import Iterator

from make_institutional_dev import Page, build_from_git, markdown_pages
from make_numeco_dev import TEMPLATE_CALL  # the site's Nunjucks calls ({{ component("table", …) }}), not prose

COMMIT_USED = "da6a556ffe2bb7e021d64a546845dfe0e5cd7186"
PAGES = "content/fr/"


def main() -> None:
    build_from_git(__doc__, "--cartesgouv-git", "github.com/IGNF/cartes.gouv.fr-documentation", pages)


def is_page(path: str) -> bool:
    """A page of the help site: a Markdown file under `content/fr/`."""
    return path.startswith(PAGES) and path.endswith(".md")


def file_name(path: str) -> str:
    """« cg-partenaires-ign-carte-compagne-decouvertes.md » for its page's path."""
    return "cg-" + path.removeprefix(PAGES).removesuffix(".md").replace("/", "-") + ".md"


def pages(cartesgouv_git: str) -> Iterator[Page]:
    """Each page: its file name, the page without its template calls converted with its nested lists, its path as
    fallback title."""
    return markdown_pages(
        cartesgouv_git,
        COMMIT_USED,
        is_page,
        file_name,
        lambda path: path.removeprefix(PAGES).removesuffix(".md"),
        lambda source: TEMPLATE_CALL.sub("", source),
    )


if __name__ == "__main__":
    main()
