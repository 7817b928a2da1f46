"""Writes to the finance records: typed, keyword-only, validated whole, in one transaction.

Every service refuses bad input with a ``ValidationError`` whose message names the field, and
saves nothing when a value is unchanged, so importing the same figures twice changes nothing
(history included). Importers call these one row at a time inside their own
``transaction.atomic()`` and collect the errors.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import models, transaction

from boardpack.core.models import Organisation, ReportingPeriod
from boardpack.finance.models import (
    BudgetLine,
    BudgetStatedTotal,
    Direction,
    DSGAllocation,
    DSGAllocationStatedTotal,
    DSGBlock,
    DSGDeficit,
    DSGLine,
    DSGStatedTotal,
    Marker,
    SavingLine,
    SavingPosition,
    SavingsStatedTotal,
    ServiceArea,
)
from boardpack.programme.models import Project, Workstream

M = TypeVar("M", bound=models.Model)
Amount = Decimal | int | str

POUND_PLACES = 2
MILLION_PLACES = 3
MAX_AMOUNT = Decimal(10) ** 11


# --------------------------------------------------------------------------------------------
# Checking input


def clean_text(value: Any, *, field: str, required: bool = False) -> str:
    """Text as given, stripped; NUL characters (which PostgreSQL refuses) are refused here."""
    text = "" if value is None else str(value)
    if "\x00" in text:
        raise ValidationError({field: "The text contains a NUL character: retype it."})
    text = text.strip()
    if required and not text:
        raise ValidationError({field: "This cannot be blank."})
    return text


def clean_amount(
    value: Any, *, field: str, places: int, minimum: Decimal | None = None, required: bool = True
) -> Decimal | None:
    """A ``Decimal`` with at most ``places`` decimal places, or a clear refusal naming ``field``.

    Accepts ``Decimal``, ``int`` and plain numeric text (``"1234.5"``); refuses floats (they
    cannot hold pence exactly), text such as ``"about 5k"``, NaN and infinities.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError({field: "Give an amount."})
        return None
    if isinstance(value, bool) or isinstance(value, float):
        raise ValidationError(
            {field: f"Give the amount as a decimal number, not {type(value).__name__}."}
        )
    if isinstance(value, str):
        clean_text(value, field=field)
        try:
            amount = Decimal(value.strip())
        except InvalidOperation:
            raise ValidationError(
                {field: f"{value.strip()!r} is not an amount of money."}
            ) from None
    elif isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, Decimal):
        amount = value
    else:
        raise ValidationError({field: f"{value!r} is not an amount of money."})
    if not amount.is_finite():
        raise ValidationError({field: f"{value!r} is not an amount of money."})
    if abs(amount) >= MAX_AMOUNT:
        raise ValidationError({field: f"{amount} is too large to be right."})
    if amount != amount.quantize(Decimal(1).scaleb(-places)):
        unit = "pence" if places == POUND_PLACES else f"{places} decimal places"
        raise ValidationError({field: f"{amount} is more precise than {unit}."})
    if minimum is not None and amount < minimum:
        raise ValidationError({field: f"{amount} cannot be negative."})
    return amount + 0  # drops a negative zero's sign


def clean_choice(value: Any, choices: type[models.TextChoices], *, field: str) -> str:
    text = clean_text(value, field=field)
    if text and text not in choices.values:
        allowed = ", ".join(f"{c!r}" for c in choices.values)
        raise ValidationError({field: f"{text!r} is not one of {allowed}."})
    return text


def clean_period(period: ReportingPeriod, organisation: Organisation) -> ReportingPeriod:
    if period.organisation_id != organisation.pk:
        raise ValidationError({"period": "That period belongs to another organisation."})
    return period


def save_changes(model: type[M], lookup: dict[str, Any], values: dict[str, Any]) -> M:
    """Create, or update only what differs; ``full_clean()`` before any save."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
    elif all(getattr(obj, k) == v for k, v in values.items()):
        return obj
    else:
        for key, value in values.items():
            setattr(obj, key, value)
    obj.full_clean()
    obj.save()
    return obj


def _signed(value: Any) -> bool:
    """Whether a stated figure is negative, counting a negative zero (``(0.0)`` as
    ``Decimal("-0.0")``): the source's brackets say which way a tiny figure went."""
    return isinstance(value, Decimal) and value.is_signed()


