"""Applying the safe fixes findings carry (`checker lint --fix`, `--diff`).

A fix is a list of source edits `{start, end, replacement}` (character offsets in the text as
read, without its BOM). Edits of one finding are applied together or not at all; when two
findings' edits overlap, the later one is skipped. Fixing repeats lint → apply until nothing is
left to fix (a few passes at most), so fixes that were skipped because of an overlap are applied
on the next pass. Everything outside the edits is kept byte for byte (line endings, BOM), and a
file is replaced atomically: written to a temporary file with an unpredictable name in the same
folder, then `os.replace`. A file that cannot be read (not UTF-8, binary) raises `CheckerError` and is
never touched; so is a read-only file, and a link whose target lies outside the linted tree.
"""

from __future__ import annotations

import bisect
import difflib
import itertools
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from checker.config import Config, find_config
from checker.errors import CheckerError
from checker.findings import Edit, Finding
from checker.lint import LintResult, decode_source, lint_text
from checker.parse import detect_format
from checker.paths import safe_resolve
from checker.safe_io import is_inside, is_read_only, read_regular_file, write_atomically

__all__ = [
    "Edit",  # its former home; now checker.findings.Edit
    "FixOutcome",
    "FixRun",
    "apply_edits",
    "fix_file",
    "fix_text",
    "plan_edits",
    "run_fixes",
    "unified_diff",
    "write_atomically",
    "write_fixed",
]

BOM = b"\xef\xbb\xbf"
MAX_PASSES = 5


@dataclass
class FixOutcome:
    path: Path
    display_path: str
    original: str  # the text as read (BOM removed)
    fixed: str
    applied: int  # findings whose fix was applied, over all passes
    result: LintResult  # the findings left in the fixed text
    bom: bool = False

    @property
    def changed(self) -> bool:
        return self.fixed != self.original


def plan_edits(findings: Iterable[Finding], length: int | None = None, unsafe: bool = False) -> tuple[list[Edit], int]:
    """Non-overlapping edits from the findings' fixes, in source order, and how many findings they fix.
    With `unsafe`, also the fixes that change meaning (`Finding.unsafe_fix`), never applied otherwise.

    Findings are taken in source order; a finding whose edits overlap an edit already taken (or each
    other, or fall outside the text) is skipped as a whole.
    """
    taken: list[Edit] = []  # sorted by start, pairwise disjoint
    starts: list[int] = []
    fixed = 0
    candidates = []
    for f in findings:
        raw = f.fix or (f.unsafe_fix if unsafe else [])
        if not raw:
            continue
        edits = sorted(raw, key=lambda e: (e.start, e.end))
        candidates.append((edits[0].start, edits[0].end, f.rule_id, edits))
    candidates.sort(key=lambda c: (c[0], c[1], c[2]))

    def conflicts(edit: Edit) -> bool:
        i = bisect.bisect_left(starts, edit.start)
        return any(0 <= j < len(taken) and _overlaps(edit, taken[j]) for j in (i - 1, i, i + 1))

    for _, _, _, edits in candidates:
        if any(e.start > e.end or e.start < 0 or (length is not None and e.end > length) for e in edits):
            continue
        if any(a.end > b.start for a, b in itertools.pairwise(edits)):
            continue
        if any(conflicts(e) for e in edits):
            continue
        for e in edits:
            i = bisect.bisect_right(starts, e.start)
            starts.insert(i, e.start)
            taken.insert(i, e)
        fixed += 1
    return taken, fixed


def _overlaps(a: Edit, b: Edit) -> bool:
    if a.start == a.end or b.start == b.end:  # insertions: only the same point conflicts
        return a.start == b.start or (b.start < a.start < b.end) or (a.start < b.start < a.end)
    return a.start < b.end and b.start < a.end


def apply_edits(text: str, edits: list[Edit]) -> str:
    """`text` with the (sorted, non-overlapping) edits applied."""
    parts = []
    pos = 0
    for e in edits:
        parts.append(text[pos : e.start])
        parts.append(e.replacement)
        pos = e.end
    parts.append(text[pos:])
    return "".join(parts)


