"""Every figure of the demo data is exported exactly as the data module states it, and the
seeds' own arithmetic holds where it should (and is reported where it does not)."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from decimal import Decimal

import pytest
from django.core.management import call_command

from boardpack.core.models import Organisation, ReportingPeriod
from boardpack.performance.checks import check_observations
from boardpack.performance.demo_data import somerset as data
from boardpack.periods import Month

pytestmark = pytest.mark.django_db


def _key(o: dict) -> tuple:
    return (
        o["indicator"],
        o["date"],
        o["area"],
        json.dumps(o["breakdown"], sort_keys=True),
        o["value"],
        o["qualifier"],
        o["as_written"],
        o["source"],
        o["period_label"],
        o["commentary"],
    )


def _periods() -> set[str]:
    return {Month.parse(s["date"][:7]).key for s in data.SOURCES}


def _export(period: str, fmt: str) -> str:
    out = io.StringIO()
    call_command("export", "observations", period=period, fmt=fmt, stdout=out)
    return out.getvalue()


def test_every_demo_figure_is_exported_exactly_as_written():
    exported: Counter = Counter()
    for period in _periods():
        doc = json.loads(_export(period, "json"))
        exported.update(_key(o) for o in doc["observations"])
    wanted = Counter(_key(o) for o in data.OBSERVATIONS)
    missing = wanted - exported
    assert not missing, f"{len(missing)} figures not exported as written: {list(missing)[:5]}"


def test_every_demo_figure_is_in_the_csv_export_too():
    rows: Counter = Counter()
    for period in _periods():
        reader = csv.DictReader(io.StringIO(_export(period, "csv")))
        rows.update((r["indicator"], r["date"], r["value"], r["as_written"]) for r in reader)
    wanted = Counter(
        (o["indicator"], o["date"], o["value"] or "", o["as_written"]) for o in data.OBSERVATIONS
    )
    assert not wanted - rows


def test_the_march_2023_export_holds_the_exclusions_and_attendance_tables():
    doc = json.loads(_export("2023-03", "json"))
    exported = Counter(_key(o) for o in doc["observations"])
    tables = [
        o
        for o in data.OBSERVATIONS
        if o["source"] == "seed-002"
        and (
            {"school_type"} & set(o["breakdown"])
            or {"academic_year", "month"} <= set(o["breakdown"])
        )
    ]
    assert len(tables) >= 4 * 4 + 2 * 15, "the attendance and both exclusions tables"
    assert not Counter(_key(o) for o in tables) - exported


def test_persistent_absence_percentages_reconcile_to_their_counts():
    indicator = next(i for i in data.INDICATORS if i["code"] == "PERSISTENT-ABSENCE-PCT")
    doc = json.loads(_export("2023-03", "json"))
    cells = {
        (o["indicator"], json.dumps(o["breakdown"], sort_keys=True)): o for o in doc["observations"]
    }
    percentages = [o for o in doc["observations"] if o["indicator"] == indicator["code"]]
    assert len(percentages) == 4
    for pct in percentages:
        breakdown = json.dumps(pct["breakdown"], sort_keys=True)
        numerator = Decimal(cells[(indicator["numerator"], breakdown)]["value"])
        denominator = Decimal(cells[(indicator["denominator"], breakdown)]["value"])
        stated = Decimal(pct["value"])
        computed = (numerator * 100 / denominator).quantize(stated)
        assert computed == stated, (pct["breakdown"], numerator, denominator, stated)
    # ... and so the checks say nothing about them.
    somerset = Organisation.objects.get(slug="somerset")
    march = ReportingPeriod.objects.get(organisation=somerset, month="2023-03-01")
    ratios = [f for f in check_observations(somerset, march) if f.kind == "ratio"]
    assert not [f for f in ratios if f.indicator == indicator["code"]]


def test_check_for_march_2023_reports_the_seeds_conflicting_figures(capsys):
    with pytest.raises(SystemExit):
        call_command("check", period="2023-03")
    out = capsys.readouterr().out
    conflict = next(line for line in out.splitlines() if "CLA-COUNT" in line)
    assert "580" in conflict and "570" in conflict and "seed-002" in conflict
