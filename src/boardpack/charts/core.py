"""A chart is a data table plus a Vega-Lite spec, rendered once on the server and stored.

SVG for pages and PDF, PNG for Word: the same spec draws both (vl-convert, offline). Each chart
carries a title, alternative text and the rows of its data table, so no reader depends on the
picture alone.

A chart is keyed by its data: the inputs its spec is built from, the code that builds it and the
versions of altair and vl-convert. Its SVG (and PNG) is stored under that key in the ``charts``
cache (docs/decisions/0011-charts-stored-by-their-data.md) on first use and read from there
afterwards, by every worker and after a restart. On a hit the spec is neither built nor
validated, and altair and vl-convert are not even imported: they load only when a chart has to
be drawn (about 0.3 s of imports and 1 s for the first drawing in a process).
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import importlib.metadata
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.utils.safestring import SafeString, mark_safe

if TYPE_CHECKING:
    import altair as alt

# The UK Government Analysis Function's categorical palette (accessible on white, in this
# order); a series is never told apart by colour alone (labels, dashes, the data table).
PALETTE = ["#12436D", "#28A197", "#801650", "#F46A25", "#3D3D3D", "#A285D1"]
TARGET_COLOUR = "#3D3D3D"
DASHES = [[1, 0], [6, 3], [2, 2], [8, 2, 2, 2], [4, 4], [1, 3]]
FONT = "Arial, Helvetica, sans-serif"

CACHE_ALIAS = "charts"  # settings.CACHES: where pictures are stored


@dataclass(frozen=True)
class Chart:
    title: str
    alt_text: str
    svg: str
    table_header: list[str]
    table_rows: list[list[str]]
    spec: str = field(default="", repr=False)  # the Vega-Lite spec (JSON), when already built
    key: str = field(default="", repr=False)  # what the pictures are stored under
    # Builds the spec (JSON) when a picture is not stored yet; never called on a hit.
    build: Callable[[], str] | None = field(default=None, repr=False, compare=False)

    def spec_json(self) -> str:
        if self.spec:
            return self.spec
        if self.build is None:
            raise ValueError(f"The chart {self.title!r} has no Vega-Lite spec to draw")
        return self.build()

    def png(self, scale: float = 2.0) -> bytes:
        """The same chart as PNG, for Word documents (stored like the SVG)."""
        key = self.key or spec_key(self.spec_json())
        return bytes(_stored(f"png{scale}:{key}", lambda: _draw_png(self.spec_json(), scale)))

    @functools.cached_property
    def table_body(self) -> SafeString:
        """The data table's rows as HTML (GOV.UK table classes, the first cell a row header),
        written in one pass: a template loop over a few hundred rows costs more than reading
        the stored chart. (``html.escape`` is what Django's ``escape`` calls, without its
        lazy-string check.)"""
        rows = []
        for first, *cells in self.table_rows:
            rows.append(
                '<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">'
                + escape(first)
                + "</th>"
                + "".join(
                    '<td class="govuk-table__cell govuk-table__cell--numeric bp-num">'
                    + escape(cell)
                    + "</td>"
                    for cell in cells
                )
                + "</tr>"
            )
        return mark_safe("\n".join(rows))  # noqa: S308 - every cell escaped above


def _cache() -> Any:
    from django.core.cache import caches

    return caches[CACHE_ALIAS]


def _stored(name: str, draw: Callable[[], Any]) -> Any:
    """The picture stored under ``name``, drawn and stored first if it is not there.

    A store that cannot be read or written (a full disk, a folder without permission) costs only
    the saving: the picture is drawn and given all the same.
    """
    try:
        cache = _cache()
        picture = cache.get(name)
    except OSError:
        cache, picture = None, None
    if picture is None:
        picture = draw()
        try:
            if cache is not None:
                cache.set(name, picture, timeout=None)
        except OSError:
            pass
    return picture


def _draw_svg(spec_json: str) -> str:
    import vl_convert as vlc

    return str(vlc.vegalite_to_svg(json.loads(spec_json)))


def _draw_png(spec_json: str, scale: float) -> bytes:
    import vl_convert as vlc

    return bytes(vlc.vegalite_to_png(json.loads(spec_json), scale=scale))


@functools.cache
def _library_versions() -> str:
    """The drawing libraries' versions, read from their metadata without importing them."""
    return ";".join(
        f"{name}={importlib.metadata.version(name)}" for name in ("altair", "vl-convert-python")
    )


