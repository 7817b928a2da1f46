"""Performance indicators: the library, observations with breakdowns and comparators, targets
and the RAG rule, and the school inspections register.

Every figure is kept as the source wrote it (``as_written``, with its qualifier) beside the
number Boardpack computes with; RAG and direction of travel are computed, never stored.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from simple_history.models import HistoricalRecords

from boardpack.core.models import Organisation, ReportingPeriod


class Unit(models.TextChoices):
    COUNT = "count", "Count"
    PERCENTAGE = "percentage", "Percentage"
    RATE_PER_10000 = "rate_per_10000", "Rate per 10,000"
    GBP = "gbp", "£"
    DAYS = "days", "Days"
    RATIO = "ratio", "Ratio"
    # Differences and changes (a gap to England, a rise on last year) may be negative or
    # beyond 100: they are not shares of a whole.
    PERCENTAGE_POINTS = "percentage_points", "Percentage points"
    PERCENTAGE_CHANGE = "percentage_change", "Percentage change"


class Polarity(models.TextChoices):
    HIGHER_IS_BETTER = "higher_is_better", "Higher is better"
    LOWER_IS_BETTER = "lower_is_better", "Lower is better"
    NEITHER = "neither", "Neither higher nor lower is better"


class Frequency(models.TextChoices):
    MONTHLY = "monthly", "Monthly"
    QUARTERLY = "quarterly", "Quarterly"
    TERMLY = "termly", "Termly"
    ANNUAL = "annual", "Annual"
    AD_HOC = "ad_hoc", "Ad hoc"


class Area(models.TextChoices):
    AUTHORITY = "authority", "The authority"
    ENGLAND = "england", "England"
    STATISTICAL_NEIGHBOURS = "statistical_neighbours", "Statistical neighbours"
    REGION = "region", "Region"


class Qualifier(models.TextChoices):
    EXACT = "exact", "Exact"
    APPROXIMATE = "approximate", "Approximate"
    OVER = "over", "Over"
    UNDER = "under", "Under"
    FORECAST = "forecast", "Forecast"
    ESTIMATE = "estimate", "Estimate"
    PROVISIONAL = "provisional", "Provisional"
    SUPPRESSED = "suppressed", "Suppressed (c)"
    NOT_AVAILABLE = "not_available", "Not available (x)"
    NOT_APPLICABLE = "not_applicable", "Not applicable (z)"


# The DfE's symbols for a figure that is missing, by reason.
MISSING_SYMBOLS = {
    Qualifier.SUPPRESSED: "c",
    Qualifier.NOT_AVAILABLE: "x",
    Qualifier.NOT_APPLICABLE: "z",
}


class RagBasis(models.TextChoices):
    TARGET = "target", "Against its target"
    COMPARATOR = "comparator", "Against a comparator"
    NONE = "none", "Not rated"


class Judgement(models.TextChoices):
    OUTSTANDING = "outstanding", "Outstanding"
    GOOD = "good", "Good"
    REQUIRES_IMPROVEMENT = "requires_improvement", "Requires improvement"
    INADEQUATE = "inadequate", "Inadequate"


CODE_VALIDATOR = RegexValidator(
    r"^[A-Z0-9]+(?:-[A-Z0-9]+)*$", "Write the code in capitals and digits joined by hyphens."
)
DIMENSION_VALIDATOR = RegexValidator(
    r"^[a-z][a-z0-9_]*$", "A dimension is lower-case letters, digits and underscores."
)
VALUE_DIGITS = 20
VALUE_PLACES = 6


class Source(models.Model):
    """A document or feed figures come from; every observation names one."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="indicator_sources"
    )
    key = models.SlugField(max_length=80)
    title = models.CharField(max_length=300)
    date = models.DateField(help_text="The date the source was published or is as at.")
    period = models.ForeignKey(
        ReportingPeriod,
        on_delete=models.PROTECT,
        related_name="indicator_sources",
        help_text="The reporting period the source's figures were reported in.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation", "date", "key"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "key"], name="unique_source_key")
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.period_id and self.organisation_id:
            if self.period.organisation_id != self.organisation_id:
                raise ValidationError({"period": "That period belongs to another organisation."})


