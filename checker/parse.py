"""Turn a file's text into the shared `Document` model (Markdown, HTML or plain text).

Every visible character keeps its source offset; markup, code, images and URLs
never reach the checks.
"""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import PurePath
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token as MdToken
from mdit_py_plugins.front_matter import front_matter_plugin

from checker.document import (
    FAQ_HEADING_RE,
    URL_RE,
    Block,
    BlockKind,
    Document,
    FaqItem,
    Link,
    Region,
)

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdx", ".mkd"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


def detect_format(path: str, source: str) -> str:
    suffix = PurePath(path).suffix.lower()
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in {".txt", ".text"}:
        return "text"
    head = source.lstrip()[:200].lower()
    if head.startswith(("<!doctype html", "<html")):
        return "html"
    if head.startswith("---\n") or re.search(r"^#{1,6} ", source, re.MULTILINE):
        return "markdown"
    return "text"


def parse_document(source: str, path: str = "<text>", fmt: str | None = None) -> Document:
    fmt = fmt or detect_format(path, source)
    if fmt == "markdown":
        doc = _parse_markdown(source, path)
    elif fmt == "html":
        doc = _parse_html(source, path)
    else:
        doc = _parse_text(source, path)
    _assign_faq(doc)
    return doc


class _TextBuilder:
    """Accumulates visible text with the source offset of each character."""

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.offsets: list[int] = []
        self.links: list[Link] = []

    def add(self, text: str, source_start: int, skip_urls: bool = True) -> None:
        if skip_urls and ("/" in text or "@" in text or "www." in text):
            pos = 0
            for m in URL_RE.finditer(text):
                self._add_raw(text[pos : m.start()], source_start + pos)
                self.links.append(Link(len(self.chars), len(self.chars), m.group()))
                pos = m.end()
            self._add_raw(text[pos:], source_start + pos)
        else:
            self._add_raw(text, source_start)

    def _add_raw(self, text: str, source_start: int) -> None:
        self.chars.extend(text)
        self.offsets.extend(range(source_start, source_start + len(text)))

    def add_mapped(self, text: str, source_start: int, source_end: int) -> None:
        """Text whose source differs (entity, escape): every char maps into the source span."""
        for i, ch in enumerate(text):
            self.chars.append(ch)
            self.offsets.append(min(source_start + i, source_end - 1))

    def block(self, kind: BlockKind, end_offset: int, region: Region = "body", level: int = 0) -> Block | None:
        text = "".join(self.chars)
        if not text.strip():
            return None
        return Block(kind, text, [*self.offsets, end_offset], region=region, level=level, links=self.links)

    @property
    def last_offset(self) -> int:
        return self.offsets[-1] + 1 if self.offsets else 0


# ---------------------------------------------------------------- Markdown

_MD = MarkdownIt("commonmark", {"html": True}).use(front_matter_plugin).enable("table")
_ESCAPE_RE = re.compile(r"\\([!-/:-@\[-`{-~])")


def _parse_markdown(source: str, path: str) -> Document:
    doc = Document(source=source, path=path, format="markdown")
    tokens = _MD.parse(source)
    line_starts = doc.line_starts

    def line_offset(line: int) -> int:
        return line_starts[line] if line < len(line_starts) else len(source)

    kind_stack: list[tuple[BlockKind, int]] = []
    heading_path: list[tuple[int, str]] = []
    list_depth = 0
    quote_depth = 0
    for tok in tokens:
        if tok.type == "front_matter":
            _read_front_matter(doc, tok, line_offset)
        elif tok.type in ("code_block", "fence", "html_block"):
            if tok.map:
                doc.masked.append((line_offset(tok.map[0]), line_offset(tok.map[1])))
        elif tok.type == "bullet_list_open" or tok.type == "ordered_list_open":
            list_depth += 1
        elif tok.type == "bullet_list_close" or tok.type == "ordered_list_close":
            list_depth -= 1
        elif tok.type == "blockquote_open":
            quote_depth += 1
        elif tok.type == "blockquote_close":
            quote_depth -= 1
        elif tok.type == "heading_open":
            kind_stack.append(("heading", int(tok.tag[1:])))
        elif tok.type in ("th_open", "td_open"):
            kind_stack.append(("table_cell", 0))
        elif tok.type in ("heading_close", "th_close", "td_close"):
            kind_stack.pop()
        elif tok.type == "inline" and tok.map:
            start = line_offset(tok.map[0])
            end = line_offset(tok.map[1])
            builder = _TextBuilder()
            _walk_inline(tok.children or [], source, start, end, builder)
            end_offset = builder.last_offset
            kind: BlockKind
            level = 0
            if kind_stack:
                kind, level = kind_stack[-1]
            elif quote_depth:
                kind = "quote"
            elif list_depth:
                kind, level = "list_item", list_depth
            else:
                kind = "paragraph"
            block = builder.block(kind, end_offset, level=level)
            if kind == "heading":
                title = block.text.strip() if block else ""
                while heading_path and heading_path[-1][0] >= level:
                    heading_path.pop()
                heading_path.append((level, title))
            if block is not None:
                block.heading_path = tuple(t for _, t in heading_path)
                doc.add_block(block)
    return doc


