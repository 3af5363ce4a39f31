"""`checker lint --format html`: one self-contained page a writer can read.

Each article is shown with its text, the findings' spans highlighted by severity (message, rule,
explanation and suggestions on click), the claims inventory, each FAQ answer with the body passage
it was matched to, and the readability of every paragraph. Everything is inline (CSS, JS, data): the
page makes no network request. Every string that comes from an article or a finding is escaped.

Large runs stay usable: the index lists every article, and an article's text is kept in an inert
<template> until its section is opened (a few hundred articles do not cost a few hundred layouts).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from checker.claims_inventory import Statement, build_inventory
from checker.config import Config
from checker.errors import CheckerError
from checker.explanations import explanation
from checker.findings import Finding
from checker.parse import parse_document
from checker.report import SEVERITY_FR, Report
from checker.rule_packs import RuleSet

FAMILY_FR = {
    "markup": "balisage",
    "wording": "formulation",
    "claims": "affirmations",
    "faq": "FAQ",
    "grammar": "grammaire",
    "spelling": "orthographe",
    "typography": "typographie",
    "readability": "lisibilité",
    "repetition": "répétitions",
}
SEVERITIES = ("error", "warning", "info")
SEVERITY_PLURAL_FR = {"error": "erreurs", "warning": "avertissements", "info": "infos"}
STATUS_FR = {"supported": "sourcée", "weakly-supported": "source vague", "unsupported": "non sourcée"}
KIND_FR = {"forward-looking": "prospective", "reported": "rapportée", "numeric": "chiffrée", "evaluative": "évaluative"}
FAQ_STATUS_FR = {
    "supported": "étayée par le corps",
    "partial": "en partie étayée",
    "unsupported": "non étayée",
    "contradiction": "contredit le corps",
    "escalation": "durcit le corps",
}
# Families whose spans cover whole sentences: underlined rather than filled, so the words inside stay readable.
SENTENCE_FAMILIES = frozenset({"readability"})
OPEN_WHEN_AT_MOST = 3  # articles: a short run opens them all; a long one starts from the index


@dataclass(frozen=True)
class ParagraphReadability:
    start: int  # source offset of the paragraph
    line: int
    words: int
    sentences: int
    kandel_moles: float | None
    lix: float | None


@dataclass(frozen=True)
class FaqAnswer:
    question: str
    text: str  # one answer sentence
    line: int
    status: str  # supported, partial, unsupported, contradiction, escalation
    passage: dict[str, Any] | None  # the body sentence it was matched to: line, column, text


@dataclass
class ArticleView:
    path: str
    source: str
    findings: list[Finding]
    statements: list[Statement] = field(default_factory=list)
    paragraphs: list[ParagraphReadability] = field(default_factory=list)
    document_scores: dict[str, Any] | None = None
    faq: list[FaqAnswer] = field(default_factory=list)
    title: str = ""  # front matter title, else the first heading


def build_article(path: str, source: str, findings: list[Finding], config: Config, rules: RuleSet) -> ArticleView:
    """Everything the page shows about one article besides its findings: claims, FAQ support, readability."""
    from checker.checks.faq import support_report
    from checker.checks.readability import readability_scores

    doc = parse_document(source, path)
    scores = readability_scores(doc)
    paragraphs = [
        ParagraphReadability(
            start=p.block.start,
            line=doc.line_col(p.block.start)[0],
            words=p.scores.words,
            sentences=p.scores.sentences,
            kandel_moles=p.scores.kandel_moles,
            lix=p.scores.lix,
        )
        for p in scores.paragraphs
    ]
    questions: list[tuple[int, int, str]] = []  # answer block spans and their question
    for item in doc.faq:
        question = item.question.text if item.question is not None else ""
        questions.extend((block.start, block.end, question) for block in item.answers)
    faq: list[FaqAnswer] = []
    for verdict in support_report(doc, config):
        question = next((q for s, e, q in questions if s <= verdict.start < e), "")
        faq.append(
            FaqAnswer(
                question=question,
                text=verdict.text,
                line=verdict.line,
                status=verdict.status,
                passage=_matched_passage(verdict.start, verdict.end, verdict.status, verdict.best, findings),
            )
        )
    title = str(doc.front_matter.get("title") or "").strip() if isinstance(doc.front_matter, dict) else ""
    if not title:
        title = next((b.text for b in doc.blocks if b.kind in ("title", "heading")), "")
    return ArticleView(
        path=path,
        source=source,
        title=title,
        findings=findings,
        statements=build_inventory(doc, rules),
        paragraphs=paragraphs,
        document_scores=scores.document.as_dict() if scores.document.words else None,
        faq=faq,
    )


def _matched_passage(
    start: int, end: int, status: str, best: list[tuple[float, dict[str, Any]]], findings: list[Finding]
) -> dict[str, Any] | None:
    """The body passage an FAQ answer sentence was matched to: the one an FAQ finding on it names, else the
    best-supporting body sentence; none for an unsupported answer."""
    for f in findings:
        if f.family == "faq" and start <= f.start < end:
            for related in f.related:
                if related.get("role") == "body":
                    return dict(related)
    if status == "unsupported" or not best:
        return None
    return dict(best[0][1])


def build_articles(report: Report, config_for: Callable[[Path], Config], rules: RuleSet) -> list[ArticleView]:
    """One view per checked file, its text read again (a file that changed or vanished since shows empty)."""
    from checker.lint import read_source

    by_path: dict[str, list[Finding]] = {p: [] for p in report.files}
    for f in report.findings:
        by_path.setdefault(f.path, []).append(f)
    articles = []
    for path in report.files:
        try:
            source = read_source(Path(path))
        except CheckerError:
            source = ""
        articles.append(build_article(path, source, by_path.get(path, []), config_for(Path(path)), rules))
    return articles


# ---------------------------------------------------------------- rendering


# Control characters from an article (ESC, BEL, C1 controls such as the 8-bit CSI) are shown as their
# visible pictures (␛, ␇, �), one character for one: the page stays valid HTML, and printed to a terminal
# (`--format html` without -o) it cannot drive it.
_CONTROL_PICTURES = {
    **{code: chr(0x2400 + code) for code in range(0x20) if chr(code) not in "\t\n\r"},
    0x7F: "\u2421",
    **dict.fromkeys(range(0x80, 0xA0), "\ufffd"),
}


def _e(value: object) -> str:
    return escape(str(value).translate(_CONTROL_PICTURES), quote=True)


def _json_for_script(data: Any) -> str:
    """JSON that cannot close its <script> element nor open a comment."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def fr_number(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:.{digits}f}".replace(".", ",").replace("-", "−")


