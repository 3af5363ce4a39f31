"""The GitHub Action in the repository (action.yml): valid, its inputs reach `checker lint` through the
environment, and its lint step run as GitHub runs it annotates and fails like the command line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))


def test_action_is_a_composite_action_with_documented_inputs() -> None:
    assert ACTION["runs"]["using"] == "composite"
    assert set(ACTION["inputs"]) == {"paths", "fail-on", "format", "args", "system-deps"}
    for name, spec in ACTION["inputs"].items():
        assert spec["description"] and "default" in spec, name
    steps = ACTION["runs"]["steps"]
    assert all(step["shell"] == "bash" for step in steps)
    assert (ROOT / "scripts" / "install-system-deps").is_file()
    assert '"$GITHUB_ACTION_PATH[hunspell]"' in steps[1]["run"]
    # No input is pasted into a script: they all go through env.
    for step in steps:
        assert "${{ inputs" not in step["run"]


def _run_lint_step(tmp_path: Path, **inputs: str) -> subprocess.CompletedProcess[str]:
    step = ACTION["runs"]["steps"][-1]
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    for name, value in step["env"].items():
        key = value.removeprefix("${{ inputs.").removesuffix(" }}")
        env[name] = inputs.get(key, str(ACTION["inputs"][key]["default"]))
    return subprocess.run(["bash", "-c", step["run"]], cwd=tmp_path, env=env, capture_output=True, text=True)


def test_lint_step_annotates_and_fails_as_the_inputs_say(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    article = tmp_path / "articles" / "a b.md"
    article.write_text("# Titre\n\nLes pays veulent collaborer ensemble.\n", encoding="utf-8")
    args = "--select wording --jobs 1"
    done = _run_lint_step(tmp_path, paths="articles", args=args)
    assert done.returncode == 0, done.stderr  # a warning; fail-on from the configuration (error)
    assert done.stdout.startswith("::warning file=articles/a b.md,line=3,col=18,")
    done = _run_lint_step(tmp_path, paths="articles", args=args, **{"fail-on": "warning"})
    assert done.returncode == 1
    done = _run_lint_step(tmp_path, paths="articles $(touch pwned)", args=args)
    assert done.returncode == 2 and not (tmp_path / "pwned").exists()
