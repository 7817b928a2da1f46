"""Reads: the catalogue, an indicator with its series, documents for export and the API.

Every read that publishes figures takes an ``audience`` and hides what suppression says it must
(``suppression.suppress_for``); the hidden set is computed over all of the organisation's
figures at once, so that two outputs can never be combined to reveal a hidden figure.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Hashable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from boardpack.core.models import RAG, Organisation, ReportingPeriod
from boardpack.performance import calculations as calc
from boardpack.performance import suppression
from boardpack.performance.models import (
    Area,
    Indicator,
    Inspection,
    InspectionJudgement,
    Judgement,
    Observation,
    Qualifier,
    RagBasis,
    Source,
    Target,
)
from boardpack.periods import Month, Quarter

COMPARATORS = [Area.ENGLAND, Area.STATISTICAL_NEIGHBOURS, Area.REGION]


# Suppression over the organisation's figures --------------------------------------------


def figures(organisation: Organisation) -> list[suppression.Figure]:
    rows = Observation.objects.filter(indicator__organisation=organisation).values_list(
        "pk",
        "indicator_id",
        "indicator__unit",
        "indicator__dimensions",
        "indicator__numerator_id",
        "indicator__denominator_id",
        "date",
        "area",
        "source_id",
        "breakdown",
        "value",
    )
    return [
        suppression.Figure(
            id=pk,
            indicator=indicator,
            unit=unit,
            dimensions=tuple(dims or ()),
            numerator=numerator,
            denominator=denominator,
            date=date,
            area=area,
            source=source,
            breakdown=breakdown or {},
            value=value,
        )
        for (
            pk,
            indicator,
            unit,
            dims,
            numerator,
            denominator,
            date,
            area,
            source,
            breakdown,
            value,
        ) in rows
    ]


def hidden_for(organisation: Organisation, audience: str) -> set[Hashable]:
    if audience == suppression.Audience.OFFICER:
        return set()
    return suppression.suppress_for(audience, figures(organisation))


# Rows ------------------------------------------------------------------------------------


def breakdown_text(breakdown: dict[str, Any]) -> str:
    return "; ".join(f"{k}={v}" for k, v in breakdown.items())


def observation_row(observation: Observation) -> dict[str, Any]:
    """One figure as every output writes it: the value with the places it was written with."""
    return {
        "indicator": observation.indicator.code,
        "date": observation.date.isoformat(),
        "period_label": observation.period_label,
        "area": observation.area,
        "breakdown": dict(observation.breakdown),
        "value": (
            calc.value_text(observation.value, observation.places)
            if observation.value is not None
            else None
        ),
        "qualifier": observation.qualifier,
        "as_written": observation.as_written,
        "source": observation.source.key,
        "commentary": observation.commentary,
    }


def published_row(observation: Observation, hidden: set[Hashable]) -> dict[str, Any]:
    row = observation_row(observation)
    return suppression.hide(row) if observation.pk in hidden else row


def shown_value(row: dict[str, Any], unit: str, decimals: int) -> str:
    """How a page shows a row's figure: as the source wrote it, else formatted."""
    if row["as_written"]:
        return str(row["as_written"])
    value = Decimal(row["value"]) if row["value"] is not None else None
    return calc.format_value(value, unit, decimals, row["qualifier"])


# Documents (export and API) -----------------------------------------------------------------


def _source_doc(source: Source) -> dict[str, Any]:
    return {"key": source.key, "title": source.title, "date": source.date.isoformat()}


def observations_document(
    organisation: Organisation, period: ReportingPeriod, audience: str = "officer"
) -> dict[str, Any]:
    """Every figure reported in the period (its sources' period), as written."""
    hidden = hidden_for(organisation, audience)
    observations = (
        Observation.objects.filter(indicator__organisation=organisation, source__period=period)
        .select_related("indicator", "source")
        .order_by("indicator__code", "date", "area", "breakdown_key", "source__key", "pk")
    )
    sources = Source.objects.filter(organisation=organisation, period=period).order_by("key")
    return {
        "organisation": organisation.slug,
        "period": period.key,
        "audience": audience,
        "sources": [_source_doc(s) for s in sources],
        "observations": [published_row(o, hidden) for o in observations],
    }


def indicator_queryset(organisation: Organisation) -> QuerySet[Indicator]:
    return (
        Indicator.objects.filter(organisation=organisation)
        .select_related("workstream", "numerator", "denominator")
        .prefetch_related(Prefetch("targets", queryset=Target.objects.select_related("source")))
        .order_by("service_area", "order", "code")
    )


