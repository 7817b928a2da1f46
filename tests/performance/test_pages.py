"""The performance pages: officers see true values, councillors see small numbers as c."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_the_catalogue_groups_indicators_by_service_area(testshire, as_user):
    html = page(as_user("t.analyst"), "/testshire/performance/")
    for area in ("Children&#x27;s social care", "Education", "Workforce"):
        assert f">{area}</caption>" in html
    row = re.search(r"Permanent social workers</a>.*?</tr>", html, re.S).group(0)
    assert "under 72%" in row and "90% permanent social workers by 2023/24" in row
    assert ">Red</strong>" in row and "Improving" in row
    assert "bp-sparkline" in row


def test_the_indicator_page_has_a_chart_with_comparators_table_and_targets(testshire, as_user):
    html = page(as_user("t.analyst"), "/testshire/performance/indicators/SW-PERMANENT-PCT/")
    assert '<figure class="bp-chart' in html and "<svg" in html
    assert "Testshire Council and England" in html
    assert "under 72%" in html and "80%" in html
    assert "90% permanent social workers by 2023/24" in html


def test_breakdown_tables_are_laid_out_as_the_source_has_them(testshire, as_user):
    html = page(as_user("t.analyst"), "/testshire/performance/indicators/EXCL-PERM/")
    assert "Permanent exclusions by academic year and month" in html
    assert re.search(r">2022-23</th>\s*<td[^>]*>8</td>\s*<td[^>]*>1</td>", html)


def test_councillors_see_small_numbers_suppressed_on_every_page(testshire, as_user):
    client = as_user("t.councillor")
    html = page(client, "/testshire/performance/indicators/EXCL-PERM/")
    assert re.search(r">2022-23</th>\s*<td[^>]*>c</td>\s*<td[^>]*>c</td>", html)
    assert "shown as <strong>c</strong>" in html
    html = page(client, "/testshire/performance/indicators/PA-PCT/")
    assert "10.00%" not in html
    officer = page(as_user("t.analyst"), "/testshire/performance/indicators/PA-PCT/")
    assert "10.00%" in officer
    quality = page(client, "/testshire/performance/quality/2023-03/")
    assert "officers only" in quality and "report-b" not in quality


def test_the_data_quality_page_lists_findings_with_links(testshire, as_user):
    html = page(as_user("t.analyst"), "/testshire/performance/quality/2023-03/")
    assert "Two sources give different figures" in html
    assert 'href="/testshire/performance/indicators/CLA-COUNT/#figure-' in html
    assert "108 of 127 is 85.04" in html


def test_the_inspections_page_counts_by_judgement(testshire, as_user):
    html = page(as_user("t.councillor"), "/testshire/performance/inspections/?period=2023-03")
    assert "3 inspections by judgement" in html
    assert "Education: Requires improvement<br>Social care: Good" in html
    assert "33.3%" in html


def test_an_analyst_changes_the_rag_rule_and_adds_a_target(testshire, as_user):
    from boardpack.performance.models import Indicator

    client = as_user("t.analyst")
    url = "/testshire/performance/indicators/SW-PERMANENT-PCT/edit/"
    response = client.post(
        url,
        {
            "rule-rag_basis": "comparator",
            "rule-rag_comparator": "england",
            "rule-amber_band": "15",
            "save-rule": "1",
        },
    )
    assert response.status_code == 302
    indicator = Indicator.objects.get(organisation=testshire, code="SW-PERMANENT-PCT")
    assert indicator.rag_basis == "comparator" and indicator.history.count() == 2
    # 72 against England's 80: 8 short, within 15% of 80 (12): amber.
    html = page(client, "/testshire/performance/indicators/SW-PERMANENT-PCT/")
    assert ">Amber</strong>" in html
    bad = client.post(url, {"target-value": "140", "target-date": "31/03/2026", "add-target": "1"})
    assert bad.status_code == 400
    assert "from 0 to 100, not 140" in bad.content.decode()
    assert indicator.targets.count() == 1
    client.post(url, {"target-value": "85", "target-date": "31/03/2026", "add-target": "1"})
    assert indicator.targets.count() == 2
    assert as_user("t.councillor").get(url).status_code == 403


def test_the_catalogue_takes_a_constant_number_of_queries(testshire, as_user, page_cache_off):
    client = as_user("t.analyst")
    client.get("/testshire/performance/")
    with CaptureQueriesContext(connection) as first:
        client.get("/testshire/performance/")
    from tests.performance.conftest import add_indicators

    add_indicators(testshire, 20)
    with CaptureQueriesContext(connection) as second:
        client.get("/testshire/performance/")
    assert len(second) == len(first)


def test_the_share_of_inadequate_inspections_is_an_indicator(testshire, as_user):
    from boardpack.performance.models import Observation

    share = Observation.objects.get(
        indicator__organisation=testshire, indicator__code="INSPECTIONS-INADEQUATE-PCT"
    )
    assert share.value == Decimal("33.3") and share.as_written == "33.3%"
    assert share.commentary == "1 of 3 inspections reported."
    html = page(as_user("t.analyst"), "/testshire/performance/")
    assert "Inspections judged inadequate" in html


def test_a_one_dimension_breakdown_is_shown_beside_its_companions(testshire, as_user):
    """Attendance by school type: on roll, persistently absent and the percentage, one row
    per school type, as the source lays the table out."""
    html = page(as_user("t.analyst"), "/testshire/performance/indicators/PA-PCT/")
    assert "By school type, 31 March 2023" in html
    row = re.search(r">Primary</th>(.*?)</tr>", html, re.S).group(1)
    assert re.findall(r">([\d.,%]+)</td>", row) == ["17.06%", "37291", "6363"]
    assert 'href="/testshire/performance/indicators/ROLL-COUNT/"' in html


def test_an_indicator_page_takes_a_constant_number_of_queries(testshire, as_user, page_cache_off):
    import datetime as dt

    from boardpack.performance.models import Indicator, Source
    from boardpack.performance.services import observation_set

    client = as_user("t.analyst")
    url = "/testshire/performance/indicators/SW-PERMANENT-PCT/"
    client.get(url)
    with CaptureQueriesContext(connection) as first:
        client.get(url)
    indicator = Indicator.objects.get(organisation=testshire, code="SW-PERMANENT-PCT")
    source = Source.objects.get(organisation=testshire, key="report-a")
    for month in range(1, 13):
        for area in ("authority", "england", "region"):
            observation_set(
                indicator=indicator,
                date=dt.date(2021, month, 28),
                source=source,
                value=Decimal(60 + month),
                area=area,
            )
    with CaptureQueriesContext(connection) as second:
        client.get(url)
    assert len(second) == len(first)


def test_inspections_are_counted_by_judgement_for_each_quarter(testshire, as_user):
    from boardpack.performance import selectors

    quarters = selectors.judgement_counts_by_quarter(
        selectors.inspections_for_period(testshire, None)
    )
    # Berrow (inadequate, 11 Nov), Hemington (good, 16 Nov), North Hill (RI first, 2 Dec).
    assert [(q.quarter, q.counts, q.total) for q in quarters] == [("Q3 2022/23", [0, 1, 1, 1], 3)]
    html = page(as_user("t.analyst"), "/testshire/performance/inspections/")
    assert "Q3 2022/23" in html and "October to December 2022" in html
