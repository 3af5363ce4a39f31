"""The command line: lint (files, directories, globs), rules, explain; every output format;
exit statuses 0/1/2 with one-line errors."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.config import find_config
from checker.findings import load_schema
from checker.rule_packs import load_rules

SARIF_SCHEMA = json.loads((Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
FAST = ["--select", "markup,wording", "--jobs", "1"]

BAD = "# Titre\n\n%20(26).png)\n\nLes deux pays veulent collaborer ensemble, « é œ ’ 😀 ».\n"
CLEAN = "# Titre\n\nLes deux pays veulent collaborer.\n"


def run(*args: str, cwd: Path | None = None) -> tuple[int, str, str]:
    runner = CliRunner()
    old = Path.cwd()
    try:
        if cwd is not None:
            os.chdir(cwd)
        result = runner.invoke(main, list(args), catch_exceptions=False)
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    (tmp_path / "bad.md").write_text(BAD, encoding="utf-8")
    (tmp_path / "clean.md").write_text(CLEAN, encoding="utf-8")
    return tmp_path


def one_line_error(stderr: str, *needles: str) -> None:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert lines[0].startswith("checker: error: ")
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    assert "Traceback" not in stderr


# ---------------------------------------------------------------- formats


def test_text_format_shows_location_rule_severity_source_line_caret_and_summary(articles: Path) -> None:
    code, out, _ = run("lint", *FAST, "--no-color", str(articles / "bad.md"))
    assert code == 1
    lines = out.splitlines()
    i = next(n for n, line in enumerate(lines) if "[wording.pleonasm]" in line)
    assert lines[i].startswith(f"{articles / 'bad.md'}:5:23: avertissement [wording.pleonasm] Pléonasme")
    assert lines[i + 1] == "    Les deux pays veulent collaborer ensemble, « é œ ’ 😀 »."
    assert lines[i + 2] == "    " + " " * 22 + "^" + "~" * 18
    assert lines[i + 3] == "    suggestion : collaborer"
    assert any(line.startswith(f"{articles / 'bad.md'}:3:1: erreur [markup.broken-image]") for line in lines)
    assert lines[-1].startswith("1 fichier(s) analysé(s) : 1 erreur(s), 1 avertissement(s), 0 info(s)")


def test_text_caret_under_wide_characters(tmp_path: Path) -> None:
    path = tmp_path / "w.md"
    path.write_text("😀 日本 veulent collaborer ensemble.\n", encoding="utf-8")
    _, out, _ = run("lint", *FAST, "--no-color", str(path))
    lines = out.splitlines()
    i = next(n for n, line in enumerate(lines) if "[wording.pleonasm]" in line)
    assert lines[i].startswith(f"{path}:1:14:")
    # 😀 and the two CJK characters take two terminal columns each.
    assert lines[i + 2] == "    " + " " * (2 + 1 + 4 + 1 + 8) + "^" + "~" * 18


def test_json_output_validates_against_the_shipped_schema(articles: Path) -> None:
    code, out, _ = run("lint", *FAST, "--format", "json", str(articles))
    assert code == 1
    report = json.loads(out)
    jsonschema.Draft202012Validator(load_schema("findings.schema.json")).validate(report)
    assert report["files"] == [str(articles / "bad.md"), str(articles / "clean.md")]
    assert report["summary"]["error"] == 1 and report["summary"]["warning"] == 1
    source = BAD
    for f in report["findings"]:
        assert source[f["start"] : f["end"]] == f["text"]
    assert {f["rule_id"] for f in report["findings"]} == {"markup.broken-image", "wording.pleonasm"}


def test_json_schema_rejects_a_broken_report(articles: Path) -> None:
    _, out, _ = run("lint", *FAST, "--format", "json", str(articles))
    report = json.loads(out)
    del report["findings"][0]["line"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(load_schema("findings.schema.json")).validate(report)


def test_sarif_output_validates_against_the_official_sarif_schema(articles: Path) -> None:
    code, out, _ = run("lint", *FAST, "--format", "sarif", str(articles))
    assert code == 1
    sarif = json.loads(out)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(sarif)
    (sarif_run,) = sarif["runs"]
    rules = [r["id"] for r in sarif_run["tool"]["driver"]["rules"]]
    results = sarif_run["results"]
    assert {r["ruleId"] for r in results} == {"markup.broken-image", "wording.pleonasm"}
    for r in results:
        assert rules[r["ruleIndex"]] == r["ruleId"]
        region = r["locations"][0]["physicalLocation"]["region"]
        assert BAD[region["charOffset"] : region["charOffset"] + region["charLength"]] == region["snippet"]["text"]
    levels = {r["ruleId"]: r["level"] for r in results}
    assert levels == {"markup.broken-image": "error", "wording.pleonasm": "warning"}
    for rule in sarif_run["tool"]["driver"]["rules"]:  # help: description, message, examples
        assert "Signalé :" in rule["help"]["text"] and "**Accepté :**" in rule["help"]["markdown"]
        assert f"checker explain {rule['id']}" in rule["help"]["text"]
    assert "example.invalid" not in out
    (invocation,) = sarif_run["invocations"]
    assert invocation == {"executionSuccessful": True, "exitCode": 1}


def test_sarif_uris_are_percent_encoded_and_errors_are_notifications(tmp_path: Path) -> None:
    folder = tmp_path / "dossier à voir #1"
    folder.mkdir()
    (folder / "été 2026.md").write_text(BAD, encoding="utf-8")
    (folder / "binaire.md").write_bytes(b"\x00\x01")
    code, out, _ = run("lint", *FAST, "--format", "sarif", "dossier à voir #1", cwd=tmp_path)
    assert code == 2
    sarif = json.loads(out)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(sarif)
    (sarif_run,) = sarif["runs"]
    location = sarif_run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "dossier%20%C3%A0%20voir%20%231/%C3%A9t%C3%A9%202026.md", "uriBaseId": "%SRCROOT%"}
    assert sarif_run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.resolve().as_uri() + "/"
    (invocation,) = sarif_run["invocations"]
    assert invocation["executionSuccessful"] is False and invocation["exitCode"] == 2
    (note,) = invocation["toolExecutionNotifications"]
    assert "binaire.md" in note["message"]["text"]
    absolute = json.loads(run("lint", *FAST, "--format", "sarif", str(folder / "été 2026.md"))[1])
    uri = absolute["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == (folder / "été 2026.md").as_uri() and "%C3%A9" in uri


def test_sarif_information_uri_comes_from_the_package_metadata(monkeypatch: pytest.MonkeyPatch) -> None:
    from importlib import metadata

    from checker import report

    class Meta:
        def get_all(self, name: str) -> list[str]:
            return ["Documentation, https://docs.invalid/checker"] if name == "Project-URL" else []

    monkeypatch.setattr(metadata, "metadata", lambda name: Meta())
    assert report.information_uri() == "https://docs.invalid/checker"
    sarif = report.to_sarif(report.build_report([], [], [], {}), load_rules())
    assert sarif["runs"][0]["tool"]["driver"]["informationUri"] == "https://docs.invalid/checker"
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(sarif)


def test_sarif_information_uri_from_the_configuration_else_left_out(
    articles: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The project has no public URL: `informationUri` is what `information-uri` says, never a placeholder."""
    from checker import report

    monkeypatch.setattr(report, "information_uri", lambda: None)  # as installed: no Project-URL
    driver = json.loads(run("lint", *FAST, "--format", "sarif", str(articles), cwd=articles)[1])["runs"][0]["tool"]
    assert "informationUri" not in driver["driver"]
    (articles / ".checker.toml").write_text('information-uri = "https://lint.example.org/checker"\n', encoding="utf-8")
    find_config.cache_clear()  # the same process reads the folder again
    code, out, _ = run("lint", *FAST, "--format", "sarif", str(articles), cwd=articles)
    sarif = json.loads(out)
    assert code == 1 and sarif["runs"][0]["tool"]["driver"]["informationUri"] == "https://lint.example.org/checker"
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(sarif)
    (articles / ".checker.toml").write_text('information-uri = "à remplir"\n', encoding="utf-8")
    find_config.cache_clear()
    code, _, err = run("lint", *FAST, "--format", "sarif", str(articles), cwd=articles)
    assert code == 2
    one_line_error(err, ".checker.toml", "information-uri")


