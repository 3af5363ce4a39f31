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
from checker.schemas import load_schema

DEFAULT_THRESHOLDS: dict[str, float] = {
    "long-sentence-words": 30,
    "kandel-moles-min": 40,
    "lix-max": 55,
    "repetition-window": 40,
    "repeated-phrase-min-words": 4,
    "repeated-phrase-min-count": 2,
    "overused-min-count": 4,
    "overused-ratio": 40.0,
    "near-duplicate-similarity": 0.8,
    "near-duplicate-min-words": 6,
    "readability-min-words": 30,
    "faq-support-min": 0.5,
    "regex-timeout-seconds": 1.0,
}


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()
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
    thresholds: tuple[tuple[str, float], ...] = ()
    source: str | None = None  # the file it was read from
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def threshold(self, name: str) -> float:
        return dict(self.thresholds).get(name, DEFAULT_THRESHOLDS[name])

    def enabled(self, rule_id: str, family: str, default_on: bool = True) -> bool:
        """Whether a rule is reported: select/ignore accept families and rule ids (or id prefixes).
        A rule off by default (`default: off` in its pack) runs only when `select` names its id."""
        if any(_matches(rule_id, family, sel) for sel in self.ignore):
            return False
        if not default_on:
            return rule_id in self.select
        if not self.select:
            return True
        return any(_matches(rule_id, family, sel) for sel in self.select)

    def family_enabled(self, family: str) -> bool:
        if family in self.ignore:
            return False
        return not self.select or any(sel == family or sel.startswith(family + ".") for sel in self.select)

    def severity_for(self, rule_id: str, family: str, default: str) -> str:
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
        source=path,
    )
    check_selectors(config, path)
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
