"""Readability: Kandel–Moles (the French adaptation of Flesch reading ease) and LIX, per
document and per paragraph, and sentences longer than a threshold.

Conventions (also stated in the rule descriptions of `rules/readability.yaml`):

* Sentences are the document model's sentences (`Block.sentences`); a sentence without a
  word is ignored.
* A word is a graphic word: a run of letters or digits, inner hyphens and apostrophes
  included. An elided "l’", "d’", "qu’"… is not a word of its own: it belongs to the
  word it is written against ("l’énergie" is one word, as in textstat and word
  processors), and "aujourd’hui", "agri-tech", "Israël-Azerbaïdjan" are one word each.
  A number is one word.
* Syllables follow `checker.syllables` (spoken syllables of standard French, final mute
  e not counted; elided letters add none).
* A long word (LIX) has more than 6 letters, not counting hyphens, apostrophes and the
  elided prefix ("l’énergie" → "énergie", 7 letters: long; "l’accord" → 6: short).
* Kandel–Moles = 207 − 1.015 × words/sentences − 73.6 × syllables/words (higher is
  easier; below 50 is hard). LIX = words/sentences + 100 × long words/words (higher is
  harder; above 55 is hard).
* Scores cover prose blocks (paragraphs, list items, quotes, FAQ answers), not headings
  nor table cells; a paragraph (or document) shorter than `readability-min-words` words
  gets no score, its numbers would be noise.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from checker.context import CheckContext
from checker.document import Block, Document, Sentence, Token, quotation_spans
from checker.findings import Finding
from checker.syllables import count_syllables

KM_BASE, KM_SENTENCE, KM_SYLLABLE = 207.0, 1.015, 73.6
LIX_LONG_LETTERS = 6
PROSE_KINDS = frozenset({"paragraph", "list_item", "quote"})
_APOSTROPHES = "'’ʼ"


@dataclass(frozen=True, slots=True)
class Word:
    text: str  # the graphic word, elision included: "l’énergie"
    lexical: str  # without the elided prefix: "énergie"
    start: int  # offsets relative to the token list's origin (sentence or block)
    end: int

    @property
    def letters(self) -> int:
        return letters(self.lexical)

    @property
    def syllables(self) -> int:
        return count_syllables(self.text)


def letters(word: str) -> int:
    """Letters and digits of a word (hyphens and apostrophes not counted)."""
    return sum(ch.isalnum() for ch in word)


# A graphic word: the token itself when it is the whole word (no new object: a document holds many), a Word
# for an elision joined to the word that follows it.
GraphicWord = Token | Word


def graphic_words(tokens: Iterable[Token]) -> list[GraphicWord]:
    """Words as counted by the formulas: an elision is joined to the word that follows it."""
    words: list[GraphicWord] = []
    pending: Token | None = None
    for tok in tokens:
        if tok.kind == "punct":
            if pending is not None:
                words.append(pending)
                pending = None
            continue
        if tok.kind == "word" and tok.text[-1] in _APOSTROPHES:
            if pending is not None:
                words.append(pending)
            pending = tok
            continue
        if pending is not None and pending.end == tok.start:
            words.append(Word(pending.text + tok.text, tok.text, pending.start, tok.end))
        else:
            if pending is not None:
                words.append(pending)
            words.append(tok)
        pending = None
    if pending is not None:
        words.append(pending)
    return words


_BLOCK_WORDS: weakref.WeakKeyDictionary[Block, list[list[GraphicWord]]] = weakref.WeakKeyDictionary()


def block_sentence_words(block: Block) -> list[list[GraphicWord]]:
    """The graphic words of each sentence of a block (offsets relative to the sentence), computed once."""
    cached = _BLOCK_WORDS.get(block)
    if cached is None:
        cached = [graphic_words(s.tokens) for s in block.sentences]
        _BLOCK_WORDS[block] = cached
    return cached


def sentence_words(sentence: Sentence) -> list[GraphicWord]:
    return block_sentence_words(sentence.block)[sentence.block.sentences.index(sentence)]


@dataclass(frozen=True)
class Scores:
    words: int = 0
    sentences: int = 0
    syllables: int = 0
    long_words: int = 0

    def __add__(self, other: Scores) -> Scores:
        return Scores(
            self.words + other.words,
            self.sentences + other.sentences,
            self.syllables + other.syllables,
            self.long_words + other.long_words,
        )

    @property
    def words_per_sentence(self) -> float | None:
        return self.words / self.sentences if self.sentences else None

    @property
    def kandel_moles(self) -> float | None:
        if not self.words or not self.sentences:
            return None
        return KM_BASE - KM_SENTENCE * self.words / self.sentences - KM_SYLLABLE * self.syllables / self.words

    @property
    def lix(self) -> float | None:
        if not self.words or not self.sentences:
            return None
        return self.words / self.sentences + 100.0 * self.long_words / self.words

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = asdict(self)
        out["kandel_moles"] = _round(self.kandel_moles)
        out["lix"] = _round(self.lix)
        out["words_per_sentence"] = _round(self.words_per_sentence)
        return out


def message_fields(scores: Scores) -> dict[str, Any]:
    """The scores as the French messages show them (both rules' templates use these names)."""
    return {
        "km": fr_number(scores.kandel_moles),
        "lix": fr_number(scores.lix),
        "words": scores.words,
        "sentences": scores.sentences,
        "words_per_sentence": fr_number(scores.words_per_sentence),
    }


def sentence_scores(sentence: Sentence) -> Scores:
    return _scores(sentence_words(sentence))


def _scores(words: list[GraphicWord]) -> Scores:
    if not words:
        return Scores()
    return Scores(
        words=len(words),
        sentences=1,
        syllables=sum(count_syllables(w.text) for w in words),
        long_words=sum(letters(w.lexical) > LIX_LONG_LETTERS for w in words),
    )


def block_scores(block: Block) -> Scores:
    total = Scores()
    for words in block_sentence_words(block):
        total = total + _scores(words)
    return total


@dataclass(frozen=True)
class ParagraphScores:
    block: Block = field(repr=False)
    scores: Scores

    def as_dict(self) -> dict[str, Any]:
        doc = self.block.doc
        line = doc.line_col(self.block.start)[0] if doc is not None else None
        return {"block": self.block.index, "line": line, "region": self.block.region, **self.scores.as_dict()}


@dataclass(frozen=True)
class ReadabilityReport:
    document: Scores
    paragraphs: list[ParagraphScores]

    def as_dict(self) -> dict[str, Any]:
        return {"document": self.document.as_dict(), "paragraphs": [p.as_dict() for p in self.paragraphs]}


def readability_scores(doc: Document) -> ReadabilityReport:
    """Document and per-paragraph scores over the prose blocks (for the check, the bench and the API)."""
    total = Scores()
    paragraphs = []
    for block in doc.blocks:
        if block.kind not in PROSE_KINDS or block.aside is not None:
            continue
        scores = block_scores(block)
        if scores.words:
            paragraphs.append(ParagraphScores(block, scores))
            total = total + scores
    return ReadabilityReport(total, paragraphs)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def fr_number(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}".replace(".", ",").replace("-", "−")


def km_label(km: float) -> str:
    for floor, label in ((90, "très facile"), (80, "facile"), (70, "assez facile"), (60, "standard")):
        if km >= floor:
            return label
    if km >= 50:
        return "assez difficile"
    return "difficile" if km >= 30 else "très difficile"


def lix_label(lix: float) -> str:
    for ceiling, label in ((30, "très facile"), (40, "facile"), (50, "moyen"), (60, "difficile")):
        if lix < ceiling:
            return label
    return "très difficile"


CODED_RULES = frozenset(("readability.long-sentence", "readability.paragraph-hard", "readability.document-score"))


def check(doc: Document, ctx: CheckContext) -> list[Finding]:
    findings: list[Finding] = []
    if ctx.enabled("readability.long-sentence"):
        findings.extend(_long_sentences(doc, ctx))
    want_paragraph = ctx.enabled("readability.paragraph-hard")
    want_document = ctx.enabled("readability.document-score")
    if not (want_paragraph or want_document):
        return findings
    report = readability_scores(doc)
    if want_paragraph:
        findings.extend(_hard_paragraphs(report, ctx, ctx.param("readability.paragraph-hard", "min-words")))
    if want_document and report.document.words >= ctx.param("readability.document-score", "min-words"):
        finding = _document_score(doc, report.document, ctx)
        if finding is not None:
            findings.append(finding)
    return findings


def _long_sentences(doc: Document, ctx: CheckContext) -> list[Finding]:
    """Sentences with more than `max-words` words of the writer's own: the words of a direct quotation are
    not counted, since the writer cannot split or shorten what someone said."""
    limit = ctx.param("readability.long-sentence", "max-words")
    findings = []
    for block in doc.blocks:
        if block.kind in ("table_cell", "quote") or block.aside is not None:
            continue  # a table cell is not a sentence; a block quotation is someone else's words
        quotations = _long_quotations(block.text) if any(q in block.text for q in '«“"') else []
        for sentence, words in zip(block.sentences, block_sentence_words(block), strict=True):
            if len(words) <= limit:
                continue
            quoted = sum(1 for w in words if any(start <= sentence.start + w.start < end for start, end in quotations))
            count = len(words) - quoted
            if count > limit:
                findings.append(
                    ctx.finding_in_sentence(
                        "readability.long-sentence",
                        sentence,
                        0,
                        sentence.end - sentence.start,
                        words=count,
                        threshold=int(limit),
                        data={"words": count, "quoted_words": quoted, "threshold": limit},
                    )
                )
    return findings


# A quoted fragment this short (« truffé d’incantations ») is part of the writer's own syntax: it counts.
MIN_QUOTATION_WORDS = 4


def _long_quotations(text: str) -> list[tuple[int, int]]:
    return [(s, e) for s, e in quotation_spans(text) if len(text[s + 1 : e - 1].split()) >= MIN_QUOTATION_WORDS]


def _hard_paragraphs(report: ReadabilityReport, ctx: CheckContext, min_words: float) -> list[Finding]:
    km_min = ctx.param("readability.paragraph-hard", "kandel-moles-min")
    lix_max = ctx.param("readability.paragraph-hard", "lix-max")
    findings = []
    for para in report.paragraphs:
        scores = para.scores
        km, lix = scores.kandel_moles, scores.lix
        if scores.words < min_words or km is None or lix is None:
            continue
        if km >= km_min and lix <= lix_max:
            continue
        block = para.block
        first = block.sentences[0]
        para_start, para_end = block.source_span(0, len(block.text))
        findings.append(
            ctx.finding_in_sentence(
                "readability.paragraph-hard",
                first,
                0,
                first.end - first.start,
                km_min=fr_number(km_min),
                lix_max=fr_number(lix_max),
                **message_fields(scores),
                data={**scores.as_dict(), "paragraph_start": para_start, "paragraph_end": para_end},
            )
        )
    return findings


def _document_score(doc: Document, scores: Scores, ctx: CheckContext) -> Finding | None:
    km, lix = scores.kandel_moles, scores.lix
    if km is None or lix is None:
        return None
    anchor = next((b for b in doc.blocks if b.kind in ("title", "heading") and b.text.strip()), None)
    if anchor is None:
        anchor = next((b for b in doc.blocks if b.text.strip()), None)
    if anchor is None:
        return None
    if anchor.sentences:
        first = anchor.sentences[0]
        start, end = first.start, first.end
    else:
        start, end = 0, len(anchor.text)
    return ctx.finding_in_block(
        "readability.document-score",
        anchor,
        start,
        end,
        km_label=km_label(km),
        lix_label=lix_label(lix),
        **message_fields(scores),
        data=scores.as_dict(),
    )
