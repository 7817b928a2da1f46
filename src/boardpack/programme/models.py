"""The transformation programme: workstreams, projects and what is said of them each period."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from boardpack.core.models import RAG, Organisation, ReportingPeriod
from boardpack.core.points import group_points
from boardpack.workflow.models import Approvable


def _same_organisation(period: ReportingPeriod | None, organisation_id: int | None) -> None:
    if period is not None and organisation_id is not None:
        if period.organisation_id != organisation_id:
            raise ValidationError({"period": "That period belongs to another organisation."})


class Programme(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="programmes"
    )
    name = models.CharField(max_length=200)
    vision = models.TextField(blank=True)
    ambition = models.TextField(blank=True, help_text="The council's own ambition statement.")
    description = models.TextField(blank=True)
    savings_aim = models.DecimalField(
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="£ the programme aims to save.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation", "name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="unique_programme_name")
        ]

    def __str__(self) -> str:
        return self.name


class Workstream(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="workstreams")
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80)
    order = models.PositiveSmallIntegerField(default=0)
    description = models.TextField(blank=True)
    leads = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="led_workstreams"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["programme", "order", "name"]
        permissions = [("edit_any_workstream", "Can edit any workstream's update")]
        constraints = [
            models.UniqueConstraint(fields=["programme", "slug"], name="unique_workstream_slug")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def organisation(self) -> Organisation:
        return self.programme.organisation


class Project(models.Model):
    workstream = models.ForeignKey(Workstream, on_delete=models.PROTECT, related_name="projects")
    name = models.CharField(max_length=200)
    order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["workstream", "order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["workstream", "name"], name="unique_project_name")
        ]

    def __str__(self) -> str:
        return self.name


class Stage(models.TextChoices):
    NOT_RECORDED = "", "Not recorded"
    SCOPING = "scoping", "Scoping"
    UNDERWAY = "underway", "Underway"
    ON_HOLD = "on_hold", "On hold"
    COMPLETE = "complete", "Complete"


class ProgrammeUpdate(Approvable):
    """The programme's overall position for a period, with the director's progress summary."""

    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="updates")
    period = models.ForeignKey(ReportingPeriod, on_delete=models.PROTECT, related_name="+")
    overall_status = models.CharField(max_length=1, choices=RAG.choices, default=RAG.NOT_RATED)
    progress_summary = models.JSONField(default=list, blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["programme", "period"], name="one_programme_update")
        ]

    def __str__(self) -> str:
        return f"{self.programme} – {self.period}"

    def clean(self) -> None:
        _same_organisation(
            self.period, self.programme.organisation_id if self.programme_id else None
        )


class FinanceSummary(Approvable):
    """The programme's overarching finance summary for a period."""

    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, related_name="finance_summaries"
    )
    period = models.ForeignKey(ReportingPeriod, on_delete=models.PROTECT, related_name="+")
    overall_status = models.CharField(max_length=1, choices=RAG.choices, default=RAG.NOT_RATED)
    covering = models.CharField(max_length=100, blank=True, help_text='e.g. "May/June 2024".')
    headline = models.TextField(blank=True)
    working_well = models.JSONField(default=list, blank=True)
    challenges = models.JSONField(default=list, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "finance summaries"
        constraints = [
            models.UniqueConstraint(fields=["programme", "period"], name="one_finance_summary")
        ]

    def __str__(self) -> str:
        return f"Finance summary – {self.period}"

    def clean(self) -> None:
        _same_organisation(
            self.period, self.programme.organisation_id if self.programme_id else None
        )


class WorkstreamUpdate(Approvable):
    workstream = models.ForeignKey(Workstream, on_delete=models.PROTECT, related_name="updates")
    period = models.ForeignKey(ReportingPeriod, on_delete=models.PROTECT, related_name="+")
    rag = models.CharField("RAG status", max_length=1, choices=RAG.choices, default=RAG.NOT_RATED)
    working_well = models.JSONField(default=list, blank=True)
    not_working_well = models.JSONField(default=list, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["workstream", "-period__month"]
        permissions = [
            ("view_drafts", "Can see updates and summaries before they are approved"),
            ("approve_programme", "Can approve workstream updates and the director's summary"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["workstream", "period"], name="one_workstream_update")
        ]

    def __str__(self) -> str:
        return f"{self.workstream} – {self.period}"

    def clean(self) -> None:
        if self.workstream_id:
            _same_organisation(self.period, self.workstream.programme.organisation_id)

    @property
    def working_well_groups(self):
        return group_points(self.working_well)

    @property
    def not_working_well_groups(self):
        return group_points(self.not_working_well)


class ProjectUpdate(models.Model):
    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="updates")
    period = models.ForeignKey(ReportingPeriod, on_delete=models.PROTECT, related_name="+")
    rag = models.CharField("RAG status", max_length=1, choices=RAG.choices, default=RAG.NOT_RATED)
    stage = models.CharField(
        max_length=20, choices=Stage.choices, default=Stage.NOT_RECORDED, blank=True
    )
    commentary = models.TextField(blank=True, max_length=4000)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["project", "period"], name="one_project_update")
        ]

    def __str__(self) -> str:
        return f"{self.project} – {self.period}"

    def clean(self) -> None:
        if self.project_id:
            _same_organisation(self.period, self.project.workstream.programme.organisation_id)


class Escalation(models.Model):
    """Something a workstream, project or the finance summary asks the board to decide.

    An escalation is kept in the period it was raised; opening the next period copies each one
    not yet closed into it (``carried_from`` links the copies), so it carries forward until
    someone closes it with a reason.
    """

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        IN_HAND = "in_hand", "In hand"
        RESOLVED = "resolved", "Resolved"
        CLOSED = "closed", "Closed"

    class Source(models.TextChoices):
        WORKSTREAM = "workstream", "Workstream update"
        FINANCE = "finance", "Finance summary"

    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="escalations")
    workstream = models.ForeignKey(
        Workstream, on_delete=models.PROTECT, null=True, blank=True, related_name="escalations"
    )
    project = models.ForeignKey(
        Project, on_delete=models.PROTECT, null=True, blank=True, related_name="escalations"
    )
    period = models.ForeignKey(ReportingPeriod, on_delete=models.PROTECT, related_name="+")
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.WORKSTREAM)
    heading = models.CharField(max_length=200, blank=True)
    text = models.TextField(max_length=2000)
    owner = models.CharField(max_length=200, blank=True, help_text="Who is to act on it.")
    decision_needed = models.TextField(blank=True, max_length=2000)
    due_date = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    resolution = models.TextField(blank=True, max_length=2000)
    closed_reason = models.TextField(blank=True, max_length=2000)
    carried_from = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="carried_to",
        editable=False,
    )
    archived = models.BooleanField(
        default=False, help_text="Taken out of its update: kept, with its history, never deleted."
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["period__month", "workstream__order", "order", "pk"]

    def __str__(self) -> str:
        return self.text

    def clean(self) -> None:
        workstream = self.workstream if self.workstream_id else None
        if self.programme_id:
            _same_organisation(self.period, self.programme.organisation_id)
            if workstream is not None and workstream.programme_id != self.programme_id:
                raise ValidationError({"workstream": "That workstream is in another programme."})
        project = self.project if self.project_id else None
        if project is not None and project.workstream_id != self.workstream_id:
            raise ValidationError({"project": "That project is in another workstream."})
        if self.status == self.Status.CLOSED and not self.closed_reason.strip():
            raise ValidationError({"closed_reason": "Give the reason for closing the escalation"})