def test_sarif_schema_is_real() -> None:
    """The stored schema rejects what SARIF forbids (so validating against it means something)."""
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(SARIF_SCHEMA).validate({"version": "2.1.0", "runs": [{"results": []}]})
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(SARIF_SCHEMA).validate(
            {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"level": "fatal"}]}]}
        )


def test_sarif_with_no_finding_is_valid(articles: Path) -> None:
    code, out, _ = run("lint", *FAST, "--format", "sarif", str(articles / "clean.md"))
    assert code == 0
    sarif = json.loads(out)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(sarif)
    assert sarif["runs"][0]["results"] == []


def test_github_annotations(articles: Path) -> None:
    code, out, _ = run("lint", *FAST, "--format", "github", str(articles / "bad.md"))
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 2
    path = str(articles / "bad.md")
    assert lines[0].startswith(f"::error file={path},line=3,col=1,endLine=3,endColumn=13,title=markup.broken-image::")
    assert lines[1].startswith(f"::warning file={path},line=5,col=23,endLine=5,endColumn=42,title=wording.pleonasm::")
    assert "collaborer ensemble" in lines[1]


def test_github_annotations_are_capped_per_level_with_a_summary_line(tmp_path: Path) -> None:
    article = tmp_path / "many.md"
    article.write_text("# Titre\n\n" + "".join(f"Ligne {i} : collaborer ensemble %20.\n\n" for i in range(13)))
    code, out, _ = run("lint", *FAST, "--format", "github", str(article))
    assert code == 1
    lines = out.splitlines()
    assert sum(line.startswith("::error ") for line in lines) == 10
    assert sum(line.startswith("::warning ") for line in lines) == 10
    plain = [line for line in lines if not line.startswith("::")]
    assert len(plain) == 3 + 3 + 1  # the other findings, then the summary
    assert plain[-1].startswith("checker : 3 erreur(s), 3 avertissement(s) de plus, sans annotation")
    assert all(line.startswith(f"{article}:") for line in plain[:-1])


