"""Spelling: words the French lexicon does not know (see checker/lexicon.py).

What is never flagged: elided articles and pronouns (l’, d’, qu’, jusqu’… with either
apostrophe: the tokenizer splits them off), numbers and words with digits, acronyms and words
with inner capitals (OTAN, iPhone), capitalised words inside a sentence (proper nouns), Roman
numerals (XXIe), parts of domain names, file names, handles and hashtags, hyphenated compounds
whose parts are all known, œ/æ written oe/ae, unaccented capitals (Etat), words the article writes
as inline code (`dnsmasq`), newsroom words the lexicons lack (checker/data/newsroom-words-fr.txt: ndlr,
franceinfo, twittos…), and the project's word list (`words` / `wordlist` in the configuration,
case-insensitive).

A capitalised word opening a sentence is flagged only when it is unknown, appears nowhere
else capitalised inside a sentence, and a known word is one edit away (a typo rather than a name).

Suggestions (a SymSpell index, checker/suggest.py, a few milliseconds a word) are computed only
for the findings that are reported: a finding masked, de-duplicated or suppressed inline costs none.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from checker.context import CheckContext
from checker.document import Block, Document, Token
from checker.findings import Finding
from checker.frequencies import is_english, is_english_or_shared, word_frequency, zipf_frequency
from checker.lexicon import Lexicon, get_lexicon
from checker.paths import package_files
from checker.suggest import distance, unaccent

RULE = "spelling.unknown-word"
FOREIGN_RULE = "spelling.foreign-passage"
NAME_RULE = "spelling.name-typo"
MAX_WORD_LENGTH = 60  # longer "words" are not prose; French words, even compounds, are far shorter
COMMON_WORD_COUNT = 1000  # pyspellchecker frequency of a common word

_ROMAN = re.compile(r"^[IVXLCDM]+(?:e|er|re|ère|es|ème|èmes|nd|nde)?$")
_SENTENCE_OPENERS = frozenset('«“"(—–-:;…[')
_GLUE_BEFORE = frozenset("@#/\\_.~$€£%&=+*^|·")
_GLUE_AFTER = frozenset("@/\\_~=+*^|")
_HYPHENS = re.compile(r"[-\u2010\u2011]")
# Titles written before a name: the period after them does not open a sentence (« M. Foote »).
_HONORIFICS = frozenset({"M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Dr", "Pr", "Me", "Mgr"})
_CODE_WORD = re.compile(r"[^\W\d_][\w-]*")


CODED_RULES = frozenset((RULE, FOREIGN_RULE, NAME_RULE))
# A word the writer spells the same way this many times is a term of the article (a software name, a coined
# word explained in the text), not a typo: typos are rarely repeated identically.
TERM_MIN_COUNT = 3
# Established in French text (wordfreq Zipf scale): every word judged a real typo on the corpus is below 3.0,
# but « vendée » (3.85, a known word one edit away) and « sub-atomique » (3.46, hyphenated).
ESTABLISHED_MIN_ZIPF = 3.6
_SOFT_HYPHEN = "\u00ad"
# Between two words of one English passage: spaces, hyphens, apostrophes, a comma or a colon.
_PASSAGE_GAP = re.compile(r"[ \u00a0\u202f\-'’,:]*")


def check(doc: Document, ctx: CheckContext) -> list[Finding]:
    want_unknown, want_foreign, want_names = ctx.enabled(RULE), ctx.enabled(FOREIGN_RULE), ctx.enabled(NAME_RULE)
    if not (want_unknown or want_foreign or want_names):
        return []
    lexicon = get_lexicon()
    project = {w.lower() for w in ctx.config.words} | _code_words(doc) | newsroom_words()
    candidates: list[tuple[Block, Token, bool]] = []
    capitalised_inside: set[str] = set()
    capitalised_anywhere: set[str] = set()
    counts: dict[str, int] = {}
    names: list[tuple[Block, Token]] = []
    for block in doc.blocks:
        starts = _sentence_initial_tokens(block)
        for i, tok in enumerate(block.tokens):
            if tok.kind != "word":
                continue
            word = tok.text
            counts[word.lower()] = counts.get(word.lower(), 0) + 1
            if word[:1].isupper() and block.kind not in ("title", "description"):
                capitalised_anywhere.add(word)  # a title's capital is typographic, not a name's
            if _skipped(word, block.text, tok) or word.lower() in project:
                continue
            initial = i in starts
            if word[0].isupper() and not initial:
                capitalised_inside.add(word)
                names.append((block, tok))
                continue  # a proper noun
            if _in_name(block, i):
                continue  # « of », « and » in « Empress of Ireland », « Gordon and Betty Moore Foundation »
            candidates.append((block, tok, initial))

    unknown: list[tuple[Block, Token, bool]] = []
    for block, tok, initial in candidates:
        word = tok.text
        if _known(word, lexicon, project) or _soft_hyphen_part_of_known(block.text, tok, lexicon, project):
            continue
        if (
            initial
            and word[0].isupper()
            and (
                word in capitalised_inside
                or _followed_by_name(block, tok)
                or _name_as_subject(block, tok, lexicon)
                or not _looks_like_typo(word, lexicon)
            )
        ):
            continue  # most likely a name opening the sentence (« Mitt Romney », « Kito de Pavant »)
        if (
            _identifier(word)
            or _snake_case_name(word, lexicon)
            or _quoted_term(block.text, tok)
            or _prefixed_known(word, lexicon)
        ):
            continue
        if counts.get(word.lower(), 0) >= TERM_MIN_COUNT and word.capitalize() not in capitalised_anywhere:
            continue  # the article's own term; « vendée » next to « Vendée » stays a case typo
        if word.islower() and _derived_from_name(word, capitalised_inside):
            continue  # « wikipédiens » next to « Wikipédia », « macronie » next to « Macron »
        unknown.append((block, tok, initial))
    passages = _english_passages(unknown)
    in_passage = {(id(block), tok.start) for block, tokens in passages for tok in tokens}
    findings: list[Finding] = []
    if want_names:
        findings.extend(_name_typos(doc, ctx, names, project))
    if want_foreign:
        for block, tokens in passages:
            findings.append(ctx.finding_in_block(FOREIGN_RULE, block, tokens[0].start, tokens[-1].end))
    if not want_unknown:
        return findings
    for block, tok, _initial in unknown:
        word = tok.text
        if (id(block), tok.start) in in_passage:
            continue  # reported once, as an untranslated passage
        if (is_english(word) or _established(word)) and not lexicon.close_words(word):
            continue  # an English word cited as such (« workshop »), a brand or format in lowercase (« skype »)
        # Suggestions are computed only for the findings that are reported (SymSpell index, checker/suggest.py).
        finding = ctx.finding_in_block(RULE, block, tok.start, tok.end, hint="")
        findings.append(ctx.defer(finding, _suggestions_for(ctx, block, tok, lexicon)))
    # Hunspell decides only without Grammalecte's lexicon (checker/lexicon.py): its absence matters only then.
    if candidates and lexicon.graphspell is None and (problem := lexicon.hunspell_problem()) is not None:
        ctx.engines_unavailable.setdefault("hunspell", problem)
    return findings


@lru_cache(maxsize=50_000)
def _established(word: str) -> bool:
    """A word French text uses often (« facebook », « skype », « pdf ») though the lexicon lacks it: with no
    French word one edit away, a name or loanword written in lowercase, not a typo (typos are rare in text).
    Hyphenated words are left out: « sub-atomique » is frequent, and still a spelling to fix."""
    return "-" not in word and zipf_frequency(word.lower(), "fr") >= ESTABLISHED_MIN_ZIPF


def _english_passages(unknown: list[tuple[Block, Token, bool]]) -> list[tuple[Block, list[Token]]]:
    """Runs of at least two English words around the unknown ones: one untranslated passage each."""
    passages: list[tuple[Block, list[Token]]] = []
    covered: set[tuple[int, int]] = set()
    for block, tok, _initial in unknown:
        if (id(block), tok.start) in covered or not is_english(tok.text):
            continue
        tokens = block.tokens
        index = next(i for i, t in enumerate(tokens) if t.start == tok.start)
        first = last = index
        while first > 0 and _joins(block.text, tokens[first - 1], tokens[first]):
            first -= 1
        while last + 1 < len(tokens) and _joins(block.text, tokens[last], tokens[last + 1]):
            last += 1
        run = [t for t in tokens[first : last + 1] if t.kind == "word"]
        while run and not is_english(run[0].text):
            run.pop(0)
        while run and not is_english(run[-1].text):
            run.pop()
        if sum(is_english(t.text) for t in run) >= 2:
            passages.append((block, run))
            covered.update((id(block), t.start) for t in run)
    return passages


def _joins(text: str, left: Token, right: Token) -> bool:
    """Whether two neighbouring tokens belong to one English passage."""
    if left.kind == "punct" or right.kind == "punct":
        return False
    # A word at least as frequent in English as in French (« brown », « fox »: also names in French) does
    # not end an English passage, though it does not start one.
    if not (is_english_or_shared(left.text) and is_english_or_shared(right.text)):
        return False
    return _PASSAGE_GAP.fullmatch(text[left.end : right.start]) is not None


_NAME_PARTICLES = frozenset({"de", "du", "des", "da", "di", "van", "von", "ben", "ag", "al", "el", "bin", "ibn"})
# Written solid (prévalidé) or hyphenated; short ones (co-, re-, dé-) only hyphenated, or « comission » would
# pass as co + mission.
_SOLID_PREFIXES = ("pré", "pre", "auto", "contre", "anti", "inter", "sous", "sur")
# Learned combining forms of scientific and technical vocabulary, written solid (hydrométéorologie).
_LEARNED_PREFIXES = (
    "hydro", "géo", "bio", "électro", "thermo", "radio", "photo", "micro", "macro", "multi", "néo", "post",
    "semi", "socio", "psycho", "cyber", "éco", "agro", "aéro", "hyper", "super", "ultra", "méga", "poly",
    "mono", "proto", "pseudo", "rétro", "trans", "nano", "paléo", "méta", "péri", "vidéo",
)  # fmt: skip
_HYPHEN_PREFIXES = ("co-", "re-", "ré-", "dé-", "pré-", "auto-", "contre-", "anti-", "inter-", "sous-", "sur-")


def _followed_by_name(block: Block, tok: Token) -> bool:
    """The capitalised word is followed by another capitalised one, perhaps after a particle: a full name."""
    following = [t for t in block.tokens if t.start >= tok.end][:3]
    if following and following[0].kind == "word" and following[0].text in _NAME_PARTICLES:
        following = following[1:]
    return bool(following) and following[0].kind == "word" and following[0].text[:1].isupper()


def _prefixed_known(word: str, lexicon: Lexicon) -> bool:
    """A regular derivative with a productive prefix, written solid or hyphenated (prévalidé, co-construite),
    a learned combining form before a long known word (hydrométéorologie), or a regular suffix: -able on a
    verb of the first group (opérationnalisable), -abilité on an adjective in -able (explicabilité)."""
    low = word.lower().replace("\u2010", "-").replace("\u2011", "-")
    for prefix in (*_HYPHEN_PREFIXES, *_SOLID_PREFIXES):
        if low.startswith(prefix):
            rest = low[len(prefix) :]
            if len(rest) >= 4 and lexicon.known(rest):
                return True
    for prefix in _LEARNED_PREFIXES:
        # A long rest only: « télévison » is not « télé » + « vison ».
        rest = low[len(prefix) :]
        if low.startswith(prefix) and len(rest) >= 7 and rest[0].isalpha() and lexicon.known(rest):
            return True
    for ending in ("ables", "able"):
        stem = low[: -len(ending)]
        # « mangeable », « remplaçable » keep e and ç: « mangable » stays a typo.
        if low.endswith(ending) and len(stem) >= 4 and stem[-1] not in "gc" and lexicon.known(stem + "er"):
            return True
    for ending in ("abilités", "abilité"):
        if low.endswith(ending) and len(low) > len(ending) + 3 and lexicon.known(low[: -len(ending)] + "able"):
            return True
    return False


def _derived_from_name(word: str, names: set[str]) -> bool:
    """A lower-case word longer than a name of the document and sharing its first letters (at least 5,
    accents aside): a derivative of that name (juppéiste ← Juppé, wikipédiens ← Wikipédia)."""
    bare = unaccent(word)
    for name in names:
        stem = unaccent(name.lower())
        size = min(len(stem), 8)
        if size >= 5 and len(bare) > len(stem) - 1 and bare != stem and bare[:size] == stem[:size]:
            return True
    return False


def _in_name(block: Block, index: int) -> bool:
    """A lower-case word between two capitalised ones: a link word of a proper name."""
    tokens = block.tokens
    if not tokens[index].text.islower() or index == 0 or index + 1 >= len(tokens):
        return False
    before, after = tokens[index - 1], tokens[index + 1]
    return before.kind == after.kind == "word" and before.text[:1].isupper() and after.text[:1].isupper()


def _soft_hyphen_part_of_known(text: str, tok: Token, lexicon: Lexicon, project: set[str]) -> bool:
    """A fragment of a word cut by an invisible soft hyphen (U+00AD, « pre\u00admier »): the whole word is checked."""
    start, end = tok.start, tok.end
    if not (text[start - 1 : start] == _SOFT_HYPHEN or text[end : end + 1] == _SOFT_HYPHEN):
        return False
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == _SOFT_HYPHEN):
        start -= 1
    while end < len(text) and (text[end].isalpha() or text[end] == _SOFT_HYPHEN):
        end += 1
    whole = text[start:end].replace(_SOFT_HYPHEN, "")
    return _known(whole, lexicon, project) or whole[:1].isupper()


_IDENTIFIER = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+){2,}")


def _identifier(word: str) -> bool:
    """A code-like identifier: lower-case ASCII parts joined by hyphens (node-oidc-provider)."""
    return _IDENTIFIER.fullmatch(word) is not None


_SNAKE_CASE = re.compile(r"[a-z0-9]+(?:_[a-z0-9]+)+")


def _snake_case_name(word: str, lexicon: Lexicon) -> bool:
    """A folder's or a field's name, lower-case ASCII parts joined by underscores (« etablissements_scolaires »,
    « nss_ldap »; schema pages, stop 37); not a hyphen typed as an underscore (« au_dessus », « week_end »: the
    hyphenated word is known; « peut_être » is not ASCII), which stays reported."""
    return _SNAKE_CASE.fullmatch(word) is not None and not lexicon.known(word.replace("_", "-"))


def _quoted_term(text: str, tok: Token) -> bool:
    """A word cited between guillemets or quotes on its own or in a short quotation (« scoring »): a term
    mentioned, often foreign, not a word of the writer's prose."""
    for opening, closing in (("«", "»"), ("“", "”"), ('"', '"')):
        left = text.rfind(opening, max(0, tok.start - 40), tok.start)
        if left < 0:
            continue
        right = text.find(closing, tok.end, tok.end + 40)
        if right < 0 or closing in text[left + 1 : tok.start] or opening in text[tok.end : right]:
            continue
        if len(text[left + 1 : right].split()) <= 3:
            return True
    return False


