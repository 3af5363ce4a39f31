"""Write the institutional pages of the held-out set's sources that the held-out set does not hold, as a development
set for the grammar filters (stop 32): the challenge pages of the Entrepreneurs d'intérêt général programme and the
chapters of the Etalab guides left out of `corpus/heldout/`, and the programme's community pages (each member's own
presentation, 60 words or more), the prose pages of the DINUM's accessibility site (stop 32, second part), and two
sources added in stop 33: the documentation of data.gouv.fr (Etalab) and the job offers and news of the Incubateur
des territoires (ANCT), and two added in stop 35: the pages of communs.numerique.gouv.fr (the DINUM's free software
and digital commons: workshops, the BlueHats gazette, posts) and the design.numerique.gouv.fr pages that the held-out
set does not hold (the single-digital-gateway plan, the « commandos UX » challenges, the accessibility self-check,
questions and answers, the PiDila checklist); none kept in this repository.

    .venv/bin/python bench/make_institutional_dev.py \
        --eig-git <git dir of github.com/entrepreneur-interet-general/site-eig> \
        --guides-git <git dir of github.com/etalab/guides.etalab.gouv.fr> \
        --rgaa-git <git dir of github.com/DISIC/accessibilite.numerique.gouv.fr> \
        --datagouv-doc-git <git dir of github.com/etalab/doc.data.gouv.fr> \
        --anct-git <git dir of github.com/incubateur-territoires/incubateur.anct.gouv.fr> \
        --communs-git <git dir of github.com/etalab/communs.numerique.gouv.fr> \
        --design-git <git dir of github.com/DISIC/design.numerique.gouv.fr> --out <dir>

Every source is under Licence Ouverte 2.0 but data.gouv.fr's documentation, under the MIT licence (see
`corpus/README.md`). The same conversions as the held-out set's
builders (`bench/make_heldout_eig.py`, `bench/make_heldout_corpus.py`), the same commits for the two sources the
held-out set shares (the accessibility site is not in it: `RGAA_COMMIT`); drafts, English pages and
pages under 150 words are left out, and so is every page whose path `corpus/heldout/SOURCES.tsv` lists. The held-out
pages were institutional too, and the rules written from `corpus/articles` and `corpus/rare` (code.gouv.fr) kept
their false alarms there: these pages are where such false alarms are to be found and fixed, the held-out ones stay
for measuring. The judged findings (every one of ten grammar rules; since stop 35 of every grammar rule on by default
and `spelling.name-typo`, two judges each) are `bench/judgements/institutional-dev-grammar.tsv`, those of the claims
rules `bench/judgements/institutional-dev-claims.tsv` (`bench/precision.py --institutional-dev <dir>`).
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import make_heldout_corpus  # bench/, the held-out set's first builder (Etalab guides)
import make_heldout_eig  # bench/, its third builder (EIG)
from make_heldout_corpus import git

ROOT = Path(__file__).resolve().parent.parent
GUIDES_COMMIT = "57b72b126b0e"  # the held-out set's (corpus/heldout/SOURCES.tsv)
RGAA_COMMIT = "c27e511fe3a3"  # DISIC/accessibilite.numerique.gouv.fr: Licence Ouverte 2.0 (README « Licence »)
DATAGOUV_DOC_COMMIT = "1e1afbd5e690"  # etalab/doc.data.gouv.fr: MIT licence (LICENSE.txt), Etalab 2017
ANCT_COMMIT = "fb5bc865f720"  # incubateur-territoires/incubateur.anct.gouv.fr: Licence Ouverte 2.0 (LICENSE.md)
COMMUNS_COMMIT = "736f36221157"  # etalab/communs.numerique.gouv.fr: contents Licence Ouverte 2.0 (README « Licences »)
DESIGN_COMMIT = "69d0cd9a84bf"  # DISIC/design.numerique.gouv.fr: the held-out set's (corpus/heldout/SOURCES.tsv)
MIN_WORDS_OF_A_PRESENTATION = 60
PRESENTATION_PREFIX = "eigdev-communaute-"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--eig-git", required=True, help="git dir of github.com/entrepreneur-interet-general/site-eig")
    parser.add_argument("--guides-git", required=True, help="git dir of github.com/etalab/guides.etalab.gouv.fr")
    parser.add_argument("--rgaa-git", required=True, help="git dir of github.com/DISIC/accessibilite.numerique.gouv.fr")
    parser.add_argument("--datagouv-doc-git", required=True, help="git dir of github.com/etalab/doc.data.gouv.fr")
    parser.add_argument(
        "--anct-git", required=True, help="git dir of github.com/incubateur-territoires/incubateur.anct.gouv.fr"
    )
    parser.add_argument("--communs-git", required=True, help="git dir of github.com/etalab/communs.numerique.gouv.fr")
    parser.add_argument("--design-git", required=True, help="git dir of github.com/DISIC/design.numerique.gouv.fr")
    parser.add_argument("--out", required=True, type=Path, help="where the pages go (outside the repository)")
    args = parser.parse_args()
    sources = (ROOT / "corpus" / "heldout" / "SOURCES.tsv").read_text(encoding="utf-8").splitlines()[1:]
    held_out = {row.split("\t")[3] for row in sources}
    args.out.mkdir(parents=True, exist_ok=True)
    pages: list[tuple[str, str, str]] = []  # file name, title, Markdown body

    eig_commit = git(args.eig_git, "rev-parse", make_heldout_eig.COMMIT_USED).strip()
    eig_files = sorted(git(args.eig_git, "ls-tree", "-r", "--name-only", eig_commit).splitlines())
    # The challenge pages, then the community pages (each entrepreneur's or mentor's own presentation, in the first
    # person): the folder, the prefix of the file names, the front matter's field that holds the title.
    for folder, prefix, title_field in (("_defis/", "eigdev-", "title"), ("_communaute/", PRESENTATION_PREFIX, "nom")):
        for path in eig_files:
            if not (path.startswith(folder) and path.endswith(".md")) or path in held_out:
                continue
            fields, body = make_heldout_eig.split_front(git(args.eig_git, "show", f"{eig_commit}:{path}"))
            if fields.get("published") is False:
                continue
            name = prefix + re.sub(r"[^a-z0-9-]+", "-", Path(path).stem.lower()).strip("-") + ".md"
            pages.append((name, str(fields.get(title_field, "")), make_heldout_eig.convert(body)))

    guides_commit = git(args.guides_git, "rev-parse", GUIDES_COMMIT).strip()
    for path in sorted(git(args.guides_git, "ls-tree", "-r", "--name-only", guides_commit).splitlines()):
        if not path.endswith(".md") or "/" not in path or path in held_out:
            continue  # the guides' chapters are in folders; README.md, LICENSE.md and index.md are not
        fields, body = make_heldout_corpus.convert(git(args.guides_git, "show", f"{guides_commit}:{path}"))
        if fields.get("published") == "false":
            continue
        pages.append(("egdev-" + path.replace("/", "-"), fields.get("title", ""), body))

    # The accessibility site of the DINUM (the held-out set's design.numerique.gouv.fr's sister site): its pages of
    # prose on the law, the method and the resources; the criteria and tests of the RGAA are lists, left out.
    rgaa_commit = git(args.rgaa_git, "rev-parse", RGAA_COMMIT).strip()
    for path in sorted(git(args.rgaa_git, "ls-tree", "-r", "--name-only", rgaa_commit).splitlines()):
        if not re.fullmatch(r"src/(?:obligations|methode|ressources|infos)/[^/]+\.md", path):
            continue
        fields, body = make_heldout_corpus.convert(git(args.rgaa_git, "show", f"{rgaa_commit}:{path}"))
        pages.append(("rgaadev-" + Path(path).parent.name + "-" + Path(path).name, fields.get("title", ""), body))

    # Two more institutional sources (stop 33): the help pages of data.gouv.fr (second person, step by step) and the
    # Incubateur des territoires' job offers and news (recruiting prose, lists of tasks, inclusive writing).
    for git_dir, wanted_commit, pattern, prefix in (
        (args.datagouv_doc_git, DATAGOUV_DOC_COMMIT, r"(?:articles/_[^/]+/[^/]+|index)\.md", "dgdoc-"),
        (args.anct_git, ANCT_COMMIT, r"content/(?:jobs|actualites|pages)/[^/]+\.md", "anct-"),
        # Stop 35: blog-like institutional prose like the held-out set's, from a site it does not draw on, and the
        # held-out set's own design site, its pages outside the held-out folders (articles, interviews, experts).
        (
            args.communs_git,
            COMMUNS_COMMIT,
            r"(?:ateliers|gazette|posts|rencontres|bluehats|a-propos|utiliser)/[^/]+\.md",
            "communs-",
        ),
        (args.design_git, DESIGN_COMMIT, r"content/(?:pnu|commandoux/[^/]+|diag|qr|pidila)/[^/]+\.md", "dndev-"),
    ):
        commit = git(git_dir, "rev-parse", wanted_commit).strip()
        for path in sorted(git(git_dir, "ls-tree", "-r", "--name-only", commit).splitlines()):
            if not re.fullmatch(pattern, path) or path in held_out:
                continue
            fields, body = make_heldout_corpus.convert(git(git_dir, "show", f"{commit}:{path}"))
            title = fields.get("title") or fields.get("role", "")
            name = prefix + re.sub(r"[^a-z0-9-]+", "-", path.lower().removesuffix(".md")).strip("-") + ".md"
            pages.append((name, title, body))

    # code.gouv.fr (corpus/rare) republishes most of communs.numerique.gouv.fr, and the held-out set's design pages
    # share paragraphs with the others: a stop-35 page is left out when it repeats the corpora.
    corpora = corpora_text()
    count = words = 0
    for name, title, body in pages:
        if name.startswith(("communs-", "dndev-")) and repeats_the_corpora(body, corpora):
            continue
        size = make_heldout_eig.prose_words(body)
        shortest = MIN_WORDS_OF_A_PRESENTATION if name.startswith(PRESENTATION_PREFIX) else make_heldout_eig.MIN_WORDS
        if size < shortest or not make_heldout_eig.is_french(body):
            continue
        write_page(args.out, name, title, body)
        count += 1
        words += size
    print(f"{count} pages, {words} words")


def corpora_text() -> str:
    """The Markdown of corpus/articles, rare and heldout, spaces collapsed: what a development page must not repeat."""
    return " ".join(
        " ".join(path.read_text(encoding="utf-8").split())
        for folder in ("articles", "rare", "heldout")
        for path in sorted((ROOT / "corpus" / folder).glob("*.md"))
    )


def repeats_the_corpora(body: str, corpora: str) -> bool:
    """The first 120 characters of one of the page's paragraphs of 13 words or more (spaces collapsed) occur in
    `corpora` (`corpora_text`)."""
    return any(" ".join(p.split())[:120] in corpora for p in body.split("\n\n") if len(p.split()) > 12)


def write_page(out: Path, name: str, title: str, body: str) -> None:
    """A page under its name in `out`, with a front matter of its title and the institutional genre."""
    head = f"---\ntitle: {make_heldout_eig.q(title.strip())}\ngenre: institutional\n---\n\n"
    (out / name).write_text(head + body, encoding="utf-8")


Page = tuple[str, tuple[dict[str, str], str], str]  # file name, converted page, fallback title


def markdown_pages(
    git_dir: str,
    commit: str,
    wanted: Callable[[str], bool],
    file_name: Callable[[str], str],
    title: Callable[[str], str],
    clean: Callable[[str], str] = lambda source: source,
) -> Iterator[Page]:
    """Each file of the tree at `commit` that `wanted` keeps: its `file_name`, its source after `clean` converted with
    its nested lists (`make_heldout_corpus.convert`), its `title` as fallback (the eco-design mission's, Putain de
    code's and cartes.gouv.fr's builders)."""
    for path in sorted(git(git_dir, "ls-tree", "-r", "--name-only", "-z", commit).split("\0")):
        if wanted(path):
            source = clean(git(git_dir, "show", f"{commit}:{path}"))
            yield file_name(path), make_heldout_corpus.convert(source, keep_indentation=True), title(path)


def build_from_git(doc: str | None, option: str, repository: str, pages: Callable[[str], Iterable[Page]]) -> None:
    """The command line of a one-source builder (`bench/make_schema_dev.py`, `bench/make_cnil_dev.py`): the source's
    git dir under `option`, `--out`; writes the pages `pages(git dir)` gives with `write_new_pages`."""
    parser = argparse.ArgumentParser(description=(doc or "").split("\n\n")[0])
    parser.add_argument(option, required=True, dest="git_dir", help=f"git dir of {repository}")
    parser.add_argument("--out", required=True, type=Path, help="where the pages go (outside the repository)")
    args = parser.parse_args()
    write_new_pages(args.out, pages(args.git_dir))


def write_new_pages(out: Path, pages: Iterable[Page]) -> None:
    """Write each (name, converted page, fallback title) of `pages` that `write_new_page` keeps; print the counts."""
    corpora = corpora_text()
    out.mkdir(parents=True, exist_ok=True)
    count = words = 0
    for name, converted, fallback_title in pages:
        size = write_new_page(out, name, converted, fallback_title, corpora)
        count += size > 0
        words += size
    print(f"{count} pages, {words} words")


def write_new_page(
    out: Path, name: str, converted: tuple[dict[str, str], str], fallback_title: str, corpora: str
) -> int:
    """Write a converted page (`make_heldout_corpus.convert`) titled by its front matter, its first heading or
    `fallback_title`, unless it repeats `corpora` (`corpora_text`), is under `make_heldout_eig.MIN_WORDS` prose words
    or is not French; its prose words (0 when left out). The schema pages' and the CNIL guide's builders share it."""
    fields, body = converted
    body = body.strip() + "\n"
    heading = re.search(r"^#\s+(.+)$", body, re.M)
    title = fields.get("title") or (heading.group(1) if heading else fallback_title)
    size = make_heldout_eig.prose_words(body)
    if repeats_the_corpora(body, corpora) or size < make_heldout_eig.MIN_WORDS or not make_heldout_eig.is_french(body):
        return 0
    write_page(out, name, title, body)
    return size


if __name__ == "__main__":
    main()
