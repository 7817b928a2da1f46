"""The one chart module: every chart has a title, alt text and data table; SVG and PNG from
one spec; the Analysis Function palette; sparklines; finance charts still importable."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

from PIL import Image

from boardpack.charts import PALETTE, kinds
from boardpack.finance import charts as finance_charts


def test_a_line_chart_with_comparators_and_target():
    points = [
        kinds.SeriesPoint("Somerset", dt.date(2022, 3, 31), Decimal("70"), "70%"),
        kinds.SeriesPoint("Somerset", dt.date(2023, 3, 31), Decimal("72"), "72%"),
        kinds.SeriesPoint("England", dt.date(2023, 3, 31), Decimal("80"), "80%"),
    ]
    chart = kinds.line_chart(
        points,
        title="Permanent social workers",
        y_title="Percentage",
        target=(Decimal("90"), "Target 90%"),
        alt_text="Line chart.",
    )
    assert chart.svg.startswith("<svg") and "Permanent social workers" in chart.svg
    assert "Target 90%" in chart.svg
    assert chart.table_header == ["Date", "Somerset", "England"]
    assert chart.table_rows == [["31 March 2022", "70%", ""], ["31 March 2023", "72%", "80%"]]
    # The palette's first two colours draw the authority and its first comparator.
    assert PALETTE[0].lower() in chart.svg.lower() and PALETTE[1].lower() in chart.svg.lower()
    png = chart.png()
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.width > 500


def test_a_bar_chart_with_a_target_line_and_small_multiples():
    bar = kinds.bar_chart(
        [("Somerset", Decimal("72"), "72%"), ("England", Decimal("80"), "80%")],
        title="Permanent social workers, 31 March 2023",
        x_title="Percentage",
        target=(Decimal("90"), "90%"),
        alt_text="Bar chart.",
        label_header="Area",
    )
    assert bar.table_rows[-1] == ["Target", "90%"]
    multiples = kinds.small_multiples(
        [
            ("2021/22", "Sep", Decimal(9), "9"),
            ("2021/22", "Oct", Decimal(8), "8"),
            ("2022/23", "Sep", Decimal(8), "8"),
        ],
        title="Permanent exclusions",
        panel_title="Academic year",
        x_title="Count",
        alt_text="Small multiples.",
    )
    assert multiples.table_rows == [["2021/22", "9", "8"], ["2022/23", "8", ""]]
    assert "2022/23" in multiples.svg


def test_sparklines_are_inline_and_decorative():
    svg = kinds.sparkline([Decimal(1), Decimal(3), Decimal(2)])
    assert svg.startswith('<svg class="bp-sparkline"') and 'aria-hidden="true"' in svg
    assert kinds.sparkline([Decimal(1)]) == ""


def test_the_finance_charts_are_still_importable_from_finance():
    assert finance_charts.Chart is kinds.Chart
    assert callable(finance_charts.savings_delivery_chart)
