"""The seams of issue 9: one family registry everything derives from, data-only kinds run for
every family, rules the tool cannot run refused when their pack loads, rules off by default."""

from __future__ import annotations

import ast
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.config import Config, config_from_mapping
from checker.errors import CheckerError
from checker.families import coded_rule_problem, family_names
from checker.kinds import KINDS, kind_names, rule_problem
from checker.lint import lint_text
from checker.rule_packs import load_rules, parse_pack
from checker.schemas import load_schema

ROOT = Path(__file__).resolve().parent.parent


def _pack(rule: str) -> str:
    return "pack: maison\nrules:\n" + rule


def _rule(rule_id: str, family: str, kind: str = "existence", extra: str = "    phrases: [zorglub]\n") -> str:
    return (
        f"  - id: {rule_id}\n    family: {family}\n    kind: {kind}\n    severity: warning\n"
        f"    message: « {{match}} » est proscrit.\n    description: Mot proscrit par la maison.\n{extra}"
        "    examples: {flagged: [zorglub], accepted: [bonjour]}\n"
    )


# ---------------------------------------------------------------- one registry


def test_families_are_the_check_modules_and_each_has_its_pack() -> None:
    modules = {p.stem for p in (ROOT / "checker" / "checks").glob("*.py") if not p.stem.startswith("_")}
    assert set(family_names()) == modules
    packs = {p.stem for p in (ROOT / "rules").glob("*.yaml")}
    assert set(family_names()) <= packs
    assert {r.family for r in load_rules()} == set(family_names())


def test_schemas_family_and_kind_lists_come_from_the_registries() -> None:
    findings = load_schema("findings.schema.json")
    pack = load_schema("rulepack.schema.json")
    assert findings["$defs"]["family"]["enum"] == list(family_names())
    assert pack["$defs"]["family"]["enum"] == list(family_names())
    assert pack["$defs"]["kind"]["enum"] == list(kind_names())
    assert set(KINDS) <= set(kind_names())
    # The files themselves list nothing that could drift.
    for name in ("findings.schema.json", "rulepack.schema.json"):
        raw = (ROOT / "checker" / "schemas" / name).read_text(encoding="utf-8")
        assert '"typography", "readability"' not in raw


def test_a_pack_naming_an_unknown_family_is_refused() -> None:
    expected = r"maison\.yaml: règle style\.truc : pack de règles invalide à « rules/0/family »"
    with pytest.raises(CheckerError, match=expected):
        parse_pack(_pack(_rule("style.truc", "style")), "maison.yaml")


def test_config_and_cli_reject_unknown_families_and_rules_with_a_suggestion(tmp_path: Path) -> None:
    with pytest.raises(CheckerError, match=r"« select ».*« wordin ».*vouliez-vous dire wording\b"):
        config_from_mapping({"select": ["wordin"]}, "x.toml")
    with pytest.raises(CheckerError, match=r"« ignore ».*vouliez-vous dire wording\.pleonasm \?"):
        config_from_mapping({"ignore": ["wording.pleonasme"]}, "x.toml")
    with pytest.raises(CheckerError, match=r"« severity ».*« typographie »"):
        config_from_mapping({"severity": {"typographie": "error"}}, "x.toml")
    assert config_from_mapping({"select": ["typography.nbsp-before-punct", "claims"]}).select
    result = CliRunner().invoke(main, ["rules", "--family", "typographie"])
    assert result.exit_code == 2
    assert "vouliez-vous dire typography ?" in result.stderr


def test_warm_up_imports_every_registered_family() -> None:
    import sys

    from checker.parallel import warm_up

    warm_up([Config(select=("markup",))])
    assert all(f"checker.checks.{family}" in sys.modules for family in family_names())


# ---------------------------------------------------------------- data-only kinds in every family


