"""Grammar engines: Grammalecte (in-process, offline) and LanguageTool (HTTP server).

An engine takes the visible text of the document's blocks ("pieces") and returns
`EngineMatch`es whose offsets are relative to one piece, so the grammar check can map
them back through the blocks' offset maps to exact source positions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class EngineMatch:
    piece: int  # index of the piece (block) the match is in
    start: int  # offsets in that piece's text, end exclusive
    end: int
    engine: str  # "grammalecte" or "languagetool"
    engine_rule: str  # the engine's own rule id
    category: str  # the engine's category (Grammalecte option, LanguageTool category id)
    message: str
    suggestions: tuple[str, ...] = ()
    issue_type: str = ""  # LanguageTool's issueType (misspelling, typographical, grammar…)


class EngineUnavailable(Exception):
    """The engine cannot run here (not installed, not configured, not reachable)."""


class Engine(Protocol):
    """A grammar engine: `check` takes the visible text of the blocks and returns matches whose
    offsets are relative to one piece. A new engine implements this and joins `checks/grammar.py`'s
    choice of engines."""

    @property
    def name(self) -> str:
        """ "grammalecte" or "languagetool": the value of EngineMatch.engine."""
        ...

    @property
    def label(self) -> str:
        """What the report's summary shows (e.g. the engine and its version)."""
        ...

    def check(self, pieces: Sequence[str]) -> list[EngineMatch]: ...
