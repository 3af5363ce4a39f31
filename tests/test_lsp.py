"""`checker lsp` end to end: the installed command spawned as an editor would, spoken to over stdio
by a real LSP client (tests/lsp_client.py)."""

from __future__ import annotations

import json
import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from lsp_client import LspClient
from lsprotocol import types

from checker.cli import main
from checker.lsp import LineIndex, add_word_to_project

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "fixtures" / "israel-azerbaidjan.md"
CHECKER = str(Path(sys.executable).with_name("checker"))


def utf16_position(text: str, offset: int) -> dict[str, int]:
    """The LSP position of a code-point offset, computed independently of the server."""
    before = text[:offset]
    line = before.count("\n")
    column = before[before.rfind("\n") + 1 :]
    return {"line": line, "character": len(column.encode("utf-16-le")) // 2}


def apply_edits(text: str, edits: list[dict[str, Any]]) -> str:
    """Apply LSP TextEdits (UTF-16 positions) the way a client does: from the last to the first."""
    lines = text.split("\n")

    def offset(pos: dict[str, int]) -> int:
        line = lines[pos["line"]]
        units = 0
        for i, ch in enumerate(line):
            if units >= pos["character"]:
                return sum(len(x) + 1 for x in lines[: pos["line"]]) + i
            units += 2 if ord(ch) > 0xFFFF else 1
        return sum(len(x) + 1 for x in lines[: pos["line"]]) + len(line)

    spans = [(offset(e["range"]["start"]), offset(e["range"]["end"]), e["newText"]) for e in edits]
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def cli_findings(path: Path) -> list[dict[str, Any]]:
    result = CliRunner().invoke(main, ["lint", "--jobs", "1", "--format", "json", str(path)])
    findings: list[dict[str, Any]] = json.loads(result.stdout)["findings"]
    return findings


def by_code(diagnostics: list[dict[str, Any]], code: str) -> list[dict[str, Any]]:
    return [d for d in diagnostics if d.get("code") == code]


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    folder = tmp_path / "projet"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "article.md")
    return folder


@pytest.fixture
def client(workspace: Path) -> Iterator[LspClient]:
    lsp = LspClient([CHECKER, "lsp"], cwd=str(workspace))
    result = lsp.request(
        "initialize",
        {
            "processId": None,
            "rootUri": workspace.as_uri(),
            "capabilities": {
                "general": {"positionEncodings": ["utf-16"]},
                "textDocument": {
                    "publishDiagnostics": {"relatedInformation": True, "versionSupport": True},
                    "codeAction": {
                        "codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix", "source"]}}
                    },
                    "hover": {"contentFormat": ["markdown", "plaintext"]},
                },
                "workspace": {"applyEdit": True},
            },
        },
    )
    capabilities = result["capabilities"]
    assert capabilities.get("positionEncoding", "utf-16") == "utf-16"
    assert capabilities["hoverProvider"] and capabilities["codeActionProvider"]
    assert "checker.ajouterAuDictionnaire" in capabilities["executeCommandProvider"]["commands"]
    lsp.notify("initialized", {})
    yield lsp
    assert lsp.close() == 0


def open_document(client: LspClient, path: Path, text: str, language: str = "markdown") -> str:
    uri = path.as_uri()
    client.notify(
        "textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}}
    )
    return uri


