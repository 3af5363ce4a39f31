"""Turn a file's text into the shared `Document` model (Markdown, HTML or plain text).

Every visible character keeps its source offset; markup, code blocks, images and URLs
never reach the checks, and inline code reaches them as one masked word (`code_stand_in`).
"""

from __future__ import annotations

import html
import json
import operator
import re
import unicodedata
from array import array
from functools import lru_cache
from html.parser import HTMLParser
from itertools import pairwise, repeat
from pathlib import PurePath
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token as MdToken
from mdit_py_plugins.front_matter import front_matter_plugin

from checker.document import (
    ABBREVIATIONS,
    CODE_STAND_IN,
    FAQ_HEADING_RE,
    URL_RE,
    Block,
    BlockKind,
    Document,
    FaqItem,
    Link,
    Region,
    Sentence,
    fold,
)
from checker.errors import json_reason
from checker.ignore import DEFAULT_PARSE_OPTIONS, FILLER, ParseOptions, blank, ignored_spans
from checker.safe_yaml import YamlSyntaxError, load_yaml

# Compiled once: Grammalecte's own patterns keep re's cache of 512 full, so re.match(pattern_string, …)
# would compile these again for every document.
_ATX_HEADING_RE = re.compile(r"^#{1,6} ", re.MULTILINE)
_TAG_RE = re.compile(r"<[^>]+>")
_HTML_SPACES_RE = re.compile(r"[ \t\r\n\f\v]+")
_WHITESPACE_RE = re.compile(r"\s+")
_NON_SPACE_RE = re.compile(r"\S+")

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdx", ".mkd"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


# json's own messages are English: the common ones in French (never the script's text).
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
    if head.startswith("---\n") or _ATX_HEADING_RE.search(source):
        return "markdown"
    return "text"


def parse_document(
    source: str, path: str = "<text>", fmt: str | None = None, options: ParseOptions | None = None
) -> Document:
    options = options or DEFAULT_PARSE_OPTIONS
    fmt = fmt or detect_format(path, source)
    ignored = ignored_spans(source, options)
    # The parsers read a copy where ignored spans are blanked (same offsets); the document keeps the source.
    parsed = blank(source, ignored) if ignored else source
    if fmt == "markdown":
        doc = _parse_markdown(parsed, path)
        _front_matter_fields(doc, options.front_matter_fields)
    elif fmt == "html":
        doc = _parse_html(parsed, path)
    else:
        doc = _parse_text(parsed, path)
    if ignored:
        doc.source = source
        doc.ignored = ignored
        _drop_ignored(doc)
    _assign_faq(doc)
    mark_asides(doc)
    mark_interview_answers(doc)
    return doc


def _drop_ignored(doc: Document) -> None:
    """Remove the blanked characters from the visible text: a run of them between two words leaves one
    space (mapped to the ignored span), at the edges of a block nothing. Blocks left empty go."""
    kept_blocks: list[Block] = []
    for block in doc.blocks:
        if FILLER in block.text:
            _strip_filler(block)
        block.heading_path = tuple(" ".join(t.replace(FILLER, " ").split()) for t in block.heading_path)
        if block.text.strip():
            kept_blocks.append(block)
    for i, block in enumerate(kept_blocks):
        block.index = i
    doc.blocks = kept_blocks


def _strip_filler(block: Block) -> None:
    text, offsets = block.text, block.offsets
    ends = block.ends if block.ends is not None else [o + 1 for o in offsets[:-1]]
    chars: list[str] = []
    starts: list[int] = []
    stops: list[int] = []
    remap: list[int] = []
    gap: int | None = None  # source offset of the first blanked character of the current run
    for i, ch in enumerate(text):
        remap.append(len(chars))
        if ch == FILLER:
            if gap is None:
                gap = offsets[i]
            continue
        if gap is not None:
            if chars and chars[-1].isspace() and ch.isspace():
                continue  # the space after a dropped span, when one stands before it
            if chars and not chars[-1].isspace() and not ch.isspace():
                chars.append(" ")
                starts.append(gap)
                stops.append(gap + 1)
            gap = None
        chars.append(ch)
        starts.append(offsets[i])
        stops.append(ends[i])
    remap.append(len(chars))
    while chars and chars[-1].isspace():  # a block does not end with the space a dropped shortcode left
        chars.pop()
        starts.pop()
        stops.pop()
    lead = 0
    while lead < len(chars) and chars[lead].isspace():
        lead += 1
    end_offset = stops[-1] if stops else offsets[-1]
    block.text = "".join(chars[lead:])
    block.offsets = [*starts[lead:], end_offset]
    block.ends = stops[lead:]
    for link in block.links:
        link.start = max(0, min(remap[link.start], len(chars)) - lead)
        link.end = max(0, min(remap[link.end], len(chars)) - lead)
    block.italics = [
        (max(0, min(remap[a], len(chars)) - lead), max(0, min(remap[b], len(chars)) - lead)) for a, b in block.italics
    ]


# An embedded post: its picture link, its signature (« — Name (@handle) June 3, 2024 ») or its address pasted as
# text; a link to a post inside prose (« j'ai [écrit](https://x.com/…/status/…) que … ») embeds nothing.
_TWEET_RE = re.compile(
    r"pic\.twitter\.com/|\b(?:twitter|x)\.com/\w+/status"
    r"|— [^—()]{1,60} \(@\w{1,15}\) \S+ \d{1,2},? \d{4}|— [^—()]{1,60} \(@\w{1,15}\) \d{1,2} \S+ \d{4}"
)
_LINK_TARGET_RE = re.compile(
    r"\]\(<?[^)\s>]*>?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\)"  # a link's target, with its title
    r"|\bhref=(?:\"[^\"]*\"|'[^']*'|[^\s>]+)",
    re.I,
)
_CAPTION_RE = re.compile(r"^[\W_]*(?:photo|crédits?(?: photo)?|illustration|légende|image)\s*[:©/-]|©", re.I)
_LETTER_RUNS_RE = re.compile(r"[^\W\d_]+")
# What follows a cited title: « , nextinpact.com, juillet 2021 », « (zdnet.fr) », « – lemonde.fr ».
_SOURCE_AFTER_TITLE_RE = re.compile(r"[,(–—:-]|[A-ZÀ-Ý0-9]|[\w-]+\.[a-z]{2,}\b")
# A site named after a cited title (« lemonde.fr », « joinup.ec.europa.eu »), or inside its link after the title.
_SITE_RE = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}\b")
_SOURCE_IN_LINK_RE = re.compile(r",\s*[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}\b")
_BYLINE_RE = re.compile(
    r"^(?:[Pp]ar|[Pp]ropos recueillis par|[Aa]vec)\s+[A-ZÀ-Ý][\w’'.-]+(?:\s+(?:[A-ZÀ-Ý][\w’'.-]+|et|de|avec|,))*\s*\.?$"
)


def mark_asides(doc: Document) -> None:
    """Recognise embedded posts, « À lire aussi » links, captions and bylines (Block.aside)."""
    for block in doc.blocks:
        if block.kind not in ("paragraph", "quote", "list_item") or block.region != "body":
            continue
        text = block.text.strip()
        source = doc.source[block.start : block.end]
        if _READ_ALSO_RE.match(text):
            block.aside = "read-also"
        elif _TWEET_RE.search(_LINK_TARGET_RE.sub("", source)) or _TWEET_RE.search(text):
            block.aside = "tweet"
        elif len(text.split()) <= 40 and _CAPTION_RE.search(text):
            block.aside = "caption"
        elif len(text.split()) <= 12 and _BYLINE_RE.match(text):
            block.aside = "byline"
        elif block.kind == "list_item" and _cites_a_title(block):
            block.aside = "reference"


