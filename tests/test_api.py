"""The public API `checker.lint_text(text, config)`: a pure function that runs in any worker pool
(multiprocessing, concurrent.futures, Dask, Ray, Spark): picklable inputs and outputs, no global
state that changes a result."""

from __future__ import annotations

import copy
import multiprocessing
import pickle
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import checker
from checker import lint_text
from checker.config import Config

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [
    "# Titre\n\nForce est de constater que les ventes baissent.\n",
    "Au jour d’aujourd’hui, le marché progresse. Le ministre a **rencontré le président.\n",
    "Un texte sans rien à signaler.\n",
    (ROOT / "fixtures" / "israel-azerbaidjan.md").read_text(encoding="utf-8"),
]
CONFIGS = [Config(), Config(select=("wording",)), Config(ignore=("wording.cliche",), severity=(("wording", "error"),))]


def _dicts(result: checker.lint.LintResult) -> list[dict]:
    return [f.to_dict() for f in result.findings]


def _lint_in_worker(args: tuple[str, Config]) -> bytes:
    text, config = args
    return pickle.dumps(checker.lint_text(text, config, "article.md"))


def test_exported_at_package_level() -> None:
    assert "lint_text" in checker.__all__
    result = lint_text(TEXTS[0], Config(), "article.md")
    assert [f.rule_id for f in result.findings] == ["wording.cliche"]
    assert result.findings[0].text == "Force est de constater"


def test_default_config_and_format() -> None:
    assert _dicts(lint_text(TEXTS[0])) == _dicts(lint_text(TEXTS[0], Config(), "<text>"))
    as_markdown = [{**d, "path": "x.md"} for d in _dicts(lint_text(TEXTS[0], fmt="markdown"))]
    assert as_markdown == _dicts(lint_text(TEXTS[0], Config(), "x.md"))


def test_same_inputs_same_result_whatever_ran_before() -> None:
    expected = {(i, j): _dicts(lint_text(t, c, "a.md")) for i, t in enumerate(TEXTS) for j, c in enumerate(CONFIGS)}
    assert any(expected.values())
    # Reverse order, interleaved configs: no state carried from one call to the next.
    for (i, j), findings in reversed(list(expected.items())):
        assert _dicts(lint_text(TEXTS[i], CONFIGS[j], "a.md")) == findings


def test_does_not_mutate_its_arguments() -> None:
    config = Config(select=("wording", "markup"), words=frozenset({"Bakou"}), extra={"k": [1]})
    before = copy.deepcopy(config)
    text = TEXTS[1]
    lint_text(text, config, "a.md")
    assert config == before
    assert config.extra == {"k": [1]}


def test_config_and_results_pickle() -> None:
    for config in CONFIGS:
        assert pickle.loads(pickle.dumps(config)) == config
    result = lint_text(TEXTS[1], Config(), "a.md")
    assert result.findings
    clone = pickle.loads(pickle.dumps(result))
    assert _dicts(clone) == _dicts(result)
    assert clone.engines_ran == result.engines_ran
    assert clone.engines_unavailable == result.engines_unavailable


def test_same_results_in_fresh_worker_processes() -> None:
    """Spawned workers start from nothing (like Dask, Ray or Spark executors): same findings."""
    work = [(t, c) for t in TEXTS for c in CONFIGS]
    local = [_dicts(lint_text(t, c, "article.md")) for t, c in work]
    with ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context("spawn")) as pool:
        remote = [_dicts(pickle.loads(b)) for b in pool.map(_lint_in_worker, work)]
    assert remote == local


def test_thread_safe() -> None:
    work = [(t, c) for t in TEXTS for c in CONFIGS] * 3
    local = [_dicts(lint_text(t, c, "article.md")) for t, c in work]
    with ThreadPoolExecutor(max_workers=4) as pool:
        threaded = [_dicts(pickle.loads(b)) for b in pool.map(_lint_in_worker, work)]
    assert threaded == local
