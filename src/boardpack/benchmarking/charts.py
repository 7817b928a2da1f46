"""Benchmark charts: the authority against England, its region and neighbours, and a ranked bar.

Colours come from the Analysis Function's accessible palette; no meaning rests on colour alone
(each line is labelled in the legend and the tooltip, the home authority is named in the bars).
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from boardpack.benchmarking.selectors import Comparison
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


def neighbours_chart(comparison: Comparison) -> Chart | None:
    """A ranked bar of the authority and its statistical neighbours."""
    if not comparison.neighbours:
        return None
    data = [
        {
            "name": f"{r.name} (us)" if r.is_home else r.name,
            "value": float(r.value),
            "who": "Us" if r.is_home else "Neighbour",
        }
        for r in comparison.neighbours
    ]
    title = f"{comparison.measure.title}, {comparison.year}: statistical neighbours ranked"
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": title,
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
    alt_text = (
        f"Bar chart ranking {comparison.authority_name} among its "
        f"{comparison.neighbours_total} statistical neighbours in {comparison.year}: "
        + "; ".join(f"{r.name} {_text(r.value)} (rank {r.rank})" for r in comparison.neighbours)
        + "."
    )
    return Chart(
        title=title,
        alt_text=alt_text,
        svg=_render(spec),
        table_header=["Authority", "Value", "Rank in England"],
        table_rows=[
            [f"{r.name} (us)" if r.is_home else r.name, _text(r.value), str(r.rank)]
            for r in comparison.neighbours
        ],
    )
