"""Organisations and reporting periods: what every other record hangs from."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from simple_history.models import HistoricalRecords

from boardpack.periods import Month


class RAG(models.TextChoices):
    """The one RAG vocabulary used everywhere."""

    RED = "R", "Red"
    AMBER = "A", "Amber"
    GREEN = "G", "Green"
    NOT_RATED = "N", "Not rated"


class Organisation(models.Model):
    """A local authority (or a service it shares). Every record belongs to one."""

    slug = models.SlugField(
        max_length=50,
        unique=True,
        validators=[RegexValidator(r"^[a-z0-9-]+$", "Use lower-case letters, digits and hyphens.")],
    )
    name = models.CharField(max_length=200)
    service_name = models.CharField(
        max_length=200, blank=True, help_text="The directorate, e.g. Children's Services."
    )
    is_default = models.BooleanField(
        default=False, help_text="Commands use this organisation unless told otherwise."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"],
                condition=models.Q(is_default=True),
                name="one_default_organisation",
            )
        ]

    def __str__(self) -> str:
        return self.name


class ReportingPeriod(models.Model):
    """A month an organisation reports on, named by its key (``2024-06``)."""

    class Status(models.TextChoices):
        OPEN = "open", "Open for updates"
        CLOSED = "closed", "Closed"

    class Frequency(models.TextChoices):
        MONTH = "month", "Month"
        QUARTER = "quarter", "Quarter"

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="periods")
    month = models.DateField(help_text="First day of the period's last month.")
    title = models.CharField(
        max_length=100,
        blank=True,
        help_text='How the documents name it, when not the month alone ("May/June 2024").',
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    frequency = models.CharField(
        max_length=10,
        choices=Frequency.choices,
        default=Frequency.MONTH,
        help_text="A month, or a quarter of the financial year ending in this month.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation", "-month"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "month"], name="one_period_per_month")
        ]

    def __str__(self) -> str:
        return self.label

    def clean(self) -> None:
        if self.month and self.month.day != 1:
            raise ValidationError({"month": "A period is a month: give its first day."})

    @property
    def period(self) -> Month:
        return Month.from_date(self.month)

    @property
    def key(self) -> str:
        return self.period.key

    @property
    def label(self) -> str:
        if self.frequency == self.Frequency.QUARTER:
            return self.period.quarter.label
        return self.period.label

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED


class DataVersion(models.Model):
    """One row whose ``number`` every write to the project's data moves on (database triggers).

    Stored pages are keyed by it (``core.page_cache``); the triggers are installed by
    ``core.data_version`` after every migrate (docs/decisions/0014). ``epoch`` is drawn at random
    when the row is created, so a row deleted and made again never repeats an earlier version.
    """

    number = models.BigIntegerField(default=0)
    epoch = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.epoch}:{self.number}"
