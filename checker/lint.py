"""Running the checks: text → Document → findings, with suppressions applied.

`lint_text` is a pure function of its arguments (no file, network or global state
besides read-only caches), so it can run inside any worker pool.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from pathlib import Path

from checker.checks import run_family
from checker.checks.suppression import unused_suppressions
from checker.config import Config, find_config
from checker.context import CheckContext
from checker.document import Block, Document, Sentence, Token, fold
from checker.errors import CheckerError, utf8_reason
from checker.families import family_names
from checker.findings import Finding
from checker.parse import address_words, cited_title, parse_document
from checker.paths import safe_resolve
from checker.rule_packs import RuleSet, load_rules
from checker.safe_io import DEFAULT_MAX_FILE_SIZE, read_regular_file
from checker.suppress import apply_suppressions


@dataclass
class LintResult:
    path: str
    findings: list[Finding]
    engines_ran: list[str] = field(default_factory=list)
    engines_unavailable: dict[str, str] = field(default_factory=dict)
    suppressed: int = 0


def lint_document(doc: Document, config: Config, rules: RuleSet | None = None) -> LintResult:
    rules = rules if rules is not None else load_rules(config.rule_packs)
    ctx = CheckContext(doc=doc, config=config, rules=rules)
    findings: list[Finding] = []
    for family in family_names():
        if config.family_enabled(family):
            findings.extend(run_family(family, doc, ctx))
    asides = _Spans([(b.start, b.end, b) for b in doc.blocks if b.aside is not None])
    findings = [f for f in findings if ctx.enabled(f.rule_id) and not _masked(doc, f) and not _in_aside(asides, f)]
    speech = _Spans([(b.start, b.end, b) for b in doc.blocks if b.speech])
    if speech.spans:  # an interviewee's answers are their words, as if quoted
        quoted = frozenset(r.id for r in rules if r.outside_quotes)
        findings = [f for f in findings if not _left_in_quotations(f, quoted) or speech.holding(f) is None]
    english = _english_stretches(doc, findings)
    if english.spans:
        findings = [f for f in findings if not _french_only(f) or english.holding(f) is None]
    findings = _dedupe(findings)
    kept, suppressed, unused = apply_suppressions(doc, findings, rules)
    if unused:
        kept.extend(unused_suppressions(unused, ctx))
        kept.sort(key=Finding.sort_key)
    ctx.complete(kept)  # suggestions: only for the findings reported
    return LintResult(doc.path, kept, ctx.engines_ran, ctx.engines_unavailable, suppressed)


def lint_text(text: str, config: Config | None = None, path: str = "<text>", fmt: str | None = None) -> LintResult:
    """Lint a text. `fmt` is markdown, html or text (default: guessed from `path` and content)."""
    config = config or Config()
    return lint_document(parse_document(text, path, fmt, config.parse_options()), config)


def read_source(path: Path, max_size: int = DEFAULT_MAX_FILE_SIZE) -> str:
    """The file's text, or a one-line CheckerError naming the file and the problem.

    Only a regular file of at most `max_size` bytes is read (never a FIFO or a device)."""
    return decode_source(read_regular_file(path, max_size, "article"), path)


def decode_source(data: bytes, path: Path | str) -> str:
    """Bytes of an article as text (BOM removed), or a one-line CheckerError: binary, not UTF-8."""
    if b"\x00" in data[:8192]:
        raise CheckerError(f"{path}: fichier binaire (octets NUL), pas un article en texte")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        reason = utf8_reason(exc.reason)
        raise CheckerError(f"{path}: UTF-8 invalide à l’octet {exc.start} (ligne {line}) : {reason}") from None
    return text.removeprefix("\ufeff")


def lint_file(path: Path, config: Config | None = None, display_path: str | None = None) -> LintResult:
    config = config or find_config(safe_resolve(path).parent)
    text = read_source(path, config.max_file_size)
    return lint_text(text, config, display_path or str(path))


# Families whose finding measures a whole sentence, paragraph or document: code or a URL in it is part of
# what they measure, even when it is all of it (a heading `# \`checker\`` anchors the document's score).
_MEASURING_FAMILIES = {"readability"}


def _masked(doc: Document, finding: Finding) -> bool:
    """Whether a finding is about code, a bare URL or an HTML block, which are never checked: it touches one
    (a readability finding measures the text around them instead, and is kept)."""
    if finding.family in _MEASURING_FAMILIES:
        return False
    return any(s < finding.end and finding.start < e for s, e in doc.masked)


# What an aside block (an embedded post, « À lire aussi » links, a caption, a byline, a reference) is still
# checked for.
_ASIDE_FAMILIES = {
    "caption": {"typography", "markup"},
    "byline": {"typography", "markup"},
    "reference": {"typography", "markup"},  # a cited title's wording is its publisher's; its typesetting is ours
}


class _Spans:
    """Source spans that do not overlap, sorted, with the one holding a finding found by bisection (a document
    of thousands of list items has thousands of asides)."""

    def __init__(self, spans: list[tuple[int, int, Block | None]]) -> None:
        self.spans = sorted(spans, key=lambda span: span[0])
        self.starts = [span[0] for span in self.spans]

    def holding(self, finding: Finding) -> tuple[int, int, Block | None] | None:
        i = bisect.bisect_right(self.starts, finding.start) - 1
        if i >= 0 and finding.end <= self.spans[i][1]:
            return self.spans[i]
        return None


def _in_aside(asides: _Spans, finding: Finding) -> bool:
    """Whether a finding lies in a block that is not the writer's prose and its family is not checked there."""
    span = asides.holding(finding)
    block = span[2] if span is not None else None
    if block is None or block.aside is None:
        return False
    aside = block.aside
    if aside == "reference":
        # Only the cited title is its publisher's wording; the source and date after it are the writer's.
        title_start, title_end = block.source_span(*cited_title(block))
        if not (title_start <= finding.start and finding.end <= title_end):
            return False
        if _accent_only(finding) or _address_spells_otherwise(finding, block):
            return False  # « A l’école » → « À » : accents on capitals are ours to set; so is a miscopied word
    return finding.family not in _ASIDE_FAMILIES.get(aside, {"markup"})


