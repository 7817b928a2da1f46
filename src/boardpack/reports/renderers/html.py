"""HTML: the intermediate document laid out with Django templates (accessible, printable).

The edition page includes ``reports/_document.html`` inside the site's layout; the downloadable
page (and the PDF, see :mod:`pdf`) is ``reports/document.html``, a file that stands alone with
its stylesheet inside.
"""

from __future__ import annotations

import functools
from pathlib import Path

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from boardpack.reports.document import Document

STYLESHEET = Path(__file__).resolve().parents[1] / "static" / "reports" / "document.css"


@functools.lru_cache(maxsize=1)
def stylesheet() -> SafeString:
    # Our own file, not user input: safe to place inside <style>.
    return SafeString(STYLESHEET.read_text(encoding="utf-8"))


def render_html(document: Document, *, for_print: bool = False) -> str:
    return render_to_string(
        "reports/document.html",
        {"doc": document, "for_print": for_print, "stylesheet": stylesheet()},
    )


def render_html_bytes(document: Document) -> bytes:
    return render_html(document).encode("utf-8")
