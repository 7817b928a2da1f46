"""Imports as services: prepare (read, map, validate, plan) without writing; apply in one
transaction or not at all. The command and the upload pages both go through here."""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import pickle
import re
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from boardpack.imports.amounts import Unit
from boardpack.imports.framework import (
    HEADER_SEARCH_ROWS,
    ApplyFailed,
    Column,
    ImportContext,
    Importer,
    Layout,
    Plan,
    ProgressCallback,
    Table,
    best_layout,
    find_layout,
    gc_paused,
    layout_signature,
    missing_columns,
    not_the_template,
    read_records,
    reconcile_totals,
    sheet_too_long,
    sheet_unit,
)
from boardpack.imports.models import STAGE_APPLYING, STAGE_QUEUED, ImportRun, SavedLayout
from boardpack.imports.problems import FileRefused, Problem
from boardpack.imports.readers import Workbook, read_spreadsheet, rows_before_reading
from boardpack.imports.tables import (
    TableRead,
    csv_note,
    locate_tables,
    read_tables,
    tables_by_sheet_name,
)

logger = logging.getLogger(__name__)


class ImportRefused(Exception):
    """Apply was asked for a plan that has problems or is not the plan previewed."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


@dataclass
class Preparation:
    plan: Plan
    layout: Layout | None = None
    workbook: Workbook | None = None
    unit: Unit | None = None
    needs_mapping: bool = False
    missing: list[str] = field(default_factory=list)
    tables: list[TableRead] = field(default_factory=list)  # the further tables found
    table: str = ""  # the further table the user said the file holds; "": as found


def remembered_layouts(
    organisation: Any, dataset: str, table: str = ""
) -> dict[str, dict[str, int]]:
    """The column matches the organisation saved for the dataset's table (``""``: its main)."""
    return {
        layout.signature: layout.mapping
        for layout in SavedLayout.objects.filter(
            organisation=organisation, dataset=dataset, table=table
        )
    }


def _sort_key(problem: Problem) -> tuple[str, int, int, str]:
    return (problem.sheet, problem.row or 0, len(problem.column), problem.column)


PROBLEMS_OF_A_KIND = 10


def cap_problems(problems: list[Problem], per_kind: int = PROBLEMS_OF_A_KIND) -> list[Problem]:
    """At most ``per_kind`` problems of each kind (the same message but for its figures and
    names, in the same column), then one saying how many more there are of that kind."""
    kept: list[Problem] = []
    counts: dict[tuple[str, str], int] = {}
    last: dict[tuple[str, str], Problem] = {}
    for problem in problems:
        kind = (
            problem.column,
            re.sub(r"‘[^’]*’|'[^']*'|\(.*?\)|[0-9][0-9,.]*", "", problem.message),
        )
        counts[kind] = counts.get(kind, 0) + 1
        if counts[kind] <= per_kind:
            kept.append(problem)
            last[kind] = problem
    for kind, count in counts.items():
        if count > per_kind:
            sample = last[kind]
            more = count - per_kind
            kept.insert(
                kept.index(sample) + 1,
                Problem(
                    f"… and {more:,} more of the same kind"
                    + (f" in column {sample.column}" if sample.column else "")
                    + ".",
                    sheet=sample.sheet,
                ),
            )
    return kept


def prepare_import(
    *,
    importer: Importer,
    context: ImportContext,
    data: bytes,
    file_name: str,
    sheet_name: str | None = None,
    mapping: dict[str, int] | None = None,
    table: str = "",
) -> Preparation:
    """Everything an import would do and every problem with it, without writing anything.
    ``table``: one of the dataset's further tables the user said the file holds, its columns
    matched by ``mapping``. Problems of one kind are capped (see ``cap_problems``)."""
    with gc_paused():
        preparation = _prepare(
            importer=importer,
            context=context,
            data=data,
            file_name=file_name,
            sheet_name=sheet_name,
            mapping=mapping,
            table=table,
        )
    preparation.plan.problems = cap_problems(preparation.plan.problems)
    return preparation


