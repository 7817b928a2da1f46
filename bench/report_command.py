"""``boardpack report`` as a user runs it: the whole process, start-up included, for each format.

Targets on the 2-core machine:
- the scrutiny deck for 2024-06 (issue 7): PPTX ≤ 1 s, DOCX ≤ 1 s, PDF ≤ 2 s;
- the members' quarterly report for 2023-03 (issue 13): DOCX ≤ 1 s, PDF ≤ 2 s;
- each PDF within 1.3× of WeasyPrint alone on the same HTML (also as a whole process:
  ``python -m weasyprint --pdf-variant pdf/ua-1``, the same tagged PDF as ours).

Each figure is the median of 5 runs, beside the CPU time the process used (user + system): on a
busy machine the wall-clock time is mostly waiting, the CPU time is what the run costs.

The first run of all draws the chart pictures into an empty chart cache (``BOARDPACK_DATA_DIR``,
a fresh folder here) and writes Python's bytecode cache; it is shown apart as "first run". Later
runs read both back, as every run after the first does on a real instance. (A machine that sets
``PYTHONDONTWRITEBYTECODE`` would compile Boardpack's sources on every run, a third of a second;
the commands here run without it, as Python runs by default.)

Run alone with ``python -m bench.report_command`` (it loads the demo into a fresh database).
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.table import Row

REPEAT = 5
PDF_RATIO_TARGET = 1.3


@dataclass(frozen=True)
class Edition:
    template: str
    period: str  # YYYY-MM
    targets: dict[str, float | None]  # format: seconds (None: timed, no target)


EDITIONS = (
    Edition("scrutiny-progress", "2024-06", {"pptx": 1.0, "docx": 1.0, "pdf": 2.0, "html": None}),
    Edition("members-quarterly", "2023-03", {"docx": 1.0, "pdf": 2.0, "html": None}),
)


def _timed(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock seconds, and the CPU seconds (user + system) the process used: on a shared
    machine the second says what the command costs when the first is swollen by waiting."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _medians(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def _report_args(edition: Edition, fmt: str, output: Path) -> list[str]:
    boardpack = str(Path(sys.executable).with_name("boardpack"))
    return [
        boardpack,
        "report",
        edition.template,
        "--period",
        edition.period,
        "--format",
        fmt,
        "-o",
        str(output),
    ]


def _print_html(edition: Edition, folder: Path) -> Path:
    """The HTML the PDF renderer hands to WeasyPrint, written to a file."""
    from boardpack.core.models import ReportingPeriod
    from boardpack.reports.models import ReportTemplate
    from boardpack.reports.renderers.html import render_html
    from boardpack.reports.selectors import document_for_period

    template = ReportTemplate.objects.get(slug=edition.template, organisation__is_default=True)
    period = ReportingPeriod.objects.get(
        organisation=template.organisation, month=f"{edition.period}-01"
    )
    path = folder / f"{edition.template}-print.html"
    path.write_text(render_html(document_for_period(template, period), for_print=True))
    return path


ORDER = 85


def rows() -> list[Row]:
    """The whole-process figures as rows of ``make bench``'s table (left out of ``--quick``)."""
    out: list[Row] = []
    for edition in EDITIONS:
        name = f"boardpack report {edition.template} {edition.period}"
        for fmt, (first, runs, cpu) in _whole_process(edition).items():
            note = f"first run {first:.2f} s, CPU {cpu:.2f} s"
            limit = edition.targets[fmt]
            out.append(Row.timed(f"{name} {fmt} (process)", runs, limit=limit, note=note))
        ratio, figure = _pdf_against_weasyprint(edition)
        out.append(
            Row(
                f"{name} PDF against WeasyPrint alone on the same HTML (processes)",
                f"{ratio:.2f}x",
                target=f"<= {PDF_RATIO_TARGET}x",
                ok=ratio <= PDF_RATIO_TARGET,
                note=figure,
            )
        )
    return out


def _environment(folder: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["BOARDPACK_DATA_DIR"] = str(folder / "data")
    # An empty chart store on disk, as an instance has (the tests' settings keep charts in
    # memory, which would make every run draw its charts again).
    env["BOARDPACK_CHART_DIR"] = str(folder / "charts")
    return env


def _whole_process(edition: Edition) -> dict[str, tuple[float, list[float], float]]:
    """Per format: the first run (empty chart cache), the next runs' times and median CPU."""
    folder = Path(tempfile.mkdtemp(prefix="boardpack-bench-command-"))
    env = _environment(folder)
    found: dict[str, tuple[float, list[float], float]] = {}
    for fmt in edition.targets:
        args = _report_args(edition, fmt, folder / f"report.{fmt}")
        first, _ = _timed(args, env)
        runs = [_timed(args, env) for _ in range(REPEAT)]
        found[fmt] = (first, [wall for wall, _ in runs], statistics.median(c for _, c in runs))
    return found


def _pdf_against_weasyprint(edition: Edition) -> tuple[float, str]:
    folder = Path(tempfile.mkdtemp(prefix="boardpack-bench-command-"))
    env = _environment(folder)
    html = _print_html(edition, folder)
    from boardpack.reports.renderers.pdf import PDF_VARIANT

    # The same PDF as ours: tagged for accessibility (PDF/UA), as the issue asks of every report;
    # an untagged yardstick would count WeasyPrint's own tagging (0.15-0.2 s) as our overhead.
    weasyprint = [
        *(sys.executable, "-m", "weasyprint", "--pdf-variant", PDF_VARIANT),
        *(str(html), str(folder / "alone.pdf")),
    ]
    pdf_args = _report_args(edition, "pdf", folder / "report.pdf")
    _timed(pdf_args, env)  # draws the chart pictures once
    _timed(weasyprint, env)
    ours, alone = [], []
    for _ in range(REPEAT):  # interleaved, so that both see the same load
        ours.append(_timed(pdf_args, env))
        alone.append(_timed(weasyprint, env))
    (ours_wall, ours_cpu), (alone_wall, alone_cpu) = _medians(ours), _medians(alone)
    figure = (
        f"ours {ours_wall:.2f} s (CPU {ours_cpu:.2f}), WeasyPrint {alone_wall:.2f} s "
        f"(CPU {alone_cpu:.2f})"
    )
    return ours_wall / alone_wall, figure


if __name__ == "__main__":
    from bench.__main__ import main

    sys.exit(main(["--only", "report_command"]))
