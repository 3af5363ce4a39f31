"""What a worker receives and returns (`FileJob`, `FileOutcome`), and `warm_up`, which loads what
every file needs once per process: shared by the process pool (checker.parallel) and the Dask
workers (checker.distributed), which neither imports the other's internals."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass

from checker.config import Config
from checker.errors import CheckerError
from checker.lint import LintResult, lint_text


@dataclass(frozen=True)
class FileJob:
    path: str  # the file to read
    display_path: str  # the path reported in findings
    config: Config


@dataclass
class FileOutcome:
    display_path: str
    result: LintResult | None = None
    error: str | None = None  # one-line message when the file could not be checked
    cached: bool = False


# Reaches the lazy paths of every family (unknown word and suggestions, repetitions, claims, FAQ, figures).
_WARM_UP_TEXT = """# Les ventes du marché

Le 12 mars 2024, les ventes ont baissé de 3,5 % à Paris. Les ventes pourraient encore baisser, selon certains
experts. Le marché du travail reste fragile ; le marché de l’énergie aussi. Un mott mal écrit.

## FAQ

### Les ventes vont-elles baisser ?

Les ventes ont baissé de 3,5 % en mars 2024.
"""


def warm_up(configs: Sequence[Config]) -> None:
    """Load what every file needs (check modules, rule packs) once, before the workers start."""
    from checker.families import family_module, family_names
    from checker.rule_packs import load_rules

    for family in family_names():
        family_module(family)
    for packs in {c.rule_packs for c in configs}:
        with contextlib.suppress(CheckerError):  # reported per file
            load_rules(packs)
    # One small text per configuration loads the lexicons and grammar engines here, once: forked
    # workers share them instead of each loading its own copy.
    for config in dict.fromkeys(configs):
        with contextlib.suppress(CheckerError):
            lint_text(_WARM_UP_TEXT, config, "warm-up.md")
