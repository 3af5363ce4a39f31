"""Configuration: [tool.checker] in pyproject.toml or .checker.toml, found by walking up from the
linted file, validated by JSON Schema; select/ignore, severities, thresholds, rule packs, words,
grammar engine."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.config import Config, config_from_mapping, find_config, read_config_file
from checker.errors import CheckerError
from checker.findings import load_schema
from checker.lint import lint_file, lint_text

TEXT = "%20(26).png)\nLes deux pays veulent collaborer ensemble. Force est de constater que oui.\n"


def rule_ids(text: str, config: Config) -> list[str]:
    return [f.rule_id for f in lint_text(text, config, fmt="text").findings]


def lint_json(*args: str, cwd: Path | None = None) -> tuple[int, dict, str]:
    old = Path.cwd()
    try:
        if cwd:
            os.chdir(cwd)
        result = CliRunner().invoke(main, ["lint", "--jobs", "1", "--format", "json", *args])
    finally:
        os.chdir(old)
    report = json.loads(result.stdout) if result.stdout.strip() else {}
    return result.exit_code, report, result.stderr


# ---------------------------------------------------------------- discovery


def test_checker_toml_found_by_walking_up(tmp_path: Path) -> None:
    (tmp_path / ".checker.toml").write_text('select = ["wording"]\n', encoding="utf-8")
    deep = tmp_path / "a" / "b" / "c"
    deep.mkdir(parents=True)
    article = deep / "article.md"
    article.write_text(TEXT, encoding="utf-8")
    config = find_config(deep)
    assert config.select == ("wording",)
    assert config.source == str(tmp_path / ".checker.toml")
    assert {f.rule_id for f in lint_file(article).findings} == {"wording.pleonasm", "wording.cliche"}


def test_pyproject_tool_checker_is_read_and_a_pyproject_without_it_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.checker]\nignore = ["wording.cliche"]\nfail-on = "warning"\n',
        encoding="utf-8",
    )
    sub = tmp_path / "site"
    sub.mkdir()
    (sub / "pyproject.toml").write_text('[project]\nname = "site"\n', encoding="utf-8")  # no [tool.checker]
    config = find_config(sub)
    assert config.ignore == ("wording.cliche",)
    assert config.fail_on == "warning"
    assert config.source == str(tmp_path / "pyproject.toml")


def test_nearest_config_wins_and_checker_toml_before_pyproject(tmp_path: Path) -> None:
    (tmp_path / ".checker.toml").write_text('select = ["markup"]\n', encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "pyproject.toml").write_text('[tool.checker]\nselect = ["wording"]\n', encoding="utf-8")
    (sub / ".checker.toml").write_text('select = ["wording.pleonasm"]\n', encoding="utf-8")
    assert find_config(sub).select == ("wording.pleonasm",)
    assert find_config(tmp_path).select == ("markup",)


def test_no_config_anywhere_gives_defaults(tmp_path: Path) -> None:
    config = find_config(tmp_path)
    assert config == Config()


def test_cli_uses_each_files_own_config(tmp_path: Path) -> None:
    for name, select in (("markup-only", "markup"), ("wording-only", "wording")):
        folder = tmp_path / name
        folder.mkdir()
        (folder / ".checker.toml").write_text(f'select = ["{select}"]\n', encoding="utf-8")
        (folder / "article.txt").write_text(TEXT, encoding="utf-8")
    code, report, _ = lint_json(str(tmp_path))
    assert code == 1
    by_file = {}
    for f in report["findings"]:
        by_file.setdefault(Path(f["path"]).parent.name, set()).add(f["family"])
    assert by_file == {"markup-only": {"markup"}, "wording-only": {"wording"}}


def test_explicit_config_option(tmp_path: Path) -> None:
    (tmp_path / "special.toml").write_text('select = ["wording.cliche"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    code, report, _ = lint_json("--config", str(tmp_path / "special.toml"), str(tmp_path / "a.txt"))
    assert code == 0  # an info finding only
    assert [f["rule_id"] for f in report["findings"]] == ["wording.cliche"]


# ---------------------------------------------------------------- select, ignore, severity, fail-on


def test_select_and_ignore_by_family_and_rule_id() -> None:
    assert set(rule_ids(TEXT, Config(select=("markup", "wording")))) == {
        "markup.broken-image",
        "wording.pleonasm",
        "wording.cliche",
    }
    assert rule_ids(TEXT, Config(select=("wording.cliche",))) == ["wording.cliche"]
    assert set(rule_ids(TEXT, Config(select=("markup", "wording"), ignore=("wording",)))) == {"markup.broken-image"}
    assert set(rule_ids(TEXT, Config(select=("wording",), ignore=("wording.cliche",)))) == {"wording.pleonasm"}


def test_severity_overrides_by_family_and_rule() -> None:
    config = config_from_mapping(
        {"select": ["markup", "wording"], "severity": {"wording": "error", "wording.cliche": "warning"}}
    )
    found = {f.rule_id: f.severity for f in lint_text(TEXT, config, fmt="text").findings}
    assert found == {"markup.broken-image": "error", "wording.pleonasm": "error", "wording.cliche": "warning"}


def test_fail_on_from_config(tmp_path: Path) -> None:
    (tmp_path / ".checker.toml").write_text('select = ["wording.cliche"]\nfail-on = "info"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    code, report, _ = lint_json(str(tmp_path / "a.txt"))
    assert code == 1
    assert [f["severity"] for f in report["findings"]] == ["info"]
    # The command line wins over the configuration.
    code, _, _ = lint_json("--fail-on", "error", str(tmp_path / "a.txt"))
    assert code == 0


# ---------------------------------------------------------------- thresholds


def test_thresholds_change_a_check() -> None:
    sentence = "Le ministre a rencontré hier à Bakou le président du pays pour parler de l’énergie et de l’eau."
    default = Config(select=("readability.long-sentence",))
    assert rule_ids(sentence, default) == []
    strict = config_from_mapping({"select": ["readability.long-sentence"], "thresholds": {"long-sentence-words": 10}})
    assert strict.parameter_override("readability.long-sentence", "max-words") == (True, 10)
    assert strict.parameter_override("readability.paragraph-hard", "lix-max") == (False, None)
    (f,) = lint_text(sentence, strict, fmt="text").findings
    assert f.rule_id == "readability.long-sentence"
    assert "seuil : 10" in f.message


def test_every_former_threshold_is_in_the_schema_and_names_declared_parameters() -> None:
    from checker.parameters import LEGACY_THRESHOLDS
    from checker.rule_packs import load_rules

    schema_thresholds = load_schema("config.schema.json")["properties"]["thresholds"]["properties"]
    assert set(LEGACY_THRESHOLDS) | {"regex-timeout-seconds"} == set(schema_thresholds)
    rules = load_rules()
    for pairs in LEGACY_THRESHOLDS.values():
        for rule_id, name in pairs:
            rule = rules.get(rule_id)
            assert rule is not None and rule.parameter(name) is not None, (rule_id, name)


# ---------------------------------------------------------------- rule packs and words


def test_extra_rule_pack_relative_to_the_config_file(tmp_path: Path) -> None:
    packs = tmp_path / "regles"
    packs.mkdir()
    (packs / "maison.yaml").write_text(
        "pack: maison\nrules:\n"
        "  - id: wording.maison-jargon\n    family: wording\n    kind: substitution\n    severity: error\n"
        "    message: 'Jargon maison : « {match} ». Écrivez « {suggestion} ».'\n"
        "    description: House style.\n"
        "    swap: {synergie: coopération}\n"
        "    examples:\n      flagged: ['Une <marker>synergie</marker> forte.']\n"
        "      accepted: ['Une coopération forte.']\n",
        encoding="utf-8",
    )
    (tmp_path / "pyproject.toml").write_text('[tool.checker]\nrule-packs = ["regles/maison.yaml"]\n', encoding="utf-8")
    article = tmp_path / "a.md"
    article.write_text("Une synergie entre les deux pays.\n", encoding="utf-8")
    config = find_config(tmp_path)
    assert config.rule_packs == (str((packs / "maison.yaml").resolve()),)
    found = [f for f in lint_file(article, config).findings if f.rule_id == "wording.maison-jargon"]
    assert [(f.text, f.suggestions, f.message) for f in found] == [
        ("synergie", ["coopération"], "Jargon maison : « synergie ». Écrivez « coopération ».")
    ]
    code, report, _ = lint_json("--select", "wording", str(article), cwd=tmp_path)
    assert code == 1 and [f["rule_id"] for f in report["findings"]] == ["wording.maison-jargon"]
    result = CliRunner().invoke(
        main, ["explain", "wording.maison-jargon", "--config", str(tmp_path / "pyproject.toml")]
    )
    assert result.exit_code == 0 and "House style." in result.stdout


def test_missing_rule_pack_is_an_error(tmp_path: Path) -> None:
    (tmp_path / ".checker.toml").write_text('rule-packs = ["absent.yaml"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text("x\n", encoding="utf-8")
    code, _, err = lint_json(str(tmp_path / "a.md"))
    assert code == 2
    assert "absent.yaml" in err and "lecture impossible (pack de règles)" in err


def test_project_words_and_wordlist(tmp_path: Path) -> None:
    (tmp_path / "mots.txt").write_text("# noms propres\nBrumtastique\n\n", encoding="utf-8")
    (tmp_path / ".checker.toml").write_text('words = ["xylofonix"]\nwordlist = "mots.txt"\n', encoding="utf-8")
    config = find_config(tmp_path)
    assert config.words == frozenset({"xylofonix", "Brumtastique"})
    text = "Le ministre parle du xylofonix et du brumtastique, puis du zorglubisme.\n"
    spelled = [f.text for f in lint_text(text, config.with_overrides(select=("spelling",)), fmt="text").findings]
    assert spelled == ["zorglubisme"]
    assert set(rule_ids(text, Config(select=("spelling",)))) == {"spelling.unknown-word"}


def test_grammar_engine_and_server_url() -> None:
    config = config_from_mapping(
        {"grammar": {"engine": "languagetool", "languagetool-url": "http://localhost:8081", "timeout": 5}}
    )
    assert (config.grammar_engine, config.languagetool_url, config.grammar_timeout) == (
        "languagetool",
        "http://localhost:8081",
        5.0,
    )
    assert Config().grammar_engine == "auto"


# ---------------------------------------------------------------- validation


@pytest.mark.parametrize(
    ("toml", "needle"),
    [
        ('selectt = ["wording"]\n', "selectt"),
        ('fail-on = "fatal"\n', "fail-on"),
        ('select = "wording"\n', "select"),
        ('[severity]\nwording = "critical"\n', "severity.wording"),
        ("[thresholds]\nlong-sentence-words = 2\n", "thresholds.long-sentence-words"),
        ("[thresholds]\nno-such-threshold = 2\n", "no-such-threshold"),
        ('[grammar]\nengine = "word"\n', "grammar.engine"),
        ('[grammar]\nlanguagetool-url = "localhost:8081"\n', "grammar.languagetool-url"),
    ],
)
def test_invalid_configuration_names_the_file_and_the_key(tmp_path: Path, toml: str, needle: str) -> None:
    path = tmp_path / ".checker.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(CheckerError) as err:
        read_config_file(path)
    message = str(err.value)
    assert message.startswith(str(path) + ": configuration invalide")
    assert needle in message
    assert "\n" not in message


def test_invalid_toml_and_unreadable_wordlist(tmp_path: Path) -> None:
    path = tmp_path / ".checker.toml"
    path.write_text("select = [", encoding="utf-8")
    with pytest.raises(CheckerError, match="TOML invalide"):
        read_config_file(path)
    path.write_text('wordlist = "absent.txt"\n', encoding="utf-8")
    with pytest.raises(CheckerError, match=r"absent\.txt: lecture impossible \(liste de mots\)"):
        read_config_file(path)


# ---------------------------------------------------------------- rule pack validation

GOOD_RULE = (
    "  - id: wording.truc\n    family: wording\n    kind: existence\n    severity: info\n"
    "    message: m\n    description: d\n    phrases: [truc]\n"
    "    examples: {flagged: [truc], accepted: [machin]}\n"
)


@pytest.mark.parametrize(
    ("text", "needles"),
    [
        ("pack: p\nrules: [\n", ["pack de règles invalide", "ligne"]),
        ("pack: p\n", ["pack de règles invalide", "champ obligatoire manquant : « rules »"]),
        (
            "pack: p\nrules:\n" + GOOD_RULE.replace("severity: info", "severity: fatal"),
            ["règle wording.truc", "rules/0/severity", "valeurs possibles"],
        ),
        ("pack: p\nrules:\n" + GOOD_RULE.replace("    message: m\n", ""), ["règle wording.truc", "« message »"]),
        ("pack: p\nrules:\n" + GOOD_RULE.replace("phrases: [truc]", "colour: red"), ["règle wording.truc"]),
        ("pack: p\nrules:\n" + GOOD_RULE.replace("accepted: [machin]", "accepted: []"), ["règle wording.truc"]),
        ("pack: p\nrules:\n" + GOOD_RULE.replace("id: wording.truc", "id: markup.truc"), ["markup.truc", "famille"]),
        (
            "pack: p\nrules:\n" + GOOD_RULE.replace("phrases: [truc]", "patterns: ['(truc']"),
            ["wording.truc", "motif invalide"],
        ),
    ],
)
def test_bad_rule_pack_names_file_rule_and_error(text: str, needles: list[str]) -> None:
    from checker.rule_packs import parse_pack

    with pytest.raises(CheckerError) as err:
        parse_pack(text, "maison.yaml")
    message = str(err.value)
    assert message.startswith("maison.yaml:")
    for needle in needles:
        assert needle in message, message


def test_duplicate_rule_id_across_packs(tmp_path: Path) -> None:
    from checker.rule_packs import load_rules

    pack = tmp_path / "dup.yaml"
    pack.write_text("pack: dup\nrules:\n" + GOOD_RULE.replace("wording.truc", "wording.pleonasm"), encoding="utf-8")
    with pytest.raises(CheckerError, match=r"wording\.pleonasm : id en double"):
        load_rules((str(pack),))


def test_shipped_packs_are_valid_and_every_rule_is_complete() -> None:
    from checker.rule_packs import load_rules

    rules = list(load_rules())
    assert rules
    for rule in rules:
        assert rule.id.startswith(rule.family + ".")
        assert rule.message and rule.description
        assert rule.examples_flagged and rule.examples_accepted
        assert rule.source.startswith("rules/")
