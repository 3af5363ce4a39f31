"""One module per check family. Each exposes `check(doc, ctx) -> list[Finding]`.

To find where a rule is implemented: its family is the first part of its id
(`claims.modal-conditional` lives in `checks/claims.py`).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from checker.context import CheckContext
from checker.document import Document
from checker.findings import Finding

CheckFunction = Callable[[Document, CheckContext], list[Finding]]

# Order is the order of execution; it does not affect output order (findings are sorted).
FAMILIES: tuple[str, ...] = (
    "markup",
    "wording",
    "typography",
    "faq",
    "grammar",
    "spelling",
    "claims",
    "readability",
    "repetition",
)


def check_function(family: str) -> CheckFunction:
    module = importlib.import_module(f"checker.checks.{family}")
    fn: CheckFunction = module.check
    return fn
