"""The one registry of check families.

A family is a module `checker/checks/<name>.py` plus its pack `rules/<name>.yaml`: the family
list is read from the modules of `checker.checks` (without importing them), and everything
that names families derives from it — the `family` enums of the JSON schemas (filled in by
`checker.schemas.load_schema`), configuration validation, `checker rules --family`, the
warm-up of `--jobs`. A family module implements its coded rules (kind `coded`) in
`check(doc, ctx)`; its data-only rules (existence, substitution, cue, …) are run for it by
`checker.kinds`, so a family without coded rules needs no `check` at all.
"""

from __future__ import annotations

import difflib
import importlib
import pkgutil
from collections.abc import Callable
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checker.context import CheckContext
    from checker.document import Document
    from checker.findings import Finding
    from checker.rule_packs import Rule

    CheckFunction = Callable[[Document, CheckContext], list[Finding]]

CHECKS_PACKAGE = "checker.checks"


@cache
def family_names() -> tuple[str, ...]:
    """Every family, sorted by name (findings are sorted, so the order of execution never shows)."""
    package = importlib.import_module(CHECKS_PACKAGE)
    return tuple(sorted(m.name for m in pkgutil.iter_modules(package.__path__) if not m.name.startswith("_")))


def family_module(family: str) -> ModuleType:
    return importlib.import_module(f"{CHECKS_PACKAGE}.{family}")


def coded_check(family: str) -> CheckFunction | None:
    """The family's `check(doc, ctx)` for its coded rules, or None when all its rules are data."""
    check: CheckFunction | None = getattr(family_module(family), "check", None)
    return check


def coded_rule_problem(rule: Rule) -> str | None:
    """Why a coded rule cannot run: its family's module does not implement it.

    A module lists the coded rules it implements in `CODED_RULES`, or decides with its own
    `coded_rule_problem(rule)` (grammar maps engine matches to any rule whose params name them)."""
    module = family_module(rule.family)
    own: Callable[[Rule], str | None] | None = getattr(module, "coded_rule_problem", None)
    if own is not None:
        return own(rule)
    if rule.id in getattr(module, "CODED_RULES", ()):
        return None
    return (
        f"le type coded désigne une règle programmée dans checker/checks/{rule.family}.py, qui n’implémente pas "
        f"{rule.id} ; décrivez-la plutôt avec un type de données (existence, substitution, cue, tokens)"
    )


def suggest(name: str, known: tuple[str, ...] | list[str]) -> str:
    """« (vouliez-vous dire … ?) » with the closest known names, or "" when none is close."""
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.7)
    return f" (vouliez-vous dire {close[0]} ?)" if close else ""


def unknown_family_error(family: str) -> str:
    return f"famille inconnue « {family} »{suggest(family, family_names())} ; familles : {', '.join(family_names())}"
