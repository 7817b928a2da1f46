"""Blocks from the performance indicators: headline figures, an indicator against its
comparators, indicator and breakdown tables, and the school inspections list.

Every figure is an observation as its source wrote it ("circa 1200", "17.06%"); RAG and
direction come from the performance selectors. A cell with no observation is blank, never 0.
Members and the public see small numbers as ``c`` (``performance.suppression``); the officers'
preview shows the true figure, marked.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections import defaultdict
from typing import Any

from boardpack.core.models import RAG
from boardpack.performance import calculations as calc
from boardpack.performance.models import (
    Area,
    Indicator,
    Inspection,
    InspectionJudgement,
    Judgement,
    Observation,
)
from boardpack.performance.selectors import published_row, shown_value
from boardpack.reports.blocks.context import BlockContext, MissingData, rag_value
from boardpack.reports.document import (
    SUPPRESSED_NOTE,
    Cell,
    Chart,
    Node,
    Notice,
    Paragraph,
    Row,
    Series,
    Table,
    Tile,
    Tiles,
)
from boardpack.reports.models import Block, BlockKind

# A qualifier the source writes before the figure ("circa 3700", "over 400").
LEADING_WORDS = re.compile(r"^(?P<words>[A-Za-z][A-Za-z ]*?)\s+(?P<figure>[£+\-−]?\d.*)$")
UNWRITTEN_QUALIFIERS = {
    "estimate": "estimated",
    "forecast": "forecast",
    "provisional": "provisional",
}
JUDGEMENT_ORDER = [
    Judgement.OUTSTANDING,
    Judgement.GOOD,
    Judgement.REQUIRES_IMPROVEMENT,
    Judgement.INADEQUATE,
]


def _date_text(date: dt.date) -> str:
    return f"{date.day} {date:%B %Y}"


def _observations(ctx: BlockContext) -> list[Observation]:
    """The authority's figures up to the end of the edition's period (read once per document)."""
    return ctx.once(
        "authority observations",
        lambda: list(
            Observation.objects.filter(
                indicator__organisation=ctx.organisation,
                area=Area.AUTHORITY,
                date__lte=ctx.period_end,
            )
            .select_related("indicator", "source")
            .order_by("date", "source__date", "pk")
        ),
    )


def _indicator(ctx: BlockContext, code: str) -> Indicator:
    summary = ctx.indicators.get(code)
    if summary is None:
        raise MissingData(f"No performance indicator {code!r} is held.")
    return summary.indicator  # type: ignore[no-any-return]


def _shown(ctx: BlockContext, observation: Observation) -> tuple[str, bool]:
    """The figure as this document prints it, and whether it is a marked true value."""
    row = published_row(observation, ctx.hidden)
    indicator = observation.indicator
    return shown_value(row, indicator.unit, indicator.decimals), observation.pk in ctx.marked


def _exact(ctx: BlockContext, observation: Observation) -> str | None:
    if observation.value is None or observation.pk in ctx.hidden:
        return None
    return calc.value_text(observation.value, observation.places)


def figure_cell(ctx: BlockContext, observation: Observation | None) -> Cell:
    if observation is None:
        return Cell("", None, numeric=True)  # nothing is held: blank, never 0
    text, marked = _shown(ctx, observation)
    return Cell(text, _exact(ctx, observation), numeric=True, suppressed=marked)


def _latest_cells(
    ctx: BlockContext, codes: set[str], dimensions: set[str]
) -> dict[tuple[str, tuple[tuple[str, str], ...]], Observation]:
    """The latest figure per indicator and breakdown (a later figure replaces an earlier)."""
    cells: dict[tuple[str, tuple[tuple[str, str], ...]], Observation] = {}
    for o in _observations(ctx):
        if o.indicator.code in codes and set(o.breakdown) <= dimensions:
            cells[(o.indicator.code, tuple(sorted(o.breakdown.items())))] = o
    return cells


BLANK_NOTE = "A blank cell: no figure is held."


def _notes(rows: list[Row], *notes: str) -> tuple[str, ...]:
    """The table's notes: what a blank cell means, where there is one, and the preview's mark."""
    cells = [c for r in rows for c in r.cells[1:]]
    found = list(notes)
    if any(not c.text for c in cells):
        found.append(BLANK_NOTE)
    if any(c.suppressed for c in cells):
        found.append(SUPPRESSED_NOTE)
    return tuple(found)


# Headline figures -------------------------------------------------------------------------------


def _section_text(block: Any, ctx: BlockContext) -> str:
    """The words of the block's section: a tile shows the figure as they state it."""
    texts = []
    blocks = ctx.once(
        ("section blocks", block.section_id),
        lambda: list(Block.objects.filter(section_id=block.section_id)),
    )
    for other in (b for b in blocks if b.kind == BlockKind.NARRATIVE):
        text = ctx.narratives.get(other.pk)
        texts.append(str(other.config.get("text", "")) if text is None else text)
    return "\n".join(texts).replace("**", "")


