"""Matching the data-only rule kinds existence and substitution against a block's visible text.

`checker.kinds` runs them for every family: wording, claims (weasel and hype terms),
repetition (anglicisms) and any user pack rule of these kinds.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

import regex

from checker import regex_lib_cache
from checker.context import CheckContext, RegexBudget
from checker.document import Block, Document, lemma
from checker.edits import in_the_style_of
from checker.errors import CheckerError, regex_reason
from checker.findings import Edit, Finding
from checker.rule_packs import Rule

APOSTROPHES = "'’ʼ"


@dataclass(frozen=True, slots=True)
class Match:
    start: int  # visible offsets within the block
    end: int
    suggestion: str | None = None


def _phrase_regex(phrase: str, case_sensitive: bool) -> str:
    parts = []
    for ch in phrase:
        if ch in APOSTROPHES:
            parts.append(f"[{APOSTROPHES}]")
        elif ch == " ":
            parts.append(r"[\s\u00a0\u202f]+")
        elif ch == "-":
            parts.append(r"[-\u2011]")
        else:
            parts.append(regex.escape(ch))
    body = "".join(parts)
    return rf"(?<![\w-]){body}(?![\w-])"


@lru_cache(maxsize=2048)
def _compiled_phrases(phrases: tuple[str, ...], case_sensitive: bool) -> regex.Pattern[str]:
    return regex.compile(*_phrases_source(phrases, case_sensitive))


@lru_cache(maxsize=2048)
def _phrases_source(phrases: tuple[str, ...], case_sensitive: bool) -> tuple[str, int]:
    """The pattern of a phrase list and its flags."""
    # Longest first so "data science" wins over "data".
    alternatives = [_phrase_regex(p, case_sensitive) for p in sorted(phrases, key=len, reverse=True)]
    flags = 0 if case_sensitive else int(regex.IGNORECASE)
    return "|".join(f"(?:{a})" for a in alternatives), flags


def _phrase_matcher(phrases: tuple[str, ...], case_sensitive: bool, block: Block) -> regex.Pattern[str] | None:
    """The pattern that finds the rule's phrases in the block, None when none of them occurs in its document:
    the whole list's when the data cache keeps it compiled (`checker.regex_lib_cache`: nothing to compile),
    else the list of the phrases present (compiled for this document)."""
    present = _present(phrases, case_sensitive, block)
    if not present:
        return None
    if regex_lib_cache.is_stored(*_phrases_source(phrases, case_sensitive)):
        return _compiled_phrases(phrases, case_sensitive)
    return _compiled_phrases(present, case_sensitive)


def compile_phrase_lists(rules: Iterable[Rule]) -> None:
    """Compile every rule's whole phrase list (the warm-up run, so that the data cache keeps them)."""
    for rule in rules:
        if rule.phrases:
            _compiled_phrases(rule.phrases, rule.case_sensitive)
        if rule.swap:
            _compiled_phrases(_swap_keys(rule.swap), rule.case_sensitive)


def _present(phrases: tuple[str, ...], case_sensitive: bool, block: Block) -> tuple[str, ...]:
    """The phrases that may occur in the block's document, in their order: those whose longest run of
    letters is in its text (case-folded unless case-sensitive). A character the pattern matches while
    ignoring case folds as the phrase's letter does, so a phrase left out matches nowhere, and the
    alternation of the others finds exactly what the alternation of all would find; it is much smaller,
    and compiling the whole list took a twentieth of a second of every cold run."""
    doc = block.doc
    if doc is None or not (0 <= block.index < len(doc.blocks) and doc.blocks[block.index] is block):
        # A block outside the document's list (a front matter value, a JSON-LD answer): its own text.
        return _phrases_in(phrases, case_sensitive, block.text if case_sensitive else block.text.casefold())
    return phrases_in_document(phrases, case_sensitive, doc)


def phrases_in_document(phrases: tuple[str, ...], case_sensitive: bool, doc: Document) -> tuple[str, ...]:
    """The phrases that may occur in the document's blocks, in their order (see `_present`): the pattern
    of these alone finds in every block what the pattern of all would find."""
    key = ("matching.present", phrases, case_sensitive)
    found: tuple[str, ...] | None = doc.memo.get(key)
    if found is None:
        # The document's text is joined again for each list (a few per document, milliseconds a megabyte),
        # not kept: it would be two more copies of the text for as long as the document lives. Case-folded
        # block by block: str.casefold works in a buffer of 12 bytes a character.
        text = "\n".join(b.text if case_sensitive else b.text.casefold() for b in doc.blocks)
        found = doc.memo[key] = _phrases_in(phrases, case_sensitive, text)
    return found


def _phrases_in(phrases: tuple[str, ...], case_sensitive: bool, text: str) -> tuple[str, ...]:
    return tuple(p for p in phrases if _letters(p, case_sensitive) in text)


@lru_cache(maxsize=100_000)
def _letters(phrase: str, case_sensitive: bool) -> str:
    """The phrase's longest run of letters (case-folded unless case-sensitive): every text the phrase's
    pattern matches contains it ("" when the phrase has no letter)."""
    runs = "".join(ch if ch.isalpha() else " " for ch in phrase).split()
    longest = max(runs, key=len, default="")
    return longest if case_sensitive else longest.casefold()


