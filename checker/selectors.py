"""Rule selectors (a family, a rule id or an id prefix) as written in --select/--ignore, the
configuration and suppression comments: a selector that names no rule is an error with a
« vouliez-vous dire … ? » suggestion, never a silent pass."""

from __future__ import annotations

from collections.abc import Iterable

from checker.rule_packs import RuleSet


def known_selectors(rules: RuleSet) -> set[str]:
    """Every family, rule id and id prefix that selects at least one rule."""
    known: set[str] = set()
    for rule in rules:
        known.add(rule.family)
        parts = rule.id.split(".")
        known.update(".".join(parts[:i]) for i in range(1, len(parts) + 1))
    return known


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """« (vouliez-vous dire x ?) » as `checker.families.suggest` words it, or « » when nothing is close;
    a misspelt family in front of a right name (claim.future) is matched on the name."""
    from checker.families import suggest

    pool = sorted(set(candidates))
    hint = suggest(word, pool)
    if not hint and "." in word:
        tail = word.split(".", 1)[1]
        same_name = [c for c in pool if c.endswith("." + tail)]
        if same_name:
            hint = f" (vouliez-vous dire {same_name[0]} ?)"
    return hint


def unknown_selector_message(selector: str, rules: RuleSet) -> str:
    return f"règle ou famille inconnue « {selector} »{did_you_mean(selector, known_selectors(rules))}"


def check_selectors(selectors: Iterable[str], rules: RuleSet, where: str) -> None:
    """Raise a one-line CheckerError for the first selector that names no rule."""
    from checker.errors import CheckerError

    known = known_selectors(rules)
    for selector in selectors:
        if selector not in known:
            raise CheckerError(f"{where}: {unknown_selector_message(selector, rules)} ; voir « checker rules »")
