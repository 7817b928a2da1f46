"""Committees, their meetings and what was said and agreed there; the programme's risk register.

Members are held by name and role only: no other personal data. The report an agenda item
considered, and a report an action asks to change, are named by the report template's slug (and
the edition's period key), so this app depends on no report app.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from simple_history.models import HistoricalRecords

from boardpack.core.models import Organisation, ReportingPeriod

SLUG = RegexValidator(r"^[a-z0-9-]+$", "Use lower-case letters, digits and hyphens.")
PERIOD_KEY = RegexValidator(r"^\d{4}-(0[1-9]|1[0-2])$", "Give the period as YYYY-MM, e.g. 2024-06.")


def one_to_five(what: str) -> list:
    message = f"{what} must be a whole number from 1 to 5"
    return [MinValueValidator(1, message), MaxValueValidator(5, message)]


def _organisation_of_workstream(workstream) -> int | None:
    return workstream.programme.organisation_id if workstream is not None else None


def check_topic(
    organisation_id: int | None, workstream, project, saving_line=None, field_prefix: str = ""
) -> None:
    """A topic (workstream, project, saving line) must be the same organisation's, and agree."""
    errors: dict[str, str] = {}
    if workstream is not None and _organisation_of_workstream(workstream) != organisation_id:
        errors[field_prefix + "workstream"] = "That workstream belongs to another organisation."
    if project is not None:
        if project.workstream.programme.organisation_id != organisation_id:
            errors[field_prefix + "project"] = "That project belongs to another organisation."
        elif workstream is not None and project.workstream_id != workstream.pk:
            errors[field_prefix + "project"] = (
                f"{project.name} is a project of {project.workstream.name}, "
                f"not of {workstream.name}."
            )
    if saving_line is not None and saving_line.organisation_id != organisation_id:
        errors[field_prefix + "saving_line"] = "That saving belongs to another organisation."
    if errors:
        raise ValidationError(errors)


class Committee(models.Model):
    class Kind(models.TextChoices):
        SCRUTINY = "scrutiny", "Scrutiny committee"
        EXECUTIVE = "executive", "Executive"
        CABINET = "cabinet", "Cabinet"
        CORPORATE_PARENTING = "corporate_parenting", "Corporate Parenting Board"
        TRANSFORMATION_BOARD = "transformation_board", "Transformation board"
        OTHER = "other", "Other"

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="committees"
    )
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, validators=[SLUG])
    kind = models.CharField(max_length=30, choices=Kind.choices, default=Kind.SCRUTINY)
    description = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation", "name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "slug"], name="unique_committee_slug")
        ]

    def __str__(self) -> str:
        return self.name


class Member(models.Model):
    """A committee member (or attending officer): a name and a role, nothing else.

    A member who leaves is kept, marked ``left``: the interests minuted at past meetings still
    name them, and the history shows who was on the committee when.
    """

    class Role(models.TextChoices):
        CHAIR = "chair", "Chair"
        VICE_CHAIR = "vice_chair", "Vice-chair"
        COUNCILLOR = "councillor", "Councillor"
        CO_OPTED = "co_opted", "Co-opted member"
        OFFICER = "officer", "Officer"

    committee = models.ForeignKey(Committee, on_delete=models.PROTECT, related_name="members")
    name = models.CharField(max_length=200)
    role = models.CharField(max_length=20, choices=Role.choices)
    order = models.PositiveSmallIntegerField(default=0)
    left = models.BooleanField("has left the committee", default=False)
    # Goes up by one on every save through a service: an edit form carries the version it was
    # opened on, and saving over a newer one is a conflict, never an overwrite.
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["committee", "order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["committee", "name"], name="unique_member_name")
        ]

    def __str__(self) -> str:
        return self.name


class Meeting(models.Model):
    committee = models.ForeignKey(Committee, on_delete=models.PROTECT, related_name="meetings")
    date = models.DateField(
        null=True, blank=True, help_text="Blank when not yet set, or not stated in the minutes."
    )
    title = models.CharField(max_length=200, blank=True)
    minutes_source = models.CharField(
        max_length=300, blank=True, help_text="Where the minutes were published."
    )
    # Goes up by one on every save through a service: an edit form carries the version it was
    # opened on, and saving over a newer one is a conflict, never an overwrite.
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["committee", models.F("date").asc(nulls_last=True), "pk"]

    def __str__(self) -> str:
        when = self.date.strftime("%-d %B %Y") if self.date else "date not stated"
        return f"{self.committee.name}, {self.title or when}"

    @property
    def organisation(self) -> Organisation:
        return self.committee.organisation


