"""French (and English) word frequencies: `wordfreq.word_frequency(word, lang)` and
`wordfreq.zipf_frequency(word, lang)`, without their cold-start cost.

Importing wordfreq (langcodes, ftfy, its tokenizer) takes about 0.15 s and loading one of its
large lists 0.2 s in every new process. With the data cache on (`checker.datacache`), the first
run (or `python -m checker.prepare`) stores a table of wordfreq.word_frequency(word, lang) for
every word of that list (a few seconds, once per wordfreq version); later runs read it back (a
few hundredths of a second). The table holds wordfreq's own results for those exact strings.

A single word of lower-case Latin letters (after wordfreq's own NFC and case folding) is one token
to wordfreq, so its frequency is the table's value for that form, or 0 when the list lacks it:
those are answered without wordfreq. Such words joined by hyphens (« visio-conférence », « open-source »)
are one token per part, which wordfreq combines (1/f = 1/f1 + 1/f2…, from each part's unrounded
frequency, which the table's rounded value gives back): answered without wordfreq too, by the same float
operations. Anything else (an apostrophe, a number, another script) is asked to wordfreq itself, as is
every word with the data cache off. The first such word a process meets costs it wordfreq's import and the
loading of its whole list (0.3–0.5 s of CPU, measured over the peer bench's articles when hyphenated words
were still asked to wordfreq); a run whose words are all answered from the table never imports wordfreq.
"""

from __future__ import annotations

import importlib.util
import math
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from checker import datacache

LANG = "fr"
LANGUAGES = ("fr", "en")  # the lists kept in the data cache (English: the spelling check's English passages)
ZIPF_FLOOR = 1e-9  # wordfreq.zipf_to_freq(0): zipf_frequency's minimum frequency
# One token to wordfreq's tokenizer, unchanged by its normalisation: lower-case Latin letters only.
_ONE_TOKEN = re.compile(r"[a-zà-öø-ÿœ]+")
# Such tokens joined by hyphens: wordfreq's tokenizer (Unicode word boundaries) splits at each hyphen.
_HYPHENATED_TOKENS = re.compile(r"[a-zà-öø-ÿœ]+(?:-[a-zà-öø-ÿœ]+)+")


# A table: (bytes or a memory map of the data cache's file, where its lines start, where they end).
Table = tuple[datacache.Buffer, int, int]
NO_TABLE: Table = (b"", 0, 0)


def word_frequency(word: str, lang: str = LANG) -> float:
    """`float(wordfreq.word_frequency(word, lang))`."""
    table = _table(lang)
    value = lookup(table, word) if _some_key_starts_with(lang, word[:1]) else None
    if value is None and _filled(table) and (form := one_token_form(word)) is not None:
        value = lookup(table, form) or 0.0  # one token missing from the list: wordfreq's minimum, 0
    if value is None and _filled(table) and (parts := hyphenated_parts(word)) is not None:
        value = _combined_frequency(table, parts, 0.0)
    if value is None:
        import wordfreq

        value = float(wordfreq.word_frequency(word, lang))
    return value


def zipf_frequency(word: str, lang: str = LANG) -> float:
    """`wordfreq.zipf_frequency(word, lang)`: log10 of the frequency per billion words, rounded to 0.01,
    at least 0."""
    table = _table(lang)
    form = one_token_form(word) if _filled(table) else None
    if form is not None:
        frequency: float | None = max(lookup(table, form) or 0.0, ZIPF_FLOOR)
    else:
        parts = hyphenated_parts(word) if _filled(table) else None
        frequency = _combined_frequency(table, parts, ZIPF_FLOOR) if parts is not None else None
    if frequency is None:
        import wordfreq

        return float(wordfreq.zipf_frequency(word, lang))
    return round(math.log(frequency, 10) + 9, 2)


# An English word, as the spelling, repetition and grammar checks read it: frequent in English and clearly
# more so than in French (« the », « available », « uses »).
ENGLISH_MIN_ZIPF = 3.0
ENGLISH_OVER_FRENCH = 1.0


def _clearly_of(word: str, language: str, other: str) -> bool:
    """Frequent in `language` and clearly more so than in `other`."""
    low = word.lower()
    frequency = zipf_frequency(low, language)
    return frequency >= ENGLISH_MIN_ZIPF and frequency >= zipf_frequency(low, other) + ENGLISH_OVER_FRENCH


