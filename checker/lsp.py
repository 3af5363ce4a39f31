"""`checker lsp`: a language server over stdio (pygls) for Markdown, HTML and plain text.

Diagnostics are published when a document is opened, changed (debounced) and saved; their ranges are
the findings' exact source spans in the position encoding agreed with the client (UTF-16 unless the
client offers another). Code actions apply a finding's safe fix, or add an unknown word to the
project's word list; hovering a finding shows its rule's explanation. The configuration is found as
the CLI finds it (the nearest `.checker.toml` or `pyproject.toml` with `[tool.checker]` above the
file), read again for every check so edits to it apply at once. Linting runs in one worker thread
that keeps the grammar engine and word lists loaded for the whole session.
"""

from __future__ import annotations

import asyncio
import bisect
import logging
import re
import tomllib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from checker import __version__
from checker.config import Config, find_config
from checker.errors import CheckerError
from checker.explanations import explanation
from checker.findings import Edit, Finding
from checker.paths import ARTICLE_SUFFIXES, safe_resolve
from checker.report import SEVERITY_FR
from checker.rule_packs import load_rules

log = logging.getLogger("checker.lsp")

DEBOUNCE_SECONDS = 0.4
ADD_WORD_COMMAND = "checker.ajouterAuDictionnaire"
FIX_ALL_KIND = "source.fixAll.checker"
LANGUAGE_FORMATS = {"markdown": "markdown", "html": "html", "plaintext": "text", "text": "text"}
SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
DEFAULT_WORDLIST = "mots.txt"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # the three line ends LSP counts


class LineIndex:
    """Source offsets (code points) ↔ LSP positions (line, character in the agreed code units)."""

    def __init__(self, text: str, encoding: str = types.PositionEncodingKind.Utf16) -> None:
        self.text = text
        self.encoding = encoding
        self.starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]

    def _units(self, chunk: str) -> int:
        if self.encoding == types.PositionEncodingKind.Utf8:
            return len(chunk.encode("utf-8"))
        if self.encoding == types.PositionEncodingKind.Utf32:
            return len(chunk)
        return len(chunk) + sum(1 for ch in chunk if ord(ch) > 0xFFFF)  # surrogate pairs

    def position(self, offset: int) -> types.Position:
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        return types.Position(line=line, character=self._units(self.text[self.starts[line] : offset]))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(end))

    def offset(self, position: types.Position) -> int:
        if position.line >= len(self.starts):
            return len(self.text)
        start = self.starts[position.line]
        stop = self.starts[position.line + 1] if position.line + 1 < len(self.starts) else len(self.text)
        line = self.text[start:stop].rstrip("\r\n")
        units = 0
        for i, ch in enumerate(line):
            if units >= position.character:
                return start + i
            units += self._units(ch)
        return start + len(line)


@dataclass
class Linted:
    """The findings of one version of a document, with the text they were computed on."""

    version: int | None
    text: str
    findings: list[Finding]
    index: LineIndex


def document_format(language_id: str | None, path: str) -> str | None:
    """markdown, html or text from the client's language id; None lets the parser guess from the path."""
    return LANGUAGE_FORMATS.get(language_id or "")


def config_for(path: Path) -> Config:
    """The configuration the CLI would use for this file, read again (it may have just been edited)."""
    find_config.cache_clear()
    return find_config(safe_resolve(path).parent)


def excluded(path: Path, config: Config) -> bool:
    return any(path.match(pattern) for pattern in config.exclude)


def lint_for_editor(text: str, path: str, fmt: str | None) -> list[Finding]:
    from checker.lint import lint_text

    config = config_for(Path(path))
    if excluded(Path(path), config):
        return []
    return lint_text(text, config, path=path, fmt=fmt).findings


def diagnostic(finding: Finding, index: LineIndex, uri: str, number: int) -> types.Diagnostic:
    related = []
    for rel in finding.related:
        start = _offset_of_line_column(index.text, rel["line"], rel["column"])
        related.append(
            types.DiagnosticRelatedInformation(
                location=types.Location(uri=uri, range=index.range(start, start + len(rel["text"]))),
                message=f"voir : « {rel['text']} »",
            )
        )
    message = finding.message
    if finding.suggestions:
        message += " Suggestion : " + " | ".join(finding.suggestions[:5])
    return types.Diagnostic(
        range=index.range(finding.start, finding.end),
        message=message,
        severity=SEVERITY.get(finding.severity, types.DiagnosticSeverity.Warning),
        code=finding.rule_id,
        source="checker",
        related_information=related or None,
        data={"finding": number},
    )


