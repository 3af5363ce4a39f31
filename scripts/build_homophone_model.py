"""Build checker/data/homophone-model.tsv.gz: a model deciding et/est and ou/où from their context.

    .venv/bin/pip install -e '.[model]'      # scikit-learn, for this script only
    .venv/bin/python scripts/build_homophone_model.py /work/.mirror/COST-ELTeC+ELTeC-fra/repo

The text is the same as `scripts/build_homophone_contexts.py`'s: the ELTeC French novel collection
(public domain, read from a clone's HEAD with `git show`). Every `<p>` of the novels' `<body>` is cut
into sentences and words by the checker's own splitter and tokeniser, as at run time; each occurrence
of et, est, ou, où is one example, labelled by the form the novelist wrote, described by
`checker.homophone_contexts.model_features` (neighbours, their classes, the clause analysed with the
form hidden). Each « et » is kept with probability ET_SAMPLE (a fixed seed):
it is four times as frequent as « est »; the intercept is corrected for that sampling. One logistic
regression per pair (scikit-learn, L2, C = 1) learns the log-odds of the second form; the file keeps
its intercept and the weights (above 0.0005) of the features seen at least MIN_FEATURE_COUNT times.
Nothing of the text is kept. At run time only the weights are read (no scikit-learn).
"""

from __future__ import annotations

import argparse
import gzip
import math
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, ROOT / "scripts"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from build_homophone_contexts import git, paragraphs  # noqa: E402

from checker.document import Token, split_sentences, tokenize  # noqa: E402
from checker.homophone_contexts import MODEL_PAIRS, model_features, occurrences  # noqa: E402

OUT = ROOT / "checker" / "data" / "homophone-model.tsv.gz"
ET_SAMPLE = 0.35
SEED = 7
MIN_FEATURE_COUNT = 3
REGULARISATION = 1.0  # scikit-learn's C: tried 0.1 to 3 on the dev pairs, 1 keeps the best recall per alarm

Example = tuple[str, list[str]]


def sentences(paragraph: str) -> list[list[Token]]:
    """The paragraph's sentences as the checker cuts them (abbreviations, « … », closing quotes), each tokenised."""
    return [tokenize(paragraph[start:end]) for start, end in split_sentences(paragraph)]


def examples(repo: Path) -> tuple[list[Example], str, int]:
    forms = {form for pair in MODEL_PAIRS for form in pair}
    commit = git(repo, "rev-parse", "HEAD").decode().strip()
    names = [n for n in git(repo, "ls-tree", "--name-only", "HEAD", "level1/").decode().split() if n.endswith(".xml")]
    rng = random.Random(SEED)
    found: list[Example] = []
    for k, name in enumerate(sorted(names)):
        for text in paragraphs(git(repo, "show", f"HEAD:{name}")):
            for sentence in sentences(text):
                if not forms & {t.text.lower() for t in sentence}:
                    continue
                for occ in occurrences(sentence):
                    if occ.form not in forms:
                        continue
                    if occ.form == "et" and rng.random() > ET_SAMPLE:
                        continue
                    found.append((occ.form, model_features(occ, sentence)))
        print(f"{k + 1}/{len(names)} {name} {len(found)} examples", file=sys.stderr)
    return found, commit, len(names)


def train(found: list[Example], pair: tuple[str, str]) -> tuple[float, dict[str, float], int]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    data = [(form, features) for form, features in found if form in pair]
    seen = Counter(f for _, features in data for f in features)
    vectorizer = DictVectorizer()
    rows = [{f: 1 for f in features if seen[f] >= MIN_FEATURE_COUNT} for _, features in data]
    matrix = vectorizer.fit_transform(rows)
    model = LogisticRegression(C=REGULARISATION, max_iter=3000)
    model.fit(matrix, [form == pair[1] for form, _ in data])
    weights = {name: float(w) for name, w in zip(vectorizer.feature_names_, model.coef_[0], strict=True)}
    # Sampling « et » made « est » look 1 / ET_SAMPLE times likelier than in the text: the intercept gives it back.
    intercept = float(model.intercept_[0]) + (math.log(ET_SAMPLE) if pair == ("et", "est") else 0.0)
    return intercept, weights, len(data)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("repo", type=Path, help="a clone (or bare git directory) of COST-ELTeC/ELTeC-fra")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    found, commit, files = examples(args.repo)
    lines = [
        "# Logistic regressions deciding et/est and ou/où from their context, trained on the ELTeC French novel",
        f"# collection (public domain): https://github.com/COST-ELTeC/ELTeC-fra commit {commit}, {files} novels of",
        f"# level1/. Built by scripts/build_homophone_model.py (« et » sampled at {ET_SAMPLE}, seed {SEED}, the",
        f"# et/est intercept corrected for it; C = {REGULARISATION}, features seen {MIN_FEATURE_COUNT}+ times).",
        "# Features: checker.homophone_contexts.model_features.",
        "# Lines (tab-separated): B first second intercept | F first second feature weight (log-odds of second)",
    ]
    for pair in MODEL_PAIRS:
        bias, weights, count = train(found, pair)
        lines.append(f"# {pair[0]}/{pair[1]}: {count} examples")
        lines.append(f"B\t{pair[0]}\t{pair[1]}\t{bias:.4f}")
        lines += [f"F\t{pair[0]}\t{pair[1]}\t{f}\t{w:.4f}" for f, w in sorted(weights.items()) if abs(w) >= 0.0005]
    args.out.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{args.out}: {len(lines)} lines, {args.out.stat().st_size} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
