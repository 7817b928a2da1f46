"""Chart pictures for reports are drawn once and kept in the shared chart store (the ``charts``
cache, files on disk), named by the chart's spec (its data)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.cache import caches

from boardpack.reports.renderers import images
from tests.reports.sample_documents import mtfp_chart


def _file_store(settings: Any, folder: Path) -> None:
    settings.CACHES = {
        **settings.CACHES,
        "charts": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(folder),
            "TIMEOUT": None,
        },
    }


def _forget_in_memory() -> None:
    images._svg.cache_clear()
    images._png.cache_clear()


@pytest.fixture
def store(settings: Any, tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "charts"
    _file_store(settings, folder)
    _forget_in_memory()
    yield folder
    _forget_in_memory()


def test_pictures_are_kept_in_the_chart_store_and_read_back(store: Path) -> None:
    chart = mtfp_chart()
    svg = images.chart_svg(chart)
    png = images.chart_png(chart)
    assert svg.startswith("<svg") and png.startswith(b"\x89PNG")
    assert len(list(store.glob("*.djcache"))) == 2  # one SVG, one PNG, on disk
    # A later process (nothing in memory) reads the stored picture and does not draw it again.
    (name,) = [key for key in _keys(store) if key.startswith("svg:")]
    caches["charts"].set(name, "<svg><!-- kept --></svg>", timeout=None)
    _forget_in_memory()
    assert images.chart_svg(chart) == "<svg><!-- kept --></svg>"


def _keys(store: Path) -> list[str]:
    """The names the pictures are stored under (the file cache keeps only their digests)."""
    from boardpack.charts.core import spec_key

    spec = images._key(mtfp_chart())
    names = [f"svg:{spec_key(spec)}", f"png2.0:{spec_key(spec)}"]
    return [name for name in names if caches["charts"].has_key(name)]


def test_new_figures_make_a_new_picture(store: Path) -> None:
    chart = mtfp_chart()
    images.chart_svg(chart)
    values = [dict(row) for row in chart.spec["data"]["values"]]
    values[0]["amount"] = float(values[0]["amount"]) + 1000
    changed = dataclasses.replace(chart, spec={**chart.spec, "data": {"values": values}})
    assert images.chart_svg(changed) != images.chart_svg(chart)
    assert len(list(store.glob("*.djcache"))) == 2


def test_a_store_that_cannot_be_written_still_gives_the_picture(
    settings: Any, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the chart store's folder would go")
    _file_store(settings, blocker / "charts")
    _forget_in_memory()
    try:
        assert images.chart_png(mtfp_chart()).startswith(b"\x89PNG")
    finally:
        _forget_in_memory()


def test_a_chart_without_a_spec_is_refused_clearly() -> None:
    with pytest.raises(ValueError, match="has no Vega-Lite spec"):
        images.chart_svg(dataclasses.replace(mtfp_chart(), spec={}))


@pytest.mark.django_db
def test_a_report_whose_charts_are_stored_builds_no_spec_again(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The members' report copies each indicator chart's spec into the document: once the chart
    is stored (with its spec), a later document reads it back without building it (altair)."""
    from boardpack.charts import kinds
    from boardpack.core.models import ReportingPeriod
    from boardpack.reports.models import ReportTemplate
    from boardpack.reports.selectors import document_for_period

    built: list[str] = []

    def counted(name: str) -> Callable[..., Any]:
        spec = getattr(kinds, name)

        def build(*args: Any, **kwargs: Any) -> Any:
            built.append(name)
            return spec(*args, **kwargs)

        return build

    for name in ("_bar_spec", "_line_spec"):
        monkeypatch.setattr(kinds, name, counted(name))
    template = ReportTemplate.objects.get(slug="members-quarterly", organisation__is_default=True)
    period = ReportingPeriod.objects.get(organisation=template.organisation, month="2023-03-01")
    first = document_for_period(template, period)
    assert built  # drawn and stored the first time
    drawn = list(built)
    again = document_for_period(template, period)
    assert built == drawn  # read back with its spec: nothing built
    specs = [n.spec for s in again.sections for n in s.nodes if n.kind == "chart"]
    assert specs and specs == [n.spec for s in first.sections for n in s.nodes if n.kind == "chart"]
