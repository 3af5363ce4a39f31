"""One module per check family (the family registry is `checker.families`).

A family module implements its coded rules in `check(doc, ctx) -> list[Finding]`; the data-only
rules of every family (existence, substitution, cue, …) are run by `checker.kinds`. To find
where a rule is implemented: its family is the first part of its id (`claims.conditional` is
declared in `rules/claims.yaml`, and coded rules live in `checks/<family>.py`).
"""

from __future__ import annotations

from collections.abc import Callable

from checker.context import CheckContext
from checker.document import Document
from checker.families import coded_check, family_module, family_names
from checker.findings import Finding
from checker.kinds import run_data_rules

CheckFunction = Callable[[Document, CheckContext], list[Finding]]


def run_family(family: str, doc: Document, ctx: CheckContext) -> list[Finding]:
    """Every enabled rule of `family`: its module's coded rules, then its data-only rules by kind.
    A module may define `combine(coded, data, doc)` to merge the two (grammar drops a rule of its own
    pack that repeats an engine finding on the same span)."""
    coded = coded_check(family)
    findings = coded(doc, ctx) if coded is not None else []
    data = run_data_rules(ctx, ctx.enabled_rules(family))
    combine: Callable[[list[Finding], list[Finding], Document], list[Finding]] | None = getattr(
        family_module(family), "combine", None
    )
    if combine is not None:
        return combine(findings, data, doc)
    findings.extend(data)
    return findings


def check_function(family: str) -> CheckFunction:
    """The whole check of one family, as a function of (doc, ctx) (the benchmark times them one by one)."""

    def run(doc: Document, ctx: CheckContext) -> list[Finding]:
        return run_family(family, doc, ctx)

    return run


def __getattr__(name: str) -> tuple[str, ...]:
    # FAMILIES, the former hand-written list, now read from the registry (kept for its users: bench/, tests).
    if name == "FAMILIES":
        return family_names()
    raise AttributeError(name)
