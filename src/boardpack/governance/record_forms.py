"""Forms for a committee's records: meetings, agenda items, points raised, its members and
their interests, and its work plan.

Each is a ModelForm, so the model's own checks refuse bad input here as they do in the
services and the admin; the service then writes. Every edit form carries the version it was
opened on (``version``), so saving over someone else's newer save is a conflict, not an
overwrite.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.apps import apps
from django.core.validators import URLValidator
from django.db.models import Model, Q

from boardpack.core.models import Organisation
from boardpack.governance.forms import (
    DATE_FORMATS,
    MeetingChoiceField,
    VersionMixin,
    meeting_label,
)
from boardpack.governance.models import (
    Action,
    AgendaItem,
    Committee,
    Meeting,
    Member,
    MemberInterest,
    PointRaised,
    WorkPlanItem,
)
from boardpack.programme.models import Project, Workstream

NO_REPORT = ""


def _date_field(label: str, hint: str) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        input_formats=DATE_FORMATS,
        help_text=hint,
        error_messages={"invalid": f"{label} must be a real date, like 26/06/2024"},
    )


def _limit(field: forms.Field, queryset: Any, empty_label: str, invalid: str) -> None:
    assert isinstance(field, forms.ModelChoiceField)
    field.queryset = queryset
    field.empty_label = empty_label
    field.error_messages["invalid_choice"] = invalid


class ProjectChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Project) -> str:  # type: ignore[override]
        return f"{obj.name} ({obj.workstream.name})"


class MeetingForm(VersionMixin, forms.ModelForm):
    """A meeting of a committee: its date (blank while not known), title, where minuted."""

    date = _date_field(
        "Date of the meeting",
        "For example, 26/06/2024. Leave it blank if the date is not set yet, or the minutes "
        "do not state it",
    )
    minutes_source = forms.CharField(
        label="Where the minutes are published (optional)",
        help_text="A web address, starting with https://",
        required=False,
        max_length=300,
        validators=[
            URLValidator(
                schemes=["http", "https"],
                message="Enter the web address of the minutes, starting with https://",
            )
        ],
        error_messages={"max_length": "The web address must be 300 characters or fewer"},
    )

    class Meta:
        model = Meeting
        fields = ["committee", "date", "title", "minutes_source"]
        labels = {"committee": "Committee", "title": "Title (optional)"}
        help_texts = {"title": "For example, Deep dive on the transformation programme"}
        error_messages = {
            "committee": {"required": "Choose the committee that meets"},
            "title": {"max_length": "The title must be 200 characters or fewer"},
        }

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["committee"]  # a meeting stays with its committee
        else:
            _limit(
                self.fields["committee"],
                Committee.objects.filter(organisation=organisation).order_by("name"),
                "Choose a committee",
                "Choose one of this organisation's committees",
            )


def edition_choices(organisation: Organisation, item: AgendaItem | None) -> list[tuple[str, str]]:
    """The organisation's report editions, as ``template-slug:YYYY-MM``, newest first.

    Read through the app registry: governance keeps the report by name, and depends on no
    report app. An item's report that has no edition (yet) stays a choice, so nothing is lost.
    """
    choices = [(NO_REPORT, "No Boardpack report")]
    if apps.is_installed("boardpack.reports"):
        edition = apps.get_model("reports", "Edition")
        for found in (
            edition.objects.filter(organisation=organisation)
            .select_related("template", "period")
            .order_by("-period__month", "template__title")
        ):
            choices.append(
                (
                    f"{found.template.slug}:{found.period.key}",
                    f"{found.template.title}, {found.period.label}",
                )
            )
    if item is not None and item.report_template_slug:
        current = f"{item.report_template_slug}:{item.report_period_key}"
        if current not in dict(choices):
            label = f"Report template {item.report_template_slug}" + (
                f", {item.report_period_key}" if item.report_period_key else ""
            )
            choices.append((current, f"{label} (no edition in Boardpack)"))
    return choices


class AgendaItemForm(VersionMixin, forms.ModelForm):
    """An item on a meeting's agenda, and what the minutes record of it."""

    time_allowed_minutes = forms.IntegerField(
        label="Time the Chair allows, in minutes (optional)",
        required=False,
        min_value=1,
        max_value=600,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "invalid": "Time allowed must be a whole number of minutes, like 55",
            "min_value": "Time allowed must be at least 1 minute",
            "max_value": "Time allowed must be 600 minutes or fewer",
        },
    )
    report = forms.ChoiceField(
        label="Report considered (optional)",
        required=False,
        help_text="An edition of one of Boardpack's reports",
    )

    class Meta:
        model = AgendaItem
        fields = [
            "title",
            "purpose",
            "purpose_text",
            "time_allowed_minutes",
            "presenting_officer",
            "background_papers",
            "minutes",
            "outcome",
        ]
        labels = {
            "title": "Title",
            "purpose": "Purpose",
            "purpose_text": "The agenda's wording (optional)",
            "presenting_officer": "Presenting officer (optional)",
            "background_papers": "Background papers (optional)",
            "minutes": "What the minutes record (optional)",
            "outcome": "Outcome (optional)",
        }
        help_texts = {
            "purpose_text": "As printed, for example To consider PowerPoint presentation",
            "presenting_officer": "A name or a post, for example Executive Director",
        }
        error_messages = {
            "title": {"required": "Enter the item's title"},
            "purpose": {
                "required": "Select the item's purpose",
                "invalid_choice": "Select to consider, to receive, to note or to approve",
            },
        }
        widgets = {
            "purpose": forms.RadioSelect,
            "purpose_text": forms.Textarea(attrs={"rows": 2}),
            "background_papers": forms.Textarea(attrs={"rows": 3}),
            "minutes": forms.Textarea(attrs={"rows": 5}),
            "outcome": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        item = self.instance if self.instance.pk else None
        purpose = self.fields["purpose"]
        assert isinstance(purpose, forms.ChoiceField)
        purpose.choices = AgendaItem.Purpose.choices  # radios: no blank "-----" choice
        report = self.fields["report"]
        assert isinstance(report, forms.ChoiceField)
        report.choices = edition_choices(organisation, item)
        report.error_messages["invalid_choice"] = "Choose one of this organisation's reports"
        if item is not None:
            self.initial.setdefault("report", self.value_of(item, "report"))

    def value_of(self, record: Model, name: str) -> Any:
        if name == "report" and isinstance(record, AgendaItem):
            if not record.report_template_slug:
                return NO_REPORT
            return f"{record.report_template_slug}:{record.report_period_key}"
        return super().value_of(record, name)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        slug, _colon, period_key = (data.get("report") or NO_REPORT).partition(":")
        self.instance.report_template_slug = slug
        self.instance.report_period_key = period_key
        return data

    def item_values(self) -> dict[str, Any]:
        """The values the service writes."""
        values = {name: self.cleaned_data[name] for name in self.Meta.fields}
        values["report_template_slug"] = self.instance.report_template_slug
        values["report_period_key"] = self.instance.report_period_key
        return values


class PointForm(VersionMixin, forms.ModelForm):
    """A point members raised, the officers' response, and the topic it concerns."""

    indicator_code = forms.ChoiceField(label="Indicator it concerns (optional)", required=False)

    class Meta:
        model = PointRaised
        fields = ["point", "response", "workstream", "project", "saving_line", "indicator_code"]
        labels = {
            "point": "Point raised",
            "response": "Officers' response (optional)",
            "workstream": "Workstream it concerns (optional)",
            "project": "Project it concerns (optional)",
            "saving_line": "Saving it concerns (optional)",
        }
        help_texts = {
            "point": "As minuted, for example requested an explanation about the delays",
            "response": "Leave it blank if the minutes record no response",
            "workstream": "The workstream's page lists what scrutiny asked about it",
        }
        error_messages = {"point": {"required": "Enter the point raised"}}
        widgets = {
            "point": forms.Textarea(attrs={"rows": 4}),
            "response": forms.Textarea(attrs={"rows": 4}),
        }
        field_classes = {"project": ProjectChoiceField}

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _limit(
            self.fields["workstream"],
            Workstream.objects.filter(programme__organisation=organisation).order_by("order"),
            "No workstream",
            "Choose one of this organisation's workstreams",
        )
        _limit(
            self.fields["project"],
            Project.objects.filter(workstream__programme__organisation=organisation)
            .select_related("workstream")
            .order_by("workstream__order", "name"),
            "No project",
            "Choose one of this organisation's projects",
        )
        from boardpack.finance.models import SavingLine

        _limit(
            self.fields["saving_line"],
            SavingLine.objects.filter(organisation=organisation).order_by("reference"),
            "No saving",
            "Choose one of this organisation's savings",
        )
        from boardpack.performance.models import Indicator

        indicator = self.fields["indicator_code"]
        assert isinstance(indicator, forms.ChoiceField)
        indicator.choices = [("", "No indicator")] + [
            (code, f"{title} ({code})")
            for code, title in Indicator.objects.filter(organisation=organisation)
            .order_by("title")
            .values_list("code", "title")
        ]
        indicator.error_messages["invalid_choice"] = "Choose one of this organisation's indicators"


class MemberInterestForm(VersionMixin, forms.ModelForm):
    """A priority area a committee member has an interest in, or has been involved in."""

    class Meta:
        model = MemberInterest
        fields = ["member", "area", "workstream", "project", "noted_at"]
        labels = {
            "member": "Member",
            "area": "Area",
            "workstream": "Workstream (optional)",
            "project": "Project (optional)",
            "noted_at": "Meeting it was noted at (optional)",
        }
        help_texts = {"area": "As the council names it, for example SEND Strategy"}
        error_messages = {
            "member": {"required": "Choose the member"},
            "area": {
                "required": "Enter the area of interest",
                "max_length": "The area must be 200 characters or fewer",
            },
        }
        field_classes = {"project": ProjectChoiceField, "noted_at": MeetingChoiceField}

    def __init__(self, *args: Any, committee: Committee, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organisation = committee.organisation
        current = Q(left=False)
        if self.instance.pk:
            current |= Q(pk=self.instance.member_id)  # a former member's interest stays theirs
        _limit(
            self.fields["member"],
            committee.members.filter(current).order_by("order", "name"),
            "Choose a member",
            f"Choose a member of {committee.name}",
        )
        _limit(
            self.fields["workstream"],
            Workstream.objects.filter(programme__organisation=organisation).order_by("order"),
            "No workstream",
            "Choose one of this organisation's workstreams",
        )
        _limit(
            self.fields["project"],
            Project.objects.filter(workstream__programme__organisation=organisation)
            .select_related("workstream")
            .order_by("workstream__order", "name"),
            "No project",
            "Choose one of this organisation's projects",
        )
        _limit(
            self.fields["noted_at"],
            committee.meetings.all(),
            "No meeting",
            f"Choose a meeting of {committee.name}",
        )

    def clean(self) -> dict[str, Any]:
        """A second interest in the same area, said in words (the model's message is not)."""
        data = super().clean() or {}
        member, area = data.get("member"), (data.get("area") or "").strip()
        if member is not None and area:
            clash = MemberInterest.objects.filter(member=member, area=area)
            if self.instance.pk:
                clash = clash.exclude(pk=self.instance.pk)
            if clash.exists():
                self.add_error("area", f"{member.name} already has an interest in {area} recorded")
        return data


class MemberForm(VersionMixin, forms.ModelForm):
    """A committee member: a name and a role, nothing else."""

    class Meta:
        model = Member
        fields = ["name", "role"]
        labels = {"name": "Name", "role": "Role"}
        help_texts = {
            "name": "As the minutes give it, for example Evie Potts-Jones. Boardpack keeps a "
            "member's name and role, nothing else",
        }
        error_messages = {
            "name": {
                "required": "Enter the member's name",
                "max_length": "The name must be 200 characters or fewer",
            },
            "role": {
                "required": "Select the member's role",
                "invalid_choice": (
                    "Select chair, vice-chair, councillor, co-opted member or officer"
                ),
            },
        }
        widgets = {"role": forms.RadioSelect}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        role = self.fields["role"]
        assert isinstance(role, forms.ChoiceField)
        role.choices = Member.Role.choices  # radios: no blank "-----" choice


class MemberLeaveForm(VersionMixin, forms.Form):
    """Confirms that a member has left: only the version the page was opened on is sent."""

    def __init__(self, *args: Any, member: Member, **kwargs: Any) -> None:
        self.instance = member
        super().__init__(*args, **kwargs)

    def conflict_rows(self, current: Model) -> list[tuple[str, str, str]]:
        assert isinstance(current, Member)
        role = current.get_role_display()
        left = "Yes" if current.left else "No"
        return [
            ("Name", current.name, current.name),
            ("Role", role, role),
            ("Has left", left, "Yes"),
        ]


class ActionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Action) -> str:  # type: ignore[override]
        text = obj.text if len(obj.text) <= 80 else obj.text[:79] + "…"
        return f"{text} ({meeting_label(obj.meeting)})"


class WorkPlanItemForm(VersionMixin, forms.ModelForm):
    """A topic on a committee's work plan: the meeting it is planned for (one of the
    committee's, dated or not) or when in words, the action it came from, and where it stands."""

    class Meta:
        model = WorkPlanItem
        fields = ["topic", "planned_meeting", "timing", "added_by", "status"]
        labels = {
            "topic": "Topic",
            "planned_meeting": "Meeting it is planned for (optional)",
            "timing": "When, in words (optional)",
            "added_by": "Action it came from (optional)",
            "status": "Where it stands",
        }
        help_texts = {
            "topic": "As the committee put it, for example data sharing (how it works)",
            "planned_meeting": "One of this committee's meetings. Add a meeting on the "
            "committee's page if it is not listed",
            "timing": "For example, when the consultation period is completed",
            "added_by": "An action agreed at one of this committee's meetings",
        }
        error_messages = {
            "topic": {
                "required": "Enter the topic",
                "max_length": "The topic must be 300 characters or fewer",
            },
            "timing": {"max_length": "When, in words, must be 200 characters or fewer"},
            "status": {
                "required": "Select where the topic stands",
                "invalid_choice": "Select planned, considered or withdrawn",
            },
        }
        widgets = {"topic": forms.Textarea(attrs={"rows": 2}), "status": forms.RadioSelect}
        field_classes = {"planned_meeting": MeetingChoiceField, "added_by": ActionChoiceField}

    def __init__(self, *args: Any, committee: Committee, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.instance.committee = committee  # the model's own checks compare with it
        _limit(
            self.fields["planned_meeting"],
            committee.meetings.all(),
            "Not planned for a meeting yet",
            f"Choose a meeting of {committee.name}",
        )
        free = Q(work_plan_item__isnull=True)
        if self.instance.pk and self.instance.added_by_id:
            free |= Q(pk=self.instance.added_by_id)
        _limit(
            self.fields["added_by"],
            Action.objects.filter(free, meeting__committee=committee)
            .select_related("meeting")
            .order_by("meeting__date", "meeting__pk", "order", "pk"),
            "Not from an action",
            f"Choose an action of {committee.name} that has not added a topic already",
        )
        if self.instance.pk:
            status = self.fields["status"]
            assert isinstance(status, forms.ChoiceField)
            status.choices = WorkPlanItem.Status.choices  # radios: no blank "-----" choice
        else:
            del self.fields["status"]  # a new topic is planned
