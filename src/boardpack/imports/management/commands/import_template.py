"""Write a dataset's import template: ``boardpack import_template savings -o savings.xlsx``."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from boardpack.core.management.options import (
    add_organisation_argument,
    organisation_from,
    period_from,
)
from boardpack.imports import registry
from boardpack.imports.framework import ImportContext
from boardpack.imports.spreadsheet_templates import template_csv, template_xlsx


class Command(BaseCommand):
    help = "Write the import template for DATASET to FILE (.xlsx or .csv)"

    def add_arguments(self, parser):
        parser.add_argument("dataset", help="savings, budget or dsg")
        parser.add_argument("-o", "--output", required=True, help="FILE.xlsx or FILE.csv")
        parser.add_argument(
            "--period", required=True, help="the period the template is for, YYYY-MM"
        )
        parser.add_argument(
            "--with-figures", action="store_true", help="fill in the period's current figures"
        )
        add_organisation_argument(parser)

    def handle(self, *args, dataset, output, period, with_figures, **options):
        try:
            importer = registry.get(dataset)
        except KeyError as exc:
            raise CommandError(str(exc.args[0])) from exc
        organisation = organisation_from(options)
        context = ImportContext(organisation, period_from(organisation, period))
        path = Path(output)
        if path.suffix.lower() == ".csv":
            path.write_text(
                template_csv(importer, context, with_figures=with_figures),
                encoding="utf-8",
                newline="",
            )
        elif path.suffix.lower() == ".xlsx":
            path.write_bytes(template_xlsx(importer, context, with_figures=with_figures))
        else:
            raise CommandError("-o must end in .xlsx or .csv")
        self.stdout.write(f"Wrote {path}")
