"""Export a dataset for a period as JSON, CSV or Excel, to stdout or a file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from boardpack.core import datasets
from boardpack.core.management.options import (
    add_organisation_argument,
    organisation_from,
    parse_period,
    period_from,
)
from boardpack.core.models import ReportingPeriod

TABLE_KEYS = ("lines", "divisions", "workstreams", "deficit")


def _holds_nothing(document: dict) -> bool:
    """Whether a dataset's document has none of its tables' rows (its lists are all empty)."""
    tables = [document[k] for k in TABLE_KEYS if isinstance(document.get(k), list)]
    allocation = document.get("allocation")
    if isinstance(allocation, dict):
        tables.append(allocation.get("rows") or [])
    return bool(tables) and not any(tables)


class Command(BaseCommand):
    # A read-only export needs no system checks: they import every view through the URL
    # configuration (a third of the command's start-up). `boardpack check`, the server and
    # `migrate` still run them.
    requires_system_checks: list[str] = []
    help = (
        "Export DATASET for a period: boardpack export programme --period 2024-06 --format json"
        " (meetings, actions and risks need no period)"
    )

    def add_arguments(self, parser):
        parser.add_argument("dataset", help="programme, savings, budget or dsg")
        parser.add_argument(
            "--period", help="the period's last month, YYYY-MM (optional for some datasets)"
        )
        parser.add_argument("--format", default="json", dest="fmt", help="json, csv or xlsx")
        parser.add_argument("-o", "--output", help="write to this file instead of stdout")
        parser.add_argument(
            "--audience",
            default="officer",
            choices=["officer", "member", "public"],
            help="who it is for: members and the public see small numbers suppressed",
        )
        add_organisation_argument(parser)

    def handle(self, *args, dataset, period, fmt, output, audience="officer", **options):
        try:
            found = datasets.get(dataset)
        except KeyError as exc:
            raise CommandError(str(exc.args[0])) from exc
        if fmt not in found.formats:
            raise CommandError(
                f"--format must be one of {', '.join(found.formats)} for {dataset}, not {fmt!r}"
            )
        if period is None and found.needs_period:
            raise CommandError(f"--period is required for {dataset}, as YYYY-MM (e.g. 2024-06)")
        if audience != "officer" and not found.audiences:
            raise CommandError(f"{dataset} holds no small numbers: export it without --audience")
        reporting_period: ReportingPeriod | None = None
        if found.every_organisation and not options.get("organisation") and period is None:
            document = found.every_organisation()
        else:
            organisation = organisation_from(options)
            if period is None:
                reporting_period = None
            elif found.any_month:
                month = parse_period(period)
                reporting_period = ReportingPeriod.objects.filter(
                    organisation=organisation, month=month.first_day
                ).first() or ReportingPeriod(organisation=organisation, month=month.first_day)
            else:
                reporting_period = period_from(organisation, period)
            document = found.document_for(organisation, reporting_period, audience)
        if reporting_period is not None and reporting_period.pk and _holds_nothing(document):
            # Still write the (empty) export, but never let blank totals pass for zeros.
            self.stderr.write(
                f"{organisation.name} has no {found.title} figures for {reporting_period.label}: "
                "the export has no lines and its totals are blank (null), not 0."
            )
        if fmt == "xlsx":
            if not output:
                raise CommandError("An Excel export needs a file: add -o FILE.xlsx")
            Path(output).write_bytes(found.to_xlsx(document))
            return
        text = (
            datasets.to_json(document) if fmt == "json" else datasets.to_csv(found.rows(document))
        )
        if output:
            encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
            Path(output).write_text(text, encoding=encoding, newline="")
        else:
            self.stdout.write(text, ending="")
