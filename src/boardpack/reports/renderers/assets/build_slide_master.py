"""Builds ``slide-master.pptx``, the 16:9 slide master the PowerPoint renderer starts from.

Run it again after changing the geometry below (``python -m
boardpack.reports.renderers.assets.build_slide_master``); the renderer reads the same constants, so
placeholders and the renderer's layout always agree. It starts from python-pptx's own default
template, resizes it to 16:9, keeps three layouts (Title Slide, Title and Content, Title Only), puts
Arial (metric-compatible with Liberation Sans, which the renderer measures with) in the theme, and
draws a thin accent rule under the title.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.util import Emu, Inches, Pt

PATH = Path(__file__).with_name("slide-master.pptx")

SLIDE_WIDTH = Emu(12192000)
SLIDE_HEIGHT = Emu(6858000)
MARGIN = Inches(0.5)
TITLE_TOP = Inches(0.25)
TITLE_HEIGHT = Inches(1.0)
RULE_TOP = Inches(1.3)
CONTENT_TOP = Inches(1.45)
CONTENT_BOTTOM = Inches(6.85)
FOOTER_TOP = Inches(6.95)
FOOTER_HEIGHT = Inches(0.4)
ACCENT = RGBColor(0x1D, 0x70, 0xB8)
INK = RGBColor(0x0B, 0x0C, 0x0C)
FONT = "Arial"

KEEP = ("Title Slide", "Title and Content", "Title Only")


def _place(shape: object, left: int, top: int, width: int, height: int) -> None:
    shape.left, shape.top, shape.width, shape.height = (  # type: ignore[attr-defined]
        Emu(left),
        Emu(top),
        Emu(width),
        Emu(height),
    )


def _add_rectangle(prs: Any, target: Any, name: str, box: tuple[int, int, int, int]) -> None:
    """Masters and layouts cannot add shapes in python-pptx: draw on a scratch slide, move it."""
    scratch = prs.slides.add_slide(prs.slide_layouts[0])
    shape = scratch.shapes.add_shape(MSO_SHAPE.RECTANGLE, *box)
    shape.fill.solid()
    shape.fill.fore_color.rgb = ACCENT
    shape.line.fill.background()
    shape.name = name
    target.shapes._spTree.insert(2, shape._element)  # behind the placeholders
    slide_ids = prs.slides._sldIdLst
    slide_id = slide_ids[-1]
    prs.part.drop_rel(slide_id.rId)
    slide_ids.remove(slide_id)


def build() -> bytes:
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_WIDTH, SLIDE_HEIGHT
    content_width = SLIDE_WIDTH - 2 * MARGIN
    for layout in list(prs.slide_layouts):
        if layout.name not in KEEP:
            prs.slide_layouts.remove(layout)

    master = prs.slide_master
    for ph in master.placeholders:
        kind = ph.placeholder_format.type
        if kind == 1:  # title
            _place(ph, MARGIN, TITLE_TOP, content_width, TITLE_HEIGHT)
        elif kind == 2:  # body
            _place(ph, MARGIN, CONTENT_TOP, content_width, CONTENT_BOTTOM - CONTENT_TOP)
        else:  # date, footer, slide number along the bottom
            width = content_width // 3
            _place(
                ph,
                MARGIN + width * (ph.placeholder_format.idx - 10),
                FOOTER_TOP,
                width,
                FOOTER_HEIGHT,
            )
    _add_rectangle(prs, master, "Accent rule", (MARGIN, RULE_TOP, content_width, Pt(3)))

    for layout in prs.slide_layouts:
        placeholders: Any = layout.placeholders
        for ph in placeholders:
            kind = ph.placeholder_format.type
            if kind == 3:  # the title slide's title
                _place(ph, Inches(0.8), Inches(1.2), SLIDE_WIDTH - Inches(1.6), Inches(1.5))
                ph.text_frame.vertical_anchor = MSO_ANCHOR.BOTTOM
            elif kind == 4:  # its subtitle
                _place(ph, Inches(0.8), Inches(2.8), SLIDE_WIDTH - Inches(1.6), Inches(0.9))
            elif kind == 1:
                _place(ph, MARGIN, TITLE_TOP, content_width, TITLE_HEIGHT)
            elif kind == 7:
                _place(ph, MARGIN, CONTENT_TOP, content_width, CONTENT_BOTTOM - CONTENT_TOP)
            else:
                width = content_width // 3
                _place(
                    ph,
                    MARGIN + width * (ph.placeholder_format.idx - 10),
                    FOOTER_TOP,
                    width,
                    FOOTER_HEIGHT,
                )
    title_layout = prs.slide_layouts[0]
    _add_rectangle(prs, title_layout, "Accent band", (0, 0, Inches(0.35), SLIDE_HEIGHT))

    theme = master.part.part_related_by(RT.THEME)
    xml = theme.blob.decode("utf-8")
    xml = re.sub(r'(<a:latin typeface=")[^"]*(")', rf"\g<1>{FONT}\g<2>", xml)
    theme._blob = xml.encode("utf-8")  # noqa: SLF001 - the theme is a plain part in python-pptx
    from io import BytesIO

    out = BytesIO()
    prs.save(out)
    return out.getvalue()


if __name__ == "__main__":
    PATH.write_bytes(build())
    print(f"Wrote {PATH}")
