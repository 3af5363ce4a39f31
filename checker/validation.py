"""Schema errors of configurations and rule packs as one French line that names the file and the
schema path, and never repeats the file's contents (a config may point at any readable file: its
text must not end up in CI logs). Also: non-finite numbers (inf, nan), which TOML and YAML accept
and which no setting means, are refused."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Any

from checker.schemas import load_schema

_SAFE_NAME_RE = re.compile(r"^[A-Za-z0-9_.:-]{1,60}$")

_TYPES_FR = {
    "object": "une table (objet)",
    "array": "une liste",
    "string": "une chaîne",
    "integer": "un entier",
    "number": "un nombre",
    "boolean": "un booléen",
    "null": "null",
}


def safe_name(value: object) -> str:
    """A key or id from the file, shown only when it looks like an identifier (never arbitrary text)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and _SAFE_NAME_RE.match(value):
        return value
    return "…"


def schema_path(parts: Iterable[object], separator: str = ".") -> str:
    return separator.join(safe_name(p) for p in parts)


def describe(err: Any) -> str:
    """What a jsonschema error means, in French, from the schema side only (never the instance's value)."""
    validator = err.validator
    expected = err.validator_value
    if validator == "type":
        kinds = expected if isinstance(expected, list) else [expected]
        return "attendu : " + " ou ".join(_TYPES_FR.get(str(k), str(k)) for k in kinds)
    if validator == "required":
        instance = err.instance if isinstance(err.instance, dict) else {}
        missing = [str(k) for k in expected if k not in instance]
        return "champ obligatoire manquant : " + ", ".join(f"« {m} »" for m in missing or expected)
    if validator == "additionalProperties":
        instance = err.instance if isinstance(err.instance, dict) else {}
        known = set((err.schema.get("properties") or {}).keys())
        extra = [safe_name(k) for k in instance if k not in known]
        return "propriété inconnue : " + ", ".join(f"« {k} »" for k in extra[:5]) if extra else "propriété inconnue"
    if validator in ("enum", "const"):
        values = expected if validator == "enum" else [expected]
        return "valeur non permise ; valeurs possibles : " + ", ".join(str(v) for v in values[:12])
    if validator == "pattern":
        return f"forme non permise (motif attendu : {expected})"
    if validator in ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"):
        word = {
            "minimum": "au moins",
            "exclusiveMinimum": "strictement plus que",
            "maximum": "au plus",
            "exclusiveMaximum": "strictement moins que",
        }[validator]
        return f"valeur hors limites (attendu : {word} {expected})"
    if validator in ("minItems", "maxItems"):
        return f"nombre d’éléments hors limites ({'au moins' if validator == 'minItems' else 'au plus'} {expected})"
    if validator in ("minLength", "maxLength"):
        return f"longueur hors limites ({'au moins' if validator == 'minLength' else 'au plus'} {expected})"
    if validator in ("oneOf", "anyOf"):
        return "ne correspond à aucune des formes permises"
    return f"valeur non conforme au schéma (règle « {validator} »)"


def first_schema_error(data: Any, schema_name: str) -> Any | None:
    """The most relevant jsonschema error of `data` against a shipped schema, or None."""
    import jsonschema  # only when something is validated: importing it costs a third of a cold start

    schema = load_schema(schema_name)
    validator = jsonschema.validators.validator_for(schema)(schema)
    return jsonschema.exceptions.best_match(validator.iter_errors(data))


def non_finite_path(data: Any, path: tuple[object, ...] = ()) -> tuple[object, ...] | None:
    """The path of the first infinite or NaN number in nested tables and lists, or None."""
    stack: list[tuple[Any, tuple[object, ...]]] = [(data, path)]
    while stack:
        value, where = stack.pop()
        if isinstance(value, float) and not math.isfinite(value):
            return where
        if isinstance(value, dict):
            stack.extend((v, (*where, k)) for k, v in reversed(list(value.items())))
        elif isinstance(value, list):
            stack.extend((v, (*where, i)) for i, v in reversed(list(enumerate(value))))
    return None
