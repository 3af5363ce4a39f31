"""Homophones decided from word-pair statistics: the `homophone-stats` rule kind.

`checker/data/homophone-contexts.tsv.gz` (built by `scripts/build_homophone_contexts.py` from the
ELTeC French novel collection, public domain, see `checker/data/SOURCES.md`) counts, for every form
of the homophone sets (a/à, et/est, ses/ces/c'est/s'est/sait…), the word just before it and the word
just after it, and the same contexts reduced to the word's class (part of speech and number from the
lexicon, `context_class`) for the words seen too rarely to be counted one by one.

A written form X is reported when the sentence's two neighbours prefer one of its homophones Y
(`ALTERNATIVES`) by a log-likelihood ratio over the rule's `threshold`: log P(Y)/P(X) plus, for each
side, log P(context | Y)/P(context | X), the context being the word when its counts are kept, its
class otherwise (a word's counts are smoothed toward its class's). One dict lookup per side and form:
the data is read once per process (kept decoded in the data cache, `checker.datacache`).

et/est and ou/où, which those counts decide poorly, are decided instead by a logistic regression per pair
(`checker/data/homophone-model.tsv.gz`, trained on the same novels by `scripts/build_homophone_model.py`)
over `model_features`: the neighbours alone and joined, and the clause analysed with the form hidden.
Both give log-odds of Y against X, compared with the same thresholds.
"""

from __future__ import annotations

import gzip
import hashlib
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from checker.document import Token
from checker.morphology import FINITE_TENSES, analyse_form
from checker.token_patterns import EAST_BEFORE, SUBORDINATING_WORDS, norm, other_main_verbs, sentence_infos

if TYPE_CHECKING:
    from checker.context import CheckContext
    from checker.findings import Finding
    from checker.rule_packs import Rule
    from checker.token_patterns import ClauseVerbs

KIND = "homophone-stats"
DATA = "data/homophone-contexts.tsv.gz"
MODEL_DATA = "data/homophone-model.tsv.gz"
# The pairs the trained model decides (the others by the counts), in the order the model file gives them: its
# weights are the log-odds of the second form.
MODEL_PAIRS: tuple[tuple[str, str], ...] = (("et", "est"), ("ou", "où"))

# Written form -> the forms it may stand for (each line of the sets, both ways).
ALTERNATIVES: dict[str, tuple[str, ...]] = {
    "a": ("à",),
    "à": ("a",),
    "et": ("est",),
    "est": ("et",),
    "ou": ("où",),
    "où": ("ou",),
    "son": ("sont",),
    "sont": ("son",),
    "on": ("ont",),
    "ont": ("on",),
    "ses": ("ces", "c'est", "s'est"),
    "ces": ("ses",),
    "c'est": ("s'est", "sait"),
    "s'est": ("c'est",),
    "sait": ("c'est",),
    "se": ("ce",),
    "ce": ("se",),
    "leur": ("leurs",),
    "leurs": ("leur",),
    "quel": ("qu'elle",),
    "quelle": ("qu'elle",),
    "qu'elle": ("quelle",),
    "quelles": ("qu'elles",),
    "qu'elles": ("quelles",),
    "peu": ("peut",),
    "peut": ("peu",),
    "la": ("là",),
    "là": ("la",),
    "mes": ("mais",),
    "mais": ("mes",),
}
FORMS = frozenset(ALTERNATIVES) | frozenset(y for ys in ALTERNATIVES.values() for y in ys)
# Two-token forms: an elided word and the one it is written with.
_JOINED = {("c'", "est"): "c'est", ("s'", "est"): "s'est", ("qu'", "elle"): "qu'elle", ("qu'", "elles"): "qu'elles"}
_SENTENCE_ENDS = frozenset({".", "!", "?", "…"})
START = "<s>"
END = "</s>"
NUMBER = "<num>"
_SHORT = {
    "noun": "n",
    "adjective": "adj",
    "adverb": "adv",
    "determiner": "det",
    "pronoun": "pro",
    "preposition": "prep",
    "conjunction": "conj",
    "numeral": "num",
    "negation": "neg",
    "proper_noun": "name",
    "interjection": "int",
}


