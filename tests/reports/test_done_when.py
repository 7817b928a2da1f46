"""The issue's "done when": ``boardpack report scrutiny-progress --period 2024-06 --format pptx``
gives a deck that python-pptx reads back with each workstream's three lists word for word, the
MTFP tracker's 15 refs and totals in real table cells, a native chart, and no overflowing text."""

from pathlib import Path

import pytest
from django.core.management import call_command
from pptx import Presentation

from boardpack.demo.data import somerset_programme as seed
from tests.reports import office
from tests.reports.helpers import MTFP_REFS, MTFP_TOTALS, squash

pytestmark = pytest.mark.django_db


def _slide_text(slide) -> str:
    return squash(" ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame))


def test_the_scrutiny_deck_from_the_command(tmp_path: Path):
    deck_file = tmp_path / "deck.pptx"
    call_command(
        "report",
        "scrutiny-progress",
        "--period",
        "2024-06",
        "--format",
        "pptx",
        "-o",
        str(deck_file),
    )
    deck = Presentation(str(deck_file))
    slides = list(deck.slides)

    for workstream in seed.WORKSTREAMS:
        own = [s for s in slides if _slide_text(s).startswith(workstream["name"][:40])]
        assert own, workstream["name"]
        text = " ".join(_slide_text(s) for s in own)
        for point in workstream["working_well"] + workstream["not_working_well"]:
            assert squash(point["text"]) in text
        for point in workstream["to_escalate"] or [{"text": "N/A"}]:
            assert squash(point["text"]) in text

    cells = [
        squash(cell.text)
        for slide in slides
        for shape in slide.shapes
        if shape.has_table
        for row in shape.table.rows
        for cell in row.cells
    ]
    assert all(ref in cells for ref in MTFP_REFS)
    assert all(total in cells for total in MTFP_TOTALS)
    assert any(shape.has_chart for slide in slides for shape in slide.shapes)

    pdf = office.to_pdf(deck_file.read_bytes(), ".pptx", tmp_path)
    assert office.overflowing_words(deck_file, pdf) == []
