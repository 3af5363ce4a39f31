"""The LanguageTool path against a local HTTP server that speaks LanguageTool's documented
protocol (GET /v2/languages, POST /v2/check with form fields `language` and `text` or `data`,
JSON `matches` with offset/length in the original annotated document, counted in UTF-16 code
units as Java does). No real LanguageTool and no network: the server runs on 127.0.0.1.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from checker.config import Config
from checker.engines import languagetool_engine
from checker.engines.languagetool_engine import AnnotatedText
from checker.errors import CheckerError
from checker.lint import lint_text

ROOT = Path(__file__).resolve().parent.parent

# What the fake server reports: (phrase, rule id, category id, issue type, message, replacement).
FAKE_RULES = [
    ("mange", "ACCORD_SUJET_VERBE", "GRAMMAR", "grammar", "Le verbe ne s’accorde pas avec le sujet.", "mangent"),
    ("tord", "CONFUSION_TORT_TORD", "CONFUSED_WORDS", "grammar", "Confusion possible : « tort ».", "tort"),
    ("gouvernemnt", "FR_SPELLING_RULE", "TYPOS", "misspelling", "Faute de frappe possible.", "gouvernement"),
    ("  ", "WHITESPACE_RULE", "TYPOGRAPHY", "whitespace", "Espaces répétés.", " "),
]


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class FakeLanguageTool(BaseHTTPRequestHandler):
    requests: list[dict[str, Any]]  # set on the class by the fixture

    def log_message(self, format: str, *args: Any) -> None:  # silence the test output
        pass

    def _json(self, status: int, payload: Any) -> None:
        body = json.dumps(payload).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        if urllib.parse.urlparse(self.path).path == "/v2/languages":
            self._json(200, [{"name": "French", "code": "fr", "longCode": "fr"}])
        else:
            self._json(404, {"error": "not found"})

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        raw = self.rfile.read(length).decode("utf-8")
        form = {k: v[0] for k, v in urllib.parse.parse_qs(raw, keep_blank_values=True).items()}
        self.requests.append({"path": self.path, "content_type": self.headers.get("Content-Type"), "form": form})
        if urllib.parse.urlparse(self.path).path != "/v2/check":
            self._json(404, {"error": "not found"})
            return
        if "language" not in form or ("text" not in form) == ("data" not in form):
            self.send_response(400)
            self.end_headers()
            self.wfile.write(b"Error: Missing 'language' or 'text'/'data' parameter")
            return
        pieces = [{"text": form["text"]}] if "text" in form else json.loads(form["data"])["annotation"]
        # The text LanguageTool checks (markup replaced by interpretAs) and, for each of its
        # characters, the offset in the original document (text and markup together).
        plain = ""
        origin: list[int] = []
        original = ""
        for piece in pieces:
            if "text" in piece:
                for i, ch in enumerate(piece["text"]):
                    plain += ch
                    origin.append(len(original) + i)
                original += piece["text"]
            else:
                for ch in piece.get("interpretAs", ""):
                    plain += ch
                    origin.append(len(original))
                original += piece["markup"]
        matches = []
        for phrase, rule_id, category, issue, message, replacement in FAKE_RULES:
            start = plain.find(phrase)
            while start >= 0:
                o_start, o_end = origin[start], origin[start + len(phrase) - 1] + 1
                offset = _utf16(original[:o_start])
                matches.append(
                    {
                        "message": message,
                        "shortMessage": "",
                        "offset": offset,
                        "length": _utf16(original[o_start:o_end]),
                        "replacements": [{"value": replacement}],
                        "context": {
                            "text": plain[max(0, start - 20) : start + 20],
                            "offset": min(start, 20),
                            "length": len(phrase),
                        },
                        "sentence": plain,
                        "rule": {
                            "id": rule_id,
                            "description": message,
                            "issueType": issue,
                            "category": {"id": category, "name": category.title()},
                        },
                    }
                )
                start = plain.find(phrase, start + 1)
        software = {"name": "LanguageTool", "apiVersion": 1}
        self._json(200, {"software": software, "language": {"code": "fr"}, "matches": matches})


class Server:
    def __init__(self) -> None:
        FakeLanguageTool.requests = []
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), FakeLanguageTool)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def requests(self) -> list[dict[str, Any]]:
        return FakeLanguageTool.requests

    def checks(self) -> list[dict[str, Any]]:
        return [r for r in self.requests if r["path"].startswith("/v2/check")]


@pytest.fixture
def server() -> Iterator[Server]:
    srv = Server()
    srv.thread.start()
    try:
        yield srv
    finally:
        srv.httpd.shutdown()
        srv.httpd.server_close()
        languagetool_engine.get_engine.cache_clear()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


DOC = (
    "# Les enfants mange 🍎 au Parlement\n"
    "\n"
    "Selon [le rapport](https://example.org/rapport), les enfants 😀 mange des pommes et le "
    "**gouvernemnt** a  tord.\n"
    "\n"
    "- Les élèves mange à la cantine.\n"
)


def test_request_shape_and_offsets_map_back_exactly(server: Server) -> None:
    config = Config(grammar_engine="languagetool", languagetool_url=server.url, select=("grammar",))
    result = lint_text(DOC, config, "doc.md", fmt="markdown")

    checks = server.checks()
    assert len(checks) == 1, "the whole document goes in one request"
    request = checks[0]
    assert request["path"] == "/v2/check"
    assert request["content_type"] == "application/x-www-form-urlencoded"
    form = request["form"]
    assert form["language"] == "fr"
    assert "text" not in form, "the text is sent as annotated data, not plain text"
    assert set(form["disabledCategories"].split(",")) == {"TYPOS", "TYPOGRAPHY"}
    annotation = json.loads(form["data"])["annotation"]
    texts = [p["text"] for p in annotation if "text" in p]
    markups = [p for p in annotation if "markup" in p]
    assert texts == ["Les enfants mange 🍎 au Parlement", _visible_paragraph(), "Les élèves mange à la cantine."]
    assert markups == [{"markup": "\n\n", "interpretAs": "\n\n"}] * 2
    assert all("](" not in t and "**" not in t for t in texts), "markup is not sent as text"

    # Every grammar match maps back to the exact source span, after links, bold text and emoji.
    spans = [(f.rule_id, f.text, f.start, f.line, f.column, f.engine) for f in result.findings]
    first = DOC.index("mange")
    assert ("grammar.conjugation", "mange", first, *_line_col(first), "languagetool") in spans
    second = DOC.index("mange", DOC.index("😀"))
    assert ("grammar.conjugation", "mange", second, *_line_col(second), "languagetool") in spans
    third = DOC.index("mange", DOC.index("élèves"))
    assert ("grammar.conjugation", "mange", third, *_line_col(third), "languagetool") in spans
    tord = DOC.index("tord")
    assert ("grammar.confusion", "tord", tord, *_line_col(tord), "languagetool") in spans
    for f in result.findings:
        assert DOC[f.start : f.end] == f.text
        assert f.data["engine_rule"] in {"ACCORD_SUJET_VERBE", "CONFUSION_TORT_TORD"}
    # Spelling and typography matches belong to other families: never reported as grammar.
    assert not [f for f in result.findings if f.text in ("gouvernemnt", "  ")]
    assert len(result.findings) == 4
    assert result.engines_ran == ["languagetool"]
    assert result.findings[0].suggestions == ["mangent"]


def _line_col(offset: int) -> tuple[int, int]:
    line_start = DOC.rfind("\n", 0, offset) + 1
    return DOC.count("\n", 0, offset) + 1, offset - line_start + 1


def _visible_paragraph() -> str:
    return "Selon le rapport, les enfants 😀 mange des pommes et le gouvernemnt a  tord."


def test_annotated_text_maps_utf16_offsets() -> None:
    annotated = AnnotatedText(["a😀b", "", "cd"])
    data = json.loads(annotated.data)["annotation"]
    assert data == [
        {"text": "a😀b"},
        {"markup": "\n\n", "interpretAs": "\n\n"},
        {"markup": "\n\n", "interpretAs": "\n\n"},
        {"text": "cd"},
    ]
    # "a😀b" is 4 UTF-16 units; then 2 + 2 units of separators before "cd".
    assert annotated.span(3, 1) == (0, 2, 3)  # "b"
    assert annotated.span(0, 1) == (0, 0, 1)
    assert annotated.span(8, 2) == (2, 0, 2)  # "cd"
    assert annotated.span(4, 2) is None  # a separator is not text


def test_two_engines_on_the_same_span_give_one_finding(server: Server) -> None:
    text = "Les enfants mange des pommes."
    # Grammalecte's agreement with a noun subject is off by default (stop 51): selected by its id. The finding
    # takes the first engine's rule.
    config = Config(
        grammar_engine="both", languagetool_url=server.url, select=("grammar", "grammar.conjugation-noun-subject")
    )
    result = lint_text(text, config)
    at_mange = [f for f in result.findings if f.text == "mange"]
    assert len(at_mange) == 1
    finding = at_mange[0]
    assert finding.rule_id == "grammar.conjugation-noun-subject"
    assert finding.engine == "grammalecte, languagetool"
    assert finding.data["engine_rules"]["languagetool"] == "ACCORD_SUJET_VERBE"
    assert finding.data["engine_rules"]["grammalecte"].startswith("gv2__conj_les_nom")
    assert finding.suggestions == ["mangent"]
    assert len(result.engines_ran) == 2 and result.engines_ran[1] == "languagetool"
    assert result.engines_ran[0].startswith("grammalecte ")


def test_unreachable_url_is_a_one_line_error_with_exit_2(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{_free_port()}"
    (tmp_path / ".checker.toml").write_text(
        f'[grammar]\nengine = "languagetool"\nlanguagetool-url = "{url}"\ntimeout = 5\n', encoding="utf-8"
    )
    article = tmp_path / "article.md"
    article.write_text("Les enfants mange des pommes.\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "checker.cli", "lint", "--no-cache", str(article)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    config_file = tmp_path / ".checker.toml"
    assert lines[0].startswith(
        f"checker: error: {config_file}: moteur de grammaire languagetool : LanguageTool injoignable à {url}"
    )
    assert lines[0].endswith(" : connexion refusée"), lines[0]  # in French, not « [Errno 111] Connection refused »
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    ("raised", "said"),
    [
        (
            "HTTPConnectionPool(host='lt.exemple', port=8081): Max retries exceeded with url: /v2/languages (Caused "
            "by NameResolutionError(\"<urllib3.connection.HTTPConnection object>: Failed to resolve 'lt.exemple' "
            "([Errno -2] Name or service not known)\"))",
            "nom d’hôte inconnu",
        ),
        ("... Failed to establish a new connection: [Errno 113] No route to host'))", "hôte injoignable"),
        ("HTTPConnectionPool(host='127.0.0.1', port=8081): Read timed out. (read timeout=5)", "délai dépassé"),
        ("[Errno 12345] Something new", "Something new"),
    ],
)
def test_why_a_server_cannot_be_reached_is_said_in_french(raised: str, said: str) -> None:
    from checker.engines.languagetool_engine import _one_line

    assert _one_line(OSError(raised)).startswith(said)


def test_configured_url_unreachable_under_auto_is_an_error() -> None:
    url = f"http://127.0.0.1:{_free_port()}"
    with pytest.raises(CheckerError, match="languagetool"):
        lint_text("Les enfants mange.", Config(grammar_engine="auto", languagetool_url=url, grammar_timeout=5))


def test_languagetool_without_url_or_local_install_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LTP_PATH", str(tmp_path))  # an empty download folder: nothing installed
    monkeypatch.delenv("LTP_JAR_DIR_PATH", raising=False)
    with pytest.raises(CheckerError) as info:
        lint_text("Les enfants mange.", Config(grammar_engine="languagetool"))
    message = str(info.value)
    assert "LanguageTool indisponible" in message and "languagetool-url" in message
    assert not list(tmp_path.iterdir()), "nothing was downloaded"


def test_auto_without_languagetool_reports_it_and_runs_grammalecte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LTP_PATH", str(tmp_path))
    monkeypatch.delenv("LTP_JAR_DIR_PATH", raising=False)
    result = lint_text("On ne peux pas tout savoir.", Config(select=("grammar",)))
    assert "languagetool" in result.engines_unavailable
    assert [e.split()[0] for e in result.engines_ran] == ["grammalecte"]
    assert [(f.rule_id, f.text, f.engine) for f in result.findings] == [("grammar.conjugation", "peux", "grammalecte")]


def test_server_error_is_a_checker_error(server: Server) -> None:
    config = Config(grammar_engine="languagetool", languagetool_url=server.url + "/nowhere/", select=("grammar",))
    with pytest.raises(CheckerError, match="moteur de grammaire languagetool"):
        lint_text("Les enfants mange.", config)


def test_cli_json_lists_languagetool_engine(server: Server, tmp_path: Path) -> None:
    (tmp_path / ".checker.toml").write_text(
        f'select = ["grammar"]\n[grammar]\nengine = "languagetool"\nlanguagetool-url = "{server.url}"\n',
        encoding="utf-8",
    )
    article = tmp_path / "article.md"
    article.write_text("Les enfants mange des pommes.\n", encoding="utf-8")
    # grammar.conjugation reports as info (40 % precise on real articles): --fail-on info makes it fail
    command = ["lint", "--no-cache", "--format", "json", "--fail-on", "info", str(article)]
    proc = subprocess.run(
        [sys.executable, "-m", "checker.cli", *command],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert proc.returncode == 1, proc.stderr
    report = json.loads(proc.stdout)
    assert report["engines"]["ran"] == ["languagetool"]
    assert [(f["rule_id"], f["text"], f["line"], f["column"]) for f in report["findings"]] == [
        ("grammar.conjugation", "mange", 1, 13)
    ]


def test_long_documents_are_sent_in_batches_that_map_back(server: Server) -> None:
    paragraph = "Les enfants mange des pommes. " + "Le rapport décrit la situation en détail. " * 60
    source = "\n\n".join([paragraph] * 20)  # about 52,000 characters
    config = Config(grammar_engine="languagetool", languagetool_url=server.url, select=("grammar",))
    result = lint_text(source, config, "long.txt", fmt="text")
    checks = server.checks()
    assert len(checks) > 1
    for request in checks:
        annotation = json.loads(request["form"]["data"])["annotation"]
        assert sum(len(p.get("text", "")) for p in annotation) <= languagetool_engine.BATCH_CHARS + len(paragraph)
    starts = [f.start for f in result.findings if f.text == "mange"]
    expected = [i * (len(paragraph) + 2) + paragraph.index("mange") for i in range(20)]
    assert starts == expected
