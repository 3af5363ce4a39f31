"""The `checker` command line: lint, rules, explain.

Exit status: 0 clean, 1 findings at or above --fail-on, 2 bad usage, configuration or input
(always a one-line message, never a traceback).
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

from checker import regex_cache, regex_lib_cache

regex_cache.install()  # before the imports below: their patterns are built from the data cache's code
regex_lib_cache.install()  # the same for the regex library's (the rule packs' phrase lists)

import click  # noqa: E402

from checker import __version__, click_fr  # noqa: E402
from checker.errors import CheckerError, utf8_reason  # noqa: E402
from checker.paths import ARTICLE_SUFFIXES, expand_paths, safe_resolve  # noqa: E402

click_fr.install()

if TYPE_CHECKING:
    from checker.api import Outcome
    from checker.config import Config

__all__ = ["ARTICLE_SUFFIXES", "expand_paths", "fail", "main"]  # the first two: their former home

F = TypeVar("F", bound=Callable[..., Any])

FORMATS = ["text", "json", "jsonl", "sarif", "github", "junit", "html"]
GC_THRESHOLD = 10_000  # new container objects between two collections of the youngest generation (Python: 700)


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
            fail("texte trop profondément imbriqué pour être analysé")
        except Exception as exc:  # never a traceback for the user
            fail(f"erreur interne : {type(exc).__name__}: {exc}")

    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    return wrapper  # type: ignore[return-value]


class _OneLineErrors(click.Group):
    """Usage errors (unknown option, bad choice, missing argument) as one line, exit status 2."""

    def __call__(self, *args: Any, **kwargs: Any) -> NoReturn:
        """The command line itself (the `checker` script, `python -m checker.cli`); tests call `main`.

        Once the command is done and its output flushed, the process leaves at once: tearing down the
        interpreter would free the loaded lexicons and grammar rules one object at a time, about a fifth
        of a second of CPU after the work is done. Pools are already shut down and files already written
        by then (atomically); only standard output and error remain to flush.

        The cyclic garbage collector runs less often than Python's default (every 700 new containers):
        loading the engines creates millions of objects that are never garbage, and scanning them again
        and again took a twentieth of a second of a cold run. `lint` goes further and keeps it off while its
        first file loads the engines (`_collector_off_while_loading`); this threshold still serves the imports
        before a command and the other commands."""
        gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])
        try:
            self.main(*args, **kwargs)
            status: Any = 0
        except SystemExit as exc:
            status = exc.code
        if status is None:
            status = 0
        elif not isinstance(status, int):
            click.echo(status, err=True)  # sys.exit("message"), as the interpreter would print it
            status = 1
        _leave_now(status)

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)  # type: ignore[call-overload]
        try:
            super().main(*args, standalone_mode=False, **kwargs)  # type: ignore[call-overload]
        except click.exceptions.NoArgsIsHelpError as exc:
            click.echo(exc.ctx.get_help() if exc.ctx else str(exc), err=True)
            sys.exit(2)
        except click.UsageError as exc:
            where = f" (voir « {exc.ctx.command_path} --help »)" if exc.ctx else ""
            fail(" ".join(exc.format_message().split()) + where)
        except click.ClickException as exc:
            click.echo(f"checker: error: {' '.join(exc.format_message().split())}", err=True)
            sys.exit(exc.exit_code)
        except click.exceptions.Exit as exc:
            sys.exit(exc.exit_code)
        except click.Abort:
            sys.exit(2)
        sys.exit(0)


class _AtLeast(click.IntRange):
    """An integer at least `min`, described in French in the help (« [au moins 1] ») and in errors."""

    def _describe_range(self) -> str:
        return f"au moins {self.min}"


@click.group(
    cls=_OneLineErrors,
    context_settings={"help_option_names": ["-h", "--help"]},
    subcommand_metavar="COMMANDE [ARGUMENTS]...",
)
@click.version_option(__version__, prog_name="checker", help="Afficher la version et sortir.")
def main() -> None:
    """Relecture éditoriale d’articles en français."""


@main.command()
@click.argument("paths", nargs=-1, required=True, metavar="CHEMINS...")
@click.option(
    "--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help="Format de sortie."
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    default=None,
    help="Gravité la plus basse qui donne le code de sortie 1 (défaut : configuration, sinon error).",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Utiliser ce .checker.toml ou pyproject.toml au lieu de chercher en remontant les dossiers.",
)
@click.option(
    "--select", default=None, metavar="LISTE", help="Familles ou règles à appliquer, séparées par des virgules."
)
@click.option(
    "--ignore", default=None, metavar="LISTE", help="Familles ou règles à ne pas appliquer, séparées par des virgules."
)
@click.option(
    "--preset",
    type=click.Choice(["default", "picky"]),
    default=None,
    help="default : les règles actives par défaut ; picky : aussi les règles désactivées par défaut (plus bavard).",
)
@click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Ne signaler que les constats absents de ce fichier de référence.",
)
@click.option(
    "--write-baseline",
    "write_baseline_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Écrire tous les constats actuels dans ce fichier de référence et sortir avec 0.",
)
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Couleurs dans la sortie texte (auto : sur un terminal, sauf si NO_COLOR est défini).",
)
@click.option("--no-color", is_flag=True, help="Comme --color never.")
@click.option(
    "--stdin-filename",
    default=None,
    metavar="CHEMIN",
    help="Avec « - » : le nom du texte lu sur l’entrée standard (format, configuration, chemin affiché).",
)
@click.option("--quiet", "-q", is_flag=True, help="Seulement les constats : ni résumé ni message d’état.")
@click.option("--exit-zero", is_flag=True, help="Code de sortie 0 même avec des constats (2 reste pour les erreurs).")
@click.option(
    "--statistics",
    is_flag=True,
    help="Le nombre de constats par règle au lieu de chaque constat (en JSON avec --format json).",
)
@click.option(
    "--output-file",
    "-o",
    type=click.Path(dir_okay=False),
    default=None,
    help="Écrire le rapport dans ce fichier au lieu de la sortie standard.",
)
@click.option(
    "--min-severity",
    type=click.Choice(["error", "warning", "info"]),
    default=None,
    help="Ne signaler que les constats de cette gravité ou plus.",
)
@click.option(
    "--changed-since",
    "changed_since",
    metavar="REV",
    default=None,
    help="Ne signaler que les constats sur des lignes ajoutées ou modifiées depuis cette révision git.",
)
@click.option("--verbose", "-v", is_flag=True, help="Dire sur la sortie d’erreur pourquoi un moteur n’a pas servi.")
@click.option(
    "--jobs",
    "-j",
    type=_AtLeast(min=1),
    metavar="N",
    default=None,
    help="Fichiers vérifiés en parallèle (défaut : tous les cœurs ; 1 : dans ce processus).",
)
@click.option(
    "--scheduler",
    default=None,
    metavar="tcp://HÔTE:PORT",
    help="Analyser sur ce cluster Dask distribué (extra checker[dask]) ; même sortie qu’en local.",
)
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False),
    envvar="CHECKER_CACHE_DIR",
    default=None,
    help="Dossier du cache des résultats (défaut : le cache de l’utilisateur, par exemple ~/.cache/checker).",
)
@click.option(
    "--no-cache",
    is_flag=True,
    envvar="CHECKER_NO_CACHE",
    help="Tout revérifier, sans lire ni remplir le cache (aussi CHECKER_NO_CACHE=1).",
)
@click.option(
    "--fix",
    is_flag=True,
    help="Appliquer les corrections typographiques sûres (écriture atomique), puis signaler ce qui reste.",
)
@click.option(
    "--unsafe-fixes",
    "unsafe_fixes",
    is_flag=True,
    help="Avec --fix ou --diff, appliquer aussi les corrections qui changent le sens (rétablir dans une réponse"
    " de FAQ la nuance du corps : « positionne » → « pourrait positionner »). À relire.",
)
@click.option(
    "--diff",
    is_flag=True,
    help="Afficher les corrections sûres en diff unifié sans rien écrire (code 1 s’il y a à corriger).",
)
@_guard
def lint(
    paths: tuple[str, ...],
    fmt: str,
    fail_on: str | None,
    config_path: str | None,
    select: str | None,
    ignore: str | None,
    preset: str | None,
    baseline_path: str | None,
    write_baseline_path: str | None,
    color: str,
    no_color: bool,
    stdin_filename: str | None,
    quiet: bool,
    exit_zero: bool,
    statistics: bool,
    output_file: str | None,
    min_severity: str | None,
    changed_since: str | None,
    verbose: bool,
    jobs: int | None,
    scheduler: str | None,
    cache_dir: str | None,
    no_cache: bool,
    fix: bool,
    unsafe_fixes: bool,
    diff: bool,
) -> None:
    """Analyse des articles (fichiers, dossiers ou motifs glob).

    Un fichier illisible (pas en UTF-8, binaire…) n’arrête pas les autres : leurs résultats sont
    affichés, puis une ligne d’erreur par fichier en échec, et le code de sortie est 2.
    """
    from checker.api import Options, run
    from checker.cache import default_cache_dir
    from checker.findings import Finding
    from checker.report import jsonl_lines

    def split(value: str | None) -> tuple[str, ...] | None:
        return tuple(s.strip() for s in value.split(",") if s.strip()) if value is not None else None

    if unsafe_fixes and not (fix or diff):
        raise click.UsageError("--unsafe-fixes va avec --fix ou --diff")
    stdin_text = _stdin_text(paths, stdin_filename, fix or diff or bool(changed_since), config_path)
    options = Options(
        config_path=config_path,
        select=split(select),
        ignore=split(ignore) or (),
        preset=preset,
        fail_on=fail_on,
        jobs=jobs,
        cache_dir=None if no_cache else str(cache_dir or default_cache_dir()),
        fix=fix,
        diff=diff,
        unsafe_fixes=unsafe_fixes,
        baseline=baseline_path,
        write_baseline=write_baseline_path,
        min_severity=min_severity,
        changed_since=changed_since,
        stdin_text=stdin_text,
        stdin_filename=stdin_filename,
        scheduler=scheduler,
    )
    # jsonl on standard output streams: each file's findings are written as soon as it is done, in input order.
    streaming = fmt == "jsonl" and not write_baseline_path and not output_file and not statistics

    def write_file_findings(path: str, findings: list[Finding]) -> None:
        sys.stdout.write(jsonl_lines(findings))
        sys.stdout.flush()

    options = replace(options, on_findings=write_file_findings) if streaming else options
    with _progress(quiet) as progress, _collector_off_while_loading() as loaded:

        def on_file(done: int, total: int) -> None:
            loaded()
            if progress is not None:
                progress(done, total)

        outcome = run([] if stdin_text is not None else paths, options, on_file=on_file)
    _print_fixes_and_baseline(outcome, quiet, write_baseline_path)
    shown = not streaming and outcome.baseline_written is None and not outcome.diff_only
    if shown and (outcome.files or not outcome.errors):
        # When every file failed, the one-line errors are the whole answer.
        color_on = _use_color("never" if no_color else color, fmt, output_file)
        view = _View(fmt, quiet, statistics, output_file, color_on, config_path)
        _print_report(outcome, view, verbose)
    for message in outcome.errors:
        click.echo(f"checker: error: {message}", err=True)
    code = outcome.exit_code
    sys.exit(0 if exit_zero and code == 1 and not outcome.diff_only else code)


def _print_fixes_and_baseline(outcome: Outcome, quiet: bool, write_baseline_path: str | None) -> None:
    """The diff of --diff on standard output; what --fix and --write-baseline did, on standard error."""
    if outcome.fixes is not None and outcome.diff_only:
        click.echo(outcome.fixes.diff, nl=False)
    if quiet:
        return
    if outcome.fixes is not None and not outcome.diff_only:
        changed = len(outcome.fixes.changed)
        click.echo(f"checker : {outcome.fixes.applied} correction(s) appliquée(s) dans {changed} fichier(s)", err=True)
    if outcome.baseline_written is not None:
        written = outcome.baseline_written
        click.echo(f"checker : référence écrite dans {write_baseline_path} ({written} constat(s))", err=True)


def _stdin_text(
    paths: tuple[str, ...], stdin_filename: str | None, writes_or_diffs: bool, config_path: str | None = None
) -> str | None:
    """The article read from standard input with `checker lint -`, else None."""
    from_stdin = paths == ("-",)
    if "-" in paths and not from_stdin:
        fail("« - » (entrée standard) ne se combine pas avec d’autres fichiers")
    if stdin_filename and not from_stdin:
        fail("--stdin-filename ne sert qu’avec « - » (entrée standard)")
    if not from_stdin:
        return None
    if writes_or_diffs:
        fail("--fix, --diff et --changed-since ne s’appliquent pas à l’entrée standard")
    display = stdin_filename or "<stdin>"
    limit = _stdin_max_size(config_path, stdin_filename)
    if not hasattr(sys.stdin, "buffer"):
        return _decode_stdin(sys.stdin.read(limit + 1), display)
    from checker.safe_io import read_at_most, require_size

    raw = read_at_most(sys.stdin.buffer, limit + 1)  # an endless input stops at the limit
    require_size(display, len(raw), limit, "article", read_whole=False)
    return _decode_stdin(raw, display)


def _stdin_max_size(config_path: str | None, stdin_filename: str | None) -> int:
    """max-file-size of the configuration that `run` will use for standard input."""
    from checker.config import find_config, read_config_file

    explicit = read_config_file(Path(config_path)) if config_path else None
    return (explicit or find_config(safe_resolve(Path(stdin_filename or "-")).parent)).max_file_size


@dataclass(frozen=True)
class _View:
    """How the report is shown: format, --quiet, --statistics, --output-file, colours."""

    fmt: str
    quiet: bool
    statistics: bool
    output_file: str | None
    color: bool
    config_path: str | None = None  # the HTML report reads each file's configuration as `run` finds it


def _print_report(outcome: Outcome, view: _View, verbose: bool) -> None:
    from checker.report import build_report, engine_status_lines, render, to_statistics

    report = build_report(
        outcome.files,
        outcome.findings,
        outcome.engines_ran,
        outcome.engines_unavailable,
        outcome.suppressed,
        outcome.baselined,
    )
    if view.statistics:
        output = to_statistics(report, outcome.rules, summary=not view.quiet, fmt=view.fmt)
    elif view.fmt == "html":
        from checker.html_report import build_articles, render_html

        articles = build_articles(report, _config_finder(view.config_path), outcome.rules)
        output = render_html(report, articles, outcome.rules)
    else:
        sources = {}
        if view.fmt == "text":
            shown = dict.fromkeys(f.path for f in outcome.findings)
            sources = {path: outcome.sources.get(path) or _read_for_display(Path(path)) for path in shown}
        uri = _config_finder(view.config_path)(Path.cwd() / "-").information_uri if view.fmt == "sarif" else None
        output = render(
            view.fmt, report, sources, outcome.rules, view.color, outcome.fail_on, outcome.errors, not view.quiet, uri
        )
    if view.output_file:
        from checker.safe_io import write_atomically

        write_atomically(Path(view.output_file), output.encode("utf-8"), "rapport")
    else:
        click.echo(output, nl=False, color=view.color)
    if verbose:
        for line in engine_status_lines(report):
            click.echo(line, err=True)


def _decode_stdin(data: bytes | str, display: str) -> str:
    """Standard input with the same checks as a file (UTF-8, no NUL byte)."""
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    if b"\x00" in data[:8192]:
        raise CheckerError(f"{display}: fichier binaire (octets NUL), pas un article en texte")
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        reason = utf8_reason(exc.reason)
        raise CheckerError(f"{display}: UTF-8 invalide à l’octet {exc.start} (ligne {line}) : {reason}") from None


def _use_color(mode: str, fmt: str, output_file: str | None) -> bool:
    """--color always|never, or auto: the text format on a terminal, unless NO_COLOR is set (no-color.org)."""
    if mode == "always":
        return True
    if mode == "never" or fmt != "text" or output_file:
        return False
    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def _stderr_is_terminal() -> bool:
    return sys.stderr.isatty()


@contextlib.contextmanager
def _collector_off_while_loading() -> Iterator[Callable[[], None]]:
    """The cyclic garbage collector off until the first file is done, then on again with what is loaded by
    then frozen (kept out of its walks) until the command ends; yields the function that turns it back on.

    The first file loads the engines, rule packs and lexicons: about a hundred thousand objects that are
    never garbage, which the collector walked in every young collection while they were being created
    (a tenth of a second of a cold lint of the sample: 36 collections of the youngest generation and 3
    of the next). A lint leaves little cyclic garbage (a few hundred objects on the sample), so one file
    with the collector off costs no memory to speak of; the files after it run with the collector as usual.
    Worker processes turn it on for themselves (`checker.parallel`)."""
    if not gc.isenabled():  # the caller's choice: left as it is
        yield lambda: None
        return
    gc.disable()
    frozen: list[bool] = []

    def loaded() -> None:
        if not frozen:
            frozen.append(True)
            gc.freeze()
            gc.enable()

    try:
        yield loaded
    finally:
        if frozen:
            gc.unfreeze()  # a caller in the same process (tests) gets its objects back in the collector
        else:
            gc.enable()


@contextlib.contextmanager
def _progress(quiet: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on standard error, when it is a terminal and there are several files (`run` calls
    back with the files done and the total after each file)."""
    if quiet or not _stderr_is_terminal():
        yield None
        return
    bars: list[Any] = []

    def on_file(done: int, total: int) -> None:
        if total < 2:
            return
        if not bars:
            bars.append(click.progressbar(length=total, label="Analyse", file=sys.stderr, show_pos=True))
            bars[0].__enter__()
        bars[0].update(1)

    try:
        yield on_file
    finally:
        for bar in bars:
            bar.__exit__(None, None, None)


