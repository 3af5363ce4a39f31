"""`pip install .` (a real wheel, not an editable install) ships the rule packs and the JSON
Schemas, and the installed `checker` command works in a fresh virtual environment.

Slow-ish (one wheel build and one venv with the dependencies from the package index, about a
minute), so both are built once for the module.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from checker.rule_packs import load_rules

ROOT = Path(__file__).resolve().parent.parent
SKIP = (".venv", ".git", "__pycache__", "*.egg-info", "build", "dist", ".ruff_cache", ".hypothesis", ".pytest_cache")


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env["CHECKER_NO_CACHE"] = "1"
    return env


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("build")
    src = work / "src"
    # Build from a copy: the work tree gets no build/ or egg-info, and only what is committed-like counts.
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(*SKIP, "bench", "tests", "fixtures"))
    out = work / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(out), str(src)],
        check=True,
        env=_env(),
        capture_output=True,
        timeout=600,
    )
    (whl,) = out.glob("checker-*.whl")
    return whl


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """bin/ of a plain venv (no system site-packages) with the wheel and its dependencies."""
    target = tmp_path_factory.mktemp("venv") / "v"
    venv.EnvBuilder(with_pip=True, system_site_packages=False).create(target)
    subprocess.run(
        [str(target / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)],
        check=True,
        env=_env(),
        capture_output=True,
        timeout=900,
    )
    return target / "bin"


def test_wheel_ships_rule_packs_schemas_and_every_package(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    packs = sorted(p.name for p in (ROOT / "rules").glob("*.yaml"))
    assert packs, "no rule pack in rules/"
    for pack in packs:
        assert f"checker/rules/{pack}" in names
    schemas = sorted(p.name for p in (ROOT / "checker" / "schemas").glob("*.json"))
    assert {"config.schema.json", "findings.schema.json", "rulepack.schema.json"} <= set(schemas)
    for schema in schemas:
        assert f"checker/schemas/{schema}" in names
    for module in (ROOT / "checker").rglob("*.py"):
        if "__pycache__" not in module.parts:
            assert module.relative_to(ROOT).as_posix() in names, f"{module} is not in the wheel"
    for data in (ROOT / "checker").rglob("*"):
        if data.is_file() and data.suffix not in (".py", ".pyc") and "__pycache__" not in data.parts:
            assert data.relative_to(ROOT).as_posix() in names, f"{data} is not in the wheel"
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "checker = checker.cli:main" in text
    assert not any(n.startswith(("tests/", "fixtures/")) for n in names)


def test_installed_checker_rules_lists_the_shipped_rules(installed: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [str(installed / "checker"), "rules"], cwd=tmp_path, env=_env(), capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    ids = [line.split()[0] for line in result.stdout.splitlines() if line.strip()]
    assert ids == sorted(r.id for r in load_rules())
    where = subprocess.run(
        [str(installed / "python"), "-c", "import checker, sys; print(checker.__file__)"],
        cwd=tmp_path,
        env=_env(),
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert where.startswith(str(installed.parent)), where  # the installed copy, not the work tree


def test_installed_checker_lints_and_validates_config(installed: Path, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    shutil.copy(ROOT / "fixtures" / "israel-azerbaidjan.raw.txt", article)
    result = subprocess.run(
        [str(installed / "checker"), "lint", "--select", "markup", "--format", "json", str(article)],
        cwd=tmp_path,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1, result.stderr
    assert '"rule_id": "markup.broken-image"' in result.stdout
    assert '"text": "%20(26).png)"' in result.stdout
    (tmp_path / ".checker.toml").write_text('fail-on = "fatal"\n', encoding="utf-8")
    result = subprocess.run(
        [str(installed / "checker"), "lint", str(article)],
        cwd=tmp_path,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 2
    assert result.stderr.startswith(f"checker: error: {tmp_path / '.checker.toml'}: configuration invalide")
