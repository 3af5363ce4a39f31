"""The one document model every check reads.

A `Document` holds the original source text and a list of `Block`s (headings,
paragraphs, list items, quotes, FAQ questions and answers). Each block keeps its
*visible* text (markup, URLs, code and images removed) together with the source
offset of every visible character, so a span found in the visible text always
maps back to an exact span — and to a 1-based line:column — of the file.

Sentences and tokens are derived from the blocks once, lazily, and shared by all
checks: no check parses the file again.
"""

from __future__ import annotations

import bisect
import re
import sys
import unicodedata
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any, Literal

# Compiled once: Grammalecte's own patterns keep re's cache of 512 full, so re.match(pattern_string, …)
# would compile these again for every document.
_LAST_WORD_RE = re.compile(r"([\w.-]+)$")

# "title" and "description": what readers and search engines see first (front matter fields, <title>,
# <meta name="description">); checked as prose, not counted in readability or repetition.
BlockKind = Literal["title", "description", "heading", "paragraph", "list_item", "quote", "table_cell"]
Region = Literal["body", "faq_question", "faq_answer", "front_matter"]
AsideKind = Literal["tweet", "read-also", "caption", "byline", "reference"]

LINE_BREAK_RE = re.compile(r"\r\n?|\n")

# The word that stands in a block's text for inline code that is not an identifier (`checker.parse.code_stand_in`):
# a neutral name, masked from the findings.
CODE_STAND_IN = "Xyz"
# Bare URLs and e-mail addresses are never prose: they are dropped from visible text.
URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]«»\"]+[^\s<>()\[\]«»\".,;:!?]|[\w.+-]+@[\w-]+\.[\w.-]+\w")

