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