def _prepare(
    *,
    importer: Importer,
    context: ImportContext,
    data: bytes,
    file_name: str,
    sheet_name: str | None = None,
    mapping: dict[str, int] | None = None,
    table: str = "",
) -> Preparation:
    plan = Plan(dataset=importer.name)
    try:
        workbook = read_spreadsheet(
            data, filename=file_name, max_bytes=context.max_bytes, max_rows=context.max_rows
        )
        chosen = next((t for t in importer.tables if t.key == table), None)
        if chosen is not None:
            return _prepare_table(importer, context, workbook, chosen, sheet_name, mapping, plan)
        named = {} if sheet_name else tables_by_sheet_name(importer, workbook)
        layout = find_layout(
            importer,
            workbook,
            sheet_name=sheet_name or None,
            remembered=remembered_layouts(context.organisation, importer.name),
            exclude=[table_layout.sheet for table_layout in named.values()],
        )
    except FileRefused as refused:
        plan.problems.extend(refused.problems)
        return Preparation(plan)
    main_complete = layout is not None and not missing_columns(importer, layout)
    if importer.tables and not main_complete and mapping is None:
        alone = _further_tables_alone(importer, context, workbook, sheet_name, plan)
        if alone is not None:
            return alone
    if layout is None and mapping is None:
        plan.problems.append(not_the_template(importer, workbook, sheet_name))
        fallback = _first_row_layout(workbook, sheet_name)
        # No heading is known, but the user may match the columns by hand on the mapping page.
        return Preparation(
            plan,
            layout=fallback,
            workbook=workbook,
            needs_mapping=fallback is not None,
            missing=[c.key for c in importer.columns if c.required],
        )
    if layout is not None and mapping is not None:
        layout.mapping = {
            k: i for k, i in mapping.items() if 0 <= i < len(layout.headers) and _known(importer, k)
        }
    preparation = Preparation(plan, layout=layout, workbook=workbook)
    assert layout is not None
    plan.notes.extend(_sheet_notes(importer, workbook, layout, sheet_name))
    preparation.unit = sheet_unit(importer, context, layout)
    plan.fields = [(c.key, c.header) for c in importer.columns if c.key in layout.mapping]
    missing = missing_columns(importer, layout)
    if missing:
        preparation.needs_mapping = True
        preparation.missing = [c.key for c in missing]
        required = [c for c in importer.columns if c.required]
        if len(missing) == len(required) and not layout.remembered and mapping is None:
            # Not one required heading: most likely the wrong file, though the user may match.
            plan.problems.append(not_the_template(importer, workbook, layout.sheet.name))
            return preparation
        plan.problems += _unmatched(missing, layout)
        return preparation
    too_long = sheet_too_long(layout, context.max_rows)
    if too_long is not None:
        plan.problems.append(too_long)  # refused before a row is read or planned
        return preparation
    records, problems, notes = read_records(importer, context, layout)
    plan.problems.extend(problems)
    plan.notes.extend(notes)
    total_problems, total_notes = reconcile_totals(importer, records, layout.stated_totals)
    plan.problems.extend(total_problems)
    plan.notes.extend(total_notes)
    if importer.tables and workbook.kind == "csv":
        plan.notes.append(csv_note(importer))
    table_layouts, table_problems = locate_tables(importer, workbook, layout, named)
    preparation.tables, read_problems, table_notes = read_tables(importer, context, table_layouts)
    plan.problems.extend(table_problems + read_problems)
    plan.notes.extend(table_notes)
    for record in records + [r for read in preparation.tables for r in read.records]:
        plan.warnings.extend(record.warnings)
    if not records and not problems and not any(read.records for read in preparation.tables):
        plan.problems.append(
            Problem(
                "The sheet has headings but no rows of figures under them.",
                sheet=layout.sheet.name,
                row=layout.header_row,
            )
        )
        return preparation
    importer.plan(_with_unit(context, preparation.unit), records, plan)
    importer.plan_stated_totals(_with_unit(context, preparation.unit), layout.stated_totals, plan)
    for read in preparation.tables:
        table_unit = sheet_unit(read.table, context, read.layout)
        importer.plan_table(read.table, _with_unit(context, table_unit), read.records, plan)
    plan.problems.sort(key=_sort_key)
    return preparation


def _further_tables_alone(
    importer: Importer,
    context: ImportContext,
    workbook: Workbook,
    sheet_name: str | None,
    plan: Plan,
) -> Preparation | None:
    """A file holding only further tables of the dataset (a DSG allocation table on its own,
    as councils publish it): those tables are imported and the main one is left as it is."""
    sheets = [workbook.sheet(sheet_name)] if sheet_name else workbook.visible_sheets
    reads: dict[str, Layout] = {}
    for table in importer.tables:
        remembered = remembered_layouts(context.organisation, importer.name, table.key)
        for sheet in sheets:
            if any(sheet is found.sheet for found in reads.values()):
                continue
            layout = best_layout(table, [sheet], remembered=remembered)
            if layout is not None and not missing_columns(table, layout):
                reads[table.key] = layout
                break
    if not reads:
        return None
    return _plan_further_tables(importer, context, Preparation(plan, workbook=workbook), reads)


