"""Output must not depend on the interpreter's hash seed: `--jobs` workers, CI runs and a
writer's machine must report the same thing.

tests/data/faq_ranking_ties.md is article 414 of bench/make_corpus.py's corpus: one of its FAQ
answers names a country and has two body sentences with equal retrieval scores, whose float sums
used to depend on a frozenset's iteration order, so the cited body sentence changed with the seed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ARTICLE = Path(__file__).resolve().parent / "data" / "faq_ranking_ties.md"


def _lint_json(seed: int) -> str:
    env = {
        "PYTHONHASHSEED": str(seed),
        "CHECKER_NO_CACHE": "1",
        "CHECKER_CACHE_DIR": os.environ["CHECKER_CACHE_DIR"],  # the session's data cache (conftest)
        "PATH": "/usr/bin:/bin",
    }
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "checker.cli",
            "lint",
            "--jobs",
            "1",
            "--select",
            "faq",
            "--format",
            "json",
            str(ARTICLE),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert proc.returncode in (0, 1), proc.stderr
    return proc.stdout


def test_faq_findings_do_not_depend_on_the_hash_seed() -> None:
    outputs = {seed: _lint_json(seed) for seed in (1, 2, 3, 4)}
    assert '"faq.contradiction"' in outputs[1]
    assert len(set(outputs.values())) == 1, "findings differ between hash seeds"
