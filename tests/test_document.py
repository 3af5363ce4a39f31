"""The document model: visible text, exact source offsets, line:column, sentences, tokens, FAQ.

Every test checks positions against the source text itself, never against numbers copied
from a previous run.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.config import Config
from checker.document import Block, Document, split_sentences, tokenize
from checker.findings import Finding
from checker.lint import _masked, lint_document, lint_text, read_source
from checker.parse import CODE_STAND_IN, detect_format, parse_document

PLEONASM = Config(select=("wording.pleonasm",))


def _line_col(source: str, offset: int) -> tuple[int, int]:
    """Lines end at \\n, \\r\\n or a lone \\r."""
    before = source[:offset]
    line = before.count("\n") + before.count("\r") - before.count("\r\n") + 1
    return line, offset - (max(before.rfind("\n"), before.rfind("\r")) + 1) + 1


def assert_offsets_exact(doc: Document) -> None:
    """Each visible character stands at its source span (itself, an entity for it, a line break, or the
    masked code span that its stand-in word replaces)."""
    for block in doc.blocks:
        # No ends: every visible character stands for one source character (checker.document.Block).
        ends = block.ends if block.ends is not None else [o + 1 for o in block.offsets[:-1]]
        assert len(block.offsets) == len(block.text) + 1
        assert len(ends) == len(block.text)
        previous = -1
        for i, ch in enumerate(block.text):
            s, e = block.offsets[i], ends[i]
            assert 0 <= s < e <= len(doc.source), (block.text, i)
            assert s >= previous, f"offsets go backwards in {block.text!r} at {i}"
            previous = s
            seg = doc.source[s:e]
            ok = (
                seg == ch
                or (seg.startswith("&") and ch in html.unescape(seg))
                or (ch == " " and (seg.isspace() or seg.lower().startswith("<br")))
                or ((s, e) in doc.masked and seg.lower().startswith(("`", "<code")))
            )
            assert ok, f"visible {ch!r} at {i} of {block.text!r} maps to source {seg!r}"


def findings(text: str, fmt: str, config: Config = PLEONASM) -> list:
    result = lint_text(text, config, fmt=fmt)
    for f in result.findings:
        assert text[f.start : f.end] == f.text
        assert (f.line, f.column) == _line_col(text, f.start)
        assert (f.end_line, f.end_column) == _line_col(text, f.end)
    return result.findings


def visible(text: str) -> str:
    return " ".join(html.unescape(text).replace("*", "").split())


# ---------------------------------------------------------------- Markdown


def test_front_matter_is_read_and_offsets_follow_it() -> None:
    src = "---\ntitle: « Un titre »\ndate: 2026-01-27\n---\n\n# Titre\n\nIls veulent collaborer ensemble.\n"
    doc = parse_document(src, "a.md")
    assert doc.format == "markdown"
    assert doc.front_matter == {"title": "« Un titre »", "date": __import__("datetime").date(2026, 1, 27)}
    assert doc.front_matter_span is not None and src[doc.front_matter_span[0] :].startswith("---")
    # The front matter title is prose too (what readers see first), at its place in the YAML.
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("title", "« Un titre »"),
        ("heading", "Titre"),
        ("paragraph", "Ils veulent collaborer ensemble."),
    ]
    assert doc.line_col(doc.blocks[0].start) == (2, 8)
    assert_offsets_exact(doc)
    (f,) = findings(src, "markdown")
    assert f.text == "collaborer ensemble"
    assert (f.line, f.column) == (8, 13)
    assert f.suggestions == ["collaborer"]


def test_inline_markup_is_removed_but_spans_stay_exact() -> None:
    src = "Un **mot** en *emphase*, un [lien](https://exemple.fr/page) et `du code` ici.\n"
    doc = parse_document(src, "a.md")
    (block,) = doc.blocks
    assert block.text == f"Un mot en emphase, un lien et {CODE_STAND_IN} ici."
    assert_offsets_exact(doc)
    (link,) = [link for link in block.links if link.url.startswith("https")]
    assert block.text[link.start : link.end] == "lien"
    s, e = block.source_span(block.text.index("mot"), block.text.index("mot") + 3)
    assert src[s:e] == "mot"


@pytest.mark.parametrize(("fmt", "path"), [("markdown", "a.md"), ("text", "a.txt"), ("html", "a.html")])
def test_combining_accents_are_read_as_one_letter_spanning_them(fmt: str, path: str) -> None:
    """Text written with combining accents (NFD, « e » + U+0301) reads as the composed word: « ame\u0301liorer » is
    one word of the lexicon, not « ame » and « liorer » (schema.data.gouv.fr, stop 37); its span still covers the
    source's characters, accents included."""
    prose = "Pour ame\u0301liorer l\u2019e\u0301quipe, le ministe\u0300re a publie\u0301 un rapport."
    src = f"<p>{prose}</p>\n" if fmt == "html" else prose + "\n"
    doc = parse_document(src, path)
    (block,) = doc.blocks
    assert block.text == "Pour améliorer l’équipe, le ministère a publié un rapport."
    assert "améliorer" in [t.text for t in tokenize(block.text)]
    start = block.text.index("améliorer")
    s, e = block.source_span(start, start + len("améliorer"))
    assert src[s:e] == "ame\u0301liorer"
    assert not [f for f in lint_text(src, Config(), fmt=fmt).findings if f.rule_id.startswith("spelling")]


def test_a_combining_accent_written_as_a_character_reference_joins_its_letter() -> None:
    """« e&#769; » in HTML is « é », spanning the letter and the reference (second read, stop 37)."""
    src = "<p>Pour ame&#769;liorer l&rsquo;e&#x301;quipe, le ministe&#768;re a publi&eacute; un rapport.</p>\n"
    doc = parse_document(src, "a.html")
    (block,) = doc.blocks
    assert block.text == "Pour améliorer l’équipe, le ministère a publié un rapport."
    start = block.text.index("améliorer")
    s, e = block.source_span(start, start + len("améliorer"))
    assert src[s:e] == "ame&#769;liorer"
    assert not [f for f in lint_text(src, Config(), fmt="html").findings if f.rule_id.startswith("spelling")]


