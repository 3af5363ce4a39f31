"""`checker lint --jobs N` and the result cache (`--cache-dir`, `--no-cache`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import checker.cache
import checker.config
import checker.lint
import checker.rule_packs
from checker.cache import ResultCache, cache_key, default_cache_dir, fingerprinted_files
from checker.cli import main
from checker.config import Config
from checker.parallel import FileJob, lint_files

PARAGRAPHS = [
    "Force est de constater que les ventes baissent depuis trois ans.",
    "Au jour d’aujourd’hui, le marché progresse lentement dans la région.",
    "Le ministre a **rencontré le président à Bakou.",
    "Les deux pays ont signé un accord gazier en janvier.",
]


def _article(i: int) -> str:
    parts = [f"# Article {i}", ""]
    for j in range(1 + i % 4):
        parts += [PARAGRAPHS[(i + j) % len(PARAGRAPHS)], ""]
    return "\n".join(parts)


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(24):
        (folder / f"a{i:02d}.md").write_text(_article(i), encoding="utf-8")
    return folder


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["lint", *args])
    return result.exit_code, result.stdout, result.stderr


def test_jobs_output_identical_and_in_input_order(articles: Path) -> None:
    code1, out1, _ = _run("--no-cache", "--jobs", "1", "--format", "json", str(articles))
    code2, out2, _ = _run("--no-cache", "--jobs", "2", "--format", "json", str(articles))
    assert code1 == code2
    assert out1 == out2
    report = json.loads(out1)
    assert report["findings"], "the articles contain flagged wording"
    paths = [f["path"] for f in report["findings"]]
    assert paths == sorted(paths)
    assert report["files"] == sorted(str(p) for p in articles.glob("*.md"))


def test_lint_files_keeps_input_order_with_a_pool(articles: Path) -> None:
    files = sorted(articles.glob("*.md"), reverse=True)  # not alphabetical: order must follow the input
    jobs = [FileJob(str(p), p.name, Config()) for p in files]
    outcomes = lint_files(jobs, jobs=2)
    assert [o.display_path for o in outcomes] == [p.name for p in files]
    serial = lint_files(jobs, jobs=1)
    assert [[f.to_dict() for f in o.result.findings] for o in outcomes] == [
        [f.to_dict() for f in o.result.findings] for o in serial
    ]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_bad_file_reported_after_the_others_exit_2(articles: Path, jobs: str) -> None:
    (articles / "b-bad.md").write_bytes(b"Un texte \xff\xfe invalide.\n")
    code, out, err = _run("--no-cache", "--jobs", jobs, "--format", "json", str(articles))
    assert code == 2
    report = json.loads(out)
    assert str(articles / "a00.md") in report["files"]
    assert str(articles / "b-bad.md") not in report["files"]
    assert report["findings"]
    lines = err.strip().splitlines()
    bad = articles / "b-bad.md"
    assert lines == [f"checker: error: {bad}: UTF-8 invalide à l’octet 9 (ligne 1) : octet de début invalide"]
    assert "Traceback" not in out + err


def test_write_baseline_refused_when_a_file_fails(articles: Path, tmp_path: Path) -> None:
    (articles / "bin.md").write_bytes(b"\x00\x01\x02binary")
    baseline = tmp_path / "baseline.json"
    code, _, err = _run("--no-cache", "--write-baseline", str(baseline), str(articles))
    assert code == 2
    assert "fichier binaire" in err
    assert not baseline.exists()


class _ParseCounter:
    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: list[str] = []
        real = checker.lint.parse_document

        def counting(source: str, path: str = "<text>", fmt: str | None = None, options=None):  # type: ignore[no-untyped-def]
            self.calls.append(path)
            return real(source, path, fmt, options)

        monkeypatch.setattr(checker.lint, "parse_document", counting)


@pytest.fixture
def counter(monkeypatch: pytest.MonkeyPatch) -> _ParseCounter:
    monkeypatch.delenv("CHECKER_NO_CACHE", raising=False)
    return _ParseCounter(monkeypatch)


def test_second_run_hits_the_cache(articles: Path, tmp_path: Path, counter: _ParseCounter) -> None:
    cache = tmp_path / "cache"
    first = _run("--jobs", "1", "--cache-dir", str(cache), "--format", "json", str(articles))
    assert len(counter.calls) == 24
    assert list(cache.rglob("*.json"))
    counter.calls.clear()
    second = _run("--jobs", "1", "--cache-dir", str(cache), "--format", "json", str(articles))
    assert counter.calls == []
    assert second == first
    assert json.loads(first[1])["findings"]


def test_text_output_from_cache_shows_source_lines(articles: Path, tmp_path: Path, counter: _ParseCounter) -> None:
    cache = tmp_path / "cache"
    first = _run("--jobs", "1", "--cache-dir", str(cache), str(articles / "a00.md"))
    second = _run("--jobs", "1", "--cache-dir", str(cache), str(articles / "a00.md"))
    assert len(counter.calls) == 1
    assert second == first
    assert "    Force est de constater" in first[1]


def test_content_change_misses(articles: Path, tmp_path: Path, counter: _ParseCounter) -> None:
    cache = tmp_path / "cache"
    _run("--jobs", "1", "--cache-dir", str(cache), str(articles))
    counter.calls.clear()
    changed = articles / "a03.md"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nForce est de constater que tout change.\n")
    _, out, _ = _run("--jobs", "1", "--cache-dir", str(cache), "--format", "json", str(articles))
    assert counter.calls == [str(changed)]
    lines = [f["line"] for f in json.loads(out)["findings"] if f["path"] == str(changed)]
    assert max(lines) == 11  # the new sentence is reported: not a stale result


def test_config_change_misses(articles: Path, tmp_path: Path, counter: _ParseCounter) -> None:
    cache = tmp_path / "cache"
    target = str(articles / "a00.md")
    _run("--jobs", "1", "--cache-dir", str(cache), target)
    _run("--jobs", "1", "--cache-dir", str(cache), "--select", "wording", target)
    _run("--jobs", "1", "--cache-dir", str(cache), "--ignore", "wording.cliche", target)
    assert len(counter.calls) == 3
    config = articles / ".checker.toml"
    config.write_text("[thresholds]\nlong-sentence-words = 12\n", encoding="utf-8")
    checker.config.find_config.cache_clear()  # a new process would not remember the folder had no config
    _run("--jobs", "1", "--cache-dir", str(cache), target)
    assert len(counter.calls) == 4
    config.write_text("[thresholds]\nlong-sentence-words = 13\n", encoding="utf-8")
    checker.config.find_config.cache_clear()
    _run("--jobs", "1", "--cache-dir", str(cache), target)
    assert len(counter.calls) == 5
    _run("--jobs", "1", "--cache-dir", str(cache), target)
    assert len(counter.calls) == 5


def test_rule_pack_change_misses(articles: Path, tmp_path: Path, counter: _ParseCounter) -> None:
    cache = tmp_path / "cache"
    pack = tmp_path / "maison.yaml"
    config = tmp_path / "checker.toml"
    config.write_text(f'rule-packs = ["{pack.name}"]\n', encoding="utf-8")

    def write_pack(phrase: str) -> None:
        pack.write_text(
            f"""pack: maison
