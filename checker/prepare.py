"""Fill the data cache now (`python -m checker.prepare`; `make` runs it after installing), so that
no lint run, the first one included, pays for decoding the word lists.

Its own module: the modules whose data it warms import `checker.datacache`, so the warming
cannot live there without an import cycle.
"""

from __future__ import annotations

from pathlib import Path

from checker import frequencies
from checker.document import lemma
from checker.lexicon import load_pyspell
from checker.suggest import prepare as prepare_suggestions


def compile_package() -> bool:
    """Byte-compile checker's own modules, as pip does when it installs a package. An editable install
    leaves them to the first import, and with PYTHONDONTWRITEBYTECODE=1 every run compiled most of them
    again (a tenth of a second of CPU of every cold lint). Whether every module compiled."""
    import compileall

    return bool(compileall.compile_dir(Path(__file__).parent, quiet=1))


def prepare() -> None:
    compile_package()
    lemma("renforcera")
    for lang in frequencies.LANGUAGES:
        frequencies.word_frequency("pôle", lang)
    load_pyspell()
    prepare_suggestions()  # the SymSpell index (checker/suggest.py), about 8 s once
    prepare_grammalecte_lexicon()
    record_regexes()


def prepare_grammalecte_lexicon() -> None:
    """Grammalecte's lexicon decoded once into the data cache (checker/engines/grammalecte_engine.py)."""
    from checker.engines import EngineUnavailable, grammalecte_engine

    try:
        grammalecte_engine.import_grammalecte()
    except EngineUnavailable:
        return
    grammalecte_engine.decoded_dictionary()


def record_regexes(env: dict[str, str] | None = None) -> None:
    """The compiled patterns of a warm-up run (checker/regex_warmup.py, checker/regex_cache.py), recorded in
    a fresh process so that the patterns compiled at import time are among them."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "checker.regex_warmup"], check=False, capture_output=True, env=env)
    if done.returncode != 0:  # not fatal (runs compile their patterns as usual), but say why
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["?"]
        print(f"checker.prepare: compiled patterns not recorded: {reason[0]}", file=sys.stderr)


if __name__ == "__main__":
    prepare()
