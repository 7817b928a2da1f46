"""gunicorn's configuration for ``boardpack serve`` (``-c python:boardpack.gunicorn_conf``).

Each worker warms up before it takes its first request, so that no user pays for the worker's
first page: it imports every view (the URL configuration) and the chart module's libraries
(altair, vl-convert) and draws one small chart. Each worker pays about 1.5 s at start instead
of its first user (docs/decisions/0011-charts-stored-by-their-data.md).
"""

from __future__ import annotations

import os
import time
from typing import Any

# Each worker keeps its database connection between requests (settings.DATABASES): reconnecting
# cost ~8 ms a request on SQLite (the schema parsed again), more than serving a stored page
# (core.page_cache). Read by the workers' settings, loaded after this file; the environment wins.
os.environ.setdefault("BOARDPACK_DB_CONN_MAX_AGE", "60")


def post_worker_init(worker: Any) -> None:
    """gunicorn calls this in each worker once the application is loaded, before it serves."""
    from boardpack.core.warmup import warm_up

    started = time.perf_counter()
    warm_up()
    worker.log.info("Boardpack worker warmed up in %.2f s", time.perf_counter() - started)
