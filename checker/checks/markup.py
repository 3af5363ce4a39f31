"""Broken markup: what a CMS export or a copy-paste left in the prose (image file remnants,
URL-encoded characters, Markdown or HTML syntax that did not render)."""

from __future__ import annotations

import bisect
import re

from checker.context import CheckContext
from checker.document import Document
from checker.findings import Finding

# A whitespace-free chunk naming an image file, e.g. "%20(26).png)" left by a lost ![alt](…): from the
# chunk's start to the end of its last image extension. Found from the extensions, in linear time (a
# backtracking `[^\s]*\.png` is quadratic on a long run of characters without spaces).
_IMAGE_EXT_RE = re.compile(r"\.(?:png|jpe?g|gif|webp|svg|avif|bmp|tiff?)\b\)?", re.IGNORECASE)
_CHUNK_BREAK_RE = re.compile(r"[\s«»\"“”]")
_STRAY_SYNTAX_RE = re.compile(
    r"%[0-9A-Fa-f]{2}"  # URL-encoded character
    r"|!?\[[^\]\n]{0,300}\]\([^)\s]*\)?"  # a Markdown link or image that did not render (bounded: linear)
    r"|\]\(|!\["  # their halves
    r"|\*\*|__"  # emphasis markers left unmatched
    r"|\{\{[^}]{0,200}\}\}|\{%[^%]{0,200}%\}"  # template placeholders
    r"|</?[a-zA-Z][a-zA-Z0-9]{0,30}(?:\s[^<>]{0,500})?/?>"  # HTML tags shown as text
    r"|&(?:[a-zA-Z]{2,8}|#\d{2,5}|#x[0-9a-fA-F]{2,4});"  # HTML entities shown as text
)


CODED_RULES = frozenset(("markup.broken-image", "markup.stray-syntax", "markup.front-matter"))


def check(doc: Document, ctx: CheckContext) -> list[Finding]:
    findings: list[Finding] = []
    if doc.front_matter_error is not None and ctx.enabled("markup.front-matter"):
        start, end, reason = doc.front_matter_error
        findings.append(ctx.finding("markup.front-matter", start, end, reason=reason))
    want_image = ctx.enabled("markup.broken-image")
    want_stray = ctx.enabled("markup.stray-syntax")
    for block in doc.blocks:
        taken: list[tuple[int, int]] = []
        if want_image:
            for start, end in _image_remnants(block.text):
                taken.append((start, end))
                findings.append(ctx.finding_in_block("markup.broken-image", block, start, end))
        if want_stray:
            for m in _STRAY_SYNTAX_RE.finditer(block.text):
                if any(s <= m.start() < e for s, e in taken):
                    continue
                findings.append(ctx.finding_in_block("markup.stray-syntax", block, m.start(), m.end()))
    return findings


def _image_remnants(text: str) -> list[tuple[int, int]]:
    """Spans of whitespace-free chunks ending with an image extension: each from the chunk's start to the
    end of its last extension (what a greedy `[^\\s]*\\.png` finds, without its quadratic backtracking)."""
    exts = list(_IMAGE_EXT_RE.finditer(text))
    if not exts:
        return []
    breaks = [b.start() for b in _CHUNK_BREAK_RE.finditer(text)]
    spans: list[tuple[int, int]] = []
    for m in exts:
        i = bisect.bisect_left(breaks, m.start())
        start = breaks[i - 1] + 1 if i else 0
        if spans and spans[-1][0] == start:
            spans[-1] = (start, m.end())
        else:
            spans.append((start, m.end()))
    return spans