@lru_cache(maxsize=100_000)
def word_class(word: str) -> str:
    """The classes of a word's readings, with the number of nouns, adjectives, participles and
    determiners (« n.s+v », « det.p+pro »); « ? » for a word the lexicon does not know."""
    from checker.lexicon import get_lexicon

    if not get_lexicon().known(word):
        return "?"
    tags: set[str] = set()
    for r in analyse_form(word):
        number = "".join(sorted(r.numbers)) if len(r.numbers) == 1 else ""
        if "participle" in r.tenses or "participle" in r.pos:
            tags.add("pp" + ("." + number if number else ""))
            continue
        if "infinitive" in r.pos or "infinitive" in r.tenses:
            tags.add("inf")
            continue
        if "verb" in r.pos:
            tags.add("v" if r.tenses & FINITE_TENSES else "vx")
            continue
        for pos, short in _SHORT.items():
            if pos in r.pos:
                keep_number = pos in ("noun", "adjective", "determiner") and number
                tags.add(short + ("." + number if keep_number else ""))
    return "+".join(sorted(tags)) or "?"


def context_class(text: str, kind: str, sentence_start: bool) -> str:
    """A neighbour's class: punctuation as itself, « <num> », « Maj » for a capitalised word inside
    a sentence (a name, mostly), else `word_class`."""
    if kind == "punct":
        return norm(text)
    if kind == "number":
        return NUMBER
    if text[:1].isupper() and not sentence_start:
        return "Maj"
    return word_class(norm(text))


def context_word(text: str, kind: str) -> str:
    return NUMBER if kind == "number" else norm(text)


@dataclass(frozen=True)
class Occurrence:
    form: str
    first: int  # token indexes (inclusive)
    last: int
    left: tuple[str, str]  # (word, class) of the token before
    right: tuple[str, str]  # … after
    left2: tuple[str, str]  # … two before
    right2: tuple[str, str]  # … two after

    def sides(self) -> tuple[tuple[str, tuple[str, str]], ...]:
        return (("L", self.left), ("R", self.right), ("L2", self.left2), ("R2", self.right2))


def occurrences(tokens: Sequence[Token], starts: frozenset[int] = frozenset({0})) -> Iterator[Occurrence]:
    """Every homophone form among `tokens` with its neighbours; `starts` are the indexes of the
    tokens that open a sentence (after them a capital is not a name)."""
    norms = [norm(t.text) for t in tokens]
    n = len(tokens)

    def opens(i: int) -> bool:
        return i == 0 or i in starts or norms[i - 1] in _SENTENCE_ENDS

    def before(i: int) -> tuple[str, str]:
        if i < 0 or opens(i + 1):
            return (START, START)
        t = tokens[i]
        return (context_word(t.text, t.kind), context_class(t.text, t.kind, opens(i)))

    def after(i: int) -> tuple[str, str]:
        if i >= n or i in starts:
            return (END, END)
        t = tokens[i]
        return (context_word(t.text, t.kind), context_class(t.text, t.kind, False))

    i = 0
    while i < n:
        form = norms[i]
        last = i
        if i + 1 < n and (form, norms[i + 1]) in _JOINED and tokens[i + 1].start == tokens[i].end:
            form = _JOINED[(form, norms[i + 1])]
            last = i + 1
        if form not in FORMS:
            i += 1
            continue
        left = before(i - 1)
        left2 = (START, START) if left[0] == START else before(i - 2)
        right = after(last + 1)
        right2 = (END, END) if right[0] == END or right[0] in _SENTENCE_ENDS else after(last + 2)
        yield Occurrence(form, i, last, left, right, left2, right2)
        i = last + 1


# ---------------------------------------------------------------- the counts


@dataclass(frozen=True)
class Counts:
    totals: dict[str, int]  # form -> occurrences
    words: dict[str, dict[str, int]]  # "L\tform" / "R\tform" -> context word -> count
    classes: dict[str, dict[str, int]]  # "L\tform" / "R\tform" -> context class -> count


def parse_counts(text: str) -> Counts:
    """The data file's lines: `T form count`, `W side form word count`, `C side form class count`
    (tab-separated; `#` lines are comments)."""
    totals: dict[str, int] = {}
    words: dict[str, dict[str, int]] = {}
    classes: dict[str, dict[str, int]] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        tag = parts[0]
        if tag == "T":
            totals[parts[1]] = int(parts[2])
        elif tag == "W":
            words.setdefault(f"{parts[1]}\t{parts[2]}", {})[parts[3]] = int(parts[4])
        elif tag == "C":
            classes.setdefault(f"{parts[1]}\t{parts[2]}", {})[parts[3]] = int(parts[4])
    return Counts(totals, words, classes)


