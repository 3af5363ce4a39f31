"""Build the FAQ development set (tests/data/faq_dev/) from real French news: the 100 French Wikinews
articles (May–December 2012) of the Wikinews keyphrase corpus (Bougouin, Boudin, Daille, IJCNLP 2013;
repository boudinfl/wikinews-2013-pre, archive src/WikinewsKeyphraseCorpus-master.zip). Wikinews
articles are under CC BY 2.5 (attribution: the Wikinews contributors, fr.wikinews.org).

Each labelled item is an article body (the article as published) and one FAQ answer derived from one
of its sentences (or from another article) by a stated transformation:

- escalation-same-verb: a hedged sentence (modal, « susceptible de », « souhaite », « cherche à »…, the
  conditional mood) with its hedge removed, the verb conjugated (« pourrait renforcer » → « renforce »);
- escalation-other-verb: the same with the verb replaced by a synonym (a hand list of news verbs first,
  else the first verb the mythes-fr thesaurus lists), or « devrait toucher » → « atteint »;
- hedge-kept: the hedge replaced by another hedge (« pourrait » → « devrait », « souhaite » → « espère »);
- entailed: an unhedged, unattributed sentence with its date stamp and leading connective removed, or
  cut after its main clause;
- contradiction-rte: an unhedged sentence negated (« a annoncé » → « n’a pas annoncé ») or with a verb
  replaced by its antonym;
- contradiction-factcheck: a number, year or name of a sentence changed;
- unsupported: a sentence of another article.

Usage: python bench/make_faq_dev.py ARCHIVE.zip   (writes tests/data/faq_dev/articles.tsv and items.tsv)
Conjugation: Grammalecte's conjugation tables (python3-grammalecte, installed by the project's setup).
"""

from __future__ import annotations

import csv
import html
import random
import re
import sys
import zipfile
from pathlib import Path

sys.path.append("/usr/lib/python3/dist-packages")

from grammalecte.fr import conj

from checker.document import split_sentences
from checker.faq_index import is_conditional, verb_analysis
from checker.thesaurus import get_thesaurus

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "faq_dev"
SEED = 20261202

