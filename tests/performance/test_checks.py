"""The consistency checks find conflicts, ratio slips, bad sums and jumps, naming sources."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.management import call_command

from boardpack.core.models import ReportingPeriod
from boardpack.performance.checks import check_observations
from boardpack.quality.checks import run_checks

pytestmark = pytest.mark.django_db


@pytest.fixture
def june(testshire):
    return ReportingPeriod.objects.get(organisation=testshire, month="2024-06-01")


def by_kind(findings, kind):
    return [f for f in findings if getattr(f, "kind", "") == kind]


def test_two_sources_disagreeing_are_found_and_named(testshire, march, june):
    for period in (march, june):  # found from either source's period
        (conflict,) = by_kind(check_observations(testshire, period), "conflict")
        assert conflict.is_error
        assert "report-a" in conflict.message and "report-b" in conflict.message
        assert conflict.stated.startswith("580") and conflict.computed.startswith("590")


def test_a_percentage_that_disagrees_with_its_counts_is_found(testshire, march):
    (slip,) = by_kind(check_observations(testshire, march), "ratio")
    assert "108 of 127 is 85.04, not 58.04%" in slip.message
    assert slip.row.endswith("school type PRU")


def test_a_breakdown_that_does_not_add_up_to_its_total(testshire, march):
    found = by_kind(check_observations(testshire, march), "sum")
    messages = [f.message for f in found]
    assert "The parts add up to 22, 1 more than the total report-a states." in messages
    # The placement types do add up (3 + 40 + 537 = 580): no finding for them.
    assert all("CLA-COUNT" not in f.table for f in found)


def test_an_implausible_jump_is_a_note(testshire, march):
    jumps = by_kind(check_observations(testshire, march), "jump")
    assert not jumps  # 560 -> 580 is ordinary
    from boardpack.performance.models import Indicator, Source
    from boardpack.performance.services import observation_set

    indicator = Indicator.objects.get(organisation=testshire, code="CLA-COUNT")
    source = Source.objects.get(organisation=testshire, key="report-a")
    observation_set(
        indicator=indicator,
        date=dt.date(2023, 6, 30),
        source=source,
        value=Decimal("5800"),
        as_written="5800",
    )
    jumps = by_kind(check_observations(testshire, march), "jump")
    assert len(jumps) == 1 and not jumps[0].is_error
    assert "from 590 (report-b) to 5800 (report-a)" in jumps[0].message


def test_the_checks_run_in_boardpack_check(testshire, march, capsys):
    assert any(getattr(f, "kind", "") for f in run_checks(testshire, march))
    with pytest.raises(SystemExit):
        call_command("check", period="2023-03", organisation="testshire")
    out = capsys.readouterr().out
    assert "CLA-COUNT Children looked after" in out
    assert "report-b" in out


@pytest.mark.parametrize(
    ("bounded", "qualifier", "other", "error"),
    [
        ("5000", "over", "5100", False),
        ("5000", "over", "4900", True),
        ("28", "under", "27", False),
        ("1200", "approximate", "1187", False),
        ("395", "estimate", "582", True),
    ],
)
def test_a_bounded_figure_conflicts_only_when_its_words_do_not_allow_the_other(
    testshire, march, bounded, qualifier, other, error
):
    from boardpack.performance.models import Indicator, Source
    from boardpack.performance.services import observation_set

    indicator = Indicator.objects.get(organisation=testshire, code="CLA-COUNT")
    source = Source.objects.get(organisation=testshire, key="report-a")
    for value, q in ((bounded, qualifier), (other, "exact")):
        observation_set(
            indicator=indicator,
            date=dt.date(2023, 1, 31),
            source=source,
            value=Decimal(value),
            qualifier=q,
            as_written=f"{q} {value}",
        )
    found = [
        f
        for f in by_kind(check_observations(testshire, march), "conflict")
        if f.row.startswith("2023-01-31")
    ]
    assert len(found) == 1 and found[0].is_error is error
