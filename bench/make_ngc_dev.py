"""Write the French pages of Nos Gestes Climat (nosgestesclimat.fr, the ADEME's carbon footprint calculator) as an
eighth development set (stop 40): the blog's posts, the release notes (« Nouveautés », one per version, named after a
glacier), the group mode's guides and the site's pages, written by its team for the general public, none of them read
before to write a rule; kept outside this repository.

    .venv/bin/python bench/make_ngc_dev.py --site-git <git dir of github.com/incubateur-ademe/nosgestesclimat-site> \
        --next-git <git dir of github.com/incubateur-ademe/nosgestesclimat-site-nextjs> --out <dir>

Sources, both MIT (their `LICENSE`, « Copyright (c) 2022 Nosgestesclimat » and « (c) 2024 Nos Gestes Climat »; their
`README.md` ask to cite the project and keep its brand): the first site at `SITE_COMMIT`, its blog
(`source/locales/blog/fr/`; the second site's repository holds no blog post); the second at `NEXT_COMMIT`,
`src/locales/nouveautes/fr/`, `src/locales/guide-mode-groupe/fr/` and `src/locales/pages/fr/` (the terms of use among
them). Left out: the privacy policy and the footprint database's legal notice (long legal text, the CNIL guide's genre,
in other folders) and the first site's pages, which the second repeats. The MDX markup is removed: import and export
lines, component tags (« <Trans> », « <Image … /> ») whose text is kept, « {…} » expressions. The conversion to Markdown
is the held-out set's (`bench/make_heldout_corpus.py`: tables, code and HTML left out), keeping the nested lists'
indentation; a page under `make_heldout_eig.MIN_WORDS` prose words, or one of whose paragraphs of 13 words or more opens
like a paragraph of `corpus/`, is left out. Each file is named after its folder and file (`ngc-blog-budget.md`,
`ngc-nouveautes-aletsch.md`). The judged findings of the grammar rules on by default are
`bench/judgements/ngc-dev-grammar.tsv` (`bench/precision.py --ngc-dev <dir>`).
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from pathlib import Path

import make_heldout_corpus  # bench/, the held-out set's first builder (Etalab guides)
from make_heldout_corpus import git
from make_institutional_dev import Page, write_new_pages

SITE_COMMIT = "4dc6f727d8ec9b25871c8db6b26e1f131747fcae"
NEXT_COMMIT = "e76c993ef6d7ce4ac02cf12c1c56751a6f477785"
SITE_FOLDERS = {"source/locales/blog/fr/": "blog"}
NEXT_FOLDERS = {
    "src/locales/nouveautes/fr/": "nouveautes",
    "src/locales/guide-mode-groupe/fr/": "guide",
    "src/locales/pages/fr/": "page",
}
# An MDX component's tag on its own or around text (« <Trans>…</Trans> », « <Image src=… /> »), an expression
# (« {t('…')} »), an import or export line: markup, not prose.
MDX_MARKUP = re.compile(r"^(?:import|export) .*$|</?[A-Z][A-Za-z.]*(?:\s[^<>]*)?/?>|\{[^{}\n]*\}", re.M)


def file_name(prefix: str, path: str) -> str:
    """« ngc-blog-budget.md » for « …/blog/fr/budget.md »: lower case, ASCII letters and digits."""
    stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return f"ngc-{prefix}-" + re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") + ".md"


def pages_of(git_dir: str, commit: str, folders: dict[str, str]) -> Iterator[Page]:
    """Each Markdown or MDX page directly in one of `folders` at `commit`, without its MDX markup, converted."""
    for path in sorted(git(git_dir, "ls-tree", "-r", "--name-only", "-z", commit).split("\0")):
        folder = path.rsplit("/", 1)[0] + "/"
        if folder in folders and path.endswith((".md", ".mdx")):
            source = MDX_MARKUP.sub("", git(git_dir, "show", f"{commit}:{path}"))
            converted = make_heldout_corpus.convert(source, keep_indentation=True)
            yield file_name(folders[folder], path), converted, path.rsplit("/", 1)[-1].rsplit(".", 1)[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--site-git", required=True, help="git dir of github.com/incubateur-ademe/nosgestesclimat-site")
    parser.add_argument(
        "--next-git", required=True, help="git dir of github.com/incubateur-ademe/nosgestesclimat-site-nextjs"
    )
    parser.add_argument("--out", required=True, type=Path, help="where the pages go (outside the repository)")
    args = parser.parse_args()
    write_new_pages(
        args.out,
        [*pages_of(args.site_git, SITE_COMMIT, SITE_FOLDERS), *pages_of(args.next_git, NEXT_COMMIT, NEXT_FOLDERS)],
    )


if __name__ == "__main__":
    main()
