from django import forms
from django.core.validators import ProhibitNullCharactersValidator

from boardpack.core.models import RAG
from boardpack.core.points import PointsError, parse_points
from boardpack.programme.models import Project, Stage
from boardpack.workflow.revision import RevisionMixin

POINTS_HELP = (
    "One point per line, starting with a dash (-). To group points under a heading, put the "
    "heading on its own line starting with #."
)
MAX_LIST_CHARACTERS = 20000


class PointsField(forms.CharField):
    widget = forms.Textarea(attrs={"class": "govuk-textarea", "rows": 8})

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", MAX_LIST_CHARACTERS)
        kwargs.setdefault("help_text", POINTS_HELP)
        kwargs.setdefault("strip", True)
        super().__init__(*args, **kwargs)
        # parse_points refuses NUL itself, with a message that names the list.
        self.validators = [
            v for v in self.validators if not isinstance(v, ProhibitNullCharactersValidator)
        ]

    def clean(self, value):
        text = super().clean(value)
        try:
            return parse_points(text or "")
        except PointsError as exc:
            raise forms.ValidationError(f"{self.label}: {exc}") from exc


class WorkstreamUpdateForm(RevisionMixin):
    rag = forms.ChoiceField(
        label="RAG status",
        choices=RAG.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select a RAG status",
            "invalid_choice": "Select Red, Amber, Green or Not rated as the RAG status",
        },
    )
    working_well = PointsField(label="Working well")
    not_working_well = PointsField(label="Not working well")
    to_escalate = PointsField(
        label="To escalate",
        help_text=POINTS_HELP + " Leave empty when there is nothing to escalate.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("working_well", "not_working_well", "to_escalate"):
            self.fields[name].error_messages["max_length"] = (
                f"{self.fields[name].label} must be {MAX_LIST_CHARACTERS} characters or fewer"
            )

    def clean(self):
        cleaned = super().clean()
        if (
            not self.errors
            and not cleaned.get("working_well")
            and not cleaned.get("not_working_well")
        ):
            self.add_error(
                "working_well",
                "Enter at least one point in working well or not working well",
            )
        return cleaned


MAX_COMMENTARY = 1000


class ProjectUpdateForm(forms.Form):
    """One project's RAG, stage and commentary, inside a workstream's update."""

    rag = forms.ChoiceField(label="RAG status", choices=RAG.choices)
    stage = forms.ChoiceField(label="Stage", choices=Stage.choices, required=False)
    commentary = forms.CharField(
        label="Commentary",
        required=False,
        max_length=MAX_COMMENTARY,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, project: Project, **kwargs):
        kwargs.setdefault("prefix", f"project-{project.pk}")
        super().__init__(*args, **kwargs)
        self.project = project
        name = project.name
        self.fields["rag"].error_messages.update(
            required=f"Select a RAG status for {name}",
            invalid_choice=f"Select Red, Amber, Green or Not rated for {name}",
        )
        self.fields["stage"].error_messages["invalid_choice"] = (
            f"Select a stage from the list for {name}"
        )
        self.fields["commentary"].error_messages["max_length"] = (
            f"Commentary for {name} must be {MAX_COMMENTARY} characters or fewer"
        )
        self.fields["commentary"].validators = [
            v
            for v in self.fields["commentary"].validators
            if not isinstance(v, ProhibitNullCharactersValidator)
        ]

    def clean_commentary(self) -> str:
        text = self.cleaned_data["commentary"]
        if "\x00" in text:
            raise forms.ValidationError(
                f"Commentary for {self.project.name} contains a NUL character; remove it"
            )
        return text
