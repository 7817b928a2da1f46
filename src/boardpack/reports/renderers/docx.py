"""The Word renderer: a :class:`Document` laid out as a .docx with python-docx.

A cover, a table-of-contents field over Heading 1–3 (filled in with linked entries; Word adds the
page numbers on opening), real heading and list styles, tables whose
header rows repeat on every page and whose rows never split, charts as pictures with alt text
followed by their data table, statuses written in words and shaded, notices in place, and
"Page x of y" in the footer. Wide tables get a landscape section of their own. User text is only
ever put into runs as plain text; links are kept only when they are http(s) or mailto.
"""

from __future__ import annotations

from io import BytesIO
from typing import Any

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.run import Run as WordRun
from lxml import etree
from PIL import Image

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
    Tile,
    Tiles,
)
from boardpack.reports.renderers.images import chart_png
from boardpack.reports.renderers.measure import RAG_HEX, clean, column_widths, safe_href

FONT = "Arial"
INK = RGBColor(0x0B, 0x0C, 0x0C)
NAVY = RGBColor(0x1D, 0x3A, 0x5F)
LINK = RGBColor(0x1D, 0x70, 0xB8)
HEADER_FILL = "1D3A5F"
TOTAL_FILL = "DEE0E2"
NOTICE_FILL = {"missing": "FFF7D6", "warning": "FFF7D6", "info": "E8F1F8"}
NOTICE_LINE = {"missing": "F47738", "warning": "F47738", "info": "1D70B8"}
NOTICE_PREFIX = {"missing": "Missing: ", "warning": "Warning: ", "info": "Note: "}
PORTRAIT_TEXT_WIDTH = Cm(17)  # A4 less 2 cm margins
TILES_PER_ROW = 3
TILE_FILL = {"R": "F6D7D2", "A": "FDE3D1", "G": "D5E8DE"}
SUPPRESSED_FILL = "FFF7BF"
TABLE_SIZE = 9.5
# Rows never split across pages, except one longer than a page could hold (Word would cut it off).
ROW_KEPT_WHOLE = 1500
SETTINGS_AFTER_UPDATE_FIELDS = frozenset(
    "hdrShapeDefaults footnotePr endnotePr compat docVars rsids mathPr attachedSchema "
    "themeFontLang clrSchemeMapping doNotIncludeSubdocsInStats doNotAutoCompressPictures "
    "forceUpgrade captions readModeInkLockDown smartTagType schemaLibrary shapeDefaults "
    "doNotEmbedSmartTags decimalSymbol listSeparator".split()
)


def _el(tag: str, **attrs: str) -> Any:
    element = OxmlElement(tag)
    for key, value in attrs.items():
        element.set(qn(f"w:{key}"), value)
    return element


def _field(paragraph: Any, code: str, placeholder: str = "1") -> None:
    """A complex field (PAGE, NUMPAGES) with a result Word and LibreOffice recompute."""
    _field_runs(paragraph, code, placeholder)


def _append_text(run: Any, text: str) -> None:
    """Text into a ``<w:r>`` as XML: a line break becomes ``<w:br/>``, a tab ``<w:tab/>``, as
    python-docx does (python-docx adds text a character at a time, a third of a long report)."""
    for number, line in enumerate(text.split("\n")):
        if number:
            etree.SubElement(run, qn("w:br"))
        for part_number, part in enumerate(line.split("\t")):
            if part_number:
                etree.SubElement(run, qn("w:tab"))
            if part:
                piece = etree.SubElement(run, qn("w:t"))
                piece.text = part
                piece.set(qn("xml:space"), "preserve")


def _add_run(paragraph: Any, text: str) -> WordRun:
    """``paragraph.add_run(text)``, with the text written by ``_append_text``."""
    run = paragraph._p.add_r()
    _append_text(run, text)
    return WordRun(run, paragraph)


