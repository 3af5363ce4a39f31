"""`--changed-since REV`: the lines of each file added or modified since a git revision (working tree
against REV), so that a pull request on an existing archive is judged on what it changes."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from checker.errors import CheckerError
from checker.paths import safe_resolve

_HUNK_RE = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
_C_ESCAPES = {"a": 7, "b": 8, "t": 9, "n": 10, "v": 11, "f": 12, "r": 13, '"': 34, "\\": 92}


def unquote_git_path(name: str) -> str:
    """A path as git prints it: unusual names (non-ASCII, quotes, control characters) come between double
    quotes with C escapes, bytes as octal (`"caf\\303\\251.md"`), the rest as they are."""
    if not (len(name) >= 2 and name.startswith('"') and name.endswith('"')):
        return name
    body = name[1:-1]
    raw = bytearray()
    i = 0
    while i < len(body):
        char = body[i]
        if char != "\\" or i + 1 == len(body):
            raw += char.encode("utf-8")
            i += 1
        elif body[i + 1] in "01234567" and re.fullmatch(r"[0-7]{3}", body[i + 1 : i + 4]):
            raw.append(int(body[i + 1 : i + 4], 8) & 0xFF)
            i += 4
        else:
            code = _C_ESCAPES.get(body[i + 1])
            raw += bytes([code]) if code is not None else body[i : i + 2].encode("utf-8")
            i += 2
    return raw.decode("utf-8", "surrogateescape")


def _git(args: list[str], cwd: Path) -> str:
    try:
        done = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8", errors="replace", check=False
        )
    except OSError as exc:
        raise CheckerError(f"--changed-since : git introuvable ({exc.strerror or exc})") from None
    if done.returncode != 0:
        reason = " ".join(done.stderr.split()) or f"code {done.returncode}"
        raise CheckerError(f"--changed-since : git {args[0]} a échoué dans {cwd} : {reason}")
    return done.stdout


def parse_unified_diff(diff: str) -> dict[str, set[int]]:
    """Added or modified line numbers (new side) of each file of a `git diff --unified=0` output."""
    lines: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            target = line[4:].rstrip("\t")  # git ends a name holding a space with a tab
            if target == "/dev/null":
                current = None
                continue
            name = unquote_git_path(target)
            name = name[2:] if name.startswith("b/") else name
            current = lines.setdefault(name, set())
        elif current is not None and (m := _HUNK_RE.match(line)):
            start = int(m.group(1))
            count = int(m.group(2)) if m.group(2) is not None else 1
            current.update(range(start, start + count))
    return lines


class ChangedLines:
    """Which lines changed since `revision`, per file (a file git does not track counts as all new)."""

    def __init__(self, revision: str, files: list[Path]) -> None:
        self.revision = revision
        self._by_file: dict[Path, set[int] | None] = {}
        by_root: dict[Path, list[Path]] = {}
        for file in files:
            folder = safe_resolve(file).parent
            root = Path(_git(["rev-parse", "--show-toplevel"], folder).strip())
            by_root.setdefault(root, []).append(safe_resolve(file))
        for root, members in by_root.items():
            try:
                _git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], root)
            except CheckerError:
                raise CheckerError(f"--changed-since : révision inconnue « {revision} » dans {root}") from None
            # The user's git settings must not change the names or lines read here: prefixes (diff.noprefix,
            # diff.mnemonicPrefix), textconv filters, external diff programs, colours.
            diff = _git(
                ["diff", "--unified=0", "--no-color", "--no-ext-diff", "--no-textconv", "--no-renames",
                 "--src-prefix=a/", "--dst-prefix=b/", revision, "--"],
                root,
            )
            changed = {safe_resolve(root / name): numbers for name, numbers in parse_unified_diff(diff).items()}
            untracked = {
                safe_resolve(root / name)
                for name in _git(["ls-files", "--others", "--exclude-standard", "-z"], root).split("\0")
                if name
            }
            for file in members:
                self._by_file[file] = None if file in untracked else changed.get(file, set())

    def keeps(self, path: str, line: int, end_line: int) -> bool:
        """Whether a finding over lines [line, end_line] of `path` touches a changed line."""
        numbers = self._by_file.get(safe_resolve(Path(path)), set())
        if numbers is None:
            return True
        return any(n in numbers for n in range(line, end_line + 1))
