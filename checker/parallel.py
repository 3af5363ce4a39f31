"""Linting many files: in this process (`--jobs 1`) or in a pool of worker processes.

Results always come back in input order, whatever the number of jobs, so the output is
deterministic. A file that cannot be checked (not UTF-8, binary, a rule pattern that times out)
does not stop the others: its one-line error is returned with the results, and the command line
reports every such error after the findings of the other files and exits with status 2.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from checker.config import Config
from checker.errors import CheckerError
from checker.lint import LintResult, lint_text, read_source
from checker.safe_io import read_regular_file

if TYPE_CHECKING:
    from checker.cache import ResultCache


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


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


# Reaches the lazy paths of every family (unknown word and suggestions, repetitions, claims, FAQ, figures).
_WARM_UP_TEXT = """# Les ventes du marché

Le 12 mars 2024, les ventes ont baissé de 3,5 % à Paris. Les ventes pourraient encore baisser, selon certains
experts. Le marché du travail reste fragile ; le marché de l’énergie aussi. Un mott mal écrit.

## FAQ

### Les ventes vont-elles baisser ?

Les ventes ont baissé de 3,5 % en mars 2024.
"""


def warm_up(configs: Sequence[Config]) -> None:
    """Load what every file needs (check modules, rule packs) once, before the workers start."""
    from checker.families import family_module, family_names
    from checker.rule_packs import load_rules

    for family in family_names():
        family_module(family)
    for packs in {c.rule_packs for c in configs}:
        with contextlib.suppress(CheckerError):  # reported per file
            load_rules(packs)
    # One small text per configuration loads the lexicons and grammar engines here, once: forked
    # workers share them instead of each loading its own copy.
    for config in dict.fromkeys(configs):
        with contextlib.suppress(CheckerError):
            lint_text(_WARM_UP_TEXT, config, "warm-up.md")


def lint_one(job: FileJob, cache_dir: str | None = None) -> FileOutcome:
    """Look up the cache, else read, lint and store. Never raises for a bad file: the error is in the outcome."""
    if cache_dir:
        from checker.cache import ResultCache

        hit, key = _lookup(job, ResultCache(Path(cache_dir)))
        if hit is not None:
            return hit
        return _check(job, key, cache_dir)
    return _check(job)


def _lookup(job: FileJob, cache: ResultCache) -> tuple[FileOutcome | None, str | None]:
    from checker.cache import cache_key

    try:
        data = read_regular_file(Path(job.path), job.config.max_file_size, "article")
    except CheckerError:
        return None, None  # _check gives the one-line error
    key = cache_key(data, job.display_path, job.config)
    hit = cache.get(key)
    return (FileOutcome(job.display_path, hit, cached=True) if hit is not None else None), key


def _check(job: FileJob, key: str | None = None, cache_dir: str | None = None) -> FileOutcome:
    try:
        text = read_source(Path(job.path), job.config.max_file_size)
        result = lint_text(text, job.config, job.display_path)
    except CheckerError as exc:
        return FileOutcome(job.display_path, error=str(exc))
    except RecursionError:
        return FileOutcome(job.display_path, error=f"{job.display_path}: input nested too deeply to analyse")
    if cache_dir and key:
        from checker.cache import ResultCache, cacheable

        if cacheable(result, job.config):
            ResultCache(Path(cache_dir)).put(key, result)
    return FileOutcome(job.display_path, result)


def _check_task(task: tuple[FileJob, str | None, str | None]) -> FileOutcome:
    return _check(*task)


def _pool_context() -> multiprocessing.context.BaseContext | None:
    # fork shares the warmed-up modules, lexicons and engines with the workers; elsewhere use the default.
    if sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return None


_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _worker_init(parent_pid: int) -> None:
    """In each worker: leave Ctrl-C to the parent, and die with it.

    The terminal sends SIGINT to every process of the group; the parent alone decides (it stops the
    pool). A worker whose parent dies — even by SIGKILL, which runs no clean-up — must not keep running:
    on Linux the kernel kills it (PR_SET_PDEATHSIG), elsewhere a watchdog thread notices the new parent.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    armed = False
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            armed = libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
        except (OSError, AttributeError):
            armed = False
    if os.getppid() != parent_pid:  # the parent died before the signal was armed
        os._exit(1)
    if not armed:
        threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True, name="checker-parent-watch").start()


def _watch_parent(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(0.5)
    os._exit(1)


def _kill_workers(pool: ProcessPoolExecutor) -> None:
    # The executor has no public way to stop running tasks: its worker processes are killed directly.
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        with contextlib.suppress(Exception):
            process.kill()
    for process in processes:
        with contextlib.suppress(Exception):
            process.join(timeout=1)


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def lint_files(
    jobs_list: Sequence[FileJob], jobs: int | None = None, cache_dir: str | None = None
) -> list[FileOutcome]:
    """Lint every file; outcomes in input order. `jobs` None: all cores; 1: in this process.

    Cache hits are answered here; only the other files go to the workers, longest first so that
    no core waits for a long article at the end.
    """
    outcomes: list[FileOutcome | None] = [None] * len(jobs_list)
    pending: list[tuple[int, tuple[FileJob, str | None, str | None]]] = []
    cache = None
    if cache_dir:
        from checker.cache import ResultCache, checker_fingerprint

        checker_fingerprint()  # computed once, inherited by forked workers
        cache = ResultCache(Path(cache_dir))
    for i, job in enumerate(jobs_list):
        key = None
        if cache is not None:
            hit, key = _lookup(job, cache)
            if hit is not None:
                outcomes[i] = hit
                continue
        pending.append((i, (job, key, cache_dir)))
    workers = min(jobs or default_jobs(), len(pending))
    if workers <= 1:
        for i, task in pending:
            outcomes[i] = _check_task(task)
    else:
        warm_up([task[0].config for _, task in pending])
        # The loaded lexicons and rules live as long as the workers: keeping them out of the cyclic
        # garbage collector saves its repeated walks over them and keeps forked pages shared.
        # (Undone afterwards: the caller's process keeps its ordinary collector.)
        gc.freeze()
        try:
            pending.sort(key=lambda item: -_size(item[1][0].path))
            pool = ProcessPoolExecutor(
                max_workers=workers, mp_context=_pool_context(), initializer=_worker_init, initargs=(os.getpid(),)
            )
            try:
                futures = [(i, pool.submit(_check_task, task)) for i, task in pending]
                for i, future in futures:
                    outcomes[i] = future.result()
            except BaseException:
                # Ctrl-C (KeyboardInterrupt) or any failure: stop the workers now instead of letting them
                # finish the queue, so the command ends within a moment and leaves no process behind.
                _kill_workers(pool)
                raise
            finally:
                pool.shutdown(wait=True, cancel_futures=True)
        finally:
            gc.unfreeze()
    return [o for o in outcomes if o is not None]
