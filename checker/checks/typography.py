"""French typography: spaces around high punctuation and guillemets, quotes, apostrophes,
ellipsis, digit grouping, spaces before % and currency symbols, doubled spaces.

Conventions (documented in `rules/typography.yaml`), by `locale` of the configuration:

============  ==========  =========  ==========  ===============  ===================
locale        ; ! ?       :          « »         % € $…           thousands
============  ==========  =========  ==========  ===============  ===================
fr-FR, fr-BE  U+202F      U+00A0     U+00A0      U+202F           U+202F
fr-CH         U+202F      U+202F     U+202F      U+202F           U+202F
fr-CA         no space    U+00A0     U+00A0      U+00A0           U+00A0
============  ==========  =========  ==========  ===============  ===================

Where a space is required, either no-break space (U+00A0 or U+202F) is accepted; the table gives
the one a fix inserts. In fr-CA an ordinary space before ; ! ? is flagged (it is removed by the
fix) but a deliberate no-break space is accepted.

Every finding whose edit is safe carries `fix`: a list of source edits
`{start, end, replacement}`, each checked to cover source text identical to the visible text
(so no markup, entity, escape or line break is ever rewritten). `checker lint --fix` applies them.
Everything here is a linear regex scan of each block's visible text.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from checker.context import CheckContext
from checker.document import Block, Document
from checker.findings import Edit, Finding

# Compiled once: Grammalecte's own patterns keep re's cache of 512 full, so re.match(pattern_string, …)
# would compile these again for every document.
_OPENING_GUILLEMET_RE = re.compile(r"«(?=[^\s»])")
_ETC_RE = re.compile(r"(?i)(?:^|\W)etc$")
_PERCENT_ESCAPE_RE = re.compile(r"%[0-9A-Fa-f]{2}")
_ROMAN_NUMBER_RE = re.compile(r"[IVXLC]+")
_LETTERS_RE = re.compile(r"[^\W\d_]+")

NBSP = "\u00a0"
NNBSP = "\u202f"
NO_BREAK = (NBSP, NNBSP)

# Spaces a fix may replace: ordinary, tab, and the breaking Unicode spaces (thin, en, em…).
_BREAKING = " \t\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a"
_ANY_SPACE = _BREAKING + NBSP + NNBSP + "\u2007"
_SP = f"[{_ANY_SPACE}]"
_BRK = f"[{_BREAKING}]"

# What the fix inserts, per locale and position ("" = no space at all).
_CONVENTIONS: dict[str, dict[str, str]] = {
    "fr-FR": {";": NNBSP, "!": NNBSP, "?": NNBSP, ":": NBSP, "»": NBSP, "«": NBSP, "unit": NNBSP, "group": NNBSP},
    "fr-CH": {";": NNBSP, "!": NNBSP, "?": NNBSP, ":": NNBSP, "»": NNBSP, "«": NNBSP, "unit": NNBSP, "group": NNBSP},
    "fr-CA": {";": "", "!": "", "?": "", ":": NBSP, "»": NBSP, "«": NBSP, "unit": NBSP, "group": NBSP},
}

_SPACE_NAMES = {
    NBSP: "une espace insécable (U+00A0)",
    NNBSP: "une espace fine insécable (U+202F)",
    "": "aucune espace",
}

CURRENCIES = "€$£¥₽₹₺₪₼₩₿"

# A run of spaces before high punctuation or a closing guillemet; after an opening guillemet.
_SPACE_BEFORE_RE = re.compile(rf"(?<=\S){_SP}+(?=[;:!?»])")
_SPACE_AFTER_OPEN_RE = re.compile(rf"«({_SP}*)(?=\S)")
# High punctuation glued to the previous word (checked further in `_missing_space`).
_HIGH_PUNCT_RE = re.compile(r"[;:!?»]")
_GLUE_BEFORE = ")]»”%€$"

_STRAIGHT_QUOTES_RE = re.compile(r'(?<![\w"])"(?=[^\s"])([^"\n]{0,500}?)(?<=[^\s"])"(?!\w)')
_ENGLISH_QUOTES_RE = re.compile(r"“(?=\S)([^“”\n]{0,500}?)(?<=\S)”")
_APOSTROPHE_RE = re.compile(r"(?<=[^\W\d_])['’](?=[^\W\d_])")
_ELLIPSIS_RE = re.compile(r"(?<!\.)\.\.\.(?!\.)")

_LONG_NUMBER_RE = re.compile(r"(?<![\w.,/\-+#°\u00a0\u202f])[1-9]\d{4,}(?![\w/\-]|[.,]\d{3}|\.\d)")
_SPACED_NUMBER_RE = re.compile(rf"(?<![\w.,+\-/])(?<!\d{_SP})[1-9]\d{{0,2}}(?:{_SP}\d{{3}})+(?![\w/\-]|[.,]\d{{3}})")
_NUMBER_PREFIX_RE = re.compile(
    r"(?:\bn[o°º]\.?|\bN[o°º]\.?|#|\bréf\.?|\bcode|\bISBN|\bISSN|\bSIRE[NT]|\btél\.?|\bart\.?|\bcompte|\bIBAN)\s*$",
    re.IGNORECASE,
)
_POSTCODE_AFTER_RE = re.compile(rf"{_SP}[A-ZÀ-ÖØ-Þ]")
# A catalogue designation is a name, not a quantity: « HD 188753 », « NGC 2403 », « KIC 8462852 ».
_DESIGNATION_BEFORE_RE = re.compile(rf"\b[A-Z]{{2,4}}{_SP}$")

_UNIT_GLUED_RE = re.compile(rf"(?<=\d)(?:%(?![0-9A-Fa-f]{{2}})|‰|[{CURRENCIES}])")
_UNIT_SPACED_RE = re.compile(rf"(?<=\d){_SP}+(?=[%‰{CURRENCIES}])")

_DOUBLE_SPACE_RE = re.compile(rf"(?<=\S){_SP}{{2,}}(?=\S)")

# Units of measure glued to their number (« 80kg »); case-sensitive, whole token only.
_UNITS = (
    "kg|mg|g|t|km|m|cm|mm|µm|nm|ha|km²|m²|m³|l|L|cl|ml|hl|kWh|MWh|GWh|TWh|W|kW|MW|GW|V|kV|mA|A|Hz|kHz|MHz|GHz|"
    "Go|Mo|Ko|To|octets|°C|°F|K|km/h|m/s|kg/m²|dB|mph|nœuds|ct|bar|mbar|hPa|Pa"
)
_UNIT_GLUED_WORD_RE = re.compile(rf"(?<![\w.,/])(\d+(?:[.,]\d+)?)({_UNITS})(?![\w²³/])")
# Times: « 20h30 », « 20h », « 20 h30 », « 20H30 » → « 20 h 30 » (hours 0-24, minutes 00-59).
_TIME_RE = re.compile(
    rf"(?<![\w.,:/])([01]?\d|2[0-4])({_SP}?)([hH])({_SP}?)([0-5]\d)?(?![\w:/])"
)
# Ordinals written with è, ème, eme, ième…: « XIXè », « 2ème », « 2eme », « 1ère ».
_ORDINAL_RE = re.compile(
    r"(?<![\w-])(\d+|[IVXLC]+)(ème|eme|ième|ieme|è|ièmes|èmes|emes|iemes|ère|ere|ière)(?![\w-])"
)
# An elided word followed by a space (« d’ enfants »), or « qu » without its apostrophe (« qu il »).
_ELISION_SPACE_RE = re.compile(
    rf"(?<![\w-])([cdjlmnstCDJLMNST]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu|[Qq]uoiqu)(['’]){_BRK}+(?=[^\W\d_])"
)
_MISSING_APOSTROPHE_RE = re.compile(
    r"(?<![\w-])([Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu)( )(il|ils|elle|elles|on|un|une|au|aux|à|en)(?![\w'’-])"
)


def locale_conventions(locale: str) -> dict[str, str]:
    key = locale.replace("_", "-").lower()
    if key.startswith("fr-ca"):
        return _CONVENTIONS["fr-CA"]
    if key.startswith("fr-ch"):
        return _CONVENTIONS["fr-CH"]
    return _CONVENTIONS["fr-FR"]


def _where(punct: str) -> str:
    if punct == "«":
        return "après le guillemet ouvrant «"
    if punct == "»":
        return "avant le guillemet fermant »"
    return f"avant « {punct} »"


def _show(space: str) -> str:
    return _SPACE_NAMES.get(space, "espace")


class _Findings:
    """The findings of one document, with the helpers every rule uses: locale conventions, safe edits."""

    def __init__(self, doc: Document, ctx: CheckContext) -> None:
        self.doc = doc
        self.ctx = ctx
        self.conv = locale_conventions(ctx.config.locale)
        self.findings: list[Finding] = []

    # ------------------------------------------------------------ edits

    def edit(self, block: Block, start: int, end: int, replacement: str) -> Edit | None:
        """A source edit replacing the visible [start, end), or None when it would not be safe."""
        return self.ctx.safe_edit(block, start, end, replacement)

    def add(
        self,
        rule_id: str,
        block: Block,
        start: int,
        end: int,
        edits: list[Edit | None],
        suggestion: str,
        **fmt: Any,
    ) -> None:
        s, e = block.source_span(start, end)
        self.add_at(rule_id, s, e, edits, suggestion, **fmt)

    def replace(self, rule_id: str, block: Block, m: re.Match[str], replacement: str, **fmt: Any) -> None:
        """A finding over match `m` whose fix, and suggestion, is `replacement` for the whole match."""
        edit = self.edit(block, m.start(), m.end(), replacement)
        self.add(rule_id, block, m.start(), m.end(), [edit], replacement, **fmt)

    def add_at(
        self,
        rule_id: str,
        start: int,
        end: int,
        edits: list[Edit | None],
        suggestion: str,
        **fmt: Any,
    ) -> None:
        """A finding over source offsets [start, end), with its fix when every edit is safe."""
        if end > start:
            self.findings.append(self.ctx.finding(rule_id, start, end, suggestions=[suggestion], fix=edits, **fmt))

    def real(self, block: Block, start: int, end: int) -> str:
        """The visible [start, end) with the no-break spaces of the source put back where a parser
        turned them into ordinary spaces (e.g. YAML scalars aligned word by word)."""
        text = block.text[start:end]
        if " " not in text:
            return text
        source = self.doc.source
        offsets = block.offsets
        chars = list(text)
        for i, ch in enumerate(chars):
            if ch == " " and source[offsets[start + i]] in NO_BREAK:
                chars[i] = source[offsets[start + i]]
        return "".join(chars)


# ---------------------------------------------------------------- rules


def spaces_around_punctuation(c: _Findings, block: Block, want_space: bool, want_missing: bool) -> None:
    text = block.text
    conv = c.conv
    if want_space:
        for m in _SPACE_BEFORE_RE.finditer(text):
            punct = text[m.end()]
            space_run(c, block, m.start(), m.end(), punct, conv[punct], required_before=True)
        for m in _SPACE_AFTER_OPEN_RE.finditer(text):
            if m.group(1):
                space_run(c, block, m.start(1), m.end(1), "«", conv["«"], required_before=False)
    if want_missing:
        for m in _HIGH_PUNCT_RE.finditer(text):
            punct = m.group()
            required = conv[punct]
            if required and m.start() and _missing_space(text, m.start(), punct):
                c.replace(
                    "typography.nbsp-before-punct",
                    block,
                    m,
                    required + punct,
                    where=_where(punct),
                    expected=_show(required),
                )
        required = conv["«"]
        for m in _OPENING_GUILLEMET_RE.finditer(text):
            c.replace(
                "typography.nbsp-before-punct",
                block,
                m,
                "«" + required,
                where=_where("«"),
                expected=_show(required),
            )


def space_run(
    c: _Findings, block: Block, start: int, end: int, punct: str, required: str, required_before: bool
) -> None:
    """Spaces at visible [start, end), just before `punct` (or just after « when not `required_before`)."""
    offsets = block.offsets
    source = c.doc.source
    # The source between the mark and the word: HTML may have collapsed several spaces into one.
    if required_before:
        src_start, src_end = offsets[start], offsets[end]
    else:
        src_start, src_end = block.source_span(start - 1, start)[1], offsets[end]  # « may be an entity
    between = source[src_start:src_end]
    if between and not between.strip(_ANY_SPACE):
        run = between
        span = (src_start, src_end)
    elif _contiguous(block, start - (not required_before), end + required_before):
        run = c.real(block, start, end)  # e.g. a line break read as a space: reported, never fixed
        span = None
    else:
        return  # code, a link or markup between the space and the mark
    if len(run) == 1 and run in NO_BREAK:
        return  # fr-CA: a deliberate no-break space before ; ! ? is tolerated too
    suggestion = required + punct if required_before else punct + required
    where, expected = _where(punct), _show(required)
    if span is None:
        edit = c.edit(block, start, end, required)
        c.add("typography.space-before-punct", block, start, end, [edit], suggestion, where=where, expected=expected)
        return
    edit = Edit(span[0], span[1], required)
    c.add_at("typography.space-before-punct", span[0], span[1], [edit], suggestion, where=where, expected=expected)


def _missing_space(text: str, at: int, punct: str) -> bool:
    before = text[at - 1]
    after = text[at + 1] if at + 1 < len(text) else ""
    if punct == "»":
        return not before.isspace() and before not in "«»"
    if not ((before.isalnum() and before != "_") or before in _GLUE_BEFORE):
        return False  # after a space, an opening bracket, another mark ("?!")…
    if punct in ";:":
        # "14:30", "a;b", "std::", emoticons: only punctuation followed by a space or the end.
        return after == "" or after.isspace() or after in '«"“'
    # ! ?: not inside a token ("?utm=", "!important"), not in a run ("?!" is checked once).
    return not after or not (after.isalnum() or after in "_=&/")


def quotes(c: _Findings, block: Block) -> None:
    text = block.text
    conv = c.conv
    open_sp = conv["«"]
    close_sp = conv["»"]
    guillemets = _Guillemets(text)
    for m in _STRAIGHT_QUOTES_RE.finditer(text):
        if guillemets.inside(m.start()):
            _quote(c, block, m, "“", "”", "des guillemets anglais “ ” (citation dans une citation)")
        else:
            _quote(c, block, m, "«" + open_sp, close_sp + "»", "« … »")
    for m in _ENGLISH_QUOTES_RE.finditer(text):
        if guillemets.inside(m.start()):
            continue  # “ ” inside « » is the French second level
        _quote(c, block, m, "«" + open_sp, close_sp + "»", "« … »")


def _quote(c: _Findings, block: Block, m: re.Match[str], opening: str, closing: str, expected: str) -> None:
    """A quoted passage whose two quote marks are replaced by `opening` and `closing`."""
    c.add(
        "typography.quotes",
        block,
        m.start(),
        m.end(),
        [
            c.edit(block, m.start(), m.start() + 1, opening),
            c.edit(block, m.end() - 1, m.end(), closing),
        ],
        opening + m.group(1) + closing,
        expected=expected,
    )


def apostrophes(c: _Findings) -> None:
    places: list[tuple[Block, int, str]] = []
    for block in c.doc.blocks:
        text = block.text
        if ("'" not in text and "’" not in text) or c.doc.is_front_matter_field(block):
            continue
        for m in _APOSTROPHE_RE.finditer(text):
            places.append((block, m.start(), m.group()))
    straight = sum(1 for _, _, ch in places if ch == "'")
    curly = len(places) - straight
    if not straight or not curly:
        return
    # The typographic apostrophe is the French norm: it is never the one to change, even when the
    # straight one is more frequent (then the writer's keyboard produced those, not a choice).
    for block, at, ch in places:
        if ch != "'":
            continue
        c.add(
            "typography.apostrophe-consistency",
            block,
            at,
            at + 1,
            [c.edit(block, at, at + 1, "’")],
            "’",
            count_straight=straight,
            count_curly=curly,
        )


def ellipsis(c: _Findings, block: Block) -> None:
    text = block.text
    for m in _ELLIPSIS_RE.finditer(text):
        before = text[max(0, m.start() - 4) : m.start()]
        replacement = "." if _ETC_RE.search(before) else "…"
        c.replace(
            "typography.ellipsis",
            block,
            m,
            replacement,
        )


def numbers(c: _Findings, block: Block) -> None:
    text = block.text
    group = c.conv["group"]
    for m in _LONG_NUMBER_RE.finditer(text):
        digits = m.group()
        if _NUMBER_PREFIX_RE.search(text, max(0, m.start() - 12), m.start()):
            continue
        if _DESIGNATION_BEFORE_RE.search(text, max(0, m.start() - 6), m.start()):
            continue
        if len(digits) == 5 and _POSTCODE_AFTER_RE.match(text, m.end()):
            continue  # "75001 Paris"
        if len(digits) > 12:
            continue  # an identifier, not a quantity
        grouped = _group(digits, group)
        c.replace(
            "typography.number-spacing",
            block,
            m,
            grouped,
        )
    for m in _SPACED_NUMBER_RE.finditer(text):
        number = m.group()
        if not any(ch in _BREAKING for ch in number):
            continue
        if _NUMBER_PREFIX_RE.search(text, max(0, m.start() - 12), m.start()):
            continue
        fixed = "".join(group if ch in _BREAKING else ch for ch in number)
        c.replace(
            "typography.number-spacing",
            block,
            m,
            fixed,
        )


def units(c: _Findings, block: Block) -> None:
    text = block.text
    required = c.conv["unit"]
    want_percent = c.ctx.enabled("typography.percent-space")
    want_currency = c.ctx.enabled("typography.currency-space")
    for m in _UNIT_GLUED_RE.finditer(text):
        unit = m.group()
        rule = "typography.percent-space" if unit in "%‰" else "typography.currency-space"
        if (rule == "typography.percent-space" and not want_percent) or (
            rule == "typography.currency-space" and not want_currency
        ):
            continue
        c.replace(
            rule,
            block,
            m,
            required + unit,
            unit=unit,
            expected=_show(required),
        )
    for m in _UNIT_SPACED_RE.finditer(text):
        run = c.real(block, m.start(), m.end())
        if (len(run) == 1 and run in NO_BREAK) or not _contiguous(block, m.start() - 1, m.end() + 1):
            continue
        unit = text[m.end()]
        if unit == "%" and _PERCENT_ESCAPE_RE.match(text[m.end() : m.end() + 3]):
            continue
        rule = "typography.percent-space" if unit in "%‰" else "typography.currency-space"
        if (rule == "typography.percent-space" and not want_percent) or (
            rule == "typography.currency-space" and not want_currency
        ):
            continue
        c.add(
            rule,
            block,
            m.start(),
            m.end(),
            [c.edit(block, m.start(), m.end(), required)],
            required + unit,
            unit=unit,
            expected=_show(required),
        )


def double_spaces(c: _Findings, block: Block) -> None:
    text = block.text
    for m in _DOUBLE_SPACE_RE.finditer(text):
        if not _contiguous(block, m.start(), m.end()):
            continue  # the spaces around something not shown (a URL, code, an image)
        after = text[m.end()]
        before = text[m.start() - 1]
        if after in ";:!?»%‰" + CURRENCIES or before == "«":
            continue  # reported (and fixed) by the punctuation and unit rules
        run = c.real(block, m.start(), m.end())
        keep = next((ch for ch in run if ch in NO_BREAK), " ")
        c.replace(
            "typography.double-space",
            block,
            m,
            keep,
            count=len(run),
        )


def unit_spacing(c: _Findings, block: Block) -> None:
    """« 80kg » → « 80 kg », with the no-break space of the locale."""
    text = block.text
    required = c.conv["unit"]
    for m in _UNIT_GLUED_WORD_RE.finditer(text):
        number, unit = m.group(1), m.group(2)
        if unit in ("A", "K", "V", "W", "t", "m", "g", "l", "L") and _looks_like_identifier(text, m):
            continue  # « 4G », « A380 », « T4 », « 3D » and the like are names, not measures
        at = m.start(2)
        c.add(
            "typography.unit-space",
            block,
            m.start(),
            m.end(),
            [c.edit(block, at, at + len(unit), required + unit)],
            number + required + unit,
            expected=_show(required),
        )


def times(c: _Findings, block: Block) -> None:
    """« 20h30 » → « 20 h 30 », « 20h » → « 20 h » (French convention, no-break spaces)."""
    text = block.text
    required = c.conv["unit"]
    for m in _TIME_RE.finditer(text):
        hours, space1, h, space2, minutes = m.groups()
        if h == "h" and space1 in NO_BREAK and (minutes is None or space2 in NO_BREAK):
            continue  # already « 20 h 30 »
        if not space1 and not minutes and m.end() < len(text) and text[m.end()] in "-–":
            continue  # « 24h-24 », ranges written another way
        if space1 == " " and not minutes:
            continue  # « 20 h » with an ordinary space: not a time glued or mistyped, left alone
        suggestion = hours + required + "h" + (required + minutes if minutes else "")
        c.replace("typography.time-format", block, m, suggestion, expected=_show(required))


def ordinals(c: _Findings, block: Block) -> None:
    """« XIXè », « 2ème », « 2eme » → « XIXe », « 2e »; « 1ère » → « 1re »."""
    text = block.text
    for m in _ORDINAL_RE.finditer(text):
        number, ending = m.groups()
        if number[0] in "IVXLC" and not _ROMAN_NUMBER_RE.fullmatch(number):
            continue
        plural = ending.endswith("s")
        feminine_first = ending in ("ère", "ere", "ière") and number in ("1", "I")
        if ending in ("ère", "ere", "ière") and not feminine_first:
            continue  # « 2ère » is another error; not ours to guess
        suggestion = number + ("re" if feminine_first else "es" if plural else "e")
        c.replace("typography.ordinal", block, m, suggestion)


def elisions(c: _Findings, block: Block) -> None:
    """« d’ enfants » (a space after the apostrophe) and « qu il » (no apostrophe)."""
    text = block.text
    for m in _ELISION_SPACE_RE.finditer(text):
        word_start = m.end()
        nxt = _LETTERS_RE.match(text[word_start:])
        suggestion = m.group(1) + m.group(2) + (nxt.group() if nxt else "")
        c.add(
            "typography.elision",
            block,
            m.start(),
            word_start + (nxt.end() if nxt else 0),
            [c.edit(block, m.end(2), word_start, "")],
            suggestion,
        )
    apostrophe = "’" if "’" in text or "'" not in text else "'"
    for m in _MISSING_APOSTROPHE_RE.finditer(text):
        suggestion = m.group(1) + apostrophe + m.group(3)
        c.replace("typography.elision", block, m, suggestion)



def _looks_like_identifier(text: str, m: re.Match[str]) -> bool:
    """A single-letter unit glued to a short number and followed by more letters or digits, or
    preceded by a capital letter, reads as a name (« A380 », « T4 », « 4G », « 3D »)."""
    before = text[m.start() - 1] if m.start() else ""
    return before.isalpha() or len(m.group(1)) == 1


def _contiguous(block: Block, start: int, end: int) -> bool:
    """Whether the visible [start, end) is one run of adjacent source characters (nothing removed inside)."""
    offsets = block.offsets
    first = offsets[start]
    return all(offsets[i] == first + (i - start) for i in range(start + 1, end))


class _Guillemets:
    """Whether a position is inside « … », by bisecting the positions of the guillemets (linear overall)."""

    def __init__(self, text: str) -> None:
        self.opens = [i for i, ch in enumerate(text) if ch == "«"]
        self.closes = [i for i, ch in enumerate(text) if ch == "»"] if self.opens else []

    def inside(self, at: int) -> bool:
        if not self.opens:
            return False
        return bisect.bisect_left(self.opens, at) > bisect.bisect_left(self.closes, at)


def _group(digits: str, sep: str) -> str:
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return sep.join(parts)


CODED_RULES = frozenset(
    f"typography.{name}"
    for name in (
        "nbsp-before-punct",
        "space-before-punct",
        "quotes",
        "apostrophe-consistency",
        "ellipsis",
        "number-spacing",
        "percent-space",
        "currency-space",
        "double-space",
        "unit-space",
        "time-format",
        "ordinal",
        "elision",
    )
)


def check(doc: Document, ctx: CheckContext) -> list[Finding]:
    enabled = {r.id for r in ctx.enabled_rules("typography")}
    if not enabled:
        return []
    c = _Findings(doc, ctx)
    want_space = "typography.space-before-punct" in enabled
    want_missing = "typography.nbsp-before-punct" in enabled
    want_units = "typography.percent-space" in enabled or "typography.currency-space" in enabled
    want_double = "typography.double-space" in enabled and doc.format != "html"  # HTML collapses spaces
    for block in doc.blocks:
        if want_space or want_missing:
            spaces_around_punctuation(c, block, want_space, want_missing)
        if "typography.quotes" in enabled and ('"' in block.text or "“" in block.text):
            quotes(c, block)
        if "typography.ellipsis" in enabled and "..." in block.text:
            ellipsis(c, block)
        if "typography.number-spacing" in enabled:
            numbers(c, block)
        if want_units:
            units(c, block)
        if want_double:
            double_spaces(c, block)
        if "typography.unit-space" in enabled and any(ch.isdigit() for ch in block.text):
            unit_spacing(c, block)
        if "typography.time-format" in enabled and ("h" in block.text or "H" in block.text):
            times(c, block)
        if "typography.ordinal" in enabled:
            ordinals(c, block)
        if "typography.elision" in enabled:
            elisions(c, block)
    if "typography.apostrophe-consistency" in enabled:
        apostrophes(c)
    return c.findings
