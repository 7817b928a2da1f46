"""Inside one process, without a server: each dataset's document and JSON export, and each page
through Django's test client, with the number of database queries it makes.

Each dataset is measured on the first period that holds its data (the budget and DSG on
2022-12, the programme and savings on 2024-06), never on an empty document.
"""

from __future__ import annotations

from functools import partial

from bench.measuring import Collector, pages_built
from bench.prepare import ensure_reader
from bench.serving import PAGES
from bench.table import Row

ORDER = 30


def _holds_data(document: dict) -> bool:
    from boardpack.core.management.commands.export import _holds_nothing

    return not _holds_nothing(document)


def rows(quick: bool = False) -> list[Row]:
    from django.test import Client

    from boardpack.core import datasets
    from boardpack.core.models import Organisation, ReportingPeriod

    collector = Collector(quick)
    somerset = Organisation.objects.get(slug="somerset")
    periods = list(ReportingPeriod.objects.filter(organisation=somerset).order_by("-month"))
    names = ["programme"] if quick else datasets.names()
    for name in names:
        dataset = datasets.get(name)
        for period in periods:
            try:
                document = dataset.document(somerset, period)
            except Exception:  # noqa: BLE001 - a dataset may hold nothing for a period
                continue
            if not _holds_data(document):
                continue
            collector.measure(
                f"export {name} {period.key} json", partial(datasets.to_json, document)
            )
            collector.measure(
                f"build {name} {period.key} document",
                partial(dataset.document, somerset, period),
            )
            break
        else:
            collector.add(Row.failed(f"export {name}", "no period holds its data"))

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(ensure_reader())
    for label, url in PAGES[:2] if quick else PAGES:
        name = f"page in-process: {label}"
        with pages_built():
            built = collector.page(f"{name}, built", client, url, repeat=10)
        if built:  # its first GET stores it: then it is served from the page cache
            collector.page(f"{name}, stored", client, url, repeat=10)
    return collector.rows
