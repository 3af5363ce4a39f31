"""Hostile input, configurations and signals (issue 15): one regression test per case the adversarial
run found, each bounded in time, every input generated in a temporary folder.

The contract: no hang, no leak of a file's contents, no write outside the linted tree, no silent
failure; bad input is one line `checker: error: FILE: problème` with exit status 2.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.cli import main

ROOT = Path(__file__).resolve().parent.parent
FAST = ["--jobs", "1", "--no-cache", "--fail-on", "info"]
CLICHE = "# Titre\n\nForce est de constater que les ventes baissent.\n"
FIXABLE = "# Titre\n\nIl dit : « oui » .\n"  # a space before the full stop: a safe typography fix
SECRET = "SECRET-TOKEN-3141592"


def run(*args: str, cwd: Path | None = None) -> tuple[int, str, str]:
    from checker.config import find_config
    from checker.rule_packs import load_rules

    find_config.cache_clear()  # configurations and packs change between runs of one test
    load_rules.cache_clear()
    old = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, list(args))
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout, result.stderr


def run_process(*args: str, cwd: Path | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "checker.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=timeout,
    )


def one_line_error(stderr: str, *needles: str) -> str:
    """The one error line (a --fix run also prints how many corrections it made)."""
    assert "Traceback" not in stderr, stderr
    lines = [line for line in stderr.splitlines() if line.strip() and "correction(s) appliquée(s)" not in line]
    assert len(lines) == 1, stderr
    line = lines[0]
    assert line.startswith("checker: error: "), line
    assert "erreur interne" not in line and "Traceback" not in stderr, line
    for needle in needles:
        assert needle in line, (needle, line)
    return line


def repo(tmp_path: Path, name: str = "repo") -> Path:
    folder = tmp_path / name
    (folder / ".git").mkdir(parents=True)
    return folder


# ---------------------------------------------------------------- 1. packs: no echo, no path outside the project


def test_a_pack_that_is_not_a_pack_is_named_without_its_contents(tmp_path: Path) -> None:
    project = repo(tmp_path)
    (project / "passwd").write_text(f"root:x:0:0:{SECRET}:/root:/bin/bash\ndaemon:x:1:1::/:/bin/sh\n", encoding="utf-8")
    (project / "dict.yaml").write_text(f"password: {SECRET}\nrules: {SECRET}\n", encoding="utf-8")
    (project / "a.md").write_text(CLICHE, encoding="utf-8")
    for pack, where in (("passwd", "« / »"), ("dict.yaml", "« / »")):
        (project / ".checker.toml").write_text(f'rule-packs = ["{pack}"]\n', encoding="utf-8")
        code, out, err = run("lint", *FAST, str(project / "a.md"))
        assert code == 2
        line = one_line_error(err, pack, "pack de règles invalide", where)
        assert SECRET not in out + err, line


def test_a_pack_that_is_a_link_loop_is_one_line(tmp_path: Path) -> None:
    project = repo(tmp_path)
    (project / "boucle.yaml").symlink_to(project / "boucle.yaml")
    (project / "a.md").write_text(CLICHE, encoding="utf-8")
    for allow in ("", "allow-outside-project = true\n"):
        (project / ".checker.toml").write_text(allow + 'rule-packs = ["boucle.yaml"]\n', encoding="utf-8")
        code, _, err = run("lint", *FAST, str(project / "a.md"))
        assert code == 2
        one_line_error(err, "boucle.yaml")


def test_pack_paths_stay_inside_the_project_unless_allowed(tmp_path: Path) -> None:
    project = repo(tmp_path)
    outside = tmp_path / "ailleurs"
    outside.mkdir()
    (outside / "pack.yaml").write_text(f"{SECRET}: 1\n", encoding="utf-8")
    (project / "lien.yaml").symlink_to(outside / "pack.yaml")
    (project / "a.md").write_text(CLICHE, encoding="utf-8")
    for reference in ("../ailleurs/pack.yaml", str(outside / "pack.yaml"), "lien.yaml"):
        (project / ".checker.toml").write_text(f'rule-packs = ["{reference}"]\n', encoding="utf-8")
        code, out, err = run("lint", *FAST, str(project / "a.md"))
        assert code == 2
        one_line_error(err, ".checker.toml", "hors du projet", "allow-outside-project")
        assert SECRET not in out + err
    # The configuration may allow it explicitly: the pack is then read (and refused as a bad pack, unechoed).
    (project / ".checker.toml").write_text(
        'allow-outside-project = true\nrule-packs = ["../ailleurs/pack.yaml"]\n', encoding="utf-8"
    )
    code, out, err = run("lint", *FAST, str(project / "a.md"))
    assert code == 2
    one_line_error(err, "pack.yaml", "pack de règles invalide")
    assert SECRET not in out + err


def test_word_list_outside_the_project_is_refused(tmp_path: Path) -> None:
    project = repo(tmp_path)
    (tmp_path / "mots.txt").write_text("Brumtastique\n", encoding="utf-8")
    (project / ".checker.toml").write_text('wordlist = "../mots.txt"\n', encoding="utf-8")
    (project / "a.md").write_text(CLICHE, encoding="utf-8")
    code, _, err = run("lint", *FAST, str(project / "a.md"))
    assert code == 2
    one_line_error(err, ".checker.toml", "wordlist", "hors du projet")


# ---------------------------------------------------------------- 2. --fix and walking never leave the tree


def test_fix_does_not_follow_a_link_out_of_the_tree(tmp_path: Path) -> None:
    tree = tmp_path / "articles"
    tree.mkdir()
    victim = tmp_path / "victime.md"
    victim.write_text(FIXABLE, encoding="utf-8")
    (tree / "lien.md").symlink_to(victim)
    (tree / "vrai.md").write_text(FIXABLE, encoding="utf-8")
    code, out, err = run("lint", *FAST, "--fix", "--format", "json", str(tree))
    assert victim.read_text(encoding="utf-8") == FIXABLE, "a file outside the tree was rewritten"
    assert (tree / "vrai.md").read_text(encoding="utf-8") != FIXABLE, "the file inside the tree is fixed"
    assert "lien.md" not in out, "walking the folder must not follow a link out of it"
    assert (tree / "lien.md").is_symlink()
    # Named directly, the link is read, but never written through.
    code, out, err = run("lint", *FAST, "--fix", str(tree / "lien.md"))
    assert code == 2
    one_line_error(err, "lien.md", "hors de l’arborescence analysée", "non corrigé")
    assert victim.read_text(encoding="utf-8") == FIXABLE


def test_fix_follows_a_link_that_stays_inside_the_tree(tmp_path: Path) -> None:
    tree = tmp_path / "articles"
    (tree / "sous").mkdir(parents=True)
    target = tree / "sous" / "cible.md"
    target.write_text(FIXABLE, encoding="utf-8")
    (tree / "lien.md").symlink_to(target)
    code, _, err = run("lint", *FAST, "--fix", str(tree / "lien.md"), str(tree))
    assert code in (0, 1), err
    assert target.read_text(encoding="utf-8") != FIXABLE
    assert (tree / "lien.md").is_symlink()


def test_walking_does_not_enter_linked_folders(tmp_path: Path) -> None:
    tree = tmp_path / "articles"
    tree.mkdir()
    outside = tmp_path / "ailleurs"
    outside.mkdir()
    (outside / "secret.md").write_text(CLICHE, encoding="utf-8")
    (tree / "dossier-lie").symlink_to(outside, target_is_directory=True)
    (tree / "boucle").symlink_to(tree, target_is_directory=True)  # a loop must not make the walk endless
    (tree / "a.md").write_text(CLICHE, encoding="utf-8")
    code, out, _ = run("lint", *FAST, "--format", "json", str(tree))
    assert code == 1
    assert json.loads(out)["files"] == [str(tree / "a.md")]


# ---------------------------------------------------------------- 3. unpredictable temporary files


def test_baseline_is_not_written_through_a_planted_link(tmp_path: Path) -> None:
    victim = tmp_path / "victime.txt"
    victim.write_text("intact\n", encoding="utf-8")
    (tmp_path / "b.json.tmp").symlink_to(victim)
    (tmp_path / "a.md").write_text(CLICHE, encoding="utf-8")
    code, _, err = run("lint", *FAST, "--write-baseline", str(tmp_path / "b.json"), str(tmp_path / "a.md"))
    assert code == 0, err
    assert victim.read_text(encoding="utf-8") == "intact\n"
    assert json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["version"] == 1
    leftovers = sorted(p.name for p in tmp_path.iterdir())
    assert leftovers == ["a.md", "b.json", "b.json.tmp", "victime.txt"], leftovers


# ---------------------------------------------------------------- 4. configuration discovery stops at the repository


def test_configuration_above_the_repository_root_is_not_applied(tmp_path: Path) -> None:
    (tmp_path / ".checker.toml").write_text('ignore = ["wording"]\n', encoding="utf-8")
    project = repo(tmp_path)
    (project / "docs").mkdir()
    (project / "docs" / "a.md").write_text(CLICHE, encoding="utf-8")
    code, out, _ = run("lint", *FAST, "--format", "json", str(project / "docs" / "a.md"))
    assert code == 1
    assert "wording.cliche" in {f["rule_id"] for f in json.loads(out)["findings"]}
    # The repository's own configuration still applies.
    (project / ".checker.toml").write_text('ignore = ["wording"]\n', encoding="utf-8")
    code, out, _ = run("lint", *FAST, "--format", "json", str(project / "docs" / "a.md"))
    assert "wording.cliche" not in {f["rule_id"] for f in json.loads(out)["findings"]}


# ---------------------------------------------------------------- 5. YAML alias bombs


def _alias_bomb(levels: int = 9) -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, levels + 1):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_alias_bomb_in_front_matter_is_refused_at_once(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text("---\n" + _alias_bomb() + "---\n" + CLICHE, encoding="utf-8")
    assert article.stat().st_size < 700
    proc = run_process("lint", *FAST, str(article), timeout=60)
    assert proc.returncode == 2
    one_line_error(proc.stderr, "a.md", "front matter refusé", "alias")


def test_alias_bomb_in_a_rule_pack_is_refused_at_once(tmp_path: Path) -> None:
    (tmp_path / "bombe.yaml").write_text(_alias_bomb() + "pack: bombe\nrules: []\n", encoding="utf-8")
    (tmp_path / ".checker.toml").write_text('rule-packs = ["bombe.yaml"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text(CLICHE, encoding="utf-8")
    proc = run_process("lint", *FAST, str(tmp_path / "a.md"), cwd=tmp_path, timeout=60)
    assert proc.returncode == 2
    one_line_error(proc.stderr, "bombe.yaml", "refusé", "alias")


def test_recursive_alias_is_refused() -> None:
    from checker.errors import CheckerError
    from checker.safe_yaml import load_yaml

    with pytest.raises(CheckerError, match="structure récursive"):
        load_yaml("a: &a [1, *a]\n", "p.yaml")
    assert load_yaml("base: &b {x: 1}\nautre: *b\n", "p.yaml") == {"base": {"x": 1}, "autre": {"x": 1}}


# ---------------------------------------------------------------- 6. FAQPage JSON-LD in linear time


def _faq_page(questions: int, visible: int = 0) -> str:
    entities = [
        {"@type": "Question", "name": f"Question numéro {i} ?", "acceptedAnswer": {"@type": "Answer", "text": f"R{i}."}}
        for i in range(questions)
    ]
    body = "".join(f"<h3>Autre sujet {i} ?</h3><p>Oui.</p>\n" for i in range(visible))
    return (
        '<html><head><script type="application/ld+json">'
        + json.dumps({"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": entities}, ensure_ascii=False)
        + "</script></head><body><p>Texte.</p><h2>FAQ</h2>\n"
        + body
        + "</body></html>\n"
    )


def test_jsonld_comparisons_grow_linearly(monkeypatch: pytest.MonkeyPatch) -> None:
    """Counted, not timed: JSON-LD questions that match no visible question are compared with a bounded
    number of them, so the work grows with the page, not with its square."""
    from checker import lint_text
    from checker.checks import faq
    from checker.config import Config

    calls = {"n": 0}
    similar = faq._similar

    def counting(a: str, b: str, minimum: float) -> bool:
        calls["n"] += 1
        return similar(a, b, minimum)

    monkeypatch.setattr(faq, "_similar", counting)
    config = Config(select=("faq.jsonld-mismatch",))
    counts = []
    for n in (400, 1600):
        calls["n"] = 0
        result = lint_text(_faq_page(n, visible=n), config, "page.html")
        assert len(result.findings) == 2 * n  # every JSON-LD question missing, every visible one absent
        counts.append(calls["n"])
    assert counts[1] <= 5 * counts[0], counts  # linear: 4x the questions, about 4x the comparisons


def test_a_large_faqpage_is_checked(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(_faq_page(16_000), encoding="utf-8")
    proc = run_process("lint", *FAST, "--select", "faq", "--format", "json", str(page), timeout=120)
    assert proc.returncode in (0, 1), proc.stderr
    findings = json.loads(proc.stdout)["findings"]
    assert len(findings) == 16_000
    source = page.read_text(encoding="utf-8")
    assert all(f["text"] == source[f["start"] : f["end"]] for f in findings[:50])
    assert findings[0]["text"] == "Question numéro 0 ?"


# ---------------------------------------------------------------- 7. the regex budget covers the whole file

SLOW_PACK = """pack: lent
rules:
  - id: wording.motif-lent
    family: wording
    kind: existence
    severity: warning
    message: "Motif lent : « {match} »."
    description: Un motif lent sur chaque paragraphe, rapide sur un seul.
    patterns: ['(.*?,){14}X']
    examples:
      flagged: ["<marker>a,a,a,a,a,a,a,a,a,a,a,a,a,a,X</marker>"]
      accepted: ["bbb"]
