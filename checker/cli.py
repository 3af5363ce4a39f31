"""The `checker` command line: lint, rules, explain.

Exit status: 0 clean, 1 findings at or above --fail-on, 2 bad usage, configuration or input
(always a one-line message, never a traceback).
"""

from __future__ import annotations

import glob
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from checker import __version__
from checker.errors import CheckerError
from checker.findings import SEVERITY_RANK

F = TypeVar("F", bound=Callable[..., Any])

ARTICLE_SUFFIXES = {".md", ".markdown", ".mdx", ".html", ".htm", ".txt"}
FORMATS = ["text", "json", "sarif", "github", "junit"]


def fail(message: str) -> NoReturn:
    click.echo(f"checker: error: {message}", err=True)
    sys.exit(2)


def expand_paths(paths: tuple[str, ...], exclude: tuple[str, ...] = ()) -> list[Path]:
    """Files, directories (searched for articles) and glob patterns, in a stable order."""
    files: list[Path] = []
    for raw in paths:
        if any(ch in raw for ch in "*?["):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                raise CheckerError(f"{raw}: no file matches this pattern")
            candidates = [Path(m) for m in matches]
        else:
            candidates = [Path(raw)]
        for path in candidates:
            if path.is_dir():
                files.extend(p for p in sorted(path.rglob("*")) if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file())
            elif path.exists() or path.is_symlink():
                files.append(path)
            else:
                raise CheckerError(f"{path}: no such file or directory")
    seen: set[Path] = set()
    unique = []
    for f in files:
        if f not in seen and not any(f.match(pattern) for pattern in exclude):
            seen.add(f)
            unique.append(f)
    return unique