def render_html(report: Report, articles: list[ArticleView], rules: RuleSet) -> str:
    all_findings = [f for a in articles for f in a.findings]
    families = Counter(f.family for f in all_findings)
    severities = Counter(str(f.severity) for f in all_findings)
    used_rules = sorted({f.rule_id for f in all_findings})
    explanations: dict[str, str] = {}
    for rule_id in used_rules:
        rule = rules.get(rule_id)
        if rule is not None:
            explanations[rule_id] = explanation(rule)
    summary = report.summary()
    engines_info = report.engines()
    engines = ", ".join(engines_info["ran"]) or "aucun"
    out: list[str] = [
        "<!doctype html>",
        '<html lang="fr"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # No request may leave the page: everything it needs is inline.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">",
        f"<title>Rapport de relecture — {len(articles)} article(s)</title>",
        f"<style>{_CSS}</style></head><body>",
        '<header class="top"><h1>Rapport de relecture</h1>',
        f'<p class="sum">{len(articles)} article(s) analysé(s) : '
        + ", ".join(f'<span class="b s-{s}">{severities.get(s, 0)} {SEVERITY_PLURAL_FR[s]}</span>' for s in SEVERITIES)
        + (f", {summary['suppressed']} masquée(s)" if summary.get("suppressed") else "")
        + (f", {summary['baselined']} dans la baseline" if summary.get("baselined") else "")
        + f". Moteurs de grammaire : {_e(engines)}.</p>",
    ]
    for engine, why in engines_info["unavailable"].items():
        out.append(f'<p class="note">Moteur {_e(engine)} non utilisé : {_e(why)}</p>')
    out.append('<noscript><p class="note">Activez JavaScript pour afficher le texte des articles.</p></noscript>')
    out.append("</header>")
    out.append(_filters(families, severities))
    out.append(_index(articles))
    first = 0
    for number, article in enumerate(articles, 1):
        out.append(_article(number, article, first, len(articles) <= OPEN_WHEN_AT_MOST))
        first += len(article.findings)
    out.append('<aside id="pop" hidden role="dialog" aria-label="Détail du constat"></aside>')
    out.append(f'<script type="application/json" id="rules-data">{_json_for_script(explanations)}</script>')
    out.append(f"<script>{_JS}</script></body></html>")
    return "\n".join(out) + "\n"