def test_junit_xml_one_test_case_per_file_failed_at_fail_on(articles: Path) -> None:
    code, out, _ = run("lint", *FAST, "--format", "junit", str(articles))
    assert code == 1
    root = ET.fromstring(out)
    suite = root.find("testsuite")
    assert suite is not None
    cases = {case.get("name"): case for case in suite.findall("testcase")}
    assert set(cases) == {str(articles / "bad.md"), str(articles / "clean.md")}
    (failure,) = cases[str(articles / "bad.md")].findall("failure")
    assert failure.get("message") == "1 erreur(s)"
    assert "[markup.broken-image]" in (failure.text or "")
    # The warning is below --fail-on (error): reported, not counted as a failure.
    assert "[wording.pleonasm]" in (cases[str(articles / "bad.md")].findtext("system-out") or "")
    assert cases[str(articles / "clean.md")].findall("failure") == []
    assert (root.get("tests"), root.get("failures")) == ("2", "1")
    code, out, _ = run("lint", *FAST, "--format", "junit", "--fail-on", "warning", str(articles))
    root = ET.fromstring(out)
    (failure,) = root.iter("failure")
    assert failure.get("message") == "1 erreur(s), 1 avertissement(s)"
    code, out, _ = run("lint", *FAST, "--format", "junit", str(articles / "clean.md"))
    assert code == 0 and ET.fromstring(out).get("failures") == "0"


def test_github_annotates_a_file_that_could_not_be_checked(articles: Path) -> None:
    (articles / "latin1.md").write_bytes("Un caf\xe9.\n".encode("latin-1"))
    code, out, _ = run("lint", *FAST, "--format", "github", str(articles / "bad.md"), str(articles / "latin1.md"))
    assert code == 2
    first = out.splitlines()[0]
    assert first.startswith(f"::error file={articles / 'latin1.md'},title=checker::UTF-8 invalide"), first


def test_junit_counts_a_file_that_could_not_be_checked_as_an_error(articles: Path) -> None:
    """A file in error is in the report (an <error> test case), not left out of a report that looks green."""
    (articles / "latin1.md").write_bytes("Un caf\xe9 \x1b[2J.\n".encode("latin-1"))
    code, out, err = run("lint", *FAST, "--format", "junit", str(articles / "clean.md"), str(articles / "latin1.md"))
    assert code == 2 and "latin1.md: UTF-8 invalide" in err
    root = ET.fromstring(out)
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("2", "0", "1")
    cases = {case.get("name"): case for case in root.iter("testcase")}
    error = cases[str(articles / "latin1.md")].find("error")
    assert error is not None and (error.get("message") or "").startswith("UTF-8 invalide")