def _pick(candidates: list[Observation], text: str) -> Observation:
    """The latest figure; where sources differ on that date, the one the section states."""
    latest = max(o.date for o in candidates)
    same_day = [o for o in candidates if o.date == latest]
    stated = [o for o in same_day if o.as_written and o.as_written in text]
    return (stated or same_day)[-1]


def _split_qualifier(written: str, qualifier: str) -> tuple[str, str]:
    match = LEADING_WORDS.match(written)
    if match:
        return match.group("words"), match.group("figure")
    return UNWRITTEN_QUALIFIERS.get(qualifier, ""), written


def _tile(ctx: BlockContext, observation: Observation, label: str) -> Tile:
    text, marked = _shown(ctx, observation)
    qualifier, value = _split_qualifier(text, observation.qualifier)
    summary = ctx.indicators.get(observation.indicator.code)
    rag_text = direction = arrow = ""
    rag = None
    if summary is not None and not observation.breakdown:
        if summary.rating.rag != RAG.NOT_RATED:
            rag, rag_text = rag_value(summary.rating.rag), summary.rating.label
        if summary.direction != calc.Direction.NONE:
            direction, arrow = summary.direction, calc.ARROWS[summary.direction]
    when = observation.period_label or _date_text(observation.date)
    return Tile(
        label=label,
        value=value,
        qualifier=qualifier,
        rag=rag,
        rag_text=rag_text,
        direction=direction,
        arrow=arrow,
        note=when,
        exact=_exact(ctx, observation),
        suppressed=marked,
    )


def headline_figures(block: Any, ctx: BlockContext) -> list[Node]:
    codes = [str(c) for c in block.config.get("indicators", [])]
    if not codes:
        raise MissingData("Name the indicators this block shows (config: indicators).")
    breakdown: dict[str, list[str]] = block.config.get("breakdown", {}) or {}
    text = _section_text(block, ctx)
    tiles: list[Tile] = []
    missing: list[str] = []
    observations = _observations(ctx)
    for code in codes:
        indicator = _indicator(ctx, code)
        wanted = [
            {dimension: value}
            for dimension, values in breakdown.items()
            if dimension in indicator.dimensions
            for value in values
        ] or [{}]
        for key in wanted:
            found = [
                o for o in observations if o.indicator_id == indicator.pk and o.breakdown == key
            ]
            label = indicator.title + "".join(f" – {v}" for v in key.values())
            if not found:
                missing.append(label)
                continue
            tiles.append(_tile(ctx, _pick(found, text), label))
    nodes: list[Node] = []
    if tiles:
        nodes.append(
            Tiles(
                tiles=tuple(tiles),
                caption=str(block.config.get("caption", "")) or ("Headline figures"),
            )
        )
    if missing:
        nodes.append(
            Notice(
                f"No figure is held up to {_date_text(ctx.period_end)} for: "
                + "; ".join(missing)
                + "."
            )
        )
    if any(t.suppressed for t in tiles):
        nodes.append(Paragraph.of(SUPPRESSED_NOTE, style="small"))
    return nodes


