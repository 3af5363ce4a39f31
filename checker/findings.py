"""The one shape of a finding. Every output format is produced from `Finding.to_dict()`,
which validates against `schemas/findings.schema.json`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from checker.schemas import load_schema

__all__ = ["SEVERITY_RANK", "Finding", "Severity", "load_schema"]  # load_schema: its former home

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


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
    # A safe automatic correction: source edits {start, end, replacement}, applied all together by --fix.
    fix: list[dict[str, Any]] = field(default_factory=list)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.start, self.end, self.rule_id)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "rule_id": self.rule_id,
            "family": self.family,
            "severity": self.severity,
            "message": self.message,
            "path": self.path,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "text": self.text,
            "suggestions": list(self.suggestions),
        }
        if self.engine:
            out["engine"] = self.engine
        if self.related:
            out["related"] = self.related
        if self.data:
            out["data"] = self.data
        if self.fix:
            out["fix"] = [dict(edit) for edit in self.fix]
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Finding:
        return cls(
            rule_id=d["rule_id"],
            family=d["family"],
            severity=d["severity"],
            message=d["message"],
            path=d["path"],
            start=d["start"],
            end=d["end"],
            line=d["line"],
            column=d["column"],
            end_line=d["end_line"],
            end_column=d["end_column"],
            text=d["text"],
            suggestions=list(d.get("suggestions", [])),
            engine=d.get("engine"),
            related=list(d.get("related", [])),
            data=dict(d.get("data", {})),
            fix=[dict(edit) for edit in d.get("fix", [])],
        )
