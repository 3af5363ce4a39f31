"""FAQ consistency: every FAQ answer must be supported by the article body, with no new
facts (numbers, dates, names) and no certainty escalation.

For each sentence of each FAQ answer the body sentences sharing its content lemmas are
retrieved through an inverted index (lemma → body sentences), so the cost grows with the
number of candidates, never with body size × FAQ size. Then:

- `faq.contradiction`: a number, amount, percentage or date of the answer that the body does
  not state (compared after normalisation: « trois millions » = « 3 M€ »), or a name that
  replaces the one of the matching body sentence;
- `faq.new-entity`: a proper name absent from the body;
- `faq.escalation`: the answer asserts as a fact what the best-matching body sentence states
  under a hedge, an intention or an attribution (« pourrait », « souhaite », « selon X »);
  the cues are data (`params` of the rule in rules/faq.yaml), matched by lemma;
- `faq.unsupported` / `faq.partial`: too few of the answer's content lemmas occur in the body;
- `faq.jsonld-mismatch`: the schema.org FAQPage JSON-LD differs from the visible FAQ.
- `faq.jsonld-invalid`: a JSON-LD script that cannot be read (syntax error, nested too deeply).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

from checker.config import Config
from checker.context import CheckContext
from checker.document import Document, Sentence, Token, lemma, tokenize
from checker.findings import Finding
from checker.numbers import Quantity, find_quantities
from checker.rule_packs import load_rules

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
CLAUSE_BREAK_WORDS = frozenset({"mais", "tandis", "cependant", "pourtant", "toutefois", "néanmoins"})
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


CODED_RULES = frozenset(
    (
        "faq.contradiction",
        "faq.new-entity",
        "faq.escalation",
        "faq.unsupported",
        "faq.partial",
        "faq.jsonld-mismatch",
        "faq.jsonld-invalid",
    )
)


def check(doc: Document, ctx: CheckContext) -> list[Finding]:
    rule_ids = ("faq.contradiction", "faq.new-entity", "faq.escalation", "faq.unsupported", "faq.partial")
    findings: list[Finding] = []
    if any(ctx.enabled(r) for r in rule_ids) and doc.faq:
        findings.extend(_FaqChecker(doc, ctx).run())
    if ctx.enabled("faq.jsonld-mismatch"):
        findings.extend(_jsonld_findings(doc, ctx))
    if ctx.enabled("faq.jsonld-invalid"):
        findings.extend(_jsonld_error_findings(doc, ctx))
    return findings


# ---------------------------------------------------------------- words


@lru_cache(maxsize=100_000)
def fold(text: str) -> str:
    """Lower case without accents, both apostrophes alike."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=100_000)
def key_of(word: str) -> str:
    """Comparison key of a word: its lemma without accents, cut to 5 letters so that derived
    forms (optimiser / optimisation, énergie / énergétique) meet."""
    return fold(lemma(word))[:5]


def _is_content(tok: Token) -> bool:
    return tok.kind == "word" and _content_word(tok.text)


@lru_cache(maxsize=100_000)
def _content_word(word: str) -> bool:
    return len(word) > 1 and lemma(word) not in STOP_LEMMAS


@dataclass(frozen=True)
class CueTable:
    """Cue lemma sequences indexed by their first lemma, longest first."""

    by_first: dict[str, tuple[tuple[tuple[str, ...], str], ...]]
    conditional: frozenset[str]


@lru_cache(maxsize=64)
def cue_table(governing: tuple[str, ...], sentence: tuple[str, ...], conditional: tuple[str, ...]) -> CueTable:
    entries: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for mode, cues in (("sentence", sentence), ("governing", governing)):
        for cue in cues:
            seq = tuple(lemma(t.text) for t in tokenize(cue) if t.kind == "word")
            if seq:
                entries[seq[0]].append((seq, mode))
    by_first = {k: tuple(sorted(v, key=lambda e: -len(e[0]))) for k, v in entries.items()}
    return CueTable(by_first, frozenset(lemma(w) for w in conditional))


@dataclass
class Cue:
    start: int  # token index in the sentence (first word of the cue)
    end: int  # token index one past the cue
    mode: str  # "governing" (the following infinitives are hedged) or "sentence"
    scope_start: int
    scope_end: int