@lru_cache(maxsize=50_000)
def is_english(word: str) -> bool:
    """A word frequent in English and clearly more so than in French (« the », « available », « uses »)."""
    return _clearly_of(word, "en", "fr")


_LETTERS_RE = re.compile(r"[^\W\d_]+")


def is_english_word(word: str) -> bool:
    """`is_english` for a word of letters only: another string (an apostrophe, a digit) is no English word, and
    asking about it would cost wordfreq's import."""
    return _LETTERS_RE.fullmatch(word) is not None and is_english(word)


@lru_cache(maxsize=50_000)
def is_french(word: str) -> bool:
    """is_english's mirror: a word frequent in French and clearly more so than in English (« ouvertes », « mardi »)."""
    return _clearly_of(word, "fr", "en")


@lru_cache(maxsize=50_000)
def is_english_or_shared(word: str) -> bool:
    """A word at least as frequent in English as in French (« open », « source », « brown »)."""
    low = word.lower()
    english = zipf_frequency(low, "en")
    return english >= ENGLISH_MIN_ZIPF and english >= zipf_frequency(low, "fr")


def one_token_form(word: str) -> str | None:
    """The form wordfreq looks up for `word` when it is one token of lower-case Latin letters, else None."""
    form = unicodedata.normalize("NFC", word).casefold()
    return form if _ONE_TOKEN.fullmatch(form) else None


def hyphenated_parts(word: str) -> list[str] | None:
    """The tokens wordfreq reads in `word` when it is one-token forms joined by hyphens, else None."""
    form = unicodedata.normalize("NFC", word).casefold()
    return form.split("-") if _HYPHENATED_TOKENS.fullmatch(form) else None


def _combined_frequency(table: Table, parts: list[str], minimum: float) -> float | None:
    """`wordfreq.word_frequency(word, lang, minimum=minimum)` for a word of several tokens (`parts`), computed
    as wordfreq does (`_word_frequency`); None when a part's value is not one the table's build wrote."""
    one_over_result = 0.0
    for part in parts:
        value = lookup(table, part)
        if value is None:
            return minimum  # a part missing from the list: wordfreq returns the minimum as it is
        frequency = _unrounded(value)
        if frequency is None:
            return None
        one_over_result += 1.0 / frequency
    return _round_as_wordfreq(max(1.0 / one_over_result, minimum))


def _rounded(frequency: float) -> float:
    """What `wordfreq.word_frequency` returns for one token of that list frequency (so what the table holds)."""
    return _round_as_wordfreq(max(1.0 / (1.0 / frequency), 0.0))


def _round_as_wordfreq(unrounded: float) -> float:
    """The last step of `wordfreq.word_frequency` (`_word_frequency`): three significant digits. 0 stays 0,
    as in wordfreq; no list of wordfreq's gets here with 0, but a table value near the smallest float does
    (1 / (1 / f) or the sum of the parts' inverses overflows), and math.log(0) would raise."""
    if unrounded == 0.0:
        return 0.0
    return round(unrounded, math.floor(-math.log(unrounded, 10)) + 3)


@lru_cache(maxsize=4096)
def _unrounded(value: float) -> float | None:
    """The list's own frequency of a token (`10 ** (cB / 100)` for its bucket of centibels cB ≤ 0) whose
    rounded frequency the table holds, or None when no bucket near it rounds to that value alone.
    Neighbouring buckets differ by 2.3 %, rounding to three significant digits by at most 0.5 %."""
    if not 0.0 < value <= 1.0:
        return None
    guess = round(-100 * math.log(value, 10))
    found = [f for cb in range(-guess - 2, -guess + 3) if cb <= 0 and _rounded(f := 10 ** (cb / 100)) == value]
    return found[0] if len(found) == 1 else None


def _filled(table: Table) -> bool:
    return table[2] > table[1]


