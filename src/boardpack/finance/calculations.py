"""Pure finance arithmetic: variances, markers, movements, arrows, sums and formatting.

No database here: selectors feed these functions, and every output (page, export, API, report)
takes its figures from the selectors, so none of them can disagree.

The seed's conventions (Somerset's budget monitoring, Month 9 2022/23):

* variance = full-year projection − current budget; positive is an overspend.
* the marker follows the variance *as printed* (rounded to the table's precision): ``A`` when it
  prints above zero, ``(F)`` below zero, ``-`` when it prints as zero, even when the unrounded
  figure is a tiny underspend printed ``(0.0)``.
* movement = this period's variance − the previous *reported* period's variance.
* the arrow follows the movement as printed: ``↓`` (worsening) when the variance rose, ``↑``
  (improving) when it fell, ``→`` when the movement prints as zero.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from boardpack.finance.models import Direction, Marker

TENTH = Decimal("0.1")
HALF_TENTH = Decimal("0.05")
ZERO = Decimal("0")


def variance(*, budget: Decimal, projection: Decimal) -> Decimal:
    return projection - budget


def rounded(value: Decimal, places: int = 1) -> Decimal:
    """Round half up, as spreadsheets do (not Python's banker's rounding)."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def marker(value: Decimal | None, places: int = 1) -> str:
    """``A``, ``(F)`` or ``-`` for a variance, judged on the figure as printed."""
    if value is None:
        return ""
    shown = rounded(value, places)
    if shown > 0:
        return Marker.ADVERSE.value
    if shown < 0:
        return Marker.FAVOURABLE.value
    return Marker.NIL.value


def movement(current: Decimal | None, previous: Decimal | None) -> Decimal | None:
    """Change in variance since the previous reported period (``None`` without one)."""
    if current is None or previous is None:
        return None
    return current - previous


def direction(value: Decimal | None, places: int = 1) -> str:
    """``↑`` improving (variance fell), ``↓`` worsening (rose), ``→`` unchanged as printed."""
    if value is None:
        return ""
    shown = rounded(value, places)
    if shown > 0:
        return Direction.WORSENING.value
    if shown < 0:
        return Direction.IMPROVING.value
    return Direction.UNCHANGED.value


def total(values: Iterable[Decimal | None]) -> Decimal:
    return sum((v for v in values if v is not None), ZERO)


def total_or_none(values: Iterable[Decimal | None]) -> Decimal | None:
    """The sum of the figures given; ``None`` when none is (blank is not zero)."""
    given = [v for v in values if v is not None]
    return sum(given, ZERO) if given else None


def rounding_tolerance(count: int, places: int = 1) -> Decimal:
    """How far a sum of ``count`` figures, each rounded to ``places``, may be from the truth.

    Each printed figure may be off by half a unit of its last place, so their sum may be off
    by ``count`` halves; a stated total is itself rounded, which adds one more half.
    """
    half = Decimal(5).scaleb(-(places + 1))
    return half * (count + 1)


def format_millions(
    value: Decimal | None, places: int = 1, *, negative: bool = False, blank: str = ""
) -> str:
    """``14.5``, ``(0.4)`` for a negative; ``negative=True`` writes ``(0.0)`` for a tiny one."""
    if value is None:
        return blank
    shown = rounded(value, places)
    text = f"{abs(shown):,.{places}f}"
    if shown < 0 or (negative and shown == 0) or (value < 0 and shown == 0):
        return f"({text})"
    return text


def format_pounds(value: Decimal | None, *, blank: str = "") -> str:
    """``9,568,900`` for whole pounds, ``1,234.50`` with pence, ``(400)`` for a negative."""
    if value is None:
        return blank
    places = 0 if value == value.to_integral_value() else 2
    text = f"{abs(value):,.{places}f}"
    return f"({text})" if value < 0 else text


def pounds_string(value: Decimal) -> str:
    """An amount for JSON: whole pounds ``"9568900"`` or pence ``"1234.50"``, never a float."""
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    return str(value.quantize(Decimal("0.01")))


def pounds_string_or_none(value: Decimal | None) -> str | None:
    """``pounds_string``, with a blank kept blank (``None``, JSON ``null``)."""
    return None if value is None else pounds_string(value)


def millions_string(value: Decimal | None) -> str | None:
    """An £m amount for JSON, at the precision it was reported in (trailing zeros trimmed
    to at most the places stored, at least one)."""
    if value is None:
        return None
    text = f"{value:f}"
    if "." in text:
        whole, frac = text.split(".")
        frac = frac.rstrip("0")
        frac = frac if frac else "0"
        text = f"{whole}.{frac}"
    else:
        text = f"{text}.0"
    if text.startswith("-") and Decimal(text) == 0:
        text = text[1:]
    return text
