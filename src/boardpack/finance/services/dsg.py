"""Dedicated Schools Grant: blocks, allocations, monitoring figures and the deficit."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from boardpack.core.models import Organisation, ReportingPeriod
from boardpack.finance.models import (
    DSGAllocation,
    DSGAllocationStatedTotal,
    DSGBlock,
    DSGDeficit,
    DSGLine,
    DSGStatedTotal,
)
from boardpack.finance.services.cleaning import (
    MILLION_PLACES,
    Amount,
    clean_amount,
    clean_choice,
    clean_period,
    clean_text,
    save_changes,
)
from boardpack.finance.services.monitoring import monitoring_values, stated_total_values


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
    values: dict[str, Any] = {
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
    values = monitoring_values(
        current_budget=current_budget,
        projection=projection,
        row_label=row_label,
        stated_variance=stated_variance,
        stated_marker=stated_marker,
        stated_movement=stated_movement,
        stated_direction=stated_direction,
        stated_variance_negative=stated_variance_negative,
        stated_movement_negative=stated_movement_negative,
    )
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
