"""`checker lint` turns the cyclic garbage collector off while its first file loads the engines, then on again
with what is loaded frozen; the caller's collector is as before once the command is done."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import checker.parallel
from checker.cli import _collector_off_while_loading, main


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_collector_off_until_the_first_file_then_on_with_the_loaded_objects_frozen(collector_on: None) -> None:
    frozen_before = gc.get_freeze_count()
    with _collector_off_while_loading() as loaded:
        assert not gc.isenabled()
        loaded()
        assert gc.isenabled()
        assert gc.get_freeze_count() > frozen_before
        loaded()  # later files: nothing more
        assert gc.isenabled()
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_collector_back_on_when_no_file_was_linted(collector_on: None) -> None:
    with pytest.raises(RuntimeError), _collector_off_while_loading():
        raise RuntimeError("no file")
    assert gc.isenabled()


def test_collector_left_off_when_the_caller_turned_it_off(collector_on: None) -> None:
    gc.disable()
    with _collector_off_while_loading() as loaded:
        loaded()
        assert not gc.isenabled()
        assert gc.get_freeze_count() == 0
    assert not gc.isenabled()


def test_lint_runs_its_files_with_the_collector_on_after_the_first(
    collector_on: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("a.md", "b.md", "c.md"):
        (tmp_path / name).write_text("# Titre\n\nUn paragraphe tout simple.\n", encoding="utf-8")
    seen: list[bool] = []
    real_lint_text = checker.parallel.lint_text

    def lint_text(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return real_lint_text(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(checker.parallel, "lint_text", lint_text)
    result = CliRunner().invoke(main, ["lint", "--no-cache", "--jobs", "1", str(tmp_path)])
    assert result.exit_code in (0, 1), result.output
    assert seen == [False, True, True]
    assert gc.isenabled() and gc.get_freeze_count() == 0

