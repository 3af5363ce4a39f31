"""The builders of the development sets kept outside the repository (bench/make_*_dev.py): what they keep of a
Markdown source."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from bench_scripts import BENCH, load_bench  # tests/bench_scripts.py


def load_builder(name: str) -> Any:
    """A builder of bench/, whose sibling modules it imports (`make_institutional_dev`) being importable too."""
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    return load_bench(name)


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
    file_name = load_builder("make_cnil_dev").file_name
    assert file_name("13", "Préparer l'exercice des droits des personnes") == (
        "cnil-13-preparer-l-exercice-des-droits-des-personnes.md"
    )


def test_the_eco_design_mission_keeps_its_written_pages_only() -> None:
    builder = load_builder("make_numeco_dev")
    assert builder.is_written_page("content/actualites/posts/actus/fiche-ha-ia.md")
    assert builder.is_written_page("content/formations/index.md")
    for left_out in (
        "content/actualites/posts/podcasts/referents/saison2-episode4-HenriVerdier/S2E4.md",  # a transcript
        "content/ressources/documents-reference/guide-bonnes-pratiques/bibliographie.md",
        "content/_vieux/agenda/index.md",  # not published
        "content/img/logo.png",
        "README.md",
    ):
        assert not builder.is_written_page(left_out), left_out
    assert builder.file_name("content/actualites/posts/actus/semaine NumEco 2026/Éco.md") == (
        "numeco-actualites-posts-actus-semaine-numeco-2026-eco.md"
    )
    assert builder.file_name("content/formations/index.md") == "numeco-formations.md"


def test_putain_de_code_keeps_its_articles_only() -> None:
    builder = load_builder("make_putaindecode_dev")
    assert builder.is_article("contents/articles/2013-12-26-responsive-webdesign-et-structure-du-dom.md")
    for left_out in ("contents/podcasts/S01E01-en-beta-embetant.md", "README.md", "contents/articles/logo.png"):
        assert not builder.is_article(left_out), left_out
    assert builder.file_name("contents/articles/2013-11-06-versionner-avec-git.md") == (
        "pdc-2013-11-06-versionner-avec-git.md"
    )


def test_cartes_gouv_keeps_its_french_pages_named_after_their_path() -> None:
    builder = load_builder("make_cartesgouv_dev")
    assert builder.is_page("content/fr/partenaires/ign/carte-compagne-decouvertes/application-cartes-ign.md")
    for left_out in ("content/en/index.md", "README.md", "content/fr/guides-utilisateur/guides.11tydata.js"):
        assert not builder.is_page(left_out), left_out
    assert builder.file_name("content/fr/guides-utilisateur/presentation-utilisateur/connexion.md") == (
        "cg-guides-utilisateur-presentation-utilisateur-connexion.md"
    )


def test_the_social_ministries_documentation_keeps_its_pages_without_gitbook_tags() -> None:
    builder = load_builder("make_socialgouv_dev")
    assert builder.is_page("concevoir/api/api-design.md")
    for left_out in ("SUMMARY.md", ".gitbook/includes/sont-exclus.md", ".github/pull_request_template.md", "a.png"):
        assert not builder.is_page(left_out), left_out
    assert builder.file_name("concevoir/api/README.md") == "sg-concevoir-api-readme.md"
    page = '{% hint style="info" %}\n**Ce document est public.**\n{% endhint %}\nSuite.\n'
    assert builder.GITBOOK_TAG.sub("", page) == "\n**Ce document est public.**\n\nSuite.\n"


def test_the_wai_pages_keep_their_french_translations_without_liquid_tags() -> None:
    builder = load_builder("make_wai_dev")
    assert builder.is_page("collections/_tips/writing.fr.md")
    for left_out in ("collections/_tips/writing.md", "pages/index.de.md", "LICENSE.md"):
        assert not builder.is_page(left_out), left_out
    assert builder.file_name("collections/_tips/writing.fr.md") == "wai-collections-tips-writing.md"
    page = '{% include box.html type="start" %}\nTexte {{ page.title }} suivi.\n{:.class}\n{::nomarkdown}\n'
    assert builder.LIQUID_OR_KRAMDOWN.sub("", page) == "\nTexte  suivi.\n\n\n"


def test_the_eco_design_mission_drops_its_template_calls() -> None:
    template_call = load_builder("make_numeco_dev").TEMPLATE_CALL
    page = 'Avant.\n{{ component("card", {\n  title: "Module 1",\n  image: {\n    src: "/a.webp"\n  }\n}) }}\nAprès.\n'
    assert template_call.sub("", page) == "Avant.\n\nAprès.\n"
    assert template_call.sub("", "{% for x in y %}Texte{% endfor %}") == "Texte"


def test_the_design_system_keeps_its_presentation_and_accessibility_pages() -> None:
    builder = load_builder("make_dsfr_dev")
    assert builder.file_name("src/dsfr/component/alert/_part/doc/index.md") == "dsfr-component-alert.md"
    assert builder.file_name("src/dsfr/component/alert/_part/doc/accessibility/index.md") == (
        "dsfr-component-alert-accessibility.md"
    )
    assert builder.file_name("src/dsfr/core/_part/doc/index.md") == "dsfr-core.md"
    for left_out in (
        "src/dsfr/component/alert/_part/doc/code/index.md",  # code samples
        "src/dsfr/component/alert/_part/doc/design/index.md",  # visual specifications
        "README.md",
    ):
        assert builder.file_name(left_out) is None, left_out
    page = ":::dsfr-doc-tab-navigation\n\n- Présentation\n\n:::\n\n::dsfr-doc-storybook{storyId=a}\n\nTexte.\n"
    assert builder.DIRECTIVE_LINE.sub("", page) == "\n- Présentation\n\n\n\nTexte.\n"


def test_nos_gestes_climat_keeps_its_blog_release_notes_guides_and_pages_without_their_mdx_markup() -> None:
    builder = load_builder("make_ngc_dev")
    assert builder.file_name("blog", "source/locales/blog/fr/effet-rebond.md") == "ngc-blog-effet-rebond.md"
    assert builder.file_name("page", "src/locales/pages/fr/CGU.mdx") == "ngc-page-cgu.md"
    assert "src/locales/nouveautes/fr/" in builder.NEXT_FOLDERS and "src/locales/nouveautes/en/" not in (
        builder.NEXT_FOLDERS
    )
    page = 'import Image from "next/image"\n\n<Trans>Le calcul</Trans> change {t("ici")}.\n<Image src="a.png" />\n'
    assert builder.MDX_MARKUP.sub("", page) == "\n\nLe calcul change .\n\n"


def _commit(work: Path, files: dict[str, str]) -> str:
    """A git repository in `work` holding `files` (path → text) in one commit; that commit's hash."""
    for name, text in files.items():
        (work / name).parent.mkdir(parents=True, exist_ok=True)
        (work / name).write_text(text, encoding="utf-8")
    run = {"cwd": work, "check": True, "capture_output": True}
    subprocess.run(["git", "init", "-q"], **run)
    subprocess.run(["git", "add", "."], **run)
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "pages"], **run)
    return subprocess.run(["git", "rev-parse", "HEAD"], **run, text=True).stdout.strip()