# Letters tried in one-edit variants of a name (lower case: the capital initial is kept).
_NAME_LETTERS = "abcdefghijklmnopqrstuvwxyzéèëïöü"
MIN_NAME_LENGTH = 5
# wordfreq Zipf frequencies (French): the misspelling is (almost) never written, the name is common. The same
# ceiling in English marks names of their own (« Jupyter », « Spacy »), except after a first name.
MAX_TYPO_ZIPF = 1.0
MIN_NAME_ZIPF = 2.5


def _name_typos(
    doc: Document, ctx: CheckContext, candidates: list[tuple[Block, Token]], project: set[str]
) -> list[Finding]:
    """Capitalised unknown words one edit away from a name of the lexicon (« Obbama » → « Obama »).
    A real unknown name is left alone: the word must occur once in the document, or the known name
    must occur in it too, and exactly one name must be one edit away."""
    lexicon = get_lexicon()
    source = doc.source
    counts: dict[str, int] = {}
    for _, tok in candidates:
        counts[tok.text] = counts.get(tok.text, 0) + 1
    findings: list[Finding] = []
    verdicts: dict[str, str | None] = {}
    for block, tok in candidates:
        word = tok.text
        if word not in verdicts:
            verdicts[word] = _name_for(word, lexicon, project, source, counts[word])
        name = verdicts[word]
        # A word English text uses is a name of its own (« Jupyter », « Spacy »), unless a first name comes before:
        # then it is a person's surname misspelt (« George Washinton », « Nelson Mandella »).
        if name is not None and not (_english_attested(word) and not _after_first_name(block, tok)):
            findings.append(ctx.finding_in_block(NAME_RULE, block, tok.start, tok.end, suggestions=[name]))
    return findings


