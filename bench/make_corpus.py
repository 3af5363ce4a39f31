"""A deterministic corpus of French Markdown articles for the benchmarks.

Articles are assembled from sentence templates and a vocabulary written for this purpose
(economy, energy, technology, agriculture, health, culture…): headings, paragraphs, bullet
and numbered lists, block quotes, links, an image, numbers, dates, some hedged or unsourced
claims and an FAQ section whose answers echo the body. Lengths run from about 100 to 10,000
words (log-uniform, plus a few at both ends). Same seed, same corpus, byte for byte.

    .venv/bin/python bench/make_corpus.py                # 500 articles in bench/corpus/
    .venv/bin/python bench/make_corpus.py -n 200 --out /tmp/c --seed 7

The corpus is not committed (bench/corpus/ is git-ignored): generate it on demand.
"""

from __future__ import annotations

import argparse
import math
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "corpus"

PAYS = [
    "la France",
    "l’Allemagne",
    "l’Italie",
    "l’Espagne",
    "le Portugal",
    "la Belgique",
    "la Suisse",
    "le Canada",
    "le Maroc",
    "le Sénégal",
    "la Tunisie",
    "le Japon",
    "la Corée du Sud",
    "l’Inde",
    "le Brésil",
    "le Mexique",
    "la Norvège",
    "la Pologne",
    "l’Azerbaïdjan",
    "la Géorgie",
]
VILLES = [
    "Paris",
    "Lyon",
    "Marseille",
    "Toulouse",
    "Bordeaux",
    "Lille",
    "Nantes",
    "Strasbourg",
    "Montpellier",
    "Rennes",
    "Genève",
    "Bruxelles",
    "Montréal",
    "Dakar",
    "Casablanca",
    "Tunis",
    "Bakou",
    "Tbilissi",
    "Varsovie",
    "Lisbonne",
]
ACTEURS = [
    "le ministère de l’Économie",
    "la Commission européenne",
    "la banque centrale",
    "le gouvernement",
    "la région",
    "la municipalité",
    "l’agence nationale de l’énergie",
    "le syndicat des producteurs",
    "la fédération des entreprises",
    "l’institut de statistique",
    "un groupe de chercheurs",
    "l’université",
    "la chambre de commerce",
    "l’office du tourisme",
    "le conseil départemental",
    "l’autorité de la concurrence",
]
PERSONNES = [
    "Claire Martin",
    "Julien Bernard",
    "Sophie Lefèvre",
    "Karim Benali",
    "Aminata Diallo",
    "Lucas Moreau",
    "Élodie Garnier",
    "Thomas Rousseau",
    "Nadia Haddad",
    "Pierre Fontaine",
    "Inès Roux",
    "Hugo Blanc",
]
FONCTIONS = [
    "directrice de recherche",
    "économiste",
    "porte-parole du ministère",
    "maire adjoint",
    "présidente de la fédération",
    "ingénieur agronome",
    "analyste financier",
    "responsable du programme",
]
DOMAINES = {
    "énergie": [
        "les énergies renouvelables",
        "le réseau électrique",
        "la production d’hydrogène",
        "les centrales solaires",
        "l’éolien en mer",
        "le stockage par batteries",
        "la rénovation thermique",
        "les prix du gaz",
    ],
    "technologie": [
        "l’intelligence artificielle",
        "les centres de données",
        "la cybersécurité",
        "les semi-conducteurs",
        "l’informatique en nuage",
        "les logiciels libres",
        "la robotique industrielle",
        "les réseaux mobiles",
    ],
    "agriculture": [
        "l’irrigation de précision",
        "les semences résistantes",
        "l’agriculture biologique",
        "la gestion de l’eau",
        "les circuits courts",
        "l’élevage laitier",
        "la viticulture",
        "les sols agricoles",
    ],
    "santé": [
        "les hôpitaux publics",
        "la télémédecine",
        "la recherche clinique",
        "les médicaments génériques",
        "la prévention",
        "les déserts médicaux",
        "la santé mentale",
        "les vaccins",
    ],
    "économie": [
        "les petites entreprises",
        "le commerce extérieur",
        "l’inflation",
        "le marché du travail",
        "les investissements étrangers",
        "la dette publique",
        "le pouvoir d’achat",
        "les exportations",
    ],
    "culture": [
        "les musées régionaux",
        "le cinéma indépendant",
        "les festivals d’été",
        "l’édition",
        "le patrimoine bâti",
        "les bibliothèques",
        "le spectacle vivant",
        "les métiers d’art",
    ],
    "transports": [
        "le transport ferroviaire",
        "les bus électriques",
        "le fret fluvial",
        "les pistes cyclables",
        "les ports de commerce",
        "l’aviation régionale",
        "le covoiturage",
        "les routes nationales",
    ],
}
VERBES = [
    "a présenté un plan consacré à",
    "a publié un rapport sur",
    "a annoncé de nouvelles mesures pour",
    "a lancé une consultation sur",
    "a signé un accord portant sur",
    "a débloqué un budget pour",
    "a réuni des experts autour de",
    "a dressé un bilan de",
    "a ouvert un appel à projets sur",
    "a détaillé sa stratégie concernant",
]
CHIFFRES = [
    "{n} %",
    "{n} millions d’euros",
    "{n} milliards d’euros",
    "{n} emplois",
    "{n} entreprises",
    "{n} hectares",
    "{n} mégawatts",
    "{n} communes",
]
MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre"]
CONNECTEURS = [
    "Par ailleurs,",
    "En outre,",
    "Dans le même temps,",
    "Cependant,",
    "À l’inverse,",
    "De son côté,",
    "Selon le rapport,",
    "Concrètement,",
    "Pour autant,",
    "Enfin,",
]
ADJECTIFS = ["important", "modeste", "rapide", "durable", "régulier", "inédit", "progressif", "limité", "net"]
HEDGES = [
    "Cette initiative pourrait transformer durablement {d}.",
    "Selon certains experts, {d} serait sur le point de changer de visage.",
    "Il semblerait que {d} connaisse une croissance sans précédent.",
    "Les spécialistes estiment que {d} va révolutionner le secteur.",
    "Ce programme devrait permettre de doubler les résultats d’ici à 2030.",
    "Beaucoup pensent que {d} constitue une révolution.",
    "À terme, {d} permettra sans doute de créer des milliers d’emplois.",
]
QUESTIONS = [
    "Qu’est-ce que {d} ?",
    "Pourquoi {a} s’intéresse-t-il à {d} ?",
    "Quel est le budget consacré à {d} ?",
    "Quand les premières mesures entreront-elles en vigueur ?",
    "Qui pilote le programme sur {d} ?",
    "Quels sont les effets attendus sur {d} ?",
    "Comment {v} participe-t-elle au projet ?",
]
CITATIONS = [
    "Nous avons besoin de résultats concrets, pas de promesses.",
    "Ce projet est une étape, pas une fin en soi.",
    "Les chiffres montrent une évolution encourageante, mais fragile.",
    "Il faut associer les habitants à chaque décision.",
    "La transition demande du temps et des moyens.",
]
SITES = ["https://www.insee.fr", "https://www.data.gouv.fr", "https://ec.europa.eu", "https://www.banque-france.fr"]