@dataclass
class Predicate:
    verb: str  # lemma
    verb_index: int
    arg_keys: frozenset[str]
    end_index: int  # token index one past the argument
    cue: Cue


@dataclass(eq=False)
class SentenceInfo:
    sentence: Sentence
    cues_params: CueTable
    index: int = 0

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
        return [i for i, t in enumerate(self.tokens) if _is_content(t) and not any(s <= t.start < e for s, e in spans)]

    @cached_property
    def keys(self) -> frozenset[str]:
        return frozenset(key_of(self.tokens[i].text) for i in self.content)

    @cached_property
    def quantities(self) -> tuple[Quantity, ...]:
        return find_quantities(self.sentence.text)

    @cached_property
    def cues(self) -> list[Cue]:
        """Hedge, intention and attribution cues, found in one pass over the words (table lookups)."""
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
            for seq, mode in options:
                n = len(seq)
                idx = words[w : w + n]
                if len(idx) < n or not all(
                    lems[j] == x or toks[j].lower.replace("’", "'") == x for j, x in zip(idx, seq, strict=True)
                ):
                    continue
                if lems[i] in table.conditional and not re.search(r"r(?:ait|aient|ais|ions|iez)$", toks[i].lower):
                    continue
                start, end = i, idx[-1] + 1
                if mode == "sentence":
                    found.append(Cue(start, end, mode, 0, len(toks)))
                else:
                    found.append(Cue(start, end, mode, end, self._clause_end(end)))
                matched = n
                break
            w += max(matched, 1)
        return found

    def _clause_end(self, start: int) -> int:
        for i in range(start, len(self.tokens)):
            t = self.tokens[i]
            if (t.kind == "punct" and t.text in CLAUSE_BREAK_PUNCT) or t.lower in CLAUSE_BREAK_WORDS:
                return i
        return len(self.tokens)

    def hedged(self, index: int) -> bool:
        """Whether token `index` stands under one of the sentence's cues."""
        return any(c.scope_start <= index < c.scope_end for c in self.cues)

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
                end = i + 1
                while end < cue.scope_end and end - i <= 12:
                    if toks[end].text in ARG_BREAK_PUNCT or toks[end].lower in ARG_BREAK_WORDS:
                        break
                    end += 1
                args = frozenset(key_of(toks[j].text) for j in range(i + 1, end) if _is_content(toks[j]))
                preds.append(Predicate(lems[i], i, args, end, cue))
        return preds

    def scope_keys(self, cue: Cue) -> frozenset[str]:
        return frozenset(
            key_of(self.tokens[j].text) for j in range(cue.scope_start, cue.scope_end) if _is_content(self.tokens[j])
        )


# ---------------------------------------------------------------- the checker


@dataclass
class _Escalation:
    strength: int
    faq: SentenceInfo
    start: int  # token indices in the FAQ sentence
    end: int
    body: SentenceInfo
    cue: Cue
    predicate: Predicate | None = None  # None: the whole body sentence is attributed or qualified
    others: list[str] = field(default_factory=list)


_STATUS = (
    ("faq.contradiction", "contradiction"),
    ("faq.escalation", "escalation"),
    ("faq.unsupported", "unsupported"),
    ("faq.partial", "partial"),
    ("faq.new-entity", "partial"),
)


@dataclass
class Verdict:
    """What the body says about one FAQ answer sentence."""

    text: str
    line: int
    start: int  # source offsets
    end: int
    status: str  # supported, partial, unsupported, contradiction, escalation
    coverage: float  # share of its content words found in the body
    best: list[tuple[float, dict[str, Any]]]  # best-supporting body sentences: (score, related line)


def support_report(doc: Document, config: Config | None = None) -> list[Verdict]:
    """The verdict on every FAQ answer sentence of `doc`, with its best-supporting body sentences."""
    config = config or Config()
    checker = _FaqChecker(doc, CheckContext(doc, config, load_rules(config.rule_packs)))
    checker.run()
    return checker.verdicts


