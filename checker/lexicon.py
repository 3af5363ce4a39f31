"""The French lexicon behind the spelling check: "is this a word?" and "what did the writer mean?".

Sources, each optional and loaded lazily on first use:
- Grammalecte's graphspell lexicon (Dicollecte's word list, "toutes variantes": every conjugation,
  plural, feminine, compound, elided form), already loaded with the grammar engine: the authority
  for known words when Grammalecte is installed.
- Hunspell `fr_FR` "toutes variantes" (Debian hunspell-fr-comprehensive) through pyhunspell, built from
  the same Dicollecte word list (they differ on a few forms): the authority when Grammalecte is not installed (its
  dictionary takes about 0.1 s of CPU to load, which a run with Grammalecte no longer spends).
- pyspellchecker's French frequency list: the words and counts behind the suggestions (a SymSpell
  index, `checker/suggest.py`, computed only for reported findings), and the lexicon of last resort
  when neither of the others is installed.
"""

from __future__ import annotations

import os
import unicodedata
from functools import cached_property, lru_cache
from typing import Any

from checker.suggest import distance, unaccent

HUNSPELL_DIRS = ("/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts")
HUNSPELL_NAMES = ("fr_FR", "fr", "fr-toutesvariantes", "fr-classique")
MAX_SUGGESTIONS = 5
CACHE_SIZE = 200_000
MAX_WORD_LENGTH = 100  # never look up longer strings
MAX_SUGGESTION_LENGTH = 40  # no suggestion for longer words (edit-distance work grows with length)

# Capitals are often written without their accent in French ("Etat", "Ecole", "A la une").
_UNACCENTED_CAPITALS = {
    "E": ("É", "È", "Ê"),
    "A": ("À", "Â"),
    "I": ("Î",),
    "O": ("Ô",),
    "U": ("Ù", "Û"),
    "C": ("Ç",),
}


def _hunspell_paths() -> tuple[str, str] | None:
    for directory in HUNSPELL_DIRS:
        for name in HUNSPELL_NAMES:
            dic, aff = os.path.join(directory, name + ".dic"), os.path.join(directory, name + ".aff")
            if os.path.isfile(dic) and os.path.isfile(aff):
                return dic, aff
    return None


def variants(word: str) -> list[str]:
    """Spellings to try for a word: NFC, both apostrophes, œ/æ written oe/ae, unaccented capital."""
    word = unicodedata.normalize("NFC", word)
    out = [word]
    if "'" in word:
        out.append(word.replace("'", "’"))
    if "’" in word:
        out.append(word.replace("’", "'"))
    for w in list(out):
        if "oe" in w.lower() or "ae" in w.lower():
            out.append(w.replace("oe", "œ").replace("Oe", "Œ").replace("OE", "Œ").replace("ae", "æ").replace("Ae", "Æ"))
    if word[:1] in _UNACCENTED_CAPITALS:
        out.extend(accented + word[1:] for accented in _UNACCENTED_CAPITALS[word[0]])
    return list(dict.fromkeys(out))