@pytest.mark.parametrize("family", family_names())
def test_a_user_existence_rule_fires_in_every_family(tmp_path: Path, family: str) -> None:
    pack = tmp_path / "maison.yaml"
    pack.write_text(_pack(_rule(f"{family}.zorglub", family)), encoding="utf-8")
    config = Config(rule_packs=(str(pack),), select=(f"{family}.zorglub",))
    findings = lint_text("Le zorglub est là.\n", config, fmt="text").findings
    assert [(f.rule_id, f.family, f.text, f.message) for f in findings] == [
        (f"{family}.zorglub", family, "zorglub", "« zorglub » est proscrit.")
    ]


@pytest.mark.parametrize("family", ["typography", "readability"])
def test_user_substitution_and_cue_rules_fire_outside_their_usual_family(tmp_path: Path, family: str) -> None:
    swap = "    swap: {zorglub: bonjour}\n"
    cue = "    params:\n      cues:\n        - name: zorg\n          steps: [{lemmas: [zorglub]}, {lemmas: [être]}]\n"
    pack = tmp_path / "maison.yaml"
    pack.write_text(
        _pack(_rule(f"{family}.swap", family, "substitution", swap) + _rule(f"{family}.cue", family, "cue", cue)),
        encoding="utf-8",
    )
    config = Config(rule_packs=(str(pack),), select=(family,))
    found = {(f.rule_id, f.text, tuple(f.suggestions)) for f in lint_text("Le zorglub est là.\n", config).findings}
    assert (f"{family}.swap", "zorglub", ("bonjour",)) in found
    assert (f"{family}.cue", "zorglub est", ()) in found


# ---------------------------------------------------------------- rules the tool cannot run


def test_every_shipped_rule_can_run() -> None:
    for rule in load_rules():
        assert rule_problem(rule) is None, rule.id