class Indicator(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="indicators"
    )
    code = models.CharField(max_length=60, validators=[CODE_VALIDATOR])
    title = models.CharField(max_length=300)
    definition = models.TextField(blank=True)
    unit = models.CharField(max_length=20, choices=Unit.choices)
    decimals = models.PositiveSmallIntegerField(default=0)
    polarity = models.CharField(max_length=20, choices=Polarity.choices)
    frequency = models.CharField(max_length=10, choices=Frequency.choices)
    source = models.CharField(max_length=300, blank=True, help_text="Where the figures come from.")
    service_area = models.CharField(max_length=200)
    workstream = models.ForeignKey(
        "programme.Workstream",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="indicators",
    )
    numerator = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    denominator = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    dimensions = models.JSONField(
        default=list, blank=True, help_text="The breakdown dimensions its figures may have."
    )
    rag_basis = models.CharField(max_length=12, choices=RagBasis.choices, default=RagBasis.TARGET)
    rag_comparator = models.CharField(
        max_length=30,
        choices=[c for c in Area.choices if c[0] != Area.AUTHORITY],
        default=Area.ENGLAND,
        help_text="The comparator a comparator-based RAG rule uses.",
    )
    amber_band = models.DecimalField(
        max_digits=6,
        decimal_places=2,
        default=Decimal("10"),
        validators=[MinValueValidator(Decimal("0"))],
        help_text="Amber when worse than the target or comparator by no more than this "
        "percentage of it; red beyond.",
    )
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation", "service_area", "order", "code"]
        permissions = [("view_unsuppressed", "Can see small numbers that are suppressed")]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "code"], name="unique_indicator_code")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def clean(self) -> None:
        dims = self.dimensions
        if not isinstance(dims, list) or not all(isinstance(d, str) for d in dims):
            raise ValidationError({"dimensions": "Give the dimensions as a list of names."})
        for name in dims:
            try:
                DIMENSION_VALIDATOR(name)
            except ValidationError as exc:
                raise ValidationError({"dimensions": f"{name!r}: {exc.messages[0]}"}) from exc
        if len(set(dims)) != len(dims):
            raise ValidationError({"dimensions": "A dimension is named twice."})
        if self.decimals > VALUE_PLACES:
            raise ValidationError({"decimals": f"At most {VALUE_PLACES} decimal places."})


class Observation(models.Model):
    """One figure: an indicator at a date, for an area, optionally for a breakdown cell."""

    # Not indexed alone: the unique constraint and the index below both begin with it, and
    # every index costs each of a bulk import's figures (decision 0013).
    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="observations", db_index=False
    )
    date = models.DateField(help_text="The date the figure is at, or the end of its period.")
    period_label = models.CharField(max_length=100, blank=True)
    area = models.CharField(max_length=30, choices=Area.choices, default=Area.AUTHORITY)
    breakdown = models.JSONField(default=dict, blank=True)
    # The breakdown as sorted text, so a figure's identity can be unique and indexed.
    breakdown_key = models.CharField(max_length=400, blank=True, editable=False)
    value = models.DecimalField(
        max_digits=VALUE_DIGITS, decimal_places=VALUE_PLACES, null=True, blank=True
    )
    places = models.PositiveSmallIntegerField(
        default=0, editable=False, help_text="Decimal places the value was written with."
    )
    qualifier = models.CharField(max_length=20, choices=Qualifier.choices, default=Qualifier.EXACT)
    as_written = models.CharField(max_length=200, blank=True)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="observations")
    commentary = models.TextField(blank=True)
    # A bulk import writes a history row per figure (decision 0013): the history is read by
    # figure (its id) and by moment, never by indicator or source, so those are not indexed,
    # and the user it names is not checked by the database row by row (Django still clears
    # it when a user is deleted).
    history = HistoricalRecords(no_db_index=["indicator", "source"], user_db_constraint=False)

    class Meta:
        ordering = ["indicator", "date", "area", "breakdown_key", "source"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "date", "area", "breakdown_key", "source", "as_written"],
                name="unique_observation",
            )
        ]
        indexes = [models.Index(fields=["indicator", "area", "date"])]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.date} {self.area} {self.breakdown_key}"

    @property
    def is_missing(self) -> bool:
        return self.value is None


def breakdown_key(breakdown: dict[str, Any]) -> str:
    return "|".join(f"{k}={breakdown[k]}" for k in sorted(breakdown))


class Target(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    value = models.DecimalField(max_digits=VALUE_DIGITS, decimal_places=VALUE_PLACES)
    date = models.DateField(help_text="The date by which the target is to be met.")
    as_written = models.CharField(max_length=300, blank=True)
    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, null=True, blank=True, related_name="targets"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "date"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "date"], name="one_target_per_date")
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} target {self.value} by {self.date}"


class Inspection(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="inspections"
    )
    establishment = models.CharField(max_length=300)
    town = models.CharField(max_length=100, blank=True)
    urn = models.CharField("URN", max_length=20, blank=True)
    date = models.DateField(help_text="The inspection or report date the source gives.")
    type = models.CharField(max_length=100, blank=True)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="inspections")
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation", "-date", "establishment"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "establishment", "date"], name="unique_inspection"
            )
        ]

    def __str__(self) -> str:
        return f"{self.establishment} ({self.date})"


class InspectionJudgement(models.Model):
    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="judgements")
    area = models.CharField(max_length=100, default="Overall effectiveness")
    judgement = models.CharField(max_length=30, choices=Judgement.choices)
    order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["inspection", "order"]
        constraints = [
            models.UniqueConstraint(fields=["inspection", "area"], name="one_judgement_per_area")
        ]

    def __str__(self) -> str:
        return f"{self.area}: {self.get_judgement_display()}"
