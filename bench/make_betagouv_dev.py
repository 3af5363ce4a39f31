"""Write a sample of the product pages of beta.gouv.fr, the State's start-up incubator, as a sixteenth development set
(stop 49): each page written by the team of one public service (its context, problem, solution and impact), many
writers, none of them read before to write a rule; kept outside this repository.

    .venv/bin/python bench/make_betagouv_dev.py --betagouv-git <git dir of github.com/betagouv/beta.gouv.fr> --out <dir>

Source: github.com/betagouv/beta.gouv.fr at `COMMIT_USED`, the Markdown pages under `content/_startups/`. Licence: the
repository's `LICENSE.CCBYNCSA.txt`, Creative Commons Attribution-NonCommercial-ShareAlike 4.0: the pages are used
here to measure the linter, not sold or published; they stay outside this repository and only the judged spans and
their verdicts are kept, with this attribution. Three pages in `SAMPLE_EVERY` are taken, chosen by a hash of its path so
that the sample does not depend on the order of the pages (the first share, `SAMPLED[0]`, judged as found with the
rules of stop 48; the second with the first filters written from it; the third with the rules of commit 118ff32, then
used to write four more filters); the conversion and the filters are the other sets'
(`bench/make_institutional_dev.py`: pages under `make_heldout_eig.MIN_WORDS` prose words, or repeating `corpus/`, are
left out). Each file is named after its page (`betagouv-aquapreneur.md`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from make_institutional_dev import Page, build_from_git, markdown_pages

COMMIT_USED = "693fb7c4d86300526fdf743fd43a586d71adb242"
STARTUPS = "content/_startups/"
SAMPLE_EVERY = 12
SAMPLED = (0, 1, 2)


def main() -> None:
    build_from_git(__doc__, "--betagouv-git", "github.com/betagouv/beta.gouv.fr", pages)


def is_sampled_page(path: str) -> bool:
    """A product page under `content/_startups/` whose path's hash falls in the sample (`SAMPLED` of `SAMPLE_EVERY`)."""
    if not (path.startswith(STARTUPS) and path.endswith(".md")):
        return False
    return int(hashlib.sha256(path.encode()).hexdigest(), 16) % SAMPLE_EVERY in SAMPLED


def file_name(path: str) -> str:
    """« betagouv-aquapreneur.md » for `content/_startups/aquapreneur.md`."""
    return "betagouv-" + path.removeprefix(STARTUPS)


def pages(betagouv_git: str) -> Iterator[Page]:
    """Each sampled page: its file name, the page converted with its nested lists, its path as fallback title."""
    return markdown_pages(
        betagouv_git,
        COMMIT_USED,
        is_sampled_page,
        file_name,
        lambda path: path.removeprefix(STARTUPS).removesuffix(".md"),
    )


if __name__ == "__main__":
    main()