@pytest.mark.parametrize(
    ("rule", "why"),
    [
        (_rule("typography.zorglub", "typography", "coded", ""), "checker/checks/typography.py"),
        (_rule("wording.zorglub", "wording", "builtin", ""), "checker/checks/wording.py"),
        (_rule("grammar.zorglub", "grammar", "coded", ""), "params.grammalecte"),
        (_rule("claims.zorglub", "claims", "existence", "    patterns: ['(zorg']\n"), "motif invalide"),
        (
            _rule("claims.zorglub", "claims", "cue", "    params: {cues: [{name: z, steps: [{pattern: '(z'}]}]}\n"),
            "indice z : motif invalide",
        ),
    ],
)
def test_a_rule_the_tool_cannot_run_is_refused_at_load_with_file_rule_and_why(
    tmp_path: Path, rule: str, why: str
) -> None:
    pack = tmp_path / "maison.yaml"
    pack.write_text(_pack(rule), encoding="utf-8")
    (tmp_path / ".checker.toml").write_text('rule-packs = ["maison.yaml"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Le zorglub est là.\n", encoding="utf-8")
    old = Path.cwd()
    try:
        os.chdir(tmp_path)
        result = CliRunner().invoke(main, ["lint", "--jobs", "1", "--no-cache", "a.txt"])
    finally:
        os.chdir(old)
    assert result.exit_code == 2
    line = result.stderr.strip()
    assert line.startswith(f"checker: error: {pack}: règle ") and " : inapplicable : " in line, line
    assert why in line and "\n" not in line


def test_coded_rules_of_the_shipped_packs_are_those_the_modules_implement() -> None:
    for rule in load_rules():
        if rule.kind == "coded":
            assert coded_rule_problem(rule) is None, rule.id


def test_builtin_is_read_as_coded() -> None:
    (rule,) = parse_pack(_pack(_rule("markup.broken-image", "markup", "builtin", "")), "x.yaml")
    assert rule.kind == "coded"


# ---------------------------------------------------------------- default: off


def test_a_rule_off_by_default_runs_only_when_selected_by_id(tmp_path: Path) -> None:
    pack = tmp_path / "maison.yaml"
    rule = _rule("wording.zorglub", "wording").replace("severity:", "default: off\n    severity:")
    pack.write_text(_pack(rule), "utf-8")
    text = "Le zorglub est là.\n"
    packs = (str(pack),)
    assert not load_rules(packs).rules["wording.zorglub"].default_on
    assert "wording.zorglub" not in [f.rule_id for f in lint_text(text, Config(rule_packs=packs)).findings]
    assert [f.rule_id for f in lint_text(text, Config(rule_packs=packs, select=("wording",))).findings] == []
    on = Config(rule_packs=packs, select=("wording.zorglub",))
    assert [f.rule_id for f in lint_text(text, on).findings] == ["wording.zorglub"]
    result = CliRunner().invoke(main, ["rules", "--family", "wording", "--config", str(_config(tmp_path, pack))])
    assert "wording.zorglub" in result.stdout and "désactivée par défaut" in result.stdout


def _config(tmp_path: Path, pack: Path) -> Path:
    path = tmp_path / ".checker.toml"
    path.write_text(f'rule-packs = ["{pack.name}"]\n', encoding="utf-8")
    return path


# ---------------------------------------------------------------- rule parameters and per-rule settings

LONG = "Le ministre a rencontré hier à Bakou le président du pays pour parler de l’énergie et de l’eau.\n"


def _lint_with(tmp_path: Path, toml: str, *args: str) -> tuple[int, str, str]:
    (tmp_path / ".checker.toml").write_text(toml, encoding="utf-8")
    (tmp_path / "a.txt").write_text(LONG, encoding="utf-8")
    result = CliRunner().invoke(
        main,
        [
            "lint",
            "--jobs",
            "1",
            "--no-cache",
            "--config",
            str(tmp_path / ".checker.toml"),
            *args,
            str(tmp_path / "a.txt"),
        ],
    )
    return result.exit_code, result.stdout, result.stderr


def test_per_rule_severity_enabled_and_parameter(tmp_path: Path) -> None:
    rule = '[rules."readability.long-sentence"]\n'
    code, out, _ = _lint_with(tmp_path, 'select = ["readability"]\n')
    assert "readability.long-sentence" not in out  # 18 words, under the default 35
    code, out, _ = _lint_with(tmp_path, f'select = ["readability"]\n{rule}max-words = 10\nseverity = "error"\n')
    assert code == 1 and "erreur [readability.long-sentence] Phrase longue : 18 mots hors citations (seuil : 10)" in out
    code, out, _ = _lint_with(tmp_path, f'select = ["readability"]\n{rule}max-words = 10\nenabled = false\n')
    assert code == 0 and "readability.long-sentence" not in out
    # The former [thresholds] name still sets the same parameter.
    code, out, _ = _lint_with(tmp_path, 'select = ["readability"]\n[thresholds]\nlong-sentence-words = 12\n')
    assert "(seuil : 12)" in out


def test_enabled_true_turns_on_a_rule_off_by_default(tmp_path: Path) -> None:
    pack = tmp_path / "maison.yaml"
    pack.write_text(
        _pack(_rule("wording.zorglub", "wording").replace("severity:", "default: off\n    severity:")), "utf-8"
    )
    config = config_from_mapping(
        {"rule-packs": ["maison.yaml"], "rules": {"wording.zorglub": {"enabled": True}}}, base=tmp_path
    )
    assert "wording.zorglub" in [f.rule_id for f in lint_text("Le zorglub.\n", config).findings]


@pytest.mark.parametrize(
    ("toml", "needles"),
    [
        (
            '[rules."readability.long-sentense"]\nmax-words = 10\n',
            ["règle inconnue", "vouliez-vous dire readability.long-sentence ?"],
        ),
        (
            '[rules."readability.long-sentence"]\nmax-word = 10\n',
            ["paramètre inconnu « max-word »", "vouliez-vous dire max-words", "ses paramètres : max-words"],
        ),
        ('[rules."readability.long-sentence"]\nmax-words = "dix"\n', ["max-words doit être de type entier"]),
        ('[rules."readability.long-sentence"]\nmax-words = 2\n', ["max-words doit valoir au moins 5"]),
        ('[rules."wording.pleonasm"]\nseuil = 2\n', ["paramètre inconnu « seuil »", "elle n’a pas de paramètre"]),
        ('[rules."wording.pleonasm"]\nseverity = "fatal"\n', ["rules.wording.pleonasm.severity"]),
    ],
)
def test_bad_rule_settings_are_exit_2_with_a_suggestion(tmp_path: Path, toml: str, needles: list[str]) -> None:
    code, _, err = _lint_with(tmp_path, toml)
    assert code == 2
    assert err.startswith(f"checker: error: {tmp_path / '.checker.toml'}: configuration invalide à « rules"), err
    for needle in needles:
        assert needle in err, err


def test_explain_lists_parameters_and_defaults() -> None:
    result = CliRunner().invoke(main, ["explain", "repetition.near-duplicate"])
    assert result.exit_code == 0
    assert 'Paramètres ([tool.checker.rules."repetition.near-duplicate"]) :' in result.stdout
    assert "  similarity (nombre, défaut 0.8) : " in result.stdout
    assert "  min-words (entier, défaut 6) : " in result.stdout


def test_every_tunable_a_check_reads_is_a_declared_parameter() -> None:
    import re

    rules = load_rules()
    for module in (ROOT / "checker" / "checks").glob("*.py"):
        for rule_id, name in re.findall(r'ctx\.param\(\s*"([^"]+)",\s*"([^"]+)"\)', module.read_text(encoding="utf-8")):
            rule = rules.get(rule_id)
            assert rule is not None and rule.parameter(name) is not None, (module.name, rule_id, name)
        assert "config.threshold(" not in module.read_text(encoding="utf-8")


# ---------------------------------------------------------------- the library entry point


def test_run_returns_typed_findings_and_the_exit_code(tmp_path: Path) -> None:
    from checker.api import Options, run
    from checker.findings import Finding

    (tmp_path / "a.txt").write_text("Les deux pays veulent collaborer ensemble.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\xff\xfe")
    outcome = run([str(tmp_path / "a.txt")], Options(select=("wording",), jobs=1))
    assert all(isinstance(f, Finding) for f in outcome.findings)
    assert [f.rule_id for f in outcome.findings] == ["wording.pleonasm"]
    assert outcome.exit_code == 0  # a warning; fail-on is error by default
    assert run([str(tmp_path / "a.txt")], Options(select=("wording",), fail_on="warning", jobs=1)).exit_code == 1
    both = run([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], Options(select=("wording",), jobs=1))
    assert both.files == [str(tmp_path / "a.txt")] and len(both.errors) == 1 and both.exit_code == 2
    with pytest.raises(CheckerError, match=r"--select: « wordin ».*vouliez-vous dire wording"):
        run([str(tmp_path / "a.txt")], Options(select=("wordin",)))


def test_cli_lint_holds_no_lint_logic() -> None:
    import ast

    tree = ast.parse((ROOT / "checker" / "cli.py").read_text(encoding="utf-8"))
    lint = next(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == "lint")
    branches = sum(isinstance(n, ast.If | ast.For | ast.While | ast.IfExp) for n in ast.walk(lint))
    assert branches <= 10, branches  # printing choices only (it had 43 branches of lint logic)


# ---------------------------------------------------------------- fixes: any finding, one safety check


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("Les deux pays veulent collaborer ensemble.\n", "Les deux pays veulent collaborer.\n"),
        ("Au jour d’aujourd’hui, rien.\n", "Aujourd’hui, rien.\n"),
        ("Au jour d'aujourd'hui, rien.\n", "Aujourd'hui, rien.\n"),  # the text's own apostrophe
        ("Il faut voire  même\nmonter en haut.\n", "Il faut voire\nmonter.\n"),
    ],
)
def test_pleonasm_fix(text: str, fixed: str) -> None:
    from checker.fix import fix_text

    config = Config(select=("wording.pleonasm",))
    result, applied, left = fix_text(text, config, "a.txt", "text")
    assert result == fixed
    assert applied == text.count("\n") and left.findings == []  # one pleonasm per line


