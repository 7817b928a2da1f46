"""Blocks from finance: the MTFP tracker and its chart, budget monitoring and the DSG tables.

Every figure comes from the finance selectors and is printed as the council prints it; a nil
saving part is a blank cell (as in the tracker), never a made-up 0.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from boardpack.finance import calculations as calc
from boardpack.reports.blocks.context import BlockContext, MissingData
from boardpack.reports.document import Cell, Chart, Node, Paragraph, Row, Series, Table

SAVING_PARTS = ("over_achieved", "achieved", "on_track", "at_risk")
PART_TITLES = {
    "over_achieved": "Over-achieved",
    "achieved": "Achieved",
    "on_track": "On Track",
    "at_risk": "At Risk",
}
PART_COLOURS = {
    "over_achieved": "#00703c",
    "achieved": "#85994b",
    "on_track": "#1d70b8",
    "at_risk": "#d4351c",
}
DIRECTION_WORDS = {"↑": "↑ improving", "↓": "↓ worsening", "→": "→ no change"}


def money_cell(value: Decimal | None) -> Cell:
    """£ as the tracker prints it: nil (or nothing) is a blank cell."""
    if value is None or value == 0:
        return Cell("", None, numeric=True)
    return Cell(calc.format_pounds(value), calc.pounds_string(value), numeric=True)


def millions_cell(row: dict[str, Any], name: str) -> Cell:
    return Cell(row["printed"].get(name) or "", row.get(name), numeric=True)


def _years_label(ctx: BlockContext) -> str:
    return " ".join(str(y.short_label) for y in ctx.savings["years"])


def mtfp_table(block: Any, ctx: BlockContext) -> list[Node]:
    tracker = ctx.savings
    if not tracker["rows"]:
        raise MissingData(f"No MTFP savings positions are recorded for {ctx.period_title}.")
    header = Row(
        cells=tuple(
            Cell(text, header=True, numeric=numeric)
            for text, numeric in [
                ("Ref", False),
                ("Saving", False),
                ("£", True),
                *[(PART_TITLES[p], True) for p in SAVING_PARTS],
                ("Comments", False),
            ]
        )
    )
    rows = []
    for row in tracker["rows"]:
        position = row.position
        rows.append(
            Row(
                cells=(
                    Cell(position.line.reference, header=True),
                    Cell(position.line.description),
                    money_cell(position.line.target),
                    *[money_cell(getattr(position, p)) for p in SAVING_PARTS],
                    Cell(position.comment),
                )
            )
        )
    totals = tracker["totals"]
    rows.append(
        Row(
            cells=(
                Cell(""),
                Cell("TOTALS", header=True),
                money_cell(totals["target"]),
                *[money_cell(totals[p]) for p in SAVING_PARTS],
                Cell(""),
            ),
            role="total",
        )
    )
    return [
        Table(
            caption=f"MTFP Tracker {_years_label(ctx)}, as at {ctx.period_title}",
            header_rows=(header,),
            rows=tuple(rows),
            notes=("Amounts in £. A blank cell is nil.",),
            widths=(12, 21, 10, 10, 10, 10, 10, 17),
        )
    ]


def _chart_spec(title: str, data: list[dict[str, Any]], refs: list[str]) -> dict[str, Any]:
    titles = [PART_TITLES[p] for p in SAVING_PARTS]
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": title,
        "data": {"values": data},
        "width": 520,
        "height": max(140, 22 * len(refs)),
        "mark": "bar",
        "encoding": {
            "y": {"field": "ref", "type": "nominal", "title": "Saving", "sort": refs},
            "x": {
                "field": "amount",
                "type": "quantitative",
                "aggregate": "sum",
                "title": "£",
                "axis": {"format": ",.0f"},
            },
            "color": {
                "field": "status",
                "type": "nominal",
                "title": "Status",
                "scale": {"domain": titles, "range": [PART_COLOURS[p] for p in SAVING_PARTS]},
            },
            "order": {"field": "order", "type": "quantitative"},
        },
        "config": {"font": "DejaVu Sans", "background": "white"},
    }


def mtfp_chart(block: Any, ctx: BlockContext) -> list[Node]:
    tracker = ctx.savings
    if not tracker["rows"]:
        raise MissingData(f"No MTFP savings positions are recorded for {ctx.period_title}.")
    positions = [row.position for row in tracker["rows"]]
    refs = [p.line.reference for p in positions]
    totals = tracker["totals"]
    title = f"MTFP savings delivery by status, {ctx.period_title}"
    data = [
        {
            "ref": p.line.reference,
            "status": PART_TITLES[part],
            "amount": float(getattr(p, part)),  # a picture's scale; every figure shown is exact
            "order": index,
        }
        for p in positions
        for index, part in enumerate(SAVING_PARTS)
        if getattr(p, part)
    ]
    series = tuple(
        Series(
            PART_TITLES[part],
            tuple(
                calc.pounds_string(getattr(p, part)) if getattr(p, part) else None
                for p in positions
            ),
        )
        for part in SAVING_PARTS
    )
    header = Row(
        cells=(Cell("Ref", header=True),)
        + tuple(Cell(f"{PART_TITLES[p]} £", header=True, numeric=True) for p in SAVING_PARTS)
    )
    rows = [
        Row(
            cells=(Cell(p.line.reference, header=True),)
            + tuple(money_cell(getattr(p, part)) for part in SAVING_PARTS)
        )
        for p in positions
    ]
    rows.append(
        Row(
            cells=(Cell("Total", header=True),)
            + tuple(money_cell(totals[p]) for p in SAVING_PARTS),
            role="total",
        )
    )
    alt_text = (
        f"Stacked bar chart of {len(positions)} savings totalling "
        f"£{calc.format_pounds(totals['target'])}: "
        + "; ".join(
            f"{PART_TITLES[p].lower()} "
            + (f"£{calc.format_pounds(totals[p])}" if totals[p] else "none")
            for p in SAVING_PARTS
        )
        + ". The table that follows gives every figure."
    )
    return [
        Chart(
            title=title,
            alt_text=alt_text,
            chart_type="stacked_bar",
            categories=tuple(refs),
            series=series,
            table=Table(
                caption=f"Data for the chart: {title}",
                header_rows=(header,),
                rows=tuple(rows),
                notes=("Amounts in £. A blank cell is nil.",),
            ),
            unit="£",
            spec=_chart_spec(title, data, refs),
        )
    ]


MONITORING_COLUMNS = (
    ("current_budget", "Current budget £m"),
    ("projection", "Projection £m"),
    ("variance", "Variance £m"),
)


def _monitoring_header(first: str, previous_label: str | None) -> Row:
    cells = [Cell(first, header=True)]
    cells += [Cell(title, header=True, numeric=True) for _name, title in MONITORING_COLUMNS]
    cells.append(Cell("A/(F)", header=True))
    movement = f"Movement since {previous_label} £m" if previous_label else "Movement £m"
    cells += [Cell(movement, header=True, numeric=True), Cell("Direction", header=True)]
    return Row(cells=tuple(cells))


def _as_stated(row: dict[str, Any]) -> dict[str, Any]:
    """The row as its source printed it: each figure the source stated in place of Boardpack's
    sum (they differ only by rounding; the quality checks compare the two)."""
    stated = row.get("stated") or {}
    printed = dict(row["printed"])
    values = {}
    for name in ("current_budget", "projection", "variance", "movement"):
        if stated.get(f"{name}_printed"):
            printed[name] = stated[f"{name}_printed"]
            values[name] = stated.get(name)
    extra = {k: stated[k] for k in ("marker", "direction", "label") if stated.get(k)}
    return row | values | extra | {"printed": printed}


def _monitoring_row(row: dict[str, Any], role: str = "body", *, as_stated: bool = False) -> Row:
    if as_stated:
        row = _as_stated(row)
    return Row(
        cells=(
            Cell(row["label"], header=True),
            *[millions_cell(row, name) for name, _title in MONITORING_COLUMNS],
            Cell(row.get("marker") or ""),
            millions_cell(row, "movement"),
            Cell(DIRECTION_WORDS.get(row.get("direction") or "", row.get("direction") or "")),
        ),
        role=role,  # type: ignore[arg-type]
    )


AS_STATED_NOTE = (
    "Figures as the council published them; where a published total differs from the sum of "
    "its rows by rounding, the quality checks report it."
)


def _stated(block: Any) -> bool:
    return block.config.get("figures") == "as_stated"


MONITORING_NOTES = (
    "Amounts in £ millions. Variance = projection − budget: A is adverse (an overspend), "
    "(F) favourable.",
)


def _document_for(block: Any, ctx: BlockContext, name: str) -> tuple[dict[str, Any], str]:
    """The finance document of the edition's period, or of the month ``config["period"]`` names
    (a quarterly report shows the latest monitoring month, e.g. Month 9 for January to March)."""
    key = str(block.config.get("period", "") or "")
    if not key or key == ctx.period.key:
        return getattr(ctx, name), ctx.period_title
    from boardpack.finance.selectors import budget_document, dsg_document

    period = ctx.period_by_key(key)
    read = budget_document if name == "budget" else dsg_document
    # The quarterly report's DSG tables (three blocks) all show the same month.
    doc = ctx.once((name, period.pk), lambda: read(ctx.organisation, period))
    return doc, period.title or period.label


def budget_table(block: Any, ctx: BlockContext) -> list[Node]:
    doc, period_title = _document_for(block, ctx, "budget")
    if not doc["divisions"]:
        raise MissingData(f"No revenue budget monitoring is recorded for {period_title}.")
    rows: list[Row] = []
    stated = _stated(block)
    for division in doc["divisions"]:
        rows += [_monitoring_row(line, as_stated=stated) for line in division["lines"]]
        subtotal = dict(division["subtotal"], label=f"{division['name']} sub total")
        rows.append(_monitoring_row(subtotal, "subtotal", as_stated=stated))
    rows.append(_monitoring_row(doc["total"], "total", as_stated=stated))
    return [
        Table(
            caption=str(block.config.get("caption", ""))
            or f"Revenue budget monitoring, {doc['period_label']}",
            header_rows=(_monitoring_header("Service", doc["previous_period_label"]),),
            rows=tuple(rows),
            notes=MONITORING_NOTES + ((AS_STATED_NOTE,) if stated else ()),
        )
    ]


DSG_TABLES = ("allocation", "monitoring", "deficit")


def dsg_tables(block: Any, ctx: BlockContext) -> list[Node]:
    """The DSG's allocation, monitoring table and deficit; ``config["table"]`` picks one."""
    doc, period_title = _document_for(block, ctx, "dsg")
    allocation = doc["allocation"]
    wanted = str(block.config.get("table", "") or "")
    if wanted and wanted not in DSG_TABLES:
        raise ValueError(f"DSG table {wanted!r}: choose one of {', '.join(DSG_TABLES)}")
    shown = {wanted} if wanted else set(DSG_TABLES)
    caption = str(block.config.get("caption", ""))
    held = {
        "allocation": bool(allocation["rows"]),
        "monitoring": bool(doc["lines"]),
        "deficit": bool(doc["deficit"]),
    }
    if not any(held[t] for t in shown):
        what = f"DSG {wanted}" if wanted else "Dedicated Schools Grant"
        raise MissingData(f"No {what} figures are recorded for {period_title}.")
    nodes: list[Node] = []
    if allocation["rows"] and "allocation" in shown:
        names = (
            ("before_recoupment", "Before recoupment £m"),
            ("recoupment", "Recoupment £m"),
            ("after_recoupment", "After recoupment £m"),
        )
        header = Row(
            cells=(Cell("Block", header=True),)
            + tuple(Cell(title, header=True, numeric=True) for _n, title in names)
        )
        rows = [
            Row(
                cells=(Cell(r["label"], header=True),)
                + tuple(millions_cell(r, n) for n, _t in names)
            )
            for r in allocation["rows"]
        ]
        if allocation["total"]:
            total = allocation["total"]
            rows.append(
                Row(
                    cells=(Cell(total["label"], header=True),)
                    + tuple(millions_cell(total, n) for n, _t in names),
                    role="total",
                )
            )
        nodes.append(
            Table(
                caption=(caption if wanted else "")
                or f"DSG allocation {allocation['financial_year']}",
                header_rows=(header,),
                rows=tuple(rows),
                notes=("Amounts in £ millions.",),
            )
        )
    if doc["lines"] and "monitoring" in shown:
        stated = _stated(block)
        rows = [_monitoring_row(line, as_stated=stated) for line in doc["lines"]]
        if doc["total"]:
            rows.append(_monitoring_row(doc["total"], "total", as_stated=stated))
        nodes.append(
            Table(
                caption=(caption if wanted else "")
                or f"Dedicated Schools Grant monitoring, {doc['period_label']}",
                header_rows=(_monitoring_header("Block", doc["previous_period_label"]),),
                rows=tuple(rows),
                notes=MONITORING_NOTES + ((AS_STATED_NOTE,) if stated else ()),
            )
        )
    for deficit in doc["deficit"] if "deficit" in shown else []:
        kind = str(deficit["kind"]).replace("_", " ")
        nodes.append(
            Paragraph.of(
                f"DSG deficit ({kind}) as at {deficit['as_at_label']}: {deficit['printed']}"
            )
        )
    return nodes
