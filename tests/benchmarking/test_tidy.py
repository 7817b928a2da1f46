from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from boardpack.benchmarking.tidy import TidyError, parse_cell, read_tidy
from tests.benchmarking.files import HEADER, never_seen_file


def test_columns_are_told_apart_by_their_contents():
    tidy = read_tidy(never_seen_file())
    assert tidy.filter_columns == ["characteristic"]
    assert tidy.indicator_columns == ["number_of_children", "percent_with_plan"]
    assert tidy.filter_values() == {"characteristic": ["Boys", "Total"]}
    assert tidy.years() == ["202324", "202425"]
    levels = {row.level for row in tidy.rows}
    assert levels == {"national", "regional", "authority"}


def test_symbols_are_kept_never_read_as_zero():
    assert parse_cell("c") == (None, "c")
    assert parse_cell("x") == (None, "x")
    assert parse_cell("z") == (None, "z")
    assert parse_cell("low") == (None, "low")
    assert parse_cell("u") == (None, "u")
    assert parse_cell("") == (None, "x")
    assert parse_cell("67") == (Decimal("67"), "")
    assert parse_cell("-0.8") == (Decimal("-0.8"), "")


@pytest.mark.parametrize("text", ["1,200", "abc", "٣٤", "１２", "5%", "1e3", "n/a"])
def test_anything_else_is_refused(text):
    with pytest.raises(ValueError, match="neither a number nor one of the DfE symbols"):
        parse_cell(text)


@given(st.text(max_size=8))
def test_a_cell_is_a_number_a_symbol_or_refused(text):
    try:
        value, symbol = parse_cell(text)
    except ValueError:
        return
    if value is None:
        assert symbol in {"c", "x", "z", "low", "u"}
    else:
        assert symbol == ""
        assert all(ch in "0123456789.-" for ch in text.strip())


def test_a_file_that_is_not_tidy_data_is_refused():
    with pytest.raises(TidyError, match="no time_period"):
        read_tidy(b"year,geographic_level,value\n2025,National,1\n", name="x.csv")
    with pytest.raises(TidyError, match="no geographic_level"):
        read_tidy(b"time_period,level,value\n2025,National,1\n", name="x.csv")


def test_a_ragged_row_is_named():
    data = (HEADER + "\n2025,Academic year,National,E92000001,England\n").encode()
    with pytest.raises(TidyError, match=r"line 2: 5 fields where the header has 13"):
        read_tidy(data, name="plans.csv")


def test_empty_nul_and_not_utf8_files_are_refused():
    with pytest.raises(TidyError, match="empty"):
        read_tidy(b"")
    with pytest.raises(TidyError, match="NUL"):
        read_tidy(b"time_period,geographic_level\x00\n")
    with pytest.raises(TidyError, match="not UTF-8"):
        read_tidy("time_period,geographic_level,x\n2025,National,£\n".encode("cp1252"))


def test_other_geographic_levels_are_counted_not_read():
    data = (
        b"time_period,geographic_level,region_code,region_name,old_la_code,la_name,value\n"
        b"2025,Parliamentary constituency,,,,,3\n2025,National,,,,,4\n"
    )
    tidy = read_tidy(data)
    assert len(tidy.rows) == 1
    assert tidy.skipped_levels == {"Parliamentary constituency": 1}


def test_a_column_of_figures_with_a_bad_cell_may_still_be_mapped():
    lines = never_seen_file().decode().splitlines()
    lines[3] = lines[3].rsplit(",", 1)[0] + ",about 5"
    tidy = read_tidy(("\n".join(lines) + "\n").encode())
    assert "percent_with_plan" not in tidy.indicator_columns
    assert tidy.mostly_figures == ["percent_with_plan"]
    assert tidy.mappable_columns() == ["number_of_children", "percent_with_plan"]
    assert read_tidy(never_seen_file()).mostly_figures == []  # characteristic is text
