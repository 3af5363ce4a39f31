"""The article body as the FAQ check sees it: its sentences with their content lemmas, hedge
cues and predicates, an inverted index (comparison key -> body sentences) to retrieve the sentences
an answer may restate, and the body's quantities indexed by value and month.

Shared by every restatement the FAQ family checks (FAQ answers, title, description, closing
paragraphs); the check logic itself is in `checker.checks.faq`.
"""

from __future__ import annotations

import math
import re
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from checker.document import Sentence, Token, fold, lemma, tokenize
from checker.numbers import Quantity, find_quantities

# Compiled once: Grammalecte's own patterns keep re's cache of 512 full, so re.match(pattern_string, …)
# would compile these again for every document.
_DOUBLED_RE = re.compile(r"(.)\1")

# Function words and very general words that carry no claim.
_STOP_TEXT = """
    le la les l' un une des du de d' à au aux en dans par pour sur sous avec sans entre vers chez contre
    et ou mais donc or ni car que qu' qui quoi dont où ce cet cette ces ceci cela ça se sa son ses leur
    leurs notre nos votre vos mon ma mes ton ta tes il elle ils elles on nous vous je tu lui eux y
    ne pas plus moins très tout tous toute toutes aussi ainsi comme si même autre autres tel telle
    être avoir faire aller pouvoir devoir falloir cela celui celle ceux celles quel quelle quels quelles
    lequel laquelle lesquels lesquelles non oui déjà encore toujours jamais bien peu beaucoup trop
    alors puis ensuite enfin notamment également cependant pourtant toutefois afin lors depuis pendant
    selon grâce travers parmi après avant ici là chaque certain certains plusieurs nombreux
    quoi comment pourquoi quand combien est sont a ont été permettre jusque
"""
STOP_LEMMAS = frozenset(_STOP_TEXT.split())
CLAUSE_BREAK_WORDS = frozenset(
    {"mais", "tandis", "cependant", "pourtant", "toutefois", "néanmoins", "car", "puisque", "parce"}
)
CLAUSE_BREAK_PUNCT = frozenset({";", ":", "—", "–", "(", ")"})
ARG_BREAK_PUNCT = frozenset({",", ";", ":", "—", "–", "."})
# Words opening another clause (purpose, cause, relative): the predicate's argument ends before them.
ARG_BREAK_WORDS = frozenset({"pour", "afin", "grâce", "car", "parce", "puisque", "lorsque", "quand", "si", "mais"})
ARG_BREAK_WORDS |= frozenset({"dont", "qui", "que", "qu'", "qu’", "tandis", "alors"})
# What may stand right before an infinitive governed by a cue: « pourrait renforcer …, stimuler … et positionner … ».
INFINITIVE_LEFT = frozenset(
    {",", "et", "ou", "à", "de", "d'", "d’", "se", "s'", "s’", "voire", "puis", "aussi", "également", "davantage"}
    | {"en", "y", "lui", "leur", "nous", "vous", "me", "m'", "m’", "te", "t'", "t’"}
    | {"ainsi", "notamment", "mieux", "encore", "même", "vraiment", "rapidement", "progressivement", "pas", "plus"}
)
NOT_INFINITIVE = frozenset(
    {"hier", "cher", "fier", "mer", "fer", "hiver", "enfer", "avenir", "plaisir", "désir", "loisir", "soir", "espoir"}
    | {"pouvoir", "devoir", "savoir", "avoir", "être"}  # as nouns or auxiliaries they never carry the claim
)
_INFINITIVE_END = ("er", "ir", "re", "oir")
_APOS = "'’"


# « dû » is the modal devoir's participle, and an adjective of its own (« le crash est dû à … »).
_OWN_LEMMAS = {"dû": "dû", "due": "dû", "dus": "dû", "dues": "dû"}


@lru_cache(maxsize=100_000)
def key_of(word: str) -> str:
    """Comparison key of a word: its lemma without accents, cut to 5 letters so that derived
    forms (optimiser / optimisation, énergie / énergétique) meet."""
    own = _OWN_LEMMAS.get(word.lower())
    return fold(own or lemma(word))[:5]


def is_content_token(tok: Token) -> bool:
    return tok.kind == "word" and _content_word(tok.text)


@lru_cache(maxsize=100_000)
def _content_word(word: str) -> bool:
    return len(word) > 1 and (word.lower() in _OWN_LEMMAS or lemma(word) not in STOP_LEMMAS)


@dataclass(frozen=True)
class CueTable:
    """Cue lemma sequences indexed by their first lemma, longest first."""

    by_first: dict[str, tuple[tuple[tuple[str, ...], str, str], ...]]  # (lemmas, mode, cue as declared)
    conditional: frozenset[str]


@lru_cache(maxsize=64)
def cue_table(
    governing: tuple[str, ...],
    sentence: tuple[str, ...],
    conditional: tuple[str, ...],
    attribution: tuple[str, ...] = (),
) -> CueTable:
    entries: dict[str, list[tuple[tuple[str, ...], str, str]]] = defaultdict(list)
    for mode, cues in (("sentence", sentence), ("governing", governing), ("attribution", attribution)):
        for cue in cues:
            seq = tuple(lemma(t.text) for t in tokenize(cue) if t.kind == "word")
            if seq:
                entries[seq[0]].append((seq, mode, cue))
    by_first = {k: tuple(sorted(v, key=lambda e: -len(e[0]))) for k, v in entries.items()}
    return CueTable(by_first, frozenset(lemma(w) for w in conditional))