def _address_spells_otherwise(finding: Finding, block: Block) -> bool:
    """The cited page's address has another form of the flagged word (« Les projet … » linking to
    « …/les-projets-du-gouvernement… »): the writer miscopied the title."""
    word = fold(finding.text)
    address = address_words(block.links[0].url)
    if not word.isalpha() or word in address:
        return False
    return any(
        other != word and (other.startswith(word) or word.startswith(other)) and abs(len(other) - len(word)) <= 2
        for other in address
        if len(other) > 2
    )


# What quoted words, and so an interviewee's answers, are not checked for: claims (someone else's), long sentences
# (counted outside quotations), anglicisms (looked for outside quotations) and every rule whose pack says
# `outside_quotes` (the engines' pleonasms: the speaker's wording). Grammar, spelling, typography are.
_LEFT_IN_QUOTATIONS = frozenset({"readability.long-sentence", "wording.anglicism-franceterme"})


def _left_in_quotations(finding: Finding, quoted: frozenset[str]) -> bool:
    return finding.family == "claims" or finding.rule_id in _LEFT_IN_QUOTATIONS or finding.rule_id in quoted


def _french_only(finding: Finding) -> bool:
    """A finding that only French text can deserve: grammar, and an English word named as an anglicism."""
    return finding.family == "grammar" or finding.rule_id in _ANGLICISM_RULES


_ANGLICISM_RULES = frozenset({"wording.anglicism-franceterme", "repetition.anglicism"})


def _english_stretches(doc: Document, findings: list[Finding]) -> _Spans:
    """The source spans, inside sentences that hold a grammar or anglicism finding, of the stretches written in
    English: a sentence, or a quotation in it, cut at quotation marks. French grammar does not apply there (« I'm
    a supporter of open source » is no « a » for « à »), nor is « workshops » an anglicism in English."""
    starts = sorted(f.start for f in findings if _french_only(f))
    spans: list[tuple[int, int, Block | None]] = []
    if not starts:
        return _Spans(spans)
    for sentence in doc.sentences():
        start, end = sentence.source_span()
        i = bisect.bisect_left(starts, start)
        if i < len(starts) and starts[i] < end:
            spans.extend((s, e, None) for s, e in _english_parts(sentence))
            spans.extend((s, e, None) for s, e in _english_link_texts(sentence))
    return _Spans(_merged_spans(spans))


def _merged_spans(spans: list[tuple[int, int, Block | None]]) -> list[tuple[int, int, Block | None]]:
    """Overlapping spans merged (an English link text inside an English sentence): _Spans needs disjoint ones."""
    merged: list[tuple[int, int, Block | None]] = []
    for start, end, block in sorted(spans, key=lambda span: span[0]):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]), None)
        else:
            merged.append((start, end, block))
    return merged


# French function words (a few, « son », « pas », « la », are English words too, rare in an English title): a link text
# holding one is French (« Les Blue Hats de la DINUM »).
_FRENCH_GRAMMAR_WORDS = frozenset(
    {"le", "la", "les", "des", "du", "de", "et", "est", "un", "une", "pour", "dans", "sur", "au", "aux", "avec",
     "sont", "qui", "que", "en", "à", "ou", "où", "par", "ne", "pas", "il", "elle", "nous", "vous", "ils", "se",
     "sa", "son", "ses", "ces", "cette", "leur", "leurs", "ce"}
)  # fmt: skip


