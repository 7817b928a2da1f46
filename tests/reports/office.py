"""Opening Word and PowerPoint files as a reader would: LibreOffice, then poppler.

``to_pdf`` converts a .docx or .pptx with LibreOffice (its own profile folder, so parallel runs
never share one) and fails the test when LibreOffice cannot open the file. ``to_pngs`` renders the
pages with ``pdftoppm -png -r 60``; ``words`` reads every word and its box with
``pdftotext -bbox-layout``; ``overflowing_words`` checks that each word on a slide lies inside
the slide and inside a shape that holds that word, as python-pptx reports the shapes.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import uuid
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree
from PIL import Image
from pptx import Presentation
from pptx.util import Emu

EMU_PER_PT = 12700
XHTML = "{http://www.w3.org/1999/xhtml}"
TOLERANCE = 2.0  # points: glyph boxes reach a little past the ink


def to_pdf(document: bytes, suffix: str, folder: Path) -> Path:
    """The file converted to PDF by LibreOffice; fails the test if LibreOffice cannot open it."""
    soffice = shutil.which("soffice")
    if soffice is None:
        raise AssertionError("LibreOffice (soffice) is not installed: make test installs it")
    source = folder / f"document-{uuid.uuid4().hex[:8]}{suffix}"
    source.write_bytes(document)
    profile = Path("/tmp") / f"boardpack-lo-{uuid.uuid4().hex}"
    try:
        result = subprocess.run(
            [
                soffice,
                "--headless",
                f"-env:UserInstallation=file://{profile}",
                "--convert-to",
                "pdf",
                "--outdir",
                str(folder),
                str(source),
            ],
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    pdf = source.with_suffix(".pdf")
    if result.returncode != 0 or not pdf.exists() or pdf.stat().st_size == 0:
        raise AssertionError(
            f"LibreOffice could not open {source.name}: {result.stdout} {result.stderr}"
        )
    return pdf


def to_pngs(pdf: Path, resolution: int = 60) -> list[Path]:
    prefix = pdf.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(resolution), str(pdf), str(prefix)],
        check=True,
        capture_output=True,
    )
    return sorted(pdf.parent.glob(f"{prefix.name}-*.png"))


def ink_fraction(png: Path) -> float:
    """The share of pixels that are not near-white: 0 for a blank page."""
    with Image.open(png) as image:
        grey = image.convert("L")
        histogram = grey.histogram()
    dark = sum(histogram[:200])
    return dark / max(1, grey.width * grey.height)


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        return " ".join(word.text for word in self.words)


def words(pdf: Path) -> list[Page]:
    """Every page of the PDF, with each word and its box in points from the top left."""
    result = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], check=True, capture_output=True
    )
    root = etree.fromstring(result.stdout, etree.XMLParser(recover=True, huge_tree=True))
    pages = []
    for page in root.iter(f"{XHTML}page"):
        found = tuple(
            Word(
                word.text or "",
                float(word.get("xMin")),
                float(word.get("yMin")),
                float(word.get("xMax")),
                float(word.get("yMax")),
            )
            for word in page.iter(f"{XHTML}word")
        )
        pages.append(Page(float(page.get("width")), float(page.get("height")), found))
    return pages


@dataclass(frozen=True)
class Box:
    name: str
    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    any_text: bool  # charts: axis labels are drawn by the application

    def holds(self, word: Word) -> bool:
        """Across, the whole word; down, its middle (a glyph box reaches past the line box)."""
        middle = (word.y0 + word.y1) / 2
        return (
            word.x0 >= self.x0 - TOLERANCE
            and word.x1 <= self.x1 + TOLERANCE
            and self.y0 <= middle <= self.y1
        )


BULLETS = ("•", "–", "◦", "▪")


def _shape_text(shape: Any) -> str:
    if shape.has_text_frame:
        return str(shape.text_frame.text)
    if getattr(shape, "has_table", False) and shape.has_table:
        return " ".join(cell.text for row in shape.table.rows for cell in row.cells)
    return ""


def slide_boxes(slide: Any) -> list[Box]:
    boxes = []
    for shape in slide.shapes:
        is_chart = bool(getattr(shape, "has_chart", False) and shape.has_chart)
        text = _shape_text(shape)
        if not text and not is_chart:
            continue
        x0 = Emu(shape.left).pt
        y0 = Emu(shape.top).pt
        text = " ".join([*text.split(), *BULLETS])
        boxes.append(
            Box(
                shape.name,
                x0,
                y0,
                x0 + Emu(shape.width).pt,
                y0 + Emu(shape.height).pt,
                text,
                is_chart,
            )
        )
    return boxes


def overflowing_words(pptx_file: Path, pdf: Path) -> list[str]:
    """Words outside their slide, or outside every shape that holds them: one line per problem."""
    deck = Presentation(str(pptx_file))
    pages = words(pdf)
    problems = []
    if len(pages) != len(deck.slides):
        problems.append(f"{len(deck.slides)} slides but {len(pages)} PDF pages")
    for number, (slide, page) in enumerate(zip(deck.slides, pages, strict=False), start=1):
        boxes = slide_boxes(slide)
        written = Counter("".join("".join(_shape_text(shape).split()) for shape in slide.shapes))
        drawn = Counter("".join(word.text for word in page.words))
        missing = written - drawn
        if missing:
            problems.append(f"slide {number}: {sum(missing.values())} characters not drawn")
        for word in page.words:
            if word.x0 < -TOLERANCE or word.y0 < -TOLERANCE:
                problems.append(f"slide {number}: {word.text!r} starts off the slide")
            if word.x1 > page.width + TOLERANCE or (word.y0 + word.y1) / 2 > page.height:
                problems.append(f"slide {number}: {word.text!r} runs off the slide")
            owners = [
                box
                for box in boxes
                if box.any_text or word.text in box.text or re.fullmatch(r"\d+\.", word.text)
            ]
            if not any(box.holds(word) for box in owners):
                names = ", ".join(box.name for box in owners) or "no shape"
                problems.append(
                    f"slide {number}: {word.text!r} at ({word.x0:.0f}, {word.y0:.0f}) lies "
                    f"outside {names}"
                )
    return problems
