"""Spelling suggestions from a SymSpell index (`symspellpy`): a few milliseconds an unknown word.

SymSpell finds every known word within two edits of a misspelling by looking up the misspelling's
own deletions in a table of the deletions of every known word (symmetric delete): no walk over the
lexicon, so a look-up costs the same for any word. The words are pyspellchecker's French frequency
list (about 140,000 lower-case words with their counts).

Building the index takes symspellpy about 6 s and 160 MB, so it is built once and kept in the data
cache (`checker.datacache`) as two tables of sorted `key<TAB>value` lines, each read back as one
bytes object (a few hundredths of a second) and searched by bisection (`SortedTable`); symspellpy's
own `lookup` runs over them. With the data cache off, the index is built in memory (once a process).

Suggestions are ranked by the distance between unaccented forms first (a missing or wrong accent is
the most common French slip: « bientot », « malgrès »), then by symspellpy's edit distance, then by
frequency.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

from checker import datacache
from checker.datacache import SortedTable

MAX_EDIT_DISTANCE = 2
PREFIX_LENGTH = 7
MAX_WORD_LENGTH = 40  # no suggestion for longer strings: they are not misspelt words
CACHE_SIZE = 100_000  # words whose candidates are kept
RANKED = 30  # candidates re-ranked by their unaccented distance
SEPARATOR = "\x1f"  # between the words of a deletion's entry (never inside a word)



def _decode_words(raw: bytes) -> list[str]:
    return raw.decode().split(SEPARATOR)


def _table(entries: Mapping[str, Any], encode: Callable[[Any], str]) -> bytes:
    rows = [key.encode() + b"\t" + encode(value).encode() for key, value in entries.items()]
    rows.sort()
    return b"\n".join(rows) + b"\n"


def _word_counts() -> dict[str, int]:
    """pyspellchecker's French words and counts (lower-case), as its French SpellChecker holds them."""
    from spellchecker import SpellChecker

    checker = SpellChecker(language="fr", distance=1, case_sensitive=False)
    words: dict[str, int] = dict(checker.word_frequency.dictionary)
    return words


def _build_symspell(words: dict[str, int]) -> Any:
    from symspellpy import SymSpell

    index = SymSpell(max_dictionary_edit_distance=MAX_EDIT_DISTANCE, prefix_length=PREFIX_LENGTH)
    for word, count in words.items():
        if word and "\t" not in word and "\n" not in word and SEPARATOR not in word:
            index.create_dictionary_entry(word, count)
    return index


def build_tables() -> bytes:
    """symspellpy's index as it builds it, in the form kept in the data cache: a line
    `words deletions longest words-table-length`, the words table, then the deletions table."""
    index = _build_symspell(_word_counts())
    words = _table(index._words, str)
    deletes = _table(index._deletes, SEPARATOR.join)
    meta = f"{len(index._words)} {len(index._deletes)} {index._max_length} {len(words)}\n".encode()
    return meta + words + deletes


def _version() -> str:
    """The index's parameters and the versions of symspellpy and pyspellchecker (from their
    installed metadata folders: importing importlib.metadata costs more than the look-up)."""
    import importlib.util
    from pathlib import Path

    parts = [f"d{MAX_EDIT_DISTANCE}p{PREFIX_LENGTH}"]
    for module, dist in (("symspellpy", "symspellpy"), ("spellchecker", "pyspellchecker")):
        spec = importlib.util.find_spec(module)
        origin = Path(spec.origin).parent.parent if spec and spec.origin else None
        found = sorted(p.name for p in origin.glob(f"{dist}-*.dist-info")) if origin else []
        parts.append(found[0].removesuffix(".dist-info") if found else f"{dist}-unknown")
    return "-".join(parts)


class SuggestionIndex:
    """SymSpell over the French word list; `candidates(word)` returns the closest known words."""

    def __init__(self) -> None:
        from symspellpy import SymSpell

        symspell = SymSpell(max_dictionary_edit_distance=MAX_EDIT_DISTANCE, prefix_length=PREFIX_LENGTH)
        data, offset = datacache.load_or_build_mapped("symspell-fr", _version(), build_tables)
        meta_end = data.find(b"\n", offset)
        n_words, n_deletes, longest, words_length = (int(x) for x in data[offset:meta_end].split())
        words_start = meta_end + 1
        words_end = words_start + words_length
        symspell._words = SortedTable(data, words_start, words_end, int, n_words)
        symspell._deletes = SortedTable(data, words_end, len(data), _decode_words, n_deletes)
        symspell._max_length = longest
        self._symspell = symspell
        self.words: Mapping[str, int] = symspell._words
        self._cache: dict[tuple[str, int], tuple[tuple[str, int, int], ...]] = {}

    def count(self, word: str) -> int:
        """The word's count in the frequency list (0 when absent)."""
        return int(self.words.get(word.lower(), 0))

    def candidates(self, word: str, max_distance: int = MAX_EDIT_DISTANCE) -> list[tuple[str, int, int]]:
        """(word, edit distance, count) of the known words within `max_distance` edits of `word`
        (lower-cased), the best first (see the module's docstring), the word itself excluded."""
        lower = word.lower()
        if not lower or len(lower) > MAX_WORD_LENGTH:
            return []
        key = (lower, min(max_distance, MAX_EDIT_DISTANCE))
        found = self._cache.get(key)
        if found is None:
            if len(self._cache) > CACHE_SIZE:
                self._cache.clear()
            found = self._cache[key] = self._lookup(*key)
        return list(found)

    def _lookup(self, lower: str, max_distance: int) -> tuple[tuple[str, int, int], ...]:
        from symspellpy import Verbosity

        found = self._symspell.lookup(lower, Verbosity.ALL, max_distance, transfer_casing=False)
        items = [(item.term, item.distance, item.count) for item in found if item.term != lower]
        items.sort(key=lambda t: (t[1], -t[2], t[0]))  # symspellpy's own order, made total
        bare = unaccent(lower)
        # Accents second-guessed: among the RANKED best, the distance between unaccented forms first.
        head = sorted(items[:RANKED], key=lambda t: (distance(bare, unaccent(t[0])), t[1], -t[2], t[0]))
        return tuple(head + items[RANKED:])


def unaccent(word: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", word) if not unicodedata.combining(ch))


def distance(a: str, b: str) -> int:
    """Levenshtein distance (short words)."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


@lru_cache(maxsize=1)
def get_index() -> SuggestionIndex:
    """The process-wide index, loaded on first use (only when a suggestion is needed)."""
    return SuggestionIndex()


def prepare() -> None:
    """Build the index into the data cache now (`python -m checker.datacache` calls this)."""
    get_index().candidates("gouvernemnt")