def _prepare_table(
    importer: Importer,
    context: ImportContext,
    workbook: Workbook,
    table: Table,
    sheet_name: str | None,
    mapping: dict[str, int] | None,
    plan: Plan,
) -> Preparation:
    """The file read as the further ``table`` the user said it holds, its columns matched by
    hand (``mapping``) or as matched before for a file laid out the same way."""
    remembered = remembered_layouts(context.organisation, importer.name, table.key)
    layout = find_layout(table, workbook, sheet_name=sheet_name, remembered=remembered)
    layout = layout or _first_row_layout(workbook, sheet_name)
    preparation = Preparation(plan, layout=layout, workbook=workbook, table=table.key)
    if layout is None:
        plan.problems.append(not_the_template(table, workbook, sheet_name))
        return preparation
    if mapping is not None:
        known = {c.key for c in table.columns}
        layout.mapping = {
            k: i for k, i in mapping.items() if 0 <= i < len(layout.headers) and k in known
        }
    missing = missing_columns(table, layout)
    if missing:
        preparation.needs_mapping = True
        preparation.missing = [c.key for c in missing]
        plan.problems += _unmatched(missing, layout)
        return preparation
    return _plan_further_tables(importer, context, preparation, {table.key: layout})


def _plan_further_tables(
    importer: Importer, context: ImportContext, preparation: Preparation, reads: dict[str, Layout]
) -> Preparation:
    """Read and plan further tables found on their own; the main table is left as it is."""
    plan = preparation.plan
    preparation.tables, problems, notes = read_tables(importer, context, reads)
    plan.problems.extend(problems)
    plan.notes.extend(notes)
    titles = " and ".join(read.table.title for read in preparation.tables)
    plan.notes.insert(
        0,
        f"The file holds the {titles} only: Boardpack imports {'them' if len(reads) > 1 else 'it'} "
        f"and leaves the {importer.title} monitoring table as it is.",
    )
    for read in preparation.tables:
        plan.warnings.extend(w for r in read.records for w in r.warnings)
        table_unit = sheet_unit(read.table, context, read.layout)
        importer.plan_table(read.table, _with_unit(context, table_unit), read.records, plan)
    plan.problems.sort(key=_sort_key)
    return preparation


def _unmatched(missing: list[Column], layout: Layout) -> list[Problem]:
    return [
        Problem(
            f"No column is matched to ‘{column.header}’ ({column.help}) Match it to one of "
            "the sheet's columns, or use the template.",
            sheet=layout.sheet.name,
            row=layout.header_row,
            header=column.header,
        )
        for column in missing
    ]


def _first_row_layout(workbook: Workbook, sheet_name: str | None) -> Layout | None:
    """A layout for matching by hand: the first row of the chosen (or active) sheet with two
    or more cells of text, taken as its headings."""
    if sheet_name:
        sheets = [workbook.sheet(sheet_name)]
    else:
        visible = workbook.visible_sheets
        sheets = [s for s in visible if s.name == workbook.active] + visible
    for sheet in sheets:
        for number, values in enumerate(sheet.rows[:HEADER_SEARCH_ROWS], start=1):
            texts = [v for v in values if isinstance(v, str) and v.strip()]
            if len(texts) >= 2:
                headers = ["" if v is None else str(v).strip() for v in values]
                return Layout(sheet, number, headers, {}, layout_signature(headers))
    return None


def _sheet_notes(
    importer: Importer, workbook: Workbook, layout: Layout, sheet_name: str | None
) -> list[str]:
    """Which sheet was read, when the choice was not obvious: others holding the table, and
    hidden sheets left unread."""
    notes = []
    if layout.also_matched:
        others = " and ".join(f"‘{name}’" for name in layout.also_matched)
        why = (
            "the sheet open when the workbook was saved"
            if layout.sheet.name == workbook.active
            else "the fullest match"
        )
        notes.append(
            f"Sheets {others} also hold a {importer.title} table: Boardpack read "
            f"‘{layout.sheet.name}’, {why}. Choose another sheet to read it instead."
        )
    hidden = [s.name for s in workbook.sheets if s.hidden and s.name != layout.sheet.name]
    if hidden and not sheet_name:
        names = " and ".join(f"‘{name}’" for name in hidden)
        several = len(hidden) > 1
        notes.append(
            f"The hidden sheet{'s' if several else ''} {names} {'were' if several else 'was'} "
            "not read. Choose one to read it instead."
        )
    if layout.sheet.hidden:
        notes.append(f"‘{layout.sheet.name}’ is a hidden sheet: it is read because you chose it.")
    return notes


