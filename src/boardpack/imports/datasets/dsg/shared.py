"""What the DSG tables share: the block column and a further table's change."""

from __future__ import annotations

from typing import Any

from boardpack.imports.framework import Change, Column, Record, Table


def block_column(help: str) -> Column:
    """The DSG block a row is for, named as the council's reports name it."""
    return Column(
        "block",
        "DSG block",
        required=True,
        help=help,
        aliases=("block", "dsg", "grant block", "dsg block name"),
    )


def table_change(
    *,
    record: Record,
    key: str,
    label: str,
    existing: dict[str, Any] | None,
    values: dict[str, Any],
    before: dict[str, str],
    after: dict[str, str],
    payload: dict[str, Any],
    table: Table,
) -> Change:
    """A row of a further table as a change: new, changed or unchanged against ``existing``."""
    if existing is None:
        action = Change.NEW
    elif any(existing[k] != v for k, v in values.items()):
        action = Change.CHANGED
    else:
        action = Change.UNCHANGED
    return Change(
        action=action,
        key=f"{table.key}:{key}",
        label=label,
        row=record.row,
        before=before,
        after=after,
        payload=payload,
        table=table.key,
        sheet=record.sheet,
    )
