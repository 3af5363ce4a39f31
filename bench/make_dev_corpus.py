"""Build the development corpus `corpus/articles/` from two fetched public repositories.

The corpus is real French prose written and edited by others, kept in the repository to measure
precision (`bench/precision.py`). It is made of:

* **news** — the 100 French Wikinews articles (May–December 2012) of the Wikinews keyphrase
  corpus (Bougouin, Boudin, Daille, IJCNLP 2013), GitHub `adrien-bougouin/WikinewsKeyphraseCorpus`,
  `documents/<id>.html`. Wikinews content is under CC BY 2.5 (authors: the Wikinews contributors).
* **institutional** — the French blog posts of code.gouv.fr (DINUM, mission logiciels libres),
  GitHub `codegouvfr/eleventy-dsfr`, `content/fr/blog/posts/**.md` at commit 2aea91e9e4 (the last one
  that still holds the site's content); the site's content is under Licence Ouverte / etalab-2.0
  (footer of the site, `_includes/templates/footer.njk`). Posts written in English and a
  programme laid out as an HTML table are left out. Then the
  BlueHats newsletters (`content/fr/bluehats/gazettes/`), in order, while news keep 62 % of the words.

The text is kept as published: no correction. Only the container changes: the HTML of Wikinews
becomes Markdown (h1/h2 headings, paragraphs, list items), the code.gouv.fr front matter is replaced
by ours, the site's `{% imageContent "src", "alt" %}` shortcode becomes the image it renders and its
`:::quote` / `:::callout` containers become Markdown quote blocks.

    # fetched copies (git directories, e.g. from the `fetch` tool or `git clone --bare`)
    python bench/make_dev_corpus.py --wikinews-git /work/.mirror/adrien-bougouin+WikinewsKeyphraseCorpus/repo/.git \
        --codegouv-git /work/.mirror/codegouvfr+eleventy-dsfr/repo

Writes `corpus/articles/*.md` and `corpus/SOURCES.tsv` (replacing what is there).

    # the rare-rule set corpus/rare/: every other French page of code.gouv.fr (same commit), judged only for
    # the rules too rare on corpus/articles to measure (bench/precision.py --rare)
    python bench/make_dev_corpus.py --rare --codegouv-git /work/.mirror/codegouvfr+eleventy-dsfr/repo

Writes `corpus/rare/*.md` and `corpus/rare/SOURCES.tsv`, leaving out what `corpus/SOURCES.tsv` lists.
"""

from __future__ import annotations

import argparse
import html
import re
import subprocess
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "corpus"

WIKINEWS_REPO = "adrien-bougouin/WikinewsKeyphraseCorpus"
WIKINEWS_LICENCE = "CC BY 2.5"
CODEGOUV_REPO = "codegouvfr/eleventy-dsfr"
CODEGOUV_COMMIT = "2aea91e9e45d355447548b6c82999b773445633d"
CODEGOUV_LICENCE = "Licence Ouverte 2.0 (etalab-2.0)"
# English posts of the French blog folder (the word "the" is frequent in them).
NEWS_SHARE = 0.62
ENGLISH_MARKER = re.compile(r"\bthe\b", re.IGNORECASE)

MONTHS = {
    "janvier": 1, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "août": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
}  # fmt: skip
DATE_PREFIX = re.compile(r"^\s*(\d{1,2})(?:er)?\s+(" + "|".join(MONTHS) + r")\s+(\d{4})")


@dataclass
class Article:
    slug: str
    title: str
    genre: str
    source: str
    licence: str
    author: str
    date: str
    origin: str
    body: str


def git(git_dir: Path, *args: str) -> str:
    return subprocess.run(["git", f"--git-dir={git_dir}", *args], check=True, capture_output=True, text=True).stdout


def slugify(text: str, words: int = 7) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    tokens = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(tokens[:words])