def _offset_of_line_column(text: str, line: int, column: int) -> int:
    """The source offset of a finding's 1-based line:column (lines end at \\n, as in checker's findings)."""
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    return starts[min(line, len(starts)) - 1] + column - 1


def hover_text(findings: list[Finding]) -> str:
    rules = load_rules()
    parts = []
    for f in findings:
        rule = rules.get(f.rule_id)
        part = f"**{f.rule_id}** ({SEVERITY_FR.get(f.severity, f.severity)}) — {f.message}"
        if f.suggestions:
            part += "\n\nSuggestion : " + " | ".join(f"« {s} »" for s in f.suggestions[:5])
        if rule is not None:
            part += f"\n\n{explanation(rule)}"
        parts.append(part)
    return "\n\n---\n\n".join(parts)


# ---------------------------------------------------------------- the project's word list


def add_word_to_project(folder: Path, word: str, root: Path | None = None) -> Path:
    """Append `word` to the word list of the configuration that applies to files in `folder` (found as the
    CLI finds it). A configuration without a word list gets `wordlist = "mots.txt"`; without any
    configuration, a `.checker.toml` is created at the workspace root (or in `folder`). Returns the list."""
    config_file = _config_file(folder)
    if config_file is None:
        config_file = (root if root is not None and _inside(folder, root) else folder) / ".checker.toml"
        config_file.write_text(
            f'# Configuration de checker (voir son README)\nwordlist = "{DEFAULT_WORDLIST}"\n', encoding="utf-8"
        )
        wordlist = config_file.parent / DEFAULT_WORDLIST
    else:
        table = _checker_table(config_file)
        if "wordlist" in table:
            from checker.config import inside_project

            # The list a configuration names stays inside the project, as for the CLI.
            named = Path(str(table["wordlist"]))
            wordlist = inside_project(named, config_file.parent, table, "wordlist", str(config_file))
        else:
            _declare_wordlist(config_file)
            wordlist = config_file.parent / DEFAULT_WORDLIST
    from checker.safe_io import read_regular_file

    # A regular file of bounded size only: appending to a FIFO or a device would block or never end.
    existing = read_regular_file(wordlist, what="liste de mots").decode("utf-8", "replace") if wordlist.exists() else ""
    if word not in {line.strip() for line in existing.splitlines()}:
        separator = "" if not existing or existing.endswith("\n") else "\n"
        with wordlist.open("a", encoding="utf-8") as out:
            out.write(f"{separator}{word}\n")
    find_config.cache_clear()
    return wordlist


def _inside(folder: Path, root: Path) -> bool:
    try:
        safe_resolve(folder).relative_to(safe_resolve(root))
    except ValueError:
        return False
    return True


def _config_file(folder: Path) -> Path | None:
    for candidate_folder in (safe_resolve(folder), *safe_resolve(folder).parents):
        for name in (".checker.toml", "pyproject.toml"):
            candidate = candidate_folder / name
            if candidate.is_file() and (name == ".checker.toml" or "checker" in _tool_tables(candidate)):
                return candidate
        if (candidate_folder / ".git").exists():
            break  # the CLI does not look above the repository root either
    return None


def _read_reason(exc: Exception) -> str:
    from checker.errors import os_reason, toml_reason

    if isinstance(exc, tomllib.TOMLDecodeError):
        return f"TOML invalide : {toml_reason(exc)}"
    if isinstance(exc, UnicodeDecodeError):
        return "pas en UTF-8"
    return os_reason(exc)