def _guard(fn: F) -> F:
    """Turn every error into one line and exit status 2."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except CheckerError as exc:
            fail(str(exc))
        except (KeyboardInterrupt, BrokenPipeError):
            sys.exit(2)
        except RecursionError:
            fail("input nested too deeply to analyse")
        except Exception as exc:  # never a traceback for the user
            fail(f"internal error: {type(exc).__name__}: {exc}")

    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    return wrapper  # type: ignore[return-value]


class _OneLineErrors(click.Group):
    """Usage errors (unknown option, bad choice, missing argument) as one line, exit status 2."""

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            super().main(*args, standalone_mode=False, **kwargs)
        except click.exceptions.NoArgsIsHelpError as exc:
            click.echo(exc.ctx.get_help() if exc.ctx else str(exc), err=True)
            sys.exit(2)
        except click.UsageError as exc:
            where = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
            fail(" ".join(exc.format_message().split()) + where)
        except click.ClickException as exc:
            click.echo(f"checker: error: {' '.join(exc.format_message().split())}", err=True)
            sys.exit(exc.exit_code)
        except click.exceptions.Exit as exc:
            sys.exit(exc.exit_code)
        except click.Abort:
            sys.exit(2)
        sys.exit(0)


@click.group(cls=_OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="checker")
def main() -> None:
    """Relecture éditoriale d’articles en français."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    default=None,
    help="Lowest severity that makes the exit status 1 (default: config, else error).",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Use this .checker.toml or pyproject.toml instead of searching upwards.",
)
@click.option("--select", default=None, help="Comma-separated families or rule ids to run.")
@click.option("--ignore", default=None, help="Comma-separated families or rule ids to skip.")
@click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Report only findings not in this baseline file.",
)
@click.option(
    "--write-baseline",
    "write_baseline_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write all current findings to this baseline file and exit 0.",
)
@click.option("--color/--no-color", default=None, help="Colour the text output (default: when a terminal).")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Files checked in parallel (default: all cores; 1: in this process).",
)
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False),
    envvar="CHECKER_CACHE_DIR",
    default=None,
    help="Folder of the result cache (default: the user cache folder, e.g. ~/.cache/checker).",
)
@click.option(
    "--no-cache",
    is_flag=True,
    envvar="CHECKER_NO_CACHE",
    help="Check every file again, ignoring and not filling the cache (also CHECKER_NO_CACHE=1).",
)
@click.option(
    "--fix",
    is_flag=True,
    help="Apply the safe typography fixes to the files (atomically), then report the remaining findings.",
)
@click.option(
    "--diff",
    is_flag=True,
    help="Print the safe fixes as a unified diff without writing anything (exit 1 when there is something to fix).",
)
@_guard
def lint(
    paths: tuple[str, ...],
    fmt: str,
    fail_on: str | None,
    config_path: str | None,
    select: str | None,
    ignore: str | None,
    baseline_path: str | None,
    write_baseline_path: str | None,
    color: bool | None,
    jobs: int | None,
    cache_dir: str | None,
    no_cache: bool,
    fix: bool,
    diff: bool,
) -> None:
    """Analyse des articles (fichiers, dossiers ou motifs glob).

    Un fichier illisible (pas en UTF-8, binaire…) n’arrête pas les autres : leurs résultats sont
    affichés, puis une ligne d’erreur par fichier en échec, et le code de sortie est 2.
    """
    from checker.baseline import filter_new, read_baseline, write_baseline
    from checker.cache import default_cache_dir
    from checker.config import Config, find_config, read_config_file
    from checker.parallel import FileJob, lint_files
    from checker.report import build_report, render
    from checker.rule_packs import load_rules

    explicit: Config | None = None
    if config_path:
        explicit = read_config_file(Path(config_path)) or Config(source=config_path)

    def split(value: str | None) -> tuple[str, ...] | None:
        return tuple(s.strip() for s in value.split(",") if s.strip()) if value is not None else None

    def config_for(path: Path) -> Config:
        config = explicit or find_config(path.resolve().parent)
        overrides: dict[str, Any] = {}
        if (sel := split(select)) is not None:
            overrides["select"] = sel
        if (ign := split(ignore)) is not None:
            overrides["ignore"] = config.ignore + ign
        return config.with_overrides(**overrides) if overrides else config

    base_config = explicit or find_config(Path.cwd())
    files = expand_paths(paths, base_config.exclude)
    baseline = read_baseline(Path(baseline_path)) if baseline_path else None

    if fix or diff:
        from checker.fix import run_fixes

        fixes = run_fixes(files, config_for, write=not diff)
        if diff:
            click.echo(fixes.diff, nl=False)
            for message in fixes.errors:
                click.echo(f"checker: error: {message}", err=True)
            sys.exit(2 if fixes.errors else 1 if fixes.changed else 0)
        click.echo(
            f"checker: {fixes.applied} correction(s) appliquée(s) dans {len(fixes.changed)} fichier(s)", err=True
        )
        # Files in error were left untouched; the lint below reports them (exit 2).

    findings: list[dict[str, Any]] = []
    sources: dict[str, str] = {}
    engines_ran: list[str] = []
    unavailable: dict[str, str] = {}
    suppressed = 0
    threshold = fail_on
    file_jobs = []
    for path in files:
        config = config_for(path)
        threshold = threshold or config.fail_on
        file_jobs.append(FileJob(str(path), str(path), config))
    cache_folder = None if no_cache else str(cache_dir or default_cache_dir())
    errors: list[str] = []
    checked: list[str] = []
    for outcome in lint_files(file_jobs, jobs, cache_folder):
        if outcome.result is None:
            if outcome.error not in errors:
                errors.append(outcome.error or f"{outcome.display_path}: not checked")
            continue
        result = outcome.result
        checked.append(outcome.display_path)
        findings.extend(f.to_dict() for f in result.findings)
        engines_ran.extend(result.engines_ran)
        unavailable.update(result.engines_unavailable)
        suppressed += result.suppressed
        if fmt == "text" and result.findings:
            sources[outcome.display_path] = _read_for_display(Path(outcome.display_path))
    if errors and write_baseline_path:
        fail(errors[0] if len(errors) == 1 else f"{errors[0]} (and {len(errors) - 1} more file(s) in error)")

    if write_baseline_path:
        write_baseline(Path(write_baseline_path), findings)
        click.echo(f"checker: baseline written to {write_baseline_path} ({len(findings)} finding(s))", err=True)
        return

    baselined = 0
    if baseline is not None:
        findings, baselined = filter_new(findings, baseline, Path(baseline_path).parent if baseline_path else None)

    if checked or not errors:  # when every file failed, the one-line errors are the whole answer
        report = build_report(checked, findings, engines_ran, unavailable, suppressed, baselined)
        use_color = color if color is not None else (fmt == "text" and sys.stdout.isatty())
        click.echo(render(fmt, report, sources, load_rules(base_config.rule_packs), use_color), nl=False)
    for message in errors:
        click.echo(f"checker: error: {message}", err=True)
    if errors:
        sys.exit(2)
    limit = SEVERITY_RANK[threshold or "error"]
    if any(SEVERITY_RANK[f["severity"]] >= limit for f in findings):
        sys.exit(1)


