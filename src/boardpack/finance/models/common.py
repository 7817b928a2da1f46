"""What the finance models share: amount sizes, vocabularies and the stated-figure bases."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from boardpack.core.models import ReportingPeriod

POUNDS = {"max_digits": 14, "decimal_places": 2}
MILLIONS = {"max_digits": 12, "decimal_places": 3}

financial_year_validators = [MinValueValidator(1900), MaxValueValidator(2998)]


def same_organisation(period: ReportingPeriod | None, organisation_id: int | None) -> None:
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
