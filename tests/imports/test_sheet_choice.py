"""Which sheet is read: hidden and very hidden sheets never unless picked; of several sheets
holding the table, the active one, and the preview says which others matched; the user can
switch sheet on the preview."""

import io

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from boardpack.core.models import ReportingPeriod
from boardpack.imports.models import ImportRun
from tests.imports.helpers import SAVINGS_HEADER, prepare

pytestmark = pytest.mark.django_db

REAL = ["CFE010", "", "11,100", "", "11,100", "", "", "Real figures"]
DRAFT = ["CFE010", "", "11,100", "", "", "", "11,100", "DRAFT - do not use"]


def workbook(sheets: list[tuple[str, str, list]], active: str) -> bytes:
    """``sheets``: (title, state, data row) in order; every sheet holds a savings table."""
    book = Workbook()
    book.remove(book.active)
    for title, state, row in sheets:
        sheet = book.create_sheet(title)
        sheet.append(SAVINGS_HEADER)
        sheet.append(row)
        sheet.sheet_state = state
    book.active = [t for t, _s, _r in sheets].index(active)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def june(organisation):
    return ReportingPeriod.objects.get(organisation=organisation, month="2024-06-01")


def comment_read(preparation) -> str:
    return next(c.after.get("comment", "") for c in preparation.plan.changes)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    drafts=st.lists(st.sampled_from(["hidden", "veryHidden"]), min_size=1, max_size=4),
    position=st.integers(min_value=0, max_value=4),
)
def test_hidden_sheets_are_never_read_whatever_their_order(somerset, drafts, position):
    sheets = [(f"Workings {i}", state, DRAFT) for i, state in enumerate(drafts)]
    sheets.insert(min(position, len(sheets)), ("MTFP", "visible", REAL))
    preparation = prepare("savings", somerset, june(somerset), workbook(sheets, "MTFP"))
    assert preparation.layout.sheet.name == "MTFP"
    assert comment_read(preparation) == "Real figures"
    assert any("not read" in note and "Workings 0" in note for note in preparation.plan.notes)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(count=st.integers(min_value=2, max_value=10), data=st.data())
def test_of_several_matching_sheets_the_active_one_is_read_and_the_others_named(
    somerset, count, data
):
    active = data.draw(st.integers(min_value=0, max_value=count - 1))
    sheets = [
        (f"Month {i}", "visible", REAL[:-1] + [f"figures of sheet {i}"]) for i in range(count)
    ]
    preparation = prepare("savings", somerset, june(somerset), workbook(sheets, f"Month {active}"))
    assert preparation.layout.sheet.name == f"Month {active}"
    assert comment_read(preparation) == f"figures of sheet {active}"
    note = next(n for n in preparation.plan.notes if "also hold" in n)
    assert "the sheet open when the workbook was saved" in note
    assert all(f"‘Month {i}’" in note for i in range(count) if i != active)


def test_a_very_hidden_draft_is_read_only_when_picked_on_the_preview(signed_in, somerset):
    client = signed_in("finance")
    data = workbook(
        [("DRAFT - do not use", "veryHidden", DRAFT), ("MTFP", "visible", REAL)], "MTFP"
    )
    handle = io.BytesIO(data)
    handle.name = "tracker.xlsx"
    response = client.post(
        reverse("imports:start", kwargs={"org": "somerset"}),
        {"dataset": "savings", "period": "2024-06", "unit": "", "file": handle},
    )
    page = client.get(response["Location"]).content.decode()
    assert "Real figures" in page and "DRAFT - do not use (hidden)" in page
    assert "The hidden sheet ‘DRAFT - do not use’ was not read" in page
    run = ImportRun.objects.latest("pk")
    client.post(
        reverse("imports:sheet", kwargs={"org": "somerset", "run": run.pk}),
        {"sheet": "DRAFT - do not use"},
    )
    page = client.get(response["Location"]).content.decode()
    assert "is a hidden sheet: it is read because you chose it" in page
    run.refresh_from_db()
    assert run.sheet_name == "DRAFT - do not use"
    assert "Sheet ‘DRAFT - do not use’, headings in row 1" in page
