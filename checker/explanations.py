"""French explanations of the rules, for the HTML report and the language server's hover.

A rule's `description` in its pack is written for the people who maintain the rules (English, with
implementation details); writers read `checker/data/explanations.fr.yaml` instead: what the rule
looks for and why it matters, in French. A rule without an entry (a user's pack) shows its description.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml

from checker.rule_packs import Rule


@cache
def french_explanations() -> dict[str, str]:
    text = resources.files("checker").joinpath("data/explanations.fr.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text) or {}
    return {str(k): " ".join(str(v).split()) for k, v in data.items()}


def explanation(rule: Rule) -> str:
    return french_explanations().get(rule.id) or rule.description
