"""Command-line conventions users of ruff, Vale and eslint reach for: no silent pass (no input file),
standard input, --quiet, --exit-zero, --statistics, --output-file, --min-severity, --color with NO_COLOR,
a progress bar on a terminal, `checker claims` on folders, `checker rules --format json`,
--changed-since REV."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker import cli
from checker.changed import parse_unified_diff
from checker.cli import main

FAST = ["--select", "markup,wording", "--jobs", "1"]
BAD = "# Titre\n\nIls veulent collaborer ensemble. %20\n"


def run(*args: str, stdin: str | bytes | None = None, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=stdin, env=env)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def two(tmp_path: Path) -> Path:
    (tmp_path / "a.md").write_text(BAD, encoding="utf-8")
    (tmp_path / "b.md").write_text(BAD, encoding="utf-8")
    return tmp_path


def test_no_input_file_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "vide").mkdir()
    (tmp_path / "vide" / "notes.rst").write_text("x", encoding="utf-8")
    code, out, err = run("lint", *FAST, str(tmp_path / "vide"))
    assert code == 2 and out == ""
    assert err.startswith("checker: error: ") and "aucun article à analyser" in err and err.count("\n") == 1
    code, _, err = run("claims", str(tmp_path / "vide"))
    assert code == 2 and "aucun article" in err


def test_standard_input_with_stdin_filename(tmp_path: Path) -> None:
    (tmp_path / ".checker.toml").write_text('ignore = ["markup"]\n', encoding="utf-8")
    name = str(tmp_path / "docs" / "x.md")
    code, out, _ = run("lint", "--jobs", "1", "--format", "json", "-", "--stdin-filename", name, stdin=BAD)
    report = json.loads(out)
    # Markdown (from the name), the configuration found from the name's folder, the name in findings.
    assert [(f["rule_id"], f["path"], f["line"]) for f in report["findings"]] == [("wording.pleonasm", name, 3)]
    assert code == 0
    code, out, _ = run("lint", *FAST, "-", stdin=BAD)
    assert code == 1 and out.startswith("<stdin>:3:13: avertissement [wording.pleonasm]")
    code, _, err = run("lint", *FAST, "-", stdin=b"caf\xe9\n")
    assert code == 2 and "<stdin>: UTF-8 invalide" in err
    code, _, err = run("lint", *FAST, "-", "a.md", stdin=BAD)
    assert code == 2 and "entrée standard" in err


def test_quiet_prints_only_the_findings(two: Path) -> None:
    code, out, err = run("lint", *FAST, "-q", str(two / "a.md"))
    assert code == 1 and err == ""
    assert "fichier(s) analysé(s)" not in out
    assert out.splitlines()[0].startswith(f"{two / 'a.md'}:3:13: avertissement")


def test_exit_zero_keeps_the_report_but_exits_0(two: Path) -> None:
    code, out, _ = run("lint", *FAST, "--exit-zero", str(two / "a.md"))
    assert code == 0 and "[markup.stray-syntax]" in out
    code, _, _ = run("lint", *FAST, "--exit-zero", str(two / "absent.md"))
    assert code == 2


def test_statistics_counts_findings_per_rule(two: Path) -> None:
    code, out, _ = run("lint", *FAST, "--statistics", str(two))
    assert code == 1
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["2", "markup.stray-syntax", "erreur"]
    assert lines[1].split()[:3] == ["2", "wording.pleonasm", "avertissement"]
    assert lines[2].startswith("2 fichier(s) analysé(s) : 2 erreur(s), 2 avertissement(s)")
    # --format json: the same counts as data (as ruff's --statistics --output-format json), nothing else.
    code, out, _ = run("lint", *FAST, "--statistics", "--format", "json", str(two))
    assert code == 1
    assert [(r["count"], r["rule_id"], r["severity"]) for r in json.loads(out)] == [
        (2, "markup.stray-syntax", "error"),
        (2, "wording.pleonasm", "warning"),
    ]


def test_output_file_and_min_severity(two: Path) -> None:
    target = two / "rapport.json"
    args = ["--format", "json", "-o", str(target), "--min-severity", "error"]
    code, out, _ = run("lint", *FAST, *args, str(two / "a.md"))
    assert code == 1 and out == ""
    report = json.loads(target.read_text(encoding="utf-8"))
    assert [f["rule_id"] for f in report["findings"]] == ["markup.stray-syntax"]
    code, _, _ = run("lint", *FAST, "--min-severity", "error", "--select", "wording", str(two / "a.md"))
    assert code == 0  # the warning is below the minimum severity: not reported, so not failing


def test_color_always_never_auto_and_no_color(two: Path) -> None:
    path = str(two / "a.md")
    _, out, _ = run("lint", *FAST, "--color", "always", path)
    assert "\x1b[" in out
    _, out, _ = run("lint", *FAST, "--color", "always", path, env={"NO_COLOR": "1"})
    assert "\x1b[" in out  # an explicit flag wins over NO_COLOR
    for args, env in ((["--color", "never"], {}), (["--no-color"], {}), ([], {}), ([], {"NO_COLOR": "1"})):
        _, out, _ = run("lint", *FAST, *args, path, env=env)
        assert "\x1b[" not in out, args
    assert cli._use_color("auto", "text", None) is False  # not a terminal here
    assert cli._use_color("auto", "json", None) is False


def test_color_auto_honours_no_color_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli.sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert cli._use_color("auto", "text", None) is True
    monkeypatch.setenv("NO_COLOR", "1")
    assert cli._use_color("auto", "text", None) is False
    assert cli._use_color("auto", "text", "out.txt") is False


def test_progress_bar_on_stderr_only_on_a_terminal_with_several_files(
    two: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, _, err = run("lint", *FAST, str(two))
    assert "Analyse" not in err
    monkeypatch.setattr(cli, "_stderr_is_terminal", lambda: True)
    import click._termui_impl

    monkeypatch.setattr(click._termui_impl, "isatty", lambda stream: True)  # let click draw the bar
    _, out, err = run("lint", *FAST, str(two))
    assert "Analyse" in err and "2/2" in err and "Analyse" not in out
    _, _, err = run("lint", *FAST, str(two / "a.md"))
    assert "Analyse" not in err  # one file: no bar
    _, _, err = run("lint", *FAST, "-q", str(two))
    assert "Analyse" not in err


def test_claims_on_a_directory_and_rules_as_json(tmp_path: Path) -> None:
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text("# T\n\nLe projet pourrait renforcer la coopération.\n", encoding="utf-8")
    code, out, _ = run("claims", "--format", "json", str(tmp_path))
    assert code == 0
    assert [item["path"] for item in json.loads(out)] == [str(tmp_path / "a.md"), str(tmp_path / "b.md")]
    code, out, _ = run("claims", "--format", "json", str(tmp_path / "a.md"))
    assert json.loads(out)["path"] == str(tmp_path / "a.md")  # one file: one object, as before
    (tmp_path / "c.md").write_text("# T\n\nLe texte.\n", encoding="utf-8")
    code, out, _ = run("claims", str(tmp_path))  # text: each file's summary names its file
    summaries = [line for line in out.splitlines() if "affirmation(s) à vérifier" in line]
    assert [line.split(" : ")[0] for line in summaries] == [str(tmp_path / n) for n in ("a.md", "b.md", "c.md")]
    assert summaries[2].endswith(" : 0 affirmation(s) à vérifier : 0 non sourcée(s), 0 à source vague, 0 sourcée(s).")
    code, out, _ = run("rules", "--format", "json", "--family", "wording")
    rules = json.loads(out)
    assert code == 0 and {r["id"] for r in rules} >= {"wording.pleonasm", "wording.vocabulary"}
    assert set(rules[0]) == {"id", "family", "kind", "severity", "default", "message", "description", "pack"}
    code, _, err = run("rules", "--family", "wordng")
    assert code == 2 and "vouliez-vous dire wording ?" in err


# ---------------------------------------------------------------- --changed-since


def git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.email=t@t", "-c", "user.name=t", *args], cwd=cwd, check=True, capture_output=True
    )


def test_changed_since_reports_only_added_or_modified_lines(tmp_path: Path) -> None:
    old = "# Titre\n\nIls veulent collaborer ensemble.\n\nLigne stable.\n\nNous allons prévoir à l’avance.\n"
    (tmp_path / "a.md").write_text(old, encoding="utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "v1")
    new = old.replace("Ligne stable.", "Ligne stable, voire même plus.") + "\nIl faut se réunir ensemble.\n"
    (tmp_path / "a.md").write_text(new, encoding="utf-8")
    (tmp_path / "nouveau.md").write_text("Collaborer ensemble.\n", encoding="utf-8")
    files = [str(tmp_path / "a.md"), str(tmp_path / "nouveau.md")]
    code, out, err = run("lint", *FAST, "--format", "json", "--changed-since", "HEAD", *files)
    found = [(Path(f["path"]).name, f["line"], f["text"]) for f in json.loads(out)["findings"]]
    assert found == [
        ("a.md", 5, "voire même"),
        ("a.md", 9, "se réunir ensemble"),
        ("nouveau.md", 1, "Collaborer ensemble"),
    ]
    assert code == 0, err
    code, _, err = run("lint", *FAST, "--changed-since", "pas-une-revision", str(tmp_path / "a.md"))
    assert code == 2 and err.startswith("checker: error: --changed-since") and err.count("\n") == 1


@pytest.mark.parametrize("settings", [[], ["-c", "core.quotePath=false", "-c", "diff.mnemonicPrefix=true"]])
def test_changed_since_with_unusual_names_and_git_settings(tmp_path: Path, settings: list[str]) -> None:
    """git quotes a name with accents, quotes or spaces (`"b/\\303\\251t\\303\\251 \\"x\\".md"`); the user's
    own git settings (quotePath, mnemonic prefixes, no prefix) must not hide the changed lines."""
    names = ["été \"x\".md", "a b.md", "tab\tname.md"]
    for name in names:
        (tmp_path / name).write_text("# Titre\n\nLigne stable.\n", encoding="utf-8")
    git(tmp_path, "init", "-q")
    for setting in settings[1::2]:
        git(tmp_path, "config", *setting.split("=", 1))
    git(tmp_path, "config", "diff.noprefix", "true")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "v1")
    for name in names:
        (tmp_path / name).write_text("# Titre\n\nLigne stable.\nIls veulent collaborer ensemble.\n", encoding="utf-8")
    code, out, err = run("lint", *FAST, "--format", "json", "--changed-since", "HEAD", str(tmp_path))
    found = sorted((Path(f["path"]).name, f["line"]) for f in json.loads(out)["findings"])
    assert found == sorted((name, 4) for name in names), err
    code, _, err = run("lint", *FAST, "--changed-since", "pas-une-revision", str(tmp_path))
    assert code == 2 and "révision inconnue « pas-une-revision »" in err


def test_changed_since_outside_a_git_repository_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(BAD, encoding="utf-8")
    code, _, err = run("lint", *FAST, "--changed-since", "HEAD", str(tmp_path / "a.md"))
    assert code == 2 and "--changed-since" in err


def test_unified_diff_parsing() -> None:
    diff = (
        "diff --git a/x.md b/x.md\n--- a/x.md\n+++ b/x.md\n@@ -3 +3 @@\n-a\n+b\n@@ -10,0 +11,2 @@\n+c\n+d\n"
        "@@ -20,2 +22,0 @@\n-e\n-f\n--- a/gone.md\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n"
    )
    assert parse_unified_diff(diff) == {"x.md": {3, 11, 12}}


# ---------------------------------------------------------------- unknown rule names are never a silent pass


@pytest.mark.parametrize(
    ("args", "needles"),
    [
        (
            ["--select", "claims.conditionel"],
            ["--select: « claims.conditionel » n’est ni une famille", "vouliez-vous dire claims.conditional ?"],
        ),
        (
            ["--ignore", "readabilty"],
            ["--ignore: « readabilty » n’est ni une famille ni une règle", "vouliez-vous dire readability ?"],
        ),
        (["--ignore", "markup,zzzz"], ["--ignore: « zzzz » n’est ni une famille ni une règle"]),
    ],
)
def test_unknown_rule_or_family_in_flags_is_exit_2_with_a_suggestion(
    two: Path, args: list[str], needles: list[str]
) -> None:
    code, out, err = run("lint", "--jobs", "1", *args, str(two / "a.md"))
    assert code == 2 and out == ""
    assert err.startswith("checker: error: ") and err.count("\n") == 1
    for needle in needles:
        assert needle in err


@pytest.mark.parametrize(
    ("setting", "needle"),
    [
        (
            'ignore = ["readabilty"]',
            "configuration invalide à « ignore » : « readabilty » n’est ni une famille ni une règle"
            " (vouliez-vous dire readability ?)",
        ),
        ('select = ["claims.conditionel"]', "« select » : « claims.conditionel » n’est ni une famille ni une règle"),
        ('severity = { "claim.future" = "error" }', "« severity » : « claim.future » n’est ni une famille"),
    ],
)
def test_unknown_rule_or_family_in_the_configuration_is_exit_2(tmp_path: Path, setting: str, needle: str) -> None:
    (tmp_path / ".checker.toml").write_text(setting + "\n", encoding="utf-8")
    (tmp_path / "a.md").write_text(BAD, encoding="utf-8")
    code, _, err = run("lint", "--jobs", "1", str(tmp_path / "a.md"))
    assert code == 2 and err.count("\n") == 1
    assert err.startswith(f"checker: error: {tmp_path / '.checker.toml'}: ")
    assert needle in err


def test_known_prefixes_and_families_are_accepted(two: Path) -> None:
    args = ["--select", "wording,markup.stray-syntax", "--ignore", "grammar"]
    code, _, err = run("lint", "--jobs", "1", *args, str(two / "a.md"))
    assert code == 1, err
