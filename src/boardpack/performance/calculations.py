"""The arithmetic of indicators: how a value is written, RAG against a reference, direction.

Pure functions of values (no database): the pages, exports and reports all call these, so
they can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from boardpack.core.models import RAG
from boardpack.performance.models import MISSING_SYMBOLS, Polarity, Qualifier, Unit

HUNDRED = Decimal("100")
# How a qualified value is written when the source gave no words of its own.
QUALIFIER_WORDS = {
    Qualifier.APPROXIMATE: "circa ",
    Qualifier.OVER: "over ",
    Qualifier.UNDER: "under ",
    Qualifier.FORECAST: "forecast ",
    Qualifier.ESTIMATE: "estimated ",
    Qualifier.PROVISIONAL: "provisional ",
}


def places_of(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def value_text(value: Decimal | None, places: int) -> str:
    """The plain number with the places it was written with: ``Decimal('30.000000'), 1`` →
    ``30.0``."""
    if value is None:
        return ""
    return f"{value:.{places}f}"


def format_value(value: Decimal | None, unit: str, decimals: int, qualifier: str = "") -> str:
    """A value for a reader: ``1,200``, ``17.06%``, ``£1,000,000``, or the DfE symbol."""
    if value is None:
        return MISSING_SYMBOLS.get(Qualifier(qualifier), "x") if qualifier else "x"
    number = f"{value:,.{decimals}f}"
    if unit == Unit.PERCENTAGE:
        number += "%"
    elif unit == Unit.GBP:
        number = ("-£" + number[1:]) if number.startswith("-") else "£" + number
    elif unit == Unit.DAYS:
        number += " days"
    elif unit == Unit.PERCENTAGE_POINTS:
        number += " points"
    elif unit == Unit.PERCENTAGE_CHANGE:
        number = ("+" if value > 0 else "") + number + "%"
    return QUALIFIER_WORDS.get(Qualifier(qualifier), "") + number if qualifier else number


def percentage(numerator: Decimal, denominator: Decimal) -> Decimal | None:
    if not denominator:
        return None
    return numerator * HUNDRED / denominator


@dataclass(frozen=True)
class Rating:
    rag: str
    reason: str

    @property
    def label(self) -> str:
        return RAG(self.rag).label


NOT_RATED = Rating(RAG.NOT_RATED, "")


def rag(
    value: Decimal | None,
    reference: Decimal | None,
    *,
    polarity: str,
    amber_band: Decimal,
    what: str = "the target",
) -> Rating:
    """Green at or better than the reference; amber when worse by no more than ``amber_band``
    per cent of it; red beyond. Not rated without both figures or without a polarity."""
    if value is None or reference is None:
        return Rating(RAG.NOT_RATED, f"No figure to compare with {what}.")
    if polarity == Polarity.NEITHER:
        return Rating(RAG.NOT_RATED, "Neither higher nor lower is better.")
    shortfall = reference - value if polarity == Polarity.HIGHER_IS_BETTER else value - reference
    if shortfall <= 0:
        return Rating(RAG.GREEN, f"At or better than {what}.")
    band = abs(reference) * amber_band / HUNDRED
    if shortfall <= band:
        return Rating(RAG.AMBER, f"Worse than {what} by no more than {amber_band:g}% of it.")
    return Rating(RAG.RED, f"Worse than {what} by more than {amber_band:g}% of it.")


class Direction:
    IMPROVING = "Improving"
    WORSENING = "Worsening"
    UP = "Up"
    DOWN = "Down"
    SAME = "No change"
    NONE = "Not comparable"


ARROWS = {
    Direction.IMPROVING: "↑",
    Direction.WORSENING: "↓",
    Direction.UP: "↑",
    Direction.DOWN: "↓",
    Direction.SAME: "→",
    Direction.NONE: "",
}


def direction(latest: Decimal | None, previous: Decimal | None, polarity: str) -> str:
    """Direction of travel from the previous figure to the latest, in the indicator's terms."""
    if latest is None or previous is None:
        return Direction.NONE
    if latest == previous:
        return Direction.SAME
    up = latest > previous
    if polarity == Polarity.NEITHER:
        return Direction.UP if up else Direction.DOWN
    better = up == (polarity == Polarity.HIGHER_IS_BETTER)
    return Direction.IMPROVING if better else Direction.WORSENING
