"""How an organisation compares: England, its region, its statistical neighbours, its rank.

Everything for one measure and year comes from one query of that measure's values for the year
and the year before, plus the (cached per call) neighbour list: never a query per authority.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, NamedTuple

from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast

from boardpack.benchmarking.models import (
    ENGLAND_CODE,
    BenchmarkValue,
    HomeAuthority,
    Measure,
    Polarity,
    StatisticalNeighbour,
)
from boardpack.core.models import Organisation

BANDS = ("A", "B", "C", "D")


@dataclass(frozen=True)
class Figure:
    value: Decimal | None
    symbol: str = ""

    @property
    def has_value(self) -> bool:
        return self.value is not None


@dataclass(frozen=True)
class Ranked:
    area_code: str
    name: str
    value: Decimal
    rank: int
    is_home: bool = False
    is_neighbour: bool = False


@dataclass
class Comparison:
    measure: Measure
    year: str
    previous_year: str | None
    authority_name: str
    region_name: str
    authority: Figure
    england: Figure
    region: Figure
    neighbour_mean: Decimal | None
    neighbours_with_data: int
    neighbours_total: int
    rank: int | None
    ranked_count: int
    band: str | None
    previous: Figure | None
    neighbours: list[Ranked] = field(default_factory=list)

    @property
    def change(self) -> Decimal | None:
        if self.previous is None or self.previous.value is None or self.authority.value is None:
            return None
        return self.authority.value - self.previous.value


def home_authority(organisation: Organisation) -> HomeAuthority | None:
    return (
        HomeAuthority.objects.filter(organisation=organisation)
        .select_related("authority__region")
        .first()
    )


def measures_for(organisation: Organisation) -> QuerySet[Measure]:
    return Measure.objects.filter(organisation=organisation).order_by("title")


def years_for(measure: Measure) -> list[str]:
    years = measure.values.order_by().values_list("year", flat=True).distinct()
    return sorted(set(years), key=_year_key)


def _year_key(year: str) -> str:
    return year.ljust(6, "0")


def year_before(year: str, held: list[str]) -> str | None:
    """The time period a year before ``year`` (2025 → 2024, 202425 → 202324), held or not:
    the change is "since last year", never since whichever earlier year happens to be held.
    A period of another form falls back to the latest earlier one held."""
    if year.isdigit() and len(year) == 4:
        return str(int(year) - 1)
    if year.isdigit() and len(year) == 6:
        start = int(year[:4]) - 1
        return f"{start}{str(start + 1)[2:]}"
    earlier = [y for y in held if _year_key(y) < _year_key(year)]
    return earlier[-1] if earlier else None


def year_for_period_end(measure_years: list[str], end_year: int) -> str | None:
    """The measure's time period that ends in ``end_year`` (``2025`` or ``202425``)."""
    for candidate in (str(end_year), f"{end_year - 1}{str(end_year)[2:]}"):
        if candidate in measure_years:
            return candidate
    return None


def competition_ranks(values: dict[str, Decimal], polarity: str) -> dict[str, int]:
    """Rank 1 is best (highest unless lower is better); ties share the better rank (1, 2, 2, 4)."""
    descending = polarity != Polarity.LOWER_IS_BETTER
    ordered = sorted(values.items(), key=lambda item: item[1], reverse=descending)
    ranks: dict[str, int] = {}
    previous: Decimal | None = None
    previous_rank = 0
    for position, (code, value) in enumerate(ordered, start=1):
        if previous is not None and value == previous:
            ranks[code] = previous_rank
        else:
            ranks[code] = position
            previous_rank = position
        previous = value
    return ranks


