"""Benchmarks: ``make bench``. Speed is measured here, never asserted in tests.

Runs against a fresh SQLite database (or ``DATABASE_URL``) with the demo loaded and prints the
median time of each operation a user waits for.
"""

from __future__ import annotations

import functools
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable


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


def measure(name: str, func: Callable[[], object], repeat: int = 20) -> float:
    func()  # warm up
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    median = statistics.median(times) * 1000
    print(f"{name:<45} median {median:8.2f} ms over {repeat} runs")
    return median


def main() -> int:
    _setup()
    from django.test import Client

    from boardpack.accounts.models import User
    from boardpack.core import datasets
    from boardpack.core.models import Organisation, ReportingPeriod

    somerset = Organisation.objects.get(slug="somerset")
    june = ReportingPeriod.objects.get(organisation=somerset, month="2024-06-01")
    from django.conf import settings

    settings.DEMO_MODE = True
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(User.objects.get(username="councillor"))

    def page(url: str) -> Callable[[], object]:
        status = client.get(url).status_code
        if status != 200:
            raise SystemExit(f"{url} answered {status}: nothing to measure")
        return lambda: client.get(url)

    for name in datasets.names():
        dataset = datasets.get(name)
        for period in ReportingPeriod.objects.filter(organisation=somerset):
            try:
                document = dataset.document(somerset, period)
            except Exception:  # noqa: BLE001 - a dataset may hold nothing for a period
                continue
            measure(
                f"export {name} {period.key} json", functools.partial(datasets.to_json, document)
            )
            measure(
                f"build {name} {period.key} document",
                functools.partial(dataset.document, somerset, period),
            )
            break
    measure(
        "page: programme overview 2024-06", lambda: client.get(f"/somerset/programme/{june.key}/")
    )
    measure(
        "page: workstream 2024-06",
        lambda: client.get("/somerset/programme/2024-06/workstreams/sufficient-homes/"),
    )
    measure("api: programme 2024-06", lambda: client.get("/api/v1/programme?period=2024-06"))

    from bench import benchmarking

    benchmarking.run(measure, client)
    from bench import performance

    performance.pages(measure, client, somerset)
    performance.csv_import(somerset, june)
    from bench import reports_office

    reports_office.run(measure)
    from bench import reports_engine

    reports_engine.run(measure)
    from bench import report_command

    report_command.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
