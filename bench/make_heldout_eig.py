"""Add the third part of the held-out set: the blog of the Entrepreneurs d'intérêt général programme.

`corpus/heldout/eig-*.md` (stop 30): 46 blog posts (2018–2021) and the 14 longest challenge pages of 2019–2020
of github.com/entrepreneur-interet-general/site-eig (Etalab, DINUM), Licence Ouverte 2.0 as stated in its
`README.org` (« Licence ») and `LICENSE.md`. Nobody on the project had read them when their findings were
judged: measure with them, do not write rules from their findings.

Only the container changes: embedded tweets (other people's text), scripts and videos are dropped; HTML
images, links, captions and line breaks become Markdown; the challenge pages' testimonial cards become
quote blocks. Drafts, English pages and pages under 150 words are left out. Its rows of
`corpus/heldout/SOURCES.tsv` are replaced, the others kept.

    .venv/bin/python bench/make_heldout_eig.py --eig-git <git dir of github.com/entrepreneur-interet-general/site-eig>
"""

from __future__ import annotations

import argparse
import html
import os
import re
import sys
from pathlib import Path
from typing import Any

import yaml
from make_heldout_corpus import git  # bench/, the set's other builder

ROOT = Path(__file__).resolve().parent.parent
REPO = "entrepreneur-interet-general/site-eig"
COMMIT_USED = "bc2afe522b1f8203b0a1d1bf213d770d83b0a030"
OUT = str(ROOT / "corpus" / "heldout")
PREFIX = "eig"
LICENCE = "Licence Ouverte 2.0 (etalab-2.0)"
STATED = (
    "README.org §Licence (« Les contenus accessibles dans ce dépôt sont placés sous Licence Ouverte 2.0 ») + LICENSE.md"
)
SITE = "https://entrepreneur-interet-general.etalab.gouv.fr"
MAX_PAGES = 60
MIN_WORDS = 150
N_DEFIS = 14


def split_front(text: str) -> tuple[dict[str, Any], str]:
    m = re.match(r"---\n(.*?)\n---\n?(.*)\Z", text, re.S)
    if not m:
        return {}, text
    return yaml.safe_load(m.group(1)) or {}, m.group(2)


def attr(tag: str, name: str) -> str | None:
    m = re.search(rf'\b{name}\s*=\s*"([^"]*)"', tag, re.S)
    if not m:
        m = re.search(rf"\b{name}\s*=\s*'([^']*)'", tag, re.S)
    return html.unescape(m.group(1)) if m else None


def img_md(tag: str) -> str:
    return "![{}]({})".format(attr(tag, "alt") or "", attr(tag, "src") or "")


def convert(body: str) -> str:
    t = body
    # embeds: tweets (third-party text), scripts, iframes (videos, slides)
    t = re.sub(r'<blockquote class="twitter-tweet".*?</blockquote>\s*', "", t, flags=re.S)
    t = re.sub(r"<script\b.*?</script>\s*", "", t, flags=re.S)
    t = re.sub(r"<iframe\b.*?</iframe>", "", t, flags=re.S)
    # linked image -> Markdown image
    t = re.sub(r"<a\b[^>]*>\s*(<img\b[^>]*>)\s*</a>", lambda m: img_md(m.group(1)), t, flags=re.S)
    t = re.sub(r"<img\b[^>]*>", lambda m: img_md(m.group(0)), t, flags=re.S)
    # centred captions -> italic paragraph (text unchanged, continuation indent dropped)
    def caption(m: re.Match[str]) -> str:
        inner = re.sub(r"\n[ \t]+", "\n", m.group(1).strip())
        return f"_{inner}_"
    t = re.sub(r"<center>\s*<p>\s*<em>(.*?)</em>\s*</p>\s*</center>", caption, t, flags=re.S)
    # inline links -> Markdown links
    t = re.sub(r'<a\b[^>]*?href="([^"]*)"[^>]*>(.*?)</a>',
               lambda m: f"[{m.group(2)}]({html.unescape(m.group(1))})", t, flags=re.S)
    # testimonial cards (défi pages): quote icons around a sentence -> quote block
    t = re.sub(r"<i class='fa fa-quote-left'[^>]*>\s*</i>\s*(?:<br\s*/?>)?\s*(.*?)\s*<br\s*/?>\s*"
               r"<i class='fa fa-quote-right[^>]*>\s*</i>", lambda m: f"\n> {m.group(1)}\n", t, flags=re.S)
    # wrappers
    t = re.sub(r"<hr\s*/?>", "\n", t)
    t = re.sub(r"<br\s*/?>", "\n", t)
    t = re.sub(r"</?(p|center|div|span)\b[^>]*>", "", t)
    t = re.sub(r"</?em>", "_", t)
    t = re.sub(r"</?strong>", "**", t)
    t = re.sub(r"(?m)^[ \t]+$", "", t)
    t = re.sub(r"\n{3,}", "\n\n", t)
    return t.strip() + "\n"


def prose_words(md: str) -> int:
    t = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", md)
    t = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", t)
    t = re.sub(r"https?://\S+", " ", t)
    return len(re.findall(r"[A-Za-zÀ-ÿŒœ0-9]+(?:['’-][A-Za-zÀ-ÿŒœ0-9]+)*", t))