def indicator_row(indicator: Indicator) -> dict[str, Any]:
    return {
        "code": indicator.code,
        "title": indicator.title,
        "definition": indicator.definition,
        "unit": indicator.unit,
        "decimals": indicator.decimals,
        "polarity": indicator.polarity,
        "frequency": indicator.frequency,
        "source": indicator.source,
        "service_area": indicator.service_area,
        "workstream": indicator.workstream.name if indicator.workstream else "",
        "numerator": indicator.numerator.code if indicator.numerator else "",
        "denominator": indicator.denominator.code if indicator.denominator else "",
        "dimensions": list(indicator.dimensions),
        "rag_rule": {
            "basis": indicator.rag_basis,
            "comparator": indicator.rag_comparator,
            "amber_band": f"{indicator.amber_band.normalize():f}",
        },
        "targets": [
            {
                "date": t.date.isoformat(),
                "value": f"{t.value.normalize():f}",
                "as_written": t.as_written,
                "source": t.source.key if t.source else "",
            }
            for t in indicator.targets.all()
        ],
    }


def indicators_document(
    organisation: Organisation, period: ReportingPeriod | None = None, audience: str = "officer"
) -> dict[str, Any]:
    """The library, each indicator with its latest figure as at the period's end, RAG and
    direction (all computed)."""
    as_at = period.period.last_day if period is not None else None
    summaries = catalogue(organisation, audience=audience, as_at=as_at)
    rows = []
    for summary in summaries.values():
        row = indicator_row(summary.indicator)
        row["latest"] = summary.latest_row
        row["rag"] = summary.rating.rag
        row["rag_label"] = summary.rating.label
        row["direction"] = summary.direction
        rows.append(row)
    return {
        "organisation": organisation.slug,
        "period": period.key if period is not None else None,
        "audience": audience,
        "indicators": rows,
    }


def indicators_export_document(
    organisation: Organisation, period: ReportingPeriod, audience: str = "officer"
) -> dict[str, Any]:
    return indicators_document(organisation, period, audience)


# The catalogue and one indicator --------------------------------------------------------------


@dataclass
class Point:
    date: dt.date
    value: Decimal | None
    row: dict[str, Any]


@dataclass
class Summary:
    indicator: Indicator
    series: dict[str, list[Point]] = field(default_factory=dict)  # area -> overall points
    latest_row: dict[str, Any] | None = None
    latest: Point | None = None
    target: Target | None = None
    rating: calc.Rating = calc.NOT_RATED
    direction: str = calc.Direction.NONE
    sparkline: str = ""  # an inline SVG the catalogue draws from ``authority_values``

    @property
    def latest_text(self) -> str:
        if self.latest_row is None:
            return ""
        ind = self.indicator
        return shown_value(self.latest_row, ind.unit, ind.decimals)

    @property
    def target_text(self) -> str:
        if self.target is None:
            return ""
        ind = self.indicator
        return self.target.as_written or calc.format_value(
            self.target.value, ind.unit, ind.decimals
        )

    @property
    def arrow(self) -> str:
        return calc.ARROWS[self.direction]

    @property
    def authority_values(self) -> list[Decimal]:
        return [p.value for p in self.series.get(Area.AUTHORITY, []) if p.value is not None]


def _series(observations: list[Observation], hidden: set[Hashable]) -> dict[str, list[Point]]:
    """Overall figures (no breakdown) by area, one per date: where sources differ the latest
    source's figure (the checks report the difference)."""
    chosen: dict[tuple[str, dt.date], Observation] = {}
    for o in observations:
        key = (o.area, o.date)
        if key not in chosen or (o.source.date, o.pk) > (chosen[key].source.date, chosen[key].pk):
            chosen[key] = o
    series: dict[str, list[Point]] = defaultdict(list)
    for (area, date), o in sorted(chosen.items(), key=lambda item: item[0][1]):
        row = published_row(o, hidden)
        value = Decimal(row["value"]) if row["value"] is not None else None
        series[area].append(Point(date, value, row))
    return dict(series)


def _target_for(targets: list[Target], date: dt.date | None) -> Target | None:
    if not targets:
        return None
    if date is not None:
        for target in sorted(targets, key=lambda t: t.date):
            if target.date >= date:
                return target
    return max(targets, key=lambda t: t.date)


def _comparator_value(points: list[Point], date: dt.date) -> Decimal | None:
    before = [p for p in points if p.date <= date and p.value is not None]
    return before[-1].value if before else None