def test_junit_xml_is_valid_whatever_the_article_contains(tmp_path: Path) -> None:
    # Control characters (in a file name here) cannot appear in XML 1.0, even escaped.
    article = tmp_path / "ctl\x1b[31m\x0b.md"
    article.write_text("# Titre\n\nUn texte ]]> <b>&amp; %20(26).png) collaborer ensemble.\n", encoding="utf-8")
    _, out, _ = run("lint", *FAST, "--format", "junit", "--fail-on", "info", str(article))
    root = ET.fromstring(out)  # raises on invalid XML
    (case,) = root.iter("testcase")
    # Escaped as in every other text output (checker.report.printable).
    assert (case.get("name") or "").endswith("ctl\\x1b[31m\\x0b.md")
    (failure,) = root.iter("failure")
    assert "[markup.broken-image]" in (failure.text or "") and "\\x1b" in (failure.text or "")


# ---------------------------------------------------------------- exit statuses


def test_clean_file_exits_0(articles: Path) -> None:
    code, out, err = run("lint", *FAST, str(articles / "clean.md"))
    assert code == 0, err
    assert "0 erreur(s), 0 avertissement(s)" in out


@pytest.mark.parametrize(
    ("fail_on", "expected"),
    [("error", 0), ("warning", 1), ("info", 1)],
)
def test_fail_on_decides_exit_1(tmp_path: Path, fail_on: str, expected: int) -> None:
    path = tmp_path / "a.md"
    path.write_text("Ils veulent collaborer ensemble.\n", encoding="utf-8")  # a warning only
    code, _, _ = run("lint", *FAST, "--fail-on", fail_on, str(path))
    assert code == expected


