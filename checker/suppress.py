"""Inline suppression comments, read from the source text:

    <!-- checker-disable RULE[, RULE…] -->     until checker-enable (no RULE: everything)
    <!-- checker-enable [RULE…] -->
    <!-- checker-disable-next-line [RULE…] -->

RULE is a rule id, an id prefix or a family name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.document import Document
from checker.findings import Finding

_DIRECTIVE_RE = re.compile(r"<!--\s*checker-(disable-next-line|disable|enable)\b([^>]*?)-->")


@dataclass
class _Range:
    start: int
    end: int
    selectors: frozenset[str]  # empty: all rules

    def covers(self, f: Finding) -> bool:
        if not self.start <= f.start < self.end:
            return False
        return not self.selectors or any(
            s == f.family or s == f.rule_id or f.rule_id.startswith(s + ".") for s in self.selectors
        )


def suppression_ranges(doc: Document) -> list[_Range]:
    src = doc.source
    if "checker-" not in src:
        return []
    ranges: list[_Range] = []
    open_ranges: dict[frozenset[str], int] = {}
    for m in _DIRECTIVE_RE.finditer(src):
        kind = m.group(1)
        selectors = frozenset(s for s in re.split(r"[\s,]+", m.group(2).strip()) if s)
        if kind == "disable-next-line":
            line, _ = doc.line_col(m.end())
            if line < len(doc.line_starts):
                start = doc.line_starts[line]
                end = doc.line_starts[line + 1] if line + 1 < len(doc.line_starts) else len(src)
                ranges.append(_Range(start, end, selectors))
        elif kind == "disable":
            open_ranges.setdefault(selectors, m.end())
        else:
            for key in list(open_ranges):
                if not selectors or key == selectors or (key and key <= selectors):
                    ranges.append(_Range(open_ranges.pop(key), m.start(), key))
    ranges.extend(_Range(start, len(src) + 1, key) for key, start in open_ranges.items())
    return ranges


def apply_suppressions(doc: Document, findings: list[Finding]) -> tuple[list[Finding], int]:
    ranges = suppression_ranges(doc)
    if not ranges:
        return findings, 0
    kept = [f for f in findings if not any(r.covers(f) for r in ranges)]
    return kept, len(findings) - len(kept)
