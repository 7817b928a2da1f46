"""The benchmark's own parts (``bench/``): they measure, so they must at least run and count
right. No speed is asserted here: figures are the bench's business, not the tests'."""

from __future__ import annotations

import asyncio
import re
import socket
import sqlite3
import subprocess
import sys
import threading
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from bench.table import Row, as_row, render, summary
from django.db import connection

from bench import bigdata, loadgen
from boardpack.finance.models import BudgetLine, SavingLine, SavingPosition, ServiceArea
from boardpack.programme.models import Workstream

REPO = Path(__file__).resolve().parents[2]


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        status = 200 if self.path == "/ok" else 500
        body = b"hello" if status == 200 else b"broken"
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def little_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_loadgen_counts_answers_and_errors(little_server):
    ok = asyncio.run(loadgen.run(f"{little_server}/ok", concurrency=3, duration=0.3, timeout=5))
    assert ok.statuses.keys() == {"200"}
    assert len(ok.latencies) == ok.statuses["200"] > 0
    broken = asyncio.run(
        loadgen.run(f"{little_server}/broken", concurrency=2, duration=0.2, timeout=5)
    )
    assert broken.statuses.keys() == {"500"}
    assert broken.errors == ["answered 500"] * min(5, broken.statuses["500"])


def test_loadgen_reports_a_refused_connection_as_an_error():
    with socket.socket() as sock:  # a port nobody listens on: bound, then let go
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = asyncio.run(loadgen.run(f"http://127.0.0.1:{port}/", concurrency=1, duration=0.2))
    assert result.latencies == []
    assert result.statuses.get("connection error", 0) >= 1


def test_a_row_shows_its_target_and_mark():
    rows = [
        Row.timed("fast thing", [0.2, 0.1, 0.3], limit=0.7),
        Row.timed("slow thing", [2.0, 2.5], limit=0.7),
        as_row(("a plugged-in figure", 1.5, "<= 5 s", True)),
        Row.failed("a page", "answered 500, not 200", "0 errors"),
    ]
    table = render(rows).splitlines()
    fast = next(line for line in table if line.startswith("fast thing"))
    assert "200.0 ms" in fast and "100.0 ms" in fast and "300.0 ms" in fast
    assert "<= 700.0 ms" in fast and " pass " in fast
    assert " FAIL " in next(line for line in table if line.startswith("slow thing"))
    assert "1.50 s" in next(line for line in table if line.startswith("a plugged-in"))
    assert "answered 500" in next(line for line in table if line.startswith("a page"))
    assert summary(rows).startswith("4 figures: 2 meet their target, 1 miss it, 1 could not")


def test_bench_data_multiplies_the_lines_and_is_marked(somerset, dorset):
    before = bigdata.counts(somerset)
    dorset_before = bigdata.counts(dorset)
    after = bigdata.multiply(somerset, 3)
    assert after == {name: count * 3 for name, count in before.items()}
    assert bigdata.counts(dorset) == dorset_before
    copies = SavingLine.objects.filter(organisation=somerset, reference__contains="-B")
    assert copies.count() == before["savings lines"] * 2
    assert all(line.description.startswith("[bench data] ") for line in copies)
    # Each copy keeps its figures and hangs off a copied workstream, never the council's own.
    original = SavingLine.objects.filter(organisation=somerset).exclude(pk__in=copies).first()
    copy = copies.get(reference=f"{original.reference}-B1", financial_year=original.financial_year)
    assert copy.target == original.target
    assert [p.achieved for p in SavingPosition.objects.filter(line=copy)] == [
        p.achieved for p in SavingPosition.objects.filter(line=original)
    ]
    if copy.workstream_id:
        assert copy.workstream.name.startswith("[bench data] ")
    new_areas = ServiceArea.objects.filter(organisation=somerset, name__startswith="[bench data]")
    assert new_areas.count() == ServiceArea.objects.filter(organisation=somerset).count() * 2 // 3
    bench_budget = BudgetLine.objects.filter(service_area__in=new_areas)
    assert bench_budget.count() == before["budget lines"] * 2
    assert sum((b.current_budget for b in bench_budget), Decimal(0)) == 2 * sum(
        (
            b.current_budget
            for b in BudgetLine.objects.exclude(service_area__in=new_areas).filter(
                service_area__organisation=somerset
            )
        ),
        Decimal(0),
    )
    assert Workstream.objects.filter(slug__endswith="-bench-2").count() == before["workstreams"]


def test_quick_bench_runs_and_prints_its_table(db, tmp_path):
    """``python -m bench --quick`` on a copy of the test database: gunicorn serves the pages."""
    if connection.vendor != "sqlite":
        pytest.skip("copies the SQLite test database; make bench measures PostgreSQL")
    database = tmp_path / "demo.sqlite3"
    connection.ensure_connection()
    with sqlite3.connect(database) as copy:
        connection.connection.backup(copy)
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--database", str(database)]
        + ["--only", "serving", "--duration", "0.5"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    lines = done.stdout.splitlines()
    header = next(line for line in lines if line.startswith("measure"))
    assert "median" in header and "p95" in header and "target" in header
    for name in ("static file boardpack.css", "programme overview 2024-06", "savings 2024-06"):
        row = next(line for line in lines if line.startswith(f"gunicorn sqlite demo: {name}"))
        median = re.split(r"\s{2,}", row)[1]
        assert median.endswith(("ms", " s")), row  # a figure, not "error"
        assert "req," in row
    assert "could not be measured" in done.stdout