def _english_attested(word: str) -> bool:
    return zipf_frequency(word.lower(), "en") >= MAX_TYPO_ZIPF


def _after_first_name(block: Block, tok: Token) -> bool:
    """Whether the word follows a first name (« Nelson Mandella »)."""
    from checker.morphology import is_first_name

    index = next(i for i, t in enumerate(block.tokens) if t.start == tok.start)
    previous = block.tokens[index - 1] if index else None
    return (
        previous is not None
        and previous.kind == "word"
        and block.text[previous.end : tok.start].isspace()
        and is_first_name(previous.text)
    )


def _name_for(word: str, lexicon: Lexicon, project: set[str], source: str, count: int) -> str | None:
    if len(word) < MIN_NAME_LENGTH or not word.isalpha() or word.lower() in project or lexicon.known(word):
        return None
    if _zipf(word) >= MAX_TYPO_ZIPF:
        return None  # a name French text uses (« Romney », « Oumar »), even if the lexicon lacks it
    # The frequency first: one look-up, where the morphology of the hundreds of candidates that are no
    # word at all took most of the spelling family's time on real articles.
    names = [n for n in _one_edit(word) if _zipf(n) >= MIN_NAME_ZIPF and _is_name(n)]
    if len(names) != 1:
        return None
    name = names[0]
    if count > 1 and not re.search(rf"(?<!\w){re.escape(name)}(?!\w)", source):
        return None  # written the same way several times: a name of its own
    return name


