"""`checker lint --format html`: the page rendered by a real browser (Debian's headless chromium,
driven over its DevTools pipe), asserted on the rendered DOM against the JSON findings of the same
run. Screenshots are kept in build/test-artifacts/ (gitignored) to look at."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from chromium import Browser  # tests/chromium.py
from click.testing import CliRunner

from checker.cli import main
from checker.config import Config
from checker.findings import Finding, Severity
from checker.html_report import _json_for_script, _marked, build_article, render_html
from checker.report import build_report
from checker.rule_packs import load_rules

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "fixtures" / "israel-azerbaidjan.md"
ARTIFACTS = ROOT / "build" / "test-artifacts"


def lint(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["lint", "--jobs", "1", *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with Browser() as b:
        yield b


@pytest.fixture(scope="module")
def sample_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, Any]]]:
    folder = tmp_path_factory.mktemp("html")
    page = folder / "rapport.html"
    code, out, err = lint("--format", "html", "-o", str(page), "--fail-on", "warning", str(SAMPLE))
    assert code == 1, err  # its FAQ escalations are warnings
    assert out == ""  # the page went to the file
    code, out, _ = lint("--format", "json", str(SAMPLE))
    findings: list[dict[str, Any]] = json.loads(out)["findings"]
    assert any(f["rule_id"] == "claims.conditional" for f in findings)
    return page, findings


# Every finding's highlighted stretches, in document order, read from the rendered DOM.
MARKS_BY_FINDING = """(() => {
  const out = {};
  document.querySelectorAll("mark.f").forEach(m => {
    m.dataset.f.split(" ").forEach(id => { (out[id] = out[id] || []).push(m.textContent); });
  });
  return out;
})()"""


def test_rendered_highlights_match_the_json_findings(
    browser: Browser, sample_page: tuple[Path, list[dict[str, Any]]]
) -> None:
    page, findings = sample_page
    browser.open(page, 1200, 900)
    marks: dict[str, list[str]] = browser.evaluate(MARKS_BY_FINDING)
    assert sorted(int(i) for i in marks) == list(range(len(findings)))
    for i, f in enumerate(findings):
        # A span over several lines is cut at the line ends (the line break itself is not highlighted).
        assert "".join(marks[str(i)]) == f["text"].replace("\r", "").replace("\n", ""), f["rule_id"]
    # One stretch starts each finding, and the list beside the text has one item per finding, in order.
    firsts = browser.evaluate(
        "[...document.querySelectorAll('mark.f[data-first]')].flatMap(m => m.dataset.first.split(' '))"
    )
    assert sorted(int(i) for i in firsts) == list(range(len(findings)))
    rules = browser.evaluate("[...document.querySelectorAll('li.fi')].map(li => li.dataset.rule)")
    assert rules == [f["rule_id"] for f in findings]
    # Each stretch is painted with the worst severity among its findings.
    order = ["error", "warning", "info"]
    for f_index, f in enumerate(findings):
        if f["rule_id"] == "claims.conditional":
            classes = browser.evaluate(f"document.querySelector('mark.f[data-first~=\"{f_index}\"]').className")
            same_file = [g for g in findings if g["path"] == f["path"]]
            covering = [g["severity"] for g in same_file if g["start"] <= f["start"] < g["end"]]
            assert f"s-{min(covering, key=order.index)}" in classes.split()
    # The page loaded nothing: no external resource of any kind.
    assert browser.evaluate("performance.getEntriesByType('resource').length") == 0
    assert browser.evaluate("document.querySelectorAll('[src], link, iframe, object, embed').length") == 0
    # Counts per family in the filter bar are the JSON's.
    for family in {f["family"] for f in findings}:
        shown = browser.evaluate(f"document.querySelector('[data-count-family=\"{family}\"]').textContent")
        assert int(shown) == sum(f["family"] == family for f in findings)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = browser.screenshot(ARTIFACTS / "rapport-bureau.png")
    assert shot.stat().st_size > 10_000


def test_click_on_a_highlight_shows_message_rule_explanation_and_suggestion(
    browser: Browser, sample_page: tuple[Path, list[dict[str, Any]]]
) -> None:
    page, findings = sample_page
    browser.open(page, 1200, 900)
    index = next(i for i, f in enumerate(findings) if f["rule_id"] == "claims.conditional")
    x, y = browser.evaluate(
        f"""(() => {{ const m = document.querySelector('mark.f[data-first~="{index}"]');
        m.scrollIntoView({{block: "center"}}); const r = m.getClientRects()[0];
        return [r.x + r.width / 2, r.y + r.height / 2]; }})()"""
    )
    assert browser.evaluate("document.getElementById('pop').hidden") is True
    browser.click_at(x, y)  # a real mouse click at the highlight's place
    assert browser.evaluate("document.getElementById('pop').hidden") is False
    text = browser.evaluate("document.getElementById('pop').innerText")
    assert "claims.conditional" in text
    assert findings[index]["message"] in text
    assert "Explication :" in text
    browser.screenshot(ARTIFACTS / "rapport-clic.png")
    # From the keyboard: Tab reaches every finding (at its start), Enter opens its detail.
    focusable = browser.evaluate(
        "[...document.querySelectorAll('mark.f[tabindex]')].flatMap(m => m.dataset.first.split(' '))"
    )
    assert sorted(int(i) for i in focusable) == list(range(len(findings)))
    browser.evaluate("document.getElementById('pop').hidden = true")
    browser.evaluate(f"document.querySelector('mark.f[data-first~=\"{index}\"]').focus()")
    browser.call(
        "Input.dispatchKeyEvent", session=True, type="keyDown", key="Enter", code="Enter", windowsVirtualKeyCode=13
    )
    browser.call(
        "Input.dispatchKeyEvent", session=True, type="keyUp", key="Enter", code="Enter", windowsVirtualKeyCode=13
    )
    assert "claims.conditional" in browser.evaluate("document.getElementById('pop').innerText")
    # A typography finding carries its suggestion and says it can be fixed automatically.
    fixable = next(i for i, f in enumerate(findings) if f.get("fix"))
    browser.evaluate(f"document.querySelector('mark.f[data-first~=\"{fixable}\"]').click()")
    text = browser.evaluate("document.getElementById('pop').innerText")
    assert "Suggestion :" in text and "checker lint --fix" in text


def test_filters_by_family_and_severity(browser: Browser, sample_page: tuple[Path, list[dict[str, Any]]]) -> None:
    page, findings = sample_page
    browser.open(page, 1200, 900)
    visible_items = "[...document.querySelectorAll('li.fi')].filter(li => !li.hidden).length"
    assert browser.evaluate(visible_items) == len(findings)
    x, y = browser.evaluate(
        """(() => { const box = document.querySelector('input[data-filter="fam"][value="repetition"]');
        const r = box.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()"""
    )
    browser.click_at(x, y)
    assert browser.evaluate(visible_items) == sum(f["family"] != "repetition" for f in findings)
    # A stretch highlighted only for repetition findings is no longer painted; one shared with others still is.
    painted = browser.evaluate(
        """[...document.querySelectorAll('mark.f')].filter(m => !m.classList.contains('off'))
           .map(m => m.dataset.f.split(' ')).flat()"""
    )
    assert {findings[int(i)]["family"] for i in painted} - {"repetition"} == {
        f["family"] for f in findings if f["family"] != "repetition"
    }
    browser.evaluate('document.querySelector(\'input[data-filter="sev"][value="info"]\').click()')
    assert browser.evaluate(visible_items) == sum(
        f["family"] != "repetition" and f["severity"] != "info" for f in findings
    )


def test_claims_faq_and_readability_sections(browser: Browser, sample_page: tuple[Path, list[dict[str, Any]]]) -> None:
    page, findings = sample_page
    browser.open(page, 1200, 900)
    statuses = browser.evaluate("[...document.querySelectorAll('table.claims tbody tr')].map(tr => tr.className)")
    assert "st-unsupported" in statuses
    # Every FAQ answer sentence is listed; the escalated one links to the hedged body sentence (line 13).
    faq = browser.evaluate(
        """[...document.querySelectorAll('ol.faq > li')].map(li => ({
            cls: li.className, text: li.innerText,
            passage: (li.querySelector('a.passage') || {}).hash || null}))"""
    )
    assert len(faq) >= 4
    escalated = [f for f in findings if f["rule_id"] == "faq.escalation"]
    for f in escalated:
        body_line = f["related"][0]["line"]
        assert any(item["passage"] and item["passage"].endswith(f"-l{body_line}") for item in faq)
    assert all(item["passage"] or "Aucun passage du corps" in item["text"] for item in faq)
    # Readability per paragraph: a caption above each scored paragraph, and the table.
    captions = browser.evaluate("[...document.querySelectorAll('.rd')].map(d => d.textContent)")
    assert captions and all(c.startswith("Lisibilité : ") and "Kandel–Moles" in c for c in captions)
    # The passage link scrolls to the body line, which is highlighted as the target.
    browser.evaluate("document.querySelector('a.passage').click()")
    assert browser.evaluate("document.querySelector('.ln:target') !== null")


def test_phone_width_has_no_horizontal_scroll(browser: Browser, sample_page: tuple[Path, list[dict[str, Any]]]) -> None:
    page, _ = sample_page
    browser.open(page, 390, 844, mobile=True)
    assert browser.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    browser.evaluate("document.querySelector('mark.f').click()")
    width = browser.evaluate("document.getElementById('pop').getBoundingClientRect().width")
    assert width <= 390
    browser.screenshot(ARTIFACTS / "rapport-telephone.png")


HOSTILE = (
    '---\ntitle: "<script>window.__pwned = 1</script>"\n---\n\n'
    "# Titre </template><img src=x onerror='window.__pwned=2'>\n\n"
    'Le texte contient <script>window.__pwned = 3</script> et des balises <b onclick="x()">grasses</b>, '
    "un ]]> et un &amp; ainsi qu’un « </textarea> » ; on pourrait renforcer la coopération.\n"
)


def test_article_content_is_escaped_never_executed(browser: Browser, tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "hostile.md").write_text(HOSTILE, encoding="utf-8")
    (folder / "hostile.html").write_text(
        "<html><body><p>Il pourrait <script>window.__pwned=4</script> venir.</p>"
        '<p><img src=x onerror="window.__pwned=5"> Fin.</p></body></html>',
        encoding="utf-8",
    )
    (folder / "<img src=x onerror=window.__pwned=6>&amp;.md").write_text(
        "Un texte, qui pourrait changer.\n", encoding="utf-8"
    )
    page = tmp_path / "rapport.html"
    code, _, err = lint("--format", "html", "-o", str(page), str(folder))
    assert code in (0, 1), err
    browser.open(page, 1200, 900)
    browser.evaluate("document.querySelectorAll('details.article').forEach(d => d.open = true)")
    assert browser.evaluate("window.__pwned === undefined")
    assert browser.evaluate("document.querySelectorAll('img, details script, b').length") == 0
    text = browser.evaluate("document.body.innerText")
    assert "<script>window.__pwned = 3</script>" in text
    assert "<img src=x onerror='window.__pwned=2'>" in text
    assert "<img src=x onerror=window.__pwned=6>&amp;.md" in text
    assert "<script>window.__pwned = 1</script>" in text  # the front matter title, shown as the article's name


def test_two_hundred_articles_stay_usable(browser: Browser, tmp_path: Path) -> None:
    """200 articles: an index of all of them, and only opened sections rendered (their text waits in
    inert templates); following a link to a line opens its article."""
    from checker.lint import lint_text

    source = SAMPLE.read_text(encoding="utf-8")
    config = Config()
    result = lint_text(source, config, path="article.md")
    one = build_article("article.md", source, result.findings, config, load_rules())
    articles = []
    for n in range(200):
        path = f"articles/{n:03d}.md"
        articles.append(
            dataclasses.replace(one, path=path, findings=[dataclasses.replace(f, path=path) for f in result.findings])
        )
    report = build_report([a.path for a in articles], [f for a in articles for f in a.findings], [], {})
    page = tmp_path / "rapport-200.html"
    page.write_text(render_html(report, articles, load_rules()), encoding="utf-8")
    browser.open(page, 1200, 900)
    assert browser.evaluate("document.querySelectorAll('section.index tbody tr').length") == 200
    first_row = browser.evaluate("document.querySelector('section.index tbody tr').innerText")
    assert "Israël et Azerbaïdjan" in first_row and "articles/000.md" in first_row
    assert browser.evaluate("document.querySelectorAll('mark.f').length") == 0
    browser.evaluate("location.hash = '#a150-l13'")
    browser.evaluate("new Promise(r => setTimeout(r, 100))")
    assert browser.evaluate("document.getElementById('a150').open") is True
    rendered = browser.evaluate("document.querySelectorAll('#a150 mark.f').length")
    assert rendered > 0 and browser.evaluate("document.querySelectorAll('mark.f').length") == rendered
    assert browser.evaluate("document.querySelector('.ln.here').id") == "a150-l13"
    browser.screenshot(ARTIFACTS / "rapport-200.png")


# ---------------------------------------------------------------- without a browser


def _finding(start: int, end: int, severity: Severity, family: str) -> Finding:
    return Finding(f"{family}.x", family, severity, "message", "a.md", start, end, 1, start + 1, 1, end + 1, "")


def test_overlapping_spans_are_cut_into_stretches_naming_every_finding() -> None:
    line = "abcdefghij"
    spans = [
        (1, 6, 0, _finding(1, 6, "info", "readability")),
        (3, 8, 1, _finding(3, 8, "error", "spelling")),
        (5, 5, 2, _finding(5, 5, "warning", "typography")),
    ]
    html = _marked(line, 0, len(line), spans)
    assert html == (
        'a<mark class="f s-info soft" data-f="0" data-first="0" tabindex="0">bc</mark>'
        '<mark class="f s-error" data-f="0 1" data-first="1" tabindex="0">de</mark>'
        '<mark class="f zw s-warning" data-f="2" title=""></mark>'
        '<mark class="f s-error" data-f="0 1">f</mark>'
        '<mark class="f s-error" data-f="1">gh</mark>ij'
    )


def test_script_json_cannot_close_its_element() -> None:
    text = _json_for_script({"x": "</script><!-- & -->"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"x": "</script><!-- & -->"}


def test_output_file_that_cannot_be_written_is_one_line_and_exit_2(tmp_path: Path) -> None:
    target = tmp_path / "absent" / "rapport.html"
    code, out, err = lint("--select", "markup", "--format", "html", "-o", str(target), str(SAMPLE))
    assert code == 2 and out == ""
    assert err.startswith(f"checker: error: {target}: écriture impossible (rapport)") and err.count("\n") == 1
    assert not target.parent.exists()
