"""The `tokens` rule kind: sequences of token conditions matched sentence by sentence.

A rule of kind `tokens` lists, in `params.patterns`, one or more patterns. A pattern is a list of
steps; each step is one token that must meet every condition given:

- `words` / `not_words`: word forms (case-insensitive, either apostrophe), punctuation included;
- `pattern`: a regular expression searched in the token as written (case-sensitive);
- `lemmas`, `pos`, `tense`, `person`, `gender`, `number`: one reading of the word (from the
  lexicon, `checker/morphology.py`) must have all of them; `not_lemmas` / `not_pos` / `not_tense`:
  no reading has any of them; `not_reading`: no reading has all the reading conditions it gives;
  `only_pos`: every reading is of these classes only (a word that can only be a noun);
- `kind` (word, number, punct), `known` (the spelling lexicon knows the word), `capitalised`,
  `sentence_start` (the first token of the sentence), `sentence_end` (the last one), `glued` (no space
  between the token and the one before it: the point of « développeur.se », not the full stop of « vendu. se »);
- `main_verb_in_segment`: another finite verb of a main clause stands in the token's segment
  (the sentence between « », brackets, ; : and dashes); `main_verb_in_chunk`: the token is itself
  a main-clause finite verb and another one stands in its chunk (the segment cut at commas and
  coordinating conjunctions). A finite verb after a subordinating word (qui, que, dont, où,
  quand, si…) belongs to that subordinate clause, not to the main one (see `clause_verbs`);
- for et / est: `verbless_subject` (before « et », a singular subject whose clause has no verb),
  `verbless_subordinate` (the same in a subordinate clause still waiting for its verb),
  `agrees_with_subject` (an attribute after « et » agreeing with that subject, with no partner of a
  coordination in the subject's phrase), `verb_later` (a finite verb follows in the segment),
  `main_verb_later` (a finite verb of a main clause follows in the segment), `definite_attribute` (« et »
  + le/la/l' + a noun that reads as the attribute, not as a coordinated partner: see `_definite_attribute`),
  `est_without_subject` (nothing in its clause can be the subject of « est »), `prose` (the sentence stands in a
  paragraph or a quotation: not a title, a list item, a table cell, an aside or a caption, nor a Markdown paragraph
  wholly in emphasis, the usual way of writing a caption: see `_in_prose`).
- `taken_up`: the word (a noun: one of its lemmas, or its form) already stands earlier in the
  sentence or in one of the TAKEN_UP_WINDOW sentences before it in the document (a demonstrative
  « ces X » takes X up); `owner_subject`: someone can own what « ses » introduces — the first chunk
  before the token (in its segment, else in its sentence) that opens with a subject opens with a
  third-person singular one (il, elle, on, a singular determiner, a name) or an infinitive; in a
  sentence without a verb, any singular noun before; for « Ses » opening a sentence, the subject of
  the sentence before; after « c'est » or impersonal « il », the sentence before (`_owner_subject`).
- for a participle after avoir: `object_before` (a direct object stands before the auxiliary: a relative
  « que » after a noun, or quel / combien / lequel, with no finite verb between: `_object_before`).
- for « ces » written for « ses »: `possessive_sibling` (the token opens a verbless noun phrase coordinated
  with one that son / sa / ses opens: `_possessive_sibling`).
- for et / est: `one_of_subject` (the sentence opens on « Un des », « L'une des »… + a noun naming an aim, a means,
  a reason: `_opens_on_one_of`).

A step may be `optional`; a `skip` step jumps over 0 to `max` tokens that each meet its
conditions (`skip: {}` for any token, or a list of word forms and word classes of the pack's
`word_classes`). Steps with `mark: true` delimit the reported span (the whole match otherwise).
`suggest` lists replacements of the marked span, where `\\2` is the text of step 2 (steps
counted from 1, skip steps included) and `\\2:fs` the same participle or adjective agreed in
the feminine singular (ms, fs, mp, fp); `rewrite: [regex, replacement]` adds the marked text with
that substitution made. `unless` lists patterns (rule-wide in `params.unless`,
or per pattern) whose match over a marked token cancels the finding; an `unless` pattern with a
marked step cancels only the findings whose marked span that step covers. A pattern's `detail`
fills `{detail}` in the rule's message.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterable, Sequence
from dataclasses import MISSING, dataclass, field, fields
from functools import cached_property, lru_cache
from itertools import pairwise
from typing import Any

from checker.context import CheckContext
from checker.document import Block, Sentence, Token
from checker.errors import regex_reason
from checker.findings import Finding
from checker.morphology import FINITE_TENSES, Reading, analyse_form, analyse_word, inverted_verb, morphology_engine
from checker.rule_packs import Rule, RuleSet

KIND = "tokens"
# `only_pos` compares these classes (subclasses such as possessive or place only refine them).
_MAIN_CLASSES = frozenset(
    {"verb", "participle", "infinitive", "noun", "adjective", "adverb", "determiner", "pronoun", "preposition",
     "conjunction", "numeral", "negation", "proper_noun", "interjection"}
)
_AGREEMENTS = ("ms", "fs", "mp", "fp")
_BACKREF_RE = re.compile(r"\\(\d)(?::(ms|fs|mp|fp|1s|2s|3s|1p|2p|3p|imperfect|present))?")
_PERSON_FORMS = ("1s", "2s", "3s", "1p", "2p", "3p")
_GRAMMALECTE_TENSES = {
    "present": ":Ip",
    "imperfect": ":Iq",
    "future": ":If",
    "conditional": ":K",
    "simple_past": ":Is",
    "subjunctive": ":Sp",
}


def norm(text: str) -> str:
    return text.lower().replace("’", "'").replace("ʼ", "'")


@dataclass(frozen=True)
class Condition:
    words: frozenset[str] = frozenset()
    not_words: frozenset[str] = frozenset()
    pattern: re.Pattern[str] | None = None
    lemmas: frozenset[str] = frozenset()
    not_lemmas: frozenset[str] = frozenset()
    pos: frozenset[str] = frozenset()
    not_pos: frozenset[str] = frozenset()
    only_pos: frozenset[str] = frozenset()
    tense: frozenset[str] = frozenset()
    not_tense: frozenset[str] = frozenset()
    person: frozenset[str] = frozenset()
    gender: frozenset[str] = frozenset()
    number: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()
    not_reading: Condition | None = None  # no reading meets all of its reading conditions
    known: bool | None = None
    capitalised: bool | None = None
    glued: bool | None = None
    sentence_start: bool | None = None
    sentence_end: bool | None = None
    main_verb_in_segment: bool | None = None
    main_verb_in_chunk: bool | None = None
    verbless_subject: bool | None = None  # et / est: see _verbless_subject_head
    agrees_with_subject: bool | None = None
    est_without_subject: bool | None = None
    verb_later: bool | None = None
    main_verb_later: bool | None = None
    definite_attribute: bool | None = None
    prose: bool | None = None
    verbless_subordinate: bool | None = None
    subject_before: bool | None = None
    main_verb_near: bool | None = None
    verb_after: bool | None = None
    verb_before: bool | None = None
    possessor_before: bool | None = None
    taken_up: bool | None = None
    owner_subject: bool | None = None
    possessive_sibling: bool | None = None  # ses / ces: see _possessive_sibling
    one_of_subject: bool | None = None  # et / est: see _opens_on_one_of
    object_before: bool | None = None  # participle after avoir: see _object_before

    @property
    def reading_conditions(self) -> bool:
        return bool(self.lemmas or self.pos or self.tense or self.person or self.gender or self.number)


@dataclass(frozen=True)
class Step:
    condition: Condition
    optional: bool = False
    skip: bool = False  # a gap of 0..max tokens meeting `condition`
    max: int = 1
    mark: bool = False


@dataclass(frozen=True)
class Pattern:
    rule_id: str
    name: str
    steps: tuple[Step, ...]
    suggestions: tuple[str, ...] = ()
    rewrite: tuple[re.Pattern[str], str] | None = None  # a regex substitution of the marked text
    detail: str = ""
    unless: tuple[tuple[Step, ...], ...] = ()
    anchor: frozenset[str] = frozenset()  # word forms one of which a match must contain…
    anchor_offsets: tuple[int, int] = (0, 0)  # …between these many tokens after the match's start
    # Every other step that names word forms: a sentence without one of each cannot match (a cheap test
    # before trying positions, for patterns anchored on a frequent word such as « , » or « à »).
    required: tuple[frozenset[str], ...] = ()


@dataclass(slots=True)  # one a token of every sentence the patterns read: no dict of its own
class TokenInfo:
    token: Token  # offsets relative to the sentence
    norm: str
    index: int
    count: int  # tokens in the sentence
    _readings: tuple[Reading, ...] | None = field(default=None, repr=False)
    sentence: SentenceInfo | None = field(default=None, repr=False)

    @property
    def readings(self) -> tuple[Reading, ...]:
        if self._readings is None:
            self._readings = analyse_form(self.token.text) if self.token.kind == "word" else ()
        return self._readings


@dataclass(slots=True)
class SentenceInfo:
    """The tokens of one sentence, with their clause analysis computed on first use."""

    infos: list[TokenInfo]
    _clauses: ClauseVerbs | None = None
    source: Sentence | None = None  # the document's sentence, for the conditions that read the ones before

    @property
    def clauses(self) -> ClauseVerbs:
        if self._clauses is None:
            self._clauses = clause_verbs(self.infos)
        return self._clauses


# ---------------------------------------------------------------- clauses

# Auxiliaries and copulas: always verbs (« est » also reads as a noun, handled apart).
_AUXILIARIES = frozenset(
    {"est", "sont", "était", "étaient", "sera", "seront", "serait", "seraient", "fut", "furent",
     "a", "ont", "avait", "avaient", "aura", "auront", "aurait", "auraient", "eut", "eurent", "avons", "avez",
     "sommes", "êtes", "suis", "es", "va", "vont", "peut", "peuvent", "doit", "doivent", "faut"}
)
# Words that open a subordinate clause: the next finite verb of the chunk is that clause's.
SUBORDINATING_WORDS = frozenset(
    {"qui", "que", "qu'", "dont", "où", "lorsque", "lorsqu'", "quand", "si", "comme", "puisque", "puisqu'",
     "quoique", "quoiqu'", "quel", "quelle", "quels", "quelles", "comment", "pourquoi", "combien", "lequel",
     "laquelle", "lesquels", "lesquelles", "auquel", "auxquels", "auxquelles",
     "duquel", "desquels", "desquelles"}
)
_OPENING_MARKS = frozenset({"«", "(", "[", "“"})
_CLOSING_MARKS = frozenset({"»", ")", "]", "”"})
_SEGMENT_BREAKS = frozenset({";", ":", "—", "–", "-", "?", "!", "…"})
_CHUNK_BREAKS = frozenset({",", "et", "ou", "mais", "puis", "car", "or", "ni"})
# A word that is a finite verb or something else (« porte », « compte ») counts as a verb after a
# subject or reflexive pronoun, or after an object pronoun that follows one (« il la porte »).
_SUBJECTS_BEFORE_VERB = frozenset(
    {"je", "j'", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "ne", "n'", "se", "s'", "y", "qui", "ça",
     "cela", "lui"}
)
_OBJECTS_BEFORE_VERB = frozenset({"le", "la", "les", "l'", "me", "m'", "te", "t'", "leur", "en"})
# Words before « est » the cardinal point (« la côte est », « au nord-est », « l'Europe de l'Est »); also
# read by the word-pair statistics (checker/homophone_contexts.py).
EAST_BEFORE = frozenset(
    {"l'", "le", "à", "de", "d'", "vers", "du", "au", "nord", "sud", "sud-", "nord-", "côte", "rive", "zone", "partie",
     "région", "frontière", "banlieue", "flanc", "façade", "secteur", "aile", "bloc", "europe", "afrique", "asie",
     "allemagne", "berlin", "jérusalem", "timor", "pays", "vent", "direction"}
)


@dataclass(frozen=True)
class ClauseVerbs:
    segment: tuple[int, ...]  # per token: its segment number
    chunk: tuple[int, ...]  # per token: its chunk number
    main: frozenset[int]  # indexes of the finite verbs of main clauses
    finite: frozenset[int] = frozenset()  # indexes of every finite verb

    @cached_property
    def chunk_positions(self) -> dict[int, tuple[int, ...]]:
        """Per chunk number, the indexes of its tokens in order: built once, so that reading a chunk does not
        scan the whole sentence (rules walk back chunk by chunk on long sentences)."""
        positions: dict[int, list[int]] = {}
        for i, chunk in enumerate(self.chunk):
            positions.setdefault(chunk, []).append(i)
        return {chunk: tuple(indexes) for chunk, indexes in positions.items()}

    def chunk_before(self, chunk: int, limit: int) -> list[int]:
        """The indexes of the chunk's tokens before index `limit`."""
        return [i for i in self.chunk_positions.get(chunk, ()) if i < limit]


