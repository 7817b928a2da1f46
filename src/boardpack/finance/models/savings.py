"""Savings (MTFP): saving lines, their positions in a period, and the stated totals."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from simple_history.models import HistoricalRecords

from boardpack.core.models import Organisation, ReportingPeriod
from boardpack.finance.models.common import POUNDS, financial_year_validators, same_organisation
from boardpack.periods import FinancialYear


class SavingLine(models.Model):
    """A saving in the Medium Term Financial Plan, e.g. ``CFE016 16+ placements``."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="saving_lines"
    )
    reference = models.CharField(
        max_length=30,
        validators=[
            RegexValidator(
                r"^[A-Za-z0-9][A-Za-z0-9/._-]*$",
                "A reference is letters, digits and - / . _, such as CFE016 or CFE2324-05.",
            )
        ],
    )
    description = models.TextField()
    financial_year = models.PositiveSmallIntegerField(
        validators=financial_year_validators,
        help_text="The year of the April the financial year starts in: 2024 for 2024/25.",
    )
    target = models.DecimalField(
        **POUNDS, validators=[MinValueValidator(Decimal("0"))], help_text="£ to be saved."
    )
    workstream = models.ForeignKey(
        "programme.Workstream",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="saving_lines",
    )
    project = models.ForeignKey(
        "programme.Project",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="saving_lines",
    )
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation", "financial_year", "order", "reference"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "reference", "financial_year"],
                name="unique_saving_reference_per_year",
            ),
            models.CheckConstraint(
                condition=models.Q(target__gte=0), name="saving_target_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.description}"

    @property
    def financial_year_label(self) -> str:
        return FinancialYear(self.financial_year).label

    def clean(self) -> None:
        if self.workstream_id and self.organisation_id:
            if self.workstream.programme.organisation_id != self.organisation_id:
                raise ValidationError({"workstream": "That workstream is another organisation's."})
        if self.project_id and self.organisation_id:
            if self.project.workstream.programme.organisation_id != self.organisation_id:
                raise ValidationError({"project": "That project is another organisation's."})
            if self.workstream_id and self.project.workstream_id != self.workstream_id:
                raise ValidationError({"project": "That project is not in the workstream."})


class SavingPosition(models.Model):
    """Where a saving stands in a period: its target split four ways.

    A part the tracker leaves blank is ``None``, not zero: blank says nothing was reported
    under that heading, and a councillor must not read "£0 over-achieved" into it. The parts
    that are given must still add up to the target.
    """

    PARTS = ("over_achieved", "achieved", "on_track", "at_risk")

    line = models.ForeignKey(SavingLine, on_delete=models.CASCADE, related_name="positions")
    period = models.ForeignKey(
        ReportingPeriod, on_delete=models.PROTECT, related_name="saving_positions"
    )
    over_achieved = models.DecimalField(
        **POUNDS, null=True, blank=True, validators=[MinValueValidator(Decimal("0"))]
    )
    achieved = models.DecimalField(
        **POUNDS, null=True, blank=True, validators=[MinValueValidator(Decimal("0"))]
    )
    on_track = models.DecimalField(
        **POUNDS, null=True, blank=True, validators=[MinValueValidator(Decimal("0"))]
    )
    at_risk = models.DecimalField(
        **POUNDS, null=True, blank=True, validators=[MinValueValidator(Decimal("0"))]
    )
    comment = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["period", "line"]
        constraints = [
            models.UniqueConstraint(
                fields=["line", "period"], name="one_saving_position_per_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.line.reference} at {self.period}"

    @property
    def parts_total(self) -> Decimal:
        return sum((getattr(self, p) or Decimal("0") for p in self.PARTS), Decimal("0"))

    def clean(self) -> None:
        if self.line_id is None:
            return
        same_organisation(self.period if self.period_id else None, self.line.organisation_id)
        difference = self.parts_total - self.line.target
        if difference:
            from boardpack.finance.calculations import format_pounds

            more_or_less = "more" if difference > 0 else "less"
            raise ValidationError(
                {
                    "at_risk": (
                        f"Over-achieved, achieved, on track and at risk add up to "
                        f"£{format_pounds(self.parts_total)}, £{format_pounds(abs(difference))} "
                        f"{more_or_less} than the target of £{format_pounds(self.line.target)} "
                        f"for {self.line.reference}."
                    )
                }
            )


class SavingsStatedTotal(models.Model):
    """The TOTALS row an MTFP tracker states for a year, as at a period."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="savings_stated_totals"
    )
    financial_year = models.PositiveSmallIntegerField(validators=financial_year_validators)
    period = models.ForeignKey(ReportingPeriod, on_delete=models.PROTECT, related_name="+")
    target = models.DecimalField(**POUNDS, null=True, blank=True)
    over_achieved = models.DecimalField(**POUNDS, null=True, blank=True)
    achieved = models.DecimalField(**POUNDS, null=True, blank=True)
    on_track = models.DecimalField(**POUNDS, null=True, blank=True)
    at_risk = models.DecimalField(**POUNDS, null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "financial_year", "period"],
                name="one_savings_stated_total",
            )
        ]

    def __str__(self) -> str:
        return f"MTFP {FinancialYear(self.financial_year).short_label} totals at {self.period}"

    def clean(self) -> None:
        same_organisation(self.period if self.period_id else None, self.organisation_id)
