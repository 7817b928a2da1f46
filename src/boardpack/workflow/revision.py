"""The fields every edit form carries: the version it was opened on, and a correction's reason.

Kept apart from the other workflow forms so any app's forms can use it without importing them.
"""

from __future__ import annotations

from typing import Any

from django import forms

from boardpack.core.models import ReportingPeriod

MAX_REASON = 500


def _no_nul(value: str, label: str) -> str:
    if "\x00" in value:
        raise forms.ValidationError(f"{label} contains a NUL character; remove it")
    return value


class RevisionMixin(forms.Form):
    """The version the form was opened on and, for a closed period, the correction's reason."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, required=True)
    reason = forms.CharField(
        label="Reason for the correction",
        required=False,
        max_length=MAX_REASON,
        help_text="This period is closed. Say why it is being corrected: the reason is kept "
        "with the change.",
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, period: ReportingPeriod | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.period = period
        self.fields["version"].error_messages["required"] = (
            "The form was sent without the version it was opened on: open it again"
        )
        self.fields["reason"].error_messages["max_length"] = (
            f"The reason must be {MAX_REASON} characters or fewer"
        )
        if period is not None and period.is_closed:
            self.fields["reason"].required = True
            self.fields["reason"].error_messages["required"] = (
                f"{period.label} is closed: give the reason for the correction"
            )

    @property
    def needs_reason(self) -> bool:
        return bool(self.period is not None and self.period.is_closed)

    def clean_reason(self) -> str:
        return _no_nul(self.cleaned_data.get("reason", "").strip(), "The reason")
