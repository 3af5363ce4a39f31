"""Write the French Wikinews articles of WiNER-fr that are not in the held-out set, as a development set of news
for the claims rules (stop 31): 711 articles, about 200,000 words, none kept in this repository.

    .venv/bin/python bench/make_news_dev.py --winer-git <git dir of github.com/YoannDupont/WiNER-fr> --out <dir>

The same articles, extraction and repair as `bench/make_heldout_news.py` (CC BY 2.5, the Wikinews contributors),
minus those of `corpus/heldout/SOURCES.tsv` and those under 120 words; each file is named after its WiNER path
(`2016/01/2016_01_06-002.txt` → `2016_01_2016_01_06-002.md`) with a front matter of its title and genre. The
judged samples of their claims findings (129 drawn with seed 31, then 90 more with seed 3131 among those not yet
judged, two judges each; in stop 32 the 76 still unjudged) are `bench/judgements/news-dev-claims.tsv`: file, line
and column refer to these files; `reported` says whether the rules still report the finding. The judged findings
of five grammar rules (stop 32: 198 drawn with seed 32, 50 each of agreement, participle and confusion, 30 of
conjugation, all 18 of verb-form; then the 303 others of those rules; in stop 35 every finding of the other grammar
rules on by default and of `spelling.name-typo`, 368, two judges each; in stop 36 the 4 of `grammar.homophone-ou`, on
by default since) are `bench/judgements/news-dev-grammar.tsv`
(`bench/precision.py --news-dev <dir>`).

With `--short`, the articles under 120 words instead (stop 37): 401 short news, 32,760 words, never read before; every
finding of the grammar rules on by default there (102) and of the claims rules (41), judged by two helpers each, is in
`bench/judgements/news-short-grammar.tsv` and `news-short-claims.tsv` (`bench/precision.py --news-short <dir>`).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from make_heldout_corpus import git  # bench/, the held-out set's first builder
from make_heldout_eig import q  # bench/, the held-out set's third builder
from make_heldout_news import COMMIT_USED, unsem, winer_articles  # bench/, its news part

ROOT = Path(__file__).resolve().parent.parent
MIN_WORDS = 120


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--winer-git", required=True, help="git dir of github.com/YoannDupont/WiNER-fr")
    parser.add_argument("--out", required=True, type=Path, help="where the articles go (outside the repository)")
    parser.add_argument("--short", action="store_true", help=f"the articles under {MIN_WORDS} words instead")
    args = parser.parse_args()
    files = git(args.winer_git, "ls-tree", "-r", "--name-only", COMMIT_USED).splitlines()
    sources = (ROOT / "corpus" / "heldout" / "SOURCES.tsv").read_text(encoding="utf-8").splitlines()[1:]
    held_out = {row.split("\t")[3] for row in sources if row.startswith("wn-")}
    args.out.mkdir(parents=True, exist_ok=True)
    count = words = 0
    for path, title, raw in winer_articles(args.winer_git, COMMIT_USED, files):
        if path in held_out:
            continue
        paras = [unsem(p) for p in raw]
        size = len(" ".join([title, *paras]).split())
        if (size < MIN_WORDS) != args.short:
            continue
        head = f"---\ntitle: {q(title.strip())}\ngenre: news\n---\n\n"
        name = path.replace("/", "_")[:-4] + ".md"
        (args.out / name).write_text(head + "\n\n".join(paras) + "\n", encoding="utf-8")
        count += 1
        words += size
    print(f"{count} articles, {words} words")


if __name__ == "__main__":
    main()
