"""The PowerPoint renderer: a :class:`Document` laid out as a 16:9 slide deck.

It starts from ``assets/slide-master.pptx`` (title, title-and-content and title-only layouts) and
only lays the document out: every figure is printed exactly as the document gives it.

Text never overflows its box. Every run is set in Arial, and the renderer measures it with the
metrics of Liberation Sans (Arial's metric-compatible twin, the font LibreOffice uses for it), sets
exact line spacing, and so knows how many lines each paragraph, list item and table cell takes.
What does not fit on a slide continues on the next one, titled "(continued)": long lists and
paragraphs line by line, tables row by row with their header rows repeated. Charts are native
PowerPoint charts (an officer can edit them), with alt text, followed by their data table.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from io import BytesIO
from pathlib import Path
from typing import Any

from lxml import etree
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from boardpack.reports.document import (
    SUPPRESSED_MARK,
    BulletList,
    Cell,
    Chart,
    Document,
    Heading,
    ListItem,
    Node,
    Notice,
    Paragraph,
    Row,
    Run,
    Section,
    Status,
    Table,
    Tiles,
)
from boardpack.reports.renderers.assets import build_slide_master as master
from boardpack.reports.renderers.measure import (
    CELL_X as CELL_X_EMU,
)
from boardpack.reports.renderers.measure import (
    EMU_PER_PT,
    RAG_HEX,
    WIDTH_SLACK,
    _emu,
    _width_pt,
    clean,
    safe_href,
)
from boardpack.reports.renderers.measure import column_widths as fitted_widths

MASTER = Path(__file__).with_name("assets") / "slide-master.pptx"
FONT = master.FONT
LINE = 1.2  # exact line spacing, as a multiple of the font size
INSET_X = Emu(91440)  # 0.1 in either side of a text box
INSET_Y = Emu(45720)  # 0.05 in above and below
SAFETY = Pt(4)  # spare height in every text box
GAP = Emu(110000)  # between blocks on a slide
LEFT = int(master.MARGIN)
TOP = int(master.CONTENT_TOP)
WIDTH = int(master.SLIDE_WIDTH - 2 * master.MARGIN)
BOTTOM = int(master.CONTENT_BOTTOM)
INK = RGBColor(0x0B, 0x0C, 0x0C)
GREY = RGBColor(0x50, 0x5A, 0x5F)
LINK = RGBColor(0x1D, 0x70, 0xB8)
WHITE = RGBColor(0xFF, 0xFF, 0xFF)
HEADER_FILL = RGBColor(0x1D, 0x3A, 0x5F)
TOTAL_FILL = RGBColor(0xDE, 0xE0, 0xE2)
RAG_COLOURS: dict[str, tuple[RGBColor, RGBColor]] = {  # fill, text
    rag: (RGBColor.from_string(fill), RGBColor.from_string(ink))
    for rag, (fill, ink) in RAG_HEX.items()
}
SERIES_COLOURS = {
    "over-achieved": RGBColor(0x00, 0x70, 0x3C),
    "achieved": RGBColor(0x85, 0x99, 0x4B),
    "on track": RGBColor(0x1D, 0x70, 0xB8),
    "at risk": RGBColor(0xD4, 0x35, 0x1C),
}
PALETTE = (
    RGBColor(0x1D, 0x70, 0xB8),
    RGBColor(0xF4, 0x77, 0x38),
    RGBColor(0x00, 0x70, 0x3C),
    RGBColor(0x4C, 0x2C, 0x92),
    RGBColor(0xD4, 0x35, 0x1C),
    RGBColor(0x50, 0x5A, 0x5F),
)
NOTICE_PREFIX = {"missing": "Missing: ", "warning": "Warning: ", "info": "Note: "}
CHART_TYPES = {
    "bar": XL_CHART_TYPE.BAR_CLUSTERED,
    "stacked_bar": XL_CHART_TYPE.BAR_STACKED,
    "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "stacked_column": XL_CHART_TYPE.COLUMN_STACKED,
    "line": XL_CHART_TYPE.LINE_MARKERS,
}


@dataclass(frozen=True)
class Token:
    """A word (with the space after it) in one style."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str = ""


def tokens(
    runs: tuple[Run, ...] | list[Run], *, bold: bool = False, italic: bool = False
) -> list[Token]:
    out = []
    for run in runs:
        href = safe_href(run.href)
        for word in re.findall(r"\S+\s*|\s+", clean(run.text)):
            out.append(Token(word, run.bold or bold, run.italic or italic, href))
    return out


def _words(toks: list[Token]) -> Iterator[list[Token]]:
    """Tokens glued together (no space between runs) wrap as one word."""
    word: list[Token] = []
    for tok in toks:
        word.append(tok)
        if tok.text[-1].isspace():
            yield word
            word = []
    if word:
        yield word


