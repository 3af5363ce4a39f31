"""Inline suppression comments, read from the source text:

    <!-- checker-disable RULE[, RULE…] -->     until checker-enable (no RULE: everything)
    <!-- checker-enable [RULE…] -->
    <!-- checker-disable-next-line [RULE…] -->
    <!-- checker-disable-line [RULE…] -->       the line the comment stands on

RULE is a rule id, an id prefix or a family name. A RULE that names no rule is an error (exit 2)
with a suggestion; a comment that suppresses nothing is reported as `suppression.unused` (turn it
off with `ignore = ["suppression.unused"]`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.document import Document
from checker.errors import CheckerError
from checker.findings import Finding
from checker.rule_packs import RuleSet
from checker.selectors import known_selectors, unknown_selector_message

# Compiled once: Grammalecte's own patterns keep re's cache of 512 full, so re.match(pattern_string, …)
# would compile these again for every document.
_SELECTOR_SEPARATOR_RE = re.compile(r"[\s,]+")

_DIRECTIVE_RE = re.compile(r"<!--\s*checker-(disable-next-line|disable-line|disable|enable)\b([^>]*?)-->")


@dataclass
class SuppressionRange:
    start: int
    end: int
    selectors: frozenset[str]  # empty: all rules
    comment: tuple[int, int] = (0, 0)  # source span of the comment that opened it
    used: bool = field(default=False, compare=False)

    def covers(self, f: Finding) -> bool:
        if not self.start <= f.start < self.end:
            return False
        return not self.selectors or any(
            s == f.family or s == f.rule_id or f.rule_id.startswith(s + ".") for s in self.selectors
        )


def _line_span(doc: Document, line: int) -> tuple[int, int]:
    """Source span of 1-based `line`, its line break included."""
    start = doc.line_starts[line - 1]
    end = doc.line_starts[line] if line < len(doc.line_starts) else len(doc.source) + 1
    return start, end


def suppression_ranges(doc: Document, rules: RuleSet | None = None) -> list[SuppressionRange]:
    src = doc.source
    if "checker-" not in src:
        return []
    known = known_selectors(rules) if rules is not None else None
    ranges: list[SuppressionRange] = []
    open_ranges: dict[frozenset[str], tuple[int, tuple[int, int]]] = {}
    for m in _DIRECTIVE_RE.finditer(src):
        kind = m.group(1)
        selectors = frozenset(s for s in _SELECTOR_SEPARATOR_RE.split(m.group(2).strip()) if s)
        if known is not None and rules is not None:
            for selector in sorted(selectors):
                if selector not in known:
                    line, col = doc.line_col(m.start())
                    raise CheckerError(
                        f"{doc.path}:{line}:{col}: checker-{kind} : {unknown_selector_message(selector, rules)}"
                    )
        comment = (m.start(), m.end())
        if kind == "disable-next-line":
            line, _ = doc.line_col(m.end())
            if line < len(doc.line_starts):
                start, end = _line_span(doc, line + 1)
                ranges.append(SuppressionRange(start, end, selectors, comment))
        elif kind == "disable-line":
            start, end = _line_span(doc, doc.line_col(m.start())[0])
            ranges.append(SuppressionRange(start, end, selectors, comment))
        elif kind == "disable":
            open_ranges.setdefault(selectors, (m.end(), comment))
        else:
            for key in list(open_ranges):
                if not selectors or key == selectors or (key and key <= selectors):
                    start, opened_by = open_ranges.pop(key)
                    ranges.append(SuppressionRange(start, m.start(), key, opened_by))
    ranges.extend(SuppressionRange(start, len(src) + 1, key, comment) for key, (start, comment) in open_ranges.items())
    return ranges


def apply_suppressions(
    doc: Document, findings: list[Finding], rules: RuleSet | None = None
) -> tuple[list[Finding], int, list[SuppressionRange]]:
    """Findings left after the comments, how many were suppressed, and the comments that suppressed
    nothing. With `rules`, a comment naming an unknown rule is a CheckerError."""
    ranges = suppression_ranges(doc, rules)
    if not ranges:
        return findings, 0, []
    kept = []
    for f in findings:
        covering = [r for r in ranges if r.covers(f)]
        for r in covering:
            r.used = True
        if not covering:
            kept.append(f)
    return kept, len(findings) - len(kept), [r for r in ranges if not r.used]
