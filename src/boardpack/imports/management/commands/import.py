"""Import a dataset for a period from a spreadsheet (.xlsx or .csv).

    boardpack import savings tracker.xlsx --period 2024-06 --dry-run
    boardpack import budget month9.csv --period 2022-12 --unit £m --sheet "Month 9"
    boardpack import dfe cla_2026.csv --mapping dfe-cla-number-and-rate --dry-run

Prints what would change and every problem (sheet, row, column, message). On any problem it
exits non-zero and writes nothing; otherwise it applies everything in one transaction (unless
``--dry-run``) and records the run.
"""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from boardpack.core.management.options import (
    add_organisation_argument,
    organisation_from,
    period_from,
)
from boardpack.imports import registry
from boardpack.imports.amounts import AmountError, Unit
from boardpack.imports.framework import ImportContext, Plan, Stage, gc_paused
from boardpack.imports.models import ImportRun
from boardpack.imports.readers import MAX_ROWS
from boardpack.imports.services import (
    apply_plan,
    import_run_create,
    prepare_import,
)

LONG_IMPORT_ROWS = 2_000  # a progress bar for each stage of an import this long or longer
LIST_CHANGES = 2_000  # the changes listed one by one; the count says the rest
STAGE_LABELS = {
    Stage.READING: "Reading rows",
    Stage.CHECKING: "Checking rows",
    Stage.WRITING: "Writing records",
}


class ProgressBars:
    """A tqdm bar for each stage of a long import, on the command's error stream (so that
    what it prints on standard output stays the plan)."""

    def __init__(self, stream: Any, minimum: int | None = None) -> None:
        self.stream = stream
        self.minimum = LONG_IMPORT_ROWS if minimum is None else minimum
        self.bar: Any = None
        self.stage = ""

    def __call__(self, stage: str, done: int, total: int) -> None:
        from tqdm import tqdm

        if total < self.minimum:
            return
        if self.bar is None or self.stage != stage or done < self.bar.n:
            self.close()
            self.stage = stage
            label = STAGE_LABELS.get(stage, stage)
            self.bar = tqdm(
                total=total, desc=label, unit=" rows", file=self.stream, mininterval=0.5
            )
        self.bar.update(done - self.bar.n)
        if done >= total:
            self.close()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


