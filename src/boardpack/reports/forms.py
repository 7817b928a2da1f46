from __future__ import annotations

from typing import Any

from django import forms

from boardpack.core.models import Organisation, ReportingPeriod
from boardpack.reports.models import MAX_NARRATIVE_LENGTH, Block, ReportTemplate
from boardpack.reports.selectors import templates_for


class EditionCreateForm(forms.Form):
    template: forms.ModelChoiceField[ReportTemplate] = forms.ModelChoiceField(
        queryset=None,  # type: ignore[arg-type]
        label="Report",
        empty_label=None,
        error_messages={"required": "Choose a report", "invalid_choice": "Choose a report"},
    )
    period: forms.ModelChoiceField[ReportingPeriod] = forms.ModelChoiceField(
        queryset=None,  # type: ignore[arg-type]
        label="Period",
        empty_label=None,
        error_messages={"required": "Choose a period", "invalid_choice": "Choose a period"},
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = templates_for(organisation)  # type: ignore[attr-defined]
        self.fields["period"].queryset = ReportingPeriod.objects.filter(  # type: ignore[attr-defined]
            organisation=organisation
        ).order_by("-month")
        self.fields["period"].label_from_instance = lambda p: p.title or p.label  # type: ignore[attr-defined]


def narrative_field_name(block: Block) -> str:
    return f"block-{block.pk}"


class NarrativeForm(forms.Form):
    """One Markdown box per editable block of the edition's template."""

    def __init__(
        self, *args: Any, drafts: list[tuple[Block, str, bool]], disabled: bool, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.blocks = [block for block, _text, _saved in drafts]
        for block, text, _saved in drafts:
            label = block.title or (
                f"{block.section.title}: what has changed"
                if block.kind == "what_changed"
                else f"{block.section.title}: narrative"
            )
            self.fields[narrative_field_name(block)] = forms.CharField(
                label=label,
                required=False,
                initial=text,
                max_length=MAX_NARRATIVE_LENGTH,
                disabled=disabled,
                strip=True,
                widget=forms.Textarea(attrs={"rows": 10, "class": "govuk-textarea"}),
                help_text=(
                    "Markdown: # for a heading, - for a point, **bold**, *italic*, "
                    "[words](https://link). Leave it empty to use the draft from the data."
                ),
                error_messages={
                    "max_length": f"Write at most {MAX_NARRATIVE_LENGTH:,} characters "
                    "(%(show_value)d given)"
                },
            )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for name, value in cleaned.items():
            if isinstance(value, str) and "\x00" in value:
                self.add_error(name, "The text contains a NUL character; remove it")
        return cleaned

    def texts(self) -> dict[int, str]:
        return {
            block.pk: self.cleaned_data.get(narrative_field_name(block), "")
            for block in self.blocks
        }

    def bound_fields(self) -> list[tuple[Block, forms.BoundField]]:
        return [(block, self[narrative_field_name(block)]) for block in self.blocks]


class CorrectionForm(forms.Form):
    reason = forms.CharField(
        label="Why does this edition need correcting?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4, "class": "govuk-textarea"}),
        error_messages={"required": "Say why the edition is being corrected"},
    )


class RequestAnswerForm(forms.Form):
    """Which block of the template answers which committee request."""

    action = forms.TypedChoiceField(
        label="Request",
        coerce=int,
        error_messages={"required": "Choose a request", "invalid_choice": "Choose a request"},
    )
    block = forms.TypedChoiceField(
        label="Answered by",
        coerce=int,
        error_messages={"required": "Choose a block", "invalid_choice": "Choose a block"},
    )

    def __init__(
        self,
        *args: Any,
        requests: list[tuple[int, str]],
        blocks: list[tuple[int, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = requests  # type: ignore[attr-defined]
        self.fields["block"].choices = blocks  # type: ignore[attr-defined]