def import_run_choose_sheet(*, run: ImportRun, sheet_name: str) -> None:
    """Read the run's file from the sheet the user picked (the column match starts afresh)."""
    if run.may_change and run.sheet_name != sheet_name:
        run.sheet_name = sheet_name[:100]
        run.mapping = {}
        _save_choice(run, "sheet_name", "mapping")


def _save_choice(run: ImportRun, *fields: str) -> None:
    """Save a choice of the user's; a background check made before it is to be made again."""
    run.plan_data = b""
    run.error = ""
    run.save(update_fields=[*fields, "plan_data", "error", "updated_at"])


def _with_unit(context: ImportContext, unit: Unit | None) -> ImportContext:
    """The context a table is planned in: its amounts in the unit its sheet was read in."""
    return dataclasses.replace(context, unit=unit)


def _known(importer: Importer, key: str) -> bool:
    return any(c.key == key for c in importer.columns)


def apply_plan(*, importer: Importer, context: ImportContext, plan: Plan) -> None:
    """Write the whole plan in one transaction; refuse any plan with a problem."""
    if plan.problems:
        raise ImportRefused("The import has problems: nothing was written.", plan.problems)
    try:
        with gc_paused(), transaction.atomic():
            importer.write(context, plan)
    except ApplyFailed as failed:
        plan.problems.extend(failed.problems)
        raise ImportRefused(
            "Boardpack refused a change: nothing was written.", failed.problems
        ) from failed


# Upload records ----------------------------------------------------------------------


def import_run_create(
    *,
    organisation: Any,
    period: Any,
    dataset: str,
    user: Any,
    file_name: str,
    data: bytes,
    unit: str = "",
    sheet_name: str = "",
    add_new: bool = False,
    source: str = ImportRun.Source.WEB,
    keep_file: bool = True,
) -> ImportRun:
    """The record of an import of ``data``: its size and digest always, the file itself
    unless ``keep_file`` is False (a command's file is on disk already)."""
    return ImportRun.objects.create(
        organisation=organisation,
        period=period,
        dataset=dataset,
        user=user,
        source=source,
        file_name=file_name[:255],
        file_size=len(data),
        file_sha256=hashlib.sha256(data).hexdigest(),
        file_data=data if keep_file else b"",
        background=rows_before_reading(data) > settings.BOARDPACK_IMPORT_BACKGROUND_ROWS,
        unit=unit,
        sheet_name=sheet_name[:100],
        add_new=add_new,
    )


def run_context(run: ImportRun, progress: ProgressCallback | None = None) -> ImportContext:
    return ImportContext(
        organisation=run.organisation,
        period=run.period,
        unit=Unit(run.unit) if run.unit else None,
        user=run.user,
        add_new=run.add_new,
        progress=progress,
    )


OUTCOME_FIELDS = [
    "status",
    "problems",
    "problem_count",
    "new_count",
    "changed_count",
    "unchanged_count",
    "plan_fingerprint",
    "updated_at",
]


def import_run_prepare(
    *, run: ImportRun, importer: Importer, progress: ProgressCallback | None = None
) -> Preparation:
    """Read, map and validate the run's file; record the outcome on the run."""
    preparation = _prepare_run(run, importer, progress)
    run.save(update_fields=OUTCOME_FIELDS)
    return preparation


def _prepare_run(
    run: ImportRun, importer: Importer, progress: ProgressCallback | None = None
) -> Preparation:
    """The run's file read, mapped and validated; its outcome set on ``run`` (not saved)."""
    preparation = prepare_import(
        importer=importer,
        context=run_context(run, progress),
        data=bytes(run.file_data),
        file_name=run.file_name,
        sheet_name=run.sheet_name or None,
        mapping={k: int(v) for k, v in run.mapping.items()} if run.mapping else None,
        table=run.table,
    )
    plan = preparation.plan
    if preparation.needs_mapping:
        run.status = ImportRun.Status.NEEDS_MAPPING
    elif plan.problems:
        run.status = ImportRun.Status.REFUSED
    else:
        run.status = ImportRun.Status.READY
    run.problems = [p.as_dict() for p in plan.problems]
    run.problem_count = len(plan.problems)
    run.new_count, run.changed_count = plan.new_count, plan.changed_count
    run.unchanged_count = plan.unchanged_count
    run.plan_fingerprint = plan.fingerprint() if plan.ok else ""
    return preparation


