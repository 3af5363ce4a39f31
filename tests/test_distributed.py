"""`checker lint --scheduler`: a real Dask scheduler and two workers, started on 127.0.0.1 only,
as subprocesses of this module (bounded waits, always stopped)."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker import distributed
from checker.cli import main
from checker.config import Config
from checker.lint import lint_text

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
START_TIMEOUT = 90.0


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("dask")
    env = {**os.environ, "CHECKER_NO_CACHE": "1", "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
    with distributed.local_cluster(folder, 2, env, timeout=START_TIMEOUT) as address:
        assert address.startswith("tcp://127.0.0.1:")
        yield address


def _lint(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["lint", "--no-cache", *args])
    return result.exit_code, result.stdout, result.stderr


def _engine_loads() -> int:
    from checker.engines import grammalecte_engine

    return int(grammalecte_engine.get_engine.cache_info().misses)


def test_cluster_output_is_identical_to_a_local_run(scheduler: str, tmp_path: Path) -> None:
    typo = tmp_path / "typo.md"
    typo.write_text("# Budget\n\nLe gouvernemnt a présenté son budget.\n", encoding="utf-8")
    bad = tmp_path / "latin1.md"
    bad.write_bytes("Un texte en latin-1 : été.\n".encode("latin-1"))
    files = [str(FIXTURES / "israel-azerbaidjan.md"), str(FIXTURES / "faq"), str(bad), str(typo), str(FIXTURES / "faq")]
    for fmt in ("json", "text", "jsonl"):
        local = _lint("--jobs", "1", "--format", fmt, *files)
        remote = _lint("--scheduler", scheduler, "--format", fmt, *files)
        assert remote == local, fmt
        assert local[0] == 2 and "latin1.md: UTF-8 invalide" in local[2]
    report = json.loads(_lint("--scheduler", scheduler, "--format", "json", *files)[1])
    assert report["files"][0].endswith("israel-azerbaidjan.md") and len(report["files"]) == 8
    assert any(f["rule_id"] == "spelling.unknown-word" and f["suggestions"] for f in report["findings"])


def test_workers_load_the_engines_once(scheduler: str) -> None:
    import cloudpickle
    from distributed import Client

    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # workers cannot import this test module
    files = [str(p) for p in sorted((FIXTURES / "faq").glob("*.md"))] * 3
    assert _lint("--scheduler", scheduler, *files)[0] == 1
    with Client(scheduler, timeout="30s", set_as_default=False) as client:
        loads = client.run(_engine_loads)
        plugins = client.run(lambda dask_worker: sorted(dask_worker.plugins))
    assert len(loads) == 2 and set(loads.values()) == {1}, loads
    assert all("checker-load-engines" in names for names in plugins.values())


def test_python_api_on_a_dask_bag(scheduler: str) -> None:
    import dask.bag as db
    from distributed import Client

    texts = [(p.read_text(encoding="utf-8"), p.name) for p in sorted((FIXTURES / "faq").glob("*.md"))]
    config = Config(select=("claims", "faq", "spelling"))
    import cloudpickle

    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    with Client(scheduler, timeout="30s", set_as_default=False) as client:
        bag = db.from_sequence(texts, npartitions=2).map(
            lambda tp: distributed.findings_records(tp[0], config, path=tp[1])
        )
        records = bag.flatten().compute(scheduler=client.get)
    expected = [f.to_dict() for text, path in texts for f in lint_text(text, config, path).findings]
    assert records == expected and records


def test_unreachable_scheduler_is_a_one_line_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(distributed, "CONNECT_TIMEOUT", "1s")
    import socket

    with socket.socket() as sock:  # a port of this machine that nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    code, out, err = _lint("--scheduler", f"tcp://127.0.0.1:{port}", str(FIXTURES / "israel-azerbaidjan.md"))
    assert code == 2 and out == ""
    assert err.startswith(f"checker: error: tcp://127.0.0.1:{port}: ordonnanceur Dask injoignable") and err.count(
        "\n"
    ) == 1