class AgendaItem(models.Model):
    class Purpose(models.TextChoices):
        CONSIDER = "consider", "To consider"
        RECEIVE = "receive", "To receive"
        NOTE = "note", "To note"
        APPROVE = "approve", "To approve"

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="items")
    order = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=300)
    purpose = models.CharField(max_length=20, choices=Purpose.choices)
    purpose_text = models.TextField(blank=True, help_text="The agenda's wording, as printed.")
    time_allowed_minutes = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1, "Give the time allowed in minutes, at least 1.")],
    )
    presenting_officer = models.CharField(max_length=200, blank=True)
    background_papers = models.TextField(blank=True)
    report_template_slug = models.CharField(
        max_length=80, blank=True, validators=[SLUG], help_text="The report considered, if any."
    )
    report_period_key = models.CharField(
        max_length=7, blank=True, validators=[PERIOD_KEY], help_text="Its edition, as YYYY-MM."
    )
    minutes = models.TextField(blank=True, help_text="What the minutes record of the item.")
    outcome = models.TextField(blank=True)
    # Goes up by one on every save through a service: an edit form carries the version it was
    # opened on, and saving over a newer one is a conflict, never an overwrite.
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "order", "pk"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.report_period_key and not self.report_template_slug:
            raise ValidationError(
                {"report_template_slug": "Name the report template the edition belongs to."}
            )


class MemberInterest(models.Model):
    """A priority area a member has an interest in, or has been involved in."""

    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="interests")
    area = models.CharField(max_length=200, help_text="The area as the council names it.")
    workstream = models.ForeignKey(
        "programme.Workstream",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="member_interests",
    )
    project = models.ForeignKey(
        "programme.Project",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="member_interests",
    )
    noted_at = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, null=True, blank=True, related_name="interests"
    )
    # Goes up by one on every save through a service: an edit form carries the version it was
    # opened on, and saving over a newer one is a conflict, never an overwrite.
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["member__committee", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["member", "area"], name="unique_member_interest")
        ]

    def __str__(self) -> str:
        return f"{self.area} – {self.member}"

    def clean(self) -> None:
        if self.member_id:
            check_topic(self.member.committee.organisation_id, self.workstream, self.project)


class PointRaised(models.Model):
    """A point members raised on an agenda item, and the officers' response, as minuted."""

    item = models.ForeignKey(AgendaItem, on_delete=models.PROTECT, related_name="points")
    order = models.PositiveSmallIntegerField(default=0)
    point = models.TextField()
    response = models.TextField(blank=True, help_text="Blank when the minutes record none.")
    workstream = models.ForeignKey(
        "programme.Workstream",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="scrutiny_points",
    )
    project = models.ForeignKey(
        "programme.Project",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="scrutiny_points",
    )
    saving_line = models.ForeignKey(
        "finance.SavingLine",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="scrutiny_points",
    )
    indicator_code = models.CharField(max_length=50, blank=True)
    # Goes up by one on every save through a service: an edit form carries the version it was
    # opened on, and saving over a newer one is a conflict, never an overwrite.
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["item", "order", "pk"]
        verbose_name_plural = "points raised"

    def __str__(self) -> str:
        return self.point[:80]

    def clean(self) -> None:
        if self.item_id:
            check_topic(
                self.item.meeting.committee.organisation_id,
                self.workstream,
                self.project,
                self.saving_line,
            )