FR = {"le", "la", "les", "des", "une", "un", "et", "est", "dans", "pour", "que", "qui", "sur", "avec", "nous", "du",
      "au", "pas"}
EN = {"the", "and", "of", "to", "is", "in", "that", "for", "with", "we", "are", "this", "on"}


def is_french(md: str) -> bool:
    w = re.findall(r"[a-zà-ÿ]+", md.lower())
    return sum(x in FR for x in w) > 2 * sum(x in EN for x in w)


def last_date(git_dir: str, commit: str, path: str) -> str:
    return git(git_dir, "log", "-1", "--format=%ad", "--date=short", commit, "--", path).strip()


def q(s: object) -> str:
    return '"{}"'.format(str(s).replace("\\", "\\\\").replace('"', '\\"'))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eig-git", required=True, help="git dir of github.com/entrepreneur-interet-general/site-eig")
    parser.add_argument("--commit", default=COMMIT_USED, help="the commit read (default: the set's own)")
    args = parser.parse_args()
    git_dir = args.eig_git
    COMMIT = git(git_dir, "rev-parse", args.commit).strip()
    os.makedirs(OUT, exist_ok=True)
    files = git(git_dir, "ls-tree", "-r", "--name-only", COMMIT).splitlines()
    rows: list[str] = []
    pages: list[dict[str, Any]] = []
    # blog posts
    for path in sorted(f for f in files if f.startswith("_posts/") and f.endswith(".md")
                       and not os.path.basename(f).startswith("_")):
        fm, body = split_front(git(git_dir, "show", f"{COMMIT}:{path}"))
        if fm.get("published") is False:
            continue
        name = os.path.basename(path)[:-3]
        m = re.match(r"(\d{2,4})-(\d{2})-(\d{2})-(.*)", name)
        if not m:  # a post without a date in its name is not published
            continue
        y, mo, d, slug = m.groups()
        y = y if len(y) == 4 else "20" + y
        md = convert(body)
        pages.append(dict(kind="post", path=path, slug=f"{y}-{mo}-{d}-{slug}", title=fm.get("title", ""),
                          author=(fm.get("author") or "équipe EIG (Etalab)").strip(),
                          date=f"{y}-{mo}-{d}", md=md, genre="institutional",
                          url=f"{SITE}/blog/{y}/{mo}/{d}/{slug}.html"))
    # défis: the N_DEFIS longest of 2019-2020
    defis: list[dict[str, Any]] = []
    for path in sorted(f for f in files if f.startswith("_defis/") and f.endswith(".md")):
        fm, body = split_front(git(git_dir, "show", f"{COMMIT}:{path}"))
        name = os.path.basename(path)[:-3]
        m = re.match(r"(\d{4})-\d{2}-\d{2}-(.*)", name)
        if not m or m.group(1) not in ("2019", "2020"):
            continue
        md = convert(body)
        defis.append(dict(kind="defi", path=path, slug=f"defi-{m.group(1)}-{m.group(2)}",
                          title=fm.get("title", ""), author="Programme Entrepreneurs d'intérêt général (Etalab, DINUM)",
                          date=last_date(git_dir, COMMIT, path), md=md, genre="institutional",
                          url=f"{SITE}/defis/{m.group(1)}/{m.group(2)}.html"))
    defis.sort(key=lambda p: -prose_words(p["md"]))
    kept: list[dict[str, Any]] = []
    for p in pages + defis:
        w = prose_words(p["md"])
        if w < MIN_WORDS or not is_french(p["md"]):
            print("skip", p["path"], w, file=sys.stderr)
            continue
        p["words"] = w
        if p["kind"] == "defi" and sum(k["kind"] == "defi" for k in kept) >= N_DEFIS:
            continue
        kept.append(p)
    kept = kept[:MAX_PAGES]
    total = 0
    for p in kept:
        fn = "{}-{}.md".format(PREFIX, re.sub(r"[^a-z0-9-]+", "-", p["slug"].lower()).strip("-"))
        with open(os.path.join(OUT, fn), "w", encoding="utf-8") as f:
            f.write("---\n")
            f.write("title: {}\n".format(q(p["title"])))
            f.write("source: {}\n".format(q(p["url"])))
            f.write(f"licence: {q(LICENCE)}\n")
            f.write("author: {}\n".format(q(p["author"])))
            f.write("date: {}\n".format(q(p["date"])))
            f.write("genre: {}\n".format(p["genre"]))
            f.write("lang: fr\n")
            f.write("---\n\n")
            f.write(p["md"])
        total += p["words"]
        rows.append("\t".join([fn, REPO, COMMIT, p["path"], LICENCE, STATED, str(p["words"])]))
    # The held-out set's own columns (bench/make_heldout_corpus.py); the other parts' rows are kept.
    sources = Path(OUT) / "SOURCES.tsv"
    kept_rows = [row for row in sources.read_text(encoding="utf-8").splitlines() if not row.startswith(PREFIX + "-")]
    sources.write_text("\n".join(kept_rows + rows) + "\n", encoding="utf-8")
    print(len(kept), "pages,", total, "words;", sum(p["kind"] == "post" for p in kept), "posts")


if __name__ == "__main__":
    main()
