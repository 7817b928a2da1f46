"""Report blocks from benchmarks: how we compare, and one measure against its comparators.

Each reads the comparisons the benchmark pages show (never its own arithmetic) and lays them out
as document nodes: a table with rank and quartile band, and for one measure a line chart of the
authority against England, the region and the neighbours' mean, with its data table.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from boardpack.benchmarking import selectors
from boardpack.benchmarking.models import BenchmarkValue, Measure
from boardpack.reports.blocks.context import BlockContext, MissingData
from boardpack.reports.document import Cell, Chart, Node, Paragraph, Row, Series, Table


def _text(value: Decimal | None, symbol: str = "") -> str:
    if value is None:
        return symbol or "–"
    return format(value.normalize(), ",f")


def _cell(value: Decimal | None, symbol: str = "") -> Cell:
    return Cell(
        _text(value, symbol),
        None if value is None else format(value.normalize(), "f"),
        numeric=True,
    )


HEADER = (
    "Measure",
    "Year",
    "Us",
    "England",
    "Region",
    "Statistical neighbours (mean)",
    "Rank",
    "Quartile band",
    "Change on previous year",
)


def benchmarks_table(block: Any, ctx: BlockContext) -> list[Node]:
    """Every benchmarked measure (or those the block names) in the period's financial year."""
    end_year = ctx.period.period.financial_year.last_month.year
    codes = [str(c) for c in block.config.get("measures", [])]
    comparisons = selectors.comparisons_for_year_ending(ctx.organisation, end_year)
    if codes:
        by_code = {c.measure.code: c for c in comparisons}
        comparisons = [by_code[c] for c in codes if c in by_code]
    if not comparisons:
        raise MissingData(
            f"No benchmarks are held for the year ending in {end_year}: import the DfE's figures "
            "on the Benchmarks page."
        )
    home = comparisons[0].authority_name
    rows = []
    for c in comparisons:
        rows.append(
            Row(
                (
                    Cell(c.measure.title, header=True),
                    Cell(c.year),
                    _cell(c.authority.value, c.authority.symbol),
                    _cell(c.england.value, c.england.symbol),
                    _cell(c.region.value, c.region.symbol),
                    Cell(
                        f"{_text(c.neighbour_mean)} ({c.neighbours_with_data} of "
                        f"{c.neighbours_total})",
                        None if c.neighbour_mean is None else str(c.neighbour_mean),
                        numeric=True,
                    ),
                    Cell(f"{c.rank} of {c.ranked_count}" if c.rank else "–", numeric=True),
                    Cell(c.band or "–"),
                    Cell(
                        "–"
                        if c.change is None
                        else f"{'+' if c.change > 0 else ''}{_text(c.change)}",
                        None if c.change is None else str(c.change),
                        numeric=True,
                    ),
                )
            )
        )
    header = Row(tuple(Cell(h.replace("Us", home), header=True) for h in HEADER))
    return [
        Table(
            caption=f"How {home} compares with England, its region and its statistical neighbours",
            header_rows=(header,),
            rows=tuple(rows),
            notes=(
                "Source: Department for Education. Rank 1 is the best of all authorities with a "
                "figure (the highest where neither direction is better); quartile band A is the "
                "best quarter. The neighbours' mean is of those with a figure.",
            ),
        )
    ]


