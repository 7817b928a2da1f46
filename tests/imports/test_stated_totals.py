"""Stated totals and subtotals in a file are recognised by position and content, kept, and
reconciled in the preview: beyond the rounding tolerance a problem, within it a note."""

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from boardpack.core.models import ReportingPeriod
from tests.imports.helpers import SAVINGS_HEADER, csv_bytes, messages, prepare, xlsx

pytestmark = pytest.mark.django_db

LINES = [  # Somerset's Children's Social Care lines at Month 9 (seed 004), £m
    ("Prevention", "5.7", "5.8"),
    ("Fostering & Permanence", "12.8", "12.4"),
    ("External Placements", "27.4", "41.9"),
]


def month_9(somerset):
    return ReportingPeriod.objects.get(organisation=somerset, month="2022-12-01")


def table(total_label: str, budget_delta: Decimal) -> bytes:
    budget = sum(Decimal(b) for _n, b, _p in LINES) + budget_delta
    projection = sum(Decimal(p) for _n, _b, p in LINES)
    rows = [["Division", "Service area", "Current budget £m", "Projection £m"]]
    rows += [["Children's Social Care", name, b, p] for name, b, p in LINES]
    rows.append(["", total_label, str(budget), str(projection)])
    return csv_bytes(rows)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    tenths=st.integers(min_value=-30, max_value=30),
    label=st.sampled_from(["Total", "TOTALS", "Sub total", "Children's Social Care total"]),
)
def test_a_stated_total_within_rounding_is_a_note_beyond_it_a_problem(somerset, tenths, label):
    delta = Decimal(tenths) / 10
    preparation = prepare("budget", somerset, month_9(somerset), table(label, delta), "t.csv")
    tolerance = Decimal("0.05") * (len(LINES) + 1)  # three lines and the total, to 0.1
    text = messages(preparation) + "\n".join(preparation.plan.notes)
    if abs(delta) > tolerance:
        assert "more than rounding explains" in messages(preparation)
        assert "row 5, column C" in messages(preparation)
    elif delta:
        assert preparation.plan.ok and "within rounding" in text
    else:
        assert preparation.plan.ok and "agrees with the 3 rows it totals" in text
    # the total is never imported as a line
    assert all("Total" not in c.label and "TOTALS" not in c.label for c in preparation.plan.changes)


def test_a_total_row_named_after_the_directorate_is_recognised_by_its_figures(somerset):
    preparation = prepare(
        "budget", somerset, month_9(somerset), table("All services", Decimal(0)), "t.csv"
    )
    assert preparation.plan.ok, messages(preparation)
    notes = "\n".join(preparation.plan.notes)
    assert "Row 5 (‘All services’) adds up the rows above it" in notes
    assert len(preparation.plan.changes) == 3


def test_a_savings_totals_row_that_disagrees_is_refused(somerset):
    june = ReportingPeriod.objects.get(organisation=somerset, month="2024-06-01")
    data = xlsx(
        [
            SAVINGS_HEADER,
            ["CFE010", "", "11,100", "", "11,100", "", "", ""],
            ["CFE013", "", "30,000", "", "30,000", "", "", ""],
            ["", "TOTALS", "41,100", "", "40,100", "", "", ""],
        ]
    )
    preparation = prepare("savings", somerset, june, data)
    assert "The stated achieved (40,100) is not the sum of the 2 rows it totals (41,100)" in (
        messages(preparation)
    )


def test_a_footnote_under_a_savings_table_is_skipped_with_a_note(somerset):
    june = ReportingPeriod.objects.get(organisation=somerset, month="2024-06-01")
    data = xlsx(
        [
            SAVINGS_HEADER,
            ["CFE010", "", "11,100", "", "11,100", "", "", ""],
            [],
            ["Note: figures are provisional"],
            ["Source: MTFP tracker, finance team"],
        ]
    )
    preparation = prepare("savings", somerset, june, data)
    assert preparation.plan.ok, messages(preparation)
    notes = "\n".join(preparation.plan.notes)
    assert "Row 4 (‘Note: figures are provisional’) is a note under the table" in notes
    assert "Row 5" in notes
