"""Suppression comments (`checker/suppress.py`): one coded rule, `suppression.unused`, a comment that
suppressed nothing. It needs every other family's findings, so `checker.lint` reports it after the
comments were applied (`unused_suppressions`); this family has no `check` of its own."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checker.context import CheckContext
    from checker.findings import Finding
    from checker.suppress import SuppressionRange

UNUSED_RULE = "suppression.unused"
CODED_RULES = frozenset((UNUSED_RULE,))


def unused_suppressions(unused: list[SuppressionRange], ctx: CheckContext) -> list[Finding]:
    """A finding on each comment that suppressed nothing, when the rules it names ran."""
    if not unused or not ctx.enabled(UNUSED_RULE):
        return []
    return [
        ctx.finding(UNUSED_RULE, *r.comment, selectors=", ".join(sorted(r.selectors)) or "toutes les règles")
        for r in unused
        if _could_have_fired(r.selectors, ctx)
    ]


def _could_have_fired(selectors: frozenset[str], ctx: CheckContext) -> bool:
    """Whether this run would have reported what the comment names: a comment about a rule that is
    not selected, or about grammar when no grammar engine ran, is not « unused »."""
    named = [
        r
        for r in ctx.rules
        if r.id != UNUSED_RULE
        and (not selectors or any(s in (r.family, r.id) or r.id.startswith(s + ".") for s in selectors))
    ]
    if not named or not all(ctx.config.enabled(r.id, r.family, r.default_on) for r in named):
        return False
    return not (any(r.family == "grammar" for r in named) and not ctx.engines_ran)