@dataclass
class Cue:
    start: int  # token index in the sentence (first word of the cue)
    end: int  # token index one past the cue
    # "governing": what follows in the clause is hedged; "sentence": the whole sentence is;
    # "attribution": the clause it introduces (« a déclaré que … ») or follows (« …, a déclaré X »);
    # "conditional": the verb in the conditional mood and the rest of its clause.
    mode: str
    scope_start: int
    scope_end: int
    declared: str = ""  # the cue as written in the rule pack (« chercher à »), "" for the conditional mood


@dataclass
class Predicate:
    verb: str  # lemma
    verb_index: int
    arg_keys: frozenset[str]
    end_index: int  # token index one past the argument
    cue: Cue


_FINITE_TAGS = frozenset({"po:ipre", "po:ipsi", "po:ifut", "po:cond", "po:spre", "po:simp", "po:iimp"})
_DETERMINERS = frozenset({"le", "la", "les", "l'", "l’", "un", "une", "des", "du", "au", "aux", "ce", "cette", "ces"})
_DETERMINERS |= frozenset({"son", "sa", "ses", "leur", "leurs", "notre", "nos", "votre", "vos", "mon", "ma", "mes"})
COPULAS = frozenset(
    {"être", "devenir", "rester", "demeurer", "constituer", "représenter", "sembler", "paraître", "avérer", "révéler"}
)
_AUXILIARIES = frozenset({"avoir", "être"})
NEGATION_BEFORE = frozenset({"ne", "n'", "n’", "non"})
NEGATION_AFTER = frozenset({"pas", "jamais", "plus", "guère", "point", "aucun", "aucune", "rien", "nullement"})
_NEGATIVE_SUBJECTS = frozenset({"aucun", "aucune", "personne", "rien", "nul", "nulle", "ni"})
_YEAR_RANGE_RE = re.compile(r"\b(1\d{3}|20\d{2})\s*[-–/]\s*(1\d{3}|20\d{2}|\d{2})\b")
# « les satellites n° 3 et 4 »: numbers that name, not count.
_NUMBERED = re.compile(r"(?:\bn°|\bnuméros?\b)\s*\d+(?:\s*(?:,|et|à)\s*\d+)*", re.IGNORECASE)
_TIME_ADVERBS = frozenset({"hier", "aujourd'hui", "aujourd’hui", "demain", "ensuite", "enfin", "alors", "depuis"})
_SUBORDINATORS = frozenset({"que", "qu'", "qu’", "comment", "si", "où", "dont", "pourquoi", "combien", "qui"})
_PREPOSITIONS = frozenset(
    {"à", "de", "d'", "d’", "en", "dans", "pour", "par", "sur", "avec", "sans", "chez", "vers", "au", "aux", "du"}
    | {"des"}
)
# Adverbs that may stand inside a cue (« prévoit également de », « jugent toutefois que »).
INSERTED_ADVERBS = frozenset(
    {"également", "aussi", "toutefois", "notamment", "encore", "toujours", "déjà", "pourtant", "cependant", "donc"}
    | {"ainsi", "même", "plutôt", "désormais", "d'ailleurs", "d’ailleurs", "surtout", "enfin", "alors", "bien"}
)
# Present participles used as prepositions or adverbs: they do not open a clause of their own.
_ADVERBIAL_PARTICIPLES = frozenset(
    {"pendant", "durant", "suivant", "concernant", "moyennant", "maintenant", "touchant", "nonobstant", "étant"}
)
_COORDINATION = frozenset({"et", "ou", "de", "d'", "d’", "à", "puis"})


@lru_cache(maxsize=100_000)
def verb_analysis(word: str) -> tuple[str, str] | None:
    """(infinitive, form) when `word` can be a verb: form is "finite", "infinitive", "participle"
    (past) or "present-participle"; None otherwise. The lexicon's morphology (`_morphology`), or the ending
    without one."""
    low = word.lower()
    analyses = _morphology(low)
    if analyses is None:
        lem = lemma(low)
        if not lem.endswith(_INFINITIVE_END) or lem in NOT_INFINITIVE:
            return None
        if low == lem:
            return (lem, "infinitive") if is_infinitive(low, lem) else None
        if inflects(low, lem, lem):
            return lem, "participle" if low.endswith(("é", "ée", "és", "ées", "i", "ie", "is", "it")) else "finite"
        return None
    best: tuple[str, str] | None = None
    for stem, tags in analyses:
        if not any(t.startswith("po:v") for t in tags):
            continue
        if "po:infi" in tags:
            return stem, "infinitive"
        if tags & _FINITE_TAGS:
            return stem, "finite"
        if "po:ppas" in tags:
            best = best or (stem, "participle")
        elif "po:ppre" in tags:
            best = best or (stem, "present-participle")
    return best


