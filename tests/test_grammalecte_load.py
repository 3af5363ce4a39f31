"""Grammalecte's lexicon read from the data cache (checker/engines/grammalecte_engine.py) is the lexicon
graphspell reads from its JSON file. Speed is measured in bench/ (section peer)."""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any

from checker.engines import grammalecte_engine


def _public(dictionary: Any) -> dict[str, Any]:
    """An IBDAWG's data attributes (its bound decoding functions left out)."""
    return {k: v for k, v in vars(dictionary).items() if not callable(v)}


def test_the_decoded_lexicon_is_the_json_file() -> None:
    grammalecte_engine.import_grammalecte()  # Debian's directory, at the end of sys.path
    ibdawg = importlib.import_module("grammalecte.graphspell.ibdawg")
    path = Path(ibdawg.__file__).parent / "_dictionaries" / grammalecte_engine.MAIN_DICTIONARY
    decoded = grammalecte_engine.decoded_dictionary()  # built and stored on the first call, read back after
    again = grammalecte_engine.decoded_dictionary()
    from_file = json.loads(path.read_text(encoding="utf-8"))
    assert decoded == from_file and again == from_file
    assert len(from_file["lByDic"]) > 500_000


def test_the_engine_spell_checker_has_the_lexicon_graphspell_loads() -> None:
    engine = grammalecte_engine.get_engine()
    loaded = engine.spell_checker().oMainDic
    ibdawg = importlib.import_module("grammalecte.graphspell.ibdawg")
    reference = ibdawg.IBDAWG(grammalecte_engine.MAIN_DICTIONARY)
    assert _public(loaded) == _public(reference)
    for word in ("mangeait", "Azerbaïdjan", "agritech", "l’innovation", "sont"):
        assert loaded.isValid(word) == reference.isValid(word)
        assert loaded.getMorph(word) == reference.getMorph(word)