# An interview: questions put to someone, as headings or paragraphs in bold or italics (« Comment êtes-vous
# arrivée à ce poste ? », « Quel est ton parcours ? »), each answered in the first person (« J’ai commencé… »).
_ADDRESSED_RE = re.compile(r"\b(?:vous|votre|vos|tu|toi|ton|ta|tes|te)\b|\bt['’]", re.IGNORECASE)
_FIRST_PERSON = frozenset({"je", "j'", "j’", "me", "m'", "m’", "moi", "mon", "ma", "mes"})
INTERVIEW_MIN_QUESTIONS = 3  # answered in the first person, and two thirds of the questions at least


def mark_interview_answers(doc: Document) -> None:
    """Mark the answers of an interview as speech (Block.speech): the interviewee's words, not the writer's, which
    the checks leave as they leave quotations (lint._LEFT_IN_QUOTATIONS).

    A question is a heading or a paragraph set apart (bold, italics) that ends in « ? »; its answer, the prose up
    to the next heading or paragraph set apart. A text is an interview when its title introduces someone
    (`_titles_an_interview`), at least INTERVIEW_MIN_QUESTIONS of its questions to someone (in the second person)
    are answered in the first person singular without addressing the reader, two thirds of them are, and the
    writer does not speak as « je » before the first question (a review « Mon avis sur… », « ce que j'ai
    appris », answering its reader's questions is the writer's). Quotations do not count (a vox pop answering
    « ce qui change pour vous »), nor a capitalised « Mon » inside a sentence (« Mon espace santé »).
    """
    sections: list[tuple[str, list[Block]]] = []  # ("asked" to someone, "question" or "intertitle", answers)
    before_first: list[Block] = []  # the title, the lede…: the writer's words before the first question to someone
    asked_yet = False
    for block in doc.blocks:
        if block.region != "body":
            continue
        if not asked_yet:
            before_first.append(block)
        set_apart = block.kind == "heading" or (block.kind == "paragraph" and _set_apart(doc, block))
        if set_apart and block.text.rstrip().endswith("?") and block.level != 1:
            to_someone = bool(_ADDRESSED_RE.search(block.text))
            asked_yet = asked_yet or to_someone
            sections.append(("asked" if to_someone else "question", []))
        elif set_apart or block.kind == "title":
            sections.append(("intertitle", []))  # ends the answer: the writer's words again
        elif sections and block.kind in ("paragraph", "quote", "list_item") and block.aside is None:
            sections[-1][1].append(block)
    asked = [answers for kind, answers in sections if kind == "asked"]
    if len(asked) < INTERVIEW_MIN_QUESTIONS:
        return  # most texts: no need to read their sentences
    answered = [
        answers
        for answers in asked
        if any(_speaks_as_i(block) for block in answers) and not any(_addresses_the_reader(block) for block in answers)
    ]
    if len(answered) < INTERVIEW_MIN_QUESTIONS or 3 * len(answered) < 2 * len(asked):
        return
    introduction = before_first[:-1]  # the last one is the first question
    if any(_speaks_as_i(block) for block in introduction):
        return  # the writer's own « je » before the questions: a review, a diary
    titles = [b for b in introduction if b.kind == "title" or (b.kind == "heading" and b.level == 1)]
    if not any(_titles_an_interview(title) for title in titles):  # an HTML page's <title> and its <h1>
        return  # a page answering its readers' questions (« Quels sont vos tarifs ? »), a columnist's explainer
    for kind, answers in sections:
        if kind != "intertitle":
            for block in answers:
                block.speech = True


# A title that announces an interview: « Entretien avec… », « Trois questions à… », « Rencontre avec… ».
_INTERVIEW_TITLE_RE = re.compile(
    r"\b(?:entretien|interview|questions? à|rencontre avec|propos recueillis|face à|invitée?s? de)\b", re.IGNORECASE
)


def _titles_an_interview(title: Block) -> bool:
    """A title naming the interviewee: « Audrey Hacq, Product Design Director » (a name, then a comma and the
    role), « Entretien avec Delphine Montagne », « « Le marché va repartir », selon Claire Dubois »."""
    text = title.text.strip()
    if not _names_someone(title):
        return False
    if _INTERVIEW_TITLE_RE.search(text) or text.startswith(("«", "“", '"')):
        return True
    # « Audrey Hacq, Product Design Director », « Élisabeth Borne : « Nous tiendrons… » »
    cut = min((i for i in (text.find(","), text.find(" :"), text.find(":")) if i > 0), default=-1)
    return cut > 0 and _names_someone_in(text[:cut])


def _names_someone_in(text: str) -> bool:
    """Whether a short text is a name: a known first name, then capitalised words only (« Audrey Hacq »)."""
    from checker.morphology import is_first_name

    words = text.split()
    if words and words[0].rstrip(".") in ("Dr", "Pr", "Me", "Mgr"):
        words = words[1:]  # « Dr Julie Moreau »
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and is_first_name(words[0])


def _names_someone(block: Block) -> bool:
    """Whether a block names a person: a first name the lexicon knows before a capitalised word (« Audrey Hacq »)."""
    from checker.morphology import is_first_name

    for sentence in block.sentences:
        words = [t for t in sentence.tokens if t.kind == "word"]
        for first, last in pairwise(words):
            if last.text[:1].isupper() and first.text[:1].isupper() and is_first_name(first.text):
                return True
    return False


def _outside_quotations(block: Block) -> list[tuple[Sentence, list[tuple[int, int]]]]:
    """Each sentence of a block with the spans (in the sentence) of the block's quotations over it: found once in
    the block, as the claims check does, so that a quotation of several sentences covers each."""
    from checker.matching import quotation_spans

    quotes = quotation_spans(block.text)
    found = []
    for sentence in block.sentences:
        over = [(a - sentence.start, b - sentence.start) for a, b in quotes if a < sentence.end and sentence.start < b]
        found.append((sentence, over))
    return found


def _addresses_the_reader(block: Block) -> bool:
    """Whether an answer speaks to its reader (« je vous conseille », « ton TJM ») outside its quotations: the
    writer answering readers, not someone interviewed."""
    for sentence, quotes in _outside_quotations(block):
        for m in _ADDRESSED_RE.finditer(sentence.text):
            if not any(a <= m.start() < b for a, b in quotes):
                return True
    return False


def _set_apart(doc: Document, block: Block) -> bool:
    """A paragraph wholly in bold or in italics (`**Question ?**`, `*Question ?*`, `<p><em>…</em></p>`)."""
    return _is_bold_line(doc, block) or _wholly_in_italics(block)


def _wholly_in_italics(block: Block) -> bool:
    """A block set in italics from its first word to its last (`*Question ?*`, `<p><em>…</em></p>`), read on the
    italics the parser recorded."""
    first = len(block.text) - len(block.text.lstrip())
    last = len(block.text.rstrip())
    return any(start <= first and last <= end for start, end in block.italics)


def _speaks_as_i(block: Block) -> bool:
    """Whether a sentence of the block says « je », « moi », « mon »… outside its quotations (capitalised « Mon »,
    « Ma », « Me » count only opening the sentence, and « Me » then not before a name: « Me Dupont »)."""
    for sentence, quotes in _outside_quotations(block):
        tokens = sentence.tokens
        for k, token in enumerate(tokens):
            low = token.text.lower()
            if token.kind != "word" or low not in _FIRST_PERSON or any(a <= token.start < b for a, b in quotes):
                continue
            capital = token.text[:1].isupper()
            if capital and low not in ("je", "j'", "j’") and any(t.kind == "word" for t in tokens[:k]):
                continue  # « Mon espace santé », « Ma Prime Rénov’ »: a name inside the sentence
            if capital and low == "me" and k + 1 < len(tokens) and tokens[k + 1].text[:1].isupper():
                continue  # « Me Dupont »: Maître
            return True
    return False


