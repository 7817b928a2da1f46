"""Units from the headings and title rows (£, £000, £'000, £k, £m, £ million), shown in the
preview and correctable there; implausible figures confirmed, impossible ones refused; only the
digits 0-9 are numbers."""

import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from boardpack.finance.models import BudgetLine
from boardpack.imports.amounts import AmountError, Unit, parse_amount
from boardpack.imports.framework import unit_from_headers
from boardpack.imports.models import ImportRun
from tests.imports.helpers import SAVINGS_HEADER, messages, prepare, xlsx

pytestmark = pytest.mark.django_db

SPELLINGS = {
    "£": Unit.POUNDS,
    "£000": Unit.THOUSANDS,
    "£'000": Unit.THOUSANDS,
    "£’000": Unit.THOUSANDS,
    "£k": Unit.THOUSANDS,
    "£m": Unit.MILLIONS,
    "£ million": Unit.MILLIONS,
    "(£m)": Unit.MILLIONS,
}


@settings(max_examples=60, deadline=None)
@given(
    spelling=st.sampled_from(sorted(SPELLINGS)),
    before=st.sampled_from(["Current budget", "Budget", "Full year projection", "Forecast"]),
    space=st.sampled_from(["", " ", "  "]),
)
def test_any_unit_heading_is_read_as_its_unit(spelling, before, space):
    assert unit_from_headers(["Service area", f"{before}{space}{spelling}"]) == SPELLINGS[spelling]


def prevention(period, somerset):
    from boardpack.core.models import ReportingPeriod

    return ReportingPeriod.objects.get(organisation=somerset, month=period)


def budget_rows(heading: str, budget, projection, title=None):
    rows = [[title]] if title else []
    return rows + [
        [
            "Division",
            "Service area",
            f"Current budget {heading}".strip(),
            f"Projection {heading}".strip(),
        ],
        ["Children's Social Care", "Prevention", budget, projection],
    ]


@pytest.mark.parametrize(
    ("heading", "title", "budget", "expected"),
    [
        ("£", None, 14_520_000, Decimal("14.52")),
        ("£000", None, "14,520", Decimal("14.52")),
        ("£'000", None, "14,520", Decimal("14.52")),
        ("£ million", None, "14.52", Decimal("14.52")),
        ("", "All figures are in £000", "14,520", Decimal("14.52")),
        ("", "Amounts in £", "14,520,000", Decimal("14.52")),
    ],
)
def test_budget_amounts_are_read_in_the_unit_the_file_states(
    somerset, heading, title, budget, expected
):
    period = prevention("2022-12-01", somerset)
    data = xlsx(budget_rows(heading, budget, budget, title))
    preparation = prepare("budget", somerset, period, data)
    assert preparation.plan.ok, messages(preparation)
    change = preparation.plan.changes[0]
    assert change.payload["values"]["current_budget"] == expected


def test_a_pounds_column_is_not_read_as_millions(tmp_path, somerset):
    path = tmp_path / "budget.xlsx"
    path.write_bytes(xlsx(budget_rows("£", 117_833_053, 118_000_000)))
    out = io.StringIO()
    call_command("import", "budget", str(path), "--period", "2022-12", stdout=out, stderr=out)
    assert "amounts in £" in out.getvalue()
    line = BudgetLine.objects.get(service_area__name="Prevention", period__month="2022-12-01")
    assert line.current_budget == Decimal("117.833")  # £m to the three places kept


def test_an_impossible_figure_is_refused_and_an_implausible_one_must_be_confirmed(
    tmp_path, somerset
):
    period = prevention("2022-12-01", somerset)
    refused = prepare("budget", somerset, period, xlsx(budget_rows("£m", 142300000, 142300000)))
    assert "more than any council's budget: check the unit" in messages(refused)
    path = tmp_path / "budget.csv"
    path.write_text("Service area,Current budget £m,Projection £m\nPrevention,1.2bn,1.2bn\n")
    before = BudgetLine.objects.get(service_area__name="Prevention", period=period).current_budget
    out = io.StringIO()
    with pytest.raises(Exception, match="--confirm-figures"):
        call_command("import", "budget", str(path), "--period", "2022-12", stdout=out, stderr=out)
    assert "£1.2bn: check it is right" in out.getvalue()
    line = BudgetLine.objects.get(service_area__name="Prevention", period=period)
    assert line.current_budget == before
    call_command(
        "import",
        "budget",
        str(path),
        "--period",
        "2022-12",
        "--confirm-figures",
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    line.refresh_from_db()
    assert line.current_budget == Decimal("1200")


def test_the_web_apply_needs_the_confirmation_box(signed_in, somerset):
    client = signed_in("finance")
    handle = io.BytesIO(b"Service area,Current budget,Projection\nPrevention,1200,1200\n")
    handle.name = "big.csv"
    response = client.post(
        reverse("imports:start", kwargs={"org": "somerset"}),
        {"dataset": "budget", "period": "2022-12", "unit": "", "file": handle},
    )
    page = client.get(response["Location"]).content.decode()
    assert "far larger than a council" in page and 'name="confirmed"' in page
    run = ImportRun.objects.latest("pk")
    apply_url = reverse("imports:apply", kwargs={"org": "somerset", "run": run.pk})
    client.post(apply_url, {"fingerprint": run.plan_fingerprint})
    run.refresh_from_db()
    assert run.status != ImportRun.Status.APPLIED
    client.post(apply_url, {"fingerprint": run.plan_fingerprint, "confirmed": "yes"})
    run.refresh_from_db()
    assert run.status == ImportRun.Status.APPLIED


def test_the_unit_is_corrected_on_the_preview(signed_in, somerset):
    client = signed_in("finance")
    handle = io.BytesIO(b"Service area,Current budget,Projection\nPrevention,14520,14600\n")
    handle.name = "thousands.csv"
    response = client.post(
        reverse("imports:start", kwargs={"org": "somerset"}),
        {"dataset": "budget", "period": "2022-12", "unit": "", "file": handle},
    )
    preview_url = response["Location"]
    assert "millions (£m)" in client.get(preview_url).content.decode()
    run = ImportRun.objects.latest("pk")
    client.post(
        reverse("imports:unit", kwargs={"org": "somerset", "run": run.pk}), {"unit": "£000"}
    )
    page = client.get(preview_url).content.decode()
    assert "thousands (£000) (as you said)" in page and "far larger" not in page
    run.refresh_from_db()
    assert run.unit == "£000" and run.status == ImportRun.Status.READY


@pytest.mark.parametrize("text", ["١٢٣", "１２３", "1,２34", "۱۲۳", "१२३"])
def test_only_ascii_digits_are_numbers(text):
    with pytest.raises(AmountError, match="digits other than 0-9"):
        parse_amount(text)


def test_foreign_digits_in_a_savings_file_are_refused_cell_by_cell(somerset):
    from boardpack.core.models import ReportingPeriod

    period = ReportingPeriod.objects.get(organisation=somerset, month="2024-06-01")
    data = xlsx([SAVINGS_HEADER, ["CFE010", "", "١١١٠٠", "", "11,100", "", "", ""]], title="MTFP")
    preparation = prepare("savings", somerset, period, data)
    assert "Sheet ‘MTFP’, row 2, column C (Target)" in messages(preparation)
    assert "digits other than 0-9" in messages(preparation)
