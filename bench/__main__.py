"""Benchmarks: ``make bench`` (``python -m bench``). Speed is measured here, never in tests.

It prints one table: a row per figure, with its median, min and max (p95 and p99 for loads),
its target beside it and a pass/fail mark. A figure that could not be measured (a page that did
not answer 200, a server that did not start) is an error row, and the exit status is then 1.

How modules plug in: every module in ``bench/`` that defines ``rows()`` is run, in the order of
its ``ORDER`` (default 50), then its name. ``rows(quick: bool = False)`` returns an iterable of
``bench.table.Row`` or ``(name, figure, target, ok)`` tuples. It is called with Django set up on
the main bench database, a copy of the demo (SQLite, or PostgreSQL when ``DATABASE_URL`` names
one); a module may change that database, and later modules see the change (hence ``ORDER``).
A module whose ``rows()`` takes no ``quick`` is left out of ``--quick``. A module that needs the
servers' databases says so with ``NEEDS = ("postgresql", "10x demo")`` and reads them from
``bench.harness.context()``.

Options: ``--quick`` (a small subset: one server, two pages, 1 s each, SQLite only),
``--duration S`` (seconds of load per page), ``--only a,b`` / ``--skip a,b`` (module names),
``--no-postgres``, ``--database FILE`` (a SQLite database with the demo already loaded, which
saves migrating), ``--keep`` (keep the temporary folder and its server logs).
"""

from __future__ import annotations

import argparse
import ast
import importlib
import inspect
import os
import pkgutil
import platform
import shutil
import sqlite3
import sys
import time
import traceback
from pathlib import Path
from types import ModuleType

from bench import harness
from bench.table import Row, as_row, render, summary

HELPERS = {"__main__", "harness", "loadgen", "prepare", "bigdata", "table", "measuring"}


def _say(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small subset, to see it runs")
    parser.add_argument("--duration", type=float, help="seconds of load per page (5; quick 1)")
    parser.add_argument("--only", default="", help="comma-separated module names to run")
    parser.add_argument("--skip", default="", help="comma-separated module names to leave out")
    parser.add_argument("--no-postgres", action="store_true", help="SQLite only")
    parser.add_argument("--database", type=Path, help="a SQLite file with the demo loaded")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)
    if args.duration is None:
        args.duration = 1.0 if args.quick else 5.0
    if args.duration <= 0:
        parser.error("--duration must be positive")
    if args.database is not None and not args.database.is_file():
        parser.error(f"--database {args.database}: no such file")
    return args


def module_names(args: argparse.Namespace) -> list[str]:
    import bench

    names = sorted(m.name for m in pkgutil.iter_modules(bench.__path__) if m.name not in HELPERS)
    only = {n.strip() for n in args.only.split(",") if n.strip()}
    skip = {n.strip() for n in args.skip.split(",") if n.strip()}
    unknown = (only | skip) - set(names)
    if unknown:
        raise SystemExit(
            f"no bench module {', '.join(sorted(unknown))} (there are {', '.join(names)})"
        )
    return [n for n in names if (not only or n in only) and n not in skip]


def _needs(names: list[str]) -> set[str]:
    """What the chosen modules need prepared besides the demo on SQLite (read without Django)."""
    needs: set[str] = set()
    for name in names:
        path = Path(__file__).with_name(f"{name}.py")
        if not path.is_file():
            continue
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "NEEDS" for t in node.targets
            ):
                needs |= set(ast.literal_eval(node.value))
    return needs


def prepare(args: argparse.Namespace, ctx: harness.Context, names: list[str]) -> harness.Databases:
    original_url = os.environ.get("DATABASE_URL", "").strip()
    needs = _needs(names)
    postgres_base = None
    wants_postgres = (
        not args.quick
        and not args.no_postgres
        and ("postgresql" in needs or harness.is_postgres(original_url))
    )
    if wants_postgres:
        postgres_base, note = harness.postgres_server(original_url)
        ctx.notes.append(note)
        if postgres_base is None and harness.is_postgres(original_url):
            raise SystemExit(f"DATABASE_URL names PostgreSQL, but: {note}")
    dbs = harness.Databases(ctx, postgres_base)
    started = time.perf_counter()
    sessions = str(harness.SESSIONS)
    jobs = []
    sqlite_url = dbs.new("sqlite", "demo")
    if args.database is not None:
        shutil.copyfile(args.database, Path(sqlite_url.removeprefix("sqlite:///")))
        jobs.append(
            ("sqlite", sqlite_url, harness.start_prepare(ctx, sqlite_url, "--sessions", sessions))
        )
    else:
        jobs.append(
            (
                "sqlite",
                sqlite_url,
                harness.start_prepare(ctx, sqlite_url, "--migrate", "--sessions", sessions),
            )
        )
    if postgres_base is not None:
        url = dbs.new("postgresql", "demo")
        jobs.append(
            (
                "postgresql",
                url,
                harness.start_prepare(ctx, url, "--migrate", "--sessions", sessions),
            )
        )
    _say(f"migrating and loading the demo ({', '.join(j[0] for j in jobs)}), side by side")
    for vendor, url, job in jobs:
        done = harness.finish_prepare(job, f"the {vendor} demo database")
        ctx.databases.append(harness.Database(vendor, "demo", url, done["cookies"]))
    if "10x demo" in needs and not args.quick:
        _say("making the 10x databases")
        copies = []
        for demo in list(ctx.databases):
            url = dbs.new(demo.vendor, "x10", template=demo)
            copies.append((demo, url, harness.start_prepare(ctx, url, "--multiply", "10")))
        for demo, url, job in copies:
            done = harness.finish_prepare(job, f"the {demo.vendor} 10x database")
            ctx.databases.append(
                harness.Database(demo.vendor, "10x demo", url, demo.cookies, done["counts"])
            )
    # The in-process benches' own copy: they may change it.
    main_vendor = "postgresql" if harness.is_postgres(original_url) else "sqlite"
    main = ctx.database(main_vendor)
    assert main is not None
    os.environ["DATABASE_URL"] = dbs.new(main_vendor, "main", template=main)
    _say(f"databases ready in {time.perf_counter() - started:.0f} s")
    return dbs


