"""French syllable counting for the readability formulas.

Why not textstat: `textstat.set_lang("fr")` counts syllables as pyphen's hyphenation
points + 1. Hyphenation patterns never cut next to a word's edges, so every word-edge
syllable is lost ("été" 1, "théâtre" 1, "agriculture" 3, "coopération" 4), and textstat
first deletes apostrophes and hyphens, so "l’agri-tech" is read as "lagritech". Its
Kandel–Moles coefficients (207, 1.015, 73.6) are right; its counts are not. The tests in
`tests/test_readability.py` pin both facts against hand counts.

The convention counted here is the spoken syllable of standard (non-poetic) French,
derived from the spelling:

* A syllable is a group of consecutive vowel letters (a e i o u y, accented forms, œ, æ).
  "u" after "q", and after "g" before e/i/y, is part of the consonant ("qu", "gu").
* A group splits in two (hiatus) at a diaeresis (Isra|ël, na|ïf), after "é"
  (ré|a|li|té, thé|â|tre), before "é"/"è" after a, e, o (po|é|sie, a|é|ro|port), at
  "coo"/"zoo" at the start of a longer word (co|o|pé|ra|tion), at a "y" between two
  vowels (pa|yer, mo|yen), and after consonant + l/r + i/u/ou before a vowel (cli|ent,
  ou|bli|er, cru|el; "ui" stays one: pluie, fruit).
* A word-final mute e is not counted: final "-e" and "-es" (rencontre 2, idées 2,
  économiques 4), and the verb ending "-ent" of the third person plural (parlent 1,
  étaient 2) when the lemma shows a verb (simplemma: "parlent" → "parler"; "moment",
  "client", "président" keep their "-ent"). Inner e's are counted (samedi 3).
* Apostrophes and hyphens separate parts whose counts are added: the elided "l’" has no
  vowel and adds nothing ("l’agri-tech" 3, "aujourd’hui" 3, "jusqu’à" 2, "a-t-il" 2).
* A number counts one syllable per digit (26 → vingt-six 2, 2026 → 4): a cheap,
  documented approximation.
* An all-capital part of 2 or 3 letters is an abbreviation read letter by letter
  (IA 2, IDE 3; W counts 3).
* A word with no vowel at all still counts one syllable.
* A few spellings the rules get wrong are listed in `_EXCEPTIONS` (pays 2, paysage 3).
"""

from __future__ import annotations

import re
from functools import lru_cache

VOWELS = frozenset("aeiouyàâäéèêëîïôöùûüœæ")
_DIAERESIS = frozenset("ëïü")
_SOFT_AFTER_GU = frozenset("eiyéèêë")
_PART_SPLIT_RE = re.compile(r"[-‐‑'’ʼ]+")
_EXCEPTIONS = {
    "pays": 2,
    "paysan": 3,
    "paysans": 3,
    "paysanne": 3,
    "paysannes": 3,
    "paysage": 3,
    "paysages": 3,
    "abbaye": 3,
    "abbayes": 3,
}


@lru_cache(maxsize=100_000)
def count_syllables(word: str) -> int:
    """Spoken syllables of one written word (see the module docstring for the convention)."""
    total = 0
    for part in _PART_SPLIT_RE.split(word):
        if part:
            total += _part_syllables(part)
    return max(1, total)


def _part_syllables(part: str) -> int:
    if part.isdigit():
        return len(part)
    if 2 <= len(part) <= 3 and part.isalpha() and part.isupper():
        return sum(3 if ch in "WẂ" else 1 for ch in part)
    low = part.lower()
    if low in _EXCEPTIONS:
        return _EXCEPTIONS[low]
    if not any(ch in VOWELS for ch in low):
        return 0
    return _count_groups(_drop_mute_ending(low))


def _has_nucleus(stem: str) -> bool:
    return any(ch in VOWELS for ch in stem)


def _drop_mute_ending(word: str) -> str:
    if len(word) > 4 and word.endswith("ent") and _is_verb_plural(word):
        stem = word[:-3]
        if _has_nucleus(stem):
            return stem
    for ending in ("es", "e"):
        if word.endswith(ending):
            stem = word[: -len(ending)]
            # "le", "des", "que": the e is the only vowel, it is pronounced.
            if _has_nucleus(_vowel_letters_only(stem)):
                return stem
            return word
    return word


def _vowel_letters_only(stem: str) -> str:
    """The stem with the consonant "u" of "qu" and "gu" removed (so "que" keeps its e)."""
    if stem.endswith(("qu", "gu")):
        return stem[:-1]
    return stem


def _is_verb_plural(word: str) -> bool:
    from checker.document import lemma

    lem = lemma(word)
    return lem != word and lem.endswith(("er", "ir", "re", "oir"))


def _is_vowel_at(word: str, i: int) -> bool:
    ch = word[i]
    if ch not in VOWELS:
        return False
    if ch == "u" and i > 0:
        prev = word[i - 1]
        if prev == "q":
            return False
        if prev == "g" and i + 1 < len(word) and word[i + 1] in _SOFT_AFTER_GU:
            return False
    return True


def _count_groups(word: str) -> int:
    n = len(word)
    vowel = [_is_vowel_at(word, i) for i in range(n)]
    count = 0
    for i in range(n):
        if not vowel[i]:
            continue
        if i == 0 or not vowel[i - 1] or _hiatus(word, vowel, i):
            count += 1
    return count


def _hiatus(word: str, vowel: list[bool], i: int) -> bool:
    """Whether the vowel at i starts a new syllable although the letter before it is a vowel."""
    cur, prev = word[i], word[i - 1]
    if cur in _DIAERESIS or prev == "é":
        return True
    if cur in "éè" and prev in "aoeèâô":
        return True
    if cur == "o" and prev == "o" and i == 2 and word[0] in "cz" and len(word) > 3:
        return True
    if cur == "y" and i + 1 < len(word) and vowel[i + 1]:
        return True
    # Consonant + l/r + semivowel before a vowel: cli|ent, ou|bli|er, cru|el, é|blou|ir.
    start = i - 1
    if prev == "u" and start > 0 and word[start - 1] == "o":
        start -= 1
    elif prev not in "iuy" or (prev == "u" and cur == "i"):
        return False
    return start >= 2 and word[start - 1] in "lr" and not vowel[start - 2] and word[start - 2].isalpha()