def test_finding_across_emphasis_covers_the_markup_between() -> None:
    src = "Ils veulent collaborer **ensemble** demain.\n"
    (f,) = findings(src, "markdown")
    assert f.text == "collaborer **ensemble"
    assert visible(f.text) == "collaborer ensemble"


@pytest.mark.parametrize(
    "prefix",
    ["« é œ ’ 😀 » ", "Ça, c’est l’été — ", "日本語 ", "e\u0301te\u0301 "],
    ids=["guillemets-emoji", "accents-dash", "cjk", "combining"],
)
def test_multibyte_characters_count_as_one_column(prefix: str) -> None:
    src = f"# Titre\n\n{prefix}ils veulent collaborer ensemble.\n"
    (f,) = findings(src, "markdown")
    assert f.line == 3
    assert f.column == len(prefix) + len("ils veulent ") + 1
    assert f.text == "collaborer ensemble"


def test_crlf_line_endings() -> None:
    src = "# Titre\r\n\r\nPremière ligne\r\nils veulent collaborer ensemble.\r\n\r\nFin.\r\n"
    doc = parse_document(src, "a.md")
    assert [b.text for b in doc.blocks] == ["Titre", "Première ligne ils veulent collaborer ensemble.", "Fin."]
    assert_offsets_exact(doc)
    (f,) = findings(src, "markdown")
    assert (f.line, f.column) == (4, 13)
    assert doc.line_text(4) == "ils veulent collaborer ensemble."


def test_entities_and_escapes_map_to_their_source() -> None:
    src = "A &amp; B, l&rsquo;&eacute;t&eacute; et \\*pas\\* d&#39;emphase.\n\n"
    src += "Au jour d&rsquo;aujourd&rsquo;hui, oui.\n"
    doc = parse_document(src, "a.md")
    assert [b.text for b in doc.blocks] == ["A & B, l’été et *pas* d'emphase.", "Au jour d’aujourd’hui, oui."]
    assert_offsets_exact(doc)
    (f,) = findings(src, "markdown")
    assert f.text == "Au jour d&rsquo;aujourd&rsquo;hui"
    assert html.unescape(f.text) == "Au jour d’aujourd’hui"
    assert (f.line, f.column) == (3, 1)


def test_a_list_quoted_in_a_blockquote_stays_a_quote_and_a_list_item() -> None:
    src = (
        "> Le guide dit :\n"
        ">\n"
        "> 1. publier le code ;\n"
        ">    suite du même point ;\n"
        ">\n"
        ">    second paragraphe du point.\n"
        "> - un autre point.\n"
        "\n"
        "- > une citation dans un point de liste\n"
        "\n"
        "> Fin de citation.\n"
    )
    doc = parse_document(src, "a.md")
    assert [(b.kind, b.list_item_in_quote, b.text[:12]) for b in doc.blocks] == [
        ("quote", False, "Le guide dit"),
        ("quote", True, "publier le c"),
        ("quote", True, "second parag"),
        ("quote", True, "un autre poi"),
        ("quote", False, "une citation"),  # a blockquote inside a list item: a quotation
        ("quote", False, "Fin de citat"),
    ]


def test_lists_quotes_and_tables_are_blocks_with_exact_offsets() -> None:
    src = (
        "- premier point\n"
        "- ils veulent **collaborer ensemble**\n"
        "  - sous-point\n"
        "\n"
        "> Une citation : collaborer ensemble.\n"
        "\n"
        "| ab | b |\n"
        "|----|---|\n"
        "| x | collaborer ensemble |\n"
    )
    doc = parse_document(src, "a.md")
    kinds = [(b.kind, b.level, b.text) for b in doc.blocks]
    assert kinds == [
        ("list_item", 1, "premier point"),
        ("list_item", 1, "ils veulent collaborer ensemble"),
        ("list_item", 2, "sous-point"),
        ("quote", 0, "Une citation : collaborer ensemble."),
        ("table_cell", 0, "ab"),
        ("table_cell", 0, "b"),
        ("table_cell", 0, "x"),
        ("table_cell", 0, "collaborer ensemble"),
    ]
    assert_offsets_exact(doc)
    b_cell = doc.blocks[5]
    assert doc.line_col(b_cell.start) == (7, 8)  # the lone "b", not the b of "ab"
    found = findings(src, "markdown")
    starts = [src.index("collaborer ensemble**"), src.index("collaborer ensemble."), src.index("collaborer ensemble |")]
    assert [(f.line, f.column) for f in found] == [_line_col(src, i) for i in starts]
    assert [(f.line, f.column) for f in found] == [(2, 17), (5, 18), (9, 7)]


def test_code_blocks_inline_code_html_blocks_and_urls_are_never_checked() -> None:
    src = (
        "Texte propre.\n"
        "\n"
        "```\n"
        "collaborer ensemble %20 **\n"
        "```\n"
        "\n"
        "    collaborer ensemble (code indenté)\n"
        "\n"
        "<div>collaborer ensemble %20</div>\n"
        "\n"
        "Voir `collaborer ensemble %20` et https://exemple.fr/a%20b/collaborer-ensemble.png ou <https://x.fr/%20>.\n"
        "\n"
        "![Carte %20](images/carte%20finale.png)\n"
    )
    doc = parse_document(src, "a.md")
    all_text = " ".join(b.text for b in doc.blocks)
    assert "collaborer" not in all_text
    assert "%20" not in all_text
    assert_offsets_exact(doc)
    assert findings(src, "markdown", Config(select=("wording", "markup"))) == []