def test_fail_on_info_counts_info_findings(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("Force est de constater que les ventes baissent.\n", encoding="utf-8")  # info
    assert run("lint", *FAST, "--fail-on", "warning", str(path))[0] == 0
    assert run("lint", *FAST, "--fail-on", "info", str(path))[0] == 1


def test_missing_file(tmp_path: Path) -> None:
    code, _, err = run("lint", *FAST, str(tmp_path / "absent.md"))
    assert code == 2
    one_line_error(err, "absent.md", "fichier ou dossier introuvable")


def test_invalid_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.md"
    path.write_bytes("Un été à Bakou.\n".encode("latin-1"))
    code, out, err = run("lint", *FAST, str(path))
    assert code == 2
    one_line_error(err, "latin1.md", "UTF-8")
    assert out == "", "nothing was checked: the error line is the whole answer"


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.md"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    code, _, err = run("lint", *FAST, str(path))
    assert code == 2
    one_line_error(err, "image.md", "binary")


def test_unreadable_file_error_names_the_file_and_others_still_run(articles: Path) -> None:
    bad = articles / "latin1.md"
    bad.write_bytes("été".encode("latin-1"))
    code, out, err = run("lint", *FAST, "--format", "json", str(articles / "bad.md"), str(bad))
    assert code == 2
    one_line_error(err, "latin1.md")
    report = json.loads(out)
    assert report["files"] == [str(articles / "bad.md")]
    assert report["findings"]


def test_directory_is_searched_for_articles(articles: Path) -> None:
    sub = articles / "sous" / "dossier"
    sub.mkdir(parents=True)
    (sub / "page.html").write_text("<p>Ils veulent collaborer ensemble.</p>", encoding="utf-8")
    (sub / "notes.txt").write_text("Rien à signaler.\n", encoding="utf-8")
    (sub / "image.png").write_bytes(b"\x89PNG\x00")
    code, out, _ = run("lint", *FAST, "--format", "json", str(articles))
    assert code == 1
    report = json.loads(out)
    assert report["files"] == [
        str(articles / "bad.md"),
        str(articles / "clean.md"),
        str(sub / "notes.txt"),
        str(sub / "page.html"),
    ]
    html_findings = [f for f in report["findings"] if f["path"].endswith("page.html")]
    assert [(f["line"], f["column"], f["text"]) for f in html_findings] == [(1, 16, "collaborer ensemble")]


def test_glob_pattern(articles: Path) -> None:
    (articles / "other.txt").write_text("collaborer ensemble\n", encoding="utf-8")
    code, out, _ = run("lint", *FAST, "--format", "json", "*.md", cwd=articles)
    assert code == 1
    assert json.loads(out)["files"] == ["bad.md", "clean.md"]
    code, out, _ = run("lint", *FAST, "--format", "json", str(articles / "**" / "c*.md"))
    assert json.loads(out)["files"] == [str(articles / "clean.md")]


def test_glob_matching_nothing_is_an_error(articles: Path) -> None:
    code, _, err = run("lint", *FAST, str(articles / "*.rst"))
    assert code == 2
    one_line_error(err, "*.rst", "aucun fichier ne correspond")


def test_empty_directory_is_exit_2_not_a_silent_pass(tmp_path: Path) -> None:
    code, out, err = run("lint", *FAST, "--format", "json", str(tmp_path))
    assert code == 2 and out == ""
    one_line_error(err, str(tmp_path), "aucun article à analyser")


def test_bad_config_is_one_line_exit_2(articles: Path) -> None:
    (articles / ".checker.toml").write_text('fail-on = "critical"\n', encoding="utf-8")
    code, _, err = run("lint", *FAST, str(articles / "bad.md"))
    assert code == 2
    one_line_error(err, ".checker.toml", "fail-on")


def test_bad_toml_is_one_line_exit_2(articles: Path) -> None:
    (articles / ".checker.toml").write_text("select = [\n", encoding="utf-8")
    code, _, err = run("lint", *FAST, str(articles / "bad.md"))
    assert code == 2
    one_line_error(err, ".checker.toml", "TOML invalide")


def test_bad_rule_pack_names_the_file_and_the_rule(articles: Path) -> None:
    pack = articles / "maison.yaml"
    pack.write_text(
        "pack: maison\nrules:\n"
        "  - id: wording.bon\n    family: wording\n    kind: existence\n    severity: info\n"
        "    message: m\n    description: d\n    phrases: [truc]\n"
        "    examples: {flagged: [truc], accepted: [machin]}\n"
        "  - id: wording.casse\n    family: wording\n    kind: existence\n    severity: fatal\n"
        "    message: m\n    description: d\n    phrases: [bidule]\n"
        "    examples: {flagged: [bidule], accepted: [chose]}\n",
        encoding="utf-8",
    )
    (articles / ".checker.toml").write_text('rule-packs = ["maison.yaml"]\n', encoding="utf-8")
    code, _, err = run("lint", *FAST, str(articles / "bad.md"))
    assert code == 2
    one_line_error(err, "maison.yaml", "wording.casse", "severity", "valeurs possibles")
    code, _, err = run("rules", cwd=articles)
    assert code == 2
    one_line_error(err, "maison.yaml", "wording.casse")


def test_bad_baseline_is_one_line_exit_2(articles: Path) -> None:
    baseline = articles / "baseline.json"
    baseline.write_text("{not json", encoding="utf-8")
    code, _, err = run("lint", *FAST, "--baseline", str(baseline), str(articles / "bad.md"))
    assert code == 2
    one_line_error(err, "baseline.json", "référence invalide")
    baseline.write_text('{"version": 7, "findings": {}}', encoding="utf-8")
    code, _, err = run("lint", *FAST, "--baseline", str(baseline), str(articles / "bad.md"))
    assert code == 2
    one_line_error(err, "baseline.json", "référence invalide")
    code, _, err = run("lint", *FAST, "--baseline", str(articles / "absent.json"), str(articles / "bad.md"))
    assert code == 2
    one_line_error(err, "absent.json", "lecture impossible (référence)")


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["lint", "--format", "xml", "{bad}"], "'xml' n’est pas parmi"),
        (["lint", "--formt", "json", "{bad}"], "Option inconnue '--formt'"),
        (["lint"], "Argument manquant 'CHEMINS...'"),
        (["lint", "--fail-on", "fatal", "{bad}"], "--fail-on"),
        (["lint", "--jobs", "0", "{bad}"], "--jobs"),
        (["nonsense"], "Commande inconnue 'nonsense'"),
        (["explain"], "Argument manquant 'RÈGLE'"),
    ],
)
def test_bad_usage_is_one_line_exit_2(articles: Path, args: list[str], needle: str) -> None:
    code, out, err = run(*(a.replace("{bad}", str(articles / "bad.md")) for a in args))
    assert code == 2
    assert out == ""
    one_line_error(err, needle)


def test_no_command_shows_help_and_exits_2() -> None:
    code, _, err = run()
    assert code == 2
    assert "Commandes:" in err and "lint" in err


def test_lint_never_modifies_the_input(articles: Path) -> None:
    path = articles / "bad.md"
    before = path.read_bytes()
    mtime = path.stat().st_mtime_ns
    for fmt in ("text", "json", "sarif", "github", "junit"):
        run("lint", "--jobs", "1", "--format", fmt, str(path))
    assert path.read_bytes() == before
    assert path.stat().st_mtime_ns == mtime