def wrap(toks: list[Token], size: float, width_emu: int) -> list[list[Token]]:
    """Greedy line breaking as PowerPoint and LibreOffice do it; over-long words break anywhere."""
    avail = width_emu / EMU_PER_PT * WIDTH_SLACK
    lines: list[list[Token]] = [[]]
    used = 0.0

    def measure(tok: Token, text: str) -> float:
        return _width_pt(text, size, tok.bold, tok.italic)

    for word in _words(toks):
        inked = sum(measure(t, t.text) for t in word[:-1]) + measure(
            word[-1], word[-1].text.rstrip()
        )
        full = sum(measure(t, t.text) for t in word)
        if used + inked <= avail or (not lines[-1] and inked <= avail):
            lines[-1].extend(word)
            used += full
            continue
        if lines[-1]:
            lines.append([])
            used = 0.0
        if inked <= avail:
            lines[-1].extend(word)
            used = full
            continue
        for tok in word:  # a word wider than the box: break it character by character
            piece = ""
            for char in tok.text:
                if used + measure(tok, piece + char) > avail and (piece or lines[-1]):
                    if piece:
                        lines[-1].append(replace(tok, text=piece))
                    lines.append([])
                    used, piece = 0.0, ""
                piece += char
            if piece:
                lines[-1].append(replace(tok, text=piece))
                used += measure(tok, piece)
    return lines


# -- text blocks ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Para:
    toks: list[Token]
    size: float = 16
    level: int = 0
    bullet: str = ""  # a bullet character, or "" (numbered items carry their number as text)
    space_before: float = 6
    keep_with_next: bool = False
    align: str = "l"
    colour: RGBColor | None = None
    is_list: bool = False
    list_title: str = ""  # repeated, "(continued)", when the list goes on to another slide
    parent: Para | None = None  # likewise the item a nested item belongs to

    @property
    def line_height(self) -> float:
        return self.size * LINE

    def indent(self) -> int:
        if not self.is_list:
            return 0
        return int(Emu(320040 + 320040 * self.level))  # 0.35 in per level

    def lines(self, box_width: int) -> list[list[Token]]:
        return _lines_cached(self, box_width)

    def height(self, box_width: int, first: bool) -> float:
        before = 0 if first else self.space_before
        return before + len(self.lines(box_width)) * self.line_height


@functools.lru_cache(maxsize=4096)
def _lines_cached_key(key: tuple[Any, ...], size: float, width: int) -> list[list[Token]]:
    return wrap(list(key), size, width)


def _lines_cached(para: Para, box_width: int) -> list[list[Token]]:
    inner = box_width - 2 * INSET_X - para.indent()
    return _lines_cached_key(tuple(para.toks), para.size, inner)


def text_height(paras: list[Para], box_width: int) -> int:
    points = sum(p.height(box_width, i == 0) for i, p in enumerate(paras))
    return _emu(points) + 2 * INSET_Y + SAFETY


@dataclass
class TextBlock:
    paras: list[Para]
    frame: str = ""  # "" for a plain text box, or a notice level for a framed notice
    break_before: bool = False
    has_list: bool = False

    def height(self) -> int:
        return text_height(self.paras, WIDTH)

    def split(self, avail: int, page_empty: bool) -> tuple[TextBlock | None, TextBlock | None]:
        if self.height() <= avail:
            return self, None
        taken: list[Para] = []
        rest = list(self.paras)
        while rest:
            para = rest[0]
            if text_height([*taken, para], WIDTH) <= avail:
                taken.append(rest.pop(0))
                continue
            lines = para.lines(WIDTH)
            fits = 0
            while (
                fits < len(lines)
                and text_height([*taken, _part(para, lines[: fits + 1])], WIDTH) <= avail
            ):
                fits += 1
            if (len(lines) - fits < 2 or fits < 2) and (taken or not page_empty):
                fits = 0  # no widows, no orphans, unless the paragraph fills the slide
            if fits:
                taken.append(_part(para, lines[:fits]))
                rest[0] = replace(_part(para, lines[fits:]), bullet="", space_before=0)
            break
        while taken and taken[-1].keep_with_next and len(taken) > 1:
            rest.insert(0, taken.pop())
        if not taken:
            if not page_empty:
                return None, self
            raise RuntimeError("A line of text is taller than a slide")  # pragma: no cover
        if rest and rest[0].is_list:
            rest[:0] = _context(rest[0])
        if rest:
            rest[0] = replace(rest[0], space_before=0)
        first = TextBlock(taken, self.frame, self.break_before, self.has_list)
        return first, TextBlock(rest, self.frame, False, self.has_list)


def _context(para: Para) -> list[Para]:
    """The list's title and the items above a continued item, each marked "(continued)".

    An item above is cut to its first line, so the context stays short however long it is.
    """
    more = Token(" (continued)", italic=True)
    parents: list[Para] = []
    parent = para.parent
    while parent is not None:
        lines = parent.lines(WIDTH)
        toks = lines[0] if len(lines) == 1 else [*lines[0], Token("…")]
        parents.insert(0, replace(parent, toks=[*toks, more], space_before=2))
        parent = parent.parent
    if not para.list_title:
        return parents
    title = _list_title(para.list_title)
    lines = title.lines(WIDTH)
    toks = lines[0] if len(lines) == 1 else [*lines[0], Token("…", bold=True)]
    return [replace(title, toks=[*toks, Token(" (continued)", bold=True)]), *parents]


