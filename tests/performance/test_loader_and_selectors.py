"""The demo-data format loads, idempotently; the catalogue computes RAG and direction."""

from __future__ import annotations

from decimal import Decimal

import pytest

from boardpack.core.models import RAG, Organisation, ReportingPeriod
from boardpack.performance import selectors
from boardpack.performance.demo import DemoDataError, load_data
from boardpack.performance.models import Indicator, Inspection, Observation, Source, Target
from tests.performance import fixture_data

pytestmark = pytest.mark.django_db


def counts() -> tuple[int, ...]:
    return tuple(
        m.objects.count() + m.history.count()  # type: ignore[attr-defined]
        for m in (Indicator, Observation, Target, Source, Inspection)
    )


def test_the_fixture_loads_every_item(testshire):
    # Plus the share of inadequate inspections, which the loader computes from the register.
    codes = set(Indicator.objects.filter(organisation=testshire).values_list("code", flat=True))
    assert codes == {i["code"] for i in fixture_data.INDICATORS} | {"INSPECTIONS-INADEQUATE-PCT"}
    assert (
        Observation.objects.filter(indicator__organisation=testshire).count()
        == len(fixture_data.OBSERVATIONS) + 1
    )
    pct = Indicator.objects.get(organisation=testshire, code="PA-PCT")
    assert pct.numerator.code == "PA-COUNT" and pct.denominator.code == "ROLL-COUNT"
    # Each source's month becomes a reporting period.
    assert ReportingPeriod.objects.filter(organisation=testshire).count() == 2


def test_loading_again_changes_nothing(testshire):
    before = counts()
    load_data(testshire, fixture_data)
    assert counts() == before


def test_bad_data_is_refused_naming_the_item(db):
    organisation = Organisation.objects.create(slug="bad", name="Bad")

    class Bad:
        SOURCES = fixture_data.SOURCES
        INDICATORS = fixture_data.INDICATORS[:1]
        TARGETS: list = []
        OBSERVATIONS = [
            dict(fixture_data.OBSERVATIONS[0], breakdown={"locality": "North"}),
        ]

    with pytest.raises(DemoDataError, match="CLA-COUNT has no dimension ‘locality’"):
        load_data(organisation, Bad)


def test_catalogue_computes_latest_target_rag_and_direction(testshire):
    summaries = selectors.catalogue(testshire, audience="officer")
    sw = summaries["SW-PERMANENT-PCT"]
    assert sw.latest_text == "under 72%"
    assert sw.target_text == "90% permanent social workers by 2023/24"
    assert sw.rating.rag == RAG.RED  # 72 is more than 10% short of 90
    assert sw.direction == "Improving"  # 70 -> 72, higher is better
    assert [p.value for p in sw.series["england"]] == [Decimal("80")]
    cla = summaries["CLA-COUNT"]
    # The latest authority figure is missing (x) and is shown as such.
    assert cla.latest_text == "x"
    assert cla.rating.rag == RAG.NOT_RATED


@pytest.mark.parametrize(
    ("unit", "value", "refused"),
    [
        ("percentage", "-5.8", True),
        ("percentage", "360", True),
        ("percentage_points", "-5.8", False),
        ("percentage_change", "360", False),
        ("percentage_change", "-101", True),
        ("count", "-1", True),
        ("gbp", "-400000", False),
    ],
)
def test_each_unit_allows_what_it_can_hold(testshire, unit, value, refused):
    from boardpack.performance import services

    indicator = services.indicator_set(
        organisation=testshire,
        code="UNIT-CHECK",
        title="Unit check",
        unit=unit,
        polarity="neither",
        frequency="annual",
        service_area="Checks",
    )
    problems = services.value_problems(indicator, Decimal(value))
    assert bool(problems) is refused
