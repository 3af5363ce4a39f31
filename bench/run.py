"""Speed, scale and memory of `checker`, against Grammalecte on the same text, in one run.

Prints:

1. the time of each check family (and of parsing) over a sample of the generated corpus, next to
   Grammalecte alone on the same paragraphs in the same process, and the ratio
   ours (everything but the grammar family, end to end) / Grammalecte: target ≤ 25 %;
2. peak memory (resident set size of this process and of a `checker lint` over many files);
3. the cold start of `checker lint fixtures/israel-azerbaidjan.md` in a new process (median of a
   few runs, without and with the result cache): target < 1 s;
4. linearity: time per word of our non-grammar checks on 1k, 2k, 5k and 10k-word articles, and of
   each family: target ≤ 1.5 × from 1k to 10k words;
5. `checker lint --jobs 1` against `--jobs 2` (all cores by default) over 200 articles: target ≥ 1.8×
   faster on 2 cores, with byte-identical output.

Check families are those of `checker.checks.FAMILIES` when the benchmark runs.

    .venv/bin/python bench/run.py            # about 2 minutes
    .venv/bin/python bench/run.py --quick    # about 30 s, smaller samples
    .venv/bin/python bench/run.py --only families,linearity

Exit status: 0 when every target passes, 1 otherwise.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import scale  # noqa: E402
from make_corpus import DEFAULT_OUT, generate, make_article  # noqa: E402

from checker.checks import FAMILIES, check_function  # noqa: E402
from checker.config import Config  # noqa: E402
from checker.context import CheckContext  # noqa: E402
from checker.lint import lint_text  # noqa: E402
from checker.parse import parse_document  # noqa: E402
from checker.rule_packs import load_rules  # noqa: E402

SAMPLE = ROOT / "fixtures" / "israel-azerbaidjan.md"
SECTIONS = ("peer", "suggest", "scale-memory", "scale-jobs", "dask", "families", "memory", "cold", "linearity", "jobs")
GRAMMALECTE_DIR = "/usr/lib/python3/dist-packages"

RATIO_TARGET = 0.25
COLD_TARGET = 1.0
LINEAR_TARGET = 1.5
JOBS_TARGET = 1.8

results: list[tuple[str, str, bool | None]] = []  # (target, measured, passed; None: not measured)


def target(name: str, measured: str, passed: bool | None) -> None:
    results.append((name, measured, passed))


def words(text: str) -> int:
    return len(text.split())


def checker_exe() -> str:
    exe = Path(sys.executable).with_name("checker")
    return str(exe) if exe.exists() else "checker"


# In-process timings are CPU time of this process (time.process_time): other programs running on
# the machine do not inflate them. Timings of subprocesses (cold start, --jobs) are wall-clock times.
clock = time.process_time


def timed(fn: Callable[[], object], repeat: int = 1) -> float:
    runs = []
    for _ in range(repeat):
        t = clock()
        fn()
        runs.append(clock() - t)
    return statistics.median(runs)


# ---------------------------------------------------------------- corpus


def corpus(n: int) -> list[Path]:
    paths = generate(DEFAULT_OUT, n)
    return paths


def sample_texts(paths: list[Path], budget_words: int, seed: int = 1) -> list[str]:
    """Articles drawn at random (fixed seed) until `budget_words`: all lengths represented."""
    rng = random.Random(seed)
    order = list(paths)
    rng.shuffle(order)
    texts, total = [], 0
    for p in order:
        text = p.read_text(encoding="utf-8")
        texts.append(text)
        total += words(text)
        if total >= budget_words:
            break
    return texts


# ---------------------------------------------------------------- Grammalecte alone


def grammalecte_checker() -> object | None:
    if GRAMMALECTE_DIR not in sys.path:
        sys.path.append(GRAMMALECTE_DIR)  # at the end: Debian's other packages must not shadow the venv's
    try:
        import grammalecte  # type: ignore[import-not-found]
    except ImportError:
        return None
    return grammalecte.GrammarChecker("fr")


def grammalecte_time(gc: object, paragraphs: list[list[str]]) -> float:
    """Grammalecte alone as Debian ships it: in this process its rule engine's modules were given checker's table
    of compiled patterns when the engine loaded (`grammalecte_engine.patterns_module`); the peer runs without it."""
    from checker.engines.grammalecte_engine import as_shipped

    with as_shipped():
        t = clock()
        for doc in paragraphs:
            for p in doc:
                gc.getParagraphErrors(p)  # type: ignore[attr-defined]
        return clock() - t


# ---------------------------------------------------------------- 1. families


def family_times(texts: list[str], config: Config) -> tuple[dict[str, float], list[list[str]]]:
    """Seconds per family over `texts`; 'parse' covers parsing, sentences and tokens (shared by all)."""
    rules = load_rules(config.rule_packs)
    times = dict.fromkeys(["parse", *FAMILIES], 0.0)
    paragraphs: list[list[str]] = []
    for i, text in enumerate(texts):
        t = clock()
        doc = parse_document(text, f"article-{i}.md")
        for block in doc.blocks:
            for sentence in block.sentences:
                _ = sentence.tokens
        times["parse"] += clock() - t
        paragraphs.append([b.text for b in doc.blocks if b.text.strip()])
        for family in FAMILIES:
            ctx = CheckContext(doc=doc, config=config, rules=rules)
            fn = check_function(family)
            t = clock()
            fn(doc, ctx)
            times[family] += clock() - t
    return times, paragraphs


def bench_families(paths: list[Path], budget: int) -> None:
    texts = sample_texts(paths, budget)
    n_words = sum(words(t) for t in texts)
    print(f"\n== 1. Check families against Grammalecte: {len(texts)} articles, {n_words} words")
    config = Config()
    t = clock()
    lint_text("# Titre\n\nUn texte pour charger les lexiques et les moteurs.\n", config, "warm.md")
    print(f"   first call (loads rules, lexicons, engines): {clock() - t:.2f} s CPU")
    print("   (CPU seconds of this process: not inflated by other programs)")

    times, paragraphs = family_times(texts, config)
    gc = grammalecte_checker()
    gram = grammalecte_time(gc, paragraphs) if gc is not None else None
    ours_cfg = Config(ignore=("grammar",))
    ours = timed(lambda: [lint_text(text, ours_cfg, f"a{i}.md") for i, text in enumerate(texts)])

    print(f"   {'step':<14}{'CPU s':>9}{'words/s':>10}{'vs Grammalecte':>16}")
    for name, secs in times.items():
        ratio = f"{secs / gram:>15.1%}" if gram else f"{'-':>15}"
        print(f"   {name:<14}{secs:>9.3f}{n_words / max(secs, 1e-9):>10.0f} {ratio}")
    non_grammar_sum = sum(s for k, s in times.items() if k != "grammar")
    print(f"   {'sum w/o grammar':<14}{non_grammar_sum:>9.3f}")
    print(f"   {'lint_text w/o grammar (end to end)':<36}{ours:>9.3f} s")
    if gram is None:
        print("   Grammalecte is not installed: no ratio")
        target("ours w/o grammar ≤ 25 % of Grammalecte", "Grammalecte missing", None)
        return
    print(f"   {'Grammalecte alone (getParagraphErrors)':<36}{gram:>9.3f} s  ({n_words / gram:.0f} words/s)")
    ratio = ours / gram
    print(f"   ratio ours w/o grammar / Grammalecte: {ratio:.1%}")
    target("ours w/o grammar ≤ 25 % of Grammalecte", f"{ratio:.1%}", ratio <= RATIO_TARGET)


# ---------------------------------------------------------------- 2. memory


def bench_memory(paths: list[Path], n_files: int) -> None:
    print("\n== 2. Peak memory")
    self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"   this process (corpus sample, all families, Grammalecte): {self_rss:.0f} MiB peak RSS")
    files = [str(p) for p in paths[:n_files]]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run(
        [checker_exe(), "lint", "--jobs", "1", "--no-cache", "--format", "json", *files],
        capture_output=True,
        check=False,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    n_words = sum(words(Path(f).read_text(encoding="utf-8")) for f in files)
    note = "" if after > before else " (at most; an earlier child used more)"
    print(f"   checker lint --jobs 1 over {len(files)} files ({n_words} words): {after / 1024:.0f} MiB peak RSS{note}")


# ---------------------------------------------------------------- 3. cold start


COLD_BREAKDOWN = """
import sys, time
clock = time.process_time
t = clock(); import checker.cli; print(f"import checker.cli        {clock() - t:6.3f} s")
from checker.checks import FAMILIES, check_function
from checker.config import Config
from checker.context import CheckContext
from checker.lint import read_source
from checker.parse import parse_document
from checker.rule_packs import load_rules
from pathlib import Path
t = clock(); rules = load_rules(()); print(f"load rule packs           {clock() - t:6.3f} s")
t = clock(); doc = parse_document(read_source(Path(sys.argv[1])), sys.argv[1])
for b in doc.blocks:
    for s in b.sentences:
        s.tokens
