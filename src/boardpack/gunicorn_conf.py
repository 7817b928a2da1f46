"""gunicorn's configuration for ``boardpack serve`` (``-c python:boardpack.gunicorn_conf``).

Each worker warms up before it takes its first request, so that no user pays for the worker's
first page: it imports every view (the URL configuration) and the chart module's libraries
(altair, vl-convert) and draws one small chart. Each worker pays about 1.5 s at start instead
of its first user (docs/decisions/0011-charts-stored-by-their-data.md).
"""

from __future__ import annotations

import time
from typing import Any


def post_worker_init(worker: Any) -> None:
    """gunicorn calls this in each worker once the application is loaded, before it serves."""
    from boardpack.core.warmup import warm_up

    started = time.perf_counter()
    warm_up()
    worker.log.info("Boardpack worker warmed up in %.2f s", time.perf_counter() - started)
