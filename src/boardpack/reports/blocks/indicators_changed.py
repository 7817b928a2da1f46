"""“What has changed since the last quarter” over the performance indicators, as Markdown.

Drafted from the data and editable before approval, like the programme's "what has changed":
each indicator's latest figure as at the end of the edition's period against its latest figure
as at the end of the quarter before, for the indicators with a new figure since then:

- those that crossed their target (from worse than it to at or better, or back);
- those that moved against a comparator (England, statistical neighbours, the region): above it
  and now below, or the reverse, or the gap grew or narrowed;
- the inspection reports published since, counted by judgement.

Figures are printed as the source wrote them (members' editions: suppressed ones as ``c``, and a
suppressed figure is never compared).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from boardpack.performance import calculations as calc
from boardpack.performance.models import Area, Judgement, Observation, Polarity
from boardpack.reports.blocks.changes import md_escape
from boardpack.reports.blocks.context import BlockContext
from boardpack.reports.blocks.performance import JUDGEMENT_ORDER, _best, inspections_in
from boardpack.reports.document import Node, Notice
from boardpack.reports.markdown import markdown_nodes

COMPARATORS = (Area.ENGLAND, Area.STATISTICAL_NEIGHBOURS, Area.REGION)


def _date_text(date: dt.date) -> str:
    return f"{date.day} {date:%B %Y}"


def previous_quarter_end(ctx: BlockContext) -> dt.date:
    return ctx.period.period.quarter.previous().last_month.last_day


def _overall(ctx: BlockContext) -> dict[str, dict[str, list[Observation]]]:
    """Figures without a breakdown, by indicator code and area, in date order."""
    found: dict[str, dict[str, list[Observation]]] = {}
    for o in (
        Observation.objects.filter(
            indicator__organisation=ctx.organisation, breakdown_key="", date__lte=ctx.period_end
        )
        .select_related("indicator", "source")
        .order_by("date", "source__date", "pk")
    ):
        if o.pk in ctx.hidden or o.value is None:
            continue
        found.setdefault(o.indicator.code, {}).setdefault(o.area, []).append(o)
    return found


def _value(o: Observation) -> Decimal:
    """A compared figure's value (figures without one are left out by :func:`_overall`)."""
    if o.value is None:  # pragma: no cover - never reached
        raise ValueError(f"{o} has no value")
    return o.value


def _latest(observations: list[Observation], on_or_before: dt.date) -> Observation | None:
    before = [o for o in observations if o.date <= on_or_before]
    return before[-1] if before else None


def _written(o: Observation) -> str:
    ind = o.indicator
    return o.as_written or calc.format_value(o.value, ind.unit, ind.decimals, o.qualifier)


def _meets(value: Decimal, target: Decimal, polarity: str) -> bool:
    return value >= target if polarity == Polarity.HIGHER_IS_BETTER else value <= target


def _target_lines(
    ctx: BlockContext, series: dict[str, dict[str, list[Observation]]], since: dt.date
) -> list[str]:
    lines = []
    for _code, areas in sorted(series.items()):
        own = areas.get(Area.AUTHORITY, [])
        now, before = _latest(own, ctx.period_end), _latest(own, since)
        if now is None or before is None or now.date <= since:
            continue
        indicator = now.indicator
        if indicator.polarity == Polarity.NEITHER:
            continue
        targets = sorted(indicator.targets.all(), key=lambda t: t.date)
        target = next((t for t in targets if t.date >= now.date), targets[-1] if targets else None)
        if target is None:
            continue
        was, is_now = (_meets(_value(o), target.value, indicator.polarity) for o in (before, now))
        if was == is_now:
            continue
        target_text = target.as_written or calc.format_value(
            target.value, indicator.unit, indicator.decimals
        )
        verb = "now meets" if is_now else "no longer meets"
        lines.append(
            f"- **{md_escape(indicator.title)}** {verb} its target ({md_escape(target_text)}): "
            f"{md_escape(_written(now))} at {_date_text(now.date)}, from "
            f"{md_escape(_written(before))} at {_date_text(before.date)}."
        )
    return lines


def _comparator_lines(
    series: dict[str, dict[str, list[Observation]]], ctx: BlockContext, since: dt.date
) -> list[str]:
    lines = []
    for _code, areas in sorted(series.items()):
        own = areas.get(Area.AUTHORITY, [])
        now, before = _latest(own, ctx.period_end), _latest(own, since)
        if now is None or before is None or now.date <= since:
            continue
        for area in COMPARATORS:
            theirs = areas.get(area, [])
            their_now, their_before = _latest(theirs, now.date), _latest(theirs, before.date)
            if their_now is None or their_before is None:
                continue
            gap_now = _value(now) - _value(their_now)
            gap_before = _value(before) - _value(their_before)
            if gap_now == gap_before:
                continue
            polarity = now.indicator.polarity
            side_now, side_before = _side(gap_now, polarity), _side(gap_before, polarity)
            name = Area(area).label
            if side_now != side_before:
                how = f"is now {side_now} {name} (was {side_before})"
            else:
                wider = "wider" if abs(gap_now) > abs(gap_before) else "narrower"
                how = f"stays {side_now} {name}, the gap {wider}"
            lines.append(
                f"- **{md_escape(now.indicator.title)}** {how}: "
                f"{md_escape(_written(now))} against {md_escape(_written(their_now))} at "
                f"{_date_text(now.date)} ({md_escape(_written(before))} against "
                f"{md_escape(_written(their_before))} at {_date_text(before.date)})."
            )
    return lines


def _side(gap: Decimal, polarity: str) -> str:
    """Where the authority stands against a comparator, in the indicator's terms."""
    if gap == 0:
        return "level with"
    if polarity == Polarity.NEITHER:
        return "above" if gap > 0 else "below"
    better = (gap > 0) == (polarity == Polarity.HIGHER_IS_BETTER)
    return "better than" if better else "worse than"


def _inspection_lines(ctx: BlockContext, since: dt.date) -> list[str]:
    inspections = inspections_in(ctx, since + dt.timedelta(days=1), ctx.period_end)
    if not inspections:
        return []
    counts = {j: 0 for j in JUDGEMENT_ORDER}
    for inspection in inspections:
        best = _best(inspection)
        if best is not None:
            counts[best] += 1
    parts = [f"{n} {Judgement(j).label.lower()}" for j, n in counts.items() if n]
    total = len(inspections)
    return [
        f"- {total} inspection report{'s' if total != 1 else ''} published since "
        f"{_date_text(since)}: " + ", ".join(parts) + "."
    ]


def indicator_changes_markdown(ctx: BlockContext) -> str:
    since = previous_quarter_end(ctx)
    series = _overall(ctx)
    sections = [
        ("Indicators that crossed their target", _target_lines(ctx, series, since)),
        ("Indicators that moved against their comparators", _comparator_lines(series, ctx, since)),
        ("New inspection reports, by judgement", _inspection_lines(ctx, since)),
    ]
    parts = [f"Compared with {_date_text(since)}, the end of the quarter before."]
    for title, lines in sections:
        parts.append(f"**{title}**")
        parts.append("\n".join(lines) if lines else "None.")
    return "\n\n".join(parts)


def indicator_changes(block: Any, ctx: BlockContext) -> list[Node]:
    text = ctx.narratives.get(block.pk)
    if text is None or not text.strip():
        text = indicator_changes_markdown(ctx)
    if not text.strip():  # pragma: no cover - the draft always says what it compared
        return [Notice("Nothing has changed since the last quarter.", level="info")]
    return markdown_nodes(text)