def _data_bytes() -> bytes:
    from checker.paths import package_files

    return (package_files("checker") / DATA).read_bytes()


@lru_cache(maxsize=1)
def counts() -> Counts:
    """The counts the rule consults (`consulted`), read from the data cache once it holds them."""
    from checker import datacache

    raw = _data_bytes()
    # What is stored depends on the data and on what `consulted` keeps (its thresholds, the pairs compared).
    pruning = repr((MIN_WORD_COUNT, MIN_CLASS_COUNT, sorted(ALTERNATIVES.items()))).encode()
    version = hashlib.sha256(raw + pruning).hexdigest()[:24]

    def build() -> tuple[object, ...]:
        c = consulted(parse_counts(gzip.decompress(raw).decode("utf-8")))
        return (c.totals, c.words, c.classes)

    stored = datacache.load_or_build(
        "homophone-contexts-consulted", version, build, lambda v: isinstance(v, tuple) and len(v) == 3
    )
    return Counts(*stored)  # type: ignore[arg-type]


def _partners() -> dict[str, frozenset[str]]:
    """Every form with the forms it is compared with, as written form or as candidate."""
    found: dict[str, set[str]] = {}
    for written, candidates in ALTERNATIVES.items():
        for candidate in candidates:
            found.setdefault(written, set()).add(candidate)
            found.setdefault(candidate, set()).add(written)
    return {form: frozenset(others) for form, others in found.items()}


def consulted(data: Counts) -> Counts:
    """The counts `_side` can consult: a word's count for a form is read only when, with the count of
    the form it is compared with, it reaches MIN_WORD_COUNT (else the classes decide), a class's only
    when the two reach MIN_CLASS_COUNT. Dropping the others changes no
    score (each pair's sum stays under its threshold, the comparison being symmetric) and leaves a
    quarter of the word counts: a new process reads them from the data cache in a fifth of the time."""
    partners = _partners()

    def keep(table: dict[str, dict[str, int]], minimum: int) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for key, neighbours in table.items():
            side, _, form = key.partition("\t")
            others = [table.get(f"{side}\t{other}", {}) for other in partners.get(form, ())]
            kept = {w: n for w, n in neighbours.items() if any(n + o.get(w, 0) >= minimum for o in others)}
            if kept:
                out[key] = kept
        return out

    return Counts(data.totals, keep(data.words, MIN_WORD_COUNT), keep(data.classes, MIN_CLASS_COUNT))


# A neighbour word decides on its own counts when the two forms compared met it this often between them;
# rarer words are judged by their class (counts of a few novels' habits are noise).
MIN_WORD_COUNT = 30
MIN_CLASS_COUNT = 10
# The forms' frequencies in novels (passé simple, dialogue) are not a news site's: their ratio counts this much.
PRIOR_WEIGHT = 0.5


def _side(data: Counts, side: str, written: str, candidate: str, word: str, cls: str) -> float:
    """log P(context | candidate) / P(context | written) on one side."""
    key_x, key_y = f"{side}\t{written}", f"{side}\t{candidate}"
    n_x, n_y = data.totals.get(written, 0), data.totals.get(candidate, 0)
    c_x = data.words.get(key_x, {}).get(word, 0)
    c_y = data.words.get(key_y, {}).get(word, 0)
    if c_x + c_y < MIN_WORD_COUNT:
        c_x = data.classes.get(key_x, {}).get(cls, 0)
        c_y = data.classes.get(key_y, {}).get(cls, 0)
        if c_x + c_y < MIN_CLASS_COUNT:
            return 0.0  # a context the two forms hardly ever had: no evidence either way
    return math.log((c_y + 0.5) / (n_y + 1.0)) - math.log((c_x + 0.5) / (n_x + 1.0))


# ---------------------------------------------------------------- the trained model


@dataclass(frozen=True)
class PairModel:
    """A logistic regression deciding between two forms (`first`, `second`) from `features`: its
    weights give the log-odds of `second`."""

    first: str
    second: str
    bias: float
    weights: dict[str, float]

    def log_odds(self, written: str, features: Sequence[str]) -> float:
        """log P(the other form) / P(written) in this context."""
        score = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return score if written == self.first else -score