FAQ_HEADING_RE = re.compile(
    r"^\s*(?:faq|f\.a\.q\.?|questions?\s+(?:fréquentes|fréquemment\s+posées|courantes)|foire\s+aux\s+questions)\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Link:
    start: int  # visible offsets within the block
    end: int
    url: str


@dataclass(slots=True)
class Token:
    text: str
    start: int  # visible offsets within the block
    kind: Literal["word", "number", "punct"]

    @property
    def end(self) -> int:
        # Not stored: a document has a token per word and punctuation mark, and its end is its start plus
        # its length (a slot and, past offset 256, an int object of its own: a third of a token's memory).
        return self.start + len(self.text)

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def lexical(self) -> str:
        """The word without an elided prefix (checker.checks.readability.Word): a token is all lexical."""
        return self.text

    @property
    def is_word(self) -> bool:
        return self.kind == "word"


# Slots (a document has many blocks and sentences): each computed list is kept in a slot of its own
# instead of a per-instance dictionary.
@dataclass(eq=False, slots=True, weakref_slot=True)
class Block:
    """A run of prose with its map back to the source."""

    kind: BlockKind
    text: str
    offsets: Sequence[int]  # source offset of each visible character, plus one past the end
    region: Region = "body"
    level: int = 0  # heading level, list depth
    links: list[Link] = field(default_factory=list)
    # Visible spans set in italics (Markdown « *…* », « _…_ », HTML <em>, <i>), start and end: where French
    # typography sets the foreign words a writer quotes (« les *race conditions* »).
    italics: list[tuple[int, int]] = field(default_factory=list)
    heading_path: tuple[str, ...] = ()
    index: int = 0
    doc: Document | None = field(default=None, repr=False)
    # Source offset just past each visible character (an entity such as &eacute; spans several
    # source characters); None means every visible character stands for one source character.
    ends: Sequence[int] | None = field(default=None, repr=False)
    # Not the writer's prose (checker.parse.mark_asides): "tweet" (an embedded post), "read-also" (« À lire
    # aussi » links), "caption" (photo caption or credit), "byline", "reference" (a list item citing an article:
    # « [Title](url), source, date »). None for prose.
    aside: AsideKind | None = None
    # An interview's answer (checker.parse.mark_interview_answers): the interviewee's words, as if quoted (what
    # quotations are not checked for, lint._LEFT_IN_QUOTATIONS, is not reported there).
    speech: bool = False
    # An HTML <figcaption> or <caption> (read as a paragraph): a legend, often a noun phrase without a verb.
    caption: bool = False
    # A list item quoted in a blockquote (« > 1. … »): its kind stays "quote" (the families read its words as
    # quoted), and it is still an item that may finish a lead-in (checker.checks.grammar).
    list_item_in_quote: bool = False
    _sentences: list[Sentence] | None = field(default=None, init=False, repr=False)
    _tokens: list[Token] | None = field(default=None, init=False, repr=False)
    _token_starts: array[int] | None = field(default=None, init=False, repr=False)

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets for the visible span [start, end)."""
        start = max(0, min(start, len(self.text)))
        end = max(start, min(end, len(self.text)))
        if end == start:
            at = self.offsets[start]
            return at, at
        stop = self.ends[end - 1] if self.ends is not None else self.offsets[end - 1] + 1
        return self.offsets[start], stop

    @property
    def start(self) -> int:
        return self.offsets[0]

    @property
    def end(self) -> int:
        return self.offsets[-1]

    @property
    def sentences(self) -> list[Sentence]:
        if self._sentences is None:
            self._sentences = [Sentence(self, s, e) for s, e in split_sentences(self.text)]
        return self._sentences

    @property
    def tokens(self) -> list[Token]:
        if self._tokens is None:
            self._tokens = tokenize(self.text)
        return self._tokens

    @property
    def token_starts(self) -> array[int]:
        if self._token_starts is None:
            self._token_starts = array("i" if len(self.text) < 2**31 else "q", [t.start for t in self.tokens])
        return self._token_starts

    def has_link_between(self, start: int, end: int) -> bool:
        return any(link.start < end and link.end > start for link in self.links)


@dataclass(eq=False, slots=True, weakref_slot=True)
class Sentence:
    block: Block
    start: int  # visible offsets within the block
    end: int
    _tokens: list[Token] | None = field(default=None, init=False, repr=False)

    @property
    def text(self) -> str:
        return self.block.text[self.start : self.end]

    @property
    def tokens(self) -> list[Token]:
        if self._tokens is None:
            # Only the block's tokens that start within this sentence (two bisects): linear over a block
            # of many sentences.
            starts = self.block.token_starts
            start, end = self.start, self.end
            inside = self.block.tokens[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
            if start == 0:  # same offsets: the block's tokens themselves (never modified), not copies
                self._tokens = [t for t in inside if t.end <= end]
            else:
                self._tokens = [Token(t.text, t.start - start, t.kind) for t in inside if t.end <= end]
        return self._tokens

    @property
    def words(self) -> list[Token]:
        return [t for t in self.tokens if t.kind == "word"]

    def source_span(self, start: int = 0, end: int | None = None) -> tuple[int, int]:
        """Source offsets of [start, end) given relative to the sentence."""
        if end is None:
            end = self.end - self.start
        return self.block.source_span(self.start + start, self.start + end)

    @property
    def has_link(self) -> bool:
        return self.block.has_link_between(self.start, self.end)


@dataclass
class FaqItem:
    question: Block | None
    answers: list[Block]
    source: Literal["markdown", "front_matter", "html", "jsonld"] = "markdown"


@dataclass
class Document:
    source: str
    path: str = "<text>"
    format: Literal["markdown", "html", "text"] = "text"
    blocks: list[Block] = field(default_factory=list)
    front_matter: dict[str, Any] = field(default_factory=dict)
    front_matter_span: tuple[int, int] | None = None
    # A front matter that is not YAML: (start, end, reason) of the line where the parser gave up.
    front_matter_error: tuple[int, int, str] | None = None
    faq: list[FaqItem] = field(default_factory=list)
    jsonld_faq: list[tuple[str, str]] = field(default_factory=list)  # (question, answer) from schema.org FAQPage
    # Source spans of each JSON-LD question and answer string (None when not a plain string).
    jsonld_faq_spans: list[tuple[tuple[int, int] | None, tuple[int, int] | None]] = field(default_factory=list)
    jsonld_span: tuple[int, int] | None = None
    jsonld_errors: list[tuple[int, int, str]] = field(default_factory=list)  # JSON-LD that could not be read
    masked: list[tuple[int, int]] = field(default_factory=list)  # source spans never checked (code, markup)
    # Template markup and configured ignore patterns: removed from the visible text before any check runs.
    ignored: list[tuple[int, int]] = field(default_factory=list)

    @cached_property
    def line_starts(self) -> list[int]:
        """Offset where each line starts. A line ends at \\n, \\r\\n or a lone \\r (old Mac files, and what
        editors and the Language Server Protocol count), so positions match what the writer sees."""
        starts = [0]
        for m in LINE_BREAK_RE.finditer(self.source):
            starts.append(m.end())
        return starts

    @cached_property
    def memo(self) -> dict[Any, Any]:
        """Values a check derives from the whole document, computed once per document (keyed by the check)."""
        return {}

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of a source offset."""
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    def line_text(self, line: int) -> str:
        start = self.line_starts[line - 1]
        end = self.line_starts[line] - 1 if line < len(self.line_starts) else len(self.source)
        return self.source[start:end].rstrip("\r")

    def sentences(self, region: Region | None = None) -> Iterator[Sentence]:
        for block in self.blocks:
            if region is None or block.region == region:
                yield from block.sentences

    @property
    def body_blocks(self) -> list[Block]:
        return [b for b in self.blocks if b.region == "body"]

    @property
    def faq_answer_blocks(self) -> list[Block]:
        return [b for b in self.blocks if b.region == "faq_answer"]

    def is_front_matter_field(self, block: Block) -> bool:
        """A title or description read from the front matter: prose for the local checks, but written
        by the publishing tool as much as by the author, so left out of whole-document statistics
        (apostrophe majority, repetitions)."""
        span = self.front_matter_span
        return block.kind in ("title", "description") and span is not None and span[0] <= block.start < span[1]

    def add_block(self, block: Block) -> Block:
        block.index = len(self.blocks)
        block.doc = self
        self.blocks.append(block)
        return block


# ---------------------------------------------------------------- sentences

# Every determiner a noun may follow (« ces custom hooks », « une `string` »), for the grammar checks.
DETERMINER_WORDS = frozenset(
    {"le", "la", "les", "un", "une", "des", "du", "ce", "cet", "cette", "ces", "mon", "ma", "mes", "ton", "ta", "tes",
     "son", "sa", "ses", "notre", "votre", "nos", "vos", "leur", "leurs", "quel", "quelle", "quels", "quelles"}
)  # fmt: skip

# Abbreviations whose final period does not end a sentence (lower-cased, without the period).
ABBREVIATIONS = frozenset(
    [
        "m",
        "mm",
        "mme",
        "mmes",
        "mlle",
        "mlles",
        "dr",
        "drs",
        "pr",
        "me",
        "mgr",
        "st",
        "ste",
        "cf",
        "etc",
        "ex",
        "p",
        "pp",
        "art",
        "al",
        "av",
        "bd",
        "apr",
        "j.-c",
        "vol",
        "n",
        "no",
        "nos",
        "chap",
        "éd",
        "fig",
        "min",
        "max",
        "env",
        "approx",
        "tél",
        "vs",
        "c.-à-d",
        "ibid",
        "op",
        "cit",
        "sq",
        "sqq",
        "gén",
        "col",
        "lt",
        "cdt",
        "adj",
        "jan",
        "janv",
        "fév",
        "févr",
        "avr",
        "juil",
        "sept",
        "oct",
        "nov",
        "déc",
    ]
)
# End punctuation, then closing quotes or brackets (French puts a space before »).
_SENT_END_RE = re.compile(r"[.!?…]+(?:[ \u00a0\u202f]*[»”\"’)\]])*(?=\s+|$)")
_NEXT_START_RE = re.compile(r"\s+(?=[«\"“(\[]?\s*[A-ZÀ-ÖØ-Þ0-9ŒÆ«\"“—–-])")
# After a capital letter and a full stop (« J. Durand »), a word that cannot start a name: the letter
# ended a sentence (« du code C. C'est… », « la vitamine D. Elle… »). Not Le, La, Du, De: « J.-M. Le Pen ».
_INITIALS_RE = re.compile(r"(?:[A-ZÀ-ÖØ-Þ]\.-?)*[A-ZÀ-ÖØ-Þ]")  # « J », « J.-M », « J.R »
_NOT_A_NAME_RE = re.compile(
    r"(?:C|J|Qu)['’]|[DLMNST]['’](?=[a-zà-öø-ÿ])"  # « C’est », « D’autres »; not « N’Diaye », « L’Oréal »
    r"|(?:Il|Ils|Elle|Elles|On|Nous|Vous|Je|Ce|Cela|Ceci|Cette|Ces|Cet|Mais|Et|Or|Donc|Puis|Enfin|Alors"
    r"|Pourtant|Ainsi|Si|Un|Une|Dans|Depuis|Pour|Avec|Selon|Après|Avant|Les|En|Sur|Cependant|Toutefois|Quant"
    r"|Aujourd['’]hui)\b"
)


# A direct quotation: French guillemets, English curly quotes, or straight double quotes, unnested.
_QUOTATION_RE = re.compile(r"«[^«»]*»|“[^“”]*”|\"[^\"\n]*\"")


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """Offsets [start, end) of the direct quotations of a block's text, quotation marks included.
    An unclosed « runs to the end of the text (a quotation going on over several paragraphs)."""
    spans = [(m.start(), m.end()) for m in _QUOTATION_RE.finditer(text)]
    last_open, last_close = text.rfind("«"), text.rfind("»")
    if last_open > last_close and not any(start <= last_open < end for start, end in spans):
        spans.append((last_open, len(text)))
    return spans


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split a block's visible text into sentence spans.

    A small rule-based splitter rather than pysbd: the same decisions for French
    news prose (abbreviations, initials, decimal numbers, ellipses, closing
    quotes) at a fraction of the cost, which matters for the speed budget.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for m in _SENT_END_RE.finditer(text):
        end = m.end()
        if end >= n:
            break
        following = _NEXT_START_RE.match(text, end)
        if not following:
            continue
        if m.group().startswith(".") and len(m.group().rstrip('»”"’)] \u00a0\u202f')) == 1:
            word = _LAST_WORD_RE.search(text[start : m.start()])
            prev = word.group(1) if word else ""
            # "M. Dupont", "J. Durand", "p. 12": not an end ("10 h. Il" is). « etc. » closes its sentence
            # when a capitalised word follows (« …, etc. Ensuite, nous… »).
            ends_with_etc = prev.lower() == "etc" and text[following.end() : following.end() + 1].isupper()
            initial = _INITIALS_RE.fullmatch(prev) is not None and not _NOT_A_NAME_RE.match(text, following.end())
            if (prev.lower() in ABBREVIATIONS and not ends_with_etc) or initial:
                continue
        spans.append(_trim(text, start, end))
        start = following.end()
    if start < n:
        spans.append(_trim(text, start, n))
    return [s for s in spans if s[1] > s[0]]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# ---------------------------------------------------------------- tokens

_ELISION = r"(?:qu|jusqu|lorsqu|puisqu|quoiqu|presqu|[cdjlmnst])['’](?=[^\W\d_])"
_NUMBER = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)*"
_WORD = r"[^\W\d_]\w*(?:[-'’]\w+)*"  # a letter, then word characters, single hyphens or apostrophes between them
_TOKEN_RE = re.compile(rf"(?P<elision>(?i:{_ELISION}))|(?P<number>{_NUMBER})|(?P<word>{_WORD})|(?P<punct>[^\w\s])")
# Words with an inner apostrophe that are not elisions.
_APOSTROPHE_WORDS = re.compile(r"(?i)aujourd['’]hui|prud['’]hom\w*|presqu['’]île\w*|entr['’]\w+")


