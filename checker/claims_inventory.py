"""`checker claims FILE`: the inventory of check-worthy statements of an article.

Every sentence that makes a forward-looking claim, reports someone's statement, gives a
number or a date, or evaluates (hype terms, superlatives) is listed with its location and
its support status:

- supported: a named source in the sentence or its paragraph (« selon », a verb of saying,
  a quotation, a link, a footnote);
- weakly-supported: the only source is a weasel attribution (« selon certains experts »);
- unsupported: nothing backs it.

The cues and attribution markers are those of the claims check (`rules/claims.yaml`).
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

from checker.checks.claims import FORWARD_RULES, REPORTED_RULES, analyse_document, list_matches
from checker.context import RegexBudget
from checker.document import Document
from checker.rule_packs import RuleSet

KINDS = ("forward-looking", "reported", "numeric", "evaluative")


@dataclass
class Cue:
    rule: str
    text: str
    line: int
    column: int


@dataclass
class Statement:
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    kinds: list[str]
    status: str  # supported, weakly-supported, unsupported
    region: str
    cues: list[Cue] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # the attribution markers found in the sentence
    evaluative: list[str] = field(default_factory=list)


@lru_cache(maxsize=8)
def _patterns(items: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in items)


def build_inventory(doc: Document, rules: RuleSet) -> list[Statement]:
    family = rules.family("claims")
    params: dict[str, Any] = {}
    for rule in family:
        params.setdefault("inventory", rule.params.get("inventory", {}))
    inventory = params.get("inventory") or {}
    evaluative_res = _patterns(tuple(inventory.get("evaluative_patterns", ())))
    numeric_res = _patterns(tuple(inventory.get("numeric_patterns", ())))
    hype = [r for r in family if r.id == "claims.hype"]
    weasel = [r for r in family if r.id == "claims.weasel"]

    list_cache: dict[int, tuple[list[tuple[int, int, str]], list[tuple[int, int]]]] = {}
    budget = RegexBudget(1.0)  # one time budget for the patterns over the whole document
    statements: list[Statement] = []
    for analysis in analyse_document(doc, rules):
        sentence = analysis.sentence
        block = sentence.block
        if analysis.question:
            continue
        if block.index not in list_cache:
            list_cache[block.index] = (
                [(s, e, block.text[s:e]) for _, s, e in list_matches(hype, block, budget)],
                [(s, e) for _, s, e in list_matches(weasel, block, budget)],
            )
        hype_spans, weasel_spans = list_cache[block.index]
        text = sentence.text
        kinds: list[str] = []
        cues = [c for c in analysis.cues if c.start not in analysis.scheduled]
        if any(c.rule_id in FORWARD_RULES for c in cues):
            kinds.append("forward-looking")
        if analysis.attributed or any(c.rule_id in REPORTED_RULES for c in cues):
            kinds.append("reported")
        if any(p.search(text) for p in numeric_res):
            kinds.append("numeric")
        evaluative = [t for s, e, t in hype_spans if sentence.start <= s and e <= sentence.end]
        evaluative += [m.group() for p in evaluative_res for m in p.finditer(text)]
        if evaluative:
            kinds.append("evaluative")
        if not kinds:
            continue
        markers = [(sentence.start + s, sentence.start + e, kind) for s, e, kind in analysis.markers]
        weasels = [(ws, we) for ws, we in weasel_spans if sentence.start <= ws < sentence.end]
        # "Certains experts jugent que…": with a weasel subject, the verb names no one either.
        named = [
            m for m in markers if not any(ws <= m[0] < we for ws, we in weasels) and not (weasels and m[2] == "verb")
        ]
        if named or analysis.paragraph_attributed:
            status = "supported"
        elif markers or weasels:
            status = "weakly-supported"
        else:
            status = "unsupported"
        s, e = sentence.source_span()
        line, col = doc.line_col(s)
        end_line, end_col = doc.line_col(e)
        cue_items = []
        for c in cues:
            cs, _ = sentence.source_span(c.start, c.end)
            cl, cc = doc.line_col(cs)
            cue_items.append(Cue(c.rule_id, c.text, cl, cc))
        statements.append(
            Statement(
                line=line,
                column=col,
                end_line=end_line,
                end_column=end_col,
                text=text,
                kinds=kinds,
                status=status,
                region=block.region,
                cues=cue_items,
                sources=[block.text[a:b] for a, b, _ in markers],
                evaluative=list(dict.fromkeys(evaluative)),
            )
        )
    return statements


def summary(statements: list[Statement]) -> dict[str, Any]:
    return {
        "statements": len(statements),
        "unsupported": sum(s.status == "unsupported" for s in statements),
        "weakly_supported": sum(s.status == "weakly-supported" for s in statements),
        "supported": sum(s.status == "supported" for s in statements),
        "by_kind": {k: sum(k in s.kinds for s in statements) for k in KINDS},
    }


def render_json(path: str, statements: list[Statement]) -> str:
    data = {"path": path, "summary": summary(statements), "statements": [asdict(s) for s in statements]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


_STATUS_FR = {"supported": "sourcé", "weakly-supported": "source vague", "unsupported": "non sourcé"}
_KIND_FR = {"forward-looking": "prospectif", "reported": "rapporté", "numeric": "chiffré", "evaluative": "évaluatif"}


def render_text(path: str, statements: list[Statement]) -> str:
    out = []
    for s in statements:
        kinds = ", ".join(_KIND_FR[k] for k in s.kinds)
        text = s.text if len(s.text) <= 160 else s.text[:157] + "…"
        out.append(f"{path}:{s.line}:{s.column}: [{_STATUS_FR[s.status]}] ({kinds}) {text}")
        for c in s.cues:
            out.append(f"    indice {c.line}:{c.column} « {c.text} » ({c.rule})")
        if s.sources:
            out.append("    source : " + " ; ".join(f"« {src} »" for src in s.sources[:3]))
        if s.evaluative:
            out.append("    évaluation : " + ", ".join(f"« {e} »" for e in s.evaluative[:5]))
    total = summary(statements)
    out.append(  # the file named: with several files, each summary says whose it is
        f"{path} : {total['statements']} affirmation(s) à vérifier : {total['unsupported']} non sourcée(s), "
        f"{total['weakly_supported']} à source vague, {total['supported']} sourcée(s)."
    )
    return "\n".join(out) + "\n"
