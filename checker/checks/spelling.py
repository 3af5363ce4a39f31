"""Spelling: words the French lexicon does not know (see checker/lexicon.py).

What is never flagged: elided articles and pronouns (l’, d’, qu’, jusqu’… with either
apostrophe: the tokenizer splits them off), numbers and words with digits, acronyms and words
with inner capitals (OTAN, iPhone), capitalised words inside a sentence (proper nouns), Roman
numerals (XXIe), parts of domain names, file names, handles and hashtags, hyphenated compounds
whose parts are all known, œ/æ written oe/ae, unaccented capitals (Etat), and the project's
word list (`words` / `wordlist` in the configuration, case-insensitive).

A capitalised word opening a sentence is flagged only when it is unknown, appears nowhere
else capitalised inside a sentence, and a known word is one edit away (a typo rather than a name).

Suggestions (a SymSpell index, checker/suggest.py, a few milliseconds a word) are computed only
for the findings that are reported: a finding masked, de-duplicated or suppressed inline costs none.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from checker.context import CheckContext
from checker.document import Block, Document, Token
from checker.findings import Finding
from checker.lexicon import Lexicon, distance, get_lexicon, unaccent

RULE = "spelling.unknown-word"
MAX_WORD_LENGTH = 60  # longer "words" are not prose; French words, even compounds, are far shorter
COMMON_WORD_COUNT = 1000  # pyspellchecker frequency of a common word

_ROMAN = re.compile(r"^[IVXLCDM]+(?:e|er|re|ère|es|ème|èmes|nd|nde)?$")
_SENTENCE_OPENERS = frozenset('«“"(—–-:;…[')
_GLUE_BEFORE = frozenset("@#/\\_.~$€£%&=+*^|")
_GLUE_AFTER = frozenset("@/\\_~=+*^|")
_HYPHENS = re.compile(r"[-\u2010\u2011]")


CODED_RULES = frozenset((RULE,))


def check(doc: Document, ctx: CheckContext) -> list[Finding]:
    if not ctx.enabled(RULE):
        return []
    lexicon = get_lexicon()
    project = {w.lower() for w in ctx.config.words}
    candidates: list[tuple[Block, Token, bool]] = []
    capitalised_inside: set[str] = set()
    for block in doc.blocks:
        starts = _sentence_initial_tokens(block)
        for i, tok in enumerate(block.tokens):
            if tok.kind != "word":
                continue
            word = tok.text
            if _skipped(word, block.text, tok) or word.lower() in project:
                continue
            initial = i in starts
            if word[0].isupper() and not initial:
                capitalised_inside.add(word)
                continue  # a proper noun
            candidates.append((block, tok, initial))

    findings: list[Finding] = []
    for block, tok, initial in candidates:
        word = tok.text
        if _known(word, lexicon, project):
            continue
        if initial and word[0].isupper() and (word in capitalised_inside or not _looks_like_typo(word, lexicon)):
            continue  # most likely a name opening the sentence
        finding = ctx.finding_in_block(RULE, block, tok.start, tok.end, hint="")
        findings.append(ctx.defer(finding, _suggestions_for(ctx, block, tok, lexicon)))
    if candidates and (problem := lexicon.hunspell_problem()) is not None:
        ctx.engines_unavailable.setdefault("hunspell", problem)
    return findings


def _suggestions_for(ctx: CheckContext, block: Block, tok: Token, lexicon: Lexicon) -> Callable[[Finding], None]:
    """The suggestions and the message that names the first one, for a reported finding."""

    def complete(finding: Finding) -> None:
        suggestions = lexicon.suggest(tok.text)
        if suggestions:
            hint = f" Vouliez-vous écrire « {suggestions[0]} » ?"
            done = ctx.finding_in_block(RULE, block, tok.start, tok.end, suggestions=suggestions, hint=hint)
            finding.suggestions = done.suggestions
            finding.message = done.message

    return complete


def _looks_like_typo(word: str, lexicon: Lexicon) -> bool:
    """A capitalised unknown word opening a sentence is a typo rather than a name when a common
    word is one edit away, accents aside ("Malgrès" → malgré, "Ensuiite" → ensuite)."""
    if lexicon.close_words(word):
        return True
    bare = unaccent(word.lower())
    for suggestion in lexicon.suggest(word)[:3]:
        if lexicon.frequency(suggestion) >= COMMON_WORD_COUNT and distance(bare, unaccent(suggestion.lower())) <= 1:
            return True
    return False


def _sentence_initial_tokens(block: Block) -> set[int]:
    """Indices (in block.tokens) of the first word of each sentence or quoted clause."""
    out: set[int] = set()
    starts = {s.start for s in block.sentences}
    previous: Token | None = None
    for i, tok in enumerate(block.tokens):
        if tok.kind == "word" and (
            tok.start in starts
            or previous is None
            or (previous.kind == "punct" and previous.text in _SENTENCE_OPENERS)
            or (previous.kind == "punct" and previous.text in ".!?")
        ):
            out.add(i)
        previous = tok
    return out


def _skipped(word: str, text: str, tok: Token) -> bool:
    """Tokens that are not French words to look up."""
    if len(word) < 2 or word[-1] in "'’":
        return True  # single letters, elided articles and pronouns (l’, qu’, jusqu’…)
    if len(word) > MAX_WORD_LENGTH:
        return True  # not a word of prose (a pasted hash, a run of letters)
    if any(ch.isdigit() for ch in word):
        return True
    letters = [ch for ch in word if ch.isalpha()]
    if sum(ch.isupper() for ch in letters[1:]) > 0:
        return True  # acronyms (OTAN, ONU), inner capitals (iPhone, McKinsey)
    if _ROMAN.match(word):
        return True
    before = text[tok.start - 1] if tok.start > 0 else ""
    after = text[tok.end] if tok.end < len(text) else ""
    if before.isdigit():
        return True  # ordinals and units glued to a number (1er, 2e, 3D, 10km)
    if before in _GLUE_BEFORE or after in _GLUE_AFTER:
        return True  # handles, hashtags, paths, identifiers
    # domain or file names (example.com, rapport.pdf)
    return after == "." and tok.end + 1 < len(text) and text[tok.end + 1].isalnum()


def _known(word: str, lexicon: Lexicon, project: set[str]) -> bool:
    if lexicon.known(word):
        return True
    if "’" in word or "'" in word:
        head, _, tail = word.replace("’", "'").partition("'")
        # "aujourd’hui"-like words are in the lexicon; otherwise an elision glued to a word.
        if head.lower() in {"l", "d", "qu", "j", "m", "t", "s", "n", "c", "jusqu", "lorsqu", "puisqu", "quoiqu"}:
            return not tail or _known(tail, lexicon, project)
    parts = [p for p in _HYPHENS.split(word) if p]
    if len(parts) > 1:
        return all(
            p.lower() in project or p[0].isupper() or len(p) == 1 or lexicon.known(p) or lexicon.known(p + "-")
            for p in parts
        )
    return False
