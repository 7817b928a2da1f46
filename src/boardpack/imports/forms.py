from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from openpyxl.utils import get_column_letter

from boardpack.core.models import ReportingPeriod
from boardpack.imports import registry
from boardpack.imports.amounts import Unit
from boardpack.imports.framework import Layout, TableShape
from boardpack.periods import Month, PeriodError

UNIT_CHOICES = [("", "As the column headings say (otherwise the template's unit)")] + [
    (u.value, u.label[:1].upper() + u.label[1:]) for u in Unit
]


class UploadForm(forms.Form):
    # RadioSelect: the template renders radios, and each needs its own id for its label.
    dataset = forms.ChoiceField(
        label="What does the file hold?", choices=(), widget=forms.RadioSelect
    )
    period = forms.CharField(
        label="Reporting period",
        help_text="The period's last month, written YYYY-MM, for example 2024-06.",
        max_length=20,
    )
    unit = forms.ChoiceField(
        label="What unit are the amounts in?",
        choices=UNIT_CHOICES,
        required=False,
        widget=forms.RadioSelect,
        help_text="A cell that says its own unit, such as £1.2m, is read as it says.",
    )
    add_new = forms.BooleanField(
        label="The file adds new savings lines (references Boardpack does not know yet)",
        required=False,
    )
    file = forms.FileField(
        label="Upload the spreadsheet",
        help_text="An Excel workbook (.xlsx) or a CSV file.",
        error_messages={"required": "Choose the spreadsheet to upload."},
    )

    def __init__(self, *args: Any, organisation: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        dataset = self.fields["dataset"]
        assert isinstance(dataset, forms.ChoiceField)
        dataset.choices = [(i.name, i.title) for i in registry.all_importers()]
        dataset.error_messages["required"] = "Choose what the file holds."

    def clean_period(self) -> ReportingPeriod:
        key = self.cleaned_data["period"].strip()
        try:
            month = Month.parse(key)
        except PeriodError as exc:
            raise forms.ValidationError(f"{exc}.") from exc
        period = ReportingPeriod.objects.filter(
            organisation=self.organisation, month=month.first_day
        ).first()
        if period is None:
            raise forms.ValidationError(
                f"{self.organisation.name} has no reporting period {month.key}: "
                "ask the programme office to open it."
            )
        return period

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        limit = settings.BOARDPACK_MAX_UPLOAD_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                f"The file is {upload.size / 1048576:.1f} MB: the largest file Boardpack accepts "
                f"is {limit / 1048576:.1f} MB."
            )
        if upload.size == 0:
            raise forms.ValidationError("The file is empty.")
        return upload


class MappingForm(forms.Form):
    """For each of the table's columns (the dataset's main table or a further one), which of
    the sheet's columns holds it."""

    def __init__(
        self,
        *args: Any,
        importer: TableShape,
        layout: Layout,
        initial_mapping: dict[str, int],
        **kw: Any,
    ) -> None:
        super().__init__(*args, **kw)
        self.importer = importer
        choices = [("", "Not in this sheet")] + [
            (
                str(i),
                f"Column {get_column_letter(i + 1)}: {h}"
                if h
                else f"Column {get_column_letter(i + 1)} (no heading)",
            )
            for i, h in enumerate(layout.headers)
        ]
        for column in importer.columns:
            field = forms.ChoiceField(
                label=column.header + ("" if column.required else " (optional)"),
                choices=choices,
                required=column.required,
                help_text=column.help,
                error_messages={
                    "required": f"Choose the column that holds ‘{column.header}’.",
                    "invalid_choice": f"Choose one of the sheet's columns for ‘{column.header}’.",
                },
            )
            index = initial_mapping.get(column.key)
            field.initial = "" if index is None else str(index)
            self.fields[column.key] = field

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        used: dict[str, str] = {}
        for column in self.importer.columns:
            value = cleaned.get(column.key)
            if not value:
                continue
            if value in used:
                self.add_error(
                    column.key,
                    f"That column is already matched to ‘{used[value]}’: choose another.",
                )
            used[value] = column.header
        return cleaned

    @property
    def mapping(self) -> dict[str, int]:
        return {k: int(v) for k, v in self.cleaned_data.items() if v not in (None, "")}
