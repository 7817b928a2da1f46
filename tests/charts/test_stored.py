"""Charts off the request path: stored by their data, drawn only when missing, and the chart
libraries loaded only to draw.

The store is a real file cache in a temporary directory; "another process" is a real
subprocess reading the same directory.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.cache import caches
from django.test import override_settings

from boardpack.charts import core, kinds
from boardpack.charts import finance as finance_charts
from boardpack.finance.models import SavingPosition

BARS = [("Somerset", Decimal("72"), "72%"), ("England", Decimal("80"), "80%")]
LIBRARIES = ("altair", "vl_convert")


def _file_store(folder: Path) -> dict:
    return {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "charts": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(folder),
            "TIMEOUT": None,
        },
    }


def _python(code: str, **env: str) -> str:
    """Run ``code`` in a fresh Python with Django set up; its standard output."""
    prelude = (
        "import os, sys, json, django\n"
        "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'boardpack.settings')\n"
        "django.setup()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", prelude + code],
        env={**os.environ, "BOARDPACK_TESTING": "1", **env},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


LOADED = "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {})))"


def _loaded_libraries(code: str, **env: str) -> list[str]:
    out = _python(code + "\n" + LOADED.format(repr(set(LIBRARIES))), **env)
    return json.loads(out.strip().splitlines()[-1])


def test_the_url_configuration_and_the_export_command_do_not_load_the_chart_libraries():
    loaded = _loaded_libraries(
        "from django.urls import get_resolver\n"
        "from boardpack.core.warmup import _load_patterns\n"
        "_load_patterns(get_resolver().url_patterns)\n"
        "import boardpack.core.management.commands.export\n"
        "import boardpack.finance.views, boardpack.performance.views, boardpack.charts.kinds\n"
    )
    assert loaded == []


def test_each_gunicorn_worker_loads_the_chart_libraries_before_its_first_request():
    loaded = _loaded_libraries(
        "import logging, types\n"
        "from boardpack.gunicorn_conf import post_worker_init\n"
        "post_worker_init(types.SimpleNamespace(log=logging.getLogger('test')))\n"
        "import boardpack.finance.views\n"
        "assert 'boardpack.governance.views' in sys.modules\n"
    )
    assert "altair" in loaded and "vl_convert" in loaded


def test_boardpack_serve_runs_gunicorn_with_the_warm_up_hook():
    from boardpack.core.management.commands.serve import gunicorn_arguments

    arguments = gunicorn_arguments("127.0.0.1:9000", 2)
    assert arguments[arguments.index("--config") + 1] == "python:boardpack.gunicorn_conf"


BAR_CHART = (
    "from decimal import Decimal\n"
    "from boardpack.charts import kinds\n"
    "chart = kinds.bar_chart([('Somerset', Decimal('72'), '72%'), "
    "('England', Decimal('80'), '80%')], title='Permanent social workers', "
    "x_title='Percentage', alt_text='Bar chart.')\n"
    "print(json.dumps(chart.svg))\n"
)


def test_a_chart_is_drawn_once_then_read_by_another_process_without_the_libraries(tmp_path):
    drawn = _python(
        BAR_CHART + LOADED.format(repr(set(LIBRARIES))), BOARDPACK_CHART_DIR=str(tmp_path)
    )
    first_svg, first_loaded = (json.loads(line) for line in drawn.strip().splitlines()[-2:])
    assert "altair" in first_loaded and first_svg.startswith("<svg")
    stored = list(tmp_path.glob("*.djcache"))
    assert len(stored) == 1

    again = _python(
        BAR_CHART + LOADED.format(repr(set(LIBRARIES))), BOARDPACK_CHART_DIR=str(tmp_path)
    )
    second_svg, second_loaded = (json.loads(line) for line in again.strip().splitlines()[-2:])
    assert second_svg == first_svg
    assert second_loaded == []  # neither built nor drawn: read from the store
    assert list(tmp_path.glob("*.djcache")) == stored


def test_changed_figures_draw_a_new_chart_and_keep_the_old(tmp_path):
    with override_settings(CACHES=_file_store(tmp_path)):
        before = kinds.bar_chart(BARS, title="Workers", x_title="Percentage", alt_text="Bars.")
        same = kinds.bar_chart(BARS, title="Workers", x_title="Percentage", alt_text="Other words.")
        changed = kinds.bar_chart(
            [("Somerset", Decimal("75"), "75%"), BARS[1]],
            title="Workers",
            x_title="Percentage",
            alt_text="Bars.",
        )
        # The text is stored with the picture: other words are another chart, the same drawing.
        assert same.key != before.key and same.svg == before.svg
        assert (before.alt_text, same.alt_text) == ("Bars.", "Other words.")
        assert changed.key != before.key and changed.svg != before.svg
        assert "75%" in changed.svg and "72%" not in changed.svg
        assert changed.table_rows == [["Somerset", "75%"], ["England", "80%"]]
        assert len(list(tmp_path.glob("*.djcache"))) == 3
        # The PNG for Word is stored beside the SVG, under the same key.
        png = changed.png()
        assert png.startswith(b"\x89PNG") and changed.png() == png
        assert caches["charts"].get(f"png2.0:{changed.key}") == png
        assert len(list(tmp_path.glob("*.djcache"))) == 4


def test_a_stored_chart_is_not_rebuilt_on_a_hit(monkeypatch):
    built: list[str] = []
    spec = kinds._bar_spec

    def counted(*args, **kwargs):
        built.append(args[2])
        return spec(*args, **kwargs)

    monkeypatch.setattr(kinds, "_bar_spec", counted)
    caches["charts"].clear()
    first = kinds.bar_chart(BARS, title="Counted", x_title="Percentage", alt_text="Bars.")
    second = kinds.bar_chart(BARS, title="Counted", x_title="Percentage", alt_text="Bars.")
    assert built == ["Counted"] and second.svg == first.svg
    # The spec is stored with the chart: its PNG (for Word) and a report's copy of the spec are
    # drawn and read from it without building it again (nor importing altair).
    assert second.png().startswith(b"\x89PNG") and built == ["Counted"]
    assert second.spec_json() == first.spec_json() and built == ["Counted"]


def test_a_spec_given_as_json_is_stored_by_its_text(tmp_path):
    spec = json.dumps(
        {
            "data": {"values": [{"a": "x", "b": 3}]},
            "mark": "bar",
            "encoding": {"x": {"field": "b", "type": "quantitative"}, "y": {"field": "a"}},
        },
        sort_keys=True,
    )
    with override_settings(CACHES=_file_store(tmp_path)):
        svg = core.svg_of_spec(spec)
        assert caches["charts"].get(f"svg:{core.spec_key(spec)}") == svg
        assert core.svg_of_spec(spec) == svg
        assert core.png_of_spec(spec).startswith(b"\x89PNG")
        assert len(list(tmp_path.glob("*.djcache"))) == 2


def _chart_of(page: str) -> str:
    """The page's chart figure: title, picture, alternative text and data table."""
    start = page.index('id="savings-chart-title"')
    return page[start : page.index("</figure>", start)]