def is_finite_verb(infos: Sequence[TokenInfo], i: int) -> bool:
    """Whether token i is a conjugated verb here (a word that is also a noun or an adjective only
    after a subject or object pronoun)."""
    info = infos[i]
    if info.token.kind != "word":
        return False
    previous = infos[i - 1].norm if i else ""
    if previous in (".", "/", "@") and infos[i - 1].token.end == info.token.start:
        return False  # part of an address: « deepest.ai »
    following = infos[i + 1] if i + 1 < len(infos) else None
    if info.norm == "a" and following is not None and any("infinitive" in r.tenses for r in following.readings):
        return False  # « prête a effectuer »: the preposition without its accent
    if info.norm in _AUXILIARIES:
        # « l'est », « à l'est », « Europe de l'Est »: the cardinal point.
        if info.token.text == "A":
            return False  # « A l'exception » written for « À »
        return not (info.norm == "est" and (previous in EAST_BEFORE or (info.token.text == "Est" and i > 0)))
    if i and info.token.text[:1].isupper():
        return False  # a name
    if "-" in info.token.text and previous in _NOUN_DETERMINERS:
        return False  # « un rendez-vous », « le cessez-le-feu »: a compound noun after its determiner
    readings = info.readings
    if (
        previous in _COMMAND_OPENERS
        and inverted_verb(info.norm)
        and any("verb" in r.pos and "imperative" in r.tenses for r in readings)
    ):
        return True  # « Pour en savoir plus, rendez-vous sur … »: the imperative, not the compound noun
    finite = [r for r in readings if "verb" in r.pos and r.tenses & (FINITE_TENSES | {"imperative"})]
    if not any(r.tenses & FINITE_TENSES for r in finite):
        return False
    if previous in _DETERMINERS_ONLY and _english_word_here(infos, i):
        # « l'ID du collapse » : an English noun the lexicon knows only as a French verb (DSFR pages, stop 39); not
        # « l'un habite », « Sa coûte » (« ça »), where a verb follows (a second read)
        return False
    if len(finite) == len(readings):
        return True
    if previous in _SUBJECTS_BEFORE_VERB:
        return True
    if previous in _OBJECTS_BEFORE_VERB:
        return i >= 2 and infos[i - 2].norm in _SUBJECTS_BEFORE_VERB
    # A noun that is also a verb (« porte », « vise »), after a noun or a name and before a determiner
    # or a preposition: « HP accuse une baisse », « le sommet vise à ».
    if any(r.pos & _NOT_VERB_CLASSES for r in readings if r not in finite):
        return False
    before = infos[i - 1] if i else None
    after = infos[i + 1] if i + 1 < len(infos) else None
    if before is None or before.token.kind != "word" or after is None or after.norm not in _AFTER_VERB:
        return False
    if before.token.text[:1].isupper() and i >= 2:
        return not any("determiner" in r.pos for r in before.readings)
    return bool(before.readings) and all("noun" in r.pos and not r.pos & {"adjective", "verb"} for r in before.readings)


# After these, a verb and its hyphenated pronoun (« rendez-vous », « revenez-y ») is a command, not the noun.
_COMMAND_OPENERS = frozenset({",", ";", ":", "puis", "et", "ou", "alors", "ensuite", "enfin", "donc"})
_NOUN_DETERMINERS = frozenset(
    {"le", "la", "les", "l'", "un", "une", "des", "du", "au", "aux", "ce", "cet", "cette", "ces", "son", "sa", "ses",
     "mon", "ma", "mes", "ton", "ta", "tes", "notre", "nos", "votre", "vos", "leur", "leurs", "chaque", "quel",
     "quelle", "quels", "quelles"}
)
# The determiners before which no finite verb stands (not « le », « la », « les », « l' », « leur », which may be object
# pronouns, nor « ce », nor « quel »); « un », « une », « son », « ton » only when no « l' », « le » or « du » comes
# before them (« l'un habite », « le son » : a pronoun and a noun, _english_word_here).
_DETERMINERS_ONLY = _NOUN_DETERMINERS - {"le", "la", "les", "l'", "leur", "ce", "quel", "quelle", "quels", "quelles"}


def _english_word_here(infos: Sequence[TokenInfo], i: int) -> bool:
    """The token is an English word and the word before it is a determiner there, not after « l' », « le », « du »."""
    from checker.frequencies import is_english_word

    return is_english_word(infos[i].norm) and not (i >= 2 and infos[i - 2].norm in ("l'", "le", "du"))


_NOT_VERB_CLASSES = frozenset(
    {"adjective", "preposition", "determiner", "adverb", "pronoun", "conjunction", "numeral", "negation",
     "interjection"}
)
_AFTER_VERB = frozenset(
    {"le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "à", "au", "aux", "sur", "dans", "pour", "par",
     "en", "son", "sa", "ses", "leur", "leurs", "ce", "cet", "cette", "ces", "que", "qu'", "avec", "contre", "vers"}
)


def clause_verbs(infos: Sequence[TokenInfo]) -> ClauseVerbs:
    """Segments, chunks and the finite verbs of main clauses of a sentence. A quotation or a
    bracket is a segment of its own, and the text around it one segment; ; : and dashes start a
    new one. A subordinating word claims the next finite verb of its chunk; the other finite
    verbs are the main clauses'."""
    segments: list[int] = []
    chunks: list[int] = []
    main: set[int] = set()
    finite: set[int] = set()
    counter = 0
    # Per open quotation or bracket: its segment, its chunk, and the subordinating words still waiting for their
    # verb (True for a relative pronoun after its antecedent, which keeps waiting past a comma or « et »: « Le livre
    # que Paul et Marie ont écrit est … », « La loi que le Parlement, après des mois de débat, a votée est … »).
    stack: list[tuple[int, int, list[bool]]] = [(0, 0, [])]
    straight_quote_open = False
    for i, info in enumerate(infos):
        word = info.norm
        opening = word in _OPENING_MARKS or (word == '"' and not straight_quote_open)
        closing = word in _CLOSING_MARKS or (word == '"' and straight_quote_open)
        if word == '"':
            straight_quote_open = not straight_quote_open
        if opening:
            counter += 1
            stack.append((counter, counter, []))
        elif closing and len(stack) > 1:
            stack.pop()
        elif closing or word in _SEGMENT_BREAKS:  # a closing mark alone: the sentence began inside a quotation
            counter += 1
            stack[-1] = (counter, counter, [])
        elif word in _CHUNK_BREAKS:
            counter += 1
            stack[-1] = (stack[-1][0], counter, [relative for relative in stack[-1][2] if relative])
        segment, chunk, waiting = stack[-1]
        segments.append(segment)
        chunks.append(chunk)
        if word in SUBORDINATING_WORDS or (word == "s'" and i + 1 < len(infos) and infos[i + 1].norm in ("il", "ils")):
            relative = word in _RELATIVES_CARRIED and i > 0 and i - 1 not in finite
            waiting.append(relative and _antecedent_before(infos, i - 1))
        elif _INCISE_RE.search(word):
            pass  # « affirme-t-il », « estime-t-elle »: an incise, not the clause's verb
        elif is_finite_verb(infos, i):
            finite.add(i)
            if waiting:
                waiting.pop()
            else:
                main.add(i)
    return ClauseVerbs(tuple(segments), tuple(chunks), frozenset(main), frozenset(finite))


# Relative pronouns whose clause keeps waiting for its verb past a comma or « et » (see clause_verbs).
_RELATIVES_CARRIED = frozenset({"que", "qu'", "qui", "dont", "où", "lequel", "laquelle", "lesquels", "lesquelles"})


def _antecedent_before(infos: Sequence[TokenInfo], i: int) -> bool:
    """Whether token i (not a verb here) can be the antecedent of a relative pronoun right after it: a noun, a
    name or a pronoun (« ce que », « celui qui »); not a word that cannot be a noun (« dit que », « n'a que ») or
    can be an adverb (« ne prévoit plus que »), nor an adjective after a comparative (« plus grand que »)."""
    before = infos[i]
    if before.token.kind != "word":
        return False
    if before.norm == "ce" or before.norm in _RELATIVE_ANTECEDENT_PRONOUNS:
        return True
    readings = before.readings
    if before.token.text[:1].isupper() and i > 0:
        return True
    if not any(r.pos & {"noun", "proper_noun"} for r in readings) or any("adverb" in r.pos for r in readings):
        return False  # « ne prévoit plus qu'une croissance »: the restrictive « que », no relative
    comparative = i > 0 and infos[i - 1].norm in ("plus", "moins", "aussi", "autant", "si", "tel", "telle", "même")
    return not (comparative and any("adjective" in r.pos for r in readings))


def other_main_verbs(clauses: ClauseVerbs, index: int) -> list[int]:
    """The main-clause finite verbs of the token's segment, the token itself left out."""
    here = clauses.segment[index]
    return [i for i in clauses.main if i != index and clauses.segment[i] == here]


def _main_verb_in_segment(info: TokenInfo) -> bool:
    if info.sentence is None:
        return False
    return bool(other_main_verbs(info.sentence.clauses, info.index))


def _main_verb_near(info: TokenInfo) -> bool:
    """Whether a main-clause finite verb stands in the token's chunk or in the chunk just before it."""
    if info.sentence is None:
        return False
    clauses = info.sentence.clauses
    here = clauses.chunk[info.index]
    before = next((clauses.chunk[i] for i in range(info.index - 1, -1, -1) if clauses.chunk[i] != here), None)
    return any(clauses.chunk[i] in (here, before) for i in clauses.main if i != info.index)


def _verb_after(info: TokenInfo) -> bool:
    """Whether a finite verb follows the token in its chunk, not one of a subordinate clause opened after it."""
    if info.sentence is None:
        return False
    clauses = info.sentence.clauses
    infos = info.sentence.infos
    here = clauses.chunk[info.index]
    waiting = 0  # a verb after a subordinating word (« … qui s'y rattachent ») is that clause's
    for i in range(info.index + 1, len(infos)):
        if clauses.chunk[i] != here:
            break
        if infos[i].norm in SUBORDINATING_WORDS:
            waiting += 1
        elif i in clauses.finite:
            if not waiting:
                return True
            waiting -= 1
    return False


def _verb_before(info: TokenInfo) -> bool:
    """Whether a finite verb stands before the token in its chunk, or (for a token that opens its
    chunk, « ou », « et ») in the chunk just before it; a chunk opened by « ou » without a verb, and the list
    items before it, are read with the clause before them; a second « ou » after an « ou » + subject pronoun
    has a verb before it (a correlative « ou il …, ou il … »)."""
    if info.sentence is None:
        return False
    clauses = info.sentence.clauses
    here = clauses.chunk[info.index]
    infos = info.sentence.infos
    earlier = clauses.chunk_before(here, info.index)
    previous = info.index - 1
    while not earlier and previous >= 0:  # the chunk before, past a lone comma
        here = clauses.chunk[previous]
        earlier = clauses.chunk_before(here, info.index)
        if all(infos[i].token.kind == "punct" for i in earlier):
            previous = earlier[0] - 1
            earlier = []
    # A chunk opened by « ou » without a verb of its own is the second member of an alternative inside the clause
    # before it, which a second « ou » continues: « Le président viendra en mai ou en juin, ou il enverra son
    # ministre ». So are the items of a list before it (« en bus, en tram ou à vélo, ou ils pourront … »). Not after
    # « et »: « Il a vécu à Lyon et à Paris, ou il … » is no alternative.
    in_list = False
    while (
        earlier
        and not any(i in clauses.finite for i in earlier)
        and (infos[earlier[0]].norm == "ou" or (in_list and infos[earlier[0]].norm == ","))
        and earlier[0] > 0
        and clauses.segment[earlier[0] - 1] == clauses.segment[earlier[0]]
    ):
        in_list = True
        here = clauses.chunk[earlier[0] - 1]
        earlier = clauses.chunk_before(here, earlier[0])
    if any(i in clauses.finite for i in earlier):
        return True
    # The second « ou » of a correlative whose first one opened a clause: « Le gouvernement a été clair et ou il
    # obtient d'ici à la fin du mois un accord avec les syndicats sur la réforme et son financement, ou il dissoudra
    # l'Assemblée ».
    return info.norm == "ou" and any(
        infos[j].norm == "ou" and infos[j + 1].norm in _CORRELATIVE_SUBJECTS for j in range(info.index - 1)
    )


_CORRELATIVE_SUBJECTS = frozenset({"il", "ils", "elle", "elles", "on", "l'", "je", "j'", "tu", "nous", "vous"})


_SINGULAR_PRONOUNS = frozenset(
    {"il", "elle", "on", "lui", "celui", "celle", "celui-ci", "celle-ci", "chacun", "chacune", "qui", "ce", "cela",
     "ça", "c'", "soi", "personne", "quiconque", "tout"}
)


def _possessor_before(info: TokenInfo) -> bool:
    """Whether something before the token in the sentence can own what « ses » introduces: a
    singular noun or name, a third-person singular pronoun, an unknown capitalised word."""
    if info.sentence is None:
        return True
    return _possessor_in(info.sentence.infos[: info.index])


def _possessor_in(infos: Sequence[TokenInfo]) -> bool:
    """Whether one of these words can own what « ses » introduces (see `_possessor_before`)."""
    for other in infos:
        if other.token.kind != "word":
            continue
        if other.norm in _SINGULAR_PRONOUNS:
            return True
        if other.token.text[:1].isupper() and other.index > 0:
            return True
        if any(r.pos & {"noun", "proper_noun"} and "s" in r.numbers for r in other.readings):
            return True
        if not other.readings and other.index > 0:
            return True  # an unknown word may be a name
        if any("infinitive" in r.tenses for r in other.readings):
            return True  # « Développer ses compétences »: the generic subject of the infinitive
    return False


# ---------------------------------------------------------------- what the sentences before say

# How many sentences before the token's own `taken_up` reads: a demonstrative takes up a noun of the
# sentence before or close to it.
TAKEN_UP_WINDOW = 5