"""


def test_regex_time_limit_is_per_file_not_per_paragraph(tmp_path: Path) -> None:
    (tmp_path / "lent.yaml").write_text(SLOW_PACK, encoding="utf-8")
    (tmp_path / ".checker.toml").write_text(
        'rule-packs = ["lent.yaml"]\nselect = ["wording.motif-lent"]\n[thresholds]\nregex-timeout-seconds = 0.5\n',
        encoding="utf-8",
    )
    article = tmp_path / "a.md"
    # Each paragraph alone stays far below the limit; all of them together go well beyond it.
    article.write_text("# Titre\n\n" + "a," * 15 + "\n\n" + ("a," * 15 + "\n\n") * 300, encoding="utf-8")
    started = time.monotonic()
    proc = run_process("lint", *FAST, str(article), cwd=tmp_path, timeout=120)
    elapsed = time.monotonic() - started
    assert proc.returncode == 2, (proc.stdout[-500:], proc.stderr)
    one_line_error(proc.stderr, "lent.yaml", "wording.motif-lent", "tout le fichier")
    assert elapsed < 60


# ---------------------------------------------------------------- 8, 9. size guard and non-regular files


def test_file_larger_than_max_file_size_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "gros.md"
    big.write_bytes(b"# Titre\n\n" + b"Les ventes baissent. " * 100_000)  # 2.1 MB
    code, _, err = run("lint", *FAST, str(big))
    assert code == 2
    one_line_error(err, "gros.md", "trop gros", "2,1 Mo", "2 Mo", "max-file-size")
    small = tmp_path / "petit.md"
    small.write_text(CLICHE, encoding="utf-8")
    (tmp_path / ".checker.toml").write_text("max-file-size = 20\n", encoding="utf-8")
    code, _, err = run("lint", *FAST, str(small))
    assert code == 2
    one_line_error(err, "petit.md", "trop gros", "20 octets")
    # Just above the limit: the rounded sizes would be equal (« 2 Mo, au-delà de 2 Mo »), the exact ones are said.
    (tmp_path / ".checker.toml").write_text("max-file-size = 2000000\n", encoding="utf-8")
    (tmp_path / "juste.md").write_bytes(b"# Titre\n\n" + b"a" * (2_000_001 - 9))
    code, _, err = run("lint", *FAST, str(tmp_path / "juste.md"))
    assert code == 2
    one_line_error(err, "juste.md", "trop gros (2\u202f000\u202f001 octets, au-delà de 2\u202f000\u202f000)")
    (tmp_path / ".checker.toml").write_text("max-file-size = 3000000\n", encoding="utf-8")
    code, _, err = run("lint", *FAST, "--select", "wording", str(big))
    assert code in (0, 1), err


@pytest.mark.parametrize("fix", [False, True])
def test_fifo_and_devices_are_refused_without_blocking(tmp_path: Path, fix: bool) -> None:
    fifo = tmp_path / "a.md"
    os.mkfifo(fifo)
    extra = ["--fix"] if fix else []
    for target, kind in ((fifo, "FIFO"), (Path("/dev/zero"), "périphérique")):
        proc = run_process("lint", *FAST, *extra, str(target), timeout=60)
        assert proc.returncode == 2
        one_line_error(proc.stderr, str(target), kind, "pas un fichier ordinaire")
    # In a folder, a FIFO is not an article: skipped, the rest is checked.
    (tmp_path / "b.md").write_text(CLICHE, encoding="utf-8")
    proc = run_process("lint", *FAST, "--format", "json", str(tmp_path), timeout=60)
    assert proc.returncode == 1, proc.stderr
    assert json.loads(proc.stdout)["files"] == [str(tmp_path / "b.md")]


# ---------------------------------------------------------------- 10. signals


def _children(pid: int) -> list[int]:
    try:
        return [int(x) for x in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _alive(pid: int) -> bool:
    try:
        return "State:\tZ" not in Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False


def _hear_ctrl_c() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start_parallel_run(tmp_path: Path) -> tuple[subprocess.Popen[str], list[int]]:
    for i in range(24):
        (tmp_path / f"a{i:02}.md").write_text(
            "# Titre\n\n" + "Les ventes baissent fortement dans la région, selon certains experts. " * 300,
            encoding="utf-8",
        )
    proc = subprocess.Popen(
        [sys.executable, "-m", "checker.cli", "lint", "--jobs", "2", "--no-cache", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a shell gives a foreground job
        # A foreground job hears Ctrl-C; a test run started in the background (« make test & ») would pass its
        # ignored SIGINT on to the lint, which would then finish instead of stopping.
        preexec_fn=_hear_ctrl_c,
    )
    deadline = time.monotonic() + 120
    while len(_children(proc.pid)) < 2 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    workers = _children(proc.pid)
    assert len(workers) == 2, "the pool did not start"
    time.sleep(0.5)  # the workers are busy with files
    return proc, workers


def _wait_gone(pids: list[int], seconds: float) -> list[int]:
    deadline = time.monotonic() + seconds
    while any(_alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    return [p for p in pids if _alive(p)]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_ctrl_c_stops_a_parallel_run_at_once(tmp_path: Path) -> None:
    proc, workers = _start_parallel_run(tmp_path)
    started = time.monotonic()
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does: SIGINT to the whole group
    _, err = proc.communicate(timeout=30)
    elapsed = time.monotonic() - started
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    assert elapsed < 3, elapsed  # measured 0.15 s; the bound leaves room for a loaded machine
    assert _wait_gone(workers, 5) == []


# A pool whose results are far larger than a pipe's buffer, closed (as an interrupted caller's generator
# is) while a worker is sending one: the worker is killed in the middle of its message.
CLOSED_WHILE_SENDING = """
import os, sys, time
import checker.parallel as parallel
from checker.config import Config
from checker.jobs import FileJob, FileOutcome

