"""Configuration: `[tool.checker]` in pyproject.toml or a `.checker.toml`, found by walking up
from the linted file, validated against `schemas/config.schema.json`."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from checker.errors import CheckerError
from checker.findings import load_schema

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

    def enabled(self, rule_id: str, family: str) -> bool:
        """Whether a rule is reported: select/ignore accept families and rule ids (or id prefixes)."""
        if any(_matches(rule_id, family, sel) for sel in self.ignore):
            return False
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
    return Config(
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
