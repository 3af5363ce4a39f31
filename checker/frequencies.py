"""French word frequencies: `wordfreq.word_frequency(word, "fr")`, without its cold-start cost.

Importing wordfreq (langcodes, its tokenizer) and loading its large French list take about
0.2 s in every new process. With the data cache on (`checker.datacache`), the first run stores
a table of wordfreq.word_frequency(word, "fr") for every word of that list (a few seconds,
once per wordfreq version); later runs read it back (a few hundredths of a second). The table
holds wordfreq's own results for those exact strings, so a word found in it gets the same
value as from wordfreq; any other word (a hyphenated compound, a word wordfreq does not know)
is asked to wordfreq itself. With the data cache off, wordfreq is always asked.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path
from typing import Any

from checker import datacache

LANG = "fr"


def word_frequency(word: str) -> float:
    """`float(wordfreq.word_frequency(word, "fr"))`."""
    value = lookup(_table(), word)
    if value is None:
        import wordfreq

        value = float(wordfreq.word_frequency(word, LANG))
    return value


@lru_cache(maxsize=1)
def _table() -> bytes:
    if not datacache.enabled():
        return b""
    version = _wordfreq_version()
    if version is None:
        return b""
    return datacache.load_or_build(f"wordfreq-{LANG}", version, _build, _valid)


def _build() -> bytes:
    """The table as `word<TAB>repr(frequency)<LF>` lines sorted by their UTF-8 bytes: read as one bytes
    object (milliseconds, where a 300,000-entry dict takes a tenth of a second) and searched by bisection.
    `float(repr(x)) == x` for every float, so the values read back are wordfreq's, bit for bit."""
    import wordfreq

    rows = []
    for word in wordfreq.get_frequency_dict(LANG, "best"):
        if not word or "\t" in word or "\n" in word:
            continue  # not representable in a line: left to wordfreq
        rows.append(word.encode() + b"\t" + repr(float(wordfreq.word_frequency(word, LANG))).encode())
    rows.sort()
    return b"\n".join(rows) + b"\n"


def _valid(value: Any) -> bool:
    return isinstance(value, bytes) and value.endswith(b"\n") and b"\t" in value[:200]


def lookup(table: bytes, word: str) -> float | None:
    """The frequency stored for `word` in a table built by `_build`, or None."""
    if not table:
        return None
    try:
        key = word.encode()
    except UnicodeError:  # lone surrogates
        return None
    lo, hi = 0, len(table)
    while lo < hi:
        mid = (lo + hi) // 2
        start = table.rfind(b"\n", 0, mid) + 1
        end = table.find(b"\n", start)
        tab = table.find(b"\t", start, end)
        if end < 0 or tab < 0:
            return None  # not a table we wrote
        stored = table[start:tab]
        if stored < key:
            lo = end + 1
        elif stored > key:
            hi = start
        else:
            try:
                return float(table[tab + 1 : end])
            except ValueError:
                return None
    return None


def _wordfreq_version() -> str | None:
    """wordfreq's installed version and the size and date of its French lists, read without importing it."""
    try:
        spec = importlib.util.find_spec("wordfreq")
        if spec is None or not spec.origin:
            return None
        package = Path(spec.origin).parent
        parts = sorted(p.name for p in package.parent.glob("wordfreq-*.dist-info"))
        for name in (f"large_{LANG}.msgpack.gz", f"small_{LANG}.msgpack.gz"):
            data = package / "data" / name
            if data.is_file():
                stat = data.stat()
                parts.append(f"{name}:{stat.st_size}:{stat.st_mtime_ns}")
        return "+".join(parts) or None
    except (ImportError, OSError, ValueError):
        return None
