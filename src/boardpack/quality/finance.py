"""Reconciliation of the finance tables: what each source states against what Boardpack computes.

The figures compared are the selectors' own (the ones every page, export and report shows).
A stated £m figure is printed to 0.1, so it may differ from the exact figure by up to 0.05; a
figure computed from n printed figures may therefore differ from the source by up to
n × 0.05. Within that tolerance the difference is a *note* (kept as stated, explained); beyond
it an *error*. Savings are exact pounds: any difference is an error.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from boardpack.core.models import Organisation, ReportingPeriod
from boardpack.finance import calculations as calc
from boardpack.finance import selectors
from boardpack.finance.models import Direction, SavingPosition, SavingsStatedTotal
from boardpack.periods import FinancialYear
from boardpack.quality.findings import Finding, Severity

PLACES = selectors.PLACES
HALF = Decimal("0.05")
COLUMN_NAMES = {
    "current_budget": "Current budget £m",
    "projection": "Full year projection £m",
    "variance": "Variance £m",
    "marker": "A/(F)",
    "movement": "Movement",
    "direction": "Direction",
    "before_recoupment": "Allocation before recoupment £m",
    "recoupment": "Recoupment and deductions £m",
    "after_recoupment": "Allocation after recoupment £m",
}
# How many printed figures each computed figure of a row depends on.
ROW_INPUTS = {"variance": 2, "movement": 4}


def _d(value: str | None) -> Decimal | None:
    return None if value in (None, "") else Decimal(value)


def tolerance(count: int) -> Decimal:
    return HALF * count


def compare_amount(
    *,
    table: str,
    row: str,
    column: str,
    stated: Decimal,
    stated_printed: str,
    computed: Decimal,
    computed_printed: str,
    inputs: int,
) -> Finding | None:
    """Compare a stated £m figure with the computed one; ``inputs`` printed figures fed it."""
    if stated_printed == computed_printed:
        return None
    difference = abs(stated - computed)
    allowed = tolerance(inputs)
    if difference <= allowed:
        severity = Severity.NOTE
        if difference == 0:
            message = (
                f"The source writes {stated_printed}, a figure below zero too small to show at "
                f"0.1; its own rounded figures give exactly {computed_printed}. Kept as stated."
            )
        else:
            message = (
                f"A difference of {calc.format_millions(difference, 2)} is within the rounding "
                f"tolerance of {inputs} × 0.05 = {allowed} for figures printed to 0.1. "
                "Kept as stated."
            )
    else:
        severity = Severity.ERROR
        message = (
            f"A difference of {calc.format_millions(difference, 2)} is more than rounding "
            f"explains ({inputs} × 0.05 = {allowed}): check the source or the figures entered."
        )
    return Finding(
        severity=severity,
        table=table,
        row=row,
        column=COLUMN_NAMES.get(column, column),
        stated=stated_printed,
        computed=computed_printed,
        message=message,
    )


def check_monitoring_row(table: str, row: dict[str, Any], *, count: int = 1) -> list[Finding]:
    """A row (or a subtotal over ``count`` rows) of a monitoring table against its stated
    figures."""
    stated = row["stated"]
    label = row["label"]
    findings: list[Finding | None] = []
    inputs = {
        "current_budget": count,
        "projection": count,
        "variance": ROW_INPUTS["variance"] * count,
        "movement": ROW_INPUTS["movement"] * count,
    }
    for column in ("current_budget", "projection", "variance", "movement"):
        if stated.get(column) is None:
            continue
        computed = _d(row[column])
        if computed is None:
            findings.append(
                Finding(
                    severity=Severity.NOTE,
                    table=table,
                    row=label,
                    column=COLUMN_NAMES[column],
                    stated=stated.get(f"{column}_printed", stated[column]),
                    computed="none",
                    message="The previous reported period's figures are not held, so the "
                    "movement cannot be computed.",
                )
            )
            continue
        findings.append(
            compare_amount(
                table=table,
                row=label,
                column=column,
                stated=Decimal(stated[column]),
                stated_printed=stated.get(f"{column}_printed", stated[column]),
                computed=computed,
                computed_printed=row["printed"][column],
                inputs=inputs[column],
            )
        )
    findings.append(_check_marker(table, row, inputs["variance"]))
    findings.append(_check_direction(table, row))
    return [f for f in findings if f is not None]


def _check_marker(table: str, row: dict[str, Any], inputs: int) -> Finding | None:
    stated = row["stated"]
    said = stated.get("marker")
    if not said or said == row["marker"] or row["variance"] is None:
        return None
    own = calc.marker(_d(stated.get("variance")), PLACES) if "variance" in stated else said
    explained = own == said and (
        abs(Decimal(stated["variance"]) - Decimal(row["variance"])) <= tolerance(inputs)
        if "variance" in stated
        else False
    )
    return Finding(
        severity=Severity.NOTE if explained else Severity.ERROR,
        table=table,
        row=row["label"],
        column=COLUMN_NAMES["marker"],
        stated=said,
        computed=row["marker"],
        message=(
            f"The marker follows the source's own variance {stated.get('variance_printed')}, "
            f"within rounding of the computed {row['printed']['variance']}. Kept as stated."
            if explained
            else "The marker does not match the variance: A for an overspend, (F) for an "
            "underspend, - for nil."
        ),
    )


def _check_direction(table: str, row: dict[str, Any]) -> Finding | None:
    stated = row["stated"]
    said = stated.get("direction")
    if not said or said == row["direction"] or row["movement"] is None:
        return None
    printed_movement = stated.get("movement_printed")
    stated_movement = _d(stated.get("movement"))
    tiny = stated_movement is not None and calc.rounded(stated_movement, PLACES) == 0
    own = calc.direction(stated_movement, PLACES) if stated_movement is not None else None
    if tiny:
        meaning = {
            Direction.WORSENING: "a rise",
            Direction.IMPROVING: "a fall",
            Direction.UNCHANGED: "no change",
        }[Direction(said)]
        message = (
            f"The source's own movement is {printed_movement}, which gives "
            f"{calc.direction(Decimal('0'))}; {said} fits only {meaning} of less than £0.05m "
            "hidden by rounding. Kept as stated."
        )
        severity = Severity.NOTE
    elif own == said:
        message = (
            f"The arrow follows the source's movement {printed_movement}, but the figures held "
            f"give a movement of {row['printed']['movement']}."
        )
        severity = Severity.ERROR
    else:
        message = (
            f"{said} does not fit a movement of {printed_movement}: ↑ is a fall in the variance "
            "(improving), ↓ a rise (worsening), → no change."
        )
        severity = Severity.ERROR
    return Finding(
        severity=severity,
        table=table,
        row=row["label"],
        column=COLUMN_NAMES["direction"],
        stated=f"{said} (movement {printed_movement})" if printed_movement else said,
        computed=f"{row['direction']} (movement {row['printed']['movement']})",
        message=message,
    )


def check_budget(
    organisation: Organisation, period: ReportingPeriod, *, doc: dict[str, Any] | None = None
) -> list[Finding]:
    """``doc``: the period's budget document, when already built (the page builds it once)."""
    if doc is None:
        doc = selectors.budget_document(organisation, period)
    table = f"Revenue budget monitoring {doc['period_label']}"
    findings: list[Finding] = []
    for division in doc["divisions"]:
        for line in division["lines"]:
            findings += check_monitoring_row(table, line)
        subtotal = dict(division["subtotal"], label=f"{division['name']} sub total")
        findings += check_monitoring_row(table, subtotal, count=subtotal["count"])
    if doc["divisions"]:
        total = doc["total"]
        findings += check_monitoring_row(table, total, count=total["count"])
    return findings