def _noun_keys(info: TokenInfo) -> frozenset[str]:
    """A word as a noun: its noun lemmas, or its form when the lexicon has none (an acronym, OSPO)."""
    lemmas = frozenset(norm(r.lemma) for r in info.readings if "noun" in r.pos)
    return lemmas or frozenset({info.norm})


def _may_take_up(info: TokenInfo) -> bool:
    """Whether an earlier word counts as a mention a demonstrative could take up (two letters or fewer:
    articles, pronouns)."""
    return info.token.kind == "word" and len(info.norm) > 2


def _sentence_nouns(sentence: Sentence) -> frozenset[str]:
    memo = sentence.block.doc.memo if sentence.block.doc is not None else {}
    key = ("token_patterns.nouns", sentence.block.index, sentence.start)
    if key not in memo:
        keys: set[str] = set()
        for info in sentence_infos(sentence.tokens).infos:
            if _may_take_up(info):
                keys |= _noun_keys(info)
        memo[key] = frozenset(keys)
    nouns: frozenset[str] = memo[key]
    return nouns


def _infos_of(sentence: Sentence) -> Sequence[TokenInfo]:
    """Another sentence of the document as the patterns read it (its clause analysis computed once per
    document, in `doc.memo`, as `_sentence_nouns` keeps its nouns)."""
    memo = sentence.block.doc.memo if sentence.block.doc is not None else {}
    key = ("token_patterns.infos", sentence.block.index, sentence.start)
    if key not in memo:
        memo[key] = sentence_infos(sentence.tokens, sentence).infos
    infos: Sequence[TokenInfo] = memo[key]
    return infos


def _sentences_before(sentence: Sentence, count: int) -> list[Sentence]:
    """The `count` sentences before this one in its document (earlier blocks included), nearest last."""
    block = sentence.block
    before = [s for s in block.sentences if s.start < sentence.start]
    doc = block.doc
    index = block.index
    while doc is not None and len(before) < count and index > 0:
        index -= 1
        before = list(doc.blocks[index].sentences) + before
    return before[-count:]


def _possessor_in_text_before(info: TokenInfo) -> bool:
    """`_possessor_before`, or something in the sentence before that can own (the owner is often named there:
    « Nous avons rencontré la maire de Lille. Nous publierons ses réponses »)."""
    if _possessor_before(info):
        return True
    source = info.sentence.source if info.sentence is not None else None
    before = _sentences_before(source, 1) if source is not None else []
    return bool(before) and _possessor_in(_infos_of(before[-1]))


def _taken_up(info: TokenInfo) -> bool:
    """Whether the word (as a noun) already stands earlier in its sentence or in the TAKEN_UP_WINDOW
    sentences before."""
    if info.sentence is None or info.token.kind != "word":
        return False
    keys = _noun_keys(info)
    for other in info.sentence.infos[: info.index]:
        if _may_take_up(other) and not keys.isdisjoint(_noun_keys(other)):
            return True
    source = info.sentence.source
    if source is None:
        return False
    return any(not keys.isdisjoint(_sentence_nouns(s)) for s in _sentences_before(source, TAKEN_UP_WINDOW))


_SINGULAR_SUBJECTS = frozenset(
    {"il", "elle", "on", "ce", "c'", "cela", "ça", "celui-ci", "celle-ci", "chacun", "chacune", "le", "la", "l'",
     "un", "une", "cet", "cette", "son", "sa", "chaque", "mon", "ma", "ton", "ta", "notre", "votre", "leur"}
)
_NOT_OWNER_SUBJECTS = frozenset({"je", "j'", "tu", "nous", "vous", "ils", "elles"})


def _owner_subject(info: TokenInfo) -> bool:
    """Whether a chunk of the token's segment, before it or its own, opens with a third-person singular
    subject (il, elle, on, a singular determiner, a name: « Wikipédia utilise … ses ») or an infinitive
    (its generic subject: « déclarer ses plongées »). Chunks that open with a preposition or an adverb
    (« Pour l'instant, ») are passed over; the first other one decides; undecided in its segment (a
    bracket, a quotation), the sentence's first chunks decide. « c'est » (not a cleft) and impersonal « il »
    (il y a, il faut, il existe) own nothing: after them the sentence before decides (« La commune a balisé
    des sentiers. Il y a des panneaux sur ses sentiers »: the commune owns); no owner only when its subject
    cannot own (les, ils, nous…) and nothing else in it can (`_possessor_in`). A sentence without a conjugated
    verb (a list item, a title) has its owner in any singular noun before (« Drupal et ses logiciels »);
    « Ses » that opens a sentence, in the subject of the sentence before, unless one of the two before has the
    very word that follows (« des papillons. Ses papillons »)."""
    if info.sentence is None:
        return False
    clauses = info.sentence.clauses
    infos = info.sentence.infos
    if not clauses.finite and infos[0].norm not in ("voici", "voilà"):
        return _possessor_before(info)
    segment = clauses.segment[info.index]
    decided = _first_subject(infos[: info.index], lambda i: clauses.segment[i] == segment)
    if decided is None:
        decided = _first_subject(infos[: info.index], lambda i: True)
    if decided is None and _personal_subject_after(info):
        return True
    source = info.sentence.source
    if decided == "impersonal":
        before = _sentences_before(source, 1) if source is not None else []
        if not before:
            return True
        previous = _infos_of(before[-1])
        # Any singular noun or name of it may own, not only its subject (« Des randonneurs parcourent le massif.
        # Il y a des panneaux sur ses sentiers »).
        return _first_subject(previous, lambda i: True) != "none" or _possessor_in(previous)
    if decided is not None:
        return decided == "owner"
    # « (Ses … », « « Ses … »
    opens_sentence = all(other.token.kind != "word" for other in infos[: info.index])
    if opens_sentence and source is not None:
        before = _sentences_before(source, 2)
        if before:
            # The same plural word in the two sentences before (« Les Journées … Ses journées ») is taken up.
            following = infos[info.index + 1].norm if info.index + 1 < len(infos) else ""
            if any(norm(token.text) == following for sentence in before for token in sentence.tokens):
                return False
            previous = _infos_of(before[-1])
            return _first_subject(previous, lambda i: True) in ("owner", "impersonal")
    return False


def _personal_subject_after(info: TokenInfo) -> bool:
    """Whether the chunk after the token's, past a comma, opens with « il » or « elle » as a person (not
    « il y a », « il faut »): « Avec ses enfants, elle voyage »."""
    assert info.sentence is not None
    clauses = info.sentence.clauses
    infos = info.sentence.infos
    chunk = clauses.chunk[info.index]
    for i in range(info.index + 1, len(infos) - 2):
        if clauses.chunk[i] == chunk:
            continue
        if clauses.segment[i] != clauses.segment[info.index] or infos[i].norm != ",":
            return False
        return infos[i + 1].norm in ("il", "elle") and infos[i + 2].norm not in _IMPERSONAL_AFTER_IL
    return False


_IMPERSONAL_AFTER_IL = frozenset({"y", "faut", "s'agit", "semble", "paraît", "reste", "suffit"})


def _cleft(info: TokenInfo) -> bool:
    """Whether « c' » opens a cleft sentence (« c'est cet engagement qui a décidé la mission à … »): qui or que
    follows in its segment, and the real subject stands there."""
    if info.sentence is None:
        return False
    clauses = info.sentence.clauses
    segment = clauses.segment[info.index]
    return any(
        other.norm in ("qui", "que", "qu'") and clauses.segment[other.index] == segment
        for other in info.sentence.infos[info.index + 1 :]
    )


def _impersonal_il(info: TokenInfo) -> bool:
    """Whether « il » is impersonal: « il y a », « il faut », « il existe », « il s'agit » (an object pronoun
    or « ne » may stand between)."""
    if info.sentence is None:
        return False
    after = [other.norm for other in info.sentence.infos[info.index + 1 : info.index + 4]]
    while after and after[0] in ("ne", "n'", "lui", "leur", "nous", "vous", "me", "m'", "te", "t'"):
        after.pop(0)
    return bool(after) and (after[0] in _IMPERSONAL_AFTER_IL or after[0] in ("existe", "existait", "manque"))


def _first_subject(infos: Sequence[TokenInfo], inside: Callable[[int], bool]) -> str | None:
    """How the first chunk (among the tokens `inside` accepts) that opens with a subject opens: "owner" (a
    third-person singular subject), "impersonal" (« c'est », impersonal « il »), "none" (a subject that cannot
    own); None when no chunk does."""
    if not infos or infos[0].sentence is None:
        return None
    clauses = infos[0].sentence.clauses
    chunk = -1
    for i, other in enumerate(infos):
        if not inside(i):
            continue
        decided = _opens_with_owner(other, clauses.chunk[i] != chunk)
        if decided is None:
            continue
        chunk = clauses.chunk[i]
        if decided != "pass":
            return decided
    return None


def _opens_with_owner(other: TokenInfo, chunk_start: bool) -> str | None:
    """How a word that may open a chunk decides `_owner_subject`: "owner", "none", "impersonal" (« c'est », not
    a cleft, and impersonal « il »), "pass" (a complement opens the chunk: look at the next one), None (not a
    chunk opener, or a word before the subject)."""
    if not chunk_start or other.token.kind != "word":
        return None
    if other.norm in _SUBJECT_LEADERS or (other.readings and all(r.pos & _LEADER_CLASSES for r in other.readings)):
        return None  # « si », « mais », « cependant » before the subject
    if (other.norm == "c'" and not _cleft(other)) or (other.norm == "il" and _impersonal_il(other)):
        return "impersonal"  # « c'était le moyen de … ses normes », « il y a », « il existe »: no one to own
    if other.norm in _SINGULAR_SUBJECTS:
        return "owner"
    if other.norm in _PREPOSITIONS or other.norm in ("afin", "sauf"):
        return "pass"  # a chunk that opens with a complement: the subject is further on
    if other.readings and all("infinitive" in r.tenses for r in other.readings if "verb" in r.pos) and any(
        "infinitive" in r.tenses for r in other.readings
    ):
        return "owner"  # « Développer ses compétences »: the generic subject of the infinitive
    if other.readings and all(r.pos & {"participle", "infinitive"} for r in other.readings):
        return "pass"  # « Organisées par le ministère, ses journées … »: a participle clause
    if other.norm in _NOT_OWNER_SUBJECTS or not other.token.text[:1].isupper():
        return "none"
    # A capitalised word that is no function word (the first word of the sentence: one the lexicon does not
    # know, or without a determiner right before a conjugated verb, « TecLib présentera »): a name.
    if other.index == 0 and other.readings and not any("proper_noun" in r.pos for r in other.readings):
        finite = other.sentence is not None and 1 in other.sentence.clauses.finite
        if not finite and _known(other.token.text):
            return "none"
    return "none" if any(r.pos & _CLOSED_WORDS for r in other.readings) else "owner"


_SUBJECT_LEADERS = frozenset(
    {"si", "s'", "que", "qu'", "quand", "lorsque", "lorsqu'", "comme", "puisque", "puisqu'", "mais", "et", "ou",
     "car", "donc", "alors", "puis", "or", "ni"}
)
_LEADER_CLASSES = frozenset({"adverb", "conjunction"})
_CLOSED_WORDS = frozenset({"determiner", "preposition", "pronoun", "adverb", "conjunction"})


# ---------------------------------------------------------------- ses / ces: whose (issue 12 item 2, sesces3)

_THIRD_POSSESSIVES = frozenset({"son", "sa", "ses"})
_CONJUNCT_LEADS = frozenset({",", "et", "ou"})


def _conjunct_words(infos: Sequence[TokenInfo], positions: list[int]) -> list[TokenInfo]:
    """A chunk's words past the coordinator and prepositions that open it (« , de ses sites » -> ses sites)."""
    words = [infos[i] for i in positions if infos[i].token.kind == "word" or infos[i].norm == ","]
    while words and (words[0].norm in _CONJUNCT_LEADS or words[0].norm in _PREPOSITIONS):
        words.pop(0)
    return words


def _possessive_sibling(info: TokenInfo) -> bool:
    """Whether the token opens a noun phrase coordinated (« , », « et », « ou », a preposition repeated or not)
    with one that a third-person possessive opens, the chunk just before or just after it in its segment, no
    conjugated verb in the token's chunk nor in the chunk after (in the chunk before, the possessive opens the
    noun phrase that follows its last verb): « de ses sites, ces services et ses applications », « Son éditeur
    publie ses notes, ces guides », « Ces développements, ses tests et la documentation »: the same owner,
    « ses ». « Le ministre a présenté son plan et ces mesures entreront … » is a clause of its own."""
    if info.sentence is None:
        return False
    clauses = info.sentence.clauses
    infos = info.sentence.infos
    segment = clauses.segment[info.index]
    own = list(clauses.chunk_positions[clauses.chunk[info.index]])
    if any(i in clauses.finite for i in own):
        return False  # « … et ces mesures entreront en vigueur »: coordinated clauses, not noun phrases
    # The chunks just before and just after, in the token's segment, when a coordinator or a comma joins them to it.
    before: list[int] = []
    if own[0] > 0 and infos[own[0]].norm in _CONJUNCT_LEADS:
        before = [i for i in clauses.chunk_before(clauses.chunk[own[0] - 1], own[0]) if clauses.segment[i] == segment]
    after: list[int] = []
    if own[-1] + 1 < len(infos) and infos[own[-1] + 1].norm in _CONJUNCT_LEADS:
        after = [i for i in clauses.chunk_positions[clauses.chunk[own[-1] + 1]] if clauses.segment[i] == segment]
    if _complement_beside_possessive_one(info, own, before, after):
        return True
    lead = [infos[i].norm for i in own if i < info.index]
    if any(word not in _CONJUNCT_LEADS and word not in _PREPOSITIONS for word in lead):
        return False  # the token does not open its conjunct
    if before and _possessive_opens_last_phrase(infos, before):
        return True
    if not after:
        return False
    words = _conjunct_words(infos, after)
    return bool(words) and words[0].norm in _THIRD_POSSESSIVES and not any(i in clauses.finite for i in after)


