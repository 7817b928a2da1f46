"""PDF: WeasyPrint lays out the same HTML with the print stylesheet.

Cover, contents with page numbers, running header and footer with "Page x of y", table header
rows repeated on every page, bookmarks from the headings, and a tagged PDF (PDF/UA-1) with the
document's language and title set.
"""

from __future__ import annotations

from boardpack.reports.document import Document
from boardpack.reports.renderers.html import render_html

PDF_VARIANT = "pdf/ua-1"


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML

    pdf = HTML(string=html, base_url=".").write_pdf(pdf_variant=PDF_VARIANT)
    assert pdf is not None
    return bytes(pdf)


def render_pdf(document: Document) -> bytes:
    return html_to_pdf(render_html(document, for_print=True))
