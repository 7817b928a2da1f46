"""Reporting periods as councils write them.

UK local government runs on the financial year April to March: Month 1 is April, Q1 is April
to June, and the year is written "2024/25". Schools run on the academic year September to
August. A reporting period is named by its last month (``2024-06``); a quarter or a year is
named by its last month too when it is used as a reporting period.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

MONTH_NAMES = tuple(calendar.month_name)  # ("", "January", ...)
_MONTH_KEY = re.compile(r"^(\d{4})-(\d{2})$")
_FY_LABEL = re.compile(r"^(?:FY\s*)?(\d{2}|\d{4})\s*[/-]\s*(\d{2}|\d{4})$", re.IGNORECASE)
_FY_MONTH_LABEL = re.compile(r"^(?:Month|M)\s*(\d{1,2})\s+(.+)$", re.IGNORECASE)
_QUARTER_LABEL = re.compile(r"^Q([1-4])\s+(.+)$", re.IGNORECASE)

FIRST_YEAR = 1900
LAST_YEAR = 2999


class PeriodError(ValueError):
    """A period written in a form Boardpack does not understand."""


@dataclass(frozen=True, order=True)
class Month:
    """A calendar month, the unit every reporting period is named by."""

    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise PeriodError(f"Month must be 1 to 12, not {self.month}")
        if not FIRST_YEAR <= self.year <= LAST_YEAR:
            raise PeriodError(f"Year must be between {FIRST_YEAR} and {LAST_YEAR}, not {self.year}")

    @classmethod
    def parse(cls, text: str) -> Month:
        """Parse a period key such as ``2024-06``."""
        match = _MONTH_KEY.match(str(text).strip())
        if not match:
            raise PeriodError(f"A period is written YYYY-MM, for example 2024-06, not {text!r}")
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def from_date(cls, value: dt.date) -> Month:
        return cls(value.year, value.month)

    @property
    def key(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def __str__(self) -> str:
        return self.key

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    @property
    def last_day(self) -> dt.date:
        return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    @property
    def name(self) -> str:
        return MONTH_NAMES[self.month]

    @property
    def label(self) -> str:
        """``June 2024``."""
        return f"{self.name} {self.year}"

    def plus(self, months: int) -> Month:
        index = self.year * 12 + (self.month - 1) + months
        return Month(index // 12, index % 12 + 1)

    def minus(self, months: int) -> Month:
        return self.plus(-months)

    def months_since(self, other: Month) -> int:
        return (self.year - other.year) * 12 + (self.month - other.month)

    @property
    def financial_year(self) -> FinancialYear:
        return FinancialYear(self.year if self.month >= 4 else self.year - 1)

    @property
    def financial_month(self) -> int:
        """Month number in the financial year: April is Month 1, March is Month 12."""
        return (self.month - 4) % 12 + 1

    @property
    def financial_month_label(self) -> str:
        """``Month 9 2022/23``."""
        return f"Month {self.financial_month} {self.financial_year.label}"

    @property
    def quarter(self) -> Quarter:
        return Quarter(self.financial_year, (self.financial_month - 1) // 3 + 1)

    @property
    def academic_year(self) -> AcademicYear:
        return AcademicYear(self.year if self.month >= 9 else self.year - 1)


@dataclass(frozen=True, order=True)
class FinancialYear:
    """April to March, written ``2024/25``; ``start_year`` is the year of its April."""

    start_year: int

    @classmethod
    def parse(cls, text: str) -> FinancialYear:
        """Parse ``2024/25``, ``24/25``, ``2024-25`` or ``2024/2025``."""
        match = _FY_LABEL.match(str(text).strip())
        if not match:
            raise PeriodError(f"A financial year is written like 2024/25, not {text!r}")
        first, second = match.group(1), match.group(2)
        start = int(first) if len(first) == 4 else 2000 + int(first)
        end = int(second)
        expected_end = start + 1
        if (len(second) == 4 and end != expected_end) or (
            len(second) == 2 and end != expected_end % 100
        ):
            raise PeriodError(f"{text!r} is not a financial year: the years must be consecutive")
        return cls(start)

    @classmethod
    def containing(cls, value: dt.date) -> FinancialYear:
        return Month.from_date(value).financial_year

    @property
    def label(self) -> str:
        return f"{self.start_year}/{(self.start_year + 1) % 100:02d}"

    @property
    def short_label(self) -> str:
        """``24/25``, as tables headed "MTFP 24/25" write it."""
        return f"{self.start_year % 100:02d}/{(self.start_year + 1) % 100:02d}"

    def __str__(self) -> str:
        return self.label

    @property
    def first_month(self) -> Month:
        return Month(self.start_year, 4)

    @property
    def last_month(self) -> Month:
        return Month(self.start_year + 1, 3)

    @property
    def start_date(self) -> dt.date:
        return self.first_month.first_day

    @property
    def end_date(self) -> dt.date:
        return self.last_month.last_day

    def month(self, number: int) -> Month:
        """Month ``number`` of this year: ``month(9)`` of 2022/23 is December 2022."""
        if not 1 <= number <= 12:
            raise PeriodError(f"A financial month is 1 to 12, not {number}")
        return self.first_month.plus(number - 1)

    def months(self) -> Iterator[Month]:
        return (self.month(n) for n in range(1, 13))

    def quarter(self, number: int) -> Quarter:
        return Quarter(self, number)

    def previous(self) -> FinancialYear:
        return FinancialYear(self.start_year - 1)

    def next(self) -> FinancialYear:
        return FinancialYear(self.start_year + 1)


@dataclass(frozen=True, order=True)
class Quarter:
    """A quarter of the financial year: Q1 is April to June."""

    financial_year: FinancialYear
    number: int

    def __post_init__(self) -> None:
        if not 1 <= self.number <= 4:
            raise PeriodError(f"A quarter is Q1 to Q4, not Q{self.number}")

    @classmethod
    def parse(cls, text: str) -> Quarter:
        """Parse ``Q4 2022/23``."""
        match = _QUARTER_LABEL.match(str(text).strip())
        if not match:
            raise PeriodError(f"A quarter is written like Q4 2022/23, not {text!r}")
        return cls(FinancialYear.parse(match.group(2)), int(match.group(1)))

    @property
    def label(self) -> str:
        return f"Q{self.number} {self.financial_year.label}"

    def __str__(self) -> str:
        return self.label

    @property
    def first_month(self) -> Month:
        return self.financial_year.month(3 * (self.number - 1) + 1)

    @property
    def last_month(self) -> Month:
        return self.financial_year.month(3 * self.number)

    def months(self) -> list[Month]:
        return [self.first_month.plus(i) for i in range(3)]

    @property
    def range_label(self) -> str:
        """``January to March 2023``, as a members' quarterly report is titled."""
        first, last = self.first_month, self.last_month
        if first.year == last.year:
            return f"{first.name} to {last.name} {last.year}"
        return f"{first.name} {first.year} to {last.name} {last.year}"

    def previous(self) -> Quarter:
        return self.last_month.minus(3).quarter

    def next(self) -> Quarter:
        return self.last_month.plus(3).quarter


