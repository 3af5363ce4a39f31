"""Linting many files: in this process (`--jobs 1`) or in a pool of worker processes.

Results always come back in input order, whatever the number of jobs, so the output is
deterministic. A file that cannot be checked (not UTF-8, binary, a rule pattern that times out)
does not stop the others: its one-line error is returned with the results, and the command line
reports every such error after the findings of the other files and exits with status 2.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from checker.config import Config
from checker.errors import CheckerError
from checker.lint import LintResult, lint_text, read_source


@dataclass(frozen=True)
class FileJob:
    path: str  # the file to read
    display_path: str  # the path reported in findings
    config: Config


@dataclass
class FileOutcome:
    display_path: str
    result: LintResult | None = None
    error: str | None = None  # one-line message when the file could not be checked
    cached: bool = False


# Per-process state, set once by `_init_worker` (or by `lint_files` for --jobs 1).
_CACHE_DIR: str | None = None


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def warm_up(configs: Sequence[Config]) -> None:
    """Load what every file needs (check modules, rule packs) once, before the workers start."""
    import importlib

    from checker.checks import FAMILIES
    from checker.rule_packs import load_rules

    for family in FAMILIES:
        importlib.import_module(f"checker.checks.{family}")
    for packs in {c.rule_packs for c in configs}:
        with contextlib.suppress(CheckerError):  # reported per file
            load_rules(packs)


def _init_worker(cache_dir: str | None) -> None:
    global _CACHE_DIR
    _CACHE_DIR = cache_dir


def lint_one(job: FileJob) -> FileOutcome:
    """Read, look up the cache, lint, store. Never raises for a bad file: the error is in the outcome."""
    from checker.cache import ResultCache, cache_key, cacheable

    try:
        path = Path(job.path)
        cache = ResultCache(Path(_CACHE_DIR)) if _CACHE_DIR else None
        key = None
        if cache is not None:
            try:
                data = path.read_bytes()
            except OSError:
                data = None  # read_source below gives the one-line error
            if data is not None:
                key = cache_key(data, job.display_path, job.config)
                hit = cache.get(key)
                if hit is not None:
                    return FileOutcome(job.display_path, hit, cached=True)
        text = read_source(path)
        result = lint_text(text, job.config, job.display_path)
        if cache is not None and key is not None and cacheable(result, job.config):
            cache.put(key, result)
        return FileOutcome(job.display_path, result)
    except CheckerError as exc:
        return FileOutcome(job.display_path, error=str(exc))
    except RecursionError:
        return FileOutcome(job.display_path, error=f"{job.display_path}: input nested too deeply to analyse")


def _pool_context() -> multiprocessing.context.BaseContext | None:
    # fork shares the warmed-up modules and rules with the workers at no cost; elsewhere use the default.
    if sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return None


def lint_files(
    jobs_list: Sequence[FileJob], jobs: int | None = None, cache_dir: str | None = None
) -> list[FileOutcome]:
    """Lint every file; outcomes in input order. `jobs` None: all cores; 1: in this process."""
    return list(iter_lint_files(jobs_list, jobs, cache_dir))


def iter_lint_files(
    jobs_list: Sequence[FileJob], jobs: int | None = None, cache_dir: str | None = None
) -> Iterator[FileOutcome]:
    global _CACHE_DIR
    workers = min(jobs or default_jobs(), len(jobs_list))
    if cache_dir:
        from checker.cache import checker_fingerprint

        checker_fingerprint()  # computed once, inherited by forked workers
    if workers <= 1:
        previous, _CACHE_DIR = _CACHE_DIR, cache_dir
        try:
            for job in jobs_list:
                yield lint_one(job)
        finally:
            _CACHE_DIR = previous
        return
    warm_up([j.config for j in jobs_list])
    # Several chunks per worker: cheap to send, and a long article does not leave a core idle for long.
    chunksize = max(1, len(jobs_list) // (workers * 8))
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=_pool_context(), initializer=_init_worker, initargs=(cache_dir,)
    ) as pool:
        yield from pool.map(lint_one, jobs_list, chunksize=chunksize)
