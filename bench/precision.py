"""Precision of every rule on the development corpus, from the findings judged by hand.

    .venv/bin/python bench/precision.py                 # lint corpus/articles, print the table
    .venv/bin/python bench/precision.py --findings run.json   # reuse a `checker lint --format json` output
    .venv/bin/python bench/precision.py --draw-sample 20261202  # (re)draw the stratified sample to judge
    .venv/bin/python bench/precision.py --record        # after a rule change: record which judged findings remain

Runs `checker lint --format json --no-cache` over `corpus/articles/` and prints, per rule: findings
per 1,000 words on news (`genre: news` in the front matter) and overall, how many of its current
findings were judged in `bench/judgements/findings.tsv`, TRUE / FALSE / DEBATABLE, and precision =
TRUE / (TRUE + FALSE) with DEBATABLE apart (overall, and on the news articles alone). Family lines
weight each rule's precision by its number of findings (the sample is stratified: rare rules are
judged whole, frequent ones sampled). Then it lists,
per rule, the findings that are new since the sample was drawn (their key is not in
`bench/judgements/population.tsv`) and still unjudged: judge them, a fix that removes false alarms can
create others; and the judged findings that are gone (a TRUE one gone is a lost catch).

The `reported` column says whether each judged finding was reported at the last `--record`:
tests/test_precision_judgements.py fails when a finding judged TRUE is not reported, when a FALSE one
recorded as fixed (`no`) comes back, and when a known false alarm (`yes`) is fixed without being
recorded, so that every improvement is kept.

A finding is keyed by file, rule id, the text of its span and its occurrence among the findings of
that file with that rule and text, so that a line shift does not break the key.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import random
import re
import subprocess
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "articles"
JUDGEMENTS = ROOT / "bench" / "judgements" / "findings.tsv"
POPULATION = ROOT / "bench" / "judgements" / "population.tsv"
# The rare-rule set (`corpus/rare/`, issue 10): more real articles, linted only to judge the rules that fire
# too seldom on `corpus/articles/` to measure them; every finding of those rules there is judged.
RARE_CORPUS = ROOT / "corpus" / "rare"
RARE_JUDGEMENTS = ROOT / "bench" / "judgements" / "rare-findings.tsv"
# The claims and FAQ rules on by default: judged whole on corpus/rare (stop 29, to write their filters from real
# institutional pages) and on corpus/heldout (to measure them).
CLAIMS_AND_FAQ_RULES = frozenset({
    "claims.conditional", "claims.likelihood", "claims.forecast", "claims.reported-conditional", "claims.weasel",
    "claims.hype", "faq.escalation", "faq.contradiction", "faq.new-entity", "faq.unsupported", "faq.partial",
    "faq.jsonld-mismatch", "faq.jsonld-invalid",
})  # fmt: skip
RARE_RULES = {
    "grammar.conjugation", "grammar.verb-form", "grammar.locution", "grammar.punctuation", "spelling.name-typo",
    "grammar.elision", "grammar.hyphenation", "repetition.spelling-variant", "grammar.agreement",
    "grammar.adjective-agreement", "grammar.conjugation-noun-subject", "grammar.imperative-form",
    "grammar.infinitive-after-de",
} | CLAIMS_AND_FAQ_RULES  # fmt: skip
# The held-out set (`corpus/heldout/`, stop 28): real pages nobody on the project had read when their findings
# were judged, for the rules tuned on the two sets above (`bench/make_heldout_corpus.py`). Do not write rules
# from its findings: judge them and report the figure.
HELDOUT_CORPUS = ROOT / "corpus" / "heldout"
HELDOUT_JUDGEMENTS = ROOT / "bench" / "judgements" / "heldout-findings.tsv"
# The news development set (stop 32): every finding of five grammar rules on the Wikinews articles of
# bench/make_news_dev.py that are not held out (198 drawn with seed 32 first, then the others), judged, to write the
# grammar filters from news; since stop 35 every finding of every grammar rule on by default and spelling.name-typo.
NEWS_DEV_JUDGEMENTS = ROOT / "bench" / "judgements" / "news-dev-grammar.tsv"
# The institutional development pages (stop 32): every finding of ten grammar rules on the pages of the held-out set's
# sources that it does not hold (bench/make_institutional_dev.py), judged; since stop 35 (67 pages more) every finding
# of every grammar rule on by default and spelling.name-typo.
INSTITUTIONAL_DEV_JUDGEMENTS = ROOT / "bench" / "judgements" / "institutional-dev-grammar.tsv"
# … and every finding of the claims rules on the same pages (stop 34), judged: the claims rules were written for news.
INSTITUTIONAL_DEV_CLAIMS = ROOT / "bench" / "judgements" / "institutional-dev-claims.tsv"
# Every finding of the grammar rules on by default on the schema pages of bench/make_schema_dev.py (stop 37).
SCHEMA_DEV_JUDGEMENTS = ROOT / "bench" / "judgements" / "schema-dev-grammar.tsv"
# … and on the CNIL guide's sheets of bench/make_cnil_dev.py (stop 38).
CNIL_DEV_JUDGEMENTS = ROOT / "bench" / "judgements" / "cnil-dev-grammar.tsv"
# … and on the eco-design mission's pages of bench/make_numeco_dev.py (stop 39).
NUMECO_DEV_JUDGEMENTS = ROOT / "bench" / "judgements" / "numeco-dev-grammar.tsv"
# … and on the design system's documentation pages of bench/make_dsfr_dev.py (stop 39).
DSFR_DEV_JUDGEMENTS = ROOT / "bench" / "judgements" / "dsfr-dev-grammar.tsv"
# … and on Nos Gestes Climat's blog, release notes, guides and pages of bench/make_ngc_dev.py (stop 40).
NGC_DEV_JUDGEMENTS = ROOT / "bench" / "judgements" / "ngc-dev-grammar.tsv"
# … and on api.gouv.fr's guides and API pages of bench/make_apigouv_dev.py (stop 41).
APIGOUV_DEV_JUDGEMENTS = ROOT / "bench" / "judgements" / "apigouv-dev-grammar.tsv"
# … and on Putain de code's articles of bench/make_putaindecode_dev.py (stop 43).
PDC_DEV_JUDGEMENTS = ROOT / "bench" / "judgements" / "pdc-dev-grammar.tsv"
# … and on the help pages of cartes.gouv.fr of bench/make_cartesgouv_dev.py (stop 44).
CG_DEV_JUDGEMENTS = ROOT / "bench" / "judgements" / "cg-dev-grammar.tsv"
# … and on the social ministries' digital department's documentation of bench/make_socialgouv_dev.py (stop 46).
SOCIALGOUV_DEV_JUDGEMENTS = ROOT / "bench" / "judgements" / "socialgouv-dev-grammar.tsv"
# … and on the French pages of the W3C's accessibility initiative of bench/make_wai_dev.py (stop 46).
WAI_DEV_JUDGEMENTS = ROOT / "bench" / "judgements" / "wai-dev-grammar.tsv"
# … and on Datactivist's posts under CC BY-SA of bench/make_datactivist_dev.py and the n31.fr blog's posts of
# bench/make_n31_dev.py (stop 48: measured first as found, two judges each, then used to write filters).
DATACTIVIST_DEV_JUDGEMENTS = ROOT / "bench" / "judgements" / "datactivist-dev-grammar.tsv"
N31_DEV_JUDGEMENTS = ROOT / "bench" / "judgements" / "n31-dev-grammar.tsv"
# … and on a sample of beta.gouv.fr's product pages of bench/make_betagouv_dev.py (stop 49: measured first as found,
# two judges each, then used to write filters).
BETAGOUV_DEV_JUDGEMENTS = ROOT / "bench" / "judgements" / "betagouv-dev-grammar.tsv"
# … and on the French posts of two Canadian federal blogs of bench/make_canada_dev.py (stop 51: every finding of ten
# grammar rules judged as found, on all rules selected, then used to write three confusion filters).
CANADA_DEV_JUDGEMENTS = ROOT / "bench" / "judgements" / "canada-dev-grammar.tsv"
# … and on the French translation of React's documentation and blog of bench/make_react_dev.py (stop 52: every default
# grammar finding judged as found, then used to write filters).
REACT_DEV_JUDGEMENTS = ROOT / "bench" / "judgements" / "react-dev-grammar.tsv"
# … and on the posts of jamstatic.fr and frank.taillandier.me of bench/make_jamstatic_dev.py (stop 52: linted with
# that stop's rules, every finding of the small default rules and 30 of each big one judged as found).
JAMSTATIC_DEV_JUDGEMENTS = ROOT / "bench" / "judgements" / "jamstatic-dev-grammar.tsv"
# … and on the sections of « Cours de Python » of bench/make_pycours_dev.py (stop 52: every default grammar finding of
# commit 4adba32 judged as found; measured, not read to write a filter).
PYCOURS_DEV_JUDGEMENTS = ROOT / "bench" / "judgements" / "pycours-dev-grammar.tsv"
# Every finding of the grammar rules on by default and of the claims rules on the short news (under 120 words) of
# bench/make_news_dev.py --short (stop 37).
NEWS_SHORT_GRAMMAR = ROOT / "bench" / "judgements" / "news-short-grammar.tsv"
NEWS_SHORT_CLAIMS = ROOT / "bench" / "judgements" / "news-short-claims.tsv"
# … and every finding of spelling.unknown-word on both (stop 37).
SCHEMA_DEV_SPELLING = ROOT / "bench" / "judgements" / "schema-dev-spelling.tsv"
NEWS_SHORT_SPELLING = ROOT / "bench" / "judgements" / "news-short-spelling.tsv"
# The development sets kept outside the repository: option, what its folder holds, its judgement files (stops 32–46).
DEV_SETS: tuple[tuple[str, str, tuple[Path, ...]], ...] = (
    ("--news-dev", "the news articles written by bench/make_news_dev.py", (NEWS_DEV_JUDGEMENTS,)),
    (
        "--institutional-dev",
        "the pages of bench/make_institutional_dev.py",
        (INSTITUTIONAL_DEV_JUDGEMENTS, INSTITUTIONAL_DEV_CLAIMS),
    ),
    ("--schema-dev", "the schema pages of bench/make_schema_dev.py", (SCHEMA_DEV_JUDGEMENTS, SCHEMA_DEV_SPELLING)),
    (
        "--news-short",
        "the short news of bench/make_news_dev.py --short",
        (NEWS_SHORT_GRAMMAR, NEWS_SHORT_CLAIMS, NEWS_SHORT_SPELLING),
    ),
    ("--cnil-dev", "the CNIL guide's sheets of bench/make_cnil_dev.py", (CNIL_DEV_JUDGEMENTS,)),
    ("--numeco-dev", "the eco-design mission's pages of bench/make_numeco_dev.py", (NUMECO_DEV_JUDGEMENTS,)),
    ("--dsfr-dev", "the design system's documentation pages of bench/make_dsfr_dev.py", (DSFR_DEV_JUDGEMENTS,)),
    ("--ngc-dev", "Nos Gestes Climat's pages of bench/make_ngc_dev.py", (NGC_DEV_JUDGEMENTS,)),
    ("--apigouv-dev", "api.gouv.fr's guides and API pages of bench/make_apigouv_dev.py", (APIGOUV_DEV_JUDGEMENTS,)),
    ("--pdc-dev", "Putain de code's articles of bench/make_putaindecode_dev.py", (PDC_DEV_JUDGEMENTS,)),
    ("--cg-dev", "the help pages of cartes.gouv.fr of bench/make_cartesgouv_dev.py", (CG_DEV_JUDGEMENTS,)),
    (
        "--socialgouv-dev",
        "the social ministries' documentation pages of bench/make_socialgouv_dev.py",
        (SOCIALGOUV_DEV_JUDGEMENTS,),
    ),
    ("--wai-dev", "the W3C accessibility initiative's French pages of bench/make_wai_dev.py", (WAI_DEV_JUDGEMENTS,)),
    ("--datactivist-dev", "Datactivist's posts of bench/make_datactivist_dev.py", (DATACTIVIST_DEV_JUDGEMENTS,)),
    ("--n31-dev", "the n31.fr blog's posts of bench/make_n31_dev.py", (N31_DEV_JUDGEMENTS,)),
    ("--betagouv-dev", "beta.gouv.fr's product pages of bench/make_betagouv_dev.py", (BETAGOUV_DEV_JUDGEMENTS,)),
    ("--canada-dev", "two Canadian federal blogs' posts of bench/make_canada_dev.py", (CANADA_DEV_JUDGEMENTS,)),
    ("--react-dev", "React's French documentation pages of bench/make_react_dev.py", (REACT_DEV_JUDGEMENTS,)),
    ("--jamstatic-dev", "two web developers' blogs of bench/make_jamstatic_dev.py", (JAMSTATIC_DEV_JUDGEMENTS,)),
    ("--pycours-dev", "the sections of « Cours de Python » of bench/make_pycours_dev.py", (PYCOURS_DEV_JUDGEMENTS,)),
)
# Judged whole on the held-out set too: issue 12's rules outside the grammar family (typography Grammalecte
# checked, pleonasms and anglicisms, misspelt names), the claims and FAQ rules on by default, spelling variants.
HELDOUT_OTHER_RULES = frozenset({
    "typography.unit-space", "typography.time-format", "typography.ordinal", "typography.elision",
    "wording.pleonasm", "wording.anglicism-franceterme", "spelling.name-typo", "repetition.spelling-variant",
}) | CLAIMS_AND_FAQ_RULES  # fmt: skip


def heldout_rules() -> set[str]:
    """The rules judged whole on the held-out set: every rule of the grammar family, and HELDOUT_OTHER_RULES."""
    from checker.rule_packs import load_rules

    return {rule.id for rule in load_rules() if rule.family == "grammar" or rule.id in HELDOUT_OTHER_RULES}

RARE_PACK = ROOT / "rules" / "grammar-fr.yaml"  # and every rule of this pack (homophone-a, participle-avoir…)
JUDGEMENT_COLUMNS = ["file", "rule_id", "occurrence", "line", "column", "text", "verdict", "reason", "reported"]
VERDICTS = ("TRUE", "FALSE", "DEBATABLE")
# A score reported once per document, not a fault: nothing to judge.
NOT_JUDGED = {"readability.document-score"}
# Sampling: a rule with at most ALL_UP_TO findings, and every claims rule, is judged whole; a more
# frequent one gets ALL_UP_TO - 2 + sqrt(n) / 2 findings drawn at random (seeded).
ALL_UP_TO = 12
JUDGED_WHOLE_FAMILIES = {"claims"}
# Second stage, added after the seeded draw without changing it: every finding of these families
# (grammar rules sit near the 80 % bar, where a sample of 12 is too coarse to decide; spelling is issue 10 item 6).
SECOND_STAGE_FAMILIES = {"grammar", "spelling"}

Key = tuple[str, str, str, int]


@dataclass(frozen=True)
class Judgement:
    key: Key
    line: int
    column: int
    verdict: str
    reason: str
    # Whether the checker reported it at the last `--record`: a FALSE one marked "no" was fixed and
    # must not come back; a FALSE one marked "yes" is a known false alarm still to fix.
    reported: bool


def repo_path(path: str | Path) -> str:
    """The path of a corpus file relative to the repository root, with forward slashes."""
    resolved = (ROOT / path).resolve() if not Path(path).is_absolute() else Path(path).resolve()
    return resolved.relative_to(ROOT).as_posix()


def file_key(path: str | Path, folder: Path | None = None) -> str:
    """How a judgement file names a corpus file: relative to the repository, or to `folder` for a set kept outside
    it (bench/make_news_dev.py, bench/make_institutional_dev.py)."""
    return Path(path).resolve().relative_to(folder.resolve()).as_posix() if folder else repo_path(path)


def every_rule_selected() -> str:
    """A --select naming every family and every rule off by default: a rule switched off keeps its judged
    findings measured (and its TRUE catches held by the test), whatever its default."""
    from checker.families import family_names
    from checker.rule_packs import load_rules

    return ",".join([*family_names(), *sorted(r.id for r in load_rules() if not r.default_on)])


def rules_off_by_default() -> set[str]:
    from checker.rule_packs import load_rules

    return {r.id for r in load_rules() if not r.default_on}


def lint(paths: Sequence[Path], select: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """Findings of `checker lint --format json --no-cache` with every rule selected (or the rules and
    families of `select`), on the given files, in output order."""
    command = [sys.executable, "-c", "from checker.cli import main; main()", "lint", "--format", "json", "--no-cache"]
    command += ["--select", ",".join(sorted(select)) if select is not None else every_rule_selected()]
    result = subprocess.run([*command, *map(str, paths)], capture_output=True, text=True, cwd=ROOT)
    if result.returncode not in (0, 1):
        raise RuntimeError(f"checker lint failed ({result.returncode}): {result.stderr.strip()}")
    findings: list[dict[str, Any]] = json.loads(result.stdout)["findings"]
    return findings


def keyed(findings: Iterable[dict[str, Any]], folder: Path | None = None) -> dict[Key, dict[str, Any]]:
    """Each finding under its key (file, rule id, text, occurrence of that triple in output order); the file is
    relative to the repository, or to `folder` for a set kept outside it."""
    seen: Counter[tuple[str, str, str]] = Counter()
    result: dict[Key, dict[str, Any]] = {}
    for finding in findings:
        triple = (file_key(finding["path"], folder), finding["rule_id"], finding["text"])
        result[(*triple, seen[triple])] = finding
        seen[triple] += 1
    return result


def front_matter(text: str) -> dict[str, str]:
    match = re.match(r"\A---\n(.*?)\n---\n", text, re.DOTALL)
    fields: dict[str, str] = {}
    for line in match[1].splitlines() if match else []:
        name, _, value = line.partition(":")
        fields[name.strip()] = value.strip().strip('"')
    return fields


WORD = re.compile(r"[^\W\d_](?:[\w’'-]*\w)?")
MARKUP = re.compile(r"\]\([^)]*\)|<[^>]+>|https?://\S+")


def word_count(text: str) -> int:
    """Words of the body: front matter, link targets, HTML tags and bare URLs left out."""
    body = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.DOTALL)
    return len(WORD.findall(MARKUP.sub(" ", body)))


def corpus_files(folder: Path = CORPUS) -> list[Path]:
    return sorted(folder.glob("*.md"))


def rare_rules() -> set[str]:
    """The rules judged whole on the rare-rule set: RARE_RULES and every rule of RARE_PACK."""
    import yaml

    pack = yaml.safe_load(RARE_PACK.read_text(encoding="utf-8"))
    return RARE_RULES | {rule["id"] for rule in pack["rules"]}


def load_all_judgements() -> dict[Key, Judgement]:
    """The judged findings of the three sets (their keys differ by file)."""
    return {
        **load_judgements(JUDGEMENTS),
        **load_judgements(RARE_JUDGEMENTS),
        **load_judgements(HELDOUT_JUDGEMENTS),
    }


def both_sets(rules: Iterable[str]) -> str:
    """Per rule, the verdicts on both sets together (judged findings still reported, TRUE ones always)."""
    verdicts: dict[str, Counter[str]] = defaultdict(Counter)
    for key, judgement in load_all_judgements().items():
        if judgement.reported or judgement.verdict == "TRUE":
            verdicts[key[1]][judgement.verdict] += 1
    lines = ["The three sets (corpus/articles, corpus/rare, corpus/heldout), judged findings still reported:",
             f"{'rule':34} {'judged':>6} {'TRUE':>5} {'FALSE':>5} {'DEB':>4} {'precision':>9}"]  # fmt: skip
    for rule in sorted(rules):
        v = verdicts[rule]
        lines.append(
            f"{rule:34} {sum(v.values()):6d} {v['TRUE']:5d} {v['FALSE']:5d} {v['DEBATABLE']:4d} "
            f"{precision(v['TRUE'], v['FALSE']):>9}"
        )
    return "\n".join(lines)


def genres_and_words(files: Iterable[Path], folder: Path | None = None) -> dict[str, tuple[str, int]]:
    result = {}
    for path in files:
        text = path.read_text(encoding="utf-8")
        result[file_key(path, folder)] = (front_matter(text).get("genre", "other"), word_count(text))
    return result


def load_judgements(path: Path = JUDGEMENTS) -> dict[Key, Judgement]:
    judgements: dict[Key, Judgement] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row["verdict"] not in VERDICTS:
                raise ValueError(f"{path}: verdict {row['verdict']!r} is not one of {VERDICTS}")
            key = (row["file"], row["rule_id"], unescape(row["text"]), int(row["occurrence"]))
            if row["reported"] not in ("yes", "no"):
                raise ValueError(f"{path}: reported {row['reported']!r} is neither 'yes' nor 'no'")
            judgements[key] = Judgement(
                key, int(row["line"]), int(row["column"]), row["verdict"], row["reason"], row["reported"] == "yes"
            )
    return judgements


def escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"t": "\t", "n": "\n"}.get(m[1], m[1]), text)


def load_population(path: Path = POPULATION) -> set[Key]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return {(r["file"], r["rule_id"], unescape(r["text"]), int(r["occurrence"])) for r in rows}


def draw_sample(findings: dict[Key, dict[str, Any]], seed: int) -> list[Key]:
    """The stratified sample: every finding of rare rules and of the claims family, a seeded draw of
    the frequent ones; then every finding of the second-stage families not drawn yet."""
    by_rule: dict[str, list[Key]] = defaultdict(list)
    for key in findings:
        if key[1] not in NOT_JUDGED:
            by_rule[key[1]].append(key)
    rng = random.Random(seed)
    sample: list[Key] = []
    for rule in sorted(by_rule):
        keys = sorted(by_rule[rule])
        if len(keys) <= ALL_UP_TO or rule.split(".")[0] in JUDGED_WHOLE_FAMILIES:
            sample.extend(keys)
        else:
            sample.extend(sorted(rng.sample(keys, min(len(keys), ALL_UP_TO - 2 + round(math.sqrt(len(keys)) / 2)))))
    drawn = set(sample)
    for rule in sorted(by_rule):
        if rule.split(".")[0] in SECOND_STAGE_FAMILIES:
            sample.extend(key for key in sorted(by_rule[rule]) if key not in drawn)
    return sample


def write_population(findings: dict[Key, dict[str, Any]], path: Path = POPULATION) -> None:
    rows = ["file\trule_id\toccurrence\ttext"]
    rows += [f"{k[0]}\t{k[1]}\t{k[3]}\t{escape(k[2])}" for k in sorted(findings) if k[1] not in NOT_JUDGED]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")


def write_sheet(findings: dict[Key, dict[str, Any]], sample: list[Key], path: Path) -> None:
    """The sample as a judgement file with empty verdicts (columns of findings.tsv)."""
    rows = ["\t".join(JUDGEMENT_COLUMNS)]
    for key in sample:
        finding = findings[key]
        rows.append(f"{key[0]}\t{key[1]}\t{key[3]}\t{finding['line']}\t{finding['column']}\t{escape(key[2])}\t\t\tyes")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")


def record(judgements: dict[Key, Judgement], findings: dict[Key, dict[str, Any]], path: Path = JUDGEMENTS) -> None:
    """Rewrite the judgement file with `reported` set from this run (and lines and columns updated)."""
    rows = ["\t".join(JUDGEMENT_COLUMNS)]
    for key, judgement in judgements.items():
        finding = findings.get(key)
        line, column = (finding["line"], finding["column"]) if finding else (judgement.line, judgement.column)
        fields = [key[0], key[1], str(key[3]), str(line), str(column), escape(key[2]), judgement.verdict,
                  judgement.reason, "yes" if finding else "no"]  # fmt: skip
        rows.append("\t".join(fields))
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")


def precision(true: int, false: int) -> str:
    return f"{100 * true / (true + false):.0f} %" if true + false else "—"


def per_thousand(count: int, words: int) -> str:
    return f"{1000 * count / max(words, 1):8.1f}"


def report(
    findings: dict[Key, dict[str, Any]],
    words: dict[str, tuple[str, int]],
    judgements: dict[Key, Judgement],
    population: set[Key],
    judgement_file: Path = JUDGEMENTS,
) -> str:
    news_words = sum(n for genre, n in words.values() if genre == "news")
    all_words = sum(n for _, n in words.values())
    count: Counter[str] = Counter()
    news_count: Counter[str] = Counter()
    verdicts: dict[str, Counter[str]] = defaultdict(Counter)
    news_verdicts: dict[str, Counter[str]] = defaultdict(Counter)
    new_unjudged: dict[str, list[Key]] = defaultdict(list)
    for key in findings:
        rule = key[1]
        count[rule] += 1
        news_count[rule] += words.get(key[0], ("other", 0))[0] == "news"
        if key in judgements:
            verdicts[rule][judgements[key].verdict] += 1
            if words.get(key[0], ("other", 0))[0] == "news":
                news_verdicts[rule][judgements[key].verdict] += 1
        elif key not in population and rule not in NOT_JUDGED:
            new_unjudged[rule].append(key)
    gone = [judgement for key, judgement in judgements.items() if key not in findings]
    back = [j for key, j in judgements.items() if j.verdict == "FALSE" and not j.reported and key in findings]

    lines = [
        f"corpus: {len(words)} files, {all_words} words ({news_words} news); {len(findings)} findings; "
        f"{len(judgements)} judged findings in {judgement_file.relative_to(ROOT)}",
        "",
        f"{'rule':34} {'/1k news':>8} {'/1k all':>8} {'count':>6} {'judged':>6} {'TRUE':>5} {'FALSE':>5} "
        f"{'DEB':>4} {'precision':>9} {'news':>6}",
    ]
    families: dict[str, list[str]] = defaultdict(list)
    for rule in sorted(count):
        families[rule.split(".")[0]].append(rule)
    off = rules_off_by_default()
    for family in sorted(families):
        weighted_true = weighted_decided = 0.0
        family_count = family_news = 0
        for rule in families[family]:
            v, n = verdicts[rule], news_verdicts[rule]
            judged = sum(v.values())
            family_count += count[rule]
            family_news += news_count[rule]
            if v["TRUE"] + v["FALSE"]:
                weighted_true += count[rule] * v["TRUE"] / (v["TRUE"] + v["FALSE"])
                weighted_decided += count[rule]
            name = f"{rule} (off)" if rule in off else rule
            lines.append(
                f"{name:34} {per_thousand(news_count[rule], news_words)} {per_thousand(count[rule], all_words)} "
                f"{count[rule]:6d} {judged:6d} {v['TRUE']:5d} {v['FALSE']:5d} {v['DEBATABLE']:4d} "
                f"{precision(v['TRUE'], v['FALSE']):>9} {precision(n['TRUE'], n['FALSE']):>6}"
            )
        weighted = f"{100 * weighted_true / weighted_decided:.0f} %" if weighted_decided else "—"
        lines.append(
            f"{'= ' + family + ' (weighted)':34} {per_thousand(family_news, news_words)} "
            f"{per_thousand(family_count, all_words)} {family_count:6d} {'':6} {'':5} {'':5} {'':4} {weighted:>9}"
        )
        lines.append("")
    on_news = sum(
        1
        for key, finding in findings.items()
        if key[1] not in off
        and not key[1].startswith("typography.")
        and finding["severity"] in ("warning", "error")
        and words.get(key[0], ("other", 0))[0] == "news"
    )
    lines.append(
        f"On by default, outside typography: {per_thousand(on_news, news_words).strip()} warnings and errors "
        f"per 1,000 words of news (goal: at most 12). Rules marked (off) run with --preset picky."
    )
    lines.append("")
    if new_unjudged:
        lines.append("New findings since the sample was drawn, not judged yet:")
        for rule in sorted(new_unjudged):
            for key in new_unjudged[rule]:
                finding = findings[key]
                lines.append(f"  {rule}: {key[0]}:{finding['line']}:{finding['column']} « {key[2]} »")
    if back:
        lines.append("Fixed false alarms that came back:")
        for judgement in back:
            lines.append(f"  {judgement.key[1]}: {judgement.key[0]}:{judgement.line} « {judgement.key[2]} »")
    if gone:
        lines.append("Judged findings that are not reported any more (TRUE: a lost catch; FALSE: a fixed false alarm):")
        for judgement in sorted(gone, key=lambda j: (j.key[1], j.verdict)):
            lines.append(
                f"  {judgement.verdict:9} {judgement.key[1]}: {judgement.key[0]}:{judgement.line} "
                f"« {judgement.key[2]} »"
            )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--findings", type=Path, help="a `checker lint --format json` output on corpus/articles")
    parser.add_argument("--draw-sample", type=int, metavar="SEED", help="write population.tsv and sample-sheet.tsv")
    parser.add_argument("--record", action="store_true", help="set the `reported` column of findings.tsv from this run")
    parser.add_argument("--rare", action="store_true", help="the rare-rule set corpus/rare/ and rare-findings.tsv")
    parser.add_argument(
        "--heldout", action="store_true", help="the held-out set corpus/heldout/ and heldout-findings.tsv"
    )
    for option, what, judgement_files in DEV_SETS:
        names = " and ".join(path.name for path in judgement_files)
        parser.add_argument(option, type=Path, metavar="DIR", help=f"{what} in DIR, and {names}")
    args = parser.parse_args(argv)
    for option, _, judgement_files in DEV_SETS:
        folder = getattr(args, option[2:].replace("-", "_"))
        if folder:
            for judgements in judgement_files:
                print(dev_sample_main(folder, judgements, args.findings, args.record))
            return
    if args.rare:
        rare_main(args.findings, args.record)
        return
    if args.heldout:
        heldout_main(args.findings, args.record)
        return
    files = corpus_files()
    raw = json.loads(args.findings.read_text(encoding="utf-8"))["findings"] if args.findings else lint(files)
    findings = keyed(raw)
    if args.draw_sample is not None:
        sample = draw_sample(findings, args.draw_sample)
        write_population(findings)
        write_sheet(findings, sample, JUDGEMENTS.with_name("sample-sheet.tsv"))
        print(f"seed {args.draw_sample}: {len(sample)} findings drawn out of {len(findings)}")
        return
    judgements = load_judgements()
    if args.record:
        record(judgements, findings)
        judgements = load_judgements()
    print(report(findings, genres_and_words(files), judgements, load_population()))


def rare_main(findings_file: Path | None, record_run: bool) -> None:
    """The rare-rule set: only the rare rules' findings count; all of them are to be judged."""
    rules = rare_rules()
    print(judged_whole(RARE_CORPUS, RARE_JUDGEMENTS, rules, findings_file, record_run))
    print()
    print(both_sets(rules))


