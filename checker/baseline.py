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

from checker.errors import CheckerError, json_reason
from checker.findings import Finding
from checker.safe_io import read_regular_file, write_atomically


def fingerprint(finding: Finding, root: Path | None = None) -> str:
    """Identity of a finding: its file (relative to `root` when given), rule and flagged text."""
    key = "\x1f".join((_path_key(finding.path, root), finding.rule_id, " ".join(finding.text.split())))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


def _path_key(path: str, root: Path | None) -> str:
    """The same file gives the same key however it was named (./a.md, a.md, /abs/a.md)."""
    if root is not None:
        try:
            return Path(path).resolve().relative_to(root.resolve()).as_posix()
        except (ValueError, OSError, RuntimeError):  # RuntimeError: a link loop (Python 3.11)
            pass
    return Path(os.path.normpath(path)).as_posix()


def write_baseline(path: Path, findings: list[Finding]) -> None:
    """Write the fingerprints of `findings`, file paths taken relative to the baseline's folder."""
    root = path.parent
    counts = Counter(fingerprint(f, root) for f in findings)
    data = {"version": 1, "tool": "checker", "findings": dict(sorted(counts.items()))}
    # An unpredictable temporary name (mkstemp): a link planted at a guessable name cannot redirect the write.
    write_atomically(path, (json.dumps(data, indent=2) + "\n").encode("utf-8"), "référence")


def read_baseline(path: Path) -> Counter[str]:
    raw = read_regular_file(path, what="référence")
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise CheckerError(f"{path}: référence illisible : pas en UTF-8") from None
    except ValueError as exc:
        raise CheckerError(f"{path}: référence invalide (pas du JSON) : {json_reason(exc)}") from None
    except RecursionError:
        raise CheckerError(f"{path}: référence invalide : JSON imbriqué trop profondément") from None
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