def summarise(
    indicator: Indicator, observations: list[Observation], hidden: set[Hashable]
) -> Summary:
    summary = Summary(indicator=indicator, series=_series(observations, hidden))
    own = summary.series.get(Area.AUTHORITY, [])
    if own:
        summary.latest = own[-1]
        summary.latest_row = own[-1].row
        previous = own[-2].value if len(own) > 1 else None
        summary.direction = calc.direction(own[-1].value, previous, indicator.polarity)
    targets = list(indicator.targets.all())
    summary.target = _target_for(targets, summary.latest.date if summary.latest else None)
    latest_value = summary.latest.value if summary.latest else None
    if indicator.rag_basis == RagBasis.TARGET and summary.target is not None:
        summary.rating = calc.rag(
            latest_value,
            summary.target.value,
            polarity=indicator.polarity,
            amber_band=indicator.amber_band,
        )
    elif indicator.rag_basis == RagBasis.TARGET:
        summary.rating = calc.Rating(RAG.NOT_RATED, "No target set.")
    elif indicator.rag_basis == RagBasis.COMPARATOR and summary.latest is not None:
        comparator = _comparator_value(
            summary.series.get(indicator.rag_comparator, []), summary.latest.date
        )
        summary.rating = calc.rag(
            latest_value,
            comparator,
            polarity=indicator.polarity,
            amber_band=indicator.amber_band,
            what=Area(indicator.rag_comparator).label,
        )
    return summary


def catalogue(
    organisation: Organisation, *, audience: str, as_at: dt.date | None = None
) -> dict[str, Summary]:
    """Every indicator, by code, with its overall series, latest figure, target, RAG and
    direction. A constant number of queries, whatever the number of indicators or figures."""
    hidden = hidden_for(organisation, audience)
    indicators = list(indicator_queryset(organisation))
    overall = Observation.objects.filter(
        indicator__organisation=organisation, breakdown_key=""
    ).select_related("source", "indicator")
    if as_at is not None:
        overall = overall.filter(date__lte=as_at)
    by_indicator: dict[int, list[Observation]] = defaultdict(list)
    for o in overall:
        by_indicator[o.indicator_id].append(o)
    return {i.code: summarise(i, by_indicator[i.pk], hidden) for i in indicators}


def catalogue_by_service_area(
    organisation: Organisation, *, audience: str
) -> list[tuple[str, list[Summary]]]:
    grouped: dict[str, list[Summary]] = defaultdict(list)
    for summary in catalogue(organisation, audience=audience).values():
        grouped[summary.indicator.service_area].append(summary)
    return sorted(grouped.items())


def indicator_or_none(organisation: Organisation, code: str) -> Indicator | None:
    return indicator_queryset(organisation).filter(code=code).first()


@dataclass
class IndicatorDetail:
    summary: Summary
    rows: list[dict[str, Any]]  # every figure, published for the audience
    breakdown_rows: list[dict[str, Any]]


def indicator_detail(indicator: Indicator, *, audience: str) -> IndicatorDetail:
    hidden = hidden_for(indicator.organisation, audience)
    observations = list(
        Observation.objects.filter(indicator=indicator)
        .select_related("source", "indicator")
        .order_by("-date", "area", "breakdown_key", "source__key", "pk")
    )
    overall = [o for o in observations if not o.breakdown_key]
    summary = summarise(indicator, overall, hidden)
    rows = []
    for o in observations:
        row = published_row(o, hidden)
        row["shown"] = shown_value(row, indicator.unit, indicator.decimals)
        row["area_label"] = Area(o.area).label
        row["source_title"] = o.source.title
        row["breakdown_text"] = ", ".join(
            f"{k.replace('_', ' ')}: {v}" for k, v in o.breakdown.items()
        )
        row["pk"] = o.pk
        rows.append(row)
    return IndicatorDetail(
        summary=summary,
        rows=[r for r in rows if not r["breakdown"]],
        breakdown_rows=[r for r in rows if r["breakdown"]],
    )


def observation_api_document(indicator: Indicator, *, audience: str) -> dict[str, Any]:
    hidden = hidden_for(indicator.organisation, audience)
    observations = (
        Observation.objects.filter(indicator=indicator)
        .select_related("source", "indicator")
        .order_by("date", "area", "breakdown_key", "source__key", "pk")
    )
    return {
        "organisation": indicator.organisation.slug,
        "indicator": indicator_row(indicator),
        "audience": audience,
        "observations": [published_row(o, hidden) for o in observations],
    }


# Breakdown tables ------------------------------------------------------------------------------