class WikinewsHTML(HTMLParser):
    """Collects the blocks of one Wikinews document: (tag, text) for h1, h2, p and li."""

    BLOCKS: ClassVar[set[str]] = {"h1", "h2", "p", "li"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []
        self._tag: str | None = None
        self._parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.BLOCKS:
            self._tag, self._parts = tag, []

    def handle_endtag(self, tag: str) -> None:
        if tag == self._tag:
            text = " ".join("".join(self._parts).split())
            if text:
                self.blocks.append((tag, text))
            self._tag = None

    def handle_data(self, data: str) -> None:
        if self._tag:
            self._parts.append(data)


def wikinews_articles(git_dir: Path) -> list[Article]:
    commit = git(git_dir, "rev-parse", "HEAD").strip()
    names = sorted(
        p for p in git(git_dir, "ls-tree", "--name-only", "HEAD", "documents/").split() if p.endswith(".html")
    )
    articles = []
    for path in names:
        page_id = Path(path).stem
        parser = WikinewsHTML()
        parser.feed(git(git_dir, "show", f"HEAD:{path}"))
        title = next(text for tag, text in parser.blocks if tag == "h1")
        lines: list[str] = []
        previous = ""
        for tag, text in parser.blocks:
            markdown = {"h1": f"# {text}", "h2": f"## {text}", "p": text, "li": f"- {text}"}[tag]
            if lines and not (tag == "li" and previous == "li"):
                lines.append("")
            lines.append(markdown)
            previous = tag
        first_paragraph = next((text for tag, text in parser.blocks if tag == "p"), "")
        match = DATE_PREFIX.match(first_paragraph)
        date = f"{match[3]}-{MONTHS[match[2]]:02d}-{int(match[1]):02d}" if match else "2012"
        url = "https://fr.wikinews.org/wiki/" + title.replace(" ", "_")
        articles.append(
            Article(
                slug=f"wikinews-{page_id}-{slugify(title)}",
                title=title,
                genre="news",
                source=url,
                licence=WIKINEWS_LICENCE,
                author="contributeurs de Wikinews",
                date=date,
                origin=f"github:{WIKINEWS_REPO}@{commit[:12]}:{path}",
                body="\n".join(lines) + "\n",
            )
        )
    return articles


FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
# `:::quote /img/x.jpg` … `:::` and `:::callout` … `:::` (markdown-it containers) render as quote blocks.
CONTAINER = re.compile(r"^:::\w+[^\n]*\n(.*?)\n:::[ \t]*$", re.MULTILINE | re.DOTALL)
IMAGE_SHORTCODE = re.compile(r'^\{%\s*imageContent\s+"([^"]*)",\s*"([^"]*)".*%\}\s*$', re.MULTILINE)


def front_matter_value(front: str, key: str) -> str:
    match = re.search(rf"^{key}:\s*(.*)$", front, re.MULTILINE)
    if not match:
        return ""
    value = match[1].strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    return html.unescape(value)


def word_count(markdown: str) -> int:
    return len(WORD.findall(LINK_TARGET.sub("]", markdown)))


WORD = re.compile(r"[\w’'-]+")
LINK_TARGET = re.compile(r"\]\([^)]*\)")


def gazette_number(path: str) -> int:
    return int(re.sub(r"\D", "", Path(path).stem) or 0)


def codegouv_articles(git_dir: Path, folder: str, path_slugs: bool = False) -> list[Article]:
    """The French pages under `folder`; `path_slugs` names each file after its whole path (the rare set
    mixes folders whose file names repeat)."""
    listing = git(git_dir, "ls-tree", "-r", "--name-only", CODEGOUV_COMMIT, folder).split()
    articles = []
    for path in sorted((p for p in listing if p.endswith(".md")), key=lambda p: (gazette_number(p), p)):
        text = git(git_dir, "show", f"{CODEGOUV_COMMIT}:{path}")
        match = FRONT_MATTER.match(text)
        if not match:
            continue
        front, body = match[1], text[match.end() :]
        if len(ENGLISH_MARKER.findall(body)) > 10 or "<table" in body:
            continue  # an English post, or a programme laid out as an HTML table rather than prose
        body = IMAGE_SHORTCODE.sub(lambda m: f"![{m[2]}]({m[1]})", body)
        body = CONTAINER.sub(lambda m: "\n".join(f"> {line}".rstrip() for line in m[1].split("\n")), body)
        body = body.strip() + "\n"
        title = front_matter_value(front, "title")
        post_dir = Path(path).parent.name if "blog/posts" in path else Path(path).stem
        slug = slugify(path.removeprefix("content/fr/").removesuffix(".md"), 12) if path_slugs else slugify(post_dir, 8)
        articles.append(
            Article(
                slug=f"codegouv-{slug}",
                title=title,
                genre="institutional",
                source=f"https://code.gouv.fr/fr/{'blog' if 'blog/posts' in path else 'bluehats/gazettes'}/{post_dir}/",
                licence=CODEGOUV_LICENCE,
                author=front_matter_value(front, "author") or "DINUM, mission logiciels libres (code.gouv.fr)",
                date=front_matter_value(front, "date"),
                origin=f"github:{CODEGOUV_REPO}@{CODEGOUV_COMMIT[:12]}:{path}",
                body=body,
            )
        )
    return articles


def yaml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write(articles: list[Article], out: Path, folder_name: str = "articles") -> None:
    folder = out / folder_name
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.md"):
        old.unlink()
    rows = ["file\ttitle\tgenre\torigin\tsource_url\tlicence\tauthor\tdate"]
    for article in articles:
        front = (
            "---\n"
            f"title: {yaml_string(article.title)}\n"
            f"source: {yaml_string(article.source)}\n"
            f"licence: {yaml_string(article.licence)}\n"
            f"author: {yaml_string(article.author)}\n"
            f"date: {yaml_string(article.date)}\n"
            f"genre: {article.genre}\n"
            "lang: fr\n"
            "---\n\n"
        )
        (folder / f"{article.slug}.md").write_text(front + article.body, encoding="utf-8")
        fields = [f"{folder_name}/{article.slug}.md", article.title, article.genre, article.origin, article.source,
                  article.licence, article.author, article.date]  # fmt: skip
        rows.append("\t".join(field.replace("\t", " ") for field in fields))
    (folder / "SOURCES.tsv" if folder_name != "articles" else out / "SOURCES.tsv").write_text(
        "\n".join(rows) + "\n", encoding="utf-8"
    )


# The rare-rule set (`corpus/rare/`): every other French page of code.gouv.fr with some prose, to judge
# the rules that fire too seldom on `corpus/articles/` to measure them.
RARE_FOLDERS = ("content/fr/",)
RARE_MIN_WORDS = 60


def rare_articles(codegouv_git: Path, used_origins: set[str]) -> list[Article]:
    """The code.gouv.fr pages that `corpus/articles/` does not hold (translations and the blog's own
    image folders aside), with at least RARE_MIN_WORDS words."""
    articles = [
        article
        for folder in RARE_FOLDERS
        for article in codegouv_articles(codegouv_git, folder, path_slugs=True)
        if article.origin not in used_origins and word_count(article.body) >= RARE_MIN_WORDS
    ]
    return sorted(articles, key=lambda article: article.slug)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wikinews-git", type=Path, help=f"git directory of {WIKINEWS_REPO} (not for --rare)")
    parser.add_argument("--codegouv-git", type=Path, required=True, help=f"git directory of {CODEGOUV_REPO}")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--rare", action="store_true", help="write the rare-rule set corpus/rare/ instead")
    args = parser.parse_args()
    if args.rare:
        used = {row.split("\t")[3] for row in (args.out / "SOURCES.tsv").read_text(encoding="utf-8").splitlines()[1:]}
        rare = rare_articles(args.codegouv_git, used)
        write(rare, args.out, "rare")
        print(f"{len(rare)} articles, {sum(word_count(a.body) for a in rare)} words written to {args.out / 'rare'}")
        return
    if args.wikinews_git is None:
        parser.error("--wikinews-git is required to build corpus/articles")
    news = wikinews_articles(args.wikinews_git)
    articles = news + codegouv_articles(args.codegouv_git, "content/fr/blog/posts/")
    # Then BlueHats newsletters, in order, as long as news keeps NEWS_SHARE of the words.
    news_words = sum(word_count(article.body) for article in news)
    total_words = sum(word_count(article.body) for article in articles)
    for gazette in codegouv_articles(args.codegouv_git, "content/fr/bluehats/gazettes/"):
        words = word_count(gazette.body)
        if news_words / (total_words + words) >= NEWS_SHARE:
            articles.append(gazette)
            total_words += words
    write(articles, args.out)
    print(f"{len(articles)} articles written to {args.out / 'articles'}")


if __name__ == "__main__":
    main()
