"""Benchmarking (DfE open data): importing each shipped file, and the comparison pages.

Targets from the issue: each file imports in ≤ 5 s (on PostgreSQL); the "how do we compare" page
and a measure page with all 153 authorities need ≤ 20 queries.
"""

from __future__ import annotations

import time
from functools import partial

from bench.measuring import Collector
from bench.prepare import ensure_reader
from bench.table import Row

ORDER = 60
QUERY_LIMIT = 20


def rows(quick: bool = False) -> list[Row]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from boardpack.benchmarking.demo import DEMO_MAPPINGS
    from boardpack.benchmarking.geography import shipped_file
    from boardpack.benchmarking.services import import_tidy
    from boardpack.benchmarking.tidy import read_tidy
    from boardpack.core.models import Organisation

    collector = Collector(quick)
    somerset = Organisation.objects.get(slug="somerset")
    mappings = list(DEMO_MAPPINGS.items())
    for name, (file_name, source, entries) in mappings[:1] if quick else mappings:
        data = shipped_file(file_name)
        start = time.perf_counter()
        tidy = read_tidy(data, name=file_name)
        result = import_tidy(
            organisation=somerset, tidy=tidy, entries=entries, source=source, dry_run=True
        )
        elapsed = time.perf_counter() - start
        figures = sum(c.new + c.changed + c.unchanged for c in result.measures)
        collector.add(
            Row.timed(
                f"import dfe {name} (read + plan, {connection.vendor})",
                [elapsed],
                limit=5.0,
                note=f"{len(data) // 1024} kB, {figures} figures",
            )
        )
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(ensure_reader())
    for label, url in (
        ("page in-process: how do we compare", "/somerset/benchmarks/"),
        ("page in-process: CLA rate, all authorities", "/somerset/benchmarks/CLA-RATE-31-MARCH/"),
    ):
        with CaptureQueriesContext(connection) as queries:
            status = client.get(url).status_code
        if status != 200:
            collector.add(Row.failed(label, f"{url} answered {status}, not 200"))
            continue
        count = len(queries.captured_queries)
        collector.add(
            Row(
                f"queries: {label.split(': ', 1)[1]}",
                str(count),
                target=f"<= {QUERY_LIMIT}",
                ok=count <= QUERY_LIMIT,
            )
        )
        collector.measure(label, partial(client.get, url), repeat=10)
    return collector.rows