@dataclass
class CrossTable:
    """A two-way table of one indicator's figures: rows × columns, as a source laid it out."""

    indicator: Indicator
    source: Source
    row_dimension: str
    column_dimension: str
    columns: list[str]
    rows: list[tuple[str, list[str]]]
    title: str = ""  # when the columns are indicators side by side, what they are together
    links: list[str] = field(default_factory=list)  # the columns' indicator codes, if any

    @property
    def row_label(self) -> str:
        return self.row_dimension.replace("_", " ").capitalize()

    @property
    def caption(self) -> str:
        if self.title:
            return self.title
        return f"{self.indicator.title} by {self.row_dimension.replace('_', ' ')} and " + (
            self.column_dimension.replace("_", " ")
        )

    @property
    def side_by_side(self) -> bool:
        return bool(self.links)

    @property
    def headers(self) -> list[tuple[str, str]]:
        """Each column's heading and, for indicators side by side, its code (to link to)."""
        codes = self.links or [""] * len(self.columns)
        return list(zip(self.columns, codes, strict=True))


def breakdown_tables(indicator: Indicator, *, audience: str) -> list[CrossTable]:
    """The indicator's two-dimension breakdowns, one table per source, in the order the
    figures were entered (the source's own order of rows and columns)."""
    dims = list(indicator.dimensions)
    if len(dims) < 1:
        return []
    hidden = hidden_for(indicator.organisation, audience)
    if len(dims) == 1:
        return side_by_side_tables(indicator, dims[0], hidden)
    observations = (
        Observation.objects.filter(indicator=indicator)
        .exclude(breakdown_key="")
        .select_related("source", "indicator")
        .order_by("source__date", "source__key", "pk")
    )
    by_source: dict[int, list[Observation]] = defaultdict(list)
    sources: dict[int, Source] = {}
    for o in observations:
        by_source[o.source_id].append(o)
        sources[o.source_id] = o.source
    tables = []
    for source_id, items in by_source.items():
        row_dim = dims[0]
        col_dim = dims[1] if len(dims) > 1 else "area"
        row_keys: list[str] = []
        col_keys: list[str] = []
        cells: dict[tuple[str, str], str] = {}
        for o in items:
            r = str(o.breakdown.get(row_dim, "Total"))
            c = (
                str(o.breakdown.get(col_dim, Area(o.area).label))
                if col_dim != "area"
                else (Area(o.area).label)
            )
            if r not in row_keys:
                row_keys.append(r)
            if c not in col_keys:
                col_keys.append(c)
            row = published_row(o, hidden)
            cells[(r, c)] = shown_value(row, indicator.unit, indicator.decimals)
        tables.append(
            CrossTable(
                indicator=indicator,
                source=sources[source_id],
                row_dimension=row_dim,
                column_dimension=col_dim,
                columns=col_keys,
                rows=[(r, [cells.get((r, c), "") for c in col_keys]) for r in row_keys],
            )
        )
    return tables


def side_by_side_tables(
    indicator: Indicator, dimension: str, hidden: set[Hashable]
) -> list[CrossTable]:
    """A one-dimension breakdown as the source lays it out: every indicator broken down the
    same way, from the same source at the same date, side by side (attendance by school type:
    on roll, persistently absent, persistent absence %, present %)."""
    own = (
        Observation.objects.filter(indicator=indicator, area=Area.AUTHORITY)
        .exclude(breakdown_key="")
        .values_list("source_id", "date")
        .distinct()
    )
    pairs = sorted(set(own))
    if not pairs:
        return []
    wanted = Q()
    for source_id, date in pairs:
        wanted |= Q(source_id=source_id, date=date)
    observations = (
        Observation.objects.filter(wanted)
        .filter(
            indicator__organisation=indicator.organisation,
            area=Area.AUTHORITY,
            breakdown_key__startswith=f"{dimension}=",
        )
        .exclude(breakdown_key__contains="|")
        .select_related("source", "indicator")
        .order_by("indicator__order", "indicator__code", "pk")
    )
    groups: dict[tuple[int, dt.date], list[Observation]] = defaultdict(list)
    for o in observations:
        groups[(o.source_id, o.date)].append(o)
    tables = []
    for (_source_id, date), items in sorted(groups.items(), key=lambda g: g[0][1], reverse=True):
        indicators = list(dict.fromkeys(o.indicator for o in items))
        indicators.sort(key=lambda i: i.pk != indicator.pk)  # this one first
        rows: list[str] = list(dict.fromkeys(str(o.breakdown[dimension]) for o in items))
        cells = {
            (str(o.breakdown[dimension]), o.indicator_id): shown_value(
                published_row(o, hidden), o.indicator.unit, o.indicator.decimals
            )
            for o in items
        }
        label = dimension.replace("_", " ")
        tables.append(
            CrossTable(
                indicator=indicator,
                source=items[0].source,
                row_dimension=dimension,
                column_dimension="indicator",
                columns=[i.title for i in indicators],
                rows=[(r, [cells.get((r, i.pk), "") for i in indicators]) for r in rows],
                title=f"By {label}, {date.day} {date:%B %Y}",
                links=[i.code for i in indicators],
            )
        )
    return tables


