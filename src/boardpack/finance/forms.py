"""Forms for finance officers' edits in the browser.

An amount is read exactly as the importer reads a cell (``£1,234``, ``(0.4)``, ``-`` for nil,
blank for "not reported"), and the forms then hand the figures to the same services the
importers use, so a figure typed in the browser meets the same rules as one in a spreadsheet.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from boardpack.finance.models import ServiceArea
from boardpack.finance.services.cleaning import MILLION_PLACES, POUND_PLACES, clean_amount
from boardpack.imports.amounts import AmountError, Unit, parse_amount
from boardpack.periods import FinancialYear, PeriodError

ZERO = Decimal("0")
SAVING_PART_LABELS = {
    "over_achieved": "Over-achieved",
    "achieved": "Achieved",
    "on_track": "On track",
    "at_risk": "At risk",
}


class AmountField(forms.Field):
    """An amount typed as a finance officer writes it, in ``unit``; stored in ``to``."""

    def __init__(
        self, *, unit: Unit, to: Unit, places: int, minimum: Decimal | None = None, **kwargs: Any
    ) -> None:
        self.unit, self.to, self.places, self.minimum = unit, to, places, minimum
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value is None:
            return
        # The service's own rules (precision, sign, size), so that every problem shows at once.
        try:
            clean_amount(value, field="value", places=self.places, minimum=self.minimum)
        except ValidationError as exc:
            messages = exc.message_dict.get("value", exc.messages)
            raise ValidationError([f"{self.label}: {m}" for m in messages]) from None

    def to_python(self, value: Any) -> Decimal | None:
        text = "" if value is None else str(value).strip()
        if not text:
            return None
        try:
            return parse_amount(text, unit=self.unit, to=self.to)
        except AmountError as exc:
            raise ValidationError(f"{self.label}: {exc}.") from None


def _amount_initial(value: Decimal | None) -> str:
    if value is None:
        return ""
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


class SavingPositionForm(forms.Form):
    """Where a saving stands: the four parts of its target, and a comment."""

    over_achieved = AmountField(
        unit=Unit.POUNDS,
        to=Unit.POUNDS,
        places=POUND_PLACES,
        minimum=ZERO,
        label="Over-achieved (£)",
    )
    achieved = AmountField(
        unit=Unit.POUNDS, to=Unit.POUNDS, places=POUND_PLACES, minimum=ZERO, label="Achieved (£)"
    )
    on_track = AmountField(
        unit=Unit.POUNDS, to=Unit.POUNDS, places=POUND_PLACES, minimum=ZERO, label="On track (£)"
    )
    at_risk = AmountField(
        unit=Unit.POUNDS, to=Unit.POUNDS, places=POUND_PLACES, minimum=ZERO, label="At risk (£)"
    )
    comment = forms.CharField(
        required=False,
        label="Comments",
        max_length=5000,
        widget=forms.Textarea(attrs={"class": "govuk-textarea", "rows": 4}),
    )

    @classmethod
    def initial_from(cls, position: Any) -> dict[str, str]:
        if position is None:
            return {}
        initial = {p: _amount_initial(getattr(position, p)) for p in SAVING_PART_LABELS}
        return initial | {"comment": position.comment}


class MonitoringFiguresForm(forms.Form):
    """A budget or DSG line's current budget and full-year projection, in £m."""

    current_budget = AmountField(
        unit=Unit.MILLIONS,
        to=Unit.MILLIONS,
        places=MILLION_PLACES,
        label="Current budget (£m)",
        required=True,
    )
    projection = AmountField(
        unit=Unit.MILLIONS,
        to=Unit.MILLIONS,
        places=MILLION_PLACES,
        label="Full year projection (£m)",
        required=True,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            what = str(field.label or "").removesuffix(" (£m)").lower()
            field.error_messages["required"] = f"Enter the {what} in £m."

    @classmethod
    def initial_from(cls, line: Any) -> dict[str, str]:
        if line is None:
            return {}
        return {
            "current_budget": _amount_initial(line.current_budget),
            "projection": _amount_initial(line.projection),
        }


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """A service's refusal shown on the form: at the field it names, or above the form."""
    if not hasattr(error, "error_dict"):
        for message in error.messages:
            form.add_error(None, message)
        return
    for field, messages in error.message_dict.items():
        for message in messages:
            form.add_error(field if field in form.fields else None, message)


class ServiceAreaForm(forms.Form):
    """A directorate, division or service line, and where it sits."""

    name = forms.CharField(label="Name", max_length=200)
    level = forms.ChoiceField(
        label="What it is",
        choices=ServiceArea.Level.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether this is a directorate, division or line."},
    )
    parent = forms.TypedChoiceField(
        label="Where it sits",
        required=False,
        coerce=int,
        empty_value=None,
        help_text="A division sits in a directorate, a service line in a division; a "
        "directorate sits in nothing.",
    )

    def __init__(self, *args: Any, parents: list[ServiceArea], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.parents = {p.pk: p for p in parents}
        self.fields["parent"].choices = [("", "Nothing (a directorate)")] + [  # type: ignore[attr-defined]
            (p.pk, f"{p.name} ({p.get_level_display().lower()})") for p in parents
        ]
        self.fields["name"].error_messages["required"] = "Enter the service area's name."

    def clean_parent(self) -> ServiceArea | None:
        pk = self.cleaned_data.get("parent")
        return None if pk is None else self.parents[pk]


class SavingLineForm(forms.Form):
    """A saving in the MTFP: its reference, description, year and target."""

    reference = forms.CharField(
        label="Reference",
        max_length=30,
        help_text="Letters, digits and - / . _, such as CFE016 or CFE2324-05.",
        error_messages={"required": "Enter the saving's reference."},
    )
    description = forms.CharField(
        label="Description",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter what the saving is."},
    )
    financial_year = forms.CharField(
        label="Financial year",
        help_text="Such as 2024/25.",
        max_length=9,
        error_messages={"required": "Enter the financial year, such as 2024/25."},
    )
    target = AmountField(
        unit=Unit.POUNDS,
        to=Unit.POUNDS,
        places=POUND_PLACES,
        minimum=ZERO,
        label="Target (£)",
        required=True,
        help_text="The amount to be saved in the year.",
        error_messages={"required": "Enter the saving's target in £."},
    )

    def clean_financial_year(self) -> int:
        text = self.cleaned_data["financial_year"]
        try:
            return FinancialYear.parse(text).start_year
        except PeriodError as exc:
            raise ValidationError(f"{exc}.") from None