def import_run_map(
    *, run: ImportRun, importer: Importer, layout: Layout, mapping: dict[str, int], user: Any
) -> None:
    """Use ``mapping`` for this run's table and remember it for the next file laid out the
    same way."""
    run.mapping = mapping
    run.sheet_name = layout.sheet.name
    _save_choice(run, "mapping", "sheet_name")
    SavedLayout.objects.update_or_create(
        organisation=run.organisation,
        dataset=importer.name,
        table=run.table,
        signature=layout.signature,
        defaults={"headers": layout.headers, "mapping": mapping, "saved_by": user},
    )


def import_run_apply(
    *,
    run: ImportRun,
    importer: Importer,
    fingerprint: str,
    confirmed: bool = False,
    progress: ProgressCallback | None = None,
) -> Plan:
    """Re-read the stored file, check it is still the plan the user previewed, and apply it.

    A plan with implausible figures (``plan.warnings``) is applied only when ``confirmed``.
    The run's row is locked (``select_for_update``) until the transaction ends, so a double
    submission (two clicks, two tabs) waits for the first and then finds the run applied: it
    applies once. What the run records of a refusal is kept.
    """
    refusal: ImportRefused | None = None
    with transaction.atomic():
        locked = ImportRun.objects.select_for_update().get(pk=run.pk)
        if not locked.is_open:
            run.status = locked.status
            raise ImportRefused(f"This import is already {locked.get_status_display().lower()}.")
        preparation = import_run_prepare(run=locked, importer=importer, progress=progress)
        plan = preparation.plan
        if plan.problems:
            refusal = ImportRefused("The import has problems: nothing was written.", plan.problems)
        elif plan.warnings and not confirmed:
            refusal = ImportRefused(
                "Some figures are far larger than a council's: confirm you have checked them "
                "(or correct the unit) before applying. Nothing was written.",
                plan.warnings,
            )
        elif plan.fingerprint() != fingerprint:
            refusal = ImportRefused(
                "The figures in Boardpack changed since you previewed this import. "
                "Check the preview again before applying."
            )
        else:
            try:
                with transaction.atomic():
                    importer.write(run_context(locked, progress), plan)
                    locked.status = ImportRun.Status.APPLIED
                    locked.applied_at = timezone.now()
                    locked.save(update_fields=["status", "applied_at", "updated_at"])
            except ApplyFailed as failed:
                locked.status = ImportRun.Status.REFUSED
                locked.problems = [p.as_dict() for p in failed.problems]
                locked.problem_count = len(failed.problems)
                locked.save(update_fields=["status", "problems", "problem_count", "updated_at"])
                refusal = ImportRefused(
                    "Boardpack refused a change: nothing was written.", failed.problems
                )
                refusal.__cause__ = failed
    run.refresh_from_db()
    if refusal is not None:
        raise refusal
    return plan


def import_run_choose_table(*, run: ImportRun, importer: Importer, table: str) -> None:
    """Read the run's file as one of the dataset's tables (``""``: its main table), as the user
    says it holds; the column match starts afresh."""
    if table and not any(t.key == table for t in importer.tables):
        raise ValueError(f"{importer.title} has no table {table!r}")
    if run.may_change and run.table != table:
        run.table = table
        run.mapping = {}
        _save_choice(run, "table", "mapping")


def import_run_choose_add_new(*, run: ImportRun, add_new: bool) -> None:
    """The user's explicit choice, on the preview, to add (or not) what Boardpack lacks."""
    if run.may_change and run.add_new != add_new:
        run.add_new = add_new
        _save_choice(run, "add_new")


def import_run_choose_unit(*, run: ImportRun, unit: str) -> None:
    """The unit the user says the file's amounts are in ("" for what the headings say)."""
    value = Unit.parse(unit).value if unit else ""
    if run.may_change and run.unit != value:
        run.unit = value
        _save_choice(run, "unit")


def import_run_cancel(*, run: ImportRun) -> None:
    if run.may_change:
        run.status = ImportRun.Status.CANCELLED
        run.file_data = b""
        run.plan_data = b""
        run.save(update_fields=["status", "file_data", "plan_data", "updated_at"])


# Large files, checked and applied by a background task ---------------------------------

UNEXPECTED = (
    "Boardpack could not finish {doing} the file because of an error of its own "
    "({error}): nothing was written. Try again; if it happens again, tell the Boardpack team."
)