def test_image_with_parentheses_and_reference_links_do_not_shift_offsets() -> None:
    src = "![a](img/a(1).png) Puis [texte][ref] et [court] : collaborer ensemble.\n\n[ref]: https://x.fr\n"
    doc = parse_document(src, "a.md")
    assert doc.blocks[0].text == " Puis texte et [court] : collaborer ensemble."
    assert_offsets_exact(doc)
    (f,) = findings(src, "markdown")
    assert f.column == src.index("collaborer") + 1


def test_blocks_keep_heading_path() -> None:
    doc = parse_document("# A\n\n## B\n\nTexte.\n\n## C\n\nAutre.\n", "a.md")
    assert [(b.text, b.heading_path) for b in doc.blocks] == [
        ("A", ("A",)),
        ("B", ("A", "B")),
        ("Texte.", ("A", "B")),
        ("C", ("A", "C")),
        ("Autre.", ("A", "C")),
    ]


# ---------------------------------------------------------------- FAQ


def test_faq_from_markdown_headings_and_bold_questions() -> None:
    src = (
        "# Article\n\nCorps du texte.\n\n"
        "## Questions fréquentes\n\n"
        "### Quand a eu lieu la rencontre ?\n\nLe 26 janvier 2026.\n\n"
        "**Où ?**\n\nÀ Bakou.\n\nEn Azerbaïdjan.\n\n"
        "## Suite\n\nRetour au corps.\n"
    )
    doc = parse_document(src, "a.md")
    regions = {b.text: b.region for b in doc.blocks}
    assert regions["Corps du texte."] == "body"
    assert regions["Quand a eu lieu la rencontre ?"] == "faq_question"
    assert regions["Le 26 janvier 2026."] == "faq_answer"
    assert regions["Où ?"] == "faq_question"
    assert regions["À Bakou."] == "faq_answer"
    assert regions["Retour au corps."] == "body"
    assert [(i.question.text if i.question else None, [a.text for a in i.answers]) for i in doc.faq] == [
        ("Quand a eu lieu la rencontre ?", ["Le 26 janvier 2026."]),
        ("Où ?", ["À Bakou.", "En Azerbaïdjan."]),
    ]


def test_bold_opening_of_a_paragraph_is_not_a_question() -> None:
    doc = parse_document("## FAQ\n\n**Note** : est-ce vrai ?\n", "a.md")
    assert doc.faq == []


def test_faq_from_front_matter_maps_to_the_yaml_text() -> None:
    src = "---\ntitle: T\nfaq:\n  - question: Pourquoi Bakou ?\n    answer: Pour collaborer ensemble.\n---\n\nCorps.\n"
    doc = parse_document(src, "a.md")
    (item,) = doc.faq
    assert item.source == "front_matter"
    assert item.question is not None and item.question.region == "faq_question"
    assert item.question.text == "Pourquoi Bakou ?"
    assert [a.text for a in item.answers] == ["Pour collaborer ensemble."]
    assert [b.text for b in doc.blocks] == ["T", "Pourquoi Bakou ?", "Pour collaborer ensemble.", "Corps."]
    assert_offsets_exact(doc)
    (f,) = findings(src, "markdown")
    assert (f.line, f.column, f.text) == (5, 18, "collaborer ensemble")


def test_html_faq_jsonld_is_read() -> None:
    payload = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebPage", "name": "x"},
            {
                "@type": ["FAQPage"],
                "mainEntity": [
                    {
                        "@type": "Question",
                        "name": "Quand ?",
                        "acceptedAnswer": {"@type": "Answer", "text": "<p>Le 26&nbsp;janvier.</p>"},
                    },
                    {"@type": "Question", "name": "Où ?", "acceptedAnswer": [{"text": "À Bakou."}]},
                ],
            },
        ],
    }
    src = (
        '<html><head><script type="application/ld+json">'
        + json.dumps(payload, ensure_ascii=False)
        + "</script></head><body><p>Texte.</p></body></html>"
    )
    doc = parse_document(src, "a.html")
    assert doc.jsonld_faq == [("Quand ?", "Le 26\u00a0janvier."), ("Où ?", "À Bakou.")]
    assert doc.jsonld_span is not None and src[doc.jsonld_span[0]] == "{"
    assert [b.text for b in doc.blocks] == ["Texte."]


def test_jsonld_single_question_and_broken_json() -> None:
    one = {"@type": "FAQPage", "mainEntity": {"name": "Q ?", "acceptedAnswer": {"text": "R."}}}
    doc = parse_document(f'<script type="application/ld+json">{json.dumps(one)}</script><p>x</p>', "a.html")
    assert doc.jsonld_faq == [("Q ?", "R.")]
    doc = parse_document('<script type="application/ld+json">{not json</script><p>x</p>', "a.html")
    assert doc.jsonld_faq == []
    assert [b.text for b in doc.blocks] == ["x"]


def test_html_faq_headings_and_bold_questions() -> None:
    src = "<h2>FAQ</h2><p><strong>Pourquoi ?</strong></p><p>Parce que.</p><h2>Fin</h2><p>Corps.</p>"
    doc = parse_document(src, "a.html")
    assert [(b.text, b.region) for b in doc.blocks] == [
        ("FAQ", "body"),
        ("Pourquoi ?", "faq_question"),
        ("Parce que.", "faq_answer"),
        ("Fin", "body"),
        ("Corps.", "body"),
    ]


