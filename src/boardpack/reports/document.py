"""The intermediate document: what every block produces and every renderer lays out.

A report edition becomes one :class:`Document` — sections of plain nodes (headings, paragraphs,
lists, tables, charts, notices). The HTML, PDF, Word and PowerPoint renderers only lay these nodes
out; none of them computes a figure. Every figure arrives here already formatted as the council
prints it (``"9,568,900"``, ``"(0.4)"``, ``"A"``), beside its exact value for comparisons and tests.

A document is frozen data and round-trips through JSON (:func:`to_dict` / :func:`from_dict`): a
published edition keeps that JSON as its snapshot, so later data changes cannot alter it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

RagValue = Literal["R", "A", "G", "B", "NR"]  # red, amber, green, blue (complete), not rated


@dataclass(frozen=True)
class Run:
    """A piece of inline text. ``href`` only ever holds an http(s) or mailto link."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str = ""


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2  # 1 = section title, 2 and 3 below it
    kind: Literal["heading"] = "heading"


@dataclass(frozen=True)
class Paragraph:
    runs: tuple[Run, ...]
    style: Literal["body", "lead", "quote", "small"] = "body"
    kind: Literal["paragraph"] = "paragraph"

    @classmethod
    def of(cls, text: str, style: Literal["body", "lead", "quote", "small"] = "body") -> Paragraph:
        return cls(runs=(Run(text),), style=style)

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True)
class ListItem:
    runs: tuple[Run, ...]
    children: tuple[ListItem, ...] = ()

    @classmethod
    def of(cls, text: str) -> ListItem:
        return cls(runs=(Run(text),))

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True)
class BulletList:
    """A list, optionally under a small heading of its own ("Working well", a sub-heading)."""

    items: tuple[ListItem, ...]
    title: str = ""
    ordered: bool = False
    kind: Literal["list"] = "list"


@dataclass(frozen=True)
class Status:
    """A RAG (or other) status, always written in words as well as coloured."""

    label: str  # what the status is of, e.g. "Overarching status"
    rag: RagValue
    text: str  # the status written out, e.g. "Red"
    note: str = ""  # e.g. "May/June 2024"
    kind: Literal["status"] = "status"


@dataclass(frozen=True)
class Cell:
    """A table cell. ``text`` is exactly what is printed; ``value`` is the exact figure, if any.

    ``numeric`` cells are right-aligned. ``rag`` colours a cell whose text already says the status.
    ``value`` is a string (a Decimal's exact text) so that the document round-trips through JSON.
    """

    text: str
    value: str | None = None
    numeric: bool = False
    rag: RagValue | None = None
    header: bool = False  # a row header (<th scope="row">)
    # A true figure that members and the public see as ``c``: only in the officers' preview,
    # where every renderer marks it (see ``SUPPRESSED_MARK``).
    suppressed: bool = False


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    role: Literal["body", "subtotal", "total"] = "body"


@dataclass(frozen=True)
class Table:
    """A table with one or more header rows (repeated on every page / slide it spans)."""

    caption: str
    header_rows: tuple[Row, ...]
    rows: tuple[Row, ...]
    notes: tuple[str, ...] = ()  # footnotes: units, "A = adverse, (F) = favourable", sources
    widths: tuple[int, ...] = ()  # optional relative column widths
    kind: Literal["table"] = "table"

    @property
    def column_count(self) -> int:
        if self.header_rows:
            return max(len(row.cells) for row in self.header_rows)
        return max((len(row.cells) for row in self.rows), default=0)


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[str | None, ...]  # exact decimals as strings, None where there is no data


@dataclass(frozen=True)
class Chart:
    """A chart: its data (for native PowerPoint charts), its data table, and a Vega-Lite spec.

    Renderers that need a picture render ``spec`` with the shared chart module (SVG for HTML/PDF,
    PNG for Word); PowerPoint builds a native chart from ``categories`` and ``series``.
    """

    title: str
    alt_text: str
    chart_type: Literal["bar", "stacked_bar", "line", "column", "stacked_column"]
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    table: Table
    unit: str = ""  # e.g. "£", "%", "per 10,000"
    spec: dict[str, Any] = field(default_factory=dict)
    kind: Literal["chart"] = "chart"


@dataclass(frozen=True)
class Notice:
    """Said in place where something is missing or needs the reader's attention."""

    text: str
    level: Literal["missing", "info", "warning"] = "missing"
    kind: Literal["notice"] = "notice"


SUPPRESSED_MARK = "†"
SUPPRESSED_NOTE = (
    "† Officers' preview: a figure marked † is shown to officers only; members and the public "
    "see it as c (suppressed)."
)


@dataclass(frozen=True)
class Tile:
    """A headline figure (KPI tile): the value as printed, with what qualifies it.

    ``value`` is the figure as the source writes it ("circa 1200", "£105m", "c"); ``qualifier``
    the word that qualifies it, if any ("circa", "over"), for renderers that set it apart.
    ``rag`` and ``direction`` come from the domain, already in words ("Improving").
    """

    label: str
    value: str
    qualifier: str = ""
    rag: RagValue | None = None
    rag_text: str = ""
    direction: str = ""  # e.g. "Improving", "Worsening", "No change", "" (not comparable)
    arrow: str = ""  # "↑", "↓", "→"
    note: str = ""  # e.g. "31 March 2023 · seed 002"
    exact: str | None = None  # the exact figure, for comparisons and tests
    suppressed: bool = False  # a true figure only officers may see (marked)


