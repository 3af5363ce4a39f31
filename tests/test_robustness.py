"""No input makes the checker crash.

Property-based tests (hypothesis) feed random Unicode to `lint_text` in every format and random
bytes to `checker lint`; hand-made hostile files cover what random generation rarely reaches
(huge lines, deep nesting, binary, invalid UTF-8). The contract: `lint_text` never raises and every
finding points at exactly its text; the command line exits 0, 1 or 2, never prints a traceback and
never modifies the file. A catastrophic regular expression in a user rule pack stops with a one-line
error naming the rule instead of hanging.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import lint_text
from checker.cli import main
from checker.config import Config

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ["markdown", "html", "text"]
SETTINGS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces that reach the parsers' and checks' special cases more often than uniform Unicode does.
MARKUP_PIECES = [
    "# ",
    "## FAQ\n",
    "### Questions fréquentes\n",
    "- ",
    "1. ",
    "> ",
    "**",
    "_",
    "`",
    "```\n",
    "[",
    "](",
    ")",
    "![",
    "<",
    ">",
    "</p>",
    "<p>",
    "<h2>",
    "<!-- checker-disable -->",
    "<!-- checker-enable -->",
    "&amp;",
    "&#x27;",
    "---\n",
    "title: x\n",
    "|",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    " ",
    "\u00a0",
    "\u202f",
    "https://exemple.fr/a_b",
    "Force est de constater",
    "Au jour d’aujourd’hui",
    "M. Dupont",
    "l’État",
    "« ",
    " »",
    "…",
    "?",
    "!",
    ".",
    ",",
    ";",
    ":",
    "12 000",
    "3,5 %",
    "é",
    "Œ",
    "\u0301",  # combining accent
    "\u200b",  # zero-width space
    "\ufeff",
    "🙂",
    "👩‍👩‍👧",
    "\U0001f1eb\U0001f1f7",
    "ﬁ",
    "İ",
    "ß",
    "Les ventes baissent.",
    "Pourquoi ?",
    "Selon certains experts, il semblerait que",
]
markupish = st.lists(st.sampled_from(MARKUP_PIECES) | st.text(max_size=8), max_size=60).map("".join)


def _check_findings(text: str, fmt: str) -> None:
    result = lint_text(text, Config(), "article", fmt)
    for f in result.findings:
        assert 0 <= f.start < f.end <= len(text), f
        assert text[f.start : f.end] == f.text, f
        before = text[: f.start]  # lines end at \n, \r\n or a lone \r
        line_start = max(before.rfind("\n"), before.rfind("\r")) + 1
        assert f.line == before.count("\n") + before.count("\r") - before.count("\r\n") + 1, f
        assert f.column == f.start - line_start + 1, f
        assert f.message


@pytest.mark.parametrize("fmt", FORMATS)
@SETTINGS
@given(text=st.text())
def test_random_unicode_never_raises(fmt: str, text: str) -> None:
    _check_findings(text, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
@SETTINGS
@given(text=markupish)
def test_random_markup_never_raises(fmt: str, text: str) -> None:
    _check_findings(text, fmt)


def _lint_file(data: bytes, suffix: str = ".md", *extra: str) -> tuple[int, str]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"article{suffix}"
        path.write_bytes(data)
        result = CliRunner().invoke(main, ["lint", "--jobs", "1", "--no-cache", *extra, str(path)])
        assert path.read_bytes() == data, "the checker must never modify the file"
    output = result.stdout + result.stderr
    assert result.exit_code in (0, 1, 2), (result.exit_code, output, result.exception)
    assert "Traceback" not in output
    if result.exit_code == 2:
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("checker: error: "), result.stderr
        assert "erreur interne" not in result.stderr, result.stderr
    return result.exit_code, output


@pytest.mark.parametrize("suffix", [".md", ".html", ".txt"])
@SETTINGS
@given(data=st.binary(max_size=2000))
def test_cli_random_bytes(suffix: str, data: bytes) -> None:
    _lint_file(data, suffix)


@SETTINGS
@given(text=markupish)
def test_cli_random_markup_json(text: str) -> None:
    _lint_file(text.encode("utf-8", "surrogatepass"), ".md", "--format", "json")


HOSTILE = {
    "empty": b"",
    "only-newlines": b"\n" * 1000,
    "only-bom": b"\xef\xbb\xbf",
    "crlf": b"# Titre\r\n\r\nForce est de constater que les ventes baissent.\r\n",
    "cr-only": b"# Titre\r\rLes ventes baissent.\r",
    "invalid-utf8": "Les ventes baissent à Paris.".encode() + b"\xc3\x28 et \xff.\n",
    "latin1": "Les élèves à l’école.".encode("latin-1", "replace"),
    "utf16": "Les ventes baissent.".encode("utf-16"),
    "nul-binary": b"PK\x03\x04\x00\x00" + bytes(range(256)) * 8,
    "png-header": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    # A long run without spaces (a pasted hash or base64 blob).
    "long-token": b"a" * 3_000,
    "long-accented-token": ("é" * 3_000).encode(),
    "nested-quotes-500": ("> " * 500 + "Citation profonde.\n").encode(),
    "nested-lists-1000": "".join("  " * i + "- élément\n" for i in range(1000)).encode(),
    "nested-list-markers-1000": ("- " * 1000 + "texte\n").encode(),
    "brackets-10000": b"[" * 10_000,
    "brackets-closing": b"[" * 5_000 + b"]" * 5_000 + b"(" * 5_000,
    "emphasis-10000": b"*" * 10_000 + b"texte" + b"_" * 10_000,
    "backticks": b"`" * 10_000,
    "html-nesting": b"<div>" * 5_000 + "Texte imbriqué.".encode() + b"</div>" * 5_000,
    "html-unclosed": b"<p><b><i><a href='" + b"x" * 10_000,
    "front-matter-broken": b"---\ntitle: [unclosed\n  - : :\n---\nTexte.\n",
    "front-matter-only": b"---\nfaq: {}\n---\n",
    "jsonld-broken": b'<script type="application/ld+json">{"@type": "FAQPage", "mainEntity": [</script>',
    "control-chars": bytes(range(1, 32)) * 100,
    "surrogate-escape": b"\xed\xa0\x80 lone surrogate",
    "many-sentences": ("Oui. " * 10_000).encode(),
    "many-headings": ("# FAQ\n## Pourquoi ?\n" * 1_000).encode(),
}
# Checked as Markdown only (a few seconds each).
BIG = {
    "huge-line-1mb": ("Les ventes baissent fortement dans la région, " * 22_000).encode(),
    "huge-word-1mb": b"a" * 1_000_000,
    "huge-accented-word": ("é" * 500_000).encode(),
    "many-paragraphs-100kb": ("Les ventes baissent. Force est de constater que le marché recule.\n\n" * 1_500).encode(),
}


UNREADABLE = ("invalid-utf8", "latin1", "utf16", "nul-binary", "png-header", "surrogate-escape")


@pytest.mark.parametrize("name", sorted(HOSTILE))
@pytest.mark.parametrize("suffix", [".md", ".html"])
def test_cli_hostile_files(name: str, suffix: str) -> None:
    code, output = _lint_file(HOSTILE[name], suffix)
    if name in UNREADABLE:
        assert code == 2
        assert "article" + suffix in output
    else:
        assert code in (0, 1)


@pytest.mark.parametrize("name", sorted(BIG))
def test_cli_big_files(name: str) -> None:
    code, output = _lint_file(BIG[name], ".md", "--format", "json")
    assert code in (0, 1)
    assert '"findings"' in output


def test_text_output_shows_a_window_of_a_huge_line() -> None:
    code, output = _lint_file(BIG["huge-line-1mb"], ".md", "--select", "repetition.close-lemma")
    assert code in (0, 1)
    lines = output.splitlines()
    shown = [lines[i + 1] for i, line in enumerate(lines[:-1]) if "[repetition.close-lemma]" in line]
    assert len(shown) > 10
    # Each finding shows about 200 characters around its span, not the whole megabyte.
    assert all(len(line) < 220 for line in shown), max(map(len, shown))
    assert any(line.startswith("    …") for line in shown)


def test_hostile_files_through_a_pool_in_a_real_process(tmp_path: Path) -> None:
    """The real executable with --jobs 2: bad files get their one-line error, the others are checked."""
    for name, data in HOSTILE.items():
        (tmp_path / f"{name}.md").write_bytes(data)
    (tmp_path / "zz-article.md").write_text("# Titre\n\nForce est de constater que ça va.\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "checker.cli", "lint", "--jobs", "2", "--no-cache", "--format", "json", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stdout + proc.stderr
    errors = proc.stderr.strip().splitlines()
    bad = sorted(UNREADABLE)  # input order
    prefixes = [f"checker: error: {tmp_path / name}.md: " for name in bad]
    assert len(errors) == len(prefixes)
    assert all(line.startswith(prefix) for line, prefix in zip(errors, prefixes, strict=True)), errors
    assert '"rule_id": "wording.cliche"' in proc.stdout


CATASTROPHIC_PACK = """pack: maison
rules:
  - id: wording.motif-catastrophique
    family: wording
    kind: existence
    severity: warning
    message: "Motif maison : « {match} »."
    description: Un motif à retour arrière exponentiel.
    patterns: ['(a|aa)+$']
    examples:
      flagged: ["<marker>aaa</marker>"]
      accepted: ["bbb"]
"""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_catastrophic_user_regex_stops_with_one_line(tmp_path: Path, jobs: str) -> None:
    (tmp_path / "maison.yaml").write_text(CATASTROPHIC_PACK, encoding="utf-8")
    (tmp_path / ".checker.toml").write_text(
        'rule-packs = ["maison.yaml"]\n[thresholds]\nregex-timeout-seconds = 0.05\n', encoding="utf-8"
    )
    article = tmp_path / "article.md"
    article.write_text("# Titre\n\nUn cri : " + "a" * 60 + "!\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "checker.cli", "lint", "--jobs", jobs, "--no-cache", str(article)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert proc.returncode == 2, proc.stdout + proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("checker: error: ")
    assert "wording.motif-catastrophique" in lines[0]
    assert "maison.yaml" in lines[0]
    assert "Traceback" not in proc.stdout + proc.stderr
