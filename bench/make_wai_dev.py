"""Write the French translations of the W3C Web Accessibility Initiative's pages as a thirteenth development set
(stop 46): its fundamentals, design and development guides, tips and video pages, translated into French by
volunteers and reviewed, none of them read before to write a rule; kept outside this repository.

    .venv/bin/python bench/make_wai_dev.py --wai-git <git dir of github.com/w3c/wai-website> --out <dir>

Source: github.com/w3c/wai-website at `COMMIT_USED`, its `*.fr.md` pages. Licence: its `LICENSE.md` points to
« Using WAI Material: Permission to Use with Attribution » (WAI material may be used with its source credited, as
here). The pages stay outside this repository; only the judged spans and their verdicts are kept. The conversion to
Markdown is the held-out set's (`bench/make_heldout_corpus.py`: code blocks, tables and HTML left out), after the
site's Liquid tags (`{% include … %}`, `{{ … }}`) and kramdown's attribute lists (`{:.class}`, `{::nomarkdown}`) are
dropped; a page under `make_heldout_eig.MIN_WORDS` prose words, or one of whose paragraphs of 13 words or more opens
like a paragraph of `corpus/`, is left out. Each file is named after its path (`wai-collections-tips-writing.md`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from make_institutional_dev import Page, build_from_git, markdown_pages

COMMIT_USED = "0d8991232a2ab20e80cc706533923ddf1d1dcf62"
# The site's markup, not prose: Liquid tags and outputs, kramdown's attribute lists and extensions.
LIQUID_OR_KRAMDOWN = re.compile(r"\{%.*?%\}|\{\{.*?\}\}|\{::?[^}]*\}", re.S)


def main() -> None:
    build_from_git(__doc__, "--wai-git", "github.com/w3c/wai-website", pages)


def is_page(path: str) -> bool:
    """A French page of the site: a file ending in `.fr.md`."""
    return path.endswith(".fr.md")


def file_name(path: str) -> str:
    """« wai-collections-tips-writing.md » for `collections/_tips/writing.fr.md`."""
    return "wai-" + path.removesuffix(".fr.md").replace("/_", "/").replace("/", "-").lower() + ".md"


def pages(wai_git: str) -> Iterator[Page]:
    """Each page: its file name, the page without Liquid and kramdown markup converted with its nested lists, its path
    as fallback title."""
    return markdown_pages(
        wai_git,
        COMMIT_USED,
        is_page,
        file_name,
        lambda path: path.removesuffix(".fr.md"),
        lambda source: LIQUID_OR_KRAMDOWN.sub("", source),
    )


if __name__ == "__main__":
    main()