class Action(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "Open"
        IN_PROGRESS = "in_progress", "In progress"
        DONE = "done", "Done"
        DROPPED = "dropped", "Dropped"

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="actions")
    item = models.ForeignKey(
        AgendaItem, on_delete=models.PROTECT, null=True, blank=True, related_name="actions"
    )
    point = models.ForeignKey(
        PointRaised, on_delete=models.PROTECT, null=True, blank=True, related_name="actions"
    )
    order = models.PositiveSmallIntegerField(default=0)
    text = models.TextField(help_text="What was agreed, as minuted.")
    # Blank is refused by clean(), with a message that says what to do.
    owner = models.CharField(
        max_length=200, blank=True, help_text="Who will do it: a name or a post."
    )
    due_date = models.DateField(null=True, blank=True)
    due_meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, null=True, blank=True, related_name="actions_due"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    dropped_reason = models.TextField(blank=True)
    completed_on = models.DateField(null=True, blank=True)
    report_template_slug = models.CharField(
        max_length=80,
        blank=True,
        validators=[SLUG],
        help_text="A report template this action asks to change, e.g. members-quarterly.",
    )
    report_request = models.TextField(blank=True, help_text="What the report should include.")
    # Goes up by one on every save through a service: an edit form carries the version it was
    # opened on, and saving over a newer one is a conflict, never an overwrite.
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    # Restoring an earlier version (workflow.services.restore_version) brings these back too:
    # an action's status is its own progress, not an approval state, and the meeting it is due
    # at is part of what was agreed. Restoring "in progress" over a "done" by mistake makes it
    # in progress again, with the completion date and reason of that version.
    RESTORED_WITH_VERSION = ("status", "due_meeting")

    class Meta:
        ordering = ["meeting", "order", "pk"]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def organisation(self) -> Organisation:
        return self.meeting.committee.organisation

    @property
    def due(self) -> datetime.date | None:
        """The date it is due: its own, or its meeting's."""
        if self.due_date:
            return self.due_date
        return self.due_meeting.date if self.due_meeting else None

    @property
    def is_closed(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.DROPPED)

    def is_overdue(self, today: datetime.date) -> bool:
        due = self.due
        return not self.is_closed and due is not None and due < today

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if not self.owner.strip():
            errors["owner"] = "Enter who owns the action"
        if self.due_date is None and self.due_meeting_id is None:
            errors["due_date"] = "Enter a due date or choose the meeting it is due at"
        meeting = self.meeting if self.meeting_id else None
        if meeting is not None:
            if self.due_date and meeting.date and self.due_date < meeting.date:
                errors["due_date"] = (
                    f"The due date must be on or after the meeting it came from "
                    f"({meeting.date.strftime('%-d %B %Y')})"
                )
            due_meeting = self.due_meeting if self.due_meeting_id else None
            if due_meeting is not None:
                if due_meeting.committee_id != meeting.committee_id:
                    errors["due_meeting"] = "Choose a meeting of the same committee"
                elif due_meeting.pk == meeting.pk:
                    errors["due_meeting"] = "Choose a later meeting than the one it came from"
                elif due_meeting.date and meeting.date and due_meeting.date < meeting.date:
                    errors["due_meeting"] = "The due meeting is before the meeting it came from"
            item = self.item if self.item_id else None
            if item is not None and item.meeting_id != meeting.pk:
                errors["item"] = "That agenda item is from another meeting"
            point = self.point if self.point_id else None
            if point is not None and point.item.meeting_id != meeting.pk:
                errors["point"] = "That point was raised at another meeting"
        if self.status == self.Status.DROPPED and not self.dropped_reason.strip():
            errors["dropped_reason"] = "Give the reason the action was dropped"
        if self.report_request.strip() and not self.report_template_slug:
            errors["report_template_slug"] = "Name the report template the request is for"
        if errors:
            raise ValidationError(errors)


class WorkPlanItem(models.Model):
    """A topic a committee means to look at, and when."""

    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        CONSIDERED = "considered", "Considered"
        WITHDRAWN = "withdrawn", "Withdrawn"

    committee = models.ForeignKey(Committee, on_delete=models.PROTECT, related_name="work_plan")
    topic = models.CharField(max_length=300)
    planned_meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, null=True, blank=True, related_name="work_plan_items"
    )
    timing = models.CharField(
        max_length=200, blank=True, help_text='When, in words, e.g. "after the consultation".'
    )
    added_by = models.OneToOneField(
        Action, on_delete=models.PROTECT, null=True, blank=True, related_name="work_plan_item"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PLANNED)
    # Goes up by one on every save through a service: an edit form carries the version it was
    # opened on, and saving over a newer one is a conflict, never an overwrite.
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    # Restoring an earlier version brings back where the topic stood (planned, considered,
    # withdrawn) and the meeting it was planned for: the topic's own values, not an approval.
    RESTORED_WITH_VERSION = ("status", "planned_meeting")

    class Meta:
        ordering = ["committee", "pk"]

    def __str__(self) -> str:
        return self.topic

    def clean(self) -> None:
        planned = self.planned_meeting if self.planned_meeting_id else None
        if planned is not None and planned.committee_id != self.committee_id:
            raise ValidationError({"planned_meeting": "Choose a meeting of this committee"})
        added_by = self.added_by if self.added_by_id else None
        if added_by is not None and added_by.meeting.committee_id != self.committee_id:
            raise ValidationError({"added_by": "That action is another committee's"})


