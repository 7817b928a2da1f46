"""Performance figures are read, checked and written in bulk: one look-up per kind of record,
every new or changed figure inserted or updated in batches with its history row, and the whole
import in one transaction — with the same problems reported as before, cell by cell."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest

from boardpack.imports.framework import ImportContext
from boardpack.imports.registry import get
from boardpack.imports.services import apply_plan, prepare_import
from boardpack.performance.importers import import_csv_rows
from boardpack.performance.models import Observation, Source
from tests.imports.helpers import csv_bytes

pytestmark = pytest.mark.django_db
HEADER = [
    "indicator",
    "date",
    "area",
    "breakdown",
    "value",
    "qualifier",
    "as_written",
    "source",
    "period_label",
    "commentary",
]
BAD_ROWS = [
    ["CLA-COUNT", "30/06/2023", "", "", "600", "", "", "", "", ""],
    ["NO-SUCH", "31/03/2023", "", "", "5", "", "", "", "", ""],
    ["PA-PCT", "31/03/2023", "", "school_type=Primary", "140", "", "", "", "", ""],
    ["CLA-COUNT", "31/03/2023", "", "", "5", "roughly", "", "", "", ""],
    ["CLA-COUNT", "31/03/2023", "", "locality=North", "5", "", "", "", "", ""],
    ["CLA-COUNT", "March 2023", "", "", "5", "", "", "", "", ""],
    ["CLA-COUNT", "31/03/2023", "", "", "-5", "", "", "", "", ""],
    ["CLA-COUNT", "31/03/2023", "", "", "", "", "", "", "", ""],
    ["CLA-COUNT", "31/03/2023", "wales", "", "5", "", "", "", "", ""],
    ["CLA-COUNT", "31/03/2023", "", "placement", "5", "", "", "", "", ""],
    ["CLA-COUNT", "30/06/2023", "", "", "601", "", "", "", "", ""],
    ["CLA-COUNT", "31/12/2023", "", "", "5", "c", "", "", "", ""],
    ["CLA-COUNT", "31/12/2023", "", "", "lots", "", "", "", "", ""],
    ["", "31/12/2023", "", "", "5", "", "", "", "", ""],
]
# What the importer says of BAD_ROWS: (row, column, message), in the order reported.
EXPECTED_PROBLEMS = [
    (
        3,
        "A",
        "indicator",
        "‘NO-SUCH’ is not an indicator in Boardpack: check the code (the catalogue lists them).",
    ),
    (4, "E", "value", "PA-PCT is a percentage, so its value is from 0 to 100, not 140."),
    (
        5,
        "F",
        "qualifier",
        "‘roughly’ is not a qualifier: use one of exact, approximate, over, under, forecast, "
        "estimate, provisional, suppressed, not_available, not_applicable.",
    ),
    (
        6,
        "D",
        "breakdown",
        "CLA-COUNT has no dimension ‘locality’: its dimensions are placement_type.",
    ),
    (7, "B", "date", "Date must be a date, such as 31/03/2023 or 31 March 2023, not ‘March 2023’."),
    (8, "E", "value", "CLA-COUNT is a count: it cannot be negative (-5)."),
    (
        9,
        "E",
        "value",
        "A figure without a value must say why: qualifier suppressed (c), not_available (x) or "
        "not_applicable (z).",
    ),
    (
        10,
        "C",
        "area",
        "‘wales’ is not an area: use one of authority, england, statistical_neighbours, region.",
    ),
    (
        11,
        "D",
        "breakdown",
        "‘placement’ is not a breakdown: write dimension=value, separated by semicolons, e.g. "
        "school_type=Primary.",
    ),
    (12, "A", "indicator", "The same figure of CLA-COUNT for 30/06/2023 is also in row 2."),
    (13, "E", "value", "A suppressed figure has no value: leave it blank."),
    (14, "E", "value", "The value must be a number: ‘lots’ is not a number."),
    (
        14,
        "E",
        "value",
        "A figure without a value must say why: qualifier suppressed (c), not_available (x) or "
        "not_applicable (z).",
    ),
    (15, "A", "indicator", "The indicator's code is missing."),
]


def snapshot(organisation) -> list[tuple]:
    return sorted(
        Observation.objects.filter(indicator__organisation=organisation).values_list(
            "pk",
            "indicator__code",
            "date",
            "area",
            "breakdown_key",
            "value",
            "places",
            "qualifier",
            "as_written",
            "period_label",
            "commentary",
            "source__key",
        )
    )


def history_count() -> int:
    return Observation.history.count()


def csv_dicts(rows: list[list[str]]) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(csv_bytes([HEADER, *rows]).decode("utf-8-sig"))))


def problems_of(plan) -> list[tuple]:
    return [(p.row, p.column, p.header, p.message) for p in plan.problems]


def exported_rows(organisation, period) -> list[dict[str, str]]:
    """The period's figures as ``boardpack export observations`` writes them: an import of
    these changes nothing."""
    from boardpack.core import datasets

    dataset = datasets.get("observations")
    header, body = dataset.rows(dataset.document(organisation, period))
    return [dict(zip(header, (str(cell) for cell in row), strict=True)) for row in body]


def new_rows(n: int, *, value: int = 7, start: dt.date = dt.date(2030, 1, 1)) -> list[dict]:
    """``n`` figures Testshire does not hold: CLA-COUNT on ``n`` days from ``start``."""
    return [
        {
            "indicator": "CLA-COUNT",
            "date": (start + dt.timedelta(days=d)).isoformat(),
            "value": str(value + d % 50),
        }
        for d in range(n)
    ]


def test_the_same_problems_are_reported_cell_by_cell_and_nothing_is_written(testshire, march):
    before, history = snapshot(testshire), history_count()
    context = ImportContext(testshire, march)
    preparation = prepare_import(
        importer=get("indicators"),
        context=context,
        data=csv_bytes([HEADER, *BAD_ROWS]),
        file_name="figures.csv",
    )
    assert problems_of(preparation.plan) == EXPECTED_PROBLEMS
    # The bulk CSV path reports the same problems at the same cells, in row order.
    plan = import_csv_rows(context, csv_dicts(BAD_ROWS))
    assert problems_of(plan) == EXPECTED_PROBLEMS
    assert snapshot(testshire) == before and history_count() == history


@pytest.mark.parametrize(
    ("column", "cell", "message"),
    [
        ("period_label", "Q" * 101, "The period label is 101 characters long: at most 100."),
        ("as_written", "6" * 201, "The figure as written is 201 characters long: at most 200."),
        ("source", "my report!", "‘my report!’ cannot be a source's key"),
        ("source", "r" * 81, "A source's key is at most 80 characters"),
    ],
)
def test_text_the_database_cannot_hold_is_refused_at_its_cell(
    testshire, march, column, cell, message
):
    row = dict(
        zip(HEADER, ["CLA-COUNT", "30/06/2023", "", "", "600", "", "", "", "", ""], strict=True)
    )
    row[column] = cell
    before = snapshot(testshire)
    plan = import_csv_rows(ImportContext(testshire, march), [row])
    assert [(p.row, p.header) for p in plan.problems] == [(2, column)]
    assert message in plan.problems[0].message
    assert snapshot(testshire) == before
    assert not Source.objects.filter(key="import-2023-03").exists()


def test_new_changed_and_unchanged_figures_each_get_what_they_need(testshire, march, analyst):
    rows = exported_rows(testshire, march)
    changed_row = next(r for r in rows if r["indicator"] == "CLA-COUNT" and not r["breakdown"])
    changed_row["value"] = str(Decimal(changed_row["value"]) + 1)
    changed_row["commentary"] = "Revised by the case management system."
    rows += new_rows(1)
    held = {o[0]: o for o in snapshot(testshire)}
    history = history_count()
    context = ImportContext(testshire, march, user=analyst)
    data = csv_bytes([list(rows[0]), *[[r.get(k, "") for k in rows[0]] for r in rows]])
    preparation = prepare_import(
        importer=get("indicators"), context=context, data=data, file_name="figures.csv"
    )
    plan = preparation.plan
    assert plan.problems == []
    assert (plan.new_count, plan.changed_count, plan.unchanged_count) == (1, 1, len(rows) - 2)
    apply_plan(importer=get("indicators"), context=context, plan=plan)

    after = {o[0]: o for o in snapshot(testshire)}
    (new_pk,) = set(after) - set(held)
    (changed_pk,) = [pk for pk in held if after[pk] != held[pk]]
    assert after[new_pk][1:3] == ("CLA-COUNT", dt.date(2030, 1, 1))
    assert after[new_pk][5] == Decimal("7") and after[new_pk][11] == "import-2023-03"
    assert after[changed_pk][5] == Decimal(changed_row["value"])
    assert after[changed_pk][10] == "Revised by the case management system."
    # One history row per figure written, saying who wrote it; none for the unchanged.
    assert history_count() == history + 2
    created = Observation.history.get(id=new_pk)
    assert (created.history_type, created.history_user, created.value) == ("+", analyst, 7)
    latest = Observation.history.filter(id=changed_pk).latest("history_id")
    assert (latest.history_type, latest.history_user) == ("~", analyst)
    assert latest.value == Decimal(changed_row["value"])
    assert latest.commentary == "Revised by the case management system."
    assert latest.history_change_reason is None
    # A second import of the same rows changes nothing, history included.
    again = prepare_import(
        importer=get("indicators"), context=context, data=data, file_name="figures.csv"
    ).plan
    assert (again.new_count, again.changed_count) == (0, 0)
    apply_plan(importer=get("indicators"), context=context, plan=again)
    assert history_count() == history + 2


def test_a_large_import_writes_every_figure_and_its_history_in_batches(testshire, march, analyst):
    context = ImportContext(testshire, march, user=analyst)
    first = import_csv_rows(context, new_rows(450))
    assert first.problems == [] and first.new_count == 450
    history = history_count()
    # 300 of the 450 change, 150 do not, and 250 more are new: more than one batch of each.
    rows = (
        new_rows(300, value=1000) + new_rows(450)[300:] + new_rows(250, start=dt.date(2040, 1, 1))
    )
    plan = import_csv_rows(context, rows)
    assert plan.problems == []
    assert (plan.new_count, plan.changed_count, plan.unchanged_count) == (250, 300, 150)
    written = Observation.history.filter(history_id__gt=0).order_by("-history_id")[:550]
    assert history_count() == history + 550
    assert {(h.history_type, h.history_user) for h in written} == {
        ("+", analyst),
        ("~", analyst),
    }
    assert len({h.history_date for h in written}) == 1  # one import, one moment
    held = dict(
        Observation.objects.filter(source__key="import-2023-03").values_list("date", "value")
    )
    assert len(held) == 700
    assert held[dt.date(2030, 1, 1)] == Decimal("1000")
    assert held[dt.date(2030, 12, 31)] == Decimal("7") + 364 % 50
    current = dict(Observation.objects.values_list("pk", "value"))
    assert all(h.value == current[h.id] for h in written)


def test_a_failure_in_the_middle_of_the_writes_leaves_nothing(testshire, march, analyst):
    from boardpack.imports.services import ImportRefused
    from boardpack.performance import services
    from boardpack.performance.models import Indicator

    context = ImportContext(testshire, march, user=analyst)
    import_csv_rows(context, new_rows(100))
    # 2,400 new figures (more than one batch on every database) and 100 changed ones.
    rows = new_rows(100, value=500) + new_rows(2400, start=dt.date(2040, 1, 1))
    plan = import_csv_rows(context, rows, write=False)
    assert plan.problems == [] and (plan.new_count, plan.changed_count) == (2400, 100)
    # Someone else saves the 2,200th of the new figures after the import was checked.
    clash = plan.to_write[100 + 2200].payload
    source = services.source_set(
        organisation=testshire,
        key="import-2023-03",
        title="Imported for March 2023",
        date=clash["date"],
        period=march,
    )
    services.observation_set(
        indicator=Indicator.objects.get(organisation=testshire, code="CLA-COUNT"),
        date=clash["date"],
        source=source,
        value=Decimal("1"),
    )
    before, history = snapshot(testshire), history_count()
    with pytest.raises(ImportRefused) as refused:
        apply_plan(importer=get("indicators"), context=context, plan=plan)
    assert "saved by someone else" in str(refused.value.problems[0])
    assert snapshot(testshire) == before
    assert history_count() == history
