#!/usr/bin/env python3
"""Rebuild checker/data/franceterme-anglicisms.tsv from FranceTerme data.

FranceTerme is the French government's terminology base (Ministère de la Culture, DGLFLF), published
under the Licence Ouverte / Etalab. The official XML is over 4 MiB and no stored copy of it could be read
whole here, so this script reads two public redistributions of it:

* `franceterme.db`: the SQLite base built from FranceTerme's XML in February 2014 by the Android app
  https://github.com/nathalielanckriet/FranceTerme (app/src/main/assets/franceterme.db, commit 7941b8a);
  its Term ids are FranceTerme's record ids (FIC_ID: 1415 is « courriel »).
* `terms_recent.json`: the 2020-2025 terms extracted from FranceTerme.xml (published 2026) by
  https://github.com/chobrien99-svg/franceterme-data (commit 113903e); no ids, the publication date instead.

Kept, outside a few technical domains (TECHNICAL_DOMAINS): English equivalents of one to three words,
lower case, that French prose actually uses (wordfreq's
French Zipf frequency of the English form at least --min-english-zipf), whose French term is in use
(Zipf at least --min-french-zipf), and that are not French words themselves (EXCLUDED below, reviewed by
hand: an English equivalent spelled like a French word, « ablation », or a proper use in French, « jazz »).

Usage: scripts/build_franceterme_anglicisms.py DB JSON > checker/data/franceterme-anglicisms.tsv
(run with the project's venv: it needs wordfreq). Both inputs, as fetched, are kept outside the repository in
the workplace's shared/franceterme/ (franceterme.db, terms_recent.json).
"""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
import sys
import unicodedata
from collections import defaultdict

from wordfreq import zipf_frequency

# English equivalents that are also ordinary French words or loans French has fully made its own, so a
# finding would be wrong (reviewed on the candidate list; the reason for each group is in the comment).
EXCLUDED = frozenset(
    {
        # spelled like a French word with a French meaning
        "ablation", "absorbeur", "accord", "action", "agenda", "alternative", "audit", "bit", "budget",
        "canal", "caravane", "capital", "centre", "chance", "chat", "code", "collection", "comment",
        "commission", "concept", "contact", "contrat", "culture", "design", "distribution", "dividende",
        "document", "fret", "format", "forum", "fuel", "index", "info", "information", "instrument", "label",
        "local", "machine", "mail", "manager", "media", "message", "mentor", "menu", "mission", "moment",
        "note", "option", "patch", "patron", "plan", "plateau", "pool", "portable", "position", "pot",
        "prime", "programme", "projet", "promotion", "public", "radar", "rail", "rang", "rate", "relief",
        "report", "ressources", "route", "service", "site", "slogan", "solution", "sort", "source",
        "standard", "station", "surf", "surfing", "test", "tester", "texte", "ticket", "train", "transfert",
        "tunnel", "type", "union", "vision", "volume", "wagon", "web", "zone", "scanner", "spot",
        "stock", "bus", "club", "sport", "tennis", "match", "golf", "rugby", "football", "jazz", "rock",
        "week-end", "parking", "camping", "sandwich", "gadget", "tramway", "cocktail",
        "interview", "leader", "reporter", "star", "stress", "toast", "record", "sketch",
        "pipeline", "cash", "air", "net", "pub", "fan", "fans", "bar", "big", "cool", "live", "mix",
        "pop", "set", "shift", "top", "cross", "short", "flash", "clip", "score", "sprint", "trial",
        "open", "ring", "start", "stop", "studio", "scoop", "spam", "blog", "bug", "internet",
        "logiciel", "punch", "pack", "puzzle", "raid", "square", "stand", "terminal", "trust",
        "loft", "lobby", "lobbying", "hall", "meeting", "job", "jogging", "karting", "rallye",
        # French words too, or an English word whose FranceTerme sense is a narrow technical one a news
        # text does not mean (« rod » → « crayon » in nuclear fuel, « park » → « bol » in skateboarding)
        "ace", "ad", "analogue", "arch", "attitude", "badge", "basket", "baton", "bloom", "boot", "box",
        "buzz", "camper", "cap", "cascade", "charge", "consolidation", "constitution", "course", "crash",
        "dealer", "designer", "die", "dispenser", "diversion", "dope", "double", "fade", "fantasy", "fit",
        "freestyle", "gap", "hardcore", "inspection", "intelligence", "intensive", "interactive", "jack",
        "jam", "joint", "kit", "liner", "major", "master", "nick", "offshore", "pad", "park", "penalty",
        "pin", "pointer", "post", "premium", "pressing", "primer", "raider", "rocket", "rod", "roller",
        "rush", "scratch", "skate", "slam", "spider", "spin", "spoiler", "stage", "street", "string",
        "strip", "surfer", "suspect", "switch", "tab", "tag", "tank", "terminator", "trail", "trainer",
        "trek", "via", "vintage", "cloud", "digital", "discount", "casting", "coach", "cockpit",
        "challenge", "marketing", "sponsor", "timing", "trader", "trailer", "playlist", "thread",
        "cluster", "squat", "sniper", "snowboard", "skipper", "pro-gamer", "high tech", "web site",
        "web-site", "web page", "telephone sales man", "bus catalogue", "case bay", "long box", "map index",
        "cash-box", "web plate", "trail center", "spring tab", "hobby room", "link trainer", "back tee",
        "air strip", "big air", "heavy jet", "wave ski", "pole walking", "ski walking", "exclusive lane",
        "fan jet", "jet body", "propulsion bay", "data strip", "color composite", "scan line", "fade in",
        "free on rail", "open ticket", "hub station", "free-to-air", "top rock", "top bar", "power gain",
        "sea of gates",
        "set of clubs", "show runner", "feedback", "stop-and-go", "black-out", "e-seller",
        "podcast", "black box", "reset", "cookie",
    }
)