# An indicator against its comparators ------------------------------------------------------------


def indicator_chart(block: Any, ctx: BlockContext) -> list[Node]:
    from boardpack.charts.performance import indicator_chart as draw

    title = str(block.config.get("title", "")) or "Chart"
    subtitle = str(block.config.get("subtitle", ""))
    code = str(block.config.get("indicator", ""))
    nodes: list[Node] = []
    if subtitle:
        nodes.append(Paragraph.of(subtitle, style="small"))
    summary = ctx.indicators.get(code) if code else None
    wanted = set(block.config.get("comparators", [])) | {Area.AUTHORITY.value}
    series = (
        {
            area: [p for p in points if p.value is not None]
            for area, points in summary.series.items()
            if area in wanted
        }
        if summary is not None
        else {}
    )
    series = {area: points for area, points in series.items() if points}
    if summary is None or not series:
        nodes.append(Notice(f"No data is held for the chart “{title}”."))
        return nodes
    # Only the areas asked for; the catalogue's summary itself stays as it is.
    drawn = draw(dataclasses.replace(summary, series=series), ctx.organisation.name)
    if drawn is None:  # pragma: no cover - series with values always draw
        nodes.append(Notice(f"No data is held for the chart “{title}”."))
        return nodes
    spec = json.loads(drawn.spec_json())  # kept with the stored chart (built if it is not)
    spec["title"] = title
    dates = sorted({p.date for points in series.values() for p in points})
    names = {
        area: ctx.organisation.name if area == Area.AUTHORITY else Area(area).label
        for area in series
    }
    by_area = {area: {p.date: p for p in points} for area, points in series.items()}
    header = Row(
        cells=(Cell("Date", header=True),)
        + tuple(Cell(names[a], header=True, numeric=True) for a in series)
    )
    rows = []
    for date in dates:
        cells = [Cell(_date_text(date), header=True)]
        for area in series:
            point = by_area[area].get(date)
            if point is None:
                cells.append(Cell("", None, numeric=True))
            else:
                shown = point.row.get("as_written") or calc.value_text(point.value, 0)
                cells.append(Cell(shown, f"{point.value.normalize():f}", numeric=True))
        rows.append(Row(cells=tuple(cells)))
    chart_series = tuple(
        Series(
            names[area],
            tuple(
                f"{by_area[area][d].value.normalize():f}" if d in by_area[area] else None
                for d in dates
            ),
        )
        for area in series
    )
    note: tuple[str, ...] = ()
    if len(dates) == 1:
        note = (f"Only one figure is held ({_date_text(dates[0])}); no earlier figure is drawn.",)
    nodes.append(
        Chart(
            title=title,
            alt_text=drawn.alt_text,
            chart_type="line" if len(dates) > 1 else "column",
            categories=tuple(_date_text(d) for d in dates),
            series=chart_series,
            table=Table(
                caption=f"Data for the chart: {title}",
                header_rows=(header,),
                rows=tuple(rows),
                notes=(f"Source: {summary.indicator.source or 'the indicator records'}.", *note),
            ),
            unit=summary.indicator.get_unit_display(),
            spec=spec,
        )
    )
    return nodes


# Indicator and breakdown tables ------------------------------------------------------------------


