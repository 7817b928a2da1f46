"""Timing in the bench process: :func:`samples`, and :class:`Collector` for modules that time
several things and give them back as rows."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from functools import partial
from typing import Any

from bench.table import Row


def pages_built() -> Any:
    """Every page built on every request (the page cache off, decision 0014): what building a
    page costs in time and queries. With the cache on, a repeated page is a stored one."""
    from django.test import override_settings

    return override_settings(BOARDPACK_PAGE_CACHE=False)


def samples(func: Callable[[], object], repeat: int = 20, warm_up: bool = True) -> list[float]:
    """Seconds taken by each of ``repeat`` calls of ``func`` (after one untimed call)."""
    if warm_up:
        func()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return times


class Collector:
    """``measure(name, func, repeat)`` as the older benches call it, collecting rows."""

    def __init__(self, quick: bool = False) -> None:
        self.rows: list[Row] = []
        self.quick = quick

    def measure(
        self,
        name: str,
        func: Callable[[], object],
        repeat: int = 20,
        *,
        limit: float | None = None,
        target: str = "",
        note: str = "",
    ) -> float:
        """Times ``func``; returns its median in milliseconds."""
        times = samples(func, min(repeat, 3) if self.quick else repeat)
        self.rows.append(Row.timed(name, times, limit=limit, target=target, note=note))
        return statistics.median(times) * 1000

    def add(self, row: Row) -> None:
        self.rows.append(row)

    def page(self, name: str, client: Any, url: str, repeat: int, note: str = "") -> bool:
        """Times GETs of ``url`` with the test ``client``, noting the queries one takes; a page
        that does not answer 200 is a failed row (False)."""
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        status = client.get(url).status_code
        if status != 200:
            self.add(Row.failed(name, f"{url} answered {status}, not 200"))
            return False
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        count = len(queries.captured_queries)
        self.measure(name, partial(client.get, url), repeat, note=f"{note}{count} queries")
        return True
