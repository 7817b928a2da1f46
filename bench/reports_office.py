"""Word and PowerPoint renderers on the biggest sample document (seed 001's deck, built by hand).

Target on the 2-core machine: each at most 1 s. Chart pictures are drawn once per process (the
warm-up run draws the Word file's chart), as they are when an edition renders all four formats.
"""

from __future__ import annotations

from bench.measuring import Collector
from bench.table import Row

ORDER = 70


def rows(quick: bool = False) -> list[Row]:
    from tests.reports.sample_documents import scrutiny_deck

    from boardpack.reports.renderers.docx import render_docx
    from boardpack.reports.renderers.pptx import render_pptx

    collector = Collector(quick)
    document = scrutiny_deck()
    collector.measure(
        "render pptx: scrutiny deck sample", lambda: render_pptx(document), 5, limit=1.0
    )
    collector.measure(
        "render docx: scrutiny deck sample", lambda: render_docx(document), 5, limit=1.0
    )
    return collector.rows
