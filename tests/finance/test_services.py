"""Writes refuse bad input whole, with a message naming the field."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from boardpack.core.models import ReportingPeriod
from boardpack.finance import services
from boardpack.finance.models import BudgetLine, SavingLine, SavingPosition


def june(org) -> ReportingPeriod:
    return ReportingPeriod.objects.get(organisation=org, month="2024-06-01")


def month_9(org) -> ReportingPeriod:
    return ReportingPeriod.objects.get(organisation=org, month="2022-12-01")


def messages(error: ValidationError) -> dict:
    return error.message_dict


def test_parts_not_adding_up_are_refused_with_the_difference(somerset):
    with pytest.raises(ValidationError) as caught:
        services.saving_position_set(
            organisation=somerset,
            period=june(somerset),
            reference="CFE016",
            on_track=Decimal("1482000"),
            at_risk=Decimal("1900000"),
        )
    text = " ".join(messages(caught.value)["at_risk"])
    assert "£3,800 less than the target of £3,385,800" in text
    position = SavingPosition.objects.get(line__reference="CFE016", period=june(somerset))
    assert position.at_risk == Decimal("1903800")  # nothing written


def test_moving_money_from_on_track_to_at_risk_is_accepted_and_recorded(somerset):
    position = services.saving_position_set(
        organisation=somerset,
        period=june(somerset),
        reference="CFE016",
        on_track="1000000",
        at_risk="2385800",
        comment="Re-projected",
    )
    assert position.at_risk == Decimal("2385800")
    assert position.history.count() == 2


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("target", "about 5k", "is not an amount of money"),
        ("target", "-100", "cannot be negative"),
        ("target", 12.5, "not float"),
        ("target", "1.234", "more precise than pence"),
        ("description", "bad\x00text", "NUL character"),
        ("reference", "", "cannot be blank"),
    ],
)
def test_bad_saving_lines_are_refused(somerset, field, value, message):
    values = {
        "organisation": somerset,
        "reference": "CFE999",
        "financial_year": 2024,
        "description": "A new saving",
        "target": "1000",
    }
    values[field] = value
    with pytest.raises(ValidationError) as caught:
        services.saving_line_set(**values)
    assert field in messages(caught.value)
    assert message in " ".join(messages(caught.value)[field])
    assert not SavingLine.objects.filter(reference="CFE999").exists()


def test_a_duplicate_reference_is_refused_when_it_must_be_new(somerset):
    with pytest.raises(ValidationError) as caught:
        services.saving_line_set(
            organisation=somerset,
            reference="CFE016",
            financial_year=2024,
            description="Again",
            target="1",
            must_be_new=True,
        )
    assert "already a saving CFE016 in 2024/25" in str(caught.value)


def test_an_unknown_reference_is_refused(somerset):
    with pytest.raises(ValidationError) as caught:
        services.saving_position_set(
            organisation=somerset, period=june(somerset), reference="CFE404", achieved="0"
        )
    assert "There is no saving CFE404 in 2024/25" in " ".join(messages(caught.value)["reference"])


def test_a_period_of_another_organisation_is_refused(somerset, dorset):
    other = ReportingPeriod.objects.create(organisation=dorset, month="2024-06-01")
    with pytest.raises(ValidationError) as caught:
        services.saving_position_set(
            organisation=somerset, period=other, reference="CFE016", at_risk="3385800"
        )
    assert "period" in messages(caught.value)


def test_an_unknown_service_area_is_refused(somerset):
    with pytest.raises(ValidationError) as caught:
        services.budget_figures_set(
            organisation=somerset,
            period=month_9(somerset),
            service_area="Youth Offending",
            current_budget="1.0",
            projection="1.1",
        )
    assert "no service area called 'Youth Offending'" in str(caught.value)


def test_a_service_area_named_twice_needs_its_division(somerset):
    with pytest.raises(ValidationError) as caught:
        services.budget_figures_set(
            organisation=somerset,
            period=month_9(somerset),
            service_area="Central",
            current_budget="0.6",
            projection="1.1",
        )
    assert "name its division" in str(caught.value)
    line = services.budget_figures_set(
        organisation=somerset,
        period=month_9(somerset),
        service_area="Central",
        division="Commissioning",
        current_budget="0.7",
        projection="0.9",
    )
    assert line.service_area.parent.name == "Commissioning"
    assert line.projection == Decimal("0.9")


def test_budgets_are_kept_for_service_lines_not_divisions(somerset):
    with pytest.raises(ValidationError) as caught:
        services.budget_figures_set(
            organisation=somerset,
            period=month_9(somerset),
            service_area="Inclusion",
            current_budget="1",
            projection="1",
        )
    assert "budgets are kept for service lines" in str(caught.value)


def test_setting_the_same_figures_again_changes_nothing(somerset):
    line = BudgetLine.objects.get(service_area__name="Prevention", period=month_9(somerset))
    before = line.history.count()
    services.budget_figures_set(
        organisation=somerset,
        period=month_9(somerset),
        service_area="Prevention",
        current_budget=Decimal("5.7"),
        projection=Decimal("5.8"),
        stated_variance=Decimal("0.1"),
        stated_marker="A",
        stated_movement=Decimal("0.0"),
        stated_direction="→",
    )
    assert line.history.count() == before


def test_an_unknown_marker_or_arrow_is_refused(somerset):
    with pytest.raises(ValidationError) as caught:
        services.dsg_figures_set(
            organisation=somerset,
            period=month_9(somerset),
            block="HNB",
            current_budget="67.5",
            projection="71.6",
            stated_direction="^",
        )
    assert "stated_direction" in messages(caught.value)


def test_a_bracketed_zero_is_kept_as_stated(somerset):
    line = services.dsg_figures_set(
        organisation=somerset,
        period=month_9(somerset),
        block="Central Schools Block (CSB)",
        current_budget="5.6",
        projection="5.6",
        stated_variance=Decimal("-0.0"),
        stated_marker="-",
        stated_movement="0.2",
        stated_direction="↓",
    )
    assert line.stated_variance == 0 and line.stated_variance_negative


def test_an_unknown_dsg_block_is_refused(somerset):
    with pytest.raises(ValidationError) as caught:
        services.dsg_figures_set(
            organisation=somerset,
            period=month_9(somerset),
            block="Growth Fund",
            current_budget="1",
            projection="1",
        )
    assert "no DSG block called 'Growth Fund'" in str(caught.value)


@settings(max_examples=40, deadline=None)
@given(text=st.text(max_size=30))
def test_any_text_in_a_money_field_is_refused_or_understood(text):
    try:
        amount = services.clean_amount(text, field="target", places=2, minimum=Decimal("0"))
    except ValidationError as exc:
        assert "target" in exc.message_dict
    else:
        assert amount is not None and amount >= 0
        assert amount == amount.quantize(Decimal("0.01"))


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    parts=st.lists(
        st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False), min_size=4, max_size=4
    ),
    extra=st.decimals(min_value=Decimal("0.01"), max_value=10**6, places=2),
)
def test_positions_save_only_when_parts_add_up(somerset, parts, extra):
    with transaction.atomic():
        line = SavingLine(
            organisation=somerset,
            reference="HYP1",
            financial_year=2024,
            description="x",
            target=sum(parts),
        )
        line.save()
        position = SavingPosition(
            line=line,
            period=june(somerset),
            over_achieved=parts[0],
            achieved=parts[1],
            on_track=parts[2],
            at_risk=parts[3],
        )
        position.full_clean()
        position.at_risk = parts[3] + extra
        with pytest.raises(ValidationError):
            position.full_clean()
        transaction.set_rollback(True)
