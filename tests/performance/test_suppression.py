"""Small numbers never reach members or the public, directly or by subtraction."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from boardpack.core.models import ReportingPeriod
from boardpack.performance import selectors
from boardpack.performance.suppression import Figure, audience_for, suppress_for, suppressed_ids

LIMIT = 5
DATE = dt.date(2023, 3, 31)


def table_figures(cells: list[list[int]], with_row_totals: bool, with_grand: bool) -> list[Figure]:
    """A rows × columns table of counts with a Total column for each row, a Total row, and
    (optionally) the grand total."""
    figures = []
    n_rows, n_cols = len(cells), len(cells[0])

    def add(r: str, c: str, value: int) -> None:
        figures.append(
            Figure(
                id=(r, c),
                indicator="T",
                unit="count",
                date=DATE,
                area="authority",
                source="s",
                breakdown={"row": r, "col": c},
                value=Decimal(value),
                dimensions=("row", "col"),
            )
        )

    for i in range(n_rows):
        for j in range(n_cols):
            add(f"r{i}", f"c{j}", cells[i][j])
        if with_row_totals:
            add(f"r{i}", "Total", sum(cells[i]))
    for j in range(n_cols):
        add("Total", f"c{j}", sum(cells[i][j] for i in range(n_rows)))
    if with_grand and with_row_totals:
        add("Total", "Total", sum(map(sum, cells)))
    return figures


def derivable(figures: list[Figure], hidden: set) -> dict:
    """What a reader can work out from the published cells by subtraction along any row or
    column whose total is known: repeated until nothing more can be derived."""
    known = {f.id: f.value for f in figures if f.id not in hidden}
    lines: list[tuple[tuple, list[tuple]]] = []
    rows = {f.breakdown["row"] for f in figures}
    cols = {f.breakdown["col"] for f in figures}
    ids = {f.id for f in figures}
    for r in rows:
        lines.append(((r, "Total"), [(r, c) for c in cols if c != "Total" and (r, c) in ids]))
    for c in cols:
        lines.append((("Total", c), [(r, c) for r in rows if r != "Total" and (r, c) in ids]))
    progress = True
    while progress:
        progress = False
        for total, parts in lines:
            if total not in ids:
                continue
            unknown = [p for p in parts if p not in known]
            if total in known and len(unknown) == 1:
                known[unknown[0]] = known[total] - sum(known[p] for p in parts if p in known)
                progress = True
            elif total not in known and not unknown and parts:
                known[total] = sum(known[p] for p in parts)
                progress = True
    return known


tables = st.integers(1, 4).flatmap(
    lambda rows: st.integers(1, 4).flatmap(
        lambda cols: st.lists(
            st.lists(st.integers(0, 30), min_size=cols, max_size=cols),
            min_size=rows,
            max_size=rows,
        )
    )
)


@settings(max_examples=300, deadline=None)
@given(cells=tables, with_row_totals=st.booleans(), with_grand=st.booleans())
def test_no_published_table_reveals_a_small_number(cells, with_row_totals, with_grand):
    figures = table_figures(cells, with_row_totals, with_grand)
    hidden = suppressed_ids(figures, limit=LIMIT)
    known = derivable(figures, hidden)
    for figure in figures:
        if figure.id in hidden:
            assert figure.id not in known, f"{figure.id} = {figure.value} can be derived"
        else:
            assert not (1 <= figure.value <= LIMIT), f"{figure.id} shows {figure.value}"


def test_a_hidden_total_is_not_left_to_be_worked_out_from_its_shown_parts():
    """Found by the property above: r0 = [0, 1] hides 1 and its row total 1, and column c1's
    total 1; the Total row then hides column c0's total 6. Unless a part of column c0 is
    hidden too, its total is 0 + 6 again, and the grand total 7 less 6 gives c1's 1."""
    figures = table_figures([[0, 1], [6, 0]], with_row_totals=True, with_grand=True)
    hidden = suppressed_ids(figures, limit=LIMIT)
    known = derivable(figures, hidden)
    assert {("r0", "c1"), ("r0", "Total"), ("Total", "c1")} <= hidden
    assert not hidden & known.keys()


def test_officers_see_everything():
    figures = table_figures([[1, 2], [3, 4]], True, True)
    assert suppress_for("officer", figures, limit=LIMIT) == set()
    assert suppress_for("member", figures, limit=LIMIT)