def test_nos_gestes_climat_reads_only_the_french_folders_of_a_commit(tmp_path: Path) -> None:
    """`pages_of` through a small repository: the French release note is kept without its MDX markup, under its
    folder's prefix; the English one and a file of another folder are not read."""
    builder = load_builder("make_ngc_dev")
    work = tmp_path / "site"
    files = {
        "src/locales/nouveautes/fr/aletsch.mdx": (
            'import Image from "next/image"\n\n# Aletsch\n\n<Trans>Le mode groupe</Trans> est amélioré {t("x")}.\n'
        ),
        "src/locales/nouveautes/en/aletsch.mdx": "# Aletsch\n\nThe group mode is better.\n",
        "src/components/Readme.md": "# Composant\n\nUn texte qui n’est pas une page.\n",
    }
    commit = _commit(work, files)
    pages = list(builder.pages_of(str(work / ".git"), commit, builder.NEXT_FOLDERS))
    assert [(name, fallback) for name, _, fallback in pages] == [("ngc-nouveautes-aletsch.md", "aletsch")]
    body = pages[0][1][1]
    assert "Le mode groupe est amélioré ." in body and "<" not in body and "import" not in body


def test_api_gouv_fr_reads_its_guides_and_api_pages_without_front_matter_or_tags(tmp_path: Path) -> None:
    """`pages_of` through a small repository: a guide and an API page are kept under their folder's prefix, without
    their front matter and HTML tags (a summary's text kept); a producer's card and a page elsewhere are
    not read."""
    builder = load_builder("make_apigouv_dev")
    assert builder.file_name("guide", "_data/guides/API_Energie.md") == "apigouv-guide-api-energie.md"
    work = tmp_path / "site"
    files = {
        "_data/guides/aides-scolarite.md": (
            "---\ntitle: Aides\ntags: école\n---\n\n<details>\n<summary>Qu'est-ce qu'une aide ?</summary>\n\n"
            "Les communes aident les familles.\n</details>\n"
        ),
        "_data/api/api-calendrier.md": "---\ntitle: API calendrier\n---\n### Que contient l'API ?\n\nLes dates.\n",
        "_data/producteurs/menj.md": "---\nname: Ministère\n---\nUn producteur.\n",
        "pages/index.md": "# Accueil\n\nUne page du site.\n",
    }
    commit = _commit(work, files)
    pages = {name: converted for name, converted, _ in builder.pages_of(str(work / ".git"), commit)}
    assert sorted(pages) == ["apigouv-api-api-calendrier.md", "apigouv-guide-aides-scolarite.md"]
    fields, body = pages["apigouv-guide-aides-scolarite.md"]
    assert fields["title"] == "Aides"
    assert "Qu'est-ce qu'une aide ?" in body and "Les communes aident les familles." in body
    assert "<" not in body and "tags:" not in body