def check_dsg(
    organisation: Organisation, period: ReportingPeriod, *, doc: dict[str, Any] | None = None
) -> list[Finding]:
    """``doc``: the period's DSG document, when already built (the page builds it once)."""
    if doc is None:
        doc = selectors.dsg_document(organisation, period)
    findings: list[Finding] = []
    allocation = doc["allocation"]
    table = f"DSG allocation {allocation['financial_year']}"
    for row in allocation["rows"]:
        if "after_recoupment" in row["stated"]:
            finding = compare_amount(
                table=table,
                row=row["label"],
                column="after_recoupment",
                stated=Decimal(row["stated"]["after_recoupment"]),
                stated_printed=row["stated"]["after_recoupment_printed"],
                computed=Decimal(row["after_recoupment"]),
                computed_printed=row["printed"]["after_recoupment"],
                inputs=2,
            )
            findings += [finding] if finding else []
    total = allocation["total"]
    if total:
        for column, inputs in (
            ("before_recoupment", total["count"]),
            ("recoupment", total["count"]),
            ("after_recoupment", 2 * total["count"]),
        ):
            if column in total["stated"]:
                finding = compare_amount(
                    table=table,
                    row=total["label"],
                    column=column,
                    stated=Decimal(total["stated"][column]),
                    stated_printed=total["stated"][f"{column}_printed"],
                    computed=Decimal(total[column]),
                    computed_printed=total["printed"][column],
                    inputs=inputs,
                )
                findings += [finding] if finding else []
    table = f"DSG monitoring {doc['period_label']}"
    for line in doc["lines"]:
        findings += check_monitoring_row(table, line)
    if doc["total"]:
        findings += check_monitoring_row(table, doc["total"], count=doc["total"]["count"])
    return findings