def parse_models(text: str) -> dict[frozenset[str], PairModel]:
    """The model file's lines: `B first second bias` and `F first second feature weight`
    (tab-separated; `#` lines are comments)."""
    biases: dict[tuple[str, str], float] = {}
    weights: dict[tuple[str, str], dict[str, float]] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        if parts[0] == "B":
            biases[(parts[1], parts[2])] = float(parts[3])
        elif parts[0] == "F":
            weights.setdefault((parts[1], parts[2]), {})[parts[3]] = float(parts[4])
    return {frozenset(pair): PairModel(pair[0], pair[1], bias, weights.get(pair, {})) for pair, bias in biases.items()}


@lru_cache(maxsize=1)
def models() -> dict[frozenset[str], PairModel]:
    """The trained pairs (et/est, ou/où), read once per process, from the data cache once it holds them
    (parsing the file takes a tenth of a second)."""
    from checker import datacache
    from checker.paths import package_files

    raw = (package_files("checker") / MODEL_DATA).read_bytes()

    def build() -> list[tuple[str, str, float, dict[str, float]]]:
        parsed = parse_models(gzip.decompress(raw).decode("utf-8")).values()
        return [(m.first, m.second, m.bias, m.weights) for m in parsed]

    def valid(value: object) -> bool:
        return isinstance(value, list) and all(isinstance(m, tuple) and len(m) == 4 for m in value)

    stored = datacache.load_or_build("homophone-model", hashlib.sha256(raw).hexdigest()[:24], build, valid)
    return {frozenset((a, b)): PairModel(a, b, bias, weights) for a, b, bias, weights in stored}


def _clauses_without_the_form(occ: Occurrence, tokens: Sequence[Token]) -> ClauseVerbs:
    """The clause analysis of the sentence with the form replaced by a word of no class: « où » opens a
    subordinate clause and « est » is a verb, so the analysis of the written sentence would tell the
    model which form was written (and an « ou » written for « où » would look like a correct « ou »)."""
    hidden = list(tokens)
    for i in range(occ.first, occ.last + 1):
        hidden[i] = Token("_" * len(tokens[i].text), tokens[i].start, "word")
    return sentence_infos(hidden).clauses


def model_features(occ: Occurrence, tokens: Sequence[Token]) -> list[str]:
    """What the model reads around a form: the neighbours' words and classes, alone and joined (the
    naive Bayes above cannot see that « X , Y est » differs from « X est » or « est Y »), and the clause
    (analysed with the form hidden): whether a main-clause verb stands before or after it in its segment
    (« est » needs to be the only one, « et » rarely is), the nearest finite verbs, how far it is from the
    segment's start, the commas before it (an enumeration), « entre » (which takes « et ») and a
    subordinating word in the eight words before. Nothing depends on which of the two forms is written."""
    clauses = _clauses_without_the_form(occ, tokens)
    (lw, lc), (rw, rc), (l2w, l2c), (r2w, r2c) = occ.left, occ.right, occ.left2, occ.right2
    features = [
        f"lw={lw}", f"rw={rw}", f"l2w={l2w}", f"r2w={r2w}",
        f"lc={lc}", f"rc={rc}", f"l2c={l2c}", f"r2c={r2c}",
        f"lc|rc={lc}|{rc}", f"lw|rc={lw}|{rc}", f"lc|rw={lc}|{rw}",
        f"l2c|lc={l2c}|{lc}", f"rc|r2c={rc}|{r2c}", f"lc|rc|r2c={lc}|{rc}|{r2c}", f"l2c|lc|rc={l2c}|{lc}|{rc}",
    ]  # fmt: skip
    first, last = occ.first, occ.last
    segment = clauses.segment[first]
    others = [j for j in other_main_verbs(clauses, first) if j != last]
    before, after = any(j < first for j in others), any(j > last for j in others)
    finite = any(j not in (first, last) and clauses.segment[j] == segment for j in clauses.finite)
    start = next((j for j in range(len(tokens)) if clauses.segment[j] == segment), 0)
    commas = min(sum(1 for j in range(start, first) if tokens[j].text == ","), 2)
    features += [
        f"main_before={before}", f"main_after={after}", f"main={before or after}", f"finite_any={finite}",
        f"main|rc={before or after}|{rc}", f"main|lc={before or after}|{lc}",
        f"dist={min(first - start, 6)}", f"commas={commas}", f"commas|rc={commas}|{rc}",
    ]  # fmt: skip
    # The nearest finite verbs on each side in the segment: « où » opens a clause that needs its verb
    # (« la ville où il a grandi »), « ou » joins two phrases without one (« la voie du pays ou son maintien »).
    later = [j - last for j in clauses.finite if j > last and clauses.segment[j] == segment]
    earlier = [first - j for j in clauses.finite if j < first and clauses.segment[j] == segment]
    features += [f"next_finite={_distance(min(later, default=0))}", f"prev_finite={_distance(min(earlier, default=0))}"]
    words_before = {norm(tokens[j].text) for j in range(max(start, first - 8), first)}
    if "entre" in words_before:
        features.append("entre_before")
    if words_before & SUBORDINATING_WORDS:
        features.append("subord_before")
    return features


