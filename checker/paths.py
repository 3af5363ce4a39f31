"""Which files a run checks: files, folders (searched for articles) and glob patterns."""

from __future__ import annotations

import glob
from pathlib import Path

from checker.errors import CheckerError

ARTICLE_SUFFIXES = {".md", ".markdown", ".mdx", ".html", ".htm", ".txt"}


def expand_paths(paths: tuple[str, ...], exclude: tuple[str, ...] = ()) -> list[Path]:
    """Files, directories (searched for articles) and glob patterns, in a stable order."""
    files: list[Path] = []
    for raw in paths:
        if any(ch in raw for ch in "*?["):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                raise CheckerError(f"{raw}: aucun fichier ne correspond à ce motif")
            candidates = [Path(m) for m in matches]
        else:
            candidates = [Path(raw)]
        for path in candidates:
            if path.is_dir():
                files.extend(p for p in sorted(path.rglob("*")) if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file())
            elif path.exists() or path.is_symlink():
                files.append(path)
            else:
                raise CheckerError(f"{path}: fichier ou dossier introuvable")
    seen: set[Path] = set()
    unique = []
    for f in files:
        if f not in seen and not any(f.match(pattern) for pattern in exclude):
            seen.add(f)
            unique.append(f)
    return unique
