"""The one chart module every domain and every report renderer uses.

``core`` holds the chart itself (title, alternative text, data table, SVG and PNG) and the
palette; ``kinds`` the shapes (lines with comparators, bars with a target line, sparklines,
small multiples); ``finance`` and ``performance`` build charts from their selectors' documents.

Importing any of these is cheap: altair and vl-convert are imported only when a chart that is
not stored yet has to be drawn.
"""

from boardpack.charts.core import (
    PALETTE,
    Chart,
    ChartText,
    make_chart,
    render_svg,
    stored_chart,
    warm_up,
)

__all__ = [
    "PALETTE",
    "Chart",
    "ChartText",
    "make_chart",
    "render_svg",
    "stored_chart",
    "warm_up",
]