def check_savings(
    organisation: Organisation,
    period: ReportingPeriod,
    *,
    positions: list[SavingPosition] | None = None,
    stated_totals: list[SavingsStatedTotal] | None = None,
) -> list[Finding]:
    """``positions`` and ``stated_totals``: the period's, when already read."""
    if positions is None:
        positions = selectors.savings_positions_for_period(organisation, period)
    if stated_totals is None:
        stated_totals = list(selectors.savings_stated_totals(organisation, period))
    findings: list[Finding] = []
    for position in positions:
        line = position.line
        table = f"MTFP tracker {FinancialYear(line.financial_year).short_label}"
        if position.parts_total != line.target:
            findings.append(
                Finding(
                    severity=Severity.ERROR,
                    table=table,
                    row=line.reference,
                    column="Over-achieved + Achieved + On Track + At Risk",
                    stated=calc.format_pounds(line.target),
                    computed=calc.format_pounds(position.parts_total),
                    message="The four parts must add up to the target.",
                )
            )
    for stated in stated_totals:
        table = f"MTFP tracker {FinancialYear(stated.financial_year).short_label}"
        year_positions = [p for p in positions if p.line.financial_year == stated.financial_year]
        totals = selectors.savings_totals(year_positions)
        for column, header in (
            ("target", "£"),
            ("over_achieved", "Over-achieved"),
            ("achieved", "Achieved"),
            ("on_track", "On Track"),
            ("at_risk", "At Risk"),
        ):
            said = getattr(stated, column)
            computed = totals[column] if totals[column] is not None else calc.ZERO
            if said is None or said == computed:
                continue
            findings.append(
                Finding(
                    severity=Severity.ERROR,
                    table=table,
                    row="TOTALS",
                    column=header,
                    stated=calc.format_pounds(said),
                    computed=calc.format_pounds(computed),
                    message=f"The lines add up to £{calc.format_pounds(computed)}, "
                    f"£{calc.format_pounds(abs(said - computed))} "
                    f"{'less' if said > computed else 'more'} than the stated total; "
                    "savings are exact pounds, so rounding does not explain it.",
                )
            )
    return findings
