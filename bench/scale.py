"""Benchmark sections of issue 16, every figure a ratio against a peer run in the same command:

- peer: whole-process CPU of `checker lint --no-cache --jobs 1` against Grammalecte alone doing what
  its own command line does (bench/grammalecte_alone.py), on real articles, runs alternated;
  the cold lint of the sample article against `python -c pass` and against importing and loading
  Grammalecte alone;
- suggest: CPU per unknown word of our SymSpell suggestions against Grammalecte's own suggest;
- memory: peak memory per MB of input (tracemalloc) of lint_text, against the article's own text;
- jobs: `--jobs 2` against `--jobs 1` (wall and CPU), alternated, on one small article and on many;
- dask: throughput on a Dask cluster (127.0.0.1) with one and with two workers, against `--jobs 1`.

CPU times are those of the child processes (resource.getrusage), less inflated than wall-clock
times by the other programs of a shared machine; the load average is printed with each section.
"""

from __future__ import annotations

import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SAMPLE = ROOT / "fixtures" / "israel-azerbaidjan.md"

PEER_RATIO_TARGET = 1.3
COLD_CPU_TARGET = 0.8
SUGGEST_TARGET_MS = 20.0
MEMORY_TARGET = 60.0  # MB of peak memory per MB of input


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (5 min {five:.1f}) on {os.cpu_count()} cores"


def real_articles(corpus_limit: int | None = None) -> list[Path]:
    """The sample article, the fixtures and, when present, the first `corpus_limit` (None: all) of
    corpus/articles/ (real news, encyclopedic articles)."""
    found = [SAMPLE, *sorted((ROOT / "fixtures" / "faq").glob("*.*"))]
    corpus = ROOT / "corpus" / "articles"
    if corpus.is_dir():
        articles = sorted(p for p in corpus.rglob("*") if p.suffix in (".md", ".html", ".txt") and p.is_file())
        found += articles[:corpus_limit]
    return found


def checker_exe() -> str:
    exe = Path(sys.executable).with_name("checker")
    return str(exe) if exe.exists() else "checker"


