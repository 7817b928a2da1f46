"""The risk heat map (likelihood × impact), drawn like the other charts: Vega-Lite via altair and
vl-convert to SVG, with a title, alternative text and the rows of its data table."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from boardpack.charts.core import Chart, ChartText, stored_chart
from boardpack.governance.models import RiskRating
from boardpack.governance.selectors import HeatCell

if TYPE_CHECKING:
    import altair as alt

RATING_COLOURS = {
    RiskRating.LOW.label: "#cce2d8",
    RiskRating.MEDIUM.label: "#fff7bf",
    RiskRating.HIGH.label: "#fcd6c3",
    RiskRating.VERY_HIGH.label: "#f4cdc6",
}


def heat_map_chart(grid: list[list[HeatCell]], title: str) -> Chart:
    cells = [cell for row in grid for cell in row]
    data = [
        {
            "likelihood": cell.likelihood,
            "impact": cell.impact,
            "rating": cell.rating.label,
            "label": f"{len(cell.risks)}" if cell.risks else "",
        }
        for cell in cells
    ]
    held = [cell for cell in cells if cell.risks]
    total = sum(len(cell.risks) for cell in held)
    if held:
        alt_text = (
            f"Heat map of {total} risk{'s' if total != 1 else ''} by likelihood and impact: "
            + "; ".join(
                f"{len(c.risks)} at likelihood {c.likelihood}, impact {c.impact} "
                f"(score {c.score}, {c.rating.label.lower()})"
                for c in sorted(held, key=lambda c: -c.score)
            )
            + "."
        )
    else:
        alt_text = "Heat map of likelihood and impact: no risks are recorded."
    return stored_chart(
        kind="risk-heat-map",
        inputs=[data, title],
        build=lambda: _heat_map_spec(data, title),
        text=ChartText(
            title=title,
            alt_text=alt_text,
            table_header=["Risk", "Likelihood", "Impact", "Score", "Rating"],
            table_rows=[
                [
                    f"{r.reference} {r.title}",
                    str(r.likelihood),
                    str(r.impact),
                    str(r.score),
                    c.rating.label,
                ]
                for c in sorted(held, key=lambda c: -c.score)
                for r in c.risks
            ],
        ),
    )


def _heat_map_spec(data: list[dict[str, Any]], title: str) -> alt.TopLevelMixin:
    import altair as alt

    base = alt.Chart(alt.Data(values=data), title=title).encode(
        x=alt.X("likelihood:O", title="Likelihood (1 rare – 5 almost certain)", sort="ascending"),
        y=alt.Y("impact:O", title="Impact (1 minimal – 5 severe)", sort="descending"),
    )
    squares = base.mark_rect(stroke="#0b0c0c", strokeWidth=1).encode(
        color=alt.Color(
            "rating:N",
            title="Rating",
            scale=alt.Scale(domain=list(RATING_COLOURS), range=list(RATING_COLOURS.values())),
        )
    )
    counts = base.mark_text(fontSize=18, fontWeight="bold", color="#0b0c0c").encode(text="label:N")
    return (squares + counts).properties(width=360, height=300)
