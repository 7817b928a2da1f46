"""Many figures written at once, each with its history row, as plain rows (decision 0013).

An import of 200,000 figures must commit in seconds; Django spends ~100 µs building the INSERT
of one model instance and its django-simple-history row. Here a figure is a tuple in
``FIGURE_FIELDS`` order, already checked, and its history row is the figure as stored with the
moment, no change reason, the history type and the user after it — what
``bulk_create_with_history`` and ``bulk_update_with_history`` write, row for row. PostgreSQL
takes the figures by ``COPY``, SQLite by ``executemany``; then the database copies each
written figure into its history row (``INSERT … SELECT``), so no row is sent twice. New
figures get their ids first (from the table's sequence on PostgreSQL, after the first insert on
SQLite). Everything happens in the caller's transaction: a refusal anywhere leaves nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from django.db import connection, transaction

from boardpack.performance.models import Observation

# A figure's columns, as a row holds them (``breakdown`` as its JSON text).
FIGURE_FIELDS = (
    "indicator_id",
    "date",
    "period_label",
    "area",
    "breakdown",
    "breakdown_key",
    "value",
    "places",
    "qualifier",
    "as_written",
    "source_id",
    "commentary",
)
HISTORY_EXTRA = ("history_date", "history_change_reason", "history_type", "history_user_id")
HISTORY_FIELDS = ("id", *FIGURE_FIELDS, *HISTORY_EXTRA)
CREATED, CHANGED = "+", "~"
HISTORY_BATCH = 500  # figures' ids in one query on SQLite (it takes 999 parameters at most)
Row = tuple[Any, ...]


def _columns_agree() -> None:
    """The rows must name every column of both tables: a field added to ``Observation`` (or a
    newer django-simple-history's extra column) stops bulk writes until it is added here."""
    figure = {f.attname for f in Observation._meta.concrete_fields} - {"id"}
    history_model = Observation.history.model  # type: ignore[attr-defined]
    history = {f.attname for f in history_model._meta.concrete_fields} - {"history_id"}
    if figure != set(FIGURE_FIELDS) or history != set(HISTORY_FIELDS):
        raise RuntimeError(
            "performance.bulk's columns no longer match the Observation tables: "
            f"{sorted(figure ^ set(FIGURE_FIELDS))} {sorted(history ^ set(HISTORY_FIELDS))}"
        )


_columns_agree()
FIGURE_TABLE = Observation._meta.db_table
HISTORY_TABLE = Observation.history.model._meta.db_table  # type: ignore[attr-defined]


def figures_write(
    *, new: Sequence[Row], changed: Sequence[Row], user_id: int | None, when: dt.datetime
) -> list[int]:
    """Insert ``new`` figures (rows in ``FIGURE_FIELDS`` order) and update ``changed`` ones
    (the same with the figure's id first), and write a history row for each: created (+) or
    changed (~), by ``user_id``, at ``when``. Returns the new figures' ids, in order."""
    if not new and not changed:
        return []
    with transaction.atomic(), connection.cursor() as cursor:
        ids = _insert(cursor, new)
        if changed:
            settings = ", ".join(f"{_q(f)} = %s" for f in FIGURE_FIELDS)
            cursor.executemany(
                f"UPDATE {_q(FIGURE_TABLE)} SET {settings} WHERE {_q('id')} = %s",
                [(*row[1:], row[0]) for row in changed],
            )
        when_db = connection.ops.adapt_datetimefield_value(when)
        _history(cursor, ids, CREATED, user_id, when_db)
        _history(cursor, [row[0] for row in changed], CHANGED, user_id, when_db)
    return ids


def _insert(cursor: Any, rows: Sequence[Row]) -> list[int]:
    """Insert figures, each with an id given here; their ids."""
    if not rows:
        return []
    if connection.vendor == "postgresql":
        # The sequence is named once: pg_get_serial_sequence in the select list would be
        # evaluated (a catalogue look-up) for every id, most of the time of this query.
        cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [FIGURE_TABLE])
        (sequence,) = cursor.fetchone()
        cursor.execute("SELECT nextval(%s) FROM generate_series(1, %s)", [sequence, len(rows)])
        ids = [pk for (pk,) in cursor.fetchall()]
        rest, rest_ids = rows, ids
    else:
        # The first insert takes SQLite's write lock and the table's next id (AUTOINCREMENT:
        # above every id ever used); no other connection can insert until this transaction
        # ends, so the ids after it are free.
        placeholders = ", ".join(["%s"] * len(FIGURE_FIELDS))
        cursor.execute(
            f"INSERT INTO {_q(FIGURE_TABLE)} ({_names(FIGURE_FIELDS)}) VALUES ({placeholders})",
            rows[0],
        )
        ids = list(range(cursor.lastrowid, cursor.lastrowid + len(rows)))
        rest, rest_ids = rows[1:], ids[1:]
    _copy_or_insert(
        cursor,
        FIGURE_TABLE,
        ("id", *FIGURE_FIELDS),
        [(pk, *row) for pk, row in zip(rest_ids, rest, strict=True)],
    )
    return ids


def _history(
    cursor: Any, ids: Sequence[int], history_type: str, user_id: int | None, when: Any
) -> None:
    """A history row for each figure of ``ids``, copied by the database from the figure as it
    now stands (the row just written), in the order of their ids: the figures' rows are not
    sent a second time, nor parsed again."""
    if not ids:
        return
    figure = _names(("id", *FIGURE_FIELDS))
    insert = (
        f"INSERT INTO {_q(HISTORY_TABLE)} ({figure}, {_names(HISTORY_EXTRA)}) "
        f"SELECT {figure}, %s, NULL, %s, %s FROM {_q(FIGURE_TABLE)} WHERE {_q('id')} "
    )
    if connection.vendor == "postgresql":
        cursor.execute(insert + "= ANY(%s) ORDER BY 1", [when, history_type, user_id, list(ids)])
        return
    for start in range(0, len(ids), HISTORY_BATCH):
        batch = ids[start : start + HISTORY_BATCH]
        placeholders = ", ".join(["%s"] * len(batch))
        cursor.execute(
            insert + f"IN ({placeholders}) ORDER BY 1", [when, history_type, user_id, *batch]
        )


def _copy_or_insert(cursor: Any, table: str, fields: Sequence[str], rows: Iterable[Row]) -> None:
    if connection.vendor == "postgresql":
        # psycopg 3's COPY; its errors become Django's (IntegrityError) as the ORM's would.
        with connection.wrap_database_errors:
            with cursor.cursor.copy(f"COPY {_q(table)} ({_names(fields)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        return
    placeholders = ", ".join(["%s"] * len(fields))
    cursor.executemany(
        f"INSERT INTO {_q(table)} ({_names(fields)}) VALUES ({placeholders})", list(rows)
    )


def _q(name: str) -> str:
    return connection.ops.quote_name(name)


def _names(fields: Iterable[str]) -> str:
    return ", ".join(_q(f) for f in fields)
