"""Which files a run checks: files, folders (searched for articles) and glob patterns.

Every file comes with the tree it was found in (its « root »): the folder given on the command line,
the fixed part of a glob pattern, or the folder of a file named directly. Walking a folder never
leaves it: linked folders are not entered (a link loop cannot make the walk endless) and a link to a
file outside the folder is skipped, so a link committed in a repository cannot make the checker read
— or `--fix` rewrite — a file elsewhere on the machine.
"""

from __future__ import annotations

import glob
import importlib.util
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from checker.errors import CheckerError
from checker.safe_io import is_inside

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

ARTICLE_SUFFIXES = {".md", ".markdown", ".mdx", ".html", ".htm", ".txt"}
_MAGIC = "*?["


@dataclass(frozen=True)
class SourceFile:
    path: Path  # as named or found (not resolved)
    root: Path  # the tree it belongs to


def safe_resolve(path: Path) -> Path:
    """`path` with links resolved, or made absolute when they cannot be (a link loop, a vanished folder)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # Python 3.11 raises RuntimeError on a link loop
        return Path(os.path.abspath(path))


def _walk(folder: Path) -> list[Path]:
    """Article files under `folder`, without entering linked folders or following links out of it."""
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        dirnames.sort()
        base = Path(dirpath)
        for name in filenames:
            candidate = base / name
            if Path(name).suffix.lower() not in ARTICLE_SUFFIXES:
                continue
            if candidate.is_symlink() and not is_inside(candidate, folder):
                continue
            if candidate.is_file():  # regular files only (also through a link): no FIFO, device or socket
                found.append(candidate)
    return sorted(found)


def _glob_root(pattern: str) -> Path:
    """The fixed folder a glob pattern starts from: `docs/**/*.md` -> docs, `*.md` -> the current folder."""
    parts = Path(pattern).parts
    fixed: list[str] = []
    for part in parts[:-1]:
        if any(ch in part for ch in _MAGIC):
            break
        fixed.append(part)
    return Path(*fixed) if fixed else Path(".")


def collect_files(paths: tuple[str, ...] | list[str], exclude: tuple[str, ...] = ()) -> list[SourceFile]:
    """Files, directories and glob patterns, in a stable order, each file once, with its tree."""
    files: list[SourceFile] = []
    for raw in paths:
        if any(ch in raw for ch in _MAGIC):
            root = _glob_root(raw)
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                raise CheckerError(f"{raw}: aucun fichier ne correspond à ce motif")
            for m in matches:
                match = Path(m)
                if not is_inside(match, root):
                    continue  # reached through a link that leaves the pattern's folder
                if match.is_dir():
                    files.extend(SourceFile(p, root) for p in _walk(match))
                else:
                    files.append(SourceFile(match, root))
            continue
        path = Path(raw)
        if path.is_dir():
            files.extend(SourceFile(p, path) for p in _walk(path))
        elif path.exists() or path.is_symlink():
            files.append(SourceFile(path, path.parent))
        else:
            raise CheckerError(f"{path}: fichier ou dossier introuvable")
    seen: set[Path] = set()
    unique: list[SourceFile] = []
    for f in files:
        if f.path not in seen and not any(f.path.match(pattern) for pattern in exclude):
            seen.add(f.path)
            unique.append(f)
    return unique


def expand_paths(paths: tuple[str, ...] | list[str], exclude: tuple[str, ...] = ()) -> list[Path]:
    """The files of `collect_files`, without their trees."""
    return [f.path for f in collect_files(paths, exclude)]


def package_files(package: str) -> Traversable:
    """`importlib.resources.files(package)`: for a package installed as a folder (the usual case, and an
    editable install), that folder as a Path, found without importing importlib's readers (and zipfile,
    a hundredth of a second of every cold run); otherwise what importlib.resources gives."""
    spec = importlib.util.find_spec(package)
    locations = list(spec.submodule_search_locations or ()) if spec is not None else []
    if len(locations) == 1 and os.path.isdir(locations[0]):
        return Path(locations[0])
    from importlib import resources

    return resources.files(package)