def test_diagnostics_code_action_and_hover_on_the_sample_article(client: LspClient, workspace: Path) -> None:
    article = workspace / "article.md"
    text = article.read_text(encoding="utf-8")
    expected = cli_findings(article)
    uri = open_document(client, article, text)
    published = client.wait_notification("textDocument/publishDiagnostics", uri=uri)
    diagnostics = published["diagnostics"]
    # The same findings as the CLI, each at its exact range.
    assert sorted(d["code"] for d in diagnostics) == sorted(f["rule_id"] for f in expected)
    conditional = [f for f in expected if f["rule_id"] == "claims.conditional"]
    assert conditional
    for f in conditional:
        want = {"start": utf16_position(text, f["start"]), "end": utf16_position(text, f["end"])}
        assert any(d["range"] == want for d in by_code(diagnostics, "claims.conditional"))
        assert text[f["start"] : f["end"]] in ("pourrait renforcer", "pourrait catalyser")
    first = by_code(diagnostics, "claims.conditional")[0]
    lsp_severity = {"error": 1, "warning": 2, "info": 3}[conditional[0]["severity"]]
    assert first["severity"] == lsp_severity and first["source"] == "checker"
    assert "conditionnel" in first["message"].lower()

    # Hover: the rule, its message and its French explanation.
    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": first["range"]["start"]})
    assert "claims.conditional" in hover["contents"]["value"]
    assert "attribuez-le" in hover["contents"]["value"].lower()

    # A safe fix: request the code actions at a typography finding and apply the one it offers.
    space = by_code(diagnostics, "typography.space-before-punct")
    assert space
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": space[0]["range"], "context": {"diagnostics": [space[0]]}},
    )
    quickfix = next(a for a in actions if a["kind"] == "quickfix" and "edit" in a)
    fixed = apply_edits(text, quickfix["edit"]["changes"][uri])
    assert len(fixed) == len(text) and fixed != text  # one ordinary space became a no-break one
    client.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": fixed}]},
    )
    after = client.wait_notification("textDocument/publishDiagnostics", uri=uri)
    assert after["version"] == 2
    assert len(by_code(after["diagnostics"], "typography.space-before-punct")) == len(space) - 1

    # Saving checks again at once.
    client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    saved = client.wait_notification("textDocument/publishDiagnostics", uri=uri)
    assert sorted(d["code"] for d in saved["diagnostics"]) == sorted(d["code"] for d in after["diagnostics"])


def test_ranges_are_utf16_and_changes_are_debounced(client: LspClient, workspace: Path) -> None:
    article = workspace / "article.md"
    text = article.read_text(encoding="utf-8")
    uri = open_document(client, article, text)
    published = client.wait_notification("textDocument/publishDiagnostics", uri=uri)
    before = by_code(published["diagnostics"], "claims.conditional")
    line = before[0]["range"]["start"]["line"]
    # Three quick incremental edits: an emoji (two UTF-16 units, one code point) and a space at the start of that line.
    at_line_start = {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}}
    for version, piece in ((2, "😀"), (3, " "), (4, "")):
        client.notify(
            "textDocument/didChange",
            {
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"range": at_line_start, "text": piece}],
            },
        )
    published = client.wait_notification("textDocument/publishDiagnostics", uri=uri)
    assert published["version"] == 4  # one check, of the last version: the earlier ones were debounced
    assert not [n for n in client.drain(1.0) if n.get("method") == "textDocument/publishDiagnostics"]
    after = by_code(published["diagnostics"], "claims.conditional")
    moved = next(d for d in after if d["range"]["start"]["line"] == line)
    assert moved["range"]["start"]["character"] == before[0]["range"]["start"]["character"] + 3


def test_configuration_found_as_the_cli_finds_it_and_add_to_project_dictionary(
    client: LspClient, workspace: Path
) -> None:
    (workspace / ".checker.toml").write_text('ignore = ["repetition", "readability"]\n', encoding="utf-8")
    article = workspace / "article.md"
    # « zorglubix », written many times in the sample, is its own term; a word written once is a candidate typo.
    article.write_text(article.read_text(encoding="utf-8") + "\nLe greffon zorglubix tourne.\n", encoding="utf-8")
    text = article.read_text(encoding="utf-8")
    uri = open_document(client, article, text)
    diagnostics = client.wait_notification("textDocument/publishDiagnostics", uri=uri)["diagnostics"]
    assert not [d for d in diagnostics if d["code"].startswith(("repetition.", "readability."))]
    unknown = [d for d in by_code(diagnostics, "spelling.unknown-word") if "zorglubix" in d["message"]]
    assert unknown
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": unknown[0]["range"], "context": {"diagnostics": [unknown[0]]}},
    )
    add = next(a for a in actions if a["title"] == "Ajouter « zorglubix » au dictionnaire du projet")
    client.request("workspace/executeCommand", add["command"])
    # The configuration now names a word list holding the word, and the document is checked again.
    assert 'wordlist = "mots.txt"' in (workspace / ".checker.toml").read_text(encoding="utf-8")
    assert "ignore" in (workspace / ".checker.toml").read_text(encoding="utf-8")
    assert (workspace / "mots.txt").read_text(encoding="utf-8") == "zorglubix\n"
    again = client.wait_notification("textDocument/publishDiagnostics", uri=uri)["diagnostics"]
    assert not [d for d in by_code(again, "spelling.unknown-word") if "zorglubix" in d["message"]]
    assert by_code(again, "claims.conditional")
    # The CLI reads the same configuration and agrees.
    cli = cli_findings(article)
    assert not [f for f in cli if f["rule_id"] == "spelling.unknown-word" and f["text"] == "zorglubix"]