@dataclass(eq=False)
class SentenceInfo:
    sentence: Sentence
    cues_params: CueTable
    index: int = 0
    arg_window: int = 12

    @cached_property
    def tokens(self) -> list[Token]:
        return self.sentence.tokens

    @cached_property
    def lemmas(self) -> list[str]:
        return [lemma(t.text) if t.kind == "word" else t.text for t in self.tokens]

    @cached_property
    def content(self) -> list[int]:
        """Content words, without those spelling a quantity (« quarante pour cent »)."""
        spans = [(q.start, q.end) for q in self.quantities]
        return [
            i for i, t in enumerate(self.tokens) if is_content_token(t) and not any(s <= t.start < e for s, e in spans)
        ]

    @cached_property
    def keys(self) -> frozenset[str]:
        return compact_keys(key_of(self.tokens[i].text) for i in self.content)

    @cached_property
    def quantities(self) -> tuple[Quantity, ...]:
        return find_quantities(self.sentence.text)

    @cached_property
    def cues(self) -> list[Cue]:
        """Hedge, intention and attribution cues, found in one pass over the words (table lookups),
        and verbs in the conditional mood."""
        table = self.cues_params
        toks, lems = self.tokens, self.lemmas
        words = [i for i, t in enumerate(toks) if t.kind == "word"]
        found: list[Cue] = []
        w = 0
        while w < len(words):
            i = words[w]
            low = toks[i].lower.replace("’", "'")
            options = table.by_first.get(lems[i], ()) + table.by_first.get(low, ())
            matched = 0
            for seq, mode, declared in options:
                n = len(seq)
                idx = words[w : w + 1]
                k = w + 1
                while len(idx) < n and k < len(words):  # « prévoit également de »: an adverb inside the cue
                    if toks[words[k]].lower not in INSERTED_ADVERBS or lems[words[k]] == seq[len(idx)]:
                        idx.append(words[k])
                    k += 1
                if len(idx) < n or not all(
                    lems[j] == x or toks[j].lower.replace("’", "'") == x for j, x in zip(idx, seq, strict=True)
                ):
                    continue
                if lems[i] in table.conditional and not _conditional_form(toks[i].lower):
                    continue
                start, end = i, idx[-1] + 1
                if mode == "sentence":
                    found.append(Cue(start, end, mode, 0, len(toks), declared))
                elif mode == "attribution":
                    found.append(self._attribution(start, end, declared))
                else:
                    found.append(Cue(start, end, mode, end, self._governed_end(end), declared))
                matched = k - w
                break
            if not matched and toks[i].kind == "word" and _conditional_form(toks[i].lower):
                verb = verb_analysis(toks[i].text)
                if verb is not None and verb[1] == "finite" and is_conditional(toks[i].lower):
                    found.append(Cue(i, i + 1, "conditional", i, self._governed_end(i + 1)))
            w += max(matched, 1)
        return found

    def _attribution(self, start: int, end: int, declared: str) -> Cue:
        """« X a déclaré que … » hedges what follows; « …, a déclaré X » what precedes; else nothing."""
        toks = self.tokens
        nxt = next((j for j in range(end, len(toks)) if toks[j].kind == "word"), None)
        while nxt is not None and toks[nxt].lower in INSERTED_ADVERBS:  # « jugent toutefois que »
            nxt = next((j for j in range(nxt + 1, len(toks)) if toks[j].kind == "word"), None)
        if nxt is not None and toks[nxt].lower.replace("’", "'") in ("que", "qu'"):
            return Cue(start, end, "attribution", end, self._clause_end(nxt + 1), declared)
        before = [j for j in range(max(0, start - 3), start) if toks[j].text in (",", "»", "“", '"')]
        if before:
            clause_start = 0
            for j in range(before[-1] - 1, -1, -1):
                if toks[j].text in CLAUSE_BREAK_PUNCT:
                    clause_start = j + 1
                    break
            return Cue(start, end, "attribution", clause_start, before[-1], declared)
        return Cue(start, end, "attribution", start, start, declared)

    def _governed_end(self, start: int) -> int:
        """Where what a hedge governs ends: at the clause's end, or at a comma that does not go on
        with another governed infinitive (« pourrait renforcer …, stimuler … » goes on; « …, ni les
        organisations … » does not)."""
        end = self._clause_end(start)
        toks = self.tokens
        skip_to = self._incise_end(start, end)
        for i in range(start, end):
            if toks[i].text != "," or i < skip_to:
                continue
            nxt = next((j for j in range(i + 1, end) if toks[j].kind == "word"), None)
            if nxt is None:
                return i
            word = toks[nxt].lower
            if word in ("et", "ou", "de", "d'", "d’", "à", "voire", "puis", "mais") and nxt + 1 < end:
                nxt = next((j for j in range(nxt + 1, end) if toks[j].kind == "word"), nxt)
                word = toks[nxt].lower
            if not is_infinitive(word, self.lemmas[nxt]):
                return i
        for i in range(skip_to + 1, end):
            if toks[i].kind != "word":
                continue
            if toks[i].lower in _SUBORDINATORS:
                break  # « semble montrer comment les rebelles ont procédé »: the clause is governed too
            verb = verb_analysis(toks[i].text)
            if verb is None:
                continue
            participle = verb[1] == "present-participle" and toks[i].lower not in _ADVERBIAL_PARTICIPLES
            if participle or (verb[1] == "finite" and verb[0] in _AUXILIARIES):
                return i
        return end

    def _incise_end(self, start: int, end: int) -> int:
        """After a hedge, an incise between commas (« devrait, dans quelques jours, être arrimée »): the
        index past its closing comma when an infinitive follows it, else `start`."""
        toks = self.tokens
        if start >= end or toks[start].text != ",":
            return start
        closing = next((j for j in range(start + 1, min(end, start + 10)) if toks[j].text == ","), None)
        if closing is None:
            return start
        nxt = next((j for j in range(closing + 1, end) if toks[j].kind == "word"), None)
        if nxt is None or not is_infinitive(toks[nxt].lower, self.lemmas[nxt]):
            return start
        return closing + 1

    def _clause_end(self, start: int) -> int:
        for i in range(start, len(self.tokens)):
            t = self.tokens[i]
            if (t.kind == "punct" and t.text in CLAUSE_BREAK_PUNCT) or t.lower in CLAUSE_BREAK_WORDS:
                return i
        return len(self.tokens)

    def cue_at(self, index: int, skip: tuple[str, ...] = ()) -> Cue | None:
        """The cue token `index` stands under, if any (a hedge before an attribution; modes in `skip` ignored)."""
        covering = [
            c
            for c in self.cues
            if (c.scope_start <= index < c.scope_end or c.start <= index < c.end) and c.mode not in skip
        ]
        return min(covering, key=lambda c: c.mode in ("sentence", "attribution"), default=None)

    def hedged(self, index: int) -> bool:
        """Whether token `index` stands under one of the sentence's cues (or is one)."""
        return any(c.scope_start <= index < c.scope_end or c.start <= index < c.end for c in self.cues)

    def argument_end(self, index: int, limit: int | None = None) -> int:
        """Token index one past the argument of the word at `index`: up to the next clause boundary,
        hedge cue or coordinated predicate (« crée … et positionne … »)."""
        if limit is None:
            found = self._ends.get(index)
            if found is None:
                found = self._ends[index] = self._argument_end(index, None)
            return found
        return self._argument_end(index, limit)

    @cached_property
    def _ends(self) -> dict[int, int]:
        return {}

    @cached_property
    def _cue_starts(self) -> frozenset[int]:
        return frozenset(c.start for c in self.cues)

    def _argument_end(self, index: int, limit: int | None) -> int:
        toks = self.tokens
        stop = len(toks) if limit is None else limit
        cue_starts = self._cue_starts
        heads = self.head_set
        end = index + 1
        incise = self._incise_after(index, stop)
        while end < stop and end - index <= self.arg_window + (incise - index - 1 if incise > index + 1 else 0):
            if end == index + 1 and incise > end:
                end = incise  # « prouver, de façon assez concluante, l’existence … »
                continue
            if toks[end].text in ARG_BREAK_PUNCT or toks[end].lower in ARG_BREAK_WORDS or end in cue_starts:
                break
            if end in heads and toks[end - 1].lower in _COORDINATION:
                end -= 1
                break
            end += 1
        return end

    def _incise_after(self, index: int, stop: int) -> int:
        """Past an adverbial incise right after a verb (« prouver, de façon assez concluante, l’existence »):
        a comma, a preposition or an adverb ending in -ment, words, a comma; else `index`."""
        toks = self.tokens
        first = index + 2
        if index + 1 >= stop or toks[index + 1].text != "," or first >= stop or toks[first].kind != "word":
            return index
        end = index
        while first < stop and toks[first].kind == "word":
            word = toks[first].lower
            if word not in _PREPOSITIONS and word not in _TIME_ADVERBS and not word.endswith("ment"):
                break
            closing = next((j for j in range(first, min(stop, first + 8)) if toks[j].text in ARG_BREAK_PUNCT), None)
            if closing is None or toks[closing].text != ",":
                break
            end = closing + 1  # « a exclu, hier, à l’unanimité, Antoni Pastor »: one incise after another
            first = end
        return end

    def argument_keys(self, index: int) -> frozenset[str]:
        """Comparison keys of the content words of the argument of the word at `index` (memoised)."""
        found = self._arguments.get(index)
        if found is None:
            toks = self.tokens
            end = self.argument_end(index)
            found = compact_keys(key_of(toks[j].text) for j in range(index + 1, end) if is_content_token(toks[j]))
            self._arguments[index] = found
        return found

    @cached_property
    def _arguments(self) -> dict[int, frozenset[str]]:
        return {}

    def subject_keys(self, index: int) -> frozenset[str]:
        """Content keys of the words before the verb at `index` in its clause (its subject, roughly)."""
        toks = self.tokens
        keys: set[str] = set()
        j = index - 1
        while j >= 0 and index - j <= 12:
            t = toks[j]
            if t.lower == "qui" and not keys:
                j -= 1  # « le quotidien Libération qui a accusé »: the antecedent is the subject
                continue
            if t.text == "," and not keys:  # « Antoni Pastor, député-maire de Manacor, a exclu »: past the apposition
                opening = next((k for k in range(j - 1, max(-1, j - 8), -1) if toks[k].text == ","), None)
                if opening is not None:
                    j = opening - 1
                    continue
            if t.text in ARG_BREAK_PUNCT or t.text in CLAUSE_BREAK_PUNCT or t.lower in ARG_BREAK_WORDS:
                break
            if is_content_token(t) and self.lemmas[j] not in _AUXILIARIES:
                keys.add(key_of(t.text))
            j -= 1
        return compact_keys(keys)

    def after_etre(self, index: int) -> bool:
        """A participle after « être » (« ont été blessées », « est arrimée »)."""
        toks = self.tokens
        return any(self.lemmas[j] == "être" for j in range(max(0, index - 3), index) if toks[j].kind == "word")

    def passive(self, index: int) -> bool:
        """« … a été battu par X »: a participle after « être » whose agent follows with « par »."""
        toks = self.tokens
        before = [self.lemmas[j] for j in range(max(0, index - 3), index) if toks[j].kind == "word"]
        if "être" not in before:
            return False
        return any(toks[j].lower == "par" for j in range(index + 1, min(len(toks), index + 6)))

    def argument_quantities(self, index: int) -> frozenset[float]:
        """Values of the quantities in the argument of the word at `index` (« crée 2 000 emplois »)."""
        if not self.quantities:
            return frozenset()
        toks = self.tokens
        end = self.argument_end(index)
        if end <= index + 1:
            return frozenset()
        lo, hi = toks[index].end, toks[end - 1].end
        numbered = [m.span() for m in _NUMBERED.finditer(self.sentence.text)]
        return frozenset(
            value_key(q.value)
            for q in self.quantities
            if lo <= q.start < hi and not any(a <= q.start < b for a, b in numbered)
        )

    def negated(self, index: int) -> bool:
        """Whether the verb at `index` is negated: « ne … pas / jamais / plus / ni » around it or its
        auxiliaries (« n’ont pas été transportés »); « ne … que » is a restriction, not a negation."""
        toks = self.tokens
        words = [j for j in range(index - 1, max(-1, index - 8), -1) if toks[j].kind == "word"][:5]
        for j in range(index - 1, max(-1, index - 8), -1):
            if toks[j].kind == "punct" and toks[j].text in ARG_BREAK_PUNCT:
                words = [w for w in words if w > j]
                break
        ne = next((j for j in words if toks[j].lower in NEGATION_BEFORE), None)
        if ne is None:
            return False
        if toks[ne].lower == "non":
            return True
        after = [toks[j].lower for j in range(ne + 1, min(len(toks), index + 3)) if toks[j].kind == "word"]
        # The negative subject may stand farther (« aucun passager ou membre d’équipage n’a survécu »),
        # in the same clause.
        subject = []
        for j in range(ne - 1, max(-1, ne - 9), -1):
            if toks[j].kind == "punct" and (toks[j].text in ARG_BREAK_PUNCT or toks[j].text in CLAUSE_BREAK_PUNCT):
                break
            if toks[j].kind == "word":
                subject.append(toks[j].lower.replace("’", "'"))
            if toks[j].lower in ("qu'", "qu’", "que"):
                break
        return any(w in NEGATION_AFTER or w == "ni" for w in after) or any(w in _NEGATIVE_SUBJECTS for w in subject)

    @cached_property
    def head_set(self) -> frozenset[int]:
        return frozenset(self.heads)

    @cached_property
    def heads(self) -> list[int]:
        """Tokens that state something: verbs (a past participle after its auxiliary) and the
        attribute of a copula (« est un moteur »), each a place where a restatement can assert."""
        out: list[int] = []
        toks = self.tokens
        words = [k for k, t in enumerate(toks) if t.kind == "word"]
        first, last = (words[0], words[-1]) if words else (-1, -1)
        for i in self.content:
            prev = self._previous_words(i, 3)
            if prev and prev[0][1] in _DETERMINERS and not (len(prev) > 1 and self.lemmas[prev[1][0]] in COPULAS):
                continue  # « la place », « un accord »: a noun; « est une chance » is an attribute
            if i != first and toks[i].text[:1].isupper():
                continue  # a name (« au mont Maudit »)
            if i > 0 and toks[i - 1].text[-1:].isdigit():
                continue  # « 556 postes »: a noun after its number
            if (
                i + 1 < len(toks)
                and toks[i + 1].text == "."
                and toks[i + 1].start == toks[i].end
                and (i + 2 < len(toks) and toks[i + 2].start == toks[i + 1].end)
            ):
                continue  # « code.gouv.fr »: a domain name
            if self._states(i, prev) and not self._noun_reading(i, prev, i in (first, last)):
                out.append(i)
        return out

    def _noun_reading(self, i: int, prev: list[tuple[int, str]], at_edge: bool) -> bool:
        """A finite-looking form read as a noun or an adjective: after a preposition (« en orbite »), or a
        word that is also a noun or an adjective opening or closing the sentence (« Banques belges
        piratées », « logiciels libres critiques »)."""
        verb = verb_analysis(self.tokens[i].text)
        if verb is None or verb[1] != "finite":
            return False
        if prev and prev[0][1] in _PREPOSITIONS:
            return True
        return at_edge and is_noun_or_adjective(self.tokens[i].text)

    def _states(self, i: int, prev: list[tuple[int, str]]) -> bool:
        verb = verb_analysis(self.tokens[i].text)
        if verb is not None and verb[1] in ("finite", "infinitive"):
            return True
        if verb is not None and verb[1] == "participle" and any(self.lemmas[j] in _AUXILIARIES for j, _ in prev[:2]):
            return True
        for j, word in prev:  # the attribute of a copula, no preposition between (« est battu à Grenoble »)
            if self.lemmas[j] in COPULAS:
                return True
            if word in _PREPOSITIONS:
                return False
        return False

    def _previous_words(self, index: int, count: int) -> list[tuple[int, str]]:
        out: list[tuple[int, str]] = []
        j = index - 1
        while j >= 0 and len(out) < count:
            t = self.tokens[j]
            if t.kind == "word":
                out.append((j, t.lower))
            elif t.text in ARG_BREAK_PUNCT:
                break
            j -= 1
        return out

    @cached_property
    def predicates(self) -> list[Predicate]:
        """Infinitives governed by a hedge or intention cue, each with its argument's content keys."""
        preds: list[Predicate] = []
        toks, lems = self.tokens, self.lemmas
        for cue in self.cues:
            if cue.mode != "governing":
                continue
            for i in range(cue.scope_start, cue.scope_end):
                t = toks[i]
                low = t.lower
                if t.kind != "word" or not is_infinitive(low, lems[i]):
                    continue
                prev = toks[i - 1].lower if i > 0 else ""
                if i != cue.scope_start and prev not in INFINITIVE_LEFT:
                    continue
                end = self.argument_end(i, cue.scope_end)
                args = frozenset(key_of(toks[j].text) for j in range(i + 1, end) if is_content_token(toks[j]))
                preds.append(Predicate(lems[i], i, args, end, cue))
        return preds

    def scope_keys(self, cue: Cue) -> frozenset[str]:
        return frozenset(
            key_of(self.tokens[j].text)
            for j in range(cue.scope_start, cue.scope_end)
            if is_content_token(self.tokens[j])
        )