def _english_link_texts(sentence: Sentence) -> list[tuple[int, int]]:
    """The source spans of the link texts of a sentence that are titles in English (« [Why governments should adopt
    and invest in FOSS](…) », « [OW2 Applauds the Bothorel Report on Open Data…](…) »): four words or more, three
    of them and half clearly English, none French. _english_parts leaves links out (a French sentence citing an
    English title is French), and its English grammar words are often capitalised inside a title."""
    from checker.frequencies import is_english, is_french

    block, at = sentence.block, sentence.start
    spans = []
    for link in block.links:
        if not (at <= link.start and link.end <= sentence.end):
            continue
        words = [
            t.text
            for t in sentence.tokens
            if t.kind == "word" and link.start <= at + t.start < link.end and t.text.isalpha()
        ]
        if len(words) < 4 or any(w.lower() in _FRENCH_GRAMMAR_WORDS for w in words):
            continue
        english = sum(1 for w in words if is_english(w))
        # A word only French has makes the title French (« … Summit inscriptions ouvertes jusqu'a mardi »)
        french = any(is_french(w) for w in words)
        if english >= 3 and 2 * english >= len(words) and not french:
            spans.append(block.source_span(link.start, link.end))
    return spans


_QUOTATION_MARKS = frozenset("«»“”\"")
# English words that French does not have: a stretch of English has some (« we are building the best … »), a
# French sentence full of English terms has none (« les best practices du deep learning sont utile »).
_ENGLISH_GRAMMAR_WORDS = frozenset(
    {"the", "of", "and", "is", "are", "was", "were", "we", "you", "they", "it", "to", "with", "for", "that", "this",
     "these", "those", "them", "he", "she", "his", "her", "its", "us", "an", "which", "what", "who", "there",
     "our", "your", "their", "from", "have", "has", "be", "been", "will", "would", "can", "not", "i", "my", "at",
     "it's", "i'm", "that's", "don't", "we're", "you're", "they're", "there's", "isn't"}
)  # fmt: skip


def _english_parts(sentence: Sentence) -> list[tuple[int, int]]:
    """The source spans of the parts of a sentence (cut at quotation marks) that are in English: at least four words
    outside links, half of them and three or more English (clearly more frequent in English than in French:
    « project », « ended »), two of them English grammar words."""
    from checker.frequencies import is_english

    block, at = sentence.block, sentence.start
    parts: list[list[Token]] = [[]]
    for token in sentence.tokens:
        if token.kind == "punct" and token.text in _QUOTATION_MARKS:
            parts.append([])
        else:
            parts[-1].append(token)
    spans = []
    for part in parts:
        # Words of a link are a title the sentence cites (« [State of Open Source](…), Septembre 2022 »).
        words = [
            t.text
            for t in part
            if t.kind == "word" and t.text.isalpha() and not block.has_link_between(at + t.start, at + t.start + 1)
        ]
        if len(words) < 4:
            continue
        english = sum(1 for w in words if is_english(w))
        part_words = [t for t in part if t.kind == "word"]
        grammar_words = sum(
            1
            for i, t in enumerate(part_words)
            if t.text.lower().replace("’", "'") in _ENGLISH_GRAMMAR_WORDS
            and not (len(t.text) > 1 and t.text.isupper())  # « IT », « US »: an acronym, not « it », « us »
            and not _inside_a_name(part_words, i)
        )
        if english >= 3 and 2 * english >= len(words) and grammar_words >= 2:
            first, last = part[0], part[-1]
            spans.append(sentence.source_span(first.start, last.start + len(last.text)))
    return spans


_NAME_CONNECTORS = frozenset({"of", "the", "and", "for", "de", "du", "des", "la", "le"})


def _inside_a_name(words: list[Token], i: int) -> bool:
    """Whether words[i] joins capitalised words (« Head of Digital », « Officer of the Year »): part of a name or a
    title, which French prose borrows whole, not English grammar."""
    left = next((w for w in reversed(words[:i]) if w.text.lower() not in _NAME_CONNECTORS), None)
    right = next((w for w in words[i + 1 :] if w.text.lower() not in _NAME_CONNECTORS), None)
    return left is not None and right is not None and left.text[:1].isupper() and right.text[:1].isupper()


def _accent_only(finding: Finding) -> bool:
    """A finding whose suggestion is its own text with accents added (« Etat » → « État »)."""
    text = finding.text.casefold()
    return any(s.casefold() != text and fold(s) == fold(text) for s in finding.suggestions)


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple[str, int, int]] = set()
    # The grammar engines' pleonasms (grammar.style) repeat wording.pleonasm, which names the fix.
    pleonasms = [(f.start, f.end) for f in findings if f.rule_id == "wording.pleonasm"]
    out = []
    for f in sorted(findings, key=Finding.sort_key):
        key = (f.rule_id, f.start, f.end)
        if key in seen:
            continue
        if f.rule_id == "grammar.style" and any(s < f.end and f.start < e for s, e in pleonasms):
            continue
        seen.add(key)
        out.append(f)
    return out
