"""The GitHub Action in the repository (action.yml): valid, its inputs reach `checker lint` through the
environment, and its lint step run as GitHub runs it annotates and fails like the command line. The
documented GitLab CI job (ci/gitlab-ci.yml, shown in the README): its script produces the report it declares."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
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
    assert steps[0]["run"].endswith(" --runtime'") or steps[0]["run"].endswith(" --runtime")
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


def test_system_deps_for_the_action_leave_the_test_browser_out(tmp_path: Path) -> None:
    """The Action's first step installs what linting needs, not the Chromium the test suite drives: run the
    script with a fake dpkg-query saying nothing is installed and a fake apt-get recording its arguments."""
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "dpkg-query").write_text("#!/bin/sh\nexit 1\n", encoding="utf-8")
    (fake / "apt-get").write_text(f'#!/bin/sh\necho "$@" >> {tmp_path / "apt.log"}\n', encoding="utf-8")
    (fake / "sudo").write_text('#!/bin/sh\nexec "$@"\n', encoding="utf-8")
    for tool in fake.iterdir():
        tool.chmod(0o755)
    env = dict(os.environ, PATH=f"{fake}{os.pathsep}{os.environ['PATH']}")
    script = str(ROOT / "scripts" / "install-system-deps")
    for args, browser in ((["--runtime"], False), ([], True)):
        (tmp_path / "apt.log").unlink(missing_ok=True)
        subprocess.run([script, *args], env=env, check=True, capture_output=True, timeout=60)
        installed = (tmp_path / "apt.log").read_text(encoding="utf-8")
        assert "python3-grammalecte" in installed and "mythes-fr" in installed
        assert ("chromium" in installed) is browser


# ---------------------------------------------------------------- the documented GitLab CI job

GITLAB = ROOT / "ci" / "gitlab-ci.yml"


def test_gitlab_job_in_the_readme_is_the_tested_file() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"```yaml\n{GITLAB.read_text(encoding='utf-8')}```" in readme


def test_gitlab_job_script_produces_the_junit_report_it_declares(tmp_path: Path) -> None:
    """The job's `script:` lines, run by bash in a fresh git repository as a GitLab runner runs them (its
    `before_script` installs what this machine already has): the artifact it declares is a JUnit report
    with one test case per article, and the job fails on a warning."""
    job = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))["checker"]
    assert job["artifacts"]["when"] == "always"  # the report is uploaded when the job fails, which is when it matters
    report_name = job["artifacts"]["reports"]["junit"]
    packages = " ".join(job["before_script"])
    for package in ("python3-grammalecte", "hunspell-fr-comprehensive", "libhunspell-dev", "mythes-fr"):
        assert package in packages
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "content" / "sport").mkdir(parents=True)
    (tmp_path / "content" / "propre.md").write_text("# Titre\n\nLes deux pays coopèrent.\n", encoding="utf-8")
    hostile = "# Titre\n\nIls veulent collaborer ensemble \x1b[31m <&> \x0c.\n"
    (tmp_path / "content" / "sport" / "été 2026.md").write_text(hostile, encoding="utf-8")
    (tmp_path / ".checker.toml").write_text('select = ["wording", "markup"]\n', encoding="utf-8")
    env = dict(os.environ, CI="true", CHECKER_NO_CACHE="1")
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    script = "set -eo pipefail\n" + "\n".join(job["script"]) + "\n"
    done = subprocess.run(["bash", "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stderr  # a warning at --fail-on warning: the job fails
    root = ET.parse(tmp_path / report_name).getroot()
    cases = {case.get("name"): case for case in root.iter("testcase")}
    assert set(cases) == {"content/propre.md", "content/sport/été 2026.md"}
    assert cases["content/propre.md"].find("failure") is None
    failure = cases["content/sport/été 2026.md"].find("failure")
    assert failure is not None and "wording.pleonasm" in (failure.text or "")
    assert root.get("tests") == "2" and root.get("failures") == "1"