@pytest.mark.parametrize(
    ("source", "path"),
    [
        (
            "Il équipe Android. `Dnsmasq` est populaire. Un fichier `a.b; c. D` suffit. Fin `>>` Lire la suite.\n",
            "a.md",
        ),
        (
            "<p>Il équipe Android. <code>Dnsmasq</code> est populaire. Un fichier <code>a.b; c. D</code> suffit."
            " Fin <code>&gt;&gt;</code> Lire la suite.</p>",
            "a.html",
        ),
    ],
)
def test_inline_code_keeps_its_place_in_the_sentence(source: str, path: str) -> None:
    # Dropped, `Dnsmasq` took the subject with it and glued the sentence to the one before (« Android.
    # est populaire »); its own characters (`a.b; c. D`) must not cut sentences; a symbol is not a word.
    doc = parse_document(source, path)
    (block,) = doc.blocks
    assert [block.text[s.start : s.end] for s in block.sentences] == [
        "Il équipe Android.",
        "Dnsmasq est populaire.",
        f"Un fichier {CODE_STAND_IN} suffit.",
        "Fin  Lire la suite." if path == "a.md" else "Fin Lire la suite.",  # HTML collapses white space
    ]
    assert_offsets_exact(doc)
    assert [source[s:e] for s, e in doc.masked][:2] == (
        ["`Dnsmasq`", "`a.b; c. D`"] if path == "a.md" else ["<code>Dnsmasq</code>", "<code>a.b; c. D</code>"]
    )


def test_inline_code_is_never_the_finding() -> None:
    # The stand-in word is masked: an identifier unknown to the dictionary, or lower case at a sentence's
    # start, is not reported; the prose around it still is.
    for code in ("`frobnicatrix`", "<code>frobnicatrix</code>"):
        src = f"Le paquet s’appelle {code}. {code} est utile\u00a0; il trie les fichers.\n"
        found = lint_text(src, Config(), path="a.md").findings
        assert [(f.rule_id, f.text) for f in found if f.family != "readability"] == [
            ("spelling.unknown-word", "fichers")
        ]


@pytest.mark.parametrize(
    ("start", "end", "family", "dropped"),
    [
        (3, 13, "grammar", True),  # inside the code
        (0, 5, "grammar", True),  # touching it
        (14, 20, "grammar", False),  # the prose after it
        (3, 30, "readability", False),  # a sentence that starts with the code
        (0, 30, "readability", False),  # a paragraph that contains it
        (3, 12, "readability", False),  # a heading that is only the code (« # `checker` »)
    ],
)
def test_a_finding_touching_masked_code_is_dropped_unless_it_measures_the_text_around(
    start: int, end: int, family: str, dropped: bool
) -> None:
    src = "Ah `Dnsmasq` est un petit serveur.\n"
    doc = parse_document(src, "a.md")
    assert doc.masked == [(3, 12)]
    text = src[start:end]
    finding = Finding(f"{family}.x", family, "warning", "m", "a.md", start, end, 1, start + 1, 1, end + 1, text)
    assert _masked(doc, finding) is dropped


@pytest.mark.parametrize(
    ("source", "sentences"),
    [
        # One letter or an abbreviation would read as an initial or « min. »: the neutral name stands in.
        ("La variable vaut `x`. Ensuite on trie.\n", [f"La variable vaut {CODE_STAND_IN}.", "Ensuite on trie."]),
        ("Appelez `min`. Puis relancez.\n", [f"Appelez {CODE_STAND_IN}.", "Puis relancez."]),
        # A vowel would ask for an elision before the code (« de `option` »).
        ("La valeur de `option` est vraie.\n", [f"La valeur de {CODE_STAND_IN} est vraie."]),
        # HTML entities are part of the code: `a&b` is not one word.
        ("<p>Voir <code>a&amp;b</code> ici.</p>", [f"Voir {CODE_STAND_IN} ici."]),
        ("<p>Voir <CODE>Dnsmasq</CODE> ici.</p>", ["Voir Dnsmasq ici."]),
        # A <code> its paragraph closes ends there: the next paragraphs are prose.
        ("<p>Voir <code>ouvert sans fin.</p><p>La suite est lue.</p>", [f"Voir {CODE_STAND_IN}", "La suite est lue."]),
        # Its late </code> closes nothing (the <pre> after it stays code); a <br> inside it adds no space.
        ("<p>Voir <code>a</p><pre>b</code> c d e</pre><p>Fin.</p>", [f"Voir {CODE_STAND_IN}", "Fin."]),
        ("<p>Voir<code>a<br>b</code>ici.</p>", [f"Voir{CODE_STAND_IN}ici."]),
        # A link its paragraph closes does not reach into the next one (it used to crash the reader).
        (
            "<p>Un paragraphe avant <a href='u'>le lien</p><p>Puis</a> la suite.</p>",
            ["Un paragraphe avant le lien", "Puis la suite."],
        ),
        # <code> written in Markdown is code as well.
        (
            "Voir <code>x</code>. Puis <code class='py'>Dnsmasq</code> ici.\n",
            [f"Voir {CODE_STAND_IN}.", "Puis Dnsmasq ici."],
        ),
        # Its text has entities decoded: only the tags are looked for in the source (« foo » comes later).
        (
            "Le code <code>&#102;oo</code> et foo aussi. Ensuite on part.\n",
            ["Le code Foo et foo aussi.", "Ensuite on part."],
        ),
    ],
)
def test_inline_code_stand_in_never_changes_the_sentences_around(source: str, sentences: list[str]) -> None:
    doc = parse_document(source, "a.html" if source.startswith("<") else "a.md")
    assert [s.text for b in doc.blocks for s in b.sentences] == sentences
    assert_offsets_exact(doc)
    assert lint_text(source, Config(select=("grammar",)), fmt=doc.format).findings == []


# ---------------------------------------------------------------- HTML


def test_html_visible_text_only() -> None:
    src = (
        "<!DOCTYPE html>\n<html><head><title>Le titre</title><style>p { color: red }</style>"
        "<meta charset='utf-8'></head>\n<body>\n<h1>Tête</h1>\n"
        "<p>Un &amp; deux&nbsp;trois,\n   <a href='https://x.fr'>un lien</a> <code>x = 1</code>"
        " l&rsquo;&eacute;t&eacute;<br>suite.</p>\n"
        "<script>var collaborer = 'ensemble';</script>\n<ul><li>point</li></ul>\n"
        "<blockquote>citation</blockquote><table><tr><td>cellule</td></tr></table>\n</body></html>\n"
    )
    doc = parse_document(src, "a.html")
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("title", "Le titre"),
        ("heading", "Tête"),
        ("paragraph", f"Un & deux\u00a0trois, un lien {CODE_STAND_IN} l’été suite."),
        ("list_item", "point"),
        ("quote", "citation"),
        ("table_cell", "cellule"),
    ]
    assert_offsets_exact(doc)
    para = doc.blocks[2]
    (link,) = para.links
    assert para.text[link.start : link.end] == "un lien" and link.url == "https://x.fr"