@lru_cache(maxsize=len(LANGUAGES))
def _table(lang: str = LANG) -> Table:
    """The table of `lang`, memory-mapped from the data cache (pages are read as bisection touches them, and
    shared by every process), or NO_TABLE when the data cache is off or wordfreq is not installed."""
    if not datacache.enabled() or lang not in LANGUAGES:
        return NO_TABLE
    version = _wordfreq_version(lang)
    if version is None:
        return NO_TABLE
    data, offset = datacache.load_or_build_mapped(f"wordfreq-{lang}", version, lambda: _build(lang))
    return (data, offset, len(data))


def _build(lang: str = LANG) -> bytes:
    """The table as `word<TAB>repr(frequency)<LF>` lines sorted by their UTF-8 bytes: nothing to decode on
    load (a 300,000-entry dict takes a tenth of a second to build), searched by bisection.
    `float(repr(x)) == x` for every float, so the values read back are wordfreq's, bit for bit."""
    import wordfreq

    rows = []
    for word in wordfreq.get_frequency_dict(lang, "best"):
        if not word or "\t" in word or "\n" in word:
            continue  # not representable in a line: left to wordfreq
        rows.append(word.encode() + b"\t" + repr(float(wordfreq.word_frequency(word, lang))).encode())
    rows.sort()
    return b"\n".join(rows) + b"\n"


def _first_line_at_least(data: datacache.Buffer, first: int, last: int, key: bytes) -> int | None:
    """Binary search in the sorted lines of data[first:last]: the offset of the first line whose key is at
    least `key` (`last` when there is none), or None when a line is not one `_build` wrote. Lines sort
    as their keys because TAB sorts before any character of a key."""
    lo, hi = first, last
    while lo < hi:
        mid = (lo + hi) // 2
        start = max(data.rfind(b"\n", first, mid) + 1, first)
        end = data.find(b"\n", start, last)
        tab = data.find(b"\t", start, end)
        if end < 0 or tab < 0:
            return None
        if data[start:tab] < key:
            lo = end + 1
        else:
            hi = start
    return lo


@lru_cache(maxsize=4096)
def _some_key_starts_with(lang: str, first: str) -> bool:
    """Whether a key of `lang`'s table starts with the character `first` (True when unsure). wordfreq's keys
    are case-folded: a capitalised word (« Obama », and the hundreds of one-edit variants of an unknown name
    that the spelling check weighs) is then not looked up as written, only in its lower-case form."""
    data, start_of_table, end_of_table = _table(lang)
    if end_of_table <= start_of_table or not first:
        return True
    try:
        prefix = first.encode()
    except UnicodeError:
        return True
    # The first line whose key is at least the prefix; it starts with the prefix if any key does.
    lo = _first_line_at_least(data, start_of_table, end_of_table, prefix)
    if lo is None:
        return True  # not a table we wrote
    if lo >= end_of_table:
        return False
    end = data.find(b"\n", lo, end_of_table)
    tab = data.find(b"\t", lo, end)
    return tab < 0 or data[lo:tab].startswith(prefix)


def lookup(table: Table | bytes, word: str) -> float | None:
    """The frequency stored for `word` in a table built by `_build` (or its bytes), or None."""
    data, first, last = table if isinstance(table, tuple) else (table, 0, len(table))
    if last <= first:
        return None
    try:
        key = word.encode()
    except UnicodeError:  # lone surrogates
        return None
    lo = _first_line_at_least(data, first, last, key)
    if lo is None or lo >= last:
        return None
    end = data.find(b"\n", lo, last)
    tab = data.find(b"\t", lo, end) if end >= 0 else -1
    if tab < 0 or data[lo:tab] != key:
        return None
    try:
        return float(data[tab + 1 : end])
    except ValueError:
        return None


def _wordfreq_version(lang: str = LANG) -> str | None:
    """wordfreq's installed version and the size and date of its lists for `lang`, read without importing it."""
    try:
        spec = importlib.util.find_spec("wordfreq")
        if spec is None or not spec.origin:
            return None
        package = Path(spec.origin).parent
        parts = sorted(p.name for p in package.parent.glob("wordfreq-*.dist-info"))
        for name in (f"large_{lang}.msgpack.gz", f"small_{lang}.msgpack.gz"):
            data = package / "data" / name
            if data.is_file():
                stat = data.stat()
                parts.append(f"{name}:{stat.st_size}:{stat.st_mtime_ns}")
        return "+".join(parts) or None
    except (ImportError, OSError, ValueError):
        return None
