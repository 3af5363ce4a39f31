"""Write the posts of Datactivist's site (open.datactivist.coop) that state a CC BY-SA licence as a fourteenth
development set (stop 48): articles, case studies and workshop guides on open data and public algorithms written by
a cooperative of consultants, the genre of the held-out blogs, none of it read before to write a rule; kept outside
this repository.

    .venv/bin/python bench/make_datactivist_dev.py \
        --datactivist-git <git dir of github.com/datactivist/opendatactivist> --out <dir>

Source: github.com/datactivist/opendatactivist at `COMMIT_USED`, the Markdown posts under `posts/docs/` whose front
matter says `license: ccbysa` (the site shows them with the CC BY-SA badge, « Vous pouvez partager et adapter ce
contenu librement, à condition de le créditer et de le partager sous une licence compatible »); the posts without
that field are left out. The pages stay outside this repository; only the judged spans (one to three words) and
their verdicts are kept. The conversion to Markdown is the held-out set's (`bench/make_heldout_corpus.py`: code
blocks, tables and HTML left out), after the site's product tags (`%%Products:…%%`) are dropped; a post under
`make_heldout_eig.MIN_WORDS` prose words, or one of whose paragraphs of 13 words or more opens like a paragraph of
`corpus/`, is left out. Each file is named after its path (`dtv-atelier-indicateurs-spaser.md`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from make_heldout_corpus import convert, git
from make_institutional_dev import Page, build_from_git

COMMIT_USED = "e894dcbf1e64df1eb46a4d2a2d4d60d76de4edac"
POSTS = "posts/docs/"
# `license: ccbysa` inside the front matter, closed by a `---` line; the file's content is read for it, so the posts
# are listed here rather than through make_institutional_dev.markdown_pages, which filters on paths. Six posts whose
# closing line is `--- ` (a trailing space) are left out, as they were when the set was judged (stop 48).
LICENSED = re.compile(r"\A---\n(?:(?!---\n).*\n)*?license:\s*ccbysa\s*\n(?:(?!---\n).*\n)*?---\n")
PRODUCT_TAG = re.compile(r"%%[^%\n]*%%")


def main() -> None:
    build_from_git(__doc__, "--datactivist-git", "github.com/datactivist/opendatactivist", pages)


def file_name(path: str) -> str:
    """« dtv-atelier-indicateurs-spaser.md » for `posts/docs/atelier-indicateurs-spaser.md`."""
    return "dtv-" + path.removeprefix(POSTS)


def pages(datactivist_git: str) -> Iterator[Page]:
    """Each post under CC BY-SA: its file name, the post without product tags converted with its nested lists, its
    path as fallback title."""
    for path in sorted(git(datactivist_git, "ls-tree", "-r", "--name-only", "-z", COMMIT_USED).split("\0")):
        if not (path.startswith(POSTS) and path.endswith(".md")):
            continue
        source = git(datactivist_git, "show", f"{COMMIT_USED}:{path}")
        if LICENSED.match(source):
            converted = convert(PRODUCT_TAG.sub("", source), keep_indentation=True)
            yield file_name(path), converted, path.removeprefix(POSTS).removesuffix(".md")


if __name__ == "__main__":
    main()