def test_html_finding_positions() -> None:
    src = "<html>\n<body>\n  <p>Les deux pays veulent\n     collaborer ensemble.</p>\n</body>\n</html>\n"
    (f,) = findings(src, "html")
    assert (f.line, f.column, f.text) == (4, 6, "collaborer ensemble")
    src = "<p>Au jour d&rsquo;aujourd&rsquo;hui, oui.</p>"
    (f,) = findings(src, "html")
    assert f.text == "Au jour d&rsquo;aujourd&rsquo;hui"


# ---------------------------------------------------------------- plain text


def test_plain_text_one_paragraph_per_line() -> None:
    src = "%20(26).png)\nLe 26 janvier, ils veulent collaborer ensemble.\n\n  Dernière ligne.\n"
    doc = parse_document(src, "a.txt")
    assert doc.format == "text"
    assert [b.text for b in doc.blocks] == [
        "%20(26).png)",
        "Le 26 janvier, ils veulent collaborer ensemble.",
        "  Dernière ligne.",
    ]
    assert_offsets_exact(doc)
    found = findings(src, "text", Config(select=("wording.pleonasm", "markup.broken-image")))
    assert [(f.rule_id, f.line, f.column, f.text) for f in found] == [
        ("markup.broken-image", 1, 1, "%20(26).png)"),
        ("wording.pleonasm", 2, 28, "collaborer ensemble"),
    ]


@pytest.mark.parametrize(
    ("path", "source", "fmt"),
    [
        ("a.md", "x", "markdown"),
        ("a.markdown", "x", "markdown"),
        ("a.html", "x", "html"),
        ("a.htm", "x", "html"),
        ("a.txt", "# x", "text"),
        ("noext", "<!DOCTYPE html><p>x</p>", "html"),
        ("noext", "---\ntitle: x\n---\n", "markdown"),
        ("noext", "## Titre\n", "markdown"),
        ("noext", "Du texte.", "text"),
    ],
)
def test_detect_format(path: str, source: str, fmt: str) -> None:
    assert detect_format(path, source) == fmt


# ---------------------------------------------------------------- sentences and tokens


def test_sentences_split_on_french_punctuation_not_abbreviations() -> None:
    text = "M. Dupont est venu à 10 h. Il a dit : « Oui ! » Puis il est parti… Le 3.5 % reste. Fin ?"
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "M. Dupont est venu à 10 h.",
        "Il a dit : « Oui ! »",
        "Puis il est parti…",
        "Le 3.5 % reste.",
        "Fin ?",
    ]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # « etc. » closes its sentence before a capital only.
        (
            "Des corrections, de la documentation, etc. Ensuite, nous avancerons. Du pain, etc. et du lait.",
            ["Des corrections, de la documentation, etc.", "Ensuite, nous avancerons.", "Du pain, etc. et du lait."],
        ),
        # Initials join a name, but a capital letter ends a sentence before a word no name starts with.
        (
            "Selon J. Durand et J.-M. Le Pen, oui. Il écrit du code C. C’est peu. La vitamine D. Elle aide.",
            [
                "Selon J. Durand et J.-M. Le Pen, oui.",
                "Il écrit du code C.",
                "C’est peu.",
                "La vitamine D.",
                "Elle aide.",
            ],
        ),
        (
            "Le plan B. Les autres suivent. Selon A. N’Diaye, oui. Voir le point C. Aujourd’hui, rien.",
            ["Le plan B.", "Les autres suivent.", "Selon A. N’Diaye, oui.", "Voir le point C.", "Aujourd’hui, rien."],
        ),
    ],
)
def test_a_full_stop_after_etc_or_a_capital_letter(text: str, sentences: list[str]) -> None:
    assert [text[s:e] for s, e in split_sentences(text)] == sentences


def test_sentence_and_token_offsets_map_to_source() -> None:
    src = "# T\n\nL’IA **aujourd’hui** : 1 200 emplois. Qu’en pense-t-on ?\n"
    doc = parse_document(src, "a.md")
    block = doc.blocks[1]
    sentences = block.sentences
    assert [s.text for s in sentences] == ["L’IA aujourd’hui : 1 200 emplois.", "Qu’en pense-t-on ?"]
    assert [(t.text, t.kind) for t in sentences[0].tokens] == [
        ("L’", "word"),
        ("IA", "word"),
        ("aujourd’hui", "word"),
        (":", "punct"),
        ("1 200", "number"),
        ("emplois", "word"),
        (".", "punct"),
    ]
    for sentence in sentences:
        for tok in sentence.tokens:
            s, e = sentence.source_span(tok.start, tok.end)
            assert src[s:e] == tok.text
    s, e = sentences[1].source_span()
    assert src[s:e] == "Qu’en pense-t-on ?"


def test_tokenize_keeps_hyphenated_words_and_elisions() -> None:
    assert [t.text for t in tokenize("jusqu’à l'agri-tech, presqu’île")] == [
        "jusqu’",
        "à",
        "l'",
        "agri-tech",
        ",",
        "presqu’île",
    ]


def test_source_span_of_empty_and_out_of_range_spans() -> None:
    block = Block("paragraph", "abc", [10, 11, 12, 13], ends=[11, 12, 13])
    assert block.source_span(1, 1) == (11, 11)
    assert block.source_span(-5, 99) == (10, 13)


