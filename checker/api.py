"""The library entry point: `run(paths, options) -> Outcome` does what `checker lint` does
(configuration per file, fixes, parallel lint with the result cache, baseline) and returns typed
findings; the command line only parses its options, prints the outcome and exits with
`outcome.exit_code`.

```python
from checker.api import Options, run

outcome = run(["articles/"], Options(select=("claims",), jobs=1))
for f in outcome.findings:
    print(f.path, f.line, f.rule_id, f.message)
```
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from checker.config import Config, find_config, read_config_file, unknown_selector
from checker.errors import CheckerError
from checker.findings import SEVERITY_RANK, Finding
from checker.paths import ARTICLE_SUFFIXES, collect_files, safe_resolve
from checker.rule_packs import RuleSet, load_rules

if TYPE_CHECKING:
    from checker.changed import ChangedLines
    from checker.fix import FixRun


@dataclass(frozen=True)
class Options:
    """What `checker lint` takes besides the paths. None means: from the configuration."""

    config_path: str | None = None  # this file instead of the nearest .checker.toml / pyproject.toml
    select: tuple[str, ...] | None = None  # replaces the configuration's select
    ignore: tuple[str, ...] = ()  # added to the configuration's ignore
    preset: str | None = None  # "default" or "picky" (also the rules off by default); replaces the configuration's
    fail_on: str | None = None
    jobs: int | None = None  # None: all cores; 1: in this process
    cache_dir: str | None = None  # None: no result cache
    fix: bool = False  # apply the safe fixes to the files
    diff: bool = False  # compute the safe fixes without writing them (outcome.fixes.diff)
    unsafe_fixes: bool = False  # with fix or diff: also the fixes that change meaning (FAQ hedges restored)
    baseline: str | None = None  # report only findings not in this baseline
    write_baseline: str | None = None  # record the findings in this baseline
    min_severity: str | None = None  # leave out findings below this severity
    changed_since: str | None = None  # only findings on lines added or modified since this git revision
    stdin_text: str | None = None  # lint this text (read from standard input) instead of paths
    stdin_filename: str | None = None  # its name: format, configuration and the path in findings
    scheduler: str | None = None  # a Dask scheduler address (tcp://HOST:PORT): lint on that cluster
    # Called with each file's reported findings (baseline applied) as soon as the file is done, in
    # input order: what a streaming output writes (not with write_baseline).
    on_findings: Callable[[str, list[Finding]], None] | None = None


@dataclass
class Outcome:
    files: list[str]  # the files checked (those in error excluded)
    findings: list[Finding]
    rules: RuleSet  # the rules of the base configuration (SARIF describes them)
    fail_on: str
    engines_ran: list[str] = field(default_factory=list)
    engines_unavailable: dict[str, str] = field(default_factory=dict)
    suppressed: int = 0
    baselined: int = 0
    errors: list[str] = field(default_factory=list)  # one line per file that could not be checked
    fixes: FixRun | None = None  # with Options.fix or Options.diff
    diff_only: bool = False  # Options.diff: the fixes were computed, not written, and nothing was linted
    baseline_written: int | None = None  # findings recorded, with Options.write_baseline
    sources: dict[str, str] = field(default_factory=dict)  # texts not read from a file (standard input)

    @property
    def exit_code(self) -> int:
        """0 clean, 1 findings at or above fail_on (or fixes to make, with diff), 2 a file in error."""
        if self.errors:
            return 2
        if self.baseline_written is not None:
            return 0
        if self.fixes is not None and self.diff_only:
            return 1 if self.fixes.changed else 0
        limit = SEVERITY_RANK[self.fail_on]
        return 1 if any(SEVERITY_RANK[f.severity] >= limit for f in self.findings) else 0


def run(
    paths: Sequence[str], options: Options | None = None, on_file: Callable[[int, int], None] | None = None
) -> Outcome:
    """Lint `paths` (files, folders, globs) as `checker lint` does. Raises CheckerError for what stops the
    whole run (bad configuration, no such file, an unreadable baseline); a file that cannot be read is an
    error of the outcome and does not stop the others. `on_file(done, total)` is called after each file
    (a progress bar)."""
    from checker.baseline import filter_new, read_baseline, write_baseline
    from checker.parallel import FileJob, iter_outcomes

    options = options or Options()
    explicit: Config | None = None
    if options.config_path:
        explicit = read_config_file(Path(options.config_path)) or Config(source=options.config_path)
    base_config = explicit or find_config(Path.cwd())
    rules = load_rules(base_config.rule_packs)
    rule_ids = [r.id for r in rules]
    for option, selectors in (("--select", options.select or ()), ("--ignore", options.ignore)):
        for selector in selectors:
            if (problem := unknown_selector(selector, rule_ids)) is not None:
                raise CheckerError(f"{option}: {problem}")

    def config_for(path: Path) -> Config:
        config = explicit or find_config(safe_resolve(path).parent)
        if options.select is None and not options.ignore and options.preset is None:
            return config
        select = options.select if options.select is not None else config.select
        preset = options.preset if options.preset is not None else config.preset
        return config.with_overrides(select=select, ignore=config.ignore + options.ignore, preset=preset)

    if options.stdin_text is not None:
        return _run_text(options.stdin_text, options, config_for)
    targets = [
        t for t in collect_files(tuple(paths), base_config.exclude) if not _config_data_file(t.path, paths, config_for)
    ]
    files = [t.path for t in targets]
    if not files:
        suffixes = ", ".join(sorted(ARTICLE_SUFFIXES))
        raise CheckerError(f"{' '.join(paths) or '.'}: aucun article à analyser ({suffixes})")
    baseline = read_baseline(Path(options.baseline)) if options.baseline else None
    changed = None
    if options.changed_since:
        from checker.changed import ChangedLines

        changed = ChangedLines(options.changed_since, files)

    fixes = None
    if options.fix or options.diff:
        from checker.fix import run_fixes

        # Each file carries its tree: --fix writes through a link only when its target stays inside it.
        fixes = run_fixes(
            files,
            config_for,
            write=not options.diff,
            unsafe=options.unsafe_fixes,
            roots={t.path: t.root for t in targets},
        )
        if options.diff:
            return Outcome([], [], rules, "error", errors=fixes.errors, fixes=fixes, diff_only=True)
        # Files in error (unreadable, read-only, a link out of the tree, a failed write) were left
        # untouched: their errors make the run fail even when the lint below can read them.

    jobs = [FileJob(str(path), str(path), config_for(path)) for path in files]
    fail_on = options.fail_on or (jobs[0].config.fail_on if jobs else base_config.fail_on)
    outcome = Outcome([], [], rules, fail_on, fixes=fixes, errors=list(fixes.errors) if fixes else [])
    stream = options.on_findings if not options.write_baseline else None
    root = Path(options.baseline).parent if options.baseline else None
    for done, file in enumerate(iter_outcomes(jobs, options.jobs, options.cache_dir, options.scheduler), 1):
        if on_file is not None:
            on_file(done, len(jobs))
        if file.result is None:
            message = file.error or f"{file.display_path}: non vérifié"
            if message not in outcome.errors:
                outcome.errors.append(message)
            continue
        result = file.result
        outcome.files.append(file.display_path)
        reported = result.findings
        if stream is not None:
            if baseline is not None:  # a baseline fingerprint names its file: filtering per file is the same
                reported, covered = filter_new(reported, baseline, root)
                outcome.baselined += covered
            stream(file.display_path, reported)
        outcome.findings.extend(reported)
        outcome.engines_ran.extend(result.engines_ran)
        outcome.engines_unavailable.update(result.engines_unavailable)
        outcome.suppressed += result.suppressed

    _filter(outcome, options, changed)
    if options.write_baseline:
        if outcome.errors:
            first, more = outcome.errors[0], len(outcome.errors) - 1
            raise CheckerError(first if not more else f"{first} (et {more} autre(s) fichier(s) en erreur)")
        write_baseline(Path(options.write_baseline), outcome.findings)
        outcome.baseline_written = len(outcome.findings)
    elif baseline is not None and stream is None:
        outcome.findings, outcome.baselined = filter_new(outcome.findings, baseline, root)
    return outcome


def _config_data_file(path: Path, named: Sequence[str], config_for: Callable[[Path], Config]) -> bool:
    """Whether `path`, found in a folder or by a glob, is a word list of its own configuration (`mots.txt`,
    a reject-file): a .txt file like an article, but linting it would report the words it lists. A file
    named on the command line is always checked."""
    if any(Path(raw) == path for raw in named):
        return False
    return str(safe_resolve(path)) in config_for(path).data_files


def _filter(outcome: Outcome, options: Options, changed: ChangedLines | None) -> None:
    """--min-severity and --changed-since."""
    if options.min_severity:
        limit = SEVERITY_RANK[options.min_severity]
        outcome.findings = [f for f in outcome.findings if SEVERITY_RANK[f.severity] >= limit]
    if changed is not None:
        outcome.findings = [f for f in outcome.findings if changed.keeps(f.path, f.line, f.end_line)]


def _run_text(text: str, options: Options, config_for: Callable[[Path], Config]) -> Outcome:
    """A text read from standard input, named by --stdin-filename (its format, its configuration)."""
    from checker.lint import lint_text

    display = options.stdin_filename or "<stdin>"
    config = config_for(Path(display))
    result = lint_text(text, config, display)
    fail_on = options.fail_on or config.fail_on
    outcome = Outcome(
        [display],
        list(result.findings),
        load_rules(config.rule_packs),
        fail_on,
        engines_ran=list(result.engines_ran),
        engines_unavailable=dict(result.engines_unavailable),
        suppressed=result.suppressed,
        sources={display: text},
    )
    _filter(outcome, options, None)
    if options.baseline:
        from checker.baseline import filter_new, read_baseline

        root = Path(options.baseline).parent
        outcome.findings, outcome.baselined = filter_new(outcome.findings, read_baseline(Path(options.baseline)), root)
    return outcome