class Command(BaseCommand):
    # The system checks import every view through the URL configuration: half a second of a
    # command that serves no page. `boardpack check`, the server and `migrate` still run them.
    requires_system_checks: list[str] = []
    help = (
        "Import DATASET (savings, budget, dsg, indicators, ...) for a period from FILE (.xlsx or "
        ".csv): boardpack import savings tracker.xlsx --period 2024-06 [--dry-run]; or a DfE "
        "tidy-data CSV through a saved mapping: boardpack import dfe FILE --mapping NAME"
    )

    def add_arguments(self, parser):
        parser.add_argument("dataset", help="savings, budget or dsg")
        parser.add_argument("file", help="the spreadsheet, .xlsx or .csv")
        parser.add_argument("--period", help="the period's last month, YYYY-MM (not for dfe)")
        parser.add_argument(
            "--mapping", help="dfe only: the saved mapping of the file's columns to measures"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="show what would change, write nothing"
        )
        parser.add_argument("--unit", help="the unit the sheet's amounts are in: £, £000 or £m")
        parser.add_argument("--sheet", help="the sheet to read (default: the best match)")
        parser.add_argument(
            "--confirm-figures",
            action="store_true",
            help="apply even with figures far larger than a council's (after checking them)",
        )
        parser.add_argument(
            "--add-new",
            action="store_true",
            help="allow references Boardpack does not know yet (new savings lines)",
        )
        parser.add_argument(
            "--map",
            action="append",
            default=[],
            metavar="FIELD=HEADING",
            help='match a column the sheet heads differently, e.g. --map target="MTFP 24/25"',
        )
        add_organisation_argument(parser)

    def handle(self, *args, **options):
        # Cyclic garbage collection is paused for the whole import, and the file's rows,
        # records and changes are freed (by reference counting) when ``_import`` returns,
        # before it resumes: resumed while they are alive, each generation's first collection
        # would walk millions of objects (a second or more of a 200,000-row import).
        with gc_paused():
            self._import(*args, **options)

    def _import(self, *args, dataset, file, period, dry_run, unit, sheet, map, add_new, **options):
        if dataset == "dfe":
            from boardpack.benchmarking.management.commands.import_dfe import run_dfe_import

            if not options.get("mapping"):
                raise CommandError("A DfE tidy-data import needs its mapping: --mapping NAME")
            run_dfe_import(
                self,
                file=file,
                mapping=options["mapping"],
                dry_run=dry_run,
                organisation=options.get("organisation"),
            )
            return
        if options.get("mapping"):
            raise CommandError("--mapping is for DfE tidy data only: boardpack import dfe FILE")
        if not period:
            raise CommandError("--period is required, as YYYY-MM (for example 2024-06)")
        try:
            importer = registry.get(dataset)
        except KeyError as exc:
            raise CommandError(str(exc.args[0])) from exc
        organisation = organisation_from(options)
        reporting_period = period_from(organisation, period)
        try:
            stated_unit = Unit.parse(unit) if unit else None
        except AmountError as exc:
            raise CommandError(f"--unit: {exc}") from exc
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No file {file}")
        # A dataset may take more rows here than an upload (performance figures: 200,000),
        # and bytes in proportion; both are checked before the file is parsed.
        max_rows = importer.command_max_rows
        max_bytes = settings.BOARDPACK_MAX_UPLOAD_BYTES * max(1, max_rows // MAX_ROWS)
        if path.stat().st_size > max_bytes * 4:
            raise CommandError(f"{file} is far too large to be a spreadsheet of figures.")
        data = path.read_bytes()
        bars = ProgressBars(self.stderr)
        context = ImportContext(
            organisation,
            reporting_period,
            stated_unit,
            user=None,
            add_new=add_new,
            progress=bars,
            max_rows=max_rows,
            max_bytes=max_bytes,
        )
        preparation = prepare_import(
            importer=importer, context=context, data=data, file_name=path.name, sheet_name=sheet
        )
        if map and preparation.layout is not None:
            mapping = self._mapping(importer, preparation.layout, map)
            preparation = prepare_import(
                importer=importer,
                context=context,
                data=data,
                file_name=path.name,
                sheet_name=preparation.layout.sheet.name,
                mapping=mapping,
            )
        plan = preparation.plan
        self._print_plan(importer, plan, preparation)
        if plan.problems:
            raise CommandError(
                f"{len(plan.problems)} problem(s) in {path.name}: nothing was imported."
            )
        if dry_run:
            self.stdout.write("Dry run: nothing was written.")
            return
        if plan.warnings and not options["confirm_figures"]:
            raise CommandError(
                f"{len(plan.warnings)} figure(s) in {path.name} are far larger than a council's: "
                "check them and the unit (--unit), then run again with --confirm-figures. "
                "Nothing was imported."
            )
        apply_plan(importer=importer, context=context, plan=plan)
        run = import_run_create(
            organisation=organisation,
            period=reporting_period,
            dataset=importer.name,
            user=None,
            file_name=path.name,
            data=data,
            unit=stated_unit.value if stated_unit else "",
            sheet_name=preparation.layout.sheet.name if preparation.layout else "",
            add_new=add_new,
            source=ImportRun.Source.COMMAND,
            keep_file=False,  # the file is on disk already; the record keeps its digest
        )
        run.status = ImportRun.Status.APPLIED
        run.new_count, run.changed_count = plan.new_count, plan.changed_count
        run.unchanged_count = plan.unchanged_count
        run.save()
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {importer.title} for {reporting_period.label}: "
                f"{plan.new_count} new, {plan.changed_count} changed."
            )
        )

    def _mapping(self, importer, layout, pairs):
        mapping = dict(layout.mapping)
        wanted = {h.strip().lower(): i for i, h in enumerate(layout.headers) if h}
        for pair in pairs:
            key, _, heading = pair.partition("=")
            key = key.strip()
            if not any(c.key == key for c in importer.columns):
                fields = ", ".join(c.key for c in importer.columns)
                raise CommandError(f"--map: {importer.name} has no field {key!r} ({fields})")
            index = wanted.get(heading.strip().lower())
            if index is None:
                headings = ", ".join(f"‘{h}’" for h in layout.headers if h)
                raise CommandError(
                    f"--map: no heading ‘{heading}’ in the sheet (it has {headings})"
                )
            mapping = {k: i for k, i in mapping.items() if i != index}
            mapping[key] = index
        return mapping

    def _print_plan(self, importer, plan: Plan, preparation) -> None:
        layout = preparation.layout
        if layout is not None:
            unit = preparation.unit.value if preparation.unit else ""
            self.stdout.write(
                f"Reading sheet ‘{layout.sheet.name}’, headings in row {layout.header_row}"
                + (f", amounts in {unit}" if unit else "")
                + (" (a layout you mapped before)" if layout.remembered else "")
            )
        for read in preparation.tables:
            self.stdout.write(
                f"Reading the {read.table.title} from sheet ‘{read.layout.sheet.name}’, "
                f"headings in row {read.layout.header_row}"
            )
        written = plan.to_write + plan.stated_to_write
        for change in written[:LIST_CHANGES]:
            self.stdout.write(f"  {change.action:<9} {change.label}")
            for key in change.changed_fields:
                before = change.before.get(key, "")
                self.stdout.write(
                    f"            {key}: {before or '—'} → {change.after.get(key) or '—'}"
                )
        if len(written) > LIST_CHANGES:
            self.stdout.write(f"  ... and {len(written) - LIST_CHANGES:,} more not listed")
        self.stdout.write(
            f"{plan.new_count} new, {plan.changed_count} changed, {plan.unchanged_count} unchanged"
        )
        for note in plan.notes:
            self.stdout.write(f"  note: {note}")
        for warning in plan.warnings:
            self.stderr.write(f"  check: {warning}")
        for problem in plan.problems:
            self.stderr.write(f"  {problem}")