def _walk_inline(children: list[MdToken], source: str, start: int, end: int, builder: _TextBuilder) -> None:
    cursor = start
    link_stack: list[tuple[int, str]] = []
    skip_depth = 0  # inside an image: its alt text is not prose
    for child in children:
        t = child.type
        if t == "image":
            found = source.find(")", cursor, end)
            cursor = found + 1 if found >= 0 else cursor
            continue
        if skip_depth:
            continue
        if t == "text":
            cursor = _add_located(child.content, source, cursor, end, builder)
        elif t in ("softbreak", "hardbreak"):
            nl = source.find("\n", cursor, end)
            at = nl if nl >= 0 else cursor
            builder.add_mapped(" ", at, at + 1)
            cursor = at + 1 if nl >= 0 else cursor
        elif t == "code_inline":
            found = source.find(child.content, cursor, end)
            if found >= 0:
                cursor = found + len(child.content)
        elif t == "link_open":
            link_stack.append((len(builder.chars), str(child.attrs.get("href", ""))))
        elif t == "link_close" and link_stack:
            link_start, href = link_stack.pop()
            builder.links.append(Link(link_start, len(builder.chars), href))
            close = source.find(")", cursor, end)
            if close >= 0 and source.startswith("](", source.find("]", cursor, end)):
                cursor = close + 1
        elif t == "html_inline":
            found = source.find(child.content, cursor, end)
            if found >= 0:
                cursor = found + len(child.content)


def _add_located(text: str, source: str, cursor: int, end: int, builder: _TextBuilder) -> int:
    """Find `text` in the source from `cursor` and add it with exact offsets."""
    found = source.find(text, cursor, end)
    if found >= 0:
        builder.add(text, found)
        return found + len(text)
    # The text differs from its source (backslash escapes, entities): align piece by piece.
    pos = cursor
    for piece in re.split(r"(\W)", text):
        if not piece:
            continue
        at = source.find(piece, pos, end)
        if at < 0 or at - pos > 10:
            at = _find_entity_or_escape(source, pos, end, piece)
        if at is None or at < 0:
            builder.add_mapped(piece, pos, max(pos + 1, min(end, pos + len(piece))))
            continue
        builder.add(piece, at, skip_urls=False)
        pos = at + len(piece)
    return pos


def _find_entity_or_escape(source: str, pos: int, end: int, piece: str) -> int | None:
    m = re.compile(r"\\.|&#?\w+;").search(source, pos, end)
    if (m and html.unescape(m.group()) == piece) or (m and m.group()[1:] == piece):
        return m.start()
    return None


def _read_front_matter(doc: Document, tok: MdToken, line_offset: Any) -> None:
    assert tok.map is not None
    doc.front_matter_span = (line_offset(tok.map[0]), line_offset(tok.map[1]))
    try:
        data = yaml.safe_load(tok.content)
    except yaml.YAMLError:
        data = None
    if isinstance(data, dict):
        doc.front_matter = data


# ---------------------------------------------------------------- HTML

_HTML_BLOCKS = {
    "p": "paragraph",
    "li": "list_item",
    "blockquote": "quote",
    "td": "table_cell",
    "th": "table_cell",
    "dt": "paragraph",
    "dd": "paragraph",
    "figcaption": "paragraph",
    "caption": "paragraph",
    "summary": "paragraph",
    "h1": "heading",
    "h2": "heading",
    "h3": "heading",
    "h4": "heading",
    "h5": "heading",
    "h6": "heading",
    "title": "title",
}
_HTML_SKIP = {"script", "style", "code", "pre", "noscript", "template", "svg", "math", "head"}
_VOID = {"br", "img", "hr", "meta", "link", "input", "source", "wbr", "area", "base", "col", "embed", "track"}