@dataclass(frozen=True)
class Tiles:
    """A row of headline figures; renderers without tiles lay it out as :meth:`as_table`."""

    tiles: tuple[Tile, ...]
    caption: str = "Headline figures"
    kind: Literal["tiles"] = "tiles"

    def as_table(self) -> Table:
        header = Row(
            cells=(
                Cell("Measure", header=True),
                Cell("Figure", header=True, numeric=True),
                Cell("RAG", header=True),
                Cell("Direction", header=True),
                Cell("As at", header=True),
            )
        )
        rows = tuple(
            Row(
                cells=(
                    Cell(t.label, header=True),
                    Cell(t.value, t.exact, numeric=True, suppressed=t.suppressed),
                    Cell(t.rag_text, rag=t.rag if t.rag_text else None),
                    Cell(f"{t.arrow} {t.direction}".strip()),
                    Cell(t.note),
                )
            )
            for t in self.tiles
        )
        notes = (SUPPRESSED_NOTE,) if any(t.suppressed for t in self.tiles) else ()
        return Table(caption=self.caption, header_rows=(header,), rows=rows, notes=notes)


Node = Heading | Paragraph | BulletList | Status | Table | Chart | Notice | Tiles


@dataclass(frozen=True)
class Section:
    title: str
    nodes: tuple[Node, ...]
    notes: str = ""  # speaker notes (PowerPoint) — the section's narrative as plain text
    slug: str = ""  # stable anchor for HTML, bookmarks and tests
    new_slide_per: Literal["section", "list"] = "section"
    level: int = 1  # 1 a top-level section; 2 and 3 sub-sections that follow on the same page


@dataclass(frozen=True)
class Document:
    title: str
    subtitle: str  # e.g. "June 2024 – Progress Report for Scrutiny"
    organisation: str
    period_label: str  # e.g. "June 2024"
    sections: tuple[Section, ...]
    language: str = "en-GB"
    status_label: str = ""  # e.g. "Draft — not for publication", "Published (version 2)"
    audience: Literal["officers", "members", "public"] = "officers"
    cover_text: tuple[str, ...] = ()  # e.g. the vision statement, shown on the cover / title slide


_NODE_TYPES: dict[str, type] = {
    "heading": Heading,
    "paragraph": Paragraph,
    "list": BulletList,
    "status": Status,
    "table": Table,
    "chart": Chart,
    "notice": Notice,
    "tiles": Tiles,
}


def to_dict(document: Document) -> dict[str, Any]:
    """A JSON-ready dict (tuples become lists)."""
    return asdict(document)


def _runs(data: list[dict[str, Any]]) -> tuple[Run, ...]:
    return tuple(Run(**run) for run in data)


def _item(data: dict[str, Any]) -> ListItem:
    return ListItem(
        runs=_runs(data["runs"]), children=tuple(_item(c) for c in data.get("children", []))
    )


def _row(data: dict[str, Any]) -> Row:
    return Row(cells=tuple(Cell(**c) for c in data["cells"]), role=data.get("role", "body"))


def _table(data: dict[str, Any]) -> Table:
    return Table(
        caption=data["caption"],
        header_rows=tuple(_row(r) for r in data["header_rows"]),
        rows=tuple(_row(r) for r in data["rows"]),
        notes=tuple(data.get("notes", ())),
        widths=tuple(data.get("widths", ())),
    )


def _node(data: dict[str, Any]) -> Node:
    kind = data["kind"]
    if kind not in _NODE_TYPES:
        raise ValueError(f"Unknown node kind {kind!r}")
    if kind == "paragraph":
        return Paragraph(runs=_runs(data["runs"]), style=data.get("style", "body"))
    if kind == "list":
        return BulletList(
            items=tuple(_item(i) for i in data["items"]),
            title=data.get("title", ""),
            ordered=data.get("ordered", False),
        )
    if kind == "table":
        return _table(data)
    if kind == "tiles":
        return Tiles(
            tiles=tuple(Tile(**t) for t in data["tiles"]),
            caption=data.get("caption", "Headline figures"),
        )
    if kind == "chart":
        return Chart(
            title=data["title"],
            alt_text=data["alt_text"],
            chart_type=data["chart_type"],
            categories=tuple(data["categories"]),
            series=tuple(Series(s["name"], tuple(s["values"])) for s in data["series"]),
            table=_table(data["table"]),
            unit=data.get("unit", ""),
            spec=data.get("spec", {}),
        )
    fields = {k: v for k, v in data.items() if k != "kind"}
    return _NODE_TYPES[kind](**fields)  # type: ignore[no-any-return]


def from_dict(data: dict[str, Any]) -> Document:
    return Document(
        title=data["title"],
        subtitle=data["subtitle"],
        organisation=data["organisation"],
        period_label=data["period_label"],
        sections=tuple(
            Section(
                title=s["title"],
                nodes=tuple(_node(n) for n in s["nodes"]),
                notes=s.get("notes", ""),
                slug=s.get("slug", ""),
                new_slide_per=s.get("new_slide_per", "section"),
                level=s.get("level", 1),
            )
            for s in data["sections"]
        ),
        language=data.get("language", "en-GB"),
        status_label=data.get("status_label", ""),
        audience=data.get("audience", "officers"),
        cover_text=tuple(data.get("cover_text", ())),
    )