def big(task):
    return FileOutcome(task[0].display_path, error="x" * 8_000_000)

parallel._check_task = big  # inherited by the forked workers
folder = sys.argv[1]
jobs = [FileJob(os.path.join(folder, n), n, Config()) for n in sorted(os.listdir(folder))]
outcomes = parallel.iter_outcomes(jobs, jobs=2)
next(outcomes)
outcomes.close()
print("closed", flush=True)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork start method")
def test_a_pool_stopped_while_a_worker_sends_a_result_does_not_hang(tmp_path: Path) -> None:
    # The executor's thread waited forever for the rest of a half-sent result, and so did the pool's
    # shutdown: the Ctrl-C test timed out on a loaded machine, where results take longer to send.
    for i in range(30):
        (tmp_path / f"a{i:02}.md").write_text("# Titre\n\n" + "Les ventes baissent. " * 700, encoding="utf-8")
    for _ in range(3):  # without the fix, two runs in three hung
        proc = subprocess.run(
            [sys.executable, "-c", CLOSED_WHILE_SENDING, str(tmp_path)],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=ROOT,
        )
        assert proc.returncode == 0 and proc.stdout.strip() == "closed", proc.stderr


# A worker that receives SIGINT before it has set SIGINT aside: the parent blocks the signal while it starts
# the workers, so the worker finds it pending, and drops it when it ignores it.
EARLY_SIGINT = """
import multiprocessing, os, signal, sys
from checker.parallel import _interrupts_held, _worker_init

def worker(parent: int) -> None:
    os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C before the initialiser ran
    _worker_init(parent)
    print("worker survived", flush=True)

with _interrupts_held():
    process = multiprocessing.get_context("fork").Process(target=worker, args=(os.getpid(),))
    process.start()
process.join(60)
sys.exit(process.exitcode)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork start method")
def test_ctrl_c_before_a_worker_is_ready_is_dropped_by_the_worker() -> None:
    proc = subprocess.run([sys.executable, "-c", EARLY_SIGINT], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "worker survived"
    assert "Traceback" not in proc.stderr and "KeyboardInterrupt" not in proc.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_die_with_their_parent(tmp_path: Path) -> None:
    proc, workers = _start_parallel_run(tmp_path)
    os.kill(proc.pid, signal.SIGKILL)  # no clean-up runs in the parent
    proc.communicate(timeout=30)
    assert _wait_gone(workers, 10) == []


# ---------------------------------------------------------------- 11. failed writes are errors


def test_read_only_file_is_not_rewritten(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text(FIXABLE, encoding="utf-8")
    article.chmod(0o444)
    code, _, err = run("lint", *FAST, "--fix", str(article))
    assert code == 2
    assert article.read_text(encoding="utf-8") == FIXABLE
    assert "checker: error: " + str(article) + ": fichier en lecture seule : non corrigé" in err


def test_failed_fix_write_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    article = tmp_path / "a.md"
    article.write_text(FIXABLE, encoding="utf-8")

    def read_only_mount(src: object, dst: object) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(os, "replace", read_only_mount)
    code, _, err = run("lint", *FAST, "--fix", str(article))
    assert code == 2
    assert f"checker: error: {article}: écriture impossible (correction) : système de fichiers en lecture seule" in err
    assert article.read_text(encoding="utf-8") == FIXABLE
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md"], "no temporary file left"


# ---------------------------------------------------------------- 12. no internal error


def test_tool_that_is_not_a_table_and_symlink_loop(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('tool = "x"\n', encoding="utf-8")
    (tmp_path / "a.md").write_text(CLICHE, encoding="utf-8")
    code, _, err = run("lint", *FAST, str(tmp_path / "a.md"))
    assert code == 2
    one_line_error(err, "pyproject.toml", "« tool »")
    (tmp_path / "pyproject.toml").write_text('[tool]\nchecker = "x"\n', encoding="utf-8")
    code, _, err = run("lint", *FAST, str(tmp_path / "a.md"))
    assert code == 2
    one_line_error(err, "pyproject.toml", "« tool.checker »")
    (tmp_path / "pyproject.toml").unlink()
    loop = tmp_path / "boucle.md"
    loop.symlink_to(loop)
    for extra in ([], ["--fix"]):
        code, _, err = run("lint", *FAST, *extra, str(loop))
        assert code == 2
        one_line_error(err, "boucle.md", "liens symboliques")


# ---------------------------------------------------------------- 13. cache and baseline nested deep


def test_corrupt_cache_entries_are_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CHECKER_NO_CACHE")
    cache = tmp_path / "cache"
    article = tmp_path / "a.md"
    article.write_text(CLICHE, encoding="utf-8")
    args = ["lint", "--jobs", "1", "--fail-on", "info", "--cache-dir", str(cache), "--format", "json", str(article)]
    code, first, _ = run(*args)
    assert code == 1
    entries = list(cache.rglob("*.json"))
    assert entries
    for corruption in ("[" * 200_000 + "]" * 200_000, "{not json", '{"format": 1}', "[]"):
        for entry in entries:
            entry.write_text(corruption, encoding="utf-8")
        code, out, err = run(*args)
        assert code == 1, err
        assert json.loads(out)["findings"] == json.loads(first)["findings"]
    for entry in entries:
        entry.unlink()
        os.mkfifo(entry)  # a FIFO planted in the cache must not block the run (in a process: bounded)
    proc = run_process(*args, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert json.loads(proc.stdout)["findings"] == json.loads(first)["findings"]


def test_odd_data_cache_files_are_ignored(tmp_path: Path) -> None:
    """The decoded word lists (checker.datacache): a FIFO or garbage in their place is rebuilt, never a hang."""
    script = (
        "import os, sys\n"
        "from checker import datacache\n"
        "fifo = datacache.cache_path('essai', '1')\n"
        "fifo.parent.mkdir(parents=True, exist_ok=True)\n"
        "os.mkfifo(fifo)\n"
        "assert datacache.load_or_build('essai', '1', lambda: {'a': 1}, lambda v: isinstance(v, dict)) == {'a': 1}\n"
        "bad = datacache.cache_path('autre', '1')\n"
        "bad.write_bytes(b'\\xff' * 100)\n"
        "assert datacache.load_or_build('autre', '1', lambda: [2], lambda v: isinstance(v, list)) == [2]\n"
        "print('ok')\n"
    )
    env = {**os.environ, "CHECKER_CACHE_DIR": str(tmp_path)}
    env.pop("CHECKER_NO_CACHE", None)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60)
    assert proc.stdout.strip() == "ok", proc.stderr


def test_deeply_nested_baseline_names_the_file(tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    (tmp_path / "a.md").write_text(CLICHE, encoding="utf-8")
    code, _, err = run("lint", *FAST, "--baseline", str(baseline), str(tmp_path / "a.md"))
    assert code == 2
    one_line_error(err, "baseline.json", "imbriqué trop profondément")


# ---------------------------------------------------------------- 14. non-finite numbers


@pytest.mark.parametrize(
    ("toml", "where"),
    [
        ("[thresholds]\nregex-timeout-seconds = inf\n", "thresholds.regex-timeout-seconds"),
        ("[thresholds]\nlix-max = nan\n", "thresholds.lix-max"),
        ("[grammar]\ntimeout = inf\n", "grammar.timeout"),
        ("[grammar]\ntimeout = 1e300\n", "grammar.timeout"),
    ],
)
def test_non_finite_numbers_are_invalid_configuration(tmp_path: Path, toml: str, where: str) -> None:
    (tmp_path / ".checker.toml").write_text(toml, encoding="utf-8")
    (tmp_path / "a.md").write_text(CLICHE, encoding="utf-8")
    code, _, err = run("lint", *FAST, str(tmp_path / "a.md"))
    assert code == 2
    one_line_error(err, ".checker.toml", "configuration invalide", f"« {where} »")


def test_non_finite_number_in_a_pack_is_refused() -> None:
    from checker.errors import CheckerError
    from checker.rule_packs import parse_pack

    with pytest.raises(CheckerError, match="nombre infini ou NaN") as err:
        parse_pack("pack: p\nparams: {seuil: .inf}\nrules: []\n", "p.yaml")
    assert "params/seuil" in str(err.value)


# ---------------------------------------------------------------- 15. JSON-LD nested too deep


def test_jsonld_beyond_the_integer_digit_limit_is_reported() -> None:
    from checker import lint_text
    from checker.config import Config

    page = (
        '<html><head><script type="application/ld+json">{"n": ' + "9" * 5000 + "}</script></head>"
        "<body><p>Oui.</p></body></html>"
    )
    assert [f.rule_id for f in lint_text(page, Config(select=("faq",)), "p.html").findings] == ["faq.jsonld-invalid"]


def test_deep_jsonld_is_reported_and_the_page_checked(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><script type="application/ld+json">'
        + "[" * 50_000
        + "]" * 50_000
        + "</script></head><body><p>Force est de constater que les ventes baissent.</p></body></html>\n",
        encoding="utf-8",
    )
    code, out, err = run("lint", *FAST, "--format", "json", str(page))
    assert code == 1, err
    rules = {f["rule_id"] for f in json.loads(out)["findings"]}
    assert {"faq.jsonld-invalid", "wording.cliche"} <= rules


# ---------------------------------------------------------------- 16. output whatever the article holds

NASTY = (
    "# Titre\x1b[2J\n\nForce est de constater\x07 que \x1b]0;pwned\x07les ventes\u202e baissent\x00.\n"
).replace("\x00", "\x01")


def test_text_output_escapes_control_characters(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text(NASTY + "\n« Force est de constater\x1b[31m »\n", encoding="utf-8")
    code, out, err = run("lint", *FAST, str(article))
    assert code == 1, err
    assert not any(ch in out for ch in "\x1b\x07\x01\u202e"), repr(out)
    assert "\\x1b[2J" in out or "\\x1b" in out
    # The caret still stands under the span once the escapes are shown.
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if "[wording.cliche]" in line)
    shown, carets = lines[at + 1], lines[at + 2]
    start = carets.index("^")
    assert shown[start:].startswith("Force est de constater")


@pytest.mark.parametrize("fmt", ["junit", "json", "sarif", "github"])
def test_machine_formats_stay_valid(tmp_path: Path, fmt: str) -> None:
    article = tmp_path / "a\x1b.md"
    article.write_text(NASTY + "\ufffe\uffff Force est de constater.\n", encoding="utf-8")
    code, out, err = run("lint", *FAST, "--format", fmt, str(article))
    assert code == 1, err
    if fmt == "junit":
        ET.fromstring(out.encode("utf-8"))
    elif fmt in ("json", "sarif"):
        json.loads(out)
    else:
        assert not any(ch in out for ch in "\x1b\x07\x01")
        assert all(line.startswith("::") for line in out.splitlines())


def test_html_report_shows_control_characters_as_pictures(tmp_path: Path) -> None:
    """The HTML report printed to a terminal cannot drive it, and stays valid HTML: no raw control character."""
    article = tmp_path / "a\x1b.md"
    article.write_text(NASTY + "\x9b31m Force est de constater.\n", encoding="utf-8")
    code, out, err = run("lint", *FAST, "--format", "html", str(article))
    assert code == 1, err
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", out), repr(out[:200])
    assert "\u241b[2J" in out and "Force est de constater" in out


def test_a_lone_cr_is_a_line_break(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_bytes(b"Ligne un.\rForce est de constater que tout va bien.\rTrois.\r")
    code, out, err = run("lint", *FAST, "--format", "json", str(article))
    assert code == 1, err
    cliche = next(f for f in json.loads(out)["findings"] if f["rule_id"] == "wording.cliche")
    assert (cliche["line"], cliche["column"]) == (2, 1)
    code, out, _ = run("lint", *FAST, str(article))
    assert f"{article}:2:1:" in out
    assert "    Force est de constater que tout va bien." in out.splitlines()


# ---------------------------------------------------------------- property: generated hostile documents

HOSTILE_PIECES = [
    "---\n",
    "a: &a [x, x, x, x, x, x, x, x, x]\n",
    "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n",
    "c: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n",
    "d: &d [1, *d]\n",
    "faq:\n  - question: Pourquoi ?\n    answer: Parce que.\n",
    "<<: *a\n",
    '<script type="application/ld+json">',
    "</script>",
    '{"@type": "FAQPage", "mainEntity": [{"name": "Q ?", "acceptedAnswer": {"text": "R."}}]}',
    "[" * 3000,
    "]" * 3000,
    "{" * 500,
    "<p>",
    "</p>",
    "## FAQ\n",
    "### Pourquoi ?\n",
    "Force est de constater que les ventes baissent.",
    "\x1b[2J",
    "\x1b]0;titre\x07",
    "\x9b31m",
    "\u202e",
    "\u2066",
    "\x07",
    "\x0b",
    "\x0c",
    "\x7f",
    "\r",
    "\r\n",
    "\n",
    "\n\n",
    "\ufffe",
    "\ufeff",
    "\u2028",
    "« ",
    " »",
    " ;",
    "a," * 20,
    "é" * 200,
    "<!-- checker-disable -->",
    "&amp;",
    "&#0;",
    "&#x1b;",
    '<script type="application/ld+json">{"n": ' + "9" * 5000 + "}</script>",
]
hostile_text = st.lists(st.sampled_from(HOSTILE_PIECES) | st.text(max_size=6), max_size=40).map("".join)
hostile_bytes = hostile_text.map(lambda t: t.encode("utf-8")) | st.tuples(hostile_text, st.binary(max_size=8)).map(
    lambda tb: tb[0].encode("utf-8") + tb[1]
)


def test_a_number_too_large_for_a_float_beside_a_small_one_does_not_crash() -> None:
    """Found by the generated documents below (stop 37): a run of thousands of digits reads as an infinite quantity,
    and the FAQ check's distance between it and a small one took the logarithm of zero."""
    from checker import lint_text
    from checker.config import Config

    digits = "9" * 400
    text = f"Le budget atteint {digits} euros en 2024.\n\nLe budget atteint 12 euros en 2024 ?\n"
    lint_text(text, Config(), "page.txt", fmt="text")
    script = f'<script type="application/ld+json">{{"n": {digits}}}</script>'
    lint_text(f"---\n---\n{script}---\n\x1b]0;titre\x07{script}", Config(), "page.txt", fmt="text")


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=hostile_bytes,
    suffix=st.sampled_from([".md", ".html", ".txt"]),
    fmt=st.sampled_from(["text", "json", "jsonl", "junit", "sarif", "github", "html", "statistics"]),
    mode=st.sampled_from(["file", "stdin", "fix", "diff"]),
)
def test_generated_hostile_documents_through_the_cli(data: bytes, suffix: str, fmt: str, mode: str) -> None:
    """Whatever the document, read from a file or standard input, linted, fixed or diffed, in every output
    format: no internal error, no traceback, status 0, 1 or 2, a one-line error with status 2, valid
    JSON/XML, no raw control character in text output; only --fix may change the file, and it leaves it
    in UTF-8 when it was. Bounded: 80 examples of at most 40 pieces, each run in this process."""
    args = ["lint", *FAST, *(["--statistics"] if fmt == "statistics" else ["--format", fmt])]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"article{suffix}"
        path.write_bytes(data)
        if mode == "stdin":
            result = CliRunner().invoke(main, [*args, "--stdin-filename", str(path), "-"], input=data)
        else:
            extra = {"file": [], "fix": ["--fix", "--unsafe-fixes"], "diff": ["--diff"]}[mode]
            result = CliRunner().invoke(main, [*args, *extra, str(path)])
        after = path.read_bytes()
    out, err = result.stdout, result.stderr
    assert result.exit_code in (0, 1, 2), (result.exit_code, err, result.exception)
    assert "Traceback" not in out + err and "erreur interne" not in err, err
    if mode == "fix":
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            assert after == data
        else:
            after.decode("utf-8")
    else:
        assert after == data
    if result.exit_code == 2:
        one_line_error(err, "article")
        return
    if mode == "diff":
        # A unified diff (the article's lines as they are: `patch` must be able to apply it).
        assert all(line[:1] in ("", "-", "+", " ", "@", "\\") for line in out.split("\n")), out
    elif fmt in ("json", "sarif"):
        json.loads(out)
    elif fmt == "jsonl":
        for line in out.splitlines():
            json.loads(line)
    elif fmt == "junit":
        ET.fromstring(out.encode("utf-8"))
    else:
        assert not any(ch in out for ch in "\x1b\x07\x9b\x7f"), repr(out)
        if fmt != "html":  # the report shows the article's own bidirectional marks as text
            assert not any(ch in out for ch in "\u202e\u2066"), repr(out)


