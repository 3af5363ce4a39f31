"""Claims: unsupported forward-looking and speculative statements, weasel attributions, hype.

The cue rules of `rules/claims.yaml` (kind `cue`) are token sequences: each step names
lemmas, word forms, a tense or a part of speech that one token must have, or a gap of
adverbs, clitics or negations to jump over. Tense and part of speech come from a
morphological lexicon (Grammalecte's, when it is installed) so that every conjugated or
inflected form matches its rule; without it a lemma-and-ending fallback (simplemma) is used.

A cue is not reported when its sentence or a neighbouring sentence of its paragraph names a
source (« selon », « d'après », « pour l'économiste X, », a verb of saying, a link or a
footnote), when the sentence is a question, or — for the future tense and « devrait » + an event
verb — when it announces a scheduled event with a date or a time. A reported conditional also needs no
source of its own in the two sentences after a sourced report in the conditional that it continues (the
conditionnel de reprise, `analyse_block`). A cue may require a word of a
class a few tokens before it (`after`: « des vents … sont attendus », a forecast, against « le
ministre est attendu », a visit). All those lists are data in the pack's `params`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

from checker import morphology
from checker.context import CheckContext, RegexBudget
from checker.document import Block, Document, Sentence, Token
from checker.errors import regex_reason
from checker.findings import Finding
from checker.matching import iter_matches, quotation_spans
from checker.morphology import Reading, analyse_word
from checker.rule_packs import Rule, RuleSet

FAMILY = "claims"
# Cue rules whose cues are forward-looking (the inventory's "forward-looking" kind).
FORWARD_RULES = ("claims.conditional", "claims.likelihood", "claims.future", "claims.horizon", "claims.forecast")
REPORTED_RULES = ("claims.reported-conditional",)
# The rules whose cues the conditionnel de reprise carries (see analyse_block), and how far: the reported
# conditional (« elle aurait été payée », « il serait en difficulté »); a modal forecast (« pourrait doubler
# d'ici 2030 ») after a report is the journalist's own.
REPRISE_RULES = frozenset({"claims.reported-conditional"})
REPRISE_SENTENCES = 2  # the two sentences after the sourced one: further on, a forecast is the journalist's
_FIRST_PERSON = frozenset({"je", "j'", "nous", "notre", "nos", "me", "m'", "moi", "mon", "ma", "mes"})
# A carried sentence's subject takes up what the report was about (« Elle aurait aussi… », « Ses contrats
# auraient… », « Cette somme serait… »): a new subject (« Le maire serait favorable… », « Ce matin, un incendie
# aurait… ») is a new claim.
_ANAPHORIC_PRONOUNS = frozenset(
    {"il", "elle", "ils", "elles", "c'", "cela", "ceci", "ça", "celui-ci", "celle-ci", "ceux-ci", "celles-ci"}
)
_ANAPHORIC_DETERMINERS = frozenset({"son", "sa", "ses", "leur", "leurs", "ce", "cet", "cette", "ces"})
_SUBJECT_WORDS = 5  # how far back from the verb a subject's determiner is looked for (« Son principal adversaire »)

# ---------------------------------------------------------------- morphology
# Shared with the grammar token patterns: checker/morphology.py.
morphology_engine = morphology.morphology_engine


def use_fallback_morphology(flag: bool = True) -> None:
    """Force (or stop forcing) the lemma-and-ending fallback; for tests and benchmarks."""
    morphology.use_fallback_morphology(flag)
    _readings.cache_clear()
    _token_keys.cache_clear()
    _may_attribute.cache_clear()


@lru_cache(maxsize=100_000)
def norm_word(text: str) -> str:
    return text.lower().replace("’", "'").replace("ʼ", "'")


# ---------------------------------------------------------------- cue rules as data


@dataclass(frozen=True)
class Step:
    lemmas: frozenset[str] = frozenset()
    not_lemmas: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()
    pattern: re.Pattern[str] | None = None
    tense: frozenset[str] = frozenset()
    person: frozenset[str] = frozenset()
    pos: frozenset[str] = frozenset()
    optional: bool = False
    skip: frozenset[str] = frozenset()  # a gap: word forms to jump over ("*": any token)
    max: int = 1

    @property
    def needs_reading(self) -> bool:
        return bool(self.lemmas or self.not_lemmas or self.tense or self.person or self.pos)


@dataclass(frozen=True)
class Cue:
    rule_id: str
    name: str
    steps: tuple[Step, ...]
    standalone: bool = False
    # Index lookup: a match needs a token with one of `anchor_keys` at most `lookback` tokens after its start.
    anchor_keys: frozenset[str] = frozenset()
    lookback: int = 0
    # The match counts only when one of these lemmas or word forms is among the `after_within` tokens before it.
    after: frozenset[str] = frozenset()
    after_within: int = 0
    not_after: frozenset[str] = frozenset()  # word forms that must not come just before the match


def _anchor(steps: tuple[Step, ...]) -> tuple[frozenset[str], int]:
    lookback = 0
    for step in steps:
        if step.skip or step.optional:
            lookback += step.max if step.skip else 1
            continue
        if step.words:
            return frozenset("w:" + w for w in step.words), lookback
        if step.lemmas:
            return frozenset("l:" + w for w in step.lemmas), lookback
        if step.tense:
            return frozenset("t:" + t for t in step.tense), lookback
        if step.pos:
            return frozenset("p:" + t for t in step.pos), lookback
        break
    return frozenset({"*"}), lookback


@dataclass(frozen=True)
class Exemption:
    """What frees a rule's cues from needing a source: a hypothesis stated in the sentence (« si … », « dans le
    cas où … ») explains, it does not forecast, and so does a condition in the cue's clause (« pourrait monter si
    le mouvement persiste »); a reason given in the cue's clause (« puisqu'il … ») says what founds a likelihood,
    which is what `claims.likelihood` asks for."""

    rules: frozenset[str]
    patterns: tuple[re.Pattern[str], ...]
    in_clause: bool  # read in the cue's clause only, not in the whole sentence


@dataclass
class Settings:
    """The pack-level data: word classes, attribution markers, scheduled events."""

    classes: dict[str, frozenset[str]]
    determiners: frozenset[str]
    attribution_phrases: re.Pattern[str] | None
    attribution_not_phrases: re.Pattern[str] | None
    attribution_patterns: tuple[re.Pattern[str], ...]
    saying_verbs: frozenset[str]
    inverted_only: frozenset[str]
    noun_after: frozenset[str]  # after these prepositions a form that can be a noun is one (« en alerte »)
    verbs_with_que: frozenset[str]
    quotes: bool
    links: bool
    footnotes: tuple[re.Pattern[str], ...]
    # « selon certains observateurs »: a source named vaguely, which starts no conditionnel de reprise
    vague_sources: tuple[re.Pattern[str], ...]
    event_lemmas: frozenset[str]
    date_patterns: tuple[re.Pattern[str], ...]
    not_after_lemmas: dict[str, frozenset[str]] = field(default_factory=dict)
    not_before_words: dict[str, frozenset[str]] = field(default_factory=dict)  # "aurait" + "pu": no cue
    # « serait » + « un plus »: a job offer's politeness, no cue (phrases of word forms, split on spaces)
    not_before_phrases: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    # « aurait eu » + « 70 ans » : an age never reached, no cue (regular expressions on the text after the cue)
    not_before_patterns: dict[str, tuple[re.Pattern[str], ...]] = field(default_factory=dict)
    # « aurait dû » + an infinitive: the past counterfactual, no cue (« aurait dû 2 millions » stays one)
    counterfactual_before_infinitive: dict[str, frozenset[str]] = field(default_factory=dict)
    # A hypothesis in the sentence ("si …"), a reason in the cue's clause ("puisque …"): see Exemption.
    exemptions: tuple[Exemption, ...] = ()
    # A restrictive relative clause on an antecedent that does not exist (« il n'existe pas de jeu de données qui
    # permettrait »): see _hypothetical_relatives. The rules it exempts, and the words that tell the antecedent.
    relative_rules: frozenset[str] = frozenset()
    relative_quantifiers: frozenset[str] = frozenset()
    relative_indefinite: frozenset[str] = frozenset()
    relative_definite: frozenset[str] = frozenset()
    relative_negations: frozenset[str] = frozenset()
    scheduled_rules: frozenset[str] = frozenset({"claims.future"})  # cues a scheduled event exempts: whole rules
    scheduled_cues: frozenset[str] = frozenset()  # … and single cues by name ("devrait" + an event verb)

    def schedulable(self, rule_id: str, cue_name: str) -> bool:
        return rule_id in self.scheduled_rules or cue_name in self.scheduled_cues

    @cached_property
    def attribution_verbs(self) -> frozenset[str]:
        return self.saying_verbs | self.verbs_with_que

    @cached_property
    def before_a_verb(self) -> frozenset[str]:
        """What stands between a subject and its verb: object pronouns and « ne » (« Elle ne l'aurait pas… »)."""
        return self.classes.get("clitics", frozenset()) | {"ne", "n'"}


def _words(items: Iterable[str]) -> frozenset[str]:
    return frozenset(norm_word(w) for w in items)


def _phrase_alternation(phrases: Iterable[str]) -> re.Pattern[str] | None:
    parts = []
    for p in sorted(set(phrases), key=len, reverse=True):
        parts.append(re.escape(p.lower()).replace("'", "['’]").replace("\\ ", r"[\s\u00a0\u202f]+"))
    return re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w-])", re.IGNORECASE) if parts else None


