"""Configuration: `[tool.checker]` in pyproject.toml or a `.checker.toml`, found by walking up
from the linted file, validated against `schemas/config.schema.json`."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from checker.errors import CheckerError
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


def _matches(rule_id: str, family: str, selector: str) -> bool:
    return selector in (family, rule_id) or rule_id.startswith(selector + ".")


def unknown_selector(selector: str, rule_ids: Iterable[str]) -> str | None:
    """Why `selector` (a family, a rule id or an id prefix) names no rule, with a suggestion; None when it does."""
    from checker.families import family_names, suggest

    ids = list(rule_ids)
    if selector in family_names() or any(rid == selector or rid.startswith(selector + ".") for rid in ids):
        return None
    return f"'{selector}' is neither a family nor a rule id{suggest(selector, [*family_names(), *ids])}"


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
                raise CheckerError(f"{where}: invalid configuration at '{key}': {problem}")


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
        at = f"{where}: invalid configuration at 'rules.{rule_id}'"
        if rule is None:
            raise CheckerError(f"{at}: unknown rule{suggest(rule_id, [r.id for r in rules])}")
        declared = [p.name for p in rule.parameters]
        for name, value in settings.parameters:
            parameter = rule.parameter(name)
            if parameter is None:
                known = f"; its parameters: {', '.join(declared)}" if declared else "; it has no parameter"
                raise CheckerError(
                    f"{at}: unknown parameter '{name}'{suggest(name, [*declared, 'severity', 'enabled'])}{known}"
                )
            if (problem := parameter.problem(value)) is not None:
                raise CheckerError(f"{at}: {problem}")


def _validate(data: Any, path: str) -> None:
    import jsonschema  # only when there is a configuration: importing it costs 0.06 s of a cold start

    schema = load_schema("config.schema.json")
    err = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(schema).iter_errors(data))
    if err is not None:
        where = ".".join(str(p) for p in err.absolute_path) or "[tool.checker]"
        raise CheckerError(f"{path}: invalid configuration at '{where}': {err.message}")


def config_from_mapping(data: dict[str, Any], path: str = "<config>", base: Path | None = None) -> Config:
    _validate(data, path)
    base = base or Path(".")
    words = set(data.get("words", []))
    if "wordlist" in data:
        wl = base / data["wordlist"]
        try:
            words.update(
                w.strip() for w in wl.read_text(encoding="utf-8").splitlines() if w.strip() and not w.startswith("#")
            )
        except (OSError, UnicodeDecodeError) as exc:
            raise CheckerError(f"{wl}: cannot read word list: {getattr(exc, 'strerror', None) or exc}") from None
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
        thresholds=tuple(sorted(data.get("thresholds", {}).items())),
        rules=tuple(sorted((rid, _rule_settings(table)) for rid, table in data.get("rules", {}).items())),
        regex_timeout_seconds=float(data.get("regex-timeout-seconds", 1.0)),
        source=path,
    )
    check_selectors(config, path)
    check_rule_settings(config, path)
    return config


def read_config_file(path: Path) -> Config | None:
    """The config in `path`, or None when a pyproject.toml has no [tool.checker] table."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise CheckerError(f"{path}: cannot read configuration: {getattr(exc, 'strerror', None) or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise CheckerError(f"{path}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("checker")
        if table is None:
            return None
        data = table
    return config_from_mapping(data, str(path), path.parent)


@lru_cache(maxsize=256)
def find_config(directory: Path) -> Config:
    """Walk up from `directory`: the first `.checker.toml`, or pyproject.toml with [tool.checker], wins."""
    for folder in (directory, *directory.parents):
        for name in (".checker.toml", "pyproject.toml"):
            candidate = folder / name
            if candidate.is_file():
                config = read_config_file(candidate)
                if config is not None:
                    return config
    return Config()
