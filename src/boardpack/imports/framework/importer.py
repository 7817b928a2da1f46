"""A dataset's importer, and the further tables it may declare."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar, Protocol

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

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    def skip_row(self, record: Record, cells: list[Any]) -> str | None:
        return "total" if not self.keep_totals and looks_like_total(cells) else None


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

    def plan(self, context: ImportContext, records: list[Record], plan: Plan) -> None:
        raise NotImplementedError

    def plan_table(
        self, table: Table, context: ImportContext, records: list[Record], plan: Plan
    ) -> None:
        """Add the changes and problems of one of ``tables`` to the plan."""
        raise NotImplementedError

    def table_rows(self, table: Table, context: ImportContext) -> list[dict[str, Any]]:
        """One of ``tables``' figures for the period, as template rows keyed by column."""
        return []

    def apply(self, context: ImportContext, plan: Plan) -> None:
        """Write every change; call inside ``transaction.atomic()``. Any refusal by the domain's
        services is collected, and ``ApplyFailed`` raised at the end so nothing is kept."""
        problems: list[Problem] = []
        changes = plan.to_write
        for number, change in enumerate(changes, start=1):
            context.report(Stage.WRITING, number, len(changes))
            try:
                self.apply_change(context, change)
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
