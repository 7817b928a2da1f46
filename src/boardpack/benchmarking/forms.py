"""Forms for uploading a DfE tidy-data file and mapping its columns to measures."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.conf import settings

from boardpack.benchmarking.models import Polarity, TidyMapping, Unit
from boardpack.benchmarking.tidy import TidyFile, default_measure_code, default_measure_title

ANY = ""
MEASURE_FIELDS = ("measure", "title", "unit", "polarity", "decimals", "indicator")
NEW_INDICATOR = ""


class TidyUploadForm(forms.Form):
    file = forms.FileField(
        label="DfE tidy-data file (.csv)",
        help_text="A CSV from Explore Education Statistics, with time_period and geographic_level",
        error_messages={"required": "Choose a CSV file to upload"},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".csv"):
            raise forms.ValidationError("The file must be a .csv file of DfE tidy data")
        if upload.size > settings.BOARDPACK_MAX_UPLOAD_BYTES * 10:
            raise forms.ValidationError("The file is too large to be a tidy-data file")
        return upload


class MappingForm(forms.Form):
    """One row of fields per indicator column: include it, its filters, code, title, unit."""

    name = forms.SlugField(
        label="Save this mapping as",
        help_text="Letters, digits and hyphens, e.g. dfe-cla-rates. The same name is used by "
        "boardpack import dfe FILE --mapping NAME",
        error_messages={
            "required": "Give the mapping a name",
            "invalid": "Use letters, digits and hyphens only in the mapping's name",
        },
    )

    def __init__(
        self,
        *args: Any,
        tidy: TidyFile,
        mapping: TidyMapping | None = None,
        indicators: Sequence[tuple[str, str]] = (),
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        self.tidy = tidy
        saved = {e["column"]: e for e in (mapping.entries if mapping else [])}
        if mapping is not None:
            self.fields["name"].initial = mapping.name
        filter_values = tidy.filter_values()
        self.columns = []
        for index, column in enumerate(tidy.mappable_columns()):
            entry = saved.get(column, {})
            prefix = f"c{index}"
            self.fields[f"{prefix}_include"] = forms.BooleanField(
                label=f"Import {column}", required=False, initial=bool(entry)
            )
            filters = []
            for name, values in filter_values.items():
                field_name = f"{prefix}_filter_{name}"
                self.fields[field_name] = forms.ChoiceField(
                    label=f"{name}",
                    choices=[(ANY, "Any (no filter)")] + [(v, v) for v in values],
                    required=False,
                    initial=(entry.get("filters") or {}).get(name, ANY),
                )
                filters.append(field_name)
            self.fields[f"{prefix}_measure"] = forms.CharField(
                label="Code",
                max_length=60,
                required=False,
                initial=entry.get("measure") or default_measure_code(column, {}),
            )
            self.fields[f"{prefix}_title"] = forms.CharField(
                label="Title",
                max_length=200,
                required=False,
                initial=entry.get("title") or default_measure_title(column, {}),
            )
            self.fields[f"{prefix}_unit"] = forms.ChoiceField(
                label="Unit", choices=Unit.choices, initial=entry.get("unit") or _guess_unit(column)
            )
            self.fields[f"{prefix}_polarity"] = forms.ChoiceField(
                label="Which is better",
                choices=Polarity.choices,
                initial=entry.get("polarity") or Polarity.NEITHER,
            )
            self.fields[f"{prefix}_decimals"] = forms.IntegerField(
                label="Decimal places",
                min_value=0,
                max_value=6,
                initial=entry.get("decimals", 1 if "rate" in column.lower() else 0),
            )
            self.fields[f"{prefix}_indicator"] = forms.ChoiceField(
                label="Feeds the indicator",
                help_text="The council's own indicator these figures and their comparators "
                "become observations of",
                choices=[(NEW_INDICATOR, "A new indicator with the code above")]
                + [(code, f"{code}: {title}") for code, title in indicators],
                required=False,
                initial=entry.get("indicator") or NEW_INDICATOR,
            )
            self.columns.append((column, prefix, filters))
        _govuk_classes(self)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not any(cleaned.get(f"{prefix}_include") for _c, prefix, _f in self.columns):
            raise forms.ValidationError("Tick at least one column to import")
        codes: set[str] = set()
        for column, prefix, _filters in self.columns:
            if not cleaned.get(f"{prefix}_include"):
                continue
            code = (cleaned.get(f"{prefix}_measure") or "").strip().upper()
            if not code:
                self.add_error(f"{prefix}_measure", f"Give {column} a code")
            elif code in codes:
                self.add_error(f"{prefix}_measure", f"The code {code} is used twice")
            codes.add(code)
            cleaned[f"{prefix}_measure"] = code
        return cleaned

    def entries(self) -> list[dict[str, Any]]:
        entries = []
        for column, prefix, filters in self.columns:
            if not self.cleaned_data.get(f"{prefix}_include"):
                continue
            chosen_filters = {
                name.removeprefix(f"{prefix}_filter_"): self.cleaned_data[name]
                for name in filters
                if self.cleaned_data.get(name)
            }
            entries.append(
                {
                    "column": column,
                    "filters": chosen_filters,
                    "measure": self.cleaned_data[f"{prefix}_measure"],
                    "title": self.cleaned_data[f"{prefix}_title"] or column,
                    "unit": self.cleaned_data[f"{prefix}_unit"],
                    "polarity": self.cleaned_data[f"{prefix}_polarity"],
                    "decimals": self.cleaned_data[f"{prefix}_decimals"],
                    "indicator": self.cleaned_data[f"{prefix}_indicator"],
                }
            )
        return entries

    def rows(self):
        """The fields of each column, for the template."""
        for column, prefix, filters in self.columns:
            yield {
                "column": column,
                "not_all_figures": column in self.tidy.mostly_figures,
                "include": self[f"{prefix}_include"],
                "filters": [self[name] for name in filters],
                "fields": [self[f"{prefix}_{n}"] for n in MEASURE_FIELDS],
            }


def _guess_unit(column: str) -> str:
    lowered = column.lower()
    if "10000" in lowered or "10k" in lowered:
        return Unit.RATE_PER_10000
    if "rate" in lowered or "percent" in lowered or "pct" in lowered:
        return Unit.PERCENTAGE
    return Unit.COUNT


def _govuk_classes(form: forms.Form) -> None:
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.CheckboxInput):
            widget.attrs.setdefault("class", "govuk-checkboxes__input")
        elif isinstance(widget, forms.Select):
            widget.attrs.setdefault("class", "govuk-select")
        elif isinstance(widget, forms.NumberInput):
            widget.attrs.setdefault("class", "govuk-input govuk-input--width-2")
        else:
            widget.attrs.setdefault("class", "govuk-input")
