"""The finance pages read each table once, however many lines it holds.

Each page builds its document once and the view, template, chart and checks all read that one
document: the savings page reads the period's positions once (and the earlier positions once),
the budget and DSG pages build their documents once. The number of queries does not grow with
the number of lines (15 lines against 150).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from boardpack.core.models import ReportingPeriod
from boardpack.finance.models import BudgetLine, SavingLine, SavingPosition, ServiceArea

# They count the queries of building each page: not of serving a stored one (core.page_cache).
pytestmark = pytest.mark.usefixtures("page_cache_off")

SAVINGS = "/somerset/finance/savings/2024-06/"
BUDGET = "/somerset/finance/budget/2022-12/"
DSG = "/somerset/finance/dsg/2022-12/"


def _queries(client, url: str) -> list[str]:
    client.get(url)  # the session and the like settle on a first view
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return [q["sql"] for q in captured.captured_queries]


def _reads(queries: list[str], table: str) -> int:
    """Queries whose main table is ``table`` (subqueries inside another table's query aside)."""
    return sum(
        1
        for sql in queries
        if " FROM " in sql and sql.split(" FROM ", 1)[1].startswith(f'"{table}"')
    )


def _more_savings(somerset, count: int) -> None:
    june = ReportingPeriod.objects.get(organisation=somerset, month="2024-06-01")
    earlier = ReportingPeriod.objects.get(organisation=somerset, month="2022-12-01")
    for number in range(count):
        line = SavingLine.objects.create(
            organisation=somerset,
            reference=f"TEST{number:03}",
            description=f"Test saving {number}",
            financial_year=2024,
            target=Decimal("1000"),
            order=1000 + number,
        )
        SavingPosition.objects.create(line=line, period=earlier, on_track=Decimal("1000"))
        SavingPosition.objects.create(
            line=line, period=june, achieved=Decimal("600"), at_risk=Decimal("400")
        )


def _more_budget_lines(somerset, count: int) -> None:
    division = ServiceArea.objects.get(organisation=somerset, name="Inclusion")
    periods = ReportingPeriod.objects.filter(
        organisation=somerset, month__in=["2022-10-01", "2022-12-01"]
    )
    for number in range(count):
        area = ServiceArea.objects.create(
            organisation=somerset,
            name=f"Test service line {number:03}",
            parent=division,
            level=ServiceArea.Level.SERVICE_LINE,
            order=1000 + number,
        )
        for period in periods:
            BudgetLine.objects.create(
                service_area=area,
                period=period,
                current_budget=Decimal("1.0"),
                projection=Decimal("1.2"),
            )


def test_the_savings_page_reads_its_positions_once_for_15_or_150_lines(signed_in, somerset):
    client = signed_in("finance")
    few = _queries(client, SAVINGS)
    assert _reads(few, "finance_savingposition") == 2  # the period's, and the earlier ones
    assert _reads(few, "finance_savingsstatedtotal") == 1
    _more_savings(somerset, 135)
    many = _queries(client, SAVINGS)
    assert (
        SavingPosition.objects.filter(
            period__month="2024-06-01", line__organisation=somerset
        ).count()
        == 150
    )
    assert len(many) == len(few), "the savings page's queries grow with its lines"
    assert _reads(many, "finance_savingposition") == 2
    assert "TEST134" in client.get(SAVINGS).content.decode()


def test_the_budget_page_builds_its_document_once_for_21_or_156_lines(signed_in, somerset):
    client = signed_in("finance")
    few = _queries(client, BUDGET)
    # The period's lines and the previous period's (for the movement): one document.
    assert _reads(few, "finance_budgetline") == 2
    assert _reads(few, "finance_budgetstatedtotal") == 1
    _more_budget_lines(somerset, 135)
    many = _queries(client, BUDGET)
    assert len(many) == len(few), "the budget page's queries grow with its lines"
    assert _reads(many, "finance_budgetline") == 2
    assert "Test service line 134" in client.get(BUDGET).content.decode()


def test_the_dsg_page_builds_its_document_once(signed_in):
    queries = _queries(signed_in("finance"), DSG)
    assert _reads(queries, "finance_dsgline") == 2  # this period's and the previous one's
    assert _reads(queries, "finance_dsgallocation") == 1
    assert _reads(queries, "finance_dsgdeficit") == 1


# A councillor's page also checks that the figures are approved. Building a document twice
# would add 4 (budget) to 7 (DSG) queries.
@pytest.mark.parametrize(("url", "most"), [(SAVINGS, 20), (BUDGET, 21), (DSG, 24)])
def test_a_councillor_sees_the_same_pages_with_a_bounded_number_of_queries(
    signed_in, url, most, django_assert_max_num_queries
):
    client = signed_in("councillor")
    client.get(url)
    with django_assert_max_num_queries(most):
        assert client.get(url).status_code == 200