CONFIG_PIECES = [
    "[thresholds]\nregex-timeout-seconds = {n}\n",
    "[grammar]\ntimeout = {n}\n",
    "max-file-size = {n}\n",
    "[thresholds]\nlix-max = {n}\n",
]
numbers = st.sampled_from(["inf", "-inf", "nan", "0", "-1", "1e308", "1e-300", "3", "0.5", '"x"', "[]", "{}"])


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(piece=st.sampled_from(CONFIG_PIECES), number=numbers)
def test_generated_hostile_configurations(piece: str, number: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / ".checker.toml").write_text(piece.format(n=number), encoding="utf-8")
        (Path(folder) / "a.md").write_text(CLICHE, encoding="utf-8")
        code, _, err = run("lint", *FAST, str(Path(folder) / "a.md"))
    assert code in (0, 1, 2), err
    assert "Traceback" not in err and "erreur interne" not in err, err
    if code == 2:
        line = one_line_error(err)
        # A valid but tiny regex-timeout-seconds (1e-300) makes the first pattern run out of time: named too.
        expected = (".checker.toml: configuration invalide", "a.md: article trop gros", "(regex-timeout-seconds,")
        assert any(part in line for part in expected), line


# ---------------------------------------------------------------- merged with the CLI conventions (issue 13)


