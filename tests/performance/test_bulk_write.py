"""The bulk path of performance figures (decision 0013): rows checked without a Record when
their cells are plain, figures and their history rows written as plain rows (COPY on
PostgreSQL, executemany on SQLite), all in one transaction."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from boardpack.imports.framework import ImportContext
from boardpack.imports.readers import MAX_ROWS
from boardpack.imports.registry import get
from boardpack.imports.services import ImportRefused, apply_plan, prepare_import
from boardpack.performance import importers, services
from boardpack.performance.importers import import_csv_rows
from boardpack.performance.models import Indicator, Observation, Source

pytestmark = pytest.mark.django_db
HISTORY_FIELDS = (
    "id",
    "indicator_id",
    "date",
    "area",
    "breakdown",
    "breakdown_key",
    "value",
    "places",
    "qualifier",
    "as_written",
    "period_label",
    "commentary",
    "source_id",
)


def figures(organisation) -> list[tuple]:
    return sorted(
        Observation.objects.filter(indicator__organisation=organisation).values_list(
            *HISTORY_FIELDS
        )
    )


def history_count() -> int:
    return Observation.history.count()


def varied_rows(n: int, start: dt.date = dt.date(2031, 1, 1)) -> list[dict[str, str]]:
    """``n`` new figures of every shape the quick reading takes, and some it leaves to the
    full reading (a date written 31/01/2031, a formula guard, text with tabs and newlines)."""
    rows = []
    for d in range(n):
        day = start + dt.timedelta(days=d)
        row = {"indicator": "CLA-COUNT", "date": day.isoformat(), "value": str(500 + d % 37)}
        kind = d % 7
        if kind == 1:
            row |= {"breakdown": "placement_type=Foster", "value": "12"}
        elif kind == 2:
            row |= {"value": "", "qualifier": "c", "as_written": "c"}
        elif kind == 3:
            row |= {"indicator": "PA-PCT", "value": "17.06", "breakdown": "school_type=Primary"}
        elif kind == 4:
            row |= {"commentary": 'Tab\there, a "quote", a back\\slash\nand a new line'}
        elif kind == 5:
            row |= {"date": f"{day:%d/%m/%Y}", "area": "England", "qualifier": "approximate"}
        elif kind == 6:
            row |= {"as_written": "'=circa 500", "period_label": f"{day:%B %Y}"}
        rows.append(row)
    return rows


def test_a_bulk_import_writes_every_figure_and_its_creation_in_history(testshire, march, analyst):
    before, history = figures(testshire), history_count()
    context = ImportContext(testshire, march, user=analyst)
    plan = import_csv_rows(context, varied_rows(2100))
    assert plan.problems == [] and plan.new_count == 2100

    new = [f for f in figures(testshire) if f not in before]
    assert len(new) == 2100
    created = Observation.history.filter(id__in=[f[0] for f in new])
    assert history_count() == history + 2100
    assert {(h.history_type, h.history_user, h.history_change_reason) for h in created} == {
        ("+", analyst, None)
    }
    assert created.values("history_date").distinct().count() == 1  # one import, one moment
    # Each history row is its figure, field for field.
    assert sorted(created.values_list(*HISTORY_FIELDS)) == new
    held = {(f[1], f[2], f[5]): f for f in new}
    cla = Indicator.objects.get(organisation=testshire, code="CLA-COUNT")
    pa = Indicator.objects.get(organisation=testshire, code="PA-PCT")
    foster = held[(cla.pk, dt.date(2031, 1, 2), "placement_type=Foster")]
    assert (foster[5], foster[6], foster[7]) == ("placement_type=Foster", Decimal("12"), 0)
    suppressed = held[(cla.pk, dt.date(2031, 1, 3), "")]
    assert (suppressed[6], suppressed[8], suppressed[9]) == (None, "suppressed", "c")
    percentage = held[(pa.pk, dt.date(2031, 1, 4), "school_type=Primary")]
    assert (percentage[6], percentage[7]) == (Decimal("17.06"), 2)
    assert held[(cla.pk, dt.date(2031, 1, 5), "")][11] == (
        'Tab\there, a "quote", a back\\slash\nand a new line'
    )
    england = Observation.objects.get(indicator=cla, date=dt.date(2031, 1, 6), area="england")
    assert england.qualifier == "approximate"
    guarded = Observation.objects.get(indicator=cla, date=dt.date(2031, 1, 7))
    assert (guarded.as_written, guarded.period_label) == ("=circa 500", "January 2031")
    assert Source.objects.get(organisation=testshire, key="import-2023-03").observations.count()


def test_every_changed_figure_gets_a_history_row_of_what_it_now_holds(testshire, march, analyst):
    """History rows are copied by the database from the figures just written: 1,200 changed
    figures (more than one query's worth of ids on SQLite), each with one new history row
    that is the figure as it now stands, field for field."""
    context = ImportContext(testshire, march, user=analyst)
    rows = varied_rows(1200, start=dt.date(2060, 1, 1))
    assert import_csv_rows(context, rows).new_count == 1200
    before, history = figures(testshire), history_count()
    revised = [{**row, "commentary": f"Revised {n}."} for n, row in enumerate(rows)]
    plan = import_csv_rows(context, revised)
    assert plan.problems == [] and (plan.new_count, plan.changed_count) == (0, 1200)
    after = [f for f in figures(testshire) if f not in before]
    assert len(after) == 1200 and {f[11][:8] for f in after} == {"Revised "}
    assert history_count() == history + 1200
    changed = Observation.history.filter(history_type="~", id__in=[f[0] for f in after])
    assert sorted(changed.values_list(*HISTORY_FIELDS)) == after
    assert {(h.history_user, h.history_change_reason) for h in changed} == {(analyst, None)}
    assert changed.values("history_date").distinct().count() == 1


def test_the_quick_reading_reports_and_plans_exactly_what_the_full_reading_does(
    testshire, march, monkeypatch
):
    rows = varied_rows(60) + [
        {"indicator": "CLA-COUNT", "date": "2031-01-01", "value": "9"},  # a repeat of row 2
        {"indicator": "NO-SUCH", "date": "2031-01-01", "value": "9"},
        {"indicator": "PA-PCT", "date": "2031-01-01", "value": "140"},
        {"indicator": "CLA-COUNT", "date": "2031-13-01", "value": "9"},
        {"indicator": "CLA-COUNT", "date": "2032-01-01", "value": "9", "commentary": "\x07"},
        {"indicator": "CLA-COUNT", "date": "2032-01-01", "value": "9", "source": "a b"},
    ]
    context = ImportContext(testshire, march)
    quick = import_csv_rows(context, rows, write=False)
    monkeypatch.setattr(importers.Checker, "quick", lambda self, row, number: False)
    full = import_csv_rows(context, rows, write=False)
    assert [str(p) for p in quick.problems] == [str(p) for p in full.problems]
    assert len(quick.problems) == 6
    assert quick.fingerprint() == full.fingerprint()
    assert [c.payload for c in quick.changes] == [c.payload for c in full.changes]


plain = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=8)
csv_cells = st.one_of(
    plain,
    st.sampled_from(["CLA-COUNT", "PA-PCT", "c", "x", "2023-03-31", "31/03/2023", " 2023-03-31"]),
    st.sampled_from(["placement_type=Foster", "school_type=PRU", "140", "-5", "1,200", "17.06%"]),
    st.sampled_from(["england", "Region", "approximate", "'=1", "r" * 81, "9" * 30]),
)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    cells=st.lists(
        st.fixed_dictionaries(
            {},
            optional={
                key: csv_cells
                for key in ("indicator", "date", "area", "breakdown", "value", "qualifier")
                + ("as_written", "source", "period_label", "commentary")
            },
        ),
        min_size=1,
        max_size=5,
    )
)
def test_any_rows_read_quickly_or_fully_give_the_same_plan(testshire, march, cells):
    context = ImportContext(testshire, march)
    quick = import_csv_rows(context, cells, write=False)
    original = importers.Checker.quick
    importers.Checker.quick = lambda self, row, number: False  # type: ignore[method-assign]
    try:
        full = import_csv_rows(context, cells, write=False)
    finally:
        importers.Checker.quick = original  # type: ignore[method-assign]
    assert [str(p) for p in quick.problems] == [str(p) for p in full.problems]
    assert quick.fingerprint() == full.fingerprint()


def test_bad_input_among_many_good_rows_writes_nothing(testshire, march, analyst):
    before, history = figures(testshire), history_count()
    rows = varied_rows(3000)
    rows[2500] = {"indicator": "PA-PCT", "date": "2031-06-01", "value": "140"}
    plan = import_csv_rows(ImportContext(testshire, march, user=analyst), rows)
    assert [(p.row, p.message) for p in plan.problems] == [
        (2502, "PA-PCT is a percentage, so its value is from 0 to 100, not 140.")
    ]
    assert figures(testshire) == before and history_count() == history
    assert not Source.objects.filter(organisation=testshire, key="import-2023-03").exists()


REFUSE_HISTORY = {
    "sqlite": [
        """CREATE TRIGGER refuse_history BEFORE INSERT ON performance_historicalobservation
        WHEN NEW.date = '2040-06-01' BEGIN SELECT RAISE(ABORT, 'refused'); END"""
    ],
    "postgresql": [
        """CREATE FUNCTION refuse_history() RETURNS trigger AS $$ BEGIN
        IF NEW.date = '2040-06-01' THEN RAISE integrity_constraint_violation; END IF;
        RETURN NEW; END $$ LANGUAGE plpgsql""",
        """CREATE TRIGGER refuse_history BEFORE INSERT ON performance_historicalobservation
        FOR EACH ROW EXECUTE FUNCTION refuse_history()""",
    ],
}


def test_a_refusal_in_the_middle_of_the_history_rows_leaves_nothing(testshire, march, analyst):
    """The database refuses one history row, after every figure and earlier history rows were
    written: the import is refused and nothing of it stays."""
    context = ImportContext(testshire, march, user=analyst)
    import_csv_rows(context, varied_rows(100, start=dt.date(2040, 1, 1))[:50])
    with connection.cursor() as cursor:
        for statement in REFUSE_HISTORY[connection.vendor]:
            cursor.execute(statement)
    rows = [
        {**row, "commentary": "Revised."} if n < 50 else row
        for n, row in enumerate(varied_rows(3000, start=dt.date(2040, 1, 1)))
    ]
    plan = import_csv_rows(context, rows, write=False)
    assert plan.problems == [] and plan.new_count > 2900 and plan.changed_count > 0
    before, history = figures(testshire), history_count()
    with pytest.raises(ImportRefused) as refused:
        apply_plan(importer=get("indicators"), context=context, plan=plan)
    assert "nothing was written" in str(refused.value.problems[0])
    assert figures(testshire) == before and history_count() == history


def test_figures_written_through_the_service_get_their_ids_and_history(testshire):
    cla = Indicator.objects.get(organisation=testshire, code="CLA-COUNT")
    source = Source.objects.filter(organisation=testshire).first()
    assert source is not None
    new = [
        Observation(
            indicator=cla,
            date=dt.date(2050, 1, d),
            area="authority",
            breakdown={"placement_type": "Foster"},
            breakdown_key="placement_type=Foster",
            value=Decimal("4.50"),
            places=2,
            source=source,
        )
        for d in range(1, 4)
    ]
    held = Observation.objects.filter(indicator=cla).first()
    assert held is not None
    held.commentary = "Changed by the feed."
    services.observations_write(new=new, changed=[held])
    assert all(o.pk and not o._state.adding for o in new)
    for observation in new:
        stored = Observation.objects.get(pk=observation.pk)
        assert (stored.value, stored.places, stored.breakdown) == (
            Decimal("4.50"),
            2,
            {"placement_type": "Foster"},
        )
        (created,) = Observation.history.filter(id=observation.pk)
        assert (created.history_type, created.history_user_id) == ("+", None)
    latest = Observation.history.filter(id=held.pk).latest("history_id")
    assert (latest.history_type, latest.commentary) == ("~", "Changed by the feed.")
    assert Observation.objects.get(pk=held.pk).commentary == "Changed by the feed."


def write_csv(path: Path, n: int) -> Path:
    lines = ["indicator,date,value"] + [
        f"CLA-COUNT,{dt.date(2100, 1, 1) + dt.timedelta(days=d)},{d % 90}" for d in range(n)
    ]
    path.write_text("\n".join(lines) + "\n")
    return path


def test_the_command_takes_more_rows_of_figures_than_an_upload(testshire, march, tmp_path):
    path = write_csv(tmp_path / "year.csv", MAX_ROWS + 10)
    upload = prepare_import(
        importer=get("indicators"),
        context=ImportContext(testshire, march),
        data=path.read_bytes(),
        file_name="year.csv",
    )
    assert [p.message[:43] for p in upload.plan.problems] == [
        "The sheet has 20,010 rows: Boardpack import"
    ]
    out = io.StringIO()
    call_command(
        "import", "indicators", str(path), period="2023-03", organisation="testshire", stdout=out
    )
    assert "20010 new, 0 changed" in out.getvalue()
    assert "... and 18,010 more not listed" in out.getvalue()
    assert Observation.objects.filter(date__year__gte=2100).count() == MAX_ROWS + 10
    assert Observation.history.filter(date__year__gte=2100, history_type="+").count() == (
        MAX_ROWS + 10
    )


def test_the_command_refuses_a_file_beyond_its_limit_before_parsing_it(testshire, tmp_path):
    path = write_csv(tmp_path / "too-long.csv", get("indicators").command_max_rows + 60)
    err = io.StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command(
            "import",
            "indicators",
            str(path),
            period="2023-03",
            organisation="testshire",
            stderr=err,
        )
    assert "The sheet has 200,061 rows: Boardpack imports up to 200,000" in err.getvalue()
    assert not Observation.objects.filter(date__year__gte=2100).exists()
