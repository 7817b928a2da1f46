"""Pictures of charts for the renderers: SVG for HTML and PDF, PNG for Word.

A chart's picture depends only on its Vega-Lite spec, so the shared chart module draws each
once per process for every renderer (PowerPoint draws native charts from the chart's data).
The chart module (altair, vl-convert) is imported only when a picture is first needed.
"""

from __future__ import annotations

import json

from boardpack.reports.document import Chart


def _key(chart: Chart) -> str:
    if not chart.spec:
        raise ValueError(f"The chart {chart.title!r} has no Vega-Lite spec to draw")
    return json.dumps(chart.spec, sort_keys=True)


def chart_svg(chart: Chart) -> str:
    from boardpack.charts.core import svg_of_spec

    return svg_of_spec(_key(chart))


def chart_png(chart: Chart, scale: float = 2.0) -> bytes:
    from boardpack.charts.core import png_of_spec

    return png_of_spec(_key(chart), scale)
