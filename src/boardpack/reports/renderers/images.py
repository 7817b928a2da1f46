"""Pictures of charts for the renderers: SVG for HTML and PDF, PNG for Word.

A chart's picture depends only on its Vega-Lite spec (which holds the chart's data). It is drawn
by the shared chart module and stored there, in the ``charts`` cache, under a key made from the
spec and the drawing libraries' versions (docs/decisions/0011-charts-stored-by-their-data.md):
one store for pages, reports and the report worker. A ``boardpack report`` run whose charts were
drawn before (by an earlier run, the web page or the worker) reads them back without importing
altair or vl-convert (a second or more to load and warm up). Within a process each picture is
also kept in memory. PowerPoint draws native charts from the chart's data and needs no picture.
"""

from __future__ import annotations

import functools
import json

from boardpack.charts.core import png_of_spec, svg_of_spec
from boardpack.reports.document import Chart


def _key(chart: Chart) -> str:
    if not chart.spec:
        raise ValueError(f"The chart {chart.title!r} has no Vega-Lite spec to draw")
    return json.dumps(chart.spec, sort_keys=True)


@functools.lru_cache(maxsize=128)
def _svg(spec_json: str) -> str:
    return svg_of_spec(spec_json)


@functools.lru_cache(maxsize=64)
def _png(spec_json: str, scale: float) -> bytes:
    return png_of_spec(spec_json, scale)


def chart_svg(chart: Chart) -> str:
    return _svg(_key(chart))


def chart_png(chart: Chart, scale: float = 2.0) -> bytes:
    return _png(_key(chart), scale)
