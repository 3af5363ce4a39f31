"""The judged findings of bench/judgements/findings.tsv on the development corpus (corpus/articles/),
of bench/judgements/rare-findings.tsv on the rare-rule set (corpus/rare/, the rare rules only) and of
bench/judgements/heldout-findings.tsv on the held-out set (corpus/heldout/, the agreement rules only), hold: a
finding judged TRUE is still reported, a false alarm recorded as fixed (`reported` = no) does not come
back, and a known false alarm (`reported` = yes) that a change removes is recorded as fixed
(`.venv/bin/python bench/precision.py --record`, `--rare --record`), so that the gain is kept.

After a rule change, also judge the findings it newly produces (`bench/precision.py` lists them); on the
rare-rule set every finding of a rare rule is judged.
The corpus files that hold a judged finding are linted once for the module (on the rare-rule set only
the rare rules' findings are judged; every rule runs, as their overlaps decide which finding is kept)."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from bench_scripts import load_bench  # tests/bench_scripts.py

from checker.rule_packs import load_rules

ROOT = Path(__file__).resolve().parent.parent


precision = load_bench("precision")
JUDGEMENTS = precision.load_all_judgements()
RARE_FOLDER = precision.RARE_CORPUS.relative_to(ROOT).as_posix() + "/"
HELDOUT_FOLDER = precision.HELDOUT_CORPUS.relative_to(ROOT).as_posix() + "/"


@pytest.fixture(scope="module")
def current() -> dict[Any, dict[str, Any]]:
    files = sorted({key[0] for key in JUDGEMENTS})
    development = [ROOT / f for f in files if not f.startswith((RARE_FOLDER, HELDOUT_FOLDER))]
    rare = [ROOT / f for f in files if f.startswith(RARE_FOLDER)]
    result: dict[Any, dict[str, Any]] = precision.keyed(precision.lint(development))
    rare_rules = precision.rare_rules()
    result.update({k: f for k, f in precision.keyed(precision.lint(rare)).items() if k[1] in rare_rules})
    # Every file of the held-out set: a finding of its rules in a file without one yet must be judged too.
    heldout = precision.keyed(precision.lint(precision.corpus_files(precision.HELDOUT_CORPUS)))
    heldout_rules = precision.heldout_rules()
    result.update({k: f for k, f in heldout.items() if k[1] in heldout_rules})
    return result


def _describe(keys: list[Any]) -> str:
    return "\n".join(f"  {k[1]} {k[0]}:{JUDGEMENTS[k].line} « {k[2]} » ({JUDGEMENTS[k].reason})" for k in sorted(keys))


def test_the_sample_is_large_and_judged_whole() -> None:
    assert len(JUDGEMENTS) >= 400
    assert all(j.verdict in ("TRUE", "FALSE", "DEBATABLE") and j.reason.strip() for j in JUDGEMENTS.values())
    assert not [key for key, j in JUDGEMENTS.items() if j.verdict == "TRUE" and not j.reported]
    assert all((ROOT / key[0]).is_file() for key in JUDGEMENTS)


def test_every_judged_finding_names_a_rule_that_exists() -> None:
    """A judged finding keyed by a rule id no rule has any more could never be reported again, so a fixed false alarm
    coming back under the rule that now reports it would go unseen (stop 51 split three rules: their judged rows,
    mended false alarms included, name the part that reports them)."""
    rule_ids = {rule.id for rule in load_rules()}
    judged = set(JUDGEMENTS)
    for _option, _what, files in precision.DEV_SETS:
        for path in files:
            judged |= set(precision.load_judgements(path))
    assert len(judged) > len(JUDGEMENTS)
    assert not sorted({key[1] for key in judged} - rule_ids)


def test_no_fixed_false_alarm_comes_back(current: dict[Any, dict[str, Any]]) -> None:
    back = [key for key, j in JUDGEMENTS.items() if j.verdict == "FALSE" and not j.reported and key in current]
    assert not back, f"{len(back)} finding(s) judged FALSE and fixed are reported again:\n{_describe(back)}"


def test_a_fixed_false_alarm_is_recorded(current: dict[Any, dict[str, Any]]) -> None:
    fixed = [key for key, j in JUDGEMENTS.items() if j.verdict == "FALSE" and j.reported and key not in current]
    assert not fixed, (
        f"{len(fixed)} false alarm(s) are gone: record it with `.venv/bin/python bench/precision.py --record`"
        f" (and judge the rule's new findings):\n{_describe(fixed)}"
    )


def test_no_finding_judged_true_disappears(current: dict[Any, dict[str, Any]]) -> None:
    gone = [key for key, j in JUDGEMENTS.items() if j.verdict == "TRUE" and key not in current]
    assert not gone, f"{len(gone)} finding(s) judged TRUE are no longer reported:\n{_describe(gone)}"


def test_every_finding_of_a_rare_rule_on_the_rare_set_is_judged(current: dict[Any, dict[str, Any]]) -> None:
    unjudged = [key for key in current if key[0].startswith(RARE_FOLDER) and key not in JUDGEMENTS]
    assert not unjudged, f"{len(unjudged)} finding(s) of the rare rules on corpus/rare/ are not judged:\n" + "\n".join(
        f"  {k[1]} {k[0]} « {k[2]} »" for k in sorted(unjudged)
    )


def test_every_finding_of_the_heldout_rules_on_the_heldout_set_is_judged(current: dict[Any, dict[str, Any]]) -> None:
    unjudged = [key for key in current if key[0].startswith(HELDOUT_FOLDER) and key not in JUDGEMENTS]
    assert not unjudged, f"{len(unjudged)} finding(s) on corpus/heldout/ are not judged:\n" + "\n".join(
        f"  {k[1]} {k[0]} « {k[2]} »" for k in sorted(unjudged)
    )


# On corpus/heldout/ (nobody had read it when its findings were judged), TRUE / (TRUE + FALSE) of the findings still
# reported, and the TRUE ones: the determiner's agreement, on by default at info, and the adjective's, off by default
# for its 20 %; capitalization and homophone-a after English sentences and lower-case list items stopped being read
# as errors (44 % and 23 % before: those two fixes were found there). Since stop 30 the set has a third part, the
# EIG blog (corpus/heldout/eig-*), and since stop 31 a fourth, news (corpus/heldout/wn-*), each judged whole as
# found; the floors are those of the four parts together, with a disagreeing pair counted once (stop 31).
HELDOUT_FLOORS = {
    "grammar.agreement": (0.74, 61),
    "grammar.adjective-agreement": (0.22, 20),
    "grammar.capitalization": (0.95, 60),
    "grammar.homophone-a": (0.95, 23),
    "grammar.participle": (0.72, 37),
    # Since stop 51 a verb where a noun is expected is grammar.unexpected-verb, off by default (2 / 2 of confusion's
    # findings here); the agreement with a noun subject, an imperative's ending and an infinitive after « de » are
    # off by default too: the parts left on, as found (measured only, nothing written from this set).
    "grammar.confusion": (0.80, 29),
    "grammar.conjugation": (0.66, 4),
    "grammar.verb-form": (0.40, 4),
    "grammar.punctuation": (0.90, 20),
    # Issue 12's rules outside grammar (precision.HELDOUT_OTHER_RULES). Anglicisms: 15 of 22 as first judged,
    # 6 of the 7 false alarms in an interview printed in English, no longer checked (lint._french_only).
    "typography.time-format": (1.0, 35),
    "typography.ordinal": (1.0, 5),
    "wording.pleonasm": (1.0, 12),
    "wording.anglicism-franceterme": (0.88, 24),
}
# The claims rules on the news part alone (corpus/heldout/wn-*), the genre they are written for: as found in stop 31.
HELDOUT_NEWS_FLOORS = {
    "claims.conditional": (0.64, 22),
    "claims.likelihood": (0.69, 9),
    "claims.reported-conditional": (0.52, 9),
}


def test_the_heldout_precision_holds(current: dict[Any, dict[str, Any]]) -> None:
    from collections import Counter

    for rule, (floor, catches) in HELDOUT_FLOORS.items():
        reported = [k for k in current if k[0].startswith(HELDOUT_FOLDER) and k[1] == rule]
        verdicts = Counter(JUDGEMENTS[k].verdict for k in reported if k in JUDGEMENTS)
        assert verdicts["TRUE"] >= catches, (rule, verdicts)
        assert verdicts["TRUE"] / (verdicts["TRUE"] + verdicts["FALSE"]) >= floor, (rule, verdicts)
    adjective = next(r for r in precision_rules() if r.id == "grammar.adjective-agreement")
    assert not adjective.default_on  # 5 % on the held-out set: off by default
    # Below 80 % as first reported on the development sets (stop 51): off by default.
    split_off = ("grammar.conjugation-noun-subject", "grammar.imperative-form", "grammar.infinitive-after-de")
    assert not [r.id for r in precision_rules() if r.id in (*split_off, "grammar.unexpected-verb") and r.default_on]
    news = HELDOUT_FOLDER + "wn-"
    for rule, (floor, catches) in HELDOUT_NEWS_FLOORS.items():
        verdicts = Counter(JUDGEMENTS[k].verdict for k in current if k[0].startswith(news) and k[1] == rule)
        assert verdicts["TRUE"] >= catches, (rule, verdicts)
        assert verdicts["TRUE"] / (verdicts["TRUE"] + verdicts["FALSE"]) >= floor, (rule, verdicts)
    hype = next(r for r in precision_rules() if r.id == "claims.hype")
    assert not hype.default_on  # 3 of 10 on the three first sets, 1 of 8 on the news part (stop 31): off by default


def precision_rules() -> list[Any]:
    from checker.rule_packs import load_rules

    return list(load_rules())


def test_a_finding_is_keyed_by_file_rule_text_and_occurrence() -> None:
    findings = [
        {"path": "corpus/articles/a.md", "rule_id": "r.x", "text": "mot", "line": 3},
        {"path": "corpus/articles/a.md", "rule_id": "r.x", "text": "mot", "line": 9},
        {"path": "corpus/articles/a.md", "rule_id": "r.y", "text": "mot", "line": 9},
    ]
    keys = list(precision.keyed(findings))
    assert keys == [
        ("corpus/articles/a.md", "r.x", "mot", 0),
        ("corpus/articles/a.md", "r.x", "mot", 1),
        ("corpus/articles/a.md", "r.y", "mot", 0),
    ]


def test_a_set_outside_the_repository_is_keyed_by_its_file_names(tmp_path: Path) -> None:
    findings = [
        {"path": str(tmp_path / "2016_01_a.md"), "rule_id": "r.x", "text": "mot"},
        {"path": str(tmp_path / "2016_01_a.md"), "rule_id": "r.x", "text": "mot"},
    ]
    keys = list(precision.keyed(findings, tmp_path))
    assert keys == [("2016_01_a.md", "r.x", "mot", 0), ("2016_01_a.md", "r.x", "mot", 1)]


@pytest.mark.parametrize(
    ("judgements", "size"),
    [
        (precision.NEWS_DEV_JUDGEMENTS, 878),
        (precision.INSTITUTIONAL_DEV_JUDGEMENTS, 351),
        (precision.INSTITUTIONAL_DEV_CLAIMS, 60),
        (precision.SCHEMA_DEV_JUDGEMENTS, 98),
        (precision.NEWS_SHORT_GRAMMAR, 102),
        (precision.NEWS_SHORT_CLAIMS, 41),
        (precision.SCHEMA_DEV_SPELLING, 181),
        (precision.NEWS_SHORT_SPELLING, 27),
        (precision.CNIL_DEV_JUDGEMENTS, 39),
        (precision.NUMECO_DEV_JUDGEMENTS, 217),
        (precision.DSFR_DEV_JUDGEMENTS, 80),
        (precision.NGC_DEV_JUDGEMENTS, 110),
        (precision.APIGOUV_DEV_JUDGEMENTS, 192),
        (precision.PDC_DEV_JUDGEMENTS, 455),
        (precision.CG_DEV_JUDGEMENTS, 109),
        (precision.SOCIALGOUV_DEV_JUDGEMENTS, 83),
        (precision.WAI_DEV_JUDGEMENTS, 46),
        (precision.DATACTIVIST_DEV_JUDGEMENTS, 28),
        (precision.N31_DEV_JUDGEMENTS, 46),
        (precision.BETAGOUV_DEV_JUDGEMENTS, 258),
        (precision.CANADA_DEV_JUDGEMENTS, 120),
        (precision.REACT_DEV_JUDGEMENTS, 165),
        (precision.JAMSTATIC_DEV_JUDGEMENTS, 277),
        (precision.PYCOURS_DEV_JUDGEMENTS, 113),
    ],
)
def test_the_development_samples_are_judged_whole(judgements: Path, size: int) -> None:
    """The samples of the sets kept outside the repository (stop 32, claims in stop 34, every default grammar rule
    in stop 35, the schema pages and the short news in stop 37, the CNIL guide in stop 38, the eco-design mission's
    and the design system's pages in stop 39, Nos Gestes Climat's pages in stop 40, api.gouv.fr's pages in stop 41,
    Putain de code's articles in stop 43, cartes.gouv.fr's help pages in stop 44, the social ministries'
    documentation and the W3C accessibility initiative's French pages in stop 46, Datactivist's posts and the n31.fr
    blog in stop 48, beta.gouv.fr's product pages in stop 49, two Canadian federal blogs in stop 51, React's French
    documentation, two web developers' blogs and a Python course in stop 52): every row
    judged, with a reason, keyed by a file name of that set (no folder); their figures are printed by
    `bench/precision.py --news-dev`, `--institutional-dev`, `--schema-dev`, `--news-short`, `--cnil-dev`,
    `--numeco-dev`, `--dsfr-dev`, `--ngc-dev`, `--apigouv-dev`, `--pdc-dev`, `--cg-dev`, `--socialgouv-dev`,
    `--wai-dev`, `--datactivist-dev`, `--n31-dev`, `--betagouv-dev`, `--canada-dev`, `--react-dev`,
    `--jamstatic-dev` and `--pycours-dev`."""
    rows = precision.load_judgements(judgements)
    assert len(rows) >= size
    assert all(j.reason.strip() and "/" not in key[0] for key, j in rows.items())


def test_a_rule_judged_below_the_bar_on_the_eltec_novels_is_off_by_default() -> None:
    """A sample of a rule's findings on the ELTeC novels (published prose kept outside the repository, linted by
    `bench/eltec_false_alarms.py`), judged by two helpers (stop 36): 40 findings of grammar.homophone-ou drawn with
    seed 36 among its 106 on the 100 novels. A rule right in fewer than 80 % of them stays off by default."""
    path = ROOT / "bench" / "judgements" / "eltec-homophone-ou.tsv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert len(rows) == 40
    assert all(r["verdict"] in ("TRUE", "FALSE", "DEBATABLE") and r["reason"].strip() for r in rows)
    assert all("[[ou]]" in r["context"].lower() for r in rows)
    rules = load_rules()
    for rule_id in sorted({r["rule_id"] for r in rows}):
        decided = [r["verdict"] for r in rows if r["rule_id"] == rule_id and r["verdict"] != "DEBATABLE"]
        precision_there = decided.count("TRUE") / len(decided)
        rule = rules.get(rule_id)
        assert rule is not None, rule_id
        assert precision_there >= 0.8 or not rule.default_on, (rule_id, precision_there)
