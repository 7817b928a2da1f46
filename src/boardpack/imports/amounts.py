"""Amounts of money as councils write them in spreadsheets, to and from ``Decimal``.

Finance officers write ``£1,234``, ``1,234.5``, ``(0.4)`` for a negative (favourable) figure,
``-`` or ``–`` for nil, ``£1.2m`` with the unit in the cell, and otherwise state the unit of a
whole table once (£, £000 or £m). A blank cell is "not stated", which an importer may treat as
nil or derive from other columns; a dash is an explicit nil (zero).

Conversions between units shift the decimal point only (``Decimal.scaleb``), so they are exact
and keep the precision the figure was reported in.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from decimal import Decimal, InvalidOperation

MAX_TEXT_LENGTH = 40
# A quadrillion pounds: anything larger in a council spreadsheet is a typing slip.
MAX_POUNDS = Decimal(10) ** 15
MAX_DECIMAL_PLACES = 8

_NIL = {"-", "–", "—", "−", "nil"}
_MINUS = {"-", "−", "–", "—"}
_SPACES = "\u00a0\u2007\u202f\u2009"
# ASCII digits only: Python's \d would also read Arabic-Indic (١٢٣) or full-width (１２３) digits.
_NUMBER = re.compile(r"^(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)?(?:\.[0-9]+)?$")
# What a council's figures can be. Beyond PLAUSIBLE the preview asks the user to confirm (most
# likely the unit is wrong: pounds read as £m); beyond HARD_LIMIT the figure is refused.
PLAUSIBLE_POUNDS = Decimal(10) ** 9  # £1bn: more than most councils' whole revenue budget
HARD_LIMIT_POUNDS = Decimal(10) ** 11  # £100bn: more than any council's budget could be
_SUFFIX = re.compile(r"^(?P<rest>.*?)\s*(?P<suffix>bn|mn|m|k)$", re.IGNORECASE)
# A plain figure (``-1,234.5``): read at once, as the full reading below would read it.
_PLAIN = re.compile(r"-?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?")


class AmountError(ValueError):
    """A cell that should hold an amount of money holds something else."""


class Unit(enum.Enum):
    """The unit a table states its amounts in; the value is how councils write it."""

    POUNDS = "£"
    THOUSANDS = "£000"
    MILLIONS = "£m"

    @property
    def exponent(self) -> int:
        return _EXPONENTS[self]

    @property
    def label(self) -> str:
        return _LABELS[self]

    @classmethod
    def parse(cls, text: str) -> Unit:
        """``£``, ``£000``, ``£k``, ``£m`` and the like, as a user would type them."""
        key = re.sub(r"[\s']", "", str(text)).lower()
        for unit, spellings in _SPELLINGS.items():
            if key in spellings:
                return unit
        raise AmountError(f"A unit is £, £000 or £m, not {text!r}")


_EXPONENTS = {Unit.POUNDS: 0, Unit.THOUSANDS: 3, Unit.MILLIONS: 6}
_LABELS = {
    Unit.POUNDS: "pounds (£)",
    Unit.THOUSANDS: "thousands (£000)",
    Unit.MILLIONS: "millions (£m)",
}
_SPELLINGS = {
    Unit.POUNDS: {"£", "gbp", "pounds", "pound", "£1", "1"},
    Unit.THOUSANDS: {"£000", "£000s", "£'000", "000", "£k", "k", "thousands", "£thousands"},
    Unit.MILLIONS: {"£m", "m", "£mn", "mn", "millions", "£millions"},
}
_SUFFIX_EXPONENTS = {"k": 3, "m": 6, "mn": 6, "bn": 9}


def parse_amount(
    value: object, *, unit: Unit = Unit.POUNDS, to: Unit = Unit.POUNDS
) -> Decimal | None:
    """The amount a cell holds, in ``to`` units; ``None`` when the cell is blank.

    ``unit`` is the unit the table states; a suffix in the cell (``£1.2m``, ``350k``) overrides
    it. Raises ``AmountError`` with a message a finance officer understands.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise AmountError(f"{value!r} is a yes/no value, not an amount")
    if isinstance(value, int | float | Decimal):
        return _convert(_number(value), unit.exponent, to.exponent)
    if isinstance(value, dt.date | dt.time | dt.timedelta):
        raise AmountError(f"{value} is a date or time, not an amount")
    if not isinstance(value, str):
        raise AmountError(f"{value!r} is not an amount")
    return _parse_text(value, unit=unit, to=to)


def _number(value: int | float | Decimal) -> Decimal:
    if isinstance(value, float):
        # repr() is the shortest text that reads back as the same float: 0.1, not 0.1000000001.
        number = Decimal(repr(value))
    else:
        number = Decimal(value)
    if not number.is_finite():
        raise AmountError(f"{value} is not an amount")
    return number


