"""Wording: the rule-driven existence and substitution rules of `rules/wording.yaml`
(and of any user pack declaring family `wording`)."""

from __future__ import annotations

from checker.context import CheckContext
from checker.document import Document
from checker.findings import Finding
from checker.matching import run_list_rules


def check(doc: Document, ctx: CheckContext) -> list[Finding]:
    return run_list_rules(ctx, ctx.enabled_rules("wording"))