NO_KEYS: frozenset[str] = frozenset()


def compact_keys(keys: Iterable[str]) -> frozenset[str]:
    """The keys as a frozenset that a document's index keeps: CPython sizes a frozenset built from a set
    to fit (added one by one, its table grows to 4 times its size: 728 bytes for 5 to 7 keys, against 472),
    and makes a new 216-byte frozenset for every empty one (a third of the arguments): NO_KEYS is shared."""
    found = frozenset(keys if isinstance(keys, set) else set(keys))
    return found or NO_KEYS


_CONDITIONAL_RE = re.compile(r"r(?:ait|aient|ais|ions|iez)$")


def _conditional_form(word: str) -> bool:
    return _CONDITIONAL_RE.search(word) is not None


@lru_cache(maxsize=20_000)
def is_conditional(word: str) -> bool:
    """Whether a verb form is in the conditional mood (the lexicon's po:cond; the ending without one)."""
    analyses = _morphology(word)
    if analyses is None:
        return (_conditional_form(word) and not word.endswith(("rais", "rait"))) or word.endswith(("rait", "raient"))
    return any("po:cond" in tags for _, tags in analyses)


class BodyIndex:
    """The body's sentences, an inverted index from comparison key to body sentences, and the body's
    quantities by value and month: what every restatement is compared with."""

    def __init__(self, sentences: list[Sentence], cues: CueTable, max_df: int, arg_window: int) -> None:
        self.sentences = [SentenceInfo(s, cues, i, arg_window) for i, s in enumerate(sentences)]
        self.max_df = max_df
        postings: dict[str, list[int]] = defaultdict(list)
        for info in self.sentences:
            for k in info.keys:
                postings[k].append(info.index)
        # Kept as tuples, in a plain dict: most keys have one sentence (48 bytes, against 64 in a list).
        self.index: dict[str, tuple[int, ...]] = {k: tuple(v) for k, v in postings.items()}
        del postings
        self.keys = self.index.keys()  # membership tests only: a view, not a copy of the index's keys
        self.numbers_by_value: dict[float, list[Quantity]] = defaultdict(list)
        self.dates_by_month: dict[int | None, list[Quantity]] = defaultdict(list)
        self.date_years: set[int] = set()
        for info in self.sentences:
            for q in info.quantities:
                if q.kind == "date":
                    self.dates_by_month[q.month].append(q)
                    if q.year is not None:
                        self.date_years.add(q.year)
                else:
                    self.numbers_by_value[value_key(q.value)].append(q)
        self.words = {fold(t.text) for info in self.sentences for t in info.tokens if t.kind == "word"}
        # Both ends of a year range (« 1900-1946 », « 1914/18 »): « de 1900 à 1946 » states the same.
        self.range_years: set[int] = set()
        for info in self.sentences:
            for m in _YEAR_RANGE_RE.finditer(info.sentence.text):
                first, second = int(m.group(1)), m.group(2)
                self.range_years.add(first)
                self.range_years.add(int(second) if len(second) == 4 else first // 100 * 100 + int(second))

    @cached_property
    def transliterated(self) -> frozenset[str]:
        """Transliteration keys of the body sentences' words (not of the words added to `words` later),
        computed when a name is first looked up: most documents never ask."""
        body_words = {fold(t.text) for info in self.sentences for t in info.tokens if t.kind == "word"}
        return frozenset(transliteration_key(w) for w in body_words)

    @cached_property
    def prefixes(self) -> set[str]:
        return {w[:n] for w in self.words for n in range(4, len(w) + 1)}

    def candidates(self, keys: frozenset[str], limit: int = 3) -> list[tuple[float, SentenceInfo]]:
        """The body sentences sharing most (idf-weighted) keys with `keys`, with their share of the weight."""
        n = max(len(self.sentences), 1)
        # Sorted keys: float sums in a fixed order, so equal-looking scores rank the same in every
        # process (a frozenset's order changes with the hash seed).
        ordered = sorted(keys)
        weights = {k: math.log(1 + n / len(self.index[k])) for k in ordered if k in self.index}
        total = sum(weights.values()) + sum(math.log(1 + 2 * n) for k in ordered if k not in self.index)
        scores: dict[int, float] = defaultdict(float)
        for k, w in weights.items():
            postings = self.index[k]
            if len(postings) > self.max_df:
                continue
            for i in postings:
                scores[i] += w
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
        return [(s / total if total else 0.0, self.sentences[i]) for i, s in ranked]


@lru_cache(maxsize=50_000)
def transliteration_key(word: str) -> str:
    """A name's key across transliterations (Kokochine / Kokoshin, Tchaïkovski / Chaikovsky)."""
    w = fold(word)
    for a, b in (("tch", "ch"), ("sh", "ch"), ("kh", "h"), ("ou", "u"), ("y", "i"), ("w", "v"), ("ck", "k")):
        w = w.replace(a, b)
    w = _DOUBLED_RE.sub(r"\1", w)
    return w[:-1] if w.endswith("e") and len(w) > 4 else w


def value_key(value: float) -> float:
    return float(f"{value:.9g}")


_VERB_ENDING_RE = re.compile(
    r"(?:e|es|ent|ons|ez|é|ée|és|ées|i|ie|is|it|ît|ies|issent|issons|issez|issait|issaient|ira|iront"
    r"|t|s|era|eront|ra|ront|ait|aient|ai|a|èrent|irent|ent)?"
)


@lru_cache(maxsize=100_000)
def is_noun_or_adjective(word: str) -> bool:
    """Whether a word form can be a noun or an adjective (« banques », « critiques », « dure »)."""
    return any(t in ("po:nom", "po:adj") for _, tags in _morphology(word.lower()) or () for t in tags)


def is_common_word(word: str) -> bool:
    """Whether the lower-case form of a word is in the French dictionary (« Crash » opening a title)."""
    return bool(_morphology(word.lower()))


# Where the FAQ functions read a word's analyses: "auto" is Grammalecte's lexicon when it is installed
# (already loaded in every run with grammar), else Hunspell's; "hunspell" or "grammalecte" forces one (for
# bench/faq_morphology.py, which compares them). use_morphology_source() sets it.
_SOURCE = ["auto"]
MORPHOLOGY_SOURCES = ("auto", "hunspell", "grammalecte")


def use_morphology_source(source: str) -> None:
    """Read the analyses from `source` (one of MORPHOLOGY_SOURCES), forgetting the answers cached here."""
    if source not in MORPHOLOGY_SOURCES:
        raise ValueError(f"unknown morphology source: {source}")
    _SOURCE[0] = source
    clear_morphology_caches()


def clear_morphology_caches() -> None:
    """Forget every answer built on a lexicon's analyses: here and in the FAQ check (called when the lexicon read
    changes: `use_morphology_source`, `checker.morphology.use_fallback_morphology`)."""
    for cached in (verb_analysis, is_noun_or_adjective, is_conditional, _grammalecte_analyses):
        cached.cache_clear()
    faq_check = sys.modules.get("checker.checks.faq")  # it imports this module: not imported back
    for name in ("_base_form", "_same_verb"):
        function = getattr(faq_check, name, None)
        if function is not None and hasattr(function, "cache_clear"):
            function.cache_clear()


def _morphology(word: str) -> tuple[tuple[str, frozenset[str]], ...] | None:
    """A word's analyses, (stem, tags) each in Hunspell's terms (``po:infi``, ``po:v1…``): from Grammalecte's
    lexicon when it is installed, else from Hunspell's French dictionary; None without either."""
    if _SOURCE[0] != "hunspell":
        from checker.morphology import morphology_engine

        engine = morphology_engine()
        if engine is not None:
            return grammalecte_analyses(engine, word)
        if _SOURCE[0] == "grammalecte":
            return None
    return _hunspell_analyses(word)


def _hunspell_analyses(word: str) -> tuple[tuple[str, frozenset[str]], ...] | None:
    from checker.lexicon import get_lexicon

    engine = get_lexicon().hunspell
    if engine is None:
        return None
    try:
        raw = engine.analyze(word)
    except Exception:  # a word Hunspell cannot encode
        return ()
    out = []
    for entry in raw:
        text = entry.decode("utf-8", "replace") if isinstance(entry, bytes) else str(entry)
        fields = text.split()
        stem = next((f[3:] for f in fields if f.startswith("st:")), word)
        out.append((stem.lower(), frozenset(f for f in fields if f.startswith("po:"))))
    return tuple(out)


# Grammalecte's tags (checker.morphology.parse_morph) in Hunspell's terms, those the functions here read: moods
# and tenses, past and present participles, noun, adjective.
_GRAMMALECTE_TAGS = {
    "Y": "po:infi",
    "Ip": "po:ipre",
    "Iq": "po:iimp",
    "Is": "po:ipsi",
    "If": "po:ifut",
    "K": "po:cond",
    "Sp": "po:spre",
    "Sq": "po:simp",
    "E": "po:impe",
    "Q": "po:ppas",
    "P": "po:ppre",
    "N": "po:nom",
    "A": "po:adj",
}
# The simple past and the imperfect subjunctive: a form that is only that for one verb and something more
# common for another (« vit »: voir's simple past, vivre's present) is read as the other first.
_LITERARY_TENSES = frozenset({"po:ipsi", "po:simp"})
_TENSE_TAGS = frozenset(_GRAMMALECTE_TAGS.values()) - {"po:nom", "po:adj"}
_REFORM_ONLY = "R"  # Grammalecte's mark of a spelling of the 1990 reform alone (« connaitre », « cèderait »)


_ANALYSED_BY: list[Any] = [None]  # the lexicon whose readings _grammalecte_analyses keeps: the last one asked


def grammalecte_analyses(engine: Any, word: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """The ranked readings of a word in `engine`, Grammalecte's lexicon (see _grammalecte_analyses), cached for
    as long as the lexicon asked stays the same one."""
    if engine is not _ANALYSED_BY[0]:
        _grammalecte_analyses.cache_clear()
        _ANALYSED_BY[0] = engine
    return _grammalecte_analyses(word)


@lru_cache(maxsize=100_000)
def _grammalecte_analyses(word: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """Grammalecte's readings of a word, ranked (verb_analysis takes the first verb reading of each kind):
    where the form belongs to several verbs, a more common tense before a literary one, then the verb of the
    document's lemma (the lemma every key is built on: « faut » is falloir's, not faillir's), then a classic
    spelling before one of the reform alone; otherwise the lexicon's order."""
    try:
        morphs = _ANALYSED_BY[0].getMorph(word)
    except Exception:  # a look-up error means "not known"
        return ()
    from checker.morphology import parse_morph

    ranked = []
    word_lemma = lemma(word)
    for position, morph in enumerate(morphs):
        parsed = parse_morph(morph)
        if parsed is None:
            continue
        stem, tags, spelling = parsed
        po = {_GRAMMALECTE_TAGS[t] for t in tags if t in _GRAMMALECTE_TAGS}
        po.update("po:" + t.lower() for t in tags if t.startswith("V"))  # po:v1_it_q_zz: a verb
        literary = bool(po & _TENSE_TAGS) and po & _TENSE_TAGS <= _LITERARY_TENSES
        rank = (literary, stem != word_lemma, spelling == _REFORM_ONLY, position)
        ranked.append((rank, stem, frozenset(po)))
    return tuple((stem, po) for _, stem, po in sorted(ranked))


def is_infinitive(word: str, word_lemma: str) -> bool:
    """Whether a word is an infinitive (the lexicon's morphology; without one, the ending)."""
    if not word.endswith(_INFINITIVE_END):
        return False
    analyses = _morphology(word)
    if analyses is not None:
        return any("po:infi" in tags for _, tags in analyses)
    if word_lemma != word or not word.endswith(_INFINITIVE_END) or word in NOT_INFINITIVE:
        return False
    # Nouns in -ure, -tre, -aire, -ier are far more common than verbs (culture, ministre, salaire, dossier).
    if word.endswith(("ure", "tre", "aire", "ier")):
        return word.endswith(("clure", "ttre", "ître", "faire", "plaire", "traire", "ifier", "cier", "dier", "lier"))
    return True


def inflects(form: str, form_lemma: str, verb: str) -> bool:
    """Whether `form` is an inflection of the infinitive `verb` (simplemma sometimes answers with
    an adjective or a noun: « réduit », « prolonge »)."""
    if form_lemma == verb:
        return True
    if form[:2] != verb[:2]:  # French conjugation keeps the first letters (être, aller aside: never cues' verbs)
        return False
    analyses = _morphology(form)
    if analyses:
        return any(stem == verb and any(t.startswith("po:v") for t in tags) for stem, tags in analyses)
    stem = verb[:-3] if verb.endswith("oir") else verb[:-2]
    if len(stem) < 3 or not form.startswith(stem):
        return False
    return _VERB_ENDING_RE.fullmatch(form[len(stem) :]) is not None
