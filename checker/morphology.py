"""Morphology of French word forms: every reading (lemma, part of speech, tense, person, gender,
number) a form can have, shared by the claims cues and the grammar token patterns.

Sources, in order: Grammalecte's lexicon (Debian python3-grammalecte, shared with the grammar
engine when it is already loaded), Hunspell's fr_FR morphological fields (`po:` / `is:` / `st:`),
and, when neither is installed, simplemma lemmas plus French verb endings and a table of function
words (an approximation).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

# Compiled once: Grammalecte's own patterns keep re's cache of 512 full, so re.match(pattern_string, …)
# would compile these again for every document.
_MORPH_RE = re.compile(r">([^/]+)/(.*?)(?:/([^/]*))?$")
_PERSON_RE = re.compile(r"[123](?:sg|pl)")
_CONDITIONAL_RE = re.compile(r"r(?:ait|aient)$")
_FUTURE_RE = re.compile(r"r(?:a|ont)$")
_PARTICIPLE_RE = re.compile(r"(?:é|ée|és|ées)$")
_PRESENT_OR_PARTICIPLE_RE = re.compile(r"(?:i|ie|is|ies|u|ue|us|ues|it|ite|its|ites|ert|erte|erts|ertes)$")

_TENSES = {
    "K": "conditional",
    "If": "future",
    "Ip": "present",
    "Iq": "imperfect",
    "Is": "simple_past",
    "Sp": "subjunctive",
    "Sq": "subjunctive",
    "E": "imperative",
    "Y": "infinitive",
    "Q": "participle",
}
# The tenses of a conjugated verb (not the imperative, infinitive or participle).
FINITE_TENSES = frozenset({"present", "imperfect", "future", "conditional", "simple_past", "subjunctive"})
_PERSONS = {"1s", "2s", "3s", "1p", "2p", "3p"}
# Grammalecte's tags for the closed classes (":G:D:f:s" for « la » determiner, ":G:Os:O3:m:s" for « il »).
_CLOSED_CLASSES = {
    "D": ("determiner",),
    "Dd": ("determiner", "demonstrative"),
    "Dp": ("determiner", "possessive"),
    "Di": ("determiner",),
    "De": ("determiner",),
    "Dn": ("determiner",),
    "Os": ("pronoun", "subject_pronoun"),
    "Oo": ("pronoun", "object_pronoun"),
    "Or": ("pronoun", "relative_pronoun"),
    "Ot": ("pronoun",),
    "Od": ("pronoun",),
    "Oi": ("pronoun",),
    "R": ("preposition",),
    "Rv": ("preposition",),
    "Cc": ("conjunction", "coordinating_conjunction"),
    "Cs": ("conjunction", "subordinating_conjunction"),
    "B": ("numeral",),
    "X": ("negation",),
    "M1": ("proper_noun", "first_name"),
    "M2": ("proper_noun",),
    "MP": ("proper_noun", "place"),
    "N": ("noun",),
    "A": ("adjective",),
    "W": ("adverb",),
    "J": ("interjection",),
}
POS_NAMES = frozenset(
    {"verb", "participle", "infinitive"} | {name for names in _CLOSED_CLASSES.values() for name in names}
)


@dataclass(frozen=True, slots=True)
class Reading:
    lemma: str
    pos: frozenset[str]  # verb, noun, adjective, adverb, participle, infinitive, determiner, pronoun… (POS_NAMES)
    tenses: frozenset[str] = frozenset()
    persons: frozenset[str] = frozenset()
    genders: frozenset[str] = frozenset()  # m, f (both for an epicene word), empty when unknown
    numbers: frozenset[str] = frozenset()  # s, p (both for an invariable word), empty when unknown


_ENGINE: list[Any] = []  # [spellchecker or None], filled once
_FORCED_FALLBACK = [False]  # use_fallback_morphology(True): simplemma and endings only


def morphology_engine() -> Any:
    """Grammalecte's French lexicon (shared with the grammar engine when it already loaded it), or None."""
    if not _ENGINE:
        _ENGINE.append(_load_grammalecte())
    return _ENGINE[0]


def _load_grammalecte() -> Any:
    # The grammar engine's own spell checker (the same lexicon, fr-allvars): loaded once for both, where a
    # spell checker of our own would decode the 0.07 s dictionary a second time in every run with grammar.
    from checker.engines import EngineUnavailable, grammalecte_engine

    try:
        shared = grammalecte_engine.get_engine().spell_checker()
    except EngineUnavailable:
        shared = None
    if shared is not None:
        return shared
    try:
        try:
            from grammalecte.graphspell.spellchecker import SpellChecker
        except ImportError:
            dist = "/usr/lib/python3/dist-packages"
            if dist not in sys.path:
                sys.path.append(dist)  # at the end: never shadow the venv's packages
            from grammalecte.graphspell.spellchecker import SpellChecker
        return SpellChecker("fr")
    except Exception:  # optional engine: any failure means "use the fallback"
        return None


