"""The `checker` command line: lint, rules, explain.

Exit status: 0 clean, 1 findings at or above --fail-on, 2 bad usage, configuration or input
(always a one-line message, never a traceback).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from checker import __version__
from checker.errors import CheckerError
from checker.paths import ARTICLE_SUFFIXES, expand_paths, safe_resolve

__all__ = ["ARTICLE_SUFFIXES", "expand_paths", "fail", "main"]  # the first two: their former home

F = TypeVar("F", bound=Callable[..., Any])

FORMATS = ["text", "json", "sarif", "github", "junit"]


def fail(message: str) -> NoReturn:
    click.echo(f"checker: error: {message}", err=True)
    sys.exit(2)


def _leave_now(status: int) -> NoReturn:
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(status)


def _guard(fn: F) -> F:
    """Turn every error into one line and exit status 2."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except CheckerError as exc:
            fail(str(exc))
        except KeyboardInterrupt:
            # 130: the shell's convention for a run stopped by Ctrl-C (128 + SIGINT). Workers are already
            # stopped; leaving at once skips freeing the loaded lexicons one object at a time.
            _leave_now(130)
        except BrokenPipeError:
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
            return super().main(*args, standalone_mode=False, **kwargs)  # type: ignore[call-overload]
        try:
            super().main(*args, standalone_mode=False, **kwargs)  # type: ignore[call-overload]
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
    help="Apply the safe fixes (typography, pleonasms) to the files (atomically), then report the remaining findings.",
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
    from checker.api import Options, run
    from checker.cache import default_cache_dir
    from checker.report import build_report, render

    def split(value: str | None) -> tuple[str, ...] | None:
        return tuple(s.strip() for s in value.split(",") if s.strip()) if value is not None else None

    options = Options(
        config_path=config_path,
        select=split(select),
        ignore=split(ignore) or (),
        fail_on=fail_on,
        jobs=jobs,
        cache_dir=None if no_cache else str(cache_dir or default_cache_dir()),
        fix=fix,
        diff=diff,
        baseline=baseline_path,
        write_baseline=write_baseline_path,
    )
    outcome = run(paths, options)
    if outcome.fixes is not None:
        if outcome.diff_only:
            click.echo(outcome.fixes.diff, nl=False)
        else:
            changed = len(outcome.fixes.changed)
            click.echo(
                f"checker: {outcome.fixes.applied} correction(s) appliquée(s) dans {changed} fichier(s)", err=True
            )
    if outcome.baseline_written is not None:
        click.echo(
            f"checker: baseline written to {write_baseline_path} ({outcome.baseline_written} finding(s))", err=True
        )
    elif not outcome.diff_only and (outcome.files or not outcome.errors):
        # When every file failed, the one-line errors are the whole answer.
        report = build_report(
            outcome.files,
            outcome.findings,
            outcome.engines_ran,
            outcome.engines_unavailable,
            outcome.suppressed,
            outcome.baselined,
        )
        sources = {}
        if fmt == "text":
            sources = {path: _read_for_display(Path(path)) for path in dict.fromkeys(f.path for f in outcome.findings)}
        use_color = color if color is not None else (fmt == "text" and sys.stdout.isatty())
        click.echo(render(fmt, report, sources, outcome.rules, use_color), nl=False)
    for message in outcome.errors:
        click.echo(f"checker: error: {message}", err=True)
    sys.exit(outcome.exit_code)


def _read_for_display(path: Path) -> str:
    from checker.lint import read_source

    try:
        return read_source(path, max_size=1 << 40)  # already checked against the size limit
    except CheckerError:
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
        click.echo(f'Désactivée par défaut : select = ["{rule.id}"] ou enabled = true la met en route.')
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
    config = (read_config_file(Path(config_path)) if config_path else None) or find_config(safe_resolve(file).parent)
    doc = parse_document(read_source(file, config.max_file_size), path)
    statements = build_inventory(doc, load_rules(config.rule_packs))
    click.echo((render_json if fmt == "json" else render_text)(path, statements), nl=False)


if __name__ == "__main__":
    main()
