"""The word-pair statistics of `grammar.homophone-context` alone, at several thresholds, on the pairs
of bench/homophones.py (no grammar engine: fast enough to tune the threshold on the dev part).

    .venv/bin/python bench/homophone_stats.py --part dev [--thresholds 1,2,3] [--show TYPE --at 2]

For each threshold: the share of changed sentences whose injected word the statistics alone flag
(per type), and the share of original sentences where they flag any word. bench/homophones.py
gives the figures of the whole grammar family with the rule in it.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, ROOT / "bench"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from homophones import CONFUSIONS, Pair, errors_only, read_pairs, split_pairs  # noqa: E402

from checker.document import tokenize  # noqa: E402
from checker.homophone_contexts import decisions, parse_thresholds  # noqa: E402
from checker.rule_packs import load_rules  # noqa: E402

RULE = "grammar.homophone-context"


def _default(name: str) -> object:
    rule = load_rules().get(RULE)
    parameter = rule.parameter(name) if rule is not None else None
    if parameter is None:
        raise SystemExit(f"homophone_stats: {RULE} has no parameter {name}")
    return parameter.default


BY_PAIR = parse_thresholds(_default("pair-thresholds"))  # type: ignore[arg-type]
THRESHOLD = float(_default("threshold"))  # type: ignore[arg-type]


def scores(text: str) -> list[tuple[int, int, float, str]]:
    """(start, end, score, candidate) of every homophone form of a sentence, the score being how far the
    statistics go past the rule's pair threshold plus the threshold the table is printed for."""
    return [(s, e, score, c) for s, e, c, score in decisions(tokenize(text), text, THRESHOLD, BY_PAIR, margin=True)]


def _marked(p: Pair) -> str:
    """The changed sentence as bench/homophones.py --show-misses prints it."""
    return f"{p.changed[: p.start]}[[{p.changed[p.start : p.end]}]]{p.changed[p.end :]}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--part", choices=("dev", "held-out", "all"), default="dev")
    parser.add_argument("--thresholds", default="-2,-1,0,1,2", help="margins over the rule's thresholds")
    parser.add_argument("--show", metavar="TYPE", help="print the misses and alarms of a type ('all') at --at")
    parser.add_argument("--at", type=float, default=0.0)
    parser.add_argument(
        "--baseline",
        type=Path,
        help="the output of `bench/homophones.py --show-misses all --show-alarms` on the same part without the rule:"
        " count only the pairs it misses and the original sentences it does not flag",
    )
    args = parser.parse_args()
    pairs = errors_only(split_pairs(read_pairs(), args.part))
    already_flagged: set[str] = set()
    if args.baseline:
        lines = args.baseline.read_text(encoding="utf-8").splitlines()
        missed = {line.split(": ", 1)[1] for line in lines if line.startswith("MISS ")}
        already_flagged = {line[len("ALARM ") :].rsplit(" [", 1)[0] for line in lines if line.startswith("ALARM ")}
        total = len(pairs)
        pairs = [p for p in pairs if _marked(p) in missed]
        print(f"baseline: {total - len(pairs)} of {total} pairs caught, {len(already_flagged)} originals flagged")
    thresholds = [float(t) for t in args.thresholds.split(",")]
    changed: dict[str, list[float]] = defaultdict(list)
    for p in pairs:
        found = [s for start, end, s, _ in scores(p.changed) if start < p.end and p.start < end]
        changed[p.kind].append(max(found, default=float("-inf")))
        if args.show in ("all", p.kind) and (not found or max(found) < args.at):
            print(f"MISS {p.kind}: {p.changed[: p.start]}[[{p.changed[p.start : p.end]}]]{p.changed[p.end :]}")
    originals = sorted({p.original for p in split_pairs(read_pairs(), args.part)} - already_flagged)
    original_best = []
    for text in originals:
        found = scores(text)
        top = max((s for _, _, s, _ in found), default=float("-inf"))
        original_best.append(top)
        if args.show and top >= args.at:
            marks = [f"{text[s:e]}→{c} {sc:.1f}" for s, e, sc, c in found if sc >= args.at]
            print(f"ALARM {text}  {marks}")
    print(f"part {args.part}: {len(pairs)} pairs, {len(originals)} original sentences")
    header = " ".join(f"{kind[:12]:>12}" for kind in CONFUSIONS if kind in changed)
    print(f"threshold {header}      all  originals")
    for t in thresholds:
        row = []
        for kind in CONFUSIONS:
            if kind in changed:
                values = changed[kind]
                row.append(f"{sum(v >= t for v in values) / len(values):>12.1%}")
        total = sum(sum(v >= t for v in vs) for vs in changed.values()) / len(pairs)
        alarms = sum(v >= t for v in original_best) / len(originals)
        if args.baseline:  # the counts the rule adds, as the share of every pair and original sentence
            total = sum(sum(v >= t for v in vs) for vs in changed.values())
            alarms = sum(v >= t for v in original_best)
        print(f"{t:>9} " + " ".join(row) + f" {total:>8.4g} {alarms:>10.4g}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
