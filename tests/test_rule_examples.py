"""Every example of every rule, the way LanguageTool tests its rules: a `flagged` example must
produce a finding of that rule (exactly at the <marker> span when one is marked), an
`accepted` example must produce none."""

from __future__ import annotations

import re
from typing import Any

import pytest

from checker.config import Config, config_from_mapping
from checker.findings import Finding
from checker.lint import lint_text
from checker.rule_packs import load_rules, schema_error, shipped_pack_files

MARKER_RE = re.compile(r"<marker>(.*?)</marker>", re.DOTALL)
# A message template's field left unfilled (« {match} ») would reach the writer as is.
UNFILLED_FIELD_RE = re.compile(r"\{[a-z_]+\}")
RULES = list(load_rules())


def _cases(kind: str) -> list[Any]:
    cases = []
    for rule in RULES:
        examples = rule.examples_flagged if kind == "flagged" else rule.examples_accepted
        for i, example in enumerate(examples):
            cases.append(pytest.param(rule, example, id=f"{rule.id}-{kind}-{i}"))
    return cases


def _config(example: str | dict[str, Any]) -> dict[str, Any]:
    return example.get("config", {}) if isinstance(example, dict) else {}


def _split(example: str | dict[str, Any]) -> tuple[str, str, list[tuple[int, int]]]:
    raw = example if isinstance(example, str) else example["text"]
    fmt = "text" if isinstance(example, str) else example.get("format", "text")
    spans = []
    text = ""
    pos = 0
    for m in MARKER_RE.finditer(raw):
        text += raw[pos : m.start()]
        spans.append((len(text), len(text) + len(m.group(1))))
        text += m.group(1)
        pos = m.end()
    text += raw[pos:]
    return text, fmt, spans


def _run(rule_id: str, text: str, fmt: str, settings: dict[str, Any] | None = None) -> list[Finding]:
    # An example's own settings may select more than its rule (suppression.unused needs rules to suppress).
    config = config_from_mapping(settings) if settings else Config()
    if "select" not in (settings or {}):
        config = config.with_overrides(select=(rule_id,))
    return [f for f in lint_text(text, config, fmt=fmt).findings if f.rule_id == rule_id]


@pytest.mark.parametrize(("path", "text"), shipped_pack_files(), ids=lambda v: v if v.startswith("rules/") else "")
def test_shipped_pack_is_valid(path: str, text: str) -> None:
    # Shipped packs skip schema validation at run time (cold start): this is where they are checked.
    import yaml

    assert schema_error(yaml.safe_load(text), path) is None


def test_every_rule_has_both_kinds_of_examples() -> None:
    assert RULES, "no rule loaded"
    for rule in RULES:
        assert rule.examples_flagged and rule.examples_accepted, rule.id


@pytest.mark.parametrize(("rule", "example"), _cases("flagged"))
def test_flagged_example(rule: Any, example: Any) -> None:
    text, fmt, spans = _split(example)
    findings = _run(rule.id, text, fmt, _config(example))
    assert findings, f"{rule.id} did not flag: {text!r}"
    for finding in findings:
        assert not UNFILLED_FIELD_RE.search(finding.message), f"{rule.id}: unfilled field in {finding.message!r}"
    found = [(f.start, f.end) for f in findings]
    for span in spans:
        assert span in found, (
            f"{rule.id}: expected span {text[span[0] : span[1]]!r}, got {[text[s:e] for s, e in found]}"
        )


@pytest.mark.parametrize(("rule", "example"), _cases("accepted"))
def test_accepted_example(rule: Any, example: Any) -> None:
    text, fmt, _ = _split(example)
    found = [(f.start, f.end) for f in _run(rule.id, text, fmt, _config(example))]
    assert not found, f"{rule.id} wrongly flagged {[text[s:e] for s, e in found]} in {text!r}"