HEDGES = {
    "pourrait": ("s", "modal"),
    "pourraient": ("p", "modal"),
    "devrait": ("s", "modal"),
    "devraient": ("p", "modal"),
    "est susceptible de": ("s", "modal"),
    "sont susceptibles de": ("p", "modal"),
    "souhaite": ("s", "intention"),
    "souhaitent": ("p", "intention"),
    "cherche à": ("s", "intention"),
    "cherchent à": ("p", "intention"),
    "vise à": ("s", "intention"),
    "visent à": ("p", "intention"),
    "envisage de": ("s", "intention"),
    "envisagent de": ("p", "intention"),
    "espère": ("s", "intention"),
    "espèrent": ("p", "intention"),
    "risque de": ("s", "modal"),
    "risquent de": ("p", "modal"),
    "prévoit de": ("s", "intention"),
    "prévoient de": ("p", "intention"),
}
OTHER_HEDGE = {
    "pourrait": "devrait",
    "pourraient": "devraient",
    "devrait": "pourrait",
    "devraient": "pourraient",
    "est susceptible de": "pourrait",
    "sont susceptibles de": "pourraient",
    "souhaite": "espère",
    "souhaitent": "espèrent",
    "cherche à": "vise à",
    "cherchent à": "visent à",
    "vise à": "cherche à",
    "visent à": "cherchent à",
    "envisage de": "prévoit de",
    "envisagent de": "prévoient de",
    "espère": "souhaite",
    "espèrent": "souhaitent",
    "risque de": "pourrait",
    "risquent de": "pourraient",
    "prévoit de": "envisage de",
    "prévoient de": "envisagent de",
}
HEDGE_RE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, HEDGES), key=len, reverse=True)) + r")\s+(\w+)")
CONDITIONAL_RE = re.compile(r"\b(\w{3,}(?:rait|raient))\b")
ATTRIBUTION_RE = re.compile(
    r"\b(selon|d'après|d’après|aurait|auraient|serait|seraient|a (?:indiqué|déclaré|affirmé|annoncé|estimé|expliqué|"
    r"précisé|assuré|souligné|ajouté)|ont (?:indiqué|déclaré|affirmé|annoncé|estimé|expliqué|précisé)|"
    r"estime|affirme|déclare|explique|indique|« |»)",
    re.I,
)
# News verbs and a synonym a writer would use instead (written for this set, not taken from the thesaurus).
VERB_SYNONYMS = {
    "renforcer": "consolider",
    "augmenter": "accroître",
    "créer": "générer",
    "permettre": "autoriser",
    "réduire": "diminuer",
    "atteindre": "toucher",
    "toucher": "atteindre",
    "entraîner": "provoquer",
    "provoquer": "entraîner",
    "améliorer": "perfectionner",
    "développer": "étendre",
    "obtenir": "décrocher",
    "annoncer": "dévoiler",
    "présenter": "exposer",
    "prendre": "saisir",
    "devenir": "se transformer en",
    "aider": "soutenir",
    "soutenir": "appuyer",
    "rencontrer": "voir",
    "ouvrir": "inaugurer",
    "arriver": "parvenir",
    "accueillir": "recevoir",
    "recevoir": "accueillir",
    "coûter": "représenter",
    "mettre": "placer",
    "faire": "réaliser",
    "rester": "demeurer",
    "continuer": "poursuivre",
    "poursuivre": "continuer",
    "lancer": "démarrer",
    "débuter": "commencer",
    "commencer": "débuter",
    "compter": "totaliser",
    "signer": "conclure",
    "remplacer": "succéder à",
    "quitter": "abandonner",
    "rejoindre": "intégrer",
    "participer": "prendre part",
    "apporter": "fournir",
    "fournir": "procurer",
    "baisser": "reculer",
    "dépasser": "excéder",
    "avoir": "posséder",
    "être": "demeurer",
    "permettre de": "aider à",
    "conduire": "mener",
    "mener": "conduire",
    "voter": "adopter",
    "adopter": "voter",
    "trouver": "dénicher",
    "relancer": "redynamiser",
    "favoriser": "encourager",
    "encourager": "favoriser",
    "limiter": "restreindre",
    "organiser": "tenir",
    "accorder": "octroyer",
    "bénéficier": "profiter",
    "profiter": "bénéficier",
    "construire": "bâtir",
    "supprimer": "éliminer",
    "proposer": "suggérer",
    "utiliser": "employer",
}
ANTONYM_VERBS = {
    "augmenter": "diminuer",
    "diminuer": "augmenter",
    "gagner": "perdre",
    "perdre": "gagner",
    "accepter": "refuser",
    "refuser": "accepter",
    "ouvrir": "fermer",
    "fermer": "ouvrir",
    "approuver": "rejeter",
    "adopter": "rejeter",
    "autoriser": "interdire",
    "interdire": "autoriser",
    "créer": "supprimer",
    "supprimer": "créer",
    "réussir": "échouer",
    "confirmer": "démentir",
    "embaucher": "licencier",
    "entrer": "sortir",
    "commencer": "terminer",
    "libérer": "arrêter",
    "arrêter": "libérer",
    "condamner": "acquitter",
    "soutenir": "combattre",
}
NEGATABLE_AUX = {
    "a": "n’a pas",
    "ont": "n’ont pas",
    "est": "n’est pas",
    "sont": "ne sont pas",
    "avait": "n’avait pas",
    "avaient": "n’avaient pas",
    "était": "n’était pas",
    "étaient": "n’étaient pas",
    "sera": "ne sera pas",
    "seront": "ne seront pas",
    "va": "ne va pas",
    "vont": "ne vont pas",
}
DATE_STAMP_RE = re.compile(r"^\s*(?:\d{1,2}\s+\w+\s+\d{4}\.?\s*)?[-–]\s*")
LEADING_CONNECTIVE_RE = re.compile(r"^(En effet|Par ailleurs|De plus|Ainsi|Toutefois|Cependant|En outre|Néanmoins), ")
MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
NUMBER_RE = re.compile(
    r"(?<![\w,])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:,(\d+))?(?![\w,])(?!\s+(?:" + MONTHS + r"|heures?|h\b))"
)
NAME_RE = re.compile(r"\b([A-ZÉ][a-zéèëïô]+ [A-ZÉ][a-zéèëïô]+(?:-[A-ZÉ][a-zéèëïô]+)?)\b")


def conjugate(infinitive: str, number: str) -> str | None:
    words = infinitive.split(" ", 1)
    verb, rest = words[0], (" " + words[1] if len(words) > 1 else "")
    if verb.startswith(("se ", "s'")) or not conj.isVerb(verb):
        return None
    form = conj.getConj(verb, ":Ip", ":3s" if number == "s" else ":3p")
    return f"{form}{rest}" if form else None


def synonym(infinitive: str) -> tuple[str, str] | None:
    if infinitive in VERB_SYNONYMS:
        return VERB_SYNONYMS[infinitive], "hand list"
    thesaurus = get_thesaurus()
    if thesaurus is None:
        return None
    for word in sorted(thesaurus.synonyms(infinitive)):
        if word != infinitive and conj.isVerb(word) and word.endswith(("er", "ir", "re")):
            return word, "mythes-fr"
    return None