def _config_finder(config_path: str | None) -> Callable[[Path], Config]:
    """The configuration of each file as `run` finds it (the HTML report reads its thresholds)."""
    from checker.config import Config, find_config, read_config_file

    explicit = (read_config_file(Path(config_path)) or Config(source=config_path)) if config_path else None
    return lambda path: explicit or find_config(safe_resolve(path).parent)


def _read_for_display(path: Path) -> str:
    from checker.lint import read_source

    try:
        return read_source(path, max_size=1 << 40)  # already checked against the size limit
    except CheckerError:
        return ""


@main.command("rules")
@click.option("--family", default=None, metavar="FAMILLE", help="Seulement cette famille.")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Format de sortie."
)
@click.option(
    "--config", "config_path", type=click.Path(dir_okay=False), default=None, help="Fichier de configuration."
)
@_guard
def rules_cmd(family: str | None, fmt: str, config_path: str | None) -> None:
    """Liste les règles (id, famille, gravité, description)."""
    import json

    from checker.config import Config, find_config, read_config_file
    from checker.families import family_names
    from checker.rule_packs import load_rules
    from checker.selectors import did_you_mean

    if family and family not in family_names():
        hint = did_you_mean(family, family_names())
        raise CheckerError(f"famille inconnue « {family} »{hint} ; familles : {', '.join(family_names())}")
    config = (read_config_file(Path(config_path)) if config_path else None) or find_config(Path.cwd()) or Config()
    rules = sorted(load_rules(config.rule_packs), key=lambda r: r.id)
    chosen = [r for r in rules if not family or r.family == family]
    if fmt == "json":
        data = [
            {
                "id": r.id,
                "family": r.family,
                "kind": r.kind,
                "severity": r.severity,
                "default": "on" if r.default_on else "off",
                "message": r.message,
                "description": " ".join(r.description.split()),
                "pack": r.source,
            }
            for r in chosen
        ]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    from checker.report import SEVERITY_FR

    for rule in chosen:
        first = rule.description.split(". ")[0].rstrip(".")
        off = "" if rule.default_on else " (désactivée par défaut)"
        click.echo(f"{rule.id:<40} {SEVERITY_FR[rule.severity]:<13} {' '.join(first.split())}{off}")