def _filters(families: Counter[str], severities: Counter[str]) -> str:
    parts = ['<nav class="filters" aria-label="Filtres"><fieldset><legend>Gravité</legend>']
    for sev in SEVERITIES:
        parts.append(
            f'<label class="chip s-{sev}"><input type="checkbox" checked data-filter="sev" value="{sev}"> '
            f'{SEVERITY_FR[sev]} <span class="n">{severities.get(sev, 0)}</span></label>'
        )
    parts.append("</fieldset><fieldset><legend>Famille (constats par famille)</legend>")
    for family, label in FAMILY_FR.items():
        count = families.get(family, 0)
        parts.append(
            f'<label class="chip{"" if count else " zero"}"><input type="checkbox" checked data-filter="fam" '
            f'value="{family}"> {_e(label)} <span class="n" data-count-family="{family}">{count}</span></label>'
        )
    parts.append("</fieldset></nav>")
    return "".join(parts)


def _index(articles: list[ArticleView]) -> str:
    rows = []
    for number, a in enumerate(articles, 1):
        counts = Counter(str(f.severity) for f in a.findings)
        unsupported = sum(s.status == "unsupported" for s in a.statements)
        km = a.document_scores.get("kandel_moles") if a.document_scores else None
        rows.append(
            f'<tr><td><a href="#a{number}">{_e(a.title or a.path)}</a>'
            + (f'<br><small class="path">{_e(a.path)}</small>' if a.title else "")
            + "</td>"
            + "".join(f'<td class="num s-{s}">{counts.get(s, 0)}</td>' for s in SEVERITIES)
            + f'<td class="num">{unsupported}</td><td class="num">{fr_number(km)}</td></tr>'
        )
    return (
        '<section class="index"><h2>Articles</h2><div class="scroll"><table><thead><tr><th>Article</th>'
        '<th class="num" title="erreurs">Err.</th><th class="num" title="avertissements">Avert.</th>'
        '<th class="num" title="infos">Infos</th><th class="num" title="affirmations non sourcées">Non sourcées</th>'
        '<th class="num" title="Kandel–Moles du document">KM</th>'
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table></div></section>"
    )


def _article(number: int, a: ArticleView, first_id: int, open_now: bool) -> str:
    counts = Counter(str(f.severity) for f in a.findings)
    badges = " ".join(f'<span class="b s-{s}">{counts.get(s, 0)}</span>' for s in SEVERITIES)
    ids = {id(f): first_id + i for i, f in enumerate(a.findings)}
    body = [
        _text(number, a, ids),
        _finding_list(number, a, ids),
        _claims(number, a),
        _faq(number, a),
        _readability(number, a),
    ]
    return (
        f'<details class="article" id="a{number}"{" open" if open_now else ""}>'
        f"<summary>{_e(a.title or a.path)} {badges}"
        + (f'<br><small class="path">{_e(a.path)}</small>' if a.title else "")
        + "</summary>"
        f"<template>{''.join(body)}</template></details>"
    )