def import_run_progress(run_id: int) -> ProgressCallback:
    """Record how far a background task has gone on the run, for its page to show."""

    def report(stage: str, done: int, total: int) -> None:
        ImportRun.objects.filter(pk=run_id).update(stage=stage, done=done, total=total)

    return report


def _start_task(run: ImportRun, status: str) -> None:
    """Mark the run as being worked on, unless it is already or is closed (row locked, so two
    clicks start one task)."""
    with transaction.atomic():
        locked = ImportRun.objects.select_for_update().get(pk=run.pk)
        if not locked.may_change:
            raise ImportRefused(f"This import is already {locked.get_status_display().lower()}.")
        locked.status = status
        locked.stage, locked.done, locked.total, locked.error = STAGE_QUEUED, 0, 0, ""
        locked.save(update_fields=["status", "stage", "done", "total", "error", "updated_at"])


def import_run_plan_later(*, run: ImportRun) -> None:
    """Queue the check of a large file (read, map, validate, plan) as a background task."""
    from boardpack.imports.tasks import plan_import_run

    _start_task(run, ImportRun.Status.PLANNING)
    # Outside the transaction, so the worker finds the run marked.
    plan_import_run.enqueue(run.pk)
    run.refresh_from_db()


def import_run_apply_later(*, run: ImportRun, fingerprint: str, confirmed: bool) -> None:
    """Queue the apply of a large file as a background task: the same checks as
    ``import_run_apply``, which the task runs."""
    from boardpack.imports.tasks import apply_import_run

    _start_task(run, ImportRun.Status.APPLYING)
    apply_import_run.enqueue(run.pk, fingerprint, confirmed)
    run.refresh_from_db()


def import_run_plan_task(run_id: int) -> None:
    """The plan task's body: check the file, reporting progress, and keep the plan for the
    preview page."""
    from boardpack.imports import registry

    run = ImportRun.objects.select_related("organisation", "period", "user").get(pk=run_id)
    try:
        preparation = _prepare_run(run, registry.get(run.dataset), import_run_progress(run_id))
        data = pickle.dumps(preparation)
    except Exception as exc:  # recorded and shown, never lost
        logger.exception("Checking import run %s failed", run_id)
        ImportRun.objects.filter(pk=run_id, status=ImportRun.Status.PLANNING).update(
            status=ImportRun.Status.REFUSED,
            stage="",
            plan_data=b"",
            error=UNEXPECTED.format(doing="checking", error=type(exc).__name__),
        )
        return
    # Unless the run was cancelled meanwhile.
    ImportRun.objects.filter(pk=run_id, status=ImportRun.Status.PLANNING).update(
        **{f: getattr(run, f) for f in OUTCOME_FIELDS if f != "updated_at"},
        stage="",
        plan_data=data,
        updated_at=timezone.now(),
    )


def import_run_apply_task(run_id: int, fingerprint: str, confirmed: bool) -> None:
    """The apply task's body: ``import_run_apply`` (checked again, all or nothing, row
    locked); a refusal or failure is recorded on the run for its page to say."""
    from boardpack.imports import registry

    run = ImportRun.objects.select_related("organisation", "period", "user").get(pk=run_id)
    # Inside apply's transaction the counts are not seen by others until it ends: say so.
    ImportRun.objects.filter(pk=run_id).update(stage=STAGE_APPLYING, done=0, total=0)
    error = ""
    try:
        import_run_apply(
            run=run,
            importer=registry.get(run.dataset),
            fingerprint=fingerprint,
            confirmed=confirmed,
            progress=import_run_progress(run_id),
        )
    except ImportRefused as refused:
        error = str(refused)
    except Exception as exc:
        logger.exception("Applying import run %s failed", run_id)
        error = UNEXPECTED.format(doing="applying", error=type(exc).__name__)
    if error:
        # Nothing was written; the file is to be checked again before another try.
        ImportRun.objects.filter(pk=run_id).exclude(status=ImportRun.Status.APPLIED).update(
            status=ImportRun.Status.REFUSED, stage="", plan_data=b"", error=error
        )
    else:  # the plan kept for the preview is no longer needed
        ImportRun.objects.filter(pk=run_id).update(stage="", plan_data=b"")


def import_run_preparation(run: ImportRun) -> Preparation | None:
    """The plan a background task made for the run, or None when there is none (yet)."""
    if not run.plan_data:
        return None
    preparation: Preparation = pickle.loads(bytes(run.plan_data))  # noqa: S301 - our own
    return preparation
