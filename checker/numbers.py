"""French quantities in prose, normalised so that different spellings compare equal.

« trois millions », « 3 M€ », « 3 millions d’euros », « 3 000 000 € », « 40 % »,
« 40 pour cent », « quarante pour cent », « 1,5 milliard », « 2 000 », « 26 janvier 2026 »,
« 1er mars », « janvier 2026 », « 2030 »: each becomes a `Quantity` with a value, a unit
(``%``, ``€``, ``$``, ``£``, ``t``, ``ha``, ``km``… or None) and, for dates, its day, month and year.

`find_quantities(text)` is linear in the text length (a few compiled regular expressions).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Compiled once: Grammalecte's own patterns keep re's cache of 512 full, so re.match(pattern_string, …)
# would compile these again for every document.
_DOTTED_THOUSANDS_RE = re.compile(r"\d{1,3}(?:\.\d{3})+")

MONTHS = {
    "janvier": 1,
    "février": 2,
    "fevrier": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "août": 8,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "décembre": 12,
    "decembre": 12,
}

NUMBER_WORDS = {
    "zéro": 0,
    "zero": 0,
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "treize": 13,
    "quatorze": 14,
    "quinze": 15,
    "seize": 16,
    "vingt": 20,
    "vingts": 20,
    "trente": 30,
    "quarante": 40,
    "cinquante": 50,
    "soixante": 60,
    "septante": 70,
    "huitante": 80,
    "octante": 80,
    "nonante": 90,
    "cent": 100,
    "cents": 100,
    "mille": 1000,
    "mil": 1000,
}
SCALES = {
    "million": 1e6,
    "millions": 1e6,
    "milliard": 1e9,
    "milliards": 1e9,
    "billion": 1e12,
    "billions": 1e12,
}
# Words that are numbers only when a multiplier or a unit follows (« un partenariat », « un projet neuf »).
_AMBIGUOUS_ALONE = {"un", "une", "neuf", "mil"}

# Short multipliers written after digits: 3 M€, 2 Md$, 500 k€, 1,2 Mds d’euros.
_SHORT_SCALES = {"k": 1e3, "m": 1e6, "md": 1e9, "mds": 1e9, "mrd": 1e9, "mrds": 1e9}

UNITS = {
    "%": "%",
    "pour cent": "%",
    "pourcent": "%",
    "pour-cent": "%",
    "€": "€",
    "euro": "€",
    "euros": "€",
    "eur": "€",
    "$": "$",
    "dollar": "$",
    "dollars": "$",
    "usd": "$",
    "£": "£",
    "livre sterling": "£",
    "livres sterling": "£",
    "tonne": "t",
    "tonnes": "t",
    "t": "t",
    "hectare": "ha",
    "hectares": "ha",
    "ha": "ha",
    "kilomètre": "km",
    "kilomètres": "km",
    "km": "km",
    "mégawatt": "MW",
    "mégawatts": "MW",
    "mw": "MW",
    "gigawatt": "GW",
    "gigawatts": "GW",
    "gw": "GW",
    "habitant": "habitants",
    "habitants": "habitants",
    "emploi": "emplois",
    "emplois": "emplois",
    "personne": "personnes",
    "personnes": "personnes",
    "an": "ans",
    "ans": "ans",
    "année": "ans",
    "années": "ans",
    "mois": "mois",
    "jour": "jours",
    "jours": "jours",
    "point": "points",
    "points": "points",
}

_SP = r"[ \u00a0\u202f]"
_NUMBER_WORD_SEPARATOR_RE = re.compile(rf"(?:{_SP}|-)+")  # compiled once (see above)
_SPACES_RE = re.compile(rf"{_SP}+")
_APOS = "'’"
# The months as a regular-expression alternation, longest first (« juillet » before « juil »).
MONTH_ALTERNATIVES = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE_RE = re.compile(
    rf"(?<![\w-])(?:(?P<day>1er|premier|[0-3]?\d){_SP}+)?(?P<month>{MONTH_ALTERNATIVES})(?:{_SP}+(?P<year>\d{{4}}))?(?![\w-])",
    re.IGNORECASE,
)
_DIGITS = rf"\d{{1,3}}(?:{_SP}\d{{3}})+(?:,\d+)?|\d{{1,3}}(?:\.\d{{3}})+(?!\d)|\d+(?:[,.]\d+)?"
_WORDNUM = "|".join(sorted(list(NUMBER_WORDS) + list(SCALES), key=len, reverse=True))
_WORDS_RE = rf"(?:{_WORDNUM})(?:(?:{_SP}+|-)(?:et(?:{_SP}+|-))?(?:{_WORDNUM}))*"
_UNIT_NAMES = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_QUANTITY_RE = re.compile(
    rf"(?<![\w,.-])(?:(?P<digits>{_DIGITS})|(?P<words>{_WORDS_RE}))"
    rf"(?:{_SP}*(?P<short>[kK]|M|Mds?|Mrds?|md)(?=\s*[€$£]))?"
    rf"(?:{_SP}+(?P<scale>millions?|milliards?|billions?|mille))?"
    rf"(?:{_SP}*(?:(?:de|d[{_APOS}]){_SP}*)?(?P<unit>{_UNIT_NAMES})(?![\w]))?"
    rf"(?![\w])",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Quantity:
    start: int  # offsets in the text given to find_quantities
    end: int
    value: float
    unit: str | None = None
    kind: str = "number"  # number, date
    day: int | None = None
    month: int | None = None
    year: int | None = None

    @property
    def text_key(self) -> str:
        if self.kind == "date":
            return f"date:{self.day}/{self.month}/{self.year}"
        return f"{self.value:g}{self.unit or ''}"

    def same(self, other: Quantity) -> bool:
        """Whether two quantities state the same thing (a missing unit or year matches any)."""
        if self.kind == "date" or other.kind == "date":
            if self.kind != other.kind:
                return False
            return (
                self.month == other.month
                and (self.day is None or other.day is None or self.day == other.day)
                and (self.year is None or other.year is None or self.year == other.year)
            )
        if self.unit and other.unit and self.unit != other.unit:
            return False
        return _close(self.value, other.value)

    def comparable(self, other: Quantity) -> bool:
        """Whether two quantities measure the same kind of thing (so a difference is a contradiction)."""
        if self.kind != other.kind:
            return False
        if self.kind == "date":
            return True
        if _is_year(self) != _is_year(other):
            return False
        return self.unit == other.unit or self.unit is None or other.unit is None


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1.0)


def _is_year(q: Quantity) -> bool:
    return q.unit is None and q.value.is_integer() and 1800 <= q.value <= 2200


def _fold(s: str) -> str:
    return unicodedata.normalize("NFC", s).lower()


def _digits_value(raw: str) -> float | None:
    s = re.sub(_SP, "", raw)
    if _DOTTED_THOUSANDS_RE.fullmatch(s):
        s = s.replace(".", "")
    s = s.replace(",", ".")
    try:
        return float(s)
    except ValueError:
        return None


def words_value(raw: str) -> float | None:
    """Value of French number words: « quatre-vingt-dix-sept », « deux cent mille », « trois millions »."""
    parts = [p for p in _NUMBER_WORD_SEPARATOR_RE.split(_fold(raw)) if p and p != "et"]
    if not parts:
        return None
    total = 0.0
    current = 0.0
    for part in parts:
        if part in SCALES:
            total += (current or 1) * SCALES[part]
            current = 0
            continue
        v = NUMBER_WORDS.get(part)
        if v is None:
            return None
        if v == 1000:
            total += (current or 1) * 1000
            current = 0
        elif v == 100:
            current = (current or 1) * 100
        elif v == 20 and current % 100 == 4:
            current += 76  # quatre-vingt(s)
        else:
            current += v
    return total + current


@lru_cache(maxsize=20_000)
def find_quantities(text: str) -> tuple[Quantity, ...]:
    """Every date, amount, percentage and number of `text`, in order."""
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for m in _DATE_RE.finditer(text):
        day_raw, year_raw = m.group("day"), m.group("year")
        if not day_raw and not year_raw:
            continue  # « mars » alone is not a date
        day = None
        if day_raw:
            day = 1 if day_raw.lower() in ("1er", "premier") else int(day_raw)
            if not 1 <= day <= 31:
                continue
        month = MONTHS[_fold(m.group("month"))]
        year = int(year_raw) if year_raw else None
        value = float((year or 0) * 10000 + month * 100 + (day or 0))
        found.append(Quantity(m.start(), m.end(), value, None, "date", day, month, year))
        taken.append(m.span())
    for m in _QUANTITY_RE.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        q = _quantity(m)
        if q is not None:
            found.append(q)
    found.sort(key=lambda q: q.start)
    return tuple(found)


def _quantity(m: re.Match[str]) -> Quantity | None:
    digits, words = m.group("digits"), m.group("words")
    short, scale, unit_raw = m.group("short"), m.group("scale"), m.group("unit")
    if digits:
        value = _digits_value(digits)
    else:
        if _fold(words) in _AMBIGUOUS_ALONE and not (scale or unit_raw):
            return None
        value = words_value(words)
    if value is None:
        return None
    if short:
        value *= _SHORT_SCALES.get(short.lower(), 1)
    if scale:
        value *= SCALES.get(_fold(scale), 1000)
    unit = None
    if unit_raw:
        unit = UNITS.get(_SPACES_RE.sub(" ", _fold(unit_raw)))
        if unit is None:
            unit = UNITS.get(unit_raw)
    end = m.end()
    text = m.string
    while end > m.start() and text[end - 1].isspace():
        end -= 1
    return Quantity(m.start(), end, value, unit)


def quantity_keys(text: str) -> set[str]:
    """Normalised keys of every quantity (and of every year inside a full date) of `text`."""
    keys: set[str] = set()
    for q in find_quantities(text):
        keys.add(q.text_key)
        if q.kind == "date" and q.year is not None:
            keys.add(f"{float(q.year):g}")
    return keys