@main.command()
@click.argument("rule_id", metavar="RÈGLE")
@click.option(
    "--config", "config_path", type=click.Path(dir_okay=False), default=None, help="Fichier de configuration."
)
@_guard
def explain(rule_id: str, config_path: str | None) -> None:
    """Explique une règle : description, message et exemples."""
    from checker.config import find_config, read_config_file
    from checker.rule_packs import load_rules

    config = (read_config_file(Path(config_path)) if config_path else None) or find_config(Path.cwd())
    rules = load_rules(config.rule_packs)
    rule = rules.get(rule_id)
    if rule is None:
        from checker.selectors import did_you_mean

        hint = did_you_mean(rule_id, [r.id for r in rules])
        raise CheckerError(f"règle inconnue « {rule_id} »{hint} ; voir « checker rules »")
    from checker.report import SEVERITY_FR

    # The severity in French, and as the configuration writes it (severity = {"id" = "warning"}).
    severity = SEVERITY_FR[rule.severity] + ("" if rule.severity == "info" else f" ({rule.severity})")
    click.echo(f"{rule.id}  [{rule.family}, {severity}]  (pack {rule.source})")
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
@click.argument("paths", nargs=-1, required=True, metavar="CHEMINS...")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Format de sortie."
)
@click.option(
    "--config", "config_path", type=click.Path(dir_okay=False), default=None, help="Fichier de configuration."
)
@_guard
def claims_cmd(paths: tuple[str, ...], fmt: str, config_path: str | None) -> None:
    """Inventaire des affirmations à vérifier (prospectives, rapportées, chiffrées, évaluatives), pour des
    fichiers, des dossiers ou des motifs glob. En JSON : un objet pour un seul fichier, une liste sinon."""
    import json

    from checker.claims_inventory import build_inventory, render_json, render_text
    from checker.config import find_config, read_config_file
    from checker.lint import read_source
    from checker.parse import parse_document
    from checker.rule_packs import load_rules

    explicit = read_config_file(Path(config_path)) if config_path else None
    files = expand_paths(paths, (explicit or find_config(Path.cwd())).exclude)
    if not files:
        fail(f"{' '.join(paths)}: aucun article à analyser (.md, .markdown, .mdx, .html, .htm, .txt)")
    single = len(paths) == 1 and len(files) == 1 and not Path(paths[0]).is_dir()
    outputs: list[str] = []
    for file in files:
        config = explicit or find_config(safe_resolve(file).parent)
        doc = parse_document(read_source(file, config.max_file_size), str(file), options=config.parse_options())
        statements = build_inventory(doc, load_rules(config.rule_packs))
        outputs.append((render_json if fmt == "json" else render_text)(str(file), statements))
    if fmt == "json" and not single:
        click.echo(json.dumps([json.loads(o) for o in outputs], ensure_ascii=False, indent=2))
    else:
        click.echo("".join(outputs), nl=False)


@main.command("lsp")
@_guard
def lsp_cmd() -> None:
    """Serveur de langage (LSP) sur l’entrée et la sortie standard, pour les éditeurs."""
    try:
        from checker.lsp import serve
    except ImportError as exc:
        raise CheckerError(f"le serveur de langage a besoin de pygls ({exc}) : pip install 'checker[lsp]'") from None
    serve()


if __name__ == "__main__":
    main()
