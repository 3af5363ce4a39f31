"""Result cache: an unchanged file under an unchanged configuration is not checked again.

The key is a SHA-256 of everything a result depends on:

- the file's bytes and the path it is reported under (the suffix picks the parser, findings carry the path);
- the configuration in canonical form (rule selection, severities, thresholds, words, grammar engine and
  LanguageTool URL, so a result from a remote server is only reused for the same server);
- the contents of the user's rule packs;
- a fingerprint of the checker itself: its version, the source of every module, shipped rule pack and data
  file (so editing a check or rebuilding its data invalidates the cache during development), the versions
  of the libraries it relies on and which grammar engines are installed.

The value is the findings JSON plus the engines that ran. The default folder is the user cache folder
(`$XDG_CACHE_HOME/checker`, else `~/.cache/checker`); `--cache-dir DIR` chooses another, `--no-cache`
(or `CHECKER_NO_CACHE=1`) turns it off. A cache that cannot be read or written, or holds anything but
its own JSON files (corrupt, deeply nested, a FIFO, a device), is silently ignored: the file is simply
checked. The cache is trusted as the user's own: an entry is read back as findings without checking
them again, so a cache folder must not be writable by anyone the user does not trust.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path
from typing import Any

from checker import __version__
from checker.config import Config
from checker.datacache import default_cache_dir
from checker.errors import CheckerError
from checker.findings import Finding
from checker.lint import LintResult
from checker.safe_io import read_regular_file

__all__ = ["ResultCache", "cache_key", "cacheable", "checker_fingerprint", "config_digest", "default_cache_dir"]

CACHE_FORMAT = 1
MAX_ENTRY_SIZE = 256_000_000  # bytes: far above any real entry, below what would exhaust memory

# Libraries whose version can change findings.
_LIBRARIES = (
    "markdown-it-py",
    "mdit-py-plugins",
    "regex",
    "simplemma",
    "pyspellchecker",
    "textstat",
    "wordfreq",
    "language-tool-python",
    "hunspell",
    "PyYAML",
)


def fingerprinted_files(package: Path) -> list[Path]:
    """The checker's files a cached result depends on: its modules, schemas, rule packs and data files."""
    rules_dir = package.parent / "rules"
    files = sorted(package.rglob("*.py")) + sorted(package.rglob("*.json"))
    # The data files the checks read (word lists, the homophone counts and model): rebuilding one changes results.
    files += sorted(f for f in (package / "data").glob("*") if f.is_file())
    if rules_dir.is_dir():
        files += sorted(rules_dir.glob("*.y*ml"))
    else:  # installed wheel: rules live in checker/rules
        files += sorted(package.rglob("*.y*ml"))
    return files


@lru_cache(maxsize=1)
def checker_fingerprint() -> str:
    """A digest of the checker's own code, shipped rule packs, library versions and installed engines."""
    from importlib import metadata

    h = hashlib.sha256()
    h.update(f"checker {__version__} cache {CACHE_FORMAT} python {sys.version_info[:2]}\n".encode())
    package = Path(__file__).resolve().parent
    for f in fingerprinted_files(package):
        shown = f.relative_to(package.parent) if f.is_relative_to(package.parent) else f
        try:
            h.update(f"{shown}\n".encode())
            h.update(f.read_bytes())
        except OSError:
            continue
    for name in _LIBRARIES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "-"
        h.update(f"{name}={version}\n".encode())
    h.update(_engines_probe().encode())
    return h.hexdigest()


def _engines_probe() -> str:
    """Which grammar engines could run here, without importing them (imports are slow)."""
    import importlib.util
    import shutil

    parts = []
    grammalecte = importlib.util.find_spec("grammalecte") is not None or any(
        (Path(p) / "grammalecte").is_dir() for p in ("/usr/lib/python3/dist-packages", "/usr/share/grammalecte")
    )
    parts.append(f"grammalecte={grammalecte}")
    parts.append(f"language_tool_python={importlib.util.find_spec('language_tool_python') is not None}")
    parts.append(f"java={shutil.which('java') is not None}")
    parts.append(f"LTP_PATH={os.environ.get('LTP_PATH', '')}")
    return ";".join(parts) + "\n"


def _canonical(value: Any) -> Any:
    if isinstance(value, frozenset | set):
        return sorted(_canonical(v) for v in value)
    if isinstance(value, tuple | list):
        return [_canonical(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _canonical(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    return value


@lru_cache(maxsize=64)
def config_digest(config: Config) -> str:
    """Digest of the configuration in canonical form plus the content of its user rule packs."""
    data = asdict(config)
    data.pop("source", None)  # where it was read from does not change results
    h = hashlib.sha256(json.dumps(_canonical(data), sort_keys=True, default=str, ensure_ascii=False).encode())
    for pack in config.rule_packs:
        h.update(f"\npack {pack}\n".encode())
        try:
            h.update(read_regular_file(Path(pack), what="pack de règles"))
        except CheckerError:
            h.update(b"<unreadable>")  # the lint itself reports the error; nothing is cached then
    return h.hexdigest()


def cache_key(data: bytes, display_path: str, config: Config) -> str:
    h = hashlib.sha256()
    h.update(checker_fingerprint().encode())
    h.update(config_digest(config).encode())
    h.update(f"\npath {display_path}\n".encode())
    h.update(hashlib.sha256(data).digest())
    return h.hexdigest()


def cacheable(result: LintResult, config: Config) -> bool:
    """A result from a configured remote LanguageTool that did not answer is not kept: the server may be back."""
    return not (config.languagetool_url and result.engines_unavailable)


class ResultCache:
    """Findings stored as JSON files, one per key, under `root`."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.hits = 0
        self.misses = 0

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> LintResult | None:
        try:
            # A regular file of bounded size only: a FIFO or /dev/zero planted in the folder must not hang the run.
            payload = json.loads(read_regular_file(self._path(key), MAX_ENTRY_SIZE, "cache").decode("utf-8"))
            if not isinstance(payload, dict) or payload.get("format") != CACHE_FORMAT:
                raise ValueError("old cache format")
            result = LintResult(
                path=payload["path"],
                findings=[Finding.from_dict(d) for d in payload["findings"]],
                engines_ran=list(payload["engines_ran"]),
                engines_unavailable=dict(payload["engines_unavailable"]),
                suppressed=int(payload["suppressed"]),
            )
        except Exception:  # unreadable, corrupt, nested too deep, wrong shape: never fatal, the file is checked
            self.misses += 1
            return None
        self.hits += 1
        return result

    def put(self, key: str, result: LintResult) -> None:
        payload = {
            "format": CACHE_FORMAT,
            "path": result.path,
            "findings": [f.to_dict() for f in result.findings],
            "engines_ran": result.engines_ran,
            "engines_unavailable": result.engines_unavailable,
            "suppressed": result.suppressed,
        }
        target = self._path(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            import tempfile  # here: only a write needs it

            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    json.dump(payload, fh, ensure_ascii=False)
                os.replace(tmp, target)  # atomic: concurrent runs never see half a file
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except (OSError, ValueError, RecursionError):
            pass  # a read-only or full disk only costs the cache