class _FaqChecker:
    def __init__(self, doc: Document, ctx: CheckContext) -> None:
        self.doc = doc
        self.ctx = ctx
        rule = ctx.rules.get("faq.escalation")
        params: dict[str, Any] = dict(rule.params) if rule else {}
        self.cue_params = cue_table(
            tuple(params.get("hedge_cues", ())),
            tuple(params.get("sentence_cues", ())),
            tuple(params.get("conditional_only", ())),
        )
        self.support_min = ctx.param("faq.unsupported", "support-min")
        partial_rule = ctx.rules.get("faq.partial")
        self.partial_min = float((partial_rule.params if partial_rule else {}).get("min_coverage", 0.75))
        self.max_df = int(params.get("max_candidates_per_lemma", 200))
        self.verdicts: list[Verdict] = []
        self.body: list[SentenceInfo] = []
        for block in doc.blocks:
            if block.region == "body":
                for s in block.sentences:
                    self.body.append(SentenceInfo(s, self.cue_params, len(self.body)))
        self.index: dict[str, list[int]] = defaultdict(list)
        for info in self.body:
            for k in info.keys:
                self.index[k].append(info.index)
        self.body_keys = set(self.index)
        # Body quantities indexed by value (numbers) and month (dates): a look-up per FAQ figure.
        self.numbers_by_value: dict[float, list[Quantity]] = defaultdict(list)
        self.dates_by_month: dict[int | None, list[Quantity]] = defaultdict(list)
        self.date_years: set[int] = set()
        for info in self.body:
            for q in info.quantities:
                if q.kind == "date":
                    self.dates_by_month[q.month].append(q)
                    if q.year is not None:
                        self.date_years.add(q.year)
                else:
                    self.numbers_by_value[_value_key(q.value)].append(q)
        words = {fold(t.text) for info in self.body for t in info.tokens if t.kind == "word"}
        self.body_words = words

    @cached_property
    def body_prefixes(self) -> set[str]:
        return {w[:n] for w in self.body_words for n in range(4, len(w) + 1)}

    # -- retrieval

    def candidates(self, faq: SentenceInfo, limit: int = 3) -> list[tuple[float, SentenceInfo]]:
        n = max(len(self.body), 1)
        # Sorted keys: float sums in a fixed order, so equal-looking scores rank the same in every
        # process (a frozenset's order changes with the hash seed).
        keys = sorted(faq.keys)
        weights = {k: math.log(1 + n / len(self.index[k])) for k in keys if k in self.index}
        total = sum(weights.values()) + sum(math.log(1 + 2 * n) for k in keys if k not in self.index)
        scores: dict[int, float] = defaultdict(float)
        for k, w in weights.items():
            postings = self.index[k]
            if len(postings) > self.max_df:
                continue
            for i in postings:
                scores[i] += w
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
        return [(s / total if total else 0.0, self.body[i]) for i, s in ranked]

    # -- main loop

    def run(self) -> list[Finding]:
        findings: list[Finding] = []
        for item in self.doc.faq:
            for block in item.answers:
                escalations: dict[int, _Escalation] = {}
                for s in block.sentences:
                    info = SentenceInfo(s, self.cue_params)
                    if not info.content:
                        continue
                    cands = self.candidates(info)
                    own: list[Finding] = self._numbers(info, cands)
                    flagged_entity, entity_findings = self._entities(info, cands)
                    own.extend(entity_findings)
                    sentence_escalations = self._escalations(info, cands)
                    for esc in sentence_escalations:
                        prev = escalations.get(esc.body.index)
                        if prev is None or esc.strength > prev.strength:
                            if prev is not None:
                                esc.others = [*prev.others, _tokens_text(prev.faq, prev.start, prev.end)]
                            escalations[esc.body.index] = esc
                        else:
                            prev.others.append(_tokens_text(esc.faq, esc.start, esc.end))
                    # A named defect (new name, wrong figure, escalation) already says what is partial.
                    explained = flagged_entity or bool(own) or bool(sentence_escalations)
                    own.extend(self._support(info, cands, explained))
                    findings.extend(own)
                    issues = {f.rule_id for f in own} | ({"faq.escalation"} if sentence_escalations else set())
                    self.verdicts.append(self._verdict(info, cands, issues))
                findings.extend(self._escalation_finding(e) for e in escalations.values())
        return findings

    def _verdict(self, info: SentenceInfo, cands: list[tuple[float, SentenceInfo]], issues: set[str]) -> Verdict:
        status = next((label for rule, label in _STATUS if rule in issues), "supported")
        start, end = info.sentence.source_span()
        return Verdict(
            text=info.sentence.text,
            line=self.doc.line_col(start)[0],
            start=start,
            end=end,
            status=status,
            coverage=self.coverage(info),
            best=[(round(score, 3), self._related(body)) for score, body in cands],
        )

    def coverage(self, info: SentenceInfo) -> float:
        """Share of the sentence's content words that occur somewhere in the body."""
        if not info.content:
            return 1.0
        missing = sum(1 for i in info.content if key_of(info.tokens[i].text) not in self.body_keys)
        return 1 - missing / len(info.content)

    # -- numbers

    def _numbers(self, faq: SentenceInfo, cands: list[tuple[float, SentenceInfo]]) -> list[Finding]:
        if not self.ctx.enabled("faq.contradiction"):
            return []
        out = []
        for q in faq.quantities:
            if self._stated(q):
                continue
            best, other = _closest_quantity(faq, q, cands)
            related = [self._related(best)] if best else []
            if other is not None and best is not None:
                detail = f"le corps donne « {best.sentence.text[other.start : other.end]} » : « {_quote(best)} »"
            elif best is not None:
                detail = f"ce chiffre n’apparaît nulle part dans le corps, qui dit : « {_quote(best)} »"
            else:
                detail = "ce chiffre n’apparaît nulle part dans le corps"
            out.append(
                self.ctx.finding_in_sentence(
                    "faq.contradiction", faq.sentence, q.start, q.end, detail=detail, related=related
                )
            )
        return out

    def _stated(self, q: Quantity) -> bool:
        """Whether the body states quantity `q` (« en 2026 » is stated by « le 26 janvier 2026 »)."""
        if q.kind == "date":
            return any(q.same(b) for b in self.dates_by_month.get(q.month, ()))
        if q.unit is None and q.value.is_integer() and int(q.value) in self.date_years:
            return True
        return any(q.same(b) for b in self.numbers_by_value.get(_value_key(q.value), ()))

    # -- names

    def _entities(self, faq: SentenceInfo, cands: list[tuple[float, SentenceInfo]]) -> tuple[bool, list[Finding]]:
        out: list[Finding] = []
        missing = [e for e in _entities(faq) if not all(self._in_body(faq.tokens[i].text) for i in e if _cap(faq, i))]
        if not missing:
            return False, out
        # The sentence the answer paraphrases: it shares most of the answer's other words.
        name_idx = {i for e in missing for i in e}
        other_keys = {key_of(faq.tokens[i].text) for i in faq.content if i not in name_idx}
        best = None
        if cands and other_keys:
            shared = len(other_keys & cands[0][1].keys) / len(other_keys)
            best = cands[0][1] if shared >= self.support_min else None
        answer_words = {fold(t.text) for t in tokenize(faq.sentence.block.text) if t.kind == "word"}
        body_names = []
        if best is not None:
            body_names = [
                e
                for e in _entities(best)
                if not any(fold(best.tokens[i].text) in answer_words for i in e if _cap(best, i))
            ]
        for ent in missing:
            start, end = faq.tokens[ent[0]].start, faq.tokens[ent[-1]].end
            if body_names and best is not None and self.ctx.enabled("faq.contradiction"):
                other = body_names[0]
                name = best.sentence.text[best.tokens[other[0]].start : best.tokens[other[-1]].end]
                detail = f"le corps nomme « {name} » : « {_quote(best)} »"
                out.append(
                    self.ctx.finding_in_sentence(
                        "faq.contradiction", faq.sentence, start, end, detail=detail, related=[self._related(best)]
                    )
                )
            elif self.ctx.enabled("faq.new-entity"):
                out.append(self.ctx.finding_in_sentence("faq.new-entity", faq.sentence, start, end))
        return True, out

    def _in_body(self, word: str) -> bool:
        """Whether a name occurs in the body, allowing inflection (Israël / israélienne) and
        compounds written apart (Israël-Azerbaïdjan / Israël et l’Azerbaïdjan)."""
        w = fold(word)
        if w in self.body_words:
            return True
        parts = [p for p in w.split("-") if len(p) > 1]
        return bool(parts) and all(p in self.body_words or p[: max(4, len(p) - 2)] in self.body_prefixes for p in parts)

    # -- escalation

    def _escalations(self, faq: SentenceInfo, cands: list[tuple[float, SentenceInfo]]) -> list[_Escalation]:
        if not self.ctx.enabled("faq.escalation"):
            return []
        out: list[_Escalation] = []
        faq_lemmas = faq.lemmas
        for rank, (score, body) in enumerate(cands):
            if not body.cues:
                continue
            before = len(out)
            for pred in body.predicates:
                for i in faq.content:
                    if not _inflects(faq.tokens[i].lower, faq_lemmas[i], pred.verb) or faq.hedged(i):
                        continue
                    end = i + 1
                    shared = set()
                    scope = body.scope_keys(pred.cue)
                    last = i + 1
                    while end < len(faq.tokens) and end - i <= 12:
                        t = faq.tokens[end]
                        if t.text in ARG_BREAK_PUNCT or t.lower in ARG_BREAK_WORDS:
                            break
                        if _is_content(t):
                            k = key_of(t.text)
                            if k in pred.arg_keys:
                                shared.add(k)
                            if k in scope:
                                last = end + 1
                        end += 1
                    strength = len(shared)
                    if strength >= 1 and (rank == 0 or strength >= 2):
                        out.append(_Escalation(strength, faq, i, last, body, pred.cue, pred))
            # The body attributes or qualifies the whole statement (« selon X », « probablement »).
            if len(out) == before and rank == 0 and score >= self.support_min and not faq.cues:
                cue = next((c for c in body.cues if c.mode == "sentence"), None)
                if cue is not None:
                    out.append(_Escalation(0, faq, 0, len(faq.tokens), body, cue))
        return out

    def _escalation_finding(self, esc: _Escalation) -> Finding:
        body, cue, pred = esc.body, esc.cue, esc.predicate
        cue_text = _tokens_text(body, cue.start, cue.end)
        if pred is None:
            body_quote = _quote(body)
        elif pred.verb_index > cue.end:
            body_quote = f"{cue_text} … {_tokens_text(body, pred.verb_index, pred.end_index)}"
        else:
            body_quote = _tokens_text(body, cue.start, pred.end_index)
        also = ""
        if esc.others:
            also = " Même durcissement pour : " + " ; ".join(f"« {o} »" for o in esc.others) + "."
        start = esc.faq.tokens[esc.start].start
        end = esc.faq.tokens[esc.end - 1].end
        related = self._related(body)
        return self.ctx.finding_in_sentence(
            "faq.escalation",
            esc.faq.sentence,
            start,
            end,
            cue=cue_text,
            body=body_quote,
            line=related["line"],
            also=also,
            related=[related],
            data={"cue": cue_text, "also": esc.others},
        )

    # -- support

    def _support(self, faq: SentenceInfo, cands: list[tuple[float, SentenceInfo]], explained: bool) -> list[Finding]:
        keys = [key_of(faq.tokens[i].text) for i in faq.content]
        if len(keys) < 3:
            return []
        missing_idx = [i for i in faq.content if key_of(faq.tokens[i].text) not in self.body_keys]
        coverage = self.coverage(faq)
        best = cands[0][1] if cands else None
        related = [self._related(best)] if best else []
        body_text = f" Passage le plus proche du corps : « {_quote(best)} »." if best else ""
        span = (0, faq.sentence.end - faq.sentence.start)
        if coverage < self.support_min:
            if self.ctx.enabled("faq.unsupported"):
                return [
                    self.ctx.finding_in_sentence(
                        "faq.unsupported",
                        faq.sentence,
                        *span,
                        closest=body_text,
                        related=related,
                        data={"coverage": coverage},
                    )
                ]
        elif (
            coverage < self.partial_min and len(missing_idx) >= 2 and not explained and self.ctx.enabled("faq.partial")
        ):
            missing = ", ".join(dict.fromkeys(faq.tokens[i].text for i in missing_idx))
            return [
                self.ctx.finding_in_sentence(
                    "faq.partial",
                    faq.sentence,
                    *span,
                    missing=missing,
                    closest=body_text,
                    related=related,
                    data={"coverage": coverage},
                )
            ]
        return []

    def _related(self, info: SentenceInfo) -> dict[str, Any]:
        s, e = info.sentence.source_span()
        return self.ctx.related_line(s, e, role="body")


