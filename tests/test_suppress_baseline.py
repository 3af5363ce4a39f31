"""Inline suppression comments and the baseline file (adopt the tool on an archive, fail only on
new findings)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.baseline import filter_new, fingerprint, read_baseline, write_baseline
from checker.cli import main
from checker.config import Config
from checker.errors import CheckerError
from checker.lint import lint_text

CONFIG = Config(select=("wording", "markup"))


def found(text: str, fmt: str = "markdown") -> list[tuple[str, int]]:
    return [(f.rule_id, f.line) for f in lint_text(text, CONFIG, fmt=fmt).findings]


def suppressed(text: str, fmt: str = "markdown") -> int:
    return lint_text(text, CONFIG, fmt=fmt).suppressed


# ---------------------------------------------------------------- suppression comments

ARTICLE = (
    "Ils veulent collaborer ensemble.\n"  # 1
    "\n"
    "<!-- checker-disable wording.pleonasm -->\n"  # 3
    "\n"
    "Ils veulent collaborer ensemble. Force est de constater.\n"  # 5
    "\n"
    "<!-- checker-enable -->\n"  # 7
    "\n"
    "Ils veulent collaborer ensemble.\n"  # 9
)


def test_disable_until_enable_for_one_rule() -> None:
    assert found(ARTICLE) == [("wording.pleonasm", 1), ("wording.cliche", 5), ("wording.pleonasm", 9)]
    assert suppressed(ARTICLE) == 1


def test_disable_by_family_and_everything() -> None:
    text = ARTICLE.replace("checker-disable wording.pleonasm", "checker-disable wording")
    assert found(text) == [("wording.pleonasm", 1), ("wording.pleonasm", 9)]
    text = ARTICLE.replace("checker-disable wording.pleonasm", "checker-disable")
    assert found(text) == [("wording.pleonasm", 1), ("wording.pleonasm", 9)]
    assert suppressed(text) == 2


def test_disable_several_rules_and_no_enable_runs_to_the_end() -> None:
    text = (
        "<!-- checker-disable wording.pleonasm, markup -->\n\n%20(26).png)\n\nCollaborer ensemble. Il va sans dire.\n"
    )
    assert found(text) == [("wording.cliche", 5)]
    assert suppressed(text) == 2


def test_enable_one_rule_keeps_the_others_disabled() -> None:
    text = (
        "<!-- checker-disable wording.cliche -->\n"
        "<!-- checker-disable wording.pleonasm -->\n\n"
        "Collaborer ensemble. Il va sans dire.\n\n"
        "<!-- checker-enable wording.pleonasm -->\n\n"
        "Collaborer ensemble. Il va sans dire.\n"
    )
    assert found(text) == [("wording.pleonasm", 8)]


def test_disable_next_line() -> None:
    text = (
        "Collaborer ensemble.\n"
        "<!-- checker-disable-next-line wording.pleonasm -->\n"
        "Collaborer ensemble. Il va sans dire.\n"
        "Collaborer ensemble.\n"
    )
    assert found(text, "text") == [("wording.pleonasm", 1), ("wording.cliche", 3), ("wording.pleonasm", 4)]
    everything = text.replace("disable-next-line wording.pleonasm", "disable-next-line")
    assert found(everything, "text") == [("wording.pleonasm", 1), ("wording.pleonasm", 4)]


def test_suppression_in_html() -> None:
    text = (
        "<p>Collaborer ensemble.</p>\n"
        "<!-- checker-disable-next-line -->\n"
        "<p>Collaborer ensemble.</p>\n"
        "<p>Collaborer ensemble.</p>\n"
    )
    assert found(text, "html") == [("wording.pleonasm", 1), ("wording.pleonasm", 4)]


def test_a_mistyped_directive_suppresses_nothing() -> None:
    text = "<!-- checker-disabled wording -->\n\nCollaborer ensemble.\n"
    assert found(text) == [("wording.pleonasm", 3)]


def test_suppressed_count_in_text_summary(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(main, ["lint", "--jobs", "1", "--select", "wording", str(path)])
    assert "1 masquée(s)" in result.stdout.splitlines()[-1]


# ---------------------------------------------------------------- baseline

OLD = "# Archive\n\nIls veulent collaborer ensemble.\n\n%20(26).png)\n"


def cli(*args: str, cwd: Path) -> tuple[int, str, str]:
    old = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(
            main, ["lint", "--jobs", "1", "--fail-on", "warning", "--select", "wording,markup", *args]
        )
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout, result.stderr


def test_baseline_round_trip_only_new_findings_fail(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text(OLD, encoding="utf-8")
    (docs / "b.md").write_text("Rien.\n", encoding="utf-8")
    assert cli("docs", cwd=tmp_path)[0] == 1

    code, out, err = cli("--write-baseline", "baseline.json", "docs", cwd=tmp_path)
    assert code == 0
    assert "2 constat(s)" in err
    data = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    assert data["version"] == 1 and sum(data["findings"].values()) == 2

    # Same findings: clean, and the summary says how many the baseline hid.
    code, out, _ = cli("--baseline", "baseline.json", "--format", "json", "docs", cwd=tmp_path)
    assert code == 0
    report = json.loads(out)
    assert report["findings"] == [] and report["summary"]["baselined"] == 2

    # Lines move (text added above): still known. A new finding elsewhere: reported, exit 1.
    (docs / "a.md").write_text("# Archive\n\nUn paragraphe ajouté.\n\n" + OLD.split("\n", 2)[2], encoding="utf-8")
    (docs / "b.md").write_text("Rien.\n\nIl faut prévoir à l’avance.\n", encoding="utf-8")
    code, out, _ = cli("--baseline", "baseline.json", "--format", "json", "docs", cwd=tmp_path)
    assert code == 1
    report = json.loads(out)
    assert [(Path(f["path"]).name, f["text"]) for f in report["findings"]] == [("b.md", "prévoir à l’avance")]
    assert report["summary"]["baselined"] == 2

    # A second occurrence of a known finding is new.
    (docs / "a.md").write_text(OLD + "\nEt collaborer ensemble encore.\n", encoding="utf-8")
    code, out, _ = cli("--baseline", "baseline.json", "--format", "json", str(docs / "a.md"), cwd=tmp_path)
    assert code == 1
    assert [f["line"] for f in json.loads(out)["findings"]] == [7]


def test_baseline_paths_do_not_depend_on_how_the_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(OLD, encoding="utf-8")
    assert cli("--write-baseline", "b.json", "./a.md", cwd=tmp_path)[0] == 0
    assert cli("--baseline", "b.json", "a.md", cwd=tmp_path)[0] == 0
    assert cli("--baseline", str(tmp_path / "b.json"), str(tmp_path / "a.md"), cwd=tmp_path.parent)[0] == 0
    sub = tmp_path / "sub"
    sub.mkdir()
    assert cli("--baseline", "../b.json", "../a.md", cwd=sub)[0] == 0


def test_baseline_functions() -> None:
    from dataclasses import replace

    from checker.findings import Finding

    f = Finding("wording.pleonasm", "wording", "warning", "m", "a.md", 0, 9, 1, 1, 2, 10, "collaborer\n  ensemble")
    moved = replace(f, text="collaborer ensemble", line=3)
    assert fingerprint(f) == fingerprint(moved)  # white space inside the span does not matter
    assert fingerprint(f) != fingerprint(replace(f, rule_id="wording.cliche"))
    assert fingerprint(f) != fingerprint(replace(f, path="b.md"))
    assert fingerprint(f) == fingerprint(replace(f, path="./a.md"))
    from collections import Counter

    new, known = filter_new([f, moved, f], Counter({fingerprint(f): 2}))
    assert (new, known) == ([f], 2)


@pytest.mark.parametrize(
    "content",
    ["{not json", "[]", '{"version": 2, "findings": {}}', '{"version": 1}', '{"version": 1, "findings": {"x": "2"}}'],
)
def test_invalid_baseline_files(tmp_path: Path, content: str) -> None:
    path = tmp_path / "baseline.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CheckerError, match="référence invalide"):
        read_baseline(path)


def test_baseline_write_failure_is_a_checker_error(tmp_path: Path) -> None:
    with pytest.raises(CheckerError, match=r"écriture impossible \(référence\)"):
        write_baseline(tmp_path / "absent-folder" / "b.json", [])


# ---------------------------------------------------------------- unknown ids, unused comments, same line


def _lint(tmp_path: Path, text: str, *args: str) -> tuple[int, list[dict[str, object]], str]:
    article = tmp_path / "a.md"
    article.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["lint", "--jobs", "1", "--format", "json", "--select", "wording,suppression", *args, str(article)]
    )
    findings = json.loads(result.stdout)["findings"] if result.stdout.strip() else []
    return result.exit_code, findings, result.stderr


def test_unknown_rule_in_a_suppression_comment_is_exit_2_with_a_suggestion(tmp_path: Path) -> None:
    code, _, err = _lint(tmp_path, "Texte.\n<!-- checker-disable-next-line claim.future -->\nIls vont venir.\n")
    assert code == 2
    assert err.count("\n") == 1
    assert "a.md:2:1: checker-disable-next-line : règle ou famille inconnue « claim.future »" in err
    assert "vouliez-vous dire claims.future ?" in err


def test_same_line_form_suppresses_findings_of_its_own_line(tmp_path: Path) -> None:
    text = (
        "Ils veulent collaborer ensemble. <!-- checker-disable-line wording.pleonasm -->\n"
        "\n"
        "Ils veulent collaborer ensemble.\n"
    )
    code, findings, err = _lint(tmp_path, text)
    assert [(f["rule_id"], f["line"]) for f in findings] == [("wording.pleonasm", 3)], err
    assert code == 0


def test_a_comment_that_suppresses_nothing_is_reported_and_can_be_turned_off(tmp_path: Path) -> None:
    text = (
        "<!-- checker-disable-next-line wording.cliche -->\n"
        "Ils veulent collaborer.\n"
        "<!-- checker-disable-next-line spelling -->\n"
        "Ils veulent colaborer.\n"
    )
    _, findings, _ = _lint(tmp_path, text)
    # The spelling comment is not judged: spelling did not run.
    assert [(f["rule_id"], f["line"], f["column"], f["text"]) for f in findings] == [
        ("suppression.unused", 1, 1, "<!-- checker-disable-next-line wording.cliche -->")
    ]
    assert "« wording.cliche »" in str(findings[0]["message"])
    code, findings, _ = _lint(tmp_path, text, "--ignore", "suppression.unused")
    assert findings == [] and code == 0
