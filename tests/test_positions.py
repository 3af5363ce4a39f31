"""For every finding on every fixture, the source text at the reported span is the flagged
text, and line:column agree with an independent count."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.config import Config
from checker.lint import lint_text, read_source

FIXTURE_FILES = sorted(p for p in (Path(__file__).resolve().parent.parent / "fixtures").rglob("*") if p.is_file())


def _line_col(source: str, offset: int) -> tuple[int, int]:
    """Lines end at \\n, \\r\\n or a lone \\r."""
    before = source[:offset]
    line = before.count("\n") + before.count("\r") - before.count("\r\n") + 1
    return line, offset - (max(before.rfind("\n"), before.rfind("\r")) + 1) + 1


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.name)
def test_every_finding_points_at_its_text(path: Path) -> None:
    source = read_source(path)
    result = lint_text(source, Config(grammar_engine="auto"), str(path))
    if path.name.startswith("israel-azerbaidjan"):
        assert result.findings, f"no finding at all on {path.name}: the pipeline is not running"
    for f in result.findings:
        assert 0 <= f.start < f.end <= len(source), f
        assert source[f.start : f.end] == f.text, f
        assert (f.line, f.column) == _line_col(source, f.start), f
        assert (f.end_line, f.end_column) == _line_col(source, f.end), f
