"""Random and hostile files and cells fed to the importers: only structured problems, no 500s."""

import io

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from boardpack.core.models import ReportingPeriod
from tests.imports.helpers import SAVINGS_HEADER, csv_bytes, prepare, xlsx

pytestmark = pytest.mark.django_db

HEADERS = {
    "savings": SAVINGS_HEADER,
    "budget": [
        "Division",
        "Service Area",
        "Current Budget £m",
        "Full Year Projection £m",
        "Variance",
        "A/(F)",
        "Movement",
        "Direction",
    ],
    "dsg": ["DSG Block", "Current Budget (£m)", "Full Year Projection (£m)", "Variance", "A/(F)"],
}
# Text that a spreadsheet can hold (no NUL or other XML-illegal control characters for .xlsx).
cell_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30
)
cell = st.one_of(
    cell_text,
    st.sampled_from(
        [
            "",
            "-",
            "(0.4)",
            "£1.2m",
            "1,234",
            "TOTALS",
            "sub total",
            "CFE001",
            "Prevention",
            "Central",
            "A",
            "(F)",
            "↑",
            "=1+1",
            "2024-06",
        ]
    ),
    st.integers(min_value=-(10**16), max_value=10**16),
    st.floats(allow_nan=False, allow_infinity=False),
    st.none(),
)
rows = st.lists(st.lists(cell, max_size=9), max_size=8)


def no_crash(preparation):
    for problem in preparation.plan.problems:
        assert problem.message


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(dataset=st.sampled_from(sorted(HEADERS)), body=rows, as_csv=st.booleans())
def test_random_cells_give_a_plan_or_problems(somerset, dataset, body, as_csv):
    period = ReportingPeriod.objects.get(
        organisation=somerset, month="2024-06-01" if dataset == "savings" else "2022-12-01"
    )
    table = [HEADERS[dataset], *body]
    if as_csv:
        data = csv_bytes([["" if v is None else str(v) for v in row] for row in table])
        no_crash(prepare(dataset, somerset, period, data, "x.csv"))
    else:
        # openpyxl cannot write XML-illegal characters, so a real workbook never holds them.
        cleaned = [
            [ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in row]
            for row in table
        ]
        no_crash(prepare(dataset, somerset, period, xlsx(cleaned)))


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.binary(max_size=2000))
def test_random_bytes_uploaded_give_a_page_not_an_error(signed_in, data):
    client = signed_in("finance")
    handle = io.BytesIO(data)
    handle.name = "random.xlsx"
    response = client.post(
        reverse("imports:start", kwargs={"org": "somerset"}),
        {"dataset": "budget", "period": "2022-12", "unit": "", "file": handle},
    )
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert client.get(response["Location"], follow=True).status_code == 200
