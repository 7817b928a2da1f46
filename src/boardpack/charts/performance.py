"""Performance charts: an indicator over time against its comparators and target, and its
breakdowns as small multiples. Built from the selectors' summaries (already suppressed for the
audience), so a chart never shows what its page hides."""

from __future__ import annotations

from decimal import Decimal

from boardpack.charts.core import Chart
from boardpack.charts.kinds import SeriesPoint, bar_chart, line_chart, small_multiples
from boardpack.performance.models import Area, Unit


def _label(area: str, organisation_name: str) -> str:
    return organisation_name if area == Area.AUTHORITY else Area(area).label


def indicator_chart(summary, organisation_name: str) -> Chart | None:  # type: ignore[no-untyped-def]
    """The authority against its comparators over time (a line per area), or, with one date
    only, a bar per area; with the target as a dashed line."""
    indicator = summary.indicator
    unit = Unit(indicator.unit).label
    target = (
        (summary.target.value, f"Target {summary.target_text}")
        if summary.target is not None
        else None
    )
    points = [
        SeriesPoint(_label(area, organisation_name), p.date, p.value, p.row["as_written"] or "")
        for area, series in summary.series.items()
        for p in series
        if p.value is not None
    ]
    for point in points:
        if not point.shown:
            object.__setattr__(point, "shown", f"{point.value.normalize():f}")
    if not points:
        return None
    dates = {p.date for p in points}
    areas = list(dict.fromkeys(p.series for p in points))
    title = f"{indicator.title}: {' and '.join(areas)}"
    described = "; ".join(
        f"{p.series} {p.shown} on {p.date.strftime('%d %B %Y')}" for p in points[-8:]
    )
    if len(dates) == 1:
        (date,) = dates
        bars = [(p.series, p.value, p.shown) for p in points]
        return bar_chart(
            bars,
            title=f"{title}, {date.strftime('%d %B %Y')}",
            x_title=unit,
            target=target,
            label_header="Area",
            alt_text=f"Bar chart of {indicator.title.lower()}: {described}."
            + (f" Target: {summary.target_text}." if target else ""),
        )
    return line_chart(
        points,
        title=title,
        y_title=unit,
        target=target,
        alt_text=f"Line chart of {indicator.title.lower()} over time for "
        f"{', '.join(areas)}: {described}."
        + (f" Target: {summary.target_text}." if target else ""),
    )


def breakdown_chart(table) -> Chart | None:  # type: ignore[no-untyped-def]
    """A cross table (rows × columns) as small multiples: one panel per row. Indicators side
    by side have units of their own: their table is enough."""
    if table.side_by_side:
        return None
    cells = []
    for row_label, values in table.rows:
        if row_label.strip().lower() == "total":
            continue
        for column, shown in zip(table.columns, values, strict=True):
            if column.strip().lower() == "total":
                continue
            number = shown.replace(",", "").rstrip("%").lstrip("£")
            try:
                cells.append((row_label, column, Decimal(number), shown))
            except ArithmeticError:
                continue  # a suppressed or missing cell: written in the table, not drawn
    if len(cells) < 2:
        return None
    title = f"{table.caption} ({table.source.title})"
    return small_multiples(
        cells,
        title=title,
        panel_title=table.row_dimension.replace("_", " ").capitalize(),
        x_title=Unit(table.indicator.unit).label,
        categories=[c for c in table.columns if c.strip().lower() != "total"],
        alt_text=f"Small multiples of {table.indicator.title.lower()}, one panel per "
        f"{table.row_dimension.replace('_', ' ')}, by {table.column_dimension.replace('_', ' ')}; "
        "the figures are in the table below.",
    )
