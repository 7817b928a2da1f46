"""Each bad input is refused whole, with a problem naming its sheet, row and column."""

import datetime as dt
from decimal import Decimal

import pytest

from boardpack.core.models import ReportingPeriod
from boardpack.finance.models import SavingLine, SavingPosition
from boardpack.imports.amounts import Unit
from boardpack.imports.framework import ImportContext
from boardpack.imports.registry import get
from boardpack.imports.services import ImportRefused, apply_plan
from tests.imports.helpers import SAVINGS_HEADER, csv_bytes, messages, prepare, xlsx

pytestmark = pytest.mark.django_db

CFE001 = ["CFE001", "Home to school transport", "324,500", "", "149,000", "175,500", "", "ok"]


@pytest.fixture
def june(somerset):
    return ReportingPeriod.objects.get(organisation=somerset, month=dt.date(2024, 6, 1))


@pytest.fixture
def december(somerset):
    return ReportingPeriod.objects.get(organisation=somerset, month="2022-12-01")


def savings(somerset, june, *rows, **kw):
    return prepare("savings", somerset, june, xlsx([SAVINGS_HEADER, *rows], title="MTFP"), **kw)


def only_problem(preparation):
    assert len(preparation.plan.problems) == 1, messages(preparation)
    return preparation.plan.problems[0]


def test_a_good_row_plans_a_change(somerset, june):
    preparation = savings(somerset, june, CFE001[:7] + ["New comment"])
    assert preparation.plan.ok, messages(preparation)
    assert preparation.plan.changed_count == 1
    change = preparation.plan.to_write[0]
    assert change.changed_fields == ["comment"]


def test_text_in_a_money_cell(somerset, june):
    problem = only_problem(
        savings(somerset, june, ["CFE001", "", "about 300k", "", "", "", "", ""])
    )
    assert (problem.sheet, problem.row, problem.column, problem.header) == (
        "MTFP",
        2,
        "C",
        "Target",
    )
    assert "‘about 300k’" in problem.message or "'about 300k'" in problem.message
    assert "must be an amount of money" in problem.message


def test_negative_target(somerset, june):
    problem = only_problem(savings(somerset, june, ["CFE001", "", "(324,500)", "", "", "", "", ""]))
    assert problem.column == "C" and "negative" in problem.message


def test_parts_not_adding_up_names_the_difference(somerset, june):
    row = ["CFE001", "", "324,500", "", "149,000", "175,000", "", ""]
    problem = only_problem(savings(somerset, june, row))
    assert problem.row == 2
    assert "£500 less than the target of £324,500" in problem.message


def test_duplicate_reference(somerset, june):
    problem = only_problem(savings(somerset, june, CFE001, CFE001))
    assert problem.row == 3 and "appears twice" in problem.message and "row 2" in problem.message


def test_unknown_reference(somerset, june):
    row = ["CFE999", "A new saving", "1,000", "", "1,000", "", "", ""]
    problem = only_problem(savings(somerset, june, row))
    assert problem.column == "A" and "CFE999 is not a saving in the 2024/25 MTFP" in problem.message
    added = savings(somerset, june, row, add_new=True)
    assert added.plan.ok and added.plan.new_count == 1


def test_every_problem_is_reported_at_once(somerset, june):
    preparation = savings(
        somerset,
        june,
        ["CFE001", "", "lots", "", "", "", "", ""],
        ["CFE003", "", "(1)", "", "", "", "", ""],
        ["CFE999", "", "1", "", "1", "", "", ""],
        ["CFE005", "", "410,000", "", "1", "", "", ""],
    )
    assert [p.row for p in preparation.plan.problems] == [2, 3, 4, 5]


def test_nothing_is_written_when_there_is_a_problem(somerset, june):
    before = SavingPosition.history.count()
    preparation = savings(
        somerset, june, CFE001[:7] + ["changed"], ["CFE003", "", "x", "", "", "", "", ""]
    )
    with pytest.raises(ImportRefused):
        apply_plan(
            importer=get("savings"), context=ImportContext(somerset, june), plan=preparation.plan
        )
    assert SavingPosition.history.count() == before
    assert SavingPosition.objects.get(line__reference="CFE001", period=june).comment != "changed"


def test_a_good_plan_applies_in_one_go(somerset, june):
    preparation = savings(somerset, june, CFE001[:7] + ["Applied by import"])
    apply_plan(
        importer=get("savings"), context=ImportContext(somerset, june), plan=preparation.plan
    )
    position = SavingPosition.objects.get(line__reference="CFE001", period=june)
    assert position.comment == "Applied by import"
    assert position.history.first().comment == "Applied by import"


def test_unknown_service_area(somerset, december):
    data = csv_bytes(
        [
            ["Service Area", "Current Budget £m", "Full Year Projection £m"],
            ["Underwater Basket Weaving", "1.0", "1.1"],
        ]
    )
    problem = only_problem(prepare("budget", somerset, december, data, "b.csv"))
    assert (
        problem.column == "A"
        and "no service area called ‘Underwater Basket Weaving’" in problem.message
    )


def test_ambiguous_service_line_needs_its_division(somerset, december):
    data = csv_bytes(
        [
            ["Service Area", "Current Budget £m", "Full Year Projection £m"],
            ["Central", "0.6", "1.1"],
        ]
    )
    assert (
        "Children's Social Care"
        in only_problem(prepare("budget", somerset, december, data, "b.csv")).message
    )
    data = csv_bytes(
        [
            ["Service Area", "Current Budget £m", "Full Year Projection £m"],
            ["Commissioning", "", ""],
            ["Central", "0.7", "0.9"],
        ]
    )
    preparation = prepare("budget", somerset, december, data, "b.csv")
    assert preparation.plan.ok, messages(preparation)
    assert preparation.plan.to_write[0].label == "Commissioning – Central"


