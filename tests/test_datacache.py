"""The data cache (`checker.datacache`): decoded word lists kept between runs."""

from __future__ import annotations

import marshal
from collections.abc import Iterator
from pathlib import Path

import pytest

from checker import datacache, frequencies
from checker.document import _french_lemmatizer, _lemmatize, tokenize

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def cache_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """The data cache in a temporary folder of its own (the other tests share one for the session)."""
    monkeypatch.delenv("CHECKER_NO_DATA_CACHE", raising=False)
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path))
    _french_lemmatizer.cache_clear()
    frequencies._table.cache_clear()
    yield tmp_path
    _french_lemmatizer.cache_clear()
    frequencies._table.cache_clear()


def _counting_build(calls: list[int]) -> dict[str, int]:
    calls.append(1)
    return {"chat": 3, "chien": 2}


def _valid(value: object) -> bool:
    return isinstance(value, dict) and value.get("chat") == 3


def test_written_once_then_reused(cache_dir: Path) -> None:
    calls: list[int] = []
    first = datacache.load_or_build("demo", "1.0", lambda: _counting_build(calls), _valid)
    path = datacache.cache_path("demo", "1.0")
    assert path.is_file() and path.is_relative_to(cache_dir / "data")
    second = datacache.load_or_build("demo", "1.0", lambda: _counting_build(calls), _valid)
    assert first == second == {"chat": 3, "chien": 2}
    assert len(calls) == 1
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".tmp-")]


def test_another_version_builds_again(cache_dir: Path) -> None:
    calls: list[int] = []
    datacache.load_or_build("demo", "1.0", lambda: _counting_build(calls), _valid)
    datacache.load_or_build("demo", "2.0", lambda: _counting_build(calls), _valid)
    assert len(calls) == 2
    assert datacache.cache_path("demo", "1.0") != datacache.cache_path("demo", "2.0")


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00garbage\xff" * 10,
        marshal.dumps([1, 2, 3]),
        datacache.encode("other", "1.0", {"chat": 3}),
        datacache.encode("demo", "1.0", {"chat": 4}),
        datacache.encode("demo", "1.0", {"chat": 3, "chien": 2})[:-5],
        datacache.encode("demo", "1.0", {"chat": 3, "chien": 2})[:50],
        marshal.dumps((1, "demo", "1.0", {"chat": 3, "chien": 2})),  # format 1: no header, no digest
        datacache.encode("demo", "1.0", {"chat": 3}).replace(b"\t2\t", b"\t3\t", 1),  # a later format
    ],
    ids=[
        "empty",
        "garbage",
        "list",
        "other-name",
        "rejected-value",
        "truncated",
        "header-only",
        "format-1",
        "other-format",
    ],
)
def test_corrupt_or_foreign_file_is_ignored_and_replaced(cache_dir: Path, content: bytes) -> None:
    path = datacache.cache_path("demo", "1.0")
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    calls: list[int] = []
    assert datacache.load_or_build("demo", "1.0", lambda: _counting_build(calls), _valid) == {"chat": 3, "chien": 2}
    assert len(calls) == 1
    datacache.load_or_build("demo", "1.0", lambda: _counting_build(calls), _valid)
    assert len(calls) == 1  # the bad file was replaced by a good one


def _flip_one_bit(path: Path, offset_in_payload: int) -> None:
    data = bytearray(path.read_bytes())
    header_end = data.index(b"\n") + 1
    data[header_end + offset_in_payload] ^= 0x01
    path.write_bytes(bytes(data))


def test_one_flipped_bit_is_rejected_and_rebuilt(cache_dir: Path) -> None:
    """A file damaged after it was written (one bit of its marshalled payload flipped) still unmarshals,
    into another value: only the digest in its header tells. It is treated as missing: built and written
    again, the right value returned, then read back."""
    calls: list[int] = []
    right = {"chat": 3, "chien": 2}

    def build() -> dict[str, int]:
        calls.append(1)
        return dict(right)

    def any_dict(value: object) -> bool:
        return isinstance(value, dict)  # accepts the damaged value too: the digest alone must reject it

    assert datacache.load_or_build("demo", "1.0", build, any_dict) == right
    path = datacache.cache_path("demo", "1.0")
    good = path.read_bytes()
    payload = good[good.index(b"\n") + 1 :]
    offset = payload.rindex(marshal.dumps(2)[1:])  # the 4 bytes of the int 2, the last value
    _flip_one_bit(path, offset)
    damaged = path.read_bytes()
    assert marshal.loads(damaged[damaged.index(b"\n") + 1 :])[3] == {"chat": 3, "chien": 3}  # marshal cannot tell
    assert datacache.load_stored("demo", "1.0") is None
    assert datacache.load_or_build("demo", "1.0", build, any_dict) == right
    assert len(calls) == 2  # rebuilt
    assert path.read_bytes() == good  # and rewritten
    assert datacache.load_or_build("demo", "1.0", build, any_dict) == right
    assert len(calls) == 2