def _parse_text(text: str, *, unit: Unit, to: Unit) -> Decimal | None:
    if _PLAIN.fullmatch(text):
        return _convert(Decimal(text.replace(",", "")), unit.exponent, to.exponent)
    if "\x00" in text or any(ord(c) < 32 and c not in "\t\r\n" for c in text):
        raise AmountError("The cell holds control characters, not an amount")
    shown = text.strip()
    if len(shown) > MAX_TEXT_LENGTH:
        raise AmountError(f"{shown[:MAX_TEXT_LENGTH]!r}… is too long to be an amount")
    cleaned = shown
    for space in _SPACES:
        cleaned = cleaned.replace(space, " ")
    cleaned = cleaned.strip()
    if cleaned == "":
        return None
    if cleaned.lower() in _NIL:
        return Decimal(0)
    foreign = [c for c in cleaned if c.isdigit() and not c.isascii()]
    if foreign:
        raise AmountError(
            f"{shown!r} is written with digits other than 0-9 ({''.join(foreign)}): "
            "retype it with the digits 0-9"
        )
    exponent = unit.exponent
    # The unit may follow the brackets, "(0.1)m", or sit inside them, "(£1.2m)".
    outer = _SUFFIX.match(cleaned)
    if outer:
        cleaned = outer.group("rest").strip()
        exponent = _SUFFIX_EXPONENTS[outer.group("suffix").lower()]
    negative, body = _unwrap(cleaned)
    inner = _SUFFIX.match(body) if not outer else None
    if inner:
        body = inner.group("rest").strip()
        exponent = _SUFFIX_EXPONENTS[inner.group("suffix").lower()]
    if body.endswith("%"):
        raise AmountError(f"{shown!r} is a percentage, not an amount")
    if not body or not any(c in "0123456789" for c in body) or not _NUMBER.match(body):
        raise AmountError(
            f"{shown!r} is not an amount: write a number such as 1,234.50, "
            "(0.4) for a negative, or - for nil"
        )
    number = Decimal(body.replace(",", ""))
    if negative:
        number = -number
    return _convert(number, exponent, to.exponent)


def _unwrap(text: str) -> tuple[bool, str]:
    """Strip a sign, brackets and a pound sign, in whichever order they were written."""
    negative = False
    currency = False
    body = text
    for _ in range(4):
        body = body.strip()
        if body.startswith("(") and body.endswith(")") and not negative:
            negative, body = True, body[1:-1]
        elif body[:1] in _MINUS and not negative:
            negative, body = True, body[1:]
        elif body[:1] == "+" and not negative:
            body = body[1:]
        elif body[:1] == "£" and not currency:
            currency, body = True, body[1:]
        else:
            break
    return negative, body.strip()


def _convert(number: Decimal, from_exponent: int, to_exponent: int) -> Decimal:
    pounds_exponent = number.as_tuple().exponent
    if isinstance(pounds_exponent, int) and -pounds_exponent > MAX_DECIMAL_PLACES + from_exponent:
        raise AmountError(f"{number} has too many decimal places to be an amount")
    try:
        pounds = number.scaleb(from_exponent)
        if abs(pounds) >= MAX_POUNDS:
            raise AmountError(f"{number} is too large to be an amount")
        result = pounds.scaleb(-to_exponent)
    except InvalidOperation as exc:  # pragma: no cover - guarded by the checks above
        raise AmountError(f"{number} is not an amount") from exc
    if result == 0:
        # -0 reads as 0: "(0.0)" in a variance column is simply nil.
        return Decimal(0)
    exponent = result.as_tuple().exponent
    if isinstance(exponent, int) and exponent > 0:
        # 1.2E+6 is exact but reads badly in a plan: write it as 1200000.
        return result.quantize(Decimal(1))
    return result


def magnitude_problem(value: Decimal, unit: Unit) -> tuple[str, bool]:
    """A message when ``value`` (in ``unit``) is implausible for a council, and whether it is
    beyond the hard limit (refused) rather than only to be confirmed."""
    pounds = abs(value.scaleb(unit.exponent))
    if pounds < PLAUSIBLE_POUNDS:
        return "", False
    shown = f"£{pounds / Decimal(10) ** 9:,.1f}bn"
    if pounds >= HARD_LIMIT_POUNDS:
        return (
            f"{format_amount(value, unit=unit)} in {unit.value} is {shown}, more than any "
            "council's budget: check the unit the table is in (a column of whole pounds read "
            "as £m is the usual cause).",
            True,
        )
    return (
        f"{format_amount(value, unit=unit)} in {unit.value} is {shown}: check it is right, and "
        f"that the table is in {unit.value}.",
        False,
    )


def format_amount(
    value: Decimal | None, *, unit: Unit = Unit.POUNDS, currency: bool = False
) -> str:
    """``value`` (already in ``unit``) written as councils write it: ``(1,234.50)``, ``-``."""
    if value is None:
        return ""
    if value == 0:
        return "-"
    text = f"{abs(value):,f}"
    if currency:
        text = "£" + text
    return f"({text})" if value < 0 else text