def read_articles(archive: Path) -> dict[str, tuple[str, list[str]]]:
    articles: dict[str, tuple[str, list[str]]] = {}
    with zipfile.ZipFile(archive) as z:
        for name in sorted(z.namelist()):
            if not name.endswith(".html") or "/documents/" not in name:
                continue
            raw = z.read(name).decode("utf-8")
            title = html.unescape(re.sub(r"<[^>]+>", "", re.search(r"<h1>(.*?)</h1>", raw, re.S).group(1))).strip()
            paras = [
                " ".join(html.unescape(re.sub(r"<[^>]+>", "", p)).split())
                for p in re.findall(r"<p>(.*?)</p>", raw, re.S)
            ]
            articles[Path(name).stem] = (title, [p for p in paras if p])
    return articles


def sentences_of(paras: list[str]) -> list[str]:
    return [p[s:e].strip() for p in paras for s, e in split_sentences(p) if len(p[s:e].split()) >= 6]


HEDGE_ATTRIBUTED_RE = re.compile(
    r"\b(selon|d'après|d’après|affirm\w*|déclar\w*|indiqu\w*|estim\w*|annonc\w*|expliqu\w*|précis\w*|assur\w*|"
    r"rapport\w*|écrit|dit|« |le risque|du risque|de risque)",
    re.I,
)


def hedged_items(sentence: str) -> list[tuple[str, str, str]]:
    """(case, answer, transformation) for a hedged sentence that no attribution also qualifies (the
    answer would keep the attribution, so it would not assert the claim as the newsroom's own)."""
    out: list[tuple[str, str, str]] = []
    if HEDGE_ATTRIBUTED_RE.search(sentence):
        return out
    m = HEDGE_RE.search(sentence)
    if m:
        hedge, verb = m.group(1), m.group(2)
        number = HEDGES[hedge][0]
        analysis = verb_analysis(verb)
        if analysis is None or analysis[1] != "infinitive":
            return out
        same = conjugate(verb, number)
        if same:
            out.append(
                (
                    "escalation-same-verb",
                    sentence[: m.start()] + same + sentence[m.end() :],
                    f"« {hedge} {verb} » → « {same} »",
                )
            )
        syn = synonym(verb)
        if syn:
            other = conjugate(syn[0], number)
            if other:
                out.append(
                    (
                        "escalation-other-verb",
                        sentence[: m.start()] + other + sentence[m.end() :],
                        f"« {hedge} {verb} » → « {other} » ({syn[1]})",
                    )
                )
        kept = OTHER_HEDGE[hedge]
        out.append(("hedge-kept", sentence[: m.start(1)] + kept + sentence[m.end(1) :], f"« {hedge} » → « {kept} »"))
        return out
    c = CONDITIONAL_RE.search(sentence)
    if c is None:
        return out
    form = c.group(1)
    analysis = verb_analysis(form)
    if analysis is None or analysis[1] != "finite" or not is_conditional(form.lower()):
        return out
    number = "p" if form.endswith("raient") else "s"
    infinitive = analysis[0]
    if infinitive in ("avoir", "être", "falloir", "pouvoir", "devoir"):
        return out
    same = conjugate(infinitive, number)
    if same:
        out.append(
            ("escalation-same-verb", sentence[: c.start()] + same + sentence[c.end() :], f"« {form} » → « {same} »")
        )
    syn = synonym(infinitive)
    if syn:
        other = conjugate(syn[0], number)
        if other:
            out.append(
                (
                    "escalation-other-verb",
                    sentence[: c.start()] + other + sentence[c.end() :],
                    f"« {form} » → « {other} » ({syn[1]})",
                )
            )
    modal = "pourrait" if number == "s" else "pourraient"
    out.append(
        (
            "hedge-kept",
            sentence[: c.start()] + f"{modal} {infinitive}" + sentence[c.end() :],
            f"« {form} » → « {modal} {infinitive} »",
        )
    )
    return out


def plain(sentence: str) -> bool:
    return not HEDGE_RE.search(sentence) and not CONDITIONAL_RE.search(sentence) and not ATTRIBUTION_RE.search(sentence)


def entailed(sentence: str) -> tuple[str, str] | None:
    s = DATE_STAMP_RE.sub("", sentence)
    s2 = LEADING_CONNECTIVE_RE.sub("", s)
    if s2 != s:
        return s2[:1].upper() + s2[1:], "connecteur initial retiré"
    if s != sentence:
        return s[:1].upper() + s[1:], "date de dépêche retirée"
    parts = s.split(", ")
    if len(parts) >= 2 and len(parts[0].split()) >= 7 and not parts[1].startswith(("qui", "que", "dont", "où")):
        head = parts[0].rstrip(".")
        return head + ".", "coupée après la proposition principale"
    return None


