"""Benchmarking (DfE open data): importing each shipped file, and the comparison pages.

Targets from the issue: each file imports in ≤ 5 s (on PostgreSQL); the "how do we compare" page
and a measure page with all 153 authorities need ≤ 20 queries.
"""

from __future__ import annotations

import time
from collections.abc import Callable


def run(measure: Callable[..., float], client) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from boardpack.benchmarking.demo import DEMO_MAPPINGS
    from boardpack.benchmarking.geography import shipped_file
    from boardpack.benchmarking.services import import_tidy
    from boardpack.benchmarking.tidy import read_tidy
    from boardpack.core.models import Organisation

    somerset = Organisation.objects.get(slug="somerset")
    for name, (file_name, source, entries) in DEMO_MAPPINGS.items():
        data = shipped_file(file_name)
        start = time.perf_counter()
        tidy = read_tidy(data, name=file_name)
        result = import_tidy(
            organisation=somerset, tidy=tidy, entries=entries, source=source, dry_run=True
        )
        elapsed = time.perf_counter() - start
        rows = sum(c.new + c.changed + c.unchanged for c in result.measures)
        print(
            f"{'import dfe ' + name + ' (read + plan)':<45} {elapsed * 1000:8.0f} ms "
            f"for {len(data) // 1024} kB, {rows} figures (target ≤ 5000 ms)"
        )
    for label, url in (
        ("page: how do we compare", "/somerset/benchmarks/"),
        ("page: CLA rate, all authorities", "/somerset/benchmarks/CLA-RATE-31-MARCH/"),
    ):
        with CaptureQueriesContext(connection) as queries:
            status = client.get(url).status_code
        if status != 200:
            raise SystemExit(f"{url} answered {status}")
        measure(
            f"{label} ({len(queries.captured_queries)} queries, target ≤ 20)",
            lambda u=url: client.get(u),
            repeat=10,
        )
