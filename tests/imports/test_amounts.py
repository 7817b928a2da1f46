from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from boardpack.imports.amounts import AmountError, Unit, format_amount, parse_amount

D = Decimal


@pytest.mark.parametrize(
    ("text", "unit", "to", "expected"),
    [
        ("£1,234", Unit.POUNDS, Unit.POUNDS, D("1234")),
        ("1,234.5", Unit.POUNDS, Unit.POUNDS, D("1234.5")),
        ("(0.4)", Unit.MILLIONS, Unit.MILLIONS, D("-0.4")),
        ("(0.4)", Unit.MILLIONS, Unit.POUNDS, D("-400000")),
        ("-", Unit.POUNDS, Unit.POUNDS, D("0")),
        ("–", Unit.MILLIONS, Unit.MILLIONS, D("0")),
        ("", Unit.POUNDS, Unit.POUNDS, None),
        ("   ", Unit.POUNDS, Unit.POUNDS, None),
        ("£1.2m", Unit.POUNDS, Unit.POUNDS, D("1200000")),
        ("£1.2m", Unit.THOUSANDS, Unit.MILLIONS, D("1.2")),
        ("350k", Unit.POUNDS, Unit.POUNDS, D("350000")),
        ("1,234", Unit.THOUSANDS, Unit.MILLIONS, D("1.234")),
        ("(£1,234)", Unit.POUNDS, Unit.POUNDS, D("-1234")),
        ("£(12)", Unit.POUNDS, Unit.POUNDS, D("-12")),
        ("-£5", Unit.POUNDS, Unit.POUNDS, D("-5")),
        ("−5", Unit.POUNDS, Unit.POUNDS, D("-5")),
        ("(0.0)", Unit.MILLIONS, Unit.MILLIONS, D("0")),
        ("\u00a0324,500\u00a0", Unit.POUNDS, Unit.POUNDS, D("324500")),
        (324500, Unit.POUNDS, Unit.POUNDS, D("324500")),
        (0.1, Unit.MILLIONS, Unit.MILLIONS, D("0.1")),
        (D("5.7"), Unit.MILLIONS, Unit.POUNDS, D("5700000")),
    ],
)
def test_amounts_as_councils_write_them(text, unit, to, expected):
    assert parse_amount(text, unit=unit, to=to) == expected


@pytest.mark.parametrize(
    "text",
    [
        "abc",
        "1,2,3",
        "5%",
        "1e5",
        "(-5)",
        "£",
        "()",
        "1.2.3",
        "twelve",
        "12 34",
        "--5",
        "\x00",
        True,
    ],
)
def test_text_in_a_money_cell_is_refused_with_a_message(text):
    with pytest.raises(AmountError) as refused:
        parse_amount(text)
    assert str(refused.value)


def test_unit_as_the_user_states_it():
    assert Unit.parse("£000") is Unit.THOUSANDS
    assert Unit.parse("£m") is Unit.MILLIONS
    assert Unit.parse("£") is Unit.POUNDS
    with pytest.raises(AmountError):
        Unit.parse("dollars")


def test_formatting_as_councils_write_it():
    assert format_amount(D("-1234.50")) == "(1,234.50)"
    assert format_amount(D("0")) == "-"
    assert format_amount(D("9568900"), currency=True) == "£9,568,900"
    assert format_amount(None) == ""


# Up to £100m million either way: £m figures converted to pounds stay below the £1,000tn cap.
amounts = st.decimals(
    min_value=D("-99999999.99"), max_value=D("99999999.99"), places=2, allow_nan=False
)


@given(amounts, st.sampled_from(list(Unit)), st.booleans())
def test_format_then_parse_round_trips(value, unit, currency):
    text = format_amount(value, unit=unit, currency=currency)
    assert parse_amount(text, unit=unit, to=unit) == value


@given(amounts)
def test_units_convert_exactly(value):
    millions = parse_amount(format_amount(value), unit=Unit.POUNDS, to=Unit.MILLIONS)
    assert millions is not None
    assert parse_amount(millions, unit=Unit.MILLIONS, to=Unit.POUNDS) == value


@given(st.decimals(min_value=D("-99999"), max_value=D("99999"), places=1, allow_nan=False))
def test_a_suffix_in_the_cell_overrides_the_stated_unit(value):
    text = format_amount(value, unit=Unit.MILLIONS) + "m"
    if value == 0:
        return  # "-m" is not how anyone writes nil
    assert parse_amount(text, unit=Unit.THOUSANDS, to=Unit.POUNDS) == value * 1_000_000


hostile = st.one_of(
    st.text(max_size=60),
    st.text(alphabet="0123456789,.()£-–−mkbn %+e\u00a0", max_size=25),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(),
    st.booleans(),
    st.none(),
    st.datetimes(),
)


@given(hostile, st.sampled_from(list(Unit)), st.sampled_from(list(Unit)))
def test_any_cell_gives_an_amount_nil_or_a_clear_refusal(value, unit, to):
    try:
        result = parse_amount(value, unit=unit, to=to)
    except AmountError as refused:
        assert str(refused)
    else:
        assert result is None or (isinstance(result, Decimal) and result.is_finite())
