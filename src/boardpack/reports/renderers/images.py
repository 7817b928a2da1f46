"""Pictures of charts for the renderers: SVG for HTML and PDF, PNG for Word.

A chart's picture depends only on its Vega-Lite spec (which holds the chart's data), so each is
drawn once and kept: in memory for the process, and on disk under ``DATA_DIR/cache/charts``,
named by a hash of the spec and of the drawing library's version. A ``boardpack report`` run
whose charts were drawn before (by an earlier run, the web page or the report worker) reads them
back instead of starting the chart module (altair and vl-convert take a second or more to load
and warm up). PowerPoint draws native charts from the chart's data and needs no picture.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from django.conf import settings

from boardpack.reports.document import Chart

CACHE_FOLDER = ("cache", "charts")


def _key(chart: Chart) -> str:
    if not chart.spec:
        raise ValueError(f"The chart {chart.title!r} has no Vega-Lite spec to draw")
    return json.dumps(chart.spec, sort_keys=True)


@functools.lru_cache(maxsize=1)
def _drawer_version() -> str:
    """A new vl-convert may draw differently: its pictures are kept apart from the old ones."""
    try:
        return metadata.version("vl-convert-python")
    except metadata.PackageNotFoundError:
        return "unknown"


def cache_folder() -> Path:
    return Path(settings.DATA_DIR).joinpath(*CACHE_FOLDER)


def cache_path(spec_json: str, suffix: str) -> Path:
    digest = hashlib.sha256(f"{_drawer_version()}\n{suffix}\n{spec_json}".encode()).hexdigest()
    return cache_folder() / f"{digest}.{suffix}"


def _kept(path: Path, draw: Callable[[], bytes]) -> bytes:
    """The picture on disk, or drawn now and written there (atomically: readers in other
    processes never see half a file). A folder that cannot be written only costs the saving."""
    try:
        return path.read_bytes()
    except OSError:
        pass
    picture = draw()
    temporary = ""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".drawing-")
        with os.fdopen(handle, "wb") as file:
            file.write(picture)
        os.replace(temporary, path)
    except OSError:
        if temporary:
            Path(temporary).unlink(missing_ok=True)
    return picture


@functools.lru_cache(maxsize=128)
def _svg(spec_json: str) -> str:
    def draw() -> bytes:
        from boardpack.charts.core import svg_of_spec

        return svg_of_spec(spec_json).encode("utf-8")

    return _kept(cache_path(spec_json, "svg"), draw).decode("utf-8")


@functools.lru_cache(maxsize=64)
def _png(spec_json: str, scale: float) -> bytes:
    def draw() -> bytes:
        from boardpack.charts.core import png_of_spec

        return png_of_spec(spec_json, scale)

    return _kept(cache_path(spec_json, f"{scale:g}x.png"), draw)


def chart_svg(chart: Chart) -> str:
    return _svg(_key(chart))


def chart_png(chart: Chart, scale: float = 2.0) -> bytes:
    return _png(_key(chart), scale)
