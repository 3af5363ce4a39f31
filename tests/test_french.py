"""Everything a user reads is in French: rule descriptions, option help and click's own words,
summaries, engine messages' quotes, suggestions made of invisible spaces; the engine status line
only with --verbose, on standard error; one pleonasm reported once."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.checks.grammar import _clean_message
from checker.cli import main
from checker.config import Config
from checker.lint import lint_text
from checker.report import visible
from checker.rule_packs import load_rules

ENGLISH_WORDS = re.compile(r"\b(?:the|and|with|which|that|is|are|of|when|not|or|words?|sentence)\b")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("rule", list(load_rules()), ids=lambda r: r.id)
def test_every_rule_description_is_french(rule: object) -> None:
    description = rule.description  # type: ignore[attr-defined]
    # Code, ids and quoted examples may hold other words: judge the prose around them.
    prose = re.sub(r"`[^`]*`|«[^»]*»|\"[^\"]*\"|\([^)]*\)", " ", description)
    assert not ENGLISH_WORDS.findall(prose), (rule.id, ENGLISH_WORDS.findall(prose))  # type: ignore[attr-defined]


@pytest.mark.parametrize("command", [[], ["lint"], ["rules"], ["explain"], ["claims"]])
def test_help_is_french_including_clicks_own_words(command: list[str]) -> None:
    code, out, _ = run(*command, "--help")
    assert code == 0
    assert "Utilisation :" in out and "Afficher cette aide et sortir." in out
    assert "Show this message" not in out and "Usage:" not in out
    help_lines = [line for line in out.splitlines() if line.startswith("  -")]
    assert help_lines
    for line in help_lines:
        text = re.split(r"\s{2,}", line.strip(), maxsplit=1)[-1]  # the help, not the option's own name
        assert not re.search(r"\b(?:the|files?|findings?|this)\b", text), line
    # click's own placeholders: argument names, types, ranges, the sub-command slot.
    assert not re.search(r"\b(?:TEXT|INTEGER|RANGE|COMMAND|ARGS|PATHS|RULE_ID|FILE|DIRECTORY|HOST)\b|\[x>=", out), out


def test_usage_errors_are_french() -> None:
    code, _, err = run("lint", "--frmat", "json", "a.md")
    assert code == 2 and "Option inconnue '--frmat'. Vouliez-vous dire '--format' ?" in err
    code, _, err = run("lint", "--format", "xml", "a.md")
    assert code == 2 and "Valeur invalide pour '--format'" in err
    code, _, err = run("lint", "--jobs", "0", "a.md")
    assert code == 2 and "0 : attendu au moins 1" in err
    code, _, err = run("explain")
    assert code == 2 and "Argument manquant 'RÈGLE'" in err


PACK_HEAD = "pack: maison\nrules:\n  - id: {rid}\n    family: {family}\n    kind: {kind}\n    severity: warning\n"
PACK_TAIL = '    message: "M"\n    description: "d"\n    examples: {flagged: ["<marker>x</marker>"], accepted: ["y"]}\n'
TOKENS = "    params:\n      patterns:\n        - name: p1\n          steps: [{step}]\n{extra}"


@pytest.mark.parametrize(
    ("rid", "family", "kind", "body", "needle"),
    [
        ("wording.maison", "wording", "coded", "", "le type coded désigne une règle programmée"),
        ("wording.maison", "wording", "existence", '    patterns: ["(x"]\n', "parenthèse fermante manquante"),
        ("wording.maison", "wording", "existence", '    patterns: ["a**"]\n', "quantificateurs qui se suivent"),
        ("grammar.maison", "grammar", "tokens", TOKENS.format(step='{pattern: "[x"}', extra=""), "jamais fermée"),
        ("grammar.maison", "grammar", "tokens", TOKENS.format(step="{classes: [z]}", extra=""), "classe de mots"),
        (
            "grammar.maison",
            "grammar",
            "tokens",
            TOKENS.format(step="{words: [x]}", extra='          suggest: ["\\\\5"]\n'),
            "renvoie à l’étape 5, qui n’existe pas",
        ),
    ],
)
def test_errors_about_a_users_rule_pack_are_french(
    tmp_path: Path, rid: str, family: str, kind: str, body: str, needle: str
) -> None:
    """A pack a user writes is refused in one French line: the rule kind, a token pattern, and what the
    regular expression library says about a pattern that does not compile (translated, with its position)."""
    (tmp_path / "p.yaml").write_text(PACK_HEAD.format(rid=rid, family=family, kind=kind) + body + PACK_TAIL)
    (tmp_path / ".checker.toml").write_text('rule-packs = ["p.yaml"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text("# Titre\n\nTexte.\n", encoding="utf-8")
    code, _, err = run("lint", "--jobs", "1", "--config", str(tmp_path / ".checker.toml"), str(tmp_path / "a.md"))
    assert code == 2 and err.count("\n") == 1 and needle in err, err
    message = err.split(" : ", 1)[1]
    assert not re.search(r"\b(?:pattern|invalid|missing|nothing|repeat|unterminated|which|at position)\b", message), err


def test_engine_status_only_with_verbose_on_stderr(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text("# Titre\n\nLe texte est correct.\n", encoding="utf-8")
    code, out, err = run("lint", "--jobs", "1", "--select", "grammar", str(article))
    assert code == 0 and "non utilisé" not in out + err
    code, out, err = run("lint", "--jobs", "1", "--select", "grammar", "--verbose", str(article))
    assert "non utilisé" not in out
    assert "checker : moteur languagetool non utilisé : non configuré" in err


def test_baseline_summary_is_french(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text("# Titre\n\nIls veulent collaborer ensemble.\n", encoding="utf-8")
    baseline = tmp_path / "b.json"
    code, _, err = run("lint", "--jobs", "1", "--select", "wording", "--write-baseline", str(baseline), str(article))
    assert code == 0 and "référence écrite dans" in err and "1 constat(s)" in err
    _, out, _ = run("lint", "--jobs", "1", "--select", "wording", "--baseline", str(baseline), str(article))
    assert "1 déjà connu(s) (fichier de référence)" in out and "baseline" not in out.splitlines()[-1]


def test_grammalecte_quotes_become_guillemets() -> None:
    assert _clean_message("Accord avec “les pays”. Le verbe devrait être au pluriel.") == (
        "Accord avec « les pays ». Le verbe devrait être au pluriel."
    )


def test_invisible_suggestions_are_named() -> None:
    assert visible("\u00a0:") == "‹espace insécable›:"
    assert visible("«\u202f") == "«‹espace fine insécable›"
    assert visible("") == "‹supprimer›" and visible(" ") == "‹espace›"
    assert visible("collaborer") == "collaborer"


def test_nbsp_suggestion_is_visible_in_the_text_output(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Il a dit : oui.\n", encoding="utf-8")
    _, out, _ = run("lint", "--jobs", "1", "--select", "typography.space-before-punct", str(article))
    assert "    suggestion : ‹espace insécable›:" in out
    assert "suggestion :  :" not in out


def test_one_pleonasm_is_reported_once() -> None:
    text = "Au jour d’aujourd’hui, les choses changent.\n"
    found = lint_text(text, Config(select=("grammar", "wording")), fmt="text").findings
    assert [f.rule_id for f in found if f.start == 0] == ["wording.pleonasm"]
    # Alone, the grammar engines still report it.
    found = lint_text(text, Config(select=("grammar.style",)), fmt="text").findings
    assert [f.rule_id for f in found] == ["grammar.style"]


@pytest.mark.parametrize(
    ("toml", "needle"),
    [
        ("ignore = [\n", "TOML invalide : valeur invalide, en fin de fichier"),
        ("ignore x\n", "TOML invalide : « = » attendu après une clé, ligne 1, colonne 8"),
        ('fail-on = "error"\nfail-on = "info"\n', "TOML invalide : clé déjà définie, ligne 2"),
    ],
)
def test_configuration_and_baseline_syntax_errors_are_french(tmp_path: Path, toml: str, needle: str) -> None:
    """What tomllib and json say about a broken file (« Expected '=' after a key… ») is said in French,
    with its line and column."""
    article = tmp_path / "a.md"
    article.write_text("# Titre\n\nTexte.\n", encoding="utf-8")
    (tmp_path / ".checker.toml").write_text(toml, encoding="utf-8")
    code, _, err = run("lint", "--jobs", "1", str(article))
    assert code == 2 and needle in err, err
    (tmp_path / ".checker.toml").unlink()
    (tmp_path / "b.json").write_text('{"version" 1}', encoding="utf-8")
    code, _, err = run("lint", "--jobs", "1", "--baseline", str(tmp_path / "b.json"), str(article))
    assert code == 2 and "référence invalide (pas du JSON) : deux-points attendus, ligne 1, colonne 12" in err, err


def test_rules_and_explain_name_severities_in_french() -> None:
    code, out, _ = run("rules", "--family", "wording")
    assert code == 0
    rows = {line.split()[0]: line.split()[1] for line in out.splitlines()}
    assert rows["wording.pleonasm"] == "avertissement" and "warning" not in out
    code, out, _ = run("explain", "wording.pleonasm")
    assert out.splitlines()[0].startswith("wording.pleonasm  [wording, avertissement (warning)]")


@pytest.mark.parametrize(
    ("broken", "needle"),
    [
        ("rules:\n  - id: wording.x\n    message: Attention : ceci\n", "ligne 4 : « : » inattendu ici"),
        ("rules:\n\t- id: wording.x\n", "ligne 3 : "),
        ("rules: [1, 2\n", "« , » ou « ] » attendu"),
        ("rules: *nulle\n", "alias non défini"),
        ("rules:\n  - message: 'non fermé\n", "guillemet jamais fermé"),
    ],
)
def test_yaml_syntax_errors_in_a_pack_are_french(tmp_path: Path, broken: str, needle: str) -> None:
    """What PyYAML says (« mapping values are not allowed in this context ») is said in French."""
    (tmp_path / "p.yaml").write_text("pack: maison\n" + broken, encoding="utf-8")
    (tmp_path / ".checker.toml").write_text('rule-packs = ["p.yaml"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text("Texte.\n", encoding="utf-8")
    code, _, err = run("lint", "--jobs", "1", "--config", str(tmp_path / ".checker.toml"), str(tmp_path / "a.md"))
    assert code == 2 and "pack de règles invalide" in err and needle in err, err
    assert "syntaxe incorrecte (« " not in err and "found" not in err and "expected" not in err, err
