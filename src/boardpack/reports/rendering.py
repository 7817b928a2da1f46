"""One entry point for every format: the renderers are imported only when first needed."""

from __future__ import annotations

from boardpack.reports.document import Document

CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
FORMATS = tuple(CONTENT_TYPES)


class RendererUnavailable(RuntimeError):
    pass


def render(document: Document, fmt: str) -> bytes:
    try:
        return _render(document, fmt)
    except ModuleNotFoundError as exc:
        if not (exc.name or "").startswith("boardpack.reports.renderers"):
            raise
        raise RendererUnavailable(f"This instance has no {fmt} renderer.") from exc


def _render(document: Document, fmt: str) -> bytes:
    if fmt == "html":
        from boardpack.reports.renderers.html import render_html_bytes

        return render_html_bytes(document)
    if fmt == "pdf":
        from boardpack.reports.renderers.pdf import render_pdf

        return render_pdf(document)
    if fmt == "docx":
        from boardpack.reports.renderers.docx import render_docx  # type: ignore[import-not-found,unused-ignore]

        return bytes(render_docx(document))
    if fmt == "pptx":
        from boardpack.reports.renderers.pptx import render_pptx  # type: ignore[import-not-found,unused-ignore]

        return bytes(render_pptx(document))
    raise ValueError(f"Unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
