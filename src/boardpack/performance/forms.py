"""The analyst's edits: an indicator's RAG rule and its targets."""

from __future__ import annotations

from decimal import Decimal

from django import forms

from boardpack.performance.models import Area, RagBasis


class RagRuleForm(forms.Form):
    rag_basis = forms.ChoiceField(label="Rate it", choices=RagBasis.choices)
    rag_comparator = forms.ChoiceField(
        label="Comparator",
        choices=[c for c in Area.choices if c[0] != Area.AUTHORITY],
        help_text="Used when it is rated against a comparator.",
    )
    amber_band = forms.DecimalField(
        label="Amber band (% of the target or comparator)",
        min_value=Decimal("0"),
        max_value=Decimal("100"),
        max_digits=6,
        decimal_places=2,
        help_text="Amber when worse by no more than this percentage of it; red beyond.",
    )


class TargetForm(forms.Form):
    value = forms.DecimalField(label="Target value", max_digits=20, decimal_places=6)
    date = forms.DateField(
        label="To be met by",
        help_text="For example, 31/03/2025.",
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
    )
    as_written = forms.CharField(
        label="As the plan writes it (optional)", required=False, max_length=300
    )