def _zipf(word: str) -> float:
    frequency = word_frequency(word)
    return math.log10(frequency * 1e9) if frequency > 0 else 0.0


def _one_edit(word: str) -> list[str]:
    head, tail = word[0], word[1:]
    out: set[str] = set()
    for i in range(len(tail) + 1):
        left, right = tail[:i], tail[i:]
        if right:
            out.add(head + left + right[1:])
            for ch in _NAME_LETTERS:
                out.add(head + left + ch + right[1:])
        if len(right) > 1:
            out.add(head + left + right[1] + right[0] + right[2:])
        for ch in _NAME_LETTERS:
            out.add(head + left + ch + right)
    out.discard(word)
    return sorted(out)


def _is_name(candidate: str) -> bool:
    from checker.morphology import analyse_form

    return any("proper_noun" in r.pos for r in analyse_form(candidate))


def _suggestions_for(ctx: CheckContext, block: Block, tok: Token, lexicon: Lexicon) -> Callable[[Finding], None]:
    """The suggestions and the message that names the first one, for a reported finding."""

    def complete(finding: Finding) -> None:
        suggestions = lexicon.suggest(tok.text)
        if suggestions:
            hint = f" Vouliez-vous écrire « {suggestions[0]} » ?"
            done = ctx.finding_in_block(RULE, block, tok.start, tok.end, suggestions=suggestions, hint=hint)
            finding.suggestions = done.suggestions
            finding.message = done.message

    return complete


