"""Savings (MTFP): saving lines, their positions and the tracker's stated totals."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from boardpack.core.models import Organisation, ReportingPeriod
from boardpack.finance.models import (
    SavingLine,
    SavingPosition,
    SavingsStatedTotal,
)
from boardpack.finance.services.cleaning import (
    POUND_PLACES,
    Amount,
    clean_amount,
    clean_period,
    clean_text,
    save_changes,
)
from boardpack.programme.models import Project, Workstream


@transaction.atomic
def saving_line_set(
    *,
    organisation: Organisation,
    reference: str,
    financial_year: int,
    description: str,
    target: Amount,
    workstream: Workstream | None = None,
    project: Project | None = None,
    order: int | None = None,
    must_be_new: bool = False,
) -> SavingLine:
    """Create or update a saving line, found by reference and financial year.

    ``must_be_new`` refuses a reference that already exists (a duplicate).
    """
    reference = clean_text(reference, field="reference", required=True)
    if (
        must_be_new
        and SavingLine.objects.filter(
            organisation=organisation, reference=reference, financial_year=financial_year
        ).exists()
    ):
        raise ValidationError(
            {
                "reference": f"There is already a saving {reference} in "
                f"{financial_year}/{(financial_year + 1) % 100:02d}."
            }
        )
    values: dict[str, Any] = {
        "description": clean_text(description, field="description", required=True),
        "target": clean_amount(target, field="target", places=POUND_PLACES, minimum=Decimal("0")),
        "workstream": workstream,
        "project": project,
    }
    if order is not None:
        values["order"] = order
    lookup = {
        "organisation": organisation,
        "reference": reference,
        "financial_year": financial_year,
    }
    return save_changes(SavingLine, lookup, values)


def saving_line_get(
    *, organisation: Organisation, reference: str, financial_year: int
) -> SavingLine:
    reference = clean_text(reference, field="reference", required=True)
    line = SavingLine.objects.filter(
        organisation=organisation, reference=reference, financial_year=financial_year
    ).first()
    if line is None:
        raise ValidationError(
            {
                "reference": f"There is no saving {reference} in {financial_year}/"
                f"{(financial_year + 1) % 100:02d}."
            }
        )
    return line


@transaction.atomic
def saving_position_set(
    *,
    organisation: Organisation,
    period: ReportingPeriod,
    reference: str,
    over_achieved: Amount | None = None,
    achieved: Amount | None = None,
    on_track: Amount | None = None,
    at_risk: Amount | None = None,
    comment: str = "",
    financial_year: int | None = None,
) -> SavingPosition:
    """Set a saving's position in a period; the parts given must add up to its target.

    ``financial_year`` defaults to the year the period falls in. A blank part stays blank
    (``None``): it is not reported, which is not the same as £0.
    """
    clean_period(period, organisation)
    year = financial_year if financial_year is not None else period.period.financial_year.start_year
    line = saving_line_get(organisation=organisation, reference=reference, financial_year=year)
    values: dict[str, Any] = {
        name: clean_amount(
            value, field=name, places=POUND_PLACES, minimum=Decimal("0"), required=False
        )
        for name, value in (
            ("over_achieved", over_achieved),
            ("achieved", achieved),
            ("on_track", on_track),
            ("at_risk", at_risk),
        )
    }
    values["comment"] = clean_text(comment, field="comment")
    return save_changes(SavingPosition, {"line": line, "period": period}, values)


@transaction.atomic
def savings_stated_totals_set(
    *,
    organisation: Organisation,
    period: ReportingPeriod,
    financial_year: int,
    target: Amount | None = None,
    over_achieved: Amount | None = None,
    achieved: Amount | None = None,
    on_track: Amount | None = None,
    at_risk: Amount | None = None,
) -> SavingsStatedTotal:
    """Keep the TOTALS row a tracker states, for the quality checks."""
    clean_period(period, organisation)
    values = {
        name: clean_amount(value, field=name, places=POUND_PLACES, required=False)
        for name, value in (
            ("target", target),
            ("over_achieved", over_achieved),
            ("achieved", achieved),
            ("on_track", on_track),
            ("at_risk", at_risk),
        )
    }
    lookup = {"organisation": organisation, "financial_year": financial_year, "period": period}
    return save_changes(SavingsStatedTotal, lookup, values)
