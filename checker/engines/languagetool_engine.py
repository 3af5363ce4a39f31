"""LanguageTool through `language_tool_python`: a server the user points at with
`languagetool-url`, or a local LanguageTool the library manages (only when one is already
installed: this module never downloads anything and never contacts a server the user did
not configure — in particular not the public API).

The document is sent as LanguageTool "annotated text" (the documented `data` parameter of
POST /v2/check): one `text` piece per block of visible text, separated by `markup` pieces
interpreted as paragraph breaks. LanguageTool reports offsets in that annotated document,
counted in UTF-16 code units (Java strings); `map_offset` turns them back into
(piece, character offset), which the grammar check maps through the block's offset map.
"""

from __future__ import annotations

import bisect
import json
import os
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from checker.engines import EngineMatch, EngineUnavailable
from checker.errors import errno_reason

NAME = "languagetool"
LANGUAGE = "fr"
SEPARATOR = {"markup": "\n\n", "interpretAs": "\n\n"}
# Spelling and typography have their own families: do not ask LanguageTool for them.
DISABLED_CATEGORIES = ("TYPOS", "TYPOGRAPHY")
BATCH_CHARS = 20_000  # LanguageTool servers limit the text length of one request
SKIPPED_ISSUE_TYPES = frozenset({"misspelling", "typographical", "whitespace"})


def utf16_len(text: str) -> int:
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


class AnnotatedText:
    """The `data` JSON for a list of pieces, and the way back from LanguageTool's offsets."""

    def __init__(self, pieces: Sequence[str]) -> None:
        self.pieces = list(pieces)
        annotation: list[dict[str, str]] = []
        self.starts: list[int] = []  # UTF-16 offset where each piece starts
        pos = 0
        for i, text in enumerate(self.pieces):
            if i:
                annotation.append(dict(SEPARATOR))
                pos += utf16_len(SEPARATOR["markup"])
            self.starts.append(pos)
            if text:
                annotation.append({"text": text})
            pos += utf16_len(text)
        self.length = pos
        self.data = json.dumps({"annotation": annotation}, ensure_ascii=False)
        self.plain = "\n\n".join(self.pieces)

    def map_offset(self, offset: int) -> tuple[int, int]:
        """(piece index, character offset in the piece) of a UTF-16 offset of the annotated text."""
        index = max(0, bisect.bisect_right(self.starts, offset) - 1)
        rel = offset - self.starts[index]
        text = self.pieces[index]
        if rel <= 0:
            return index, 0
        if utf16_len(text) == len(text):
            return index, rel
        units = 0
        for chars, ch in enumerate(text):
            if units >= rel:
                return index, chars
            units += 2 if ord(ch) > 0xFFFF else 1
        return index, len(text) + (rel - units)

    def span(self, offset: int, length: int) -> tuple[int, int, int] | None:
        """(piece, start, end) of a LanguageTool match, or None when it falls outside one piece."""
        piece, start = self.map_offset(offset)
        piece_end, end = self.map_offset(offset + max(length, 0))
        text = self.pieces[piece]
        if piece_end != piece:
            end = len(text)
        if not 0 <= start < end <= len(text):
            return None
        return piece, start, end


def local_installation() -> str | None:
    """The version of a LanguageTool already installed for language_tool_python, if any."""
    if os.environ.get("LTP_JAR_DIR_PATH"):
        return "jar-dir"
    folder = Path(os.environ.get("LTP_PATH", str(Path.home() / ".cache" / "language_tool_python")))
    if not folder.is_dir():
        return None
    versions = sorted(p.name.removeprefix("LanguageTool-") for p in folder.glob("LanguageTool-*") if p.is_dir())
    return versions[-1] if versions else None


def _client_class(timeout: float) -> type:
    import language_tool_python
    from language_tool_python.exceptions import LanguageToolError

    class Client(language_tool_python.LanguageTool):
        _TIMEOUT = timeout  # type: ignore[assignment]  # seconds for each HTTP request (the library's default is 300)

        def check_annotated(self, data: str) -> list[dict[str, Any]]:
            """POST /v2/check with `data` (annotated text) instead of `text`."""
            import urllib.parse

            params = self._create_params("")
            params.pop("text", None)
            params["data"] = data
            response = self._query_server(urllib.parse.urljoin(self._url, "check"), params, method="post")
            if not isinstance(response, dict) or not isinstance(response.get("matches"), list):
                raise LanguageToolError(f"{self._url} : réponse inattendue : {str(response)[:200]}")
            return list(response["matches"])

    return Client


