"""The scrutiny report for 2024-06 in every format: in-process and as ``boardpack report``.

Targets on the 2-core machine: PPTX ≤ 1 s, DOCX ≤ 1 s, PDF ≤ 2 s and within 1.3× of WeasyPrint
alone on the same HTML. Each figure is the median of 5 runs (after one warm-up in-process; the
whole-process runs pay Python's and Django's start-up every time, as a user of the command does).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPEAT = 5
TARGETS = {"html": None, "pdf": 2.0, "docx": 1.0, "pptx": 1.0}


def _median(func: Callable[[], object], repeat: int = REPEAT) -> float:
    func()  # warm up: chart pictures and fonts are loaded once per process
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _command_median(fmt: str, folder: Path) -> float:
    boardpack = Path(sys.executable).with_name("boardpack")
    args = [str(boardpack), "report", "scrutiny-progress", "--period", "2024-06"]
    args += ["--format", fmt, "-o", str(folder / f"report.{fmt}")]
    times = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True, env=os.environ.copy())
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run(measure: Callable[..., float] | None = None) -> None:
    from weasyprint import HTML

    from boardpack.core.models import ReportingPeriod
    from boardpack.reports.models import ReportTemplate
    from boardpack.reports.renderers.html import render_html
    from boardpack.reports.rendering import render
    from boardpack.reports.selectors import document_for_period

    template = ReportTemplate.objects.get(slug="scrutiny-progress")
    period = ReportingPeriod.objects.get(organisation=template.organisation, month="2024-06-01")

    def build() -> object:
        return document_for_period(template, period)

    document = document_for_period(template, period)
    html = render_html(document, for_print=True)
    print()
    print("Scrutiny report 2024-06, median of 5 (seconds)")
    print(f"{'':<8}{'build+render':>14}{'render only':>13}{'boardpack report':>18}{'target':>8}")
    folder = Path(tempfile.mkdtemp(prefix="boardpack-bench-report-"))
    results = {}
    for fmt, target in TARGETS.items():
        whole = _median(lambda f=fmt: render(document_for_period(template, period), f))
        only = _median(lambda f=fmt: render(document, f))
        command = _command_median(fmt, folder)
        results[fmt] = whole
        shown = f"{target:.1f}" if target else "–"
        print(f"{fmt:<8}{whole:>14.3f}{only:>13.3f}{command:>18.3f}{shown:>8}")
    print(f"{'build':<8}{_median(build):>14.3f}")
    # Interleaved, so that both see the same load on a shared machine.
    ours_times, alone_times = [], []
    for _ in range(REPEAT):
        start = time.perf_counter()
        render(document, "pdf")
        ours_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        HTML(string=html, base_url=".").write_pdf()
        alone_times.append(time.perf_counter() - start)
    ours, alone = statistics.median(ours_times), statistics.median(alone_times)
    print(
        f"PDF: Boardpack {ours:.3f} s (HTML + tagged PDF/UA) vs WeasyPrint alone on the same "
        f"HTML {alone:.3f} s: {ours / alone:.2f}× (target ≤ 1.3×)"
    )
