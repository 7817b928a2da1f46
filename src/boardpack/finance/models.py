"""Money: MTFP savings lines and their positions, revenue budget monitoring and the DSG.

Amounts in pounds (savings) keep pence; tables in £m keep the precision they were reported in
(three decimal places hold a figure reported in £000). Figures a source *states* but Boardpack
can compute (variances, subtotals, totals, movements, arrows) are kept in ``stated_*`` fields or
``*StatedTotal`` records, never used in a calculation: the quality checks compare them with the
computed figures.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from simple_history.models import HistoricalRecords

from boardpack.core.models import Organisation, ReportingPeriod
from boardpack.periods import FinancialYear

POUNDS = {"max_digits": 14, "decimal_places": 2}
MILLIONS = {"max_digits": 12, "decimal_places": 3}

financial_year_validators = [MinValueValidator(1900), MaxValueValidator(2998)]


def _same_organisation(period: ReportingPeriod | None, organisation_id: int | None) -> None:
    if period is not None and organisation_id is not None:
        if period.organisation_id != organisation_id:
            raise ValidationError({"period": "That period belongs to another organisation."})


class Marker(models.TextChoices):
    """How the seed marks a variance: adverse, (favourable), or nil after rounding."""

    ADVERSE = "A", "Adverse"
    FAVOURABLE = "(F)", "Favourable"
    NIL = "-", "Nil"


class Direction(models.TextChoices):
    """The direction from the previous reported month, as the seed draws it."""

    IMPROVING = "↑", "Improving (variance fell)"
    WORSENING = "↓", "Worsening (variance rose)"
    UNCHANGED = "→", "Unchanged"


# ---------------------------------------------------------------------------------------------
# Savings (MTFP)


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
    """Where a saving stands in a period: its target split four ways."""

    PARTS = ("over_achieved", "achieved", "on_track", "at_risk")

    line = models.ForeignKey(SavingLine, on_delete=models.CASCADE, related_name="positions")
    period = models.ForeignKey(
        ReportingPeriod, on_delete=models.PROTECT, related_name="saving_positions"
    )
    over_achieved = models.DecimalField(
        **POUNDS, default=Decimal("0"), validators=[MinValueValidator(Decimal("0"))]
    )
    achieved = models.DecimalField(
        **POUNDS, default=Decimal("0"), validators=[MinValueValidator(Decimal("0"))]
    )
    on_track = models.DecimalField(
        **POUNDS, default=Decimal("0"), validators=[MinValueValidator(Decimal("0"))]
    )
    at_risk = models.DecimalField(
        **POUNDS, default=Decimal("0"), validators=[MinValueValidator(Decimal("0"))]
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
        _same_organisation(self.period if self.period_id else None, self.line.organisation_id)
        if any(getattr(self, p) is None for p in self.PARTS):
            return
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
        _same_organisation(self.period if self.period_id else None, self.organisation_id)


# ---------------------------------------------------------------------------------------------
# Revenue budget monitoring


class ServiceArea(models.Model):
    """Directorate → division (Children's Social Care…) → service line (Prevention…)."""

    class Level(models.TextChoices):
        DIRECTORATE = "directorate", "Directorate"
        DIVISION = "division", "Division"
        SERVICE_LINE = "service_line", "Service line"

    PARENT_LEVEL = {
        Level.DIRECTORATE: None,
        Level.DIVISION: Level.DIRECTORATE,
        Level.SERVICE_LINE: Level.DIVISION,
    }

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="service_areas"
    )
    name = models.CharField(max_length=200)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    level = models.CharField(max_length=20, choices=Level.choices)
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation", "order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "parent", "name"], name="unique_service_area_name"
            ),
            models.UniqueConstraint(
                fields=["organisation", "name"],
                condition=models.Q(parent__isnull=True),
                name="unique_top_service_area_name",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        wanted = self.PARENT_LEVEL.get(self.level)
        if wanted is None and self.parent_id:
            raise ValidationError({"parent": "A directorate has no parent."})
        if wanted is not None:
            if not self.parent_id:
                raise ValidationError(
                    {"parent": f"A {self.get_level_display().lower()} needs a parent {wanted}."}
                )
            if self.parent.level != wanted:
                raise ValidationError(
                    {
                        "parent": f"The parent of a {self.get_level_display().lower()} "
                        f"must be a {ServiceArea.Level(wanted).label.lower()}."
                    }
                )
            if self.parent.organisation_id != self.organisation_id:
                raise ValidationError({"parent": "That parent is another organisation's."})


class StatedMonitoringFigures(models.Model):
    """What a monitoring table states for a row beyond budget and projection."""

    stated_variance = models.DecimalField(**MILLIONS, null=True, blank=True)
    stated_variance_negative = models.BooleanField(
        default=False,
        help_text="The source wrote the variance in brackets, e.g. (0.0) for a tiny underspend.",
    )
    stated_marker = models.CharField(max_length=3, choices=Marker.choices, blank=True)
    stated_movement = models.DecimalField(**MILLIONS, null=True, blank=True)
    stated_movement_negative = models.BooleanField(
        default=False, help_text="The source wrote the movement in brackets, e.g. (0.0)."
    )
    stated_direction = models.CharField(max_length=1, choices=Direction.choices, blank=True)

    class Meta:
        abstract = True


class BudgetLine(StatedMonitoringFigures):
    """A service line's current budget and full-year projection (£m) in a period."""

    service_area = models.ForeignKey(
        ServiceArea, on_delete=models.PROTECT, related_name="budget_lines"
    )
    period = models.ForeignKey(
        ReportingPeriod, on_delete=models.PROTECT, related_name="budget_lines"
    )
    current_budget = models.DecimalField(**MILLIONS)
    projection = models.DecimalField(**MILLIONS, help_text="Full-year projection, £m.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["period", "service_area"]
        constraints = [
            models.UniqueConstraint(
                fields=["service_area", "period"], name="one_budget_line_per_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.service_area} at {self.period}"

    def clean(self) -> None:
        if self.service_area_id:
            if self.service_area.level != ServiceArea.Level.SERVICE_LINE:
                raise ValidationError(
                    {"service_area": "Budgets are kept for service lines, not divisions."}
                )
            _same_organisation(
                self.period if self.period_id else None, self.service_area.organisation_id
            )


class StatedTotalFigures(models.Model):
    """A subtotal or total row as the source states it; every figure optional."""

    label = models.CharField(max_length=200, blank=True, help_text='As written: "sub total".')
    current_budget = models.DecimalField(**MILLIONS, null=True, blank=True)
    projection = models.DecimalField(**MILLIONS, null=True, blank=True)
    variance = models.DecimalField(**MILLIONS, null=True, blank=True)
    variance_negative = models.BooleanField(default=False)
    marker = models.CharField(max_length=3, choices=Marker.choices, blank=True)
    movement = models.DecimalField(**MILLIONS, null=True, blank=True)
    movement_negative = models.BooleanField(default=False)
    direction = models.CharField(max_length=1, choices=Direction.choices, blank=True)

    class Meta:
        abstract = True


class BudgetStatedTotal(StatedTotalFigures):
    """A division's subtotal or the directorate's total as the source states it."""

    service_area = models.ForeignKey(
        ServiceArea, on_delete=models.PROTECT, related_name="stated_totals"
    )
    period = models.ForeignKey(ReportingPeriod, on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["service_area", "period"], name="one_budget_stated_total"
            )
        ]

    def __str__(self) -> str:
        return f"{self.label or self.service_area} at {self.period}"

    def clean(self) -> None:
        if self.service_area_id:
            if self.service_area.level == ServiceArea.Level.SERVICE_LINE:
                raise ValidationError(
                    {"service_area": "Totals are stated for divisions and directorates."}
                )
            _same_organisation(
                self.period if self.period_id else None, self.service_area.organisation_id
            )


# ---------------------------------------------------------------------------------------------
# Dedicated Schools Grant


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
            _same_organisation(self.period if self.period_id else None, self.block.organisation_id)


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
        _same_organisation(self.period if self.period_id else None, self.organisation_id)


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
        _same_organisation(self.period if self.period_id else None, self.organisation_id)