# How much rarer in French than in English each longer word of a phrase must be (Zipf points).
ENGLISH_LEAN = 0.5
# A form this much more frequent in French than in English (Zipf points) is a French word as well.
FRENCH_LEAN = 0.3
# Domains whose terms a general news text hardly ever uses in their FranceTerme sense.
TECHNICAL_DOMAINS = frozenset(
    {
        "Aérodynamique", "Biologie", "Chimie", "Génie civil et construction", "Ingénierie nucléaire",
        "Matériaux", "Nucléaire", "Pétrole et gaz", "Sciences et techniques spatiales", "Spatiologie",
        "Télédétection spatiale",
    }
)
# Kept after a review by hand of the looser band (French Zipf >= 2.8, up to 1.7 under the English
# frequency), which also holds hundreds of technical phrases wordfreq cannot rate: these are the ones a
# French newsroom actually writes.
REVIEWED_LOOSE_BAND = frozenset(
    {
        "back office", "bank run", "big business", "black-out", "blind test", "blue chip", "breaking news",
        "briefing", "burn-out", "business model", "call center", "cash flow", "cash back", "check list",
        "close-up", "cloud computing", "community manager", "conference call", "core business",
        "credit crunch", "deal", "deep fake", "deep state", "duty-free shop", "e-book", "e-learning",
        "fair trade", "family office", "fast fashion", "feedback", "flashback", "focus group",
        "garden center", "hard power", "hardware", "hot line", "hotline", "job board", "job dating",
        "kick-off meeting", "killer app", "lay-off", "leadership", "long tail", "mass media", "master class",
        "middle management", "mind map", "no-show", "off line", "off-line", "on line", "on-line", "online",
        "one-man show", "open space", "packaging", "peer-to-peer", "play-off", "policy mix",
        "press briefing", "project manager", "proxy war", "real time", "reporting", "road show",
        "short list", "slow fashion", "soft law", "soft power", "software", "speed dating", "spin-off",
        "stand-by", "start-up", "stop-and-go", "swing state", "talk-show", "team building", "think tank",
        "think-tank", "tie-break", "top model", "top-down", "touch screen", "trade-off", "wild card",
        "wind farm", "workshop", "voice-over", "shopping mall", "sharp power", "data mining", "data lake",
        "fashion show", "game designer", "trading room", "trash television", "smart money", "cut-off date",
        "low cost company", "skateboard", "free software",
    }
)
# A preposition FranceTerme writes after its term, « ligne (en) »: it goes before it, « en ligne ».
TRAILING_PREPOSITION_RE = re.compile(r"^(?P<term>.*?)\s*\((?P<prep>à|à la|au|en|de|d'|par|sur)\)$")
SPACE_RE = re.compile(r"\s+")
ENGLISH_FORM_RE = re.compile(r"[a-z][a-z'\- ]*[a-z]")


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def used_in_french(english: str, min_zipf: float, max_gap: float) -> bool:
    """Whether French prose uses the English form: frequent enough in French (wordfreq), and not far rarer in
    French than in English (an English word French only meets in English titles and quotations, « area »,
    is far rarer). wordfreq rates a phrase about as its rarest word, so every longer word of a phrase must
    itself lean English: « angle of tilt » is « angle », a French word, and « tilt »."""
    french_zipf = zipf_frequency(english, "fr")
    english_zipf = zipf_frequency(english, "en")
    if french_zipf < min_zipf or french_zipf < english_zipf - max_gap:
        return False
    if french_zipf > english_zipf + FRENCH_LEAN:
        return False  # more French than English: a French word too (« cascade », the verb « tweeter »)
    words = [w for w in re.split(r"[ -]", english) if len(w) > 3]
    if len(words) > 1:
        return all(zipf_frequency(w, "fr") <= zipf_frequency(w, "en") - ENGLISH_LEAN for w in words)
    return True


