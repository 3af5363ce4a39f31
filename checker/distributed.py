"""Linting on a Dask distributed cluster (`checker lint --scheduler tcp://HOST:PORT`, extra `checker[dask]`).

The client (the command line) reads the files and sends their text, path and configuration; a
worker lints the text (`lint_text`, a pure function) and sends the result back. Workers never
read the client's files, so they need only `checker` installed, not the articles. The results
come back in input order, each file as soon as it and the files before it are done, so the
output is the same as a local run.

Each worker process loads the rule packs, lexicons and grammar engines once, when it joins (the
worker plugin `LoadEngines`), not once per file. Grammalecte and the lexicons are not thread-safe:
a worker process lints one file at a time, so start workers with one thread each and as many
processes as cores (`dask worker ADDRESS --nworkers auto --nthreads 1`).

From Python, on a bag of texts or a dataframe of articles:

    import dask.bag as db
    from checker.distributed import findings_records
    records = db.from_sequence(texts_and_paths).map(lambda tp: findings_records(tp[0], path=tp[1])).flatten()
    frame = records.to_dataframe()        # one row per finding (needs pandas)
"""

from __future__ import annotations

import contextlib
import json
import signal
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.config import Config
from checker.errors import CheckerError

if TYPE_CHECKING:
    from checker.jobs import FileJob, FileOutcome

IN_FLIGHT_PER_WORKER = 4  # files sent ahead per worker thread: workers never wait, the client holds few texts
CONNECT_TIMEOUT = "20s"

_LINT_LOCK = threading.Lock()  # one lint at a time in a worker process (engines are not thread-safe)


def lint_content(text: str, config: Config, display_path: str) -> FileOutcome:
    """Lint a file's text on a worker: its outcome, or its one-line error."""
    from checker.jobs import FileOutcome
    from checker.lint import lint_text

    with _LINT_LOCK:
        try:
            return FileOutcome(display_path, lint_text(text, config, display_path))
        except CheckerError as exc:
            return FileOutcome(display_path, error=str(exc))
        except RecursionError:
            message = f"{display_path}: texte trop profondément imbriqué pour être analysé"
            return FileOutcome(display_path, error=message)


def findings_records(text: str, config: Config | None = None, path: str = "<text>") -> list[dict[str, Any]]:
    """The findings of one text as plain dictionaries (the JSON shape of findings.schema.json),
    for a Dask bag (`.map(...).flatten()`) or a dataframe (`.to_dataframe()`)."""
    from checker.lint import lint_text

    with _LINT_LOCK:
        return [f.to_dict() for f in lint_text(text, config or Config(), path).findings]


try:
    from distributed.diagnostics.plugin import WorkerPlugin as _WorkerPluginBase
except ImportError:  # without the extra, only `connect` is reached, and it says what to install
    _WorkerPluginBase = object  # type: ignore[assignment,misc]


class LoadEngines(_WorkerPluginBase):
    """Loads rules, lexicons and grammar engines once per worker process, when it joins."""

    name = "checker-load-engines"

    def __init__(self, configs: Sequence[Config]) -> None:
        self.configs = tuple(dict.fromkeys(configs))

    def setup(self, worker: Any) -> None:
        from checker.jobs import warm_up

        with _LINT_LOCK:
            warm_up(self.configs)


def connect(address: str) -> Any:
    """A client of the scheduler at `address`, or a one-line CheckerError."""
    try:
        from distributed import Client
    except ImportError:
        raise CheckerError("--scheduler demande dask.distributed : pip install 'checker[dask]'") from None
    try:
        return Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError, ValueError) as exc:
        raise CheckerError(f"{address}: ordonnanceur Dask injoignable : {exc}") from None


def lint_on_cluster(pending: Sequence[tuple[int, FileJob]], address: str) -> Iterator[tuple[int, FileOutcome]]:
    """(index, outcome) of every pending file, in input order, linted by the cluster's workers."""
    from checker.jobs import FileOutcome
    from checker.lint import read_source

    if not pending:
        return
    client = connect(address)
    try:
        client.register_plugin(LoadEngines([job.config for _, job in pending]))
        threads = max(1, sum(client.nthreads().values()))
        window: deque[tuple[int, Any]] = deque()  # (index, future or finished outcome), in input order
        todo = iter(pending)

        def submit_next() -> bool:
            item = next(todo, None)
            if item is None:
                return False
            i, job = item
            try:
                text = read_source(Path(job.path))
            except CheckerError as exc:
                window.append((i, FileOutcome(job.display_path, error=str(exc))))
                return True
            window.append((i, client.submit(lint_content, text, job.config, job.display_path, pure=False)))
            return True

        while len(window) < threads * IN_FLIGHT_PER_WORKER and submit_next():
            pass
        while window:
            i, item = window.popleft()
            submit_next()
            yield i, item if isinstance(item, FileOutcome) else item.result()
    finally:
        with contextlib.suppress(Exception):
            client.close()


# ---------------------------------------------------------------- a local cluster (tests, benchmark)


@contextlib.contextmanager
def local_cluster(
    folder: Path, workers: int, env: Mapping[str, str] | None = None, timeout: float = 120.0
) -> Iterator[str]:
    """A Dask scheduler and `workers` workers (one thread each) on 127.0.0.1, started as subprocesses of
    this one, for the test suite and the benchmark; yields the scheduler's address once every worker has
    joined, and always stops them all (workers first). Their logs are written to `folder`."""
    processes: list[subprocess.Popen[bytes]] = []
    try:
        address = _start_local_cluster(folder, workers, env, timeout, processes)
        yield address
    finally:
        stop_processes(processes)


def _start_local_cluster(
    folder: Path, workers: int, env: Mapping[str, str] | None, timeout: float, processes: list[subprocess.Popen[bytes]]
) -> str:
    dask = str(Path(sys.executable).with_name("dask"))
    info = folder / "scheduler.json"
    common = ["--no-dashboard", "--scheduler-file", str(info)]
    environment = dict(env) if env is not None else None

    def start(name: str, command: list[str]) -> None:
        with open(folder / f"{name}.log", "wb") as log:  # the child keeps its own descriptor
            processes.append(
                subprocess.Popen([dask, *command], stdout=subprocess.DEVNULL, stderr=log, env=environment)
            )

    start("scheduler", ["scheduler", "--host", "127.0.0.1", "--port", "0", *common])
    deadline = time.monotonic() + timeout
    while not info.exists() and time.monotonic() < deadline and processes[0].poll() is None:
        time.sleep(0.2)
    if not info.exists():
        raise RuntimeError(f"no Dask scheduler after {timeout:g} s: {(folder / 'scheduler.log').read_text()[-2000:]}")
    address = str(json.loads(info.read_text())["address"])
    for i in range(workers):
        start(f"w{i + 1}", ["worker", "--host", "127.0.0.1", "--nthreads", "1", "--name", f"w{i + 1}", *common])
    from distributed import Client

    with Client(address, timeout=f"{timeout:g}s", set_as_default=False) as client:  # type: ignore[no-untyped-call]
        client.wait_for_workers(workers, timeout=timeout)
    return address


def stop_processes(processes: Sequence[subprocess.Popen[bytes]], timeout: float = 20.0) -> None:
    """Stop processes started by `local_cluster`, the last started first: Ctrl-C (Dask's clean shutdown),
    then a kill for any still running after `timeout` seconds."""
    for process in reversed(processes):
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
    for process in reversed(processes):
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
