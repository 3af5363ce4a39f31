"""trafilatura imported with its URL, date, encoding and download modules deferred (checker/trafilatura_import.py).

A page without <main> keeps exactly the blocks it keeps with an ordinary `import trafilatura`, the deferred
libraries are not imported by a lint, and trafilatura's functions that need them still work (they import the
real library on first call)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "fixtures" / "faq" / "energie-eolien.html"

KEPT_BLOCKS = """
import json, sys
if sys.argv[2] == "ordinary":
    import trafilatura  # the real libraries, imported by trafilatura's package as usual
from checker.parse import parse_document
path = sys.argv[1]
with open(path, encoding="utf-8") as f:
    doc = parse_document(f.read(), path)
deferred = ("courlan", "htmldate", "charset_normalizer", "urllib3", "trafilatura.downloads", "justext")
loaded = [m for m in deferred if m in sys.modules]
blocks = [[b.kind, b.offsets[0] if b.offsets else -1, b.text] for b in doc.blocks]
print(json.dumps({"blocks": blocks, "loaded": loaded}))
"""


def _kept(path: Path, mode: str) -> dict[str, list[object]]:
    out = subprocess.run(
        [sys.executable, "-c", KEPT_BLOCKS, str(path), mode], capture_output=True, text=True, check=True, cwd=ROOT
    )
    result: dict[str, list[object]] = json.loads(out.stdout)
    result["stderr"] = [out.stderr]  # nothing: urllib3's warning about SOCKS support stays silenced as with courlan
    return result


# A page whose menu, links and footer trafilatura leaves out of the main text.
PAGE_WITH_MENU = """<!doctype html>
<html lang="fr"><head><title>Le port de Brest agrandit son terminal</title></head>
<body>
<div class="menu"><ul><li><a href="/">Accueil</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/culture">Culture</a></li><li><a href="/meteo">Météo</a></li></ul></div>
<div class="contenu">
<h1>Le port de Brest agrandit son terminal</h1>
<p>Le conseil régional a voté mardi le financement d’un nouveau quai au port de Brest, dont les travaux
commenceront au printemps et dureront deux ans selon le calendrier présenté aux élus.</p>
<p>Les entreprises du port attendent cet agrandissement depuis longtemps : les navires les plus grands ne
peuvent pas accoster aujourd’hui, et une partie du trafic part vers d’autres ports de la façade atlantique.</p>
<p>Les associations de riverains demandent que le chantier respecte les horaires prévus, afin de limiter le
bruit dans les quartiers voisins pendant la nuit et le week-end.</p>
</div>
<div class="pied"><p><a href="/mentions">Mentions légales</a> · <a href="/contact">Contact</a></p>
<p>© Journal de l’Ouest, tous droits réservés.</p></div>
</body></html>
"""


def test_pages_without_main_keep_the_same_blocks_without_importing_the_deferred_libraries(tmp_path: Path) -> None:
    page = tmp_path / "port.html"
    page.write_text(PAGE_WITH_MENU, encoding="utf-8")
    for path in (PAGE, page):
        deferred, ordinary = _kept(path, "deferred"), _kept(path, "ordinary")
        assert deferred["blocks"] == ordinary["blocks"]
        assert deferred["stderr"] == ordinary["stderr"] == [""]
        assert deferred["loaded"] == []
        assert ordinary["loaded"] == [
            *("courlan", "htmldate", "charset_normalizer", "urllib3", "trafilatura.downloads", "justext")
        ]
    texts = [block[2] for block in _kept(page, "deferred")["blocks"]]  # type: ignore[index]
    assert "Accueil" not in texts and "© Journal de l’Ouest, tous droits réservés." not in texts  # left out
    assert any(text.startswith("Les associations de riverains") for text in texts)


FORWARDING = """
import sys
from checker.trafilatura_import import import_trafilatura
trafilatura = import_trafilatura()
assert "courlan" not in sys.modules and "htmldate" not in sys.modules
import trafilatura.utils, trafilatura.downloads, trafilatura.metadata
assert not isinstance(object(), trafilatura.utils.HTTPResponse)
print(trafilatura.utils.get_base_url("https://exemple.fr/a/b?c=d"))
store = trafilatura.downloads.UrlStore(compressed=False, strict=False)
print(type(store).__module__, isinstance(store, trafilatura.downloads.UrlStore))
page = '<html><head><meta name="date" content="2012-03-04"></head><body><p>x</p></body></html>'
print(trafilatura.metadata.find_date(page))
import courlan
print(courlan.get_base_url is sys.modules["courlan"].get_base_url, type(sys.modules["courlan"]).__name__)
"""

# trafilatura's downloads: the package's fetch_url imports the real module (urllib3's pools) on its first call.
# The address is this machine's discard port: the connection is refused (or the loopback address turned away by
# trafilatura's protection against server-side requests) and nothing leaves the machine.
DOWNLOADS = """
import sys
from checker.trafilatura_import import import_trafilatura
trafilatura = import_trafilatura()
print("urllib3" in sys.modules, "trafilatura.downloads" in sys.modules)
print(trafilatura.fetch_url("http://127.0.0.1:9/"))
import urllib3
downloads = sys.modules["trafilatura.downloads"]
print(type(downloads).__name__, issubclass(downloads._SafePoolManager, urllib3.PoolManager))
print(trafilatura.downloads is downloads)
print(isinstance(urllib3.response.HTTPResponse(body=b"x"), trafilatura.utils.HTTPResponse))
"""


def test_deferred_names_forward_to_the_real_libraries() -> None:
    out = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", FORWARDING], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.splitlines() == [
        "https://exemple.fr",
        "courlan.urlstore True",
        "2012-03-04",
        "True module",
    ]


def test_downloads_forward_to_the_real_module_with_urllib3() -> None:
    # Without -W ignore: importing the real downloads module must not print urllib3's SOCKS DependencyWarning.
    out = subprocess.run([sys.executable, "-c", DOWNLOADS], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.splitlines() == ["False False", "None", "module True", "True", "True"]
    assert out.stderr == ""


# justext, trafilatura's fallback: called on a page whose own extraction is short, and by try_justext, which
# reaches a class attribute of the stand-in class (« ParagraphMaker.make_paragraphs », inside a try that would
# hide a failure as an empty result).
FALLBACK = """
import sys
if sys.argv[1] == "ordinary":
    import trafilatura