@pytest.mark.parametrize(
    "text",
    [
        "Ils vont collaborer *ensemble* demain.\n",  # markup inside the span
        "Ils vont collaborer&nbsp;ensemble demain.\n",  # an entity inside the span
    ],
)
def test_pleonasm_not_fixed_where_the_source_is_not_plain_text(text: str) -> None:
    findings = lint_text(text, Config(select=("wording.pleonasm",)), "a.md", "markdown").findings
    assert [f.rule_id for f in findings] == ["wording.pleonasm"]
    assert findings[0].fix == []


def test_any_family_can_offer_a_fix_through_the_context() -> None:
    from checker.context import CheckContext
    from checker.findings import Edit
    from checker.parse import parse_document

    doc = parse_document("Un `code` et des mots.\n", "a.md", "markdown")
    ctx = CheckContext(doc=doc, config=Config(), rules=load_rules())
    block = doc.blocks[0]
    words = block.text.index("mots")
    safe = ctx.safe_edit(block, words, words + 4, "termes")
    assert safe == Edit(doc.source.index("mots"), doc.source.index("mots") + 4, "termes")
    across_code = ctx.safe_edit(block, 0, words, "x")  # the span crosses the code span's backticks
    assert across_code is None
    s, e = block.source_span(words, words + 4)
    assert ctx.finding("markup.stray-syntax", s, e, fix=[safe]).fix == [safe]
    assert ctx.finding("markup.stray-syntax", s, e, fix=[safe, across_code]).fix == []  # all or nothing