def _complement_beside_possessive_one(info: TokenInfo, own: list[int], before: list[int], after: list[int]) -> bool:
    """Whether « ces », right after a preposition, ends its chunk (`own`) as a complement that the chunk just after or
    just before (their token positions, empty when none is joined to it) repeats with the same preposition and a
    third-person possessive: « la multiplicité de ces intervenants, de ses process », « la multiplicité de ses
    intervenants, de ces process » (complements of one noun, one owner). The caller has checked that the token's
    chunk has no conjugated verb."""
    sentence = info.sentence
    if sentence is None or info.index == 0 or sentence.infos[info.index - 1].norm not in _PREPOSITIONS:
        return False
    infos, clauses = sentence.infos, sentence.clauses
    preposition = infos[info.index - 1].norm
    if any(infos[i].norm in _PREPOSITIONS for i in own if i > info.index):
        return False  # « de ces intervenants de la région »: not the chunk's last complement
    if after and not any(i in clauses.finite for i in after):
        words = [infos[i].norm for i in after if infos[i].token.kind == "word"]
        while words and words[0] in _CONJUNCT_LEADS:
            words.pop(0)
        if words[:1] == [preposition] and words[1:2] and words[1] in _THIRD_POSSESSIVES:
            return True
    if before and not any(i in clauses.finite for i in before):
        # The chunk before ends on « <preposition> son / sa / ses » and a phrase with no other preposition.
        words = [infos[i].norm for i in before if infos[i].token.kind == "word"]
        for j in range(len(words) - 2, -1, -1):
            if words[j] == preposition and words[j + 1] in _THIRD_POSSESSIVES:
                return not any(w in _PREPOSITIONS for w in words[j + 2 :])
    return False


def _possessive_opens_last_phrase(infos: Sequence[TokenInfo], positions: list[int]) -> bool:
    """Whether, in a chunk (its token positions), the noun phrase after its last conjugated verb (or after the
    coordinator that opens it) opens with son / sa / ses: only prepositions, adverbs and verb forms (« a
    publié », « pour financer ») stand before the possessive, and no subordinating word after it (« … publie
    ses notes, », « , de ses sites, »; not « le directeur de sa société, »)."""
    if not positions or infos[0].sentence is None:
        return False
    clauses = infos[0].sentence.clauses
    verbs = [i for i in positions if i in clauses.finite]
    start = verbs[-1] + 1 if verbs else positions[0]
    for i in (i for i in positions if i >= start):
        word = infos[i]
        if word.norm in _THIRD_POSSESSIVES:
            return not any(j > i and infos[j].norm in SUBORDINATING_WORDS for j in positions)
        verb_form = any(r.tenses & {"participle", "infinitive"} for r in word.readings)
        adverb = bool(word.readings) and all(r.pos <= {"adverb"} for r in word.readings)
        if not (word.norm in _CONJUNCT_LEADS or word.norm in _PREPOSITIONS or verb_form or adverb):
            return False
    return False


_PARTICIPLE_LIKE = re.compile(r"(?:it|is|ut|us|int|ert)$")


def _main_verb_in_chunk(info: TokenInfo) -> bool:
    if info.sentence is None:
        return False
    clauses = info.sentence.clauses
    if info.index not in clauses.main:
        return False
    here = clauses.chunk[info.index]
    infos = info.sentence.infos
    return any(
        clauses.chunk[i] == here
        # « est définit »: a participle misspelt as a verb, not a second verb
        and not (i == info.index + 1 and _PARTICIPLE_LIKE.search(infos[i].norm))
        for i in clauses.main
        if i != info.index
    )


_INCISE_RE = re.compile(r"-(?:t-)?(?:il|elle|on|ils|elles)$")
_PREPOSITIONS = frozenset(
    {"de", "d'", "du", "des", "à", "au", "aux", "pour", "en", "dans", "sur", "par", "avec", "selon", "vers", "entre",
     "depuis", "chez", "sans", "contre", "après", "avant", "pendant", "malgré", "parmi", "grâce", "sous", "dès", "via",
     "lors", "jusqu'", "face", "envers", "durant", "outre", "hors"}
)
_SUBJECT_STARTS = frozenset(
    {"le", "la", "l'", "les", "un", "une", "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur", "leurs", "notre",
     "nos", "votre", "vos", "mon", "ma", "mes", "il", "elle", "on", "ils", "elles", "c'", "cela", "ça", "ceci", "nous",
     "vous", "je", "j'", "tu", "tout", "chacun", "chacune", "aucun", "aucune", "plusieurs", "certains", "certaines"}
)


def _subject_before(info: TokenInfo) -> bool:
    """Whether the token's chunk, before it, can hold its subject (for a token that opens its chunk,
    the chunk before it): false only when the chunk opens with a preposition and every noun phrase
    in it hangs on a preposition (« pour des raisons économiques est … »)."""
    if info.sentence is None:
        return True
    clauses = info.sentence.clauses
    infos = info.sentence.infos
    here = clauses.chunk[info.index]
    if info.index and clauses.chunk[info.index - 1] != here:  # « et », « ou » open their chunk: the one before
        here = clauses.chunk[info.index - 1]
    members = [i for i in range(info.index) if clauses.chunk[i] == here and infos[i].token.kind != "punct"]
    if not members or infos[members[0]].norm not in _PREPOSITIONS:
        return True
    for i in members[1:]:
        word = infos[i]
        starts = word.norm in _SUBJECT_STARTS or (word.token.text[:1].isupper() and word.token.kind == "word")
        if starts and infos[i - 1].norm not in _PREPOSITIONS and infos[i - 1].norm not in _SUBJECT_STARTS:
            return True
    return False


# A word that asks for the object itself (« Quelle erreur il a commise ! », « Combien de voix a-t-il obtenues »).
_OBJECT_ASKING = frozenset(
    {"quel", "quelle", "quels", "quelles", "combien", "lequel", "laquelle", "lesquels", "lesquelles"}
)
_RELATIVE_ANTECEDENT_PRONOUNS = frozenset({"celui", "celle", "ceux", "celles", "celui-ci", "celle-ci", "ceux-ci",
                                            "celles-ci", "celui-là", "celle-là", "ceux-là", "celles-là"})
_NOT_ANTECEDENT_CLASSES = frozenset({"preposition", "adverb", "conjunction"})
# Nouns of conjunctive phrases ending in « que » (« à condition que », « de sorte que », « chaque fois que »): the
# « que » opens a clause, it is no relative pronoun.
_CONJUNCTIVE_NOUNS = frozenset(
    {"parce", "afin", "condition", "sorte", "façon", "manière", "moment", "mesure", "prétexte", "fois", "peine", "peur",
     "crainte", "faute", "non", "point"}
)

def _object_before(info: TokenInfo) -> bool:
    """Whether a direct object placed before the token (an auxiliary) stands earlier in its sentence: a relative
    « que » after a noun, a name, an adjective, a number or celui / celle… (« Les mesures que le gouvernement,
    mardi, a annoncées »), or quel / combien / lequel (« Quelle erreur le ministre a commise ! »), with no finite
    verb between them but those of subordinate clauses opened between (« Les réformes que le gouvernement, qui
    craint la rue, a adoptées »). Not a « que » after a verb (« il estime que »), an adverb or a preposition
    (« alors que », « avant que »), nor « ce que » (a neuter object: the participle stays masculine singular),
    nor the concessive « quel que », nor « lequel » after a preposition (« le projet pour lequel … »); the search
    stops at a colon, semicolon, dash or end of sentence (« Quel dommage : Isabelle a mangée … »)."""
    if info.sentence is None:
        return False
    infos = info.sentence.infos
    finite = info.sentence.clauses.finite
    waiting = 0  # finite verbs met (going back) that no subordinating word has claimed yet
    for i in range(info.index - 1, -1, -1):
        word = infos[i].norm
        if word in _SEGMENT_BREAKS:
            return False
        if i in finite:
            waiting += 1
        elif word in _OBJECT_ASKING and i + 1 < len(infos) and infos[i + 1].norm in ("que", "qu'"):
            continue  # « Quelle que soit l'issue »: concessive, it asks for no object
        elif word in _OBJECT_ASKING and word.startswith(("lequel", "laquelle", "lesquel")) and (
            i and infos[i - 1].norm in _PREPOSITIONS
        ):
            if waiting:
                waiting -= 1  # « dans laquelle … a … »: a relative opened, its pronoun no object
        elif word in _OBJECT_ASKING or (word in ("que", "qu'") and i and _relative_antecedent(infos, i - 1, finite)):
            if not waiting:
                return True
            waiting -= 1  # that object's clause is an earlier one, with its own verb
        elif word in SUBORDINATING_WORDS and waiting:
            waiting -= 1
    return False


def _relative_antecedent(infos: Sequence[TokenInfo], i: int, finite: Container[int]) -> bool:
    """Whether token i can be the antecedent of a relative « que » right after it: not the noun of a conjunctive
    phrase (« à condition que », « de sorte que », « l'idée que » aside), not a sentence's first word unless it can
    be a noun or a name (« Parce que », « Afin que »)."""
    before = infos[i]
    if before.norm in _OBJECT_ASKING or before.norm in _CONJUNCTIVE_NOUNS:
        return False
    if i == 0 and before.norm not in _RELATIVE_ANTECEDENT_PRONOUNS and not any(
        r.pos & {"noun", "proper_noun"} for r in before.readings
    ):
        return False
    if before.norm in _RELATIVE_ANTECEDENT_PRONOUNS or before.token.kind == "number":
        return True
    if before.token.kind != "word" or i in finite or before.norm in _AUXILIARIES:
        return False
    readings = before.readings
    if any(r.pos & _NOT_ANTECEDENT_CLASSES or "participle" in r.tenses for r in readings):
        return False
    return before.token.text[:1].isupper() or any(
        r.pos & {"noun", "proper_noun", "adjective", "numeral"} for r in readings
    )


# ---------------------------------------------------------------- et / est: a verbless subject (issue 12 item 2, etest)

# Coordinating conjunctions: a verb right after one shares the subject before it (« … et sera suivi »).
_CLAUSE_COORDINATORS = frozenset({"mais", "car", "or", "puis", "et", "ou"})
# A noun phrase that hangs on one of these is not a subject.
_GOVERNING = _PREPOSITIONS | {"suivant", "comme", "tandis"}
_SUBJECT_DETERMINERS = frozenset(
    {"le", "la", "l'", "un", "une", "ce", "cet", "cette", "son", "sa", "notre", "votre", "leur", "mon", "ma",
     "chaque", "aucun", "aucune", "tout", "toute"}
)


_EMPHATIC = frozenset({"lui", "elle", "lui-même", "elle-même"})
# Verbs conjugated with être: their participle after a noun and its adjective (« cet accouchement tragique et
# devenu … ») cannot be the adjective's partner in a coordination.
_ETRE_VERBS = frozenset(
    {"devenir", "redevenir", "intervenir", "venir", "revenir", "survenir", "parvenir", "advenir", "naître", "mourir",
     "décéder", "arriver", "partir", "repartir", "rester", "demeurer", "tomber", "retomber", "entrer", "rentrer",
     "sortir", "retourner", "apparaître", "passer"}
)


def _clause_start(infos: Sequence[TokenInfo], clauses: ClauseVerbs, k: int) -> int | None:
    """The first token of the clause that token k continues, when no conjugated verb stands in it
    before k: a subordinating word still waiting for its verb, « mais », « car », « or », or the
    segment's start. None when a verb stands before k in that clause. Earlier chunks holding only a
    complete subordinate clause (« Alors que la gauche était en minorité, … ») are passed over;
    brackets and quotations inside the segment too."""
    segment = clauses.segment[k]
    first_chunk = None
    start = k
    verb_in_chunk = False
    chunk = None
    for i in range(k - 1, -1, -1):
        if clauses.segment[i] < segment:
            break
        if clauses.segment[i] > segment:
            continue  # a bracket or quotation inside the segment
        if clauses.chunk[i] != chunk:
            chunk, verb_in_chunk = clauses.chunk[i], False
        if first_chunk is None and infos[i].token.kind == "word":
            first_chunk = chunk
        word = infos[i].norm
        if word == "comme" and infos[i + 1].norm in _GOVERNING | _SUBJECT_STARTS:
            start = i  # « comme le champion du monde »: a comparison, not a clause
            continue
        if word in SUBORDINATING_WORDS or (word == "s'" and i + 1 < len(infos) and infos[i + 1].norm in ("il", "ils")):
            if not verb_in_chunk:
                return i + 1  # the subordinate clause waits for its verb
            verb_in_chunk = False  # a complete subordinate clause: its verb is not the one sought
            if chunk == first_chunk and not _relative_after_noun(infos, i):
                return None
            start = i
            continue
        if i in clauses.finite:
            if i in clauses.main or (chunk == first_chunk and not _in_relative_after_noun(infos, clauses, i)):
                return None
            verb_in_chunk = True
            continue
        if word in ("mais", "car", "or") and i + 1 < k and infos[i + 1].norm not in _CLAUSE_COORDINATORS:
            return i + 1  # (« et », « ou » join noun phrases as often as clauses)
        start = i
    return start


