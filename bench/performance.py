"""Performance indicators at scale: the catalogue and an indicator page with 10× the demo's
indicators and figures (time and queries per page), and 200,000 figures imported from CSV."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import time
from collections.abc import Callable

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext


def _queries(func: Callable[[], object]) -> int:
    with CaptureQueriesContext(connection) as captured:
        func()
    return len(captured)


def _multiply(organisation, times: int) -> None:  # type: ignore[no-untyped-def]
    """Copies of every indicator and its figures, ``times - 1`` of them."""
    from boardpack.performance.models import Indicator, Observation

    originals = list(Indicator.objects.filter(organisation=organisation))
    figures = list(Observation.objects.filter(indicator__in=originals))
    with transaction.atomic():
        for n in range(1, times):
            copies = {}
            for indicator in originals:
                copy = Indicator.objects.get(pk=indicator.pk)
                copy.pk = None
                copy.code = f"{indicator.code}-X{n}"
                copy.save()
                copies[indicator.pk] = copy
            Observation.objects.bulk_create(
                [
                    Observation(
                        indicator=copies[o.indicator_id],
                        date=o.date,
                        area=o.area,
                        breakdown=o.breakdown,
                        breakdown_key=o.breakdown_key,
                        value=o.value,
                        places=o.places,
                        qualifier=o.qualifier,
                        as_written=o.as_written,
                        source_id=o.source_id,
                    )
                    for o in figures
                ],
                batch_size=2000,
            )


def pages(measure, client, organisation) -> None:  # type: ignore[no-untyped-def]
    from boardpack.performance.models import Indicator, Observation

    def report(label: str) -> None:
        indicators = Indicator.objects.filter(organisation=organisation)
        figures = Observation.objects.filter(indicator__organisation=organisation).count()
        with_trend = (
            Observation.objects.filter(indicator__organisation=organisation, breakdown_key="")
            .values_list("indicator__code", flat=True)
            .first()
        )
        catalogue = f"/{organisation.slug}/performance/"
        page = f"/{organisation.slug}/performance/indicators/{with_trend}/"
        for name, url in (("catalogue", catalogue), ("indicator page", page)):
            if client.get(url).status_code != 200:
                raise SystemExit(f"{url} does not answer 200")
            queries = _queries(functools.partial(client.get, url))
            measure(
                f"page: performance {name} {label} ({indicators.count()} ind., {figures} fig.), "
                f"{queries} queries",
                lambda u=url: client.get(u),
                repeat=5,
            )

    if not Observation.objects.filter(indicator__organisation=organisation).exists():
        print("performance: the demo holds no figures; nothing to measure")
        return
    report("1×")
    _multiply(organisation, 10)
    report("10×")


def csv_import(organisation, period, rows: int = 200_000) -> None:  # type: ignore[no-untyped-def]
    """Import ``rows`` figures from CSV text in one transaction (100 indicators × 2,000 dates)."""
    from boardpack.imports.framework import ImportContext
    from boardpack.performance import services
    from boardpack.performance.importers import import_csv_rows
    from boardpack.performance.models import Observation

    per = rows // 100
    for i in range(100):
        services.indicator_set(
            organisation=organisation,
            code=f"BULK-{i}",
            title=f"Bulk {i}",
            unit="count",
            polarity="neither",
            frequency="monthly",
            service_area="Bulk",
        )
    start_date = dt.date(2000, 1, 1)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["indicator", "date", "value", "as_written", "source"])
    for i in range(100):
        for d in range(per):
            day = start_date + dt.timedelta(days=d)
            writer.writerow([f"BULK-{i}", day.isoformat(), str(d % 500), "", "bulk"])
    text = buffer.getvalue()
    before = Observation.objects.count()
    started = time.perf_counter()
    plan = import_csv_rows(ImportContext(organisation, period), csv.DictReader(io.StringIO(text)))
    elapsed = time.perf_counter() - started
    if plan.problems:
        raise SystemExit(f"bulk import refused: {plan.problems[:3]}")
    added = Observation.objects.count() - before
    print(
        f"{'import: ' + f'{added:,} figures from CSV ({connection.vendor})':<45} "
        f"{elapsed:8.2f} s (target ≤ 10 s on PostgreSQL)"
    )
    if added != rows:
        raise SystemExit(f"expected {rows:,} new figures, found {added:,}")
