"""A chart is a data table plus a Vega-Lite spec, rendered once on the server.

SVG for pages and PDF, PNG for Word: the same spec draws both (vl-convert, offline). Each chart
carries a title, alternative text and the rows of its data table, so no reader depends on the
picture alone. Rendering is cached on the spec: the same figures are drawn once per process.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from typing import Any

import altair as alt
import vl_convert as vlc

# The UK Government Analysis Function's categorical palette (accessible on white, in this
# order); a series is never told apart by colour alone (labels, dashes, the data table).
PALETTE = ["#12436D", "#28A197", "#801650", "#F46A25", "#3D3D3D", "#A285D1"]
TARGET_COLOUR = "#3D3D3D"
DASHES = [[1, 0], [6, 3], [2, 2], [8, 2, 2, 2], [4, 4], [1, 3]]
FONT = "Arial, Helvetica, sans-serif"


@dataclass(frozen=True)
class Chart:
    title: str
    alt_text: str
    svg: str
    table_header: list[str]
    table_rows: list[list[str]]
    spec: str = field(default="", repr=False)  # the Vega-Lite spec (JSON) the SVG was drawn from

    def png(self, scale: float = 2.0) -> bytes:
        """The same chart as PNG, for Word documents."""
        return _png(self.spec, scale)


@functools.lru_cache(maxsize=256)
def _svg(spec_json: str) -> str:
    return vlc.vegalite_to_svg(json.loads(spec_json))


@functools.lru_cache(maxsize=64)
def _png(spec_json: str, scale: float) -> bytes:
    return bytes(vlc.vegalite_to_png(json.loads(spec_json), scale=scale))


def svg_of_spec(spec_json: str) -> str:
    """The SVG of a Vega-Lite spec given as JSON: drawn once per process for every user."""
    return _svg(spec_json)


def png_of_spec(spec_json: str, scale: float = 2.0) -> bytes:
    return _png(spec_json, scale)


def spec_of(chart: alt.TopLevelMixin) -> str:
    spec: dict[str, Any] = chart.to_dict()
    spec.setdefault("config", {}).update(
        {"font": FONT, "range": {"category": PALETTE}, "view": {"stroke": None}}
    )
    return json.dumps(spec, sort_keys=True)


def render_svg(chart: alt.TopLevelMixin) -> str:
    return _svg(spec_of(chart))


def make_chart(
    chart: alt.TopLevelMixin,
    *,
    title: str,
    alt_text: str,
    table_header: list[str],
    table_rows: list[list[str]],
) -> Chart:
    spec = spec_of(chart)
    return Chart(
        title=title,
        alt_text=alt_text,
        svg=_svg(spec),
        table_header=table_header,
        table_rows=table_rows,
        spec=spec,
    )
