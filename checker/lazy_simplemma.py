"""Import simplemma without compiling the suffix rules of twenty other languages.

`import simplemma` imports `simplemma.strategies.defaultrules`, whose `__init__` imports one module
per language (Finnish, Latvian, Slovak…) that compiles its rule patterns: about a tenth of a second
of every cold run, although French has no rules there. `import_simplemma()` first installs, in its
place, a package module whose `RULE_FUNCTIONS` imports a language's module the first time that
language is asked for, so that any lemmatisation in any language gives what simplemma gives.

This is done only when the installed `defaultrules/__init__.py` is exactly what is replaced (imports
of `apply_<lang>` functions and the `RULE_FUNCTIONS` table naming them); with any other layout,
simplemma is imported as it is.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from types import ModuleType

PACKAGE = "simplemma.strategies.defaultrules"
_IMPORT_RE = re.compile(r"^from \.(\w+) import (apply_\w+)$")
_ENTRY_RE = re.compile(r'^"([\w-]+)": (apply_\w+),$')
_FRAME = {
    '"""Rule-based lemmatization of unknown tokens."""',
    "from collections.abc import Callable",
    "RULE_FUNCTIONS: dict[str, Callable[[str], str | None]] = {",
    "}",
}

RuleFunction = Callable[[str], "str | None"]


class LazyRuleFunctions(Mapping[str, RuleFunction]):
    """{language: its rule function}, each language's module imported when it is first asked for."""

    def __init__(self, modules: dict[str, tuple[str, str]]) -> None:
        self._modules = modules  # language -> (module name, function name)
        self._loaded: dict[str, RuleFunction] = {}

    def __getitem__(self, lang: str) -> RuleFunction:
        function = self._loaded.get(lang)
        if function is None:
            module, name = self._modules[lang]
            function = self._loaded[lang] = getattr(importlib.import_module(f"{PACKAGE}.{module}"), name)
        return function

    def __iter__(self) -> Iterator[str]:
        return iter(self._modules)

    def __len__(self) -> int:
        return len(self._modules)


def import_simplemma() -> ModuleType:
    """`import simplemma`, with the rules of each language imported on demand when the layout allows it."""
    if "simplemma" not in sys.modules and PACKAGE not in sys.modules:
        stub = _lazy_rules_package()
        if stub is not None:
            sys.modules[PACKAGE] = stub
    return importlib.import_module("simplemma")


def _lazy_rules_package() -> ModuleType | None:
    try:
        spec = importlib.util.find_spec("simplemma")
        if spec is None or not spec.submodule_search_locations:
            return None
        folder = Path(next(iter(spec.submodule_search_locations))) / "strategies" / "defaultrules"
        source = (folder / "__init__.py").read_text(encoding="utf-8")
    except (ImportError, OSError, ValueError, StopIteration):
        return None
    modules = rule_modules(source)
    if modules is None:
        return None
    stub = ModuleType(PACKAGE, "Rule-based lemmatization of unknown tokens (imported per language on demand).")
    stub.__path__ = [str(folder)]
    stub.__file__ = str(folder / "__init__.py")
    stub.__package__ = PACKAGE
    rules = LazyRuleFunctions(modules)
    functions = {function: lang for lang, (_, function) in modules.items()}

    def attribute(name: str) -> RuleFunction:  # `from ...defaultrules import apply_fi` still works
        if name in functions:
            return rules[functions[name]]
        raise AttributeError(f"module {PACKAGE!r} has no attribute {name!r}")

    stub.RULE_FUNCTIONS = rules  # type: ignore[attr-defined]
    stub.__getattr__ = attribute  # type: ignore[method-assign]
    return stub


def rule_modules(source: str) -> dict[str, tuple[str, str]] | None:
    """{language: (module, function)} read from defaultrules/__init__.py, or None when the file holds
    anything else than those imports and that table."""
    imported: dict[str, str] = {}  # function -> module
    table: dict[str, str] = {}  # language -> function
    for raw in source.splitlines():
        line = raw.strip()
        if not line or line in _FRAME:
            continue
        if m := _IMPORT_RE.match(line):
            imported[m.group(2)] = m.group(1)
        elif m := _ENTRY_RE.match(line):
            table[m.group(1)] = m.group(2)
        else:
            return None
    if not table or set(table.values()) != set(imported):
        return None
    return {lang: (imported[function], function) for lang, function in table.items()}
