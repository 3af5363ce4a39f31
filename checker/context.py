"""What a check receives besides the document: the configuration, the enabled rules, and a
factory that turns a span into a `Finding` with the rule's id, severity and French message."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from checker.config import Config
from checker.document import Block, Document, Sentence
from checker.edits import safe_edit
from checker.findings import Edit, Finding, Severity
from checker.rule_packs import Rule, RuleSet

# « → « {suggestion} » » in a rule's message, left out when a finding has no suggestion.
_NO_SUGGESTION_ARROW_RE = re.compile(r"\s*→\s*«\s*\{suggestion\}\s*»")


@dataclass
class RegexBudget:
    """Time left for the rule packs' regular expressions over one whole document.

    One budget per lint of a file, shared by every pattern and every paragraph: a catastrophic pattern
    cannot take its full time limit on each of a thousand paragraphs."""

    seconds: float
    spent: float = 0.0

    @property
    def remaining(self) -> float:
        return max(self.seconds - self.spent, 1e-6)


class _Defaulting(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@dataclass
class CheckContext:
    doc: Document
    config: Config
    rules: RuleSet  # every known rule; `enabled` says which are reported
    engines_ran: list[str] = field(default_factory=list)
    engines_unavailable: dict[str, str] = field(default_factory=dict)
    # Work left for the findings that are reported (suggestions): run by `complete` for the findings
    # that survive selection, masking, de-duplication and inline suppressions, and only for them.
    deferred: dict[int, tuple[Finding, Callable[[Finding], None]]] = field(default_factory=dict)
    regex_budget: RegexBudget | None = None

    def __post_init__(self) -> None:
        if self.regex_budget is None:
            self.regex_budget = RegexBudget(self.config.regex_timeout())

    def enabled(self, rule_id: str) -> bool:
        rule = self.rules.get(rule_id)
        return rule is not None and self.config.enabled(rule.id, rule.family, rule.default_on)

    def enabled_rules(self, family: str) -> list[Rule]:
        return [r for r in self.rules.family(family) if self.config.enabled(r.id, r.family, r.default_on)]

    def param(self, rule_id: str, name: str) -> Any:
        """The value of parameter `name` of rule `rule_id`: the configuration's, else the pack's default."""
        rule = self.rules.get(rule_id)
        parameter = rule.parameter(name) if rule is not None else None
        if rule is None or parameter is None:
            raise KeyError(f"{rule_id}: no parameter {name!r}: declare it under 'parameters' in the rule's pack")
        overridden, value = self.config.parameter_override(rule_id, name)
        return value if overridden else parameter.default

    def finding(
        self,
        rule_id: str,
        start: int,
        end: int,
        message: str | None = None,
        suggestions: Iterable[str] = (),
        *,
        severity: Severity | None = None,
        engine: str | None = None,
        related: list[dict[str, Any]] | None = None,
        data: dict[str, Any] | None = None,
        fix: Sequence[Edit | None] = (),
        **fmt: Any,
    ) -> Finding:
        """A finding for rule `rule_id` over source offsets [start, end).

        The message is the rule's French template filled with `match` (the flagged text),
        `suggestion` (the first suggestion) and any keyword given. `fix`: the source edits that
        correct it, from `safe_edit`; when one of them is None (unsafe) the finding has no fix.
        """
        rule = self.rules.get(rule_id)
        if rule is None:
            raise KeyError(f"unknown rule id {rule_id!r}: declare it in a rule pack")
        doc = self.doc
        text = doc.source[start:end]
        suggestions = list(suggestions)
        values = _Defaulting(match=text, suggestion=suggestions[0] if suggestions else "", **fmt)
        template = message or rule.message
        if not suggestions:  # « « quelle » → «  » » says nothing: the detail says what to write
            template = _NO_SUGGESTION_ARROW_RE.sub("", template)
        msg = template.format_map(values)
        line, col = doc.line_col(start)
        end_line, end_col = doc.line_col(end)
        sev = self.config.severity_for(rule.id, rule.family, severity or rule.severity)
        return Finding(
            rule_id=rule.id,
            family=rule.family,
            severity=sev,  # type: ignore[arg-type]
            message=msg,
            path=doc.path,
            start=start,
            end=end,
            line=line,
            column=col,
            end_line=end_line,
            end_column=end_col,
            text=text,
            suggestions=suggestions,
            engine=engine,
            related=related or [],
            data=data or {},
            fix=[e for e in fix if e is not None] if all(e is not None for e in fix) else [],
        )

    def safe_edit(self, block: Block, start: int, end: int, replacement: str) -> Edit | None:
        """An edit replacing the visible [start, end) of `block`, or None when it would not be safe."""
        return safe_edit(self.doc, block, start, end, replacement)

    def defer(self, finding: Finding, complete: Callable[[Finding], None]) -> Finding:
        """Run `complete(finding)` later, if the finding is reported (see `complete`)."""
        self.deferred[id(finding)] = (finding, complete)
        return finding

    def complete(self, reported: Iterable[Finding]) -> None:
        """The deferred work of the reported findings."""
        for finding in reported:
            entry = self.deferred.pop(id(finding), None)
            if entry is not None and entry[0] is finding:
                entry[1](finding)
        self.deferred.clear()

    def finding_in_block(self, rule_id: str, block: Block, start: int, end: int, **kw: Any) -> Finding:
        """A finding over visible offsets [start, end) of a block."""
        s, e = block.source_span(start, end)
        return self.finding(rule_id, s, e, **kw)

    def finding_in_sentence(self, rule_id: str, sentence: Sentence, start: int, end: int, **kw: Any) -> Finding:
        """A finding over offsets [start, end) relative to a sentence."""
        s, e = sentence.source_span(start, end)
        return self.finding(rule_id, s, e, **kw)

    def related_line(self, start: int, end: int, role: str) -> dict[str, Any]:
        """A pointer to another place of the document (e.g. the body sentence an FAQ answer should match)."""
        line, col = self.doc.line_col(start)
        return {"line": line, "column": col, "text": self.doc.source[start:end], "role": role}
