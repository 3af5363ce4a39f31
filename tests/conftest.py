from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


@pytest.fixture
def sample_md() -> Path:
    return FIXTURES / "israel-azerbaidjan.md"


@pytest.fixture
def sample_raw() -> Path:
    return FIXTURES / "israel-azerbaidjan.raw.txt"