def _tool_tables(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise CheckerError(f"{path}: lecture de la configuration impossible : {_read_reason(exc)}") from None
    tool = data.get("tool", {})
    return tool if isinstance(tool, dict) else {}


def _checker_table(path: Path) -> dict[str, Any]:
    if path.name == "pyproject.toml":
        table = _tool_tables(path).get("checker", {})
        return table if isinstance(table, dict) else {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise CheckerError(f"{path}: lecture de la configuration impossible : {_read_reason(exc)}") from None


def _declare_wordlist(path: Path) -> None:
    """Add `wordlist = "mots.txt"` as a key of the checker table without rewriting the rest of the file:
    first line of a .checker.toml (always top level), or just under `[tool.checker]`."""
    text = path.read_text(encoding="utf-8")
    line = f'wordlist = "{DEFAULT_WORDLIST}"\n'
    if path.name == "pyproject.toml":
        header = re.search(r"(?m)^\[tool\.checker\][ \t]*(?:#.*)?\r?\n", text)
        if header is None:  # [tool.checker] written inline (tool = {checker = {...}}): leave it to the user
            raise CheckerError(f'{path}: ajoutez wordlist = "{DEFAULT_WORDLIST}" à [tool.checker] à la main')
        text = text[: header.end()] + line + text[header.end() :]
    else:
        text = line + text
    path.write_text(text, encoding="utf-8")


# ---------------------------------------------------------------- the server


class CheckerServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("checker", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        # One thread: the engines are loaded once and stay warm; checks of successive versions queue up.
        self.linter = ThreadPoolExecutor(max_workers=1, thread_name_prefix="checker-lint")
        self.linted: dict[str, Linted] = {}
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.running: set[asyncio.Task[None]] = set()
        self.debounce = DEBOUNCE_SECONDS

    @property
    def encoding(self) -> str:
        return str(self.workspace.position_encoding or types.PositionEncodingKind.Utf16)

    def schedule(self, uri: str, delay: float) -> None:
        handle = self.pending.pop(uri, None)
        if handle is not None:
            handle.cancel()
        self.pending[uri] = asyncio.get_running_loop().call_later(max(delay, 0), self._start_check, uri)

    def _start_check(self, uri: str) -> None:
        self.pending.pop(uri, None)
        task = asyncio.get_running_loop().create_task(self.check(uri))
        self.running.add(task)  # a reference until it is done, or the loop may drop it
        task.add_done_callback(self.running.discard)

    async def check(self, uri: str) -> None:
        document = self.workspace.get_text_document(uri)
        text, version = document.source, document.version
        path = document.path or to_fs_path(uri) or uri
        loop = asyncio.get_running_loop()
        bom = text.startswith("\ufeff")
        try:
            fmt = document_format(document.language_id, path)
            if fmt is None and Path(path).suffix.lower() not in ARTICLE_SUFFIXES:
                return  # not an article (a client that sends every document): nothing to say about it
            findings = await loop.run_in_executor(self.linter, lint_for_editor, text[1:] if bom else text, path, fmt)
        except CheckerError as exc:  # a bad configuration or rule pack: said once per check, in one line
            self.window_show_message(types.ShowMessageParams(types.MessageType.Error, f"checker : {exc}"))
            findings = []
        except Exception as exc:  # a bug must not stop the server: one line, and the next check may succeed
            log.exception("la vérification de %s a échoué", uri)
            message = f"checker : erreur interne : {type(exc).__name__}: {exc}"
            self.window_show_message(types.ShowMessageParams(types.MessageType.Error, message))
            findings = []
        if self.workspace.text_documents.get(uri) is None or document.version != version:
            return  # closed, or changed meanwhile: the newer version has its own check coming
        if bom:  # offsets into the text without its byte order mark
            for f in findings:
                f.start, f.end = f.start + 1, f.end + 1
                f.fix = [Edit(edit.start + 1, edit.end + 1, edit.replacement) for edit in f.fix]
        index = LineIndex(text, self.encoding)
        self.linted[uri] = Linted(version, text, findings, index)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri, version=version, diagnostics=[diagnostic(f, index, uri, i) for i, f in enumerate(findings)]
            )
        )

    def current(self, uri: str) -> Linted | None:
        """The findings of the document as the client has it now, or None when they are out of date."""
        linted = self.linted.get(uri)
        document = self.workspace.text_documents.get(uri)
        if linted is None or document is None or document.version != linted.version:
            return None
        return linted

    def recheck_all(self) -> None:
        for uri in list(self.workspace.text_documents):
            self.schedule(uri, 0)


server = CheckerServer()


@server.feature(types.INITIALIZED)
def initialized(ls: CheckerServer, params: types.InitializedParams) -> None:
    from checker.lint import lint_text

    # Load the grammar engine, lexicons and rule packs now, not on the writer's first keystroke.
    ls.linter.submit(lint_text, "Les discussions ont porté sur la coopération régionale.", Config(), "warm-up.md")


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: CheckerServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: CheckerServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, ls.debounce)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: CheckerServer, params: types.DidSaveTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: CheckerServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    handle = ls.pending.pop(uri, None)
    if handle is not None:
        handle.cancel()
    ls.linted.pop(uri, None)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: CheckerServer, params: types.HoverParams) -> types.Hover | None:
    linted = ls.current(params.text_document.uri)
    if linted is None:
        return None
    at = linted.index.offset(params.position)
    here = [f for f in linted.findings if f.start <= at < f.end or f.start == f.end == at]
    if not here:
        return None
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=hover_text(here)),
        range=linted.index.range(here[0].start, here[0].end),
    )


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll, FIX_ALL_KIND]
    ),
)
def code_action(ls: CheckerServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    linted = ls.current(uri)
    if linted is None:
        return []
    index = linted.index
    start, end = index.offset(params.range.start), index.offset(params.range.end)
    only = params.context.only
    actions: list[types.CodeAction] = []
    for number, f in enumerate(linted.findings):
        if not (f.start <= end and start <= f.end):
            continue
        diag = diagnostic(f, index, uri, number)
        if f.fix:
            label = f"« {f.suggestions[0]} »" if f.suggestions else "la correction sûre"
            actions.append(
                types.CodeAction(
                    title=f"Corriger ({f.rule_id}) : {label}",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diag],
                    is_preferred=True,
                    edit=types.WorkspaceEdit(changes={uri: _text_edits(f.fix, index)}),
                )
            )
        if f.family == "spelling" and f.text.strip():
            title = f"Ajouter « {f.text} » au dictionnaire du projet"
            actions.append(
                types.CodeAction(
                    title=title,
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diag],
                    command=types.Command(title=title, command=ADD_WORD_COMMAND, arguments=[uri, f.text]),
                )
            )
    fixes = [edit for f in linted.findings for edit in f.fix]
    if fixes:
        actions.append(
            types.CodeAction(
                title=f"Appliquer les {len(fixes)} correction(s) sûre(s) du document (checker)",
                kind=FIX_ALL_KIND,
                edit=types.WorkspaceEdit(changes={uri: _text_edits(fixes, index)}),
            )
        )
    if only:
        actions = [a for a in actions if a.kind is not None and any(_kind_within(a.kind, k) for k in only)]
    return actions


