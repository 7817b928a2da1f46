"""Start-up of a command: ``boardpack export programme --period 2024-06 --format json``.

The whole process is timed, as a user of the command waits for it (Python, Django, the URL
configuration, the query and the output), on the demo database of each vendor. A run with
``python -X importtime`` then says whether altair (the chart library) was imported.

Targets (issue 12): ≤ 0.7 s, with altair not imported.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from bench import harness
from bench.table import Row

ORDER = 20
NEEDS = ("postgresql",)
LIMIT = 0.7
COMMAND = ["export", "programme", "--period", "2024-06", "--format", "json"]


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, env=env, capture_output=True, text=True, timeout=120)


def rows(quick: bool = False) -> list[Row]:
    ctx = harness.context()
    boardpack = str(Path(sys.executable).with_name("boardpack"))
    repeat = 2 if quick else 7
    out: list[Row] = []
    for vendor in ("sqlite", "postgresql"):
        database = ctx.database(vendor)
        if database is None:
            continue
        name = f"start-up: boardpack export programme json ({vendor})"
        env = ctx.environment(database.url)
        first = _run([boardpack, *COMMAND], env)  # warms the file cache; checked, not timed
        if first.returncode != 0 or not first.stdout.lstrip().startswith("{"):
            out.append(Row.failed(name, f"exit {first.returncode}: {first.stderr[-200:]}"))
            continue
        samples = []
        for _ in range(repeat):
            start = time.perf_counter()
            _run([boardpack, *COMMAND], env)
            samples.append(time.perf_counter() - start)
        out.append(Row.timed(name, samples, limit=LIMIT))
        if vendor == "sqlite":
            traced = _run(
                [sys.executable, "-X", "importtime", "-m", "boardpack.manage", *COMMAND], env
            )
            modules = {line.rsplit("|", 1)[-1].strip() for line in traced.stderr.splitlines()}
            loaded = sorted(m for m in modules if m.split(".")[0] in ("altair", "vl_convert"))
            out.append(
                Row(
                    "start-up: chart libraries imported by export",
                    "yes" if loaded else "no",
                    target="no",
                    ok=not loaded,
                    note=", ".join(loaded[:3]) or "altair and vl_convert not imported",
                )
            )
    return out
