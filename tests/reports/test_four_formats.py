"""The same edition as HTML, PDF, Word and PowerPoint holds the same figures, cell by cell;
moving £ between a saving's statuses changes all four, and "what has changed" names it."""

from __future__ import annotations

import io
import re
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document as WordDocument
from pptx import Presentation

from boardpack.demo.loader import period
from boardpack.reports.assemble import build_document
from boardpack.reports.document import Document
from boardpack.reports.rendering import render
from tests.reports import office
from tests.reports.helpers import (
    MTFP_REFS,
    MTFP_TOTALS,
    copy_savings_to,
    html_table,
    june,
    move_at_risk_to_on_track,
    scrutiny,
    somerset,
    squash,
)

pytestmark = pytest.mark.django_db
FIGURE = re.compile(r"^\d{1,3}(,\d{3})+$")  # every tracker figure is at least £1,000
COLUMNS = 8


def _rendered(document: Document) -> dict[str, bytes]:
    return {fmt: render(document, fmt) for fmt in ("html", "pdf", "docx", "pptx")}


def _squash_rows(rows: list[list[str]]) -> list[list[str]]:
    return [[squash(c) for c in row] for row in rows]


def mtfp_from_html(content: bytes) -> list[list[str]]:
    return _squash_rows(html_table(content.decode(), "MTFP Tracker")[1:])


def _is_mtfp_header(cells: list[str]) -> bool:
    return len(cells) == COLUMNS and cells[0] == "Ref" and cells[-1] == "Comments"


def mtfp_from_docx(content: bytes) -> list[list[str]]:
    word = WordDocument(io.BytesIO(content))
    for table in word.tables:
        rows = [[c.text for c in row.cells] for row in table.rows]
        if rows and _is_mtfp_header(_squash_rows(rows)[0]):
            return [r for r in _squash_rows(rows) if not _is_mtfp_header(r)]
    raise AssertionError("no MTFP table in the Word file")


def mtfp_from_pptx(content: bytes) -> list[list[str]]:
    deck = Presentation(io.BytesIO(content))
    found: list[list[str]] = []
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_table:
                rows = _squash_rows([[cell.text for cell in row.cells] for row in shape.table.rows])
                if rows and _is_mtfp_header(rows[0]):
                    found += rows[1:]
    assert found, "no MTFP table in the deck"
    return found


def mtfp_figures_from_pdf(content: bytes, folder: Path) -> dict[str, list[str]]:
    """Each MTFP row's figures as the PDF prints them on the row's first line."""
    source = folder / "report.pdf"
    source.write_bytes(content)
    text = subprocess.run(
        ["pdftotext", "-layout", str(source), "-"], check=True, capture_output=True, text=True
    ).stdout
    figures: dict[str, list[str]] = {}
    for line in text.splitlines():
        words = line.split()
        if not words:
            continue
        key = words[0] if words[0] in MTFP_REFS else ("TOTALS" if words[0] == "TOTALS" else "")
        if key and key not in figures and any(FIGURE.match(w) for w in words):
            figures[key] = [w for w in words if FIGURE.match(w)]
    return figures


def _figures(row: list[str]) -> list[str]:
    return [c for c in row[2:7] if c]


def _key(row: list[str]) -> str:
    return row[0] or row[1]


def _four(files: dict[str, bytes], folder: Path) -> dict[str, list[list[str]]]:
    html = mtfp_from_html(files["html"])
    word = mtfp_from_docx(files["docx"])
    deck = mtfp_from_pptx(files["pptx"])
    pdf = mtfp_figures_from_pdf(files["pdf"], folder)
    # The PDF's text has no cell boundaries: compare each row's figures in order.
    assert {k: v for k, v in pdf.items()} == {_key(r): _figures(r) for r in html}
    return {"html": html, "docx": word, "pptx": deck}


def test_all_four_formats_hold_the_same_mtfp_table_cell_by_cell(tmp_path: Path):
    document = build_document(scrutiny(), somerset(), june())
    tables = _four(_rendered(document), tmp_path)
    html = tables["html"]
    assert [r[0] for r in html[:-1]] == MTFP_REFS
    assert [html[-1][i] for i in (2, 4, 5, 6)] == MTFP_TOTALS and html[-1][3] == ""
    assert tables["docx"] == html
    assert tables["pptx"] == html


def _what_changed(files: dict[str, bytes], folder: Path) -> dict[str, str]:
    html = squash(re.sub(r"<[^>]+>", " ", files["html"].decode()))
    word = squash(" ".join(p.text for p in WordDocument(io.BytesIO(files["docx"])).paragraphs))
    deck = Presentation(io.BytesIO(files["pptx"]))
    slides = squash(
        " ".join(
            shape.text_frame.text
            for slide in deck.slides
            for shape in slide.shapes
            if shape.has_text_frame
        )
    )
    source = folder / "changed.pdf"
    source.write_bytes(files["pdf"])
    pdf = squash(
        subprocess.run(
            ["pdftotext", str(source), "-"], check=True, capture_output=True, text=True
        ).stdout
    )
    return {"html": html, "pdf": pdf, "docx": word, "pptx": slides}


def test_moving_a_saving_changes_all_four_and_what_has_changed_names_it(tmp_path: Path):
    may = period(somerset(), "2024-05")
    copy_savings_to(june(), may)
    before = _rendered(build_document(scrutiny(), somerset(), june()))

    move_at_risk_to_on_track("CFE016", Decimal("100000"), june())
    after = _rendered(build_document(scrutiny(), somerset(), june()))

    for fmt in before:
        assert before[fmt] != after[fmt], fmt
    tables = _four(after, tmp_path)
    for fmt, rows in tables.items():
        cfe016 = next(r for r in rows if r[0] == "CFE016")
        assert cfe016[5:7] == ["1,582,000", "1,803,800"], fmt
        assert [rows[-1][i] for i in (2, 4, 5, 6)] == [
            "9,568,900",
            "1,371,200",
            "4,266,400",
            "3,931,300",
        ], fmt
    for fmt, text in _what_changed(after, tmp_path).items():
        assert (
            "CFE016 16+ placements (Block contract): £100,000 moved from At Risk to On Track"
            in (text)
        ), fmt


def test_libreoffice_opens_the_word_and_powerpoint_files(tmp_path: Path):
    files = _rendered(build_document(scrutiny(), somerset(), june()))
    for suffix in ("docx", "pptx"):
        pdf = office.to_pdf(files[suffix], f".{suffix}", tmp_path)
        assert office.to_pngs(pdf, resolution=20)


def test_bad_input_renders_in_every_format_and_says_what_is_missing(tmp_path: Path):
    from boardpack.reports.models import Block, TemplateSection

    template = scrutiny()
    TemplateSection.objects.create(
        template=template, slug="empty", title="An empty section", order=99
    )
    narrative = Block.objects.get(section__template=template, kind="narrative")
    hostile = "<script>alert(1)</script> [click](javascript:alert(1)) **bold**\n\n- " + "w" * 5000
    no_data = period(somerset(), "2025-01")
    for month in (june(), no_data):
        document = build_document(template, somerset(), month, narratives={narrative.pk: hostile})
        files = _rendered(document)
        html = files["html"].decode()
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>" not in html
        assert "javascript:" not in html.replace("[click](javascript:alert(1))", "")
        assert "w" * 5000 in html
        assert "Nothing is in this section yet." in html
        assert files["pdf"].startswith(b"%PDF")
        for suffix in ("docx", "pptx"):
            assert files[suffix].startswith(b"PK")
    assert "Not available:" in html  # the period with no data says so, in place
    assert "summary is recorded for January 2025" in html
