"""Wording: pleonasms and stock phrases, all data (`rules/wording.yaml`: existence and
substitution rules, run by `checker.kinds` like every data-only rule), and one coded rule: the
project's rejected vocabulary (`[tool.checker.vocabulary] reject`), whose words come from the
configuration rather than from a pack."""

from __future__ import annotations

from functools import lru_cache

from checker.context import CheckContext
from checker.document import Document
from checker.findings import Finding
from checker.matching import phrase_key, phrase_pattern

VOCABULARY_RULE = "wording.vocabulary"
CODED_RULES = frozenset((VOCABULARY_RULE,))
NO_PREFERRED_MESSAGE = "Terme que le vocabulaire du projet rejette : « {match} »."


def check(doc: Document, ctx: CheckContext) -> list[Finding]:
    if not ctx.config.reject or not ctx.enabled(VOCABULARY_RULE):
        return []
    return _rejected_words(doc, ctx)


@lru_cache(maxsize=64)
def _preferred_terms(reject: tuple[tuple[str, str], ...]) -> dict[str, str]:
    return {phrase_key(word): preferred for word, preferred in reject}


def _rejected_words(doc: Document, ctx: CheckContext) -> list[Finding]:
    """Each rejected word or phrase (any case, either apostrophe), with the preferred term when the
    vocabulary gives one."""
    preferred = _preferred_terms(ctx.config.reject)
    pattern = phrase_pattern(tuple(word for word, _ in ctx.config.reject), False)
    findings = []
    for block in doc.blocks:
        for m in pattern.finditer(block.text):
            term = preferred.get(phrase_key(m.group()), "")
            if term:
                findings.append(ctx.finding_in_block(VOCABULARY_RULE, block, m.start(), m.end(), suggestions=[term]))
            else:
                findings.append(
                    ctx.finding_in_block(VOCABULARY_RULE, block, m.start(), m.end(), message=NO_PREFERRED_MESSAGE)
                )
    return findings