def use_fallback_morphology(flag: bool = True) -> None:
    """Force (or stop forcing) the lemma-and-ending fallback; for tests and benchmarks."""
    _ENGINE.clear()
    _FORCED_FALLBACK[0] = flag
    if flag:
        _ENGINE.append(None)
    analyse_word.cache_clear()
    _known_readings.cache_clear()
    analyse_form.cache_clear()
    faq_index = sys.modules.get("checker.faq_index")  # its morphology follows this module's lexicon
    if faq_index is not None:
        faq_index.clear_morphology_caches()


# Readings (form, lemma) that the lexicons give but prose never uses, and that only mislead the rules: « lui », the
# literary participle of luire, read as a participle in « On lui sait gré », « c'est lui ».
_IGNORED_READINGS = frozenset({("lui", "luire")})


@lru_cache(maxsize=100_000)
def analyse_word(word: str) -> tuple[Reading, ...]:
    """Every reading (lemma, part of speech, tense, person) of a lower-cased word form."""
    return _known_readings(word) or _fallback_readings(word)


@lru_cache(maxsize=100_000)
def _known_readings(word: str) -> tuple[Reading, ...]:
    """The lexicon's readings of a lower-cased word, or those of its part after a prefix; () when it lacks both."""
    return _lexicon_readings(word) or _prefixed_readings(word)


# Prefixes set before a word with a hyphen (« co-fondé », « re-publié », « auto-hébergés »): a form the lexicon lacks
# is read as its last part, the prefix added to each lemma; only as a verb, noun or adjective (« re-cette », a word cut
# at a line's end, is not the determiner « cette »).
_HYPHENATED_PREFIXES = frozenset(
    {"co", "re", "ré", "pré", "auto", "sur", "sous", "inter", "multi", "anti", "non", "contre", "néo", "post", "semi",
     "demi", "mi", "vice", "super", "hyper", "micro", "macro", "méga", "mini", "maxi", "ultra", "extra", "pro", "pluri"}
)  # fmt: skip


_OPEN_CLASSES = frozenset({"verb", "noun", "adjective"})
_CLOSED_CLASS_NAMES = frozenset({"determiner", "pronoun", "preposition", "conjunction"})


def _prefixed_readings(word: str) -> tuple[Reading, ...]:
    prefix, hyphen, rest = word.partition("-")
    if not hyphen or prefix not in _HYPHENATED_PREFIXES or len(rest) < 3 or "-" in rest:
        return ()
    return tuple(
        replace(reading, lemma=f"{prefix}-{reading.lemma}")
        for reading in _lexicon_readings(rest)
        if reading.pos & _OPEN_CLASSES and not reading.pos & _CLOSED_CLASS_NAMES
    )


def _lexicon_readings(word: str) -> tuple[Reading, ...]:
    """The readings the lexicon itself gives a lower-cased word (no guess for an unknown one)."""
    engine = morphology_engine()
    if engine is not None:
        return _kept(word, _grammalecte_readings(engine, word))
    return () if _FORCED_FALLBACK[0] else _kept(word, _hunspell_readings(word))


def _kept(word: str, readings: tuple[Reading, ...]) -> tuple[Reading, ...]:
    """The readings of a lower-cased word but those in _IGNORED_READINGS."""
    return tuple(r for r in readings if (word, r.lemma) not in _IGNORED_READINGS)


@lru_cache(maxsize=100_000)
def analyse_form(text: str) -> tuple[Reading, ...]:
    """Readings of a word as written: a capitalised word also gets the readings of its
    capitalised form (proper nouns are capitalised in the lexicon: « Obama », « Paris »)."""
    lower = text.lower().replace("’", "'").replace("ʼ", "'")
    # A capitalised word the lexicon lacks is likely a name (« Peter Higgs », « Fischer »), not an English common
    # noun: it keeps the guess of its ending, as before the English nouns were read (patterns between names rely on
    # it). Otherwise `analyse_word`, cached.
    if text[:1].isupper():
        readings = _known_readings(lower) or _fallback_readings(lower, english_nouns=False)
    else:
        readings = analyse_word(lower)
    head = inverted_verb(lower)
    if head:
        # « contactez-nous », « mange-t-il », « peut-on »: the verb's readings; a compound of the lexicon
        # keeps its own too (« le rendez-vous » is a noun).
        verbs = tuple(r for r in analyse_word(head) if "verb" in r.pos)
        if verbs:
            compound = _lexicon_readings(lower)
            readings = tuple(r for r in compound if "verb" not in r.pos) + verbs
    if text[:1].isupper() and text != lower:
        engine = morphology_engine()
        if engine is not None:
            extra = _kept(lower, _grammalecte_readings(engine, text.replace("'", "’")))
            return tuple(dict.fromkeys(readings + extra))
    return readings