def fix_text(
    text: str, config: Config | None = None, path: str = "<text>", fmt: str | None = None, unsafe: bool = False
) -> tuple[str, int, LintResult]:
    """Lint and apply fixes until none is left: (fixed text, fixes applied, findings left).

    `fmt` is markdown, html or text (default: guessed from `path` and the content, as `lint_text`)."""
    config = config or Config()
    fmt = fmt or detect_format(path, text)  # decided once: fixing must not change how the text is read
    applied = 0
    result = lint_text(text, config, path, fmt)
    for _ in range(MAX_PASSES):
        edits, count = plan_edits(result.findings, len(text), unsafe)
        if not edits:
            break
        new = apply_edits(text, edits)
        if new == text:
            break
        text = new
        applied += count
        result = lint_text(text, config, path, fmt)
    return text, applied, result


def fix_file(
    path: Path, config: Config | None = None, display_path: str | None = None, unsafe: bool = False
) -> FixOutcome:
    """The fixed text of a file, without writing it (see `write_fixed`)."""
    config = config or find_config(safe_resolve(path).parent)
    # CheckerError on a file that cannot be read (not regular, too large, not UTF-8): it is then never written.
    data = read_regular_file(path, config.max_file_size, "article")
    text = decode_source(data, path)
    shown = display_path or str(path)
    fixed, applied, result = fix_text(text, config, shown, unsafe=unsafe)
    return FixOutcome(path, shown, text, fixed, applied, result, data.startswith(BOM))


def write_fixed(outcome: FixOutcome, root: Path | None = None) -> bool:
    """Replace the file with its fixed text, atomically. False when there was nothing to change.

    A symbolic link is followed (the file it points to is replaced, the link stays) only when that file
    lies inside `root`, the tree being linted; a read-only file is not rewritten. Both are a CheckerError
    naming the file, which is then left untouched.
    """
    if not outcome.changed:
        return False
    target = Path(os.path.realpath(outcome.path))
    if root is not None and not is_inside(target, root):
        raise CheckerError(
            f"{outcome.display_path}: lien symbolique vers un fichier hors de l’arborescence analysée "
            f"({target}) : non corrigé"
        )
    if is_read_only(target):
        raise CheckerError(f"{outcome.display_path}: fichier en lecture seule : non corrigé")
    data = (BOM if outcome.bom else b"") + outcome.fixed.encode("utf-8")
    write_atomically(target, data, "correction")
    return True


def unified_diff(outcome: FixOutcome) -> str:
    """The fixes of one file as a unified diff (empty when nothing changes)."""
    if not outcome.changed:
        return ""
    before = _lines(outcome.original)
    after = _lines(outcome.fixed)
    lines = difflib.unified_diff(before, after, f"a/{outcome.display_path}", f"b/{outcome.display_path}")
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def _lines(text: str) -> list[str]:
    """Lines split on "\n" only (str.splitlines would also split on U+2028, form feeds…), ends kept."""
    parts = text.split("\n")
    lines = [p + "\n" for p in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


@dataclass
class FixRun:
    outcomes: list[FixOutcome]
    errors: list[str]  # one line per file that could not be read (left untouched)

    @property
    def applied(self) -> int:
        return sum(o.applied for o in self.outcomes)

    @property
    def changed(self) -> list[FixOutcome]:
        return [o for o in self.outcomes if o.changed]

    @property
    def diff(self) -> str:
        return "".join(unified_diff(o) for o in self.outcomes)


def run_fixes(
    files: Iterable[Path],
    config_for: Callable[[Path], Config],
    write: bool = True,
    roots: Mapping[Path, Path] | None = None,
    unsafe: bool = False,
) -> FixRun:
    """Fix every file (or only compute the fixes when `write` is False). A file in error is skipped and
    its one-line error kept: a file that could not be read, or written (read-only, outside the tree
    through a link, a failed write), makes the run fail.

    `roots` gives the tree each file was found in (see `checker.paths`); a file missing from it is
    confined to its own folder. `unsafe`: also the fixes that need a reader's check (--unsafe-fixes)."""
    outcomes: list[FixOutcome] = []
    errors: list[str] = []
    for path in files:
        try:
            outcome = fix_file(path, config_for(path), str(path), unsafe=unsafe)
            if write:
                root = roots.get(path) if roots is not None else None
                write_fixed(outcome, root if root is not None else path.parent)
        except CheckerError as exc:
            errors.append(str(exc))
            continue
        outcomes.append(outcome)
    return FixRun(outcomes, errors)