def test_the_fix_safety_check_lives_in_one_place() -> None:
    typography = (ROOT / "checker" / "checks" / "typography.py").read_text(encoding="utf-8")
    assert "offsets[i] != first" not in typography and "front_matter_span" not in typography


# ---------------------------------------------------------------- module structure


def _imports(tree: ast.Module) -> list[ast.ImportFrom | ast.Import]:
    """Every import of a module, in functions too, except those under `if TYPE_CHECKING:`."""
    typing_only = {
        id(n)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for n in ast.walk(node)
    }
    return [n for n in ast.walk(tree) if isinstance(n, ast.Import | ast.ImportFrom) and id(n) not in typing_only]


def _modules() -> dict[str, ast.Module]:
    out = {}
    for path in (ROOT / "checker").rglob("*.py"):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        out[name] = ast.parse(path.read_text(encoding="utf-8"))
    return out


def test_no_import_cycle_between_checker_modules() -> None:
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for name, tree in modules.items():
        deps = set()
        for node in _imports(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("checker"):
                for alias in node.names:
                    full = f"{node.module}.{alias.name}"
                    deps.add(full if full in modules else node.module)
            elif isinstance(node, ast.Import):
                deps.update(a.name for a in node.names if a.name in modules)
        graph[name] = {d for d in deps if d in modules and d != name}

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        return any(d == goal or (d not in seen and not seen.add(d) and reaches(d, goal, seen)) for d in graph[start])

    cycles = sorted(name for name in graph if reaches(name, name, set()))
    assert cycles == []


def test_no_private_name_imported_across_modules() -> None:
    crossing = []
    for name, tree in _modules().items():
        for node in _imports(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("checker"):
                private = [a.name for a in node.names if a.name.startswith("_") and not a.name.startswith("__")]
                crossing += [f"{name}: {node.module}.{p}" for p in private]
    assert crossing == []


def test_no_module_binds_a_private_constant_twice() -> None:
    """A module constant assigned twice at the top level silently replaces the first (stop 49: a new `_LETTERS_RE` and
    `_COMPLEMENT_AFTER_RE` in the Grammalecte engine shadowed, or were shadowed by, older ones of the same name)."""
    twice = []
    for path in sorted((ROOT / "checker").rglob("*.py")):
        seen: set[str] = set()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            targets = node.targets if isinstance(node, ast.Assign) else []
            for name in (t.id for t in targets if isinstance(t, ast.Name) and _CONSTANT_NAME_RE.fullmatch(t.id)):
                if name in seen:
                    twice.append(f"{path.relative_to(ROOT)}: {name}")
                seen.add(name)
    assert twice == []


_CONSTANT_NAME_RE = re.compile(r"_[A-Z][A-Z0-9_]*")
