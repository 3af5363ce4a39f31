"""Grammar: Grammalecte and/or LanguageTool over the blocks' visible text.

Engine choice (`[tool.checker.grammar] engine`):
- auto: Grammalecte when importable; LanguageTool when `languagetool-url` is set (then it must
  answer) or a local LanguageTool is installed. What could not run is listed as unavailable.
- grammalecte, languagetool, both: exactly these; one that cannot run is a CheckerError (exit 2).
- none: no grammar check.

Every engine rule is mapped to the small, stable namespace of rules/grammar.yaml (the engine's
own rule id stays in `data.engine_rule`). Two engines reporting the same span give one finding
whose `engine` names both.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from checker.config import Config
from checker.context import CheckContext
from checker.document import ABBREVIATIONS, DETERMINER_WORDS, Block, Document, quotation_spans
from checker.engines import Engine, EngineMatch, EngineUnavailable
from checker.errors import CheckerError
from checker.findings import Finding
from checker.lexicon import get_lexicon
from checker.morphology import FINITE_TENSES, analyse_form
from checker.rule_packs import Rule

FALLBACK_RULE = "grammar.other"
CAPITALIZATION_RULE = "grammar.capitalization"
VERB_FORM_RULE = "grammar.verb-form"
AGREEMENT_RULE = "grammar.agreement"
CONJUGATION_RULE = "grammar.conjugation"
# Parts of the two rules above split off by Grammalecte rule, off by default (stop 51): the engine's filters still
# apply to them.
NOUN_SUBJECT_RULE = "grammar.conjugation-noun-subject"
IMPERATIVE_RULE = "grammar.imperative-form"
INFINITIVE_AFTER_DE_RULE = "grammar.infinitive-after-de"
_VERB_FORM_PARTS = frozenset({VERB_FORM_RULE, IMPERATIVE_RULE, INFINITIVE_AFTER_DE_RULE})
_CONJUGATION_PARTS = frozenset({CONJUGATION_RULE, NOUN_SUBJECT_RULE})
_SENTENCE_BREAK_RE = re.compile(r"[.!?…]\s+\S")
# Tokens that are not French prose for a grammar engine: URLs, handles, hashtags, domain and file names
# (« deepest.ai » read as the verb « ai », « Cargo.toml »). An engine match touching one is dropped.
_NOT_PROSE_RE = re.compile(r"https?://\S+|(?<!\w)[@#][\w-]+|(?<![\w.])\w[\w-]*(?:\.[^\W\d_][\w-]*)+")
ENGINE_CHOICES = ("auto", "grammalecte", "languagetool", "both", "none")


@dataclass(frozen=True)
class _Mapping:
    by_type: dict[str, str]  # Grammalecte sType -> rule id
    lt_patterns: tuple[tuple[re.Pattern[str], str], ...]  # LanguageTool "CATEGORY RULE_ID" -> rule id
    # Grammalecte rule ids -> rule id, read before the option types: one option's rules split between two of ours
    # (the noun's adjective agreement, much less precise than the determiner's, is grammar.adjective-agreement).
    grammalecte_rules: tuple[tuple[re.Pattern[str], str], ...] = ()


@lru_cache(maxsize=16)
def _mapping(rules: tuple[Rule, ...]) -> _Mapping:
    by_type: dict[str, str] = {}
    patterns: list[tuple[re.Pattern[str], str]] = []
    by_rule: list[tuple[re.Pattern[str], str]] = []
    for rule in rules:
        for sType in rule.params.get("grammalecte", ()) or ():
            by_type.setdefault(str(sType), rule.id)
        pattern = rule.params.get("languagetool")
        if pattern:
            patterns.append((re.compile(str(pattern)), rule.id))
        engine_rules = rule.params.get("grammalecte_rules")
        if engine_rules:
            by_rule.append((re.compile(str(engine_rules)), rule.id))
    return _Mapping(by_type, tuple(patterns), tuple(by_rule))


def rule_for(match: EngineMatch, mapping: _Mapping) -> str:
    """The grammar.* rule id of an engine match."""
    if match.engine == "grammalecte":
        for pattern, rule_id in mapping.grammalecte_rules:
            if pattern.search(match.engine_rule):
                return rule_id
        return mapping.by_type.get(match.category, FALLBACK_RULE)
    key = f"{match.category} {match.engine_rule}"
    for pattern, rule_id in mapping.lt_patterns:
        if pattern.search(key):
            return rule_id
    return FALLBACK_RULE


def _where(config: Config) -> str:
    """The configuration file that asked for the engine, as an error-message prefix."""
    return f"{config.source}: " if config.source else ""


def _engines(ctx: CheckContext) -> list[Engine]:
    from checker.engines import grammalecte_engine, languagetool_engine

    config = ctx.config
    choice = config.grammar_engine
    if choice not in ENGINE_CHOICES:
        raise CheckerError(f"moteur de grammaire inconnu {choice!r} ; attendu : {', '.join(ENGINE_CHOICES)}")
    engines: list[Engine] = []
    if choice == "none":
        return engines
    if choice in ("auto", "grammalecte", "both"):
        try:
            engines.append(grammalecte_engine.get_engine())
        except EngineUnavailable as exc:
            if choice != "auto":
                raise CheckerError(f"{_where(config)}moteur de grammaire grammalecte : {exc}") from None
            ctx.engines_unavailable["grammalecte"] = str(exc)
    if choice in ("auto", "languagetool", "both"):
        url = config.languagetool_url
        if choice == "auto" and not url and languagetool_engine.local_installation() is None:
            ctx.engines_unavailable["languagetool"] = (
                "non configuré (ni languagetool-url, ni LanguageTool installé localement)"
            )
        else:
            try:
                engines.append(languagetool_engine.get_engine(url, float(config.grammar_timeout)))
            except EngineUnavailable as exc:
                if choice != "auto" or url:
                    raise CheckerError(f"{_where(config)}moteur de grammaire languagetool : {exc}") from None
                ctx.engines_unavailable["languagetool"] = str(exc)
    return engines


def coded_rule_problem(rule: Rule) -> str | None:
    """A grammar rule runs when engine matches map to it: params `grammalecte`, `grammalecte_rules` or
    `languagetool`."""
    params = rule.params
    if rule.id == FALLBACK_RULE or any(params.get(k) for k in ("grammalecte", "grammalecte_rules", "languagetool")):
        return None
    return (
        "a grammar rule receives engine matches: give it params.grammalecte (option types), "
        "params.grammalecte_rules (a regex of rule ids) or params.languagetool"
    )


def check(doc: Document, ctx: CheckContext) -> list[Finding]:
    # The engines feed the coded rules only: the pack's own token rules (rules/grammar-fr.yaml) run
    # without them, so selecting those alone does not start Grammalecte.
    if not any(r.kind == "coded" for r in ctx.enabled_rules("grammar")):
        return []
    engines = _engines(ctx)
    if not engines:
        return []
    return _engine_findings(doc, ctx, engines)


def combine(engine: list[Finding], own: list[Finding], doc: Document) -> list[Finding]:
    """An engine finding and one of the project's own rules on the same span, or one inside the
    other, say the same thing twice: the engine's (its own message and suggestions) is kept. Of two findings that
    are two readings of one error (« a » / « à » and the verb after it), one is kept (`_one_reading_of_a`)."""
    spans = [(f.start, f.end) for f in engine]
    kept = [
        f
        for f in own
        if not any((s <= f.start and f.end <= e) or (f.start <= s and e <= f.end) for s, e in spans)
    ]
    # The word-pair statistics (grammar.homophone-context) only speak where no other rule did.
    ruled = [(f.start, f.end) for f in engine + kept if "statistics" not in f.data]
    kept = [f for f in kept if "statistics" not in f.data or not any(s < f.end and f.start < e for s, e in ruled)]
    return _one_reading_of_a(engine + kept, doc)


# Verbs and adjectives whose complement is « à » + an infinitive (« commencer à », « inviter … à », « difficile à »).
_VERBS_BEFORE_A_INFINITIVE = frozenset({
    "commencer", "continuer", "réussir", "parvenir", "arriver", "chercher", "viser", "aider", "appeler", "inviter",
    "inciter", "encourager", "pousser", "autoriser", "obliger", "forcer", "contraindre", "condamner", "habituer",
    "apprendre", "enseigner", "hésiter", "tenir", "tendre", "consister", "servir", "renoncer", "songer", "amener",
    "engager", "exhorter", "destiner", "préparer", "apprêter", "mettre", "attacher", "employer", "appliquer",
    "travailler", "rester", "peiner", "évertuer", "persister", "obstiner",
})  # fmt: skip
_ADJECTIVES_BEFORE_A_INFINITIVE = frozenset({
    "prêt", "difficile", "facile", "simple", "long", "lent", "dur", "agréable", "impossible", "possible", "lourd",
    "compliqué", "complexe", "aisé", "pénible", "apte", "enclin", "disposé", "prompt", "nombreux",
})  # fmt: skip
# … and nouns after « avoir » (« a vocation à », « a du mal à »).
_NOUNS_BEFORE_A_INFINITIVE = frozenset({"vocation", "tendance", "mal", "peine", "intérêt"})
_AVOIR_FORMS = frozenset({"a", "ont", "avait", "avaient", "aura", "auront", "aurait", "auraient", "avoir"})
_ETRE_FORMS = frozenset({"est", "sont", "était", "étaient", "sera", "seront", "été", "être", "soit", "soient"})
# Before an adjective taking « à » + infinitive: a copula or a degree (« est difficile à », « trop lourd à »).
_COPULAS_AND_DEGREES = _ETRE_FORMS | frozenset({
    "reste", "restent", "semble", "semblent", "paraît", "paraissent", "devient", "deviennent", "très", "trop", "si",
    "assez", "peu", "aussi", "plus", "moins", "bien", "pas",
})  # fmt: skip
# Where the sentence after « a » / « à » stops; the end of a block without punctuation is a heading or a title.
_SENTENCE_STOP_RE = re.compile(r"[.!?…:;]|\n\s*\n|$")
_WORDS_READ_AFTER = 8
_SPACES_RE = re.compile(r"[ \u00a0]*")
# Finite forms that a noun reading would hide from `_finite_verb` (« est », the east; « reste », the rest).
_COMMON_FINITE_FORMS = frozenset({
    "est", "sont", "était", "étaient", "sera", "seront", "serait", "seraient", "ont", "avait", "avaient", "peut",
    "peuvent", "doit", "doivent", "va", "vont", "reste", "restent", "permet", "permettent",
})  # fmt: skip
_WORDS_BEFORE_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# The words after the verb, numbers too (« dès 4 heures … 69 000 forces » : « forces » follows a number).
_WORDS_AND_NUMBERS_RE = re.compile(r"\d+(?:[ \u00a0\u202f]\d{3})*|" + _WORDS_BEFORE_RE.pattern)
_VERB_FORM_RULES = frozenset({"grammar.confusion", "grammar.unexpected-verb", "grammar.participle"}) | _VERB_FORM_PARTS
# Where the words read around « a » / « à » stop: sentences, parentheses, quotations, commas …
_CLAUSE_MARKS = (".", ";", ":", "!", "?", "\n", "(", ")", "«", "»", ",")
# … and the words that open another clause or join another verb.
_JOINING_WORDS = frozenset({"et", "ou", "mais", "puis"})
_RELATIVE_WORDS = frozenset({
    "qui", "que", "qu'", "qu’", "dont", "où", "lequel", "laquelle", "lesquels", "lesquelles", "lorsque", "quand",
    "si", "s'il", "s'ils", "car", "comme", "parce", "puisque",
})  # fmt: skip


def _one_reading_of_a(findings: list[Finding], doc: Document) -> list[Finding]:
    """« commencé a attirer » (« à attirer » or « a attiré » ?), « Grunt à déterré » (« a déterré » or « à
    déterrer » ?): a finding on « a » / « à » and one on the verb right after it are two readings of one error,
    and one of them misleads (development sets, stop 48: the verb's finding judged false in 10 of 31 such pairs).
    Only plain evidence decides (`_reading_of_a`); otherwise both stay, as the homophone pairs and two adversarial
    reads showed the words around often fit both (« Le Premier ministre à annoncé », « la tendance a changer »)."""
    source = doc.source
    by_start = {f.start: f for f in findings if f.rule_id in _VERB_FORM_RULES and " " not in f.text}
    dropped: set[int] = set()
    for first in findings:
        written = first.text.lower()
        other = "à" if written == "a" else "a"
        if written not in ("a", "à") or other not in (s.lower() for s in first.suggestions):
            continue
        spaces = _SPACES_RE.match(source, first.end)
        after = spaces.end() if spaces else first.end
        verb = by_start.get(after)
        # The verb's finding proposes another form of it, an infinitive or a participle (not « à côté »'s noun).
        if verb is None or after == first.end or not verb.suggestions or not all(map(_verb_form, verb.suggestions)):
            continue
        # The words around are read in the block's visible text (no link targets, no emphasis marks); a heading is
        # no sentence with its verb (« ## Les démarches à effectué après un décès » stays undecided).
        visible = _visible_span(doc, first.start, verb.end)
        if visible is None or visible[0].kind == "heading":
            continue
        block, start, end = visible
        reading = _reading_of_a(block.text, start, end, written)
        if reading == "infinitive":
            dropped.add(id(verb) if written == "a" else id(first))
        elif reading == "auxiliary":
            dropped.add(id(verb))
    return [f for f in findings if id(f) not in dropped]


def _visible_span(doc: Document, start: int, end: int) -> tuple[Block, int, int] | None:
    """The block holding the source span, and the span in its visible text; None when it is not whole in one."""
    for block in doc.blocks:
        offsets = block.offsets
        if not offsets or not offsets[0] <= start < offsets[-1]:
            continue
        first, last = bisect_left(offsets, start), bisect_left(offsets, end - 1)
        whole = last < len(offsets) - 1 and offsets[first] == start and offsets[last] == end - 1
        return (block, first, last + 1) if whole else None
    return None


def _reading_of_a(source: str, start: int, end: int, written: str) -> str | None:
    """« infinitive » where a word of the clause before asks for « à » + infinitive: an adjective after a copula or a
    degree word (« est difficile à maitrisé », not « un poids lourd à percuté »), a noun after « avoir » (« a vocation
    a représenter »), a verb taking « à » with no other clause between (`_governs_a`: « commencé a attirer », « aider
    les gens a surmonter »); « auxiliary » for « à » + a participle after a plain subject in a sentence with its full
    stop and no other finite verb (« le ministère à mobilisé ses équipes. »); None otherwise (two adversarial reads,
    stop 48)."""
    clause_start = max(source.rfind(mark, 0, start) for mark in _CLAUSE_MARKS) + 1
    own = _WORDS_BEFORE_RE.findall(source, clause_start, start)
    joined = [i for i, word in enumerate(own) if word.lower() in _JOINING_WORDS]
    if joined:
        own = own[joined[-1] + 1 :]
    lower = [w.lower().replace("’", "'") for w in own]
    if (
        len(lower) >= 2
        and lower[-2] in _COPULAS_AND_DEGREES
        and any(r.lemma in _ADJECTIVES_BEFORE_A_INFINITIVE and "adjective" in r.pos for r in analyse_form(own[-1]))
    ):
        return "infinitive"
    if lower and lower[-1] in _NOUNS_BEFORE_A_INFINITIVE and _after_avoir(lower[:-1]):
        return "infinitive"
    window = own[-6:]
    relative = max((i for i, word in enumerate(window) if _opens_a_clause(word)), default=-1)
    if any(_governs_a(window, k) for k in range(relative + 1, len(window))):
        # A relative clause before the verb leaves its object's role open (« l'association qui aide les familles à
        # lancé »).
        return "infinitive" if relative < 0 else None
    if written != "à" or joined or not own or not _plain_subject(own):
        # After « et », the verb may be « à » + infinitive too (« vise à réduire … et à favorisé »); after a comma or
        # a bracket, nothing says who acts (« Les formulaires, à complété avant lundi »).
        return None
    sentence_end = _SENTENCE_STOP_RE.search(source, end)
    if sentence_end is None or sentence_end.group() not in (".", "!", "?", "…", ":", ";"):
        return None  # a title, an ad, a list item without its full stop: « Les démarches à effectué après un décès »
    # The next words, past commas and brackets (« La somme à versé, soit trois cents euros, sera prélevée »).
    following = _WORDS_AND_NUMBERS_RE.findall(source, end, sentence_end.start())[:_WORDS_READ_AFTER]
    for k, word in enumerate(following):
        if _opens_a_clause(word):
            break
        if _may_be_finite(word, following[k - 1] if k else ""):
            return None  # « Le montant à payé figure sur la facture » : the sentence's verb is further on
    return "auxiliary"


def _governs_a(words: list[str], k: int) -> bool:
    """The word at `k` is a verb taking « à » + infinitive, and only a verb: finite or infinitive with no noun or
    adjective reading (« aide », « arrivée » are nouns), or a participle right after « avoir » or « être » (« a
    commencé », « sont invités »; not « la famille aidée par »)."""
    word = re.split("['’]", words[k])[-1]
    readings = analyse_form(word)
    if not any(r.lemma in _VERBS_BEFORE_A_INFINITIVE and "verb" in r.pos for r in readings):
        return False
    if any(r.pos & {"noun", "proper_noun"} for r in readings):
        return False
    if any("participle" in (r.pos | r.tenses) for r in readings if r.lemma in _VERBS_BEFORE_A_INFINITIVE):
        return k > 0 and re.split("['’]", words[k - 1])[-1].lower() in _AVOIR_FORMS | _ETRE_FORMS  # « s'est mise »
    return not any("adjective" in r.pos for r in readings)


def _may_be_finite(word: str, previous: str) -> bool:
    """A word that may be the sentence's finite verb: a finite reading, and no determiner, number, preposition or
    adjective right before it (« figure » after « payé », not « tâche » after « une vieille », « course » after
    « deuxième », « téléphone » after « par »)."""
    elided, _, word = word.replace("’", "'").rpartition("'")
    if elided or previous[:1].isdigit() or previous.lower() in DETERMINER_WORDS:
        return False  # « l'aide », « le reste », « 69 000 forces »: a noun
    if word.lower() in _COMMON_FINITE_FORMS:
        return True
    readings = analyse_form(word)
    if not any("verb" in r.pos and r.tenses & FINITE_TENSES for r in readings):
        return False
    before = analyse_form(re.split("['’]", previous)[-1]) if previous else ()
    return not any(
        r.pos & {"determiner", "numeral", "preposition"}
        or ("adjective" in r.pos and "participle" not in (r.pos | r.tenses))
        for r in before
    )


def _after_avoir(words: list[str]) -> bool:
    """The words end with a form of « avoir », then « du » or « de la » maybe (« a vocation », « a du mal », « a de
    la peine »), not « La tendance » alone."""
    if words[-1:] == ["du"]:
        words = words[:-1]
    elif words[-2:] == ["de", "la"]:
        words = words[:-2]
    return bool(words) and words[-1] in _AVOIR_FORMS


def _plain_subject(words: list[str]) -> bool:
    """A noun phrase and nothing else: no verb, no relative pronoun, no rank (« Le Premier ministre à annoncé » may be
    « le premier à annoncer »)."""
    for word in words:
        if _opens_a_clause(word):
            return False
        word = re.split("['’]", word)[-1]
        readings = analyse_form(word)
        if any(r.lemma in ("premier", "dernier", "seul", "unique") for r in readings):
            return False
        if _finite_verb(word) or any("infinitive" in (r.pos | r.tenses) for r in readings):
            return False
    return True


def _opens_a_clause(word: str) -> bool:
    """A relative pronoun or a conjunction opening a clause, elided too (« qu'Antoni », « s'il »; not the reflexive
    « s'est »)."""
    lower = word.lower().replace("’", "'")
    return lower in _RELATIVE_WORDS or lower.split("'")[0] + "'" in ("qu'", "lorsqu'", "puisqu'")


def _finite_verb(word: str) -> bool:
    """A frequent finite form, or a word with only finite verb readings (« passe », not « foule » nor « porte »)."""
    word = re.split("['’]", word)[-1]  # « d'annuler », « l'ordre »: the word after the elision
    if word.lower() in _COMMON_FINITE_FORMS:
        return True
    readings = analyse_form(word)
    return any("verb" in r.pos and r.tenses & FINITE_TENSES for r in readings) and not any(
        r.pos & {"noun", "adjective", "determiner", "proper_noun", "pronoun", "preposition"} for r in readings
    )


def _verb_form(word: str) -> bool:
    """An infinitive or a participle, by one of its readings."""
    return any({"infinitive", "participle"} & (r.pos | r.tenses) for r in analyse_form(word))


def _lower_case_item(blocks: list[Block], index: int, list_items: list[bool], lead_ins: list[int]) -> bool:
    """A list item that opens in lower case, after a colon (« Les étapes : » then « - réunion de cadrage : … ») or a
    lead-in that its items complete (« vérifier à l’aide d’un outil de contraste » then « - le contraste entre … »),
    or as a fragment without a full stop inside: the French convention for the items of a list, not a sentence
    missing its capital. « - nous avons publié trois guides. Ils sont en ligne. » after a sentence is one. The items
    of a list quoted in a blockquote (« > 1. d’identifier … ») count as items."""
    item = blocks[index]
    if not list_items[index] or not item.text[:1].islower():
        return False
    introduced = _introduced_by_an_item(blocks, index, list_items)
    if introduced is not None:
        return introduced
    before = lead_ins[index]
    if before >= 0:
        lead_in = blocks[before].text.rstrip()
        if lead_in.endswith(":"):
            return True
        if lead_in.endswith(",") and not _SALUTATION_RE.match(lead_in) and _opens_with_a_fragment(item):
            # a comma the items carry on from, each item's first words finishing the sentence (« s’associer avec
            # ceux, » then « - des autres pays. Il va de soi… »; Nos Gestes Climat, stop 40); not « Chers parents, »
            # nor « … adopté en première lecture, » then « - la réunion est annulée. » (a second read)
            return True
        unfinished = lead_in[-1:].isalnum() and blocks[before].kind in ("paragraph", "quote")
        if unfinished and _has_a_clear_verb(blocks[before]):
            # a lead-in without its full stop, a clause with its verb (« vérifier à l’aide d’un outil », « vous
            # pouvez »): the items finish its sentence; not a label (« Nos objectifs pour 2024 », « Projets publiés »)
            return True
    return _SENTENCE_BREAK_RE.search(item.text) is None


def _sentence_going_on(blocks: list[Block], index: int, list_items: list[bool], lead_ins: list[int]) -> bool:
    """A paragraph that opens in lower case where a sentence goes on after what interrupted it: right after a
    paragraph ending with a colon, after which French writes no capital (« avec le contenu suivant : » then, the code
    left out, « dans lequel le contenu est récupéré »), or after a list a colon introduced (« Les fonctions qui : »
    then the items, then « ce qui permet … »); web developers' blogs, stop 52. After a full stop or a heading, « le
    projet avance bien » stays reported."""
    block = blocks[index]
    if block.kind != "paragraph" or list_items[index] or not block.text[:1].islower() or index == 0:
        return False
    before = index - 1
    if list_items[before]:
        lead_in = lead_ins[before]
        return lead_in >= 0 and blocks[lead_in].kind == "paragraph" and blocks[lead_in].text.rstrip().endswith(":")
    return blocks[before].kind == "paragraph" and blocks[before].text.rstrip().endswith(":")


# The word before a full stop and the spaces after it, right before a lower-case word: « Tél. accueil ».
_ABBREVIATION_BEFORE_RE = re.compile(r"(?<![\w.])([^\W\d_]+(?:\.-?[^\W\d_]+)*)\.\s+$")


_SOFTWARE_SPELLING_RE = re.compile(r"[a-zà-ÿ]\w*[A-Z0-9]\w*")


def _software_spelling(word: str) -> bool:
    """« idServArch : identifiant du service », « v2016b rev. 2023-08 », « iPhone » : a field's, a version's or a
    product's name, written as the software spells it (a capital or a digit after a lower-case first letter), not a
    word a sentence opens with; « iL est parti » (a slip of the shift key) stays reported."""
    if not _SOFTWARE_SPELLING_RE.fullmatch(word):
        return False
    return any(c.isdigit() for c in word) or not get_lexicon().known(word.lower())


# The title of a work in italics, « Les … » (« *Les Heures creuses* n'est pas un film … »), right before the verb.
# French typography capitalises the noun after the article of a title (« Les Misérables », « Les Enfants du paradis »).
# A work's title opening with « Les » and a capital (« *Les Heures creuses* »), then the verb, « ne » or « n' » between.
_TITLE_WITH_LES_RE = re.compile(r"Les\s[A-ZÀ-ÖØ-Þ][^\n]{0,60}")
_BETWEEN_TITLE_AND_VERB_RE = re.compile(r"\s+(?:n['’]\s*|ne\s+)?")


def _after_a_title_in_italics(block: Block, start: int) -> bool:
    """Whether the verb at `start` follows a title of a work set in italics that opens with « Les » (« *Les Heures
    creuses* n'est pas un film pour tout le monde »): one work, whose singular verb is right; « Les Heures creuses
    n'est pas … » without italics and « *Les enfants* mange » (no title's capital) stay reported."""
    return any(
        end <= start
        and _BETWEEN_TITLE_AND_VERB_RE.fullmatch(block.text, end, start) is not None
        and _TITLE_WITH_LES_RE.fullmatch(block.text, italic_start, end) is not None
        for italic_start, end in block.italics
    )


def _before_code(block: Block, end: int, masked: list[tuple[int, int]]) -> bool:
    """Whether the word right after `end` in the block stands for inline code (a masked stand-in)."""
    after = re.match(r"\s+(?=\w)", block.text[end:])
    if after is None:
        return False
    at = block.offsets[end + after.end()]
    return any(start <= at < stop for start, stop in masked)


# A list item's term and its colon: a word (« `type` », « rework-npm »), or a label of up to five words (« Format de
# réponse »), and a short remark in brackets (« `id` (obligatoire) : »).
_TERM_AND_COLON_RE = re.compile(r"([^\s:]{2,60}(?:[ \u00a0][^\s:]{1,30}){0,4}?)(?:\s*\([^()]{1,40}\))?\s*:\s*$")
# Words of a label that gives advice or a step, whose colon announces an order (« - Conseil : prend ton temps », « -
# Étape 2 : prend le bus », « - Bon à savoir : relit … » stay reported).
_ADVICE_LABELS = frozenset({
    "conseil", "conseils", "astuce", "astuces", "nb", "n.b.", "attention", "remarque", "note", "important", "rappel",
    "psst", "bonus", "tip", "tips", "info", "avertissement", "truc", "mémo", "étape", "exercice", "consigne", "action",
    "tâche", "objectif", "question", "défi", "mission", "challenge", "step", "todo", "savoir", "retenir", "noter",
    "résumé",
})  # fmt: skip
_SENTENCE_END_RE = re.compile(r"[.!?;]\s")
# A word of the second person in the item's first sentence: it speaks to the reader, its verb is an order (« prend ton
# temps »).
_SPEAKS_TO_THE_READER_RE = re.compile(r"(?<!\w)(?:tu|te|t['’]|toi|ton|ta|tes|vous|votre|vos)(?!\w)", re.IGNORECASE)


def _after_a_named_term(block: Block, start: int, masked: list[tuple[int, int]]) -> bool:
    """« - [rework-ie-limits](…) : prévient si vos CSS … », « - `type` : Définit le type … », « - Format de réponse :
    dépend du format … » : the verb right after the term a list item opens with and a colon describes that term (a
    tool, a package, a parameter: a link, inline code or a word spelt as code; a label, when nothing in the item's
    first sentence speaks to the reader), it gives no order; « - Conseil : prend ton temps », « NB : prend ton
    temps », « - Étape 2 : prend le bus », « - Mode de calcul : prend vos données » stay reported."""
    term = _TERM_AND_COLON_RE.fullmatch(block.text, 0, start)
    if term is None or not _is_list_item(block):
        return False
    in_a_link = any(link.start <= term.start(1) and term.end(1) <= link.end for link in block.links)
    first = block.offsets[term.start(1)]
    in_code = any(lo <= first < hi for lo, hi in masked)
    # Spelt as code (« rework-npm », « config.json »): « - Psst : prend ton temps » stays reported (a final review).
    code_like = (
        " " not in term.group(1)  # one word: « - Étape 1/3 : prend … », « - Sur iOS/Android : … » are labels
        and re.search(r"[-_./]", term.group(1)) is not None
        and not get_lexicon().known(term.group(1))
    )
    if in_a_link or in_code or code_like:
        return True
    # A label of several words that names a thing: it opens on a noun (« Format de réponse », « Mode de calcul »), not
    # on a preposition, a determiner or an adjective (« Pour commencer », « Une fois connecté », « Première étape »),
    # and no word of it gives advice or a step; nothing in the item's first sentence speaks to the reader (« Sur votre
    # téléphone : … »).
    label = term.group(1).strip()
    words = label.lower().split()
    item = block.text
    sentence_end = _SENTENCE_END_RE.search(item, start)
    return (
        len(words) > 1
        and not any(word in _ADVICE_LABELS for word in words)
        and _names_a_thing(words[0])
        and _SPEAKS_TO_THE_READER_RE.search(item[: sentence_end.start() if sentence_end else len(item)]) is None
    )


# Verbs that say what a thing is or does, hardly ever the order of an imperative missing its « s » in a document
# that does not speak to the reader as « tu » (« Convient pour une API publique », « Ne dépend pas des autres
# tests », « Inclut des annotations », « Fournit des conseils »): their lemmas; « servir » only with « à » or
# « de » after it (« Sert à maîtriser le coût », not « Sert le café »).
_DESCRIBING_LEMMAS = frozenset({
    "convenir", "dépendre", "contenir", "correspondre", "appartenir", "provenir", "suffire", "valoir", "permettre",
    "requérir", "inclure", "découler", "résulter", "sembler", "paraître", "fournir", "décrire", "définir",
})  # fmt: skip
_SERT_A_OR_DE_RE = re.compile(r"(?i)\s+(?:à|au|aux|de|d['’])(?![\w’'])")


def _sentence_at(block: Block, start: int) -> str:
    """The text of the block's sentence (the document model's) that holds `start`."""
    return next((s.text for s in block.sentences if s.start <= start < s.end), block.text)


def _says_what_a_thing_does(text: str, start: int, end: int) -> bool:
    """« **Certificat simple** : … . Convient pour une API publique », « **Indépendant** : ne dépend pas des autres
    tests », « … . Sert principalement à maîtriser le coût » : a verb of one of `_DESCRIBING_LEMMAS`, in the third
    person, describes the thing the page speaks of; nobody orders the reader « conviens », « dépends » (the social
    ministries' documentation, stop 46). The caller checks that the document does not speak to the reader as
    « tu »."""
    lemmas = {r.lemma for r in analyse_form(text[start:end].lower()) if "3s" in r.persons}
    if lemmas & _DESCRIBING_LEMMAS:
        return True
    if "servir" not in lemmas:
        return False
    adverb = re.match(r"\s+([^\W\d_]+)", text[end:])
    if adverb and any("adverb" in r.pos for r in analyse_form(adverb.group(1).lower())):
        end += adverb.end()  # « Sert surtout à », « Sert principalement de »
    return _SERT_A_OR_DE_RE.match(text, end) is not None


def _names_a_thing(word: str) -> bool:
    """A word that the lexicon reads only as a noun (« format », « mode »), not also as a preposition, a determiner, an
    adjective, an adverb or a conjunction (« pour », « une », « première », « bon », « si »)."""
    readings = analyse_form(word)
    return bool(readings) and all(
        "noun" in r.pos and not r.pos & {"preposition", "determiner", "adjective", "adverb", "conjunction", "pronoun"}
        for r in readings
        if r.pos
    )


def _name_in_its_own_case(word: str) -> bool:
    """« napa est ce qui manque à npm », « rework-vars permet de … », « cssnext est un transpileur » : a package's or a
    tool's name as its authors write it, in lower case; a word the lexicon knows in neither case (a French word
    opening a sentence without its capital, « mais bien sûr », stays reported; a misspelt one is the spelling's)."""
    if not word[:1].islower():
        return False
    lexicon = get_lexicon()
    return not lexicon.known(word) and not lexicon.known(word[:1].upper() + word[1:])


def _name_joined_by_a_dot(text: str, end: int) -> bool:
    """« data·inclusion est le commun numérique … » : a service's name joined by a middle dot, in lower case as its
    team writes it (beta.gouv.fr's pages, stop 49); an inclusive ending (« étudiant·es », « lecteur·rices ») joins
    no name."""
    after = _JOINED_NAME_AFTER_RE.match(text, end)
    if after is None or after.group(1).lower() in _INCLUSIVE_ENDINGS:
        return False
    # A name is one thing, its verb singular (« data·inclusion est … »); inclusive forms are mostly plural subjects
    # (« lecteur·ices et abonné·es peuvent », « tous·toutes les participant·es »).
    verb = _WORD_AFTER_NAME_RE.match(text, after.end())
    if verb is None or not _third_person_present(verb.group(1)):
        return False
    # « directeur·directrice est nommé » : the two halves of one word, an inclusive doublet (a final review).
    first = text[text.rfind(" ", 0, end) + 1 : end].lower()
    lemmas = {r.lemma for r in analyse_form(after.group(1).lower())}
    return not lemmas & {r.lemma for r in analyse_form(first)}


_JOINED_NAME_AFTER_RE = re.compile(r"·([^\W\d_]{4,})")
# « o\tLe nombre de visites a chuté » : a word processor's second-level bullet pasted with its line (stop 49).
# A vocative « o Dieu » after a full stop, one space between, stays reported (an adversarial read).
_PASTED_BULLET_RE = re.compile(r"o(?:\t|[ \u00a0]{2,})(?=\s*[A-ZÀ-ÖØ-Þ])")
_WORD_AFTER_NAME_RE = re.compile(r"\s+([^\W\d_]+)")
_INCLUSIVE_ENDINGS = frozenset({
    "rice", "rices", "trice", "trices", "euse", "euses", "teuse", "teuses", "ères", "esse", "esses", "elle", "elles",
    "ienne", "iennes", "ives", "ente", "entes", "ante", "antes", "ices", "celles", "toutes", "nouvelles",
})  # fmt: skip


def _after_an_abbreviation(text: str, start: int) -> bool:
    """A lower-case word after an abbreviation's full stop (« Tél. accueil », « et al. les »): no sentence starts."""
    if not text[start : start + 1].islower():
        return False  # « (cf. Lundi et Mardi) » : a capital too many stays reported
    before = _ABBREVIATION_BEFORE_RE.search(text, max(0, start - 20), start)
    if before is None:
        return False
    return before.group(1).lower() in _ABBREVIATIONS_NOT_WORDS


# The abbreviations of the sentence splitter that no sentence ends with as a word, and « sr. », « jr. » (news
# development sample, stop 35): « etc. », « art. », « min. », « sept. » or « me » may end a sentence, and a
# name follows a title.
_ABBREVIATIONS_NOT_WORDS = (ABBREVIATIONS | {"sr", "jr"}) - {
    "etc", "m", "me", "p", "pp", "n", "no", "nos", "art", "vol", "min", "max", "col", "sept", "oct", "nov", "déc",
    "ex", "st", "op", "cit", "env", "lt", "vs", "sq", "sqq",
    # titles: the name after them takes its capital (« le Dr. martin »)
    "mme", "mmes", "mlle", "mlles", "dr", "drs", "pr", "mgr", "ste",
    # units, months and eras that end sentences (« 30 mm. les pluies », « le 3 janv. ensuite », « av. J.-C. »)
    "mm", "jan", "janv", "fév", "févr", "avr", "juil", "j.-c", "ibid", "c.-à-d",
}  # fmt: skip


def _lead_ins(blocks: list[Block], list_items: list[bool]) -> list[int]:
    """For each block, the index of the block before the list it belongs to (-1 at the document's start), in one
    pass: a long list is not walked back once per item."""
    lead_ins: list[int] = []
    for i in range(len(blocks)):
        lead_ins.append(lead_ins[i - 1] if i > 0 and list_items[i - 1] else i - 1)
    return lead_ins


# What may stand in the source between two items of one list: spaces, list and quotation markers, emphasis marks.
_BETWEEN_LIST_ITEMS_RE = re.compile(r"(?:\s|>|[-*+_]|\d{1,3}[.)])*")
# A numbered item's marker, up to its first word (« 2. **vérifiez** »).
_NUMBERED_ITEM_START_RE = re.compile(r"[ \t>]*\d{1,3}[.)][ \t]+[*_]*$")
_THEMATIC_BREAK_RE = re.compile(r"^[ \t>]*([-*_])(?:[ \t]*\1){2,}[ \t]*\r?$", re.M)  # « --- » between two lists
# How far an item looks for the item introducing it, or for its list's other items: a list of fifty items is an
# enumeration of its own.
_LIST_REACH = 50


def _list_neighbours(blocks: list[Block], index: int, list_items: list[bool], step: int) -> Iterator[int]:
    """The items before (step -1) or after (step 1) a list item, nearest first, as long as they are items of the same
    quotation with only list markup between them in the source (no code, rule or image), up to _LIST_REACH."""
    item = blocks[index]
    j = index + step
    while 0 <= j < len(blocks) and abs(j - index) <= _LIST_REACH:
        first, second = (blocks[j], blocks[j - step]) if step < 0 else (blocks[j - step], blocks[j])
        if not (list_items[j] and blocks[j].list_item_in_quote == item.list_item_in_quote and _next_to(first, second)):
            return
        yield j
        j += step


def _introduced_by_an_item(blocks: list[Block], index: int, list_items: list[bool]) -> bool | None:
    """Whether an earlier item ending with a colon introduces a list item, in Markdown (CNIL guide, stop 38): its
    parent item (« * Il faut informer les personnes : » then the nested « * en cas de collecte directe … »), or, in
    a list flattened to one level, an item of its own level with nothing in between that ends a sentence or nests
    (« * Il faut informer : » then « * en cas de … »). No (False) after such an item when the item is a numbered step
    (« 1. Tapez la commande : » then « 2. vérifiez »), comes after the colon item's own sub-items or after an item
    that ends a sentence; None (undecided: the lead-in before the list decides) when no colon item comes before it
    in its list, up to a break (code, a rule, an image, the end of a quotation)."""
    item = blocks[index]
    ended = nested = False
    for j in _list_neighbours(blocks, index, list_items, -1):
        previous = blocks[j]
        text = previous.text.rstrip()
        if previous.level < item.level:
            return text.endswith(":") or None
        if previous.level > item.level:
            nested = True
        elif text.endswith(":"):
            return not (ended or nested or _numbered(item))
        elif text.endswith((".", "!", "?", "…")):
            ended = True
    return None


def _next_to(first: Block, second: Block) -> bool:
    """Two blocks with only list markup between them in the source (no code block, rule, image or comment)."""
    if first.doc is None or not first.offsets or not second.offsets:
        return False
    source, end, start = first.doc.source, first.offsets[-1], second.offsets[0]
    if _BETWEEN_LIST_ITEMS_RE.fullmatch(source, end, start) is None:
        return False
    # The whole lines between the two items' lines (« * **Le** » opening the second is no « * * * »)
    lines = source[source.find("\n", end) + 1 : source.rfind("\n", 0, start) + 1]
    return _THEMATIC_BREAK_RE.search(lines) is None


def _numbered(item: Block) -> bool:
    """An item of a numbered list (« 2. vérifiez ensuite la version »): a step, not the end of a sentence."""
    if item.doc is None or not item.offsets:
        return False
    start = item.offsets[0]
    line_start = item.doc.source.rfind("\n", 0, start) + 1
    return _NUMBERED_ITEM_START_RE.search(item.doc.source, line_start, start) is not None


_AUXILIARY_FORMS = frozenset(
    {"a", "ai", "as", "avons", "avez", "ont", "avait", "avaient", "est", "sont", "était", "étaient", "sera", "seront"}
)


# A letter's or a message's greeting or closing, which no list item carries on (« Chers parents, », « Bonjour à
# tous, », « Madame, Monsieur, », « Bien cordialement, »).
_SALUTATION_RE = re.compile(
    r"(?i)\W*(?:(?:mes|mon|ma|très)\s+)?(?:re)?(?:bonjour|bonsoir|salut|hello|coucou|cher|chère|chers|chères|"
    r"madame|monsieur|mesdames|messieurs|mademoiselle|merci|(?:bien\s+|très\s+)?cordialement|amicalement|"
    r"bien\s+à\s+vous|bonnes?\s+(?:année|rentrée|journée|soirée|fêtes|vacances))\b"
)


def _opens_with_a_fragment(item: Block) -> bool:
    """Whether a list item's words up to its first sentence break hold no verb (« des autres pays. Il va de soi… »):
    they finish the lead-in's sentence. A word counts as a verb when it has a finite reading and none as a
    preposition, a conjunction or an adverb (« en plus », « entre », « soit »), and, if it may be a noun or an
    adjective too, does not follow a word that is only a determiner, nor a preposition (« sous réserve », « en
    ligne »): « la cantine est gratuite. », « la collecte passe le mardi. », « la mairie le confirme. » are
    sentences."""
    from checker.morphology import FINITE_TENSES, analyse_form

    sentence_break = _SENTENCE_BREAK_RE.search(item.text)
    end = sentence_break.start() if sentence_break else len(item.text)
    previous: tuple[Any, ...] = ()
    for token in item.tokens:
        if token.start >= end:
            break
        readings = tuple(analyse_form(token.text)) if token.kind == "word" else ()
        finite = any(r.tenses & FINITE_TENSES for r in readings)
        linking = any(r.pos & {"preposition", "conjunction", "adverb"} for r in readings)
        nominal = any(r.pos & {"noun", "adjective"} for r in readings)
        after_a_noun_opener = bool(previous) and (
            all("determiner" in r.pos for r in previous) or any("preposition" in r.pos for r in previous)
        )
        if finite and not linking and not (nominal and after_a_noun_opener):
            return False
        previous = readings
    return True


def _has_a_clear_verb(block: Block) -> bool:
    """Whether a word of the block reads only as a verb and is a conjugated form or an infinitive, or a participle
    after an auxiliary (« vous pouvez », « vérifier », « le conseil a décidé »); not a label (« Projets publiés »)."""
    from checker.morphology import FINITE_TENSES, analyse_form

    previous = ""
    for token in block.tokens:
        readings = analyse_form(token.text) if token.kind == "word" else ()
        if readings and all("verb" in r.pos for r in readings):
            finite = any("infinitive" in r.pos or r.tenses & FINITE_TENSES for r in readings)
            if finite or previous in _AUXILIARY_FORMS:
                return True
        previous = token.text.lower()
    return False


# The reader addressed as « tu », to whom an imperative missing its « s » would speak (« - Soumet ta candidature »);
# not « rendez-vous », nor « vous », whose imperative has no such error.
_SECOND_PERSON_RE = re.compile(r"(?i)(?<![\w’'])(?:(?:ton|ta|tes|te|toi|tu)(?![\w’'-])|t['’](?=\w))")
# A lead-in announcing orders (« Quelques conseils : », « À faire avant l’examen : »).
_ORDERS_ANNOUNCED_RE = re.compile(
    r"(?i)(?<![\w’'])(?:conseils?|consignes?|étapes?|astuces?|recommandations?|règles?|instructions?|procédure|"
    r"à faire|marche à suivre)(?![\w’'])"
)
# Verbs in the third person that no misspelt order can be: the imperatives are « sois », « sache », and « pouvoir »
# and « devoir » have none (« - N’est pas le retour au Minitel », « - Sait demander de l’aide »).
_DESCRIPTION_VERBS = frozenset({"est", "peut", "doit", "sait"})
# What an item may open with before its verb: « Ne sert pas », « N’est pas », « Ne se concentre », « S’engage ».
_REFLEXIVE_PRONOUNS = frozenset({"se", "s'", "s’"})
_BEFORE_AN_ITEM_VERB = _REFLEXIVE_PRONOUNS | {"ne", "n'", "n’"}


def _item_verb(block: Block) -> int | None:
    """The offset in the block of the verb an item opens with, after « ne » and « se » (None: no word)."""
    for token in block.tokens[:3]:
        if token.kind != "word":
            return None
        if token.text.lower() not in _BEFORE_AN_ITEM_VERB:
            return token.start
    return None


def _reflexive(block: Block) -> bool:
    """An item opening with « se » or « s’ » (after « ne »): « Ne se concentre pas », « Se laver les mains »."""
    return any(t.kind == "word" and t.text.lower() in _REFLEXIVE_PRONOUNS for t in block.tokens[:2])


def _may_be_an_order(word: str, reflexive: bool) -> bool:
    """A word that may give an order opening an item: an imperative (« prends », « ferme », « coupe ») or an
    infinitive (« ouvrir », « se laver »); after « se » only an infinitive (« Ne se concentre pas » describes)."""
    from checker.morphology import analyse_form

    return any("infinitive" in r.pos or ("imperative" in r.tenses and not reflexive) for r in analyse_form(word))


def _same_list(blocks: list[Block], index: int, list_items: list[bool]) -> list[int]:
    """The other items of an item's list at its level (its sub-items' lists left aside), up to a break."""
    level = blocks[index].level
    siblings: list[int] = []
    for step in (-1, 1):
        for j in _list_neighbours(blocks, index, list_items, step):
            if blocks[j].level < level:
                break
            if blocks[j].level == level:
                siblings.append(j)
    return siblings


def _in_a_list_of_descriptions(
    blocks: list[Block], index: int, list_items: list[bool], lead_in: int, speaks_as_tu: bool
) -> bool:
    """An item opening with its verb in a list another item of which opens with « est », « peut », « doit » or
    « sait » (after « ne »), which no misspelt order can be (« - N’est pas le retour au Minitel », « * Est agréé par
    les ministères »), and no item of which opens with a word that may give an order (an imperative, « Ferme »,
    « Prends », or an infinitive, « Ouvrir », « Se laver »): the items describe their heading's or
    lead-in's subject (« L’écoconception de service numérique : » then « - Ne sert pas uniquement à … »); « sert » and
    « répond » are not imperatives missing their « s » (eco-design mission's pages, stop 39). Not when an item, the
    lead-in or the parent item of a nested list speaks to the reader as « tu » (« - Prend le temps de te reposer »,
    « Pour t’inscrire : ») or announces orders (« Quelques conseils : »). Since stop 46, also a list whose lead-in
    names who acts (`_names_who_acts`: « #### Équipe produit » then « - Identifie … », « - Choisit … »), where an item
    that is a third person too (« Identifie ») gives no order, unless the document speaks to the reader as « tu »
    anywhere (`speaks_as_tu`)."""
    siblings = _same_list(blocks, index, list_items)
    introducers = _introducers(blocks, index, list_items, lead_in)
    if any(_ORDERS_ANNOUNCED_RE.search(blocks[j].text) for j in introducers):
        return False
    # A lead-in naming who acts (« #### Équipe produit », « Hébergeur : »): its items say what that one does, unless
    # the document speaks to the reader as « tu » anywhere (`speaks_as_tu`), where « Prend » may be an order.
    actor = not speaks_as_tu and lead_in >= 0 and _names_who_acts(blocks[lead_in])
    described = False
    for j in [index, *siblings, *introducers]:
        if _SECOND_PERSON_RE.search(blocks[j].text):
            return False
        at = _item_verb(blocks[j]) if j in siblings else None
        word = re.match(r"[\w-]+", blocks[j].text[at:]) if at is not None else None
        if word is None:
            continue
        if word.group().lower() in _DESCRIPTION_VERBS:
            described = True
        elif _may_be_an_order(word.group(), _reflexive(blocks[j])) and not (
            actor and _third_person_present(word.group())
        ):
            return False
    return described or actor


# Nouns of who acts: a team, a body, an office, a role (« Équipe produit », « Direction », « Le titulaire »); agent
# nouns in « -teur », « -trice », and masculine ones in « -eur » (« hébergeur », not « erreur », feminine) too.
_ACTING_BODIES = frozenset({
    "équipe", "direction", "service", "comité", "cellule", "pôle", "bureau", "agence", "ministère", "préfecture",
    "mairie", "responsable", "référent", "référente", "coach", "designer", "prestataire", "titulaire", "infogérant",
    "stagiaire", "candidat", "candidate", "bénéficiaire", "destinataire", "mandataire", "signataire", "fonctionnaire",
    "gestionnaire", "partenaire", "usager", "agent", "client", "élu", "maire", "préfet", "juge",
})  # fmt: skip
_AGENT_SUFFIX_RE = re.compile(r"(?:teur|trice|eur)$")
# A lead-in ending on « qui : » after a singular determiner and its noun phrase (`_names_who_acts` also wants no
# plural determiner in the sentence).
_SINGULAR_ANTECEDENT_OF_QUI_RE = re.compile(
    r"(?i)(?:(?<![^\W\d_])(?:tout|toute|chaque|un|une|le|la|ce|cet|cette)\s+|(?<![^\W\d_])l['’])"
    r"[^.;:!?]{1,80}?\s+qui\s*:$"
)
_PLURAL_DETERMINER_RE = re.compile(
    r"(?i)(?<![^\W\d_])(?:les|des|ces|aux|leurs|mes|tes|ses|nos|vos|tous|toutes|plusieurs|quelques|certaine?s"
    r"|nombreu(?:x|ses)|divers(?:es)?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|vingt|cent|mille)(?![^\W\d_])|\d"
)
_ARTICLES = frozenset({"le", "la", "l'", "l’", "un", "une"})  # singular: a plural actor takes no « Prend »
_GRAMMATICAL_WORDS = frozenset({"preposition", "adverb", "conjunction", "pronoun", "determiner"})


def _names_who_acts(block: Block) -> bool:
    """« #### Équipe produit », « Hébergeur / infogérant », « DNUM », « Ainsi, le titulaire : » : a heading or a line
    of at most six words without a sentence's punctuation (or the last words of a lead-in, before its colon) whose
    head names one person, team or body (an agent noun, an acronym, a name), or a lead-in ending on « qui : » after one
    singular antecedent (« toute personne morale … qui : », stop 49), so that the list after it says what
    that one does (the social ministries' documentation and the eco-design mission's pages, stop 46). « Pour bien
    démarrer », « Encore », « Au volant : », « Départ en vacances », « Erreurs fréquentes », « ATTENTION »,
    « #### Conseil », « Les candidats » (plural: « - Remplit » is wrong either way) name no one who acts."""
    text = block.text.strip()
    last_sentence = _SENTENCE_END_RE.split(text)[-1]
    if _SINGULAR_ANTECEDENT_OF_QUI_RE.search(last_sentence) and not _PLURAL_DETERMINER_RE.search(last_sentence):
        # « il s'agit de toute personne morale de droit public ou privé qui : » : each item goes on with the
        # relative clause, its verb agreeing with one antecedent (beta.gouv.fr's pages, stop 49); no plural
        # determiner, count or quantity in the sentence (« les associations de la ville qui : », « deux
        # associations qui : », « ses agents qui : » take « - Interviennent », « - Suivent »)
        return True
    if text.endswith(":"):  # « Ainsi, le titulaire : » : the subject that each item goes on with
        text = re.split(r"[,;]\s*", text.removesuffix(":").strip())[-1]
    if not text or re.search(r"[.!?;,«»\"()]", text) or _ORDERS_ANNOUNCED_RE.search(text):
        return False
    words: list[str] = re.findall(r"[^\W\d_][\w’'-]*", text)
    if not 1 <= len(words) <= 6 or {w.lower() for w in words} & _ADVICE_LABELS:
        return False
    head = words[1] if words[0].lower() in _ARTICLES and len(words) > 1 else words[0]
    lexicon = get_lexicon()
    if 2 <= len(head) <= 6 and head.isupper() and not lexicon.known(head.lower()):
        return True  # « DNUM », « DSI »; not « ATTENTION », « IMPORTANT »
    readings = analyse_form(head.lower())
    if not readings:
        return head[:1].isupper() and not head.isupper()  # a name
    nouns = [r for r in readings if "noun" in r.pos]
    return (
        bool(nouns)
        and not any(r.pos & _GRAMMATICAL_WORDS for r in readings)  # « Avant de partir »: a preposition too
        and any(r.numbers != frozenset({"p"}) for r in nouns)  # « Participants »: plural
        and (
            head.lower() in _ACTING_BODIES
            or (
                _AGENT_SUFFIX_RE.search(head.lower()) is not None
                and any("m" in r.genders for r in nouns)  # « hébergeur », not « erreur » (feminine)
            )
        )
    )


def _one_of_alternatives(blocks: list[Block], index: int, start: int, list_items: list[bool], lead_in: int) -> bool:
    """« L'API peut être : » then « - soit publique … » and « - soit privée … », « elle est soit publique, soit
    privée » : the conjunction « soit … soit », the second « soit » opening another item of a list introduced (by a
    lead-in or a parent item) on « être », or coming later in the block after a comma or « ou », not the imperative
    of « être » (the social ministries' documentation, stop 46). « Soit prudent. », « Ne soit pas en retard et soit
    poli. », « Le jour de l'oral : » then « - soit ponctuel ; - soit poli. » stay reported, and so does every
    « soit » of a document speaking to the reader as « tu » (the caller's check)."""
    text = blocks[index].text
    if text[start : start + 4] != "soit" or _NE_JUST_BEFORE_RE.search(text, max(0, start - 4), start):
        return False  # « Soit prudent », « Ne soit pas … » : lower case, the item goes on with its lead-in's sentence
    if re.search(r"(?:,|\bou)\s+soit(?![\w’'-])", text[start + 4 :]):
        return True
    if not list_items[index]:
        return False
    if not any(_BE_BEFORE_A_COLON_RE.search(blocks[j].text) for j in _introducers(blocks, index, list_items, lead_in)):
        return False
    return any(
        re.match(r"soit(?![\w’'-])", blocks[j].text[at:])
        for j in _same_list(blocks, index, list_items)
        if (at := _item_verb(blocks[j])) is not None
    )


# A lead-in or a parent item ending on « être », its colon or not (« L'API peut être : », « * Une API est »).
_BE_BEFORE_A_COLON_RE = re.compile(r"(?i)\b(?:est|sont|être|sera|seront|soit|soient)\s*:?\s*$")
_NE_JUST_BEFORE_RE = re.compile(r"(?i)(?:\bne\s+|\bn['’]\s*)$")


def _third_person_present(word: str) -> bool:
    """« Identifie », « Documente » : a present of the third person singular, also read as an imperative."""
    return any("present" in r.tenses and "3s" in r.persons for r in analyse_form(word.lower()))


def _introducers(blocks: list[Block], index: int, list_items: list[bool], lead_in: int) -> list[int]:
    """What introduces an item's list: the block before the list and, for a nested list, its parent item."""
    return [j for j in (lead_in, _parent_item(blocks, index, list_items)) if j >= 0]


def _parent_item(blocks: list[Block], index: int, list_items: list[bool]) -> int:
    """The item a nested item hangs from (-1 for a top-level item, or after a break)."""
    level = blocks[index].level
    return next((j for j in _list_neighbours(blocks, index, list_items, -1) if blocks[j].level < level), -1)


def _is_list_item(block: Block) -> bool:
    """A list item, quoted in a blockquote or not (« > 1. … »: the parser keeps the kind "quote")."""
    return block.kind == "list_item" or block.list_item_in_quote


def _direct_quotations(text: str) -> list[tuple[int, int]]:
    """The direct quotations of a block (an unclosed « runs to its end); straight double quotes only when they pair
    up and none follows a digit (« un écran de 27" puis après un 32" » are inches, not a quotation)."""
    spans = quotation_spans(text)
    if text.count('"') % 2 or re.search(r'\d"', text):
        spans = [(start, end) for start, end in spans if text[start] != '"']
    return spans


# French function words (« la », « en », « des », « son »): a run of italics holding one is French. Not « on »,
# English too (« *on-call* »).
_FRENCH_FUNCTION_WORDS = frozenset(
    DETERMINER_WORDS
    | {"à", "au", "aux", "de", "du", "des", "en", "et", "ou", "un", "une", "le", "la", "les", "il", "elle", "ne"}
)
_ITALIC_WORD_RE = re.compile(r"[^\W\d_]+")
# How much more frequent in French than in English a word of a foreign run may be (« conditions »: 0.3 Zipf).
_FOREIGN_RUN_FRENCH_MARGIN = 1.0


def _in_foreign_italics(block: Block, start: int, end: int) -> bool:
    """A match that touches a run of italics holding foreign words (« les *race conditions* », « *React 18 for
    Application Developers* »): French typography sets a quoted foreign term in italics, and the engine, reading it
    as French, finds agreements to make there (React's French documentation, stop 52)."""
    return any(a < end and start < b and _foreign_run(block.text[a:b]) for a, b in block.italics)


# Two or more capitalised words in a row (« Progressive Web Apps », « Boy Scouts »), apostrophes and hyphens inside.
_CAPITALISED_RUN_RE = re.compile(r"[A-ZÀ-ÖØ-Þ][\w’'-]*(?:[ \u00a0]+[A-ZÀ-ÖØ-Þ][\w’'-]*)+")


def _in_foreign_name(text: str, start: int, end: int) -> bool:
    """A match inside a name of capitalised English words, not in italics (« les Progressive Web Apps », « des Content
    Types », « la règle des Boy Scouts »): the engine reads its words as French and asks for agreements (web
    developers' blogs, stop 52). The same test as a run of italics; « les Nations Unies », « le Grand Paris » stay
    French."""
    for found in _CAPITALISED_RUN_RE.finditer(text, max(0, start - 60), min(len(text), end + 60)):
        if found.start() < end and start < found.end():
            words = found.group().split()
            while words and words[0].lower() in _FRENCH_FUNCTION_WORDS:  # « Les » opening the sentence
                words.pop(0)
            return len(words) >= 2 and _foreign_run(" ".join(words))
    return False


@lru_cache(maxsize=4096)
def _foreign_run(run: str) -> bool:
    """Every word is an English word too (Zipf ≥ 3 in English, at most one point below its French Zipf), one at least
    as frequent in English as in French, none a French function word; a single word must be clearly English
    (« *simple* » is French emphasis)."""
    from checker.frequencies import ENGLISH_MIN_ZIPF, is_english_or_shared, is_english_word, zipf_frequency

    words = _ITALIC_WORD_RE.findall(run)
    if not words or len(words) > 8 or any(w.lower() in _FRENCH_FUNCTION_WORDS for w in words):
        return False
    if len(words) == 1:
        return is_english_word(words[0])
    # « conditions » is a little more frequent in French, « grande » far more (« *grande table* » is French).
    if not all(
        (english := zipf_frequency(w.lower(), "en")) >= ENGLISH_MIN_ZIPF
        and english >= zipf_frequency(w.lower(), "fr") - _FOREIGN_RUN_FRENCH_MARGIN
        for w in words
    ) or not any(is_english_or_shared(w) for w in words):
        return False
    # English word order, the noun last: a French adjective ending the run makes it a French noun phrase
    # (« *sessions interactive* », « la Police National », « les Services Secret » stay checked; an adversarial read),
    # unless a word is clearly English or the last one is no French word (« Progressive Web Apps »).
    last = words[-1].lower()
    if any(is_english_word(w) for w in words) or not get_lexicon().known(last):
        return True
    return not any({"adjective", "participle"} & r.pos for r in analyse_form(last))


def _engine_findings(doc: Document, ctx: CheckContext, engines: list[Any]) -> list[Finding]:
    blocks: list[Block] = list(doc.blocks)
    pieces = [b.text for b in blocks]
    list_items = [_is_list_item(b) for b in blocks]
    lead_ins = _lead_ins(blocks, list_items)
    # A document speaking to the reader as « tu » somewhere: its verbs opening a sentence may be orders (stop 46).
    speaks_as_tu = any(_SECOND_PERSON_RE.search(block.text) for block in blocks)
    mapping = _mapping(tuple(ctx.rules.family("grammar")))
    not_prose = [[m.span() for m in _NOT_PROSE_RE.finditer(text)] for text in pieces]
    # Rules whose findings in a direct quotation are the speaker's words (a pleonasm quoted is not the writer's).
    outside_quotes = {r.id for r in ctx.rules.family("grammar") if r.outside_quotes}
    quotations: dict[int, list[tuple[int, int]]] = {}
    merged: dict[tuple[int, int, int], tuple[str, list[EngineMatch]]] = {}
    for engine in engines:
        try:
            matches = engine.check(pieces)
        except EngineUnavailable as exc:  # a configured server that stopped answering
            raise CheckerError(f"{_where(ctx.config)}moteur de grammaire {engine.name} : {exc}") from None
        label = engine.label
        if label not in ctx.engines_ran:
            ctx.engines_ran.append(label)
        for m in matches:
            rule_id = rule_for(m, mapping)
            if not ctx.enabled(rule_id):
                continue
            if any(start < m.end and m.start < end for start, end in not_prose[m.piece]):
                continue
            if _in_foreign_italics(blocks[m.piece], m.start, m.end):
                continue
            if _in_foreign_name(pieces[m.piece], m.start, m.end):
                continue
            if rule_id in outside_quotes:
                if m.piece not in quotations:
                    quotations[m.piece] = _direct_quotations(pieces[m.piece])
                if any(start <= m.start and m.end <= end for start, end in quotations[m.piece]):
                    continue
            if rule_id == CAPITALIZATION_RULE and (
                (m.start == 0 and _lower_case_item(blocks, m.piece, list_items, lead_ins))
                or (m.start == 0 and _sentence_going_on(blocks, m.piece, list_items, lead_ins))
                or _after_an_abbreviation(pieces[m.piece], m.start)
                or _software_spelling(pieces[m.piece][m.start : m.end])
                or _name_in_its_own_case(pieces[m.piece][m.start : m.end])
                or _name_joined_by_a_dot(pieces[m.piece], m.end)
                or bool(_PASTED_BULLET_RE.match(pieces[m.piece], m.start))
            ):
                continue
            if (
                rule_id in _VERB_FORM_PARTS
                and "__imp_" in m.engine_rule
                and list_items[m.piece]
                and m.start == _item_verb(blocks[m.piece])
                and _in_a_list_of_descriptions(blocks, m.piece, list_items, lead_ins[m.piece], speaks_as_tu)
            ):
                continue
            if (
                rule_id in _VERB_FORM_PARTS
                and "__imp_être" in m.engine_rule
                and not speaks_as_tu
                and _one_of_alternatives(blocks, m.piece, m.start, list_items, lead_ins[m.piece])
            ):
                continue
            if (
                rule_id in _VERB_FORM_PARTS
                and "__imp_verbe_" in m.engine_rule  # an ending (« prévient »), not a missing hyphen (« installez le »)
                and (
                    _after_a_named_term(blocks[m.piece], m.start, doc.masked)
                    or (
                        not speaks_as_tu
                        and not _SPEAKS_TO_THE_READER_RE.search(_sentence_at(blocks[m.piece], m.start))
                        and _says_what_a_thing_does(pieces[m.piece], m.start, m.end)
                    )
                    or (
                        not speaks_as_tu
                        and blocks[m.piece].kind == "paragraph"
                        and m.piece > 0
                        and blocks[m.piece - 1].kind in ("heading", "paragraph")
                        and m.start == _item_verb(blocks[m.piece])
                        and _names_who_acts(blocks[m.piece - 1])
                    )
                )
            ):
                continue
            if (
                rule_id in _CONJUGATION_PARTS
                and "__conj_les_nom" in m.engine_rule
                and _after_a_title_in_italics(blocks[m.piece], m.start)
            ):
                continue  # a work's title in italics (a helper's review, stop 47)
            if (
                rule_id == AGREEMENT_RULE
                and pieces[m.piece][m.start : m.end].lower() in DETERMINER_WORDS
                and _before_code(blocks[m.piece], m.end, doc.masked)
            ):
                continue  # « une `string` » : code has no gender or number to agree with (« les balise `<h2>` » has)
            key = (m.piece, m.start, m.end)
            if key in merged:
                merged[key][1].append(m)
            else:
                merged[key] = (rule_id, [m])
    findings: list[Finding] = []
    for (piece, start, end), (rule_id, matches) in _join_disagreeing_pairs(merged, pieces).items():
        block = blocks[piece]
        first = matches[0]
        engines_here = list(dict.fromkeys(m.engine for m in matches))
        suggestions = list(dict.fromkeys(s for m in matches for s in m.suggestions))
        data: dict[str, Any] = {"engine_rule": first.engine_rule, "engine_category": first.category}
        if len({m.engine for m in matches}) > 1:
            data["engine_rules"] = {m.engine: m.engine_rule for m in matches}
        findings.append(
            ctx.finding_in_block(
                rule_id,
                block,
                start,
                end,
                suggestions=suggestions,
                engine=", ".join(engines_here),
                data=data,
                detail=_clean_message(first.message, ctx.rules.get(rule_id)),
            )
        )
    return findings


# Grammalecte reports one disagreement of a noun phrase (« Le première », « une moteur ») as two errors of one rule,
# one on each word, each quoting the other: its rule id up to the action (« g3__gn_le_1m__b4 » of « …__b4_a1_1 »).
_PAIR_RULE_RE = re.compile(r"^(.*__b\d+)_a\d+_\d+$")
_PAIR_MAX_GAP = 40  # characters between the two words (an adverb, a quotation mark, « plus »)
_KIND_RE = re.compile(r"^Accord de (genre|nombre) erroné")


def _quotes(message: str, word: str) -> bool:
    return re.search(rf"[«“]\s*{re.escape(word)}\s*[»”]", message) is not None


def _joined(
    merged: dict[tuple[int, int, int], tuple[str, list[EngineMatch]]],
    text: str,
    piece: int,
    first_key: tuple[int, int, int],
    second_key: tuple[int, int, int],
) -> EngineMatch | None:
    """The two errors as one match, or None when they are not one disagreement (too far apart, or neither names
    the other word)."""
    if not 0 <= second_key[1] - first_key[2] <= _PAIR_MAX_GAP:
        return None
    (first,), (second,) = merged[first_key][1], merged[second_key][1]
    words = text[first.start : first.end], text[second.start : second.end]
    if words[0].lower() == words[1].lower():
        return None  # one word twice (« les voiture rouges et les voiture bleues »): two faults
    if not (_quotes(first.message, words[1]) or _quotes(second.message, words[0])):
        return None
    kind = _KIND_RE.match(first.message)
    what = f" en {kind.group(1)}" if kind else ""
    start, end = first_key[1], second_key[2]
    span = text[start:end]
    offset = second.start - start
    suggestions = tuple(
        [s + span[len(words[0]) :] for s in first.suggestions] + [span[:offset] + s for s in second.suggestions]
    )
    return EngineMatch(
        piece=piece, start=start, end=end, engine=first.engine, engine_rule=first.engine_rule,
        category=first.category, message=f"« {words[0]} » et « {words[1]} » ne s’accordent pas{what}.",
        suggestions=suggestions,
    )  # fmt: skip


def _join_disagreeing_pairs(
    merged: dict[tuple[int, int, int], tuple[str, list[EngineMatch]]], pieces: list[str]
) -> dict[tuple[int, int, int], tuple[str, list[EngineMatch]]]:
    """One finding over both words of a disagreeing pair, not two, one of them on the word that may be right: the
    span runs from the first word to the second, the message names both, and each suggestion corrects one word
    (« Le première » → « La première », « Le premier »)."""
    pairs: dict[tuple[int, str], list[tuple[int, int, int]]] = {}
    for key, (_, matches) in merged.items():
        rule = _PAIR_RULE_RE.match(matches[0].engine_rule) if len(matches) == 1 else None
        # Not after « en » (« passer en revue différent systèmes »): the bare noun is not the adjective's.
        if rule and matches[0].engine == "grammalecte" and "_pfx_en_" not in rule.group(1):
            pairs.setdefault((key[0], rule.group(1)), []).append(key)
    result = dict(merged)
    for (piece, _), keys in pairs.items():
        ordered = sorted(keys, key=lambda k: k[1])
        index = 0
        while index + 1 < len(ordered):  # two pairs of one rule in a paragraph: each joined on its own
            first_key, second_key = ordered[index], ordered[index + 1]
            joined = _joined(merged, pieces[piece], piece, first_key, second_key)
            if joined is None:
                index += 1
                continue
            index += 2
            rule_id = merged[first_key][0]
            del result[first_key], result[second_key]
            span = (piece, joined.start, joined.end)
            # An engine that reported the same two words (LanguageTool) is kept beside the joined pair.
            result[span] = (result[span][0], [*result[span][1], joined]) if span in result else (rule_id, [joined])
    return result


def _clean_message(message: str, rule: Rule | None = None) -> str:
    """The engine's message, on one line, without a first clause that repeats the rule's label
    ("Conjugaison : Conjugaison erronée. Accord avec…" becomes "Conjugaison : Accord avec…")."""
    text = " ".join(message.split())
    # Grammalecte quotes with “ ”; every other message of the tool uses « ».
    text = text.replace("“", "« ").replace("”", " »").replace("«  ", "« ").replace("  »", " »")
    if rule is not None:
        labels = [w for w in rule.message.split(" : ")[0].lower().split() if len(w) > 3]
        if any(text.lower().startswith(label) for label in labels):
            cut = min((i for i in (text.find(". "), text.find(" : ")) if i >= 0), default=-1)
            rest = text[cut + 2 :].strip(" :") if cut >= 0 else ""
            if rest:
                text = rest[0].upper() + rest[1:]
    if not text:
        return "vérifiez ce passage."
    return text if text.endswith((".", "!", "?", "…")) else text + "."
