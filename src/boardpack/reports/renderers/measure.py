"""What the Word and PowerPoint renderers share: clean text, safe links, RAG colours, and text
measured with the fonts the files use (to size table columns so that figures never wrap).

Kept apart from the PowerPoint renderer so that the Word renderer does not import python-pptx
(and, through its charts, xlsxwriter): start-up time that ``boardpack report --format docx``
would otherwise pay for nothing.
"""

from __future__ import annotations

import functools
import math
import re
from pathlib import Path

from PIL import ImageFont

from boardpack.reports.document import Table

EMU_PER_PT = 12700
WIDTH_SLACK = 0.97  # wrap a little earlier than the metrics say, for hinting differences
CELL_X = 64008  # EMU (0.07 in): a table cell's inset either side
RAG_HEX: dict[str, tuple[str, str]] = {  # fill, text
    "R": ("D4351C", "FFFFFF"),
    "A": ("F47738", "0B0C0C"),
    "G": ("00703C", "FFFFFF"),
    "B": ("1D70B8", "FFFFFF"),
    "NR": ("B1B4B6", "0B0C0C"),
}
FONT_FILES = {
    (False, False): "LiberationSans-Regular.ttf",
    (True, False): "LiberationSans-Bold.ttf",
    (False, True): "LiberationSans-Italic.ttf",
    (True, True): "LiberationSans-BoldItalic.ttf",
}
FONT_DIRS = (
    "/usr/share/fonts/truetype/liberation2",
    "/usr/share/fonts/truetype/liberation",
    "/usr/share/fonts/liberation-sans",
    "/usr/share/fonts/liberation",
)
# Without Liberation Sans, DejaVu Sans (wider than Arial) measures safely: text wraps early.
FALLBACK_FILES = {
    (False, False): "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    (True, False): "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    (False, True): "/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf",
    (True, True): "/usr/share/fonts/truetype/dejavu/DejaVuSans-BoldOblique.ttf",
}
SAFE_LINK = re.compile(r"^(https?://|mailto:)", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def safe_href(href: str) -> str:
    """The link if it is http(s) or mailto and holds no spaces or control characters, else ""."""
    href = href.strip()
    if (
        not SAFE_LINK.match(href)
        or re.search(r"[\s\x00-\x1f\x7f<>\"]", href)
        or _CONTROL.search(href)
    ):
        return ""
    return href


def clean(text: str, *, one_line: bool = True) -> str:
    """Text that XML can hold; on one line unless it is speaker notes."""
    text = _CONTROL.sub("", text)
    return re.sub(r"\s", " ", text) if one_line else text.replace("\t", " ")


@functools.cache
def _font(bold: bool, italic: bool) -> ImageFont.FreeTypeFont:
    name = FONT_FILES[(bold, italic)]
    candidates = [Path(folder) / name for folder in FONT_DIRS]
    for path in [*candidates, Path(FALLBACK_FILES[(bold, italic)])]:
        if path.exists():
            return ImageFont.truetype(str(path), 100)
    raise RuntimeError(
        f"The PowerPoint renderer measures text with Liberation Sans ({name}) or DejaVu Sans, "
        "and neither is installed: install Debian's fonts-liberation2 package."
    )


@functools.lru_cache(maxsize=65536)
def _width_pt(text: str, size: float, bold: bool, italic: bool) -> float:
    return float(_font(bold, italic).getlength(text)) * size / 100


def _emu(points: float) -> int:
    return int(math.ceil(points * EMU_PER_PT))


def column_widths(table: Table, size: float, width: int) -> list[int] | None:
    """Column widths (EMU) filling ``width``: figures never wrap, text shares what is left.
    ``None`` when even the narrowest layout does not fit."""
    count = table.column_count
    rows = [(r, True) for r in table.header_rows] + [(r, r.role != "body") for r in table.rows]
    natural = [0.0] * count
    longest = [0.0] * count
    numeric = [True] * count
    for row, bold in rows:
        for index, cell in enumerate(row.cells[:count]):
            text = clean(cell.text)
            natural[index] = max(natural[index], _width_pt(text, size, bold, False))
            words = text.split() or [""]
            longest[index] = max(
                longest[index], max(_width_pt(w, size, bold, False) for w in words)
            )
            if cell.text and not cell.numeric and row not in table.header_rows:
                numeric[index] = False
    pad = 2 * CELL_X / EMU_PER_PT + 2
    natural = [n / WIDTH_SLACK + pad for n in natural]
    minimum = [
        n if numeric[i] else max(w / WIDTH_SLACK + pad, 36.0)
        for i, (n, w) in enumerate(zip(natural, longest, strict=True))
    ]
    total = width / EMU_PER_PT
    if table.widths and len(table.widths) == count:
        parts = [max(1, w) for w in table.widths]
        return [int(width * p / sum(parts)) for p in parts]
    if sum(minimum) > total:
        return None
    if sum(natural) <= total:
        extra = total - sum(natural)
        return [_emu(n + extra * n / sum(natural)) for n in natural]
    widths = list(minimum)
    flexible = [i for i in range(count) if natural[i] > minimum[i]]
    spare = total - sum(minimum)
    want = sum(natural[i] - minimum[i] for i in flexible)
    for i in flexible:
        widths[i] += spare * (natural[i] - minimum[i]) / want
    return [int(w * EMU_PER_PT) for w in widths]
