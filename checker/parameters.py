"""Rule parameters: every tunable of a rule, declared in its pack with a type and a default
(`parameters:` of a rule), overridden per rule in the configuration:

```toml
[tool.checker.rules."readability.long-sentence"]
severity = "error"      # the rule's severity
enabled = false         # whether it runs (true turns on a rule that is off by default)
max-words = 25          # a parameter, by name
```

The former `[tool.checker.thresholds]` names still work: `LEGACY_THRESHOLDS` maps each one to
the rule parameters it now sets.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# type name in a pack -> (Python check, French name shown by `checker explain`)
TYPES: dict[str, str] = {
    "integer": "entier",
    "number": "nombre",
    "boolean": "booléen",
    "string": "texte",
    "strings": "liste de textes",
}

# Former [tool.checker.thresholds] name -> the (rule id, parameter) pairs it sets.
LEGACY_THRESHOLDS: dict[str, tuple[tuple[str, str], ...]] = {
    "long-sentence-words": (("readability.long-sentence", "max-words"),),
    "kandel-moles-min": (("readability.paragraph-hard", "kandel-moles-min"),),
    "lix-max": (("readability.paragraph-hard", "lix-max"),),
    "readability-min-words": (
        ("readability.paragraph-hard", "min-words"),
        ("readability.document-score", "min-words"),
    ),
    "repetition-window": (("repetition.close-lemma", "window"),),
    "repeated-phrase-min-words": (("repetition.phrase", "min-words"),),
    "repeated-phrase-min-count": (("repetition.phrase", "min-count"),),
    "overused-min-count": (("repetition.overused", "min-count"),),
    "overused-ratio": (("repetition.overused", "ratio"),),
    "near-duplicate-similarity": (("repetition.near-duplicate", "similarity"),),
    "near-duplicate-min-words": (("repetition.near-duplicate", "min-words"),),
    "faq-support-min": (("faq.unsupported", "support-min"),),
}


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str  # a key of TYPES
    default: Any  # lists are kept as tuples (rules are hashable)
    description: str
    minimum: float | None = None
    maximum: float | None = None

    def problem(self, value: Any) -> str | None:
        """Why `value` is not a valid value of this parameter, or None."""
        ok = {
            "integer": isinstance(value, int) and not isinstance(value, bool),
            "number": isinstance(value, int | float) and not isinstance(value, bool),
            "boolean": isinstance(value, bool),
            "string": isinstance(value, str),
            "strings": isinstance(value, list | tuple) and all(isinstance(v, str) for v in value),
        }[self.type]
        if not ok:
            return f"{self.name} doit être de type {TYPES.get(self.type, self.type)}, pas {value!r}"
        if self.minimum is not None and value < self.minimum:
            return f"{self.name} doit valoir au moins {self.minimum:g}, pas {value!r}"
        if self.maximum is not None and value > self.maximum:
            return f"{self.name} doit valoir au plus {self.maximum:g}, pas {value!r}"
        return None

    def shown_default(self) -> str:
        if isinstance(self.default, bool):
            return "true" if self.default else "false"
        if isinstance(self.default, tuple):
            return "[" + ", ".join(self.default) + "]"
        return str(self.default)


def parse_parameters(raw: dict[str, Any]) -> tuple[Parameter, ...]:
    """The `parameters:` mapping of a rule (already validated by the pack schema)."""
    return tuple(
        Parameter(
            name=name,
            type=spec["type"],
            default=hashable(spec["default"]),
            description=str(spec.get("description", "")).strip(),
            minimum=spec.get("minimum"),
            maximum=spec.get("maximum"),
        )
        for name, spec in raw.items()
    )


def hashable(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value
