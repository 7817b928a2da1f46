"""Forms of the reporting cycle, and the fields every edit form carries."""

from __future__ import annotations

from typing import Any

from django import forms

from boardpack.core.models import RAG, ReportingPeriod
from boardpack.programme.forms import PointsField
from boardpack.programme.models import Escalation
from boardpack.workflow.revision import MAX_REASON, RevisionMixin


class OpenPeriodForm(forms.Form):
    frequency = forms.ChoiceField(
        label="Open the next",
        choices=ReportingPeriod.Frequency.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select month or quarter",
            "invalid_choice": "Select month or quarter",
        },
    )


class ProgrammeUpdateForm(RevisionMixin):
    overall_status = forms.ChoiceField(
        label="Overall status",
        choices=RAG.choices,
        error_messages={"invalid_choice": "Select Red, Amber, Green or Not rated"},
    )
    progress_summary = PointsField(label="Director's progress summary")


class FinanceSummaryForm(RevisionMixin):
    overall_status = forms.ChoiceField(
        label="Overarching status",
        choices=RAG.choices,
        error_messages={"invalid_choice": "Select Red, Amber, Green or Not rated"},
    )
    covering = forms.CharField(
        label="Months covered",
        required=False,
        max_length=100,
        help_text='For example "May/June 2024".',
    )
    headline = forms.CharField(
        label="Headline", required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )
    working_well = PointsField(label="Working well")
    challenges = PointsField(label="Challenges")


class EscalationForm(RevisionMixin):
    project = forms.TypedChoiceField(
        label="Raised by project",
        required=False,
        coerce=int,
        empty_value=None,
        help_text="Leave as the whole workstream when no one project raised it.",
        error_messages={"invalid_choice": "Select a project of this workstream"},
    )
    owner = forms.CharField(label="Owner", required=False, max_length=200)
    decision_needed = forms.CharField(
        label="Decision needed",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    due_date = forms.DateField(
        label="Due date",
        required=False,
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        help_text="For example 2024-07-31 or 31/07/2024.",
        error_messages={"invalid": "Enter the due date as a real date, like 31/07/2024"},
    )
    status = forms.ChoiceField(label="Status", choices=Escalation.Status.choices)
    resolution = forms.CharField(
        label="Resolution",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    closed_reason = forms.CharField(
        label="Reason for closing",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Needed when the status is Closed.",
    )

    def __init__(self, *args: Any, projects: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", "The whole workstream")] + [(p.pk, p.name) for p in projects]
        field = self.fields["project"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = choices
        if len(choices) == 1:
            del self.fields["project"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for name in ("owner", "decision_needed", "resolution", "closed_reason"):
            if "\x00" in (cleaned.get(name) or ""):
                self.add_error(
                    name, f"{self.fields[name].label} contains a NUL character; remove it"
                )
        if (
            cleaned.get("status") == Escalation.Status.CLOSED
            and not (cleaned.get("closed_reason") or "").strip()
        ):
            self.add_error("closed_reason", "Give the reason for closing the escalation")
        return cleaned


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label="Reason",
        required=False,
        max_length=MAX_REASON,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label="What needs changing",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
