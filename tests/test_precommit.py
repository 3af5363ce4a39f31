"""The pre-commit hook, run the way a user would: `pre-commit try-repo <this repo> checker`
in a temporary git repository (pre-commit installs the package in its own environment).

try-repo clones this repository (with its uncommitted changes to tracked files), so the hook
definition and the code tested are the repository's own.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

BAD = "# Article\n\n%20(26).png)\nLe 26 janvier 2026, à Bakou, le ministre a rencontré le président.\n"
CLEAN = "# Article\n\nLe 26 janvier 2026, à Bakou, le ministre a rencontré le président.\n"


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One pre-commit cache for the module: the hook environment is built once."""
    return tmp_path_factory.mktemp("pre-commit-home")


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHONPATH", "VIRTUAL_ENV", "PRE_COMMIT"))}
    env.update(
        PRE_COMMIT_HOME=str(home),
        CHECKER_NO_CACHE="1",
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@example.invalid",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@example.invalid",
        GIT_CONFIG_NOSYSTEM="1",
    )
    return env


def _repo(path: Path, files: dict[str, str], home: Path) -> Path:
    path.mkdir()
    for name, text in files.items():
        (path / name).write_text(text, encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=path, check=True, env=_env(home))
    subprocess.run(["git", "add", "."], cwd=path, check=True, env=_env(home))
    return path


def _try_repo(repo: Path, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "checker", "--all-files", "--verbose"],
        cwd=repo,
        env=_env(home),
        capture_output=True,
        text=True,
        timeout=900,
    )


def test_hook_definition() -> None:
    import yaml

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "checker"
    assert hook["entry"] == "checker lint"
    assert hook["language"] == "python"
    assert set(hook["types_or"]) == {"markdown", "html", "plain-text"}


def test_try_repo_passes_clean_articles_and_fails_bad_ones(tmp_path: Path, home: Path) -> None:
    clean = _repo(
        tmp_path / "clean",
        {"article.md": CLEAN, "page.html": f"<p>{CLEAN.splitlines()[-1]}</p>\n", "notes.txt": CLEAN},
        home,
    )
    result = _try_repo(clean, home)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout

    bad = _repo(
        tmp_path / "bad",
        {
            "bad.md": BAD,
            "good.md": CLEAN,
            "bad.txt": BAD,
            # Not an article: a Python file with the same remnant must not be linted.
            "script.py": 'IMAGE = "%20(26).png)"\n',
        },
        home,
    )
    result = _try_repo(bad, home)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Failed" in output
    assert "markup.broken-image" in output
    assert "bad.md:3:1" in output
    assert "bad.txt:3:1" in output
    assert "script.py" not in output
    assert (bad / "bad.md").read_text(encoding="utf-8") == BAD  # the hook never edits files