_ENCLITIC_RE = re.compile(
    r"^(.+?)(?:-t-|-t'|-)(?:je|tu|il|elle|on|nous|vous|ils|elles|le|la|les|lui|leur|moi|toi|en|y|ce)$"
)


def inverted_verb(word: str) -> str:
    """The verb of a form written with a hyphenated pronoun after it (« contactez-nous »), else ""."""
    m = _ENCLITIC_RE.match(word) if "-" in word else None
    return m.group(1) if m else ""


def parse_morph(morph: str) -> tuple[str, list[str], str | None] | None:
    """One of Grammalecte's analyses, ">manger/:V1_it_q_zz:Ip:3s/*", as (lemma, lower-cased with a straight
    apostrophe; its tags, without the « ! » of a rare reading nor what follows « ; » (":N:f:p;É", a spelling
    variant mark); the spelling mark after the last « / », « R » for a spelling of the 1990 reform alone), or None
    when it does not read so."""
    m = _MORPH_RE.match(morph)
    if not m:
        return None
    tags = [t.rstrip("!") for t in m.group(2).split(";")[0].split(":") if t]
    return m.group(1).lower().replace("’", "'"), tags, m.group(3)


def _grammalecte_readings(engine: Any, word: str) -> tuple[Reading, ...]:
    try:
        morphs = engine.getMorph(word)
    except Exception:
        return ()
    out = []
    for morph in morphs:
        parsed = parse_morph(morph)
        if parsed is None:
            continue
        lemma, tags, _ = parsed
        pos: set[str] = set()
        tenses = {_TENSES[t] for t in tags if t in _TENSES}
        if any(t.startswith("V") for t in tags):
            pos.add("verb")
        for tag in tags:
            pos.update(_CLOSED_CLASSES.get(tag, ()))
        if "participle" in tenses:
            pos.add("participle")
        if "infinitive" in tenses:
            pos.add("infinitive")
        genders = {"m", "f"} if "e" in tags else {t for t in tags if t in ("m", "f")}
        numbers = {"s", "p"} if "i" in tags else {t for t in tags if t in ("s", "p")}
        out.append(
            Reading(
                lemma,
                frozenset(pos),
                frozenset(tenses),
                frozenset(t for t in tags if t in _PERSONS),
                frozenset(genders),
                frozenset(numbers),
            )
        )
    return tuple(out)


# Hunspell fr_FR (Dicollecte) fields: "st:manger po:v1_it_x__a po:ppas po:adj is:fem is:sg".
_HUNSPELL_POS = {
    "nom": ("noun",),
    "adj": ("adjective",),
    "adv": ("adverb",),
    "det": ("determiner",),
    "detpos": ("determiner", "possessive"),
    "detdem": ("determiner", "demonstrative"),
    "properobj": ("pronoun", "object_pronoun"),
    "prepos": ("preposition",),
    "prep": ("preposition",),
    "cjco": ("conjunction", "coordinating_conjunction"),
    "cjsub": ("conjunction", "subordinating_conjunction"),
    "prn": ("proper_noun",),
    "patr": ("proper_noun",),
    "npr": ("proper_noun",),
}
_HUNSPELL_TENSES = {
    "ipre": "present",
    "ifut": "future",
    "iimp": "imperfect",
    "ipsi": "simple_past",
    "cond": "conditional",
    "spre": "subjunctive",
    "simp": "subjunctive",
    "impe": "imperative",
    "infi": "infinitive",
    "ppas": "participle",
    "ppre": "participle",
}


def _hunspell_readings(word: str) -> tuple[Reading, ...]:
    from checker.lexicon import get_lexicon

    h = get_lexicon().hunspell
    if h is None:
        return ()
    try:
        analyses = h.analyze(word)
    except (UnicodeError, ValueError):
        return ()
    out = []
    for raw in analyses:
        fields = (raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)).split()
        lemma = word
        pos: set[str] = set()
        tenses: set[str] = set()
        persons: set[str] = set()
        genders: set[str] = set()
        numbers: set[str] = set()
        for f in fields:
            key, _, value = f.partition(":")
            if key == "st":
                lemma = value.lower()
            elif key == "po":
                if value.startswith("v") and "_" in value:
                    pos.add("verb")
                pos.update(_HUNSPELL_POS.get(value, ()))
                if value in _HUNSPELL_TENSES:
                    tenses.add(_HUNSPELL_TENSES[value])
                if _PERSON_RE.fullmatch(value):
                    persons.add(value[0] + value[1])
            elif key == "is":
                genders.update({"mas": "m", "fem": "f", "epi": "mf"}.get(value, ""))
                numbers.update({"sg": "s", "pl": "p", "inv": "sp"}.get(value, ""))
        pos.update(t for t in tenses if t in ("participle", "infinitive"))
        out.append(
            Reading(
                lemma, frozenset(pos), frozenset(tenses), frozenset(persons), frozenset(genders), frozenset(numbers)
            )
        )
    return tuple(out)