def _part(para: Para, lines: list[list[Token]]) -> Para:
    toks = [tok for line in lines for tok in line]
    return replace(para, toks=toks)


def _list_paras(
    items: tuple[ListItem, ...], ordered: bool, level: int = 0, parent: Para | None = None
) -> list[Para]:
    out = []
    for number, item in enumerate(items, start=1):
        # Numbers are written, not auto-numbered: LibreOffice and PowerPoint count differently.
        bullet = "" if ordered else ("•" if level % 2 == 0 else "–")
        number_run = [Run(f"{number}. ")] if ordered else []
        para = Para(
            tokens([*number_run, *item.runs]),
            size=16 if level == 0 else 15,
            level=min(level, 3),
            bullet=bullet,
            space_before=6 if level == 0 else 2,
            is_list=True,
            parent=parent,
        )
        out.append(para)
        out.extend(_list_paras(item.children, ordered, level + 1, para))
    return out


def node_paras(node: Heading | Paragraph | BulletList) -> list[Para]:
    if isinstance(node, Heading):
        size = {1: 24, 2: 20}.get(node.level, 17)
        return [
            Para(
                tokens([Run(node.text)], bold=True), size=size, space_before=12, keep_with_next=True
            )
        ]
    if isinstance(node, Paragraph):
        size, italic = {"lead": (18, False), "quote": (17, True), "small": (12, False)}.get(
            node.style, (16, False)
        )
        return [Para(tokens(node.runs, italic=italic), size=size, space_before=8)]
    title = clean(node.title)
    items = [replace(p, list_title=title) for p in _list_paras(node.items, node.ordered)]
    return ([_list_title(title)] if title else []) + items


def _list_title(text: str) -> Para:
    bold = tokens([Run(text)], bold=True)
    return Para(bold, size=17, space_before=12, keep_with_next=True, colour=HEADER_FILL)


# -- other blocks ---------------------------------------------------------------------------------

STATUS_BOX = Emu(1600200)  # 1.75 in


@dataclass
class StatusBlock:
    status: Status
    break_before: bool = False
    has_list: bool = False

    def paras(self) -> list[Para]:
        """The label and note beside the coloured box, each cut to three lines at most."""
        width = WIDTH - STATUS_BOX - GAP
        three = int(Pt(3 * 16 * LINE)) + 2 * INSET_Y + SAFETY
        label = _fit(clean(self.status.label), (16,), width, three, bold=True)
        if not self.status.note:
            return [label]
        note = _fit(clean(self.status.note), (14,), width, three)
        return [label, replace(note, space_before=2)]

    def height(self) -> int:
        return max(int(Emu(548640)), text_height(self.paras(), WIDTH - STATUS_BOX - GAP))

    def split(self, avail: int, page_empty: bool) -> tuple[StatusBlock | None, StatusBlock | None]:
        return (self, None) if self.height() <= avail or page_empty else (None, self)


@dataclass
class ChartBlock:
    chart: Chart
    break_before: bool = False
    has_list: bool = False

    def height(self) -> int:
        full = BOTTOM - TOP
        return (
            full if len(self.chart.categories) > 6 or len(self.chart.series) > 3 else full * 3 // 5
        )

    def split(self, avail: int, page_empty: bool) -> tuple[ChartBlock | None, ChartBlock | None]:
        return (self, None) if self.height() <= avail or page_empty else (None, self)


@dataclass
class TRow:
    cells: list[list[list[Token]]]  # per cell, its lines
    numeric: list[bool]
    role: str  # header, body, subtotal, total
    rags: list[str | None]
    height: int


@dataclass
class TableBlock:
    table: Table
    caption: str
    header: list[TRow]
    rows: list[TRow]
    widths: list[int]
    size: float
    notes: list[Para] = field(default_factory=list)
    continued: bool = False
    break_before: bool = False
    has_list: bool = False

    def caption_paras(self) -> list[Para]:
        text = self.caption + (" (continued)" if self.continued else "")
        return [Para(tokens([Run(text)], bold=True), size=14, space_before=0)] if text else []

    def _heights(self, rows: list[TRow], with_notes: bool) -> int:
        caption = text_height(self.caption_paras(), WIDTH) if self.caption_paras() else 0
        notes = text_height(self.notes, WIDTH) if with_notes and self.notes else 0
        return caption + sum(r.height for r in self.header) + sum(r.height for r in rows) + notes

    def height(self) -> int:
        return self._heights(self.rows, True)

    def split(self, avail: int, page_empty: bool) -> tuple[TableBlock | None, TableBlock | None]:
        if self.height() <= avail:
            return self, None
        fits = 0
        while fits < len(self.rows) and self._heights(self.rows[: fits + 1], False) <= avail:
            fits += 1
        if fits == 0:
            if not page_empty:
                return None, self
            fits = 1  # pragma: no cover - rows are cut to fit a slide when they are measured
        if fits == len(self.rows):  # all rows fit but not the notes: the notes go on alone
            first = replace(self, notes=[])
            rest = TextBlock(self.notes)
            return first, rest  # type: ignore[return-value]
        if fits > 1 and all(row.role != "body" for row in self.rows[fits:]):
            fits -= 1  # a total row never stands alone: a line of figures goes with it
        first = replace(self, rows=self.rows[:fits], notes=[])
        return first, replace(self, rows=self.rows[fits:], continued=True, break_before=False)

    def slides_needed(self) -> int:
        count, rest = 1, self
        while True:
            _fit, more = rest.split(BOTTOM - TOP, True)
            if not isinstance(more, TableBlock):
                return count + (more is not None)
            count, rest = count + 1, more


