"""Running the checks: text → Document → findings, with suppressions applied.

`lint_text` is a pure function of its arguments (no file, network or global state
besides read-only caches), so it can run inside any worker pool.
"""

from __future__ import annotations

import bisect
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from checker.checks import run_family
from checker.checks.suppression import unused_suppressions
from checker.config import Config, find_config
from checker.context import CheckContext
from checker.document import Block, Document, Sentence
from checker.errors import CheckerError, utf8_reason
from checker.families import family_names
from checker.findings import Finding
from checker.parse import cited_title, parse_document
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
    asides = [b for b in doc.blocks if b.aside is not None]
    findings = [f for f in findings if ctx.enabled(f.rule_id) and not _masked(doc, f) and not _in_aside(asides, f)]
    english = _english_sentences(doc, findings)
    if english:
        findings = [f for f in findings if f.family != "grammar" or not _inside(english, f)]
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


def _in_aside(asides: list[Block], finding: Finding) -> bool:
    """Whether a finding lies in a block that is not the writer's prose and its family is not checked there."""
    for block in asides:
        if block.aside is not None and block.start <= finding.start and finding.end <= block.end:
            if block.aside == "reference":
                # Only the cited title is its publisher's wording; the source and date after it are the writer's.
                title_start, title_end = block.source_span(*cited_title(block))
                if not (title_start <= finding.start and finding.end <= title_end):
                    return False
                if _accent_only(finding):
                    return False  # « A l’école » → « À » : accents on capitals are typesetting, ours to set
            return finding.family not in _ASIDE_FAMILIES.get(block.aside, {"markup"})
    return False


def _english_sentences(doc: Document, findings: list[Finding]) -> list[tuple[int, int]]:
    """The source spans of the sentences written in English that hold a grammar finding: French grammar does
    not apply to them (« I'm a supporter of open source » is no « a » for « à »)."""
    starts = sorted(f.start for f in findings if f.family == "grammar")
    if not starts:
        return []
    spans = []
    for sentence in doc.sentences():
        start, end = sentence.source_span()
        i = bisect.bisect_left(starts, start)
        if i < len(starts) and starts[i] < end and _mostly_english(sentence):
            spans.append((start, end))
    return spans


def _mostly_english(sentence: Sentence) -> bool:
    """At least four words outside links, half of them, and three or more, English words (clearly more frequent in
    English than in French: « the », « project », « ended »); French with English terms (« le machine learning »)
    is not."""
    from checker.frequencies import is_english

    block, at = sentence.block, sentence.start
    # Words of a link are a title the sentence cites (« [State of Open Source](…), Septembre 2022 »): not counted.
    words = [
        t.text
        for t in sentence.tokens
        if t.kind == "word" and t.text.isalpha() and not block.has_link_between(at + t.start, at + t.start + 1)
    ]
    if len(words) < 4:
        return False
    english = sum(1 for w in words if is_english(w))
    return english >= 3 and 2 * english >= len(words)


def _inside(spans: list[tuple[int, int]], finding: Finding) -> bool:
    return any(start <= finding.start and finding.end <= end for start, end in spans)


def _accent_only(finding: Finding) -> bool:
    """A finding whose suggestion is its own text with accents added (« Etat » → « État »)."""

    def bare(text: str) -> str:
        return unicodedata.normalize("NFKD", text.casefold()).encode("ascii", "ignore").decode()

    text = finding.text.casefold()
    return any(s.casefold() != text and bare(s) == bare(text) for s in finding.suggestions)


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
