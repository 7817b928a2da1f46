"""Consistency checks of the performance figures, run by ``boardpack check --period``.

Four kinds, each finding naming the sources of both figures it compares:

* the same indicator, date, breakdown and area holding different values (two sources, or one
  source twice);
* a percentage or rate that disagrees with its own numerator and denominator, beyond what the
  places it was written with explain;
* a breakdown whose parts do not add up to the total the source states;
* an implausible jump from one figure to the next.

A period's checks look at the figures reported in it, compared with every figure held.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from boardpack.core.models import Organisation, ReportingPeriod
from boardpack.performance import calculations as calc
from boardpack.performance.models import Area, Observation, Qualifier, Unit
from boardpack.performance.suppression import TIME_DIMENSIONS, is_total
from boardpack.quality.findings import Finding, Severity

BOUNDED = {
    Qualifier.APPROXIMATE,
    Qualifier.OVER,
    Qualifier.UNDER,
    Qualifier.ESTIMATE,
    Qualifier.FORECAST,
}
SCALE: dict[str, Decimal] = {Unit.PERCENTAGE: Decimal("100"), Unit.RATE_PER_10000: Decimal("10000")}
JUMP_RATIO = Decimal("0.5")
JUMP_MIN_COUNT = Decimal("10")
JUMP_MIN_POINTS = Decimal("20")


@dataclass(frozen=True)
class ObservationFinding(Finding):
    """A finding about figures: which indicator, and which records (for links)."""

    indicator: str = ""
    observations: tuple[int, ...] = ()
    kind: str = ""


def _written(o: Observation) -> str:
    if o.as_written:
        return o.as_written
    return calc.format_value(o.value, o.indicator.unit, o.indicator.decimals, o.qualifier)


def _named(o: Observation) -> str:
    return f"{_written(o)} ({o.source.key}: {o.source.title})"


def _where(o: Observation) -> str:
    parts = [o.date.isoformat()]
    if o.period_label:
        parts.append(o.period_label)
    if o.area != Area.AUTHORITY:
        parts.append(Area(o.area).label)
    parts += [f"{k.replace('_', ' ')} {v}" for k, v in o.breakdown.items()]
    return ", ".join(parts)


def _table(o: Observation) -> str:
    return f"{o.indicator.code} {o.indicator.title}"


def _held(organisation: Organisation) -> list[Observation]:
    return list(
        Observation.objects.filter(indicator__organisation=organisation)
        .select_related("indicator", "source", "indicator__numerator", "indicator__denominator")
        .order_by("indicator__code", "date", "source__date", "pk")
    )


def check_observations(organisation: Organisation, period: ReportingPeriod) -> list[Finding]:
    held = _held(organisation)
    in_period = {o.pk for o in held if o.source.period_id == period.pk}
    if not in_period:
        return []
    findings: list[Finding] = []
    findings += conflicts(held, in_period)
    findings += ratios(held, in_period)
    findings += sums(held, in_period)
    findings += jumps(held, in_period)
    return findings


def conflicts(held: Iterable[Observation], in_period: set[int]) -> list[ObservationFinding]:
    groups: dict[tuple, list[Observation]] = defaultdict(list)
    for o in held:
        groups[(o.indicator_id, o.date, o.area, o.breakdown_key)].append(o)
    findings = []
    for items in groups.values():
        if len(items) < 2 or not in_period.intersection(o.pk for o in items):
            continue
        first = items[0]
        for other in items[1:]:
            if other.value == first.value and other.qualifier == first.qualifier:
                continue
            if other.value is None and first.value is None:
                continue
            qualified = {first.qualifier, other.qualifier} & BOUNDED
            agree = bool(qualified) and may_agree(first, other)
            severity = Severity.NOTE if agree else Severity.ERROR
            same = other.source_id == first.source_id
            findings.append(
                ObservationFinding(
                    severity=severity,
                    table=_table(first),
                    row=_where(first),
                    column="Value",
                    stated=_named(first),
                    computed=_named(other),
                    message=(
                        f"{'The same source gives' if same else 'Two sources give'} different "
                        f"figures for the same thing: {first.source.key} writes "
                        f"‘{_written(first)}’, {other.source.key} writes ‘{_written(other)}’."
                        + (
                            " One is approximate or bounded, and they are close enough to agree."
                            if agree
                            else " Check which is right."
                        )
                    ),
                    indicator=first.indicator.code,
                    observations=(first.pk, other.pk),
                    kind="conflict",
                )
            )
    return findings


APPROXIMATE_WITHIN = Decimal("0.1")


def _fits(bounded: Observation, other: Observation) -> bool:
    """Whether ``other``'s figure is one ``bounded``'s words allow ("over 5000" allows 5100;
    "circa 1200" allows within a tenth of it)."""
    a, b = bounded.value, other.value
    if a is None or b is None:
        return False
    if bounded.qualifier == Qualifier.OVER:
        return b > a
    if bounded.qualifier == Qualifier.UNDER:
        return b < a
    return abs(a - b) <= APPROXIMATE_WITHIN * max(abs(a), abs(b))


def may_agree(first: Observation, other: Observation) -> bool:
    return any(o.qualifier in BOUNDED and _fits(o, p) for o, p in ((first, other), (other, first)))


def _half_place(o: Observation) -> Decimal:
    return Decimal(5) / Decimal(10) ** (o.places + 1)


def ratios(held: Iterable[Observation], in_period: set[int]) -> list[ObservationFinding]:
    held = list(held)
    cells: dict[tuple, list[Observation]] = defaultdict(list)
    for o in held:
        cells[(o.indicator_id, o.date, o.area, o.breakdown_key)].append(o)
    findings = []
    for o in held:
        ind = o.indicator
        if o.pk not in in_period or o.value is None or ind.unit not in SCALE:
            continue
        if ind.numerator_id is None or ind.denominator_id is None:
            continue
        key = (o.date, o.area, o.breakdown_key)
        numerators = [n for n in cells[(ind.numerator_id, *key)] if n.value is not None]
        denominators = [d for d in cells[(ind.denominator_id, *key)] if d.value is not None]
        for num in numerators:
            for den in denominators:
                if not den.value or num.value is None:
                    continue
                computed = num.value * SCALE[ind.unit] / den.value
                if abs(computed - o.value) <= _half_place(o):
                    continue
                shown = f"{computed:.{max(o.places, 2)}f}"
                findings.append(
                    ObservationFinding(
                        severity=Severity.ERROR,
                        table=_table(o),
                        row=_where(o),
                        column=Unit(ind.unit).label,
                        stated=_named(o),
                        computed=f"{shown} from {_named(num)} of {_named(den)}",
                        message=(
                            f"{_written(num)} of {_written(den)} is {shown}, not {_written(o)}: "
                            f"the {Unit(ind.unit).label.lower()} ({o.source.key}) disagrees "
                            f"with its numerator ({num.source.key}) and denominator "
                            f"({den.source.key}) beyond rounding to {o.places} places."
                        ),
                        indicator=ind.code,
                        observations=(o.pk, num.pk, den.pk),
                        kind="ratio",
                    )
                )
    return findings


def sums(held: Iterable[Observation], in_period: set[int]) -> list[ObservationFinding]:
    """A stated total (a ``Total`` cell) against the sum of the parts beside it."""
    groups: dict[tuple, dict[str, list[Observation]]] = defaultdict(
        lambda: {"parts": [], "totals": []}
    )
    for o in held:
        if o.indicator.unit not in (Unit.COUNT, Unit.GBP):
            continue
        timeless = bool(TIME_DIMENSIONS.intersection(o.indicator.dimensions))
        for dim, cell in o.breakdown.items():
            rest = tuple(sorted((k, v) for k, v in o.breakdown.items() if k != dim))
            key = (o.indicator_id, o.area, o.source_id, None if timeless else o.date, dim, rest)
            groups[key]["totals" if is_total(str(cell)) else "parts"].append(o)
    findings = []
    for slot in groups.values():
        parts, totals = slot["parts"], slot["totals"]
        for total in totals:
            if total.pk not in in_period or total.value is None or not parts:
                continue
            if any(p.value is None for p in parts):
                continue
            added = sum((p.value for p in parts if p.value is not None), Decimal(0))
            if added == total.value:
                continue
            findings.append(
                ObservationFinding(
                    severity=Severity.ERROR,
                    table=_table(total),
                    row=_where(total),
                    column="Total",
                    stated=_named(total),
                    computed=f"{calc.value_text(added, total.places)} from {len(parts)} parts "
                    f"({', '.join(sorted({p.source.key for p in parts}))})",
                    message=(
                        f"The parts add up to {calc.value_text(added, total.places)}, "
                        f"{calc.value_text(abs(added - total.value), total.places)} "
                        f"{'more' if added > total.value else 'less'} than the total "
                        f"{total.source.key} states."
                    ),
                    indicator=total.indicator.code,
                    observations=(total.pk, *(p.pk for p in parts)),
                    kind="sum",
                )
            )
    return findings


def jumps(held: Iterable[Observation], in_period: set[int]) -> list[ObservationFinding]:
    series: dict[tuple, list[Observation]] = defaultdict(list)
    for o in held:
        if o.value is not None and not (TIME_DIMENSIONS & set(o.breakdown)):
            series[(o.indicator_id, o.area, o.breakdown_key)].append(o)
    findings = []
    for items in series.values():
        by_date: dict = {}
        for o in sorted(items, key=lambda x: (x.date, x.source.date, x.pk)):
            by_date[o.date] = o
        points = list(by_date.values())
        for before, after in zip(points, points[1:], strict=False):
            if after.pk not in in_period or before.value is None or after.value is None:
                continue
            change = after.value - before.value
            unit = after.indicator.unit
            if unit in SCALE:
                implausible = abs(change) >= JUMP_MIN_POINTS * SCALE[unit] / Decimal(100)
            else:
                implausible = abs(change) >= JUMP_MIN_COUNT and abs(change) > JUMP_RATIO * max(
                    abs(before.value), Decimal(1)
                )
            if not implausible:
                continue
            findings.append(
                ObservationFinding(
                    severity=Severity.NOTE,
                    table=_table(after),
                    row=_where(after),
                    column="Change",
                    stated=_named(after),
                    computed=f"{_named(before)} on {before.date.isoformat()}",
                    message=(
                        f"A jump from {_written(before)} ({before.source.key}) to "
                        f"{_written(after)} ({after.source.key}): check it is not a slip."
                    ),
                    indicator=after.indicator.code,
                    observations=(before.pk, after.pk),
                    kind="jump",
                )
            )
    return findings