def _build_settings(rules: list[Rule]) -> Settings:
    params: dict[str, Any] = {}
    for rule in rules:  # pack-level params are copied into every rule; the first rule carrying a key wins
        for key, value in rule.params.items():
            params.setdefault(key, value)
    classes = {name: _words(words) for name, words in params.get("word_classes", {}).items()}
    att = params.get("attribution", {})
    events = params.get("scheduled_events", {})
    relatives = params.get("hypothetical_relatives", {})
    return Settings(
        classes=classes,
        determiners=classes.get("determiners", frozenset()),
        attribution_phrases=_phrase_alternation(att.get("phrases", ())),
        attribution_not_phrases=_phrase_alternation(att.get("not_phrases", ())),
        attribution_patterns=tuple(re.compile(p) for p in att.get("patterns", ())),
        saying_verbs=_words(att.get("verbs", ())),
        inverted_only=_words(att.get("inverted_only", ())),
        noun_after=_words(att.get("noun_after", ())),
        verbs_with_que=_words(att.get("verbs_with_que", ())),
        quotes=bool(att.get("quotes", True)),
        links=bool(att.get("links", True)),
        footnotes=tuple(re.compile(p) for p in att.get("footnote_patterns", ())),
        vague_sources=tuple(re.compile(p) for p in att.get("vague_patterns", ())),
        event_lemmas=_words(events.get("lemmas", ())),
        date_patterns=tuple(re.compile(p, re.IGNORECASE) for p in events.get("date_patterns", ())),
        not_after_lemmas={r.id: _words(r.params.get("not_after_lemmas", ())) for r in rules},
        not_before_words={r.id: _words(r.params.get("not_before_words", ())) for r in rules},
        counterfactual_before_infinitive={
            r.id: _words(r.params.get("counterfactual_before_infinitive", ())) for r in rules
        },
        not_before_patterns={
            r.id: tuple(re.compile(p) for p in r.params.get("not_before_patterns", ())) for r in rules
        },
        not_before_phrases={
            r.id: tuple(
                tuple(norm_word(w) for w in p.split()) for p in r.params.get("not_before_phrases", ()) if p.split()
            )
            for r in rules
        },
        exemptions=tuple(
            Exemption(
                frozenset(params.get(name, {}).get("rules", ())),
                tuple(re.compile(p) for p in params.get(name, {}).get("patterns", ())),
                in_clause=name in ("condition", "grounds"),
            )
            for name in ("hypothesis", "condition", "grounds")
            if name in params
        ),
        relative_rules=frozenset(relatives.get("rules", ())),
        relative_quantifiers=_words(relatives.get("quantifiers", ())),
        relative_indefinite=_words(relatives.get("indefinite", ())),
        relative_definite=_words(relatives.get("definite", ())),
        relative_negations=_words(relatives.get("negations", ())),
        scheduled_rules=frozenset(events.get("rules", ("claims.future",))),
        scheduled_cues=frozenset(events.get("cues", ())),
    )


