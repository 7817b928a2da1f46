"""Pictures of charts for the renderers: SVG for HTML and PDF, PNG for Word.

A chart's picture depends only on its Vega-Lite spec, so each is drawn once per process and
reused by every renderer (PowerPoint draws native charts from the chart's data instead).
vl-convert is imported only when a picture is first needed.
"""

from __future__ import annotations

import functools
import json

from boardpack.reports.document import Chart


@functools.lru_cache(maxsize=128)
def _svg(spec_json: str) -> str:
    import vl_convert as vlc

    return str(vlc.vegalite_to_svg(json.loads(spec_json)))


@functools.lru_cache(maxsize=128)
def _png(spec_json: str, scale: float) -> bytes:
    import vl_convert as vlc

    return bytes(vlc.vegalite_to_png(json.loads(spec_json), scale=scale))


def _key(chart: Chart) -> str:
    if not chart.spec:
        raise ValueError(f"The chart {chart.title!r} has no Vega-Lite spec to draw")
    return json.dumps(chart.spec, sort_keys=True)


def chart_svg(chart: Chart) -> str:
    return _svg(_key(chart))


def chart_png(chart: Chart, scale: float = 2.0) -> bytes:
    return _png(_key(chart), scale)