def indicator_table(block: Any, ctx: BlockContext) -> list[Node]:
    config = block.config
    dimension = str(config.get("dimension", ""))
    values = [str(v) for v in config.get("values", [])]
    labels = {str(k): str(v) for k, v in (config.get("value_labels") or {}).items()}
    items = [(str(i["code"]), str(i.get("label") or "")) for i in config.get("indicators", [])]
    if not dimension or not values or not items:
        raise MissingData("Name the dimension, its values and the indicators (config).")
    for code, _label in items:
        _indicator(ctx, code)
    cells = _latest_cells(ctx, {c for c, _l in items}, {dimension})
    header_text = str(config.get("header", "")) or dimension.replace("_", " ").capitalize()

    def cell(code: str, value: str) -> Cell:
        return figure_cell(ctx, cells.get((code, ((dimension, value),))))

    titles = {code: label or _indicator(ctx, code).title for code, label in items}
    if config.get("layout") == "indicators_in_rows":
        header = Row(
            cells=(Cell(header_text, header=True),)
            + tuple(Cell(labels.get(v, v), header=True, numeric=True) for v in values)
        )
        rows = [
            Row(cells=(Cell(titles[code], header=True),) + tuple(cell(code, v) for v in values))
            for code, _l in items
        ]
    else:
        header = Row(
            cells=(Cell(header_text, header=True),)
            + tuple(Cell(titles[code], header=True, numeric=True) for code, _l in items)
        )
        rows = [
            Row(
                cells=(Cell(labels.get(v, v), header=True),)
                + tuple(cell(code, v) for code, _l in items)
            )
            for v in values
        ]
    if all(not c.text for r in rows for c in r.cells[1:]):
        raise MissingData(f"No figures are held for {', '.join(titles.values())}.")
    caption = str(config.get("caption", "")) or (
        " and ".join(titles.values()) + f", by {dimension.replace('_', ' ')}"
    )
    return [Table(caption=caption, header_rows=(header,), rows=tuple(rows), notes=_notes(rows))]


def breakdown_table(block: Any, ctx: BlockContext) -> list[Node]:
    config = block.config
    code = str(config.get("indicator", ""))
    row_dim, col_dim = str(config.get("rows", "")), str(config.get("columns", ""))
    row_values = [str(v) for v in config.get("row_values", [])]
    col_values = [str(v) for v in config.get("column_values", [])]
    if not (code and row_dim and col_dim and row_values and col_values):
        raise MissingData("Name the indicator, its row and column breakdowns and their values.")
    indicator = _indicator(ctx, code)
    row_labels = {str(k): str(v) for k, v in (config.get("row_labels") or {}).items()}
    cells = _latest_cells(ctx, {code}, {row_dim, col_dim})
    header = Row(
        cells=(
            Cell(
                str(config.get("row_header", "")) or row_dim.replace("_", " ").capitalize(),
                header=True,
            ),
        )
        + tuple(Cell(v, header=True, numeric=True) for v in col_values)
    )
    rows = []
    for r in row_values:
        row_cells = [Cell(row_labels.get(r, r), header=True)]
        for c in col_values:
            key = tuple(sorted({row_dim: r, col_dim: c}.items()))
            row_cells.append(figure_cell(ctx, cells.get((code, key))))
        rows.append(Row(cells=tuple(row_cells)))
    if all(not c.text for r in rows for c in r.cells[1:]):
        raise MissingData(f"No figures are held for {indicator.title}.")
    caption = str(config.get("caption", "")) or (
        f"{indicator.title} by {row_dim.replace('_', ' ')} and {col_dim.replace('_', ' ')}"
    )
    return [
        Table(
            caption=caption,
            header_rows=(header,),
            rows=tuple(rows),
            notes=_notes(rows, f"{indicator.title}."),
        )
    ]


# School inspections ------------------------------------------------------------------------------


def _judgement(text: str) -> Judgement:
    for judgement in Judgement:
        if text.strip().lower() in (judgement.value, str(judgement.label).lower()):
            return judgement
    raise ValueError(f"{text!r} is not an Ofsted judgement")


def _best(inspection: Inspection) -> Judgement | None:
    judgements = [Judgement(j.judgement) for j in inspection.judgements.all()]
    return min(judgements, key=JUDGEMENT_ORDER.index) if judgements else None


