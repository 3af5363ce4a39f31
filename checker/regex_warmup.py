"""The warm-up run whose compiled regular expressions `checker.regex_cache` keeps (`python -m
checker.regex_warmup`, run by `python -m checker.prepare`): in a fresh process, recording starts before
anything else is imported, then the command line is imported and every rule pack example is linted as
Markdown, as a whole HTML page without landmark and as text."""

from __future__ import annotations

import re

from checker import regex_cache, regex_lib_cache


def warm_up() -> int:
    """Record the patterns of the warm-up run and store them. How many (0 when recording is not possible)."""
    if not regex_cache.start_recording():
        return 0
    regex_lib_cache.start_recording()
    import checker.cli  # noqa: F401  (the patterns its imports compile)
    from checker.config import Config
    from checker.lint import lint_text
    from checker.matching import compile_phrase_lists
    from checker.rule_packs import load_rules

    examples: list[str] = []
    for rule in load_rules(()):
        for example in (*rule.examples_flagged, *rule.examples_accepted):
            text = example.get("text", "") if isinstance(example, dict) else example
            examples.append(re.sub(r"</?marker>", "", str(text)))
    prose = "\n\n".join(e for e in examples if e.strip())
    compile_phrase_lists(load_rules(()))
    config = Config()
    lint_text(f"---\ntitle: Essai\n---\n\n# Essai\n\n{prose}\n", config, "warm-up.md", "markdown")
    paragraphs = "".join(f"<p>{e}</p>\n" for e in examples[:200] if "<" not in e)
    lint_text(f"<!DOCTYPE html><html><body><h1>Essai</h1>\n{paragraphs}</body></html>", config, "warm-up.html", "html")
    lint_text(prose, config, "warm-up.txt", "text")
    regex_lib_cache.save_recorded()
    return regex_cache.save_recorded()


if __name__ == "__main__":
    print(f"{warm_up()} expressions régulières enregistrées")
