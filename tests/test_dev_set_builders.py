"""The builders of the development sets kept outside the repository (bench/make_*_dev.py): what they keep of a
Markdown source."""

from __future__ import annotations

import sys

from bench_scripts import BENCH, load_bench  # tests/bench_scripts.py

GUIDE_SHEET = """# Fiche n°12 : Informer les personnes

* Il faut informer les personnes concernées :

    * **en cas de collecte directe** ;

    * lorsqu’elles sont observées.

    <summary>Un résumé indenté</summary>

| colonne | tableau |
"""


def test_the_cnil_guide_keeps_its_nested_lists_and_nothing_else_indented() -> None:
    convert = load_bench("make_heldout_corpus").convert
    _, nested = convert(GUIDE_SHEET, keep_indentation=True)
    assert "\n    * **en cas de collecte directe** ;\n" in nested
    assert "\n    * lorsqu’elles sont observées.\n" in nested
    # Another indented line would read as a code block; tables and HTML are left out as for the other sets.
    assert "\nUn résumé indenté\n" in nested and "colonne" not in nested
    _, flat = convert(GUIDE_SHEET)
    assert "\n* **en cas de collecte directe** ;\n" in flat and "    *" not in flat


def test_a_cnil_sheet_is_named_after_its_number_and_title_in_ascii() -> None:
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))  # the builder imports its sibling scripts as modules
    file_name = load_bench("make_cnil_dev").file_name
    assert file_name("13", "Préparer l'exercice des droits des personnes") == (
        "cnil-13-preparer-l-exercice-des-droits-des-personnes.md"
    )
