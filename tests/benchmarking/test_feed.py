"""Benchmarks feed the council's indicators: comparators, RAG and charts come with them."""

import datetime as dt
from decimal import Decimal

import pytest

from boardpack.benchmarking.feed import year_end
from boardpack.benchmarking.models import BenchmarkValue, Measure
from boardpack.benchmarking.services import MappingEntry, import_tidy
from boardpack.benchmarking.tidy import read_tidy
from boardpack.core.models import RAG
from boardpack.performance.models import Indicator, Observation
from boardpack.performance.selectors import indicator_detail
from tests.benchmarking.files import never_seen_file

pytestmark = pytest.mark.django_db


def _figures(code: str, date: dt.date) -> dict[str, Decimal | None]:
    return dict(
        Observation.objects.filter(indicator__code=code, date=date).values_list("area", "value")
    )


def test_each_measure_feeds_an_indicator_with_every_comparator(somerset):
    measure = Measure.objects.get(organisation=somerset, code="CLA-RATE-31-MARCH")
    assert measure.indicator is not None and measure.indicator.code == "CLA-RATE-31-MARCH"
    figures = _figures("CLA-RATE-31-MARCH", dt.date(2025, 3, 31))
    assert figures["authority"] == 55
    assert figures["england"] == 67
    assert figures["region"] == 62
    assert figures["statistical_neighbours"] == Decimal("66.3")
    assert measure.indicator.observations.filter(area="authority").count() == 5  # 2021–2025


def test_the_indicator_is_rated_against_england_by_its_polarity(somerset):
    turnover = Indicator.objects.get(organisation=somerset, code="SW-TURNOVER-RATE")
    assert turnover.rag_basis == "comparator" and turnover.rag_comparator == "england"
    summary = indicator_detail(turnover, audience="officer").summary
    # Somerset 11.9% against England 11.8%, lower is better: worse, within the 10% band.
    assert summary.latest.value == Decimal("11.9")
    assert summary.rating.rag == RAG.AMBER
    agency = Indicator.objects.get(organisation=somerset, code="SW-AGENCY-RATE")
    assert indicator_detail(agency, audience="officer").summary.rating.rag == RAG.GREEN  # 10.2<13


def test_the_indicator_page_charts_the_comparators(signed_in):
    response = signed_in("councillor").get("/somerset/performance/indicators/CLA-RATE-31-MARCH/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "England" in text and "Statistical neighbours" in text and "<svg" in text


def test_a_reimport_with_a_revised_figure_changes_the_observation(somerset):
    entry = MappingEntry(
        "percent_with_plan",
        {"characteristic": "Total"},
        "EHCP-PCT",
        "Pupils with an EHC plan (%)",
        "percentage",
        "neither",
        1,
    )
    import_tidy(organisation=somerset, tidy=read_tidy(never_seen_file()), entries=[entry])
    date = dt.date(2025, 8, 31)  # academic year 2024/25
    assert _figures("EHCP-PCT", date)["authority"] == Decimal("5.1")
    observation = Observation.objects.get(indicator__code="EHCP-PCT", date=date, area="authority")
    assert observation.period_label == "2024/25"
    history = observation.history.count()
    import_tidy(
        organisation=somerset,
        tidy=read_tidy(never_seen_file(somerset_percent="5.3")),
        entries=[entry],
    )
    observation.refresh_from_db()
    assert observation.value == Decimal("5.3") and observation.as_written == "5.3"
    assert observation.history.count() == history + 1
    assert Observation.objects.filter(indicator__code="EHCP-PCT", area="authority").count() == 2


def test_a_dry_run_feeds_nothing(somerset):
    entry = MappingEntry("percent_with_plan", {"characteristic": "Total"}, "EHCP-DRY")
    import_tidy(
        organisation=somerset, tidy=read_tidy(never_seen_file()), entries=[entry], dry_run=True
    )
    assert not Indicator.objects.filter(code="EHCP-DRY").exists()
    assert not BenchmarkValue.objects.filter(measure__code="EHCP-DRY").exists()


def test_suppressed_figures_stay_suppressed(somerset):
    entry = MappingEntry("number_of_children", {"characteristic": "Boys"}, "EHCP-BOYS-N")
    import_tidy(organisation=somerset, tidy=read_tidy(never_seen_file()), entries=[entry])
    observation = Observation.objects.get(
        indicator__code="EHCP-BOYS-N", date=dt.date(2025, 8, 31), area="authority"
    )
    assert observation.value is None
    assert observation.qualifier == "suppressed" and observation.as_written == "c"


@pytest.mark.parametrize(
    ("year", "date", "label"),
    [("2025", dt.date(2025, 3, 31), "2025"), ("202425", dt.date(2025, 8, 31), "2024/25")],
)
def test_dfe_time_periods_are_dated(year, date, label):
    assert year_end(year) == (date, label)


def test_an_undatable_time_period_is_refused():
    with pytest.raises(ValueError, match="Cannot date"):
        year_end("2025Q1")
