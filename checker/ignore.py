"""What the parser leaves out of the prose besides code and markup: template markup (Hugo shortcodes,
Liquid and Jinja tags and expressions) and the user's own ignore patterns.

An ignored span is blanked before parsing (same length, same line breaks, so every offset and line
number stays), then its characters are removed from the visible text: a shortcode in the middle of a
sentence leaves at most one space, a shortcode alone on its line leaves nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import regex

from checker.errors import CheckerError, regex_reason

# Compiled once: Grammalecte's own patterns keep re's cache of 512 full, so re.match(pattern_string, …)
# would compile these again for every document.
_NOT_LINE_BREAK_RE = re.compile(r"[^\r\n]")

# Stands for an ignored character in the text given to the parsers: not white space (four blanked
# characters at the start of a Markdown line would open an indented code block), not punctuation
# (no emphasis or link syntax), and removed from every block afterwards.
FILLER = "\ue000"

# Inline template markup: Hugo shortcodes {{< … >}} and {{% … %}}, Liquid/Jinja tags {% … %}, expressions
# {{ … }} and Jinja comments {# … #}. Bounded, so an unclosed opener costs a bounded scan, not the rest of
# the file.
TEMPLATE_TOKEN_RE = re.compile(
    r"\{\{<.{0,2000}?>\}\}|\{\{%.{0,2000}?%\}\}|\{%.{0,2000}?%\}|\{\{.{0,2000}?\}\}|\{#.{0,2000}?#\}",
    re.DOTALL,
)
# Template blocks whose whole content is not prose: raw and comment blocks, highlighted code.
TEMPLATE_BLOCK_RE = re.compile(
    r"\{%-?\s*(raw|comment|highlight)\b.{0,2000}?%\}.*?\{%-?\s*end\1\s*-?%\}"
    r"|\{\{[<%]\s*(highlight|comment)\b.{0,2000}?[>%]\}\}.*?\{\{[<%]\s*/\s*\2\s*[>%]\}\}",
    re.DOTALL,
)


@dataclass(frozen=True)
class ParseOptions:
    """How a file is turned into prose, beyond its format (from the configuration)."""

    template_markup: bool = True  # Hugo, Liquid and Jinja markup is not prose
    ignore_tokens: tuple[str, ...] = ()  # regular expressions of inline spans that are not prose
    ignore_blocks: tuple[str, ...] = ()  # regular expressions (. matches line breaks) of whole passages
    front_matter_fields: tuple[str, ...] = ("title", "description")  # front matter checked as prose
    regex_timeout: float = 1.0


DEFAULT_PARSE_OPTIONS = ParseOptions()


def compile_user_pattern(pattern: str, block: bool, where: str) -> regex.Pattern[str]:
    """A user's ignore pattern, or a one-line error naming where it was written."""
    try:
        return _compiled(pattern, block)
    except regex.error as exc:
        raise CheckerError(f"{where}: expression régulière invalide {pattern!r} : {regex_reason(exc)}") from None


@lru_cache(maxsize=256)
def _compiled(pattern: str, block: bool) -> regex.Pattern[str]:
    return regex.compile(pattern, regex.DOTALL | regex.MULTILINE if block else 0)


def ignored_spans(source: str, options: ParseOptions) -> list[tuple[int, int]]:
    """Sorted, non-overlapping source spans that are not prose."""
    spans: list[tuple[int, int]] = []
    if options.template_markup and ("{{" in source or "{%" in source or "{#" in source):
        spans.extend(m.span() for m in TEMPLATE_BLOCK_RE.finditer(source))
        spans.extend(m.span() for m in TEMPLATE_TOKEN_RE.finditer(source))
    for patterns, block in ((options.ignore_blocks, True), (options.ignore_tokens, False)):
        for pattern in patterns:
            compiled = compile_user_pattern(pattern, block, "ignore-blocks" if block else "ignore-tokens")
            try:
                found = compiled.finditer(source, timeout=options.regex_timeout)
                spans.extend(m.span() for m in found if m.end() > m.start())
            except TimeoutError:
                seconds = f"{options.regex_timeout:g}"
                raise CheckerError(
                    f"motif d’exclusion {pattern!r} : plus de {seconds} s sur ce fichier ; simplifiez-le"
                ) from None
    return _merge(spans)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def blank(source: str, spans: list[tuple[int, int]]) -> str:
    """The source with every ignored character replaced by FILLER, line breaks kept."""
    parts: list[str] = []
    pos = 0
    for start, end in spans:
        parts.append(source[pos:start])
        parts.append(_NOT_LINE_BREAK_RE.sub(FILLER, source[start:end]))
        pos = end
    parts.append(source[pos:])
    return "".join(parts)