def _de(s: str) -> str:
    """ "de" + noun phrase, with the French contractions (du, des, d’)."""
    if s.startswith("les "):
        return "des " + s[4:]
    if s.startswith("le "):
        return "du " + s[3:]
    if s.startswith("l’"):
        return "de " + s
    if s[:1].lower() in "aeiouéèêâîôûh" and not s.startswith(("la ", "un ", "une ")):
        return "d’" + s
    return "de " + s


def _a(s: str) -> str:
    """ "à" + noun phrase, with the French contractions (au, aux)."""
    if s.startswith("les "):
        return "aux " + s[4:]
    if s.startswith("le "):
        return "au " + s[3:]
    return "à " + s


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


class _Writer:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.domaine = rng.choice(list(DOMAINES))
        self.sujets = DOMAINES[self.domaine]
        self.pays = rng.choice(PAYS)
        self.ville = rng.choice(VILLES)
        self.body: list[str] = []

    def number(self) -> str:
        r = self.rng
        n = r.choice([r.randint(2, 99), r.randint(100, 999), r.randint(1000, 99_999)])
        text = f"{n:,}".replace(",", "\u202f") if n >= 10_000 else str(n)
        if r.random() < 0.3:
            text = f"{r.randint(1, 99)},{r.randint(1, 9)}"
        return r.choice(CHIFFRES).format(n=text)

    def date(self) -> str:
        return f"le {self.rng.randint(1, 28)} {self.rng.choice(MOIS)} {self.rng.randint(2019, 2026)}"

    def sentence(self) -> str:
        r = self.rng
        sujet = r.choice(self.sujets)
        kind = r.random()
        if kind < 0.30:
            verb = r.choice(VERBES)
            if verb.endswith(" de"):
                verb, sujet = verb[:-3], _de(sujet)
            elif verb.endswith(" à"):
                verb, sujet = verb[:-2], _a(sujet)
            s = f"{_cap(r.choice(ACTEURS))} {verb} {sujet}, {self.date()}, à {r.choice(VILLES)}."
        elif kind < 0.50:
            s = (
                f"D’après l’institut de statistique, le secteur {_de(sujet)} pèse {self.number()}, "
                f"un niveau {r.choice(ADJECTIFS)}."
            )
        elif kind < 0.62:
            p = r.choice(PERSONNES)
            quote = r.choice(CITATIONS).rstrip(".")
            s = f"« {quote} », explique {p}, {r.choice(FONCTIONS)} à {r.choice(VILLES)}."
        elif kind < 0.72:
            other = _de(r.choice(self.sujets))
            pays = r.choice(PAYS)
            s = f"{r.choice(CONNECTEURS)} le dossier {other} reste un enjeu {r.choice(ADJECTIFS)} pour {pays}."
        elif kind < 0.80:
            s = r.choice(HEDGES).format(d=sujet)
            s = _cap(s)
        elif kind < 0.90:
            s = (
                f"Le budget alloué {_a(sujet)} atteint {self.number()} en {r.randint(2019, 2026)}, "
                f"contre {self.number()} l’année précédente."
            )
        else:
            s = (
                f"Les acteurs de {self.ville} travaillent sur {sujet} et sur {r.choice(self.sujets)}, "
                f"avec le soutien {_de(r.choice(ACTEURS))}."
            )
        return s

    def paragraph(self, n: int) -> str:
        sentences = [self.sentence() for _ in range(n)]
        self.body.extend(sentences)
        text = " ".join(sentences)
        if self.rng.random() < 0.25:
            site = self.rng.choice(SITES)
            text += f" Les données sont disponibles sur [le site officiel]({site}/donnees-{self.rng.randint(1, 999)})."
        return text