def _kind_within(kind: str, wanted: str) -> bool:
    return kind == wanted or kind.startswith(wanted + ".")


def _text_edits(edits: list[Edit], index: LineIndex) -> list[types.TextEdit]:
    """Non-overlapping edits in source order (an overlapping one is left for the next round)."""
    out: list[types.TextEdit] = []
    last_end = -1
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start < last_end:
            continue
        out.append(types.TextEdit(range=index.range(edit.start, edit.end), new_text=edit.replacement))
        last_end = edit.end
    return out


@server.command(ADD_WORD_COMMAND)
def add_word(ls: CheckerServer, uri: str, word: str) -> str:
    path = to_fs_path(uri)
    if not path:
        raise CheckerError(f"{uri}: pas un fichier de l’espace de travail")
    root = to_fs_path(ls.workspace.root_uri) if ls.workspace.root_uri else None
    try:
        wordlist = add_word_to_project(Path(path).parent, word, Path(root) if root else None)
    except (CheckerError, OSError) as exc:
        ls.window_show_message(types.ShowMessageParams(types.MessageType.Error, f"checker : {exc}"))
        return ""
    ls.window_show_message(types.ShowMessageParams(types.MessageType.Info, f"« {word} » ajouté à {wordlist}"))
    ls.recheck_all()
    return str(wordlist)


def serve() -> None:
    logging.basicConfig(level=logging.WARNING, format="checker lsp: %(levelname)s: %(message)s")
    server.start_io()