def french_headword(title: str) -> str:
    """« entraîneur, -euse » → « entraîneur »; « faible émission (à) » → « faible émission »."""
    title = title.split(",")[0].strip()
    trailing = TRAILING_PREPOSITION_RE.match(title)
    if trailing:
        title = f"{trailing['prep']} {trailing['term']}".replace("d' ", "d'")
    title = re.sub(r"\s*\([^)]*\)", "", title)
    return SPACE_RE.sub(" ", title).strip()


def rows_from_db(path: str) -> list[tuple[str, str, str, str]]:
    """(english, french, domain, origin) from the 2014 SQLite base; origin is « FIC_ID n »."""
    db = sqlite3.connect(path)
    domains: dict[int, str] = {}
    for term_id, domain in db.execute(
        "SELECT td.term_id, d.title FROM TermDomain td JOIN Domain d ON d._id = td.domain_id"
    ):
        domains.setdefault(term_id, domain)
    rows = []
    for term_id, french, english in db.execute(
        "SELECT t._id, t.title, e.title FROM Term t JOIN TermEquivalent te ON te.term_id = t._id "
        "JOIN Equivalent e ON e._id = te.equivalent_id WHERE e.language = 'en'"
    ):
        rows.append((english, french, domains.get(term_id, ""), f"FIC_ID {term_id}"))
    return rows


def rows_from_recent(path: str) -> list[tuple[str, str, str, str]]:
    """(english, french, domain, origin) from the 2020-2025 extract; origin is « JO jj/mm/aaaa »."""
    with open(path, encoding="utf-8") as handle:
        terms = json.load(handle)
    return [
        (t["english"], t["term"], t.get("domain") or "", f"JO {t['date_str']}") for t in terms if t.get("english")
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db")
    parser.add_argument("recent_json")
    parser.add_argument("--min-english-zipf", type=float, default=3.0)
    parser.add_argument("--max-english-gap", type=float, default=1.0)
    parser.add_argument("--min-french-zipf", type=float, default=1.5)
    args = parser.parse_args()

    candidates = rows_from_db(args.db) + rows_from_recent(args.recent_json)
    french_terms = {french_headword(f).lower() for _, f, _, _ in candidates}
    by_english: dict[str, dict[str, tuple[str, str]]] = defaultdict(dict)
    for english_raw, french_raw, domain, origin in candidates:
        english = SPACE_RE.sub(" ", english_raw).strip()
        french = french_headword(french_raw)
        if not ENGLISH_FORM_RE.fullmatch(english) or len(english.split()) > 3:
            continue  # capitals (names, acronyms), digits, long phrases
        if domain in TECHNICAL_DOMAINS:
            continue
        if english in EXCLUDED or english in french_terms or english == french.lower():
            continue
        strict = used_in_french(english, args.min_english_zipf, args.max_english_gap)
        if not strict and not (english in REVIEWED_LOOSE_BAND and used_in_french(english, 2.8, 1.7)):
            continue
        if strip_accents(french.lower()) == english:
            continue  # « video » for « vidéo »: a missing accent, which spelling reports
        if zipf_frequency(french, "fr") < args.min_french_zipf:
            continue
        by_english[english].setdefault(french, (domain, origin))

    out = sys.stdout
    out.write(
        "# Anglicismes et termes français recommandés, tirés de FranceTerme (Ministère de la Culture, DGLFLF,\n"
        "# https://www.culture.fr/franceterme). Mentions légales du fichier FranceTerme : « Le fichier FranceTerme\n"
        "# est une information publique administrative au sens de l'article 10 de la loi n° 78-753 du 17 juillet\n"
        "# 1978. Vous pouvez réutiliser le fichier FranceTerme sous les termes de la licence ouverte data.gouv.fr\n"
        "# (http://www.data.gouv.fr/Licence-Ouverte-Open-Licence). » (Licence Ouverte / Etalab.)\n"
        "# Lu dans deux copies publiques : la base de 2014 de github.com/nathalielanckriet/FranceTerme\n"
        "# (origine « FIC_ID n » : numéro de la fiche FranceTerme) et l'extrait 2020-2025 de\n"
        "# github.com/chobrien99-svg/franceterme-data (origine « JO date » : date de publication).\n"
        f"# Filtre : fréquence française (wordfreq, Zipf) de la forme anglaise >= {args.min_english_zipf} et au plus\n"
        f"# {args.max_english_gap} sous sa fréquence anglaise (ou >= 2.8 et 1.7 pour une liste revue à la main),\n"
        f"# terme français >= {args.min_french_zipf} ; hors domaines techniques et mots français.\n"
        "# Reconstruire : .venv/bin/python scripts/build_franceterme_anglicisms.py franceterme.db terms_recent.json\n"
        "# anglais\tfrançais (séparés par « ; », le plus fréquent d'abord)\tdomaine\torigine\n"
    )
    for english in sorted(by_english):
        frenches = sorted(by_english[english], key=lambda f: -zipf_frequency(f, "fr"))[:3]
        domain, origin = by_english[english][frenches[0]]
        out.write(f"{english}\t{' ; '.join(frenches)}\t{domain}\t{origin}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