class Lexicon:
    """French word list with lazy back ends. Use `get_lexicon()` for the shared instance."""

    def __init__(self, use_hunspell: bool = True, use_graphspell: bool = True) -> None:
        self._use_hunspell = use_hunspell
        self._use_graphspell = use_graphspell
        self.unavailable: dict[str, str] = {}
        self._known_cache: dict[str, bool] = {}
        self._suggest_cache: dict[str, tuple[str, ...]] = {}

    # ------------------------------------------------------------------ back ends

    @cached_property
    def hunspell(self) -> Any | None:
        if not self._use_hunspell:
            self.unavailable["hunspell"] = "désactivé"
            return None
        try:
            import hunspell
        except ImportError as exc:
            self.unavailable["hunspell"] = f"pyhunspell n’est pas installé ({exc}) : pip install 'checker[hunspell]'"
            return None
        paths = _hunspell_paths()
        if paths is None:
            reason = "pas de dictionnaire Hunspell français (paquet Debian hunspell-fr-comprehensive)"
            self.unavailable["hunspell"] = reason
            return None
        try:
            return hunspell.HunSpell(*paths)
        except Exception as exc:
            self.unavailable["hunspell"] = f"impossible de charger {paths[0]} : {exc}"
            return None

    def hunspell_problem(self) -> str | None:
        """Why Hunspell cannot be used, or None, without loading its dictionary when it was not needed."""
        if "hunspell" not in self.__dict__:  # not loaded yet: the same checks, short of loading
            import importlib.util

            if self._use_hunspell and importlib.util.find_spec("hunspell") is not None and _hunspell_paths():
                return None
        if self.hunspell is None:
            return self.unavailable.get("hunspell", "indisponible")
        return None

    @cached_property
    def graphspell(self) -> Any | None:
        if not self._use_graphspell:
            self.unavailable["graphspell"] = "désactivé"
            return None
        try:
            from checker.engines import EngineUnavailable, grammalecte_engine

            # Grammalecte's engine's own spell checker, shared with the grammar check and the morphology.
            try:
                shared = grammalecte_engine.get_engine().spell_checker()
            except EngineUnavailable:
                shared = None
            if shared is not None:
                return shared

            grammalecte_engine.import_grammalecte()
            from grammalecte.graphspell.spellchecker import SpellChecker

            return SpellChecker("fr")
        except Exception as exc:
            self.unavailable["graphspell"] = f"lexique de Grammalecte indisponible : {exc}"
            return None

    @cached_property
    def pyspell(self) -> Any:
        return load_pyspell()

    @property
    def sources(self) -> list[str]:
        names = []
        if self.hunspell is not None:
            names.append("hunspell")
        if self.graphspell is not None:
            names.append("graphspell")
        names.append("pyspellchecker")
        return names

    # ------------------------------------------------------------------ look-ups

    def known(self, word: str) -> bool:
        """Whether the lexicon knows the word (cached: each distinct word is looked up once)."""
        cached = self._known_cache.get(word)
        if cached is None:
            if len(self._known_cache) > CACHE_SIZE:
                self._known_cache.clear()
            cached = self._known_cache[word] = self._known_uncached(word)
        return cached

    def _known_uncached(self, word: str) -> bool:
        if len(word) > MAX_WORD_LENGTH:
            return False
        forms = variants(word)
        # Grammalecte's lexicon when it is installed (loaded with the grammar engine in every run), Hunspell's
        # only without it or when Grammalecte's look-up fails: on the 20,077 forms of corpus/, fixtures/,
        # tests/data/ and bench/data/, Hunspell accepted 3 more (« MCE », « Saint-Ouen-sur-Seine »,
        # « chef-d'œuvres »; bench/faq_morphology.py), no finding there changed, and a run is spared its
        # dictionary (bench/README.md).
        g = self.graphspell
        if g is not None:
            answered = False
            for form in forms:
                try:
                    if g.isValidToken(form):
                        return True
                    answered = True
                except Exception:  # a look-up error means "not known here"
                    continue
            if answered:
                return False
        h = self.hunspell
        if h is not None:
            for form in forms:
                try:
                    if h.spell(form):
                        return True
                except (UnicodeError, ValueError):
                    continue
        if h is None and g is None:
            dictionary = self.pyspell.word_frequency.dictionary
            return any(form.lower() in dictionary for form in forms)
        return False

    def frequency(self, word: str) -> int:
        """The word's count in pyspellchecker's French frequency list (0 when absent)."""
        from checker.suggest import get_index

        return get_index().count(word)

    def close_words(self, word: str) -> list[str]:
        """Known words one edit away, most frequent first (the SymSpell index, checker/suggest.py)."""
        from checker.suggest import get_index

        lower = word.lower()
        if len(lower) > MAX_SUGGESTION_LENGTH:
            return []
        found = [(c, n) for c, d, n in get_index().candidates(lower, 1) if d == 1 and self.known(c)]
        found.sort(key=lambda item: (-item[1], item[0]))
        return [c for c, _ in found]

    def suggest(self, word: str) -> list[str]:
        """Up to 5 corrections from the SymSpell index (checker/suggest.py: known words within two
        edits, accent slips first, then the closest and most frequent), a few milliseconds a word.
        Cached per word."""
        cached = self._suggest_cache.get(word)
        if cached is None:
            if len(self._suggest_cache) > CACHE_SIZE:
                self._suggest_cache.clear()
            cached = self._suggest_cache[word] = self._suggest_uncached(word)
        return list(cached)

    def _suggest_uncached(self, word: str) -> tuple[str, ...]:
        from checker.suggest import get_index

        if len(word) > MAX_SUGGESTION_LENGTH:
            return ()
        bare = unaccent(word.lower())
        limit = 3 if len(bare) >= 10 else 2
        out: list[str] = []
        for candidate, _, _ in get_index().candidates(word):
            if len(out) == MAX_SUGGESTIONS:
                break
            if "'" not in word:  # French typography: the curly apostrophe, unless the writer uses straight ones
                candidate = candidate.replace("'", "’")
            if (
                candidate.lower() != word.lower()
                and distance(bare, unaccent(candidate.lower())) <= limit
                and self.known(candidate)
            ):
                out.append(_match_case(word, candidate))
        return tuple(dict.fromkeys(out))


def load_pyspell() -> Any:
    """`SpellChecker(language="fr", distance=1)`, its word list read from the data cache
    (`checker.datacache`: a marshal of the lower-cased {word: count} it builds from its gzipped
    JSON, 0.1 s less in a new process) when that is on and pyspellchecker is laid out as expected."""
    from spellchecker import SpellChecker

    from checker import datacache

    if datacache.enabled():
        try:
            import spellchecker

            checker = SpellChecker(language=None, distance=1, case_sensitive=False)
            frequencies = checker.word_frequency
            if not frequencies._dictionary and callable(getattr(frequencies, "_update_dictionary", None)):
                version = str(getattr(spellchecker, "__version__", "unknown"))
                words = datacache.load_or_build("pyspellchecker-fr", version, _pyspell_words, _is_word_counts)
                frequencies._dictionary.update(words)  # what load_json does once it has lower-cased the keys
                frequencies._update_dictionary()
                return checker
        except Exception:  # any surprise: the library's own loading
            pass
    return SpellChecker(language="fr", distance=1, case_sensitive=False)


def _pyspell_words() -> dict[str, int]:
    from spellchecker import SpellChecker

    return dict(SpellChecker(language="fr", distance=1, case_sensitive=False).word_frequency.dictionary)


def _is_word_counts(value: Any) -> bool:
    if not isinstance(value, dict) or not value:
        return False
    key, val = next(iter(value.items()))
    return isinstance(key, str) and isinstance(val, int)




def _match_case(original: str, suggestion: str) -> str:
    if original[:1].isupper() and suggestion[:1].islower():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


@lru_cache(maxsize=1)
def get_lexicon() -> Lexicon:
    return Lexicon()
