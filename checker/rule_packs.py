"""Rule packs: YAML files in `rules/` (shipped as `checker.rules`) plus the user's extra packs,
validated against `schemas/rulepack.schema.json`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from checker.errors import CheckerError
from checker.kinds import canonical, rule_problem
from checker.parameters import Parameter, parse_parameters
from checker.paths import package_files
from checker.safe_io import read_regular_file
from checker.safe_yaml import load_yaml
from checker.validation import describe, first_schema_error, non_finite_path, safe_name, schema_path


@dataclass(frozen=True)
class Rule:
    id: str
    family: str
    kind: str
    severity: str
    message: str
    description: str
    # Not hashed: an example may be a mapping (text, format, config), and rules are hashed as cache keys.
    examples_flagged: tuple[str | dict[str, Any], ...] = field(hash=False)
    examples_accepted: tuple[str | dict[str, Any], ...] = field(hash=False)
    pack: str
    source: str
    phrases: tuple[str, ...] = ()
    lemmas: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    swap: tuple[tuple[str, str], ...] = ()
    case_sensitive: bool = False
    # list rules and the engines' grammar rules: a match inside a direct quotation, or in an interview's answers, is the
    # speaker's word, not reported
    outside_quotes: bool = False
    fix: bool = False  # substitution: the suggestion is a safe fix (`fix: true` in the pack)
    regions: tuple[str, ...] = ("body", "faq_question", "faq_answer")
    default_on: bool = True  # False: `default: off` in the pack, run only when selected by id or enabled in config
    parameters: tuple[Parameter, ...] = ()  # the rule's tunables, with their types and defaults

    def parameter(self, name: str) -> Parameter | None:
        return next((p for p in self.parameters if p.name == name), None)

    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


@dataclass
class RuleSet:
    rules: dict[str, Rule]

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules.values())

    def __contains__(self, rule_id: object) -> bool:
        return rule_id in self.rules

    def get(self, rule_id: str) -> Rule | None:
        return self.rules.get(rule_id)

    def family(self, family: str) -> list[Rule]:
        return [r for r in self.rules.values() if r.family == family]

    def restrict(self, keep: Iterable[str]) -> RuleSet:
        ids = set(keep)
        return RuleSet({k: v for k, v in self.rules.items() if k in ids})


def schema_error(text_or_data: Any, path: str) -> CheckerError | None:
    """The best schema error of a parsed pack, as a one-line CheckerError, or None when it is valid.

    The message names the file, the rule and the schema path, never a value from the file."""
    if (where := non_finite_path(text_or_data)) is not None:
        return CheckerError(f"{path}: pack de règles invalide à « {schema_path(where, '/')} » : nombre infini ou NaN")
    err = first_schema_error(text_or_data, "rulepack.schema.json")
    return None if err is None else _schema_error(path, text_or_data, err)


def _schema_error(path: str, data: Any, err: Any) -> CheckerError:
    where = schema_path(err.absolute_path, "/")
    rule_id = ""
    parts = list(err.absolute_path)
    if len(parts) >= 2 and parts[0] == "rules" and isinstance(parts[1], int):
        rules = data.get("rules") if isinstance(data, dict) else None
        if isinstance(rules, list) and parts[1] < len(rules) and isinstance(rules[parts[1]], dict):
            rule_id = f" règle {safe_name(rules[parts[1]].get('id', '#' + str(parts[1])))} :"
    return CheckerError(f"{path}:{rule_id} pack de règles invalide à « {where or '/'} » : {describe(err)}")


def _load_yaml(text: str) -> Any:
    """The pack's YAML, decoded once per content and kept in the data cache (checker.datacache):
    libyaml's loader still costs a few hundredths of a second of every cold start for the shipped packs."""
    import hashlib

    from checker import datacache

    def decode() -> Any:
        # libyaml's loader when PyYAML has it: the pure-Python one costs ~0.3 s of every cold start.
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))

    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return datacache.load_or_build(f"rulepack-{digest}", str(yaml.__version__), decode, lambda v: True)


def parse_pack(text: str, path: str, validate: bool = True) -> list[Rule]:
    """The rules of one pack. `validate=False` is for the shipped packs only, which the test
    suite validates (tests/test_rule_examples.py); user packs are always validated."""
    # Shipped packs (trusted, validated by the test suite) are decoded once and kept in the data cache; a user's
    # pack goes through the safe loader (bounded aliases, one-line errors naming the file).
    data = _load_yaml(text) if not validate else load_yaml(text, path, "pack de règles")
    if validate and (err := schema_error(data, path)) is not None:
        raise err
    rules = []
    for raw in data["rules"]:
        if not raw["id"].startswith(raw["family"] + "."):
            raise CheckerError(f"{path}: règle {raw['id']} : l’id doit commencer par sa famille « {raw['family']}. »")
        rules.append(
            Rule(
                id=raw["id"],
                family=raw["family"],
                kind=canonical(raw["kind"]),
                severity=raw["severity"],
                message=raw["message"],
                description=raw["description"].strip(),
                examples_flagged=tuple(raw["examples"]["flagged"]),
                examples_accepted=tuple(raw["examples"]["accepted"]),
                pack=data["pack"],
                source=path,
                phrases=tuple(raw.get("phrases", ())),
                lemmas=tuple(raw.get("lemmas", ())),
                patterns=tuple(raw.get("patterns", ())),
                swap=tuple(raw.get("swap", {}).items()),
                case_sensitive=bool(raw.get("case_sensitive", False)),
                outside_quotes=bool(raw.get("outside_quotes", False)),
                fix=bool(raw.get("fix", False)),
                regions=tuple(raw.get("regions", ("body", "faq_question", "faq_answer"))),
                params={**data.get("params", {}), **raw.get("params", {})},
                default_on=raw.get("default", "on") not in ("off", False),
                parameters=parse_parameters(raw.get("parameters", {})),
            )
        )
    if validate:
        for rule in rules:
            problem = rule_problem(rule) or next(filter(None, (p.problem(p.default) for p in rule.parameters)), None)
            if problem is not None:
                raise CheckerError(f"{path}: règle {rule.id} : inapplicable : {problem}")
    return rules


@lru_cache(maxsize=1)
def shipped_pack_files() -> tuple[tuple[str, str], ...]:
    """(display path, text) of every pack shipped in the package, sorted by name."""
    root = package_files("checker.rules")
    packs = sorted((p for p in root.iterdir() if p.name.endswith((".yaml", ".yml"))), key=lambda p: p.name)
    return tuple((f"rules/{p.name}", p.read_text(encoding="utf-8")) for p in packs)


builtin_pack_files = shipped_pack_files  # its former name ("builtin" now names nothing else than shipped)


@lru_cache(maxsize=32)
def load_rules(extra_packs: tuple[str, ...] = ()) -> RuleSet:
    rules: dict[str, Rule] = {}
    sources: list[tuple[str, str, bool]] = [(path, text, False) for path, text in shipped_pack_files()]
    for extra in extra_packs:
        try:
            sources.append((extra, read_regular_file(Path(extra), what="pack de règles").decode("utf-8"), True))
        except UnicodeDecodeError:
            raise CheckerError(f"{extra}: pack de règles illisible : pas en UTF-8") from None
    for path, text, validate in sources:
        for rule in parse_pack(text, path, validate):
            if rule.id in rules:
                raise CheckerError(f"{path}: règle {rule.id} : id en double (déjà dans {rules[rule.id].source})")
            rules[rule.id] = rule
    return RuleSet(rules)
