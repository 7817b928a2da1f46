"""Benchmarking (DfE open data): importing each shipped file, and the comparison pages.

Targets from issue 14: each shipped file imports in ≤ 5 s on PostgreSQL (read, check, write
every figure with its history and feed the indicators: a first import, into an organisation that
holds none, rolled back afterwards); the "how do we compare" page and a measure page with all 153
authorities take ≤ 20 queries and answer with p95 ≤ 100 ms.
"""

from __future__ import annotations

import statistics
import time
from functools import partial

from bench.measuring import pages_built, samples
from bench.prepare import ensure_reader
from bench.table import Row, seconds

ORDER = 60
QUERY_LIMIT = 20
P95_LIMIT = 0.100
IMPORT_LIMIT = 5.0


class _RolledBack(Exception):
    """Raised to undo the bench's first import."""


def _first_import(file_name: str, source: str, entries: list) -> tuple[float, int]:
    """Seconds to read and import the file into a new organisation, and how many figures."""
    from django.db import transaction

    from boardpack.benchmarking.geography import shipped_file
    from boardpack.benchmarking.models import HomeAuthority, LocalAuthority
    from boardpack.benchmarking.services import import_tidy
    from boardpack.benchmarking.tidy import read_tidy
    from boardpack.core.models import Organisation, ReportingPeriod

    data = shipped_file(file_name)
    elapsed, figures = 0.0, 0
    try:
        with transaction.atomic():
            organisation = Organisation.objects.create(slug="bench-dfe", name="Bench DfE")
            ReportingPeriod.objects.create(organisation=organisation, month="2025-03-01")
            HomeAuthority.objects.create(
                organisation=organisation, authority=LocalAuthority.objects.get(old_la_code="933")
            )
            start = time.perf_counter()
            result = import_tidy(
                organisation=organisation,
                tidy=read_tidy(data, name=file_name),
                entries=entries,
                source=source,
            )
            elapsed = time.perf_counter() - start
            if not result.ok:
                raise RuntimeError(f"{file_name}: {result.problems[:3]}")
            figures = sum(c.new for c in result.measures)
            raise _RolledBack
    except _RolledBack:
        pass
    return elapsed, figures


def _p95(times: list[float]) -> float:
    ordered = sorted(times)
    if len(ordered) == 1:
        return ordered[0]
    return statistics.quantiles(ordered, n=100, method="inclusive")[94]


def rows(quick: bool = False) -> list[Row]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from boardpack.benchmarking.demo import DEMO_MAPPINGS
    from boardpack.benchmarking.geography import shipped_file

    found: list[Row] = []
    mappings = list(DEMO_MAPPINGS.items())
    for name, (file_name, source, entries) in mappings[:1] if quick else mappings:
        elapsed, figures = _first_import(file_name, source, entries)
        found.append(
            Row.timed(
                f"import dfe {name} (read, check, write, feed; {connection.vendor})",
                [elapsed],
                limit=IMPORT_LIMIT,
                note=f"{len(shipped_file(file_name)) // 1024} kB, {figures} figures",
            )
        )
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(ensure_reader())
    for label, url in (
        ("how do we compare", "/somerset/benchmarks/"),
        ("CLA rate, all authorities", "/somerset/benchmarks/CLA-RATE-31-MARCH/"),
    ):
        with pages_built(), CaptureQueriesContext(connection) as queries:
            status = client.get(url).status_code
        if status != 200:
            found.append(Row.failed(f"page in-process: {label}", f"{url} answered {status}"))
            continue
        count = len(queries.captured_queries)
        found.append(
            Row(
                f"queries: {label}", str(count), target=f"<= {QUERY_LIMIT}", ok=count <= QUERY_LIMIT
            )
        )
        with pages_built():
            times = samples(partial(client.get, url), 5 if quick else 40)
        p95 = _p95(times)
        row = Row.timed(f"page in-process: {label}", times, target=f"p95 <= {seconds(P95_LIMIT)}")
        row.p95 = seconds(p95)
        row.ok = p95 <= P95_LIMIT
        found.append(row)
    return found