@pytest.mark.django_db
def test_the_savings_page_draws_its_chart_once_and_again_when_a_figure_changes(
    signed_in, somerset, monkeypatch
):
    built: list[int] = []
    spec = finance_charts._savings_spec

    def counted(doc):
        built.append(len(doc["lines"]))
        return spec(doc)

    monkeypatch.setattr(finance_charts, "_savings_spec", counted)
    caches["charts"].clear()
    client = signed_in("finance")
    url = "/somerset/finance/savings/2024-06/"
    first = _chart_of(client.get(url).content.decode())
    second = _chart_of(client.get(url).content.decode())
    assert built == [15]  # drawn for the first view only
    assert first == second and "<svg" in first

    position = SavingPosition.objects.filter(
        line__organisation=somerset, period__month="2024-06-01", at_risk__gt=0
    ).first()
    assert position is not None
    position.achieved = (position.achieved or 0) + position.at_risk
    position.at_risk = None
    position.save()
    third = _chart_of(client.get(url).content.decode())
    assert built == [15, 15]  # the figures changed: a new chart
    assert third != first


def test_the_data_table_is_written_escaped_with_row_headers():
    chart = kinds.bar_chart(
        [("Children & <young> people", Decimal("3"), "3")],
        title="Escaped",
        x_title="Count",
        alt_text="Bars.",
    )
    assert chart.table_body == (
        '<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">'
        "Children &amp; &lt;young&gt; people</th>"
        '<td class="govuk-table__cell govuk-table__cell--numeric bp-num">3</td></tr>'
    )
