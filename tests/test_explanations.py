"""Every shipped rule has a French explanation for writers (HTML report, editor hover)."""

from __future__ import annotations

from checker.explanations import explanation, french_explanations
from checker.rule_packs import load_rules


def test_every_shipped_rule_has_a_french_explanation_and_no_entry_is_stale() -> None:
    rules = load_rules()
    ids = {rule.id for rule in rules}
    assert ids - set(french_explanations()) == set()
    assert set(french_explanations()) - ids == set()


def test_explanations_are_french_prose() -> None:
    for rule in load_rules():
        text = explanation(rule)
        assert text != rule.description
        assert len(text) > 40, rule.id
        words = set(text.lower().replace("’", "'").split())
        assert words & {"le", "la", "les", "un", "une", "des", "du", "de", "ou", "et", "en", "à", "est"}, rule.id
        assert not words & {"the", "of", "and", "is", "with"}, rule.id