_RELATIVE_PRONOUNS = frozenset(
    {"qui", "dont", "où", "lequel", "laquelle", "lesquels", "lesquelles", "auquel", "auxquels", "auxquelles",
     "duquel", "desquels", "desquelles"}
)


def _relative_after_noun(infos: Sequence[TokenInfo], i: int) -> bool:
    """Whether token i is a relative pronoun after a noun or a name (a preposition may stand between them,
    « la charte à laquelle »): the relative clause it opens belongs to that noun's phrase."""
    if infos[i].norm not in _RELATIVE_PRONOUNS or i == 0:
        return False
    before = infos[i - 1]
    if before.norm in _PREPOSITIONS and i >= 2 and infos[i].norm not in ("qui", "dont", "où"):
        before = infos[i - 2]
    if before.token.kind != "word" or before.norm in _CLAUSE_COORDINATORS:
        return False
    return before.token.text[:1].isupper() or any(r.pos & {"noun", "proper_noun"} for r in before.readings)


def _in_relative_after_noun(infos: Sequence[TokenInfo], clauses: ClauseVerbs, i: int) -> bool:
    """Whether finite verb i (of a subordinate clause) belongs to a relative clause opened after a noun of its
    chunk (« la préservation des communs par les communautés qui en ont la charge »)."""
    chunk = clauses.chunk[i]
    for j in range(i - 1, -1, -1):
        if clauses.chunk[j] != chunk:
            return False
        if infos[j].norm in SUBORDINATING_WORDS:
            return _relative_after_noun(infos, j)
    return False


def _subject_head_in(infos: Sequence[TokenInfo], clauses: ClauseVerbs, start: int, k: int) -> int | None:
    """The head of the first noun phrase between start and k that hangs on no preposition: the last
    noun of a determiner's phrase (« ce dernier point »), or a capitalised name."""
    segment = clauses.segment[k]
    governed = False
    i = start
    while i < k:
        info = infos[i]
        if clauses.segment[i] != segment:
            i += 1
            continue
        word = info.norm
        if word == ",":
            governed = False
        elif word in _GOVERNING or (word in ("des", "du", "au", "aux") and i > start):
            governed = True
        elif not governed and info.token.kind in ("word", "number"):  # « PH1 » is read as a number
            # A name: a capitalised word the lexicon gives as a name or does not know (« Enseignement »,
            # « Maitrise » are common nouns of a title).
            # Unknown to the spelling lexicon too: « Urungi », « OpenFisca » (the lexicon guesses a noun for them).
            name = info.token.text[:1].isupper() and word not in _SUBJECT_DETERMINERS and (
                not any(r.pos for r in info.readings)
                or any(r.pos & {"proper_noun", "first_name"} for r in info.readings)
                or (info.token.kind == "word" and not _known(info.token.text))
            )
            if name:
                return i
            if word in ("tout", "toute") and i + 1 < k and infos[i + 1].norm in _SUBJECT_DETERMINERS:
                i += 1  # « tout le programme »: the determiner after « tout » opens the phrase
                continue
            if word in _SUBJECT_DETERMINERS:
                # The phrase's noun: its first word that is only a noun, else its last word that can be one
                # (« ce dernier point », « une communauté active »).
                head = None
                j = i + 1
                while j < k and (
                    infos[j].norm in _OPENING_MARKS or infos[j].norm in _CLOSING_MARKS  # « une « imposante collection »
                    or (infos[j].token.kind == "word" and infos[j].norm not in _GOVERNING
                        and any(r.pos & {"noun", "adjective", "participle"} for r in infos[j].readings))
                ):
                    readings = infos[j].readings
                    if any("noun" in r.pos for r in readings):
                        if not any(r.pos & {"adjective", "participle"} for r in readings):
                            return j
                        head = j
                    j += 1
                return head
            if not any(r.pos & {"adverb"} for r in info.readings):
                governed = True  # something else than an adverb before the first noun phrase: give up
        i += 1
    return None


def _verbless_subject_head(info: TokenInfo) -> int | None:
    """For « et »: the head of a singular subject before it in a clause without a conjugated verb,
    or None. « Ce dernier point et plutôt surprenant », « que l'utilisateur et obligé de … »,
    « quand un vote et annoncé »."""
    sentence = info.sentence
    if sentence is None or info.index == 0:
        return None
    clauses = sentence.clauses
    infos = sentence.infos
    start = _clause_start(infos, clauses, info.index)
    if start is None:
        return None
    head = _subject_head_in(infos, clauses, start, info.index)
    if head is None:
        return None
    nouns = [r for r in infos[head].readings if r.pos & {"noun", "proper_noun"}]
    if nouns and not any("s" in r.numbers or not r.numbers for r in nouns):
        return None  # a plural subject takes « sont »
    return head


def _verbless_subordinate(info: TokenInfo) -> bool:
    """For « et »: a verbless subject before it, in a subordinate clause whose opening word (que, dont, si,
    quand…) still waits for its verb (« une sphère dont le satellite et le centre »)."""
    return _verbless_subject_head(info) is not None and _in_waiting_subordinate(info)


def _in_waiting_subordinate(info: TokenInfo) -> bool:
    """The clause part of `_verbless_subordinate`, for a caller that has found the verbless subject already."""
    if info.sentence is None:
        return False
    infos = info.sentence.infos
    start = _clause_start(infos, info.sentence.clauses, info.index)
    if start is None or start < 1 or infos[info.index - 1].norm == ",":
        return False  # « …, l'ajout de X, et l'avancement de Y »: the last item of a list
    opener = infos[start - 1].norm
    if opener in ("que", "qu'") and start > 1 and infos[start - 2].norm in ("tel", "telle", "tels", "telles", "ainsi"):
        return False  # « tels que X, Y et Z », « ainsi qu'une présentation »: a list, not a clause
    return (opener in SUBORDINATING_WORDS or opener == "s'") and opener not in ("comme", "qui")


def _segment_last(clauses: ClauseVerbs, k: int) -> int:
    """The last token of token k's segment: a bracket or quotation inside it comes back to its number, a
    segment opened by ; : or a dash (or the end of the bracket the token is in) never does."""
    segment = clauses.segment[k]
    return max((j for j in range(k, len(clauses.segment)) if clauses.segment[j] == segment), default=k)


def _verb_later(info: TokenInfo) -> bool:
    """Whether a conjugated verb follows the token anywhere in its segment (brackets and quotations
    inside it included)."""
    return info.sentence is None or _verb_in_rest_of_segment(info, info.sentence.clauses.finite)


def _verb_in_rest_of_segment(info: TokenInfo, verbs: Container[int]) -> bool:
    """Whether one of `verbs` follows the token in its segment, not as a second predicate after « et »
    (« … et sera suivi de … »: a verb of the same subject, not one of its own)."""
    assert info.sentence is not None
    clauses = info.sentence.clauses
    infos = info.sentence.infos
    last = _segment_last(clauses, info.index)
    return any(i in verbs and not _after_coordinator(infos, i) for i in range(info.index + 1, last + 1))


# Unstressed pronouns between a coordinating conjunction and its verb (« … et s'adapte », « et n'en a pas »).
_VERB_CLITICS = frozenset({"se", "s'", "ne", "n'", "le", "la", "les", "l'", "y", "en", "me", "m'", "te", "t'"})


def _after_coordinator(infos: Sequence[TokenInfo], i: int) -> bool:
    """Whether verb i follows a coordinating conjunction (unstressed pronouns between): a second predicate of the
    subject before, not a clause of its own."""
    j = i - 1
    while j > 0 and infos[j].norm in _VERB_CLITICS:
        j -= 1
    return j >= 0 and infos[j].norm in _CLAUSE_COORDINATORS


def _main_verb_later(info: TokenInfo) -> bool:
    """Whether a conjugated verb of a main clause follows the token in its segment (a verb after a subordinating
    word, « … les entités qui utilisent udata », or a second predicate after « et », does not count)."""
    return info.sentence is None or _verb_in_rest_of_segment(info, info.sentence.clauses.main)


_DEFINITE_ARTICLES = frozenset({"le", "la", "l'"})
_OF = frozenset({"de", "d'", "du", "des"})
_SENTENCE_ENDS = frozenset({".", "!", "?", "…"})
# Nouns that typically stand as the attribute of « X est le N de … »: « le résultat de », « le fruit de », « le cœur
# de ». With any other noun a verbless « Det N et le N de … » is as often two coordinated noun phrases, a caption or
# a list (« Le maire et le président du conseil départemental. », « Le pain et le vin de la fête. »). The list is
# read here, not as a word class of the pattern's next step, because the rule-wide exception of
# grammar.homophone-et (a determiner … « et le ») gives way on this same condition: a word class in the pattern
# only would let the exception go for every noun, and the older verbless patterns would flag those captions.
# Not « premier », « seul »: « Le maire et le premier de ses adjoints. » is a coordination as well.
_ATTRIBUTE_NOUNS = frozenset(
    {"résultat", "fruit", "centre", "cœur", "coeur", "preuve", "signe", "objet", "moteur", "symbole", "reflet",
     "pilier", "berceau", "rendez-vous"}
)


_CARDINAL_POINTS = frozenset(
    {"nord", "sud", "est", "ouest", "nord-est", "nord-ouest", "sud-est", "sud-ouest", "levant", "couchant", "midi"}
)
# A verbless subject whose noun is one of these is coordinated with « et le N », not given it as attribute.
_COORDINATED_SUBJECT_NOUNS = _ATTRIBUTE_NOUNS | _CARDINAL_POINTS


def _definite_attribute(info: TokenInfo) -> bool:
    """For « et » before le/la/l' + a noun, after a verbless singular subject: whether that noun phrase reads as
    the subject's attribute rather than as its partner in a coordination. In a prose sentence with no main verb that
    opens on « Un des » + a noun of _ONE_OF_HEADS, when the noun after « et le » has an adjective or a complement in
    de (« Un des axes prioritaires et la sobriété numérique. », stop 44). Either in a subordinate clause still
    waiting for its verb, with no verb after « et » in the segment (« une sphère dont le satellite et le centre »),
    or in a prose sentence (a paragraph or quotation block, not a title, a list item, a table cell, a caption or an
    aside) that ends like one, has no main-clause verb, no comma nor earlier « et » before « et » and no question
    just before, when the noun is one that typically stands as an attribute (_ATTRIBUTE_NOUNS) and has a complement
    in de (« Ce catalogue et le fruit d'une collaboration »). Never when the subject's noun is one of those nouns too
    (« Le centre et le cœur de la ville. ») or a plural adjective or participle after a comma agrees with both
    (« Ce livre et le fruit de son travail, exposés à … »). A cue, not a proof: « X et le fruit de Y » may still be
    a coordination."""
    sentence = info.sentence
    if sentence is None or info.norm != "et" or info.index + 2 >= len(sentence.infos):
        return False
    infos = sentence.infos
    k = info.index
    noun = infos[k + 2]
    if (
        k == 0
        or infos[k + 1].norm not in _DEFINITE_ARTICLES
        or infos[k - 1].norm == ","
        or noun.token.kind != "word"
        or noun.token.text[:1].isupper()
        or not (any("noun" in r.pos for r in noun.readings) or "-" in noun.token.text)  # « le rendez-vous »
    ):
        return False
    if _opens_on_one_of(infos) and not sentence.clauses.main and _in_prose(info):
        # « Un des axes prioritaires et la sobriété numérique. »: a subject that picks one of several names what it is
        # after « être »; with no main verb, the phrase after « et », its noun qualified (an adjective, a complement in
        # de), is its attribute (stop 44). Not « Un des élus et la maire, lors de … », a caption's two people.
        qualifier = infos[k + 3] if k + 3 < len(infos) else None
        return (
            not any(t.norm in (",", "et", "ou") for t in infos[:k])
            and not _plural_apposition_after(infos, k)  # « Une des tours et la façade, vues depuis … » (a second read)
            and qualifier is not None
            and (qualifier.norm in _OF or any("adjective" in r.pos for r in qualifier.readings))
        )
    if (head := _verbless_subject_head(info)) is None:
        return False
    if infos[head].norm in _COORDINATED_SUBJECT_NOUNS or _plural_apposition_after(infos, k):
        # « Le centre et le cœur de la ville. », « Le nord et le centre de la France. »: two places or two nouns of
        # the list coordinated; « Ce livre et le fruit de son travail, exposés à … »: a plural adjective or
        # participle agrees with both.
        return False
    if _in_waiting_subordinate(info):
        return not _verb_later(info)
    clauses = sentence.clauses
    block = sentence.source.block if sentence.source is not None else None
    if (
        noun.norm not in _ATTRIBUTE_NOUNS
        # No main verb (a relative clause's is allowed). A hyphenated noun after its determiner is not one:
        # « le rendez-vous » is read as a verb.
        or any(
            not (i > 0 and "-" in infos[i].token.text and infos[i - 1].norm in _SUBJECT_DETERMINERS)
            for i in clauses.main
        )
        or (block is not None and not _prose_block(block))
        or any(t.norm in (",", "et") for t in infos[:k])  # a list, or a first « et » that can be the verb
    ):
        return False
    before = _sentences_before(sentence.source, 1) if sentence.source is not None else []
    if any(s.text.rstrip().endswith("?") for s in before):
        return False  # « Leurs points communs ? La contribution à … et l'envie de … »: an answer without a verb
    last = len(infos) - 1
    while last > k and infos[last].norm in _CLOSING_MARKS:
        last -= 1
    if infos[last].norm not in _SENTENCE_ENDS:
        return False
    after = k + 3
    if after < len(infos) and any("adjective" in r.pos for r in infos[after].readings) and infos[after].norm not in _OF:
        after += 1  # « le rendez-vous annuel de »
    return after < len(infos) and infos[after].norm in _OF