class RiskRating(models.TextChoices):
    LOW = "low", "Low"
    MEDIUM = "medium", "Medium"
    HIGH = "high", "High"
    VERY_HIGH = "very_high", "Very high"


def risk_rating(score: int) -> RiskRating:
    """A 5 × 5 score as a rating: 1–4 low, 5–9 medium, 10–16 high, 20–25 very high."""
    if score >= 20:
        return RiskRating.VERY_HIGH
    if score >= 10:
        return RiskRating.HIGH
    if score >= 5:
        return RiskRating.MEDIUM
    return RiskRating.LOW


class Risk(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "Open"
        MANAGED = "managed", "Managed (at target)"
        CLOSED = "closed", "Closed"

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="risks")
    reference = models.CharField(
        max_length=20,
        validators=[RegexValidator(r"^[A-Za-z0-9][A-Za-z0-9/._-]*$", "Use letters and digits.")],
    )
    title = models.CharField(max_length=300)
    cause = models.TextField(blank=True)
    effect = models.TextField(blank=True)
    owner = models.CharField(max_length=200)
    workstream = models.ForeignKey(
        "programme.Workstream",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="risks",
    )
    likelihood = models.PositiveSmallIntegerField(validators=one_to_five("Likelihood"))
    impact = models.PositiveSmallIntegerField(validators=one_to_five("Impact"))
    mitigations = models.TextField(blank=True)
    target_likelihood = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=one_to_five("Target likelihood")
    )
    target_impact = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=one_to_five("Target impact")
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    review_date = models.DateField(null=True, blank=True)
    escalation = models.ForeignKey(
        "programme.Escalation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="risks",
        help_text="The workstream escalation the risk was raised from.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation", "reference"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "reference"], name="unique_risk_reference"
            )
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    @property
    def score(self) -> int:
        return self.likelihood * self.impact

    @property
    def rating(self) -> RiskRating:
        return risk_rating(self.score)

    @property
    def target_score(self) -> int | None:
        if self.target_likelihood is None or self.target_impact is None:
            return None
        return self.target_likelihood * self.target_impact

    @property
    def target_rating(self) -> RiskRating | None:
        target = self.target_score
        return None if target is None else risk_rating(target)

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.organisation_id:
            if self.workstream_id:
                try:
                    check_topic(self.organisation_id, self.workstream, None)
                except ValidationError as exc:
                    errors.update({k: v[0] for k, v in exc.message_dict.items()})
            escalation = self.escalation if self.escalation_id else None
            if escalation is not None and (
                escalation.programme.organisation_id != self.organisation_id
            ):
                errors["escalation"] = "That escalation belongs to another organisation."
        if (self.target_likelihood is None) != (self.target_impact is None):
            errors["target_likelihood"] = "Give both the target likelihood and impact, or neither"
        if errors:
            raise ValidationError(errors)


class RiskAssessment(models.Model):
    """A risk's position in a reporting period: the register's history per period."""

    risk = models.ForeignKey(Risk, on_delete=models.PROTECT, related_name="assessments")
    period = models.ForeignKey(ReportingPeriod, on_delete=models.PROTECT, related_name="+")
    likelihood = models.PositiveSmallIntegerField(validators=one_to_five("Likelihood"))
    impact = models.PositiveSmallIntegerField(validators=one_to_five("Impact"))
    status = models.CharField(max_length=20, choices=Risk.Status.choices)
    note = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["risk", "period__month"]
        constraints = [
            models.UniqueConstraint(fields=["risk", "period"], name="one_assessment_per_period")
        ]

    def __str__(self) -> str:
        return f"{self.risk.reference} – {self.period}"

    @property
    def score(self) -> int:
        return self.likelihood * self.impact

    @property
    def rating(self) -> RiskRating:
        return risk_rating(self.score)

    def clean(self) -> None:
        if self.risk_id and self.period_id:
            if self.period.organisation_id != self.risk.organisation_id:
                raise ValidationError({"period": "That period belongs to another organisation."})