def negated(sentence: str, rng: random.Random) -> tuple[str, str] | None:
    words = sentence.split(" ")
    for k, w in enumerate(words[1:], 1):
        if (
            w in NEGATABLE_AUX
            and k + 1 < len(words)
            and words[k - 1] not in ("ne", "n’", "n'")
            and "pas" not in words[k + 1 : k + 2]
        ):
            new = " ".join([*words[:k], NEGATABLE_AUX[w], *words[k + 1 :]])
            return new, f"négation : « {w} » → « {NEGATABLE_AUX[w]} »"
    for k, w in enumerate(words):
        analysis = verb_analysis(w.strip(",.;:"))
        if analysis and analysis[0] in ANTONYM_VERBS and analysis[1] in ("finite", "participle"):
            anti = ANTONYM_VERBS[analysis[0]]
            if analysis[1] == "participle":
                form = conj.getConj(anti, ":Q", ":m1") if conj.isVerb(anti) else None
            else:
                form = conj.getConj(anti, ":Ip", ":3p" if w.endswith("nt") else ":3s") if conj.isVerb(anti) else None
            if form:
                return " ".join([*words[:k], form, *words[k + 1 :]]), f"antonyme : « {w} » → « {form} »"
    del rng
    return None


def changed_fact(sentence: str, names: list[str], rng: random.Random) -> tuple[str, str] | None:
    for m in NUMBER_RE.finditer(sentence):
        digits = m.group(1).replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
        value = int(digits)
        if 1900 <= value <= 2030 and not m.group(2):
            new = str(value + rng.choice([-3, -2, 2, 3]))
        elif value >= 2:
            factor = rng.choice([2, 3])
            new = f"{value * factor:,}".replace(",", " ")
        else:
            continue
        return sentence[: m.start(1)] + new + sentence[m.end(1) :], f"nombre : « {m.group(1)} » → « {new} »"
    for m in NAME_RE.finditer(sentence):
        if m.start() == 0:
            continue
        other = rng.choice([n for n in names if n != m.group(1)])
        return sentence[: m.start()] + other + sentence[m.end() :], f"nom : « {m.group(1)} » → « {other} »"
    return None


def main(archive: Path) -> None:
    rng = random.Random(SEED)
    articles = read_articles(archive)
    ids = sorted(articles)
    names = sorted({m.group(1) for _, paras in articles.values() for p in paras for m in NAME_RE.finditer(p)})
    items: list[tuple[str, str, str, str, str]] = []
    pools: dict[str, list[tuple[str, str, str, str, str]]] = {
        k: [] for k in ("entailed", "contradiction-rte", "contradiction-factcheck", "unsupported")
    }
    for aid in ids:
        _, paras = articles[aid]
        for sentence in sentences_of(paras):
            for case, answer, how in hedged_items(sentence):
                answer = DATE_STAMP_RE.sub("", answer)
                items.append((case, aid, sentence, answer[:1].upper() + answer[1:], how))
            if not plain(sentence):
                continue
            e = entailed(sentence)
            if e:
                pools["entailed"].append(("entailed", aid, sentence, e[0], e[1]))
            n = negated(DATE_STAMP_RE.sub("", sentence), rng)
            if n:
                pools["contradiction-rte"].append(
                    ("contradiction-rte", aid, sentence, n[0][:1].upper() + n[0][1:], n[1])
                )
            f = changed_fact(DATE_STAMP_RE.sub("", sentence), names, rng)
            if f:
                pools["contradiction-factcheck"].append(
                    ("contradiction-factcheck", aid, sentence, f[0][:1].upper() + f[0][1:], f[1])
                )
    for aid in ids:
        others = [o for o in ids if o != aid]
        donor = rng.choice(others)
        candidates = [s for s in sentences_of(articles[donor][1]) if plain(s) and len(s.split()) >= 8]
        if candidates:
            s = DATE_STAMP_RE.sub("", rng.choice(candidates))
            pools["unsupported"].append(("unsupported", aid, "", s[:1].upper() + s[1:], f"phrase de l’article {donor}"))
    for case, pool in pools.items():
        rng.shuffle(pool)
        items.extend(pool[:60])
        del case
    OUT.mkdir(parents=True, exist_ok=True)
    with (OUT / "articles.tsv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["id", "source", "licence", "title", "paragraphs (separated by ¶)"])
        for aid in ids:
            title, paras = articles[aid]
            w.writerow(
                [
                    aid,
                    "fr.wikinews.org (2012), via github.com/boudinfl/wikinews-2013-pre",
                    "CC BY 2.5",
                    title,
                    " ¶ ".join(paras),
                ]
            )
    with (OUT / "items.tsv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["case", "article", "body sentence", "answer", "transformation"])
        for item in sorted(items, key=lambda i: (i[0], i[1], i[3])):
            w.writerow(item)
    counts: dict[str, int] = {}
    for item in items:
        counts[item[0]] = counts.get(item[0], 0) + 1
    print(counts, sum(counts.values()))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