# The nouns that « Un des … » picks one of when it names what the subject is (« Un des axes prioritaires est la
# sobriété », « L'une des causes est la vitesse »): aims, means, reasons, stakes, steps. Nouns of people or places are
# left out: « Un des fondateurs et la directrice, en 2019. », « Une des salles et la cour du musée. » are captions (a
# second read); « axe », « source », « clé » may still name a road, a spring, a key.
_ONE_OF_HEADS = frozenset(
    {"axe", "enjeu", "objectif", "but", "priorité", "moyen", "levier", "piste", "solution", "raison", "cause", "défi",
     "avantage", "inconvénient", "atout", "intérêt", "problème", "difficulté", "risque", "conséquence", "critère",
     "condition", "clé", "clef", "principe", "règle", "mission", "ambition", "facteur", "source", "origine", "effet",
     "leçon", "question", "explication", "caractéristique", "particularité", "spécificité", "nouveauté", "force",
     "faiblesse", "limite", "défaut", "mérite", "vertu", "finalité", "vocation", "tâche", "étape", "option"}
)


def _opens_on_one_of(infos: Sequence[TokenInfo]) -> bool:
    """Whether the sentence opens on « Un des », « Une des », « L'un des », « L'une d' »… + a noun of _ONE_OF_HEADS
    (one aim, one means of several), not on « L'un des deux » (a pronoun: one of two named before)."""
    tokens = list(infos[:5])
    if tokens and tokens[0].norm == "l'":
        tokens = tokens[1:]
    return (
        len(tokens) >= 3
        and tokens[0].norm in ("un", "une")
        and tokens[1].norm in ("des", "d'")
        and any("noun" in r.pos and r.lemma in _ONE_OF_HEADS for r in tokens[2].readings)
    )


def _prose_block(block: Block) -> bool:
    """Whether a block holds prose by its kind: a paragraph or a quotation block, not an aside or an HTML caption."""
    return block.kind in ("paragraph", "quote") and block.aside is None and not block.caption


def _in_prose(info: TokenInfo) -> bool:
    """Whether the token's sentence stands in prose: a paragraph or a quotation block, not a title, a list item, a
    table cell, an aside (caption, byline, embedded post) or an HTML caption, nor a Markdown paragraph wholly in
    emphasis (« *Le président et une délégation à Pékin, le 4 novembre.* »), the usual way of writing a caption.
    There a verbless « X et un N » is as often a legend naming two people or things as « X est un N » miswritten.
    A sentence without a block (a bare string) counts as prose."""
    sentence = info.sentence
    block = sentence.source.block if sentence is not None and sentence.source is not None else None
    if block is None:
        return True
    if not _prose_block(block):
        return False
    doc = block.doc
    if doc is None or doc.format != "markdown" or len(block.offsets) < 2:
        return True
    first, last = block.offsets[0], block.offsets[-1]
    source = doc.source
    return not (first > 0 and last < len(source) and source[first - 1] in "*_" and source[last] in "*_")


def _plural_apposition_after(infos: Sequence[TokenInfo], k: int) -> bool:
    """Whether, after the token at k, a comma opens a plural adjective or participle (no reading of the word is
    singular): « X et le Y de Z, exposés à … » agrees with X and Y together."""
    for i in range(k + 2, len(infos)):
        readings = infos[i].readings
        if (
            infos[i - 1].norm == ","
            and any(r.pos & {"adjective", "participle"} and r.numbers == frozenset({"p"}) for r in readings)
            and not any("s" in r.numbers for r in readings)
        ):
            return True
    return False


def _agreeing(subject: TokenInfo, attribute: TokenInfo) -> bool:
    """Whether some reading of the attribute (adjective or participle) agrees in gender and number with
    some noun reading of the subject (a name, or a word without readings, agrees with a singular)."""
    nouns = [r for r in subject.readings if r.pos & {"noun", "proper_noun"}]
    if subject.token.text[:1].isupper() or not nouns:
        nouns = [Reading("", frozenset({"noun"}), genders=frozenset(), numbers=frozenset({"s"}))]
    for a in attribute.readings:
        if not a.pos & {"adjective", "participle"} or (a.numbers and "s" not in a.numbers):
            continue
        for n in nouns:
            if a.genders and n.genders and not a.genders & n.genders:
                continue
            if a.numbers and n.numbers and not a.numbers & n.numbers:
                continue
            return True
    return False


# Adjectives that usually stand before their noun (« le nouveau directeur »): the word after them is the noun.
_BEFORE_NOUN_ADJECTIVES = frozenset(
    {"nouveau", "nouvel", "premier", "dernier", "grand", "petit", "jeune", "vieux", "vieil", "beau", "bel", "bon",
     "mauvais", "ancien", "seul", "même", "autre", "prochain", "futur", "gros", "haut", "long", "vrai", "second",
     "principal", "simple", "véritable"}
)


def _agrees_with_subject(info: TokenInfo) -> bool:
    """For an adjective or participle after « et » (and adverbs): it agrees with the verbless subject
    before « et », and no adjective or participle of the subject's phrase can be its partner in a
    coordination (« le texte adopté par le Sénat et promulgué » is right). An adjective just before
    « et » is a partner unless the segment has no main verb after it and the word is a participle of a
    verb conjugated with être or one before its agent, or the clause is a subordinate one
    (« cet accouchement tragique et devenu un sujet politique »)."""
    sentence = info.sentence
    if sentence is None:
        return False
    infos = sentence.infos
    if info.index == 0:
        return False
    k = info.index - 1
    while k > 0 and infos[k].norm != "et" and (
        infos[k].norm in _EMPHATIC or infos[k].norm == "donc" or any("adverb" in r.pos for r in infos[k].readings)
    ):
        k -= 1
    if infos[k].norm != "et":
        return False
    head = _verbless_subject_head(infos[k])
    if head is None or not _agreeing(infos[head], info):
        return False
    # Where the adjective just before « et » cannot be a partner: a participle of a verb conjugated with être
    # (« tragique et devenu »), or one with its agent (« publique et structurée par … »), or a subordinate
    # clause that has no verb of its own (« si le logiciel libre et présent dans … »).
    clauses = sentence.clauses
    start = _clause_start(infos, clauses, k)
    subordinate = start is not None and start > 0 and infos[start - 1].norm in _CONJUNCTION_OPENERS | {"que", "qu'"}
    after = infos[info.index + 1].norm if info.index + 1 < len(infos) else ""
    etre_participle = subordinate or any(
        "participle" in r.tenses and (r.lemma in _ETRE_VERBS or after == "par") for r in info.readings
    )
    if k - 1 in clauses.finite:
        return False  # « la plateforme qui recense et présente … »: two verbs of a relative clause
    later_main = any(
        j > k and clauses.segment[j] == clauses.segment[k] and not _after_coordinator(infos, j) for j in clauses.main
    )
    before_head = infos[head - 1] if head else None
    if (
        head == k - 1
        and before_head is not None
        and before_head.token.kind == "word"
        and any("adjective" in r.pos for r in infos[head].readings)
        and any("noun" in r.pos for r in before_head.readings)
        and not any("determiner" in r.pos for r in before_head.readings)
        and not any(r.lemma in _BEFORE_NOUN_ADJECTIVES for r in before_head.readings)
        and (later_main or not etre_participle)
    ):
        return False  # « la dynamique européenne et française »: the head found is the noun's adjective
    for i in range(head + 1, k):
        other = infos[i]
        if (
            infos[i - 1].norm in _SUBJECT_DETERMINERS
            or infos[i - 1].norm in _OF  # « l'évolution du modèle »: the noun of a complement
            or other.token.text[:1].isupper()
            or not _agreeing(infos[head], other)
        ):
            continue  # a noun after its determiner, a name
        if any("participle" in r.tenses for r in other.readings):
            return False  # « adopté par le Sénat et promulgué »
        if (
            i == k - 1
            and any(r.pos & {"adjective", "participle"} for r in other.readings)
            and (later_main or not etre_participle)
        ):
            return False  # « un logiciel libre et gratuit », « une communauté active et centrée sur … »
    return True


# ---------------------------------------------------------------- « est » without a subject of its own (etest)

_PRESENT_PARTICIPLE_RE = re.compile(r"ant$")
# Verbs of an incise (« , a indiqué la police, »): their subject follows them.
_SPEECH_VERBS = frozenset(
    {"dire", "déclarer", "indiquer", "affirmer", "expliquer", "préciser", "ajouter", "souligner", "estimer",
     "rappeler", "annoncer", "assurer", "confier", "raconter", "poursuivre", "conclure", "répondre", "noter",
     "observer", "relever", "insister", "reconnaître", "confirmer", "juger", "commenter", "signaler", "avancer",
     "admettre", "avouer", "écrire", "lancer", "déplorer", "regretter", "résumer", "marteler", "prévenir",
     "témoigner", "détailler", "constater", "promettre", "espérer", "reprendre", "s'exclamer", "ironiser"}
)
# Subordinating conjunctions: the clause they open is searched for a subject of « est » (after a relative or
# interrogative word the subject may be inverted or be the word itself: qui est, où est, quel est).
_CONJUNCTION_OPENERS = frozenset({"quand", "lorsque", "lorsqu'", "si", "s'", "puisque", "puisqu'"})


def _opens_without_subject(info: TokenInfo, after_coordinator: bool, segment_start: bool) -> bool:
    """Whether a chunk opening with this word holds no subject at its start: a preposition, an adverb, a
    present participle (« insistant sur … »), a known bare common noun in apposition after a comma
    (« sociologue français »), an infinitive coordinated with another (« mobiliser, étendre et structurer »)."""
    word = info.norm
    readings = info.readings
    if word in _GOVERNING:
        return True
    if info.token.kind != "word" or info.token.text[:1].isupper() or not readings:
        return False
    if all(r.pos & {"adverb"} for r in readings):
        return True
    if _PRESENT_PARTICIPLE_RE.search(word) and any("verb" in r.pos and not r.tenses for r in readings):
        return True
    if after_coordinator and any("infinitive" in r.tenses for r in readings):
        return True
    if (
        not segment_start
        and any("participle" in r.tenses for r in readings)
        and not any(r.tenses & FINITE_TENSES or r.pos & {"noun"} for r in readings)
    ):
        return True  # a past participle in apposition (« …, dédié à la modélisation est à la simulation »)
    return (
        not segment_start
        and _known(info.token.text)
        and all(r.pos <= {"noun", "adjective"} for r in readings)
    )


def _chunk_holds_subject(infos: Sequence[TokenInfo], positions: list[int], segment_start: bool) -> bool:
    """Whether a chunk (its positions in order, brackets and quotations inside the segment aside) can hold
    a subject: it opens with a word that can start one, or one of its noun phrases (a determiner, a
    pronoun, a name, a number) does not hang on a preposition or a determiner."""
    words = [i for i in positions if infos[i].token.kind != "punct"]
    after_coordinator = False
    while words and infos[words[0]].norm in _CHUNK_BREAKS:
        after_coordinator = True
        words = words[1:]
    if not words:
        return False
    if not _opens_without_subject(infos[words[0]], after_coordinator, segment_start):
        return True
    verb_at = 1
    while verb_at < len(words) and infos[words[verb_at]].norm in _VERB_CLITICS:
        verb_at += 1
    if (
        infos[words[0]].norm in ("de", "d'", "à", "pour", "sans")
        and verb_at < len(words)
        and any("infinitive" in r.tenses for r in infos[words[verb_at]].readings)
        and not any("noun" in r.pos for r in infos[words[verb_at]].readings)
    ):
        return False  # « de mettre en place une base de données »: the infinitive's complements, no subject
    for previous, i in pairwise(words):
        info = infos[i]
        starts = (
            info.norm in _SUBJECT_STARTS
            or info.token.kind == "number"
            or (info.token.text[:1].isupper() and info.token.kind == "word")
            or any("pronoun" in r.pos and "determiner" not in r.pos for r in info.readings)
        )
        if not starts:
            continue
        before = infos[previous]
        if before.norm in _GOVERNING or before.norm in _SUBJECT_STARTS or before.norm in ("des", "du", "au", "aux"):
            continue
        if info.token.kind == "number" and any("noun" in r.pos for r in before.readings):
            continue  # « juillet 2020 », « la version 2 »: the number belongs to the noun before it
        if info.token.text[:1].isupper() and before.token.text[:1].isupper():
            continue  # one name of several words
        if before.token.kind == "number" or any("determiner" in r.pos for r in before.readings):
            continue
        return True
    return False


def _subject_of_verb(infos: Sequence[TokenInfo], clauses: ClauseVerbs, i: int) -> bool:
    """Whether main verb i has its subject before it in its chunk (not an incise « , a indiqué la police, »,
    nor a compound read as a verb, « rendez-vous »)."""
    if "-" in infos[i].token.text:
        return False
    chunk, segment = clauses.chunk[i], clauses.segment[i]
    return any(
        clauses.chunk[j] == chunk
        and clauses.segment[j] == segment
        and infos[j].token.kind == "word"
        and infos[j].norm not in _CHUNK_BREAKS
        and infos[j].norm not in _VERB_CLITICS  # « …, se renouvelle chaque année, »: no subject of its own
        for j in range(i)
    )


