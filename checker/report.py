"""Output formats. Each one is produced from the same `Report` (typed findings); the JSON
form (`Report.to_dict`) validates against `schemas/findings.schema.json`."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from checker import __version__
from checker.baseline import fingerprint
from checker.findings import Finding
from checker.rule_packs import RuleSet

# Characters an article may contain that must not reach a terminal or an XML file as they are: C0 and C1
# controls (ESC starts terminal escape sequences, CSI is their 8-bit form), DEL, the bidirectional
# overrides and isolates (they reorder what the terminal shows), lone surrogates (a file name that is not
# UTF-8) and the two non-characters XML forbids.
# Tab stays (it keeps its width under the caret).
_UNSAFE_RE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]")
_LINE_BREAK_RE = re.compile(r"\r\n?|\n")


def printable(text: str) -> str:
    """`text` with every control character written as a visible escape (\\x1b, \\u202e)."""
    if not _UNSAFE_RE.search(text):
        return text
    return _UNSAFE_RE.sub(_escape_one, text)


def _escape_one(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SEVERITY_FR = {"error": "erreur", "warning": "avertissement", "info": "info"}


@dataclass
class Report:
    files: list[str]
    findings: list[Finding]
    engines_ran: list[str] = field(default_factory=list)
    engines_unavailable: dict[str, str] = field(default_factory=dict)
    suppressed: int = 0
    baselined: int = 0

    def summary(self) -> dict[str, int]:
        counts = Counter(f.severity for f in self.findings)
        return {
            "error": counts.get("error", 0),
            "warning": counts.get("warning", 0),
            "info": counts.get("info", 0),
            "files": len(self.files),
            "suppressed": self.suppressed,
            "baselined": self.baselined,
        }

    def engines(self) -> dict[str, Any]:
        return {"ran": sorted(set(self.engines_ran)), "unavailable": dict(sorted(self.engines_unavailable.items()))}

    def to_dict(self) -> dict[str, Any]:
        """The JSON report (the one place findings become dictionaries, with the SARIF form)."""
        return {
            "version": __version__,
            "engines": self.engines(),
            "files": self.files,
            "summary": self.summary(),
            "findings": [f.to_dict() for f in self.findings],
        }


def build_report(
    files: list[str],
    findings: list[Finding],
    engines_ran: list[str],
    engines_unavailable: dict[str, str],
    suppressed: int = 0,
    baselined: int = 0,
) -> Report:
    return Report(files, findings, engines_ran, engines_unavailable, suppressed, baselined)


def render(fmt: str, report: Report, sources: dict[str, str], rules: RuleSet, color: bool = False) -> str:
    if fmt == "json":
        return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "sarif":
        return json.dumps(to_sarif(report, rules), ensure_ascii=False, indent=2) + "\n"
    if fmt == "github":
        return to_github(report)
    if fmt == "junit":
        return to_junit(report)
    return to_text(report, sources, color)


def display_width(text: str) -> int:
    """Terminal columns taken by `text`: wide characters (CJK, most emoji) take two, combining marks none."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or ch in "\u200b\u200c\u200d\u2060\ufeff" or ch in "\ufe0e\ufe0f":
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def caret_line(line: str, start: int, end: int) -> str:
    """Spaces up to character `start` of `line`, then ^~~ under characters [start, end) (at least one)."""
    pad = "".join("\t" if ch == "\t" else " " * display_width(ch) for ch in line[:start])
    width = max(1, display_width(line[start:end]))
    return pad + "^" + "~" * (width - 1)


def _source_line(source: str, line: int) -> str:
    lines = _LINE_BREAK_RE.split(source)
    return lines[line - 1] if 0 < line <= len(lines) else ""


MAX_SHOWN_LINE = 200  # characters of a source line shown under a finding; longer lines are windowed


def _window(line: str, start: int, stop: int) -> tuple[str, int, int]:
    """A long line cut to about MAX_SHOWN_LINE characters around [start, stop), with … at the cuts."""
    if len(line) <= MAX_SHOWN_LINE:
        return line, start, stop
    lo = max(0, start - 60)
    hi = min(len(line), max(stop, start + 1) + 60, lo + MAX_SHOWN_LINE)
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(line) else ""
    shift = len(prefix) - lo
    return prefix + line[lo:hi] + suffix, start + shift, min(stop, hi) + shift


