"""Baseline: the findings an archive already has, so CI fails only on new ones.

A finding is identified by its file, rule and flagged text — not its line — so edits
elsewhere in the article do not make old findings look new. Identical findings are
counted: a third occurrence where the baseline has two is new.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path
from typing import Any

from checker.errors import CheckerError


def fingerprint(finding: dict[str, Any]) -> str:
    key = "\x1f".join((finding["path"], finding["rule_id"], " ".join(finding["text"].split())))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


def write_baseline(path: Path, findings: list[dict[str, Any]]) -> None:
    counts = Counter(fingerprint(f) for f in findings)
    data = {"version": 1, "tool": "checker", "findings": dict(sorted(counts.items()))}
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    tmp.replace(path)


def read_baseline(path: Path) -> Counter[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise CheckerError(f"{path}: cannot read baseline: {getattr(exc, 'strerror', None) or exc}") from None
    except ValueError as exc:
        raise CheckerError(f"{path}: invalid baseline (not JSON): {exc}") from None
    if not isinstance(data, dict) or data.get("version") != 1 or not isinstance(data.get("findings"), dict):
        raise CheckerError(f"{path}: invalid baseline: expected {{'version': 1, 'findings': {{…}}}}")
    return Counter({str(k): int(v) for k, v in data["findings"].items()})


def filter_new(findings: list[dict[str, Any]], baseline: Counter[str]) -> tuple[list[dict[str, Any]], int]:
    """Findings not covered by the baseline, and how many were covered."""
    remaining = Counter(baseline)
    new = []
    for f in findings:
        fp = fingerprint(f)
        if remaining[fp] > 0:
            remaining[fp] -= 1
        else:
            new.append(f)
    return new, len(findings) - len(new)
