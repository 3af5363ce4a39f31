"""Write the documentation site of the social ministries' digital department as a twelfth development set (stop 46):
the product, design, development and security guides that the staff of the Direction du numérique des ministères
sociaux (sous-direction des produits et communs numériques) write for their teams, none of them read before to write
a rule; kept outside this repository.

    .venv/bin/python bench/make_socialgouv_dev.py \\
        --socialgouv-git <git dir of github.com/DNUM-SocialGouv/documentation> --out <dir>

Source: github.com/DNUM-SocialGouv/documentation at `COMMIT_USED`, its Markdown pages (a GitBook site).
Licence: the repository carries no licence file; its pages are public information that an administration publishes
(« Ce document est public », its `README.md`), which anyone may reuse by the Code des relations entre le public et
l'administration (articles L321-1 and L322-1: citing the administration, its source and the date, as here). The pages
stay outside this repository; only the judged spans and their verdicts are kept. The conversion to Markdown is the
held-out set's (`bench/make_heldout_corpus.py`: code blocks, tables and HTML left out), after GitBook's tags
(`{% hint style="info" %}`, `{% endhint %}`) are dropped; the repository's own README files of `.github/` and
`.gitbook/includes/` and the site's `SUMMARY.md` (a table of contents) are left out, as is a page under
`make_heldout_eig.MIN_WORDS` prose words or one of whose paragraphs of 13 words or more opens like a paragraph of
`corpus/`. Each file is named after its path (`sg-concevoir-api-api-design.md`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from make_institutional_dev import Page, build_from_git, markdown_pages

COMMIT_USED = "d2ea7a308af01f5b33134183222bf981189e8fff"
GITBOOK_TAG = re.compile(r"\{%.*?%\}", re.S)  # {% hint style="info" %} … {% endhint %}: the site's markup, not prose


def main() -> None:
    build_from_git(__doc__, "--socialgouv-git", "github.com/DNUM-SocialGouv/documentation", pages)


def is_page(path: str) -> bool:
    """A page of the site: a Markdown file outside the `.github/` and `.gitbook/` folders, not its table of contents."""
    return path.endswith(".md") and not path.startswith(".") and path != "SUMMARY.md"


def file_name(path: str) -> str:
    """« sg-concevoir-api-api-design.md » for its page's path."""
    return "sg-" + path.removesuffix(".md").replace("/", "-").lower() + ".md"


def pages(socialgouv_git: str) -> Iterator[Page]:
    """Each page: its file name, the page without GitBook's tags converted with its nested lists, its path as
    fallback title."""
    return markdown_pages(
        socialgouv_git,
        COMMIT_USED,
        is_page,
        file_name,
        lambda path: path.removesuffix(".md"),
        lambda source: GITBOOK_TAG.sub("", source),
    )


if __name__ == "__main__":
    main()