@pytest.mark.parametrize("offset", [0, 1, 7, -1])
def test_any_flipped_bit_of_the_payload_is_rejected(cache_dir: Path, offset: int) -> None:
    datacache.store("demo", "1.0", {"chat": 3, "chien": 2, "liste": list(range(50))})
    path = datacache.cache_path("demo", "1.0")
    assert datacache.load_stored("demo", "1.0") is not None
    size = len(path.read_bytes()) - path.read_bytes().index(b"\n") - 1
    _flip_one_bit(path, offset % size)
    assert datacache.load_stored("demo", "1.0") is None


def test_unwritable_folder_only_costs_the_speed_up(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("CHECKER_NO_DATA_CACHE", raising=False)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(blocker))
    calls: list[int] = []
    for _ in range(2):
        assert datacache.load_or_build("demo", "1.0", lambda: _counting_build(calls), _valid)["chat"] == 3
    assert len(calls) == 2


def test_no_data_cache_variable_turns_it_off(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("CHECKER_NO_DATA_CACHE", "1")
    calls: list[int] = []
    datacache.load_or_build("demo", "1.0", lambda: _counting_build(calls), _valid)
    datacache.load_or_build("demo", "1.0", lambda: _counting_build(calls), _valid)
    assert len(calls) == 2
    assert not (tmp_path / "data").exists()


def _sample_words() -> list[str]:
    """A few thousand French word forms: every 60th form of simplemma's dictionary, the words of
    the fixtures, capitalised and unknown variants."""
    from simplemma.strategies.dictionaries.dictionary_factory import _load_dictionary_from_disk

    forms = sorted(k.decode() for k in _load_dictionary_from_disk("fr"))[::60]
    for fixture in sorted((ROOT / "fixtures").glob("*.md")):
        forms += [t.text for t in tokenize(fixture.read_text(encoding="utf-8")) if t.kind == "word"]
    extra = [w.capitalize() for w in forms[::7]] + [w.upper() for w in forms[::31]]
    extra += ["agritech", "hubs", "Bakou", "azerbaïdjanais", "israélo-azerbaïdjanaise"]
    extra += ["pourrait", "qu'il", "aujourd'hui"]
    return list(dict.fromkeys(w for w in forms + extra if w))


def test_cached_dictionary_gives_the_same_lemmas_as_simplemma(cache_dir: Path) -> None:
    import simplemma

    words = _sample_words()
    assert len(words) > 3000
    expected = [simplemma.lemmatize(w, lang="fr") for w in words]
    first = [_lemmatize(w) for w in words]  # builds and writes the cache file
    assert list((cache_dir / "data").glob("simplemma-fr-table-*.bin"))
    _french_lemmatizer.cache_clear()
    second = [_lemmatize(w) for w in words]  # reads it back
    assert first == expected
    assert second == expected


def test_word_frequencies_are_wordfreqs(cache_dir: Path) -> None:
    import wordfreq

    known = list(wordfreq.get_frequency_dict("fr", "best"))[::50]
    others = ["porte-parole", "Maison", "MAISON", "aujourd’hui", "l'eau", "2024", "agritechs", "zzzz", "a b", ""]
    others += [w + "x" for w in known[::40]]
    words = known + others
    expected = [wordfreq.word_frequency(w, "fr") for w in words]
    first = [frequencies.word_frequency(w) for w in words]  # builds and writes the table
    assert any(p.name.startswith("wordfreq-fr-") for p in (cache_dir / "data").iterdir())
    frequencies._table.cache_clear()
    table = frequencies._table()
    assert all(frequencies.lookup(table, w) is not None for w in known)  # read back from the file
    second = [frequencies.word_frequency(w) for w in words]
    assert first == expected
    assert second == expected


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_frequencies_without_wordfreq_are_wordfreqs(lang: str) -> None:
    """One-token words are answered from the table alone (0 when missing, as wordfreq does), in both
    languages and on the Zipf scale too; everything else still goes to wordfreq, with the same results."""
    import wordfreq

    known = list(wordfreq.get_frequency_dict(lang, "best"))[::97]
    words = known + [w.capitalize() for w in known[::5]] + [w.upper() for w in known[::7]]
    words += [w + "q" for w in known[::3]] + ["Straße", "ÉTÉ", "Œuvre", "naïve", "e\u0301te\u0301", "İstanbul"]
    words += ["porte-parole", "l'eau", "aujourd’hui", "2024", "ﬁn", "ǅemal", "", "a b", "zzzzqx"]
    assert [frequencies.word_frequency(w, lang) for w in words] == [wordfreq.word_frequency(w, lang) for w in words]
    assert [frequencies.zipf_frequency(w, lang) for w in words] == [wordfreq.zipf_frequency(w, lang) for w in words]
    assert frequencies.one_token_form("Étés") == "étés" and frequencies.one_token_form("porte-parole") is None
    # The lists are case-folded: a capitalised word is looked up only in its lower-case form.
    assert frequencies._some_key_starts_with(lang, "m") and frequencies._some_key_starts_with(lang, "é")
    assert not frequencies._some_key_starts_with(lang, "M") and not frequencies._some_key_starts_with(lang, "É")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_hyphenated_words_are_wordfreqs_without_it(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Words of one-token parts joined by hyphens are answered from the table (each part's unrounded
    frequency recovered from its rounded value, combined as wordfreq does), with wordfreq's results;
    wordfreq itself is not asked."""
    import random

    import wordfreq

    keys = [k for k in wordfreq.get_frequency_dict(lang, "best") if frequencies.one_token_form(k) == k]
    rnd = random.Random(16)
    words = [f"{rnd.choice(keys)}-{rnd.choice(keys)}" for _ in range(2000)]
    words += [f"{rnd.choice(keys)}-{rnd.choice(keys)}-{rnd.choice(keys)}" for _ in range(500)]
    words += [f"{rnd.choice(keys)}-qzx{rnd.choice(keys)}" for _ in range(200)]  # a part missing from the list
    words += [w.title() for w in words[:300]] + ["visio-conférence", "Open-Source", "porte-parole", "ÉTÉ-HIVER"]
    expected_zipf = [wordfreq.zipf_frequency(w, lang) for w in words]
    expected = [wordfreq.word_frequency(w, lang) for w in words]
    assert any(v == 0.0 for v in expected) and any(v > 0.0 for v in expected)
    assert frequencies._filled(frequencies._table(lang))  # built (by wordfreq) before wordfreq is taken away

    def no_wordfreq(*args: object, **kwargs: object) -> float:
        raise AssertionError("wordfreq asked")

    monkeypatch.setattr(wordfreq, "zipf_frequency", no_wordfreq)
    monkeypatch.setattr(wordfreq, "word_frequency", no_wordfreq)
    assert [frequencies.zipf_frequency(w, lang) for w in words] == expected_zipf
    assert [frequencies.word_frequency(w, lang) for w in words] == expected
    assert frequencies.hyphenated_parts("Visio-Conférence") == ["visio", "conférence"]
    for other in ("a--b", "-a", "a-", "covid-19", "l'eau-de-vie", "porte parole"):
        assert frequencies.hyphenated_parts(other) is None


def test_every_bucket_is_recovered_from_its_rounded_frequency() -> None:
    """wordfreq keeps one frequency per centibel bucket, 10 ** (cB / 100); the table holds it rounded to three
    significant digits, which identifies the bucket; a value no bucket rounds to is left to wordfreq."""
    for bucket in range(0, 1200):
        frequency = 10 ** (-bucket / 100)
        assert frequencies._unrounded(frequencies._rounded(frequency)) == frequency
    assert frequencies._unrounded(0.123456) is None
    assert frequencies._unrounded(0.0) is None and frequencies._unrounded(2.0) is None


def test_values_near_the_smallest_float_are_not_a_traceback() -> None:
    """No list of wordfreq's holds them, but a damaged table can (its file has no digest): 1 / (1 / f) or the sum
    of the parts' inverses overflows, and the rounding of 0 is 0, as in wordfreq (math.log(0) raised before)."""
    for value in (1e-310, 3e-308, 5e-324):
        assert frequencies._unrounded(value) is None  # left to wordfreq
    table = b"aa\t1e-308\nbb\t1e-308\n"
    assert frequencies._combined_frequency((table, 0, len(table)), ["aa", "bb"], 0.0) == 0.0
    assert frequencies._combined_frequency((table, 0, len(table)), ["aa", "bb"], frequencies.ZIPF_FLOOR) == 1e-9


def test_frequency_table_lookup() -> None:
    table = b"abeille\t0.001\nb\t2e-05\nchat\t0.5\n\xc3\xa9t\xc3\xa9\t0.25\n"
    assert frequencies.lookup(table, "abeille") == 0.001
    assert frequencies.lookup(table, "b") == 2e-05
    assert frequencies.lookup(table, "chat") == 0.5
    assert frequencies.lookup(table, "été") == 0.25
    for absent in ("a", "abeilles", "c", "chats", "zèbre", "", "\ud800"):
        assert frequencies.lookup(table, absent) is None
    assert frequencies.lookup(b"", "chat") is None
    assert frequencies.lookup(b"no tabs here\n", "chat") is None
    assert frequencies.lookup(b"chat\tnot-a-number\n", "chat") is None


def test_frequencies_without_data_cache_ask_wordfreq(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import wordfreq

    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("CHECKER_NO_DATA_CACHE", "1")
    frequencies._table.cache_clear()
    try:
        assert frequencies._table() == frequencies.NO_TABLE
        assert frequencies.word_frequency("maison") == wordfreq.word_frequency("maison", "fr")
    finally:
        frequencies._table.cache_clear()
    assert not (tmp_path / "data").exists()


def test_cached_pyspellchecker_list_is_the_librarys(cache_dir: Path) -> None:
    from spellchecker import SpellChecker

    from checker.lexicon import Lexicon, load_pyspell

    plain = SpellChecker(language="fr", distance=1, case_sensitive=False)
    for _ in range(2):  # builds and writes the list, then reads it back
        cached = load_pyspell()
        assert any(p.name.startswith("pyspellchecker-fr-") for p in (cache_dir / "data").iterdir())
        ours, theirs = cached.word_frequency, plain.word_frequency
        assert list(ours.dictionary.items()) == list(theirs.dictionary.items())
        assert ours.letters == theirs.letters
        assert ours.longest_word_length == theirs.longest_word_length
        assert ours.total_words == theirs.total_words
        assert ours.unique_words == theirs.unique_words
        for word in ("maisonn", "gouvernment", "Bakou", "énergie", "xyzw"):
            assert cached.edit_distance_1(word) == plain.edit_distance_1(word)
            assert cached.candidates(word) == plain.candidates(word)
    lexicon = Lexicon(use_hunspell=False, use_graphspell=False)
    assert "maison" in lexicon.close_words("maisonn")


def test_result_cache_variable_leaves_it_on(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """`CHECKER_NO_CACHE` / `--no-cache` concern results only: the libraries' data stays cached."""
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("CHECKER_NO_CACHE", "1")
    monkeypatch.delenv("CHECKER_NO_DATA_CACHE", raising=False)
    calls: list[int] = []
    datacache.load_or_build("demo", "1.0", lambda: _counting_build(calls), _valid)
    datacache.load_or_build("demo", "1.0", lambda: _counting_build(calls), _valid)
    assert len(calls) == 1


def test_mapped_data_is_written_once_then_mapped(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("CHECKER_NO_DATA_CACHE", raising=False)
    calls: list[int] = []

    def build() -> bytes:
        calls.append(1)
        return b"a\t1\nb\t2\n"

    data, offset = datacache.load_or_build_mapped("table", "1.0", build)
    again, offset_again = datacache.load_or_build_mapped("table", "1.0", build)
    assert data[offset:] == again[offset_again:] == b"a\t1\nb\t2\n" and len(calls) == 1
    assert not isinstance(again, bytes)  # a memory map of the file
    (path,) = (tmp_path / "data").glob("table-*.bin")
    path.write_bytes(b"something else")  # not a file we wrote: built again
    data, offset = datacache.load_or_build_mapped("table", "1.0", build)
    assert data[offset:] == b"a\t1\nb\t2\n" and len(calls) == 2
    monkeypatch.setenv("CHECKER_NO_DATA_CACHE", "1")
    assert datacache.load_or_build_mapped("table", "1.0", build) == (b"a\t1\nb\t2\n", 0)