def _stated(
    *, variance: Any, marker: Any, movement: Any, direction: Any, negative: tuple[bool, bool]
) -> dict[str, Any]:
    negative = (negative[0] or _signed(variance), negative[1] or _signed(movement))
    stated_variance = clean_amount(
        variance, field="stated_variance", places=MILLION_PLACES, required=False
    )
    stated_movement = clean_amount(
        movement, field="stated_movement", places=MILLION_PLACES, required=False
    )
    return {
        "stated_variance": stated_variance,
        "stated_variance_negative": bool(
            negative[0] or (stated_variance is not None and stated_variance < 0)
        ),
        "stated_marker": clean_choice(marker, Marker, field="stated_marker"),
        "stated_movement": stated_movement,
        "stated_movement_negative": bool(
            negative[1] or (stated_movement is not None and stated_movement < 0)
        ),
        "stated_direction": clean_choice(direction, Direction, field="stated_direction"),
    }


# --------------------------------------------------------------------------------------------
# Savings


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
    over_achieved: Amount = Decimal("0"),
    achieved: Amount = Decimal("0"),
    on_track: Amount = Decimal("0"),
    at_risk: Amount = Decimal("0"),
    comment: str = "",
    financial_year: int | None = None,
) -> SavingPosition:
    """Set a saving's position in a period; the four parts must add up to its target.

    ``financial_year`` defaults to the year the period falls in. Blank parts are nil.
    """
    clean_period(period, organisation)
    year = financial_year if financial_year is not None else period.period.financial_year.start_year
    line = saving_line_get(organisation=organisation, reference=reference, financial_year=year)
    values: dict[str, Any] = {
        name: clean_amount(
            value if value not in (None, "") else Decimal("0"),
            field=name,
            places=POUND_PLACES,
            minimum=Decimal("0"),
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


# --------------------------------------------------------------------------------------------
# Revenue budget


@transaction.atomic
def service_area_set(
    *,
    organisation: Organisation,
    name: str,
    level: str,
    parent: ServiceArea | None = None,
    order: int = 0,
) -> ServiceArea:
    name = clean_text(name, field="service_area", required=True)
    level = clean_choice(level, ServiceArea.Level, field="level")
    lookup = {"organisation": organisation, "parent": parent, "name": name}
    return save_changes(ServiceArea, lookup, {"level": level, "order": order})


def service_area_get(
    *, organisation: Organisation, name: str, division: str | None = None
) -> ServiceArea:
    """A service area by name; ``division`` tells apart lines named alike (``Central``)."""
    name = clean_text(name, field="service_area", required=True)
    found = ServiceArea.objects.filter(organisation=organisation, name__iexact=name)
    if division:
        division = clean_text(division, field="division")
        found = found.filter(parent__name__iexact=division)
    areas = list(found[:2])
    if not areas:
        where = f" in {division}" if division else ""
        raise ValidationError({"service_area": f"There is no service area called {name!r}{where}."})
    if len(areas) > 1:
        raise ValidationError(
            {"service_area": f"More than one service area is called {name!r}: name its division."}
        )
    return areas[0]


@transaction.atomic
def budget_figures_set(
    *,
    organisation: Organisation,
    period: ReportingPeriod,
    service_area: str | ServiceArea,
    current_budget: Amount,
    projection: Amount,
    division: str | None = None,
    stated_variance: Amount | None = None,
    stated_marker: str = "",
    stated_movement: Amount | None = None,
    stated_direction: str = "",
    stated_variance_negative: bool = False,
    stated_movement_negative: bool = False,
) -> BudgetLine:
    """Set a service line's budget and projection (£m) for a period, with what the source
    states beside them (variance, A/(F), movement, arrow) kept for the checks."""
    clean_period(period, organisation)
    area = (
        service_area
        if isinstance(service_area, ServiceArea)
        else service_area_get(organisation=organisation, name=service_area, division=division)
    )
    if area.organisation_id != organisation.pk:
        raise ValidationError({"service_area": "That service area is another organisation's."})
    if area.level != ServiceArea.Level.SERVICE_LINE:
        raise ValidationError(
            {
                "service_area": f"{area.name} is a {area.get_level_display().lower()}: "
                "budgets are kept for service lines."
            }
        )
    values = {
        "current_budget": clean_amount(
            current_budget, field="current_budget", places=MILLION_PLACES
        ),
        "projection": clean_amount(projection, field="projection", places=MILLION_PLACES),
        **_stated(
            variance=stated_variance,
            marker=stated_marker,
            movement=stated_movement,
            direction=stated_direction,
            negative=(stated_variance_negative, stated_movement_negative),
        ),
    }
    return save_changes(BudgetLine, {"service_area": area, "period": period}, values)


def _stated_total_values(
    *,
    label: str,
    current_budget: Any,
    projection: Any,
    variance: Any,
    marker: Any,
    movement: Any,
    direction: Any,
    variance_negative: bool,
    movement_negative: bool,
) -> dict[str, Any]:
    variance_negative = variance_negative or _signed(variance)
    movement_negative = movement_negative or _signed(movement)

    def amount(value: Any, field: str) -> Decimal | None:
        return clean_amount(value, field=field, places=MILLION_PLACES, required=False)

    variance_d = amount(variance, "variance")
    movement_d = amount(movement, "movement")
    return {
        "label": clean_text(label, field="label"),
        "current_budget": amount(current_budget, "current_budget"),
        "projection": amount(projection, "projection"),
        "variance": variance_d,
        "variance_negative": bool(variance_negative or (variance_d is not None and variance_d < 0)),
        "marker": clean_choice(marker, Marker, field="marker"),
        "movement": movement_d,
        "movement_negative": bool(movement_negative or (movement_d is not None and movement_d < 0)),
        "direction": clean_choice(direction, Direction, field="direction"),
    }


@transaction.atomic
def budget_stated_total_set(
    *,
    organisation: Organisation,
    period: ReportingPeriod,
    service_area: str | ServiceArea,
    label: str = "",
    current_budget: Amount | None = None,
    projection: Amount | None = None,
    variance: Amount | None = None,
    marker: str = "",
    movement: Amount | None = None,
    direction: str = "",
    variance_negative: bool = False,
    movement_negative: bool = False,
) -> BudgetStatedTotal:
    """Keep a division's subtotal or the directorate's total as the source states it."""
    clean_period(period, organisation)
    area = (
        service_area
        if isinstance(service_area, ServiceArea)
        else service_area_get(organisation=organisation, name=service_area)
    )
    if area.level == ServiceArea.Level.SERVICE_LINE:
        raise ValidationError(
            {"service_area": f"{area.name} is a service line: totals are for divisions."}
        )
    values = _stated_total_values(
        label=label,
        current_budget=current_budget,
        projection=projection,
        variance=variance,
        marker=marker,
        movement=movement,
        direction=direction,
        variance_negative=variance_negative,
        movement_negative=movement_negative,
    )
    return save_changes(BudgetStatedTotal, {"service_area": area, "period": period}, values)


# --------------------------------------------------------------------------------------------
# Dedicated Schools Grant


@transaction.atomic
def dsg_block_set(
    *, organisation: Organisation, kind: str, name: str, abbreviation: str = "", order: int = 0
) -> DSGBlock:
    kind = clean_choice(kind, DSGBlock.Kind, field="kind")
    if not kind:
        raise ValidationError({"kind": "Say which block this is."})
    values = {
        "name": clean_text(name, field="name", required=True),
        "abbreviation": clean_text(abbreviation, field="abbreviation"),
        "order": order,
    }
    return save_changes(DSGBlock, {"organisation": organisation, "kind": kind}, values)


def dsg_block_get(*, organisation: Organisation, block: str) -> DSGBlock:
    """A block by kind (``high_needs``), abbreviation (``HNB``), name, or a row label the
    source used for it (``Central Schools Block (CSB)``)."""
    text = clean_text(block, field="block", required=True)
    blocks = DSGBlock.objects.filter(organisation=organisation)
    key = text.rstrip("* ").strip().lower()
    for candidate in blocks:
        names = {
            candidate.kind,
            candidate.name.lower(),
            candidate.abbreviation.lower(),
            str(candidate).lower(),
        }
        names |= {
            label.rstrip("* ").strip().lower()
            for label in candidate.lines.values_list("row_label", flat=True).distinct()
        }
        names |= {
            label.rstrip("* ").strip().lower()
            for label in candidate.allocations.values_list("row_label", flat=True).distinct()
        }
        if key in names - {""}:
            return candidate
    raise ValidationError({"block": f"There is no DSG block called {text!r}."})


def _block(organisation: Organisation, block: str | DSGBlock) -> DSGBlock:
    if isinstance(block, DSGBlock):
        if block.organisation_id != organisation.pk:
            raise ValidationError({"block": "That block is another organisation's."})
        return block
    return dsg_block_get(organisation=organisation, block=block)


@transaction.atomic
def dsg_allocation_set(
    *,
    organisation: Organisation,
    financial_year: int,
    block: str | DSGBlock,
    before_recoupment: Amount,
    recoupment: Amount,
    stated_after_recoupment: Amount | None = None,
    row_label: str = "",
) -> DSGAllocation:
    found = _block(organisation, block)
    values = {
        "before_recoupment": clean_amount(
            before_recoupment, field="before_recoupment", places=MILLION_PLACES
        ),
        "recoupment": clean_amount(recoupment, field="recoupment", places=MILLION_PLACES),
        "stated_after_recoupment": clean_amount(
            stated_after_recoupment,
            field="stated_after_recoupment",
            places=MILLION_PLACES,
            required=False,
        ),
        "row_label": clean_text(row_label, field="row_label"),
    }
    return save_changes(DSGAllocation, {"block": found, "financial_year": financial_year}, values)


@transaction.atomic
def dsg_allocation_stated_total_set(
    *,
    organisation: Organisation,
    financial_year: int,
    label: str = "",
    before_recoupment: Amount | None = None,
    recoupment: Amount | None = None,
    after_recoupment: Amount | None = None,
) -> DSGAllocationStatedTotal:
    values = {
        name: clean_amount(value, field=name, places=MILLION_PLACES, required=False)
        for name, value in (
            ("before_recoupment", before_recoupment),
            ("recoupment", recoupment),
            ("after_recoupment", after_recoupment),
        )
    }
    values["label"] = clean_text(label, field="label")
    lookup = {"organisation": organisation, "financial_year": financial_year}
    return save_changes(DSGAllocationStatedTotal, lookup, values)


@transaction.atomic
def dsg_figures_set(
    *,
    organisation: Organisation,
    period: ReportingPeriod,
    block: str | DSGBlock,
    current_budget: Amount,
    projection: Amount,
    row_label: str = "",
    stated_variance: Amount | None = None,
    stated_marker: str = "",
    stated_movement: Amount | None = None,
    stated_direction: str = "",
    stated_variance_negative: bool = False,
    stated_movement_negative: bool = False,
) -> DSGLine:
    """Set a DSG block's budget and projection (£m) for a period, as for the revenue table."""
    clean_period(period, organisation)
    found = _block(organisation, block)
    values = {
        "current_budget": clean_amount(
            current_budget, field="current_budget", places=MILLION_PLACES
        ),
        "projection": clean_amount(projection, field="projection", places=MILLION_PLACES),
        "row_label": clean_text(row_label, field="row_label"),
        **_stated(
            variance=stated_variance,
            marker=stated_marker,
            movement=stated_movement,
            direction=stated_direction,
            negative=(stated_variance_negative, stated_movement_negative),
        ),
    }
    return save_changes(DSGLine, {"block": found, "period": period}, values)


@transaction.atomic
def dsg_stated_total_set(
    *,
    organisation: Organisation,
    period: ReportingPeriod,
    label: str = "",
    current_budget: Amount | None = None,
    projection: Amount | None = None,
    variance: Amount | None = None,
    marker: str = "",
    movement: Amount | None = None,
    direction: str = "",
    variance_negative: bool = False,
    movement_negative: bool = False,
) -> DSGStatedTotal:
    clean_period(period, organisation)
    values = _stated_total_values(
        label=label,
        current_budget=current_budget,
        projection=projection,
        variance=variance,
        marker=marker,
        movement=movement,
        direction=direction,
        variance_negative=variance_negative,
        movement_negative=movement_negative,
    )
    return save_changes(DSGStatedTotal, {"organisation": organisation, "period": period}, values)


@transaction.atomic
def dsg_deficit_set(
    *,
    organisation: Organisation,
    period: ReportingPeriod,
    kind: str,
    as_at: dt.date,
    amount: Amount,
    decimals_reported: int = 1,
) -> DSGDeficit:
    clean_period(period, organisation)
    kind = clean_choice(kind, DSGDeficit.Kind, field="kind")
    if not kind:
        raise ValidationError({"kind": "Say whether the deficit is actual or forecast."})
    values = {
        "amount": clean_amount(amount, field="amount", places=MILLION_PLACES),
        "decimals_reported": decimals_reported,
    }
    lookup = {"organisation": organisation, "period": period, "kind": kind, "as_at": as_at}
    return save_changes(DSGDeficit, lookup, values)