def _distance(tokens_away: int) -> str:
    """A distance in tokens as a feature value: 1, 2, 3, near (4-6), far, or none (0)."""
    if tokens_away == 0:
        return "none"
    return str(tokens_away) if tokens_away <= 3 else "near" if tokens_away <= 6 else "far"


def preference(occurrence: Occurrence, candidate: str, data: Counts | None = None) -> float:
    """log P(candidate | neighbours) / P(written form | neighbours), naive Bayes over both sides."""
    data = data or counts()
    written = occurrence.form
    n_x, n_y = data.totals.get(written, 0), data.totals.get(candidate, 0)
    if not n_x or not n_y:
        return 0.0
    score = PRIOR_WEIGHT * math.log(n_y / n_x)
    for side, (word, cls) in occurrence.sides():
        score += _side(data, side, written, candidate, word, cls)
    return score


# ---------------------------------------------------------------- the rule kind


def _suggestion(written: str, candidate: str) -> str:
    apostrophe = "'" if "'" in written else "’"
    out = candidate.replace("'", apostrophe)
    return out[:1].upper() + out[1:] if written[:1].isupper() else out


_VERB_GATED = frozenset({("a", "à"), ("est", "et")})  # the confusions `_verb_kept` decides


def _verb_kept(clauses: ClauseVerbs, index: int, written: str, candidate: str) -> bool:
    """Whether the sentence's verbs overrule the statistics (the neighbours cannot see a subject or a verb
    further away). « a » is « à » only when another main verb stands in its segment (« Le projet a été
    validé »: a, the only verb). « est » is « et » only after a main verb of its segment, « et » then joining
    what that verb governs (« Il travaille pour la radio et la télévision »): before any, « est » is the verb
    of the subject it follows (« L'idée directrice est que… », « Le nombre d'emplois menacés est de 75 000 »),
    and the verb of a subordinate clause is that clause's (« dont la plus connue est HD 188753 Ab »). « et » →
    « est » has no such gate: the model reads the clause's verbs itself, and « Le projet et terminé depuis
    lundi et les habitants sont ravis » has another main verb (the dev pairs: 3 % more caught alone, no
    sentence more flagged)."""
    if (written, candidate) == ("a", "à"):
        return not other_main_verbs(clauses, index)
    if (written, candidate) == ("est", "et"):
        subordinate = index in clauses.finite and index not in clauses.main
        return subordinate or not any(j < index for j in other_main_verbs(clauses, index))
    return False


def _has_participle(cls: str) -> bool:
    return any(tag.startswith("pp") for tag in cls.split("+"))


_PAIRED = frozenset({"il", "elle", "ils", "elles", "le", "la", "un", "une", "celui", "celle"})
_STRESSED = frozenset({"lui", "elle", "elles", "eux"})
# « son » / « mes » before an intensifier and an adjective of the possessive's number (« son plus beau »,
# « mes tout premiers ») : the determiner, not « sont plus grands » / « mais très utiles ».
_POSSESSIVE_NUMBER = {"son": ".s", "mes": ".p"}
_INTENSIFIERS = frozenset({"plus", "moins", "tout", "très", "si", "aussi", "bien"})
# « a priori », « a fortiori » : Latin locutions, written without the accent.
_LATIN_AFTER_A = frozenset({"priori", "posteriori", "fortiori", "contrario", "minima", "maxima"})
_SPEAKER_PERSONS = frozenset({"1s", "2s", "1p", "2p"})