_NOMINAL_CLASSES = frozenset({"noun", "adjective"})


def _name_as_subject(block: Block, tok: Token, lexicon: Lexicon) -> bool:
    """A capitalised word opening a sentence right before a conjugated verb (« Filip a commencé ») is its
    subject, without a determiner: a name. A typo of a common noun would still need its article
    (« Le gouvernemnt a »), so when every known word one edit away is a noun or an adjective, the word is a
    name the lexicon lacks, not a typo. A typo of another word class (« Malgrès », « Ensuiite ») or an accent
    slip (« Icone floue ») stays."""
    from checker.morphology import FINITE_TENSES, analyse_word

    # A subjunctive needs « que » before it, never a bare subject opening the sentence.
    indicative = FINITE_TENSES - {"subjunctive"}
    following = next((t for t in block.tokens if t.start >= tok.end), None)
    if following is None or following.kind != "word":
        return False
    if not any(r.tenses & indicative for r in analyse_word(following.text.lower())):
        return False
    neighbours = lexicon.close_words(tok.text)
    if any(unaccent(n) == unaccent(tok.text.lower()) for n in neighbours):
        return False  # an accent slip (« Icone » → icône) is a typo
    return bool(neighbours) and all(
        (readings := analyse_word(n)) and all(r.pos <= _NOMINAL_CLASSES for r in readings) for n in neighbours
    )


