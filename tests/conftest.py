from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"

# Also during collection: nothing a test module computes at import time reads or fills the user's
# caches. Results are not cached; the data cache (decoded word lists, the suggestion index of
# checker.datacache) lives in a folder of this session, filled once and shared by the subprocesses
# the tests start (they inherit the variable).
os.environ.setdefault("CHECKER_NO_CACHE", "1")
if "CHECKER_TEST_CACHE_DIR" not in os.environ:
    os.environ["CHECKER_TEST_CACHE_DIR"] = tempfile.mkdtemp(prefix="checker-test-cache-")
    atexit.register(shutil.rmtree, os.environ["CHECKER_TEST_CACHE_DIR"], True)
os.environ["CHECKER_CACHE_DIR"] = os.environ["CHECKER_TEST_CACHE_DIR"]


@pytest.fixture
def sample_md() -> Path:
    return FIXTURES / "israel-azerbaidjan.md"


@pytest.fixture
def sample_raw() -> Path:
    return FIXTURES / "israel-azerbaidjan.raw.txt"


@pytest.fixture(scope="session")
def _session_cache_dir() -> Path:
    return Path(os.environ["CHECKER_TEST_CACHE_DIR"])


@pytest.fixture(autouse=True)
def _no_result_cache(monkeypatch: pytest.MonkeyPatch, _session_cache_dir: Path) -> None:
    """CLI runs in tests never read or fill the user's result cache (a hit would hide a monkeypatch);
    tests of the cache itself delete this variable and pass --cache-dir. The default cache folder is
    a temporary one, so that a test that turns the cache on never writes the user's (the data cache
    of checker.datacache follows it, not --cache-dir)."""
    monkeypatch.setenv("CHECKER_NO_CACHE", "1")
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(_session_cache_dir))
