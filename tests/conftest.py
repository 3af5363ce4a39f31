from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"

# Also during collection: nothing a test module computes at import time reads or fills the user's
# caches (results, and the decoded word lists of checker.datacache).
os.environ.setdefault("CHECKER_NO_CACHE", "1")


@pytest.fixture
def sample_md() -> Path:
    return FIXTURES / "israel-azerbaidjan.md"


@pytest.fixture
def sample_raw() -> Path:
    return FIXTURES / "israel-azerbaidjan.raw.txt"


@pytest.fixture(scope="session")
def _session_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("checker-cache")


@pytest.fixture(autouse=True)
def _no_result_cache(monkeypatch: pytest.MonkeyPatch, _session_cache_dir: Path) -> None:
    """CLI runs in tests never read or fill the user's result cache (a hit would hide a monkeypatch);
    tests of the cache itself delete this variable and pass --cache-dir. The default cache folder is
    a temporary one, so that a test that turns the cache on never writes the user's (the data cache
    of checker.datacache follows it, not --cache-dir)."""
    monkeypatch.setenv("CHECKER_NO_CACHE", "1")
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(_session_cache_dir))
