"""Import a DfE tidy-data CSV through a saved mapping.

    boardpack import dfe cla_rates.csv --mapping dfe-cla-number-and-rate --dry-run

Prints, per measure, how many figures are new, changed and unchanged, or every problem (line and
column) and writes nothing. Mappings are made on the import page or in the admin.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from boardpack.benchmarking.models import TidyMapping
from boardpack.benchmarking.services import import_tidy, mapping_entries
from boardpack.benchmarking.tidy import MAX_BYTES, TidyError, read_tidy
from boardpack.core.management.options import add_organisation_argument, organisation_from


def add_dfe_arguments(parser) -> None:
    parser.add_argument("file", help="the DfE tidy-data CSV")
    parser.add_argument("--mapping", required=True, help="the saved mapping's name")
    parser.add_argument("--dry-run", action="store_true", help="show what would change only")
    add_organisation_argument(parser)


def run_dfe_import(command: BaseCommand, *, file: str, mapping: str, dry_run: bool, **options):
    organisation = organisation_from(options)
    found = TidyMapping.objects.filter(organisation=organisation, name=mapping).first()
    if found is None:
        known = ", ".join(
            TidyMapping.objects.filter(organisation=organisation).values_list("name", flat=True)
        )
        raise CommandError(
            f"{organisation.name} has no mapping {mapping!r} (it has: {known or 'none yet'})"
        )
    path = Path(file)
    if not path.is_file():
        raise CommandError(f"No file {file}")
    if path.stat().st_size > MAX_BYTES:
        raise CommandError(f"{file} is larger than a DfE tidy-data file can be (50 MB)")
    try:
        tidy = read_tidy(path.read_bytes(), name=path.name)
    except TidyError as exc:
        raise CommandError(str(exc)) from exc
    result = import_tidy(
        organisation=organisation,
        tidy=tidy,
        entries=mapping_entries(found),
        source=path.name,
        dry_run=dry_run,
    )
    if not result.ok:
        for problem in result.problems:
            command.stderr.write(f"  {problem}")
        if result.more_problems:
            command.stderr.write(f"  and {result.more_problems} more problems")
        raise CommandError(f"{path.name} was not imported: nothing has been written.")
    for change in result.measures:
        command.stdout.write(
            f"{change.code}: {change.new} new, {change.changed} changed, "
            f"{change.unchanged} unchanged"
        )
    command.stdout.write(
        "Dry run: nothing written." if dry_run else f"Imported {path.name} for {organisation.name}."
    )


class Command(BaseCommand):
    help = "Import a DfE tidy-data CSV through a saved mapping (also: boardpack import dfe ...)"

    def add_arguments(self, parser):
        add_dfe_arguments(parser)

    def handle(self, *args, **options):
        run_dfe_import(self, **options)