_VERB_ENDING_RE = re.compile(
    r"(?:e|es|ent|ons|ez|é|ée|és|ées|i|ie|is|it|ît|ies|issent|issons|issez|issait|issaient|ira|iront"
    r"|t|s|era|eront|ra|ront|ait|aient|ai|a|èrent|irent|ent)?"
)


@lru_cache(maxsize=100_000)
def _morphology(word: str) -> tuple[tuple[str, frozenset[str]], ...] | None:
    """Hunspell's analyses of a word, (stem, tags) each (``po:infi``, ``po:v1…``), or None
    without a Hunspell French dictionary."""
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


def is_infinitive(word: str, word_lemma: str) -> bool:
    """Whether a word is an infinitive (Hunspell's morphology; without it, the ending)."""
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


def _inflects(form: str, form_lemma: str, verb: str) -> bool:
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


def _next_word(text: str, end: int) -> str:
    m = re.match(r"[\s\u00a0\u202f]*(?:de |d['’])?(\w+)", text[end:])
    return lemma(m.group(1)) if m else ""


def _closest_quantity(
    faq: SentenceInfo, q: Quantity, cands: list[tuple[float, SentenceInfo]]
) -> tuple[SentenceInfo | None, Quantity | None]:
    """The body sentence and quantity `q` should have matched: among the close candidates, the
    quantity followed by the same word, then with the same unit, in the closest sentence, of the
    nearest value. Without any comparable quantity: the best candidate sentence alone."""
    if not cands or cands[0][0] <= 0:
        return None, None
    after = _next_word(faq.sentence.text, q.end)
    options = []
    for score, body in cands:
        if score < cands[0][0] / 2:
            break
        for b in body.quantities:
            if q.comparable(b):
                ratio = abs(math.log((abs(q.value) + 1) / (abs(b.value) + 1)))
                key = (_next_word(body.sentence.text, b.end) == after, b.unit == q.unit, score, -ratio)
                options.append((key, body, b))
    if not options:
        return cands[0][1], None
    _, body, b = max(options, key=lambda o: o[0])
    return body, b


