"""Revenue budget: service areas, budget figures and stated subtotals and totals."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction

from boardpack.core.models import Organisation, ReportingPeriod
from boardpack.finance.models import (
    BudgetLine,
    BudgetStatedTotal,
    ServiceArea,
)
from boardpack.finance.services.cleaning import (
    Amount,
    clean_choice,
    clean_period,
    clean_text,
    save_changes,
)
from boardpack.finance.services.monitoring import monitoring_values, stated_total_values


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


@transaction.atomic
def service_area_save(
    *,
    organisation: Organisation,
    name: str,
    level: str,
    parent: ServiceArea | None,
    area: ServiceArea | None = None,
    order: int | None = None,
) -> ServiceArea:
    """Add a service area (``area`` None) or rename / move one, placed last unless ``order``.

    The model's rules hold: a directorate has no parent, a division sits in a directorate and a
    service line in a division, all of the same organisation; names are unique under a parent.
    """
    name = clean_text(name, field="name", required=True)
    level = clean_choice(level, ServiceArea.Level, field="level")
    if not level:
        raise ValidationError({"level": "Choose whether this is a directorate, division or line."})
    if area is not None and area.organisation_id != organisation.pk:
        raise ValidationError({"name": "That service area is another organisation's."})
    if parent is not None and parent.organisation_id != organisation.pk:
        raise ValidationError({"parent": "That parent is another organisation's."})
    clash = ServiceArea.objects.filter(organisation=organisation, parent=parent, name__iexact=name)
    if area is not None:
        clash = clash.exclude(pk=area.pk)
    if clash.exists():
        where = f" in {parent.name}" if parent else ""
        raise ValidationError({"name": f"There is already a service area called {name!r}{where}."})
    if area is None:
        area = ServiceArea(organisation=organisation)
        if order is None:
            last = ServiceArea.objects.filter(organisation=organisation, parent=parent).aggregate(
                last=models.Max("order")
            )["last"]
            order = (last or 0) + 1
    elif area.level != level and (
        area.children.exists() or area.budget_lines.exists() or area.stated_totals.exists()
    ):
        raise ValidationError(
            {"level": f"{area.name} has service areas or figures under it: it keeps its level."}
        )
    values: dict[str, Any] = {"name": name, "level": level, "parent": parent}
    if order is not None:
        values["order"] = order
    if area.pk and all(getattr(area, k) == v for k, v in values.items()):
        return area
    for key, value in values.items():
        setattr(area, key, value)
    area.full_clean()
    area.save()
    return area


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
    values = monitoring_values(
        current_budget=current_budget,
        projection=projection,
        stated_variance=stated_variance,
        stated_marker=stated_marker,
        stated_movement=stated_movement,
        stated_direction=stated_direction,
        stated_variance_negative=stated_variance_negative,
        stated_movement_negative=stated_movement_negative,
    )
    return save_changes(BudgetLine, {"service_area": area, "period": period}, values)


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
    values = stated_total_values(
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
