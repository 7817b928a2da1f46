"""What a server process loads before its first request (see ``boardpack.gunicorn_conf``)."""

from __future__ import annotations

from collections.abc import Sequence

from django.urls import get_resolver


def _load_patterns(patterns: Sequence[object]) -> None:
    for pattern in patterns:
        inner = getattr(pattern, "url_patterns", None)  # an include(): load its module too
        if inner is not None:
            _load_patterns(inner)


def warm_up() -> None:
    """Import every view (through the URL configuration) and ready the chart module, so the
    first request a process serves costs what any later one does."""
    from boardpack.charts import warm_up as warm_up_charts

    _load_patterns(get_resolver().url_patterns)
    warm_up_charts()