def _build_step(raw: dict[str, Any], classes: dict[str, frozenset[str]]) -> Step:
    skip: set[str] = set()
    for name in raw.get("skip", ()):
        skip |= {"*"} if name == "*" else classes.get(name, _words([name]))
    return Step(
        lemmas=_words(raw.get("lemmas", ())),
        not_lemmas=_words(raw.get("not_lemmas", ())),
        words=_words(raw.get("words", ())),
        pattern=re.compile(raw["pattern"]) if raw.get("pattern") else None,
        tense=frozenset(raw.get("tense", ())),
        person=frozenset(raw.get("person", ())),
        pos=frozenset(raw.get("pos", ())),
        optional=bool(raw.get("optional", False)),
        skip=frozenset(skip),
        max=int(raw.get("max", 1)),
    )


@dataclass
class Compiled:
    settings: Settings
    cues: tuple[Cue, ...]
    rule_ids: tuple[str, ...]

    @property
    def anchor_keys(self) -> frozenset[str]:
        return self._anchor_keys

    def __post_init__(self) -> None:
        self._anchor_keys = frozenset(k for cue in self.cues for k in cue.anchor_keys)


def compile_rules(rules: RuleSet) -> Compiled:
    """The claims cue rules of a rule set, compiled once and kept on the rule set."""
    cached: Compiled | None = getattr(rules, "_claims_compiled", None)
    if cached is not None:
        return cached
    family = rules.family(FAMILY)
    # Settings from the claims pack first; cue rules of other families bring their own params too.
    cue_rules = [r for r in rules if r.kind == "cue"]
    settings = _build_settings(family + [r for r in cue_rules if r.family != FAMILY])
    cues = []
    for rule in cue_rules:
        for raw in rule.params.get("cues", ()):
            steps = tuple(_build_step(s, settings.classes) for s in raw["steps"])
            keys, lookback = _anchor(steps)
            after: set[str] = set()
            for name in raw.get("after", {}).get("lemmas", ()):
                after |= settings.classes.get(name, _words([name]))
            within = int(raw.get("after", {}).get("within", 0))
            standalone = bool(raw.get("standalone", False))
            not_after = _words(raw.get("not_after", ()))
            cues.append(
                Cue(rule.id, raw["name"], steps, standalone, keys, lookback, frozenset(after), within, not_after)
            )
    compiled = Compiled(settings, tuple(cues), tuple(r.id for r in cue_rules))
    rules._claims_compiled = compiled  # type: ignore[attr-defined]
    return compiled


# ---------------------------------------------------------------- matching


@dataclass(slots=True)
class TokInfo:
    token: Token  # offsets relative to the sentence
    norm: str
    readings: tuple[Reading, ...]
    key: tuple[str, bool]  # (word form, after a determiner): what the readings depend on


@lru_cache(maxsize=100_000)
def _readings(norm: str, after_determiner: bool) -> tuple[Reading, ...]:
    readings = analyse_word(norm)
    # "le risque", "l'estime", "son aura": after a determiner, a noun is a noun.
    if after_determiner and any("noun" in r.pos for r in readings):
        nominal = tuple(r for r in readings if "verb" not in r.pos or "participle" in r.pos)
        return nominal or readings
    return readings


def _token_infos(sentence: Sentence, determiners: frozenset[str]) -> list[TokInfo]:
    infos: list[TokInfo] = []
    prev = ""
    for tok in sentence.tokens:
        n = norm_word(tok.text)
        if tok.kind == "word":
            key = (n, prev in determiners)
            infos.append(TokInfo(tok, n, _readings(*key), key))
            prev = n
        else:
            infos.append(TokInfo(tok, n, (), (n, False)))
            prev = ""
    return infos


def _reading_ok(step: Step, r: Reading) -> bool:
    if step.lemmas and r.lemma not in step.lemmas:
        return False
    if step.not_lemmas and r.lemma in step.not_lemmas:
        return False
    if step.tense and not (step.tense & r.tenses):
        return False
    if step.person and not (step.person & r.persons):
        return False
    return not (step.pos and not (step.pos & r.pos))


def _step_ok(step: Step, info: TokInfo) -> bool:
    if step.words and info.norm not in step.words:
        return False
    if step.pattern is not None and not step.pattern.search(info.token.text):
        return False
    if step.needs_reading:
        if info.token.kind != "word":
            return False
        return any(_reading_ok(step, r) for r in info.readings)
    return bool(step.words or step.pattern)


def _match(steps: tuple[Step, ...], infos: list[TokInfo], si: int, ti: int, first: int) -> tuple[int, int] | None:
    """(first, last) token indexes of a match of steps[si:] from token ti, or None."""
    if si == len(steps):
        return (first, ti - 1) if first >= 0 else None
    step = steps[si]
    n = len(infos)
    if step.skip:
        k = 0
        while True:
            found = _match(steps, infos, si + 1, ti + k, first)
            if found is not None:
                return found
            if k >= step.max or ti + k >= n or not ("*" in step.skip or infos[ti + k].norm in step.skip):
                return None
            k += 1
    if ti < n and _step_ok(step, infos[ti]):
        found = _match(steps, infos, si + 1, ti + 1, first if first >= 0 else ti)
        if found is not None:
            return found
    if step.optional:
        return _match(steps, infos, si + 1, ti, first)
    return None


@dataclass(frozen=True)
class CueMatch:
    rule_id: str
    cue: str
    start: int  # offsets relative to the sentence
    end: int
    text: str
    first: int = 0  # token indexes (first, last) within the sentence
    last: int = 0
    schedulable: bool = False  # a scheduled event with a date exempts it (future tense, « devrait » + event verb)


@dataclass
class SentenceAnalysis:
    sentence: Sentence
    cues: list[CueMatch]  # every cue found, supported or not
    question: bool
    attributed: bool  # a source in the sentence itself (a quotation alone is not one)
    paragraph_attributed: bool  # a source in the previous or the next sentence of the paragraph
    markers: list[tuple[int, int, str]]  # attribution spans in the sentence, with their kind
    # The starts of the cues that announce a scheduled event, the sentence giving a date or a time: each cue on its
    # own (« ouvrira le 3 mai et les prix augmenteront »: the opening is the event, the rise a forecast).
    scheduled: frozenset[int]
    exempted: frozenset[int] = frozenset()  # starts of the cues a hypothesis or a stated reason exempts
    # Carried by the conditionnel de reprise (analyse_block): its reported conditionals need no source of their own.
    reprise: bool = False

    @property
    def supported(self) -> bool:
        return self.attributed or self.paragraph_attributed

    def flagged(self) -> list[CueMatch]:
        """The cues to report: unsupported, not in a question, not a scheduled event, not quoted speech."""
        if self.question or self.supported:
            return []
        quotes = [(a, b) for a, b, kind in self.markers if kind == "quote"]
        return [
            c
            for c in self.cues
            if not (self.reprise and c.rule_id in REPRISE_RULES)
            and c.start not in self.scheduled
            and c.start not in self.exempted
            and not any(a <= c.start and c.end <= b for a, b in quotes)
        ]