@functools.cache
def _code_fingerprint(module: str) -> str:
    """A digest of the chart package and of ``module`` (where a chart's spec is built): any
    change to the code that draws a chart gives its pictures new keys."""
    digest = hashlib.sha256(_library_versions().encode())
    package = Path(__file__).parent
    files = sorted(package.glob("*.py"))
    source = getattr(sys.modules.get(module), "__file__", None)
    if source and Path(source).parent != package:
        files.append(Path(source))
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def data_key(kind: str, module: str, inputs: Any) -> str:
    """The key of a chart of ``kind`` drawn by ``module`` from ``inputs`` (JSON-able; dates and
    Decimals are written as text). Cheap: no spec is built."""
    payload = json.dumps(
        [kind, inputs], sort_keys=True, default=str, separators=(",", ":"), ensure_ascii=False
    )
    digest = hashlib.sha256(_code_fingerprint(module).encode())
    digest.update(payload.encode())
    return digest.hexdigest()


def spec_key(spec_json: str) -> str:
    """The key of a chart given by its spec (reports and benchmarks build plain specs)."""
    digest = hashlib.sha256(_library_versions().encode())
    digest.update(spec_json.encode())
    return digest.hexdigest()


def svg_of_spec(spec_json: str) -> str:
    """The SVG of a Vega-Lite spec given as JSON: drawn once, stored for every process."""
    return str(_stored(f"svg:{spec_key(spec_json)}", lambda: _draw_svg(spec_json)))


def png_of_spec(spec_json: str, scale: float = 2.0) -> bytes:
    return bytes(_stored(f"png{scale}:{spec_key(spec_json)}", lambda: _draw_png(spec_json, scale)))


def spec_of(chart: alt.TopLevelMixin) -> str:
    """The spec (JSON) of an altair chart, with the house font and palette; validates it."""
    spec: dict[str, Any] = chart.to_dict()
    spec.setdefault("config", {}).update(
        {"font": FONT, "range": {"category": PALETTE}, "view": {"stroke": None}}
    )
    return json.dumps(spec, sort_keys=True)


def render_svg(chart: alt.TopLevelMixin) -> str:
    return svg_of_spec(spec_of(chart))


@dataclass(frozen=True)
class ChartText:
    """What a chart says besides its picture: title, alternative text and data table."""

    title: str
    alt_text: str
    table_header: list[str]
    table_rows: list[list[str]]


def stored_chart(
    *,
    kind: str,
    inputs: Any,
    build: Callable[[], alt.TopLevelMixin],
    text: ChartText | Callable[[], ChartText],
) -> Chart:
    """A chart whose spec ``build`` makes from ``inputs``.

    The chart (its SVG and its text) is looked up by ``data_key(kind, build's module, inputs)``;
    only when it is not stored yet is the spec built (importing altair), validated and drawn.
    ``text`` is the chart's text, or a function making it from the same ``inputs`` (called only
    to store the chart: on a page of 400 savings, writing the data table costs more than
    reading the stored chart). ``inputs`` must hold everything the spec and the text depend on;
    text given as it is becomes part of the key by itself.
    """
    key = data_key(
        kind, build.__module__, inputs if callable(text) else [inputs, dataclasses.asdict(text)]
    )

    @functools.cache
    def spec() -> str:
        return spec_of(build())

    def draw() -> dict[str, Any]:
        said = text() if callable(text) else text
        return dataclasses.asdict(said) | {"svg": _draw_svg(spec()), "spec": spec()}

    stored = _stored(f"chart:{key}", draw)
    return Chart(
        title=stored["title"],
        alt_text=stored["alt_text"],
        svg=stored["svg"],
        table_header=stored["table_header"],
        table_rows=stored["table_rows"],
        # Stored with the picture, so that a PNG or a report's copy of the spec needs neither
        # altair (a third of a second to import) nor the build (an entry stored before the
        # spec was kept has none: it is built then).
        spec=stored.get("spec", ""),
        key=key,
        build=spec,
    )


def make_chart(
    chart: alt.TopLevelMixin,
    *,
    title: str,
    alt_text: str,
    table_header: list[str],
    table_rows: list[list[str]],
) -> Chart:
    """A chart from an altair chart already built (its spec is keyed as it is)."""
    spec = spec_of(chart)
    return Chart(
        title=title,
        alt_text=alt_text,
        svg=svg_of_spec(spec),
        table_header=table_header,
        table_rows=table_rows,
        spec=spec,
    )


def warm_up() -> None:
    """Import altair and vl-convert and draw a one-bar chart (not stored), so that the first
    chart a server process must draw costs only its own drawing (about 1 s less)."""
    import altair  # noqa: F401 - imported for its cost, not its names

    _draw_svg(
        json.dumps(
            {
                "data": {"values": [{"a": "warm", "b": 1}]},
                "mark": "bar",
                "encoding": {
                    "x": {"field": "b", "type": "quantitative"},
                    "y": {"field": "a", "type": "nominal"},
                },
            }
        )
    )