def _read_for_display(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").removeprefix("\ufeff")
    except (OSError, UnicodeDecodeError):
        return ""


@main.command("rules")
@click.option("--family", default=None, help="Only this family.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None)
@_guard
def rules_cmd(family: str | None, config_path: str | None) -> None:
    """Liste les règles (id, famille, gravité, description)."""
    from checker.config import Config, find_config, read_config_file
    from checker.families import family_names, unknown_family_error
    from checker.rule_packs import load_rules

    if family and family not in family_names():
        raise CheckerError(unknown_family_error(family))
    config = (read_config_file(Path(config_path)) if config_path else None) or find_config(Path.cwd()) or Config()
    for rule in sorted(load_rules(config.rule_packs), key=lambda r: r.id):
        if family and rule.family != family:
            continue
        first = rule.description.split(". ")[0].rstrip(".")
        off = "" if rule.default_on else " (désactivée par défaut)"
        click.echo(f"{rule.id:<40} {rule.severity:<8} {first}{off}")


@main.command()
@click.argument("rule_id")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None)
@_guard
def explain(rule_id: str, config_path: str | None) -> None:
    """Explique une règle : description, message et exemples."""
    from checker.config import find_config, read_config_file
    from checker.rule_packs import load_rules

    config = (read_config_file(Path(config_path)) if config_path else None) or find_config(Path.cwd())
    rules = load_rules(config.rule_packs)
    rule = rules.get(rule_id)
    if rule is None:
        close = [r.id for r in rules if rule_id.split(".")[-1] in r.id][:5]
        hint = f" (did you mean: {', '.join(close)})" if close else ""
        raise CheckerError(f"unknown rule id '{rule_id}'{hint}; see 'checker rules'")
    click.echo(f"{rule.id}  [{rule.family}, {rule.severity}]  (pack {rule.source})")
    click.echo("")
    click.echo(rule.description)
    click.echo("")
    click.echo(f"Message : {rule.message}")
    click.echo("")
    if not rule.default_on:
        click.echo(f"Désactivée par défaut : select = [\"{rule.id}\"] ou enabled = true la met en route.")
        click.echo("")
    if rule.parameters:
        from checker.parameters import TYPES

        click.echo(f'Paramètres ([tool.checker.rules."{rule.id}"]) :')
        for p in rule.parameters:
            click.echo(f"  {p.name} ({TYPES[p.type]}, défaut {p.shown_default()}) : {p.description}")
        click.echo("")
    click.echo("Signalé (le passage signalé est souligné) :")
    for ex in rule.examples_flagged:
        text, carets = _example_lines(ex)
        click.echo(f"  ✗ {text}")
        if carets.strip():
            click.echo(f"    {carets}")
    click.echo("Accepté :")
    for ex in rule.examples_accepted:
        click.echo(f"  ✓ {_example_lines(ex)[0]}")


def _example_lines(example: str | dict[str, Any]) -> tuple[str, str]:
    """The example on one line (line breaks shown as ⏎), without its <marker> tags, and a line of
    carets under the marked spans."""
    import re

    from checker.report import display_width

    raw = example if isinstance(example, str) else example["text"]
    raw = raw.replace("\n", " ⏎ ")
    text = ""
    carets = ""
    pos = 0
    for m in re.finditer(r"<marker>(.*?)</marker>", raw):
        before = raw[pos : m.start()]
        text += before
        carets += " " * display_width(before)
        text += m.group(1)
        carets += "^" * max(1, display_width(m.group(1)))
        pos = m.end()
    text += raw[pos:]
    return text, carets.rstrip()


@main.command("claims")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None)
@_guard
def claims_cmd(path: str, fmt: str, config_path: str | None) -> None:
    """Inventaire des affirmations à vérifier (prospectives, rapportées, chiffrées, évaluatives)."""
    from checker.claims_inventory import build_inventory, render_json, render_text
    from checker.config import find_config, read_config_file
    from checker.lint import read_source
    from checker.parse import parse_document
    from checker.rule_packs import load_rules

    file = Path(path)
    config = (read_config_file(Path(config_path)) if config_path else None) or find_config(file.resolve().parent)
    doc = parse_document(read_source(file), path)
    statements = build_inventory(doc, load_rules(config.rule_packs))
    click.echo((render_json if fmt == "json" else render_text)(path, statements), nl=False)


if __name__ == "__main__":
    main()