def _speaker_verb(word: str) -> bool:
    """A finite verb only of the first or second person (« avez », « êtes »): it needs its pronoun before it, so
    « ou avez des groupes » coordinates it with the verb before; « où » would want « où vous avez »."""
    readings = analyse_form(word)
    return bool(readings) and all(
        r.tenses & FINITE_TENSES and "verb" in r.pos and r.persons and r.persons <= _SPEAKER_PERSONS for r in readings
    )


def _not_decided(occ: Occurrence, tokens: Sequence[Token]) -> bool:
    """Uses the neighbours' counts cannot tell apart: an acronym in capitals (« la CE »), an initial
    (« A. Montebourg »), a domain (« linaker.se »), « pour ce faire », a word before one of the two next
    ones the lexicon does not know (English: « a new tool »), « est » the cardinal point (« la côte
    est »), « a » in « X a lui aussi / a elle relevé » (the subject set off), and the others below."""
    written = tokens[occ.first].text
    if len(written) > 1 and written.isupper():
        return True
    if occ.first and tokens[occ.first - 1].end == tokens[occ.first].start and tokens[occ.first - 1].text in "./":
        return True  # a domain or a split word: « linaker.se », « développeur/ses »
    if occ.form == "ce" and occ.left[0] == "pour" and occ.right[0] == "faire":
        return True
    if written == "A" and occ.left[0] != START:
        return True  # a letter named (« partager avec A ne prive jamais B »)
    if written[:1].isupper() and occ.right[1] == "Maj" and occ.form in ("mes", "ses", "ces", "son", "la"):
        return True  # a title or a name: « Mes Aides »
    if occ.form == "mais" and any(tag.startswith(("adj", "pp")) for tag in occ.left[1].split("+")):
        return True  # between two adjectives: « ponctuels mais réguliers »
    if occ.form == "mais" and "n.p" in occ.left[1].split("+") and "n.p" in occ.right[1].split("+"):
        return True  # between two plural nouns: « Moins de visiteurs mais recettes en hausse »
    if occ.form in _POSSESSIVE_NUMBER and occ.right[0] in _INTENSIFIERS:
        adjectives = [tag for tag in occ.right2[1].split("+") if tag.startswith(("adj", "pp"))]
        if adjectives and all(tag.endswith(_POSSESSIVE_NUMBER[occ.form]) for tag in adjectives):
            return True  # an adjective of the possessive's number: « son plus beau », « Mes tout premiers »
    if occ.form == "sait" and occ.left[0] == START:
        return True  # a list item: « - Sait demander de l'aide »
    if occ.form == "a" and occ.right[0] == "fait" and occ.left[0] != "tout":
        return True  # « à fait » is only « tout à fait »
    if occ.form == "a" and occ.right[0] in _LATIN_AFTER_A:
        return True
    if (
        occ.form == "ou"
        and occ.left[0] != START  # « Ou avez-vous garé la voiture ? » : the question's « Où » (a second read)
        and occ.last + 1 < len(tokens)
        and _speaker_verb(norm(tokens[occ.last + 1].text))
        # « Et ou êtes-vous allés ? » : the subject after the verb, a question's « où » (a third read)
        and "-" not in tokens[occ.last + 1].text
        and not (occ.last + 2 < len(tokens) and tokens[occ.last + 2].text[:1] == "-")
    ):
        return True  # « Vous avez créé trop de groupes, ou avez des groupes inactifs ? »
    if (occ.form == "la" and occ.right[0] == "ou") or (occ.form == "ou" and occ.left[0] in _PAIRED):
        return True  # « la ou le stagiaire », « il ou elle »
    if "?" in (occ.right[1], occ.right2[1]) or (written.isupper() and occ.right[0] == "."):
        return True
    if occ.form == "est" and (occ.left[0] in EAST_BEFORE or (written == "Est" and occ.left[0] != START)):
        return True
    return (
        occ.form == "a"
        and occ.right[0] in _STRESSED
        and any(tag.startswith("pp") or tag == "adv" for tag in occ.right2[1].split("+"))
    )


def parse_thresholds(values: Sequence[str]) -> dict[tuple[str, str], float]:
    """« ses>ces=1 » -> {("ses", "ces"): 1.0}; ValueError on anything else."""
    out: dict[tuple[str, str], float] = {}
    for value in values:
        pair, _, number = value.replace("’", "'").partition("=")
        written, _, candidate = pair.strip().partition(">")
        if candidate.strip() not in ALTERNATIVES.get(written.strip(), ()):
            raise ValueError(f"« {value} » : pas une paire d’homophones connue (forme>homophone=seuil)")
        out[(written.strip(), candidate.strip())] = float(number)
    return out