def _looks_like_typo(word: str, lexicon: Lexicon) -> bool:
    """A capitalised unknown word opening a sentence is a typo rather than a name when a common
    word is one edit away, accents aside ("Malgrès" → malgré, "Ensuiite" → ensuite)."""
    if lexicon.close_words(word):
        return True
    bare = unaccent(word.lower())
    for suggestion in lexicon.suggest(word)[:3]:
        if lexicon.frequency(suggestion) >= COMMON_WORD_COUNT and distance(bare, unaccent(suggestion.lower())) <= 1:
            return True
    return False


@lru_cache(maxsize=1)
def newsroom_words() -> frozenset[str]:
    """checker/data/newsroom-words-fr.txt: press abbreviations (ndlr), media names written in lower case
    (franceinfo), social-media words (twittos) that the lexicons lack, lower-cased."""
    text = (package_files("checker") / "data" / "newsroom-words-fr.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _code_words(doc: Document) -> set[str]:
    """Words the article writes as inline code somewhere (`dnsmasq`): identifiers, also where they
    appear as plain text, lower-cased."""
    words: set[str] = set()
    for start, end in doc.masked:
        span = unicodedata.normalize("NFC", doc.source[start:end])  # as the prose reads it (checker.parse)
        if span.startswith("`") and "\n" not in span.strip("`"):
            words.update(w.lower() for w in _CODE_WORD.findall(span))
    return words


def _sentence_initial_tokens(block: Block) -> set[int]:
    """Indices (in block.tokens) of the first word of each sentence or quoted clause."""
    out: set[int] = set()
    starts = {s.start for s in block.sentences}
    previous: Token | None = None
    before_previous: Token | None = None
    for i, tok in enumerate(block.tokens):
        after_title = (
            previous is not None
            and previous.text == "."
            and before_previous is not None
            and before_previous.text in _HONORIFICS
        )
        if tok.kind == "word" and (
            tok.start in starts
            or previous is None
            or (previous.kind == "punct" and previous.text in _SENTENCE_OPENERS)
            or (previous.kind == "punct" and previous.text in ".!?" and not after_title)
        ):
            out.add(i)
        before_previous, previous = previous, tok
    return out


def _skipped(word: str, text: str, tok: Token) -> bool:
    """Tokens that are not French words to look up."""
    if len(word) < 2 or word[-1] in "'’":
        return True  # single letters, elided articles and pronouns (l’, qu’, jusqu’…)
    if len(word) > MAX_WORD_LENGTH:
        return True  # not a word of prose (a pasted hash, a run of letters)
    if any(ch.isdigit() for ch in word):
        return True
    letters = [ch for ch in word if ch.isalpha()]
    if sum(ch.isupper() for ch in letters[1:]) > 0:
        return True  # acronyms (OTAN, ONU), inner capitals (iPhone, McKinsey)
    if _ROMAN.match(word):
        return True
    before = text[tok.start - 1] if tok.start > 0 else ""
    after = text[tok.end] if tok.end < len(text) else ""
    if before.isdigit():
        return True  # ordinals and units glued to a number (1er, 2e, 3D, 10km)
    if before in _GLUE_BEFORE or after in _GLUE_AFTER:
        return True  # handles, hashtags, paths, identifiers
    # domain or file names (example.com, rapport.pdf)
    return after == "." and tok.end + 1 < len(text) and text[tok.end + 1].isalnum()


def _known(word: str, lexicon: Lexicon, project: set[str]) -> bool:
    if lexicon.known(word):
        return True
    if "’" in word or "'" in word:
        head, _, tail = word.replace("’", "'").partition("'")
        # "aujourd’hui"-like words are in the lexicon; otherwise an elision glued to a word.
        if head.lower() in {"l", "d", "qu", "j", "m", "t", "s", "n", "c", "jusqu", "lorsqu", "puisqu", "quoiqu"}:
            return not tail or _known(tail, lexicon, project)
    parts = [p for p in _HYPHENS.split(word) if p]
    if len(parts) > 1:
        return all(
            p.lower() in project or p[0].isupper() or len(p) == 1 or lexicon.known(p) or lexicon.known(p + "-")
            for p in parts
        )
    return False