def test_select_and_ignore_options(articles: Path) -> None:
    path = str(articles / "bad.md")
    _, out, _ = run("lint", "--jobs", "1", "--format", "json", "--select", "wording", path)
    assert {f["rule_id"] for f in json.loads(out)["findings"]} == {"wording.pleonasm"}
    _, out, _ = run("lint", *FAST, "--format", "json", "--ignore", "markup", path)
    assert {f["rule_id"] for f in json.loads(out)["findings"]} == {"wording.pleonasm"}
    _, out, _ = run("lint", *FAST, "--format", "json", "--ignore", "markup.broken-image", path)
    # Without the image rule, its "%20" is left to the stray-syntax rule.
    rules = {f["rule_id"] for f in json.loads(out)["findings"]}
    assert rules == {"markup.stray-syntax", "wording.pleonasm"}


# ---------------------------------------------------------------- rules and explain


def test_rules_lists_every_rule() -> None:
    code, out, _ = run("rules")
    assert code == 0
    ids = [line.split()[0] for line in out.splitlines() if line.strip()]
    assert ids == sorted(r.id for r in load_rules())
    assert "markup.broken-image" in ids and "wording.pleonasm" in ids
    code, out, _ = run("rules", "--family", "markup")
    assert {line.split()[0] for line in out.splitlines()} == {r.id for r in load_rules().family("markup")}


def test_explain_shows_examples_with_the_span_marked() -> None:
    code, out, _ = run("explain", "wording.pleonasm")
    assert code == 0
    assert "<marker>" not in out
    assert "Pléonasme" in out
    lines = out.splitlines()
    i = lines.index("  ✗ Les deux pays veulent collaborer ensemble.")
    assert lines[i + 1] == "    " + " " * len("Les deux pays veulent ") + "^" * len("collaborer ensemble")
    assert "  ✓ Les deux pays veulent collaborer." in lines


def test_explain_unknown_rule() -> None:
    code, _, err = run("explain", "wording.nope")
    assert code == 2
    one_line_error(err, "wording.nope", "règle inconnue")


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0 and "checker" in out


# Each file's linting announced on standard output, in a process where `checker lint` runs as usual.
ANNOUNCED_LINT = """
import sys
import checker.parallel
lint_text = checker.parallel.lint_text

def announced(text, config, path):
    sys.stdout.write(f"LINTING {path}\\n")
    sys.stdout.flush()
    return lint_text(text, config, path)

checker.parallel.lint_text = announced
from checker.cli import main
sys.argv = ["checker", *sys.argv[1:]]
main()
"""


def test_jsonl_writes_each_file_s_findings_as_soon_as_it_is_done(tmp_path: Path) -> None:
    import subprocess
    import sys

    names = ["a.md", "b.md", "c.md"]
    for name in names:
        (tmp_path / name).write_text(BAD, encoding="utf-8")
    args = ["lint", "--no-cache", *FAST, "--format", "jsonl", *names]
    proc = subprocess.run(
        [sys.executable, "-c", ANNOUNCED_LINT, *args], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 1, proc.stderr
    events = [
        ("lint", line.split()[1]) if line.startswith("LINTING ") else ("finding", json.loads(line)["path"])
        for line in proc.stdout.splitlines()
    ]
    runs = [event for i, event in enumerate(events) if i == 0 or events[i - 1] != event]
    # a.md's findings are written before b.md is linted, b.md's before c.md's: not all at the end.
    assert runs == [(kind, name) for name in names for kind in ("lint", "finding")]


def test_jsonl_escapes_the_line_breaks_json_leaves_in_strings(tmp_path: Path) -> None:
    """A line separator (U+2028) quoted from the article in a finding's text is written as its JSON escape (so are
    U+2029 and NEL): each line of the output, split on every line break, is one whole finding."""
    path = tmp_path / "article.md"
    # a generated document that found it: the document's score quotes its text, the separator included
    path.write_text("a: &a [x, x, x, x, x, x, x, x, x]\n" * 3 + "\u2028---\n", encoding="utf-8")
    # readability.document-score quotes the whole document in its text
    args = ["lint", "--select", "readability", "--jobs", "1", "--no-cache", "--format", "jsonl", str(path)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code in (0, 1), result.output
    lines = result.stdout.splitlines()
    assert lines and len(lines) == result.stdout.count("\n")
    findings = [json.loads(line) for line in lines]
    assert any("\u2028" in f["text"] for f in findings)
