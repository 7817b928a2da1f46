"""Word and PowerPoint renderers on the biggest sample document (seed 001's deck, built by hand).

Target on the 2-core machine: each at most 1 s. Chart pictures are drawn once per process (the
warm-up run draws the Word file's chart), as they are when an edition renders all four formats.
"""

from __future__ import annotations

from collections.abc import Callable


def run(measure: Callable[..., float]) -> None:
    from tests.reports.sample_documents import scrutiny_deck

    from boardpack.reports.renderers.docx import render_docx
    from boardpack.reports.renderers.pptx import render_pptx

    document = scrutiny_deck()
    measure("render pptx: scrutiny deck sample", lambda: render_pptx(document), repeat=5)
    measure("render docx: scrutiny deck sample", lambda: render_docx(document), repeat=5)