def _words(text: str) -> int:
    return len(text.split())


def make_article(rng: random.Random, target_words: int) -> str:
    """One article of about `target_words` words (counting Markdown words too)."""
    w = _Writer(rng)
    title = f"{_cap(rng.choice(w.sujets))} : {rng.choice(ACTEURS)} mise sur {w.ville}"
    parts = [
        "---",
        f'title: "{title}"',
        f"date: {rng.randint(2019, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "lang: fr",
        "---",
        "",
        f"# {title}",
        "",
    ]
    if rng.random() < 0.4:
        parts += [f"![{_cap(rng.choice(w.sujets))} à {w.ville}](images/illustration-{rng.randint(1, 99)}.jpg)", ""]
    faq_questions = 2 + target_words // 1500 if target_words >= 250 else 0
    body_target = target_words - faq_questions * 45
    count = sum(_words(p) for p in parts)
    section = 0
    while count < body_target:
        if count > 0 and rng.random() < 0.18:
            section += 1
            angle = rng.choice(["les enjeux", "le bilan", "les perspectives", "les chiffres", "les réactions"])
            parts += [f"## {_cap(rng.choice(w.sujets))} : {angle}", ""]
        roll = rng.random()
        if roll < 0.12:
            items = [f"- {_cap(rng.choice(w.sujets))} : {w.number()} ;" for _ in range(rng.randint(2, 5))]
            items[-1] = items[-1].rstrip(" ;") + "."
            block = "\n".join(items)
        elif roll < 0.18:
            block = "\n".join(f"{i}. {w.sentence()}" for i in range(1, rng.randint(3, 5)))
        elif roll < 0.23:
            block = f"> {rng.choice(CITATIONS)}"
        else:
            block = w.paragraph(rng.randint(2, 6))
        parts += [block, ""]
        count += _words(block)
    if faq_questions:
        parts += ["## FAQ", ""]
        for _ in range(faq_questions):
            sujet = rng.choice(w.sujets)
            q = rng.choice(QUESTIONS).format(d=sujet, a=rng.choice(ACTEURS), v=w.ville)
            answer = rng.choice(w.body) if w.body and rng.random() < 0.7 else w.sentence()
            parts += [f"### {_cap(q)}", "", f"{answer} {w.sentence()}", ""]
    return "\n".join(parts)


def target_lengths(n: int, rng: random.Random) -> list[int]:
    """About 100 to 10,000 words, log-uniform, always including both ends."""
    lengths = [100, 10_000, 700, 5_000]
    while len(lengths) < n:
        lengths.append(int(math.exp(rng.uniform(math.log(100), math.log(10_000)))))
    return lengths[:n]


def generate(out: Path, n: int = 500, seed: int = 2026) -> list[Path]:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, words in enumerate(target_lengths(n, rng)):
        path = out / f"article-{i:04d}.md"
        text = make_article(random.Random(rng.getrandbits(64)), words)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=500, help="number of articles (default 500)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"folder (default {DEFAULT_OUT})")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    paths = generate(args.out, args.n, args.seed)
    total = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
    print(f"{len(paths)} articles, {total} words in {args.out}")


if __name__ == "__main__":
    main()
