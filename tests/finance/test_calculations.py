from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from boardpack.finance import calculations as calc

D = Decimal


@pytest.mark.parametrize(
    ("variance", "marker"),
    [(D("0.1"), "A"), (D("-0.4"), "(F)"), (D("0"), "-"), (D("-0.02"), "-"), (D("0.04"), "-")],
)
def test_the_marker_follows_the_printed_variance(variance, marker):
    assert calc.marker(variance) == marker


@pytest.mark.parametrize(
    ("movement", "arrow"),
    [(D("0.2"), "↓"), (D("-0.1"), "↑"), (D("0.0"), "→"), (D("-0.02"), "→")],
)
def test_the_arrow_follows_the_printed_movement(movement, arrow):
    assert calc.direction(movement) == arrow


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (D("-0.4"), "(0.4)"),
        (D("14.5"), "14.5"),
        (D("105.25"), "105.3"),  # half up, as spreadsheets round
        (D("-0.02"), "(0.0)"),
        (D("1234.5"), "1,234.5"),
    ],
)
def test_millions_are_printed_as_the_seed_prints_them(value, text):
    assert calc.format_millions(value) == text


def test_pounds_are_printed_whole_or_with_pence():
    assert calc.format_pounds(D("9568900")) == "9,568,900"
    assert calc.format_pounds(D("1234.50")) == "1,234.50"
    assert calc.format_pounds(D("-400")) == "(400)"
    assert calc.pounds_string(D("9568900.00")) == "9568900"
    assert calc.pounds_string(D("12.5")) == "12.50"


@given(st.decimals(min_value=-1000, max_value=1000, places=3, allow_nan=False))
def test_marker_and_printed_sign_agree(value):
    printed = calc.format_millions(value)
    marker = calc.marker(value)
    if marker == "A":
        assert not printed.startswith("(")
    elif marker == "(F)":
        assert printed.startswith("(")
    else:
        assert printed in ("0.0", "(0.0)")


@given(st.lists(st.decimals(min_value=-100, max_value=100, places=2, allow_nan=False), max_size=30))
def test_a_sum_of_rounded_figures_stays_within_the_tolerance(values):
    exact = sum(values, D(0))
    of_rounded = sum((calc.rounded(v) for v in values), D(0))
    assert abs(exact - of_rounded) <= D("0.05") * len(values)
