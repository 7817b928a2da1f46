"""Template helpers for laying out the intermediate document in HTML."""

from __future__ import annotations

import base64

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from boardpack.reports.document import Chart, Run
from boardpack.reports.renderers.images import chart_png, chart_svg

register = template.Library()

RAG_TAGS = {
    "R": "govuk-tag--red",
    "A": "govuk-tag--orange",
    "G": "govuk-tag--green",
    "B": "govuk-tag--blue",
    "NR": "govuk-tag--grey",
}


@register.filter
def node_template(node: object) -> str:
    return f"reports/nodes/{getattr(node, 'kind', 'notice')}.html"


def _run(run: Run) -> SafeString:
    text = format_html("{}", run.text)
    if run.bold:
        text = format_html("<strong>{}</strong>", text)
    if run.italic:
        text = format_html("<em>{}</em>", text)
    if run.href:  # only http(s) and mailto ever reach a Run (see reports.markdown)
        text = format_html('<a class="govuk-link" href="{}">{}</a>', run.href, text)
    return text


@register.filter
def runs(value: tuple[Run, ...]) -> SafeString:
    return format_html_join("", "{}", ((_run(r),) for r in value))


@register.filter
def rag_tag(rag: str | None) -> str:
    return RAG_TAGS.get(rag or "NR", "govuk-tag--grey")


@register.filter
def heading_tag(level: int) -> str:
    """Section titles are h2 (the document's title is h1); nodes' headings sit below them."""
    return f"h{min(int(level) + 1, 6)}"


@register.simple_tag
def chart_picture(chart: Chart) -> SafeString:
    """The chart's SVG (drawn by vl-convert from the chart's spec; it holds no script)."""
    if not chart.spec:
        return SafeString("")
    return mark_safe(chart_svg(chart))  # noqa: S308 - generated from our own spec


@register.simple_tag
def chart_png_uri(chart: Chart) -> str:
    """The chart as a PNG data URI, for the PDF: an image with alt text in the tagged PDF, and
    much quicker for WeasyPrint to lay out than the SVG's hundreds of shapes."""
    if not chart.spec:
        return ""
    return "data:image/png;base64," + base64.b64encode(chart_png(chart)).decode("ascii")
