"""`checker lint --fix` and `--diff`: safe typography fixes, applied atomically, byte-exact elsewhere."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.cli import main
from checker.config import Config
from checker.findings import Finding, load_schema
from checker.fix import Edit, apply_edits, fix_text, plan_edits
from checker.lint import lint_text
from checker.parse import parse_document

NBSP = "\u00a0"
NNBSP = "\u202f"
SPACES = str.maketrans({NBSP: " ", NNBSP: " "})


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["lint", "--no-cache", *args])
    return result.exit_code, result.stdout, result.stderr


def _typography(path: Path) -> list[dict]:
    code, out, _ = _run("--select", "typography", "--format", "json", str(path))
    assert code in (0, 1), out
    return json.loads(out)["findings"]


def test_fix_sample_article_then_relint_is_clean(tmp_path: Path, sample_md: Path) -> None:
    target = tmp_path / "article.md"
    original = sample_md.read_bytes()
    target.write_bytes(original)
    # Five in the body, one in the front matter title (checked as prose since issue 13).
    assert len(_typography(target)) == 6

    code, out, err = _run("--select", "typography", "--fix", str(target))
    assert code == 0, out + err
    assert "6 correction(s)" in err
    assert _typography(target) == []

    fixed = target.read_bytes()
    assert fixed != original
    # Only spaces changed: with no-break spaces read as spaces, the file is the original, byte for byte.
    assert fixed.decode("utf-8").translate(SPACES).encode("utf-8") == original
    assert fixed.count(NNBSP.encode()) == 4 and fixed.count(NBSP.encode()) == 2
    assert "Azerbaïdjan\u00a0: l’IA" in fixed.decode("utf-8")
    assert list(tmp_path.iterdir()) == [target]  # no temporary file left behind


def test_fix_keeps_bom_crlf_and_every_other_byte(tmp_path: Path) -> None:
    text = (
        "# Titre : sous-titre\r\n\r\n"
        'Un "tournant" historique... à 40% pour 12000€ ?\r\n\r\n'
        "```\r\ncode : intact ?\r\n```\r\n\r\n"
        "Un lien [ici](https://exemple.fr/a?b=c) et `x ?` restent.\r\n"
    )
    target = tmp_path / "a.md"
    target.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    code, out, err = _run("--select", "typography", "--fix", str(target))
    assert code == 0, out + err

    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    fixed = data[3:].decode("utf-8")
    assert fixed == (
        f"# Titre{NBSP}: sous-titre\r\n\r\n"
        f"Un «{NBSP}tournant{NBSP}» historique… à 40{NNBSP}% pour 12{NNBSP}000{NNBSP}€{NNBSP}?\r\n\r\n"
        "```\r\ncode : intact ?\r\n```\r\n\r\n"
        "Un lien [ici](https://exemple.fr/a?b=c) et `x ?` restent.\r\n"
    )
    assert fixed.count("\r\n") == text.count("\r\n") and "\n" not in fixed.replace("\r\n", "")
    assert _typography(target) == []


def test_diff_previews_without_writing(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_bytes("Première ligne.\nPourquoi ? Parce que.\nDernière ligne.\n".encode())
    before = target.stat()
    original = target.read_bytes()

    code, out, _ = _run("--select", "typography", "--diff", str(target))
    assert code == 1
    assert target.read_bytes() == original
    assert target.stat().st_mtime_ns == before.st_mtime_ns
    assert out.splitlines() == [
        f"--- a/{target}",
        f"+++ b/{target}",
        "@@ -1,3 +1,3 @@",
        " Première ligne.",
        "-Pourquoi ? Parce que.",
        f"+Pourquoi{NNBSP}? Parce que.",
        " Dernière ligne.",
    ]
    assert list(tmp_path.iterdir()) == [target]


def test_diff_on_a_clean_file_is_empty_and_exits_0(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_text(f"Pourquoi{NNBSP}? Parce que.\n", encoding="utf-8")
    assert _run("--select", "typography", "--diff", str(target)) == (0, "", "")


def test_invalid_utf8_is_never_modified_and_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Pourquoi ? \xff\xfe invalide.\n")
    good = tmp_path / "good.txt"
    good.write_bytes(b"Pourquoi ? Parce que.\n")

    code, _, err = _run("--select", "typography", "--fix", str(bad), str(good))
    assert code == 2
    assert "UTF-8 invalide" in err
    assert bad.read_bytes() == b"Pourquoi ? \xff\xfe invalide.\n"
    assert good.read_text(encoding="utf-8") == f"Pourquoi{NNBSP}? Parce que.\n"  # the other file is still fixed

    code, out, err = _run("--select", "typography", "--diff", str(bad))
    assert code == 2 and out == "" and "UTF-8 invalide" in err
    assert bad.read_bytes() == b"Pourquoi ? \xff\xfe invalide.\n"


def test_fix_applies_only_enabled_rules_and_not_suppressed_findings(tmp_path: Path) -> None:
    target = tmp_path / "a.md"
    text = "Pourquoi ? 40% et...\n\n<!-- checker-disable-next-line typography -->\nEt ici ? Non.\n"
    target.write_text(text, encoding="utf-8")
    code, out, err = _run("--select", "typography.percent-space", "--fix", str(target))
    assert code == 0, out + err
    assert target.read_text(encoding="utf-8") == text.replace("40%", f"40{NNBSP}%")

    _run("--select", "typography", "--fix", str(target))
    fixed = target.read_text(encoding="utf-8")
    assert fixed.startswith(f"Pourquoi{NNBSP}? 40{NNBSP}% et…\n")
    assert fixed.endswith("Et ici ? Non.\n")  # suppressed: reported nowhere, fixed nowhere


def test_fix_keeps_permissions_and_symlinks(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("Pourquoi ? Parce que.\n", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    code, out, err = _run("--select", "typography", "--fix", str(link))
    assert code == 0, out + err
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == f"Pourquoi{NNBSP}? Parce que.\n"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640


def test_fix_reports_the_findings_left(tmp_path: Path) -> None:
    target = tmp_path / "a.md"
    # A line break before ":" cannot be fixed safely (it is not a space in the source): it stays reported.
    target.write_text("Voici la liste\n: pommes ? poires.\n", encoding="utf-8")
    code, out, err = _run("--select", "typography", "--fail-on", "warning", "--fix", str(target))
    assert code == 1
    assert "1 correction(s)" in err
    assert "typography.space-before-punct" in out and ":2:" not in out and ":1:15:" in out
    assert target.read_text(encoding="utf-8") == f"Voici la liste\n: pommes{NNBSP}? poires.\n"


def test_json_output_carries_fixes_and_validates(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_text("Pourquoi ? 12000 visiteurs.\n", encoding="utf-8")
    _, out, _ = _run("--select", "typography", "--format", "json", str(target))
    report = json.loads(out)
    jsonschema.validate(report, load_schema("findings.schema.json"))
    fixes = [f["fix"] for f in report["findings"]]
    assert fixes == [
        [{"start": 8, "end": 9, "replacement": NNBSP}],
        [{"start": 11, "end": 16, "replacement": f"12{NNBSP}000"}],
    ]
    assert Finding.from_dict(report["findings"][0]).fix == [Edit(**edit) for edit in fixes[0]]


def _finding(start: int, end: int, replacement: str, rule: str = "typography.x") -> Finding:
    return Finding(
        rule,
        "typography",
        "info",
        "m",
        "p",
        start,
        end,
        1,
        1,
        1,
        1,
        "",
        fix=[Edit(start, end, replacement)],
    )


def test_overlapping_fixes_skip_the_later_one() -> None:
    findings = [_finding(4, 8, "B"), _finding(0, 5, "A"), _finding(8, 9, "C"), _finding(20, 30, "D")]
    edits, count = plan_edits(findings, length=25)
    assert edits == [Edit(0, 5, "A"), Edit(8, 9, "C")]  # (4, 8) overlaps (0, 5); (20, 30) is past the end
    assert count == 2
    assert apply_edits("0123456789", edits) == "A567C9"


def test_a_finding_with_several_edits_is_all_or_nothing() -> None:
    both = Finding(
        "typography.quotes", "typography", "info", "m", "p", 2, 9, 1, 1, 1, 1, "",
        fix=[Edit(2, 3, "«"), Edit(8, 9, "»")],
    )  # fmt: skip
    # The earlier finding takes (1, 3): the quote pair loses its opening edit, so its closing one goes too.
    edits, count = plan_edits([both, _finding(1, 3, "x")])
    assert count == 1 and edits == [Edit(1, 3, "x")]
    edits, count = plan_edits([both, _finding(5, 6, "y")])
    assert count == 2 and edits == [Edit(2, 3, "«"), Edit(5, 6, "y"), Edit(8, 9, "»")]


@pytest.mark.parametrize("locale", ["fr-FR", "fr-CH", "fr-CA"])
def test_fix_text_reaches_a_fixpoint(locale: str) -> None:
    text = (
        "# Titre: «sous-titre»\n\n"
        'Le "tournant" ! Un  double espace , 12000 visiteurs , 40 % et 3€... '
        "L'IA, l’eau et l’énergie ; fin ?\n"
    )
    config = Config(select=("typography",), locale=locale)
    fixed, applied, result = fix_text(text, config, "a.md")
    assert applied > 5
    assert [f for f in result.findings if f.family == "typography"] == []
    assert lint_text(fixed, config, "a.md").findings == []
    assert fixed.count("\n") == text.count("\n")


def test_fix_leaves_yaml_front_matter_quotes_alone(tmp_path: Path) -> None:
    target = tmp_path / "a.md"
    text = "---\nfaq:\n  - question: 'L''IA : quoi ?'\n    answer: \"Une technologie.\"\n---\n\nL’IA et l’eau.\n"
    target.write_text(text, encoding="utf-8")
    _run("--select", "typography", "--fix", str(target))
    fixed = target.read_text(encoding="utf-8")
    # Spaces are fixed inside the scalar; the doubled quote of the YAML escape is untouched.
    assert f"question: 'L''IA{NBSP}: quoi{NNBSP}?'" in fixed
    assert fixed.replace(NBSP, " ").replace(NNBSP, " ") == text


def test_files_in_error_elsewhere_do_not_block_fixing(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Un ? deux.\n", encoding="utf-8")
    (folder / "b.txt").write_bytes(b"\x00\x01binaire")
    code, _, err = _run("--select", "typography", "--fix", str(folder))
    assert code == 2 and "fichier binaire" in err
    assert (folder / "a.txt").read_text(encoding="utf-8") == f"Un{NNBSP}? deux.\n"
    assert (folder / "b.txt").read_bytes() == b"\x00\x01binaire"
    assert sorted(p.name for p in folder.iterdir()) == ["a.txt", "b.txt"]
    assert os.access(folder / "a.txt", os.R_OK)


_PIECES = [
    *"ab é9 0 1 2  ;:!?«»\"'’.%€$-_/*`[]()<>&#\n\r\t",
    NBSP,
    NNBSP,
    "...",
    "12000",
    "http://x.y/a?b ",
    "**",
    "“",
    "”",
]


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.lists(st.sampled_from(_PIECES), max_size=40).map("".join),
    st.sampled_from(["markdown", "text", "html"]),
    st.sampled_from(["fr-FR", "fr-CA", "fr-CH"]),
)
def test_fixing_random_text_is_safe_and_idempotent(text: str, fmt: str, locale: str) -> None:
    config = Config(select=("typography",), locale=locale)
    fixed, _, _ = fix_text(text, config, "a", fmt)
    # Line structure and document structure are kept; nothing fixable is left; a second run changes nothing.
    assert fixed.count("\n") == text.count("\n") and fixed.count("\r") == text.count("\r")
    assert [b.kind for b in parse_document(fixed, "a", fmt).blocks] == [
        b.kind for b in parse_document(text, "a", fmt).blocks
    ]
    assert [f for f in lint_text(fixed, config, "a", fmt).findings if f.fix] == []
    assert fix_text(fixed, config, "a", fmt)[:2] == (fixed, 0)
