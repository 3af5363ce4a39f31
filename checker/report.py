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
from checker.rule_packs import Rule, RuleSet

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


# The line breaks json.dumps leaves raw inside strings (it escapes only the control characters below U+0020): a
# reader splitting on every line break (Python's str.splitlines, JavaScript's line readers) would cut a finding in two.
_LINE_BREAKS_IN_STRINGS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def jsonl_lines(findings: list[Finding]) -> str:
    """One finding per line (the shape of findings.schema.json's findings), for streaming output; a line separator
    quoted from the article (U+2028) is written as its JSON escape, so that every line holds one whole finding."""
    return "".join(
        json.dumps(f.to_dict(), ensure_ascii=False).translate(_LINE_BREAKS_IN_STRINGS) + "\n" for f in findings
    )


def render(
    fmt: str,
    report: Report,
    sources: dict[str, str],
    rules: RuleSet,
    color: bool = False,
    fail_on: str = "error",
    errors: list[str] | tuple[str, ...] = (),
    summary: bool = True,
    information_uri: str | None = None,
) -> str:
    """The report in format `fmt`. `fail_on` is the lowest severity that fails (JUnit failures, SARIF
    exit code); `errors` are the one-line errors of files that could not be checked (SARIF notifications);
    `summary` False leaves the text format's summary line out (--quiet); `information_uri` is SARIF's link to
    the tool's home page (`information-uri` of the configuration)."""
    if fmt == "json":
        return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return jsonl_lines(report.findings)
    if fmt == "sarif":
        sarif = to_sarif(report, rules, fail_on, errors, information_uri)
        return json.dumps(sarif, ensure_ascii=False, indent=2) + "\n"
    if fmt == "github":
        return to_github(report, errors=errors)
    if fmt == "junit":
        return to_junit(report, fail_on, errors)
    return to_text(report, sources, color, summary)


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


SEVERITY_STYLE: dict[str, dict[str, Any]] = {
    "error": {"fg": "red", "bold": True},
    "warning": {"fg": "yellow", "bold": True},
    "info": {"fg": "cyan"},
}


