"""The scrutiny report for 2024-06 in every format, in-process (bench/report_command.py times
the whole ``boardpack report`` process).

Targets on the 2-core machine: PPTX ≤ 1 s, DOCX ≤ 1 s, PDF ≤ 2 s and within 1.3× of WeasyPrint
alone on the same HTML. Each figure is the median of 5 runs (after one warm-up in-process; the
whole-process runs pay Python's and Django's start-up every time, as a user of the command does).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from functools import partial

from bench.measuring import samples
from bench.table import Row

ORDER = 80
REPEAT = 5
TARGETS = {"html": None, "pdf": 2.0, "docx": 1.0, "pptx": 1.0}


def _samples(func: Callable[[], object], repeat: int = REPEAT) -> list[float]:
    # The warm-up call loads chart pictures and fonts, once per process.
    return samples(func, repeat)


def _build_and_render(template: object, period: object, fmt: str) -> object:
    from boardpack.reports.rendering import render
    from boardpack.reports.selectors import document_for_period

    return render(document_for_period(template, period), fmt)  # type: ignore[arg-type]


def rows(quick: bool = False) -> list[Row]:
    from weasyprint import HTML

    from boardpack.core.models import ReportingPeriod
    from boardpack.reports.models import ReportTemplate
    from boardpack.reports.renderers.html import render_html
    from boardpack.reports.renderers.pdf import PDF_VARIANT
    from boardpack.reports.rendering import render
    from boardpack.reports.selectors import document_for_period

    template = ReportTemplate.objects.get(slug="scrutiny-progress")
    period = ReportingPeriod.objects.get(organisation=template.organisation, month="2024-06-01")
    repeat = 1 if quick else REPEAT
    document = document_for_period(template, period)
    html = render_html(document, for_print=True)
    out: list[Row] = []
    formats = {"html": None} if quick else TARGETS
    for fmt, target in formats.items():
        name = f"report scrutiny 2024-06 {fmt}"
        whole = _samples(partial(_build_and_render, template, period, fmt), repeat)
        out.append(Row.timed(f"{name}: build + render", whole, limit=target))
        out.append(
            Row.timed(f"{name}: render only", _samples(partial(render, document, fmt), repeat))
        )
        # The whole process (boardpack report …) is measured by bench/report_command.py.
    out.append(
        Row.timed(
            "report scrutiny 2024-06: build document",
            _samples(lambda: document_for_period(template, period), repeat),
        )
    )
    if quick:
        return out
    # Interleaved, so that both see the same load on a shared machine.
    ours_times, alone_times = [], []
    for _ in range(REPEAT):
        start = time.perf_counter()
        render(document, "pdf")
        ours_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        HTML(string=html, base_url=".").write_pdf(pdf_variant=PDF_VARIANT)  # the same PDF
        alone_times.append(time.perf_counter() - start)
    ours, alone = statistics.median(ours_times), statistics.median(alone_times)
    out.append(
        Row(
            "report pdf: Boardpack / WeasyPrint alone",
            f"{ours / alone:.2f}x",
            target="<= 1.3x",
            ok=ours / alone <= 1.3,
            note=f"{ours:.3f} s (HTML + tagged PDF/UA) vs {alone:.3f} s on the same HTML",
        )
    )
    return out
