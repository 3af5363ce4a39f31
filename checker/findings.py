"""The one shape of a finding. Every output format is produced from `Finding.to_dict()`,
which validates against `schemas/findings.schema.json`."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Literal

from checker.schemas import load_schema

__all__ = ["SEVERITY_RANK", "Edit", "Finding", "Severity", "load_schema"]  # load_schema: its former home

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True, slots=True)
class Edit:
    """One source edit of a fix: replace the characters [start, end) of the text as read (without BOM)."""

    start: int
    end: int
    replacement: str


@dataclass(slots=True)
class Finding:
    rule_id: str
    family: str
    severity: Severity
    message: str
    path: str
    start: int  # source offsets, end exclusive
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    text: str  # the source text at [start, end)
    suggestions: list[str] = field(default_factory=list)
    engine: str | None = None  # grammar engine(s) that reported it
    related: list[dict[str, Any]] = field(default_factory=list)  # e.g. the body line an FAQ answer should match
    data: dict[str, Any] = field(default_factory=dict)  # check-specific details (scores, counts)
    # A safe automatic correction: source edits applied all together by --fix (checker.edits.safe_edit).
    fix: list[Edit] = field(default_factory=list)
    # A correction that changes meaning (e.g. restoring a hedge the body has): only --unsafe-fixes applies it.
    unsafe_fix: list[Edit] = field(default_factory=list)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.start, self.end, self.rule_id)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (findings.schema.json): every field in declaration order, the optional ones
        (engine, related, data, fix, unsafe_fix) only when set."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in _OPTIONAL and not value:
                continue
            out[f.name] = _plain(value)
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Finding:
        """A finding from its JSON form (the result cache)."""
        values: dict[str, Any] = {}
        for f in fields(cls):
            if f.name in ("fix", "unsafe_fix"):
                values[f.name] = [Edit(**edit) for edit in d.get(f.name, [])]
            elif f.name in d:
                value = d[f.name]
                values[f.name] = (
                    [dict(v) if isinstance(v, dict) else v for v in value] if isinstance(value, list) else value
                )
        return cls(**values)


_OPTIONAL = frozenset({"engine", "related", "data", "fix", "unsafe_fix"})


def _plain(value: Any) -> Any:
    """A JSON-ready copy (lists and dictionaries copied, so the report never shares the finding's)."""
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, Edit):
        return {f.name: getattr(value, f.name) for f in fields(value)}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value
