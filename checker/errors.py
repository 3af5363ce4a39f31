"""The one error the CLI turns into a one-line message and exit status 2."""


class CheckerError(Exception):
    """Bad input, configuration, rule pack or unreachable engine: the message names the file and the problem."""


# What the operating system says, in French, for the errors a user meets reading and writing files.
_OS_REASONS = {
    "ENOENT": "fichier ou dossier introuvable",
    "EACCES": "permission refusée",
    "EPERM": "opération non permise",
    "EISDIR": "c’est un dossier",
    "ENOTDIR": "un élément du chemin n’est pas un dossier",
    "ELOOP": "trop de niveaux de liens symboliques (boucle ?)",
    "ENAMETOOLONG": "nom trop long",
    "ENOSPC": "plus de place sur le disque",
    "EDQUOT": "quota disque dépassé",
    "EROFS": "système de fichiers en lecture seule",
    "EMFILE": "trop de fichiers ouverts",
    "EIO": "erreur d’entrée-sortie",
    "EEXIST": "le fichier existe déjà",
    "ETIMEDOUT": "délai dépassé",
    "ECONNREFUSED": "connexion refusée",
    "ECONNRESET": "connexion interrompue par le serveur",
    "EHOSTUNREACH": "hôte injoignable",
    "ENETUNREACH": "réseau injoignable",
    "EADDRNOTAVAIL": "adresse indisponible",
}
# getaddrinfo's negative codes (socket.gaierror), as glibc numbers them.
_RESOLVER_REASONS = {
    -2: "nom d’hôte inconnu",
    -3: "résolution du nom impossible pour l’instant",
    -5: "aucune adresse pour ce nom",
    -9: "famille d’adresses non prise en charge",
}
_UTF8_REASONS = {
    "invalid start byte": "octet de début invalide",
    "invalid continuation byte": "octet de suite invalide",
    "unexpected end of data": "fin de données inattendue",
}


def os_reason(exc: BaseException) -> str:
    """The reason of an OSError (or anything else) in French when it is a common one."""
    import errno

    code = getattr(exc, "errno", None)
    name = errno.errorcode.get(code, "") if isinstance(code, int) else ""
    return _OS_REASONS.get(name) or str(getattr(exc, "strerror", None) or exc)


def errno_reason(code: int, fallback: str) -> str:
    """The French reason of an errno (or a resolver's negative code), else `fallback`."""
    import errno

    if code < 0:
        return _RESOLVER_REASONS.get(code, fallback)
    return _OS_REASONS.get(errno.errorcode.get(code, ""), fallback)


def utf8_reason(reason: str) -> str:
    return _UTF8_REASONS.get(reason, reason)


# What `re` and `regex` say about a pattern that does not compile, in French (by the start of their message).
_REGEX_REASONS = (
    ("missing ), unterminated subpattern", "parenthèse fermante manquante"),
    ("missing )", "parenthèse fermante manquante"),
    ("unterminated subpattern", "parenthèse fermante manquante"),
    ("unbalanced parenthesis", "parenthèse fermante sans parenthèse ouvrante"),
    ("nothing to repeat", "quantificateur sans rien à répéter"),
    ("multiple repeat", "quantificateurs qui se suivent"),
    ("unterminated character set", "classe de caractères « [ » jamais fermée"),
    ("bad escape", "échappement inconnu"),
    ("bad character range", "intervalle de caractères à l’envers"),
    ("look-behind requires fixed-width pattern", "un « (?<= » ou « (?<! » doit avoir une longueur fixe"),
    ("unknown group name", "nom de groupe inconnu"),
    ("unknown group", "groupe inconnu"),
    ("invalid group reference", "référence de groupe invalide"),
    ("missing group name", "nom de groupe manquant"),
    ("bad group name", "nom de groupe invalide"),
    ("unknown extension", "construction « (? » inconnue"),
    ("unknown flag", "option inconnue"),
)


# What the json module says about a text that is not JSON, in French.
_JSON_REASONS = {
    "Expecting value": "valeur attendue",
    "Expecting property name enclosed in double quotes": "nom de propriété entre guillemets droits attendu",
    "Expecting ',' delimiter": "virgule attendue",
    "Expecting ':' delimiter": "deux-points attendus",
    "Unterminated string starting at": "chaîne non terminée",
    "Extra data": "données en trop après la valeur",
    "Invalid control character at": "caractère de contrôle dans une chaîne",
    "Invalid \\escape": "échappement invalide",
}
# What tomllib says about a configuration that is not TOML, in French (by the start of its message).
_TOML_REASONS = (
    ("Expected '=' after a key", "« = » attendu après une clé"),
    ("Cannot overwrite a value", "clé déjà définie"),
    ("Cannot declare", "table déclarée deux fois"),
    ("Cannot mutate immutable namespace", "clé déjà définie"),
    ("Unclosed array", "liste « [ » jamais fermée"),
    ("Unclosed inline table", "table « { » jamais fermée"),
    ("Unterminated string", "chaîne jamais fermée"),
    ("Illegal character", "caractère interdit"),
    ("Invalid value", "valeur invalide"),
    ("Invalid statement", "instruction invalide"),
    ("Invalid initial character for a key part", "caractère invalide au début d’une clé"),
    ("Expected newline or end of document after a statement", "fin de ligne attendue après une instruction"),
    ("Expected ']' at the end of a table declaration", "« ] » attendu à la fin d’une déclaration de table"),
    ("Expected ']]' at the end of an array declaration", "« ]] » attendu à la fin d’une déclaration de liste"),
    ("Unescaped '\\' in a string", "« \\ » non échappé dans une chaîne"),
    ("Unrecognized escape sequence", "échappement inconnu"),
)


def json_reason(exc: ValueError, position: bool = True) -> str:
    """Why a text is not JSON, in French, with its line and column when `position`."""
    message = str(getattr(exc, "msg", exc))
    reason = _JSON_REASONS.get(message, f"erreur de syntaxe (« {message} »)")
    line, column = getattr(exc, "lineno", None), getattr(exc, "colno", None)
    return f"{reason}, ligne {line}, colonne {column}" if position and line is not None else reason


def toml_reason(exc: ValueError) -> str:
    """Why a text is not TOML, in French, with where tomllib says it is (« ligne 3, colonne 5 »)."""
    import re

    message = str(exc)
    where = ""
    if m := re.search(r" \(at (?:line (\d+), column (\d+)|(end of document))\)$", message):
        message = message[: m.start()]
        where = ", en fin de fichier" if m.group(3) else f", ligne {m.group(1)}, colonne {m.group(2)}"
    reason = next((fr for en, fr in _TOML_REASONS if message.startswith(en)), f"erreur de syntaxe (« {message} »)")
    return reason + where


def regex_reason(exc: Exception) -> str:
    """Why a regular expression does not compile, in French, with the position when the library gives it."""
    message = str(getattr(exc, "msg", None) or exc)
    position = getattr(exc, "pos", None)
    reason = next(
        (fr + message[len(en) :].split(" at position")[0] for en, fr in _REGEX_REASONS if message.startswith(en)),
        f"erreur de syntaxe (« {message.split(' at position')[0]} »)",
    )
    return f"{reason} à la position {position}" if isinstance(position, int) else reason