def _cites_a_title(block: Block) -> bool:
    """A list item that is a reference: « [Title of the article](https://…), source, date ».

    The title is quoted as its publisher wrote it, so its wording is not the writer's to correct. What follows
    the link is a few words naming the site (« , nextinpact.com, juillet 2021 », « (zdnet.fr) »), not a sentence
    of the writer's own (« [Lisez le guide](…) pour commencer ») nor a date alone; a link whose address spells
    its title counts with or without them.
    """
    if not block.links:
        return False
    link = block.links[0]
    lead = block.text[: link.start]
    if lead.strip(" -–—*•") or not link.url.startswith(("http://", "https://")):
        return False
    if len(block.text[link.start : link.end].split()) < 3:
        return False
    after = block.text[link.end :].strip()
    title = block.text[link.start : link.end]
    if _title_in_its_address(title, link.url):
        return len(after.split()) <= 12
    if not after or len(after.split()) > 12 or _SOURCE_AFTER_TITLE_RE.match(after) is None:
        return False
    first_word = after.lstrip(" ,;:()–—-").split(" ", 1)[0]
    if first_word[:1].islower() and _SITE_RE.match(first_word) is None:
        return False  # « , voir aussi la FAQ sur doc.data.gouv.fr » : the writer's own words
    # The source is a site (« nextinpact.com »); a date alone (« — 2024 », « (PDF, 2 Mo, 2023) ») or a name
    # (« , Quentin Leroy, MI. », the speaker of a talk) follows the writer's own labels too.
    return _SITE_RE.search(after) is not None


def cited_title(block: Block) -> tuple[int, int]:
    """The visible span of a reference's cited title: its link's text, without the source and date a writer
    sometimes puts inside the link (« [Titre, lemagit.fr, Janvier 2024](…) »)."""
    link = block.links[0]
    source = _SOURCE_IN_LINK_RE.search(block.text, link.start, link.end)
    return link.start, source.start() if source else link.end


def _title_in_its_address(title: str, url: str) -> bool:
    """A link whose address spells its words (« …/education-une-boite-a-outils-numeriques-partages… »): the
    title of the page it links to, as its publisher set it, not a label of the writer's own."""
    words = _LETTER_RUNS_RE.findall(fold(title))
    if len(words) < 5:
        return False
    address = address_words(url)
    return sum(w in address for w in words) >= 0.75 * len(words)


def address_words(url: str) -> set[str]:
    """The words a link's address spells, folded (« …/education-une-boite-a-outils… » → education, une, …)."""
    return set(_LETTER_RUNS_RE.findall(fold(url)))


_NO_BREAK_SPACES = frozenset("\u00a0\u202f\u2007")  # kept in HTML text: typography checks need them


# Combining accents (« e » + U+0301 for « é »), as text copied from some systems writes them (Unicode NFD).
_COMBINING_MARK_RE = re.compile("[\u0300-\u036f]")
# Joiners of no width a paste from a word processor or a CMS leaves in a word (« L\ufeffa mise en formation »): the
# reader sees « La », so the text every check reads has them not; a finding still covers them in the source. The
# zero-width space (U+200B) stays: it separates two words (« loi\u200bà » is « loi à »).
_INVISIBLE_RE = re.compile("[\u2060\ufeff]")
# What `_extend` reads character by character: a combining accent or a joiner (one search for the common text).
_COMPOSED_OR_INVISIBLE_RE = re.compile(f"{_COMBINING_MARK_RE.pattern}|{_INVISIBLE_RE.pattern}")


def _composed(text: str, starts: list[int], ends: list[int]) -> tuple[str, list[int], list[int]]:
    """A letter and the combining accents after it composed into one character (NFC) that spans them all in the
    source: « ame\u0301liorer » is read as « améliorer » (a word, not « ame » and « liorer »), and a finding on it
    still covers the source's characters. A cluster that has no composed form stays as it is."""
    chars: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    i = 0
    while i < len(text):
        j = i + 1
        while j < len(text) and unicodedata.combining(text[j]):
            j += 1
        composed = unicodedata.normalize("NFC", text[i:j]) if j > i + 1 else text[i]
        if len(composed) == 1:
            chars.append(composed)
            new_starts.append(starts[i])
            new_ends.append(ends[j - 1])
        else:
            chars.extend(text[i:j])
            new_starts.extend(starts[i:j])
            new_ends.extend(ends[i:j])
        i = j
    return "".join(chars), new_starts, new_ends


class _TextBuilder:
    """Accumulates visible text with the source span [start, end) of each character.

    A character read as-is from the source spans one source character; a character
    decoded from an entity (``&eacute;``) spans the whole entity, so a finding always
    covers real source text.
    """

    def __init__(self, masked: list[tuple[int, int]] | None = None) -> None:
        self.chars: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.links: list[Link] = []
        self.italics: list[tuple[int, int]] = []
        self.masked = masked  # where dropped URLs are recorded, when given

    def add(self, text: str, source_start: int, skip_urls: bool = True) -> None:
        """Text that stands verbatim in the source at `source_start`."""
        if skip_urls and ("/" in text or "@" in text or "www." in text):
            pos = 0
            for m in URL_RE.finditer(text):
                self._add_raw(text[pos : m.start()], source_start + pos)
                self._drop_url(m.group(), source_start + m.start(), source_start + m.end())
                pos = m.end()
            self._add_raw(text[pos:], source_start + pos)
        else:
            self._add_raw(text, source_start)

    def add_aligned(self, text: str, starts: list[int], ends: list[int]) -> None:
        """Text whose characters have their own source spans (entities, escapes), minus bare URLs."""
        pos = 0
        if "/" in text or "@" in text or "www." in text:
            for m in URL_RE.finditer(text):
                self._extend(text[pos : m.start()], starts[pos : m.start()], ends[pos : m.start()])
                self._drop_url(m.group(), starts[m.start()], ends[m.end() - 1])
                pos = m.end()
        self._extend(text[pos:], starts[pos:], ends[pos:])

    def _drop_url(self, url: str, start: int, end: int) -> None:
        self.links.append(Link(len(self.chars), len(self.chars), url))
        if self.masked is not None:
            self.masked.append((start, end))
        if _PREPOSITION_BEFORE_RE.search("".join(self.chars[-20:])):
            # « accessible sur https://… et on peut » : the address is the noun the preposition governs; dropped,
            # « sur » would stand before « et » (read as the adjective « sûr »). The stand-in is masked like code's.
            self.add_mapped(CODE_STAND_IN, start, end)

    def _add_raw(self, text: str, source_start: int) -> None:
        if _COMPOSED_OR_INVISIBLE_RE.search(text):
            starts = list(range(source_start, source_start + len(text)))
            self._extend(text, starts, [start + 1 for start in starts])
            return
        self.chars.extend(text)
        self.starts.extend(range(source_start, source_start + len(text)))
        self.ends.extend(range(source_start + 1, source_start + len(text) + 1))

    def _extend(self, text: str, starts: list[int], ends: list[int]) -> None:
        if _INVISIBLE_RE.search(text):
            kept = [i for i, ch in enumerate(text) if not _INVISIBLE_RE.match(ch)]
            text, starts, ends = "".join(text[i] for i in kept), [starts[i] for i in kept], [ends[i] for i in kept]
        if _COMBINING_MARK_RE.search(text):
            text, starts, ends = _composed(text, starts, ends)
        self.chars.extend(text)
        self.starts.extend(starts)
        self.ends.extend(ends)

    def add_combining(self, mark: str, source_start: int, source_end: int) -> None:
        """A combining accent written apart (an HTML character reference): composed with the character before it,
        whose source span then reaches the reference's end, when the pair has a composed form."""
        if self.chars:
            composed = unicodedata.normalize("NFC", self.chars[-1] + mark)
            if len(composed) == 1:
                self.chars[-1] = composed
                self.ends[-1] = source_end
                return
        self.add_mapped(mark, source_start, source_end)

    def add_mapped(self, text: str, source_start: int, source_end: int) -> None:
        """Text whose source differs (entity, line break): every char spans [source_start, source_end); a joiner of
        no width (« &#xfeff; ») is left out like one read as-is."""
        for ch in _INVISIBLE_RE.sub("", text):
            self.chars.append(ch)
            self.starts.append(source_start)
            self.ends.append(source_end)

    def block(self, kind: BlockKind, end_offset: int, region: Region = "body", level: int = 0) -> Block | None:
        text = "".join(self.chars)
        if not text.strip():
            return None
        # Machine integers (4 bytes a character) rather than lists of int objects (about 36): the maps
        # were most of a document's memory. The ends are kept only when some character stands for more
        # than one source character (an entity, an escape): otherwise each end is its start plus one.
        typecode = "i" if max(end_offset, max(self.starts, default=0), max(self.ends, default=0)) < 2**31 else "q"
        offsets = array(typecode, self.starts)
        offsets.append(end_offset)
        ends = None if all(map(operator.eq, self.ends, map(operator.add, self.starts, repeat(1)))) else self.ends
        return Block(
            kind,
            text,
            offsets,
            region=region,
            level=level,
            links=self.links,
            italics=self.italics,
            ends=None if ends is None else array(typecode, ends),
        )

    def collapse_whitespace(self) -> None:
        """HTML rendering: runs of white space become one space; leading and trailing space go."""
        chars: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        remap: list[int] = []
        for ch, s, e in zip(self.chars, self.starts, self.ends, strict=True):
            remap.append(len(chars))
            if ch.isspace() and ch not in _NO_BREAK_SPACES:
                if not chars or chars[-1] == " ":
                    continue
                ch = " "
            chars.append(ch)
            starts.append(s)
            ends.append(e)
        remap.append(len(chars))
        while chars and chars[-1] == " ":
            chars.pop()
            starts.pop()
            ends.pop()
        for link in self.links:
            link.start = min(remap[link.start], len(chars))
            link.end = min(remap[link.end], len(chars))
        self.italics = [(min(remap[a], len(chars)), min(remap[b], len(chars))) for a, b in self.italics]
        self.chars, self.starts, self.ends = chars, starts, ends

    @property
    def last_offset(self) -> int:
        return self.ends[-1] if self.ends else 0


