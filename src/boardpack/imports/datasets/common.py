"""Helpers the dataset importers share: model validation as problems, names, tolerances."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models

from boardpack.imports.framework import Record
from boardpack.imports.problems import Problem


def model_problems(
    instance: models.Model,
    record: Record,
    *,
    exclude: Iterable[str] = (),
    fields: dict[str, str] | None = None,
) -> list[Problem]:
    """The model's own validation (``full_clean``) as problems at the row's cells.

    ``fields`` maps a model field to the import column it came from, when the names differ.
    Uniqueness is checked by the importer across the whole file instead.
    """
    fields = fields or {}
    try:
        instance.full_clean(
            exclude=list(exclude), validate_unique=False, validate_constraints=False
        )
    except ValidationError as exc:
        problems = []
        for field, messages in exc.message_dict.items():
            key = fields.get(field, field)
            for message in messages:
                problems.append(record.problem(message, key if key in record.cells else None))
        return problems
    return []


def name_key(text: Any) -> str:
    """A name compared loosely: case, spacing, ampersands and punctuation do not matter."""
    value = unicodedata.normalize("NFKC", str(text or "")).lower().replace("&", " and ")
    value = value.replace("’", "'")
    value = re.sub(r"[^\w\s]", " ", value)
    return " ".join(value.split())


def half_unit(value: Decimal) -> Decimal:
    """Half a unit in the last place a figure was written to: 5.7 → 0.05, 12 → 0.5."""
    exponent = value.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return Decimal(5).scaleb(-(places + 1))


def plain(value: Decimal | None, places: int | None = None) -> str:
    """A figure for a plan: its digits without trailing-zero noise (``5.7``, ``-0.4``)."""
    if value is None:
        return ""
    if places is not None:
        value = value.quantize(Decimal(1).scaleb(-places))
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