rules:
  - id: wording.maison
    family: wording
    kind: existence
    severity: warning
    message: "« {{match}} » : à éviter."
    description: Mot interdit par la maison.
    phrases: ["{phrase}"]
    examples:
      flagged: ["Les <marker>{phrase}</marker> baissent."]
      accepted: ["Rien."]
""",
            encoding="utf-8",
        )

    target = str(articles / "a00.md")
    write_pack("ventes")
    _, out1, _ = _run("--jobs", "1", "--cache-dir", str(cache), "--config", str(config), "--format", "json", target)
    write_pack("marché")
    checker.rule_packs.load_rules.cache_clear()
    checker.cache.config_digest.cache_clear()
    _, out2, _ = _run("--jobs", "1", "--cache-dir", str(cache), "--config", str(config), "--format", "json", target)
    assert len(counter.calls) == 2
    assert "wording.maison" in out1
    assert "wording.maison" not in out2


def test_no_cache_neither_reads_nor_writes(articles: Path, tmp_path: Path, counter: _ParseCounter) -> None:
    cache = tmp_path / "cache"
    target = str(articles / "a01.md")
    _run("--jobs", "1", "--cache-dir", str(cache), target)
    _run("--jobs", "1", "--cache-dir", str(cache), "--no-cache", target)
    assert len(counter.calls) == 2
    _run("--jobs", "1", "--cache-dir", str(tmp_path / "other"), "--no-cache", target)
    assert not (tmp_path / "other").exists()


def test_corrupt_cache_entry_is_a_miss(articles: Path, tmp_path: Path, counter: _ParseCounter) -> None:
    cache = tmp_path / "cache"
    target = str(articles / "a00.md")
    first = _run("--jobs", "1", "--cache-dir", str(cache), target)
    (entry,) = cache.rglob("*.json")
    entry.write_text("{not json", encoding="utf-8")
    second = _run("--jobs", "1", "--cache-dir", str(cache), target)
    assert len(counter.calls) == 2
    assert second == first


def test_unwritable_cache_dir_is_ignored(articles: Path, tmp_path: Path, counter: _ParseCounter) -> None:
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("x", encoding="utf-8")
    code, out, err = _run(
        "--jobs", "1", "--cache-dir", str(blocker / "cache"), "--fail-on", "info", str(articles / "a00.md")
    )
    assert code == 1
    assert "Force est de constater" in out
    assert err == ""


def test_pool_workers_fill_the_cache(articles: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    jobs = [FileJob(str(p), str(p), Config()) for p in sorted(articles.glob("*.md"))]
    first = lint_files(jobs, jobs=2, cache_dir=str(cache))
    assert not any(o.cached for o in first)
    assert len(list(cache.rglob("*.json"))) == len(jobs)
    second = lint_files(jobs, jobs=2, cache_dir=str(cache))
    assert all(o.cached for o in second)
    assert [[f.to_dict() for f in o.result.findings] for o in second] == [
        [f.to_dict() for f in o.result.findings] for o in first
    ]


def test_same_content_other_path_is_not_shared(tmp_path: Path) -> None:
    data = _article(1).encode()
    assert cache_key(data, "a.md", Config()) != cache_key(data, "b.md", Config())
    assert cache_key(data, "a.md", Config()) != cache_key(data, "a.html", Config())
    assert cache_key(data, "a.md", Config()) == cache_key(data, "a.md", Config(source="elsewhere/.checker.toml"))
    assert cache_key(data, "a.md", Config()) != cache_key(data, "a.md", Config(languagetool_url="http://lt:8010"))
    assert ResultCache(tmp_path).get(cache_key(data, "a.md", Config())) is None


def test_default_cache_dir_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("CHECKER_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_cache_dir() == tmp_path / "checker"
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "mine"))
    assert default_cache_dir() == tmp_path / "mine"


def test_the_fingerprint_covers_the_data_files_the_checks_read() -> None:
    """Rebuilding a data file (scripts/build_homophone_model.py…) must not leave stale cached results."""
    package = Path(__file__).resolve().parent.parent / "checker"
    names = {f.relative_to(package.parent).as_posix() for f in fingerprinted_files(package)}
    assert {"checker/data/homophone-model.tsv.gz", "checker/data/homophone-contexts.tsv.gz"} <= names
    assert {"checker/homophone_contexts.py", "rules/grammar-fr.yaml"} <= names


def test_the_fingerprint_changes_with_the_bytes_of_a_fingerprinted_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "checker" / "data" / "model.tsv.gz"
    data.parent.mkdir(parents=True)
    data.write_bytes(b"weights 1")
    monkeypatch.setattr(checker.cache, "fingerprinted_files", lambda package: [data])
    checker.cache.checker_fingerprint.cache_clear()
    try:
        before = checker.cache.checker_fingerprint()
        data.write_bytes(b"weights 2")
        checker.cache.checker_fingerprint.cache_clear()
        assert checker.cache.checker_fingerprint() != before
    finally:
        checker.cache.checker_fingerprint.cache_clear()
