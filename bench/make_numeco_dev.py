"""Write the pages of the DINUM's mission for eco-responsible digital services (MiNumEco,
ecoresponsable.numerique.gouv.fr) as a sixth development set (stop 39): news, newsletters, training pages and the
mission's guides, written by its staff and partners, none of them read before to write a rule; kept outside this
repository.

    .venv/bin/python bench/make_numeco_dev.py --numeco-git <git dir of github.com/DISIC/MiNumEco> --out <dir>

Source: github.com/DISIC/MiNumEco at `COMMIT_USED`, the Markdown pages under `content/`. Licence: its `README.md`,
« Licence »: « Les contenus humainement lisibles sont placés sous licence Ouverte 2.0 » (the code is MIT). Left
out (`is_written_page`): the podcast and video folders and the whole of `content/publications/` (`SPOKEN`: mostly
transcripts of spoken words, with their series' index pages and a list of resources), the bibliography, the reference
framework's change log and the folders the site does not publish (`_vieux`); the Nunjucks calls (« {{
component("card", {…}) }} ») are removed. The conversion to Markdown is the held-out set's
(`bench/make_heldout_corpus.py`: tables, code and HTML left out), keeping the nested lists' indentation; a page under
`make_heldout_eig.MIN_WORDS` prose words, or one of whose paragraphs of 13 words or more opens like a paragraph of
`corpus/`, is left out. Each file is named after its path (`numeco-actualites-posts-actus-fiche-ha-ia.md`). The
judged findings of the grammar rules on by default are `bench/judgements/numeco-dev-grammar.tsv`
(`bench/precision.py --numeco-dev <dir>`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from make_institutional_dev import Page, build_from_git, markdown_pages

COMMIT_USED = "6a64404c8cb30ad6750dbe388baf37e15137b193"
SPOKEN = ("content/actualites/posts/podcasts/", "content/actualites/posts/videos/", "content/publications/")
NOT_PROSE = ("bibliographie.md", "journal-des-modifications.md")
TEMPLATE_CALL = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)


def is_written_page(path: str) -> bool:
    """A published page of written prose: under `content/`, not a transcript, a list of references or a change log,
    not in a folder whose name starts with « _ » (unpublished)."""
    return (
        path.startswith("content/")
        and path.endswith(".md")
        and not path.startswith(SPOKEN)
        and path.rsplit("/", 1)[-1] not in NOT_PROSE
        and "/_" not in path
    )


def file_name(path: str) -> str:
    """« numeco-actualites-posts-actus-x.md » for « content/actualites/posts/actus/x.md »: ASCII, lower case."""
    stem = path.removeprefix("content/").removesuffix(".md").removesuffix("/index")
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode().lower()
    return "numeco-" + re.sub(r"[^a-z0-9]+", "-", ascii_stem).strip("-") + ".md"


def main() -> None:
    build_from_git(__doc__, "--numeco-git", "github.com/DISIC/MiNumEco", pages)


def pages(numeco_git: str) -> Iterator[Page]:
    """Each written page: its file name, the page without its template calls converted with its nested lists, the
    last part of its path as fallback title."""
    return markdown_pages(
        numeco_git,
        COMMIT_USED,
        is_written_page,
        file_name,
        lambda path: path.rsplit("/", 1)[-1].removesuffix(".md"),
        lambda source: TEMPLATE_CALL.sub("", source),
    )


if __name__ == "__main__":
    main()
