"""The demo loader's finance step: Somerset's MTFP, budget monitoring and DSG tables.

Idempotent: every write goes through a service that saves only what differs, so a second
``boardpack load_demo`` changes nothing, history included.
"""

from __future__ import annotations

import datetime as dt

from boardpack.core.models import Organisation, ReportingPeriod
from boardpack.demo.data import somerset_finance as data
from boardpack.finance import services
from boardpack.finance.models import ServiceArea
from boardpack.periods import Month


def load_somerset_finance(orgs: dict[str, Organisation]) -> None:
    from boardpack.demo.loader import SOMERSET, period

    somerset = orgs[SOMERSET]
    # June 2024 is the programme's period (with its own title): use it as it is.
    june = ReportingPeriod.objects.get(
        organisation=somerset, month=Month.parse(data.SAVINGS_PERIOD).first_day
    )
    month_7 = period(somerset, data.MONTH_7, data.MONTH_7_TITLE)
    month_9 = period(somerset, data.MONTH_9, data.MONTH_9_TITLE)
    _savings(somerset, june)
    _budget(somerset, month_7, month_9)
    _dsg(somerset, month_7, month_9)


def _savings(organisation: Organisation, june) -> None:
    year = data.SAVINGS_FINANCIAL_YEAR
    for order, row in enumerate(data.MTFP_ROWS, start=1):
        ref, description, target, over, achieved, on_track, at_risk, comment = row
        services.saving_line_set(
            organisation=organisation,
            reference=ref,
            financial_year=year,
            description=description,
            target=data.printed(target),
            order=order,
        )
        services.saving_position_set(
            organisation=organisation,
            period=june,
            reference=ref,
            financial_year=year,
            over_achieved=data.printed(over),
            achieved=data.printed(achieved),
            on_track=data.printed(on_track),
            at_risk=data.printed(at_risk),
            comment=comment,
        )
    _label, _name, target, over, achieved, on_track, at_risk, _comment = data.MTFP_TOTALS
    services.savings_stated_totals_set(
        organisation=organisation,
        period=june,
        financial_year=year,
        target=data.printed(target),
        over_achieved=data.printed(over),  # blank in the seed, so not stated
        achieved=data.printed(achieved),
        on_track=data.printed(on_track),
        at_risk=data.printed(at_risk),
    )


def _stated_total(row: tuple[str, ...]) -> dict:
    label, budget, projection, variance, marker, movement, direction = row
    return {
        "label": label,
        "current_budget": data.printed(budget),
        "projection": data.printed(projection),
        "variance": data.printed(variance),
        "variance_negative": data.bracketed(variance),
        "marker": marker,
        "movement": data.printed(movement),
        "movement_negative": data.bracketed(movement),
        "direction": direction,
    }


def _budget(organisation: Organisation, month_7, month_9) -> None:
    directorate = services.service_area_set(
        organisation=organisation,
        name=data.DIRECTORATE,
        level=ServiceArea.Level.DIRECTORATE,
    )
    division = None
    for order, row in enumerate(data.BUDGET_ROWS, start=1):
        name, budget, projection, variance, marker, movement, direction = row
        if name == data.TOTAL_LABEL:
            services.budget_stated_total_set(
                organisation=organisation,
                period=month_9,
                service_area=directorate,
                **_stated_total(row),
            )
        elif name == data.SUBTOTAL_LABEL:
            services.budget_stated_total_set(
                organisation=organisation,
                period=month_9,
                service_area=division,
                **_stated_total(row),
            )
        elif not budget:
            division = services.service_area_set(
                organisation=organisation,
                name=name,
                level=ServiceArea.Level.DIVISION,
                parent=directorate,
                order=order,
            )
        else:
            line = services.service_area_set(
                organisation=organisation,
                name=name,
                level=ServiceArea.Level.SERVICE_LINE,
                parent=division,
                order=order,
            )
            budget_7, projection_7 = data.month_7_figures(budget, projection, movement)
            services.budget_figures_set(
                organisation=organisation,
                period=month_7,
                service_area=line,
                current_budget=budget_7,
                projection=projection_7,
            )
            services.budget_figures_set(
                organisation=organisation,
                period=month_9,
                service_area=line,
                **_as_printed(budget, projection, variance, marker, movement, direction),
            )


def _as_printed(budget, projection, variance, marker, movement, direction) -> dict:
    """A monitoring row's Month 9 figures and what the seed states beside them, as printed."""
    return {
        "current_budget": data.printed(budget),
        "projection": data.printed(projection),
        "stated_variance": data.printed(variance),
        "stated_variance_negative": data.bracketed(variance),
        "stated_marker": marker,
        "stated_movement": data.printed(movement),
        "stated_movement_negative": data.bracketed(movement),
        "stated_direction": direction,
    }


def _dsg(organisation: Organisation, month_7, month_9) -> None:
    blocks = {
        kind: services.dsg_block_set(
            organisation=organisation, kind=kind, name=name, abbreviation=abbr, order=order
        )
        for order, (kind, name, abbr) in enumerate(data.DSG_BLOCKS, start=1)
    }
    year = data.DSG_FINANCIAL_YEAR
    for row in data.DSG_ALLOCATION_ROWS:
        label, before, recoupment, after = row
        if label == data.DSG_ALLOCATION_TOTAL_LABEL:
            services.dsg_allocation_stated_total_set(
                organisation=organisation,
                financial_year=year,
                label=label,
                before_recoupment=data.printed(before),
                recoupment=data.printed(recoupment),
                after_recoupment=data.printed(after),
            )
            continue
        services.dsg_allocation_set(
            organisation=organisation,
            financial_year=year,
            block=blocks[data.DSG_ROW_BLOCKS[label]],
            row_label=label,
            before_recoupment=data.printed(before),
            recoupment=data.printed(recoupment),
            stated_after_recoupment=data.printed(after),
        )
    for row in data.DSG_ROWS:
        label, budget, projection, variance, marker, movement, direction = row
        if label == data.DSG_TOTAL_LABEL:
            services.dsg_stated_total_set(
                organisation=organisation, period=month_9, **_stated_total(row)
            )
            continue
        block = blocks[data.DSG_ROW_BLOCKS[label]]
        budget_7, projection_7 = data.month_7_figures(budget, projection, movement)
        services.dsg_figures_set(
            organisation=organisation,
            period=month_7,
            block=block,
            row_label=label,
            current_budget=budget_7,
            projection=projection_7,
        )
        services.dsg_figures_set(
            organisation=organisation,
            period=month_9,
            block=block,
            row_label=label,
            **_as_printed(budget, projection, variance, marker, movement, direction),
        )
    for kind, as_at, amount in data.DSG_DEFICIT:
        services.dsg_deficit_set(
            organisation=organisation,
            period=month_9,
            kind=kind,
            as_at=dt.date.fromisoformat(as_at),
            amount=data.printed(amount),
            decimals_reported=len(amount.partition(".")[2]),
        )
