"""The registry of rule kinds: how a rule declared in a pack runs.

`coded` rules are implemented by their family's module (`checker/checks/<family>.py`). Every
other kind is data only: its rules run in any family, dispatched here by kind
(`run_data_rules`), so a user pack rule `family: typography, kind: existence` fires like a
wording one. A new kind joins with one entry in `KINDS`: the function that runs a list of its
rules and, optionally, the function that says why a rule of that kind cannot run (checked when
its pack loads). Functions are named "module:function" and imported only when used.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checker.context import CheckContext
    from checker.findings import Finding
    from checker.rule_packs import Rule

    KindRunner = Callable[[CheckContext, Sequence[Rule]], list[Finding]]
    ProblemFinder = Callable[[Rule], str | None]

CODED = "coded"


@dataclass(frozen=True)
class Kind:
    name: str
    run: str | None  # "module:function(ctx, rules) -> list[Finding]"; None for coded rules (their module runs them)
    problem: str | None = None  # "module:function(rule) -> why it cannot run, or None"


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind(CODED, None, "checker.families:coded_rule_problem"),
        Kind("existence", "checker.matching:run_list_rules", "checker.matching:pattern_problem"),
        Kind("substitution", "checker.matching:run_list_rules", "checker.matching:pattern_problem"),
        Kind("cue", "checker.checks.claims:run_cue_rules", "checker.checks.claims:cue_problem"),
        Kind("tokens", "checker.token_patterns:run_token_rules", "checker.token_patterns:token_rule_problem"),
        Kind(
            "homophone-stats",
            "checker.homophone_contexts:run_homophone_rules",
            "checker.homophone_contexts:homophone_rule_problem",
        ),
    )
}

# Former names still accepted in packs.
ALIASES: dict[str, str] = {"builtin": CODED}


def kind_names() -> tuple[str, ...]:
    """Every name a pack may write in `kind` (the schema's enum)."""
    return (*KINDS, *ALIASES)


def canonical(kind: str) -> str:
    return ALIASES.get(kind, kind)


def _resolve(target: str) -> Callable[..., object]:
    module, _, name = target.partition(":")
    fn: Callable[..., object] = getattr(importlib.import_module(module), name)
    return fn


def rule_problem(rule: Rule) -> str | None:
    """Why this rule cannot run, or None when it can."""
    kind = KINDS.get(rule.kind)
    if kind is None:
        return f"type inconnu « {rule.kind} » (types connus : {', '.join(KINDS)})"
    if kind.problem is None:
        return None
    finder: ProblemFinder = _resolve(kind.problem)  # type: ignore[assignment]
    return finder(rule)


def run_data_rules(ctx: CheckContext, rules: Sequence[Rule]) -> list[Finding]:
    """Findings of the data-only rules among `rules` (any family), each kind run by its registered function."""
    by_kind: dict[str, list[Rule]] = {}
    for rule in rules:
        if rule.kind != CODED:
            by_kind.setdefault(rule.kind, []).append(rule)
    findings: list[Finding] = []
    for name, kind_rules in by_kind.items():
        target = KINDS[name].run
        if target is not None:
            runner: KindRunner = _resolve(target)  # type: ignore[assignment]
            findings.extend(runner(ctx, kind_rules))
    return findings