# ---------------------------------------------------------------- Markdown

_MD = MarkdownIt("commonmark", {"html": True}).use(front_matter_plugin).enable("table")
_ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_NEWLINE_RE = re.compile(r"\r\n|\r|\n")
_RESYNC_WINDOW = 200


def _parse_markdown(source: str, path: str) -> Document:
    doc = Document(source=source, path=path, format="markdown")
    tokens = _MD.parse(source)
    # markdown-it counts lines after normalising \r\n and \r to \n: count them the same way.
    md_line_starts = [0, *(m.end() for m in _NEWLINE_RE.finditer(source))]

    def line_offset(line: int) -> int:
        return md_line_starts[line] if line < len(md_line_starts) else len(source)

    kind_stack: list[tuple[BlockKind, int]] = []
    heading_path: list[tuple[int, str]] = []
    list_depth = 0
    list_depth_at_quote: list[int] = []  # per open blockquote, the list depth where it began
    cursor = 0  # inline content never goes backwards: table cells of one row share a line
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
            list_depth_at_quote.append(list_depth)
        elif tok.type == "blockquote_close":
            list_depth_at_quote.pop()
        elif tok.type == "heading_open":
            kind_stack.append(("heading", int(tok.tag[1:])))
        elif tok.type in ("th_open", "td_open"):
            kind_stack.append(("table_cell", 0))
        elif tok.type in ("heading_close", "th_close", "td_close"):
            kind_stack.pop()
        elif tok.type == "inline" and tok.map:
            start = max(line_offset(tok.map[0]), cursor)
            end = line_offset(tok.map[1])
            builder = _TextBuilder(doc.masked)
            cursor = _walk_inline(tok.children or [], source, start, end, builder, doc.masked)
            end_offset = builder.last_offset
            kind: BlockKind
            level = 0
            if kind_stack:
                kind, level = kind_stack[-1]
            elif list_depth_at_quote:
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
                # A list opened inside the blockquote: « > 1. … » (not a blockquote inside a list item).
                block.list_item_in_quote = kind == "quote" and list_depth > list_depth_at_quote[-1]
                doc.add_block(block)
    return doc


def _walk_inline(
    children: list[MdToken],
    source: str,
    start: int,
    end: int,
    builder: _TextBuilder,
    masked: list[tuple[int, int]],
) -> int:
    """Add the visible text of an inline token to `builder`; return the source offset reached."""
    cursor = start
    link_stack: list[tuple[int, str, str]] = []
    italic_starts: list[int] = []
    raw_code: tuple[int, list[str]] | None = None  # an open <code> written in the Markdown: start, text
    for child in children:
        t = child.type
        if raw_code is not None:
            if t == "html_inline":  # the only tokens whose content is literal source (text has entities decoded)
                found = source.find(child.content, cursor, end)
                cursor = found + len(child.content) if found >= 0 else cursor
                if _CODE_CLOSE_RE.fullmatch(child.content):
                    builder.add_mapped(code_stand_in("".join(raw_code[1])), raw_code[0], cursor)
                    masked.append((raw_code[0], cursor))
                    raw_code = None
            elif t in ("text", "code_inline"):
                raw_code[1].append(child.content)
            elif t in ("softbreak", "hardbreak"):
                raw_code[1].append(" ")
            continue
        if t == "html_inline" and _CODE_OPEN_RE.fullmatch(child.content):
            found = source.find(child.content, cursor, end)
            if found >= 0:
                raw_code = (found, [])
                cursor = found + len(child.content)
                continue
        if t == "text":
            if link_stack and link_stack[-1][2] == "autolink":
                found = source.find(child.content, cursor, end)
                if found >= 0:
                    masked.append((found, found + len(child.content)))
                    cursor = found + len(child.content)
                continue
            cursor = _add_located(child.content, source, cursor, end, builder)
        elif t in ("softbreak", "hardbreak"):
            m = _NEWLINE_RE.search(source, cursor, end)
            if m:
                builder.add_mapped(" ", m.start(), m.end())
                cursor = m.end()
            else:
                builder.add_mapped(" ", max(cursor - 1, 0), max(cursor, 1))
        elif t == "code_inline":
            cursor = _code_span(source, cursor, end, child.markup or "`", child.content, builder, masked)
        elif t == "image":
            cursor = _skip_image(source, cursor, end)
        elif t == "em_open":
            italic_starts.append(len(builder.chars))
        elif t == "em_close" and italic_starts:
            builder.italics.append((italic_starts.pop(), len(builder.chars)))
        elif t == "link_open":
            link_stack.append((len(builder.chars), str(child.attrs.get("href", "")), child.markup))
            opener = "<" if child.markup == "autolink" else "["
            found = source.find(opener, cursor, end)
            if found >= 0:
                cursor = found + 1
        elif t == "link_close" and link_stack:
            link_start, href, markup = link_stack.pop()
            builder.links.append(Link(link_start, len(builder.chars), href))
            if markup == "autolink":
                close = source.find(">", cursor, end)
                cursor = close + 1 if close >= 0 else cursor
            else:
                close = source.find("]", cursor, end)
                if close >= 0:
                    cursor = _skip_link_tail(source, close + 1, end)
        elif t == "html_inline":
            found = source.find(child.content, cursor, end)
            if found >= 0:
                cursor = found + len(child.content)
    if raw_code is not None:  # <code> never closed in this paragraph: what follows it is code too
        builder.add_mapped(code_stand_in("".join(raw_code[1])), raw_code[0], end)
        masked.append((raw_code[0], end))
        cursor = end
    return cursor