@lru_cache(maxsize=100_000)
def _token_keys(norm: str, after_determiner: bool) -> frozenset[str]:
    readings = _readings(norm, after_determiner) if norm[:1].isalpha() else ()
    keys = {"w:" + norm}
    for r in readings:
        keys.add("l:" + r.lemma)
        keys.update("t:" + t for t in r.tenses)
        keys.update("p:" + t for t in r.pos)
    return frozenset(keys)


def _after_ok(cue: Cue, infos: list[TokInfo], first: int) -> bool:
    """Whether one of the cue's `after` words (form or lemma) is among the tokens just before `first`."""
    for info in infos[max(0, first - cue.after_within) : first]:
        if info.norm in cue.after or any(r.lemma in cue.after for r in info.readings):
            return True
    return False


# After « serait un plus » these go on with the clause (« un atout pour l'équipe »), not with the noun phrase.
_CLAUSE_GOES_ON = frozenset({"pour", "à", "au", "aux", "dans", "et", "mais", "sur"})


def _before_phrase(infos: list[TokInfo], last: int, phrases: tuple[tuple[str, ...], ...]) -> bool:
    """Whether the cue, a form of « être » ending at `last`, is followed by one of `phrases` that ends its clause
    (« serait un plus. », « serait un atout pour l'équipe »), not by the start of a longer noun phrase (« aurait un
    avantage décisif », « serait un plus grand succès »)."""
    if not any(r.lemma == "être" for r in infos[last].readings):
        return False
    for phrase in phrases:
        end = last + 1 + len(phrase)
        if tuple(i.norm for i in infos[last + 1 : end]) != phrase:
            continue
        if end >= len(infos) or infos[end].token.kind == "punct" or infos[end].norm in _CLAUSE_GOES_ON:
            return True
    return False


def _find_cues(
    compiled: Compiled, infos: list[TokInfo], text: str, active: frozenset[str] | None = None
) -> list[CueMatch]:
    """The cues of the sentence, overlapping ones resolved (longest first). Only the cues of `active`
    rules compete (all when None): a rule that is off must not hide the match of a rule that is on."""
    index: dict[str, list[int]] = {"*": list(range(len(infos)))}
    wanted = compiled.anchor_keys
    if not any(not wanted.isdisjoint(_token_keys(*info.key)) for info in infos):
        return []
    for i, info in enumerate(infos):
        for key in _token_keys(*info.key) & wanted:
            index.setdefault(key, []).append(i)
    found: set[tuple[int, int, int, Cue]] = set()  # (first, last, order, cue)
    for order, cue in enumerate(compiled.cues):
        if (active is not None and cue.rule_id not in active) or cue.anchor_keys.isdisjoint(index):
            continue
        anchors = sorted({i for key in cue.anchor_keys for i in index.get(key, ())})
        starts = sorted({ti for a in anchors for ti in range(max(0, a - cue.lookback), a + 1)})
        for ti in starts:
            m = _match(cue.steps, infos, 0, ti, -1)
            if m is None:
                continue
            a, b = m
            blocked = compiled.settings.not_after_lemmas.get(cue.rule_id)
            if blocked and a > 0 and any(r.lemma in blocked for r in infos[a - 1].readings):
                continue
            followed = compiled.settings.not_before_words.get(cue.rule_id)
            if followed and b + 1 < len(infos) and infos[b + 1].norm in followed:
                continue
            phrases = compiled.settings.not_before_phrases.get(cue.rule_id)
            if phrases and _before_phrase(infos, b, phrases):
                continue
            after = compiled.settings.not_before_patterns.get(cue.rule_id)
            if after and any(p.match(text, infos[b].token.end) for p in after):
                continue
            modals = compiled.settings.counterfactual_before_infinitive.get(cue.rule_id)
            if modals and _counterfactual(infos, b, modals):
                continue
            if cue.after and not _after_ok(cue, infos, a):
                continue
            if cue.not_after and a > 0 and infos[a - 1].norm in cue.not_after:
                continue
            found.add((a, b, order, cue))
    # Longest match first, then rule order; drop overlapping ones.
    ranked = sorted(found, key=lambda f: (-(infos[f[1]].token.end - infos[f[0]].token.start), f[2], f[0]))
    kept: list[tuple[int, int, int, Cue]] = []
    taken = bytearray(len(infos))  # linear even with thousands of cues in one sentence
    for f in ranked:
        if not any(taken[f[0] : f[1] + 1]):
            kept.append(f)
            taken[f[0] : f[1] + 1] = b"\x01" * (f[1] + 1 - f[0])
    if any(not k[3].standalone for k in kept):
        kept = [k for k in kept if not k[3].standalone]
    kept.sort(key=lambda f: f[0])
    out = []
    for a, b, _, cue in kept:
        s, e = infos[a].token.start, infos[b].token.end
        schedulable = compiled.settings.schedulable(cue.rule_id, cue.name)
        out.append(CueMatch(cue.rule_id, cue.name, s, e, text[s:e], a, b, schedulable))
    return out


_QUESTION_RE = re.compile(r"\?[\s»”\")\]]*$")
_WORDS_BEFORE_AN_INFINITIVE = 4  # « aurait dû ne pas le lui dire »: negation and clitics between


def _counterfactual(infos: list[TokInfo], last: int, modals: frozenset[str]) -> bool:
    """The cue ends on one of `modals` (« aurait dû »), or one follows it (« aurait » + « dût »), and an infinitive
    comes next, past a few negations, clitics or adverbs: the past counterfactual (« il aurait dû rester »)."""
    at = last if infos[last].norm in modals else last + 1
    if at >= len(infos) or infos[at].norm not in modals:
        return False
    for info in infos[at + 1 : at + 2 + _WORDS_BEFORE_AN_INFINITIVE]:
        if any("infinitive" in r.pos for r in info.readings):
            # « le joueur aurait dû être évacué » : in news, often the reported « a dû » (he had to), left reported
            return info.norm != "être"
        if not any(r.pos & {"adverb", "negation", "pronoun", "determiner"} for r in info.readings):
            return False
    return False


