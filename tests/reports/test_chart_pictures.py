"""Chart pictures are drawn once and kept on disk, named by the chart's spec (its data)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from boardpack.reports.renderers import images
from tests.reports.sample_documents import mtfp_chart


@pytest.fixture
def cache(settings: Any, tmp_path: Path) -> Iterator[Path]:
    settings.DATA_DIR = tmp_path
    images._svg.cache_clear()
    images._png.cache_clear()
    yield tmp_path / "cache" / "charts"
    images._svg.cache_clear()
    images._png.cache_clear()


def test_pictures_are_kept_and_read_back_from_disk(cache: Path) -> None:
    chart = mtfp_chart()
    svg = images.chart_svg(chart)
    png = images.chart_png(chart)
    assert svg.startswith("<svg") and png.startswith(b"\x89PNG")
    kept = sorted(path.suffix for path in cache.iterdir())
    assert kept == [".png", ".svg"]
    svg_file = next(cache.glob("*.svg"))
    assert svg_file.read_text() == svg
    # A later process finds the picture on disk and does not draw it again.
    svg_file.write_text("<svg><!-- kept --></svg>")
    images._svg.cache_clear()
    assert images.chart_svg(chart) == "<svg><!-- kept --></svg>"
    assert not list(cache.glob(".drawing-*"))  # no half-written files left behind


def test_new_figures_make_a_new_picture(cache: Path) -> None:
    chart = mtfp_chart()
    images.chart_svg(chart)
    values = [dict(row) for row in chart.spec["data"]["values"]]
    values[0]["amount"] = float(values[0]["amount"]) + 1000
    changed = dataclasses.replace(chart, spec={**chart.spec, "data": {"values": values}})
    images.chart_svg(changed)
    assert len(list(cache.glob("*.svg"))) == 2


def test_a_folder_that_cannot_be_written_still_gives_the_picture(
    settings: Any, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go")
    settings.DATA_DIR = blocker
    images._png.cache_clear()
    try:
        assert images.chart_png(mtfp_chart()).startswith(b"\x89PNG")
    finally:
        images._png.cache_clear()


def test_a_chart_without_a_spec_is_refused_clearly() -> None:
    with pytest.raises(ValueError, match="has no Vega-Lite spec"):
        images.chart_svg(dataclasses.replace(mtfp_chart(), spec={}))