def test_vocabulary_files_and_extends_stay_inside_the_project(tmp_path: Path) -> None:
    project = repo(tmp_path)
    outside = tmp_path / "ailleurs"
    outside.mkdir()
    (outside / "mots.txt").write_text(f"{SECRET}\n", encoding="utf-8")
    (outside / "base.toml").write_text(f'words = ["{SECRET}"]\n', encoding="utf-8")
    (project / "a.md").write_text(CLICHE, encoding="utf-8")
    settings = {
        "accept-file": '[vocabulary]\naccept-file = "../ailleurs/mots.txt"\n',
        "reject-file": '[vocabulary]\nreject-file = "../ailleurs/mots.txt"\n',
        "extends": 'extends = "../ailleurs/base.toml"\n',
    }
    for key, text in settings.items():
        (project / ".checker.toml").write_text(text, encoding="utf-8")
        code, out, err = run("lint", *FAST, str(project / "a.md"))
        assert code == 2, (key, err)
        one_line_error(err, ".checker.toml", f"« {key} »", "hors du projet")
        assert SECRET not in out + err


def test_extends_true_does_not_climb_above_the_repository(tmp_path: Path) -> None:
    project = repo(tmp_path)
    # Above the repository: a configuration that would select nothing but a missing pack.
    (tmp_path / ".checker.toml").write_text('rule-packs = ["absent.yaml"]\nfail-on = "info"\n', encoding="utf-8")
    (project / ".checker.toml").write_text("extends = true\n", encoding="utf-8")
    (project / "a.md").write_text(CLICHE, encoding="utf-8")
    code, out, err = run("lint", *FAST, str(project / "a.md"))
    assert code == 1, err  # the cliché is found: the folder above was not inherited (its pack is absent)
    assert "absent.yaml" not in out + err