def _judgements_text(inspection: Inspection) -> str:
    judgements = list(inspection.judgements.all())
    if len(judgements) == 1 and judgements[0].area == "Overall effectiveness":
        return judgements[0].get_judgement_display()
    return "; ".join(f"{j.area}: {j.get_judgement_display()}" for j in judgements)


def inspections_in(ctx: BlockContext, start: dt.date, end: dt.date) -> list[Inspection]:
    from django.db.models import Prefetch

    return list(
        Inspection.objects.filter(organisation=ctx.organisation, date__gte=start, date__lte=end)
        .prefetch_related(
            Prefetch("judgements", queryset=InspectionJudgement.objects.order_by("order"))
        )
        .order_by("date", "establishment")
    )


def inspections_list(block: Any, ctx: BlockContext) -> list[Node]:
    config = block.config
    try:
        start = dt.date.fromisoformat(str(config.get("published_from", "")))
        end = dt.date.fromisoformat(str(config.get("published_to", "")))
    except ValueError:
        end = ctx.period_end
        start = ctx.period.period.quarter.first_month.first_day
    groups = [
        (_judgement(str(g["judgement"])), str(g.get("heading") or ""))
        for g in config.get("groups", [])
    ] or [(j, str(j.label)) for j in JUDGEMENT_ORDER]
    inspections = inspections_in(ctx, start, end)
    if not inspections:
        raise MissingData(
            f"No inspection reports are held from {_date_text(start)} to {_date_text(end)}."
        )
    by_group: dict[Judgement | None, list[Inspection]] = defaultdict(list)
    for inspection in inspections:
        by_group[_best(inspection)].append(inspection)
    count_rows = [
        Row(cells=(Cell(heading or str(j.label), header=True), _count(len(by_group[j]))))
        for j, heading in groups
    ]
    count_rows.append(
        Row(cells=(Cell("Total", header=True), _count(len(inspections))), role="total")
    )
    nodes: list[Node] = [
        Table(
            caption=f"Inspection reports published {_date_text(start)} to {_date_text(end)}, "
            "by judgement",
            header_rows=(
                Row(
                    cells=(
                        Cell("Judgement", header=True),
                        Cell("Inspections", header=True, numeric=True),
                    )
                ),
            ),
            rows=tuple(count_rows),
            notes=(
                "An establishment judged in more than one area is counted once, under its best "
                "judgement.",
            ),
        )
    ]
    header = Row(
        cells=(
            Cell("Establishment", header=True),
            Cell("Town", header=True),
            Cell("Report available", header=True),
            Cell("URN", header=True),
            Cell("Judgement", header=True),
        )
    )
    for judgement, heading in groups:
        members = by_group[judgement]
        if not members:
            continue
        nodes.append(
            Table(
                caption=f"{heading or judgement.label} ({len(members)})",
                header_rows=(header,),
                rows=tuple(
                    Row(
                        cells=(
                            Cell(i.establishment, header=True),
                            Cell(i.town),
                            Cell(_date_text(i.date)),
                            Cell(i.urn),
                            Cell(_judgements_text(i)),
                        )
                    )
                    for i in members
                ),
                widths=(38, 15, 18, 11, 18),
            )
        )
    ungrouped = [
        i for j, items in by_group.items() if j not in {g for g, _h in groups} for i in items
    ]
    if ungrouped:
        nodes.append(
            Notice(
                f"{len(ungrouped)} inspection(s) have a judgement this list does not group: "
                + "; ".join(i.establishment for i in ungrouped)
                + ".",
                level="warning",
            )
        )
    return nodes


def _count(n: int) -> Cell:
    return Cell(str(n), str(n), numeric=True)


__all__ = [
    "breakdown_table",
    "headline_figures",
    "indicator_chart",
    "indicator_table",
    "inspections_in",
    "inspections_list",
]
