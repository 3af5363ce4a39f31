"""What counts as prose in a real site's files, from the command line: template markup (Hugo, Liquid,
Jinja) and configured ignore patterns are not prose; front matter title and description are, at their
exact place; a whole HTML page is linted like an article (main content, <title>, meta description);
vocabularies (accept and reject lists, from files, per folder) and configuration inheritance."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from checker.cli import main
from checker.parse import parse_document

FAST = ["--jobs", "1", "--format", "json"]


def lint_json(*args: str) -> tuple[int, list[dict[str, object]], str]:
    result = CliRunner().invoke(main, ["lint", *FAST, *args], catch_exceptions=False)
    findings = json.loads(result.stdout)["findings"] if result.stdout.strip() else []
    return result.exit_code, findings, result.stderr


def at(findings: list[dict[str, object]], rule_id: str) -> list[tuple[object, object, object]]:
    return [(f["line"], f["column"], f["text"]) for f in findings if f["rule_id"] == rule_id]


# ---------------------------------------------------------------- template markup

TEMPLATED = (
    "# Titre\n"
    "\n"
    'Le ministre {{< ref "autre.md" >}} a rencontré le président.\n'
    "\n"
    '{{< figure src="carte%20(2).png" caption="Carte" >}}\n'
    "\n"
    "Le texte {% include note.html %} continue **ici** et {{ page.date }} reste propre.\n"
    "{% raw %}\n"
    "Ceci **n'est pas de la prose %20\n"
    "{% endraw %}\n"
    "Les deux pays veulent collaborer ensemble.\n"
)


def test_template_markup_is_not_prose_by_default(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text(TEMPLATED, encoding="utf-8")
    code, findings, _ = lint_json("--select", "markup,wording,typography", str(article))
    assert not [f for f in findings if f["family"] == "markup"], findings
    # What is around the markup is still checked, at its exact place.
    assert at(findings, "wording.pleonasm") == [(11, 23, "collaborer ensemble")]
    assert code == 0  # a warning only


def test_template_markup_leaves_one_space_in_the_visible_text() -> None:
    doc = parse_document(TEMPLATED, "a.md")
    texts = [b.text for b in doc.blocks]
    assert texts[1] == "Le ministre a rencontré le président."
    assert texts[2].startswith("Le texte continue ici et reste propre. Les deux pays")
    for block in doc.blocks:  # every visible character still maps to its own source character
        for ch, offset in zip(block.text, block.offsets, strict=False):
            if ch not in " \n":
                assert doc.source[offset] == ch


def test_template_markup_off_reports_it(tmp_path: Path) -> None:
    (tmp_path / ".checker.toml").write_text("template-markup = false\n", encoding="utf-8")
    article = tmp_path / "a.md"
    article.write_text(TEMPLATED, encoding="utf-8")
    code, findings, _ = lint_json("--select", "markup", str(article))
    assert code == 1
    assert (7, 10, "{% include note.html %}") in at(findings, "markup.stray-syntax")


def test_configured_token_and_block_ignore_patterns(tmp_path: Path) -> None:
    (tmp_path / ".checker.toml").write_text(
        "ignore-tokens = ['\\[\\[[^\\]]+\\]\\]']\nignore-blocks = ['^:::note.*?^:::$']\n", encoding="utf-8"
    )
    article = tmp_path / "a.md"
    article.write_text(
        "Voir [[lien **interne]] pour la suite.\n\n:::note\nAu jour d’aujourd’hui **cassé\n:::\n\nFin.\n",
        encoding="utf-8",
    )
    code, findings, _ = lint_json("--select", "markup,wording", str(article))
    assert findings == [] and code == 0
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / ".checker.toml").write_text("ignore-tokens = ['[unclosed']\n", encoding="utf-8")
    (broken / "a.md").write_text("Texte.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["lint", "--jobs", "1", str(broken / "a.md")])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "ignore-tokens" in result.stderr and ".checker.toml" in result.stderr


# ---------------------------------------------------------------- front matter

FRONT = (
    "---\n"
    'title: "Les deux pays collaborer ensemble"\n'
    "description: >\n"
    "  Une analyse qui, au jour d’aujourd’hui,\n"
    "  reste prudente.\n"
    "summary: Un panacée universelle.\n"
    "---\n"
    "# Titre\n"
    "\n"
    "Le texte.\n"
)


def test_front_matter_title_and_description_are_prose_at_exact_positions(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text(FRONT, encoding="utf-8")
    _, findings, _ = lint_json("--select", "wording.pleonasm", str(article))
    assert at(findings, "wording.pleonasm") == [(2, 23, "collaborer ensemble"), (4, 20, "au jour d’aujourd’hui")]


def test_front_matter_fields_are_configurable(tmp_path: Path) -> None:
    (tmp_path / ".checker.toml").write_text('front-matter-fields = ["summary"]\n', encoding="utf-8")
    article = tmp_path / "a.md"
    article.write_text(FRONT, encoding="utf-8")
    _, findings, _ = lint_json("--select", "wording.pleonasm", str(article))
    assert at(findings, "wording.pleonasm") == [(6, 13, "panacée universelle")]


# ---------------------------------------------------------------- a whole HTML page

PAGE = """<!DOCTYPE html>
<html lang="fr">
<head>
<title>Les deux pays veulent collaborer ensemble</title>
<meta name="description" content="Une analyse qui, au jour d&rsquo;aujourd&rsquo;hui, reste prudente.">
</head>
<body>
<header><nav><a href="/">Accueil</a></nav><p>Le journal qui monte en haut</p></header>
<div class="cookie-banner"><p>Nous devons prévoir à l’avance vos cookies.</p></div>
{open}
<h1>Un accord historique</h1>
<p>Le ministre a rencontré le président à Bakou pour signer un accord énergétique avec son voisin.</p>
<div class="encadre"><p><strong>À lire aussi</strong></p>
<ul><li><a href="/a">Les pays veulent se réunir ensemble</a></li></ul></div>
<p>Les deux pays souhaitent développer leurs échanges dans les prochaines années, selon le ministre.</p>
<aside><p>Publicité : une panacée universelle</p></aside>
<form><label>Votre adresse</label><button>Envoyer</button></form>
{close}
<footer><p>© 2026 Journal. Tous droits réservés. Voire même plus.</p></footer>
</body>
</html>
"""


def test_html_page_lints_the_article_title_and_description_only(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE.format(open="<main><article>", close="</article></main>"), encoding="utf-8")
    _, findings, _ = lint_json("--select", "wording", str(page))
    assert at(findings, "wording.pleonasm") == [
        (4, 30, "collaborer ensemble"),
        (5, 52, "au jour d&rsquo;aujourd&rsquo;hui"),
    ]


def test_html_page_without_main_uses_content_extraction(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    body = "\n".join(
        f"<p>Le ministre a présenté le paragraphe {n} du rapport annuel sur les échanges énergétiques.</p>"
        for n in range(1, 6)
    )
    page.write_text(
        PAGE.format(open=f'<div class="contenu">\n{body}', close="</div>")
        .replace("<footer>", '<div class="bas">')
        .replace("</footer>", "</div>"),
        encoding="utf-8",
    )
    doc = parse_document(page.read_text(encoding="utf-8"), str(page))
    texts = [b.text for b in doc.blocks]
    assert texts[0] == "Les deux pays veulent collaborer ensemble" and doc.blocks[0].kind == "title"
    assert doc.blocks[1].kind == "description"
    assert "Un accord historique" in texts
    assert any(t.startswith("Le ministre a présenté le paragraphe 3") for t in texts)
    for boilerplate in ("Journal", "cookies", "Publicité", "réunir ensemble", "Accueil", "Envoyer", "monte en haut"):
        assert not any(boilerplate in t for t in texts), (boilerplate, texts)


def test_html_fragment_is_all_prose(tmp_path: Path) -> None:
    doc = parse_document("<p>Premier.</p><div><p>Second.</p></div>", "f.html")
    assert [b.text for b in doc.blocks] == ["Premier.", "Second."]


def test_front_matter_that_is_not_yaml_is_reported_not_silently_skipped(tmp_path: Path) -> None:
    """« title: Israël : un partenariat » is not YAML (a colon in an unquoted value): the title cannot be
    checked, and the writer is told where, in French, instead of the field being skipped in silence."""
    article = tmp_path / "a.md"
    article.write_text(
        "---\ndate: 2026-01-26\ntitle: Israël : collaborer ensemble\n---\n\nLe texte.\n", encoding="utf-8"
    )
    code, findings, err = lint_json(str(article))
    (found,) = [f for f in findings if f["rule_id"] == "markup.front-matter"]
    assert (found["line"], found["column"], found["text"]) == (3, 1, "title: Israël : collaborer ensemble")
    assert "« : » inattendu ici" in str(found["message"]) and code == 1, err
    article.write_text('---\ntitle: "Israël : collaborer ensemble"\n---\n\nLe texte.\n', encoding="utf-8")
    code, findings, _ = lint_json(str(article))
    rules = {f["rule_id"] for f in findings}
    assert "wording.pleonasm" in rules and "markup.front-matter" not in rules  # now read, and checked as prose


# ---------------------------------------------------------------- vocabularies and inheritance


def test_reject_list_with_preferred_terms_from_config_and_file(tmp_path: Path) -> None:
    (tmp_path / "rejet.txt").write_text("# vocabulaire maison\nhashtag = mot-dièse\nimpacter\n", encoding="utf-8")
    (tmp_path / ".checker.toml").write_text(
        '[vocabulary]\nreject = {"e-mail" = "courriel"}\nreject-file = "rejet.txt"\naccept = ["Bakou"]\n',
        encoding="utf-8",
    )
    article = tmp_path / "a.md"
    article.write_text("Un E-mail sur le hashtag va impacter Bakou.\n", encoding="utf-8")
    code, findings, _ = lint_json("--select", "wording.vocabulary,spelling", str(article))
    vocab = [
        (f["column"], f["text"], f["suggestions"], f["message"])
        for f in findings
        if f["rule_id"] == "wording.vocabulary"
    ]
    assert [(c, t, s) for c, t, s, _ in vocab] == [
        (4, "E-mail", ["courriel"]),
        (18, "hashtag", ["mot-dièse"]),
        (29, "impacter", []),
    ]
    assert "Préférez « courriel »" in vocab[0][3]
    assert "Préférez" not in vocab[2][3] and "« impacter »" in vocab[2][3]
    assert code == 0  # warnings


def test_word_lists_among_the_articles_are_not_linted_as_articles(tmp_path: Path) -> None:
    """A reject-file or wordlist in the linted folder is a .txt file like an article: walking the folder
    (or a glob) leaves out the configuration's own lists, whose every line would be a finding; naming one
    on the command line still checks it. Outside a git repository (as here), a sub-folder that says
    `extends = true` may use the lists its parent configuration names in the parent's folder."""
    (tmp_path / "vocabulaire").mkdir()
    (tmp_path / "vocabulaire" / "rejet.txt").write_text("hashtag = mot-dièse\nimpacter\n", encoding="utf-8")
    (tmp_path / "mots.txt").write_text("Aliyev\n", encoding="utf-8")
    (tmp_path / ".checker.toml").write_text(
        'wordlist = "mots.txt"\n[vocabulary]\nreject-file = "vocabulaire/rejet.txt"\n', encoding="utf-8"
    )
    sport = tmp_path / "sport"
    sport.mkdir()
    (sport / "rejets-sport.txt").write_text("match amical\n", encoding="utf-8")
    (sport / ".checker.toml").write_text('extends = true\n[vocabulary]\nreject-file = "rejets-sport.txt"\n')
    (tmp_path / "a.txt").write_text("Aliyev va impacter le hashtag.\n", encoding="utf-8")
    (sport / "b.md").write_text("Un match amical.\n", encoding="utf-8")
    for args in ([str(tmp_path)], [f"{tmp_path}/**/*.txt", str(sport / "b.md")]):
        code, findings, err = lint_json("--select", "wording.vocabulary,spelling", *args)
        assert sorted({Path(str(f["path"])).name for f in findings}) == ["a.txt", "b.md"], err
        assert code == 0
    _, findings, _ = lint_json("--select", "wording.vocabulary", str(tmp_path / "vocabulaire" / "rejet.txt"))
    assert [f["text"] for f in findings] == ["hashtag", "impacter"]