def to_text(report: Report, sources: dict[str, str], color: bool = False) -> str:
    def paint(text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if color else text

    sev_color = {"error": "31;1", "warning": "33;1", "info": "36"}
    out: list[str] = []
    split: dict[str, list[str]] = {}  # each source split into lines once, not once per finding
    for f in report.findings:
        out.append(
            f"{paint(printable(f.path), '1')}:{f.line}:{f.column}: "
            f"{paint(SEVERITY_FR[f.severity], sev_color[f.severity])} "
            f"[{f.rule_id}] {printable(f.message)}"
        )
        if f.path not in split:
            split[f.path] = _LINE_BREAK_RE.split(sources.get(f.path, ""))
        lines = split[f.path]
        line = lines[f.line - 1] if 0 < f.line <= len(lines) else ""
        if line:
            stop = f.end_column - 1 if f.end_line == f.line else len(line)
            line, start, stop = _window(line, f.column - 1, stop)
            # Control characters shown escaped, the span moved with them.
            before, span, after = printable(line[:start]), printable(line[start:stop]), printable(line[stop:])
            line, start, stop = before + span + after, len(before), len(before) + len(span)
            # Tabs keep their width and wide characters count double, so the caret stays under the span.
            carets = caret_line(line, start, stop)
            marks = carets.lstrip(" \t")
            out.append(f"    {line}")
            out.append(f"    {carets[: len(carets) - len(marks)]}{paint(marks, sev_color[f.severity])}")
        if f.suggestions:
            out.append(f"    suggestion : {printable(' | '.join(f.suggestions[:5]))}")
        for rel in f.related:
            out.append(f"    voir ligne {rel['line']}:{rel['column']} : « {printable(rel['text'])} »")
    s = report.summary()
    engines = ", ".join(report.engines()["ran"]) or "aucun"
    out.append(
        f"{s['files']} fichier(s) analysé(s) : {s['error']} erreur(s), {s['warning']} avertissement(s), "
        f"{s['info']} info(s)"
        + (f", {s['suppressed']} masquée(s)" if s["suppressed"] else "")
        + (f", {s['baselined']} dans la baseline" if s["baselined"] else "")
        + f". Moteurs de grammaire : {engines}."
    )
    for engine, why in report.engines()["unavailable"].items():
        out.append(f"Moteur {engine} non utilisé : {printable(why)}")
    return "\n".join(out) + "\n"


def to_github(report: Report) -> str:
    """GitHub Actions workflow commands: one annotation per finding."""
    level = {"error": "error", "warning": "warning", "info": "notice"}

    def esc(s: str) -> str:
        return printable(s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))

    def prop(s: str) -> str:
        return esc(s).replace(":", "%3A").replace(",", "%2C")

    lines = [
        f"::{level[f.severity]} file={prop(f.path)},line={f.line},col={f.column},"
        f"endLine={f.end_line},endColumn={f.end_column},title={prop(f.rule_id)}::{esc(f.message)}"
        for f in report.findings
    ]
    return "\n".join(lines) + ("\n" if lines else "")


def to_junit(report: Report) -> str:
    """JUnit XML: one test case per file, one failure per finding."""
    from xml.sax.saxutils import escape, quoteattr  # imports urllib and http: only for this format

    by_file: dict[str, list[Finding]] = {p: [] for p in report.files}
    for f in report.findings:
        by_file.setdefault(f.path, []).append(f)
    total_failures = sum(len(v) for v in by_file.values())
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<testsuites name="checker" tests="{len(by_file)}" failures="{total_failures}">',
        f'  <testsuite name="checker" tests="{len(by_file)}" failures="{total_failures}">',
    ]
    for path, items in by_file.items():
        # XML 1.0 cannot hold most control characters at all, even escaped: they are written as \\x1b.
        out.append(f'    <testcase classname="checker" name={quoteattr(printable(path))}>')
        for f in items:
            msg = printable(f"{f.path}:{f.line}:{f.column} [{f.rule_id}] {f.message}")
            out.append(
                f"      <failure type={quoteattr(f.severity)} message={quoteattr(printable(f.message))}>"
                f"{escape(msg)}</failure>"
            )
        out.append("    </testcase>")
    out += ["  </testsuite>", "</testsuites>"]
    return "\n".join(out) + "\n"


def to_sarif(report: Report, rules: RuleSet) -> dict[str, Any]:
    used = sorted({f.rule_id for f in report.findings})
    index = {rid: i for i, rid in enumerate(used)}
    driver_rules = []
    for rid in used:
        rule = rules.get(rid)
        driver_rules.append(
            {
                "id": rid,
                "shortDescription": {"text": rule.description.split(". ")[0] if rule else rid},
                "fullDescription": {"text": rule.description if rule else rid},
                "defaultConfiguration": {"level": SARIF_LEVEL[rule.severity] if rule else "warning"},
                "properties": {"family": rule.family if rule else rid.split(".")[0]},
            }
        )
    results = []
    for f in report.findings:
        results.append(
            {
                "ruleId": f.rule_id,
                "ruleIndex": index[f.rule_id],
                "level": SARIF_LEVEL[f.severity],
                "message": {"text": f.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": f.path},
                            "region": {
                                "startLine": f.line,
                                "startColumn": f.column,
                                "endLine": f.end_line,
                                "endColumn": f.end_column,
                                "charOffset": f.start,
                                "charLength": f.end - f.start,
                                "snippet": {"text": f.text},
                            },
                        }
                    }
                ],
                "partialFingerprints": {"checker/v1": _fingerprint(f)},
            }
        )
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "checker",
                        "version": __version__,
                        "informationUri": "https://example.invalid/checker",
                        "rules": driver_rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def _fingerprint(f: Finding) -> str:
    return fingerprint(f)