@lru_cache(maxsize=2048)
def _compiled_pattern(pattern: str, case_sensitive: bool) -> regex.Pattern[str]:
    return regex.compile(pattern, 0 if case_sensitive else regex.IGNORECASE)


def iter_matches(rule: Rule, block: Block, budget: RegexBudget | float) -> Iterator[Match]:
    """Matches of a data rule in a block. User patterns run within `budget`, the time left for every pattern
    over the whole document (a number: a fresh budget of that many seconds)."""
    if not isinstance(budget, RegexBudget):
        budget = RegexBudget(budget)
    text = block.text
    if rule.phrases and (matcher := _phrase_matcher(rule.phrases, rule.case_sensitive, block)) is not None:
        for m in matcher.finditer(text):
            yield Match(m.start(), m.end())
    if rule.swap and (matcher := _phrase_matcher(_swap_keys(rule.swap), rule.case_sensitive, block)) is not None:
        table = _swap_table(rule.swap)
        for m in matcher.finditer(text):
            yield Match(m.start(), m.end(), table.get(_norm(m.group())))
    if rule.lemmas:
        wanted = set(rule.lemmas)
        for tok in block.tokens:
            if tok.kind == "word" and lemma(tok.text) in wanted:
                yield Match(tok.start, tok.end)
    for pattern in rule.patterns:
        compiled = _compiled_pattern(pattern, rule.case_sensitive)
        started = time.perf_counter()
        try:
            # Collected at once, so the budget counts the pattern's own time, not the caller's between matches.
            found = [(m.start(), m.end()) for m in compiled.finditer(text, timeout=budget.remaining)]
        except TimeoutError:
            raise CheckerError(
                f"{rule.source}: règle {rule.id} : le motif {pattern!r} a pris plus de {budget.seconds:g} s "
                f"(regex-timeout-seconds, pour tous les motifs sur tout le fichier) sur "
                f"{block.doc.path if block.doc else 'le texte'} ; simplifiez-le"
            ) from None
        finally:
            budget.spent += time.perf_counter() - started
        for start, end in found:
            if end > start:
                yield Match(start, end)


@lru_cache(maxsize=2048)
def _swap_keys(swap: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    return tuple(k for k, _ in swap)


@lru_cache(maxsize=2048)
def _swap_table(swap: tuple[tuple[str, str], ...]) -> dict[str, str]:
    return {_norm(k): v for k, v in swap}


_SPACES_RE = regex.compile(r"[\s\u00a0\u202f]+")  # compiled once: regex.sub(pattern, …) looks it up in every call


def _norm(s: str) -> str:
    return _SPACES_RE.sub(" ", s.lower().replace("’", "'").replace("\u2011", "-"))


def phrase_pattern(phrases: tuple[str, ...], case_sensitive: bool = False) -> regex.Pattern[str]:
    """One compiled pattern for listed phrases, as existence rules match them (word boundaries, both
    apostrophes, any space); also for the project's rejected vocabulary."""
    return _compiled_phrases(phrases, case_sensitive)


def phrase_key(text: str) -> str:
    """How a matched phrase is looked up (lower case, one apostrophe, one kind of space)."""
    return _norm(text)


def pattern_problem(rule: Rule) -> str | None:
    """Why an existence or substitution rule cannot run: a pattern that does not compile."""
    for pattern in rule.patterns:
        try:
            regex.compile(pattern)
        except regex.error as exc:
            return f"motif invalide {pattern!r} : {regex_reason(exc)}"
    return None


# A direct quotation of at least two words. No nesting: each attempt stops at the next opening mark, so
# unbalanced quotes stay linear.
QUOTATION_RE = regex.compile(r"«[^«»]*»|“[^“”]*”|\"[^\"]*\"")


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the direct quotations of a text (visible offsets)."""
    if "«" not in text and "“" not in text and '"' not in text:
        return []
    return [m.span() for m in QUOTATION_RE.finditer(text) if len(m.group().split()) >= 2]


def run_list_rules(ctx: CheckContext, rules: Sequence[Rule]) -> list[Finding]:
    """Findings of existence and substitution rules over every block in the rules' regions."""
    budget = ctx.regex_budget or RegexBudget(ctx.config.regex_timeout())
    findings: list[Finding] = []
    for rule in rules:
        for block in ctx.doc.blocks:
            if block.region not in rule.regions:
                continue
            quotes = quotation_spans(block.text) if rule.outside_quotes else []
            for m in iter_matches(rule, block, budget):
                if any(a <= m.start and m.end <= b for a, b in quotes):
                    continue
                suggestions = [m.suggestion] if m.suggestion else []
                fix: list[Edit | None] = []
                if rule.fix and m.suggestion is not None:
                    replacement = in_the_style_of(block.text[m.start : m.end], m.suggestion)
                    suggestions = [replacement]
                    fix = [ctx.safe_edit(block, m.start, m.end, replacement)]
                findings.append(ctx.finding_in_block(rule.id, block, m.start, m.end, suggestions=suggestions, fix=fix))
    return findings