def _third_person_verb(info: TokenInfo) -> bool:
    """Whether a word can be a verb of the third person singular (« consulte », « investit »)."""
    return info.token.kind == "word" and any(
        "verb" in r.pos and "3s" in r.persons and r.tenses & FINITE_TENSES for r in info.readings
    )


def _est_without_subject(info: TokenInfo) -> bool:
    """For « est »: whether nothing before it in its clause can be its subject, so that it is the
    conjunction « et ». Either every chunk back to the segment's start or to a subordinating conjunction
    opens without a subject and hangs its noun phrases on prepositions (« Selon François Dubet,
    sociologue français est professeur »), or a main verb with its own subject comes before and no new
    subject stands between it and « est » (« nous considérons X comme Y, est Z comme W »). A chunk
    holding a complete subordinate clause is passed over, and so is an incise."""
    sentence = info.sentence
    if sentence is None or info.index == 0:
        return False
    clauses = sentence.clauses
    infos = sentence.infos
    k = info.index
    if infos[k - 1].norm in _CLAUSE_COORDINATORS or infos[k - 1].norm == "ni":
        return False  # « … et est notamment »: a second predicate of the same subject
    if k >= 3 and infos[k - 1].norm == "," and infos[k - 3].norm == "," and _third_person_verb(infos[k - 2]):
        return False  # « La ministre voyage, consulte, est à l'écoute »: one more predicate of a list
    segment = clauses.segment[k]
    chunk = clauses.chunk[k]
    positions: list[int] = []  # the current chunk's positions, read backwards
    first_is_nested = False
    transparent = False  # the chunk holds a complete subordinate clause or an incise
    pending_verb = False  # a main verb whose subject, if any, stands in an earlier chunk
    for i in range(k - 1, -1, -1):
        if clauses.segment[i] < segment:
            break
        if clauses.chunk[i] != chunk and clauses.segment[i] == segment:
            if positions and not transparent and (
                first_is_nested or _chunk_holds_subject(infos, positions[::-1], False)
            ):
                return pending_verb
            chunk, positions, transparent = clauses.chunk[i], [], False
        if clauses.segment[i] > segment:
            first_is_nested = True  # a quotation or bracket: a title may be the subject
            continue
        if infos[i].token.kind != "punct":
            first_is_nested = False
        word = infos[i].norm
        time_ago = word == "a" and i >= 2 and infos[i - 1].norm == "y" and infos[i - 2].norm == "il"
        if i in clauses.finite and not time_ago:  # « il y a dix ans »: a time, not a clause
            if chunk == clauses.chunk[k]:
                return False  # a relative clause inside the subject, or a second verb (est-second-main-verb)
            if i in clauses.main and _subject_of_verb(infos, clauses, i):
                # A main verb with its subject, and no new subject since; but after a verb without its own subject
                # between (« Le club recrute, investit, est un des favoris »), « est » is one more predicate of a
                # list sharing that subject.
                return not pending_verb
            verb_words = infos[i : i + 2] if infos[i].norm in _AUXILIARIES else infos[i : i + 1]
            if i in clauses.main and "-" not in infos[i].token.text and not any(
                r.lemma in _SPEECH_VERBS for verb in verb_words for r in verb.readings
            ):
                # Its subject may stand before a relative clause between commas (« Cette assemblée, dont …,
                # écouta … »): if the chunks before hold one, « est » comes after a complete clause.
                pending_verb = True
            transparent = True
        elif (
            word in SUBORDINATING_WORDS and not (word == "comme" and infos[i + 1].norm in _GOVERNING | _SUBJECT_STARTS)
        ) or (word == "s'" and infos[i + 1].norm in ("il", "ils")):
            if transparent:
                continue
            conjunction = word in _CONJUNCTION_OPENERS or (
                word in ("que", "qu'") and i > 0 and infos[i - 1].norm in ("ainsi", "alors", "tandis", "parce")
            )
            return conjunction and bool(positions) and not _chunk_holds_subject(infos, positions[::-1], False)
        positions.append(i)
    if first_is_nested or not positions or transparent:
        return pending_verb and not transparent
    first = positions[-1]
    if infos[first].norm in _OPENING_MARKS or infos[first].norm in _CLOSING_MARKS or infos[first].norm == '"':
        return False  # a quotation or bracket begins here: the subject is outside it
    return _chunk_holds_subject(infos, positions[::-1], True) == pending_verb

# ---------------------------------------------------------------- compiling the pack's data


def _words(items: Iterable[str]) -> frozenset[str]:
    return frozenset(norm(w) for w in items)


def _union(items: Iterable[str], names: Iterable[str], classes: dict[str, frozenset[str]]) -> frozenset[str]:
    """Word forms listed, with those of the named classes (a class alone is shared, not copied)."""
    parts = [classes.get(name, _NO_WORDS) for name in names]
    if items:
        parts.append(_words(items))
    if len(parts) == 1:
        return parts[0]
    return _NO_WORDS.union(*parts)


_NO_WORDS: frozenset[str] = frozenset()
# The conditions given as they are in the pack (yes/no questions on the token or its context).
_FLAG_CONDITIONS = frozenset(
    f.name for f in fields(Condition) if f.default is None and f.name not in ("pattern", "not_reading")
)
_TAG_CONDITIONS = ("pos", "not_pos", "only_pos", "tense", "not_tense", "person", "gender", "number")


_CONDITION_DEFAULTS: dict[str, Any] = {f.name: f.default for f in fields(Condition)}
if any(value is MISSING for value in _CONDITION_DEFAULTS.values()) or hasattr(Condition, "__post_init__"):
    raise TypeError("Condition: _new_condition needs a plain default for every field and no __post_init__")


def _new_condition(**values: Any) -> Condition:
    """A Condition, built without the generated __init__ of a frozen dataclass, which sets each of its three dozen
    fields through object.__setattr__: a fifth of the time of compiling the packs' 1,800 conditions at each start.
    The result is the same object (same fields, equal, hashable, frozen)."""
    unknown = values.keys() - _CONDITION_DEFAULTS.keys()
    if unknown:
        raise TypeError(f"Condition: unknown fields {sorted(unknown)}")
    condition: Condition = object.__new__(Condition)
    state = condition.__dict__
    state.update(_CONDITION_DEFAULTS)
    state.update(values)
    return condition


def _condition(raw: dict[str, Any], classes: dict[str, frozenset[str]]) -> Condition:
    # Only the keys the pack gives are read: a pack holds a few thousand conditions, compiled at each start.
    given: dict[str, Any] = {name: raw[name] for name in raw.keys() & _FLAG_CONDITIONS}
    for name in raw.keys() & _TAG_CONDITIONS:
        given[name] = frozenset(raw[name])
    return _new_condition(
        words=_union(raw.get("words", ()), raw.get("classes", ()), classes),
        not_words=_union(raw.get("not_words", ()), raw.get("not_classes", ()), classes),
        pattern=re.compile(raw["pattern"]) if raw.get("pattern") else None,
        lemmas=_words(raw.get("lemmas", ())),
        not_lemmas=_words(raw.get("not_lemmas", ())),
        kinds=frozenset(raw.get("kind", ())),
        not_reading=_condition(raw["not_reading"], classes) if raw.get("not_reading") else None,
        **given,
    )


def _step(raw: dict[str, Any], classes: dict[str, frozenset[str]]) -> Step:
    if "skip" in raw:
        skip = raw["skip"]
        if isinstance(skip, list):  # word forms and word classes
            condition = Condition(words=frozenset(w for name in skip for w in classes.get(name, _words([name]))))
        else:
            condition = _condition(skip, classes)
        return Step(condition, skip=True, max=int(raw.get("max", 1)))
    return Step(_condition(raw, classes), optional=bool(raw.get("optional", False)), mark=bool(raw.get("mark", False)))


def _steps(raw: Sequence[dict[str, Any]], classes: dict[str, frozenset[str]]) -> tuple[Step, ...]:
    return tuple(_step(s, classes) for s in raw)


def _anchor(steps: tuple[Step, ...]) -> tuple[frozenset[str], tuple[int, int]]:
    """The word forms of the first step that names some, with how far after a match's start it
    can be (so only sentences and positions holding one of them are tried)."""
    low = high = 0
    for step in steps:
        if step.skip:
            high += step.max
            continue
        if step.condition.words and not step.optional:
            return step.condition.words, (low, high)
        if step.optional:
            high += 1
        else:
            low += 1
            high += 1
    return frozenset(), (0, 0)


def compile_rule(rule: Rule, classes: dict[str, frozenset[str]]) -> tuple[Pattern, ...]:
    rule_unless = tuple(_steps(u, classes) for u in rule.params.get("unless", ()))
    patterns = []
    for i, raw in enumerate(rule.params.get("patterns", ())):
        steps = _steps(raw["steps"], classes)
        anchor, offsets = _anchor(steps)
        required = tuple(
            st.condition.words for st in steps if st.condition.words and not st.optional and not st.skip
        )
        patterns.append(
            Pattern(
                rule_id=rule.id,
                name=str(raw.get("name", f"{rule.id}#{i + 1}")),
                steps=steps,
                suggestions=tuple(raw.get("suggest", ())),
                rewrite=(re.compile(raw["rewrite"][0]), raw["rewrite"][1]) if raw.get("rewrite") else None,
                detail=str(raw.get("detail", "")),
                unless=rule_unless + tuple(_steps(u, classes) for u in raw.get("unless", ())),
                anchor=anchor,
                anchor_offsets=offsets,
                required=tuple(words for words in required if words != anchor),
            )
        )
    return tuple(patterns)


def word_classes(rules: Iterable[Rule]) -> dict[str, frozenset[str]]:
    classes: dict[str, frozenset[str]] = {}
    for rule in rules:
        for name, words in rule.params.get("word_classes", {}).items():
            classes.setdefault(name, _words(words))
    return classes


def compile_rules(rules: RuleSet) -> tuple[Pattern, ...]:
    """Every pattern of the rule set's `tokens` rules, compiled once and kept on the rule set
    (word classes come from the rules of the same pack, enabled or not)."""
    cached: tuple[Pattern, ...] | None = getattr(rules, "_token_patterns", None)
    if cached is not None:
        return cached
    token_rules = [r for r in rules if r.kind == KIND]
    compiled: list[Pattern] = []
    for pack in dict.fromkeys(r.pack for r in token_rules):
        classes = word_classes(r for r in rules if r.pack == pack)
        compiled.extend(p for rule in token_rules if rule.pack == pack for p in compile_rule(rule, classes))
    result = tuple(compiled)
    rules._token_patterns = result  # type: ignore[attr-defined]
    return result


# ---------------------------------------------------------------- matching


def _reading_ok(c: Condition, r: Reading) -> bool:
    if c.lemmas and r.lemma not in c.lemmas:
        return False
    if c.pos and not (c.pos & r.pos):
        return False
    if c.tense and not (c.tense & r.tenses):
        return False
    if c.person and not (c.person & r.persons):
        return False
    if c.gender and not (c.gender & r.genders):
        return False
    return not (c.number and not (c.number & r.numbers))


def _glued(info: TokenInfo) -> bool:
    """No space between the token and the one before it in the sentence."""
    if info.index == 0 or info.sentence is None:
        return False
    return info.sentence.infos[info.index - 1].token.end == info.token.start


def token_ok(c: Condition, info: TokenInfo) -> bool:
    tok = info.token
    if c.kinds and tok.kind not in c.kinds:
        return False
    if c.words and info.norm not in c.words:
        return False
    if c.not_words and info.norm in c.not_words:
        return False
    if c.pattern is not None and not c.pattern.search(tok.text):
        return False
    if c.sentence_start is not None and (info.index == 0) != c.sentence_start:
        return False
    if c.sentence_end is not None and (info.index == info.count - 1) != c.sentence_end:
        return False
    if c.capitalised is not None and (tok.text[:1].isupper()) != c.capitalised:
        return False
    if c.glued is not None and _glued(info) != c.glued:
        return False
    if c.known is not None and (tok.kind != "word" or _known(tok.text) != c.known):
        return False
    # The tests of the token itself first; then those that read its sentence, its clauses, the text before.
    if c.reading_conditions or c.not_lemmas or c.not_pos or c.only_pos or c.not_tense or c.not_reading:
        if tok.kind != "word":
            return False
        readings = info.readings
        if c.reading_conditions and not any(_reading_ok(c, r) for r in readings):
            return False
        if c.not_lemmas and any(r.lemma in c.not_lemmas for r in readings):
            return False
        if c.not_pos and any(c.not_pos & r.pos for r in readings):
            return False
        if c.not_tense and any(c.not_tense & r.tenses for r in readings):
            return False
        if c.not_reading is not None and any(_reading_ok(c.not_reading, r) for r in readings):
            return False
        if c.only_pos and not (readings and all((r.pos & _MAIN_CLASSES) <= c.only_pos for r in readings)):
            return False
    if c.main_verb_in_segment is not None and _main_verb_in_segment(info) != c.main_verb_in_segment:
        return False
    if c.main_verb_in_chunk is not None and _main_verb_in_chunk(info) != c.main_verb_in_chunk:
        return False
    if c.verbless_subject is not None and (_verbless_subject_head(info) is not None) != c.verbless_subject:
        return False
    if c.agrees_with_subject is not None and _agrees_with_subject(info) != c.agrees_with_subject:
        return False
    if c.est_without_subject is not None and _est_without_subject(info) != c.est_without_subject:
        return False
    if c.verb_later is not None and _verb_later(info) != c.verb_later:
        return False
    if c.main_verb_later is not None and _main_verb_later(info) != c.main_verb_later:
        return False
    if c.definite_attribute is not None and _definite_attribute(info) != c.definite_attribute:
        return False
    if c.verbless_subordinate is not None and _verbless_subordinate(info) != c.verbless_subordinate:
        return False
    if c.subject_before is not None and _subject_before(info) != c.subject_before:
        return False
    if c.main_verb_near is not None and _main_verb_near(info) != c.main_verb_near:
        return False
    if c.verb_after is not None and _verb_after(info) != c.verb_after:
        return False
    if c.verb_before is not None and _verb_before(info) != c.verb_before:
        return False
    if c.prose is not None and _in_prose(info) != c.prose:
        return False
    if c.possessor_before is not None and _possessor_in_text_before(info) != c.possessor_before:
        return False
    if c.object_before is not None and _object_before(info) != c.object_before:
        return False
    if c.taken_up is not None and _taken_up(info) != c.taken_up:
        return False
    if c.owner_subject is not None and _owner_subject(info) != c.owner_subject:
        return False
    if c.one_of_subject is not None and (
        info.sentence is not None and _opens_on_one_of(info.sentence.infos)
    ) != c.one_of_subject:
        return False
    return c.possessive_sibling is None or _possessive_sibling(info) == c.possessive_sibling