def _block_markers(settings: Settings, text: str) -> list[tuple[int, int, str]]:
    """Attribution phrases, patterns and footnotes of a whole block (visible offsets), found once."""
    marks: list[tuple[int, int, str]] = []
    if settings.attribution_phrases is not None:
        found = [m.span() for m in settings.attribution_phrases.finditer(text)]
        if found and settings.attribution_not_phrases is not None:
            excluded = [m.span() for m in settings.attribution_not_phrases.finditer(text)]
            found = [f for f in found if not any(s <= f[0] < e for s, e in excluded)]
        marks.extend((a, b, "phrase") for a, b in found)
    for pattern in settings.attribution_patterns:
        marks.extend((*m.span(), "pattern") for m in pattern.finditer(text))
    for pattern in settings.footnotes:
        marks.extend((*m.span(), "footnote") for m in pattern.finditer(text))
    return sorted(marks)


# The word before an infinitive of saying or finding that a conjugated verb governs (« vient de montrer », « ont
# réussi à déterminer », « laissent croire », « fait savoir »).
_CARRIERS_OF_INFINITIVE = frozenset(
    {"laisse", "laissent", "laissait", "laissaient", "fait", "font", "faisait", "faisaient", "faire"}
)
# Conjugated verbs whose infinitive after « de » or « à » says what was said or done (« vient de montrer », « n'a
# cessé de répéter », « a réussi à prouver », « a tenu à préciser »).
_GOVERNORS_WITH_DE = frozenset({"venir", "cesser", "continuer", "empresser", "tenir"})
_CARRIERS_WITH_PREPOSITION = {"de": _GOVERNORS_WITH_DE, "d'": _GOVERNORS_WITH_DE,
                              "à": frozenset({"réussir", "parvenir", "tenir", "continuer"})}
_OBJECT_DETERMINERS = frozenset(
    {"le", "la", "les", "l'", "un", "une", "des", "du", "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur",
     "leurs", "plusieurs", "quelques", "certains", "certaines", "deux", "trois", "quatre", "cinq", "dix"}
)  # fmt: skip
_PREPOSITIONS_BEFORE_A_NOUN = frozenset(
    {"à", "au", "aux", "de", "d'", "dans", "lors", "devant", "pendant", "en", "sur", "pour", "par", "avec"}
)
# A date or a time after a determiner (« a assuré à la presse le 3 mai que », « ce lundi », « l'an dernier »).
_TIME_WORDS = frozenset(
    {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "matin", "soir", "midi", "jour", "veille",
     "lendemain", "semaine", "mois", "an", "année", "week-end", "printemps", "été", "automne", "hiver", "nuit"}
)  # fmt: skip
# What may open the indirect object or the complement between a verb of saying and its « que » (« a assuré à
# Kislyak que », « a assuré dans une conférence de presse que »).
_INDIRECT_OBJECT_STARTS = frozenset({"à", "au", "aux", "lui", "leur", "dans", "lors", "devant", "pendant", "en", "sur"})


def _attribution_markers(
    settings: Settings,
    sentence: Sentence,
    infos: list[TokInfo],
    cues: list[CueMatch],
    block_marks: list[tuple[int, int, str]],
    block_quotes: list[tuple[int, int]],
) -> list[tuple[int, int, str]]:
    text = sentence.text
    base = sentence.start
    lo = bisect.bisect_left(block_marks, (sentence.start, -1, ""))
    hi = bisect.bisect_left(block_marks, (sentence.end, -1, ""))
    marks = [(a - base, b - base, k) for a, b, k in block_marks[lo:hi]]
    if settings.links and sentence.has_link:
        marks.append((0, len(text), "link"))
    # Quotations of the whole block, clipped to the sentence: a quotation of several sentences covers each.
    lo = bisect.bisect_right(block_quotes, (sentence.start, sentence.start)) - 1
    for a, b in block_quotes[max(lo, 0) :]:
        if a >= sentence.end:
            break
        if b > sentence.start:
            marks.append((max(a, sentence.start) - base, min(b, sentence.end) - base, "quote"))
    verbs = settings.attribution_verbs
    in_cue = bytearray(len(infos))
    for c in cues:
        in_cue[c.first : c.last + 1] = b"\x01" * (c.last + 1 - c.first)
    for i, info in enumerate(infos):
        if info.token.kind != "word":
            continue
        candidate = _may_attribute(info.key, verbs)
        if not candidate or in_cue[i]:
            continue
        prev = infos[i - 1].norm if i > 0 else ""
        if prev in ("s'", "se"):
            continue
        if prev in settings.noun_after and any("noun" in r.pos for r in info.readings):
            continue
        for r in info.readings:
            if "verb" not in r.pos:
                continue
            # An infinitive reports nothing (« pour préciser ») unless a conjugated verb carries it to its « que »
            # (« viennent de montrer que », « laissent croire que », « ont réussi à déterminer que »).
            if "infinitive" in r.tenses and not (_carried(infos, i) and _que_follows(infos, i)):
                continue
            if r.persons and not r.persons & {"3s", "3p"}:
                continue  # a news source speaks in the third person: "tables" is not "table sur"
            if r.tenses == {"participle"} and not _after_auxiliary(infos, i):
                continue  # "les bugs signalés par…" is not "a signalé"
            if r.lemma in settings.saying_verbs:
                if (
                    r.lemma in settings.inverted_only
                    and prev not in (",", "»", "”", '"', ":")
                    and not _que_follows(infos, i)
                ):
                    continue
                marks.append((info.token.start, info.token.end, "verb"))
                break
            if r.lemma in settings.verbs_with_que and _que_follows(infos, i):
                marks.append((info.token.start, info.token.end, "verb"))
                break
    return marks


def _time_follows(infos: list[TokInfo], j: int) -> bool:
    """Whether the word after the determiner at j is a number or a word of time: a date, not a direct object."""
    if j + 1 >= len(infos):
        return False
    nxt = infos[j + 1]
    return nxt.token.kind == "number" or nxt.norm[:1].isdigit() or nxt.norm in _TIME_WORDS