# Inspections --------------------------------------------------------------------------------------


def inspections_for_period(
    organisation: Organisation, period: ReportingPeriod | None
) -> list[Inspection]:
    qs = Inspection.objects.filter(organisation=organisation).select_related("source")
    if period is not None:
        qs = qs.filter(source__period=period)
    return list(
        qs.prefetch_related(
            Prefetch("judgements", queryset=InspectionJudgement.objects.order_by("order"))
        ).order_by("-date", "establishment")
    )


def headline_judgement(inspection: Inspection) -> str:
    """The first judgement the source gives (Education before Social care)."""
    judgements = list(inspection.judgements.all())
    return judgements[0].judgement if judgements else ""


def judgement_counts(inspections: list[Inspection]) -> dict[str, int]:
    counts = Counter(headline_judgement(i) for i in inspections)
    return {j.value: counts.get(j.value, 0) for j in Judgement}


@dataclass(frozen=True)
class QuarterCounts:
    quarter: str  # "Q3 2022/23"
    months: str  # "October to December 2022"
    counts: list[int]  # in the order of ``Judgement``
    total: int
    inadequate_share: Decimal | None


def judgement_counts_by_quarter(inspections: list[Inspection]) -> list[QuarterCounts]:
    """Inspections counted by judgement for each financial quarter of their dates."""
    by_quarter: dict[Quarter, list[Inspection]] = defaultdict(list)
    for inspection in inspections:
        by_quarter[Month.from_date(inspection.date).quarter].append(inspection)
    result = []
    for quarter in sorted(by_quarter, reverse=True):
        items = by_quarter[quarter]
        counts = judgement_counts(items)
        result.append(
            QuarterCounts(
                quarter=quarter.label,
                months=quarter.range_label,
                counts=[counts[j.value] for j in Judgement],
                total=len(items),
                inadequate_share=inadequate_share(items),
            )
        )
    return result


def inadequate_share(inspections: list[Inspection]) -> Decimal | None:
    """The percentage of the inspections whose headline judgement is inadequate."""
    if not inspections:
        return None
    counts = judgement_counts(inspections)
    share = calc.percentage(Decimal(counts[Judgement.INADEQUATE]), Decimal(len(inspections)))
    return share.quantize(Decimal("0.1")) if share is not None else None


def inspection_row(inspection: Inspection) -> dict[str, Any]:
    return {
        "establishment": inspection.establishment,
        "town": inspection.town,
        "urn": inspection.urn,
        "date": inspection.date.isoformat(),
        "type": inspection.type,
        "judgements": [
            {"area": j.area, "judgement": j.get_judgement_display()}
            for j in inspection.judgements.all()
        ],
        "source": inspection.source.key,
    }


def inspections_document(
    organisation: Organisation, period: ReportingPeriod, audience: str = "officer"
) -> dict[str, Any]:
    inspections = inspections_for_period(organisation, period)
    counts = judgement_counts(inspections)
    share = inadequate_share(inspections)
    return {
        "organisation": organisation.slug,
        "period": period.key,
        "by_quarter": [
            {
                "quarter": q.quarter,
                "counts": dict(zip(Judgement.labels, q.counts, strict=True)),
                "total": q.total,
                "inadequate_share": f"{q.inadequate_share}" if q.inadequate_share else None,
            }
            for q in judgement_counts_by_quarter(inspections)
        ],
        "inspections": [inspection_row(i) for i in inspections],
        "counts": {Judgement(k).label: v for k, v in counts.items()},
        "total": len(inspections),
        "inadequate_share": f"{share}" if share is not None else None,
    }


def periods_with_figures(organisation: Organisation) -> QuerySet[ReportingPeriod]:
    return (
        ReportingPeriod.objects.filter(organisation=organisation, indicator_sources__isnull=False)
        .distinct()
        .order_by("-month")
    )


RAG_ORDER = [RAG.RED, RAG.AMBER, RAG.GREEN, RAG.NOT_RATED]
QUALIFIER_LABELS = dict(Qualifier.choices)
