"""The scrutiny report for 2024-06 in every format, in-process (as the report worker runs it).

Each figure is the median of 5 runs after one warm-up. The whole process (``boardpack report``,
start-up included, against the targets) is measured by :mod:`bench.report_command`.
"""

from __future__ import annotations

import functools
import statistics
import time
from collections.abc import Callable

REPEAT = 5
FORMATS = ("html", "pdf", "docx", "pptx")


def _median(func: Callable[[], object], repeat: int = REPEAT) -> float:
    func()  # warm up: chart pictures and fonts are loaded once per process
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
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

    def build_and_render(fmt: str) -> bytes:
        return render(document_for_period(template, period), fmt)

    document = document_for_period(template, period)
    html = render_html(document, for_print=True)
    print()
    print("Scrutiny report 2024-06, median of 5 (seconds)")
    print(f"{'':<8}{'build+render':>14}{'render only':>13}")
    for fmt in FORMATS:
        whole = _median(functools.partial(build_and_render, fmt))
        only = _median(functools.partial(render, document, fmt))
        print(f"{fmt:<8}{whole:>14.3f}{only:>13.3f}")
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
