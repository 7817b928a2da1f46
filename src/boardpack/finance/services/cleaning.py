"""Checking input and saving only what changed: what every finance service uses."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import models

from boardpack.core.models import Organisation, ReportingPeriod

M = TypeVar("M", bound=models.Model)
Amount = Decimal | int | str

POUND_PLACES = 2
MILLION_PLACES = 3
MAX_AMOUNT = Decimal(10) ** 11


def clean_text(value: Any, *, field: str, required: bool = False) -> str:
    """Text as given, stripped; NUL characters (which PostgreSQL refuses) are refused here."""
    text = "" if value is None else str(value)
    if "\x00" in text:
        raise ValidationError({field: "The text contains a NUL character: retype it."})
    text = text.strip()
    if required and not text:
        raise ValidationError({field: "This cannot be blank."})
    return text


def clean_amount(
    value: Any, *, field: str, places: int, minimum: Decimal | None = None, required: bool = True
) -> Decimal | None:
    """A ``Decimal`` with at most ``places`` decimal places, or a clear refusal naming ``field``.

    Accepts ``Decimal``, ``int`` and plain numeric text (``"1234.5"``); refuses floats (they
    cannot hold pence exactly), text such as ``"about 5k"``, NaN and infinities.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError({field: "Give an amount."})
        return None
    if isinstance(value, bool) or isinstance(value, float):
        raise ValidationError(
            {field: f"Give the amount as a decimal number, not {type(value).__name__}."}
        )
    if isinstance(value, str):
        clean_text(value, field=field)
        try:
            amount = Decimal(value.strip())
        except InvalidOperation:
            raise ValidationError(
                {field: f"{value.strip()!r} is not an amount of money."}
            ) from None
    elif isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, Decimal):
        amount = value
    else:
        raise ValidationError({field: f"{value!r} is not an amount of money."})
    if not amount.is_finite():
        raise ValidationError({field: f"{value!r} is not an amount of money."})
    if abs(amount) >= MAX_AMOUNT:
        raise ValidationError({field: f"{amount} is too large to be right."})
    if amount != amount.quantize(Decimal(1).scaleb(-places)):
        unit = "pence" if places == POUND_PLACES else f"{places} decimal places"
        raise ValidationError({field: f"{amount} is more precise than {unit}."})
    if minimum is not None and amount < minimum:
        raise ValidationError({field: f"{amount} cannot be negative."})
    return amount + 0  # drops a negative zero's sign


def clean_choice(value: Any, choices: type[models.TextChoices], *, field: str) -> str:
    text = clean_text(value, field=field)
    if text and text not in choices.values:
        allowed = ", ".join(f"{c!r}" for c in choices.values)
        raise ValidationError({field: f"{text!r} is not one of {allowed}."})
    return text


def clean_period(period: ReportingPeriod, organisation: Organisation) -> ReportingPeriod:
    if period.organisation_id != organisation.pk:
        raise ValidationError({"period": "That period belongs to another organisation."})
    return period


def save_changes(model: type[M], lookup: dict[str, Any], values: dict[str, Any]) -> M:
    """Create, or update only what differs; ``full_clean()`` before any save."""
    obj = model._default_manager.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
    elif all(getattr(obj, k) == v for k, v in values.items()):
        return obj
    else:
        for key, value in values.items():
            setattr(obj, key, value)
    obj.full_clean()
    obj.save()
    return obj