def _line_spans(source: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for line in source.split("\n"):
        end = pos + len(line)
        spans.append((pos, end - 1 if line.endswith("\r") else end))
        pos = end + 1
    return spans


def _text(number: int, a: ArticleView, ids: dict[int, int]) -> str:
    source = a.source
    spans = sorted(((f.start, f.end, ids[id(f)], f) for f in a.findings), key=lambda t: (t[0], t[1]))
    by_line: dict[int, list[ParagraphReadability]] = {}
    for p in a.paragraphs:
        by_line.setdefault(p.line, []).append(p)
    out = ['<h3>Texte</h3><div class="text" lang="fr">']
    for line_no, (ls, le) in enumerate(_line_spans(source), 1):
        for p in by_line.get(line_no, []):
            out.append(_paragraph_caption(p))
        anchor = f"a{number}-l{line_no}"
        if ls == le:
            out.append(f'<div class="ln empty" id="{anchor}"><a class="no" href="#{anchor}">{line_no}</a></div>')
            continue
        here = [s for s in spans if (s[0] < le and s[1] > ls) or (s[0] == s[1] and ls <= s[0] <= le)]
        out.append(
            f'<div class="ln" id="{anchor}"><a class="no" href="#{anchor}">{line_no}</a>'
            f'<div class="tx">{_marked(source, ls, le, here)}</div></div>'
        )
    out.append("</div>")
    return "".join(out)


def _marked(source: str, ls: int, le: int, spans: list[tuple[int, int, int, Finding]]) -> str:
    """The line [ls, le) of `source`, escaped, each stretch covered by findings in one <mark> naming them all
    (overlapping spans cannot nest: the line is cut at every span boundary)."""
    cuts = {ls, le}
    for s, e, _, _ in spans:
        cuts.add(min(max(s, ls), le))
        cuts.add(min(max(e, ls), le))
    points = sorted(cuts)
    out: list[str] = []
    empty = [(s, i, f) for s, e, i, f in spans if s == e]
    for a, b in zip(points, [*points[1:], le], strict=True):
        for s, i, f in empty:
            if s == a:
                out.append(f'<mark class="f zw {_classes([f])}" data-f="{i}" title=""></mark>')
        if a >= b:
            continue
        cover = [(i, f) for s, e, i, f in spans if s < b and e > a]
        text = _e(source[a:b])
        if not cover:
            out.append(text)
            continue
        names = " ".join(str(i) for i, _ in cover)
        first = " ".join(str(i) for i, f in cover if f.start >= a)
        extra = f' data-first="{first}"' if first else ""
        focus = ' tabindex="0"' if first else ""  # the keyboard reaches each finding once, at its start
        out.append(f'<mark class="f {_classes([f for _, f in cover])}" data-f="{names}"{extra}{focus}>{text}</mark>')
    return "".join(out)


def _classes(findings: Iterable[Finding]) -> str:
    items = list(findings)
    worst = min(items, key=lambda f: SEVERITIES.index(f.severity)).severity
    soft = " soft" if all(f.family in SENTENCE_FAMILIES for f in items) else ""
    return f"s-{worst}{soft}"


def _paragraph_caption(p: ParagraphReadability) -> str:
    from checker.checks.readability import km_label, lix_label

    if p.kandel_moles is None:
        return ""
    label = km_label(p.kandel_moles)
    level = "ok" if p.kandel_moles >= 60 else "mid" if p.kandel_moles >= 40 else "hard"
    lix = f" · LIX {fr_number(p.lix)} ({lix_label(p.lix)})" if p.lix is not None else ""
    per_sentence = p.words / p.sentences if p.sentences else None
    return (
        f'<div class="rd rd-{level}" data-line="{p.line}">Lisibilité : {_e(label)} — Kandel–Moles '
        f"{fr_number(p.kandel_moles)}{lix} · {p.sentences} phrase(s), {fr_number(per_sentence)} mots par phrase</div>"
    )


def _finding_list(number: int, a: ArticleView, ids: dict[int, int]) -> str:
    if not a.findings:
        return '<h3>Constats</h3><p class="none">Aucun constat.</p>'
    items = []
    for f in a.findings:
        i = ids[id(f)]
        suggestions = f.suggestions
        extra = ""
        if suggestions:
            extra += '<p class="sg">Suggestion : ' + " | ".join(f"<q>{_e(s)}</q>" for s in suggestions[:5]) + "</p>"
        if f.fix:
            extra += '<p class="fx">Correction automatique possible (<code>checker lint --fix</code>).</p>'
        for rel in f.related:
            extra += (
                f'<p class="rel">Voir <a href="#a{number}-l{rel["line"]}">ligne {_e(rel["line"])}</a> : '
                f"<q>{_e(_short(rel['text']))}</q></p>"
            )
        items.append(
            f'<li class="fi" id="f{i}" data-f="{i}" data-sev="{_e(f.severity)}" data-fam="{_e(f.family)}" '
            f'data-rule="{_e(f.rule_id)}"><div class="card">'
            f'<p class="hd"><a class="at" href="#a{number}-l{f.line}">{f.line}:{f.column}</a> '
            f'<span class="b s-{_e(f.severity)}">{SEVERITY_FR.get(f.severity, _e(f.severity))}</span> '
            f'<code class="rid">{_e(f.rule_id)}</code></p>'
            f'<p class="msg">{_e(f.message)}</p>{extra}</div></li>'
        )
    return f'<h3>Constats <span class="n">{len(a.findings)}</span></h3><ol class="flist">{"".join(items)}</ol>'


def _claims(number: int, a: ArticleView) -> str:
    if not a.statements:
        return '<h3>Affirmations à vérifier</h3><p class="none">Aucune affirmation à vérifier.</p>'
    counts = Counter(s.status for s in a.statements)
    head = ", ".join(f"{counts.get(k, 0)} {v}(s)" for k, v in STATUS_FR.items())
    rows = []
    for s in a.statements:
        cues = ", ".join(f"<q>{_e(c.text)}</q>" for c in s.cues)
        rows.append(
            f'<tr class="st-{_e(s.status)}"><td><a href="#a{number}-l{s.line}">{s.line}</a></td>'
            f'<td><span class="st">{_e(STATUS_FR.get(s.status, s.status))}</span></td>'
            f"<td>{_e(', '.join(KIND_FR.get(k, k) for k in s.kinds))}</td>"
            f"<td>{_e(_short(s.text, 300))}{f'<br><small>indices : {cues}</small>' if cues else ''}</td></tr>"
        )
    return (
        f'<h3>Affirmations à vérifier <span class="n">{len(a.statements)}</span></h3><p>{_e(head)}</p>'
        '<div class="scroll"><table class="claims"><thead><tr><th>Ligne</th><th>Statut</th><th>Nature</th>'
        f"<th>Affirmation</th></tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def _faq(number: int, a: ArticleView) -> str:
    if not a.faq:
        return ""
    items = []
    for answer in a.faq:
        if answer.passage is not None:
            where = (
                f'Passage du corps : <a class="passage" href="#a{number}-l{answer.passage["line"]}">'
                f"ligne {_e(answer.passage['line'])}</a> <q>{_e(_short(answer.passage['text']))}</q>"
            )
        else:
            where = '<span class="unsup">Aucun passage du corps ne l’étaye.</span>'
        items.append(
            f'<li class="faq-{_e(answer.status)}"><p class="q">{_e(answer.question)}</p>'
            f'<p><a href="#a{number}-l{answer.line}">ligne {answer.line}</a> <q>{_e(_short(answer.text))}</q> '
            f'<span class="st">{_e(FAQ_STATUS_FR.get(answer.status, answer.status))}</span></p><p>{where}</p></li>'
        )
    return f'<h3>FAQ : réponses et passages du corps</h3><ol class="faq">{"".join(items)}</ol>'


def _readability(number: int, a: ArticleView) -> str:
    from checker.checks.readability import km_label

    if not a.paragraphs:
        return ""
    rows = []
    for p in a.paragraphs:
        km = p.kandel_moles
        rows.append(
            f'<tr><td><a href="#a{number}-l{p.line}">{p.line}</a></td><td class="num">{p.words}</td>'
            f'<td class="num">{p.sentences}</td><td class="num">{fr_number(km)}</td>'
            f'<td>{_e(km_label(km)) if km is not None else "–"}</td><td class="num">{fr_number(p.lix)}</td></tr>'
        )
    doc = a.document_scores
    head = ""
    if doc and doc.get("kandel_moles") is not None:
        head = (
            f"<p>Document : Kandel–Moles {fr_number(doc['kandel_moles'])} ({_e(km_label(doc['kandel_moles']))}), "
            f"LIX {fr_number(doc.get('lix'))}, {doc['words']} mots, {doc['sentences']} phrases.</p>"
        )
    return (
        f"<h3>Lisibilité par paragraphe</h3>{head}"
        '<div class="scroll"><table><thead><tr><th>Ligne</th><th class="num">Mots</th><th class="num">Phrases</th>'
        '<th class="num">Kandel–Moles</th>'
        '<th>Niveau</th><th class="num">LIX</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _short(text: str, limit: int = 240) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


_CSS = """
:root{--err:#b3261e;--errbg:#fde2df;--warn:#8a5a00;--warnbg:#ffecb3;--info:#1f5f8b;--infobg:#dcecf8;
--fg:#1b1b1f;--mut:#5d5e66;--line:#e4e4ea;--bg:#fff;--panel:#f6f6f9}
*{box-sizing:border-box}
body{margin:0;font:17px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif;
color:var(--fg);background:var(--bg)}
header.top,nav.filters,section.index,details.article{max-width:60rem;margin:0 auto;padding:0 1rem}
h1{font-size:1.5rem;margin:1rem 0 .25rem}h2{font-size:1.2rem}h3{font-size:1.05rem;margin:1.25rem 0 .5rem}
.sum{margin:.25rem 0}.note{color:var(--mut);font-size:.9rem}
.b{display:inline-block;border-radius:.6rem;padding:0 .45rem;font-size:.85rem;font-weight:600}
.b.s-error,.chip.s-error{background:var(--errbg);color:var(--err)}
.b.s-warning,.chip.s-warning{background:var(--warnbg);color:var(--warn)}
.b.s-info,.chip.s-info{background:var(--infobg);color:var(--info)}
nav.filters{background:var(--bg);z-index:2;border-bottom:1px solid var(--line);padding-bottom:.3rem}
@media (min-width:40rem){nav.filters{position:sticky;top:0}}
fieldset{border:0;margin:.3rem 0;padding:0;display:flex;flex-wrap:wrap;gap:.3rem;align-items:center}
legend{font-size:.8rem;color:var(--mut);padding:0;margin-bottom:.15rem;float:left;width:100%}
.chip{border:1px solid var(--line);border-radius:1rem;padding:.1rem .55rem;font-size:.9rem;cursor:pointer;
white-space:nowrap;user-select:none}
.chip.zero{opacity:.55}.chip .n{font-weight:600}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{border-bottom:1px solid var(--line);padding:.3rem .4rem;text-align:left;vertical-align:top}
th.num,td.num{text-align:right;font-variant-numeric:tabular-nums}
td.s-error{color:var(--err)}td.s-warning{color:var(--warn)}td.s-info{color:var(--info)}
details.article{border-top:2px solid var(--line);margin-top:.5rem}
summary{cursor:pointer;padding:.6rem 0;font-weight:600;overflow-wrap:anywhere}
small.path{font-weight:400;color:var(--mut);overflow-wrap:anywhere}
.text{border:1px solid var(--line);border-radius:.4rem;padding:.4rem .2rem;background:#fcfcfd}
.ln{display:grid;grid-template-columns:2.6rem 1fr;gap:.4rem;scroll-margin-top:7rem}
.ln.empty{height:.5rem}.ln.empty .no{visibility:hidden}
.no{color:#9a9aa3;font-size:.75rem;text-align:right;text-decoration:none;padding-top:.25rem;font-variant-numeric:tabular-nums}
.tx{white-space:pre-wrap;overflow-wrap:anywhere;min-width:0}
.ln:target,.ln.here{background:#fff8d6}
.rd{margin:.5rem 0 0 3rem;font-size:.78rem;color:var(--mut)}
.rd::before{content:"";display:inline-block;width:.6rem;height:.6rem;border-radius:50%;margin-right:.35rem;background:#3f9142}
.rd-mid::before{background:#d39e00}.rd-hard::before{background:var(--err)}
mark.f{background:none;color:inherit;cursor:pointer;border-radius:.15rem}
mark.f.s-error{background:var(--errbg);box-shadow:inset 0 -2px var(--err)}
mark.f.s-warning{background:var(--warnbg);box-shadow:inset 0 -2px #c98a00}
mark.f.s-info{background:var(--infobg);box-shadow:inset 0 -2px var(--info)}
mark.f.soft{background:none;box-shadow:none;text-decoration:underline dotted 2px;text-underline-offset:.25em}
mark.f.soft.s-error{text-decoration-color:var(--err)}mark.f.soft.s-warning{text-decoration-color:#c98a00}
mark.f.soft.s-info{text-decoration-color:var(--info)}
mark.f.off{background:none;box-shadow:none;text-decoration:none;cursor:auto}
mark.zw::before{content:"‸";color:var(--err);font-weight:700}mark.zw.off::before{content:""}
mark.f.sel{outline:2px solid var(--fg)}
ol.flist{list-style:none;padding:0;margin:0}
.fi{border-bottom:1px solid var(--line);padding:.35rem 0}.fi[hidden]{display:none}
.fi.sel{background:#fff8d6}
.card p{margin:.15rem 0}.hd{font-size:.88rem}.at{font-variant-numeric:tabular-nums}
code{font-size:.85em;background:var(--panel);padding:0 .25rem;border-radius:.2rem}
.sg,.fx,.rel,.expl{font-size:.9rem;color:#33343a}
q{quotes:"« " " »"}
.st{font-size:.82rem;font-weight:600;border-radius:.5rem;padding:0 .4rem;background:var(--panel);white-space:nowrap}
tr.st-unsupported .st,li.faq-unsupported .st,li.faq-contradiction .st,
li.faq-escalation .st{background:var(--errbg);color:var(--err)}
tr.st-weakly-supported .st,li.faq-partial .st{background:var(--warnbg);color:var(--warn)}
tr.st-supported .st,li.faq-supported .st{background:#dff3e0;color:#25632a}
ol.faq{padding-left:1.2rem}ol.faq li{margin-bottom:.6rem}.q{font-weight:600;margin-bottom:.1rem}
.unsup{color:var(--err);font-weight:600}.none{color:var(--mut)}
#pop{position:fixed;right:1rem;bottom:1rem;width:min(28rem,calc(100vw - 2rem));max-height:60vh;overflow:auto;
background:var(--bg);border:1px solid #c9c9d2;border-radius:.6rem;box-shadow:0 6px 24px rgba(0,0,0,.18);
padding:.6rem .8rem;z-index:5}
#pop .close{float:right;border:0;background:none;font-size:1.3rem;cursor:pointer;line-height:1}
#pop .card{border-bottom:1px solid var(--line);padding:.3rem 0}
@media (max-width:40rem){body{font-size:16px}.ln{grid-template-columns:1.9rem 1fr;gap:.25rem}
.rd{margin-left:2.2rem}#pop{left:0;right:0;bottom:0;width:100%;border-radius:.8rem .8rem 0 0;max-height:55vh}
header.top,nav.filters,section.index,details.article{padding:0 .6rem}.chip{font-size:.82rem}}
"""

# Rendering a section clones its <template> once; filters toggle classes on the rendered marks and list items.
_JS = r"""
(function(){
"use strict";
var RULES=JSON.parse(document.getElementById("rules-data").textContent);
var SEV=["error","warning","info"];
var hidden={sev:{},fam:{}};
var info={};
function render(d){
  var t=d.querySelector(":scope > template");
  if(!t)return;
  d.appendChild(t.content.cloneNode(true));t.remove();
  d.querySelectorAll("li.fi").forEach(function(li){info[li.dataset.f]={sev:li.dataset.sev,fam:li.dataset.fam,li:li}});
  apply(d);
}
function visible(id){var f=info[id];return !!f&&!hidden.sev[f.sev]&&!hidden.fam[f.fam]}
function apply(root){
  root.querySelectorAll("mark.f").forEach(function(m){
    var ids=m.dataset.f.split(" ").filter(visible);
    m.classList.remove("s-error","s-warning","s-info","soft","off");
    if(!ids.length){m.classList.add("off");return}
    var worst=2;ids.forEach(function(i){worst=Math.min(worst,SEV.indexOf(info[i].sev))});
    m.classList.add("s-"+SEV[worst]);
    if(ids.every(function(i){return info[i].fam==="readability"}))m.classList.add("soft");
  });
  root.querySelectorAll("li.fi").forEach(function(li){li.hidden=!visible(li.dataset.f)});
}
function openFor(hash){
  var m=/^#(a\d+)/.exec(hash||"");if(!m)return;
  var d=document.getElementById(m[1]);if(!d)return;
  if(!d.open)d.open=true;render(d);
  // :target does not follow an element rendered after the hash changed: mark it ourselves.
  document.querySelectorAll(".ln.here").forEach(function(e){e.classList.remove("here")});
  var target=document.getElementById(hash.slice(1));
  if(target){target.classList.add("here");target.scrollIntoView({block:"center"})}
}
document.querySelectorAll("details.article").forEach(function(d){
  if(d.open)render(d);
  d.addEventListener("toggle",function(){if(d.open)render(d)});
});
document.querySelectorAll("input[data-filter]").forEach(function(box){
  box.addEventListener("change",function(){
    hidden[box.dataset.filter][box.value]=!box.checked;apply(document);
  });
});
var pop=document.getElementById("pop");
function show(ids,mark){
  document.querySelectorAll(".sel").forEach(function(e){e.classList.remove("sel")});
  pop.textContent="";
  var close=document.createElement("button");close.className="close";close.type="button";
  close.setAttribute("aria-label","Fermer");close.textContent="×";
  close.addEventListener("click",function(){pop.hidden=true});pop.appendChild(close);
  ids.forEach(function(id){
    var f=info[id];if(!f)return;
    f.li.classList.add("sel");
    var card=f.li.querySelector(".card").cloneNode(true);
    var expl=RULES[f.li.dataset.rule];
    if(expl){
      var p=document.createElement("p");p.className="expl";p.textContent="Explication : "+expl;card.appendChild(p);
    }
    pop.appendChild(card);
  });
  if(mark)mark.classList.add("sel");
  pop.hidden=false;
}
document.addEventListener("click",function(ev){
  var m=ev.target.closest&&ev.target.closest("mark.f");
  if(m&&!m.classList.contains("off")){show(m.dataset.f.split(" ").filter(visible),m);return}
  var li=ev.target.closest&&ev.target.closest("li.fi");
  if(li&&!ev.target.closest("a")){
    var id=li.dataset.f;
    var first=document.querySelector('mark.f[data-first~="'+id+'"]')||
      document.querySelector('mark.f[data-f~="'+id+'"]');
    if(first)first.scrollIntoView({block:"center"});
    show([li.dataset.f],first);
  }
});
document.addEventListener("mouseover",function(ev){
  var m=ev.target.closest&&ev.target.closest("mark.f");
  if(!m||m.title)return;
  m.title=m.dataset.f.split(" ").map(function(id){
    var f=info[id];return f?f.li.dataset.rule+" : "+f.li.querySelector(".msg").textContent:""}).join("\n");
});
document.addEventListener("keydown",function(ev){
  if(ev.key==="Escape")pop.hidden=true;
  var m=ev.target.closest&&ev.target.closest("mark.f");
  if(m&&(ev.key==="Enter"||ev.key===" ")){ev.preventDefault();show(m.dataset.f.split(" ").filter(visible),m)}
});
window.addEventListener("hashchange",function(){openFor(location.hash)});
openFor(location.hash);
})();
"""