_CODE_OPEN_RE = re.compile(r"(?i)<code(?:\s[^>]*)?>")
_CODE_CLOSE_RE = re.compile(r"(?i)</code\s*>")


def _code_span(
    source: str, cursor: int, end: int, markup: str, content: str, builder: _TextBuilder, masked: list[tuple[int, int]]
) -> int:
    """Past an inline code span, which the prose gets as one masked word (see `code_stand_in`)."""
    fence = re.compile(rf"(?<!`){re.escape(markup)}(?!`)")
    opening = fence.search(source, cursor, end)
    if not opening:
        return cursor
    closing = fence.search(source, opening.end(), end)
    if not closing:
        return cursor
    context = ("".join(builder.chars[-40:]), source[closing.end() : min(end, closing.end() + 30)])
    builder.add_mapped(code_stand_in(content, context), opening.start(), closing.end())
    masked.append((opening.start(), closing.end()))
    return closing.end()


# An identifier such as `Dnsmasq` or `node-oidc-provider`: the prose keeps it as one word.
_CODE_WORD_RE = re.compile(r"[^\W\d_]\w*(?:-\w+)*")
_ELIDING_LETTERS = frozenset("aâàeéèêëiîïoôuûùühœæy")


def code_stand_in(content: str, around: tuple[str, str] | None = None) -> str:
    """The word that stands in the prose for inline code: the identifier as a name, a neutral name, or nothing.

    Dropping the code would take its place in the sentence with it (« `Dnsmasq` est populaire » would
    lose its subject and join the sentence before); its own characters (`a.b; c`) would cut sentences.
    The word is masked: no finding is reported on it. `around`, when known, is the block's text before it and the
    source just after it."""
    content = content.strip()
    if not any(ch.isalnum() for ch in content):
        # A symbol (`>>` used as an arrow or a bullet, `#`) is not a word of the sentence, unless it stands where a
        # noun does: the subject opening a sentence (« `$@` contient le nom de la cible », a lower-case word after
        # it) or after a determiner (« après la `{` sont »).
        return CODE_STAND_IN if around is not None and _noun_place(*around) else ""
    if (
        not _CODE_WORD_RE.fullmatch(content)
        or len(content) == 1  # `x.` would read as an initial, `min.` as an abbreviation: both glue sentences
        or content.lower() in ABBREVIATIONS
        or content[0].lower() in _ELIDING_LETTERS  # « de `option` » would ask for « d’ » before the code
    ):
        return CODE_STAND_IN
    # Capitalised, an identifier reads as the name it is: lower case, an unknown `frobnicate` at a
    # sentence's start could pass for a verb.
    return content[0].upper() + content[1:]


_NEXT_WORD_RE = re.compile(r" ([^\W\d_]+(?:['’])?)")
_NOT_A_VERB_NEXT = frozenset(
    {"le", "la", "les", "l'", "l’", "un", "une", "des", "du", "de", "d'", "d’", "ce", "cet", "cette", "ces", "mon",
     "ma", "mes", "ton", "ta", "tes", "son", "sa", "ses", "notre", "votre", "nos", "vos", "leur", "leurs", "il", "elle",
     "ils", "elles", "on", "je", "j'", "j’", "tu", "nous", "vous", "c'", "c’", "ça", "cela", "si", "et", "ou", "mais",
     "puis"}
)  # fmt: skip
_PREPOSITION_BEFORE_RE = re.compile(r"(?:^|\W)(?:sur|à|via|depuis|vers|dans|chez|par)\s+$", re.I)
_DETERMINER_BEFORE_RE = re.compile(
    r"(?:^|\W)(?:le|la|les|l['’]|un|une|des|du|ce|cet|cette|ces|chaque|son|sa|ses|leur|leurs|notre|votre|nos|vos)\s*$",
    re.I,
)


def _noun_place(before: str, after: str) -> bool:
    """Whether a word between `before` and `after` stands where a noun does: after a determiner, or opening a
    sentence with a lower-case word after it (its verb)."""
    stripped = before.rstrip()
    if _DETERMINER_BEFORE_RE.search(stripped):
        return True
    # Its verb next, not a determiner or a pronoun (« `->` les enfants mangent »: an arrow before a sentence).
    following = _NEXT_WORD_RE.match(after)
    return (
        (not stripped or stripped[-1] in ".!?")
        and following is not None
        and following.group(1).islower()
        and following.group(1).lower() not in _NOT_A_VERB_NEXT
    )


def _skip_image(source: str, cursor: int, end: int) -> int:
    """Past `![alt](src "title")`, `![alt][ref]` or `![alt]`."""
    at = source.find("![", cursor, end)
    if at < 0:
        return cursor
    depth = 0
    pos = at + 1
    while pos < end:
        ch = source[pos]
        if ch == "\\":
            pos += 2
            continue
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth == 0:
                return _skip_link_tail(source, pos + 1, end)
        pos += 1
    return cursor


def _skip_link_tail(source: str, pos: int, end: int) -> int:
    """Past the `(destination "title")` or `[ref]` that follows a link text's closing bracket."""
    if pos >= end:
        return pos
    if source[pos] == "[":
        close = source.find("]", pos, end)
        return close + 1 if close >= 0 else pos
    if source[pos] != "(":
        return pos
    depth = 0
    p = pos
    while p < end:
        ch = source[p]
        if ch == "\\":
            p += 2
            continue
        if ch == "<" and p == pos + 1:
            close = source.find(">", p, end)
            if close >= 0:
                p = close + 1
                continue
        if ch in "\"'" and depth == 1 and p > pos + 1:
            close = source.find(ch, p + 1, end)
            if close >= 0:
                p = close + 1
                continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return p + 1
        p += 1
    return pos


def _add_located(text: str, source: str, cursor: int, end: int, builder: _TextBuilder) -> int:
    """Find `text` in the source from `cursor` and add it with exact offsets."""
    found = source.find(text, cursor, end)
    if found >= 0 and ("&" not in source[cursor:found] and "\\" not in source[cursor:found]):
        builder.add(text, found)
        return found + len(text)
    # The text differs from its source (entities, backslash escapes): align it character by character.
    starts, ends, cursor = _align(text, source, cursor, end)
    builder.add_aligned(text, starts, ends)
    return cursor


def _align(text: str, source: str, pos: int, end: int) -> tuple[list[int], list[int], int]:
    starts: list[int] = []
    ends: list[int] = []
    i = 0
    n = len(text)
    while i < n:
        matched = _match_at(text, i, source, pos, end)
        if matched is None:
            # Skip source characters the parser dropped (markup), a little way only.
            limit = min(end, pos + _RESYNC_WINDOW)
            p = pos + 1
            while p < limit and _match_at(text, i, source, p, end) is None:
                p += 1
            if p < limit:
                pos = p
                continue
            at = min(pos, max(end - 1, 0))
            starts.append(at)
            ends.append(at + 1)
            i += 1
            continue
        count, s, e = matched
        starts.extend([s] * count)
        ends.extend([e] * count)
        i += count
        pos = e
    return starts, ends, pos


def _match_at(text: str, i: int, source: str, pos: int, end: int) -> tuple[int, int, int] | None:
    """(characters of text consumed, source start, source end) if text[i] is what stands at pos."""
    if pos >= end:
        return None
    ch = text[i]
    c = source[pos]
    if c == "&":
        m = _ENTITY_RE.match(source, pos, end)
        if m:
            value = html.unescape(m.group())
            if value != m.group() and text.startswith(value, i):
                return len(value), pos, m.end()
    if c == "\\" and pos + 1 < end and source[pos + 1] == ch and ch in _ASCII_PUNCT:
        return 1, pos + 1, pos + 2
    if c == ch:
        return 1, pos, pos + 1
    return None