def test_per_folder_vocabulary_inherits_from_the_parent_config_when_asked(tmp_path: Path) -> None:
    (tmp_path / ".checker.toml").write_text(
        '[vocabulary]\nreject = {"e-mail" = "courriel"}\n\n[thresholds]\nlong-sentence-words = 8\n', encoding="utf-8"
    )
    sport = tmp_path / "sport"
    sport.mkdir()
    (sport / ".checker.toml").write_text('extends = true\n[vocabulary]\nreject = ["match amical"]\n', encoding="utf-8")
    alone = tmp_path / "alone"
    alone.mkdir()
    (alone / ".checker.toml").write_text('[vocabulary]\nreject = ["match amical"]\n', encoding="utf-8")
    text = "Un e-mail sur le match amical.\n"
    for folder in (sport, alone):
        (folder / "a.md").write_text(text, encoding="utf-8")
    _, findings, _ = lint_json("--select", "wording.vocabulary", str(sport / "a.md"), str(alone / "a.md"))
    by_file = {(Path(str(f["path"])).parent.name, f["text"]) for f in findings}
    assert by_file == {("sport", "e-mail"), ("sport", "match amical"), ("alone", "match amical")}


def test_checker_toml_accepts_the_tool_checker_table(tmp_path: Path) -> None:
    (tmp_path / ".checker.toml").write_text('[tool.checker]\nignore = ["wording"]\n', encoding="utf-8")
    article = tmp_path / "a.md"
    article.write_text("Les deux pays veulent collaborer ensemble.\n", encoding="utf-8")
    code, findings, stderr = lint_json("--select", "wording", str(article))
    assert code == 0 and findings == [], stderr