def to_text(report: Report, sources: dict[str, str], color: bool = False, summary: bool = True) -> str:
    import click  # styling goes through click, which also strips it when the output is not a terminal

    def paint(text: str, style: str) -> str:
        if not color:
            return text
        return click.style(text, bold=True) if style == "path" else click.style(text, **SEVERITY_STYLE[style])

    out: list[str] = []
    split: dict[str, list[str]] = {}  # each source split into lines once, not once per finding
    for f in report.findings:
        out.append(
            f"{paint(printable(f.path), 'path')}:{f.line}:{f.column}: "
            f"{paint(SEVERITY_FR[f.severity], f.severity)} "
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
            out.append(f"    {carets[: len(carets) - len(marks)]}{paint(marks, f.severity)}")
        if f.suggestions:
            out.append(f"    suggestion : {' | '.join(printable(visible(s)) for s in f.suggestions[:5])}")
        for rel in f.related:
            out.append(f"    voir ligne {rel['line']}:{rel['column']} : « {printable(rel['text'])} »")
    if summary:
        out.append(summary_line(report))
    return "\n".join(out) + ("\n" if out else "")


def summary_line(report: Report) -> str:
    s = report.summary()
    engines = ", ".join(report.engines()["ran"]) or "aucun"
    return (
        f"{s['files']} fichier(s) analysé(s) : {s['error']} erreur(s), {s['warning']} avertissement(s), "
        f"{s['info']} info(s)"
        + (f", {s['suppressed']} masquée(s)" if s["suppressed"] else "")
        + (f", {s['baselined']} déjà connu(s) (fichier de référence)" if s["baselined"] else "")
        + f". Moteurs de grammaire : {engines}."
    )


def to_statistics(report: Report, rules: RuleSet, summary: bool = True, fmt: str = "text") -> str:
    """--statistics: how many findings of each rule, most frequent first; with --format json, a list of
    {"count", "rule_id", "severity", "description"} (the severity as the configuration writes it)."""
    counts = Counter(f.rule_id for f in report.findings)
    severities = {f.rule_id: f.severity for f in report.findings}
    if fmt == "json":
        rows = [
            {
                "count": count,
                "rule_id": rule_id,
                "severity": severities[rule_id],
                "description": " ".join(rule.description.split()) if (rule := rules.get(rule_id)) else "",
            }
            for rule_id, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        ]
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    width = max((len(str(n)) for n in counts.values()), default=1)
    id_width = max((len(rid) for rid in counts), default=0)
    out = []
    for rule_id, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        rule = rules.get(rule_id)
        label = rule.description.split(". ")[0].strip().rstrip(".") if rule else ""
        severity = SEVERITY_FR[severities[rule_id]]
        out.append(f"{count:>{width}}  {rule_id:<{id_width}}  {severity:<13}  {' '.join(label.split())}")
    if summary:
        out.append(summary_line(report))
    return "\n".join(out) + ("\n" if out else "")


def engine_status_lines(report: Report) -> list[str]:
    """Why an engine did not run (for --verbose, on standard error)."""
    unavailable = report.engines()["unavailable"]
    return [f"checker : moteur {engine} non utilisé : {printable(why)}" for engine, why in unavailable.items()]


# Spaces a reader cannot see in a suggestion: named, so that « suggestion :  : » does not happen.
_INVISIBLE = {
    "\u00a0": "‹espace insécable›",
    "\u202f": "‹espace fine insécable›",
    "\u2009": "‹espace fine›",
    "\u2007": "‹espace tabulaire›",
    "\u200b": "‹espace sans chasse›",
}


def visible(suggestion: str) -> str:
    """A suggestion as it should be read: special spaces named, a bare space or nothing said so."""
    if suggestion == "":
        return "‹supprimer›"
    if suggestion == " ":
        return "‹espace›"
    return "".join(_INVISIBLE.get(ch, ch) for ch in suggestion)


# GitHub shows at most 10 annotations of each level per step; the rest would be dropped silently.
GITHUB_ANNOTATIONS_PER_LEVEL = 10
GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def to_github(
    report: Report, per_level: int = GITHUB_ANNOTATIONS_PER_LEVEL, errors: list[str] | tuple[str, ...] = ()
) -> str:
    """GitHub Actions workflow commands: up to `per_level` annotations of each level, then the other
    findings as plain log lines and one summary line saying how many were not annotated. A file that
    could not be checked (`errors`, « FILE: problem ») comes first, as an error annotation on that file."""

    def esc(s: str) -> str:
        return printable(s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))

    def prop(s: str) -> str:
        return esc(s).replace(":", "%3A").replace(",", "%2C")

    lines: list[str] = []
    rest: list[str] = []
    annotated: Counter[str] = Counter()
    left: Counter[str] = Counter()
    for message in errors:
        path, _, problem = message.partition(": ")
        if annotated["error"] < per_level:
            annotated["error"] += 1
            lines.append(f"::error file={prop(path)},title=checker::{esc(problem or message)}")
        else:
            left["error"] += 1
            rest.append(printable(message))
    for f in report.findings:
        severity = f.severity
        if annotated[severity] < per_level:
            annotated[severity] += 1
            lines.append(
                f"::{GITHUB_LEVEL[severity]} file={prop(f.path)},line={f.line},col={f.column},"
                f"endLine={f.end_line},endColumn={f.end_column},title={prop(f.rule_id)}::{esc(f.message)}"
            )
        else:
            left[severity] += 1
            message = " ".join(f.message.split())
            rest.append(printable(f"{f.path}:{f.line}:{f.column}: {SEVERITY_FR[severity]} [{f.rule_id}] {message}"))
    lines.extend(rest)
    if left:
        counts = ", ".join(f"{left[sev]} {label}" for sev, label in _PLURAL_LABELS if left[sev])
        lines.append(
            f"checker : {counts} de plus, sans annotation (GitHub en affiche {per_level} par niveau) : "
            "voir les lignes ci-dessus."
        )
    return "\n".join(lines) + ("\n" if lines else "")


_PLURAL_LABELS = (("error", "erreur(s)"), ("warning", "avertissement(s)"), ("info", "info(s)"))


def to_junit(report: Report, fail_on: str = "error", errors: list[str] | tuple[str, ...] = ()) -> str:
    """JUnit XML: one test case per file, failed when it has a finding at or above `fail_on` (one
    <failure> listing them); findings below that level go to the test case's <system-out>. A file that
    could not be checked (`errors`, « FILE: problem ») is a test case in <error>: a merge request's
    report must not show it as passed, nor leave it out."""
    from xml.sax.saxutils import escape, quoteattr  # imports urllib and http: only for this format

    from checker.findings import SEVERITY_RANK

    limit = SEVERITY_RANK[fail_on]
    by_file: dict[str, list[Finding]] = {p: [] for p in report.files}
    for f in report.findings:
        by_file.setdefault(f.path, []).append(f)

    # XML 1.0 cannot hold most control characters at all, even escaped: they are written as \\x1b.
    def line(f: Finding) -> str:
        return printable(f"{f.path}:{f.line}:{f.column}: {SEVERITY_FR[f.severity]} [{f.rule_id}] {f.message}")

    cases: list[str] = []
    failed = 0
    for path, items in by_file.items():
        failing = [f for f in items if SEVERITY_RANK[f.severity] >= limit]
        below = [f for f in items if SEVERITY_RANK[f.severity] < limit]
        cases.append(f"    <testcase classname=\"checker\" name={quoteattr(printable(path))}>")
        if failing:
            failed += 1
            counts: Counter[str] = Counter(f.severity for f in failing)
            summary = ", ".join(f"{counts[sev]} {label}" for sev, label in _PLURAL_LABELS if counts[sev])
            body = "\n".join(line(f) for f in failing)
            cases.append(
                f"      <failure type={quoteattr(fail_on)} message={quoteattr(summary)}>"
                f"{escape(body)}</failure>"
            )
        if below:
            cases.append(f"      <system-out>{escape(chr(10).join(line(f) for f in below))}</system-out>")
        cases.append("    </testcase>")
    for message in errors:
        name, _, problem = message.partition(": ")
        cases.append(f"    <testcase classname=\"checker\" name={quoteattr(printable(name))}>")
        cases.append(
            f"      <error type=\"checker\" message={quoteattr(printable(problem or message))}>"
            f"{escape(printable(message))}</error>"
        )
        cases.append("    </testcase>")
    tests = len(by_file) + len(errors)
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<testsuites name="checker" tests="{tests}" failures="{failed}" errors="{len(errors)}">',
        f'  <testsuite name="checker" tests="{tests}" failures="{failed}" errors="{len(errors)}" skipped="0">',
        *cases,
        "  </testsuite>",
        "</testsuites>",
    ]
    return "\n".join(out) + "\n"