def machine(ctx: harness.Context) -> list[str]:
    memory = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f", {int(line.split()[1]) / 1024 / 1024:.0f} GB RAM"
    except OSError:
        pass
    one, five, fifteen = os.getloadavg()
    load = f", load average {one:.1f} {five:.1f} {fifteen:.1f}"
    return [
        f"Machine: {os.cpu_count()} CPUs{memory}{load}; Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}; {platform.platform()}"
    ]


def _call(module: ModuleType, quick: bool) -> list[Row] | None:
    rows_function = module.rows
    parameters = inspect.signature(rows_function).parameters
    if "quick" in parameters:
        result = rows_function(quick=quick)
    elif quick:
        return None
    else:
        result = rows_function()
    return [as_row(item) for item in result]


def run_modules(names: list[str], quick: bool, ctx: harness.Context) -> list[Row]:
    modules: list[ModuleType] = []
    rows: list[Row] = []
    for name in names:
        try:
            module = importlib.import_module(f"bench.{name}")
        except Exception as error:  # noqa: BLE001 - one broken module must not hide the rest
            rows.append(Row.failed(f"bench.{name}", f"import failed: {error}"))
            continue
        if callable(getattr(module, "rows", None)):
            modules.append(module)
    modules.sort(key=lambda m: (getattr(m, "ORDER", 50), m.__name__))
    for module in modules:
        name = module.__name__.removeprefix("bench.")
        _say(f"{name} …")
        started = time.perf_counter()
        try:
            found = _call(module, quick)
        except Exception as error:  # noqa: BLE001
            traceback.print_exc()
            rows.append(Row.failed(f"bench.{name}", f"{type(error).__name__}: {error}"[:300]))
            continue
        finally:
            from django.db import connections

            connections.close_all()
        if found is None:
            ctx.notes.append(f"{name}: left out of --quick (its rows() takes no quick)")
            continue
        rows += found
        _say(f"{name}: {len(found)} figures in {time.perf_counter() - started:.0f} s")
    return rows


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    names = module_names(args)
    os.environ.setdefault("BOARDPACK_TESTING", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "boardpack.settings")
    ctx = harness.new_context(quick=args.quick, duration=args.duration)
    harness.CONTEXT = ctx
    started = time.perf_counter()
    header = machine(ctx)
    dbs: harness.Databases | None = None
    try:
        dbs = prepare(args, ctx, names)
        os.environ["BOARDPACK_SECRET_KEY"] = ctx.secret_key
        os.environ.setdefault("BOARDPACK_DATA_DIR", str(ctx.workdir / "data"))
        import django

        django.setup()
        rows = run_modules(names, args.quick, ctx)
    finally:
        try:
            from django.db import connections

            connections.close_all()
        except Exception:  # noqa: BLE001 - Django may not be set up
            pass
        if dbs is not None:
            dbs.close()
        if args.keep:
            _say(f"kept {ctx.workdir}")
        else:
            shutil.rmtree(ctx.workdir, ignore_errors=True)
    for db in ctx.databases:
        if db.counts:
            shown = ", ".join(f"{v} {k}" for k, v in db.counts.items())
            ctx.notes.append(f"{db.label} (Somerset): {shown}")
    print()
    print("\n".join(header))
    print(
        f"Load: {harness.SESSIONS} connections for {args.duration:g} s per page from "
        f"bench.loadgen; gunicorn with 2 workers; SQLite and PostgreSQL databases of their own"
    )
    print()
    print(render(rows))
    print()
    print(summary(rows) + f"; {time.perf_counter() - started:.0f} s in all")
    for note in ctx.notes:
        print(f"- {note}")
    return 1 if any(r.error for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
