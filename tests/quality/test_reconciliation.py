from decimal import Decimal

from boardpack.quality.finance import compare_amount
from boardpack.quality.findings import Severity


def compare(stated: str, computed: str, inputs: int):
    return compare_amount(
        table="T",
        row="R",
        column="projection",
        stated=Decimal(stated),
        stated_printed=stated,
        computed=Decimal(computed),
        computed_printed=computed,
        inputs=inputs,
    )


def test_equal_figures_are_no_finding():
    assert compare("107.9", "107.9", 4) is None


def test_within_n_times_a_half_is_a_note():
    assert compare("107.9", "108.1", 4).severity == Severity.NOTE


def test_beyond_it_is_an_error():
    finding = compare("107.9", "108.2", 4)
    assert finding.severity == Severity.ERROR
    assert finding.column == "Full year projection £m"
