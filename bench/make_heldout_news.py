"""Add a news part to the held-out set: French Wikinews articles of 2016–2018, as collected by WiNER-fr.

`<out>/wn-*.md`: articles of fr.wikinews.org (January 2016 – December 2018) in the plain-text copy that
github.com/YoannDupont/WiNER-fr keeps next to its named-entity annotations (`YYYY/MM/*.txt`, the article's
URL in `YYYY/YYYY-MM-urls.txt`). Wikinews texts are CC BY 2.5, as its `readme.md` states (« License »:
« Wikinews texts are licensed under Creative Commons Attribution 2.5 … »; the annotations, not used here, are
CC BY 4.0, `license.txt`). Third-person reporting of events by the Wikinews contributors: the genre `news`.
Nobody on the project had read them when this part was built: measure with them, do not write rules from
their findings.

WiNER's text is SEM's rendering of the article page (`sem.importers.from_url(..., wikinews_format=True)`):
the title, then the paragraphs (`<p>`) before the first section heading; lists, tables, captions and the
sources section are already gone. SEM replaced every HTML tag by a space, so a link or a superscript left a
space the page does not show (« la Grande Mosquée de Valence . », « l' OMS », « ( Pérou ) », « 18 e »).
Only that container damage is undone (`unsem`; `--keep-sem-spacing` keeps it): the space before `.` `,` `)`
`]`, after `(` `[` and after an elided article or conjunction before a letter, and inside a superscripted
ordinal or abbreviation. Nothing else changes: no spelling, grammar or other typography is touched. Left out:
the boxes SEM kept (share links, sister-project links, the Wikimedia disclaimer, the review state, « Sur le
même sujet », « Évènements du … », « Lire aussi »), the signature left of a quotation box whose text SEM
dropped (« — Name »), the captions of a closing image gallery (`GALLERY_RUN` short paragraphs or more); and
the articles under `MIN_WORDS` words, not in French, whose list SEM dropped (a paragraph ending with « : »
not followed by a quotation), or sharing a paragraph with another article of the corpus (series, updates).
Of the remaining ones, sorted by path, every `STEP`-th is kept, within `MAX_PAGES` articles and `MAX_WORDS`
words. Its rows of `<out>/SOURCES.tsv` are replaced, the others kept.

    .venv/bin/python bench/make_heldout_news.py --winer-git <git dir of github.com/YoannDupont/WiNER-fr> \
        [--out corpus/heldout/]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from make_heldout_corpus import git  # bench/, the set's first builder
from make_heldout_eig import is_french, prose_words, q  # bench/, the set's third builder

ROOT = Path(__file__).resolve().parent.parent
REPO = "YoannDupont/WiNER-fr"
COMMIT_USED = "0fe35f0d687f27f230b550a09fed1d641a4b1601"
OUT = str(ROOT / "corpus" / "heldout")
PREFIX = "wn"
LICENCE = "CC BY 2.5"
STATED = (
    "readme.md §License (« Wikinews texts are licensed under Creative Commons Attribution 2.5 unless stated "
    "otherwise on the Wikinews website »); annotations CC BY 4.0 (license.txt), not used"
)
AUTHOR = "contributeurs de Wikinews (historique de la page)"
HEADER = ["file", "repository", "commit", "path", "licence", "licence_stated_in", "words"]
MIN_WORDS = 250  # with STEP, every third long article of 2016–2018: about 80 articles, 35,000 words
STEP = 3
MAX_PAGES = 80
MAX_WORDS = 50_000
SHARED_MIN_CHARS = 60  # a paragraph this long found in two articles marks both as a series / update

# Boxes of the article page that SEM kept as paragraphs (share links, sister projects, disclaimers...).
BOX_STARTS = (
    "Partager cet article",
    "Vous pouvez également consulter les articles suivants",
    "Article sur Wikipédia",
    "Cet article mentionne la Fondation Wikimedia",
    "Sur le même sujet",
    "Lire aussi :",
    "Évènements du ",
    "Ressources multimédia sur Commons",
    "Source :",
    "État\xa0",
)
QUOTE_BY_CHARS = 100  # « — Name, role »: a quotation box's signature
GALLERY_RUN = 3  # so many short paragraphs closing the article are the captions of an image gallery
GALLERY_CAPTION_CHARS = 120

# SEM put a space where each HTML tag was; these are the places where such a space shows.
_ELIDED = r"(?:[cdjlmnstCDJLMNST]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu|[Qq]uoiqu|[Pp]resqu)['’]"
UNSEM: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(?<=\S) (?=[.,)\]](?:\s|$|[.,;:!?)\]»”\"'’]))"), ""),  # « Valence . » -> « Valence. »
    (re.compile(r"(?<=[(\[]) (?=\S)"), ""),  # « ( Pérou » -> « (Pérou »
    (re.compile(rf"\b({_ELIDED}) (?=[0-9A-Za-zÀ-ÖØ-öø-ÿŒœ])"), r"\1"),  # « l' OMS » -> « l'OMS »
    (re.compile(r"\b([0-9]+|[IVXLC]+) (e|er|re|es|ers|res)\b"), r"\1\2"),  # « 18<sup>e</sup> »
    (re.compile(r"\bM (gr|me|mes|lle|lles)\b"), r"M\1"),  # « M<sup>gr</sup> »
]


@dataclass
class Article:
    path: str
    title: str
    url: str
    date: str
    paragraphs: list[str]
    words: int = 0

    @property
    def md(self) -> str:
        return "\n\n".join(self.paragraphs) + "\n"


def unsem(text: str) -> str:
    for pattern, repl in UNSEM:
        text = pattern.sub(repl, text)
    return text


def paragraphs(body: str) -> list[str]:
    """The article's paragraphs as SEM left them: its blank-line blocks, their lines joined as the page shows them."""
    out = []
    for block in re.split(r"\n\s*\n", body):
        para = " ".join(line.strip() for line in block.splitlines() if line.strip())
        para = re.sub(r"[ \t]{2,}", " ", para)
        if not para or para.startswith(BOX_STARTS) or (para.startswith("— ") and len(para) < QUOTE_BY_CHARS):
            continue  # a box, or the signature of a quotation box whose text SEM dropped
        out.append(para)
    run = 0
    while run < len(out) and len(out[-1 - run]) < GALLERY_CAPTION_CHARS:
        run += 1
    return out[: len(out) - run] if run >= GALLERY_RUN else out


