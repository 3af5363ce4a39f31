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
    "ELOOP": "trop de liens symboliques",
    "ENAMETOOLONG": "nom trop long",
    "ENOSPC": "plus de place sur le disque",
    "EROFS": "système de fichiers en lecture seule",
    "EMFILE": "trop de fichiers ouverts",
    "EIO": "erreur d’entrée-sortie",
    "EEXIST": "le fichier existe déjà",
    "ETIMEDOUT": "délai dépassé",
    "ECONNREFUSED": "connexion refusée",
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


def utf8_reason(reason: str) -> str:
    return _UTF8_REASONS.get(reason, reason)


def schema_message(err: object) -> str:
    """A jsonschema validation error in French (its own messages are English)."""
    validator = getattr(err, "validator", "")
    value = getattr(err, "validator_value", None)
    instance = getattr(err, "instance", None)
    if validator == "additionalProperties" and isinstance(instance, dict) and isinstance(value, bool | dict):
        allowed = set(getattr(err, "schema", {}).get("properties", {}))
        extra = sorted(k for k in instance if k not in allowed)
        if extra:
            return "clé inconnue " + ", ".join(f"« {k} »" for k in extra)
    if validator == "required" and isinstance(value, list) and isinstance(instance, dict):
        missing = [k for k in value if k not in instance]
        return "clé obligatoire absente : " + ", ".join(f"« {k} »" for k in missing)
    if validator == "type":
        wanted = value if isinstance(value, str) else " ou ".join(map(str, value or []))
        names = {
            "array": "une liste",
            "object": "une table",
            "string": "un texte",
            "number": "un nombre",
            "integer": "un entier",
            "boolean": "un booléen",
        }
        return f"{instance!r} n’est pas {names.get(wanted, wanted)}"
    if validator == "enum" and isinstance(value, list):
        return f"{instance!r} n’est pas parmi " + ", ".join(repr(v) for v in value)
    if validator in ("minimum", "exclusiveMinimum"):
        return f"{instance!r} est trop petit (minimum {value!r})"
    if validator in ("maximum", "exclusiveMaximum"):
        return f"{instance!r} est trop grand (maximum {value!r})"
    if validator == "pattern":
        return f"{instance!r} ne suit pas le motif {value}"
    if validator == "minLength":
        return f"{instance!r} est trop court"
    if validator == "oneOf":
        return f"{instance!r} n’a aucune des formes permises"
    return str(getattr(err, "message", err))
