"""The data version: a number that every write to Boardpack's data moves on, whatever wrote it.

Stored pages (``core.page_cache``) are keyed by it. Signals would miss ``bulk_create``,
``QuerySet.update``, PostgreSQL ``COPY`` and raw SQL, so the database itself keeps it: after
every ``migrate`` (and ``flush``) each table of Boardpack's apps and of Django's auth gets a
trigger that, after any insert, update or delete (and truncate, on PostgreSQL), upserts the one
row of ``core_dataversion``:

    INSERT INTO core_dataversion (id, number, epoch) VALUES (1, 1, <random>)
    ON CONFLICT (id) DO UPDATE SET number = core_dataversion.number + 1

The upsert makes the row again if it was deleted (a flush), with a new random epoch. The row is
written in the writer's transaction, so a reader sees the old version until the writer commits.
Tables written while merely reading pages (sessions, sign-in throttling, the task queue,
migrations) have no trigger, nor has the version's own table. See docs/decisions/0014.
"""

from __future__ import annotations

from typing import Any

from django.apps import AppConfig, apps
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper

from boardpack.core.models import DataVersion

TABLE = DataVersion._meta.db_table
# The apps whose tables hold what pages show: Boardpack's own, and auth's groups and
# permissions (user names, roles and memberships are in Boardpack's accounts app).
EXTRA_APPS = ("auth",)
FUNCTION = "boardpack_data_version_bump"
TRIGGER = "boardpack_data_version"  # PostgreSQL: one name, per table
SQLITE_PREFIX = "boardpack_dv_"  # SQLite: trigger names are the schema's, one per table and event

UPSERT = (
    "INSERT INTO {table} (id, number, epoch) VALUES (1, 1, {random}) "
    "ON CONFLICT (id) DO UPDATE SET number = {table}.number + 1"
)
# A new epoch: a random whole number below 2**31.
RANDOM = {
    "postgresql": "floor(random() * 2147483647)::bigint",
    "sqlite": "abs(random() % 2147483647)",
}


def watched_tables() -> list[str]:
    """The tables whose writes change the version: every table of Boardpack's apps and auth's."""
    tables: set[str] = set()
    for config in apps.get_app_configs():
        if not (config.name.startswith("boardpack.") or config.label in EXTRA_APPS):
            continue
        for model in config.get_models(include_auto_created=True):
            meta = model._meta
            if meta.managed and not meta.proxy and meta.db_table != TABLE:
                tables.add(meta.db_table)
    return sorted(tables)


def install_triggers(connection: BaseDatabaseWrapper) -> int:
    """Give every watched table that exists its trigger (again); returns how many tables."""
    existing = set(connection.introspection.table_names())
    tables = [t for t in watched_tables() if t in existing]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            _install_postgresql(cursor, connection, tables)
        elif connection.vendor == "sqlite":
            _install_sqlite(cursor, connection, tables)
        else:  # pragma: no cover - Boardpack runs on SQLite and PostgreSQL only
            raise NotImplementedError(f"No data-version triggers for {connection.vendor}")
    return len(tables)


def _install_postgresql(cursor: Any, connection: BaseDatabaseWrapper, tables: list[str]) -> None:
    table = connection.ops.quote_name(TABLE)
    upsert = UPSERT.format(table=table, random=RANDOM["postgresql"])
    cursor.execute(
        f"CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN {upsert}; RETURN NULL; END $$"
    )
    for name in tables:
        cursor.execute(
            f"CREATE OR REPLACE TRIGGER {TRIGGER} "
            f"AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {connection.ops.quote_name(name)} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {FUNCTION}()"
        )


def _install_sqlite(cursor: Any, connection: BaseDatabaseWrapper, tables: list[str]) -> None:
    # SQLite has no statement triggers: a row trigger for each event.
    upsert = UPSERT.format(table=connection.ops.quote_name(TABLE), random=RANDOM["sqlite"])
    for name in tables:
        for event in ("INSERT", "UPDATE", "DELETE"):
            trigger = connection.ops.quote_name(f"{SQLITE_PREFIX}{name}_{event.lower()}")
            cursor.execute(
                f"CREATE TRIGGER IF NOT EXISTS {trigger} AFTER {event} "
                f"ON {connection.ops.quote_name(name)} FOR EACH ROW BEGIN {upsert}; END"
            )


def bump(connection: BaseDatabaseWrapper) -> None:
    """Move the version on by hand: after a migrate, which may rebuild tables without triggers."""
    random = RANDOM[connection.vendor]
    with connection.cursor() as cursor:
        cursor.execute(UPSERT.format(table=connection.ops.quote_name(TABLE), random=random))


def current(using: str = "default") -> str:
    """The version as ``epoch:number`` (``0:0`` before any write): one query."""
    row = DataVersion.objects.using(using).filter(pk=1).values_list("epoch", "number").first()
    return f"{row[0]}:{row[1]}" if row else "0:0"


def after_migrate(sender: AppConfig, using: str = "default", **kwargs: Any) -> None:
    """``post_migrate`` (sent after every migrate and flush): triggers on every table, again."""
    connection = connections[using]
    install_triggers(connection)
    bump(connection)
