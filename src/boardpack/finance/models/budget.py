"""Revenue budget monitoring: service areas, budget lines and stated totals."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from boardpack.core.models import Organisation, ReportingPeriod
from boardpack.finance.models.common import (
    MILLIONS,
    StatedMonitoringFigures,
    StatedTotalFigures,
    same_organisation,
)


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
            same_organisation(
                self.period if self.period_id else None, self.service_area.organisation_id
            )


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
            same_organisation(
                self.period if self.period_id else None, self.service_area.organisation_id
            )