def _carried(infos: list[TokInfo], i: int) -> bool:
    """Whether a conjugated verb carries the infinitive at i: « laissent croire », « fait savoir », « viennent de
    montrer », « ont réussi à déterminer »; not « refusé de confirmer », « naïf de penser »."""
    prev = infos[i - 1].norm if i > 0 else ""
    if prev in _CARRIERS_OF_INFINITIVE:
        return True
    governors = _CARRIERS_WITH_PREPOSITION.get(prev)
    if not governors:
        return False
    # The governing verb, over adverbs (« viennent tout juste de montrer », « viennent d'ailleurs de montrer »).
    for j in range(i - 2, max(-1, i - 6), -1):
        readings = infos[j].readings
        if any(r.lemma in governors and "infinitive" not in r.tenses for r in readings):
            return True
        if infos[j].token.kind != "word" or not (
            infos[j].norm in ("juste", "ailleurs", "d'") or any("adverb" in r.pos for r in readings)
        ):
            return False
    return False


def _que_follows(infos: list[TokInfo], i: int) -> bool:
    """« que » right after the verb at i, or after its indirect object or a complement of place or time (« a assuré à
    son homologue que », « a assuré dans une conférence de presse que »), with no punctuation between: the verb
    introduces what someone said or supposed."""
    for j in range(i + 1, min(len(infos), i + 8)):
        if infos[j].norm in ("que", "qu'"):
            return True
        if infos[j].token.kind not in ("word", "number") or (
            j == i + 1 and infos[j].norm not in _INDIRECT_OBJECT_STARTS
        ):
            return False
        # A determiner after a noun starts a direct object: its « que » is a relative pronoun (« a montré aux
        # journalistes la route que le convoi pourrait emprunter »).
        if (
            infos[j].norm in _OBJECT_DETERMINERS
            and infos[j - 1].norm not in _PREPOSITIONS_BEFORE_A_NOUN
            and not _time_follows(infos, j)
        ):
            return False
    return False


@lru_cache(maxsize=100_000)
def _may_attribute(key: tuple[str, bool], verbs: frozenset[str]) -> bool:
    """Whether a word form may be a verb of saying (one of `verbs`)."""
    return any(r.lemma in verbs for r in _readings(*key))


def _after_auxiliary(infos: list[TokInfo], i: int) -> bool:
    """Whether the participle at i follows a form of avoir or être ("a déclaré", "ont été annoncés", "a pour sa
    part révélé")."""
    if i >= 3 and [infos[k].norm for k in range(i - 3, i)] in (["pour", "sa", "part"], ["pour", "leur", "part"]):
        i -= 3  # « a pour sa part révélé »: the incise between the auxiliary and its participle
    for j in range(i - 1, max(-1, i - 4), -1):
        info = infos[j]
        if info.token.kind != "word":
            return False
        if info.norm.startswith(("a-t-", "ont-", "avait-", "aurait-")):
            return True
        # A conjugated auxiliary only: "après avoir signalé" reports nothing.
        readings = info.readings
        if any(r.lemma in ("avoir", "être") and "verb" in r.pos and "infinitive" not in r.tenses for r in readings):
            return True
    return False


def analyse_block(compiled: Compiled, block: Block, active: frozenset[str] | None = None) -> list[SentenceAnalysis]:
    settings = compiled.settings
    out: list[SentenceAnalysis] = []
    block_marks = _block_markers(settings, block.text)
    block_quotes = quotation_spans(block.text) if settings.quotes else []  # sorted, never overlapping
    read: list[list[TokInfo]] = []  # each sentence's tokens, for the conditionnel de reprise below
    for sentence in block.sentences:
        infos = _token_infos(sentence, settings.determiners)
        text = sentence.text
        cues = _find_cues(compiled, infos, text, active)
        markers = _attribution_markers(settings, sentence, infos, cues, block_marks, block_quotes)
        scheduled: frozenset[int] = frozenset()
        if any(c.schedulable for c in cues) and any(p.search(text) for p in settings.date_patterns):
            scheduled = frozenset(c.start for c in cues if c.schedulable and _is_event(settings, infos, c))
        out.append(
            SentenceAnalysis(
                sentence=sentence,
                cues=cues,
                question=block.region == "faq_question" or bool(_QUESTION_RE.search(text)),
                attributed=any(kind != "quote" for _, _, kind in markers),
                paragraph_attributed=False,
                markers=markers,
                scheduled=scheduled,
                exempted=_exempted_cues(settings, text, cues) | _hypothetical_relatives(settings, infos, cues),
            )
        )
        read.append(infos)
    # A news editor reads a source in the sentence before or after as carrying the statement; a source
    # further away, or a quotation anywhere else, does not source the journalist's own forecast.
    for i, analysis in enumerate(out):
        if not analysis.attributed:
            analysis.paragraph_attributed = any(out[j].attributed for j in (i - 1, i + 1) if 0 <= j < len(out))
    # The conditionnel de reprise: a report that names its source in the conditional goes on being the source's in
    # the sentences that follow it in the conditional (« Le Canard révèle qu'elle aurait touché… Elle aurait aussi…
    # Cela porterait… »), for REPRISE_SENTENCES sentences at most; a sentence without a conditional of the
    # journalist's own ends it, and so do a question, an exclamation and the first person.
    # Read only where a chain can be: at a sourced sentence and in the sentences after it.
    if active is not None and active.isdisjoint(REPRISE_RULES):
        return out
    carried: int | None = None  # sentences carried since the last sourced report, None outside one
    for analysis, infos in zip(out, read, strict=True):
        if analysis.attributed:
            carried = 0 if _starts_report(settings, infos, analysis) else None
        elif carried is not None and carried < REPRISE_SENTENCES and _continues_report(settings, infos, analysis):
            carried += 1
            analysis.reprise = True
        else:
            carried = None
    return out


def _outside_quotes(
    infos: list[TokInfo], markers: list[tuple[int, int, str]]
) -> tuple[list[TokInfo], list[int]]:
    """The sentence's tokens outside quotations, and the indexes among them of the verbs in the conditional."""
    quotes = [(a, b) for a, b, kind in markers if kind == "quote"]
    outside = [info for info in infos if not any(a <= info.token.start < b for a, b in quotes)] if quotes else infos
    conditionals = [
        i for i, info in enumerate(outside) if info.readings and all("conditional" in r.tenses for r in info.readings)
    ]
    return outside, conditionals