def test_standard_input_is_read_up_to_the_size_limit(tmp_path: Path) -> None:
    (tmp_path / ".checker.toml").write_text("max-file-size = 1000\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "checker.cli", "lint", *FAST, "-"],
        input=CLICHE + "Encore une phrase.\n" * 200,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert proc.returncode == 2
    one_line_error(proc.stderr, "<stdin>", "trop gros (plus de 1 ko)", "max-file-size")  # read up to the limit only
    code, out, _ = run("lint", *FAST, "-", cwd=tmp_path)  # empty input: under the limit, nothing to report
    assert code == 0, out


def test_report_file_is_written_through_mkstemp_with_ordinary_permissions(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(CLICHE, encoding="utf-8")
    guessable = tmp_path / "rapport.json.tmp"
    guessable.symlink_to(tmp_path / "victime.txt")  # a planted link at a predictable name is not followed
    report = tmp_path / "rapport.json"
    code, _, err = run("lint", *FAST, "--format", "json", "-o", str(report), str(tmp_path / "a.md"))
    assert code == 1, err
    assert json.loads(report.read_text(encoding="utf-8"))["findings"]
    assert not (tmp_path / "victime.txt").exists()
    umask = os.umask(0)
    os.umask(umask)
    assert report.stat().st_mode & 0o777 == 0o666 & ~umask
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "rapport.json", "rapport.json.tmp"]  # no temp left
