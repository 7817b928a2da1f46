"""A dataset's importer, and the further tables it may declare."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from django.core.exceptions import ValidationError

from boardpack.imports.amounts import Unit, format_amount
from boardpack.imports.framework.bulk import change_problems
from boardpack.imports.framework.columns import Column, looks_like_total
from boardpack.imports.framework.plan import (
    ApplyFailed,
    Change,
    ImportContext,
    Plan,
    Record,
    Stage,
)
from boardpack.imports.problems import Problem
from boardpack.imports.readers import MAX_ROWS

if TYPE_CHECKING:
    from boardpack.imports.framework.layouts import Layout

# A row's cells (the whole row, as the sheet holds it) → its values keyed by column, or None.
QuickReader = Callable[[list[Any]], dict[str, Any] | None]


class TableShape(Protocol):
    """What finding and reading a table needs: an importer's main table, or a further one."""

    @property
    def title(self) -> str: ...

    @property
    def columns(self) -> tuple[Column, ...]: ...

    @property
    def unit(self) -> Unit: ...

    @property
    def default_unit(self) -> Unit: ...

    def column(self, key: str) -> Column: ...

    def skip_row(self, record: Record, cells: list[Any]) -> str | None: ...

    def quick_reader(self, layout: Layout) -> QuickReader | None: ...


@dataclass(frozen=True)
class Table:
    """A further table of a dataset, on a sheet of its own.

    A workbook's sheet is this table's when its name holds one of ``sheet_words`` (the DSG
    export's ``allocation``), or else when a header row in it has every required column. A CSV
    file holds one table, always read as the dataset's main one.
    """

    key: str
    title: str
    columns: tuple[Column, ...]
    sheet_words: tuple[str, ...]
    guidance: str = ""
    unit: Unit = Unit.POUNDS
    default_unit: Unit = Unit.POUNDS
    keep_totals: bool = False  # a stated total row is data (kept and checked), not skipped
    fields_shown: tuple[tuple[str, str], ...] = ()
    # What the table costs beyond its columns: its rules, as three functions. ``plan`` adds
    # the rows' changes and problems to the plan (given the importer, for what the dataset's
    # tables share, such as how a DSG block is named); ``write`` writes one change with the
    # domain's service; ``rows`` gives the period's figures for a template.
    plan: Callable[[Any, ImportContext, list[Record], Plan], None] | None = None
    write: Callable[[ImportContext, Change], None] | None = None
    rows: Callable[[ImportContext], list[dict[str, Any]]] | None = None

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    def skip_row(self, record: Record, cells: list[Any]) -> str | None:
        return "total" if not self.keep_totals and looks_like_total(cells) else None

    def quick_reader(self, layout: Layout) -> QuickReader | None:
        return None


class Importer:
    """Base for a dataset's importer. Subclasses set the class attributes and implement
    ``plan``, ``apply`` and, for a template with figures, ``current_rows``; a dataset with
    further ``tables`` also ``plan_table`` and ``table_rows``."""

    name: ClassVar[str]
    title: ClassVar[str]
    columns: ClassVar[tuple[Column, ...]]
    unit: ClassVar[Unit] = Unit.POUNDS  # the unit the domain stores amounts in
    default_unit: ClassVar[Unit] = Unit.POUNDS  # the unit a sheet is taken to be in
    guidance: ClassVar[str] = ""
    tables: ClassVar[tuple[Table, ...]] = ()
    # Rows of figures ``boardpack import`` takes from one file; uploads take ``MAX_ROWS``.
    command_max_rows: ClassVar[int] = MAX_ROWS

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    def skip_row(self, record: Record, cells: list[Any]) -> str | None:
        """Why a row is not data (a total row), or None when it is. ``cells`` is the whole row,
        mapped or not: a tracker may write TOTALS in a column it does not head."""
        return "total" if looks_like_total(cells) else None

    def quick_reader(self, layout: Layout) -> QuickReader | None:
        """A reader of a sheet's plain rows, for a dataset whose files run to many thousands
        of rows: given a row's cells, their values exactly as ``read_cell`` reads them, or
        None at the first doubt (the row is then read cell by cell). It must return values
        only for a row of data: one ``skip_row`` would keep, neither blank nor a note under
        the table (two cells of text or more), in a table without amounts or a period."""
        return None

    def plan(self, context: ImportContext, records: list[Record], plan: Plan) -> None:
        raise NotImplementedError

    def plan_table(
        self, table: Table, context: ImportContext, records: list[Record], plan: Plan
    ) -> None:
        """Add the changes and problems of one of ``tables`` to the plan (its ``plan``)."""
        if table.plan is None:
            raise NotImplementedError(f"{self.name}: table {table.key!r} declares no plan")
        table.plan(self, context, records, plan)

    def table_rows(self, table: Table, context: ImportContext) -> list[dict[str, Any]]:
        """One of ``tables``' figures for the period, as template rows keyed by column."""
        return table.rows(context) if table.rows is not None else []

    def write_change(self, context: ImportContext, change: Change) -> None:
        """Write one change: a further table's with the table's ``write``, the main table's
        with ``apply_change``."""
        table = next((t for t in self.tables if t.key == change.table), None)
        if table is not None and table.write is not None:
            table.write(context, change)
        else:
            self.apply_change(context, change)

    def plan_stated_totals(self, context: ImportContext, totals: list[Record], plan: Plan) -> None:
        """Keep the main table's stated totals and subtotals (reconciled already, each with the
        rows it ``adds_up``) as ``plan.stated_totals``; a dataset with nowhere to keep them
        leaves this as it is."""

    def apply_stated_total(self, context: ImportContext, change: Change) -> None:
        raise NotImplementedError

    def write(self, context: ImportContext, plan: Plan) -> None:
        """Write the plan: its lines (``apply``), then the stated totals it keeps. Call inside
        ``transaction.atomic()``; ``ApplyFailed`` when the domain refuses any of it."""
        self.apply(context, plan)
        problems: list[Problem] = []
        for change in plan.stated_to_write:
            try:
                self.apply_stated_total(context, change)
            except ValidationError as exc:
                problems += change_problems(change, exc)
        if problems:
            raise ApplyFailed(problems)

    def apply(self, context: ImportContext, plan: Plan) -> None:
        """Write every change; call inside ``transaction.atomic()``. Any refusal by the domain's
        services is collected, and ``ApplyFailed`` raised at the end so nothing is kept."""
        problems: list[Problem] = []
        changes = plan.to_write
        for number, change in enumerate(changes, start=1):
            context.report(Stage.WRITING, number, len(changes))
            try:
                self.write_change(context, change)
            except ValidationError as exc:
                problems += change_problems(change, exc)
        if problems:
            raise ApplyFailed(problems)

    def apply_change(self, context: ImportContext, change: Change) -> None:
        raise NotImplementedError

    def current_rows(self, context: ImportContext) -> list[dict[str, Any]]:
        """The period's figures as template rows keyed by column, in ``self.unit``."""
        return []

    # Shared helpers for subclasses ------------------------------------------------------

    def money_text(self, value: Decimal | None) -> str:
        return format_amount(value, unit=self.unit)
