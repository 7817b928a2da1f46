"""Performance indicators at scale: the catalogue and an indicator page with 10× the demo's
indicators and figures (time and queries per page), and 200,000 figures imported from CSV.

It changes the main bench database (10× the indicators, 200,000 more figures), so it runs last.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import time

from django.db import connection, transaction

from bench.measuring import Collector, pages_built
from bench.prepare import ensure_reader
from bench.table import Row

ORDER = 90


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


def rows(quick: bool = False) -> list[Row]:
    from django.test import Client

    from boardpack.core.models import Organisation, ReportingPeriod

    collector = Collector(quick)
    somerset = Organisation.objects.get(slug="somerset")
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(ensure_reader())
    pages(collector, client, somerset, times=1 if quick else 10)
    if not quick:
        june = ReportingPeriod.objects.get(organisation=somerset, month="2024-06-01")
        csv_import(collector, somerset, june)
    return collector.rows


def pages(collector: Collector, client, organisation, times: int = 10) -> None:  # type: ignore[no-untyped-def]
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
            title = f"page in-process: performance {name} {label}, built"
            with pages_built():
                note = f"{indicators.count()} ind., {figures} fig., "
                collector.page(title, client, url, repeat=5, note=note)

    if not Observation.objects.filter(indicator__organisation=organisation).exists():
        collector.add(Row.failed("performance pages", "the demo holds no figures"))
        return
    report("1x")
    if times > 1:
        _multiply(organisation, times)
        report(f"{times}x")


def csv_import(collector: Collector, organisation, period, rows: int = 200_000) -> None:  # type: ignore[no-untyped-def]
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
    name = f"import: {rows:,} figures from CSV ({connection.vendor})"
    if plan.problems:
        collector.add(Row.failed(name, f"refused: {plan.problems[:3]}"))
        return
    added = Observation.objects.count() - before
    if added != rows:
        collector.add(Row.failed(name, f"expected {rows:,} new figures, found {added:,}"))
        return
    collector.add(Row.timed(name, [elapsed], limit=10.0, target="<= 10 s on PostgreSQL"))