def test_empty_and_whitespace_documents() -> None:
    for fmt in ("markdown", "html", "text"):
        for src in ("", "\n\n", "   ", "\ufeff"):
            doc = parse_document(src, "x", fmt)
            assert [b for b in doc.blocks if b.text.strip() and b.text != "\ufeff"] == []


def test_the_sample_article_maps_exactly(sample_md, sample_raw) -> None:  # type: ignore[no-untyped-def]
    for path in (sample_md, sample_raw):
        doc = parse_document(path.read_text(encoding="utf-8"), str(path))
        assert len(doc.blocks) > 5
        assert_offsets_exact(doc)


# ---------------------------------------------------------------- property test

_PIECES = st.sampled_from(
    [
        "mot",
        "été",
        "œuvre",
        "😀",
        "« cité »",
        "l’IA",
        " ",
        "  ",
        "\n",
        "\r\n",
        "\n\n",
        "**",
        "*",
        "_",
        "`",
        "``",
        "[",
        "]",
        "(",
        ")",
        "](http://x.fr/a)",
        "![i](a.png)",
        "<b>",
        "</b>",
        "<br>",
        "&amp;",
        "&eacute;",
        "&#233;",
        "&bogus;",
        "\\*",
        "\\",
        "# ",
        "## ",
        "- ",
        "1. ",
        "> ",
        "| a | b |\n|---|---|\n",
        "```\n",
        "---\n",
        "https://ex.fr/p",
        "%20",
        "?",
        ".",
        "\t",
        "\u00a0",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join), st.sampled_from(["markdown", "html", "text"]))
def test_any_input_parses_with_exact_offsets(src: str, fmt: str) -> None:
    doc = parse_document(src, "x", fmt)
    assert_offsets_exact(doc)
    for block in doc.blocks:
        for sentence in block.sentences:
            s, e = sentence.source_span()
            assert 0 <= s <= e <= len(src)


FIXTURE_FILES = sorted(p for p in (Path(__file__).resolve().parent.parent / "fixtures").rglob("*") if p.is_file())


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.name)
def test_every_fixture_finding_starts_and_ends_on_visible_text(path: Path) -> None:
    """Stronger than `source[start:end] == text`: a span begins at a visible character and ends just
    after one, so it never cuts markup, an entity or a URL in half. Findings about JSON-LD point into
    its JSON text instead."""
    source = read_source(path)
    doc = parse_document(source, str(path))
    starts = {o for b in doc.blocks for o in b.offsets[:-1]}
    ends = {e for b in doc.blocks for e in (b.ends if b.ends is not None else [o + 1 for o in b.offsets[:-1]])}
    result = lint_document(doc, Config(grammar_engine="auto"))
    for f in result.findings:
        if doc.jsonld_span and doc.jsonld_span[0] <= f.start < f.end <= doc.jsonld_span[1]:
            continue
        assert f.start in starts and f.end in ends, f


ASIDES = """# Le sommet de Bakou

Par Jean Dupont et Marie Curie

Le ministre a parlé hier à Bakou. Emmanuel Macron a répondu.

À lire aussi : Le gouvernemnt prépare un budget

> Merci à tous pour ce sommet historique ! pic.twitter.com/abc123 — Emmanuel Macron (@EmmanuelMacron) June 3, 2024

Photo : AFP / Jean Dupont. Le gouvernemnt reçoit.
"""


def test_non_prose_blocks_are_recognised_and_not_checked_as_prose() -> None:
    from checker.config import Config
    from checker.lint import lint_text
    from checker.parse import parse_document

    doc = parse_document(ASIDES, "a.md")
    assert [b.aside for b in doc.blocks] == [None, "byline", None, "read-also", "tweet", "caption"]
    assert [b.aside for b in parse_document("Par ailleurs, le ministre parle.\n", "a.txt").blocks] == [None]
    # « À écouter aussi » too (the intent of a definition that a later one had replaced, restored in stop 49).
    listen = ASIDES.replace("À lire aussi", "À écouter aussi")
    assert [b.aside for b in parse_document(listen, "a.md").blocks][3] == "read-also"
    # A link to a post inside prose embeds nothing: the paragraph is the writer's and is checked (Putain de code's
    # articles, stop 43: « [Certains points de vue](https://twitter.com/…/status/…) » hid a whole paragraph).
    linked = "Il y a une différence. J'ai [écrit](https://x.com/panva/status/13909574096) que la norme compte.\n"
    assert [b.aside for b in parse_document(linked, "a.md").blocks] == [None]
    found = lint_text(ASIDES, Config(preset="picky"), fmt="markdown").findings
    assert not [f for f in found if f.family in ("spelling", "repetition", "grammar", "readability", "claims")]
    # A caption is still typeset: its missing no-break space is reported.
    assert [f.rule_id for f in found] == ["typography.space-before-punct"]
    prose = lint_text(ASIDES.replace("À lire aussi : ", ""), Config(select=("spelling",)), fmt="markdown")
    assert [f.text for f in prose.findings] == ["gouvernemnt"]


REFERENCES = """# Revue de presse

- [Logiciel libres et Health Data Hub au menu du rapport](https://www.nextinpact.com/1), nextinpact.com, 2021
- [La Commission européenne "fervent utilisateur des logiciels libres"](https://www.zdnet.fr/blogs/2) (zdnet.fr)
- [Communs numériques : une forme d'action collective ?](https://openedition.org/t/7) openedition.org, 2021
- [Une boîte à outils numériques partagés à l’avenir incertain](https://a.fr/une-boite-a-outils-numeriques-partages-a-lavenir-incertain)
- [A l’école, on limite les logiciel propriétaires](https://www.lemonde.fr/a-l-ecole), lemonde.fr, Novembre 2022
- [Lisez les logiciel libres du guide](https://example.org/guide) pour commencer
- [Les logiciel libres du guide](https://example.org/guide)
- Voir [les logiciel libres du guide](https://example.org/guide), page 3
- [Présentation générale de Apache Superset](https://example.org/static/index.html), Quentin Leroy, MI.
- [Nos formation gratuites en ligne](https://example.org/formations) – Inscriptions ouvertes, juin 2024
- [Comment publier vos donnée sur data.gouv.fr](https://doc.data.gouv.fr/p), voir aussi la FAQ sur doc.data.gouv.fr
- [Les projet du gouvernement](https://www.lemonde.fr/les-projets-du-gouvernement), lemonde.fr
"""


