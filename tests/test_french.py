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


def test_usage_errors_are_french() -> None:
    code, _, err = run("lint", "--frmat", "json", "a.md")
    assert code == 2 and "Option inconnue '--frmat'. Vouliez-vous dire '--format' ?" in err
    code, _, err = run("lint", "--format", "xml", "a.md")
    assert code == 2 and "Valeur invalide pour '--format'" in err


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
