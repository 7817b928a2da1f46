"""Forms for actions and risks. Each is a ModelForm, so the model's own checks (an owner, a due
date or meeting, nothing due before the meeting, likelihood and impact 1 to 5) refuse bad input
here exactly as they do in the services and the admin."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Model

from boardpack.core.models import Organisation, ReportingPeriod
from boardpack.governance.models import Action, Meeting, Risk
from boardpack.programme.models import Workstream
from boardpack.workflow.history import readable

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d %m %Y", "%d-%m-%Y"]
DATE_HINT = "For example, 07/08/2024"
ONE_TO_FIVE: list[tuple[int | str, str]] = [(n, str(n)) for n in range(1, 6)]


def _date_field(label: str) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        input_formats=DATE_FORMATS,
        help_text=DATE_HINT,
        error_messages={"invalid": f"{label} must be a real date, like 07/08/2024"},
    )


def meeting_label(meeting: Meeting) -> str:
    """A meeting as a choice names it: its date, or its title while it has none."""
    if meeting.date:
        return meeting.date.strftime("%-d %B %Y")
    return meeting.title or "Date not stated"


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Meeting) -> str:  # type: ignore[override]
        return meeting_label(obj)


class VersionMixin(forms.Form):
    """The version of the record the form was opened on (0 for a new record)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, required=True)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["version"].error_messages["required"] = (
            "The form was sent without the version it was opened on: open it again"
        )
        instance = getattr(self, "instance", None)
        self.fields["version"].initial = instance.version if instance and instance.pk else 0

    def value_of(self, record: Model, name: str) -> Any:
        """What ``record`` holds for the form's field ``name``, for the conflict page."""
        return getattr(record, name, None)

    def conflict_rows(self, current: Model) -> list[tuple[str, str, str]]:
        """Each field: its label, the saved value and the value sent, as people read them."""
        rows = []
        for bound in self.visible_fields():
            name = bound.name
            field = self.fields[name]
            rows.append(
                (
                    str(field.label),
                    _shown(field, self.value_of(current, name)),
                    _shown(field, self.cleaned_data.get(name)),
                )
            )
        return rows


def _shown(field: forms.Field, value: Any) -> str:
    if isinstance(value, Model) or value is None:
        return readable(value)
    if hasattr(value, "strftime"):
        return value.strftime("%-d %B %Y")
    choices = dict(getattr(field, "choices", []) or [])
    if value in choices:
        return readable(choices[value])
    return readable(value)


class ActionForm(forms.ModelForm):
    """A new action agreed at a meeting; optionally a work plan topic or a report request."""

    due_date = _date_field("Due date")
    work_plan_topic = forms.CharField(
        label="Add a topic to the committee's work plan (optional)",
        required=False,
        max_length=300,
    )

    class Meta:
        model = Action
        fields = [
            "text",
            "owner",
            "due_date",
            "due_meeting",
            "report_template_slug",
            "report_request",
        ]
        labels = {
            "text": "What was agreed",
            "owner": "Owner",
            "due_meeting": "Or the meeting it is due at",
            "report_template_slug": "Report template it asks to change (optional)",
            "report_request": "What the report should include (optional)",
        }
        help_texts = {
            "owner": "A name or a post, for example Executive Director",
            "report_template_slug": "The template's short name, for example members-quarterly",
        }
        error_messages = {"text": {"required": "Enter what was agreed"}}
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            "report_request": forms.Textarea(attrs={"rows": 2}),
        }
        field_classes = {"due_meeting": MeetingChoiceField}

    def __init__(self, *args, meeting: Meeting, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.instance.meeting = meeting
        self.fields["owner"].required = False  # the model's message, not Django's
        due = self.fields["due_meeting"]
        assert isinstance(due, forms.ModelChoiceField)
        due.queryset = Meeting.objects.filter(committee=meeting.committee).exclude(pk=meeting.pk)
        due.empty_label = "No meeting chosen"


class ActionUpdateForm(VersionMixin, forms.ModelForm):
    due_date = _date_field("Due date")

    class Meta:
        model = Action
        fields = ["status", "owner", "due_date", "due_meeting", "dropped_reason"]
        labels = {
            "due_meeting": "Or the meeting it is due at",
            "dropped_reason": "Reason it was dropped",
        }
        help_texts = {"dropped_reason": "Needed when the status is Dropped"}
        widgets = {
            "status": forms.RadioSelect,
            "dropped_reason": forms.Textarea(attrs={"rows": 2}),
        }
        field_classes = {"due_meeting": MeetingChoiceField}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].required = False
        meeting = self.instance.meeting
        due = self.fields["due_meeting"]
        assert isinstance(due, forms.ModelChoiceField)
        due.queryset = Meeting.objects.filter(committee=meeting.committee).exclude(pk=meeting.pk)
        due.empty_label = "No meeting chosen"
        self.fields["status"].error_messages["invalid_choice"] = (
            "Select open, in progress, done or dropped"
        )


class RiskForm(forms.ModelForm):
    likelihood = forms.TypedChoiceField(
        label="Likelihood (1 to 5)",
        choices=ONE_TO_FIVE,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select a likelihood from 1 to 5",
            "invalid_choice": "Likelihood must be a whole number from 1 to 5",
        },
    )
    impact = forms.TypedChoiceField(
        label="Impact (1 to 5)",
        choices=ONE_TO_FIVE,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select an impact from 1 to 5",
            "invalid_choice": "Impact must be a whole number from 1 to 5",
        },
    )
    target_likelihood = forms.TypedChoiceField(
        label="Target likelihood",
        choices=[("", "Not set"), *ONE_TO_FIVE],
        coerce=int,
        empty_value=None,
        required=False,
        error_messages={"invalid_choice": "Target likelihood must be a whole number from 1 to 5"},
    )
    target_impact = forms.TypedChoiceField(
        label="Target impact",
        choices=[("", "Not set"), *ONE_TO_FIVE],
        coerce=int,
        empty_value=None,
        required=False,
        error_messages={"invalid_choice": "Target impact must be a whole number from 1 to 5"},
    )
    review_date = _date_field("Review date")
    period = forms.ModelChoiceField(
        label="Record this position for the period (optional)",
        queryset=ReportingPeriod.objects.none(),
        required=False,
        empty_label="Do not record a period position",
    )

    class Meta:
        model = Risk
        fields = [
            "reference",
            "title",
            "cause",
            "effect",
            "owner",
            "workstream",
            "likelihood",
            "impact",
            "mitigations",
            "target_likelihood",
            "target_impact",
            "status",
            "review_date",
        ]
        labels = {"title": "Risk", "workstream": "Workstream (optional)"}
        error_messages = {
            "reference": {"required": "Enter the risk's reference, for example R1"},
            "title": {"required": "Enter the risk"},
            "owner": {"required": "Enter who owns the risk"},
        }
        widgets = {
            "cause": forms.Textarea(attrs={"rows": 3}),
            "effect": forms.Textarea(attrs={"rows": 3}),
            "mitigations": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, organisation: Organisation, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.instance.organisation = organisation
        workstream = self.fields["workstream"]
        assert isinstance(workstream, forms.ModelChoiceField)
        workstream.queryset = Workstream.objects.filter(programme__organisation=organisation)
        workstream.empty_label = "No workstream"
        workstream.error_messages["invalid_choice"] = (
            "Choose one of this organisation's workstreams"
        )
        period = self.fields["period"]
        assert isinstance(period, forms.ModelChoiceField)
        period.queryset = ReportingPeriod.objects.filter(organisation=organisation).order_by(
            "-month"
        )
