"""The one chart module every domain and every report renderer uses.

``core`` holds the chart itself (title, alternative text, data table, SVG and PNG) and the
palette; ``kinds`` the shapes (lines with comparators, bars with a target line, sparklines,
small multiples); ``finance`` and ``performance`` build charts from their selectors' documents.
"""

from boardpack.charts.core import PALETTE, Chart, make_chart, render_svg

__all__ = ["PALETTE", "Chart", "make_chart", "render_svg"]
