"""Write the articles of « Putain de code ! » (putaindecode.io), a French community blog on web development whose
articles are proposed by their authors and published after a review, as a tenth development set (stop 43): informal
prose that speaks to the reader (« tu »), none of it read before to write a rule; kept outside this repository.

    .venv/bin/python bench/make_putaindecode_dev.py \
        --putaindecode-git <git dir of github.com/putaindecode/putaindecode.io> --out <dir>

Source: github.com/putaindecode/putaindecode.io at `COMMIT_USED`, the Markdown articles under `contents/articles/`
(the podcasts' show notes left out: lists of links). Licence: the repository's `LICENSE`, MIT (« Copyright (c) 2014
Putain de code ! »), which covers the articles kept in it. The conversion to Markdown is the held-out set's
(`bench/make_heldout_corpus.py`: code blocks, tables and HTML left out), keeping the nested lists' indentation; an
article under `make_heldout_eig.MIN_WORDS` prose words, or one of whose paragraphs of 13 words or more opens like a
paragraph of `corpus/`, is left out. Each file is named after its path (`pdc-2013-12-26-responsive-webdesign-et-
structure-du-dom.md`).
"""

from __future__ import annotations

from collections.abc import Iterator

from make_institutional_dev import Page, build_from_git, markdown_pages

COMMIT_USED = "41904fd625db4bba04fa57a82b75d3b579866309"
ARTICLES = "contents/articles/"


def main() -> None:
    build_from_git(__doc__, "--putaindecode-git", "github.com/putaindecode/putaindecode.io", pages)


def is_article(path: str) -> bool:
    """An article of the blog: a Markdown file under `contents/articles/` (not a podcast's show notes)."""
    return path.startswith(ARTICLES) and path.endswith(".md")


def file_name(path: str) -> str:
    """« pdc-2013-12-26-responsive-webdesign-et-structure-du-dom.md » for its article's path."""
    return "pdc-" + path.removeprefix(ARTICLES)


def pages(putaindecode_git: str) -> Iterator[Page]:
    """Each article: its file name, the article converted with its nested lists, its file name as fallback title."""
    return markdown_pages(
        putaindecode_git,
        COMMIT_USED,
        is_article,
        file_name,
        lambda path: path.removeprefix(ARTICLES).removesuffix(".md"),
    )


if __name__ == "__main__":
    main()