def heldout_main(findings_file: Path | None, record_run: bool) -> None:
    """The held-out set: every finding of the held-out rules is judged, none was read to write a rule."""
    print(judged_whole(HELDOUT_CORPUS, HELDOUT_JUDGEMENTS, heldout_rules(), findings_file, record_run))


def dev_sample_main(folder: Path, judgements_file: Path, findings_file: Path | None, record_run: bool) -> str:
    """A development set kept outside the repository (the news of `bench/make_news_dev.py`, the institutional pages
    of `bench/make_institutional_dev.py`, the schema pages of `bench/make_schema_dev.py`, the short news of
    `bench/make_news_dev.py --short`, the CNIL guide of `bench/make_cnil_dev.py`, the eco-design mission's pages of
    `bench/make_numeco_dev.py`, the design system's pages of `bench/make_dsfr_dev.py`, Nos Gestes Climat's pages of
    `bench/make_ngc_dev.py`, api.gouv.fr's pages of `bench/make_apigouv_dev.py`, Putain de code's articles of
    `bench/make_putaindecode_dev.py`, cartes.gouv.fr's help pages of `bench/make_cartesgouv_dev.py`, the social
    ministries' documentation of `bench/make_socialgouv_dev.py`, the W3C accessibility initiative's French pages of
    `bench/make_wai_dev.py`, Datactivist's posts of `bench/make_datactivist_dev.py`, the n31.fr blog of
    `bench/make_n31_dev.py`, beta.gouv.fr's product pages of `bench/make_betagouv_dev.py`) and its judged findings,
    to write filters from: only the rules that have a judged finding are linted (a rule with none there yet is not, so
    its first finding is not listed); every finding of them was judged, so a finding not judged is listed as new
    (judge it)."""
    rules = {key[1] for key in load_judgements(judgements_file)}
    return judged_whole(folder, judgements_file, rules, findings_file, record_run, outside=True)


def judged_whole(
    folder: Path,
    judgements_file: Path,
    rules: set[str],
    findings_file: Path | None,
    record_run: bool,
    outside: bool = False,
) -> str:
    """The report on a set whose every finding of `rules` is judged: the population is what has been judged.
    `outside`: a set kept outside the repository, keyed by its file names and linted with `rules` only."""
    files = corpus_files(folder)
    key_folder = folder if outside else None
    if findings_file:
        raw = json.loads(findings_file.read_text(encoding="utf-8"))["findings"]
    else:
        raw = lint(files, rules) if outside else lint(files)
    findings = {key: finding for key, finding in keyed(raw, key_folder).items() if key[1] in rules}
    judgements = load_judgements(judgements_file)
    if record_run:
        record(judgements, findings, judgements_file)
        judgements = load_judgements(judgements_file)
    return report(findings, genres_and_words(files, key_folder), judgements, set(judgements), judgements_file)


if __name__ == "__main__":
    main()
