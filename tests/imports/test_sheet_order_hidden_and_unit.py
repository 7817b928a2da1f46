"""Hypothesis: whatever the order of a workbook's sheets, whichever of them are hidden or very
hidden drafts, and however its headings state the unit, the visible table is read, in its unit."""

import io
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from boardpack.core.models import ReportingPeriod
from tests.imports.helpers import messages, prepare

pytestmark = pytest.mark.django_db

# Prevention at Month 9 (seed 004): £5.7m budget, £5.8m projection, as each unit writes it.
UNITS = {
    "£": ("5,700,000", "5,800,000"),
    "£000": ("5,700", "5,800"),
    "£'000": ("5,700", "5,800"),
    "£k": ("5,700", "5,800"),
    "£m": ("5.7", "5.8"),
    "£ million": ("5.7", "5.8"),
}


def book(sheets: list[tuple[str, str, list[list]]]) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, state, rows in sheets:
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
        sheet.sheet_state = state
    workbook.active = next(i for i, (_t, state, _r) in enumerate(sheets) if state == "visible")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    unit=st.sampled_from(sorted(UNITS)),
    drafts=st.lists(st.sampled_from(["hidden", "veryHidden"]), max_size=3),
    position=st.integers(min_value=0, max_value=3),
)
def test_the_visible_table_is_read_in_its_stated_unit(somerset, unit, drafts, position):
    budget, projection = UNITS[unit]
    header = ["Division", "Service area", f"Current budget {unit}", f"Projection {unit}"]
    real = [header, ["Children's Social Care", "Prevention", budget, projection]]
    draft = [header, ["Children's Social Care", "Prevention", "1", "2"]]
    sheets = [(f"Workings {i}", state, draft) for i, state in enumerate(drafts)]
    sheets.insert(min(position, len(sheets)), ("Monitoring", "visible", real))
    period = ReportingPeriod.objects.get(organisation=somerset, month="2022-12-01")
    preparation = prepare("budget", somerset, period, book(sheets))
    assert preparation.plan.ok, messages(preparation)
    assert preparation.layout.sheet.name == "Monitoring"
    change = preparation.plan.changes[0]
    values = change.payload["values"]
    assert (values["current_budget"], values["projection"]) == (Decimal("5.7"), Decimal("5.8"))
