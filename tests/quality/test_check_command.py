"""``boardpack check``: Django's system checks, and with --period the reconciliation."""

import io
from decimal import Decimal

import pytest
from django.core.management import call_command

from boardpack.finance.models import BudgetStatedTotal, DSGStatedTotal, SavingsStatedTotal


def run_check(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    try:
        call_command("check", *args, stdout=out)
    except SystemExit as exc:
        return int(exc.code), out.getvalue()
    return 0, out.getvalue()


def test_without_a_period_it_is_djangos_system_check():
    code, out = run_check()
    assert code == 0
    assert "System check identified no issues" in out


def test_djangos_check_options_still_work():
    code, out = run_check("--list-tags")
    assert code == 0 and "models" in out


@pytest.mark.django_db
def test_the_demo_dsg_total_is_within_rounding_tolerance():
    code, out = run_check("--period", "2022-12", "--organisation", "somerset")
    assert code == 0, out
    assert (
        "NOTE  DSG monitoring Month 9 2022/23 › Total › Full year projection £m: "
        "stated 107.9, computed 108.0." in out
    )
    assert "within the rounding tolerance of 4 × 0.05 = 0.20" in out
    assert "0 error(s), 6 note(s)." in out


@pytest.mark.django_db
def test_the_seed_rows_its_rounded_figures_do_not_support_are_explained():
    code, out = run_check("--period", "2022-12")
    assert "Central Schools Block (CSB) › Variance £m: stated (0.0), computed 0.0" in out
    assert "Early Years (EYB) › Direction: stated ↓ (movement 0.0), computed →" in out
    assert "fits only a rise of less than £0.05m" in out
    assert "De-delegated › Movement: stated (0.0), computed 0.0" in out
    assert "Revenue budget" not in out  # the revenue table agrees with itself throughout


@pytest.mark.django_db
def test_a_real_mismatch_in_the_dsg_total_is_an_error(somerset):
    DSGStatedTotal.objects.filter(organisation=somerset).update(projection=Decimal("109.9"))
    code, out = run_check("--period", "2022-12")
    assert code == 1
    assert "ERROR DSG monitoring Month 9 2022/23 › Total › Full year projection £m: " in out
    assert "stated 109.9, computed 108.0" in out
    assert "more than rounding explains" in out


@pytest.mark.django_db
def test_a_budget_subtotal_mismatch_is_an_error(somerset):
    BudgetStatedTotal.objects.filter(service_area__name="Inclusion").update(
        current_budget=Decimal("23.5")
    )
    code, out = run_check("--period", "2022-12")
    assert code == 1
    assert "Inclusion sub total › Current budget £m: stated 23.5, computed 22.5" in out


@pytest.mark.django_db
def test_a_savings_total_mismatch_is_an_error(somerset):
    code, out = run_check("--period", "2024-06")
    assert code == 0 and "MTFP tracker" not in out  # (a performance note may be there)
    SavingsStatedTotal.objects.filter(organisation=somerset).update(at_risk=Decimal("4031000"))
    code, out = run_check("--period", "2024-06")
    assert code == 1
    assert "MTFP tracker 24/25 › TOTALS › At Risk: stated 4,031,000, computed 4,031,300" in out


@pytest.mark.django_db
def test_a_period_in_the_wrong_form_is_refused():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="YYYY-MM"):
        call_command("check", "--period", "Dec 2022")