def test_budget_projection_is_derived_from_the_variance(somerset, december):
    data = csv_bytes(
        [
            ["Division", "Service Area", "Current Budget £m", "Month 9 Variance £m"],
            ["Children's Social Care", "Prevention", "5.7", "0.3"],
        ]
    )
    preparation = prepare("budget", somerset, december, data, "b.csv")
    assert preparation.plan.ok, messages(preparation)
    change = preparation.plan.to_write[0]
    assert change.payload["values"]["projection"] == Decimal("6.0")
    assert change.payload["values"]["stated_variance"] == Decimal("0.3")
    assert change.after["projection"] == "6"


def test_budget_needs_a_projection_or_a_variance(somerset, december):
    data = csv_bytes(
        [
            ["Service Area", "Current Budget £m", "Full Year Projection £m"],
            ["Prevention", "5.7", ""],
        ]
    )
    assert (
        "projection or the variance"
        in only_problem(prepare("budget", somerset, december, data, "b.csv")).message
    )


def test_amounts_in_thousands_are_converted(somerset, december):
    data = csv_bytes(
        [
            ["Service Area", "Current Budget", "Full Year Projection"],
            ["Prevention", "5,700", "5,800"],
        ]
    )
    preparation = prepare("budget", somerset, december, data, "b.csv", unit=Unit.THOUSANDS)
    assert preparation.plan.ok and preparation.plan.unchanged_count == 1, messages(preparation)


def test_period_in_the_wrong_form(somerset, june):
    data = xlsx([SAVINGS_HEADER + ["Period"], CFE001 + ["June 24"]])
    problem = only_problem(prepare("savings", somerset, june, data))
    assert problem.column == "I" and "YYYY-MM" in problem.message
    other = xlsx([SAVINGS_HEADER + ["Period"], CFE001 + ["2024-05"]])
    assert (
        "import is for 2024-06" in only_problem(prepare("savings", somerset, june, other)).message
    )


def test_file_that_is_not_the_template(somerset, june):
    data = xlsx([["Name", "Colour"], ["Sam", "Blue"]])
    problem = only_problem(prepare("savings", somerset, june, data))
    assert "not the MTFP savings template" in problem.message


def test_header_need_not_be_the_first_row(somerset, june):
    data = xlsx(
        [
            ["Children's Transformation Programme – MTFP Tracker"],
            [],
            ["MTFP", "", "24/25"],
            ["Ref", "", "£", "Over-achieved", "Achieved", "On Track", "At Risk", "Comments"],
            CFE001,
        ]
    )
    preparation = prepare("savings", somerset, june, data)
    assert preparation.layout.header_row == 4
    assert preparation.plan.ok, messages(preparation)


def test_missing_required_column_asks_for_a_mapping(somerset, june):
    data = xlsx([["Ref", "Saving amount", "Achieved"], ["CFE001", "324,500", "149,000"]])
    preparation = prepare("savings", somerset, june, data)
    assert preparation.needs_mapping and preparation.missing == ["target"]
    mapped = prepare(
        "savings", somerset, june, data, mapping={"reference": 0, "target": 1, "achieved": 2}
    )
    assert mapped.layout is not None and not mapped.needs_mapping
    assert "add up to £149,000" in messages(mapped)


def test_formula_without_cached_value_names_the_cell(somerset, june):
    data = xlsx(
        [SAVINGS_HEADER, ["CFE001", "", "=SUM(E2:G2)", "", "149000", "175500", "", ""]],
        title="MTFP",
    )
    problem = only_problem(prepare("savings", somerset, june, data))
    assert problem.cell == "C2" and "formula" in problem.message and "not saved" in problem.message


def test_unreadable_files_become_problems(somerset, june, settings):
    assert "empty" in messages(prepare("savings", somerset, june, b""))
    assert "password-protected" in messages(
        prepare("savings", somerset, june, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    )
    settings.BOARDPACK_MAX_UPLOAD_BYTES = 100
    assert "largest file" in messages(
        prepare("savings", somerset, june, xlsx([SAVINGS_HEADER, CFE001]))
    )


def test_nul_in_text_is_refused(somerset, june):
    data = csv_bytes([SAVINGS_HEADER, CFE001[:7] + ["bad\x07text"]])
    problem = only_problem(prepare("savings", somerset, june, data, "s.csv"))
    assert problem.column == "H" and "control characters" in problem.message
    with_nul = csv_bytes([SAVINGS_HEADER, CFE001[:7] + ["bad\x00text"]])
    assert (
        "not a spreadsheet"
        in only_problem(prepare("savings", somerset, june, with_nul, "s.csv")).message
    )


def test_unknown_dsg_block(somerset, december):
    data = csv_bytes(
        [
            ["DSG Block", "Current Budget (£m)", "Full Year Projection (£m)"],
            ["Pupil Premium", "1", "1"],
        ]
    )
    assert (
        "no DSG block called ‘Pupil Premium’"
        in only_problem(prepare("dsg", somerset, december, data, "d.csv")).message
    )


def test_lines_of_another_organisation_are_unknown(dorset):
    period = ReportingPeriod.objects.create(organisation=dorset, month=dt.date(2024, 6, 1))
    assert not SavingLine.objects.filter(organisation=dorset).exists()
    preparation = prepare("savings", dorset, period, xlsx([SAVINGS_HEADER, CFE001]))
    assert "CFE001 is not a saving" in messages(preparation)