def test_a_percentage_of_a_hidden_count_is_hidden():
    count = Figure("n", "N", "count", DATE, "authority", "s", {"t": "a"}, Decimal(4), ("t",))
    roll = Figure("d", "D", "count", DATE, "authority", "s", {"t": "a"}, Decimal(40), ("t",))
    pct = Figure(
        "p", "P", "percentage", DATE, "authority", "s", {"t": "a"}, Decimal(10), ("t",), "N", "D"
    )
    assert suppressed_ids([count, roll, pct], limit=LIMIT) == {"n", "p"}


@pytest.mark.django_db
def test_audiences_follow_roles(testshire):
    from boardpack.accounts.models import User

    assert audience_for(User.objects.get(username="t.analyst")) == "officer"
    assert audience_for(User.objects.get(username="t.councillor")) == "member"
    assert audience_for(None) == "public"


@pytest.mark.django_db
@pytest.mark.parametrize("audience", ["member", "public"])
def test_the_export_document_hides_small_numbers_for_members(testshire, audience):
    period = ReportingPeriod.objects.get(organisation=testshire, month="2023-03-01")
    officer = selectors.observations_document(testshire, period, "officer")
    member = selectors.observations_document(testshire, period, audience)

    def cell(doc, indicator, **breakdown):
        return next(
            o
            for o in doc["observations"]
            if o["indicator"] == indicator and o["breakdown"] == breakdown
        )

    assert cell(officer, "PA-COUNT", school_type="Special")["value"] == "4"
    for doc_cell in (
        cell(member, "PA-COUNT", school_type="Special"),  # 4: primary
        cell(member, "PA-PCT", school_type="Special"),  # 10.00% of 40 gives 4 back
        cell(member, "CLA-COUNT", placement_type="Secure"),  # 3: primary
        cell(member, "CLA-COUNT", placement_type="Residential"),  # 40: else 580 - 537 - 40 = 3
        cell(member, "EXCL-PERM", academic_year="2022-23", month="Oct"),
    ):
        assert doc_cell["value"] is None and doc_cell["as_written"] == "c"
        assert doc_cell["qualifier"] == "suppressed"
    assert cell(member, "CLA-COUNT", placement_type="Foster")["value"] == "537"
    text = json.dumps(member)
    assert '"as_written": "3"' not in text and '"as_written": "4"' not in text


@pytest.mark.django_db
def test_the_threshold_is_a_setting(testshire, settings):
    period = ReportingPeriod.objects.get(organisation=testshire, month="2023-03-01")
    settings.BOARDPACK_SUPPRESSION_THRESHOLD = 10
    doc = selectors.observations_document(testshire, period, "member")
    sep = next(
        o
        for o in doc["observations"]
        if o["breakdown"] == {"academic_year": "2022-23", "month": "Sep"}
    )
    assert sep["as_written"] == "c"  # 8 is now small


@pytest.mark.django_db
@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(parts=st.lists(st.integers(0, 12), min_size=2, max_size=5), with_total=st.booleans())
def test_no_published_document_reveals_a_hidden_count(testshire, as_user, parts, with_total):
    """Figures stored, then read back as a councillor through the API and the export: no small
    count shows, and no published total gives one back by subtraction."""
    from boardpack.performance.models import Indicator, Observation, Source
    from boardpack.performance.services import observation_set

    indicator = Indicator.objects.get(organisation=testshire, code="CLA-COUNT")
    source = Source.objects.get(organisation=testshire, key="report-a")
    date = dt.date(2021, 3, 31)
    Observation.objects.filter(indicator=indicator, date=date).delete()
    cells = {f"Type {n}": value for n, value in enumerate(parts)}
    if with_total:
        cells["Total"] = sum(parts)
    for name, value in cells.items():
        observation_set(
            indicator=indicator,
            date=date,
            source=source,
            value=Decimal(value),
            breakdown={"placement_type": name},
        )
    api = as_user("t.councillor").get(
        "/api/v1/indicators/CLA-COUNT/observations", {"organisation": "testshire"}
    )
    period = ReportingPeriod.objects.get(organisation=testshire, month="2023-03-01")
    export = selectors.observations_document(testshire, period, "public")
    for doc in (api.json(), export):
        shown = {
            o["breakdown"]["placement_type"]: o["value"]
            for o in doc["observations"]
            if o["date"] == date.isoformat() and o["indicator"] == "CLA-COUNT"
        }
        assert set(shown) == set(cells)
        for name, value in shown.items():
            assert value is None or not (1 <= Decimal(value) <= LIMIT), (name, value)
        hidden = [n for n, v in shown.items() if v is None and n != "Total"]
        if shown.get("Total") is not None:
            assert len(hidden) != 1, shown