def list_dropped(paras: list[str]) -> bool:
    """A paragraph announcing something (« : ») with no quotation after it: SEM dropped a list there."""
    for i, para in enumerate(paras):
        if para.rstrip().endswith(":") and (i + 1 == len(paras) or not paras[i + 1].startswith(("«", "“", '"'))):
            return True
    return False


def slug(title: str) -> str:
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:60].rstrip("-")


def read_urls(git_dir: str, commit: str, files: list[str]) -> dict[str, str]:
    urls: dict[str, str] = {}
    for path in files:
        if re.fullmatch(r"\d{4}/\d{4}-\d{2}-urls\.txt", path):
            for line in git(git_dir, "show", f"{commit}:{path}").splitlines():
                if "\t" in line:
                    name, url = line.split("\t", 1)
                    urls[name.strip()] = url.strip()
    return urls


def winer_articles(git_dir: str, commit: str, files: list[str]) -> Iterator[tuple[str, str, list[str]]]:
    """Each article of WiNER in path order: its path, its title (the text's first line) and its paragraphs as SEM
    left them (`paragraphs`). Also read by `bench/make_news_dev.py`."""
    for path in sorted(f for f in files if re.fullmatch(r"\d{4}/\d{2}/\d{4}_\d{2}_\d{2}-\d{3}\.txt", f)):
        title, _, body = git(git_dir, "show", f"{commit}:{path}").partition("\n")
        yield path, title, paragraphs(body)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--winer-git", required=True, help="git dir of github.com/YoannDupont/WiNER-fr")
    parser.add_argument("--commit", default=COMMIT_USED, help="the commit read (default: the set's own)")
    parser.add_argument("--out", default=OUT, help="where the articles and SOURCES.tsv go (default: %(default)s)")
    parser.add_argument("--keep-sem-spacing", action="store_true", help="keep the spaces SEM left at tags")
    args = parser.parse_args()
    git_dir: str = args.winer_git
    commit = git(git_dir, "rev-parse", args.commit).strip()
    files = git(git_dir, "ls-tree", "-r", "--name-only", commit).splitlines()
    urls = read_urls(git_dir, commit, files)

    articles: list[Article] = []
    for path, title, paras in winer_articles(git_dir, commit, files):
        name = os.path.basename(path)[:-4]
        y, mo, d = name[:10].split("_")
        articles.append(Article(path=path, title=title.strip(), url=urls.get(name, ""), date=f"{y}-{mo}-{d}",
                                paragraphs=paras))

    # The choice is made on the repaired text, whether or not the spaces SEM left are kept in the files.
    raw = {a.path: a.paragraphs for a in articles}
    for a in articles:
        a.paragraphs = [unsem(p) for p in a.paragraphs]
    shared = Counter(p for a in articles for p in {p for p in a.paragraphs if len(p) >= SHARED_MIN_CHARS})
    eligible: list[Article] = []
    for a in articles:
        a.words = prose_words(a.md)
        why = ("short" if a.words < MIN_WORDS else "not French" if not is_french(a.md)
               else "no URL" if not a.url else "list dropped" if list_dropped(a.paragraphs)
               else "shared paragraph" if any(shared[p] > 1 for p in a.paragraphs) else "")
        if why:
            print("skip", a.path, a.words, why, file=sys.stderr)
        else:
            eligible.append(a)

    kept: list[Article] = []
    total = 0
    for a in eligible[::STEP]:
        if len(kept) >= MAX_PAGES or total + a.words > MAX_WORDS:
            break
        kept.append(a)
        total += a.words

    os.makedirs(args.out, exist_ok=True)
    rows: list[str] = []
    for a in kept:
        if args.keep_sem_spacing:
            a.paragraphs = raw[a.path]
            a.words = prose_words(a.md)
        fn = f"{PREFIX}-{a.date}-{slug(a.title)}.md"
        head = [
            "---",
            f"title: {q(a.title)}",
            f"source: {q(a.url)}",
            f"licence: {q(LICENCE)}",
            f"author: {q(AUTHOR)}",
            f"date: {q(a.date)}",
            "genre: news",
            "lang: fr",
            "---",
            "",
        ]
        Path(args.out, fn).write_text("\n".join(head) + "\n" + a.md, encoding="utf-8")
        rows.append("\t".join([fn, REPO, commit, a.path, LICENCE, STATED, str(a.words)]))
    # The held-out set's own columns (bench/make_heldout_corpus.py); the other parts' rows are kept.
    sources = Path(args.out) / "SOURCES.tsv"
    old = sources.read_text(encoding="utf-8").splitlines() if sources.is_file() else ["\t".join(HEADER)]
    kept_rows = [row for row in old if not row.startswith(PREFIX + "-")]
    sources.write_text("\n".join(kept_rows + rows) + "\n", encoding="utf-8")
    years = Counter(a.date[:4] for a in kept)
    print(f"{len(kept)} articles, {sum(a.words for a in kept)} words ({len(eligible)} eligible of {len(articles)});",
          ", ".join(f"{y}: {n}" for y, n in sorted(years.items())))


if __name__ == "__main__":
    main()
