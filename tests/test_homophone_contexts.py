"""The `homophone-stats` rule kind (checker/homophone_contexts.py), its data file and the script that builds it."""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path

import pytest

from checker.config import Config
from checker.document import tokenize
from checker.errors import CheckerError
from checker.homophone_contexts import (
    ALTERNATIVES,
    FORMS,
    counts,
    occurrences,
    parse_counts,
    parse_thresholds,
    preference,
)
from checker.lint import lint_text
from checker.rule_packs import load_rules, parse_pack

ROOT = Path(__file__).resolve().parent.parent
RULE = "grammar.homophone-context"


def _flagged(text: str) -> list[tuple[str, list[str]]]:
    result = lint_text(text, Config(select=(RULE,)), fmt="text")
    return [(f.text, f.suggestions) for f in result.findings if f.rule_id == RULE]


def test_the_data_counts_every_form_in_real_text() -> None:
    data = counts()
    assert set(data.totals) == FORMS
    assert all(data.totals[form] >= 400 for form in FORMS)
    # « s'est » is followed by a participle far more often than « c'est » is.
    participle = "pp.s"
    s_est = data.classes["R\ts'est"][participle] / data.totals["s'est"]
    c_est = data.classes["R\tc'est"].get(participle, 0) / data.totals["c'est"]
    assert s_est > 5 * c_est


def test_the_data_file_is_small_and_names_its_source() -> None:
    path = ROOT / "checker" / "data" / "homophone-contexts.tsv.gz"
    assert path.stat().st_size < 2_000_000
    header = gzip.decompress(path.read_bytes()).decode("utf-8").splitlines()[:3]
    assert any("ELTeC" in line and "public domain" in line for line in header)
    assert any("commit" in line for line in header)


def test_elided_forms_are_one_occurrence_with_their_neighbours() -> None:
    found = list(occurrences(tokenize("Le ministre s’est rendu à Lyon, c’est dit.")))
    assert [o.form for o in found] == ["s'est", "à", "c'est"]
    first = found[0]
    assert first.left == ("ministre", "n.s") and first.right[0] == "rendu"
    assert found[2].left == (",", ",")


@pytest.mark.parametrize(
    ("text", "span", "suggestion"),
    [
        ("Le projet à été validé hier par le conseil.", "à", "a"),
        ("Les habitants son partis ce matin.", "son", "sont"),
        ("Ils on décidé de rester.", "on", "ont"),
        ("Le ministre c’est rendu sur place.", "c’est", "s’est"),
        ("Il faut ce méfier des chiffres.", "ce", "se"),
        ("Il a vu la une occasion de partir.", "la", "là"),
    ],
)
def test_the_neighbours_decide(text: str, span: str, suggestion: str) -> None:
    assert _flagged(text) == [(span, [suggestion])]


@pytest.mark.parametrize(
    "text",
    [
        "Le projet a été validé hier par le conseil, et les habitants sont partis.",
        "Il faut se méfier de ces chiffres et de ses conclusions.",
        "Le ministre s’est rendu sur place : c’est une première.",
        "La CE a présenté son plan à Bruxelles.",  # an acronym
        "Pour ce faire, il ou elle devra partager avec A ce que B ne sait pas.",
        "Le Parc a fait développer un outil, consultable sur linaker.se en .odt et .pdf.",
        "Comme chaque année, l’association organise ses Rencontres.",
    ],
)
def test_correct_sentences_are_left_alone(text: str) -> None:
    assert _flagged(text) == []


def test_the_preference_is_symmetric() -> None:
    occurrence = next(occurrences(tokenize("Il est parti.")))
    assert preference(occurrence, "et") == pytest.approx(-_reverse(occurrence), abs=1e-9)


def _reverse(occurrence: object) -> float:
    from dataclasses import replace

    swapped = replace(occurrence, form="et")  # type: ignore[type-var]
    return preference(swapped, "est")


def test_pair_thresholds_are_checked() -> None:
    assert parse_thresholds(["ses>ces=2", "c’est>s’est=4"]) == {("ses", "ces"): 2.0, ("c'est", "s'est"): 4.0}
    with pytest.raises(ValueError):
        parse_thresholds(["ses>mais=2"])
    rule = load_rules().get(RULE)
    assert rule is not None and rule.kind == "homophone-stats"
    pack = """
pack: maison
rules:
  - id: grammar.maison-homophones
    family: grammar
    kind: homophone-stats
    severity: info
    message: "« {match} » → « {suggestion} »"
    description: seuil inventé
    parameters:
      threshold: {type: number, default: 3, description: seuil}
      pair-thresholds: {type: strings, default: ["la>mais=1"], description: seuils}
    examples:
      flagged: ["Le projet <marker>à</marker> été validé."]
      accepted: ["Le projet a été validé."]
"""
    with pytest.raises(CheckerError, match="pair-thresholds"):
        parse_pack(pack, "maison.yaml")
    with pytest.raises(CheckerError, match="homophone-stats"):
        parse_pack(pack.replace("kind: homophone-stats", "kind: homophone-magic"), "maison.yaml")


def test_a_lower_threshold_in_the_configuration_flags_more() -> None:
    from checker.config import config_from_mapping

    text = "La Francophonie les perdra ou les gagnera."  # « ou » leans toward « où » by 2.6, under 6.5
    strict = lint_text(text, Config(select=(RULE,)), fmt="text").findings
    loose_config = config_from_mapping(
        {"select": [RULE], "rules": {RULE: {"threshold": 0.0, "pair-thresholds": []}}}
    )
    loose = lint_text(text, loose_config, fmt="text").findings
    assert strict == [] and [f.text for f in loose] == ["ou"]


def test_the_script_builds_the_file_from_a_tei_repository(tmp_path: Path) -> None:
    repo = tmp_path / "eltec"
    (repo / "level1").mkdir(parents=True)
    body = "".join(
        f"<p>Il est parti et elle est restée {i}. Le chat a mangé à midi ; ses amis sont là.</p>" for i in range(40)
    )
    tei = (
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div>'
        f"{body}<p>Une note<note>est ignorée</note> ici.</p></div></body></text></TEI>"
    )
    (repo / "level1" / "FRA00001_Test.xml").write_text(tei, encoding="utf-8")
    for command in (
        ["init", "-q"],
        ["add", "."],
        ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "x"],
    ):
        subprocess.run(["git", "-C", str(repo), *command], check=True)
    out = tmp_path / "contexts.tsv.gz"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_homophone_contexts.py"), str(repo), "--out", str(out)],
        check=True,
        capture_output=True,
    )
    data = parse_counts(gzip.decompress(out.read_bytes()).decode("utf-8"))
    assert data.totals["est"] == 80 and data.totals["et"] == 40 and data.totals["à"] == 40
    assert data.words["R\test"] == {"parti": 40, "restée": 40}
    assert data.words["L\tet"] == {"parti": 40}
    assert data.classes["R\ta"]["pp.s"] == 40
    assert "ignorée" not in data.words.get("L\test", {})  # the note is left out
    assert set(data.totals) <= set(ALTERNATIVES) | FORMS


def test_the_statistics_speak_only_where_no_other_rule_did() -> None:
    text = "Le projet à été validé hier par le conseil."
    alone = lint_text(text, Config(select=(RULE,)), fmt="text").findings
    family = lint_text(text, Config(select=("grammar",)), fmt="text").findings
    assert [f.text for f in alone] == ["à"]
    assert [f.text for f in family if f.start == alone[0].start] == ["à"]
    assert not [f for f in family if f.rule_id == RULE]