def _value_key(value: float) -> float:
    return float(f"{value:.9g}")


def _quote(info: SentenceInfo, limit: int = 240) -> str:
    text = info.sentence.text
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _tokens_text(info: SentenceInfo, start: int, end: int) -> str:
    toks = info.tokens
    if not toks or start >= end:
        return ""
    return info.sentence.text[toks[start].start : toks[min(end, len(toks)) - 1].end]


_CONNECTORS = frozenset({"de", "du", "des", "d'", "d’", "la", "le", "l'", "l’", "von", "van", "al", "el", "ben", "bin"})


def _cap(info: SentenceInfo, i: int) -> bool:
    t = info.tokens[i]
    if t.kind != "word" or len(t.text) < 2 or not t.text[:1].isupper():
        return False
    return not any(q.start <= t.start < q.end for q in info.quantities)


def _entities(info: SentenceInfo) -> list[list[int]]:
    """Runs of capitalised words (with « de », « la »… between them): proper names and acronyms.
    The sentence's first word counts only when a capitalised word follows it."""
    toks = info.tokens
    out: list[list[int]] = []
    i = 0
    first_word = next((j for j, t in enumerate(toks) if t.kind == "word"), -1)
    while i < len(toks):
        if not _cap(info, i):
            i += 1
            continue
        run = [i]
        j = i + 1
        while j < len(toks):
            if _cap(info, j):
                run.append(j)
                j += 1
            elif toks[j].lower in _CONNECTORS and j + 1 < len(toks) and _cap(info, j + 1):
                run.extend([j, j + 1])
                j += 2
            else:
                break
        after_quote = i > 0 and toks[i - 1].text in '«“"(:'
        if len(run) == 1 and (i == first_word or after_quote):
            i = j
            continue
        if i == first_word and lemma(toks[i].text) in STOP_LEMMAS:
            run = run[1:]
            while run and not _cap(info, run[0]):
                run = run[1:]
        caps = [k for k in run if lemma(toks[k].text) not in STOP_LEMMAS]
        if caps:
            out.append(run)
        i = j
    return out


