"""Finance charts: savings delivery by status, and variance by service line or DSG block.

Each chart comes with a title, alternative text and the rows of its data table, all built from
the selectors' documents, so the chart, its table and every export show the same figures.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from boardpack.charts.core import Chart, ChartText, stored_chart
from boardpack.finance import calculations as calc

if TYPE_CHECKING:
    import altair as alt

STATUS_COLOURS = {
    "Over-achieved": "#00703c",
    "Achieved": "#85994b",
    "On track": "#1d70b8",
    "At risk": "#d4351c",
}
STATUS_KEYS = {
    "Over-achieved": "over_achieved",
    "Achieved": "achieved",
    "On track": "on_track",
    "At risk": "at_risk",
}


def _pounds(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def savings_delivery_chart(doc: dict[str, Any]) -> Chart | None:
    """A stacked bar per saving line: £ over-achieved, achieved, on track and at risk.

    Keyed by the document's lines and totals: on a stored chart nothing else is computed."""
    if not doc["lines"]:
        return None
    return stored_chart(
        kind="savings-delivery",
        inputs=[doc["period"], doc["lines"], doc["totals"]],
        build=lambda: _savings_spec(doc),
        text=lambda: _savings_text(doc),
    )


def _savings_text(doc: dict[str, Any]) -> ChartText:
    totals = doc["totals"]
    alt_text = (
        f"Stacked bar chart of {len(doc['lines'])} savings totalling "
        f"£{calc.format_pounds(_pounds(totals['target']), blank='0')}: "
        + "; ".join(
            f"{status.lower()} not reported"
            if totals[key] is None
            else f"{status.lower()} £{calc.format_pounds(Decimal(totals[key]))}"
            for status, key in STATUS_KEYS.items()
        )
        + "."
    )
    rows = [
        [line["ref"]] + [calc.format_pounds(_pounds(line[k])) for k in STATUS_KEYS.values()]
        for line in doc["lines"]
    ]
    rows.append(["Total"] + [calc.format_pounds(_pounds(totals[k])) for k in STATUS_KEYS.values()])
    return ChartText(
        title=_savings_title(doc),
        alt_text=alt_text,
        table_header=["Saving"] + [f"{s} £" for s in STATUS_KEYS],
        table_rows=rows,
    )


def _savings_title(doc: dict[str, Any]) -> str:
    return f"Savings delivery by status, {doc['period']}"


def _savings_spec(doc: dict[str, Any]) -> alt.TopLevelMixin:
    import altair as alt

    data = [
        {"ref": line["ref"], "status": status, "amount": float(Decimal(line[key]))}
        for line in doc["lines"]
        for status, key in STATUS_KEYS.items()
        if line[key] is not None and Decimal(line[key])
    ]
    refs = [line["ref"] for line in doc["lines"]]
    return (
        alt.Chart(alt.Data(values=data), title=_savings_title(doc))
        .mark_bar()
        .encode(
            y=alt.Y("ref:N", title="Saving", sort=refs),
            x=alt.X("sum(amount):Q", title="£", axis=alt.Axis(format=",.0f")),
            color=alt.Color(
                "status:N",
                title="Status",
                scale=alt.Scale(domain=list(STATUS_COLOURS), range=list(STATUS_COLOURS.values())),
            ),
            order=alt.Order("status_order:Q"),
        )
        .transform_calculate(
            status_order="indexof(['Over-achieved','Achieved','On track','At risk'], datum.status)"
        )
        .properties(width=560, height=max(120, 22 * len(refs)))
    )


def variance_chart(doc: dict[str, Any], rows: list[dict[str, Any]], what: str) -> Chart | None:
    """A bar per row: variance £m, adverse (overspend) right, favourable left.

    Keyed by the rows and the total: on a stored chart nothing else is computed."""
    if not rows:
        return None
    title = (
        f"{what} variance by {'block' if what == 'DSG' else 'service line'}, {doc['period_label']}"
    )
    total = doc["total"]
    return stored_chart(
        kind="variance",
        inputs=[title, rows, total],
        build=lambda: _variance_spec(rows, title),
        text=lambda: _variance_text(rows, total, title),
    )


def _variance_text(rows: list[dict[str, Any]], total: dict[str, Any], title: str) -> ChartText:
    largest = max(rows, key=lambda r: Decimal(r["variance"]))
    alt_text = (
        f"Bar chart of the variance of {len(rows)} rows; the total variance is "
        f"{total['printed']['variance']} £m {total['marker']}; the largest overspend is "
        f"{largest['label']} at {largest['printed']['variance']} £m."
    )
    return ChartText(
        title=title,
        alt_text=alt_text,
        table_header=["Row", "Variance £m", "A/(F)"],
        table_rows=[[r["label"], r["printed"]["variance"], r["marker"]] for r in rows],
    )


def _variance_spec(rows: list[dict[str, Any]], title: str) -> alt.TopLevelMixin:
    import altair as alt

    data = [
        {
            "label": row["label"],
            "variance": float(Decimal(row["variance"])),
            "kind": {"A": "Adverse", "(F)": "Favourable"}.get(row["marker"], "Nil"),
        }
        for row in rows
    ]
    return (
        alt.Chart(alt.Data(values=data), title=title)
        .mark_bar()
        .encode(
            y=alt.Y("label:N", title=None, sort=None),
            x=alt.X("variance:Q", title="Variance £m (projection − budget)"),
            color=alt.Color(
                "kind:N",
                title="A/(F)",
                scale=alt.Scale(
                    domain=["Adverse", "Favourable", "Nil"], range=["#d4351c", "#00703c", "#505a5f"]
                ),
            ),
        )
        .properties(width=520, height=max(100, 20 * len(data)))
    )


def budget_variance_chart(doc: dict[str, Any]) -> Chart | None:
    rows = [
        dict(line, division=division["name"])
        for division in doc["divisions"]
        for line in division["lines"]
    ]
    names = [r["label"] for r in rows]
    for row in rows:
        if names.count(row["label"]) > 1:  # "Central" is a line in two divisions
            row["label"] = f"{row['label']} ({row['division']})"
    return variance_chart(doc, rows, "Revenue budget")


def dsg_variance_chart(doc: dict[str, Any]) -> Chart | None:
    return variance_chart(doc, doc["lines"], "DSG")
