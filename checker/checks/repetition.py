"""Repetition: the same lemma twice within a few words, phrases repeated across the article,
words overused relative to French frequencies, near-duplicate sentences and paragraphs,
inconsistent spellings of one term, and anglicisms with their official French equivalents.

Conventions:

* Words are the readability module's graphic words (an elision belongs to its word); a
  word is compared by the lemma of its lexical part (simplemma, via `document.lemma`), so
  "l’innovation" and "d’innovations" are the same word.
* Stop words come from `checker/data/stopwords-fr.txt` (the Snowball French list plus
  function words and auxiliaries) and are never repetitions; nor are numbers, words of
  fewer than 3 letters, all-capital abbreviations (IA, UE) and proper nouns (a capitalised
  word that the document also writes capitalised in mid-sentence).
* The FAQ restates the body by design: phrases and near-duplicates are compared within
  the body and within the FAQ answers, never between the two; overuse is counted on the
  body only.

Every algorithm is linear in the text (dictionaries keyed by lemma or n-gram, an inverted
index of shingles with capped posting lists for near-duplicates).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, chain, pairwise

from checker.checks.readability import PROSE_KINDS, block_sentence_words, fr_number
from checker.context import CheckContext
from checker.document import Block, Document, lemma, quotation_spans
from checker.findings import Finding
from checker.frequencies import (
    ENGLISH_MIN_ZIPF,
    ENGLISH_OVER_FRENCH,
    is_english_or_shared,
    word_frequency,
    zipf_frequency,
)
from checker.paths import package_files

_HOT_SHINGLE_LIMIT = 50  # a shingle shared by more units than this says nothing about duplication
_MIN_LETTERS = 3
_MAX_RELATED = 20  # other occurrences listed with an overused word
MAX_FINDINGS_PER_RULE = 500  # a pathological text (one phrase pasted 20,000 times) stays readable and fast


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    text = (package_files("checker") / "data" / "stopwords-fr.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=100_000)
def _frequency(word: str) -> float:
    """`wordfreq.word_frequency(word, "fr")`, through the data cache (`checker.frequencies`)."""
    return word_frequency(word)


@lru_cache(maxsize=200_000)
def _key(lexical: str) -> str:
    """The comparison key of a word: its lemma, apostrophes normalised."""
    return lemma(lexical.replace("’", "'"))


# Item flags, one int per item (a document has an item per word: five booleans took 40 bytes each).
_NUMBER, _STOP, _NAME, _INITIAL, _CONTENT, _MEANINGFUL = (1 << i for i in range(6))


@dataclass(slots=True)
class Item:
    """One graphic word of a block, with what the repetition checks need to know about it."""

    block: Block
    sentence: int  # index of its sentence in the block
    start: int  # block offset of the lexical part (the elision excluded)
    text: str  # the lexical part: "innovation" for "l’innovation"
    key: str  # lemma
    flags: int  # _NUMBER, _STOP, _NAME, _INITIAL, _CONTENT, _MEANINGFUL

    @property
    def end(self) -> int:
        # Not stored (as Token.end): a slot and, past offset 256, an int object of its own for every word.
        return self.start + len(self.text)

    @property
    def is_number(self) -> bool:
        return bool(self.flags & _NUMBER)

    @property
    def is_stop(self) -> bool:
        return bool(self.flags & _STOP)

    @property
    def is_name(self) -> bool:
        """A proper noun or an all-capital abbreviation."""
        return bool(self.flags & _NAME)

    @property
    def sentence_initial(self) -> bool:
        return bool(self.flags & _INITIAL)

    @property
    def content(self) -> bool:
        """A content word: not a stop word, name or number, at least _MIN_LETTERS letters long
        (computed once by `_analyse`)."""
        return bool(self.flags & _CONTENT)

    @property
    def meaningful(self) -> bool:
        """Carries meaning for phrase and duplicate detection (names included)."""
        return bool(self.flags & _MEANINGFUL)


def _analyse(doc: Document) -> dict[int, list[Item]]:
    """Items of every block, keyed by block index."""
    stops = stop_words()
    raw: dict[int, list[Item]] = {}
    names_mid_sentence: set[str] = set()
    for block in doc.blocks:
        items: list[Item] = []
        append = items.append
        if doc.is_front_matter_field(block):
            raw[block.index] = items
            continue
        for s_index, (sentence, words) in enumerate(zip(block.sentences, block_sentence_words(block), strict=True)):
            offset = sentence.start
            initial = _INITIAL
            for word in words:
                lexical = word.lexical
                end = offset + word.end
                key, number, stop, abbreviation = _word_info(lexical)
                flags = (_NUMBER if number else 0) | (_STOP if stop else 0) | (_NAME if abbreviation else 0) | initial
                append(Item(block, s_index, end - len(lexical), lexical, key, flags))
                if not initial and lexical[:1].isupper():
                    names_mid_sentence.add(lexical)
                initial = 0
        raw[block.index] = items
    for items in raw.values():
        for item in items:
            text = item.text
            flags = item.flags
            initial = flags & _INITIAL
            if (
                text[:1].isupper()
                and (not initial or text in names_mid_sentence)
                and not (initial and text.lower() in stops)
            ):
                flags |= _NAME
            if not flags & (_STOP | _NAME | _NUMBER) and len(text) >= _MIN_LETTERS:
                flags |= _CONTENT
            if not flags & _STOP and (flags & _NUMBER or len(text) >= 2):
                flags |= _MEANINGFUL
            item.flags = flags
    return raw


@lru_cache(maxsize=100_000)
def _word_info(lexical: str) -> tuple[str, bool, bool, bool]:
    """(lemma, is a number, is a stop word, is an all-capital abbreviation) of a word."""
    stops = stop_words()
    is_number = not any(ch.isalpha() for ch in lexical)
    key = lexical if is_number else _key(lexical)
    low = lexical.lower().replace("’", "'")
    is_stop = not is_number and (low in stops or key in stops)
    letters = [ch for ch in lexical if ch.isalpha()]
    is_abbreviation = len(letters) >= 2 and all(ch.isupper() for ch in letters)
    return key, is_number, is_stop, is_abbreviation


CODED_RULES = frozenset(
    f"repetition.{name}" for name in ("close-lemma", "phrase", "overused", "near-duplicate", "spelling-variant")
)


def check(doc: Document, ctx: CheckContext) -> list[Finding]:
    findings: list[Finding] = []
    wanted = {
        name
        for name in ("close-lemma", "phrase", "overused", "near-duplicate", "spelling-variant")
        if ctx.enabled(f"repetition.{name}")
    }
    if not wanted or not doc.blocks:
        return findings
    items = _analyse(doc)
    titled: frozenset[str] = frozenset()
    frequent: frozenset[str] = frozenset()
    if wanted & {"close-lemma", "overused"}:
        titled, frequent = _subject_keys(
            doc,
            items,
            ctx.param("repetition.close-lemma", "subject-min-count"),
            ctx.param("repetition.close-lemma", "subject-min-share"),
        )
    if "close-lemma" in wanted:
        findings.extend(_close_lemmas(doc, items, ctx, titled | frequent))
    if "phrase" in wanted:
        findings.extend(_phrases(doc, items, ctx))
    if "overused" in wanted:
        findings.extend(_overused(doc, items, ctx, titled))
    if "near-duplicate" in wanted:
        findings.extend(_near_duplicates(doc, items, ctx))
    if "spelling-variant" in wanted:
        findings.extend(_spelling_variants(doc, items, ctx))
    return findings


def _related(ctx: CheckContext, item: Item, role: str) -> dict[str, object]:
    start, end = item.block.source_span(item.start, item.end)
    return ctx.related_line(start, end, role)


def _line(item: Item) -> int:
    doc = item.block.doc
    return doc.line_col(item.block.source_span(item.start, item.end)[0])[0] if doc else 0


# ---------------------------------------------------------------- the article's subject


def _subject_keys(
    doc: Document, items: dict[int, list[Item]], min_count: float, min_share: float
) -> tuple[frozenset[str], frozenset[str]]:
    """Lemmas of the article's key terms: (the content words of its title and headings, the words frequent
    in its body). Repeating them is naming the subject, not an echo."""
    keys: set[str] = set()
    title = doc.front_matter.get("title") if isinstance(doc.front_matter, dict) else None
    if isinstance(title, str):
        keys.update(_key(w) for w in _TITLE_WORD.findall(title) if len(w) >= _MIN_LETTERS)
    counts: Counter[str] = Counter()
    total = 0
    for block in doc.blocks:
        block_items = items[block.index]
        if block.kind in ("title", "heading"):
            keys.update(item.key for item in block_items if item.content)
        elif block.region == "body":
            total += len(block_items)
            counts.update(item.key for item in block_items if item.content)
    floor = max(min_count, min_share * total)
    return frozenset(keys), frozenset(key for key, count in counts.items() if count >= floor)


_TITLE_WORD = re.compile(r"[^\W\d_][\w-]*")


# ---------------------------------------------------------------- close lemma


def _in_quotation(spans: list[tuple[int, int]], item: Item) -> bool:
    return any(start <= item.start < end for start, end in spans)


def _close_lemmas(
    doc: Document, items: dict[int, list[Item]], ctx: CheckContext, subject: frozenset[str]
) -> list[Finding]:
    """The same lemma again within `window` words; not inside a direct quotation (the speaker's words are
    not the writer's to vary), and for the article's key terms only within one sentence (naming the subject
    again in the next sentence is natural; twice in one sentence is an echo)."""
    window = ctx.param("repetition.close-lemma", "window")
    findings = []
    for block in doc.blocks:
        if block.kind == "quote" or block.aside is not None:
            continue
        quotations = quotation_spans(block.text) if any(q in block.text for q in '«“"') else []
        last: dict[str, tuple[int, Item]] = {}
        for position, item in enumerate(items[block.index]):
            if not item.content:
                continue
            previous = last.get(item.key)
            if (
                previous is not None
                and position - previous[0] <= window
                and not (item.key in subject and previous[1].sentence != item.sentence)
                and not (quotations and _in_quotation(quotations, item))
            ):
                first = previous[1]
                findings.append(
                    ctx.finding_in_block(
                        "repetition.close-lemma",
                        block,
                        item.start,
                        item.end,
                        first=first.text,
                        distance=position - previous[0],
                        related=[_related(ctx, first, "first occurrence")],
                        data={"lemma": item.key, "distance": position - previous[0]},
                    )
                )
                if len(findings) >= MAX_FINDINGS_PER_RULE:
                    return findings
            last[item.key] = (position, item)
    return findings


# ---------------------------------------------------------------- repeated phrases


def _group(block: Block) -> str | None:
    """Which part of the article a block is compared within, or None when it is not compared."""
    if block.kind not in PROSE_KINDS or block.aside is not None:
        return None
    if block.region == "body":
        return "body"
    if block.region == "faq_answer":
        return "faq"
    return None


def _sentences_of(items: list[Item]) -> list[list[Item]]:
    out: list[list[Item]] = []
    current = -1
    for item in items:
        if item.sentence != current:
            out.append([])
            current = item.sentence
        out[-1].append(item)
    return out


@dataclass(slots=True)
class _Span:
    """Words [start, end) of one sentence's item list."""

    words: list[Item]
    start: int
    end: int

    def extend(self, other: _Span) -> bool:
        """Grow to cover `other` when it continues this span in the same sentence."""
        if other.words is not self.words or not self.start <= other.start <= self.end:
            return False
        self.end = max(self.end, other.end)
        return True

    def trimmed(self) -> list[Item]:
        """The words, without leading and trailing stop words ("de la gestion de l’eau" → "gestion de l’eau")."""
        start, end = self.start, self.end
        while start < end and not self.words[start].meaningful:
            start += 1
        while end > start and not self.words[end - 1].meaningful:
            end -= 1
        return self.words[start:end]


def _phrases(doc: Document, items: dict[int, list[Item]], ctx: CheckContext) -> list[Finding]:
    n = int(ctx.param("repetition.phrase", "min-words"))
    min_count = int(ctx.param("repetition.phrase", "min-count"))
    # Pass 1: every n-gram (tuple of lemmas) with at least two content words, in document order,
    # counted per group.
    grams: list[tuple[str, dict[tuple[str, ...], int], tuple[str, ...], list[Item], int]] = []
    counts_by_group: dict[str, dict[tuple[str, ...], int]] = {}
    for block in doc.blocks:
        group = _group(block)
        if group is None:
            continue
        counts = counts_by_group.setdefault(group, {})
        for sentence in _sentences_of(items[block.index]):
            if len(sentence) < n:
                continue
            content = [0, *accumulate(w.content for w in sentence)]  # prefix sums of content words
            keys = [w.key for w in sentence]
            for i, gram in enumerate(zip(*(keys[j:] for j in range(n)), strict=False)):  # sliding windows
                if content[i + n] - content[i] < 2:
                    continue
                grams.append((group, counts, gram, sentence, i))
                counts[gram] = counts.get(gram, 0) + 1
    # Pass 2: occurrences after the first of an n-gram seen at least min_count times, merged into runs.
    first_seen: dict[tuple[str, tuple[str, ...]], _Span] = {}
    runs: list[tuple[_Span, _Span]] = []  # (later occurrence, first occurrence)
    for group, counts, gram, sentence, i in grams:
        if counts[gram] < min_count:
            continue
        key = (group, gram)
        window = _Span(sentence, i, i + n)
        if key not in first_seen:
            first_seen[key] = window
            continue
        first = first_seen[key]
        if runs and runs[-1][0].extend(window):
            runs[-1][1].extend(first)  # the first occurrence grows with the run when it continues too
        else:
            runs.append((window, _Span(first.words, first.start, first.end)))
    findings = []
    for later, earlier in runs[:MAX_FINDINGS_PER_RULE]:
        run = later.trimmed()
        if len(run) < n:
            continue
        first_words = earlier.trimmed() or earlier.words[earlier.start : earlier.end]
        s, e = first_words[0].block.source_span(first_words[0].start, first_words[-1].end)
        findings.append(
            ctx.finding_in_block(
                "repetition.phrase",
                run[0].block,
                run[0].start,
                run[-1].end,
                line=_line(first_words[0]),
                related=[ctx.related_line(s, e, "first occurrence")],
                data={"words": len(run)},
            )
        )
    return findings


# ---------------------------------------------------------------- overused words


def _overused(doc: Document, items: dict[int, list[Item]], ctx: CheckContext, subject: frozenset[str]) -> list[Finding]:
    min_count = ctx.param("repetition.overused", "min-count")
    min_ratio = ctx.param("repetition.overused", "ratio")
    total = 0
    by_key: dict[str, list[Item]] = defaultdict(list)
    for block in doc.blocks:
        if block.region != "body" or block.aside is not None:
            continue
        for item in items[block.index]:
            total += 1
            if item.content:
                by_key[item.key].append(item)
    findings = []
    for key, occurrences in by_key.items():
        count = len(occurrences)
        if count < min_count or key in subject:
            continue
        forms = {o.text.lower().replace("’", "'") for o in occurrences}
        reference = max(_frequency(key), sum(_frequency(f) for f in forms))
        if reference <= 0:
            continue  # unknown to wordfreq: a name or a term, not an overused word
        ratio = (count / total) / reference
        if ratio < min_ratio:
            continue
        first = occurrences[0]
        findings.append(
            ctx.finding_in_block(
                "repetition.overused",
                first.block,
                first.start,
                first.end,
                lemma=key,
                count=count,
                ratio=_ratio_text(ratio),
                related=[_related(ctx, o, "occurrence") for o in occurrences[1:_MAX_RELATED]],
                data={"lemma": key, "count": count, "ratio": round(ratio, 1), "words": total},
            )
        )
    return findings


def _ratio_text(ratio: float) -> str:
    if ratio >= 100:
        return f"{round(ratio, -1):.0f}"
    return fr_number(ratio)


# ---------------------------------------------------------------- near duplicates


@dataclass(slots=True)
class _Unit:
    block: Block
    start: int  # block offsets
    end: int
    group: str
    shingles: frozenset[str]  # lemmas
    item: Item  # first word, for the line number


def _shingles(words: list[Item]) -> frozenset[str]:
    """The set of lemmas that carry meaning (stop words left out): word order and function words do not count."""
    return frozenset(w.key for w in words if w.meaningful)


def _near_duplicates(doc: Document, items: dict[int, list[Item]], ctx: CheckContext) -> list[Finding]:
    threshold = ctx.param("repetition.near-duplicate", "similarity")
    min_words = ctx.param("repetition.near-duplicate", "min-words")
    paragraphs: list[_Unit] = []
    sentences: list[_Unit] = []
    for block in doc.blocks:
        group = _group(block)
        if group is None or not items[block.index]:
            continue
        per_sentence = _sentences_of(items[block.index])
        for words in per_sentence:
            if len(words) >= min_words:
                sentence = block.sentences[words[0].sentence]
                unit = _Unit(block, sentence.start, sentence.end, group, _shingles(words), words[0])
                if len(unit.shingles) >= 3:
                    sentences.append(unit)
        if len(per_sentence) >= 2:
            unit = _Unit(block, 0, len(block.text), group, _shingles(items[block.index]), items[block.index][0])
            if len(unit.shingles) >= 3:
                paragraphs.append(unit)
    findings = []
    duplicate_blocks: set[int] = set()
    for unit, other, similarity in _similar_pairs(paragraphs, threshold):
        duplicate_blocks.add(unit.block.index)
        findings.append(_duplicate_finding(ctx, unit, other, similarity, "un paragraphe"))
    remaining = [u for u in sentences if u.block.index not in duplicate_blocks]
    for unit, other, similarity in _similar_pairs(remaining, threshold):
        findings.append(_duplicate_finding(ctx, unit, other, similarity, "une phrase"))
    return findings


def _similar_pairs(units: list[_Unit], threshold: float) -> list[tuple[_Unit, _Unit, float]]:
    """For each unit, its most similar earlier unit of the same group when Jaccard ≥ threshold.

    Candidates are the earlier units sharing a lemma with it, found through an inverted
    index (lemma → units); lemmas held by more than _HOT_SHINGLE_LIMIT units are not
    followed, which bounds the candidates and keeps the work linear in the text. The
    similarity of each candidate is then computed exactly.
    """
    indexes: dict[str, dict[str, list[int]]] = {}  # group → lemma → units
    pairs = []
    for u_index, unit in enumerate(units):
        shingles = unit.shingles
        size = len(shingles)
        index = indexes.setdefault(unit.group, {})
        candidates: set[int] = set()
        postings = []
        for shingle in shingles:
            posting = index.get(shingle)
            if posting is None:
                index[shingle] = [u_index]
                continue
            if len(posting) <= _HOT_SHINGLE_LIMIT:
                candidates.update(posting)
            postings.append(posting)
        best: tuple[float, int] | None = None
        for other in sorted(candidates):
            other_shingles = units[other].shingles
            other_size = len(other_shingles)
            if size <= other_size:
                if size < threshold * other_size:
                    continue  # the sizes alone rule it out
            elif other_size < threshold * size:
                continue
            common = len(shingles & other_shingles)
            similarity = common / (size + other_size - common)
            if similarity >= threshold and (best is None or similarity > best[0]):
                best = (similarity, other)
        if best is not None:
            pairs.append((unit, units[best[1]], best[0]))
        for posting in postings:
            posting.append(u_index)
    return pairs


def _duplicate_finding(ctx: CheckContext, unit: _Unit, other: _Unit, similarity: float, what: str) -> Finding:
    s, e = other.block.source_span(other.start, other.end)
    return ctx.finding_in_block(
        "repetition.near-duplicate",
        unit.block,
        unit.start,
        unit.end,
        unit=what,
        line=_line(other.item),
        similarity=round(similarity * 100),
        related=[ctx.related_line(s, e, "similar text")],
        data={"similarity": round(similarity, 3), "unit": "paragraph" if what == "un paragraphe" else "sentence"},
    )


# ---------------------------------------------------------------- spelling variants


@lru_cache(maxsize=100_000)
def _variant_key(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _domain_part(text: str, item: Item) -> bool:
    """A word followed by a dot and a letter: part of a domain or file name (gitlab.com)."""
    return text[item.end : item.end + 1] == "." and text[item.end + 1 : item.end + 2].isalpha()


def _handle_or_tag(text: str, item: Item) -> bool:
    """A word right after « # » or « @ »: a hashtag, a channel or a handle (#OSORAwards, #bluehats), a name of
    its own rather than a spelling of the words it glues."""
    return item.start > 0 and text[item.start - 1] in "#@"


# Capitals that spell out an acronym inside a word, on purpose: « GEstion des Milieux Aquatiques » (GEMAPI),
# « FRAnçais et MAthématiques » (Frama). Two or more capitals, then lower case only.
_SPELLED_ACRONYM = re.compile(r"[A-ZÀ-ÖØ-Þ]{2,}[a-zß-öø-ÿ]{3,}")
# Words of one run: spaces, hyphens, apostrophes, a comma or a colon between them (not « | », « ( », « [ »).
_RUN_GAP = re.compile(r"[ \u00a0\u202f\-'’,:]*")
_RUN_WORD = re.compile(r"[^\W\d_][\w'’-]*")
ENGLISH_CONTEXT_WORDS = 3  # words looked at on each side
ENGLISH_CONTEXT_MIN = 2  # English words among them that make the place English


def _run_words(text: str, start: int, end: int, count: int) -> list[str]:
    """Up to `count` words before `start` and after `end` in the same run of words (see _RUN_GAP)."""
    words: list[str] = []
    position = end
    for _ in range(count):
        gap = _RUN_GAP.match(text, position)
        word = _RUN_WORD.match(text, gap.end()) if gap else None
        if not word or word.start() == position:
            break
        words.append(word[0])
        position = word.end()
    position = start
    for _ in range(count):
        before = text[:position]
        gap_start = len(before.rstrip(" \u00a0\u202f-'’,:"))
        match = re.search(r"[^\W\d_][\w'’-]*$", before[:gap_start])
        if not match or gap_start == position:
            break
        words.append(match[0])
        position = match.start()
    return words


@lru_cache(maxsize=50_000)
def _english_zipf_margin(word: str) -> tuple[float, float]:
    """The word's frequency in English (wordfreq Zipf scale) and how much more frequent it is there than in French."""
    low = word.lower()
    english = zipf_frequency(low, "en")  # wordfreq's value, from the data cache (checker.frequencies)
    return english, english - zipf_frequency(low, "fr")


def _english_word(word: str) -> bool:
    """Frequent in English and clearly more so than in French (« the », « software »), as spelling reads it."""
    english, margin = _english_zipf_margin(word)
    return english >= ENGLISH_MIN_ZIPF and margin >= ENGLISH_OVER_FRENCH


def _in_english(text: str, start: int, end: int) -> bool:
    """An English word among English words (« making the web's open-source infrastructure », the English title
    of a cited article): English spelling, not a variant of the article's. A name (« Bluehats Semester of
    Code ») is the same name in any language."""
    if not all(is_english_or_shared(part) for part in re.split(r"[\s'’-]+", text[start:end]) if part):
        return False
    english = sum(_english_word(word) for word in _run_words(text, start, end, ENGLISH_CONTEXT_WORDS))
    return english >= ENGLISH_CONTEXT_MIN


def _pair_key(first: str, second: str) -> str:
    """`_variant_key(first + second)`, from the cached keys of the two words when that is the same."""
    if "Σ" in first or "Σ" in second:  # the only lower-casing that depends on the next letter (final sigma)
        return _variant_key(first + second)
    return _variant_key(first) + _variant_key(second)


@lru_cache(maxsize=100_000)
def _form(text: str) -> str:
    """Case-insensitive unless the word has inner capitals (AgriTech) that make it a form of its own."""
    if text[1:] != text[1:].lower() and not text.isupper():
        return text
    return text.lower()


def _spelling_variants(doc: Document, items: dict[int, list[Item]], ctx: CheckContext) -> list[Finding]:
    rule = ctx.rules.get("repetition.spelling-variant")
    ignored = {_variant_key(w) for w in (rule.params.get("ignore", []) if rule else [])}
    quotations = {b.index: quotation_spans(b.text) for b in doc.blocks if any(q in b.text for q in '«“"')}

    def singles() -> Iterator[tuple[str, str, Block, Item, Item]]:
        """(key, form, block, first item, last item) of every word that may be a variant."""
        for block in doc.blocks:
            if block.aside is not None:
                continue  # « @EmmanuelMacron » in an embedded post is no variant of « Emmanuel Macron »
            for item in items[block.index]:
                text = item.text
                if item.is_number or len(text) < 4 or _domain_part(block.text, item):
                    continue  # « gitlab.com » is an address
                if _handle_or_tag(block.text, item):
                    continue  # « #bluehats » a channel
                if _SPELLED_ACRONYM.fullmatch(text):
                    continue  # « GEstion » spells GEMAPI on purpose
                key = _variant_key(text)
                if len(key) >= 4 and key not in ignored:
                    yield key, _form(text), block, item, item

    def pairs(keys: Collection[str]) -> Iterator[tuple[str, str, Block, Item, Item]]:
        """Two words written apart ("agri tech") whose key is one of `keys` (seen as one word)."""
        for block in doc.blocks:
            text = block.text
            for a, b in pairwise(items[block.index]):
                if a.sentence != b.sentence or a.is_number or b.is_number or a.is_stop or b.is_stop:
                    continue  # « sexuel le » is two words, not a spelling of « sexuelle »
                if _handle_or_tag(text, a) or _SPELLED_ACRONYM.fullmatch(a.text) or _SPELLED_ACRONYM.fullmatch(b.text):
                    continue
                if b.start - a.end == 1:
                    if not text[a.end].isspace():
                        continue
                else:
                    gap = text[a.end : b.start]
                    if not gap or gap.strip():
                        continue
                key = _pair_key(a.text, b.text)
                if key in keys:
                    yield key, _form(a.text) + " " + _form(b.text), block, a, b

    # First pass: the keys written in more than one form (few); only their places are kept (second pass),
    # not one record for every word of the document.
    first_form: dict[str, str] = {}
    varied: set[str] = set()
    for key, form, *_ in chain(singles(), pairs(first_form)):
        if first_form.setdefault(key, form) != form:
            varied.add(key)
    occurrences: dict[str, list[tuple[str, Block, int, int, bool]]] = {k: [] for k in first_form if k in varied}
    for key, form, block, first, last in chain(singles(), pairs(first_form)):
        if key in varied:
            quoted = _in_quotation(quotations.get(block.index, []), first)
            occurrences[key].append((form, block, first.start, last.end, quoted))
    findings: list[Finding] = []
    for all_places in occurrences.values():
        if len(Counter(form for form, *_ in all_places)) < 2:
            continue
        places = [place for place in all_places if not _in_english(place[1].text, place[2], place[3])]
        forms = Counter(form for form, *_ in places)
        if len(forms) < 2:
            continue
        order = {form: i for i, (form, *_) in reversed(list(enumerate(places)))}
        preferred = max(forms, key=lambda f: (forms[f], -order[f]))
        for form, block, start, end, quoted in places:
            if form == preferred or quoted or len(findings) >= MAX_FINDINGS_PER_RULE:
                continue  # a quoted speaker's spelling is theirs (their forms still count)
            findings.append(
                ctx.finding_in_block(
                    "repetition.spelling-variant",
                    block,
                    start,
                    end,
                    suggestions=[preferred],
                    count=forms[preferred],
                    data={"forms": dict(forms)},
                )
            )
    return findings