def benchmark_measure(block: Any, ctx: BlockContext) -> list[Node]:
    """One measure over time against its comparators, as a chart with its data table."""
    code = str(block.config.get("measure", ""))
    measure = Measure.objects.filter(organisation=ctx.organisation, code=code).first()
    home = selectors.home_authority(ctx.organisation)
    if measure is None or home is None:
        raise MissingData(f"No benchmarked measure {code!r} is held.")
    values = selectors.value_rows(BenchmarkValue.objects.filter(measure=measure))
    codes = selectors.neighbour_codes_for(home)
    end_year = ctx.period.period.financial_year.last_month.year
    years = sorted(
        {v.year for v in values if int(v.year[:4]) < end_year + (0 if len(v.year) == 6 else 1)},
        key=lambda y: y.ljust(6, "0"),
    )
    comparisons = [
        selectors.compare(measure, y, home, values=values, neighbour_codes=codes) for y in years
    ]
    if not comparisons:
        raise MissingData(f"No figures for {measure.title} up to {end_year}.")
    names = [home.authority.name, "England", comparisons[-1].region_name, "Statistical neighbours"]
    series_values: list[list[str | None]] = [[], [], [], []]
    rows = []
    for c in comparisons:
        figures = [c.authority.value, c.england.value, c.region.value, c.neighbour_mean]
        for i, value in enumerate(figures):
            series_values[i].append(None if value is None else format(value.normalize(), "f"))
        rows.append(Row((Cell(c.year, header=True), *(_cell(v) for v in figures))))
    table = Table(
        caption=f"{measure.title}: {home.authority.name} and its comparators",
        header_rows=(Row(tuple(Cell(h, header=True) for h in ["Year", *names])),),
        rows=tuple(rows),
        notes=("Source: Department for Education.",),
    )
    latest = comparisons[-1]
    alt = (
        f"Line chart of {measure.title} from {years[0]} to {years[-1]}. In {latest.year}: "
        f"{home.authority.name} {_text(latest.authority.value)}, England "
        f"{_text(latest.england.value)}, {latest.region_name} {_text(latest.region.value)}, "
        f"statistical neighbours' mean {_text(latest.neighbour_mean)}; rank "
        f"{latest.rank or '–'} of {latest.ranked_count}, quartile band {latest.band or '–'}."
    )
    from boardpack.benchmarking.charts import trend_spec

    points = [
        {"year": year, "series": names[i], "value": float(v)}
        for i, column in enumerate(series_values)
        for year, v in zip(years, column, strict=True)
        if v is not None
    ]
    chart = Chart(
        title=table.caption,
        alt_text=alt,
        chart_type="line",
        categories=tuple(years),
        series=tuple(Series(n, tuple(v)) for n, v in zip(names, series_values, strict=True)),
        table=table,
        unit=measure.get_unit_display(),
        spec=trend_spec(table.caption, points, measure.get_unit_display(), names),
    )
    summary = Paragraph.of(
        f"In {latest.year} {home.authority.name} was ranked {latest.rank or '–'} of "
        f"{latest.ranked_count} authorities with a figure (quartile band {latest.band or '–'}); "
        f"its statistical neighbours' mean was {_text(latest.neighbour_mean)} "
        f"({latest.neighbours_with_data} of {latest.neighbours_total} with a figure)."
    )
    nodes: list[Node] = [summary, chart]
    ranked = _neighbours_chart(latest)
    return nodes + ([ranked] if ranked else [])


def _neighbours_chart(comparison: selectors.Comparison) -> Chart | None:
    """The ranked bar of the authority and its neighbours, as the measure's page shows it."""
    from boardpack.benchmarking import charts

    if not comparison.neighbours:
        return None
    labels = tuple(charts.neighbour_label(r) for r in comparison.neighbours)
    values = tuple(format(r.value.normalize(), "f") for r in comparison.neighbours)
    table = Table(
        caption=charts.neighbours_title(comparison),
        header_rows=(
            Row(tuple(Cell(h, header=True) for h in ("Authority", "Value", "Rank in England"))),
        ),
        rows=tuple(
            Row((Cell(label, header=True), _cell(r.value), Cell(str(r.rank), numeric=True)))
            for label, r in zip(labels, comparison.neighbours, strict=True)
        ),
        notes=(
            "Source: Department for Education. Rank 1 is the best in England (the highest where "
            "neither direction is better).",
        ),
    )
    return Chart(
        title=table.caption,
        alt_text=charts.neighbours_alt_text(comparison),
        chart_type="bar",
        categories=labels,
        series=(Series(comparison.measure.title, values),),
        table=table,
        unit=comparison.measure.get_unit_display(),
        spec=charts.neighbours_spec(comparison),
    )