def test_the_canadian_blogs_keep_their_title_and_prose_without_templates_html_or_code() -> None:
    """`convert` of bench/make_canada_dev.py: the front matter's title (its HTML tags dropped for the CDS blog) as the
    first heading; Liquid tags, fenced code, tables and image lines dropped; a WordPress body's HTML turned into
    Markdown, its entities decoded; the file list names each post with its commit."""
    builder = load_builder("make_canada_dev")
    post = (
        "---\ntitle: '<span>Notre</span> équipe'\ndate: 2020-01-01\n---\n"
        '{% include components/gc-simple-img.html src="a.png" %}\n'
        "<h2>Ce que nous &laquo;&nbsp;faisons&nbsp;&raquo;</h2><p>Nous <strong>aidons</strong> les "
        '<a href="https://exemple.ca">ministères</a>.</p><ul><li>Un</li><li>Deux</li></ul>\n'
        "```\ncode()\n```\n| a | b |\n![image](x.png)\nFin.\n"
    )
    page = builder.convert(post, strip_tags_from_title=True)
    assert page.startswith("# Notre équipe\n\n## Ce que nous «\u00a0faisons\u00a0»\n")
    assert "Nous **aidons** les [ministères](https://exemple.ca)." in page and "- Un\n" in page and "- Deux" in page
    for left_out in ("{%", "code()", "| a", "![image]", "<", "&laquo;"):
        assert left_out not in page, left_out
    assert page.endswith("Fin.\n")
    rows = (BENCH / "data" / "canada-dev-files.tsv").read_text(encoding="utf-8").splitlines()
    assert rows[0].split("\t") == ["source", "file", "commit", "path"] and len(rows) == 224
    assert {row.split("\t")[0] for row in rows[1:]} == {"cds", "canadaca"}


