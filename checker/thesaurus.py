"""French synonyms from Debian's `mythes-fr` thesaurus (LibreOffice's, LGPL).

The thesaurus is two files: a sorted index (`word|offset` lines) and the data file, where the entry
at `offset` is `word|n` followed by `n` lines `(Part of speech)|synonym|synonym…`. The index is read
as one bytes object and searched by bisection over its lines (no line is split or decoded but the
few visited); the data file is read only at the entries asked for (seek). Nothing is parsed whole,
so the first look-up costs about a millisecond.

Two words are linked directly when one lists the other, and in two steps when their lists share
at least `min_shared` words. The thesaurus mixes antonyms and loose associations into its lists
(« renforcer » lists « diminuer »): pairs declared as antonyms by the caller never count.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

THESAURUS_DIRS = ("/usr/share/mythes", "/usr/share/myspell/dicts", "/usr/share/hunspell")
THESAURUS_NAMES = ("th_fr_FR_v2", "thes_fr")


class Thesaurus:
    def __init__(self, index_path: Path, data_path: Path) -> None:
        self.index = index_path.read_bytes()
        self.data_path = data_path
        first = self.index.find(b"\n")  # encoding line
        second = self.index.find(b"\n", first + 1)  # entry count line
        self.body_start = second + 1

    def _offset(self, word: str) -> int | None:
        """Offset of `word`'s entry in the data file: bisection over the index lines."""
        key = word.encode("utf-8")
        data = self.index
        lo, hi = self.body_start, len(data)
        while lo < hi:
            mid = (lo + hi) // 2
            line_start = data.rfind(b"\n", lo, mid) + 1 if mid > lo else lo
            if line_start < lo:
                line_start = lo
            line_end = data.find(b"\n", line_start)
            if line_end < 0:
                line_end = len(data)
            bar = data.rfind(b"|", line_start, line_end)
            entry = data[line_start:bar] if bar >= 0 else data[line_start:line_end]
            if entry == key:
                return int(data[bar + 1 : line_end])
            if entry < key:
                lo = line_end + 1
            else:
                hi = line_start
        return None

    @lru_cache(maxsize=20_000)  # noqa: B019 - one instance per process (see `get_thesaurus`)
    def synonyms(self, word: str) -> frozenset[str]:
        """Every word the thesaurus lists for `word` (all senses), lower case; empty when unknown."""
        offset = self._offset(word)
        if offset is None:
            return frozenset()
        out: set[str] = set()
        with self.data_path.open("rb", buffering=4096) as fh:
            fh.seek(offset)
            head = fh.readline().decode("utf-8", "replace").rstrip("\n")
            try:
                count = int(head.rpartition("|")[2])
            except ValueError:
                return frozenset()
            for _ in range(count):
                line = fh.readline().decode("utf-8", "replace").rstrip("\n")
                out.update(w.lower() for w in line.split("|")[1:] if w and " " not in w)
        out.discard(word)
        return frozenset(out)


@lru_cache(maxsize=1)
def get_thesaurus() -> Thesaurus | None:
    """The installed French thesaurus, or None (`CHECKER_THESAURUS` names another .idx file)."""
    explicit = os.environ.get("CHECKER_THESAURUS")
    candidates: Iterable[Path]
    if explicit:
        candidates = [Path(explicit)]
    else:
        candidates = [Path(d) / f"{n}.idx" for d in THESAURUS_DIRS for n in THESAURUS_NAMES]
    for idx in candidates:
        dat = idx.with_suffix(".dat")
        if idx.is_file() and dat.is_file():
            return Thesaurus(idx, dat)
    return None


def link_weight(
    a: str,
    b: str,
    antonyms: frozenset[tuple[str, str]],
    direct: float,
    two_step: float,
    min_shared: int,
) -> float:
    """How strongly the thesaurus links lemmas `a` and `b`: `direct` when one lists the other,
    `two_step` when their lists share `min_shared` words or more, else 0. Antonym pairs: 0."""
    if a == b:
        return 1.0
    if (a, b) in antonyms or (b, a) in antonyms:
        return 0.0
    thesaurus = get_thesaurus()
    if thesaurus is None:
        return 0.0
    syn_a, syn_b = thesaurus.synonyms(a), thesaurus.synonyms(b)
    if b in syn_a or a in syn_b:
        return direct
    if len(syn_a & syn_b) >= min_shared:
        return two_step
    return 0.0
