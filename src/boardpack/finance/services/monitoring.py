"""What the revenue budget and DSG monitoring tables share: a row's budget and projection with
what the source states beside them (variance, A/(F), movement, arrow), and stated totals."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from boardpack.finance.models import Direction, Marker
from boardpack.finance.services.cleaning import (
    MILLION_PLACES,
    clean_amount,
    clean_choice,
    clean_text,
)


def _signed(value: Any) -> bool:
    """Whether a stated figure is negative, counting a negative zero (``(0.0)`` as
    ``Decimal("-0.0")``): the source's brackets say which way a tiny figure went."""
    return isinstance(value, Decimal) and value.is_signed()


def _variance_and_movement(
    *, prefix: str, variance: Any, movement: Any, negative: tuple[bool, bool]
) -> dict[str, Any]:
    """``{prefix}variance`` and ``{prefix}movement`` (£m, optional), each with whether the
    source wrote it as negative."""
    negative = (negative[0] or _signed(variance), negative[1] or _signed(movement))
    cleaned = [
        clean_amount(value, field=f"{prefix}{name}", places=MILLION_PLACES, required=False)
        for name, value in (("variance", variance), ("movement", movement))
    ]
    values: dict[str, Any] = {}
    for name, amount, written_negative in zip(
        ("variance", "movement"), cleaned, negative, strict=True
    ):
        values[f"{prefix}{name}"] = amount
        values[f"{prefix}{name}_negative"] = bool(
            written_negative or (amount is not None and amount < 0)
        )
    return values


def monitoring_values(
    *,
    current_budget: Any,
    projection: Any,
    stated_variance: Any,
    stated_marker: Any,
    stated_movement: Any,
    stated_direction: Any,
    stated_variance_negative: bool,
    stated_movement_negative: bool,
    row_label: Any = None,
) -> dict[str, Any]:
    """A monitoring row's figures, cleaned; ``row_label`` only for rows that keep one."""
    values: dict[str, Any] = {
        "current_budget": clean_amount(
            current_budget, field="current_budget", places=MILLION_PLACES
        ),
        "projection": clean_amount(projection, field="projection", places=MILLION_PLACES),
    }
    if row_label is not None:
        values["row_label"] = clean_text(row_label, field="row_label")
    stated = _variance_and_movement(
        prefix="stated_",
        variance=stated_variance,
        movement=stated_movement,
        negative=(stated_variance_negative, stated_movement_negative),
    )
    return values | {
        **stated,
        "stated_marker": clean_choice(stated_marker, Marker, field="stated_marker"),
        "stated_direction": clean_choice(stated_direction, Direction, field="stated_direction"),
    }


def stated_total_values(
    *,
    label: str,
    current_budget: Any,
    projection: Any,
    variance: Any,
    marker: Any,
    movement: Any,
    direction: Any,
    variance_negative: bool,
    movement_negative: bool,
) -> dict[str, Any]:
    """A subtotal or total row as the source states it; every figure optional."""
    stated = _variance_and_movement(
        prefix="",
        variance=variance,
        movement=movement,
        negative=(variance_negative, movement_negative),
    )

    def amount(value: Any, field: str) -> Decimal | None:
        return clean_amount(value, field=field, places=MILLION_PLACES, required=False)

    return {
        "label": clean_text(label, field="label"),
        "current_budget": amount(current_budget, "current_budget"),
        "projection": amount(projection, "projection"),
        **stated,
        "marker": clean_choice(marker, Marker, field="marker"),
        "direction": clean_choice(direction, Direction, field="direction"),
    }
