"""Pages as users get them: each page served by a real server under 20 concurrent connections.

For every server (gunicorn with 2 workers as in production, and ``boardpack serve --dev`` as
``make run`` serves the demo), every database (SQLite; PostgreSQL when there is a server) and
both sizes of data (the demo, and 10× its lines), each page is first fetched once and must
answer 200 (anything else is an error row, not a figure), then loaded by ``bench.loadgen``, a
separate process, at 20 connections for ``--duration`` seconds. A static file served the same
way is the yardstick.

Target (issue 12): each page's p95 ≤ 10× the static file's p95 on the same server, with 0 errors.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path

from bench import harness
from bench.table import Row, seconds

ORDER = 10
NEEDS = ("postgresql", "10x demo")  # servers use databases of their own, never the main one
CONCURRENCY = 20
GRACE = 10.0  # seconds in-flight requests get to finish after the load stops
RATIO_TARGET = 10.0
TARGET = f"p95 <= {RATIO_TARGET:.0f}x static, 0 errors"

STATIC = ("static file boardpack.css", "/static/boardpack/boardpack.css")
PAGES = [
    ("programme overview 2024-06", "/somerset/programme/2024-06/"),
    ("workstream 2024-06", "/somerset/programme/2024-06/workstreams/sufficient-homes/"),
    ("savings 2024-06", "/somerset/finance/savings/2024-06/"),
    ("budget 2022-12", "/somerset/finance/budget/2022-12/"),
    ("DSG 2022-12", "/somerset/finance/dsg/2022-12/"),
    ("performance indicators", "/somerset/performance/"),
    ("benchmarks", "/somerset/benchmarks/"),
    ("API programme 2024-06", "/api/v1/programme?period=2024-06"),
]
QUICK_PAGES = PAGES[:1] + PAGES[2:3]

# (server, database vendor, data size): the development server on the demo only, as make run.
SERVERS = [
    ("gunicorn", "sqlite", "demo"),
    ("gunicorn", "sqlite", "10x demo"),
    ("gunicorn", "postgresql", "demo"),
    ("gunicorn", "postgresql", "10x demo"),
    ("dev", "sqlite", "demo"),
    ("dev", "postgresql", "demo"),
]


def load(url: str, cookies: list[str], duration: float) -> dict:
    """``python -m bench.loadgen``'s result for ``url``."""
    args = [sys.executable, "-m", "bench.loadgen", url, "--concurrency", str(CONCURRENCY)]
    args += ["--duration", str(duration), "--timeout", "30", "--grace", str(GRACE)]
    for cookie in cookies:
        args += ["--cookie", cookie]
    done = subprocess.run(
        args,
        capture_output=True,
        text=True,
        timeout=duration + GRACE + 60,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    return json.loads(done.stdout)


def percentile(ordered: list[float], q: int) -> float:
    if len(ordered) == 1:
        return ordered[0]
    return statistics.quantiles(ordered, n=100, method="inclusive")[q - 1]


def load_row(name: str, result: dict, static_p95: float | None) -> tuple[Row, float | None]:
    """The row for one load, and its p95 (None when nothing answered)."""
    latencies = sorted(result["latencies"])
    statuses: dict[str, int] = result["statuses"]
    errors = sum(n for status, n in statuses.items() if status != "200")
    error_note = ""
    if errors:
        kinds = ", ".join(f"{s}: {n}" for s, n in sorted(statuses.items()) if s != "200")
        error_note = f"; errors {kinds} ({'; '.join(result['errors'][:2])})"
    if not latencies:
        return Row.failed(name, f"no answer{error_note}", TARGET), None
    p95 = percentile(latencies, 95)
    rate = len(latencies) / result["elapsed"] if result["elapsed"] else 0.0
    note = f"{len(latencies)} req, {rate:.0f}/s, {errors} errors{error_note}"
    if static_p95 is None:  # the static file itself: the yardstick
        target, ok = "0 errors", errors == 0
    else:
        ratio = p95 / static_p95
        note = f"{ratio:.1f}x static p95; " + note
        target, ok = TARGET, errors == 0 and ratio <= RATIO_TARGET
    row = Row(
        name,
        seconds(percentile(latencies, 50)),
        seconds(latencies[0]),
        seconds(latencies[-1]),
        target=target,
        ok=ok,
        note=note,
        p95=seconds(p95),
        p99=seconds(percentile(latencies, 99)),
    )
    return row, p95


def server_rows(
    ctx: harness.Context, kind: str, database: harness.Database, pages: list[tuple[str, str]]
) -> list[Row]:
    prefix = f"{kind} {database.label}: "
    rows: list[Row] = []
    cookie = database.cookies[0] if database.cookies else ""
    server: harness.Server | None = None
    static_p95: float | None = None
    try:
        for index, (page, path) in enumerate([STATIC, *pages]):
            name = prefix + page
            if server is None:
                try:
                    server = harness.start_server(ctx, kind, database)
                except RuntimeError as error:
                    rows.append(Row.failed(prefix + "server", str(error)[:300], TARGET))
                    break
            url = server.url + path
            try:
                # Fetched first (a worker's first request pays its warm-up): 200, or an error.
                for _ in range(2):
                    status, _size = harness.get(url, cookie)
                    if status != 200:
                        break
                if status != 200:
                    rows.append(Row.failed(name, f"answered {status}, not 200", TARGET))
                    continue
                result = load(url, database.cookies, ctx.duration)
            except (OSError, subprocess.SubprocessError, ValueError) as error:
                rows.append(Row.failed(name, f"{type(error).__name__}: {error}", TARGET))
                result = {"statuses": {"failed": 1}}
            else:
                row, p95 = load_row(name, result, None if index == 0 else static_p95)
                rows.append(row)
                if index == 0:
                    static_p95 = p95
                    if p95 is None:  # no yardstick: the pages cannot be compared
                        break
            if any(not status.isdigit() for status in result["statuses"]):
                # Requests the client gave up on (timed out, unfinished) may still hold the
                # workers: the next page gets a fresh server rather than their leftovers.
                harness.stop_server(server)
                server = None
    finally:
        if server is not None:
            harness.stop_server(server)
    return rows


def rows(quick: bool = False) -> list[Row]:
    ctx = harness.context()
    pages = QUICK_PAGES if quick else PAGES
    servers = SERVERS[:1] if quick else SERVERS
    out: list[Row] = []
    for kind, vendor, size in servers:
        database = ctx.database(vendor, size)
        if database is None:
            continue  # not prepared (no PostgreSQL here, or --quick): said under the table
        out += server_rows(ctx, kind, database, pages)
    return out