CELL_X = Emu(CELL_X_EMU)  # 0.07 in
CELL_Y = Emu(36576)  # 0.04 in


def _cell_tokens(cell: Cell, bold: bool) -> list[Token]:
    mark = SUPPRESSED_MARK if cell.suppressed else ""  # officers' preview: marked
    return tokens([Run(cell.text + mark)], bold=bold)


def column_widths(table: Table, size: float, width: int = WIDTH) -> list[int] | None:
    """Column widths (EMU) filling ``width`` (a slide's by default): see :mod:`measure`."""
    return fitted_widths(table, size, width)


def table_block(table: Table) -> TableBlock:
    """The table at 12 pt, or down to 10 pt if that takes fewer slides."""
    best = _table_block(table, (12.0, 11.0, 10.0, 9.0, 8.0))
    if best.size < 12 or best.height() <= BOTTOM - TOP:
        return best
    needed = best.slides_needed()
    for size in (11.0, 10.0):
        smaller = _table_block(table, (size,))
        if smaller.size == size and smaller.slides_needed() < needed:
            best, needed = smaller, smaller.slides_needed()
    return best


def _table_block(table: Table, sizes: tuple[float, ...]) -> TableBlock:
    widths = None
    size = sizes[0]
    for size in sizes:
        widths = column_widths(table, size)
        if widths is not None:
            break
    if widths is None:
        count = table.column_count or 1
        widths = [WIDTH // count] * count
    max_row = (BOTTOM - TOP) // 3
    header = [
        _split_tall(_measure_row(r, "header", widths, size), size, max_row // 2)[0]
        for r in table.header_rows
    ]  # a header row is repeated on every slide: one too tall is cut short
    rows: list[TRow] = []
    for row in table.rows:
        rows.extend(_split_tall(_measure_row(row, row.role, widths, size), size, max_row))
    notes = [Para(tokens([Run(n)]), size=12, space_before=2) for n in table.notes]
    return TableBlock(table, clean(table.caption), header, rows, widths, size, notes)


def _measure_row(row: Row, role: str, widths: list[int], size: float) -> TRow:
    bold = role != "body"
    cells = list(row.cells[: len(widths)]) + [Cell("")] * (len(widths) - len(row.cells))
    lines = [
        wrap(_cell_tokens(c, bold or c.header), size, w - 2 * CELL_X)
        for c, w in zip(cells, widths, strict=True)
    ]
    return TRow(
        lines, [c.numeric for c in cells], role, [c.rag for c in cells], _row_height(lines, size)
    )


def _row_height(lines: list[list[list[Token]]], size: float) -> int:
    most = max((len(cell) for cell in lines), default=1) or 1
    return _emu(most * size * LINE) + 2 * CELL_Y + Pt(2)


def _split_tall(row: TRow, size: float, limit: int) -> list[TRow]:
    """A row taller than a third of a slide continues in further rows of the same table."""
    if row.height <= limit:
        return [row]
    per = max(1, int((limit - 2 * CELL_Y - Pt(2)) / EMU_PER_PT // (size * LINE)))
    most = max(len(cell) for cell in row.cells)
    parts = []
    for start in range(0, most, per):
        chunk = [cell[start : start + per] for cell in row.cells]
        parts.append(replace(row, cells=chunk, height=_row_height(chunk, size)))
    return parts


Block = TextBlock | StatusBlock | ChartBlock | TableBlock


def section_blocks(section: Section) -> list[Block]:
    blocks: list[Block] = []
    text: TextBlock | None = None
    per_list = section.new_slide_per == "list"
    for node in section.nodes:
        if isinstance(node, Heading | Paragraph | BulletList):
            is_list = isinstance(node, BulletList)
            if text is None or (per_list and is_list and text.has_list):
                text = TextBlock([], break_before=per_list and is_list and _has_list(blocks, text))
                blocks.append(text)
            paras = node_paras(node)
            if paras and not text.paras:
                paras[0] = replace(paras[0], space_before=0)
            text.paras.extend(paras)
            text.has_list = text.has_list or is_list
            continue
        text = None
        blocks.extend(_other_blocks(node))
    if not blocks or all(isinstance(b, TextBlock) and not b.paras for b in blocks):
        empty = Para(
            tokens([Run("Nothing to report in this section.")], italic=True), space_before=0
        )
        blocks = [TextBlock([empty])]
    return [b for b in blocks if not isinstance(b, TextBlock) or b.paras]


def _has_list(blocks: list[Block], current: TextBlock | None) -> bool:
    return any(b.has_list for b in blocks) or bool(current and current.has_list)


def _other_blocks(node: Node) -> list[Block]:
    if isinstance(node, Status):
        return [StatusBlock(node)]
    if isinstance(node, Notice):
        prefix = NOTICE_PREFIX.get(node.level, "")
        para = Para(tokens([Run(prefix, bold=True), Run(node.text)]), size=16, space_before=0)
        return [TextBlock([para], frame=node.level)]
    if isinstance(node, Table):
        if node.column_count == 0 or not (node.rows or node.header_rows):
            return _other_blocks(Notice(f"The table {node.caption!r} has no rows."))
        return [table_block(node)]
    if isinstance(node, Tiles):  # headline figures: a plain table on a slide
        return _other_blocks(node.as_table())
    if isinstance(node, Chart):
        if not node.categories or not node.series:
            missing = Notice(f"The chart {node.title!r} has no data to draw.")
            return [*_other_blocks(missing), *_other_blocks(node.table)]
        return [ChartBlock(node), *_other_blocks(node.table)]
    raise TypeError(f"Unknown node {node!r}")  # pragma: no cover


# -- pagination -----------------------------------------------------------------------------------


@dataclass
class Page:
    title: str
    notes: str = ""
    placed: list[tuple[int, Block]] = field(default_factory=list)


def paginate(section: Section) -> list[Page]:
    title = clean(section.title) or "Untitled section"
    pages = [Page(title, notes=section.notes)]
    cursor = TOP
    for block in section_blocks(section):
        if block.break_before and pages[-1].placed:
            pages.append(Page(title))
            cursor = TOP
        current: Block | None = block
        while current is not None:
            fit, rest = current.split(BOTTOM - cursor, not pages[-1].placed)
            if fit is not None:
                pages[-1].placed.append((cursor, fit))
                cursor += fit.height() + GAP
            if rest is not None:
                pages.append(Page(f"{title} (continued)"))
                cursor = TOP
            current = rest
    return pages


# -- drawing --------------------------------------------------------------------------------------


_qn = functools.lru_cache(maxsize=256)(qn)


def _sub(parent: Any, tag: str, **attrs: str) -> Any:
    return etree.SubElement(parent, _qn(tag), attrs)


def _write_para(p: Any, para: Para, first: bool) -> None:
    p_el = p._p
    old = p_el.find(qn("a:pPr"))
    if old is not None:
        p_el.remove(old)
    ppr = etree.Element(qn("a:pPr"))
    p_el.insert(0, ppr)
    indent = para.indent()
    ppr.set("marL", str(indent))
    ppr.set("indent", str(-int(Emu(228600)) if para.bullet else 0))
    ppr.set("algn", para.align)
    _sub(_sub(ppr, "a:lnSpc"), "a:spcPts", val=str(int(para.size * LINE * 100)))
    before = 0 if first else para.space_before
    _sub(_sub(ppr, "a:spcBef"), "a:spcPts", val=str(int(before * 100)))
    _sub(_sub(ppr, "a:spcAft"), "a:spcPts", val="0")
    if para.bullet:
        _sub(ppr, "a:buFont", typeface=FONT)
        _sub(ppr, "a:buChar", char=para.bullet)
    else:
        _sub(ppr, "a:buNone")
    _write_runs(p, para.toks, para.size, para.colour)


def _write_runs(p: Any, toks: list[Token], size: float, colour: RGBColor | None) -> None:
    """Runs written straight into the XML (python-pptx's font properties are slow for hundreds)."""
    groups: list[Token] = []
    for tok in toks:
        last = groups[-1] if groups else None
        if last and (last.bold, last.italic, last.href) == (tok.bold, tok.italic, tok.href):
            groups[-1] = replace(last, text=last.text + tok.text)
        else:
            groups.append(tok)
    p_el = p._p
    for element in p_el.findall(qn("a:r")) + p_el.findall(qn("a:endParaRPr")):
        p_el.remove(element)
    sz = str(int(size * 100))
    for tok in groups:
        run = _sub(p_el, "a:r")
        rpr = _sub(run, "a:rPr", lang="en-GB", sz=sz, b="1" if tok.bold else "0")
        rpr.set("i", "1" if tok.italic else "0")
        ink = LINK if tok.href else (colour or INK)
        _sub(_sub(rpr, "a:solidFill"), "a:srgbClr", val=str(ink))
        _sub(rpr, "a:latin", typeface=FONT)
        _sub(rpr, "a:cs", typeface=FONT)
        if tok.href:
            r_id = p.part.relate_to(tok.href, RT.HYPERLINK, is_external=True)
            _sub(rpr, "a:hlinkClick").set(qn("r:id"), r_id)
        _sub(run, "a:t").text = tok.text
    end = _sub(p_el, "a:endParaRPr", lang="en-GB", sz=sz)
    _sub(end, "a:latin", typeface=FONT)


def _frame(tf: Any, anchor: MSO_ANCHOR = MSO_ANCHOR.TOP) -> None:
    tf.word_wrap = True
    tf.auto_size = MSO_AUTO_SIZE.NONE
    tf.margin_left = tf.margin_right = INSET_X
    tf.margin_top = tf.margin_bottom = INSET_Y
    tf.vertical_anchor = anchor


def _fill_text(tf: Any, paras: list[Para]) -> None:
    _frame(tf)
    tf.clear()
    for index, para in enumerate(paras):
        p = tf.paragraphs[0] if index == 0 else tf.add_paragraph()
        _write_para(p, para, index == 0)


def _fit(
    text: str,
    sizes: tuple[float, ...],
    width: int,
    height: int,
    *,
    bold: bool = False,
    italic: bool = False,
) -> Para:
    """The largest size at which the text fits the box; at the smallest, cut with an ellipsis."""
    toks = tokens([Run(text)], bold=bold, italic=italic)
    for size in sizes:
        para = Para(toks, size=size, space_before=0)
        if text_height([para], width) <= height:
            return para
    para = Para(toks, size=sizes[-1], space_before=0)
    lines = para.lines(width)
    while lines and text_height([_part(para, lines)], width) > height:
        lines = lines[:-1]
    kept = _part(para, lines).toks
    cut = kept[:-1] + [Token("…", bold, italic)] if kept else [Token("…", bold, italic)]
    return replace(para, toks=cut)


def _textbox(slide: Any, box: tuple[int, int, int, int], paras: list[Para], name: str) -> Any:
    shape = slide.shapes.add_textbox(*box)
    shape.name = name
    _fill_text(shape.text_frame, paras)
    return shape


def _set_alt(shape: Any, descr: str, title: str = "") -> None:
    props = shape._element.xpath("./*[1]/p:cNvPr")[0]
    props.set("descr", clean(descr))
    if title:
        props.set("title", clean(title))


class Deck:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.prs = Presentation(str(MASTER))
        self.layouts = {layout.name: layout for layout in self.prs.slide_layouts}

    def render(self) -> bytes:
        self.title_slide()
        for section in self.document.sections:
            for page in paginate(section):
                self.page(page)
        if self.document.language != "en-GB":  # runs are written en-GB; say otherwise
            for slide in self.prs.slides:
                for props in slide._element.iter(qn("a:rPr"), qn("a:endParaRPr")):
                    props.set("lang", self.document.language)
        self.prs.core_properties.title = clean(self.document.title)
        self.prs.core_properties.language = self.document.language
        self.prs.core_properties.subject = clean(self.document.subtitle)
        out = BytesIO()
        self.prs.save(out)
        return out.getvalue()

    def footer(self, slide: Any) -> None:
        doc = self.document
        number = len(self.prs.slides)
        parts = [doc.organisation, doc.subtitle or doc.title, doc.status_label]
        text = " · ".join(clean(p) for p in parts if p.strip())
        box_w = WIDTH - int(Emu(914400))
        para = _fit(text, (10,), box_w, int(master.FOOTER_HEIGHT))
        _textbox(
            slide,
            (LEFT, int(master.FOOTER_TOP), box_w, int(master.FOOTER_HEIGHT)),
            [replace(para, colour=GREY)],
            "Footer",
        )
        num = Para([Token(str(number))], size=10, align="r", colour=GREY, space_before=0)
        _textbox(
            slide,
            (LEFT + box_w, int(master.FOOTER_TOP), WIDTH - box_w, int(master.FOOTER_HEIGHT)),
            [num],
            "Slide number",
        )

    def title_slide(self) -> None:
        doc = self.document
        slide = self.prs.slides.add_slide(self.layouts["Title Slide"])
        title, subtitle = slide.placeholders[0], slide.placeholders[1]
        _fill_text(
            title.text_frame,
            [
                _fit(
                    clean(doc.title) or "Report",
                    (40, 36, 32, 28, 24),
                    title.width,
                    title.height,
                    bold=True,
                )
            ],
        )
        title.text_frame.vertical_anchor = MSO_ANCHOR.BOTTOM
        sub = _fit(
            clean(doc.subtitle) or clean(doc.period_label),
            (26, 24, 20, 18, 16),
            subtitle.width,
            subtitle.height,
        )
        _fill_text(subtitle.text_frame, [replace(sub, colour=GREY)])
        box = (Inches(0.8), Inches(3.85), master.SLIDE_WIDTH - Inches(1.6), Inches(2.0))
        if doc.cover_text:
            paras = self._cover(box[2], box[3])
            _textbox(slide, box, paras, "Vision")
        foot = " · ".join(clean(p) for p in (doc.organisation, doc.period_label) if p.strip())
        bottom = (box[0], Inches(6.0), box[2], Inches(0.45))
        paras = [_fit(foot, (18, 16, 14), bottom[2], bottom[3], bold=True)]
        _textbox(slide, bottom, paras, "Organisation and period")
        if doc.status_label:
            label = (box[0], Inches(6.5), box[2], Inches(0.4))
            para = _fit(clean(doc.status_label), (16, 14, 12), label[2], label[3], bold=True)
            _textbox(slide, label, [replace(para, colour=RGBColor(0xD4, 0x35, 0x1C))], "Status")

    def _cover(self, width: int, height: int) -> list[Para]:
        texts = [clean(t) for t in self.document.cover_text if t.strip()]
        for size in (22, 20, 18, 16, 14, 12):
            paras = [
                Para(
                    tokens([Run(t)], italic=i == 0),
                    size=size if i == 0 else size * 0.8,
                    space_before=0 if i == 0 else 10,
                )
                for i, t in enumerate(texts)
            ]
            if text_height(paras, width) <= height:
                return paras
        block = TextBlock(paras)
        fit, _rest = block.split(height, True)
        kept = fit.paras if fit else []
        if kept:
            kept[-1] = replace(kept[-1], toks=kept[-1].toks[:-1] + [Token("…")])
        return kept

    def page(self, page: Page) -> None:
        has_text = any(isinstance(b, TextBlock) and not b.frame for _, b in page.placed)
        slide = self.prs.slides.add_slide(
            self.layouts["Title and Content" if has_text else "Title Only"]
        )
        title = slide.shapes.title
        _fill_text(
            title.text_frame,
            [_fit(page.title, (28, 24, 22, 20, 18, 16), title.width, title.height, bold=True)],
        )
        title.text_frame.vertical_anchor = MSO_ANCHOR.BOTTOM
        body = slide.placeholders[1] if has_text else None
        for top, block in page.placed:
            if isinstance(block, TextBlock) and not block.frame and body is not None:
                body.left, body.top, body.width, body.height = LEFT, top, WIDTH, block.height()
                _fill_text(body.text_frame, block.paras)
                body = None
            elif isinstance(block, TextBlock):
                self.text(slide, top, block)
            elif isinstance(block, StatusBlock):
                self.status(slide, top, block)
            elif isinstance(block, TableBlock):
                self.table(slide, top, block)
            else:
                self.chart(slide, top, block)
        if body is not None:
            body._element.getparent().remove(body._element)
        if page.notes.strip():
            slide.notes_slide.notes_text_frame.text = clean(page.notes, one_line=False)
        self.footer(slide)

    def text(self, slide: Any, top: int, block: TextBlock) -> None:
        box = (LEFT, top, WIDTH, block.height())
        if not block.frame:
            _textbox(slide, box, block.paras, "Text")
            return
        shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, *box)
        shape.name = "Notice"
        shape.fill.solid()
        shape.fill.fore_color.rgb = (
            RGBColor(0xFF, 0xF7, 0xD6) if block.frame != "info" else RGBColor(0xE8, 0xF1, 0xF8)
        )
        shape.line.color.rgb = (
            RGBColor(0xF4, 0x77, 0x38) if block.frame != "info" else RGBColor(0x1D, 0x70, 0xB8)
        )
        shape.line.width = Pt(2)
        _fill_text(shape.text_frame, block.paras)

    def status(self, slide: Any, top: int, block: StatusBlock) -> None:
        fill, ink = RAG_COLOURS.get(block.status.rag, RAG_COLOURS["NR"])
        height = block.height()
        shape = slide.shapes.add_shape(
            MSO_SHAPE.ROUNDED_RECTANGLE, LEFT, top, STATUS_BOX, min(height, Emu(548640))
        )
        shape.name = f"Status {block.status.rag}"
        shape.fill.solid()
        shape.fill.fore_color.rgb = fill
        shape.line.fill.background()
        para = _fit(
            clean(block.status.text) or block.status.rag,
            (20, 18, 16, 14, 12),
            STATUS_BOX,
            shape.height,
            bold=True,
        )
        _fill_text(shape.text_frame, [replace(para, align="ctr", colour=ink)])
        shape.text_frame.vertical_anchor = MSO_ANCHOR.MIDDLE
        _textbox(
            slide,
            (LEFT + STATUS_BOX + GAP, top, WIDTH - STATUS_BOX - GAP, height),
            block.paras(),
            "Status label",
        )

    def table(self, slide: Any, top: int, block: TableBlock) -> None:
        caption = block.caption_paras()
        if caption:
            height = text_height(caption, WIDTH)
            _textbox(slide, (LEFT, top, WIDTH, height), caption, "Table caption")
            top += height
        rows = block.header + block.rows
        width = sum(block.widths)
        height = sum(r.height for r in rows)
        frame = slide.shapes.add_table(len(rows), len(block.widths), LEFT, top, width, height)
        frame.name = block.caption[:100] or "Table"
        _set_alt(frame, block.caption)
        table = frame.table
        table.first_row = bool(block.header)
        table.horz_banding = False
        for index, w in enumerate(block.widths):
            table.columns[index].width = Emu(w)
        for r_index, row in enumerate(rows):
            table.rows[r_index].height = Emu(row.height)
            for c_index, lines in enumerate(row.cells):
                self.cell(table.cell(r_index, c_index), row, c_index, lines, block.size)
        top += height
        if block.notes:
            _textbox(
                slide,
                (LEFT, top, WIDTH, text_height(block.notes, WIDTH)),
                block.notes,
                "Table notes",
            )

    def cell(self, cell: Any, row: TRow, index: int, lines: list[list[Token]], size: float) -> None:
        rag = row.rags[index]
        colour, fill = INK, WHITE
        if row.role == "header":
            colour, fill = WHITE, HEADER_FILL
        elif rag in RAG_COLOURS:
            fill, colour = RAG_COLOURS[rag]
        elif row.role in ("total", "subtotal"):
            fill = TOTAL_FILL
        tc = cell._tc
        old = tc.find(qn("a:tcPr"))
        if old is not None:
            tc.remove(old)
        tcpr = _sub(tc, "a:tcPr", marL=str(CELL_X), marR=str(CELL_X), marT=str(CELL_Y))
        tcpr.set("marB", str(CELL_Y))
        tcpr.set("anchor", "t")
        for side in ("a:lnL", "a:lnR", "a:lnT", "a:lnB"):  # hairlines between rows only
            line = _sub(tcpr, side, w="9525" if side in ("a:lnT", "a:lnB") else "0")
            if side in ("a:lnT", "a:lnB"):
                _sub(_sub(line, "a:solidFill"), "a:srgbClr", val="B1B4B6")
            else:
                _sub(line, "a:noFill")
        _sub(_sub(tcpr, "a:solidFill"), "a:srgbClr", val=str(fill))
        toks = [tok for line in lines for tok in line]
        align = "r" if row.numeric[index] else "l"
        para = Para(toks, size=size, space_before=0, align=align, colour=colour)
        _write_para(cell.text_frame.paragraphs[0], para, True)

    def chart(self, slide: Any, top: int, block: ChartBlock) -> None:
        chart = block.chart
        number_format = _number_format(chart)
        data = CategoryChartData(number_format=number_format)
        data.categories = [clean(c) for c in chart.categories]
        for series in chart.series:
            data.add_series(clean(series.name), [_number(v) for v in series.values])
        kind = CHART_TYPES.get(chart.chart_type, XL_CHART_TYPE.COLUMN_CLUSTERED)
        frame = slide.shapes.add_chart(kind, LEFT, top, WIDTH, block.height(), data)
        frame.name = clean(chart.title)[:100] or "Chart"
        _set_alt(frame, chart.alt_text, chart.title)
        native = frame.chart
        native.font.name, native.font.size = FONT, Pt(12)
        native.has_title = True
        native.chart_title.text_frame.text = clean(chart.title) or "Chart"
        title_font = native.chart_title.text_frame.paragraphs[0].runs[0].font
        title_font.size, title_font.bold, title_font.name = Pt(16), True, FONT
        native.has_legend = len(chart.series) > 1
        if native.has_legend:
            native.legend.position = XL_LEGEND_POSITION.BOTTOM
            native.legend.include_in_layout = False
        axis = native.value_axis
        axis.has_major_gridlines = True
        axis.tick_labels.number_format = number_format
        axis.tick_labels.number_format_is_linked = False
        if chart.chart_type in ("bar", "stacked_bar"):
            native.category_axis.reverse_order = True  # first category at the top, as in the table
        plot = native.plots[0]
        if chart.chart_type.startswith("stacked"):
            plot.overlap = 100
            plot.gap_width = 60
        for index, series in enumerate(plot.series):
            colour = SERIES_COLOURS.get(series.name.lower(), PALETTE[index % len(PALETTE)])
            if chart.chart_type == "line":
                series.format.line.color.rgb = colour
                series.smooth = False
            else:
                series.format.fill.solid()
                series.format.fill.fore_color.rgb = colour
        blanks = native._chartSpace.xpath("c:chart/c:dispBlanksAs")
        for element in blanks:
            element.set("val", "gap")


def _number_format(chart: Chart) -> str:
    """Excel's format for the chart's figures: as many decimals as they have (at most 2)."""
    places = 0
    for series in chart.series:
        for value in series.values:
            if value and "." in value:
                places = max(places, min(2, len(value.split(".")[1].rstrip("0"))))
    number = "#,##0" + ("." + "0" * places if places else "")
    if chart.unit == "£":
        return f'"£"{number}'
    if chart.unit == "%":
        return f'{number}"%"'
    return number


def _number(value: str | None) -> float | None:
    if value is None or value == "":
        return None
    try:
        return float(Decimal(value))
    except InvalidOperation:
        return None


def render_pptx(document: Document) -> bytes:
    """The document as a 16:9 PowerPoint deck."""
    return Deck(document).render()