def _text_run(paragraph: Any, text: str, size: float, *, bold: bool, ink: str | None = None) -> Any:
    """A table cell's ``<w:r>`` with its formatting and text, written as XML."""
    run = etree.SubElement(paragraph, qn("w:r"))
    r_pr = etree.SubElement(run, qn("w:rPr"))  # children in the schema's order
    if bold:
        etree.SubElement(r_pr, qn("w:b"))
    if ink:
        etree.SubElement(r_pr, qn("w:color")).set(qn("w:val"), ink)
    etree.SubElement(r_pr, qn("w:sz")).set(qn("w:val"), str(round(size * 2)))
    _append_text(run, text)
    return run


def _shade(element_pr: Any, fill: str) -> None:
    """Shade a cell or paragraph (one ``<w:shd>``: a later fill replaces an earlier one)."""
    for earlier in element_pr.findall(qn("w:shd")):
        element_pr.remove(earlier)
    element_pr.append(_el("w:shd", val="clear", color="auto", fill=fill))


def _instruction(paragraph: Any, code: str) -> None:
    text = _el("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = code
    paragraph.add_run()._r.append(text)


def _runs_of(paragraph: Any, *texts: str) -> list[Any]:
    """Runs added to the paragraph and returned, for a hyperlink to take in; a tab stays a tab."""
    runs = []
    for text in texts:
        run = paragraph.add_run()
        if text == "\t":
            run._r.append(_el("w:tab"))
        else:
            run.text = text
        runs.append(run._r)
    return runs


def _field_runs(paragraph: Any, code: str, result: str) -> list[Any]:
    """The runs of a complex field (begin, instruction, separate, result, end), added to the
    paragraph and returned, so that a hyperlink can take them in."""
    begin = paragraph.add_run()
    begin._r.append(_el("w:fldChar", fldCharType="begin"))
    _instruction(paragraph, f" {code} ")
    instruction = paragraph.runs[-1]
    separate = paragraph.add_run()
    separate._r.append(_el("w:fldChar", fldCharType="separate"))
    shown = _add_run(paragraph, result)
    end = paragraph.add_run()
    end._r.append(_el("w:fldChar", fldCharType="end"))
    return [run._r for run in (begin, instruction, separate, shown, end)]


def _bookmark_name(index: int) -> str:
    return f"_Toc{index + 1:08d}"


def _heading_level(node: Heading) -> int:
    return min(max(node.level, 1), 3)


def _section_level(section: Section) -> int:
    """A section's heading level: 1 for a top-level section, 2 and 3 for its sub-sections."""
    return min(max(section.level, 1), 3)


def _section_title(section: Section) -> str:
    return clean(section.title) or "Untitled section"


def _headings(document: Document) -> list[tuple[int, str]]:
    """Every heading the Word file will hold, in order, as (level, text)."""
    headings: list[tuple[int, str]] = []
    for section in document.sections:
        headings.append((_section_level(section), _section_title(section)))
        headings += [
            (_heading_level(n), clean(n.text)) for n in section.nodes if isinstance(n, Heading)
        ]
    return headings


class WordDocument:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.doc = docx.Document()
        self.landscape = False
        self._style_ids: dict[str, str] = {}
        self._headings = _headings(document)  # (level, text) in order: the contents' entries
        self._heading_index = 0
        self._styles()
        self._page_setup(self.doc.sections[0])

    def add_paragraph(self, text: str = "", style: str | None = None) -> Any:
        """A paragraph; styles are set by id (python-docx's lookup by name is slow)."""
        paragraph = self.doc.add_paragraph(text)
        if style:
            if style not in self._style_ids:
                self._style_ids[style] = self.doc.styles[style].style_id
            paragraph._p.style = self._style_ids[style]
        return paragraph

    # -- set-up -----------------------------------------------------------------------------------

    def _styles(self) -> None:
        styles = self.doc.styles
        sizes = {"Normal": 11, "Title": 30, "Subtitle": 16, "Heading 1": 18, "Heading 2": 14}
        sizes |= {"Heading 3": 12, "Caption": 10, "Quote": 12, "TOC Heading": 16}
        for name, size in sizes.items():
            style: Any = styles[name]
            fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
            for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
                fonts.attrib.pop(qn(attr), None)
            style.font.name = FONT
            style.font.size = Pt(size)
            style.font.color.rgb = NAVY if name.startswith(("Heading", "Title", "TOC")) else INK
        for name in ("Heading 1", "Heading 2", "Heading 3", "Caption"):
            styles[name].font.bold = True  # type: ignore[union-attr]
        styles["Caption"].paragraph_format.keep_with_next = True  # type: ignore[union-attr]
        styles["Normal"].paragraph_format.space_after = Pt(6)  # type: ignore[union-attr]
        self._contents_styles()
        lang = self.document.language or "en-GB"
        defaults = self.doc.styles.element.find(qn("w:docDefaults"))
        if defaults is not None:
            rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
            if rpr is not None:
                for old in rpr.findall(qn("w:lang")):
                    rpr.remove(old)
                rpr.append(_el("w:lang", val=lang, eastAsia=lang, bidi=lang))

    def _contents_styles(self) -> None:
        """Word's built-in "toc 1"-"toc 3" (ids TOC1-TOC3): its TOC field lays entries out in them,
        page numbers right-aligned after a dotted leader."""
        styles = self.doc.styles
        for level in (1, 2, 3):
            style: Any = styles.add_style(f"toc {level}", WD_STYLE_TYPE.PARAGRAPH, builtin=True)
            style.element.styleId = f"TOC{level}"
            style.base_style = styles["Normal"]
            style.next_paragraph_style = styles["Normal"]
            style.hidden = style.unhide_when_used = True
            style.priority = 39
            layout = style.paragraph_format
            layout.left_indent = Cm(0.6 * (level - 1))
            layout.space_before = Pt(6 if level == 1 else 0)
            layout.space_after = Pt(3)
            layout.tab_stops.add_tab_stop(
                PORTRAIT_TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
            )
            style.font.bold = level == 1 or None

    def _page_setup(self, section: Any) -> None:
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Cm(2))
        doc = self.document
        if doc.status_label:
            header = section.header.paragraphs[0]
            header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            run = _add_run(header, clean(doc.status_label))
            run.bold, run.font.size = True, Pt(9)
        about = section.footer.paragraphs[0]  # two lines: right in portrait and landscape alike
        _add_run(about, clean(" · ".join(p for p in (doc.organisation, doc.subtitle) if p)))
        pages = section.footer.add_paragraph()
        pages.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _add_run(pages, "Page ")
        _field(pages, "PAGE")
        _add_run(pages, " of ")
        _field(pages, "NUMPAGES")
        for run in (*about.runs, *pages.runs):
            run.font.size = Pt(9)

    # -- the document ---------------------------------------------------------------------------

    def render(self) -> bytes:
        self.cover()
        self.contents()
        for section in self.document.sections:
            self.section(section)
        props = self.doc.core_properties
        props.title = clean(self.document.title)
        props.subject = clean(self.document.subtitle)
        props.language = self.document.language
        props.author = clean(self.document.organisation)
        props.keywords = clean(self.document.period_label)
        self._update_fields_on_opening()
        out = BytesIO()
        self.doc.save(out)
        return out.getvalue()

    def _update_fields_on_opening(self) -> None:
        """Word fills in the contents' page numbers when the file is opened."""
        settings = self.doc.settings.element
        update = _el("w:updateFields", val="true")
        for child in settings:  # the schema orders settings: go before the first that follows
            if etree.QName(child).localname in SETTINGS_AFTER_UPDATE_FIELDS:
                child.addprevious(update)
                return
        settings.append(update)

    def cover(self) -> None:
        doc = self.document
        title = self.add_paragraph(clean(doc.title) or "Report", style="Title")
        title.paragraph_format.space_before = Pt(96)  # a cover, not a heading at the top
        if doc.subtitle:
            self.add_paragraph(clean(doc.subtitle), style="Subtitle")
        facts = [p for p in (doc.organisation, doc.period_label) if p.strip()]
        if facts:
            _add_run(self.add_paragraph(), clean(" · ".join(facts))).bold = True
        if doc.status_label:
            run = _add_run(self.add_paragraph(), clean(doc.status_label))
            run.bold, run.font.color.rgb = True, RGBColor(0xD4, 0x35, 0x1C)
        for index, text in enumerate(doc.cover_text):
            self.add_paragraph(clean(text, one_line=False), style="Quote" if index == 0 else None)
        self.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def contents(self) -> None:
        """A TOC field whose result is already filled in, as Word itself writes one: an entry per
        heading (levels 1-3), each a link to a bookmark on its heading followed by a PAGEREF
        field. python-docx cannot paginate: Word rebuilds the field, page numbers and all, on
        opening (``w:updateFields``); LibreOffice 7 shows the entries as links and fills in the
        numbers with Tools > Update > Update All (it keeps a TOC field's saved result)."""
        self.add_paragraph("Contents", style="TOC Heading")
        entries = self._headings or [(1, "(No sections)")]
        paragraphs = [self.add_paragraph(style=f"toc {level}") for level, _ in entries]
        first, last = paragraphs[0], paragraphs[-1]
        begin = first.add_run()
        begin._r.append(_el("w:fldChar", fldCharType="begin"))
        _instruction(first, ' TOC \\o "1-3" \\h \\z \\u ')
        first.add_run()._r.append(_el("w:fldChar", fldCharType="separate"))
        for index, (paragraph, (_, title)) in enumerate(zip(paragraphs, entries, strict=True)):
            if not self._headings:
                _add_run(paragraph, title)
                continue
            bookmark = _bookmark_name(index)
            link = _el("w:hyperlink", anchor=bookmark, history="1")
            paragraph._p.append(link)
            for run in _runs_of(paragraph, title, "\t"):
                link.append(run)
            for run in _field_runs(paragraph, f"PAGEREF {bookmark} \\h", ""):
                link.append(run)
        last.add_run()._r.append(_el("w:fldChar", fldCharType="end"))
        self.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def heading(self, text: str, level: int) -> None:
        """A heading in a Heading 1-3 style (Word's navigation pane and PDF bookmarks follow
        them), carrying the bookmark its contents entry points to."""
        paragraph = self.add_paragraph(text, style=f"Heading {level}")
        index = self._heading_index
        self._heading_index += 1
        start = _el("w:bookmarkStart", id=str(index), name=_bookmark_name(index))
        properties = paragraph._p.pPr
        if properties is None:
            paragraph._p.insert(0, start)
        else:
            properties.addnext(start)
        paragraph._p.append(_el("w:bookmarkEnd", id=str(index)))

    def section(self, section: Section) -> None:
        """A section holding a table too wide for portrait is laid out landscape, whole."""
        tables = [n.table if isinstance(n, Chart) else n for n in section.nodes]
        self.landscape = any(isinstance(t, Table) and self._is_wide(t) for t in tables)
        if self.landscape:
            self._orientation(landscape=True)
        self.heading(_section_title(section), _section_level(section))
        if not section.nodes:
            _add_run(self.add_paragraph(), "Nothing to report in this section.").italic = True
        for node in section.nodes:
            self.node(node)
        if self.landscape:
            self._orientation(landscape=False)
            self.landscape = False

    def node(self, node: Node) -> None:
        if isinstance(node, Heading):
            self.heading(clean(node.text), _heading_level(node))
        elif isinstance(node, Paragraph):
            self.paragraph(node)
        elif isinstance(node, BulletList):
            self.bullets(node)
        elif isinstance(node, Status):
            self.status(node)
        elif isinstance(node, Notice):
            self.notice(node)
        elif isinstance(node, Table):
            self.table(node)
        elif isinstance(node, Chart):
            self.chart(node)
        elif isinstance(node, Tiles):
            self.tiles(node)

    # -- text -----------------------------------------------------------------------------------

    def runs(self, paragraph: Any, runs: tuple[Run, ...]) -> None:
        for run in runs:
            text = clean(run.text, one_line=False)
            if safe_href(run.href):
                self.link(paragraph, text, safe_href(run.href))
                continue
            added = _add_run(paragraph, text)
            added.bold = run.bold or None
            added.italic = run.italic or None

    def link(self, paragraph: Any, text: str, href: str) -> None:
        r_id = paragraph.part.relate_to(href, RT.HYPERLINK, is_external=True)
        link = _el("w:hyperlink")
        link.set(qn("r:id"), r_id)
        run = _add_run(paragraph, text)
        run.font.color.rgb = LINK
        run.font.underline = True
        link.append(run._r)
        paragraph._p.append(link)

    def paragraph(self, node: Paragraph) -> None:
        style = "Quote" if node.style == "quote" else None
        paragraph = self.add_paragraph(style=style)
        self.runs(paragraph, node.runs)
        size = {"lead": 13, "small": 9}.get(node.style)
        if size:
            for run in paragraph.runs:
                run.font.size = Pt(size)

    def bullets(self, node: BulletList) -> None:
        if node.title:
            title = self.add_paragraph()
            title.paragraph_format.keep_with_next = True
            title.paragraph_format.space_before = Pt(8)
            run = _add_run(title, clean(node.title))
            run.bold, run.font.color.rgb = True, NAVY
        num_id = self._restart_numbering() if node.ordered else None
        self._items(node.items, node.ordered, 0, num_id)

    def _items(
        self, items: tuple[ListItem, ...], ordered: bool, level: int, num_id: int | None
    ) -> None:
        base = "List Number" if ordered else "List Bullet"
        for item in items:
            style = base if level == 0 else f"{base} {min(level + 1, 3)}"
            paragraph = self.add_paragraph(style=style)
            paragraph.paragraph_format.space_after = Pt(3)
            if num_id is not None and level == 0:
                num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
                num_pr.get_or_add_ilvl().val = 0
                num_pr.get_or_add_numId().val = num_id
            self.runs(paragraph, item.runs)
            self._items(item.children, ordered, level + 1, None)

    def _restart_numbering(self) -> int:
        """A fresh numbering instance, so each numbered list starts at 1."""
        style: Any = self.doc.styles["List Number"]
        style_num = style.element.pPr.numPr.numId.val
        numbering = self.doc.part.numbering_part.element
        abstract = next(n.abstractNumId.val for n in numbering.num_lst if n.numId == style_num)
        num = numbering.add_num(abstract)
        num.add_lvlOverride(ilvl=0).add_startOverride(1)
        return int(num.numId)

    def status(self, node: Status) -> None:
        fill, ink = RAG_HEX.get(node.rag, RAG_HEX["NR"])
        paragraph = self.add_paragraph()
        label = _add_run(paragraph, f"{clean(node.label)}: ")
        label.bold = True
        rag = _add_run(paragraph, f" {clean(node.text) or node.rag} ")
        rag.bold = True
        rag.font.color.rgb = RGBColor.from_string(ink)
        _shade(rag._r.get_or_add_rPr(), fill)
        if node.note:
            _add_run(paragraph, f"  {clean(node.note)}")

    def notice(self, node: Notice) -> None:
        paragraph = self.add_paragraph()
        ppr = paragraph._p.get_or_add_pPr()
        borders = _el("w:pBdr")
        colour = NOTICE_LINE.get(node.level, "F47738")
        borders.append(_el("w:left", val="single", sz="24", space="6", color=colour))
        ppr.append(borders)
        _shade(ppr, NOTICE_FILL.get(node.level, "FFF7D6"))
        _add_run(paragraph, NOTICE_PREFIX.get(node.level, "")).bold = True
        _add_run(paragraph, clean(node.text, one_line=False))

    # -- tables and charts ------------------------------------------------------------------------

    def table(self, table: Table) -> None:
        if table.caption:
            self.add_paragraph(clean(table.caption), style="Caption")
        columns = max(table.column_count, 1)
        rows = [(row, True) for row in table.header_rows] + [(row, False) for row in table.rows]
        if not rows:
            rows = [(Row(cells=(Cell("No rows"),)), False)]
        word_table = self.doc.add_table(rows=len(rows), cols=columns)
        word_table.style = self.doc.styles["Table Grid"]
        word_table.alignment = WD_TABLE_ALIGNMENT.CENTER
        widths = self._widths(word_table, table)
        # Rows and cells are written as XML: python-docx rebuilds every cell of the table each
        # time a row's cells are asked for, and writes text a character at a time. No cell is
        # merged, so the n-th <w:tc> of a row is its n-th column.
        for (row, is_header), tr in zip(rows, word_table._tbl.tr_lst, strict=True):
            tr_pr = tr.get_or_add_trPr()
            if sum(len(cell.text) for cell in row.cells) <= ROW_KEPT_WHOLE:
                tr_pr.append(_el("w:cantSplit"))
            if is_header:
                tr_pr.append(_el("w:tblHeader"))
            cells = list(row.cells[:columns]) + [Cell("")] * (columns - len(row.cells))
            for cell, tc, width in zip(cells, tr.tc_lst, widths, strict=True):
                self.cell(tc, cell, row, is_header, width)
        for note in table.notes:
            run = _add_run(self.add_paragraph(), clean(note))
            run.font.size = Pt(9)
        if not self.landscape:  # a gap before what follows (a landscape section ends here)
            self.add_paragraph()

    def _widths(self, word_table: Any, table: Table) -> list[int]:
        """Fixed column widths that fill the text width (figures on one line where they fit)."""
        text_width = int(Cm(25.7) if self.landscape else PORTRAIT_TEXT_WIDTH)
        columns = len(word_table.columns)
        widths = column_widths(table, TABLE_SIZE, text_width) if table.column_count else None
        if widths is None or len(widths) != columns:
            widths = [text_width // columns] * columns
        word_table.autofit = False
        for column, width in zip(word_table.columns, widths, strict=True):
            column.width = width
        return [int(width) for width in widths]

    def cell(self, tc: Any, cell: Cell, row: Row, is_header: bool, width: int) -> None:
        """One table cell: its width, shading, and a paragraph with one run of its text."""
        tc_pr = tc.get_or_add_tcPr()
        tc_width = tc_pr.find(qn("w:tcW"))
        if tc_width is None:
            tc_width = etree.SubElement(tc_pr, qn("w:tcW"))
        tc_width.set(qn("w:w"), str(width // 635))  # EMU to twentieths of a point
        tc_width.set(qn("w:type"), "dxa")
        ink: str | None = None
        if is_header:
            _shade(tc_pr, HEADER_FILL)
            ink = "FFFFFF"
        elif cell.rag in RAG_HEX:
            fill, ink = RAG_HEX[cell.rag]
            _shade(tc_pr, fill)
        elif row.role in ("total", "subtotal"):
            _shade(tc_pr, TOTAL_FILL)
        paragraph = tc.p_lst[0]
        p_pr = etree.SubElement(paragraph, qn("w:pPr"))
        etree.SubElement(p_pr, qn("w:spacing")).set(qn("w:after"), "0")
        if cell.numeric:
            etree.SubElement(p_pr, qn("w:jc")).set(qn("w:val"), "right")
        bold = bool(is_header or row.role in ("total", "subtotal") or cell.header)
        _text_run(paragraph, clean(cell.text, one_line=False), TABLE_SIZE, bold=bold, ink=ink)
        if cell.suppressed:
            _text_run(paragraph, SUPPRESSED_MARK, TABLE_SIZE, bold=True)
            _shade(tc_pr, SUPPRESSED_FILL)

    def _is_wide(self, table: Table) -> bool:
        """Too wide for portrait: more than 7 columns, or figures and words that cannot fit."""
        if table.column_count > 7:
            return True
        return column_widths(table, TABLE_SIZE, int(PORTRAIT_TEXT_WIDTH)) is None

    def _orientation(self, *, landscape: bool) -> None:
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        long, short = Cm(29.7), Cm(21)
        section.page_width, section.page_height = (long, short) if landscape else (short, long)
        # a landscape page is short: narrower top and bottom margins keep a table on one page
        section.top_margin = section.bottom_margin = Cm(1.5) if landscape else Cm(2)
        section.header_distance = section.footer_distance = Cm(0.8) if landscape else Cm(1.25)

    def chart(self, chart: Chart) -> None:
        self.add_paragraph(clean(chart.title) or "Chart", style="Caption")
        try:
            png = chart_png(chart) if chart.spec else None
        except Exception:  # noqa: BLE001 - a chart that cannot be drawn still has its table
            png = None
        if png is None:
            self.notice(
                Notice("The chart picture is not available; its figures are in the table below.")
            )
        else:
            paragraph = self.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            with Image.open(BytesIO(png)) as image:
                aspect = image.width / max(image.height, 1)
            width = min(Cm(16), int(Cm(20) * aspect))  # never taller than 20 cm
            shape = paragraph.add_run().add_picture(BytesIO(png), width=width)
            props = shape._inline.docPr
            props.set("descr", clean(chart.alt_text))
            props.set("title", clean(chart.title))
            paragraph.paragraph_format.keep_with_next = True
        self.table(chart.table)

    # -- headline figures and marked figures ----------------------------------------------------

    def _mark_suppressed(self, paragraph: Any, tc_pr: Any | None = None) -> None:
        """A true figure members and the public see as c: marked † (officers' preview only)."""
        mark = _add_run(paragraph, SUPPRESSED_MARK)
        mark.bold = True
        mark.font.size = Pt(TABLE_SIZE)
        if tc_pr is not None:
            _shade(tc_pr, SUPPRESSED_FILL)

    def tiles(self, node: Tiles) -> None:
        """Headline figures as a grid of tiles: a table of three columns, a tile per cell."""
        if not node.tiles:
            return
        columns = min(TILES_PER_ROW, len(node.tiles))
        rows = -(-len(node.tiles) // columns)
        grid = self.doc.add_table(rows=rows, cols=columns)
        grid.style = self.doc.styles["Table Grid"]
        grid.alignment = WD_TABLE_ALIGNMENT.CENTER
        grid.autofit = False
        width = int(PORTRAIT_TEXT_WIDTH) // columns
        for index, tile in enumerate(node.tiles):
            word_row = grid.rows[index // columns]
            word_row._tr.get_or_add_trPr().append(_el("w:cantSplit"))
            self._tile(word_row.cells[index % columns], tile)
        for column in grid.columns:
            for word_cell in column.cells:
                word_cell.width = width
        self.add_paragraph()

    def _tile(self, word_cell: Any, tile: Tile) -> None:
        tc_pr = word_cell._tc.get_or_add_tcPr()
        _shade(tc_pr, TILE_FILL.get(tile.rag or "", "F3F2F1"))
        value = word_cell.paragraphs[0]
        value.paragraph_format.space_after = Pt(0)
        if tile.qualifier:
            qualifier = _add_run(value, clean(tile.qualifier) + " ")
            qualifier.font.size = Pt(9)
        figure = _add_run(value, clean(tile.value))
        figure.bold, figure.font.size, figure.font.color.rgb = True, Pt(18), NAVY
        if tile.suppressed:
            self._mark_suppressed(value)
        label = word_cell.add_paragraph()
        label.paragraph_format.space_after = Pt(2)
        _add_run(label, clean(tile.label)).font.size = Pt(9)
        status = " · ".join(
            p for p in (tile.rag_text, f"{tile.arrow} {tile.direction}".strip()) if p
        )
        for text in (status, tile.note):
            if text:
                line = word_cell.add_paragraph()
                line.paragraph_format.space_after = Pt(0)
                run = _add_run(line, clean(text))
                run.font.size, run.font.color.rgb = Pt(8), RGBColor(0x48, 0x49, 0x49)


def render_docx(document: Document) -> bytes:
    """The document as a Word file."""
    return WordDocument(document).render()
