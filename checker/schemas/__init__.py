"""JSON schemas shipped with checker: findings, configuration, rule packs.

The lists that name families and rule kinds are not written in the JSON files: `load_schema`
fills `$defs/family` and `$defs/kind` from `checker.families` and `checker.kinds`, so adding a
family (a module and a pack) or a kind (one registry entry) never touches a schema.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from typing import Any


@cache
def _load(name: str) -> dict[str, Any]:
    # package_files, not importlib.resources: its readers import tempfile, shutil and the compressors,
    # a hundredth of a second of every cold lint.
    from checker.paths import package_files

    text = package_files("checker.schemas").joinpath(name).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    defs = schema.get("$defs", {})
    if "family" in defs:
        from checker.families import family_names

        defs["family"]["enum"] = list(family_names())
    if "kind" in defs:
        from checker.kinds import kind_names

        defs["kind"]["enum"] = list(kind_names())
    return schema


def load_schema(name: str) -> dict[str, Any]:
    """The schema `name` (e.g. "findings.schema.json"), with its family and kind lists filled in.
    A copy: callers may change it."""
    return copy.deepcopy(_load(name))
