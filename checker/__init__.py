"""checker — a French editorial linter (grammar, spelling, typography, readability,
repetition, unsupported claims and FAQ consistency)."""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = ["__version__", "lint_text"]

if TYPE_CHECKING:
    from checker.config import Config
    from checker.lint import LintResult


def lint_text(text: str, config: Config | None = None, path: str = "<text>", fmt: str | None = None) -> LintResult:
    """Lint `text` and return its findings: a pure function, safe in any worker pool."""
    from checker.lint import lint_text as _lint_text

    return _lint_text(text, config, path, fmt)