def child_run(cmd: Sequence[str], env: dict[str, str] | None = None) -> tuple[float, float, bytes, int]:
    """(CPU seconds, wall seconds, stdout, exit status) of a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(list(cmd), capture_output=True, env=env, cwd=ROOT, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return cpu, wall, proc.stdout, proc.returncode


def alternate(
    runs: int, commands: dict[str, Sequence[str]], env: dict[str, str] | None = None
) -> dict[str, list[float]]:
    """CPU seconds of each command, run in turn `runs` times (so that a change of load hits all alike)."""
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, cmd in commands.items():
            cpu[name].append(child_run(cmd, env)[0])
    return cpu


def ensure_bytecode() -> str:
    """Byte-compile checker/ as an install does (pip compiles the modules it installs; `make` runs
    checker.prepare, which does it too): an editable checkout run with PYTHONDONTWRITEBYTECODE=1 would
    compile most of its modules again in every process measured (a tenth of a second of a cold lint).
    Then record the compiled regular expressions of the code measured, as `make` does (checker.regex_cache)."""
    from checker.prepare import compile_package, record_regexes

    compiled = "checker/ byte-compiled" if compile_package() else "checker/ byte-compiled (some modules failed)"
    record_regexes(lint_env())
    return f"{compiled}, regular expressions recorded"


def lint_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("CHECKER_NO_DATA_CACHE", None)  # the data cache as a user has it (make fills it)
    return env


# ---------------------------------------------------------------- peer


GRAMMALECTE_LOAD = (
    "import sys; sys.path.append('/usr/lib/python3/dist-packages'); import grammalecte; "
    "g = grammalecte.GrammarChecker('fr'); g.getParagraphErrors('Les chat mange.')"
)


def bench_peer(
    runs: int, target: Callable[[str, str, bool | None], None], corpus_limit: int | None = None, cold: bool = True
) -> None:
    files = [str(p.relative_to(ROOT)) for p in real_articles(corpus_limit)]
    words = sum(len(Path(ROOT / f).read_text(encoding="utf-8").split()) for f in files)
    print(f"\n== peer. Whole process against Grammalecte alone: {len(files)} real articles, {words} words")
    print(f"   {load()}; CPU seconds of each child process, median of {runs} alternated runs; {ensure_bytecode()}")
    env = lint_env()
    exe = checker_exe()
    cpu = alternate(
        runs,
        {
            "checker": [exe, "lint", "--no-cache", "--jobs", "1", "--format", "json", *files],
            "grammalecte": [sys.executable, str(HERE / "grammalecte_alone.py"), *files],
        },
        env,
    )
    ours, peer = statistics.median(cpu["checker"]), statistics.median(cpu["grammalecte"])
    ratio = ours / peer
    print(f"   checker lint --no-cache --jobs 1          {ours:6.2f} s CPU")
    print(f"   Grammalecte alone (its CLI's work)        {peer:6.2f} s CPU")
    print(
        f"   ratio                                     {ratio:6.2f}×"
        f"  (runs: {_fmt(cpu['checker'])} / {_fmt(cpu['grammalecte'])})"
    )
    target(
        f"whole process ≤ {PEER_RATIO_TARGET}× Grammalecte alone ({len(files)} articles)",
        f"{ratio:.2f}×",
        ratio <= PEER_RATIO_TARGET,
    )

    if cold:
        bench_cold_peer(runs, target)


def bench_cold_peer(runs: int, target: Callable[[str, str, bool | None], None]) -> None:
    env = lint_env()
    exe = checker_exe()
    print(f"\n   cold lint of {SAMPLE.relative_to(ROOT)} (new process, no result cache, data cache as after make)")
    print(f"   {load()}; user + sys CPU of the whole process (what /usr/bin/time reports), median of {runs} alternated")
    sample = str(SAMPLE.relative_to(ROOT))
    cold = alternate(
        runs,
        {
            "checker": [exe, "lint", "--no-cache", sample],
            "grammalecte-cli": [sys.executable, str(HERE / "grammalecte_alone.py"), sample],
            "grammalecte-load": [sys.executable, "-c", GRAMMALECTE_LOAD],
            "python": [sys.executable, "-c", "pass"],
        },
        env,
    )
    med = {name: statistics.median(values) for name, values in cold.items()}
    for name, label in (
        ("checker", "checker lint"),
        ("grammalecte-cli", "Grammalecte alone on the same file"),
        ("grammalecte-load", "importing and loading Grammalecte"),
        ("python", "python -c pass"),
    ):
        print(f"   {label:<38}{med[name]:6.3f} s CPU   checker / this: {med['checker'] / med[name]:5.2f}×")
    target(
        f"cold lint of the sample < {COLD_CPU_TARGET} s CPU",
        f"{med['checker']:.2f} s ({med['checker'] / med['grammalecte-cli']:.2f}× Grammalecte alone)",
        med["checker"] < COLD_CPU_TARGET,
    )


def _fmt(values: list[float]) -> str:
    return " ".join(f"{v:.2f}" for v in values)


# ---------------------------------------------------------------- suggest


def typos(words: list[str], n: int, seed: int = 16) -> list[tuple[str, str]]:
    """(misspelling, meant) pairs: one deletion, insertion, substitution or lost accent per word."""
    rng = random.Random(seed)
    out = []
    for word in rng.sample(words, n):
        i = rng.randrange(len(word))
        op = rng.randrange(4)
        if op == 0:
            typo = word[:i] + word[i + 1 :]
        elif op == 1:
            typo = word[:i] + rng.choice("aeiourst") + word[i:]
        elif op == 2:
            typo = word[:i] + rng.choice("aeiourst") + word[i + 1 :]
        else:
            typo = word.replace("é", "e").replace("è", "e") if any(c in word for c in "éè") else word[::-1][:1] + word
        if typo != word:
            out.append((typo, word))
    return out


def bench_suggest(n: int, target: Callable[[str, str, bool | None], None]) -> None:
    print(f"\n== suggest. Spelling suggestions per unknown word ({load()})")
    clock = time.process_time
    started = clock()
    from checker.lexicon import get_lexicon
    from checker.suggest import get_index

    index = get_index()
    lexicon = get_lexicon()
    loaded = clock() - started
    pool = [w for w in index.words if 4 <= len(w) <= 14 and w.isalpha()]
    pairs = [(t, w) for t, w in typos(pool, n) if not lexicon.known(t)]
    ours: list[float] = []
    right = 0
    for typo, meant in pairs:
        t = clock()
        found = lexicon.suggest(typo)
        ours.append(clock() - t)
        right += meant in found[:3]
    graphspell = lexicon.graphspell
    peer: list[float] = []
    if graphspell is not None:
        for typo, _ in pairs[: max(10, len(pairs) // 5)]:
            t = clock()
            list(graphspell.suggest(typo, 5))
            peer.append(clock() - t)
    mean = statistics.mean(ours) * 1000
    worst = max(ours) * 1000
    print(f"   index loaded from the data cache in {loaded:.3f} s CPU; {len(pairs)} typos of known words")
    print(
        f"   SymSpell (ours): mean {mean:.2f} ms, median {statistics.median(ours) * 1000:.2f} ms, "
        f"max {worst:.2f} ms CPU per word; meant word in the top 3: {right / len(pairs):.0%}"
    )
    if peer:
        pmean = statistics.mean(peer) * 1000
        print(
            f"   Grammalecte's suggest (peer, {len(peer)} of the words): mean {pmean:.1f} ms; "
            f"ours / peer: {mean / pmean:.3f}×"
        )
    target(
        f"suggestions ≤ {SUGGEST_TARGET_MS:.0f} ms per unknown word (mean; max shown)",
        f"{mean:.1f} ms (max {worst:.1f})",
        mean <= SUGGEST_TARGET_MS,
    )


# ---------------------------------------------------------------- memory


def bench_memory(texts: list[str], target: Callable[[str, str, bool | None], None]) -> None:
    from checker.config import Config
    from checker.lint import lint_text

    print(f"\n== memory. Peak memory of lint_text per MB of input (tracemalloc; {load()})")
    config = Config()
    worst = 0.0
    for i, text in enumerate(texts):
        lint_text(text, config, f"warm-{i}.md")  # lexicon caches filled first: what remains is per article
        size = len(text.encode()) / 1e6
        tracemalloc.start()
        lint_text(text, config, f"a{i}.md")
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        per_mb = peak / 1e6 / size
        worst = max(worst, per_mb)
        print(
            f"   {len(text.split()):>6} words, {size * 1000:6.1f} kB:"
            f" peak {peak / 1e6:6.1f} MB = {per_mb:5.0f} MB per MB"
        )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"   (this process's peak resident set, engines and lexicons included: {rss:.0f} MiB)")
    target(f"memory ≤ {MEMORY_TARGET:.0f} MB per MB of input", f"{worst:.0f} MB/MB", worst <= MEMORY_TARGET)


# ---------------------------------------------------------------- jobs


def bench_jobs_scaling(paths: list[Path], runs: int, target: Callable[[str, str, bool | None], None]) -> None:
    """`--jobs 2` against `--jobs 1`: pairs of runs in alternating order (1 then 2, then 2 then 1, ...), so
    that a change of the machine's load hits both alike; the speed-up is the ratio of the fastest runs'
    wall times (the median of the pairs' ratios is printed too), and the load average at each pair."""
    from checker.parallel import workers_for

    print(f"\n== jobs. --jobs 2 against --jobs 1, pairs of runs in alternating order ({load()})")
    exe = checker_exe()
    env = lint_env()
    # The small article's runs are short and noisy: three times as many pairs.
    cases = {"one small article": ([SAMPLE], 3 * runs), f"{len(paths)} articles": (paths, runs)}
    for label, (files, pairs) in cases.items():
        workers = workers_for(2, [p.stat().st_size for p in files])
        path = "serial, as --jobs 1" if workers == 1 else f"{workers} worker processes"
        with tempfile.TemporaryDirectory() as folder:
            names = []
            for i, p in enumerate(files):
                dest = Path(folder) / f"{i:04d}-{p.name}"
                dest.write_bytes(p.read_bytes())
                names.append(str(dest))
            walls: dict[int, list[float]] = {1: [], 2: []}
            cpus: dict[int, list[float]] = {1: [], 2: []}
            outs: dict[int, set[bytes]] = {1: set(), 2: set()}
            loads: list[float] = []
            for round_ in range(pairs):
                loads.append(os.getloadavg()[0])
                for j in (1, 2) if round_ % 2 == 0 else (2, 1):
                    cpu, wall, out, _code = child_run(
                        [exe, "lint", "--jobs", str(j), "--no-cache", "--format", "json", *names], env
                    )
                    walls[j].append(wall)
                    cpus[j].append(cpu)
                    outs[j].add(out)
        ratios = [w1 / w2 for w1, w2 in zip(walls[1], walls[2], strict=True)]
        # Other programs only ever add time: the fastest run of each is the least disturbed measure of its
        # own cost (on a busy machine the pairs' ratios of one and the same serial work spread 0.7-1.2).
        speedup = min(walls[1]) / min(walls[2])
        same = len(outs[1]) == 1 and outs[1] == outs[2]
        print(
            f"   {label:<20} ({path}) --jobs 1 {statistics.median(walls[1]):6.2f} s wall "
            f"{statistics.median(cpus[1]):6.2f} s CPU | --jobs 2 {statistics.median(walls[2]):6.2f} s wall "
            f"{statistics.median(cpus[2]):6.2f} s CPU | identical output: {same}"
        )
        print(
            f"   {'':<20} speed-up (fastest runs) {speedup:.2f}×, median of the pairs' ratios "
            f"{statistics.median(ratios):.2f}×; pairs: "
            + " ".join(f"{r:.2f}" for r in ratios)
            + f"; load average at each pair: {' '.join(f'{x:.1f}' for x in loads)}"
        )
        # "Never slower": the small article takes the serial path with either option, so within 5 % is noise.
        target(f"--jobs 2 not slower than --jobs 1 ({label})", f"{speedup:.2f}× ({load()})", speedup >= 0.95 and same)


# ---------------------------------------------------------------- dask


def bench_dask(paths: list[Path], target: Callable[[str, str, bool | None], None]) -> None:
    try:
        import distributed  # noqa: F401
    except ImportError:
        print("\n== dask. dask.distributed is not installed (checker[dask]): skipped")
        target("dask throughput", "not installed", None)
        return
    from checker.distributed import local_cluster

    files = [str(p) for p in paths]
    print(f"\n== dask. {len(files)} articles on a cluster on 127.0.0.1, against --jobs 1 in one process ({load()})")
    exe = checker_exe()
    _, local_wall, local_out, _ = child_run([exe, "lint", "--no-cache", "--jobs", "1", "--format", "json", *files])
    print(f"   --jobs 1 (peer):        {local_wall:6.2f} s wall, {len(files) / local_wall:5.2f} files/s")
    for workers in (1, 2):
        with tempfile.TemporaryDirectory() as folder, local_cluster(Path(folder), workers, lint_env()) as address:
            child_run([exe, "lint", "--no-cache", "--scheduler", address, str(SAMPLE)])  # workers loaded
            _, wall, out, _ = child_run([exe, "lint", "--no-cache", "--scheduler", address, "--format", "json", *files])
        print(
            f"   {workers} worker(s):           {wall:6.2f} s wall, {len(files) / wall:5.2f} files/s, "
            f"{local_wall / wall:.2f}× --jobs 1; identical output: {out == local_out}"
        )
        target(f"dask output identical to a local run ({workers} worker(s))", str(out == local_out), out == local_out)
