"""Export a dataset for a period as JSON, CSV or Excel, to stdout or a file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from boardpack.core import datasets
from boardpack.core.management.options import (
    add_organisation_argument,
    organisation_from,
    period_from,
)

TABLE_KEYS = ("lines", "divisions", "workstreams", "deficit")


def _holds_nothing(document: dict) -> bool:
    """Whether a dataset's document has none of its tables' rows (its lists are all empty)."""
    tables = [document[k] for k in TABLE_KEYS if isinstance(document.get(k), list)]
    allocation = document.get("allocation")
    if isinstance(allocation, dict):
        tables.append(allocation.get("rows") or [])
    return bool(tables) and not any(tables)


class Command(BaseCommand):
    help = "Export DATASET for a period: boardpack export programme --period 2024-06 --format json"

    def add_arguments(self, parser):
        parser.add_argument("dataset", help="programme, savings, budget or dsg")
        parser.add_argument("--period", required=True, help="the period's last month, YYYY-MM")
        parser.add_argument("--format", default="json", dest="fmt", help="json, csv or xlsx")
        parser.add_argument("-o", "--output", help="write to this file instead of stdout")
        add_organisation_argument(parser)

    def handle(self, *args, dataset, period, fmt, output, **options):
        try:
            found = datasets.get(dataset)
        except KeyError as exc:
            raise CommandError(str(exc.args[0])) from exc
        if fmt not in found.formats:
            raise CommandError(
                f"--format must be one of {', '.join(found.formats)} for {dataset}, not {fmt!r}"
            )
        organisation = organisation_from(options)
        reporting_period = period_from(organisation, period)
        document = found.document(organisation, reporting_period)
        if _holds_nothing(document):
            # Still write the (empty) export, but never let blank totals pass for zeros.
            self.stderr.write(
                f"{organisation.name} has no {found.title} figures for {reporting_period.label}: "
                "the export has no lines and its totals are blank (null), not 0."
            )
        if fmt == "xlsx":
            if not output:
                raise CommandError("An Excel export needs a file: add -o FILE.xlsx")
            Path(output).write_bytes(found.xlsx(document))
            return
        text = (
            datasets.to_json(document) if fmt == "json" else datasets.to_csv(found.rows(document))
        )
        if output:
            encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
            Path(output).write_text(text, encoding=encoding, newline="")
        else:
            self.stdout.write(text, ending="")