def quartile_band(rank: int, count: int) -> str:
    """LAIT's bands: A is the quarter ranked best, D the quarter ranked worst.

    Where neither direction is better, rank 1 is the highest value, so A is the highest quarter.
    """
    index = min(3, ((rank - 1) * 4) // count)
    return BANDS[index]


def _mean(values: list[Decimal], decimals: int) -> Decimal | None:
    if not values:
        return None
    quantum = Decimal(1).scaleb(-(decimals + 1))
    return (sum(values, Decimal(0)) / len(values)).quantize(quantum, rounding=ROUND_HALF_UP)


def compare(
    measure: Measure,
    year: str,
    home: HomeAuthority,
    *,
    values: list[Any] | None = None,
    neighbour_codes: list[str] | None = None,
) -> Comparison:
    if values is None:
        years = years_for(measure)
    else:
        years = sorted({v.year for v in values}, key=_year_key)
    previous_year = year_before(year, years)
    if values is None:
        wanted = [year] + ([previous_year] if previous_year else [])
        values = value_rows(BenchmarkValue.objects.filter(measure=measure, year__in=wanted))
    if neighbour_codes is None:
        neighbour_codes = neighbour_codes_for(home)
    this_year = [v for v in values if v.year == year]
    authority_code = home.authority.old_la_code
    by_area = {(v.level, v.area_code): v for v in this_year}
    own = by_area.get(("authority", authority_code))
    region_code = own.region_code if own and own.region_code else home.authority.region.code
    region = by_area.get(("regional", region_code))
    england = by_area.get(("national", ENGLAND_CODE))
    numeric = {
        v.area_code: Decimal(v.value)
        for v in this_year
        if v.level == "authority" and v.value is not None and v.symbol in ("", "low")
    }
    ranks = competition_ranks(numeric, measure.polarity)
    names = {v.area_code: v.area_name for v in this_year if v.level == "authority"}
    neighbour_values = [numeric[c] for c in neighbour_codes if c in numeric]
    rank = ranks.get(authority_code)
    previous = None
    if previous_year:
        earlier_own = next(
            (
                v
                for v in values
                if v.year == previous_year
                and v.level == "authority"
                and v.area_code == authority_code
            ),
            None,
        )
        previous = _figure(earlier_own)
    neighbours = sorted(
        (
            Ranked(
                code,
                names.get(code, code),
                numeric[code],
                ranks[code],
                is_home=code == authority_code,
                is_neighbour=code in neighbour_codes,
            )
            for code in [authority_code, *neighbour_codes]
            if code in numeric
        ),
        key=lambda r: (r.rank, r.name),
    )
    return Comparison(
        measure=measure,
        year=year,
        previous_year=previous_year,
        authority_name=home.authority.name,
        region_name=region.area_name if region else home.authority.region.name,
        authority=_figure(own),
        england=_figure(england),
        region=_figure(region),
        neighbour_mean=_mean(neighbour_values, measure.decimals),
        neighbours_with_data=len(neighbour_values),
        neighbours_total=len(neighbour_codes),
        rank=rank,
        ranked_count=len(numeric),
        band=quartile_band(rank, len(numeric)) if rank else None,
        previous=previous,
        neighbours=neighbours,
    )


class ValueRow(NamedTuple):
    measure_id: int
    year: str
    level: str
    area_code: str
    area_name: str
    value: Decimal | None
    symbol: str
    region_code: str


def value_rows(queryset: QuerySet[BenchmarkValue]) -> list[ValueRow]:
    """Values as light rows: a page compares thousands, and model instances cost.

    The figure is read as text and made a Decimal here: the SQLite backend's own converter
    (float, then Decimal, then quantize, for every row) was most of the comparison's time.
    """
    rows = queryset.order_by().values_list(
        "measure_id",
        "year",
        "level",
        "area_code",
        "area_name",
        Cast("value", output_field=CharField()),
        "symbol",
        "region_code",
    )
    return [
        ValueRow(m, y, lv, code, name, None if text is None else Decimal(text), sym, region)
        for m, y, lv, code, name, text, sym, region in rows
    ]


def _figure(value: Any) -> Figure:
    if value is None:
        return Figure(None, "x")
    return Figure(Decimal(value.value) if value.value is not None else None, value.symbol)


def neighbour_codes_for(home: HomeAuthority) -> list[str]:
    return list(
        StatisticalNeighbour.objects.filter(authority=home.authority, model=home.neighbour_model)
        .order_by("rank")
        .values_list("neighbour__old_la_code", flat=True)
    )


def latest_comparisons(organisation: Organisation, year: str | None = None) -> list[Comparison]:
    """Every measure of the organisation, compared in ``year`` (or each one's latest year)."""
    home = home_authority(organisation)
    if home is None:
        return []
    measures = list(measures_for(organisation))
    years_held = _years_by_measure(measures)
    chosen: dict[int, str] = {}
    for measure in measures:
        years = years_held[measure.pk]
        if year is None and years:
            chosen[measure.pk] = years[-1]
        elif year in years:
            chosen[measure.pk] = year
    return _compare_chosen(measures, chosen, years_held, home)


def _years_by_measure(measures: list[Measure]) -> dict[int, list[str]]:
    found: dict[int, set[str]] = {m.pk: set() for m in measures}
    pairs = (
        BenchmarkValue.objects.filter(measure__in=measures)
        .order_by()  # the model's ordering would join the DISTINCT and return every row
        .values_list("measure_id", "year")
        .distinct()
    )
    for measure_id, year in pairs:
        found[measure_id].add(year)
    return {pk: sorted(years, key=_year_key) for pk, years in found.items()}


def _compare_chosen(
    measures: list[Measure],
    chosen: dict[int, str],
    years_held: dict[int, list[str]],
    home: HomeAuthority,
) -> list[Comparison]:
    """Compare each measure in its chosen year: every figure of that year, and of the year
    before only the authority's own (all a change needs). One query for every measure: rows of
    a year another measure chose are read and left here."""
    befores = {pk: year_before(year, years_held[pk]) for pk, year in chosen.items()}
    wanted = Q(measure__in=list(chosen), year__in=set(chosen.values())) | Q(
        measure__in=list(chosen),
        year__in={b for b in befores.values() if b},
        level="authority",
        area_code=home.authority.old_la_code,
    )
    values: dict[int, list[Any]] = {m.pk: [] for m in measures}
    own = home.authority.old_la_code
    for value in value_rows(BenchmarkValue.objects.filter(wanted)):
        if value.year == chosen[value.measure_id] or (
            value.year == befores[value.measure_id]
            and value.level == "authority"
            and value.area_code == own
        ):
            values[value.measure_id].append(value)
    codes = neighbour_codes_for(home)
    return [
        compare(measure, chosen[measure.pk], home, values=values[measure.pk], neighbour_codes=codes)
        for measure in measures
        if measure.pk in chosen
    ]


def comparisons_for_year_ending(organisation: Organisation, end_year: int) -> list[Comparison]:
    """Every measure compared in its time period ending in ``end_year`` (2025 or 202425)."""
    home = home_authority(organisation)
    if home is None:
        return []
    measures = list(measures_for(organisation))
    years_held = _years_by_measure(measures)
    chosen = {}
    for measure in measures:
        year = year_for_period_end(years_held[measure.pk], end_year)
        if year is not None:
            chosen[measure.pk] = year
    return _compare_chosen(measures, chosen, years_held, home)


def comparison_document(comparison: Comparison) -> dict[str, Any]:
    def text(value: Decimal | None) -> str | None:
        return None if value is None else format(value.normalize(), "f")

    def figure(f: Figure) -> dict[str, Any]:
        return {"value": text(f.value), "symbol": f.symbol}

    return {
        "measure": comparison.measure.code,
        "title": comparison.measure.title,
        "unit": comparison.measure.unit,
        "polarity": comparison.measure.polarity,
        "year": comparison.year,
        "authority": comparison.authority_name,
        "value": figure(comparison.authority),
        "england": figure(comparison.england),
        "region": {"name": comparison.region_name, **figure(comparison.region)},
        "statistical_neighbours": {
            "mean": text(comparison.neighbour_mean),
            "with_data": comparison.neighbours_with_data,
            "of": comparison.neighbours_total,
        },
        "rank": comparison.rank,
        "ranked_of": comparison.ranked_count,
        "quartile_band": comparison.band,
        "previous_year": comparison.previous_year,
        "change_since_previous_year": text(comparison.change),
    }
