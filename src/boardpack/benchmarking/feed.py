"""Benchmarks feed the council's own indicators.

Each measure is linked to an indicator (one of the same code is made when there is none). Its
figures become that indicator's observations — the authority, England, the region and the
statistical neighbours' mean, every year — under one source per measure, so the indicator page's
chart, its comparator-based RAG rule and every report read them like any other figure.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import transaction

from boardpack.benchmarking import selectors
from boardpack.benchmarking.models import BenchmarkValue, HomeAuthority, Measure, Polarity
from boardpack.core.models import ReportingPeriod
from boardpack.performance.calculations import places_of
from boardpack.performance.models import Area, Frequency, Indicator, Observation, Qualifier
from boardpack.performance.services import (
    indicator_set,
    observation_problems,
    observations_write,
    source_set,
)

SERVICE_AREA = "Benchmarks (DfE)"
SYMBOL_QUALIFIERS = {
    "c": Qualifier.SUPPRESSED,
    "x": Qualifier.NOT_AVAILABLE,
    "z": Qualifier.NOT_APPLICABLE,
    "low": Qualifier.APPROXIMATE,  # rounds to zero: a figure, but not an exact one
    "u": Qualifier.ESTIMATE,  # low reliability
}


def year_end(year: str) -> tuple[dt.date, str]:
    """The date a DfE time period is at, and its label: 2025 → 31 March 2025 (the reporting
    year's snapshot); 202425 → 31 August 2025, "2024/25" (an academic year)."""
    if len(year) == 6 and year.isdigit():
        end = int(year[:4]) + 1
        return dt.date(end, 8, 31), f"{year[:4]}/{year[4:]}"
    if len(year) == 4 and year.isdigit():
        return dt.date(int(year), 3, 31), year
    raise ValueError(f"Cannot date the DfE time period {year!r}")


def indicator_for(measure: Measure) -> Indicator:
    """The measure's indicator, made (or found by code) the first time."""
    if measure.indicator_id:
        return measure.indicator  # type: ignore[return-value]
    indicator = Indicator.objects.filter(
        organisation=measure.organisation, code=measure.code
    ).first() or indicator_set(
        organisation=measure.organisation,
        code=measure.code,
        title=measure.title[:300],
        definition=f"Published by the Department for Education for every English authority. "
        f"{measure.source}".strip(),
        unit=measure.unit,
        decimals=measure.decimals,
        polarity=measure.polarity,
        frequency=Frequency.ANNUAL,
        source=measure.source or "Department for Education",
        service_area=SERVICE_AREA,
        # Where one direction is better, the authority is rated against England.
        rag_basis="comparator" if measure.polarity != Polarity.NEITHER else "none",
        rag_comparator=Area.ENGLAND,
    )
    measure.indicator = indicator
    measure.save(update_fields=["indicator"])
    return indicator


def _plain(value: Decimal) -> Decimal:
    """The figure with the places it was published with (47, not 47.000000)."""
    return Decimal(format(value.normalize(), "f"))


def _figure(value: Decimal | None, symbol: str) -> tuple[Decimal | None, str, str]:
    """(value, qualifier, as written) of one published figure."""
    if value is not None:
        value = _plain(value)
    if value is None:
        symbol = symbol or "x"
        return None, SYMBOL_QUALIFIERS.get(symbol, Qualifier.NOT_AVAILABLE), symbol
    qualifier = SYMBOL_QUALIFIERS.get(symbol, Qualifier.EXACT) if symbol else Qualifier.EXACT
    if qualifier in (Qualifier.SUPPRESSED, Qualifier.NOT_AVAILABLE, Qualifier.NOT_APPLICABLE):
        qualifier = Qualifier.EXACT
    return value, qualifier, format(value.normalize(), "f")


@transaction.atomic
def feed_measure(measure: Measure, home: HomeAuthority) -> int:
    """Write the measure's figures as its indicator's observations; returns how many changed."""
    period = (
        ReportingPeriod.objects.filter(organisation=measure.organisation).order_by("-month").first()
    )
    if period is None:  # nothing can be reported yet: the figures wait in the benchmarks
        return 0
    indicator = indicator_for(measure)
    source = source_set(
        organisation=measure.organisation,
        key=f"dfe-{measure.code.lower()}"[:80],
        title=(measure.source or "Department for Education")[:300],
        date=period.month,
        period=period,
    )
    values = selectors.value_rows(BenchmarkValue.objects.filter(measure=measure))
    codes = selectors.neighbour_codes_for(home)
    wanted: dict[tuple[dt.date, str], dict[str, Any]] = {}
    for year in sorted({v.year for v in values}):
        c = selectors.compare(measure, year, home, values=values, neighbour_codes=codes)
        date, label = year_end(year)
        for area, figure in (
            (Area.AUTHORITY, c.authority),
            (Area.ENGLAND, c.england),
            (Area.REGION, c.region),
        ):
            value, qualifier, written = _figure(figure.value, figure.symbol)
            wanted[(date, area)] = {
                "value": value,
                "qualifier": qualifier,
                "as_written": written,
                "period_label": label,
                "commentary": c.region_name if area == Area.REGION else "",
            }
        if c.neighbour_mean is not None:
            wanted[(date, Area.STATISTICAL_NEIGHBOURS)] = {
                "value": _plain(c.neighbour_mean),
                "qualifier": Qualifier.EXACT,
                "as_written": format(c.neighbour_mean.normalize(), "f"),
                "period_label": label,
                "commentary": f"Mean of the {c.neighbours_with_data} of "
                f"{c.neighbours_total} statistical neighbours with a figure",
            }
    existing = {
        (o.date, o.area): o
        for o in Observation.objects.filter(indicator=indicator, source=source, breakdown_key="")
    }
    new: list[Observation] = []
    changed: list[Observation] = []
    for (date, area_key), fields in wanted.items():
        problems = observation_problems(
            indicator,
            breakdown={},
            value=fields["value"],
            qualifier=fields["qualifier"],
            area=area_key,
        )
        if problems:
            raise ValueError(f"{measure.code} {date} {area_key}: {problems[0].message}")
        observation = existing.get((date, area_key)) or Observation(
            indicator=indicator,
            date=date,
            area=area_key,
            breakdown={},
            breakdown_key="",
            source=source,
        )
        fields = fields | {
            "places": places_of(fields["value"]) if fields["value"] is not None else 0
        }
        if observation.pk and all(getattr(observation, k) == v for k, v in fields.items()):
            continue
        for key, value in fields.items():
            setattr(observation, key, value)
        (changed if observation.pk else new).append(observation)
    # In bulk, each with its history row, as the figures of an import are written.
    observations_write(new=new, changed=changed)
    return len(new) + len(changed)


def feed_organisation(measures: list[Measure]) -> int:
    """Feed each measure's indicator (measures of one organisation)."""
    if not measures:
        return 0
    home = selectors.home_authority(measures[0].organisation)
    if home is None:
        return 0
    return sum(feed_measure(measure, home) for measure in measures)
