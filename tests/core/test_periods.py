import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from boardpack.periods import (
    AcademicYear,
    FinancialYear,
    Month,
    PeriodError,
    Quarter,
    parse_period_label,
)

months = st.builds(Month, st.integers(1950, 2150), st.integers(1, 12))


class TestMonth:
    def test_key_and_label(self):
        month = Month.parse("2024-06")
        assert (month.year, month.month) == (2024, 6)
        assert month.key == "2024-06"
        assert str(month) == "2024-06"
        assert month.label == "June 2024"

    @pytest.mark.parametrize(
        "text", ["2024-6", "2024-13", "2024-00", "24-06", "June 2024", "", "2024/06", "2024-06-01"]
    )
    def test_refuses_malformed_keys(self, text):
        with pytest.raises(PeriodError):
            Month.parse(text)

    def test_first_and_last_day(self):
        assert Month(2024, 2).first_day == dt.date(2024, 2, 1)
        assert Month(2024, 2).last_day == dt.date(2024, 2, 29)
        assert Month(2023, 2).last_day == dt.date(2023, 2, 28)

    @pytest.mark.parametrize(
        ("key", "number", "label"),
        [
            ("2022-04", 1, "Month 1 2022/23"),
            ("2022-10", 7, "Month 7 2022/23"),
            ("2022-12", 9, "Month 9 2022/23"),
            ("2023-01", 10, "Month 10 2022/23"),
            ("2023-03", 12, "Month 12 2022/23"),
        ],
    )
    def test_financial_month(self, key, number, label):
        month = Month.parse(key)
        assert month.financial_month == number
        assert month.financial_month_label == label

    @pytest.mark.parametrize(
        ("key", "quarter"),
        [
            ("2024-04", "Q1 2024/25"),
            ("2024-06", "Q1 2024/25"),
            ("2024-07", "Q2 2024/25"),
            ("2024-12", "Q3 2024/25"),
            ("2025-01", "Q4 2024/25"),
            ("2023-03", "Q4 2022/23"),
        ],
    )
    def test_quarter(self, key, quarter):
        assert Month.parse(key).quarter.label == quarter

    def test_academic_year(self):
        assert Month(2023, 8).academic_year.label == "2022/23"
        assert Month(2023, 9).academic_year.label == "2023/24"

    def test_arithmetic_across_years(self):
        assert Month(2022, 12).plus(1) == Month(2023, 1)
        assert Month(2023, 1).minus(1) == Month(2022, 12)
        assert Month(2022, 12).minus(2) == Month(2022, 10)
        assert Month(2022, 12).months_since(Month(2022, 10)) == 2

    def test_rejects_impossible_month(self):
        with pytest.raises(PeriodError):
            Month(2024, 13)


class TestFinancialYear:
    def test_labels(self):
        year = FinancialYear(2024)
        assert year.label == "2024/25"
        assert year.short_label == "24/25"
        assert FinancialYear(1999).label == "1999/00"

    @pytest.mark.parametrize("text", ["2024/25", "24/25", "2024-25", "2024/2025", "FY 2024/25"])
    def test_parse_forms(self, text):
        assert FinancialYear.parse(text) == FinancialYear(2024)

    @pytest.mark.parametrize("text", ["2024/26", "2024", "24/24", "abc", "2024/2026"])
    def test_parse_refuses(self, text):
        with pytest.raises(PeriodError):
            FinancialYear.parse(text)

    def test_months(self):
        year = FinancialYear(2022)
        assert year.month(1) == Month(2022, 4)
        assert year.month(9) == Month(2022, 12)
        assert year.month(12) == Month(2023, 3)
        assert [m.key for m in year.months()][:2] == ["2022-04", "2022-05"]
        assert year.start_date == dt.date(2022, 4, 1)
        assert year.end_date == dt.date(2023, 3, 31)
        with pytest.raises(PeriodError):
            year.month(13)

    def test_containing(self):
        assert FinancialYear.containing(dt.date(2023, 3, 31)) == FinancialYear(2022)
        assert FinancialYear.containing(dt.date(2023, 4, 1)) == FinancialYear(2023)


class TestQuarter:
    def test_range_label_as_the_members_report_writes_it(self):
        assert Quarter(FinancialYear(2022), 4).range_label == "January to March 2023"
        assert Quarter(FinancialYear(2024), 1).range_label == "April to June 2024"

    def test_parse_and_neighbours(self):
        q4 = Quarter.parse("Q4 2022/23")
        assert q4.months() == [Month(2023, 1), Month(2023, 2), Month(2023, 3)]
        assert q4.next() == Quarter(FinancialYear(2023), 1)
        assert q4.previous() == Quarter(FinancialYear(2022), 3)

    def test_refuses_q5(self):
        with pytest.raises(PeriodError):
            Quarter(FinancialYear(2022), 5)
        with pytest.raises(PeriodError):
            Quarter.parse("Q5 2022/23")


class TestAcademicYear:
    def test_months(self):
        year = AcademicYear.parse("2023/24")
        assert year.first_month == Month(2023, 9)
        assert year.last_month == Month(2024, 8)
        assert len(year.months()) == 12


class TestLabels:
    @pytest.mark.parametrize(
        ("text", "key"),
        [
            ("2024-06", "2024-06"),
            ("June 2024", "2024-06"),
            ("Month 9 2022/23", "2022-12"),
            ("Q4 2022/23", "2023-03"),
            ("January to March 2023", "2023-03"),
            ("November 2022 to January 2023", "2023-01"),
            ("2024/25", "2025-03"),
            ("  month 7   2022/23 ", "2022-10"),
        ],
    )
    def test_councils_forms(self, text, key):
        assert parse_period_label(text).key == key

    @pytest.mark.parametrize("text", ["", "Month 13 2022/23", "Smarch 2024", "Q0 2022/23"])
    def test_refuses(self, text):
        with pytest.raises(PeriodError):
            parse_period_label(text)


# Round trips: every label Boardpack writes, it reads back to the same period.


@given(months)
def test_key_round_trip(month):
    assert Month.parse(month.key) == month


@given(months)
def test_label_round_trips(month):
    assert parse_period_label(month.label) == month
    assert parse_period_label(month.financial_month_label) == month
    assert parse_period_label(month.quarter.label) == month.quarter.last_month
    assert parse_period_label(month.quarter.range_label) == month.quarter.last_month


@given(months)
def test_month_belongs_to_its_year_and_quarter(month):
    year = month.financial_year
    assert year.month(month.financial_month) == month
    assert month in month.quarter.months()
    assert month in list(year.months())
    assert month in month.academic_year.months()
    assert FinancialYear.parse(year.label) == year


@given(months, st.integers(-600, 600))
def test_plus_minus_inverse(month, n):
    assert month.plus(n).minus(n) == month
    assert month.plus(n).months_since(month) == n


@given(st.text(max_size=30))
def test_parse_never_crashes_on_garbage(text):
    try:
        parse_period_label(text)
    except PeriodError:
        pass