def test_plain_text_and_html_documents(client: LspClient, workspace: Path) -> None:
    page = workspace / "page.html"
    html = "<html><body><p>Cette alliance pourrait renforcer la croissance.</p></body></html>"
    uri = open_document(client, page, html, language="html")
    published = client.wait_notification("textDocument/publishDiagnostics", uri=uri)
    diagnostics = by_code(published["diagnostics"], "claims.conditional")
    start = html.index("pourrait renforcer")
    assert diagnostics[0]["range"] == {
        "start": utf16_position(html, start),
        "end": utf16_position(html, start + len("pourrait renforcer")),
    }
    note = workspace / "note.txt"
    uri = open_document(client, note, "Cette alliance pourrait renforcer la croissance !\n", language="plaintext")
    codes = {d["code"] for d in client.wait_notification("textDocument/publishDiagnostics", uri=uri)["diagnostics"]}
    assert {"claims.conditional", "typography.space-before-punct"} <= codes
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert client.wait_notification("textDocument/publishDiagnostics", uri=uri)["diagnostics"] == []
    # A document that is not an article (a client may send every file it opens) gets no diagnostics.
    script = open_document(client, workspace / "outil.py", "x = 1  # pourrait renforcer !\n", language="python")
    markdown = open_document(client, workspace / "suite.md", "Cela pourrait renforcer la croissance.\n")
    seen = []
    while not any(n.get("params", {}).get("uri") == markdown for n in seen):
        seen.append(client.notifications.get(timeout=60))
    seen += client.drain(0.5)
    assert not [n for n in seen if n.get("params", {}).get("uri") == script]


# ---------------------------------------------------------------- without a server process


def test_line_index_counts_utf16_units_and_all_three_line_ends() -> None:
    text = "a😀b\r\nc\rd\né"
    index = LineIndex(text)
    assert index.position(text.index("b")) == types.Position(line=0, character=3)
    assert index.position(text.index("c")) == types.Position(line=1, character=0)
    assert index.position(text.index("d")) == types.Position(line=2, character=0)
    assert index.position(len(text)) == types.Position(line=3, character=1)
    for offset in range(len(text) + 1):
        if text[offset - 1 : offset + 1] != "\r\n":
            assert index.offset(index.position(offset)) == offset
    utf8 = LineIndex(text, types.PositionEncodingKind.Utf8)
    assert utf8.position(text.index("b")) == types.Position(line=0, character=5)


def test_add_word_to_a_pyproject_configuration(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.checker]\nselect = ["spelling"]\n\n[tool.checker.grammar]\nengine = "none"\n',
        encoding="utf-8",
    )
    (tmp_path / "docs").mkdir()
    wordlist = add_word_to_project(tmp_path / "docs", "Aliyev")
    assert wordlist == tmp_path / "mots.txt"
    add_word_to_project(tmp_path / "docs", "Aliyev")  # not twice
    add_word_to_project(tmp_path / "docs", "agritech")
    assert wordlist.read_text(encoding="utf-8") == "Aliyev\nagritech\n"
    from checker.config import find_config

    config = find_config((tmp_path / "docs").resolve())
    assert {"Aliyev", "agritech"} <= config.words and config.select == ("spelling",)
    assert re.search(r'\[tool\.checker\]\nwordlist = "mots\.txt"\nselect', (tmp_path / "pyproject.toml").read_text())