def _starts_report(settings: Settings, infos: list[TokInfo], analysis: SentenceAnalysis) -> bool:
    """A sourced sentence that may start a report in the conditional: a source named outside quotations, not a
    vague one, and a conditional of its main clause (not only in a quotation, nor in a relative clause)."""
    if any(p.search(analysis.sentence.text) for p in settings.vague_sources):
        return False
    outside, conditionals = _outside_quotes(infos, analysis.markers)
    return any(not _in_relative_clause(outside, i) for i in conditionals)


def _continues_report(settings: Settings, infos: list[TokInfo], analysis: SentenceAnalysis) -> bool:
    """A sentence that may carry a report on: a conditional outside quotations whose subject takes up what came
    before, and no question, exclamation or first person."""
    if analysis.question or analysis.sentence.text.rstrip(" »”\"')").endswith("!"):
        return False
    outside, conditionals = _outside_quotes(infos, analysis.markers)
    return (
        bool(conditionals)
        and _anaphoric_subject(settings, outside, conditionals[0])
        and not any(info.norm in _FIRST_PERSON for info in outside)
    )


def _in_relative_clause(infos: list[TokInfo], verb: int) -> bool:
    """« qui n'aurait jamais été budgété », « dont le coût aurait doublé », « la voiture que les ravisseurs
    auraient utilisée »: a relative word before the verb in its clause; « que » after a verb (« révèle que »)
    opens the report itself."""
    for j in range(verb - 1, max(-1, verb - 1 - _ANTECEDENT_WORDS), -1):
        info = infos[j]
        if info.token.kind == "punct":
            return False
        if info.norm in ("qui", "dont", "où"):
            return True
        if info.norm in ("que", "qu'"):
            before = infos[j - 1].readings if j > 0 else ()
            return any("noun" in r.pos for r in before) and not any("verb" in r.pos for r in before)
    return False


def _anaphoric_subject(settings: Settings, infos: list[TokInfo], verb: int) -> bool:
    """The verb's subject takes up what came before: a pronoun right before it (past negation and object
    pronouns), or a noun phrase opened by a possessive or demonstrative determiner (« Ses contrats auraient »)."""
    j = verb - 1
    while j >= 0 and infos[j].norm in settings.before_a_verb:
        j -= 1
    if j < 0:
        return False
    if infos[j].norm in _ANAPHORIC_PRONOUNS:
        return True
    for k in range(j, max(-1, j - _SUBJECT_WORDS), -1):
        info = infos[k]
        if info.token.kind == "punct":
            return False
        if any("determiner" in r.pos for r in info.readings) and info.norm not in ("de", "d'"):
            return info.norm in _ANAPHORIC_DETERMINERS
    return False


_CLAUSE_BOUNDARY_RE = re.compile(r";|(?<!\d):(?!\d)")  # not the colon of « 10:30 »
_ANTECEDENT_WORDS = 8  # how far back from « qui » the antecedent's determiner is looked for
_OF = frozenset({"de", "d'", "du", "des"})


def _hypothetical_relatives(settings: Settings, infos: list[TokInfo], cues: list[CueMatch]) -> frozenset[int]:
    """The cues (starts) whose conditional is the verb of a restrictive relative clause on an antecedent that does
    not exist (claims.yaml, hypothetical_relatives): a quantified one (« toute participation qui serait »), an
    indefinite one right after a negation (« pas de jeu de données qui permettrait »). « qui » must follow the
    antecedent's words directly (no comma: « Des experts, qui auraient… » is an incise that reports). Read back
    from « qui »: « de » after a noun is a preposition (« un jeu de données qui »), « des » / « du » after a noun
    a definite article (« la hausse des prix qui »)."""
    exempted = set()
    skipped = settings.before_a_verb
    for cue in cues:
        if cue.rule_id not in settings.relative_rules or _past_conditional(infos, cue):
            continue
        i = cue.first - 1
        while i >= 0 and infos[i].norm in skipped:
            i -= 1
        if i < 1 or infos[i].norm != "qui":
            continue
        determiner = _antecedent_determiner(settings, infos, i)
        if determiner is not None and _antecedent_does_not_exist(settings, infos, determiner):
            exempted.add(cue.start)
    return frozenset(exempted)


def _antecedent_determiner(settings: Settings, infos: list[TokInfo], relative: int) -> int | None:
    """The index of the determiner of the noun phrase just before « qui », when it is quantified or indefinite."""
    for j in range(relative - 1, max(-1, relative - 1 - _ANTECEDENT_WORDS), -1):
        info = infos[j]
        if info.token.kind != "word" or (j and info.token.text[:1].isupper()):
            return None  # punctuation (an incise, another clause), a number or a name
        previous = infos[j - 1] if j > 0 else None
        after_noun = (
            previous is not None
            and previous.norm not in settings.relative_negations  # « pas de » is no noun's complement
            and any("noun" in r.pos for r in previous.readings)
        )
        if info.norm in _OF and after_noun:
            if info.norm in ("du", "des"):
                return None  # « la hausse des prix »: a definite complement
            continue  # « un jeu de données »: the head noun is further back
        if info.norm in settings.relative_definite:
            return None
        if info.norm in settings.relative_quantifiers and previous is not None and (
            previous.norm in settings.relative_definite or previous.norm in settings.relative_indefinite
        ):
            continue  # « le tout premier vaccin »: an adverb
        if info.norm in settings.relative_quantifiers or info.norm in settings.relative_indefinite:
            return j
    return None


# The verbs a negation before an indefinite may carry and still deny that the thing exists (« il n'y a pas de »,
# « n'existe pas de », « n'a pas de », « ne contient pas de »: institutional pages, stop 34); any other verb is what is
# negated (« n'exclut pas une hausse »: real).
_EXISTENTIAL_VERBS = frozenset({"avoir", "exister", "y", "il", "contenir", "comporter"})