_IRREGULAR = {
    "est": ("être", "present", "3s"),
    "sont": ("être", "present", "3p"),
    "sera": ("être", "future", "3s"),
    "seront": ("être", "future", "3p"),
    "serait": ("être", "conditional", "3s"),
    "seraient": ("être", "conditional", "3p"),
    "a": ("avoir", "present", "3s"),
    "ont": ("avoir", "present", "3p"),
    "aura": ("avoir", "future", "3s"),
    "auront": ("avoir", "future", "3p"),
    "aurait": ("avoir", "conditional", "3s"),
    "auraient": ("avoir", "conditional", "3p"),
    "va": ("aller", "present", "3s"),
    "vont": ("aller", "present", "3p"),
    "ira": ("aller", "future", "3s"),
    "iront": ("aller", "future", "3p"),
    "irait": ("aller", "conditional", "3s"),
    "iraient": ("aller", "conditional", "3p"),
    "être": ("être", "infinitive", ""),
    "avoir": ("avoir", "infinitive", ""),
}
_VERB_LEMMA_RE = re.compile(r"(?:er|ir|re|oir)$")


def _fallback_readings(word: str, english_nouns: bool = True) -> tuple[Reading, ...]:
    """simplemma lemma plus French verb endings: an approximation used when no lexicon is installed, or for a word
    it lacks; with `english_nouns`, an -er word more frequent in English is a noun (see below)."""
    if word in _IRREGULAR:
        lemma, tense, irregular_person = _IRREGULAR[word]
        pos = {"verb", tense} if tense == "infinitive" else {"verb"}
        return (Reading(lemma, frozenset(pos), frozenset({tense}), frozenset({irregular_person} - {""})),)
    from checker.document import lemma as simple_lemma

    lem = simple_lemma(word)
    verb_like = bool(_VERB_LEMMA_RE.search(lem)) and lem != word
    person = frozenset({"3p"} if word.endswith("nt") else {"3s"})
    if verb_like and _CONDITIONAL_RE.search(word):
        return (Reading(lem, frozenset({"verb"}), frozenset({"conditional"}), person),)
    if verb_like and _FUTURE_RE.search(word):
        return (Reading(lem, frozenset({"verb"}), frozenset({"future"}), person),)
    if lem == word and _VERB_LEMMA_RE.search(word) and len(word) > 3:
        if english_nouns and _english_rather_than_french(word):
            # « votre reducer a », « ce render », « bundler a » : an English noun of a developer's prose, not an
            # infinitive the lexicon lacks (« googler », « liker » stay verbs: French uses them more).
            return (Reading(lem, frozenset({"noun"}), numbers=frozenset({"s"})),)
        return (Reading(lem, frozenset({"verb", "infinitive"}), frozenset({"infinitive"})),)
    participle = Reading(lem, frozenset({"verb", "participle", "adjective"}), frozenset({"participle"}))
    if verb_like and _PARTICIPLE_RE.search(word):
        return (participle,)
    if verb_like and _PRESENT_OR_PARTICIPLE_RE.search(word):
        # "prévoit", "indique", "conclu": present or participle, the ending cannot tell.
        return (participle, Reading(lem, frozenset({"verb"}), frozenset({"present"}), person))
    if verb_like:
        return (Reading(lem, frozenset({"verb"}), frozenset({"present"}), person),)
    # Short words are function words (au, du, les…): no open-class reading.
    readings = [Reading(lem, frozenset({"noun", "adjective"}) if len(word) > 3 else frozenset())]
    # "estime", "prévoient": simplemma may return the noun; also try the -er verb.
    for ending, repl in (("ent", "er"), ("e", "er"), ("es", "er")):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            readings.append(Reading(word[: -len(ending)] + repl, frozenset({"verb"}), frozenset({"present"}), person))
            break
    return tuple(readings)


def _english_rather_than_french(word: str) -> bool:
    """A word wordfreq sees more in English than in French (« reducer », « bundler », « merger »)."""
    from checker.frequencies import zipf_frequency

    english = zipf_frequency(word, "en")
    return english > 0 and english > zipf_frequency(word, "fr")


def is_first_name(text: str) -> bool:
    """Whether the lexicon knows the word as a first name (« Audrey », « Nelson »)."""
    return any("first_name" in r.pos for r in analyse_form(text))