def _read_front_matter(doc: Document, tok: MdToken, line_offset: Any) -> None:
    assert tok.map is not None
    doc.front_matter_span = (line_offset(tok.map[0]), line_offset(tok.map[1]))
    try:
        data = load_yaml(tok.content, doc.path, "front matter")
    except YamlSyntaxError as exc:
        # Not YAML: the article is still checked, its fields are not, and markup.front-matter says so at
        # the line where the parser gave up (the opening `---` is line tok.map[0]).
        last = tok.map[1] - 2  # the last line before the closing `---`
        line = min(tok.map[0] + 1 + (exc.line or 0), max(last, tok.map[0] + 1))
        start = line_offset(line)
        end = doc.source.find("\n", start, line_offset(tok.map[1]))
        end = len(doc.source) if end < 0 else end
        while end > start and doc.source[end - 1] in "\r ":
            end -= 1
        doc.front_matter_error = (start, max(end, start + 1), exc.reason)
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

# Page furniture, not the article: navigation, site header and footer, asides, forms, dialogs.
_BOILERPLATE_TAGS = {"nav", "footer", "aside", "form", "menu", "dialog", "button", "select", "textarea"}
_BOILERPLATE_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu"}
# Class or id words of cookie banners, related-article boxes, share bars, newsletters, ads.
_BOILERPLATE_ATTR_RE = re.compile(
    r"(?:^|[-_\s])(?:cookies?|consent|gdpr|rgpd|newsletter|related|lire-?aussi|read-?also|read-?more|see-?also"
    r"|voir-?aussi|share|sharing|social|breadcrumbs?|sidebar|advert|ads|pub|promo|subscribe|abonnement|paywall"
    r"|navbar|menu|comments?|commentaires)(?:$|[-_\s])",
    re.IGNORECASE,
)
# The first words of a « À lire aussi » box: the box (or the links that follow) is not the article. Such blocks
# pasted with an article are checked for typography at most, never for grammar, spelling, readability, repetition
# or claims.
_READ_ALSO_RE = re.compile(
    r"^\W*(?:[àa]\s+(?:lire|écouter)\s+(?:aussi|également)|lire\s+(?:aussi|également)|[àa]\s+voir\s+aussi|voir\s+aussi"
    r"|sur\s+le\s+même\s+sujet|dans\s+la\s+même\s+rubrique|articles?\s+(?:liés|similaires|associés|connexes)"
    r"|nos\s+articles\s+sur|(?:[àa]\s+)?découvrir\s+aussi)\b",
    re.IGNORECASE,
)
# A line of page furniture whatever its markup: copyright and legal notices.
_FURNITURE_TEXT_RE = re.compile(
    r"^\W*(?:©|\(c\)\s|copyright\b)|\btous\s+droits\s+réservés\b|^\W*mentions\s+légales\W*$", re.IGNORECASE
)
_LANDMARK_RE = re.compile(r"<(?:main|article)[\s>/]|\srole\s*=\s*[\"']?main\b", re.IGNORECASE)
_META_CONTENT_RE = re.compile(r"""\scontent\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)


class _Element:
    """An open HTML element: whether it is page furniture, whether it holds the main content."""

    __slots__ = ("boilerplate", "main", "page_header", "tag")

    def __init__(self, tag: str, boilerplate: bool, main: bool, page_header: bool) -> None:
        self.tag = tag
        self.boilerplate = boilerplate
        self.main = main
        self.page_header = page_header


def _is_boilerplate(tag: str, attrs: dict[str, str | None]) -> bool:
    if tag in _BOILERPLATE_TAGS:
        return True
    role = (attrs.get("role") or "").lower()
    if role in _BOILERPLATE_ROLES:
        return True
    if tag in ("main", "article", "body", "html"):
        return False
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".strip()
    return bool(names) and _BOILERPLATE_ATTR_RE.search(names) is not None


class _HtmlReader(HTMLParser):
    def __init__(self, doc: Document, landmark: bool = False) -> None:
        super().__init__(convert_charrefs=False)
        self.doc = doc
        # HTMLParser.getpos() counts lines at "\n" only (a lone "\r" does not end one): map its positions the same way.
        self.line_starts = [0, *(m.end() for m in re.finditer("\n", doc.source))]
        self.stack: list[_Element] = []
        self.boilerplate_depth = 0  # open elements that are page furniture
        self.main_depth = 0  # open <main>, <article> or role="main" elements
        # Open <header> elements outside the main content: a page's header is furniture, except its <h1>
        # (the headline of a page without <main>); an article's own header is prose.
        self.page_header_depth = 0
        self.landmark = landmark  # the page has a main landmark: only its content is prose
        self.builder: _TextBuilder | None = None
        self.block_tag: str | None = None
        self.block_parent: _Element | None = None  # the element holding the block being built
        self.skip = 0
        self.inline_code: tuple[int, list[str]] | None = None  # start and text of an open <code> in a block
        self.in_jsonld = False
        self.jsonld_start = 0
        self.link_start: tuple[int, str] | None = None
        self.italic_starts: list[int] = []  # where each open <em> / <i> of the current block starts
        self.heading_path: list[tuple[int, str]] = []
        # After a « À lire aussi » marker written straight in the article: its links are skipped, up to the
        # next heading of the same or a higher level (heading marker) or the next prose paragraph.
        self.read_also_level: int | None = None

    def _source_offset(self) -> int:
        """Source offset of the construct being handled (`offset` is taken by HTMLParser)."""
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _in(self, tag: str) -> bool:
        return any(e.tag == tag for e in self.stack)

    def _excluded(self) -> bool:
        """Whether text here is page furniture rather than the article (the <title> always counts)."""
        if self.block_tag == "title":
            return False
        if self.page_header_depth and self.block_tag != "h1":
            return True
        return self.boilerplate_depth > 0 or (self.landmark and self.main_depth == 0)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            if tag == "br" and self.builder is not None and not self.skip:
                at = self._source_offset()
                self.builder.add_mapped(" ", at, at + len(self.get_starttag_text() or "<br>"))
            elif tag == "meta" and self._in("head"):
                self._meta_description(attrs)
            return
        attributes = dict(attrs)
        is_main = tag in ("main", "article") or (attributes.get("role") or "").lower() == "main"
        page_header = tag == "header" and self.main_depth == 0
        element = _Element(tag, _is_boilerplate(tag, attributes), is_main, page_header)
        self.stack.append(element)
        self.boilerplate_depth += element.boilerplate
        self.main_depth += element.main
        self.page_header_depth += element.page_header
        if tag == "script" and attributes.get("type", "") == "application/ld+json":
            self.in_jsonld = True
            self.jsonld_start = self._source_offset() + len(self.get_starttag_text() or "")
        if tag == "code" and not self.skip and self.builder is not None and not self._excluded():
            self.inline_code = (self._source_offset(), [])
        if tag in _HTML_SKIP and tag != "head":
            self.skip += 1
            return
        if tag in _HTML_BLOCKS or (tag == "div" and self.builder is None):
            self._flush()
            self.builder = _TextBuilder(self.doc.masked)
            self.block_tag = tag
            self.block_parent = self.stack[-2] if len(self.stack) > 1 else None
        if tag == "a" and self.builder is not None:
            self.link_start = (len(self.builder.chars), attributes.get("href") or "")
        if tag in ("em", "i") and self.builder is not None:
            self.italic_starts.append(len(self.builder.chars))

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if self._in(tag):
            while self.stack:
                element = self.stack.pop()
                self._forget(element)  # every element this end tag closes, skipped ones included
                if element.tag == "code" and self.inline_code is not None and not self.skip:
                    self._end_inline_code(closed=element.tag == tag)
                if element.tag == tag:
                    break
        if tag == "script" and self.in_jsonld:
            self.in_jsonld = False
        if tag in _HTML_SKIP and tag != "head":
            return
        if tag == "a" and self.builder is not None and self.link_start:
            self.builder.links.append(Link(self.link_start[0], len(self.builder.chars), self.link_start[1]))
            self.link_start = None
        if tag in ("em", "i") and self.builder is not None and self.italic_starts:
            self.builder.italics.append((self.italic_starts.pop(), len(self.builder.chars)))
        if tag == self.block_tag:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self.in_jsonld:
            self.doc.jsonld_span = (self._source_offset(), self._source_offset() + len(data))
            _read_jsonld(self.doc, data, self._source_offset())
            return
        if self.inline_code is not None:
            self.inline_code[1].append(data)
        if self.skip or (self._in("head") and self.block_tag != "title") or self._excluded():
            return
        if self.builder is None:
            if not data.strip():
                return
            self.builder = _TextBuilder(self.doc.masked)
            self.block_tag = None
            self.block_parent = self.stack[-1] if self.stack else None
        self.builder.add(data, self._source_offset())

    def _forget(self, element: _Element) -> None:
        """Undo what opening `element` counted (furniture, main content, page header, skipped text)."""
        self.boilerplate_depth -= element.boilerplate
        self.main_depth -= element.main
        self.page_header_depth -= element.page_header
        if element.tag in _HTML_SKIP and element.tag != "head":
            self.skip = max(0, self.skip - 1)

    def _close_open(self, tag: str) -> None:
        """Forget the innermost open `tag` and the skipped elements opened inside it, as its end tag would;
        the other elements inside it stay open."""
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k].tag == tag:
                inside = self.stack[k + 1 :]
                for element in [self.stack[k], *(e for e in inside if e.tag in _HTML_SKIP)]:
                    self._forget(element)
                self.stack = self.stack[:k] + [e for e in inside if e.tag not in _HTML_SKIP]
                return

    def _end_inline_code(self, closed: bool = True) -> None:
        """`<code>…</code>` within a block: one masked word in the prose, as for Markdown code spans. Not
        `closed`: its block ends first, and so does the code, up to the tag being read."""
        assert self.inline_code is not None
        start, pieces = self.inline_code
        self.inline_code = None
        end = self._source_offset()
        if closed:
            close = self.doc.source.find(">", end)
            end = close + 1 if close >= 0 else end
        if self.builder is not None:
            self.builder.add_mapped(code_stand_in("".join(pieces)), start, end)
            self.doc.masked.append((start, end))

    def handle_entityref(self, name: str) -> None:
        self._char_ref(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._char_ref(f"&#{name};")

    def _char_ref(self, ref: str) -> None:
        if self.inline_code is not None:
            self.inline_code[1].append(html.unescape(ref))
        if self.skip or self.in_jsonld or self.builder is None or self._excluded():
            return
        start = self._source_offset()
        text = html.unescape(ref)
        if len(text) == 1 and unicodedata.combining(text):
            self.builder.add_combining(text, start, start + len(ref))  # « e&#769; » : « é »
        else:
            self.builder.add_mapped(text, start, start + len(ref))

    def _meta_description(self, attrs: list[tuple[str, str | None]]) -> None:
        """<meta name="description" content="…">: a description block over the attribute's source text."""
        attributes = dict(attrs)
        if (attributes.get("name") or "").lower() != "description" or not attributes.get("content"):
            return
        tag_text = self.get_starttag_text() or ""
        m = _META_CONTENT_RE.search(tag_text)
        if m is None:
            return
        group = next(g for g in (1, 2, 3) if m.group(g) is not None)
        start = self._source_offset() + m.start(group)
        raw = m.group(group)
        value = html.unescape(raw)
        builder = _TextBuilder(self.doc.masked)
        starts, ends, _ = _align(value, self.doc.source, start, start + len(raw))
        builder.add_aligned(value, starts, ends)
        builder.collapse_whitespace()
        block = builder.block("description", builder.last_offset)
        if block is not None:
            self.doc.add_block(block)

    def _flush(self) -> None:
        if self.inline_code is not None:  # a <code> left open by its block ends with it
            self._end_inline_code(closed=False)
            self._close_open("code")
        self.link_start = None
        self.italic_starts = []
        if self.builder is None:
            return
        tag = self.block_tag or "p"
        kind: BlockKind = _HTML_BLOCKS.get(tag, "paragraph")  # type: ignore[assignment]
        level = int(tag[1]) if kind == "heading" else 0
        # HTML white space is insignificant: runs become one space; no-break spaces are kept as they are.
        self.builder.collapse_whitespace()
        text_end = self.builder.last_offset
        block = self.builder.block(kind, text_end, level=level)
        if block is not None:
            block.caption = tag in ("figcaption", "caption")
        parent = self.block_parent
        self.builder = None
        self.block_tag = None
        self.block_parent = None
        if block is None or not self._keep_after_read_also(block, parent):
            return
        if kind == "heading":
            while self.heading_path and self.heading_path[-1][0] >= level:
                self.heading_path.pop()
            self.heading_path.append((level, block.text.strip()))
        block.heading_path = tuple(t for _, t in self.heading_path)
        self.doc.add_block(block)

    def _keep_after_read_also(self, block: Block, parent: _Element | None = None) -> bool:
        """False for a « À lire aussi » marker and the links it introduces, and for a copyright line."""
        if block.kind == "title":
            return True
        if _FURNITURE_TEXT_RE.search(block.text):
            return False
        if _READ_ALSO_RE.match(block.text):
            box = parent
            if box is not None and not box.main and box.tag not in ("body", "html") and box in self.stack:
                if not box.boilerplate:  # the rest of the box is furniture too
                    box.boilerplate = True
                    self.boilerplate_depth += 1
            else:
                self.read_also_level = block.level if block.kind == "heading" else 7
            return False
        if self.read_also_level is not None:
            if block.kind == "heading" and block.level <= self.read_also_level:
                self.read_also_level = None
                return True
            linked = sum(link.end - link.start for link in block.links)
            if block.kind == "list_item" or linked >= 0.6 * len(block.text.strip()):
                return False
            if self.read_also_level == 7:
                self.read_also_level = None
        return True

    def close(self) -> None:
        super().close()
        self._flush()


_JSON_STRING_RE = re.compile(r'"(?:[^"\\]|\\.)*"')


def _read_jsonld(doc: Document, data: str, start: int) -> None:
    """Questions and answers of a schema.org FAQPage (also inside @graph, or with several @type).

    JSON that cannot be read (a syntax error, or nested too deeply to decode) is recorded in
    `doc.jsonld_errors` and the rest of the page is checked. Where each question and answer stands
    in the source comes from one scan of the script's string literals, so a page with many
    questions costs time in proportion to its size."""
    try:
        payload = json.loads(data)
    except json.JSONDecodeError as exc:
        reason = json_reason(exc, position=False)
        doc.jsonld_errors.append((start, start + len(data), f"JSON invalide ({reason})"))
        return
    except ValueError:  # e.g. an integer beyond Python's digit limit
        doc.jsonld_errors.append((start, start + len(data), "JSON invalide (valeur illisible)"))
        return
    except RecursionError:
        doc.jsonld_errors.append((start, start + len(data), "JSON imbriqué trop profondément pour être lu"))
        return
    literals: dict[str, list[tuple[int, int]]] = {}  # decoded string -> source spans of its content, in order
    for m in _JSON_STRING_RE.finditer(data):
        try:
            value = json.loads(m.group())
        except ValueError:
            continue
        literals.setdefault(value, []).append((start + m.start() + 1, start + m.end() - 1))
    taken: dict[str, int] = {}

    def span_of(value: object) -> tuple[int, int] | None:
        if not isinstance(value, str) or value not in literals:
            return None
        spans = literals[value]
        i = taken.get(value, 0)
        taken[value] = i + 1
        return spans[min(i, len(spans) - 1)]

    items = payload if isinstance(payload, list) else [payload]
    for item in items:  # grows while it runs: nested @graph items are read too
        if isinstance(item, dict) and isinstance(item.get("@graph"), list):
            items.extend(item["@graph"])
    for item in items:
        if not isinstance(item, dict):
            continue
        types = item.get("@type")
        if not (types == "FAQPage" or (isinstance(types, list) and "FAQPage" in types)):
            continue
        entities = item.get("mainEntity") or []
        for q in entities if isinstance(entities, list) else [entities]:
            if not isinstance(q, dict):
                continue
            answer = q.get("acceptedAnswer") or {}
            if isinstance(answer, list):
                answer = answer[0] if answer else {}
            text = answer.get("text", "") if isinstance(answer, dict) else ""
            name = q.get("name", "")
            doc.jsonld_faq.append((_html_to_text(str(name)), _html_to_text(str(text))))
            doc.jsonld_faq_spans.append((span_of(name), span_of(text)))


def _html_to_text(fragment: str) -> str:
    text = html.unescape(_TAG_RE.sub(" ", fragment))
    return _HTML_SPACES_RE.sub(" ", text).strip()  # no-break spaces stay


# "<![" opening something other than a CDATA or conditional section: Python 3.11's HTMLParser raises
# AssertionError on it (fixed in later versions).
_BAD_MARKED_SECTION_RE = re.compile(
    r"<(?=!\[(?!(?:cdata|temp|ignore|include|rcdata|if|else|endif)(?![-_.a-zA-Z0-9])))", re.IGNORECASE
)


def _parse_html(source: str, path: str) -> Document:
    doc = Document(source=source, path=path, format="html")
    landmark = _LANDMARK_RE.search(source) is not None
    reader = _HtmlReader(doc, landmark)
    # Same length, same offsets: only the "<" of a malformed "<![" becomes a space.
    reader.feed(_BAD_MARKED_SECTION_RE.sub(" ", source) if "<![" in source else source)
    reader.close()
    if not landmark and _PAGE_RE.match(source):
        _keep_main_text(doc)
    return doc


_PAGE_RE = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)


