"""Hostile input, configurations and signals (issue 15): one regression test per case the adversarial
run found, each bounded in time, every input generated in a temporary folder.

The contract: no hang, no leak of a file's contents, no write outside the linted tree, no silent
failure; bad input is one line `checker: error: FILE: problème` with exit status 2.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main

ROOT = Path(__file__).resolve().parent.parent
FAST = ["--jobs", "1", "--no-cache", "--fail-on", "info"]
CLICHE = "# Titre\n\nForce est de constater que les ventes baissent.\n"
FIXABLE = "# Titre\n\nIl dit : « oui » .\n"  # a space before the full stop: a safe typography fix
SECRET = "SECRET-TOKEN-3141592"


def run(*args: str, cwd: Path | None = None) -> tuple[int, str, str]:
    from checker.config import find_config
    from checker.rule_packs import load_rules

    find_config.cache_clear()  # configurations and packs change between runs of one test
    load_rules.cache_clear()
    old = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, list(args))
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout, result.stderr


def run_process(*args: str, cwd: Path | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "checker.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=timeout,
    )


def one_line_error(stderr: str, *needles: str) -> str:
    """The one error line (a --fix run also prints how many corrections it made)."""
    assert "Traceback" not in stderr, stderr
    lines = [line for line in stderr.splitlines() if line.strip() and "correction(s) appliquée(s)" not in line]
    assert len(lines) == 1, stderr
    line = lines[0]
    assert line.startswith("checker: error: "), line
    assert "internal error" not in line and "Traceback" not in stderr, line
    for needle in needles:
        assert needle in line, (needle, line)
    return line


def repo(tmp_path: Path, name: str = "repo") -> Path:
    folder = tmp_path / name
    (folder / ".git").mkdir(parents=True)
    return folder


# ---------------------------------------------------------------- 6. FAQPage JSON-LD in linear time


def _faq_page(questions: int, visible: int = 0) -> str:
    entities = [
        {"@type": "Question", "name": f"Question numéro {i} ?", "acceptedAnswer": {"@type": "Answer", "text": f"R{i}."}}
        for i in range(questions)
    ]
    body = "".join(f"<h3>Autre sujet {i} ?</h3><p>Oui.</p>\n" for i in range(visible))
    return (
        '<html><head><script type="application/ld+json">'
        + json.dumps({"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": entities}, ensure_ascii=False)
        + "</script></head><body><p>Texte.</p><h2>FAQ</h2>\n"
        + body
        + "</body></html>\n"
    )


def test_jsonld_comparisons_grow_linearly(monkeypatch: pytest.MonkeyPatch) -> None:
    """Counted, not timed: JSON-LD questions that match no visible question are compared with a bounded
    number of them, so the work grows with the page, not with its square."""
    from checker import lint_text
    from checker.checks import faq
    from checker.config import Config

    calls = {"n": 0}
    similar = faq._similar

    def counting(a: str, b: str, minimum: float) -> bool:
        calls["n"] += 1
        return similar(a, b, minimum)

    monkeypatch.setattr(faq, "_similar", counting)
    config = Config(select=("faq.jsonld-mismatch",))
    counts = []
    for n in (400, 1600):
        calls["n"] = 0
        result = lint_text(_faq_page(n, visible=n), config, "page.html")
        assert len(result.findings) == 2 * n  # every JSON-LD question missing, every visible one absent
        counts.append(calls["n"])
    assert counts[1] <= 5 * counts[0], counts  # linear: 4x the questions, about 4x the comparisons


def test_a_large_faqpage_is_checked(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(_faq_page(16_000), encoding="utf-8")
    proc = run_process("lint", *FAST, "--select", "faq", "--format", "json", str(page), timeout=120)
    assert proc.returncode in (0, 1), proc.stderr
    findings = json.loads(proc.stdout)["findings"]
    assert len(findings) == 16_000
    source = page.read_text(encoding="utf-8")
    assert all(f["text"] == source[f["start"] : f["end"]] for f in findings[:50])
    assert findings[0]["text"] == "Question numéro 0 ?"


# ---------------------------------------------------------------- 15. JSON-LD nested too deep


def test_deep_jsonld_is_reported_and_the_page_checked(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><script type="application/ld+json">'
        + "[" * 50_000
        + "]" * 50_000
        + "</script></head><body><p>Force est de constater que les ventes baissent.</p></body></html>\n",
        encoding="utf-8",
    )
    code, out, err = run("lint", *FAST, "--format", "json", str(page))
    assert code == 1, err
    rules = {f["rule_id"] for f in json.loads(out)["findings"]}
    assert {"faq.jsonld-invalid", "wording.cliche"} <= rules
