"""Benchmark charts: the authority against England, its region and neighbours, and a ranked bar.

Colours come from the Analysis Function's accessible palette; no meaning rests on colour alone
(each line is labelled in the legend and the tooltip, the home authority is named in the bars).
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from boardpack.benchmarking.selectors import Comparison, Ranked
from boardpack.charts.core import DASHES, PALETTE, Chart, svg_of_spec


def _render(spec: dict[str, Any]) -> str:
    return svg_of_spec(json.dumps(spec, sort_keys=True))


def _text(value: Decimal | None) -> str:
    return "–" if value is None else format(value.normalize(), ",f")


def trend_spec(
    title: str, points: list[dict[str, Any]], unit_title: str, series: list[str]
) -> dict[str, Any]:
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": title,
        "width": 560,
        "height": 260,
        "data": {"values": points},
        "mark": {"type": "line", "point": True},
        "encoding": {
            "x": {"field": "year", "type": "ordinal", "title": "Year"},
            "y": {"field": "value", "type": "quantitative", "title": unit_title},
            "color": {
                "field": "series",
                "type": "nominal",
                "title": None,
                "scale": {"domain": series, "range": PALETTE[: len(series)]},
                "legend": {"orient": "bottom", "columns": 2, "labelLimit": 300},
            },
            "strokeDash": {
                "field": "series",
                "type": "nominal",
                "title": None,
                "scale": {"domain": series, "range": DASHES[: len(series)]},
                "legend": {"orient": "bottom", "columns": 2, "labelLimit": 300},
            },
            "shape": {
                "field": "series",
                "type": "nominal",
                "title": None,
                "scale": {"domain": series},
                "legend": {"orient": "bottom", "columns": 2, "labelLimit": 300},
            },
        },
    }


def trend_chart(comparisons: list[Comparison]) -> Chart | None:
    """The authority, England, the region and the neighbours' mean, year by year."""
    if not comparisons:
        return None
    first = comparisons[0]
    names = {
        "authority": first.authority_name,
        "england": "England",
        "region": first.region_name,
        "sn": "Statistical neighbours (mean)",
    }
    points = []
    rows = []
    for c in comparisons:
        values = {
            "authority": c.authority.value,
            "england": c.england.value,
            "region": c.region.value,
            "sn": c.neighbour_mean,
        }
        rows.append([c.year] + [_text(values[k]) for k in names])
        points += [
            {"year": c.year, "series": names[k], "value": float(v)}
            for k, v in values.items()
            if v is not None
        ]
    if not points:
        return None
    title = f"{first.measure.title}: {first.authority_name} and its comparators"
    last = comparisons[-1]
    alt_text = (
        f"Line chart of {first.measure.title} from {comparisons[0].year} to {last.year}. "
        f"In {last.year}: {last.authority_name} {_text(last.authority.value)}, England "
        f"{_text(last.england.value)}, {last.region_name} {_text(last.region.value)}, "
        f"statistical neighbours' mean {_text(last.neighbour_mean)}."
    )
    spec = trend_spec(title, points, first.measure.get_unit_display(), list(names.values()))
    return Chart(
        title=title,
        alt_text=alt_text,
        svg=_render(spec),
        table_header=["Year", *names.values()],
        table_rows=rows,
    )


def neighbour_label(ranked: Ranked) -> str:
    return f"{ranked.name} (us)" if ranked.is_home else ranked.name


def neighbours_title(comparison: Comparison) -> str:
    return f"{comparison.measure.title}, {comparison.year}: statistical neighbours ranked"


def neighbours_alt_text(comparison: Comparison) -> str:
    return (
        f"Bar chart ranking {comparison.authority_name} among its "
        f"{comparison.neighbours_total} statistical neighbours in {comparison.year}: "
        + "; ".join(f"{r.name} {_text(r.value)} (rank {r.rank})" for r in comparison.neighbours)
        + "."
    )


def neighbours_spec(comparison: Comparison) -> dict[str, Any]:
    """A ranked bar of the authority and its neighbours with a figure, best rank first."""
    data = [
        {
            "name": neighbour_label(r),
            "value": float(r.value),
            "who": "Us" if r.is_home else "Neighbour",
        }
        for r in comparison.neighbours
    ]
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": neighbours_title(comparison),
        "width": 520,
        "height": max(120, 24 * len(data)),
        "data": {"values": data},
        "mark": "bar",
        "encoding": {
            "y": {"field": "name", "type": "nominal", "sort": None, "title": None},
            "x": {"field": "value", "type": "quantitative", "title": comparison.measure.title},
            "color": {
                "field": "who",
                "type": "nominal",
                "title": None,
                "scale": {"domain": ["Us", "Neighbour"], "range": ["#12436D", "#A0A5A8"]},
            },
        },
    }


def neighbours_chart(comparison: Comparison) -> Chart | None:
    """A ranked bar of the authority and its statistical neighbours."""
    if not comparison.neighbours:
        return None
    return Chart(
        title=neighbours_title(comparison),
        alt_text=neighbours_alt_text(comparison),
        svg=_render(neighbours_spec(comparison)),
        table_header=["Authority", "Value", "Rank in England"],
        table_rows=[
            [neighbour_label(r), _text(r.value), str(r.rank)] for r in comparison.neighbours
        ],
    )
