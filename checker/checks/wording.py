"""Wording: pleonasms and stock phrases, all data (`rules/wording.yaml`: existence and
substitution rules, run by `checker.kinds` like every data-only rule), and two coded rules: the
project's rejected vocabulary (`[tool.checker.vocabulary] reject`), whose words come from the
configuration rather than from a pack, and the anglicisms of FranceTerme, whose words come from
`checker/data/franceterme-anglicisms.tsv` (rebuilt by `scripts/build_franceterme_anglicisms.py`)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from checker.context import CheckContext
from checker.document import Block, Document, quotation_spans
from checker.findings import Finding
from checker.matching import phrase_key, phrase_pattern, phrases_in_document
from checker.paths import package_files

VOCABULARY_RULE = "wording.vocabulary"
ANGLICISM_RULE = "wording.anglicism-franceterme"
CODED_RULES = frozenset((VOCABULARY_RULE, ANGLICISM_RULE))
NO_PREFERRED_MESSAGE = "Terme que le vocabulaire du projet rejette : « {match} »."
ANGLICISM_DATA = "data/franceterme-anglicisms.tsv"
# Blocks that are not the writer's own prose: an embedded post, « À lire aussi » links, a byline. (In a reference,
# only the cited title is not: checker/lint.py drops what is found there.)
NOT_THE_WRITERS_PROSE = frozenset({"tweet", "read-also", "byline"})
# English words that are not French words: next to one, the term is part of an English passage or title
# (« the fake news problem »), which spelling.foreign-passage is about, not a loan in French prose.
ENGLISH_NEIGHBOURS = frozenset(
    {
        "the", "of", "and", "for", "with", "to", "is", "are", "was", "were", "our", "your", "their", "this",
        "these", "those", "from", "by", "in", "its", "it", "be", "has", "have", "will", "about",
    }
)
WORD_RE = regex.compile(r"[\p{L}’'-]+")


def check(doc: Document, ctx: CheckContext) -> list[Finding]:
    findings: list[Finding] = []
    if ctx.config.reject and ctx.enabled(VOCABULARY_RULE):
        findings += _rejected_words(doc, ctx)
    if ctx.enabled(ANGLICISM_RULE):
        findings += _anglicisms(doc, ctx)
    return findings


@dataclass(frozen=True, slots=True)
class Recommendation:
    english: str  # the FranceTerme English equivalent, as listed
    french: tuple[str, ...]  # recommended French terms, most frequent first
    domain: str
    origin: str  # « FIC_ID n » or « JO jj/mm/aaaa »


def _spellings(english: str) -> list[str]:
    """The forms of an English term a French text writes: as listed, in the plural (an « s » on the
    last word), and closed up when the term has two parts (« start-up », « startup »)."""
    forms = [english]
    parts = english.replace("-", " ").split()
    if len(parts) == 2:
        forms.append("".join(parts))
    forms += [form + "s" for form in list(forms) if not form.endswith("s")]
    return forms


@lru_cache(maxsize=1)
def anglicism_table() -> dict[str, Recommendation]:
    """Every spelling of every English term of the data file, keyed as matched text is looked up."""
    text = package_files("checker").joinpath(ANGLICISM_DATA).read_text(encoding="utf-8")
    table: dict[str, Recommendation] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        english, french, domain, origin = line.split("\t")
        entry = Recommendation(english, tuple(f.strip() for f in french.split(";")), domain, origin)
        for form in _spellings(english):
            table.setdefault(phrase_key(form), entry)
    return table


def _recommended(french: tuple[str, ...]) -> str:
    """« pôle » (selon le sens, « centre de tri » ou « concentrateur »): the most used term first, since
    FranceTerme gives one term per sense and field."""
    first, *others = [f"« {term} »" for term in french]
    if not others:
        return first
    alternatives = others[0] if len(others) == 1 else ", ".join(others[:-1]) + " ou " + others[-1]
    return f"{first} (selon le sens, {alternatives})"


def _is_name_or_title(block: Block, start: int, end: int) -> bool:
    """A capital inside the match, or on its first letter away from a sentence start, makes it a name or
    a title (« Fake News Awards », « le Think Tank X »), not the writer's word."""
    matched = block.text[start:end]
    if any(ch.isupper() for ch in matched[1:]):
        return True
    if not matched[:1].isupper():
        return False
    before = block.text[:start].rstrip(' \u00a0«“"(')
    return bool(before) and before[-1] not in ".!?:—–-"


def _in_english_passage(text: str, start: int, end: int) -> bool:
    before = WORD_RE.findall(text[max(0, start - 30) : start])
    after = WORD_RE.findall(text[end : end + 30])
    neighbours = ([before[-1]] if before else []) + ([after[0]] if after else [])
    return any(word.lower() in ENGLISH_NEIGHBOURS for word in neighbours)


def _quotations(text: str, open_before: bool) -> tuple[list[tuple[int, int]], bool]:
    """The quoted spans of a block, and whether a quotation is still open at its end. A quotation of
    several paragraphs opens with « in the first and closes with » in the last: the paragraphs between,
    and the last one up to its », are quoted too."""
    spans = quotation_spans(text)
    if open_before:
        close = text.find("»")
        if close < 0:
            return [(0, len(text))], True
        spans.append((0, close + 1))
    opened, closed = text.rfind("«"), text.rfind("»")
    return spans, opened > closed or (open_before and closed < 0)


def _anglicisms(doc: Document, ctx: CheckContext) -> list[Finding]:
    """English terms of FranceTerme in the writer's prose, outside quotations, links and names."""
    table = anglicism_table()
    present = phrases_in_document(tuple(table), False, doc)
    if not present:
        return []
    # Only the terms whose letters occur in the text: compiling the pattern of all ~400 spellings took
    # a fifth of a second of every cold run; the pattern of these finds the same matches.
    pattern = phrase_pattern(present, False)
    findings = []
    quotation_open = False
    for block in doc.blocks:
        quotes, carried_over = _quotations(block.text, quotation_open)
        quotation_open = carried_over
        if block.aside in NOT_THE_WRITERS_PROSE or block.kind == "quote":  # a block quotation is quoted words
            continue
        for m in pattern.finditer(block.text):
            start, end = m.span()
            if block.has_link_between(start, end) or _is_name_or_title(block, start, end):
                continue
            if _in_english_passage(block.text, start, end):
                continue
            if any(a <= start and end <= b for a, b in quotes):
                continue
            entry = table[phrase_key(m.group())]
            findings.append(
                ctx.finding_in_block(
                    ANGLICISM_RULE,
                    block,
                    start,
                    end,
                    suggestions=list(entry.french),
                    recommended=_recommended(entry.french),
                    domain=entry.domain,
                    origin=entry.origin,
                )
            )
    return findings


@lru_cache(maxsize=64)
def _preferred_terms(reject: tuple[tuple[str, str], ...]) -> dict[str, str]:
    return {phrase_key(word): preferred for word, preferred in reject}


def _rejected_words(doc: Document, ctx: CheckContext) -> list[Finding]:
    """Each rejected word or phrase (any case, either apostrophe), with the preferred term when the
    vocabulary gives one."""
    preferred = _preferred_terms(ctx.config.reject)
    present = phrases_in_document(tuple(word for word, _ in ctx.config.reject), False, doc)
    if not present:
        return []
    pattern = phrase_pattern(present, False)
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