print(f"parse, sentences, tokens  {clock() - t:6.3f} s")
for family in FAMILIES:
    t = clock()
    check_function(family)(doc, CheckContext(doc=doc, config=Config(), rules=rules))
    print(f"family {family:<18} {clock() - t:6.3f} s")
print(f"total CPU                 {clock():6.3f} s")
"""


def bench_cold(runs: int) -> None:
    print(f"\n== 3. Cold start: checker lint {SAMPLE.relative_to(ROOT)} (median of {runs})")
    exe = checker_exe()
    env = {**os.environ}
    env.pop("CHECKER_NO_CACHE", None)

    cpu: dict[str, list[float]] = {"no-cache": [], "cache": []}

    def run(*extra: str) -> tuple[float, int]:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        proc = subprocess.run([exe, "lint", *extra, str(SAMPLE)], capture_output=True, env=env, cwd=ROOT, check=False)
        wall = time.perf_counter() - t
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        used = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
        cpu["no-cache" if "--no-cache" in extra else "cache"].append(used)
        return wall, proc.returncode

    with tempfile.TemporaryDirectory() as cache:
        run("--cache-dir", cache)  # fill the cache, warm the OS file cache
        no_cache = [run("--no-cache") for _ in range(runs)]
        cached = [run("--cache-dir", cache) for _ in range(runs)]
    breakdown = subprocess.run([sys.executable, "-c", COLD_BREAKDOWN, str(SAMPLE)], capture_output=True, text=True)
    print("   where a cold run spends its CPU time (first call of each step, new process):")
    for line in breakdown.stdout.splitlines():
        print(f"     {line}")
    cold = statistics.median(t for t, _ in no_cache)
    warm = statistics.median(t for t, _ in cached)
    print(f"   new process, no cache:   {cold:.3f} s wall, {statistics.median(cpu['no-cache']):.3f} s CPU", end="")
    print(f" (exit {no_cache[0][1]})")
    print(f"   new process, cache hit:  {warm:.3f} s wall, {statistics.median(cpu['cache'][1:]):.3f} s CPU")
    target("cold start < 1 s (no cache)", f"{cold:.2f} s", cold < COLD_TARGET)


# ---------------------------------------------------------------- 4. linearity


def bench_linearity(sizes: list[int], repeat: int) -> None:
    print(f"\n== 4. Linearity: time per word, median of {repeat}")
    config = Config(ignore=("grammar",))
    rules = load_rules(())
    lint_text(make_article(random.Random(0), 300), config, "warm.md")  # lexicons loaded before timing
    per_word: dict[int, float] = {}
    fam_per_word: dict[str, dict[int, float]] = {f: {} for f in FAMILIES if f != "grammar"}
    for size in sizes:
        text = make_article(random.Random(size), size)
        n = words(text)
        per_word[size] = timed(lambda text=text: lint_text(text, config, "a.md"), repeat) / n
        doc = parse_document(text, "a.md")
        for block in doc.blocks:
            for s in block.sentences:
                _ = s.tokens
        for family in fam_per_word:
            fn = check_function(family)
            fam_per_word[family][size] = (
                timed(lambda fn=fn, doc=doc: fn(doc, CheckContext(doc=doc, config=config, rules=rules)), repeat) / n
            )
        print(f"   {size:>6} words (actual {n}): {per_word[size] * 1e6:7.1f} µs/word, {per_word[size] * n:.3f} s")
    first, last = sizes[0], sizes[-1]
    growth = per_word[last] / per_word[first]
    print(f"   per-word time {last} / {first} words: {growth:.2f}× (1.00 = linear)")
    print("   per family (µs/word at each size, growth):")
    for family, values in fam_per_word.items():
        cells = " ".join(f"{values[s] * 1e6:7.2f}" for s in sizes)
        print(f"     {family:<12}{cells}   {values[last] / max(values[first], 1e-12):5.2f}×")
    target(f"linear time: per-word {last}/{first} words ≤ {LINEAR_TARGET}×", f"{growth:.2f}×", growth <= LINEAR_TARGET)


# ---------------------------------------------------------------- 5. jobs


def bench_jobs(paths: list[Path], n_files: int, max_words: int, jobs: int) -> None:
    chosen = [p for p in paths if words(p.read_text(encoding="utf-8")) <= max_words][:n_files]
    n_words = sum(words(p.read_text(encoding="utf-8")) for p in chosen)
    print(f"\n== 5. --jobs: {len(chosen)} articles of at most {max_words} words ({n_words} words), all families")
    exe = checker_exe()
    with tempfile.TemporaryDirectory() as folder:
        for p in chosen:
            (Path(folder) / p.name).write_bytes(p.read_bytes())

        def run(j: int) -> tuple[float, float, bytes, int]:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t = time.perf_counter()
            cmd = [exe, "lint", "--jobs", str(j), "--no-cache", "--format", "json", folder]
            proc = subprocess.run(cmd, capture_output=True, check=False)
            wall = time.perf_counter() - t
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
            return wall, cpu, proc.stdout, proc.returncode

        t1, cpu1, out1, code1 = run(1)
        tn, cpun, outn, coden = run(jobs)
    speedup = t1 / tn
    same = out1 == outn and code1 == coden
    print(f"   --jobs 1: {t1:.2f} s wall, {cpu1:.1f} s CPU")
    print(f"   --jobs {jobs}: {tn:.2f} s wall, {cpun:.1f} s CPU (all processes)")
    print(f"   speed-up {speedup:.2f}×   identical output: {same}")
    if not same:
        lines1, linesn = out1.decode().splitlines(), outn.decode().splitlines()
        first = next(
            (i for i, (x, y) in enumerate(zip(lines1, linesn, strict=False)) if x != y), min(len(lines1), len(linesn))
        )
        print(f"   exit {code1} vs {coden}; first difference at output line {first + 1}:")
        print(f"     --jobs 1:      {lines1[first] if first < len(lines1) else '<end>'}")
        print(f"     --jobs {jobs}: {linesn[first] if first < len(linesn) else '<end>'}")
        print("   (files of checker/ edited between the two runs also change the output)")
    cores = os.cpu_count() or 1
    if cores < 2 or jobs < 2:
        target(f"--jobs {jobs} ≥ {JOBS_TARGET}× --jobs 1", f"{speedup:.2f}× ({cores} core(s))", None)
    else:
        target(f"--jobs {jobs} ≥ {JOBS_TARGET}× --jobs 1 ({cores} cores)", f"{speedup:.2f}×", speedup >= JOBS_TARGET)
    target("--jobs output identical to --jobs 1", str(same), same)


def main() -> int:
    parser = argparse.ArgumentParser(description="Benchmarks of checker against Grammalecte.")
    parser.add_argument("--quick", action="store_true", help="smaller samples (about 30 s)")
    parser.add_argument("--only", default=",".join(SECTIONS), help=f"comma-separated sections: {','.join(SECTIONS)}")
    parser.add_argument("--corpus-size", type=int, default=500, help="articles generated (default 500)")
    parser.add_argument("--sample-words", type=int, default=None, help="words of the family sample (default 100000)")
    parser.add_argument("--jobs", type=int, default=None, help="jobs compared with --jobs 1 (default: all cores)")
    args = parser.parse_args()
    only = {s.strip() for s in args.only.split(",") if s.strip()}
    unknown = only - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section(s): {', '.join(sorted(unknown))}")

    t0 = time.perf_counter()
    paths = corpus(args.corpus_size)
    total = sum(words(p.read_text(encoding="utf-8")) for p in paths)
    print(f"checker benchmark — {len(paths)} generated articles, {total} words ({DEFAULT_OUT.relative_to(ROOT)})")
    print(f"families: {', '.join(FAMILIES)}; {os.cpu_count()} core(s); Python {sys.version.split()[0]}")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    print(f"load average {load:.1f}", "— busy machine: wall-clock results are pessimistic" if load > 1 else "")

    quick = args.quick
    if "peer" in only:
        # The sample and fixtures/faq/ (7 articles), then with the first 20 real articles of corpus/articles/.
        scale.bench_peer(3 if quick else 5, target, 0, cold=False)
        scale.bench_peer(3 if quick else 5, target, 20)
    if "suggest" in only:
        scale.bench_suggest(100 if quick else 300, target)
    if "scale-memory" in only:
        scale.bench_memory([make_article(random.Random(n), n) for n in (1_000, 5_000, 10_000)], target)
    if "scale-jobs" in only:
        small = [p for p in paths if words(p.read_text(encoding="utf-8")) <= 2_000]
        scale.bench_jobs_scaling(small[: 40 if quick else 120], 2 if quick else 3, target)
    if "dask" in only:
        small = [p for p in paths if words(p.read_text(encoding="utf-8")) <= 2_000]
        scale.bench_dask(small[: 30 if quick else 100], target)
    if "families" in only:
        bench_families(paths, args.sample_words or (25_000 if quick else 100_000))
    if "memory" in only:
        bench_memory(paths, 20 if quick else 50)
    if "cold" in only:
        bench_cold(3 if quick else 5)
    if "linearity" in only:
        bench_linearity([1_000, 2_000, 5_000, 10_000], 3)
    if "jobs" in only:
        bench_jobs(paths, 60 if quick else 200, 2_000, args.jobs or os.cpu_count() or 1)

    print(f"\n== Targets ({time.perf_counter() - t0:.0f} s in all)")
    ok = True
    for name, measured, passed in results:
        status = "n/a " if passed is None else ("PASS" if passed else "FAIL")
        ok = ok and passed is not False
        print(f"   {status}  {name:<48} {measured}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