else:
    from checker.trafilatura_import import import_trafilatura
    trafilatura = import_trafilatura()
print("justext" in sys.modules)
short = "<html><body><div><p>Court.</p></div><div><span>Un texte</span> <span>bref</span> mal <b>balisé</b></div>"
short += "</body></html>"
print(repr(trafilatura.extract(short, favor_recall=True, deduplicate=False)), "justext" in sys.modules)
from lxml.html import fromstring
import trafilatura.external
sentence = "<p>Le conseil régional a voté mardi le financement d’un nouveau quai au port de Brest, dont les travaux "
sentence += "commenceront au printemps et dureront deux ans selon le calendrier présenté aux élus.</p>"
page = fromstring(f"<html><body>{sentence * 2}<p>Accueil</p></body></html>")
body = trafilatura.external.try_justext(page, None, "fr")
print([p.text for p in body])
"""


def test_the_fallback_extractor_is_imported_when_called_and_gives_the_same_text() -> None:
    runs = {
        mode: subprocess.run(
            [sys.executable, "-c", FALLBACK, mode], capture_output=True, text=True, check=True, cwd=ROOT
        ).stdout.splitlines()
        for mode in ("ordinary", "deferred")
    }
    assert runs["ordinary"][0] == "True" and runs["deferred"][0] == "False"  # deferred until called
    assert runs["deferred"][1:] == runs["ordinary"][1:]
    assert runs["deferred"][1].endswith(" True")  # the short page called it
    assert runs["deferred"][2].count("Le conseil régional") == 2  # not an empty body: the class attribute works


CONCURRENT = """
import sys, threading
from checker.trafilatura_import import import_trafilatura
got = []
def second():
    while "trafilatura" not in sys.modules:  # the first thread's import has begun
        pass
    module = import_trafilatura()
    got.append((hasattr(module, "extract"), hasattr(module, "load_html")))
waiting = threading.Thread(target=second)
waiting.start()
import_trafilatura()
waiting.join()
print(got)
"""


def test_a_second_thread_gets_the_module_only_once_imported() -> None:
    out = subprocess.run([sys.executable, "-c", CONCURRENT], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[(True, True)]"
