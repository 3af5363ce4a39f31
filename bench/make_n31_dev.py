"""Write the posts of n31.fr, a personal French blog on politics and society, as a fifteenth development set
(stop 48): essays and threads of one author who is not a journalist, none of them read before to write a rule; kept
outside this repository.

    .venv/bin/python bench/make_n31_dev.py --n31-git <git dir of github.com/n-31/blog> --out <dir>

Source: github.com/n-31/blog at `COMMIT_USED`, the Markdown posts under `posts/`. Licence: the repository's
`LICENSE`, MIT (« Copyright (c) 2022 n31.fr »), which covers the posts kept in it. The pages stay outside this
repository; only the judged spans and their verdicts are kept. The conversion to Markdown is the held-out set's
(`bench/make_heldout_corpus.py`: code blocks, tables and HTML left out); a post under `make_heldout_eig.MIN_WORDS`
prose words, or one of whose paragraphs of 13 words or more opens like a paragraph of `corpus/`, is left out. Each
file is named after its path (`n31-20221106-depolariser-00-intro.md`).
"""

from __future__ import annotations

from collections.abc import Iterator

from make_institutional_dev import Page, build_from_git, markdown_pages

COMMIT_USED = "6778846360b20dadc9aaeecb1c8e595ac79919c8"
POSTS = "posts/"


def main() -> None:
    build_from_git(__doc__, "--n31-git", "github.com/n-31/blog", pages)


def is_post(path: str) -> bool:
    """A post of the blog: a Markdown file under `posts/`."""
    return path.startswith(POSTS) and path.endswith(".md")


def file_name(path: str) -> str:
    """« n31-20221106-depolariser-00-intro.md » for `posts/20221106-depolariser-00-intro.md`."""
    return "n31-" + path.removeprefix(POSTS)


def pages(n31_git: str) -> Iterator[Page]:
    """Each post: its file name, the post converted with its nested lists, its path as fallback title."""
    return markdown_pages(
        n31_git, COMMIT_USED, is_post, file_name, lambda path: path.removeprefix(POSTS).removesuffix(".md")
    )


if __name__ == "__main__":
    main()
