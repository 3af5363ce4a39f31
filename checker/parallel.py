"""Linting many files: in this process (`--jobs 1`) or in a pool of worker processes.

Results always come back in input order, whatever the number of jobs, so the output is
deterministic. A file that cannot be checked (not UTF-8, binary, a rule pattern that times out)
does not stop the others: its one-line error is returned with the results, and the command line
reports every such error after the findings of the other files and exits with status 2.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from checker.errors import CheckerError
from checker.jobs import FileJob, FileOutcome, warm_up
from checker.lint import lint_text, read_source
from checker.safe_io import read_regular_file

__all__ = ["FileJob", "FileOutcome", "iter_outcomes", "lint_files", "lint_one", "warm_up", "workers_for"]

if TYPE_CHECKING:
    import multiprocessing.context
    from concurrent.futures import ProcessPoolExecutor

    from checker.cache import ResultCache


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


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
        message = f"{job.display_path}: texte trop profondément imbriqué pour être analysé"
        return FileOutcome(job.display_path, error=message)
    if cache_dir and key:
        from checker.cache import ResultCache, cacheable

        if cacheable(result, job.config):
            ResultCache(Path(cache_dir)).put(key, result)
    return FileOutcome(job.display_path, result)


def _check_task(task: tuple[FileJob, str | None, str | None]) -> FileOutcome:
    return _check(*task)


def _pool_context() -> multiprocessing.context.BaseContext | None:
    # fork shares the warmed-up modules, lexicons and engines with the workers; elsewhere use the default.
    import multiprocessing  # here, not at the top: a run in one process never needs it

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
    # The command line turns the cyclic collector off while its first file loads the engines (checker.cli):
    # a worker, which lints many files, always runs with it.
    gc.enable()
    if hasattr(signal, "pthread_sigmask"):
        # The parent blocked SIGINT while it started the workers (`_interrupts_held`): a Ctrl-C that came
        # before this point is pending, and discarded now that it is ignored, instead of raising
        # KeyboardInterrupt (and printing a traceback) in a worker that had not yet run this function.
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    armed = False
    if sys.platform.startswith("linux"):
        try:
            import ctypes  # here: a run in one process never needs it

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
    # A worker killed while it was sending a result (a large one takes several writes, and longer on a
    # loaded machine) leaves half a message in the pipe: the executor's thread, reading it, would wait
    # for the rest forever, and so would the pool's shutdown. This process holds the last write end of
    # that pipe: closing it ends the read (EOF), the executor sees a broken pool and stops.
    writer = getattr(getattr(pool, "_result_queue", None), "_writer", None)
    if writer is not None:
        with contextlib.suppress(Exception):
            writer.close()


@contextlib.contextmanager
def _interrupts_held() -> Iterator[None]:
    """SIGINT blocked in this thread while worker processes are started: they inherit the blocked
    signal and discard it once they ignore it (`_worker_init`); a Ctrl-C that came meanwhile is
    delivered here when the block is lifted, as KeyboardInterrupt."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


# Below this much text per worker, a pool costs more than it saves (starting the workers, sending
# the results back): a 1,000-word article takes about a quarter of a second to lint, forking a
# worker a few hundredths. So small inputs are linted in this process, whatever --jobs says.
MIN_BYTES_PER_WORKER = 12_000


def workers_for(requested: int | None, sizes: Sequence[int]) -> int:
    """Worker processes for files of these sizes: at most `requested` (None: all cores), one per
    file, and one per MIN_BYTES_PER_WORKER of text; 1 means this process, no pool."""
    by_size = sum(sizes) // MIN_BYTES_PER_WORKER
    return max(1, min(requested or default_jobs(), len(sizes), by_size))


def lint_files(
    jobs_list: Sequence[FileJob], jobs: int | None = None, cache_dir: str | None = None, scheduler: str | None = None
) -> list[FileOutcome]:
    """Every file's outcome, in input order (see `iter_outcomes`)."""
    return list(iter_outcomes(jobs_list, jobs, cache_dir, scheduler))


def iter_outcomes(
    jobs_list: Sequence[FileJob], jobs: int | None = None, cache_dir: str | None = None, scheduler: str | None = None
) -> Iterator[FileOutcome]:
    """Lint every file and yield the outcomes in input order, each as soon as it and the files before
    it are done (so that a streaming output shows results while the rest is checked).

    `jobs` None: all cores; 1: in this process; small inputs are always linted in this process
    (`workers_for`). `scheduler`: a Dask scheduler address (checker.distributed). Cache hits are
    answered here; only the other files go to the workers, longest first so that no core waits for
    a long article at the end.
    """
    outcomes: dict[int, FileOutcome] = {}
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

    def in_order(done: Iterator[tuple[int, FileOutcome]]) -> Iterator[FileOutcome]:
        nxt = 0
        for i, outcome in done:
            outcomes[i] = outcome
            while nxt in outcomes:
                yield outcomes.pop(nxt)
                nxt += 1
        while nxt in outcomes:
            yield outcomes.pop(nxt)
            nxt += 1

    if scheduler:
        yield from in_order(_on_cluster(pending, scheduler))
        return
    sizes = {i: _size(task[0].path) for i, task in pending}
    workers = workers_for(jobs, list(sizes.values())) if pending else 1
    if workers <= 1:
        yield from in_order((i, _check_task(task)) for i, task in pending)
        return
    from concurrent.futures import ProcessPoolExecutor  # only for a pool: a run in one process never needs it

    warm_up([task[0].config for _, task in pending])
    # The loaded lexicons and rules live as long as the workers: keeping them out of the cyclic
    # garbage collector saves its repeated walks over them and keeps forked pages shared.
    # (Undone afterwards: the caller's process keeps its ordinary collector.)
    gc.freeze()
    try:
        pool = ProcessPoolExecutor(
            max_workers=workers, mp_context=_pool_context(), initializer=_worker_init, initargs=(os.getpid(),)
        )
        try:
            with _interrupts_held():  # the workers start at the first submit (fork), or as tasks come
                futures = {i: pool.submit(_check_task, task) for i, task in sorted(pending, key=lambda p: -sizes[p[0]])}
            yield from in_order((i, futures.pop(i).result()) for i, _ in pending)
        except BaseException:
            # Ctrl-C (KeyboardInterrupt) or any failure: stop the workers now instead of letting them
            # finish the queue, so the command ends within a moment and leaves no process behind.
            _kill_workers(pool)
            raise
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
    finally:
        gc.unfreeze()


def _on_cluster(
    pending: list[tuple[int, tuple[FileJob, str | None, str | None]]], scheduler: str
) -> Iterator[tuple[int, FileOutcome]]:
    """Pending files linted on a Dask cluster; results stored in this machine's cache."""
    from checker.distributed import lint_on_cluster

    tasks = dict(pending)
    for i, outcome in lint_on_cluster([(i, task[0]) for i, task in pending], scheduler):
        job, key, cache_dir = tasks.pop(i)
        if cache_dir and key and outcome.result is not None:
            from checker.cache import ResultCache, cacheable

            if cacheable(outcome.result, job.config):
                ResultCache(Path(cache_dir)).put(key, outcome.result)
        yield i, outcome
