"""click's own words (help headings, usage errors) in French: click asks gettext for them, and this
project ships no message catalogue, so the modules' gettext functions are given this table."""

from __future__ import annotations

import gettext
import importlib

SINGULAR: dict[str, str] = {
    "Usage:": "Utilisation :",
    "Options": "Options",
    "Commands": "Commandes",
    "Show this message and exit.": "Afficher cette aide et sortir.",
    "Show the version and exit.": "Afficher la version et sortir.",
    "%(prog)s, version %(version)s": "%(prog)s, version %(version)s",
    "default: {default}": "défaut : {default}",
    "required": "obligatoire",
    "Error: {message}": "Erreur : {message}",
    "Try '{command} {option}' for help.": "Aide : « {command} {option} ».",
    "Missing argument": "Argument manquant",
    "Missing option": "Option manquante",
    "Missing parameter": "Paramètre manquant",
    "Missing command.": "Commande manquante.",
    "No such option {name!r}.": "Option inconnue {name!r}.",
    "No such command {name!r}.": "Commande inconnue {name!r}.",
    "Option {name!r} does not take a value.": "L’option {name!r} ne prend pas de valeur.",
    "Invalid value for {param_hint}: {message}": "Valeur invalide pour {param_hint} : {message}",
    "Invalid value: {message}": "Valeur invalide : {message}",
    "{value!r} is not a valid {number_type}.": "{value!r} n’est pas un {number_type} valide.",
    "{value} is not in the range {range}.": "{value} : attendu {range}.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} n’existe pas.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} est un dossier.",
    "{name} {filename!r} is a file.": "{name} {filename!r} est un fichier.",
    "file": "fichier",
    "directory": "dossier",
    "path": "chemin",
    "Aborted!": "Interrompu.",
}
PLURAL: dict[tuple[str, str], tuple[str, str]] = {
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."): (
        "{value!r} n’est pas {choice}.",
        "{value!r} n’est pas parmi {choices}.",
    ),
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"): (
        "Vouliez-vous dire {possibility} ?",
        "(Vouliez-vous dire l’une de ces options : {possibilities} ?)",
    ),
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"): (
        "Argument en trop ({args})",
        "Arguments en trop ({args})",
    ),
    ("Missing {param_type}", "Missing {param_type}"): ("{param_type} manquant", "{param_type} manquants"),
}


def french(message: str) -> str:
    return SINGULAR.get(message) or gettext.gettext(message)


def french_plural(singular: str, plural: str, n: int) -> str:
    pair = PLURAL.get((singular, plural))
    if pair is None:
        return gettext.ngettext(singular, plural, n)
    return pair[0] if n == 1 else pair[1]


def install() -> None:
    """Give click's modules the French table (they bound gettext's functions at import)."""
    for name in ("core", "decorators", "exceptions", "formatting", "parser", "types", "termui", "utils"):
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = french  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = french_plural  # type: ignore[attr-defined]
