"""Baseline: the findings an archive already has, so CI fails only on new ones.

A finding is identified by its file, rule and flagged text — not its line — so edits
elsewhere in the article do not make old findings look new. Identical findings are
counted: a third occurrence where the baseline has two is new.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import Path

from checker.errors import CheckerError
from checker.findings import Finding


def fingerprint(finding: Finding, root: Path | None = None) -> str:
    """Identity of a finding: its file (relative to `root` when given), rule and flagged text."""
    key = "\x1f".join((_path_key(finding.path, root), finding.rule_id, " ".join(finding.text.split())))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


def _path_key(path: str, root: Path | None) -> str:
    """The same file gives the same key however it was named (./a.md, a.md, /abs/a.md)."""
    if root is not None:
        try:
            return Path(path).resolve().relative_to(root.resolve()).as_posix()
        except (ValueError, OSError):
            pass
    return Path(os.path.normpath(path)).as_posix()


def write_baseline(path: Path, findings: list[Finding]) -> None:
    """Write the fingerprints of `findings`, file paths taken relative to the baseline's folder."""
    root = path.parent
    counts = Counter(fingerprint(f, root) for f in findings)
    data = {"version": 1, "tool": "checker", "findings": dict(sorted(counts.items()))}
    tmp = path.with_name(path.name + ".tmp")
    try:
        tmp.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        raise CheckerError(f"{path}: écriture de la référence impossible : {exc.strerror or exc}") from None


def read_baseline(path: Path) -> Counter[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise CheckerError(f"{path}: lecture de la référence impossible : {reason}") from None
    except ValueError as exc:
        raise CheckerError(f"{path}: référence invalide (pas du JSON) : {exc}") from None
    if not isinstance(data, dict) or data.get("version") != 1 or not isinstance(data.get("findings"), dict):
        raise CheckerError(f"{path}: référence invalide : attendu {{'version': 1, 'findings': {{…}}}}")
    counts = data["findings"]
    if not all(isinstance(v, int) and v > 0 for v in counts.values()):
        raise CheckerError(f"{path}: référence invalide : chaque empreinte demande un compte positif")
    return Counter({str(k): v for k, v in counts.items()})


def filter_new(findings: list[Finding], baseline: Counter[str], root: Path | None = None) -> tuple[list[Finding], int]:
    """Findings not covered by the baseline, and how many were covered. `root` is the baseline file's
    folder (paths in the baseline are relative to it)."""
    remaining = Counter(baseline)
    new = []
    for f in findings:
        fp = fingerprint(f, root)
        if remaining[fp] > 0:
            remaining[fp] -= 1
        else:
            new.append(f)
    return new, len(findings) - len(new)