class LanguageToolEngine:
    name = NAME

    def __init__(self, url: str | None, timeout: float = 20.0) -> None:
        self.url = url
        try:
            from language_tool_python.exceptions import LanguageToolError
        except ImportError as exc:
            raise EngineUnavailable(f"language-tool-python n’est pas installé : {exc}") from None
        errors: tuple[type[BaseException], ...] = (LanguageToolError, OSError, ValueError)
        cls = _client_class(timeout)
        try:
            if url:
                self.client = cls(LANGUAGE, remote_server=url)
            else:
                version = local_installation()
                import shutil  # here: only a local LanguageTool needs it

                if version is None or shutil.which("java") is None:
                    raise EngineUnavailable(
                        "LanguageTool indisponible : pas d’installation locale (avec Java) ni de serveur configuré ; "
                        "indiquez languagetool-url dans [tool.checker.grammar] (par exemple http://localhost:8081)"
                    )
                kwargs = {} if version == "jar-dir" else {"language_tool_download_version": version}
                self.client = cls(LANGUAGE, **kwargs)
        except EngineUnavailable:
            raise
        except errors as exc:
            where = url or "LanguageTool local"
            raise EngineUnavailable(f"LanguageTool injoignable à {where} : {_one_line(exc)}") from None
        except Exception as exc:  # whatever the library raises, never a traceback
            where = url or "LanguageTool local"
            raise EngineUnavailable(
                f"LanguageTool indisponible à {where} : {type(exc).__name__}: {_one_line(exc)}"
            ) from None
        self.client.disabled_categories = set(DISABLED_CATEGORIES)
        self.label = NAME

    def check(self, pieces: Sequence[str]) -> list[EngineMatch]:
        """Check the pieces in as few requests as possible (batches of whole pieces up to
        BATCH_CHARS characters, to stay under a server's maximum text length)."""
        matches: list[EngineMatch] = []
        for first, batch in _batches(pieces):
            matches.extend(replace(m, piece=m.piece + first) for m in self._check(batch))
        return matches

    def _check(self, pieces: Sequence[str]) -> list[EngineMatch]:
        annotated = AnnotatedText(pieces)
        if not annotated.plain.strip():
            return []
        try:
            raw = self.client.check_annotated(annotated.data)
        except Exception as exc:
            raise EngineUnavailable(
                f"la requête à LanguageTool a échoué ({self.url or 'serveur local'}) : {_one_line(exc)}"
            ) from None
        matches = []
        for m in raw:
            try:
                rule = m.get("rule") or {}
                category = (rule.get("category") or {}).get("id", "")
                issue = str(rule.get("issueType", ""))
                if category in DISABLED_CATEGORIES or issue in SKIPPED_ISSUE_TYPES:
                    continue
                where = annotated.span(int(m["offset"]), int(m["length"]))
            except (KeyError, TypeError, ValueError, AttributeError):
                continue
            if where is None:
                continue
            piece, start, end = where
            replacements = tuple(
                str(r["value"]) for r in m.get("replacements") or () if isinstance(r, dict) and r.get("value")
            )
            matches.append(
                EngineMatch(
                    piece=piece,
                    start=start,
                    end=end,
                    engine=NAME,
                    engine_rule=str(rule.get("id", "")),
                    category=str(category),
                    message=str(m.get("message") or m.get("shortMessage") or ""),
                    suggestions=replacements[:8],
                    issue_type=issue,
                )
            )
        return matches


def _batches(pieces: Sequence[str]) -> list[tuple[int, list[str]]]:
    """(index of the first piece, pieces) groups of at most BATCH_CHARS characters (a longer
    piece goes alone)."""
    out: list[tuple[int, list[str]]] = []
    current: list[str] = []
    first = size = 0
    for i, text in enumerate(pieces):
        if current and size + len(text) > BATCH_CHARS:
            out.append((first, current))
            current, first, size = [], i, 0
        current.append(text)
        size += len(text) + 2
    if current:
        out.append((first, current))
    return out


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    # A connection failure is buried in urllib3's repr: the OS reason is what the user needs.
    os_reason = re.search(r"\[Errno (-?\d+)\] ([^'\")\]]+)", text)
    if os_reason:
        return errno_reason(int(os_reason.group(1)), os_reason.group(2).strip())
    if "timed out" in text.lower():
        return "délai dépassé (timeout de [tool.checker.grammar])"
    return text[:300] or type(exc).__name__


@lru_cache(maxsize=8)
def get_engine(url: str | None, timeout: float) -> LanguageToolEngine:
    """One client per server and timeout for the whole process (a local server starts once)."""
    return LanguageToolEngine(url, timeout)