class _HtmlReader(HTMLParser):
    def __init__(self, doc: Document) -> None:
        super().__init__(convert_charrefs=False)
        self.doc = doc
        self.line_starts = doc.line_starts
        self.stack: list[str] = []
        self.builder: _TextBuilder | None = None
        self.block_tag: str | None = None
        self.skip = 0
        self.in_jsonld = False
        self.jsonld_start = 0
        self.link_start: tuple[int, str] | None = None
        self.heading_path: list[tuple[int, str]] = []

    def offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            if tag == "br" and self.builder is not None:
                at = self.offset()
                self.builder.add_mapped(" ", at, at + 1)
            return
        self.stack.append(tag)
        if tag == "script" and dict(attrs).get("type", "") == "application/ld+json":
            self.in_jsonld = True
            self.jsonld_start = self.offset() + len(self.get_starttag_text() or "")
        if tag in _HTML_SKIP and tag != "head":
            self.skip += 1
            return
        if tag in _HTML_BLOCKS or (tag == "div" and self.builder is None):
            self._flush()
            self.builder = _TextBuilder()
            self.block_tag = tag
        if tag == "a" and self.builder is not None:
            self.link_start = (len(self.builder.chars), dict(attrs).get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass
        if tag == "script" and self.in_jsonld:
            self.in_jsonld = False
        if tag in _HTML_SKIP and tag != "head":
            self.skip = max(0, self.skip - 1)
            return
        if tag == "a" and self.builder is not None and self.link_start:
            self.builder.links.append(Link(self.link_start[0], len(self.builder.chars), self.link_start[1]))
            self.link_start = None
        if tag == self.block_tag:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self.in_jsonld:
            self.doc.jsonld_span = (self.offset(), self.offset() + len(data))
            _read_jsonld(self.doc, data)
            return
        if self.skip or ("head" in self.stack and "title" not in self.stack):
            return
        if self.builder is None:
            if not data.strip():
                return
            self.builder = _TextBuilder()
            self.block_tag = None
        self.builder.add(data, self.offset())

    def handle_entityref(self, name: str) -> None:
        self._char_ref(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._char_ref(f"&#{name};")

    def _char_ref(self, ref: str) -> None:
        if self.skip or self.in_jsonld or self.builder is None:
            return
        start = self.offset()
        self.builder.add_mapped(html.unescape(ref), start, start + len(ref))

    def _flush(self) -> None:
        if self.builder is None:
            return
        tag = self.block_tag or "p"
        kind: BlockKind = _HTML_BLOCKS.get(tag, "paragraph")  # type: ignore[assignment]
        level = int(tag[1]) if kind == "heading" else 0
        text_end = self.builder.last_offset
        block = self.builder.block(kind, text_end, level=level)
        if block is not None:
            # HTML whitespace is insignificant; no-break spaces are not whitespace there (typography needs them).
            block.text = re.sub(r"[^\S\u00a0\u202f\u2007]", " ", block.text)
            if kind == "heading":
                while self.heading_path and self.heading_path[-1][0] >= level:
                    self.heading_path.pop()
                self.heading_path.append((level, block.text.strip()))
            block.heading_path = tuple(t for _, t in self.heading_path)
            self.doc.add_block(block)
        self.builder = None
        self.block_tag = None

    def close(self) -> None:
        super().close()
        self._flush()


def _read_jsonld(doc: Document, data: str) -> None:
    try:
        payload = json.loads(data)
    except ValueError:
        return
    items = payload if isinstance(payload, list) else [payload]
    for item in items:
        if isinstance(item, dict) and "@graph" in item and isinstance(item["@graph"], list):
            items.extend(item["@graph"])
    for item in items:
        if not isinstance(item, dict) or item.get("@type") != "FAQPage":
            continue
        for q in item.get("mainEntity") or []:
            if not isinstance(q, dict):
                continue
            answer = q.get("acceptedAnswer") or {}
            if isinstance(answer, list):
                answer = answer[0] if answer else {}
            text = answer.get("text", "") if isinstance(answer, dict) else ""
            doc.jsonld_faq.append((str(q.get("name", "")), re.sub(r"<[^>]+>", "", str(text))))


def _parse_html(source: str, path: str) -> Document:
    doc = Document(source=source, path=path, format="html")
    reader = _HtmlReader(doc)
    reader.feed(source)
    reader.close()
    return doc


# ---------------------------------------------------------------- plain text


def _parse_text(source: str, path: str) -> Document:
    """Each non-empty line is a paragraph: articles pasted as text put one paragraph per line."""
    doc = Document(source=source, path=path, format="text")
    pos = 0
    for line in source.splitlines(keepends=True):
        content = line.rstrip("\r\n")
        if content.strip():
            builder = _TextBuilder()
            builder.add(content, pos)
            block = builder.block("paragraph", pos + len(content))
            if block is not None:
                doc.add_block(block)
        pos += len(line)
    return doc


# ---------------------------------------------------------------- FAQ


def _assign_faq(doc: Document) -> None:
    """Mark FAQ questions and answers (Markdown headings, bold questions, front matter)."""
    faq_level: int | None = None
    current: FaqItem | None = None
    for block in doc.blocks:
        if block.kind == "heading":
            if faq_level is not None and block.level <= faq_level:
                faq_level = None
            elif FAQ_HEADING_RE.match(block.text):
                faq_level = block.level
                current = None
                continue
        if faq_level is None:
            continue
        is_question = block.text.rstrip().endswith("?") and (block.kind == "heading" or _is_bold_line(doc, block))
        if is_question:
            block.region = "faq_question"
            current = FaqItem(block, [])
            doc.faq.append(current)
        elif current is not None:
            block.region = "faq_answer"
            current.answers.append(block)
    _front_matter_faq(doc)


def _is_bold_line(doc: Document, block: Block) -> bool:
    raw = doc.source[block.start : block.end + 2].strip()
    return raw.startswith(("**", "__"))


def _front_matter_faq(doc: Document) -> None:
    items = doc.front_matter.get("faq")
    if not isinstance(items, list) or doc.front_matter_span is None:
        return
    fm_start, fm_end = doc.front_matter_span
    cursor = fm_start
    for item in items:
        if not isinstance(item, dict):
            continue
        question = _front_matter_block(doc, str(item.get("question") or item.get("q") or ""), cursor, fm_end)
        if question is not None:
            question.region = "faq_question"
            cursor = question.end
        answer = _front_matter_block(doc, str(item.get("answer") or item.get("a") or ""), cursor, fm_end)
        answers = []
        if answer is not None:
            answer.region = "faq_answer"
            cursor = answer.end
            answers.append(answer)
        doc.faq.append(FaqItem(question, answers, source="front_matter"))


def _front_matter_block(doc: Document, text: str, start: int, end: int) -> Block | None:
    """A block for a YAML scalar of the front matter, mapped to where its words stand in the source."""
    text = text.strip()
    if not text:
        return None
    builder = _TextBuilder()
    found = doc.source.find(text, start, end)
    if found >= 0:
        builder.add(text, found)
    else:
        # Folded or quoted scalars: align word by word, through YAML escapes ('' and \").
        pos = start
        for m in re.finditer(r"\S+", text):
            word = m.group()
            at = doc.source.find(word, pos, end)
            offsets = list(range(at, at + len(word))) if at >= 0 else _find_yaml_escaped(doc.source, word, pos, end)
            if offsets is None:
                offsets = list(range(pos, pos + len(word)))
            if builder.chars:
                sep = offsets[0] - 1 - (at < 0 and doc.source[offsets[0] - 1 : offsets[0]] == "\\")
                builder.add_mapped(" ", max(sep, 0), sep + 1)
            if at >= 0:
                builder.add(word, at)
            else:
                builder.chars.extend(word)
                builder.offsets.extend(offsets)
            pos = offsets[-1] + 1
    block = builder.block("paragraph", builder.last_offset)
    if block is not None:
        doc.add_block(block)
    return block


def _find_yaml_escaped(source: str, word: str, pos: int, end: int) -> list[int] | None:
    """Source offset of each character of `word` written with YAML escapes ('' in single quotes, \\" or \\\\
    in double quotes) between `pos` and `end`, or None."""
    pattern = "".join("''?" if c == "'" else (r"\\?" + re.escape(c) if c in '"\\' else re.escape(c)) for c in word)
    m = re.compile(pattern).search(source, pos, end)
    if m is None:
        return None
    offsets = []
    i = m.start()
    for c in word:
        if source[i] != c:
            i += 1  # the backslash of an escape
        offsets.append(i)
        i += 1
        if c == "'" and i < m.end() and source[i] == "'":
            i += 1  # the doubled quote
    return offsets
