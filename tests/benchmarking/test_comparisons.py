"""Comparators are computed from every authority's published figures, never typed."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from boardpack.benchmarking import selectors
from boardpack.benchmarking.models import (
    BenchmarkValue,
    LocalAuthority,
    Measure,
    Polarity,
    StatisticalNeighbour,
)

pytestmark = pytest.mark.django_db


def _comparison(somerset, code: str, year: str = "2025"):
    measure = Measure.objects.get(organisation=somerset, code=code)
    home = selectors.home_authority(somerset)
    assert home is not None
    return selectors.compare(measure, year, home)


def test_somerset_cla_rate_2025_beside_england_and_the_south_west(somerset):
    c = _comparison(somerset, "CLA-RATE-31-MARCH")
    assert c.authority.value == Decimal("55")
    assert c.england.value == Decimal("67")
    assert c.region_name == "South West"
    assert c.region.value == Decimal("62")
    assert c.previous_year == "2024"
    assert c.change == Decimal("3")  # 52 in 2024


def test_the_neighbour_mean_is_of_the_neighbours_with_data(somerset):
    c = _comparison(somerset, "CLA-RATE-31-MARCH")
    home = selectors.home_authority(somerset)
    codes = selectors.neighbour_codes_for(home)
    assert len(codes) == 10 and codes[0] == "935"  # the 2025 model: Suffolk is closest
    values = [
        Decimal(v.value)
        for v in BenchmarkValue.objects.filter(
            measure=c.measure, year="2025", level="authority", area_code__in=codes
        )
    ]
    assert c.neighbours_with_data == len(values) == 10
    assert c.neighbour_mean == (sum(values) / len(values)).quantize(Decimal("0.1"))


def test_a_neighbour_without_data_is_left_out_and_counted(somerset):
    c = _comparison(somerset, "SW-TURNOVER-RATE")
    first = selectors.neighbour_codes_for(selectors.home_authority(somerset))[0]
    BenchmarkValue.objects.filter(
        measure=c.measure, year="2025", level="authority", area_code=first
    ).update(value=None, symbol="x")
    again = _comparison(somerset, "SW-TURNOVER-RATE")
    assert again.neighbours_with_data == 9
    assert again.neighbours_total == 10
    assert again.neighbour_mean != c.neighbour_mean


def test_rank_respects_polarity_and_counts_only_authorities_with_data(somerset):
    c = _comparison(somerset, "SW-TURNOVER-RATE")  # lower is better
    values = {
        v.area_code: Decimal(v.value)
        for v in BenchmarkValue.objects.filter(
            measure=c.measure, year="2025", level="authority", value__isnull=False
        )
    }
    assert c.ranked_count == len(values)
    better = sum(1 for v in values.values() if v < values["933"])
    assert c.rank == better + 1
    assert c.band == selectors.quartile_band(c.rank, c.ranked_count)


def test_competition_ranking_shares_ties():
    values = {"a": Decimal(5), "b": Decimal(7), "c": Decimal(7), "d": Decimal(1)}
    assert selectors.competition_ranks(values, Polarity.HIGHER_IS_BETTER) == {
        "b": 1,
        "c": 1,
        "a": 3,
        "d": 4,
    }
    assert selectors.competition_ranks(values, Polarity.LOWER_IS_BETTER) == {
        "d": 1,
        "a": 2,
        "b": 3,
        "c": 3,
    }


@pytest.mark.parametrize(
    ("rank", "count", "band"),
    [
        (1, 152, "A"),
        (38, 152, "A"),
        (39, 152, "B"),
        (76, 152, "B"),
        (77, 152, "C"),
        (114, 152, "C"),
        (115, 152, "D"),
        (152, 152, "D"),
        (1, 1, "A"),
    ],
)
def test_quartile_bands(rank, count, band):
    assert selectors.quartile_band(rank, count) == band


def test_every_measure_is_compared_in_a_fixed_number_of_queries(somerset):
    with CaptureQueriesContext(connection) as few:
        small = selectors.comparisons_for_year_ending(somerset, 2025)
    assert len(small) == 8
    measure = Measure.objects.get(organisation=somerset, code="CLA-RATE-31-MARCH")
    for n in range(5):
        copy = Measure.objects.create(
            organisation=somerset, code=f"COPY-{n}", title=f"Copy {n}", polarity=measure.polarity
        )
        BenchmarkValue.objects.bulk_create(
            BenchmarkValue(
                measure=copy,
                year=v.year,
                level=v.level,
                area_code=v.area_code,
                area_name=v.area_name,
                value=v.value,
                symbol=v.symbol,
                region_code=v.region_code,
            )
            for v in measure.values.all()
        )
    with CaptureQueriesContext(connection) as many:
        more = selectors.comparisons_for_year_ending(somerset, 2025)
    assert len(more) == 13
    assert len(many.captured_queries) == len(few.captured_queries) <= 5


def test_geography_holds_every_authority_and_its_codes():
    somerset = LocalAuthority.objects.get(old_la_code="933")
    assert somerset.name == "Somerset"
    assert somerset.new_la_code == "E06000066"
    assert somerset.region.name == "South West"
    codes = set(somerset.codes.values_list("new_la_code", flat=True))
    assert codes == {"E10000027", "E06000066"}  # the county, then the unitary council
    assert LocalAuthority.objects.filter(new_la_code__startswith="E").count() >= 153
    closest = StatisticalNeighbour.objects.get(authority=somerset, rank=1)
    assert closest.neighbour.name == "Suffolk"
    assert closest.get_closeness_display() == "Very close"


def test_change_is_since_the_year_before_not_an_earlier_year(somerset):
    measure = Measure.objects.get(organisation=somerset, code="CLA-RATE-31-MARCH")
    home = selectors.home_authority(somerset)
    assert selectors.compare(measure, "2025", home).change == Decimal("3")
    measure.values.filter(year="2024").delete()
    without = selectors.compare(measure, "2025", home)
    assert without.previous_year == "2024"
    assert without.change is None  # 2023 is not "last year"
    assert selectors.year_before("202425", []) == "202324"
    assert selectors.year_before("2013", []) == "2012"
