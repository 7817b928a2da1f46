"""The shapes of chart every domain uses: lines with comparators, bars with a target line,
sparklines and small multiples. Each takes plain rows and returns a ``Chart`` (title, alt
text, data table, SVG; PNG on request), or an inline SVG string for sparklines."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from html import escape
from typing import TYPE_CHECKING, Any

from boardpack.charts.core import DASHES, PALETTE, TARGET_COLOUR, Chart, ChartText, stored_chart

if TYPE_CHECKING:
    import altair as alt


@dataclass(frozen=True)
class SeriesPoint:
    series: str  # "Somerset", "England", ...
    date: dt.date
    value: Decimal
    shown: str  # the value as the page writes it


def line_chart(
    points: Sequence[SeriesPoint],
    *,
    title: str,
    y_title: str,
    target: tuple[Decimal, str] | None = None,
    alt_text: str,
) -> Chart:
    """One line per series (the authority first, then comparators), each with its own colour,
    dash and point shape, and a labelled dashed target line when there is one."""
    names = list(dict.fromkeys(p.series for p in points))
    data = [
        {"series": p.series, "date": p.date.isoformat(), "value": float(p.value)} for p in points
    ]
    header = ["Date"] + names
    by_date: dict[dt.date, dict[str, str]] = {}
    for p in points:
        by_date.setdefault(p.date, {})[p.series] = p.shown
    rows = [
        [d.strftime("%d %B %Y")] + [by_date[d].get(n, "") for n in names] for d in sorted(by_date)
    ]
    rule = None if target is None else {"target": float(target[0]), "label": target[1]}
    return stored_chart(
        kind="line",
        inputs=[data, names, rule, title, y_title],
        build=lambda: _line_spec(data, names, rule, title, y_title),
        text=ChartText(
            title=title,
            alt_text=alt_text,
            table_header=header,
            table_rows=rows,
        ),
    )


def _line_spec(
    data: list[dict[str, Any]],
    names: list[str],
    target: dict[str, Any] | None,
    title: str,
    y_title: str,
) -> alt.TopLevelMixin:
    import altair as alt

    base = alt.Chart(alt.Data(values=data))
    lines = base.mark_line(point=True, strokeWidth=2.5).encode(
        x=alt.X("date:T", title=None, axis=alt.Axis(format="%b %Y", labelAngle=0)),
        y=alt.Y("value:Q", title=y_title),
        color=alt.Color(
            "series:N",
            title=None,
            scale=alt.Scale(domain=names, range=PALETTE[: len(names)]),
            legend=alt.Legend(orient="bottom"),
        ),
        strokeDash=alt.StrokeDash(
            "series:N", scale=alt.Scale(domain=names, range=DASHES[: len(names)]), legend=None
        ),
        shape=alt.Shape("series:N", legend=None),
    )
    layers: list[alt.Chart] = [lines]
    if target is not None:
        rule = alt.Chart(alt.Data(values=[target]))
        layers.append(rule.mark_rule(strokeDash=[4, 4], color=TARGET_COLOUR).encode(y="target:Q"))
        layers.append(
            rule.mark_text(align="left", dx=4, dy=-6, color=TARGET_COLOUR).encode(
                y="target:Q", text="label:N", x=alt.value(0)
            )
        )
    return alt.layer(*layers, title=title).properties(width=560, height=260)


def bar_chart(
    bars: Sequence[tuple[str, Decimal, str]],
    *,
    title: str,
    x_title: str,
    target: tuple[Decimal, str] | None = None,
    alt_text: str,
    label_header: str = "",
) -> Chart:
    """Horizontal bars (label, value, shown) with the value written at each bar's end and an
    optional target line."""
    data = [{"label": label, "value": float(value), "shown": shown} for label, value, shown in bars]
    rule = None if target is None else {"target": float(target[0]), "label": target[1]}
    rows = [[label, shown] for label, _v, shown in bars]
    if target is not None:
        rows.append(["Target", target[1]])
    return stored_chart(
        kind="bar",
        inputs=[data, rule, title, x_title],
        build=lambda: _bar_spec(data, rule, title, x_title),
        text=ChartText(
            title=title,
            alt_text=alt_text,
            table_header=[label_header or "Item", x_title],
            table_rows=rows,
        ),
    )


def _bar_spec(
    data: list[dict[str, Any]], target: dict[str, Any] | None, title: str, x_title: str
) -> alt.TopLevelMixin:
    import altair as alt

    base = alt.Chart(alt.Data(values=data))
    y = alt.Y("label:N", title=None, sort=None)
    layers: list[alt.Chart] = [
        base.mark_bar(color=PALETTE[0]).encode(y=y, x=alt.X("value:Q", title=x_title)),
        base.mark_text(align="left", dx=3).encode(y=y, x="value:Q", text="shown:N"),
    ]
    if target is not None:
        rule = alt.Chart(alt.Data(values=[target]))
        layers.append(rule.mark_rule(strokeDash=[4, 4], color=TARGET_COLOUR).encode(x="target:Q"))
    return alt.layer(*layers, title=title).properties(width=520, height=max(80, 24 * len(data)))


def small_multiples(
    cells: Sequence[tuple[str, str, Decimal, str]],
    *,
    title: str,
    panel_title: str,
    x_title: str,
    alt_text: str,
    categories: Sequence[str] = (),
) -> Chart:
    """One small bar chart per panel (panel, category, value, shown), sharing one scale;
    ``categories`` in their order (else as they come)."""
    panels = list(dict.fromkeys(c[0] for c in cells))
    categories = list(categories) or list(dict.fromkeys(c[1] for c in cells))
    data = [{"panel": p, "category": c, "value": float(v), "shown": s} for p, c, v, s in cells]
    lookup = {(p, c): s for p, c, _v, s in cells}
    rows = [[p] + [lookup.get((p, c), "") for c in categories] for p in panels]
    return stored_chart(
        kind="small-multiples",
        inputs=[data, panels, categories, title, panel_title, x_title],
        build=lambda: _small_multiples_spec(data, panels, categories, title, panel_title, x_title),
        text=ChartText(
            title=title,
            alt_text=alt_text,
            table_header=[panel_title] + categories,
            table_rows=rows,
        ),
    )


def _small_multiples_spec(
    data: list[dict[str, Any]],
    panels: list[str],
    categories: list[str],
    title: str,
    panel_title: str,
    x_title: str,
) -> alt.TopLevelMixin:
    import altair as alt

    return (
        alt.Chart(alt.Data(values=data))
        .mark_bar(color=PALETTE[0])
        .encode(
            x=alt.X("category:N", title=None, sort=categories, axis=alt.Axis(labelAngle=0)),
            y=alt.Y("value:Q", title=x_title),
        )
        .properties(width=max(120, 34 * len(categories)), height=120)
        .facet(facet=alt.Facet("panel:N", title=panel_title, sort=panels), columns=3)
        .properties(title=title)
    )


def sparkline(values: Sequence[Decimal], *, width: int = 96, height: int = 24) -> str:
    """A tiny inline SVG line of the values, for a table cell beside the figures it draws.
    Decorative (``aria-hidden``): the row already says the latest value and the direction."""
    if len(values) < 2:
        return ""
    low, high = min(values), max(values)
    span = (high - low) or Decimal(1)
    step = Decimal(width - 4) / (len(values) - 1)
    coords = [
        (2 + float(step * i), 2 + float((high - v) / span * (height - 4)))
        for i, v in enumerate(values)
    ]
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
    last_x, last_y = coords[-1]
    return (
        f'<svg class="bp-sparkline" width="{width}" height="{height}" viewBox="0 0 {width} '
        f'{height}" aria-hidden="true" focusable="false"><polyline fill="none" '
        f'stroke="{escape(PALETTE[0])}" stroke-width="2" points="{path}"/>'
        f'<circle cx="{last_x:.1f}" cy="{last_y:.1f}" r="2.5" fill="{escape(PALETTE[0])}"/></svg>'
    )
