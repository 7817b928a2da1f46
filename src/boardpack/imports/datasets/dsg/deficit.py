"""The DSG deficit, a further table of the ``dsg`` dataset: the cumulative deficit reported in
the period, actual or forecast, at a date.
"""

from __future__ import annotations

from typing import Any

from boardpack.finance.models import DSGDeficit
from boardpack.finance.services import dsg_deficit_set
from boardpack.imports.amounts import Unit
from boardpack.imports.datasets.common import name_key, plain
from boardpack.imports.datasets.monitoring import millions_places
from boardpack.imports.framework import Change, Column, ImportContext, Kind, Plan, Record, Table

DEFICIT_KINDS = {
    "actual": DSGDeficit.Kind.ACTUAL,
    "forecast": DSGDeficit.Kind.FORECAST,
    "projected": DSGDeficit.Kind.FORECAST,
    "projection": DSGDeficit.Kind.FORECAST,
}


def plan_deficit(_importer: Any, context: ImportContext, records: list[Record], plan: Plan) -> None:
    existing = {
        (d.kind, d.as_at): d
        for d in DSGDeficit.objects.filter(organisation=context.organisation, period=context.period)
    }
    for record in records:
        kind = _deficit_kind(record, plan)
        as_at, amount = record.get("as_at"), record.get("amount")
        if as_at is None and record.ok("as_at"):
            plan.problems.append(record.problem("Give the date the deficit is at.", "as_at"))
        if amount is None and record.ok("amount"):
            plan.problems.append(record.problem("The deficit amount is missing.", "amount"))
        if kind is None or as_at is None or amount is None:
            continue
        name = f"The {kind} deficit at {as_at:%d/%m/%Y}"
        if not plan.first_time(record, (kind, as_at), name, "as_at", table="deficit"):
            continue
        amount = millions_places(amount, record, plan)
        found = existing.get((kind, as_at))
        # £24m is reported to no places, £20.1m to one: an unchanged amount keeps how it was.
        if found is not None and found.amount == amount:
            decimals = found.decimals_reported
        else:
            exponent = amount.normalize().as_tuple().exponent
            decimals = min(3, max(0, -exponent)) if isinstance(exponent, int) else 1
        values = {"amount": amount, "decimals_reported": decimals}
        before = {"amount": plain(found.amount)} if found is not None else {}
        plan.changes.append(
            Change.against(
                {k: getattr(found, k) for k in values} if found is not None else None,
                values,
                record=record,
                key=f"deficit:{kind}:{as_at.isoformat()}",
                label=f"DSG deficit, {kind} at {as_at.day} {as_at:%B %Y}",
                before=before,
                after={"amount": plain(amount)},
                payload={"kind": kind, "as_at": as_at, **values},
                table="deficit",
            )
        )


def _deficit_kind(record: Record, plan: Plan) -> str | None:
    text = name_key(record.get("kind"))
    if not text:
        plan.problems.append(
            record.problem("Say whether the deficit is Actual or Forecast.", "kind")
        )
        return None
    kind = DEFICIT_KINDS.get(text.split()[0])
    if kind is None:
        plan.problems.append(
            record.problem(
                f"The deficit is Actual or Forecast, not ‘{str(record.get('kind'))[:30]}’.",
                "kind",
            )
        )
        return None
    return str(kind.value)


def apply_deficit_change(context: ImportContext, change: Change) -> None:
    dsg_deficit_set(organisation=context.organisation, period=context.period, **change.payload)


def deficit_rows(context: ImportContext) -> list[dict[str, Any]]:
    return [
        {"kind": d.get_kind_display(), "as_at": d.as_at, "amount": d.amount}
        for d in DSGDeficit.objects.filter(
            organisation=context.organisation, period=context.period
        ).order_by("as_at")
    ]


DEFICIT = Table(
    key="deficit",
    title="DSG deficit",
    sheet_words=("deficit", "deficits"),
    unit=Unit.MILLIONS,
    default_unit=Unit.MILLIONS,
    guidance=(
        "Sheet ‘deficit’: the cumulative DSG deficit reported this period, one row per figure: "
        "Actual or Forecast, the date it is at, and the amount."
    ),
    columns=(
        Column(
            "kind",
            "Actual or forecast",
            required=True,
            help="Actual, or Forecast.",
            aliases=("kind", "type", "actual/forecast", "actual forecast", "status"),
        ),
        Column(
            "as_at",
            "As at",
            kind=Kind.DATE,
            required=True,
            help="The date the deficit is at, such as 31/03/2023.",
            aliases=("as at date", "date", "at"),
        ),
        Column(
            "amount",
            "Cumulative deficit",
            kind=Kind.MONEY,
            required=True,
            help="The cumulative DSG deficit.",
            aliases=("amount", "deficit", "dsg deficit", "cumulative dsg deficit"),
        ),
    ),
    plan=plan_deficit,
    write=apply_deficit_change,
    rows=deficit_rows,
    fields_shown=(("amount", "Cumulative deficit £m"),),
)