def test_a_list_item_citing_an_article_is_a_reference_whose_title_is_not_corrected() -> None:
    from checker.config import Config
    from checker.lint import lint_text
    from checker.parse import parse_document

    doc = parse_document(REFERENCES, "a.md")
    # A title, then its site (or an address that spells the title); not a link the writer's own sentence goes on
    # from, a bare link, a talk's title followed by its speaker, nor the writer's own label followed by a date.
    assert [b.aside for b in doc.blocks] == [None, *["reference"] * 5, None, None, None, None, None, None, "reference"]
    found = lint_text(REFERENCES, Config(select=("grammar",)), fmt="markdown").findings
    # « Logiciel libres » is the title as nextinpact published it; the writer's own items are flagged.
    # « Les projet » is flagged though cited: the address spells « projets », the writer miscopied the title.
    assert sorted({f.line for f in found if f.rule_id == "grammar.agreement"}) == [8, 9, 10, 12, 13, 14]
    # In a cited title, accents on capitals are still set (« A » → « À »); after it, the date is the writer's.
    kept = {(f.line, f.text) for f in found if f.rule_id != "grammar.agreement"}
    assert {(7, "A"), (7, "Novembre"), (11, "de ")} <= kept, kept


INTERVIEW = """# Claire Martin, directrice du numérique

Claire Martin dirige le numérique de la ville depuis 2021. La nouvelle plateforme pourrait réduire les délais de moitié.

## Quel est votre parcours ?

J’ai commencé comme développeuse, puis j’ai rejoint la ville en 2015.

## Comment travaillez-vous avec les élus ?

Je les vois chaque semaine. Le projet pourrait aboutir l’an prochain, et les délais baisseraient de moitié.
Nous tenons des workshops avec les services, les associations, les habitants des quartiers et les agents, \
puis nous reprenons chaque demande, nous la classons, nous la chiffrons et nous la présentons aux élus, qui \
décident de ce qui sera fait dans l’année et de ce qui attendra le budget suivant.

**Et demain, qu’est-ce qui t’attend ?**

Mon équipe devrait doubler, je pense.

## Le calendrier

La mise en service pourrait intervenir en mars.
"""

GUIDE = """# Publier ses données

## Comment publier vos données ?

Le portail pourrait accepter vos fichiers au format CSV. Il est susceptible de refuser les fichiers trop lourds.

## Quand mettre à jour votre jeu de données ?

Une mise à jour devrait suivre chaque changement du fichier.

## Qui contacter si vous avez une question ?

L’équipe du portail pourrait vous répondre sous deux jours.
"""


def test_an_interviews_answers_are_the_interviewees_words_and_raise_no_claim() -> None:
    doc = parse_document(INTERVIEW, "a.md")
    assert [b.text[:12] for b in doc.blocks if b.speech] == ["J’ai commenc", "Je les vois ", "Mon équipe d"]
    claims = lint_text(INTERVIEW, Config(select=("claims",)), fmt="markdown").findings
    # The writer's own lede and the section after the interview keep their claims; the answers raise none.
    assert sorted({f.line for f in claims}) == [3, 20], [(f.line, f.rule_id, f.text) for f in claims]
    # Nor long sentences or anglicisms, which are not looked for in quotations either.
    spared = lint_text(INTERVIEW, Config(select=("readability", "wording")), fmt="markdown").findings
    assert not [f for f in spared if f.rule_id in ("readability.long-sentence", "wording.anglicism-franceterme")]
    outside = INTERVIEW.replace("La mise en service", "Nous tenons des workshops. La mise en service")
    assert [f.line for f in lint_text(outside, Config(select=("wording",)), fmt="markdown").findings] == [20]
    # Its grammar and spelling are still checked (a transcription error is the writer's to fix).
    assert lint_text(INTERVIEW.replace("les vois", "les voit"), Config(select=("grammar",)), fmt="markdown").findings
    # An engine's pleonasm is the interviewee's wording in an answer, the writer's in the section after it (the rule
    # is off by default since stop 40: selected by name).
    spoken = INTERVIEW.replace("Je les vois chaque semaine.", "Je les vois, puis après ils décident.")
    grammar = Config(select=("grammar.style",))
    assert not [f for f in lint_text(spoken, grammar, fmt="markdown").findings if f.rule_id == "grammar.style"]
    written = INTERVIEW.replace("La mise en service", "Les élus votent, puis après la mise en service")
    style = [f for f in lint_text(written, grammar, fmt="markdown").findings if f.rule_id == "grammar.style"]
    assert [(f.line, f.text) for f in style] == [(20, "puis après")]


def test_questions_to_the_reader_answered_without_i_are_no_interview() -> None:
    doc = parse_document(GUIDE, "a.md")
    assert not any(b.speech for b in doc.blocks)
    assert len(lint_text(GUIDE, Config(select=("claims",)), fmt="markdown").findings) >= 3
    # Two answers in the first person are not enough: an author may answer a reader's question as « je ».
    two = INTERVIEW.replace("**Et demain, qu’est-ce qui t’attend ?**", "Et demain ?")
    assert not any(b.speech for b in parse_document(two, "a.md").blocks)