@lru_cache(maxsize=50_000)
def _known(word: str) -> bool:
    from checker.lexicon import get_lexicon

    return get_lexicon().known(word)


Spans = tuple[tuple[int, int] | None, ...]  # per step: (first, last) token index, None when not matched


def match_at(steps: tuple[Step, ...], infos: list[TokenInfo], start: int) -> Spans | None:
    """The token range each step covers in a match starting at token `start`, or None."""
    spans: list[tuple[int, int] | None] = [None] * len(steps)
    return _match(steps, infos, 0, start, spans)


def _match(
    steps: tuple[Step, ...], infos: list[TokenInfo], si: int, ti: int, spans: list[tuple[int, int] | None]
) -> Spans | None:
    if si == len(steps):
        return tuple(spans)
    step = steps[si]
    n = len(infos)
    if step.skip:
        k = 0
        while True:
            spans[si] = (ti, ti + k - 1) if k else None
            found = _match(steps, infos, si + 1, ti + k, spans)
            if found is not None:
                return found
            if k >= step.max or ti + k >= n or not token_ok(step.condition, infos[ti + k]):
                spans[si] = None
                return None
            k += 1
    if ti < n and token_ok(step.condition, infos[ti]):
        spans[si] = (ti, ti)
        found = _match(steps, infos, si + 1, ti + 1, spans)
        if found is not None:
            return found
        spans[si] = None
    if step.optional:
        return _match(steps, infos, si + 1, ti, spans)
    return None


@dataclass(frozen=True)
class PatternMatch:
    pattern: Pattern
    first: int  # marked token indexes (inclusive)
    last: int
    start: int  # marked offsets relative to the sentence
    end: int
    suggestions: tuple[str, ...]


def _marked(pattern: Pattern, spans: Spans) -> tuple[int, int] | None:
    marked = [s for step, s in zip(pattern.steps, spans, strict=True) if step.mark and s is not None]
    if not marked and any(step.mark for step in pattern.steps):
        return None
    chosen = marked or [s for s in spans if s is not None]
    if not chosen:
        return None
    return chosen[0][0], chosen[-1][1]


def _starts(pattern: Pattern, infos: list[TokenInfo]) -> Iterable[int]:
    if not pattern.anchor:
        first = pattern.steps[0] if pattern.steps else None
        if first is not None and not first.optional and not first.skip:
            # A match starts with a token its first step accepts: tested here once per token, where trying
            # every start (six patterns without anchor, the sentence's every token) went through match_at.
            return [i for i, info in enumerate(infos) if token_ok(first.condition, info)]
        return range(len(infos))
    low, high = pattern.anchor_offsets
    found: set[int] = set()
    for i, info in enumerate(infos):
        if info.norm in pattern.anchor:
            found.update(range(max(0, i - high), i - low + 1))
    return sorted(found)


def sentence_infos(tokens: Sequence[Token], source: Sentence | None = None) -> SentenceInfo:
    """The tokens of a sentence as the patterns and the clause analysis read them, linked to their sentence."""
    count = len(tokens)
    shared = SentenceInfo([TokenInfo(t, norm(t.text), i, count) for i, t in enumerate(tokens)], source=source)
    for info in shared.infos:
        info.sentence = shared
    return shared


def find_matches(patterns: Sequence[Pattern], sentence: Sentence) -> list[PatternMatch]:
    infos = sentence_infos(sentence.tokens, sentence).infos
    norms = {info.norm for info in infos}
    text = sentence.text
    out: list[PatternMatch] = []
    for pattern in patterns:
        if pattern.anchor and pattern.anchor.isdisjoint(norms):
            continue
        if any(words.isdisjoint(norms) for words in pattern.required):
            continue
        for start in _starts(pattern, infos):
            spans = match_at(pattern.steps, infos, start)
            if spans is None:
                continue
            marked = _marked(pattern, spans)
            if marked is None or _cancelled(pattern, infos, spans, marked):
                continue
            first, last = marked
            s, e = infos[first].token.start, infos[last].token.end
            marked_text = text[s:e]
            candidates = [_suggestion(template, spans, infos, marked_text) for template in pattern.suggestions]
            if pattern.rewrite is not None:
                candidates.append(pattern.rewrite[0].sub(pattern.rewrite[1], marked_text))
            suggestions = tuple(dict.fromkeys(c for c in candidates if c and c != marked_text))
            out.append(PatternMatch(pattern, first, last, s, e, suggestions))
    return _without_overlaps(out)


def _cancelled(pattern: Pattern, infos: list[TokenInfo], spans: Spans, marked: tuple[int, int]) -> bool:
    """Whether an exception pattern matches over any token of the match; one with a marked step only when
    that step covers the match's `marked` span (« c'est » exempts that « est », not a second one after it)."""
    covered = [s for s in spans if s is not None]
    first, last = covered[0][0], covered[-1][1]
    for steps in pattern.unless:
        lo = max(0, first - len(steps) - 4)
        for start in range(lo, last + 1):
            found = match_at(steps, infos, start)
            if found is None:
                continue
            if any(step.mark for step in steps):
                exempted = [s for step, s in zip(steps, found, strict=True) if step.mark and s is not None]
                if exempted and exempted[0][0] <= marked[0] and marked[1] <= exempted[-1][1]:
                    return True
                continue
            covered = [s for s in found if s is not None]
            if covered and covered[0][0] <= last and covered[-1][1] >= first:
                return True
    return False


def _without_overlaps(matches: list[PatternMatch]) -> list[PatternMatch]:
    """One finding per place: the first pattern (pack order) wins, then the longer span."""
    kept: list[PatternMatch] = []
    for m in matches:
        if any(k.first <= m.last and m.first <= k.last and k.pattern.rule_id == m.pattern.rule_id for k in kept):
            continue
        if any((k.first, k.last) == (m.first, m.last) for k in kept):
            continue
        kept.append(m)
    return sorted(kept, key=lambda m: (m.start, m.end))


def _suggestion(template: str, spans: Spans, infos: list[TokenInfo], marked_text: str) -> str:
    def replace(m: re.Match[str]) -> str:
        index = int(m.group(1)) - 1
        span = spans[index] if 0 <= index < len(spans) else None
        if span is None:
            return ""
        first, last = span
        text = infos[first].token.text if first == last else _joined(infos, first, last)
        target = m.group(2)
        if not target:
            return text
        if target in _AGREEMENTS:
            return agree(text, target)
        return conjugate(text, target)

    out = _BACKREF_RE.sub(replace, template)
    out = " ".join(out.split()) if " " in out else out
    if marked_text[:1].isupper() and out[:1].islower():
        out = out[:1].upper() + out[1:]
    return out


def _joined(infos: list[TokenInfo], first: int, last: int) -> str:
    parts = [infos[first].token.text]
    for i in range(first + 1, last + 1):
        gap = " " if infos[i].token.start > infos[i - 1].token.end else ""
        parts.append(gap + infos[i].token.text)
    return "".join(parts)


# Endings of participles and adjectives, masculine singular first: (ms, fs, mp, fp).
_ENDING_SETS = (
    ("é", "ée", "és", "ées"),
    ("i", "ie", "is", "ies"),
    ("u", "ue", "us", "ues"),
    ("it", "ite", "its", "ites"),
    ("is", "ise", "is", "ises"),
    ("ert", "erte", "erts", "ertes"),
    ("int", "inte", "ints", "intes"),
    ("ait", "aite", "aits", "aites"),
    ("eur", "euse", "eurs", "euses"),
    ("if", "ive", "ifs", "ives"),
    ("el", "elle", "els", "elles"),
    ("al", "ale", "aux", "ales"),
    ("", "e", "s", "es"),
)


@lru_cache(maxsize=20_000)
def agree(word: str, target: str) -> str:
    """The form of a participle or adjective in the target gender and number ('ms', 'fs', 'mp',
    'fp'), checked against the lexicon; the word itself when no known form is found."""
    index = _AGREEMENTS.index(target)
    lower = word.lower()
    lemmas = {r.lemma for r in analyse_word(lower) if r.pos & {"participle", "adjective"}}
    for endings in _ENDING_SETS:
        for ending in sorted(set(endings), key=len, reverse=True):
            if not lower.endswith(ending):
                continue
            stem = lower[: len(lower) - len(ending)] if ending else lower
            candidate = stem + endings[index]
            readings = analyse_word(candidate)
            gender, number = target[0], target[1]
            if any(
                r.pos & {"participle", "adjective"}
                and (not lemmas or r.lemma in lemmas)
                and gender in r.genders
                and number in r.numbers
                for r in readings
            ):
                return word[:1] + candidate[1:] if word[:1].isupper() else candidate
    return word


@lru_cache(maxsize=20_000)
def conjugate(word: str, target: str) -> str:
    """The verb form `word` in another person of the same tense (target '3p'…), or in the same
    person of another tense (target 'imperfect', 'present'), from Grammalecte's conjugation tables;
    the word itself when they are not installed or the form is unknown."""
    if morphology_engine() is None:  # also puts Grammalecte's directory on the path
        return word
    try:
        from grammalecte.fr import conj
    except ImportError:
        return word
    for r in analyse_word(word.lower()):
        if "verb" not in r.pos:
            continue
        for tense in sorted(r.tenses):
            if tense not in _GRAMMALECTE_TENSES:
                continue
            if target in _PERSON_FORMS:
                code, person = _GRAMMALECTE_TENSES[tense], target
            else:
                persons = sorted(r.persons)
                if not persons:
                    continue
                code, person = _GRAMMALECTE_TENSES[target], persons[0]
            try:
                form = conj.getConj(r.lemma, code, ":" + person)
            except Exception:  # a lemma the tables do not know
                form = None
            if form:
                return str(form)
    return word


def token_rule_problem(rule: Rule) -> str | None:
    """Why a tokens rule cannot run: a regular expression that does not compile, a back-reference
    to a step that does not exist, a word class the pack does not declare."""
    classes = rule.params.get("word_classes", {})
    for i, raw in enumerate(rule.params.get("patterns", ())):
        name = raw.get("name", f"#{i + 1}")
        steps = raw.get("steps", ())
        for step in [*steps, *(s for u in raw.get("unless", ()) for s in u)]:
            for key in ("pattern",):
                if step.get(key):
                    try:
                        re.compile(step[key])
                    except re.error as exc:
                        return f"motif {name} : expression régulière invalide {step[key]!r} : {regex_reason(exc)}"
            for key in ("classes", "not_classes"):
                missing = [c for c in step.get(key, ()) if c not in classes]
                if missing:
                    return f"motif {name} : classe de mots inconnue {', '.join(missing)} (voir params.word_classes)"
        for template in raw.get("suggest", ()):
            for m in _BACKREF_RE.finditer(template):
                if not 1 <= int(m.group(1)) <= len(steps):
                    return f"motif {name} : la suggestion {template!r} renvoie à l’étape {m.group(1)}, qui n’existe pas"
        if raw.get("rewrite"):
            try:
                re.compile(raw["rewrite"][0])
            except re.error as exc:
                return f"motif {name} : réécriture invalide {raw['rewrite'][0]!r} : {regex_reason(exc)}"
    return None


# ---------------------------------------------------------------- running the rules


def run_token_rules(ctx: CheckContext, rules: Sequence[Rule]) -> list[Finding]:
    """Findings of the `tokens` rules among `rules` (enabled ones) over every block of their regions."""
    token_rules = tuple(r for r in rules if r.kind == KIND)
    if not token_rules:
        return []
    wanted = {r.id: r for r in token_rules}
    patterns = tuple(p for p in compile_rules(ctx.rules) if p.rule_id in wanted)
    findings: list[Finding] = []
    for block in ctx.doc.blocks:
        if block.region == "front_matter":
            continue
        active = [p for p in patterns if block.region in wanted[p.rule_id].regions]
        if not active:
            continue
        for sentence in block.sentences:
            for m in find_matches(active, sentence):
                findings.append(
                    ctx.finding_in_sentence(
                        m.pattern.rule_id,
                        sentence,
                        m.start,
                        m.end,
                        suggestions=m.suggestions,
                        detail=m.pattern.detail,
                        data={"pattern": m.pattern.name},
                    )
                )
    return findings
