"""Imports at bulk speed: 1,000 / 10,000 / 20,000 savings and budget rows from CSV, as a dry run
(read, check and plan) and applied (the same, then written with history), each against a floor:
the same CSV read with ``csv`` and the same rows written with ``bulk_create`` (no checks, no
history), and on PostgreSQL with ``COPY`` too.

    python -m bench.imports_bulk            # on a fresh SQLite database with the demo
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bp_bench python -m bench.imports_bulk

``rows()`` returns the figures as (name, figure, target, ok) for the overall benchmark table; it
expects Django set up with the demo loaded (as ``bench.__main__`` does). Every import is rolled
back after it is timed, so each size starts from the demo as it was.
"""

from __future__ import annotations

import csv
import functools
import io
import os
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

SIZES = (1_000, 10_000, 20_000)
TARGET_SECONDS_10K = 5.0  # 10,000 rows, dry run or applied, on SQLite and PostgreSQL
TARGET_FLOOR_RATIO = 5.0  # applied, against csv + bulk_create of the same rows
TARGET_LINEARITY = 1.5  # the per-row cost at the largest size against the smallest
LINES_PER_DIVISION = 50

Row = tuple[str, str, str, bool]


class _Rollback(Exception):
    """Raised at the end of a timed block so that its writes are undone."""


def _timed(func: Callable[[], object]) -> float:
    """Seconds ``func`` takes inside a transaction that is then rolled back."""
    from django.db import transaction

    start = 0.0
    elapsed = 0.0
    try:
        with transaction.atomic():
            start = time.perf_counter()
            func()
            elapsed = time.perf_counter() - start
            raise _Rollback
    except _Rollback:
        pass
    return elapsed


def _savings_csv(size: int) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(
        ["Ref", "Description", "Target", "Over-achieved", "Achieved", "On track", "At risk"]
    )
    for n in range(size):
        target = 10_000 + n
        writer.writerow(
            [f"BULK{n:05d}", f"Bench saving {n}", f"{target:,}", "", f"{n:,}", "", 10_000]
        )
    return buffer.getvalue().encode()


def _budget_csv(size: int) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["Division", "Service area", "Current budget", "Full year projection"])
    for n in range(size):
        writer.writerow(
            [
                f"Bench division {n // LINES_PER_DIVISION:03d}",
                f"Bench line {n:05d}",
                f"{Decimal(n % 97) + Decimal('1.25')}",
                f"{Decimal(n % 89) + Decimal('1.5')}",
            ]
        )
    return buffer.getvalue().encode()