def test_the_react_documentation_keeps_its_title_and_prose_without_code_components_or_comments() -> None:
    """`convert` of bench/make_react_dev.py: the front matter's title as the first heading; fenced code, MDX comments,
    Markdown comments, console blocks and image lines dropped; an MDX component's tags dropped with its text kept;
    inline code left as written (`<MyInput />`); entities decoded; the file list names each page with its commit."""
    builder = load_builder("make_react_dev")
    page = builder.convert(
        "---\ntitle: Votre <em>premier</em> composant\n---\n"
        "## Définir un composant {/*defining-a-component*/}\n\n"
        "[//]: # (note de traduction)\n"
        "<Intro>\n\nUn composant&nbsp;: `<MyInput />` renvoie du JSX.\n\n</Intro>\n\n"
        "```js\nfunction App() {}\n```\n\n<ConsoleBlock level=\"error\">\n\nWarning: oops\n\n</ConsoleBlock>\n\n"
        "![schéma](/images/a.png)\n\nFin.\n"
    )
    assert page.startswith("# Votre premier composant\n\n## Définir un composant\n")
    assert "Un composant\u00a0: `<MyInput />` renvoie du JSX." in page
    for left_out in ("{/*", "[//]", "<Intro>", "function App", "Warning: oops", "![schéma]", "&nbsp;"):
        assert left_out not in page, left_out
    assert page.endswith("Fin.\n")
    rows = (BENCH / "data" / "react-dev-files.tsv").read_text(encoding="utf-8").splitlines()
    assert rows[0].split("\t") == ["file", "commit", "path"] and len(rows) == 155
    assert all(row.split("\t")[2].startswith("src/content/") for row in rows[1:])


def test_the_web_developers_blogs_keep_their_prose_without_liquid_code_or_html() -> None:
    """`convert` of bench/make_jamstatic_dev.py: the title as the first heading; fenced code, `{% highlight %}`, HTML
    comments and table rows dropped; `{% post_url X %}` kept as X and `{{ page.subtitle }}` as the front matter's value;
    other Liquid tags, containers' fences and kramdown attribute lists dropped, their text kept; HTML tags dropped,
    their text kept; entities decoded; the file list names each post with its commit."""
    builder = load_builder("make_jamstatic_dev")
    page = builder.convert(
        "---\ntitle: Un générateur\nsubtitle: statique\n---\n"
        "{% include note.html %}\n:::intro\nLe blog parle de {{ page.subtitle }}.\n:::\n\n"
        "Voir {% post_url 2016-04-01-jamstatic %}.\n{: .lead }\n\n"
        "```js\nvar a = 1;\n```\n{% highlight ruby %}\nputs 1\n{% endhighlight %}\n<!-- note -->\n"
        "| a | b |\n<p>Un <strong>site</strong>&nbsp;rapide.</p>\n"
    )
    assert page.startswith("# Un générateur\n")
    assert "Le blog parle de statique." in page and "Voir 2016-04-01-jamstatic." in page
    assert "Un site\u00a0rapide." in page
    for left_out in ("{%", ":::", "{:", "var a", "puts 1", "<!--", "| a", "<p>", "&nbsp;"):
        assert left_out not in page, left_out
    rows = (BENCH / "data" / "jamstatic-dev-files.tsv").read_text(encoding="utf-8").splitlines()
    assert rows[0].split("\t") == ["file", "commit", "path"] and len(rows) == 109


def test_the_python_course_is_cut_at_its_sections_without_code_math_or_index_entries() -> None:
    """`convert` and `sections` of bench/make_pycours_dev.py: fenced code, display math, the printed book's index
    entries, table rows and images dropped, a heading's pandoc attributes dropped; a chapter cut at its `## ` headings,
    each raised to `# `; inline code and math kept; the file list names each page with its commit and section."""
    builder = load_builder("make_pycours_dev")
    chapter = builder.convert(
        "# Variables {#sec:variables}\n\nUne variable est une zone de la mémoire.\n\n\\index{variable}\n"
        "```python\nx = 2\n```\n$$\na = b\n$$\n| a | b |\n![figure](img.png)\n\n"
        "## Nommage {.unnumbered}\n\nLe nom `x` et $x^2$ sont gardés.\n\n## Types\n\nTrois types.\n"
    )
    for left_out in ("\\index", "x = 2", "a = b", "| a", "![figure]", "{.unnumbered}", "{#sec"):
        assert left_out not in chapter, left_out
    parts = builder.sections(chapter)
    assert parts[0].startswith("# Variables\n") and "Une variable est une zone de la mémoire." in parts[0]
    assert parts[1].startswith("# Nommage\n") and "Le nom `x` et $x^2$ sont gardés." in parts[1]
    assert parts[2].startswith("# Types\n")
    rows = (BENCH / "data" / "pycours-dev-files.tsv").read_text(encoding="utf-8").splitlines()
    assert rows[0].split("\t") == ["file", "commit", "path", "section"] and len(rows) == 160