def _keep_main_text(doc: Document) -> None:
    """A whole page without <main> or <article>: the prose is the region that trafilatura finds as its
    main text, from the first to the last block it keeps (headings, lists, quotes, tables and FAQ inside
    that region stay even when the extractor leaves them out); outside it, only blocks it keeps stay.
    The title, the description and the <h1> always stay. When it finds nothing, every block stays."""
    from checker.trafilatura_import import import_trafilatura  # only for pages without a main landmark

    trafilatura = import_trafilatura()  # its import takes a while: the URL and date libraries deferred
    extracted = trafilatura.extract(
        doc.source, include_comments=False, include_tables=True, deduplicate=False, favor_recall=True
    )
    if not extracted:
        return
    main_text = _squeeze(extracted)
    main_words = set(_WORD_RE.findall(extracted.lower().replace("’", "'")))

    def in_main_text(block: Block) -> bool:
        # Verbatim, or nearly (the extractor keeps inline code that the document model leaves out).
        if _squeeze(block.text) in main_text:
            return True
        words = _WORD_RE.findall(block.text.lower().replace("’", "'"))
        return bool(words) and sum(w in main_words for w in words) >= 0.8 * len(words)

    always = [b.kind in ("title", "description") or (b.kind == "heading" and b.level == 1) for b in doc.blocks]
    found = [not keep and in_main_text(b) for b, keep in zip(doc.blocks, always, strict=True)]
    if not any(found):
        return
    first = found.index(True)
    last = len(found) - 1 - found[::-1].index(True)
    kept = [b for i, b in enumerate(doc.blocks) if always[i] or found[i] or first <= i <= last]
    if len(kept) == len(doc.blocks):
        return
    for i, block in enumerate(kept):
        block.index = i
    doc.blocks = kept