def _service_areas(organisation: Any, size: int) -> None:
    """Divisions and service lines for the budget rows (kept: every size uses the first ones)."""
    from boardpack.finance.models import ServiceArea

    level = ServiceArea.Level
    if ServiceArea.objects.filter(organisation=organisation, name="Bench line 00000").exists():
        present = ServiceArea.objects.filter(
            organisation=organisation, name__startswith="Bench line "
        ).count()
        if present >= size:
            return
        ServiceArea.objects.filter(organisation=organisation, name__startswith="Bench ").filter(
            level=level.SERVICE_LINE
        ).delete()
        ServiceArea.objects.filter(organisation=organisation, name__startswith="Bench ").delete()
    directorate = ServiceArea.objects.filter(
        organisation=organisation, level=level.DIRECTORATE
    ).first()
    if directorate is None:
        directorate = ServiceArea.objects.create(
            organisation=organisation, name="Bench directorate", level=level.DIRECTORATE
        )
    divisions = ServiceArea.objects.bulk_create(
        [
            ServiceArea(
                organisation=organisation,
                name=f"Bench division {d:03d}",
                level=level.DIVISION,
                parent=directorate,
                order=1000 + d,
            )
            for d in range(-(-size // LINES_PER_DIVISION))
        ]
    )
    ServiceArea.objects.bulk_create(
        [
            ServiceArea(
                organisation=organisation,
                name=f"Bench line {n:05d}",
                level=level.SERVICE_LINE,
                parent=divisions[n // LINES_PER_DIVISION],
                order=n,
            )
            for n in range(size)
        ],
        batch_size=1000,
    )


def _import(dataset: str, organisation: Any, period: Any, data: bytes, apply: bool) -> None:
    from boardpack.imports.framework import ImportContext
    from boardpack.imports.registry import get
    from boardpack.imports.services import apply_plan, prepare_import

    importer = get(dataset)
    context = ImportContext(organisation, period, None, add_new=dataset == "savings")
    preparation = prepare_import(
        importer=importer, context=context, data=data, file_name=f"{dataset}.csv"
    )
    plan = preparation.plan
    if plan.problems:
        raise SystemExit(f"{dataset}: {plan.problems[:3]}")
    if apply:
        apply_plan(importer=importer, context=context, plan=plan)


def _floor_savings(organisation: Any, period: Any, data: bytes) -> None:
    from boardpack.finance.models import SavingLine, SavingPosition

    reader = csv.reader(io.StringIO(data.decode()))
    next(reader)
    year = period.period.financial_year.start_year
    lines, positions = [], []
    for n, (ref, description, target, over, achieved, on_track, at_risk) in enumerate(reader):
        line = SavingLine(
            organisation=organisation,
            reference=ref,
            description=description,
            financial_year=year,
            target=Decimal(target.replace(",", "")),
            order=10_000 + n,
        )
        lines.append(line)
        parts = [Decimal(v.replace(",", "")) if v else None for v in (over, achieved, on_track)]
        positions.append(
            SavingPosition(
                line=line,
                period=period,
                over_achieved=parts[0],
                achieved=parts[1],
                on_track=parts[2],
                at_risk=Decimal(at_risk),
            )
        )
    SavingLine.objects.bulk_create(lines, batch_size=500)
    SavingPosition.objects.bulk_create(positions, batch_size=500)


def _budget_rows(organisation: Any, data: bytes) -> list[tuple[int, Decimal, Decimal]]:
    from boardpack.finance.models import ServiceArea

    ids = dict(
        ServiceArea.objects.filter(
            organisation=organisation, name__startswith="Bench line "
        ).values_list("name", "pk")
    )
    reader = csv.reader(io.StringIO(data.decode()))
    next(reader)
    return [
        (ids[name], Decimal(budget), Decimal(projection)) for _, name, budget, projection in reader
    ]


def _floor_budget(organisation: Any, period: Any, data: bytes) -> None:
    from boardpack.finance.models import BudgetLine

    BudgetLine.objects.bulk_create(
        [
            BudgetLine(service_area_id=area, period=period, current_budget=b, projection=p)
            for area, b, p in _budget_rows(organisation, data)
        ],
        batch_size=500,
    )


def _copy_budget(organisation: Any, period: Any, data: bytes) -> None:
    """PostgreSQL's COPY of the same rows: the fastest the database takes them."""
    from django.db import connection

    from boardpack.finance.models import BudgetLine

    table = BudgetLine._meta.db_table
    columns = (
        "service_area_id, period_id, current_budget, projection, stated_variance_negative, "
        "stated_marker, stated_movement_negative, stated_direction"
    )
    with connection.cursor() as cursor:
        raw = cursor.cursor  # psycopg's own cursor
        with raw.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for area, budget, projection in _budget_rows(organisation, data):
                copy.write_row((area, period.pk, budget, projection, False, "", False, ""))


def rows(sizes: Sequence[int] = SIZES, *, echo: bool = False) -> list[Row]:
    """Time every import at every size; return (name, figure, target, ok) rows."""
    from django.db import connection

    from boardpack.core.models import Organisation, ReportingPeriod

    organisation = Organisation.objects.get(slug="somerset")
    period = ReportingPeriod.objects.get(organisation=organisation, month="2024-06-01")
    _service_areas(organisation, max(sizes))
    postgres = connection.vendor == "postgresql"
    database = "PostgreSQL" if postgres else "SQLite"
    floors: dict[str, Callable[[Any, Any, bytes], None]] = {
        "savings": _floor_savings,
        "budget": _floor_budget,
    }
    makers = {"savings": _savings_csv, "budget": _budget_csv}
    result: list[Row] = []

    def add(row: Row) -> None:
        result.append(row)
        if echo:
            name, figure, target, ok = row
            print(f"{name:<52} {figure:>28}   {target:<26} {'ok' if ok else 'MISSED'}")

    for dataset in ("savings", "budget"):
        per_row: dict[str, dict[int, float]] = {"dry run": {}, "apply": {}}
        for size in sizes:
            data = makers[dataset](size)
            floor = _timed(functools.partial(floors[dataset], organisation, period, data))
            copy = None
            if postgres and dataset == "budget":
                copy = _timed(functools.partial(_copy_budget, organisation, period, data))
            for mode in ("dry run", "apply"):
                seconds = _timed(
                    functools.partial(
                        _import, dataset, organisation, period, data, apply=mode == "apply"
                    )
                )
                per_row[mode][size] = seconds / size
                name = f"import {dataset} {size:,} rows, {mode} ({database})"
                figure = f"{seconds:.2f} s, {seconds * 1e6 / size:.0f} µs/row"
                if size == 10_000:
                    target = f"≤ {TARGET_SECONDS_10K:.0f} s"
                    ok = seconds <= TARGET_SECONDS_10K
                else:
                    target, ok = "(per-row cost)", True
                if mode == "apply":
                    ratio = seconds / floor if floor else float("inf")
                    figure += f", {ratio:.1f}× floor"
                    target += f"; ≤ {TARGET_FLOOR_RATIO:.0f}× floor"
                    ok = ok and ratio <= TARGET_FLOOR_RATIO
                add((name, figure, target, ok))
            floor_text = f"{floor:.2f} s, {floor * 1e6 / size:.0f} µs/row"
            if copy is not None:
                floor_text += f"; COPY {copy:.2f} s"
            add((f"floor {dataset} {size:,} rows: csv + bulk_create", floor_text, "", True))
        for mode, costs in per_row.items():
            small, large = min(costs), max(costs)
            if small == large:
                continue
            ratio = costs[large] / costs[small]
            add(
                (
                    f"import {dataset} {mode}: per-row cost {large:,} / {small:,} rows",
                    f"{ratio:.2f}×",
                    f"≤ {TARGET_LINEARITY}× (linear)",
                    ratio <= TARGET_LINEARITY,
                )
            )
    return result


def _setup() -> None:
    os.environ.setdefault("BOARDPACK_TESTING", "1")
    if "DATABASE_URL" not in os.environ:
        folder = tempfile.mkdtemp(prefix="boardpack-bench-")
        os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "boardpack.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)


def main(argv: Sequence[str] = ()) -> int:
    sizes = tuple(int(a.replace(",", "")) for a in argv) or SIZES
    _setup()
    results = rows(sizes, echo=True)
    return 0 if all(ok for *_, ok in results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
