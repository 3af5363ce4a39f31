"""Broken markup: what a CMS export or a copy-paste left in the prose (image file remnants,
URL-encoded characters, Markdown or HTML syntax that did not render)."""

from __future__ import annotations

import re

from checker.context import CheckContext
from checker.document import Document
from checker.findings import Finding

# A whitespace-free chunk naming an image file, e.g. "%20(26).png)" left by a lost ![alt](…).
_IMAGE_REMNANT_RE = re.compile(r"[^\s«»\"“”]*\.(?:png|jpe?g|gif|webp|svg|avif|bmp|tiff?)\b\)?", re.IGNORECASE)
_STRAY_SYNTAX_RE = re.compile(
    r"%[0-9A-Fa-f]{2}"  # URL-encoded character
    r"|!?\[[^\]\n]*\]\([^)\s]*\)?"  # a Markdown link or image that did not render
    r"|\]\(|!\["  # their halves
    r"|\*\*|__"  # emphasis markers left unmatched
    r"|\{\{[^}]*\}\}|\{%[^%]*%\}"  # template placeholders
    r"|</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>"  # HTML tags shown as text
    r"|&(?:[a-zA-Z]{2,8}|#\d{2,5}|#x[0-9a-fA-F]{2,4});"  # HTML entities shown as text
)


def check(doc: Document, ctx: CheckContext) -> list[Finding]:
    findings: list[Finding] = []
    want_image = ctx.enabled("markup.broken-image")
    want_stray = ctx.enabled("markup.stray-syntax")
    for block in doc.blocks:
        taken: list[tuple[int, int]] = []
        if want_image:
            for m in _IMAGE_REMNANT_RE.finditer(block.text):
                taken.append(m.span())
                findings.append(ctx.finding_in_block("markup.broken-image", block, m.start(), m.end()))
        if want_stray:
            for m in _STRAY_SYNTAX_RE.finditer(block.text):
                if any(s <= m.start() < e for s, e in taken):
                    continue
                findings.append(ctx.finding_in_block("markup.stray-syntax", block, m.start(), m.end()))
    return findings