def tokenize(text: str) -> list[Token]:
    # Token texts are interned: « de », « la », « les »… are one string each, not one a token (a fifth of the
    # tokens' memory).
    tokens: list[Token] = []
    append = tokens.append
    intern = sys.intern
    pos: int | None = 0
    while pos is not None:
        # One finditer scan; after a whole apostrophe word (rare) a new scan resumes at its end.
        resume: int | None = None
        for m in _TOKEN_RE.finditer(text, pos):
            at = m.start()
            if text[at] in "aApPeE" and (at == 0 or not text[at - 1].isalnum()):
                whole = _APOSTROPHE_WORDS.match(text, at)
                if whole:
                    append(Token(intern(whole.group()), at, "word"))
                    resume = whole.end()
                    break
            kind = m.lastgroup or "punct"
            if kind == "elision":
                kind = "word"
            append(Token(intern(m.group()), at, kind))  # type: ignore[arg-type]
        pos = resume
    return tokens


@lru_cache(maxsize=100_000)
def fold(text: str) -> str:
    """Lower case without accents, both apostrophes alike (« L’État » → « l'etat »)."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """Lemma of a French word form (simplemma), lower-cased."""
    w = word.lower().replace("’", "'")
    if w.endswith("'"):
        return ELISION_LEMMAS.get(w, w)
    return str(_lemmatize(w)).lower()


@lru_cache(maxsize=1)
def _french_lemmatizer() -> Any:
    """`simplemma.lemmatize(w, lang="fr")` as a bound method, with the French dictionary read from
    the data cache (`checker.datacache`) instead of decoded again in every new process."""
    from checker.lazy_simplemma import import_simplemma

    simplemma = import_simplemma()

    try:
        from simplemma.strategies import DefaultStrategy
        from simplemma.strategies.dictionaries.dictionary_factory import (
            CachingDictionaryFactory,
            MappingStrToByteString,
            _load_dictionary_from_disk,
        )
    except ImportError:  # another simplemma layout: its own loading, only slower
        return lambda w: simplemma.lemmatize(w, lang="fr")

    from simplemma.strategies.dictionaries.dictionary_factory import DecodedStrMapping

    from checker import datacache

    version = getattr(simplemma, "__version__", "unknown")

    class TableMapping(DecodedStrMapping):
        """simplemma's French {form: lemma} as a sorted table memory-mapped from the data cache."""

        __slots__ = ("_table",)

        def __init__(self, table: datacache.SortedTable[bytes]) -> None:
            self._table = table

        def _lookup(self, key: str) -> str | None:
            value = self._table.get(key)
            return value.decode() if value is not None else None

        def __iter__(self) -> Iterator[str]:
            return iter(self._table)

        def __len__(self) -> int:
            return len(self._table)

    def build_table() -> bytes:
        entries = _load_dictionary_from_disk("fr")
        if any(b"\t" in k or b"\n" in k or b"\t" in v or b"\n" in v for k, v in entries.items()):
            return b"-1\n"  # not representable as lines: simplemma's own dictionary, decoded each time
        return f"{len(entries)}\n".encode() + datacache.sorted_table(entries, lambda v: v)

    class CachedFrenchFactory(CachingDictionaryFactory):
        def _get_dictionary_uncached(self, lang: str) -> Any:
            if lang != "fr" or not datacache.enabled():
                return MappingStrToByteString(_load_dictionary_from_disk(lang))
            data, offset = datacache.load_or_build_mapped("simplemma-fr-table", version, build_table)
            count_end = data.find(b"\n", offset)
            count = int(data[offset:count_end])
            if count < 0:
                return MappingStrToByteString(_load_dictionary_from_disk(lang))
            return TableMapping(datacache.SortedTable(data, count_end + 1, len(data), bytes, count))

    lemmatizer = simplemma.Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=CachedFrenchFactory()))
    return lambda w: lemmatizer.lemmatize(w, "fr")


def _lemmatize(w: str) -> str:
    return str(_french_lemmatizer()(w))


ELISION_LEMMAS = {
    "l'": "le",
    "d'": "de",
    "qu'": "que",
    "j'": "je",
    "m'": "me",
    "t'": "te",
    "s'": "se",
    "n'": "ne",
    "c'": "ce",
    "jusqu'": "jusque",
    "lorsqu'": "lorsque",
    "puisqu'": "puisque",
    "quoiqu'": "quoique",
    "presqu'": "presque",
}