@dataclass(frozen=True, order=True)
class AcademicYear:
    """September to August, written ``2023/24``."""

    start_year: int

    @classmethod
    def parse(cls, text: str) -> AcademicYear:
        return cls(FinancialYear.parse(text).start_year)

    @property
    def label(self) -> str:
        return f"{self.start_year}/{(self.start_year + 1) % 100:02d}"

    def __str__(self) -> str:
        return self.label

    @property
    def first_month(self) -> Month:
        return Month(self.start_year, 9)

    @property
    def last_month(self) -> Month:
        return Month(self.start_year + 1, 8)

    def months(self) -> list[Month]:
        return [self.first_month.plus(i) for i in range(12)]


def parse_period_label(text: str) -> Month:
    """The last month of a period written in any of the forms councils use.

    Accepts ``2024-06``, ``June 2024``, ``Month 9 2022/23``, ``Q4 2022/23``,
    ``January to March 2023`` and a financial year ``2024/25`` (its March).
    """
    cleaned = " ".join(str(text).split())
    if not cleaned:
        raise PeriodError("The period is empty")
    if _MONTH_KEY.match(cleaned):
        return Month.parse(cleaned)
    match = _FY_MONTH_LABEL.match(cleaned)
    if match:
        return FinancialYear.parse(match.group(2)).month(int(match.group(1)))
    if _QUARTER_LABEL.match(cleaned):
        return Quarter.parse(cleaned).last_month
    if _FY_LABEL.match(cleaned):
        return FinancialYear.parse(cleaned).last_month
    words = cleaned.split(" ")
    names = {name.lower(): number for number, name in enumerate(MONTH_NAMES) if name}
    if len(words) == 2 and words[0].lower() in names and words[1].isdigit():
        return Month(int(words[1]), names[words[0].lower()])
    # "January to March 2023" or "November 2022 to January 2023"
    if " to " in cleaned.lower():
        tail = re.split(r"\s+to\s+", cleaned, flags=re.IGNORECASE)[-1]
        return parse_period_label(tail)
    raise PeriodError(
        f"{text!r} is not a period Boardpack understands: write it like 2024-06, June 2024, "
        "Month 9 2022/23 or Q4 2022/23"
    )