def _antecedent_does_not_exist(settings: Settings, infos: list[TokInfo], determiner: int) -> bool:
    """A quantified antecedent, one after « sans » (« sans un accord qui permettrait »), or an indefinite right
    after the negation of « il y a », « exister », « avoir », « contenir » or « comporter » (« il n'existe toujours
    pas de vaccin », « il y a pas de solution »). « n'exclut pas une hausse », « n'écarte pas une piste » negate
    the verb: they are real."""
    if infos[determiner].norm in settings.relative_quantifiers:
        return True
    if determiner == 0 or infos[determiner - 1].norm not in settings.relative_negations:
        return False
    if infos[determiner - 1].norm == "sans":
        return True
    # Back from « pas » / « jamais » to « ne » (or, spoken, to the clause's start): only « il », « y », a form of
    # avoir, exister, contenir or comporter, and adverbs (« toujours », « donc », « en revanche ») stand between.
    adverbs = settings.classes.get("adverbs", frozenset()) | {"en", "revanche", "toujours", "encore", "donc"}
    existential = False
    k = determiner - 2
    while k >= 0 and infos[k].norm not in ("ne", "n'") and infos[k].token.kind == "word":
        info = infos[k]
        if info.norm in _EXISTENTIAL_VERBS or any(r.lemma in _EXISTENTIAL_VERBS for r in info.readings):
            existential = existential or info.norm not in ("il", "y")
        elif info.norm not in adverbs:
            return False
        k -= 1
    return (k >= 0 and infos[k].norm in ("ne", "n'")) or existential


def _past_conditional(infos: list[TokInfo], cue: CueMatch) -> bool:
    """« aurait démissionné », « auraient été tués »: the auxiliary's conditional and a past participle."""
    words = [info for info in infos[cue.first : cue.last + 3] if info.token.kind == "word"]
    return any("participle" in r.tenses for info in words[1:3] for r in info.readings) and any(
        r.lemma in ("avoir", "être") for r in words[0].readings
    )


def _exempted_cues(settings: Settings, text: str, cues: list[CueMatch]) -> frozenset[int]:
    """The cues an exemption of their rule covers: a hypothesis anywhere in the sentence, a reason in the
    cue's own clause (between semicolons and colons: a reason in another clause grounds something else)."""
    exempted = set()
    for cue in cues:
        for exemption in settings.exemptions:
            if cue.rule_id not in exemption.rules:
                continue
            scope = text
            if exemption.in_clause:
                starts = [m.end() for m in _CLAUSE_BOUNDARY_RE.finditer(text, 0, cue.start)]
                following = _CLAUSE_BOUNDARY_RE.search(text, cue.end)
                scope = text[starts[-1] if starts else 0 : following.start() if following else len(text)]
            if any(p.search(scope) for p in exemption.patterns):
                exempted.add(cue.start)
    return frozenset(exempted)


_STATES_AFTER_EN = frozenset({"vigueur", "service", "fonction", "application"})


def _is_event(settings: Settings, infos: list[TokInfo], cue: CueMatch) -> bool:
    """Whether the cue's verb (or the word after it: « aura lieu », « se tiendra », or the noun after « en »:
    « entrer en vigueur », « en service ») is an event of the agenda."""
    idx = list(range(cue.first, cue.last + 1))
    if idx[-1] + 1 < len(infos):
        idx.append(idx[-1] + 1)
        after = idx[-1] + 1
        in_state = infos[idx[-1]].norm == "en" and after < len(infos) and infos[after].norm in _STATES_AFTER_EN
        if in_state and not (after + 1 < len(infos) and infos[after + 1].norm in ("de", "d'")):  # « en fonction de »
            return True
    return any(
        infos[i].norm in settings.event_lemmas or any(r.lemma in settings.event_lemmas for r in infos[i].readings)
        for i in idx
    )


def analysed_blocks(
    compiled: Compiled, doc: Document, active: frozenset[str] | None = None
) -> list[tuple[Block, list[SentenceAnalysis]]]:
    """Every block but the front matter with its sentences analysed. A heading is supported by the
    paragraph under it when that paragraph's first sentences name the source: a headline sourced by the
    lede is not an unsupported claim. `active`: the cue rules that run (all when None)."""
    out = [(block, analyse_block(compiled, block, active)) for block in doc.blocks if block.region != "front_matter"]
    headline_kinds = ("heading", "title")
    for i, (block, analyses) in enumerate(out):
        if block.kind not in headline_kinds:
            continue
        lede = next((later for later in out[i + 1 :] if later[0].kind not in headline_kinds), None)
        if lede is not None and any(a.attributed for a in lede[1][:2]):
            for analysis in analyses:
                analysis.paragraph_attributed = True
    return out


def analyse_document(doc: Document, rules: RuleSet) -> list[SentenceAnalysis]:
    compiled = compile_rules(rules)
    return [analysis for _, analyses in analysed_blocks(compiled, doc) for analysis in analyses]


def list_matches(
    rules: Iterable[Rule], block: Block, budget: RegexBudget | float = 1.0
) -> list[tuple[Rule, int, int]]:
    """Existence matches (weasel, hype) of claims rules in a block: (rule, start, end) in visible offsets.
    `budget`: the regular expressions' time left for the whole document (see `RegexBudget`)."""
    out: list[tuple[Rule, int, int]] = []
    for rule in rules:
        if rule.kind in ("existence", "substitution") and block.region in rule.regions:
            out.extend((rule, m.start, m.end) for m in iter_matches(rule, block, budget))
    return out


# ---------------------------------------------------------------- the check


def cue_problem(rule: Rule) -> str | None:
    """Why a cue rule cannot run: a step pattern that does not compile."""
    for raw in rule.params.get("cues", ()):
        for step in raw.get("steps", ()):
            if step.get("pattern"):
                try:
                    re.compile(step["pattern"])
                except re.error as exc:
                    return f"indice {raw.get('name', '?')} : motif invalide {step['pattern']!r} : {regex_reason(exc)}"
    return None


def run_cue_rules(ctx: CheckContext, rules: Sequence[Rule]) -> list[Finding]:
    """Findings of cue rules (of any family). Attribution, questions and scheduled events are
    judged with the settings of the claims pack's params."""
    findings: list[Finding] = []
    cue_ids = {r.id for r in rules}
    if not cue_ids:
        return findings
    compiled = compile_rules(ctx.rules)
    regions = {r.id: r.regions for r in rules}
    active = frozenset(r.id for r in ctx.rules if r.kind == "cue" and ctx.enabled(r.id))
    for block, analyses in analysed_blocks(compiled, ctx.doc, active):
        for analysis in analyses:
            for cue in analysis.flagged():
                if cue.rule_id in cue_ids and block.region in regions[cue.rule_id]:
                    sentence = analysis.sentence
                    data = {"cue": cue.cue}
                    findings.append(ctx.finding_in_sentence(cue.rule_id, sentence, cue.start, cue.end, data=data))
    return findings
