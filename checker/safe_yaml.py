"""YAML from files the user does not control (front matter, rule packs), loaded safely.

PyYAML's safe loader still expands aliases: a few hundred bytes of nested anchors (« billion laughs »)
describe a structure of billions of nodes, which anything that walks it (validation, hashing,
printing) never finishes. Here the document is composed first, its size with every alias expanded is
counted without expanding anything (one pass over the shared nodes), and a document whose aliases
add more than `ALIAS_BUDGET` nodes, or that refers to itself, is refused with a one-line error.
"""

from __future__ import annotations

from typing import Any

import yaml

from checker.errors import CheckerError

ALIAS_BUDGET = 10_000  # nodes that alias expansion may add; real front matter and packs use a handful
MAX_DEPTH = 500

# libyaml's loader when PyYAML has it: the pure-Python one costs ~0.3 s of every cold start.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlSyntaxError(CheckerError):
    """Text that is not YAML (a rule pack is refused; a front matter is reported by markup.front-matter)."""

    line: int | None = None  # 0-based line of the problem in the YAML text, when the parser says
    reason: str = ""  # yaml_reason: why, in French


# What PyYAML says about a text that is not YAML, in French (by the start of its message).
_YAML_REASONS = (
    ("mapping values are not allowed", "« : » inattendu ici (une valeur qui contient « : » va entre guillemets)"),
    ("could not find expected ':'", "« : » attendu"),
    ("found character '\\t'", "tabulation interdite (l’indentation se fait en espaces)"),
    ("found a tab character", "tabulation interdite (l’indentation se fait en espaces)"),
    ("did not find expected node content", "valeur attendue"),
    ("found character", "caractère qui ne peut pas commencer une valeur (mettez-la entre guillemets)"),
    ("found undefined alias", "alias non défini"),
    ("found unexpected end of stream", "fin du texte inattendue (guillemet jamais fermé ?)"),
    ("found unknown escape character", "échappement inconnu dans une chaîne entre guillemets"),
    ("expected ',' or ']'", "« , » ou « ] » attendu"),
    ("did not find expected ',' or ']'", "« , » ou « ] » attendu"),
    ("expected ',' or '}'", "« , » ou « } » attendu"),
    ("did not find expected ',' or '}'", "« , » ou « } » attendu"),
    ("expected <block end>", "indentation incohérente"),
    ("did not find expected key", "clé attendue (indentation incohérente ?)"),
    ("did not find expected '-' indicator", "« - » attendu (indentation incohérente ?)"),
    ("could not determine a constructor for the tag", "étiquette YAML non prise en charge"),
    ("second occurrence", "ancre définie deux fois"),
    ("expected '<document start>'", "texte en trop après le document"),
    ("did not find expected <document start>", "texte en trop après le document"),
)


def yaml_reason(problem: str | None) -> str:
    """Why a text is not YAML, in French."""
    if not problem:
        return "syntaxe incorrecte"
    return next((fr for en, fr in _YAML_REASONS if problem.startswith(en)), f"syntaxe incorrecte (« {problem} »)")


def load_yaml(text: str, path: str, what: str = "YAML", trusted: bool = False) -> Any:
    """The data of one YAML document, or a one-line CheckerError naming `path` (never its contents).

    `trusted` (the packs shipped with the checker) skips the expansion count."""
    loader = _LOADER(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if not trusted:
            _check_expansion(node, path, what)
        return loader.construct_document(node)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" ligne {mark.line + 1}" if mark is not None else ""
        reason = yaml_reason(getattr(exc, "problem", None))
        error = YamlSyntaxError(f"{path}: {what} invalide{where} : {reason}")
        error.line, error.reason = (mark.line if mark is not None else None), reason
        raise error from None
    except RecursionError:
        raise CheckerError(f"{path}: {what} imbriqué trop profondément") from None
    finally:
        loader.dispose()


def _check_expansion(root: yaml.Node, path: str, what: str) -> None:
    """Refuse a document whose aliases expand beyond the budget, refer to themselves, or nest too deep."""
    expanded: dict[int, int] = {}  # id(node) -> nodes once every alias below it is expanded
    unique = 0
    on_path: set[int] = set()
    # Iterative post-order walk: (node, depth, children done?)
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 0, False)]
    while stack:
        node, depth, done = stack.pop()
        key = id(node)
        if done:
            on_path.discard(key)
            total = 1 + sum(expanded[id(child)] for child in _children(node))
            expanded[key] = total
            if total - unique > ALIAS_BUDGET and total > ALIAS_BUDGET:
                _refuse(path, what)
            continue
        if key in expanded:
            continue  # shared (an alias): counted through `expanded`, not walked again
        if key in on_path:
            raise CheckerError(f"{path}: {what} refusé : un alias se contient lui-même (structure récursive)")
        if depth > MAX_DEPTH:
            raise CheckerError(f"{path}: {what} imbriqué trop profondément (plus de {MAX_DEPTH} niveaux)")
        unique += 1
        on_path.add(key)
        stack.append((node, depth, True))
        for child in _children(node):
            if id(child) in on_path:
                raise CheckerError(f"{path}: {what} refusé : un alias se contient lui-même (structure récursive)")
            stack.append((child, depth + 1, False))
    if expanded[id(root)] - unique > ALIAS_BUDGET:
        _refuse(path, what)


def _refuse(path: str, what: str) -> None:
    raise CheckerError(
        f"{path}: {what} refusé : ses alias (&ancre / *alias) se déploient en plus de {ALIAS_BUDGET} éléments"
    )


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []
