"""The one safety check for automatic corrections, shared by every family that offers fixes.

A check finds its spans in a block's visible text; a fix must rewrite the source. An edit is
offered only when the source under the visible span is that very text, character for
character: nothing was removed or decoded inside it (markup, an entity, an escape, a line break
read as a space), it does not follow a Markdown backslash escape, and in YAML front matter it
neither adds nor removes a quoting character.
"""

from __future__ import annotations

from checker.document import Block, Document
from checker.findings import Edit


def safe_edit(doc: Document, block: Block, start: int, end: int, replacement: str) -> Edit | None:
    """A source edit replacing the visible [start, end) of `block` with `replacement`, or None when unsafe."""
    if end <= start:
        return None
    offsets = block.offsets
    first = offsets[start]
    for i in range(start + 1, end):
        if offsets[i] != first + (i - start):
            return None  # the span crosses markup, an entity or an escape
    src_end = first + (end - start)
    original = block.text[start:end]
    source = doc.source
    if source[first:src_end] != original:
        return None
    if doc.format == "markdown" and first > 0 and source[first - 1] == "\\":
        return None  # a backslash escape: replacing the escaped character would leave a stray "\"
    fm = doc.front_matter_span
    if fm is not None and fm[0] <= first < fm[1] and any(q in original + replacement for q in "'\"\\#"):
        return None  # quoting characters inside YAML scalars are not ours to change
    return Edit(first, src_end, replacement)


def in_the_style_of(original: str, replacement: str) -> str:
    """`replacement` written like `original`: a capital first letter kept, the same apostrophe (' or ’)."""
    if "'" in original and "’" not in original:
        replacement = replacement.replace("’", "'")
    elif "’" in original and "'" not in original:
        replacement = replacement.replace("'", "’")
    if original[:1].isupper() and replacement[:1].islower():
        replacement = replacement[0].upper() + replacement[1:]
    return replacement
