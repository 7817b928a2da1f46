"""Dedicated Schools Grant: blocks, allocations, monitoring lines, stated totals, deficit."""

from __future__ import annotations

from decimal import Decimal

from django.core.validators import MaxValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from boardpack.core.models import Organisation, ReportingPeriod
from boardpack.finance.models.common import (
    MILLIONS,
    StatedMonitoringFigures,
    StatedTotalFigures,
    financial_year_validators,
    same_organisation,
)
from boardpack.periods import FinancialYear


class DSGBlock(models.Model):
    """A block of the Dedicated Schools Grant (and the de-delegated budgets kept alongside)."""

    class Kind(models.TextChoices):
        HIGH_NEEDS = "high_needs", "High Needs Block"
        CENTRAL_SCHOOL_SERVICES = "central_school_services", "Central School Services Block"
        EARLY_YEARS = "early_years", "Early Years Block"
        SCHOOLS = "schools", "Schools Block"
        DE_DELEGATED = "de_delegated", "De-delegated"

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="dsg_blocks"
    )
    kind = models.CharField(max_length=30, choices=Kind.choices)
    name = models.CharField(
        max_length=200, help_text='As the council names it: "High Needs Block".'
    )
    abbreviation = models.CharField(max_length=10, blank=True, help_text="HNB, CSSB, EYB, SB.")
    order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation", "order"]
        verbose_name = "DSG block"
        constraints = [
            models.UniqueConstraint(fields=["organisation", "kind"], name="one_dsg_block_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.abbreviation})" if self.abbreviation else self.name


class DSGAllocation(models.Model):
    """A block's allocation for a financial year, £m, before and after recoupment."""

    block = models.ForeignKey(DSGBlock, on_delete=models.PROTECT, related_name="allocations")
    financial_year = models.PositiveSmallIntegerField(validators=financial_year_validators)
    row_label = models.CharField(
        max_length=200,
        blank=True,
        help_text='The row as the source writes it: "Early Years (EYB) *".',
    )
    before_recoupment = models.DecimalField(**MILLIONS)
    recoupment = models.DecimalField(
        **MILLIONS, help_text="Recoupment and deductions (academies, NNDR)."
    )
    stated_after_recoupment = models.DecimalField(**MILLIONS, null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["financial_year", "block"]
        verbose_name = "DSG allocation"
        constraints = [
            models.UniqueConstraint(
                fields=["block", "financial_year"], name="one_dsg_allocation_per_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.block} {FinancialYear(self.financial_year).label}"

    @property
    def after_recoupment(self) -> Decimal:
        return self.before_recoupment - self.recoupment


class DSGAllocationStatedTotal(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    financial_year = models.PositiveSmallIntegerField(validators=financial_year_validators)
    label = models.CharField(max_length=200, blank=True)
    before_recoupment = models.DecimalField(**MILLIONS, null=True, blank=True)
    recoupment = models.DecimalField(**MILLIONS, null=True, blank=True)
    after_recoupment = models.DecimalField(**MILLIONS, null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "DSG allocation stated total"
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "financial_year"], name="one_dsg_allocation_total"
            )
        ]

    def __str__(self) -> str:
        return f"{self.label or 'Total DSG'} {FinancialYear(self.financial_year).label}"


class DSGLine(StatedMonitoringFigures):
    """A DSG block's budget and full-year projection (£m) in a period."""

    block = models.ForeignKey(DSGBlock, on_delete=models.PROTECT, related_name="lines")
    period = models.ForeignKey(ReportingPeriod, on_delete=models.PROTECT, related_name="dsg_lines")
    row_label = models.CharField(
        max_length=200,
        blank=True,
        help_text='The row as the source writes it: "Central Schools Block (CSB)".',
    )
    current_budget = models.DecimalField(**MILLIONS)
    projection = models.DecimalField(**MILLIONS, help_text="Full-year projection, £m.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["period", "block"]
        verbose_name = "DSG monitoring line"
        constraints = [
            models.UniqueConstraint(fields=["block", "period"], name="one_dsg_line_per_period")
        ]

    def __str__(self) -> str:
        return f"{self.block} at {self.period}"

    def clean(self) -> None:
        if self.block_id:
            same_organisation(self.period if self.period_id else None, self.block.organisation_id)


class DSGStatedTotal(StatedTotalFigures):
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    period = models.ForeignKey(ReportingPeriod, on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "DSG stated total"
        constraints = [
            models.UniqueConstraint(fields=["organisation", "period"], name="one_dsg_stated_total")
        ]

    def __str__(self) -> str:
        return f"{self.label or 'Total'} at {self.period}"

    def clean(self) -> None:
        same_organisation(self.period if self.period_id else None, self.organisation_id)


class DSGDeficit(models.Model):
    """The cumulative DSG deficit (£m) at a date, actual or forecast, as reported in a period."""

    class Kind(models.TextChoices):
        ACTUAL = "actual", "Actual"
        FORECAST = "forecast", "Forecast"

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="dsg_deficits"
    )
    period = models.ForeignKey(
        ReportingPeriod, on_delete=models.PROTECT, related_name="dsg_deficits"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    as_at = models.DateField()
    amount = models.DecimalField(**MILLIONS, help_text="Cumulative deficit, £m.")
    decimals_reported = models.PositiveSmallIntegerField(
        default=1,
        validators=[MaxValueValidator(3)],
        help_text="Decimal places the source gave: £24m is 0, £20.1m is 1.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation", "period", "as_at"]
        verbose_name = "DSG deficit"
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "period", "kind", "as_at"], name="one_dsg_deficit_figure"
            )
        ]

    def __str__(self) -> str:
        return f"DSG deficit {self.get_kind_display().lower()} at {self.as_at}: £{self.amount}m"

    def clean(self) -> None:
        same_organisation(self.period if self.period_id else None, self.organisation_id)