# ---------------------------------------------------------------- JSON-LD


def _norm_text(text: str) -> str:
    return " ".join(re.findall(r"\w+", fold(text)))


def _text_keys(text: str) -> set[str]:
    return {key_of(t.text) for t in tokenize(text) if _is_content(t)}


def _similar(a: str, b: str, minimum: float) -> bool:
    if _norm_text(a) == _norm_text(b):
        return True
    ka, kb = _text_keys(a), _text_keys(b)
    if not ka or not kb:
        return False
    jaccard = len(ka & kb) / len(ka | kb)
    qa = {q.text_key for q in find_quantities(a)}
    qb = {q.text_key for q in find_quantities(b)}
    return jaccard >= minimum and qa == qb


_FULL_COMPARISON_MAX = 40_000  # JSON-LD × visible question pairs compared one by one; beyond, nearby pairs only
_NEARBY = 25


def _jsonld_findings(doc: Document, ctx: CheckContext) -> list[Finding]:
    if not doc.jsonld_faq or doc.jsonld_span is None:
        return []
    visible = [item for item in doc.faq if item.source != "jsonld" and item.question is not None]
    # Exact questions are found through a table; only the others are compared by similarity — with every
    # visible question on a page of ordinary size, with the ones at about the same rank on a huge one, so
    # that the cost stays in proportion to the page.
    exact: dict[str, list[int]] = {}
    for k, item in enumerate(visible):
        if item.question is not None:
            exact.setdefault(_norm_text(item.question.text), []).append(k)
    compare_all = len(visible) * len(doc.jsonld_faq) <= _FULL_COMPARISON_MAX
    findings: list[Finding] = []
    used: set[int] = set()
    spans = doc.jsonld_faq_spans
    for rank, (name, answer) in enumerate(doc.jsonld_faq):
        name_at, answer_at = spans[rank] if rank < len(spans) else (None, None)
        answer_span = answer_at or name_at or _fallback_json_span(doc)
        name_span = name_at or answer_span
        match = None
        for k in exact.get(_norm_text(name), ()):
            if k not in used:
                match = (k, visible[k])
                break
        if match is None:
            candidates = range(len(visible)) if compare_all else range(max(0, rank - _NEARBY), rank + _NEARBY)
            for k in candidates:
                if k >= len(visible):
                    break
                item = visible[k]
                if k not in used and item.question is not None and _similar(name, item.question.text, 0.6):
                    match = (k, item)
                    break
        if match is None:
            findings.append(
                ctx.finding(
                    "faq.jsonld-mismatch", *name_span, detail=f"la question « {name} » n’est pas dans la FAQ visible"
                )
            )
            continue
        used.add(match[0])
        item = match[1]
        shown = " ".join(b.text for b in item.answers)
        if not _similar(answer, shown, 0.8):
            related = []
            if item.answers:
                first = item.answers[0]
                related = [ctx.related_line(first.start, first.end, role="visible-faq")]
            findings.append(
                ctx.finding(
                    "faq.jsonld-mismatch",
                    *answer_span,
                    detail=f"la réponse à « {name} » diffère de la FAQ visible, qui dit « {_short(shown)} »",
                    related=related,
                )
            )
    for k, item in enumerate(visible):
        if k not in used and item.question is not None:
            q = item.question
            s, e = q.source_span(0, len(q.text.rstrip()))
            findings.append(
                ctx.finding(
                    "faq.jsonld-mismatch",
                    s,
                    e,
                    detail=f"la question « {q.text.strip()} » manque dans le JSON-LD FAQPage",
                )
            )
    return findings


def _jsonld_error_findings(doc: Document, ctx: CheckContext) -> list[Finding]:
    findings = []
    for start, end, reason in doc.jsonld_errors:
        lo, hi = start, end
        while lo < hi and doc.source[lo].isspace():
            lo += 1
        while hi > lo and doc.source[hi - 1].isspace():
            hi -= 1
        if hi > lo:
            findings.append(ctx.finding("faq.jsonld-invalid", lo, min(hi, lo + 1), detail=reason))
    return findings


def _short(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _fallback_json_span(doc: Document) -> tuple[int, int]:
    assert doc.jsonld_span is not None
    lo, hi = doc.jsonld_span
    at = doc.source.find("FAQPage", lo, hi)
    if at >= 0:
        return at, at + len("FAQPage")
    while lo < hi and doc.source[lo].isspace():
        lo += 1
    return lo, max(lo + 1, min(hi, lo + 1))
