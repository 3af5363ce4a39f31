"""trafilatura without the import of its URL, date, download and fallback libraries until one of their
functions is called.

`import trafilatura` imports courlan (URL handling, with tld), htmldate (dates, with dateutil) and
charset_normalizer (decoding bytes) for names its modules bind at import time, and its `downloads` module,
which subclasses urllib3's classes (urllib3 brings http.client, ssl and email); `trafilatura.utils` imports
`urllib3.response` only to recognise a downloaded response. Extracting the main text of a page given as a
string, without URL or metadata, calls none of them. Those libraries are half of the package's import
(0.15 s of CPU on a lint of the one HTML page without <main>). justext, the fallback extractor that trafilatura
calls only on pages its own extraction finds unclean or short, is another tenth (0.012 s). While trafilatura's
modules are imported, each of these modules that is not imported yet is a stand-in module whose functions
import the real module when first called and forward the call to it, and whose classes build the real class's
objects and give the real class's attributes (« ParagraphMaker.make_paragraphs »): trafilatura behaves
exactly as with the real modules, which are only imported if it ever needs them (`trafilatura.fetch_url`
imports the real `trafilatura.downloads`, which imports urllib3 and courlan as usual). The stand-ins leave
`sys.modules` as soon as trafilatura is imported, so any later `import courlan` or `import trafilatura.downloads`
gets the real module.

One side effect of the ordinary import is not reproduced: importing courlan and `trafilatura.downloads`
calls `urllib3.disable_warnings()` for the whole process. A lint that never downloads leaves urllib3's warnings
as they were, also when urllib3 is already imported by other code (language_tool_python's server client
imports requests); they are turned off as usual if trafilatura's downloads are ever imported.

What stays after the import: names trafilatura's modules bound from a deferred library keep their stand-ins
(`trafilatura.utils.HTTPResponse` is a stand-in class: `isinstance` answers for the real class, `issubclass`
does not), and `trafilatura.downloads` is an attribute of the package only once the real module is imported.
The fallback below only catches a trafilatura that fails to import with the stand-ins.
"""

from __future__ import annotations

import importlib
import sys
import threading
import types
from typing import Any

# The modules trafilatura's package imports for names it uses only when given a URL, bytes, a downloaded
# response or metadata, or when asked to download; and justext, the fallback extractor called only on pages
# whose own extraction comes out unclean or short (its package imports urllib.request and email).
DEFERRED_LIBRARIES = (
    *("courlan", "htmldate", "charset_normalizer", "urllib3.response", "trafilatura.downloads"),
    *("justext.core", "justext.utils"),
)

_LOCK = threading.Lock()
_imported: Any = None  # set once the import has finished: another thread must not get a module being initialised


def _real(library: str, name: str) -> Any:
    return getattr(importlib.import_module(library), name)


class _DeferredClassMeta(type):
    """Class of the stand-in classes: an object is an instance only of the real class, which exists once its
    library is imported (before that, no object of it can exist)."""

    __deferred_library__: str
    __deferred_name__: str

    def __instancecheck__(cls, obj: object) -> bool:
        if cls.__deferred_library__ not in sys.modules:
            return False
        return isinstance(obj, _real(cls.__deferred_library__, cls.__deferred_name__))

    def __getattr__(cls, name: str) -> Any:
        # A class attribute (« ParagraphMaker.make_paragraphs(tree) »): the real class's.
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(_real(cls.__deferred_library__, cls.__deferred_name__), name)


def _deferred_class(library: str, name: str) -> type:
    def build(cls: type, *args: Any, **kwargs: Any) -> Any:  # an object of the real class (its __init__ runs)
        return _real(library, name)(*args, **kwargs)

    return _DeferredClassMeta(name, (), {"__deferred_library__": library, "__deferred_name__": name, "__new__": build})


def _deferred_function(library: str, name: str) -> Any:
    def call(*args: Any, **kwargs: Any) -> Any:
        return _real(library, name)(*args, **kwargs)

    call.__name__ = call.__qualname__ = name
    return call


class _StandIn(types.ModuleType):
    """A library's module while trafilatura is imported: each name asked for is a forwarding stand-in."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        library = self.__name__
        return _deferred_class(library, name) if name[:1].isupper() else _deferred_function(library, name)


def import_trafilatura() -> Any:
    """The trafilatura package, imported with its URL, date, encoding and fallback libraries deferred (see above)."""
    global _imported
    if _imported is not None:
        return _imported
    with _LOCK:
        if _imported is None:
            _imported = _import_with_stand_ins()
        return _imported


def _import_with_stand_ins() -> Any:
    if "trafilatura" in sys.modules:  # imported, or being imported, the ordinary way: import_module waits for it
        return importlib.import_module("trafilatura")
    stand_ins = [library for library in DEFERRED_LIBRARIES if library not in sys.modules]
    for library in stand_ins:
        sys.modules[library] = _StandIn(library)
    try:
        return importlib.import_module("trafilatura")
    except Exception:
        # A trafilatura that uses these libraries at import time: import it the ordinary way.
        for module in [m for m in sys.modules if m == "trafilatura" or m.startswith("trafilatura.")]:
            del sys.modules[module]
        for library in stand_ins:
            sys.modules.pop(library, None)
        stand_ins = []
        return importlib.import_module("trafilatura")
    finally:
        for library in stand_ins:
            if isinstance(sys.modules.get(library), _StandIn):
                del sys.modules[library]