REVIEW = """# Mon avis sur la nouvelle liseuse

## Qu’allez-vous trouver dans la boîte ?

J’ai trouvé la liseuse, un câble et une housse. Elle serait la plus légère du marché.

## Votre lecture sera-t-elle plus confortable ?

Chez moi, l’écran a tout changé. Le prix devrait baisser à la rentrée.

## Faut-il vous l’offrir ?

Je la recommande. Elle permettrait de lire deux fois plus longtemps.
"""

EXPLAINER = """# Santé : ce qui change pour vous en janvier

Plusieurs mesures entrent en vigueur le 1er janvier.

**Votre consultation coûtera-t-elle plus cher ?**

Le tarif passe à 30 euros. « Je n’ai jamais autant payé », regrette une patiente. La hausse pourrait atteindre 5 %.

**Où trouver vos remboursements ?**

Dans Mon espace santé. « Ma mutuelle ne m’a rien dit », raconte un retraité. Le délai devrait baisser.

**Votre pharmacien peut-il vous vacciner ?**

Oui. Me Durand, avocate, rappelle que la loi le permet. Les pharmacies seraient prêtes.
"""

SELF_QA = """# Cours de piano à domicile à Nantes

Voici les réponses aux questions les plus fréquentes.

## Quels sont vos tarifs ?

Mes cours coûtent 40 euros, et ma méthode permettrait de progresser deux fois plus vite.

## Où donnez-vous vos cours ?

Je me déplace dans toute l’agglomération.

## Proposez-vous un cours d’essai ?

Je propose un premier cours gratuit : vous pourrez juger par vous-même.
"""

HTML_INTERVIEW = """<article><h1>Trois questions à Claire Dubois</h1>
<p>Claire Dubois dirige la fédération des agents immobiliers.</p>
<p><strong>Comment voyez-vous l’année ?</strong></p><p>Je suis optimiste, les prix devraient remonter.</p>
<p><strong>Les taux vont-ils baisser, selon vous ?</strong></p><p>Je le pense, la banque pourrait les baisser.</p>
<p><strong>Que conseillez-vous aux acheteurs ?</strong></p><p>Je leur dis d’acheter, les vendeurs seraient prêts.</p>
<p><strong>Un marché encore fragile</strong></p><p>Les prix pourraient encore reculer de 2 %.</p>
</article>"""


@pytest.mark.parametrize(
    ("text", "path", "speech"),
    [
        (REVIEW, "a.md", []),  # the writer's own « Mon avis »: the answers are the writer's
        (EXPLAINER, "a.md", []),  # quotations, « Mon espace santé » and « Me Durand » are not the answer's « je »
        # Nobody introduced by name, and answers that address the reader: a page answering its readers.
        (SELF_QA, "a.md", []),
        (SELF_QA.replace("# Cours de piano à domicile à Nantes", "# Trois questions à Claire Dubois"), "a.md", []),
        # In HTML, bold questions; a bold intertitle that is no question ends the interview.
        (HTML_INTERVIEW, "a.html", ["Je suis opti", "Je le pense,", "Je leur dis "]),
        (INTERVIEW.replace("## Quel est votre parcours ?", "*Quel est votre parcours ?*"), "a.md",
         ["J’ai commenc", "Je les vois ", "Mon équipe d"]),  # a question in italics
        # The press's usual title: the interviewee, a colon, a quotation.
        (INTERVIEW.replace("# Claire Martin, directrice du numérique", "# Claire Martin : « La ville doit accélérer »"),
         "a.md", ["J’ai commenc", "Je les vois ", "Mon équipe d"]),
    ],
)
def test_what_is_an_interview(text: str, path: str, speech: list[str]) -> None:
    assert [b.text[:12] for b in parse_document(text, path).blocks if b.speech] == speech


def test_a_bold_faq_question_with_a_long_styled_tag_is_a_question() -> None:
    # The look-back for the bold mark is bounded (a minified page is one line), but a CMS tag with classes and
    # styles still fits in it.
    tag = '<strong class="faq-question has-text-color has-vivid-blue-color" style="font-size:18px;font-weight:700">'
    html = (
        f"<article><h1>Titre</h1><p>Le gouvernement pourrait agir.</p><h2>FAQ</h2><p>{tag}Que fait le gouvernement ?"
        f"</strong></p><p>Il agit.</p><p>{tag}Qui est concerné ?</strong></p><p>Tout le monde.</p></article>"
    )
    assert [item.question.text for item in parse_document(html, "x.html").faq] == [
        "Que fait le gouvernement ?",
        "Qui est concerné ?",
    ]


def test_a_named_professionals_own_questions_page_is_no_interview() -> None:
    # The name is in the lede, not in a title that introduces someone: her page, her claims.
    text = SELF_QA.replace(
        "Voici les réponses aux questions les plus fréquentes.",
        "Julie Moreau, professeure de piano, répond aux questions de ses élèves.",
    ).replace("vous pourrez juger par vous-même", "chacun juge sur pièce")
    assert not any(b.speech for b in parse_document(text, "a.md").blocks)


def test_italics_are_recorded_as_visible_spans_in_markdown_and_html() -> None:
    """`Block.italics` (stop 52): Markdown « *…* » and « _…_ » (not bold), HTML <em> and <i>, as visible offsets that
    stay right after a template tag is dropped and after HTML white space is collapsed."""
    md = parse_document("Il faut éviter les *race conditions* et les _deadlocks_, **pas** le reste.\n", "a.md")
    block = md.blocks[0]
    assert [block.text[a:b] for a, b in block.italics] == ["race conditions", "deadlocks"]
    templated = parse_document("Un {{< note >}} texte avec un *terme anglais* ici.\n", "b.md")
    block = templated.blocks[0]
    assert [block.text[a:b] for a, b in block.italics] == ["terme anglais"]
    page = parse_document("<p>Il   faut <em>vraiment</em>\n   éviter les <i>race   conditions</i>.</p>", "c.html")
    block = page.blocks[0]
    assert [block.text[a:b] for a, b in block.italics] == ["vraiment", "race conditions"]