_WORD_RE = re.compile(r"\w+")


def _squeeze(text: str) -> str:
    """Text without any white space (extractors re-flow lines and spaces) and with straight apostrophes."""
    return _WHITESPACE_RE.sub("", text).replace("’", "'")


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


_BOLD_OPEN_RE = re.compile(r"(?:\*\*|__|<(?:strong|b)(?:\s[^>]*)?>)\s*$", re.IGNORECASE)
_BOLD_CLOSE_RE = re.compile(r"\s*(?:\*\*|__|</(?:strong|b)\s*>)", re.IGNORECASE)


# How far before a block its opening mark is looked for (a tag with its classes and styles), not the whole line:
# a minified HTML page is one line, and rescanning it for each paragraph took seconds.
_MARK_LOOK_BACK = 400


def _is_bold_line(doc: Document, block: Block) -> bool:
    """Whether the whole block is set in bold (`**Question ?**`, `<p><strong>Question ?</strong></p>`)."""
    return _wrapped_in(doc, block, _BOLD_OPEN_RE, _BOLD_CLOSE_RE)


def _wrapped_in(doc: Document, block: Block, opening: re.Pattern[str], closing: re.Pattern[str]) -> bool:
    """Whether the block's line opens with a mark `opening` finds just before it and `closing` matches after it."""
    src = doc.source
    line_start = max(src.rfind("\n", 0, block.start) + 1, block.start - _MARK_LOOK_BACK)
    return bool(opening.search(src, line_start, block.start) and closing.match(src, block.end))


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
    # Keep blocks in source order: the front matter comes first.
    doc.blocks.sort(key=lambda b: b.start)
    for i, block in enumerate(doc.blocks):
        block.index = i


def _front_matter_fields(doc: Document, fields: tuple[str, ...]) -> None:
    """Front matter fields that readers see (title, description…) as prose blocks at their exact place."""
    if doc.front_matter_span is None or not fields:
        return
    fm_start, fm_end = doc.front_matter_span
    added = False
    for name in fields:
        value = doc.front_matter.get(name)
        if not isinstance(value, str) or not value.strip():
            continue
        key = _front_matter_key_re(name).search(doc.source, fm_start, fm_end)
        if key is None:
            continue
        kind: BlockKind = "title" if name == "title" else "description"
        if _front_matter_block(doc, value, key.end(), fm_end, kind) is not None:
            added = True
    if added:
        doc.blocks.sort(key=lambda b: b.start)
        for i, block in enumerate(doc.blocks):
            block.index = i


@lru_cache(maxsize=64)
def _front_matter_key_re(name: str) -> re.Pattern[str]:
    return re.compile(rf"^[ \t]*[\"']?{re.escape(name)}[\"']?[ \t]*:", re.MULTILINE)


def front_matter_block(doc: Document, text: str, start: int, end: int) -> Block | None:
    """A block for a front matter value (e.g. `description`), mapped to where it is written, not added
    to the document."""
    return _front_matter_block(doc, text, start, end, register=False)


def _front_matter_block(
    doc: Document, text: str, start: int, end: int, kind: BlockKind = "paragraph", register: bool = True
) -> Block | None:
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
        for m in _NON_SPACE_RE.finditer(text):
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
                builder.add_aligned(word, offsets, [o + 1 for o in offsets])
            pos = offsets[-1] + 1
    block = builder.block(kind, builder.last_offset)
    if block is not None and register:
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