def decisions(
    tokens: Sequence[Token],
    text: str,
    threshold: float,
    by_pair: dict[tuple[str, str], float] | None = None,
    margin: bool = False,
) -> Iterator[tuple[int, int, str, float]]:
    """(start, end, suggestion, score) of every homophone form of a sentence whose neighbours prefer
    another form by more than the threshold of that pair (`by_pair`, else `threshold`). `margin`
    (for tuning): every form the clause gate and the exceptions leave, scored by how far it goes past
    its pair's threshold."""
    by_pair = by_pair or {}
    clauses: list[ClauseVerbs] = []

    def sentence_clauses() -> ClauseVerbs:
        if not clauses:
            clauses.append(sentence_infos(tokens).clauses)
        return clauses[0]

    trained = models()
    for occ in occurrences(tokens):
        if _not_decided(occ, tokens):
            continue
        scored: list[tuple[float, float, str]] = []
        features: list[str] | None = None
        for y in ALTERNATIVES[occ.form]:
            model = trained.get(frozenset((occ.form, y)))
            if model is None:
                raw = preference(occ, y)
            else:  # et/est, ou/où: the trained model
                features = features if features is not None else model_features(occ, tokens)
                raw = model.log_odds(occ.form, features)
            scored.append((raw - by_pair.get((occ.form, y), threshold), raw, y))
        score, raw, candidate = max(scored)
        if candidate == "s'est" and not any(_has_participle(cls) for _, cls in (occ.right, occ.right2)):
            continue  # « s'est » is followed by its participle (« s'est rendu », « s'est vite rendu »)
        if candidate == "ces" and occ.left[0] == START:
            continue  # « Ses contributions… » opening a sentence: the owner is in the sentence before
        if candidate == "où" and occ.left[0] == START and not any(t.text == "?" for t in tokens[occ.last :]):
            continue  # « Où » opens a question; « - Ou toute autre participation : » opens a list item
        gated = (score > 0 or margin) and (occ.form, candidate) in _VERB_GATED
        if gated and _verb_kept(sentence_clauses(), occ.first, occ.form, candidate):
            continue
        if score > 0 or margin:
            start, end = tokens[occ.first].start, tokens[occ.last].end
            yield start, end, _suggestion(text[start:end], candidate), score if margin else raw


def run_homophone_rules(ctx: CheckContext, rules: Sequence[Rule]) -> list[Finding]:
    """Findings of the `homophone-stats` rules among `rules` over every sentence of their regions."""
    findings: list[Finding] = []
    for rule in rules:
        if rule.kind != KIND:
            continue
        threshold = float(ctx.param(rule.id, "threshold"))
        by_pair = parse_thresholds(ctx.param(rule.id, "pair-thresholds"))
        for block in ctx.doc.blocks:
            if block.region == "front_matter" or block.region not in rule.regions:
                continue
            if block.kind in ("heading", "title"):
                continue  # a title has no verb: the clause gates and the statistics read sentences
            for sentence in block.sentences:
                for start, end, suggestion, score in decisions(sentence.tokens, sentence.text, threshold, by_pair):
                    findings.append(
                        ctx.finding_in_sentence(
                            rule.id,
                            sentence,
                            start,
                            end,
                            suggestions=[suggestion],
                            data={"statistics": round(score, 2)},
                        )
                    )
    return findings


def homophone_rule_problem(rule: Rule) -> str | None:
    """A `homophone-stats` rule needs its `threshold` parameter and the data file."""
    if rule.parameter("threshold") is None or (pairs := rule.parameter("pair-thresholds")) is None:
        return "une règle homophone-stats a besoin des paramètres threshold et pair-thresholds"
    try:
        parse_thresholds(pairs.default)
    except ValueError as exc:
        return f"pair-thresholds : {exc}"
    from checker.paths import package_files

    try:
        _data_bytes()
    except OSError:
        return f"données absentes : checker/{DATA} (scripts/build_homophone_contexts.py)"
    if not (package_files("checker") / MODEL_DATA).is_file():
        return f"données absentes : checker/{MODEL_DATA} (scripts/build_homophone_model.py)"
    return None