def artifact_location(path: str) -> dict[str, str]:
    """A SARIF artifact location: a relative path percent-encoded against %SRCROOT%, an absolute one
    as a file: URI."""
    from pathlib import Path, PurePosixPath
    from urllib.parse import quote

    if Path(path).is_absolute():
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(PurePosixPath(Path(path).as_posix()).as_posix(), safe="/"), "uriBaseId": "%SRCROOT%"}


def information_uri() -> str | None:
    """The project's home page from the installed package's metadata (Project-URL), if it declares one."""
    from importlib import metadata

    try:
        urls = metadata.metadata("checker").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return None
    for entry in urls:
        label, _, url = str(entry).partition(",")
        if label.strip().lower() in ("documentation", "homepage", "repository", "source") and url.strip():
            return url.strip()
    return None


def _rule_help(rule: Rule) -> dict[str, str]:
    """What SARIF viewers show under a result: the description, the message, and the rule's examples."""

    def plain(example: str | dict[str, Any]) -> str:
        raw = example if isinstance(example, str) else example["text"]
        return " ".join(raw.replace("<marker>", "«\u00a0").replace("</marker>", "\u00a0»").split())

    flagged = [plain(e) for e in rule.examples_flagged[:3]]
    accepted = [plain(e) for e in rule.examples_accepted[:3]]
    description = " ".join(rule.description.split())
    text = "\n".join(
        [description, "", f"Message : {rule.message}", "", "Signalé :"]
        + [f"  ✗ {e}" for e in flagged]
        + ["Accepté :"]
        + [f"  ✓ {e}" for e in accepted]
        + ["", f"Plus de détails : checker explain {rule.id}"]
    )
    markdown = "\n".join(
        [description, "", f"**Message :** {rule.message}", "", "**Signalé :**"]
        + [f"- ✗ {e}" for e in flagged]
        + ["", "**Accepté :**"]
        + [f"- ✓ {e}" for e in accepted]
        + ["", f"Plus de détails : `checker explain {rule.id}`"]
    )
    return {"text": text, "markdown": markdown}


def to_sarif(
    report: Report,
    rules: RuleSet,
    fail_on: str = "error",
    errors: list[str] | tuple[str, ...] = (),
    configured_uri: str | None = None,
) -> dict[str, Any]:
    """SARIF 2.1.0. `informationUri` is `configured_uri` (the configuration's `information-uri`), else the
    package's Project-URL, else left out: never a placeholder."""
    from pathlib import Path

    from checker.findings import SEVERITY_RANK

    used = sorted({f.rule_id for f in report.findings})
    index = {rid: i for i, rid in enumerate(used)}
    driver_rules = []
    for rid in used:
        rule = rules.get(rid)
        entry: dict[str, Any] = {
            "id": rid,
            "shortDescription": {"text": rule.description.split(". ")[0].strip() if rule else rid},
            "fullDescription": {"text": " ".join(rule.description.split()) if rule else rid},
            "defaultConfiguration": {"level": SARIF_LEVEL[rule.severity] if rule else "warning"},
            "properties": {"family": rule.family if rule else rid.split(".")[0]},
        }
        if rule is not None:
            entry["help"] = _rule_help(rule)
        driver_rules.append(entry)
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
                            "artifactLocation": artifact_location(f.path),
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
    failing = any(SEVERITY_RANK[f.severity] >= SEVERITY_RANK[fail_on] for f in report.findings)
    invocation: dict[str, Any] = {
        "executionSuccessful": not errors,
        "exitCode": 2 if errors else 1 if failing else 0,
    }
    if errors:
        invocation["toolExecutionNotifications"] = [
            {"level": "error", "message": {"text": message}} for message in errors
        ]
    driver: dict[str, Any] = {"name": "checker", "version": __version__, "semanticVersion": __version__}
    uri = configured_uri or information_uri()
    if uri:
        driver["informationUri"] = uri
    driver["rules"] = driver_rules
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "invocations": [invocation],
                "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def _fingerprint(f: Finding) -> str:
    return fingerprint(f)
