"""Blocks → document nodes. One builder per block kind; each reads figures from selectors only.

A builder raises :class:`MissingData` when its figures are not there for the period; the
assembler puts a notice in its place, so an edition always renders and says what is missing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from boardpack.reports.blocks import finance, governance, performance, programme
from boardpack.reports.blocks.changes import what_changed_markdown
from boardpack.reports.blocks.context import BlockContext, MissingData
from boardpack.reports.blocks.indicators_changed import (
    indicator_changes,
    indicator_changes_markdown,
)
from boardpack.reports.document import Heading, Node, Notice, Paragraph
from boardpack.reports.markdown import markdown_nodes
from boardpack.reports.models import BlockKind

Builder = Callable[[Any, BlockContext], list[Node]]


def narrative(block: Any, ctx: BlockContext) -> list[Node]:
    text = ctx.narratives.get(block.pk)
    if text is None:
        text = str(block.config.get("text", ""))
    return markdown_nodes(text)


def narrative_text(block: Any, ctx: BlockContext) -> str:
    """A block's words for this edition: what officers wrote, else the template's default."""
    text = ctx.narratives.get(block.pk)
    return str(block.config.get("text", "")) if text is None else text


def case_study(block: Any, ctx: BlockContext) -> list[Node]:
    """A case study under its own heading; its words are the edition's, like a narrative."""
    nodes = markdown_nodes(narrative_text(block, ctx))
    title = str(block.config.get("title", "")) or "Case study"
    return [Heading(title, level=3), *nodes] if nodes else []


def quote(block: Any, ctx: BlockContext) -> list[Node]:
    """Quoted words, set apart: each paragraph as a quotation."""
    nodes = markdown_nodes(narrative_text(block, ctx))
    return [Paragraph(n.runs, style="quote") if isinstance(n, Paragraph) else n for n in nodes]


def draft_text(block: Any, ctx: BlockContext) -> str:
    """What an editable block says before officers change it."""
    if block.kind == BlockKind.WHAT_CHANGED:
        return what_changed_markdown(ctx)
    if block.kind == BlockKind.INDICATOR_CHANGES:
        return indicator_changes_markdown(ctx)
    return str(block.config.get("text", ""))


def what_changed(block: Any, ctx: BlockContext) -> list[Node]:
    text = ctx.narratives.get(block.pk)
    if text is None or not text.strip():
        text = what_changed_markdown(ctx)
    if not text.strip():
        return [
            Notice(f"There is no earlier period to compare {ctx.period_title} with.", level="info")
        ]
    return markdown_nodes(text)


def benchmarks(block: Any, ctx: BlockContext) -> list[Node]:
    # Imported here: the benchmarking blocks read this package's context module.
    from boardpack.benchmarking.report_blocks import benchmarks_table

    return benchmarks_table(block, ctx)


def benchmark_measure(block: Any, ctx: BlockContext) -> list[Node]:
    from boardpack.benchmarking.report_blocks import benchmark_measure as build

    return build(block, ctx)


BUILDERS: dict[str, Builder] = {
    BlockKind.NARRATIVE: narrative,
    BlockKind.TITLE_VISION: programme.title_vision,
    BlockKind.PRIORITY_WORKSTREAMS: programme.priority_workstreams,
    BlockKind.DIRECTORS_SUMMARY: programme.directors_summary,
    BlockKind.FINANCE_SUMMARY: programme.finance_summary,
    BlockKind.MTFP_TABLE: finance.mtfp_table,
    BlockKind.MTFP_CHART: finance.mtfp_chart,
    BlockKind.BUDGET_TABLE: finance.budget_table,
    BlockKind.DSG_TABLES: finance.dsg_tables,
    BlockKind.WORKSTREAM_SUMMARY: programme.workstream_summary,
    BlockKind.ESCALATIONS: programme.escalations,
    BlockKind.WHAT_CHANGED: what_changed,
    BlockKind.BENCHMARKS: benchmarks,
    BlockKind.BENCHMARK_MEASURE: benchmark_measure,
    BlockKind.HEADLINE_FIGURES: performance.headline_figures,
    BlockKind.INDICATOR_CHART: performance.indicator_chart,
    BlockKind.INDICATOR_TABLE: performance.indicator_table,
    BlockKind.BREAKDOWN_TABLE: performance.breakdown_table,
    BlockKind.INSPECTIONS_LIST: performance.inspections_list,
    BlockKind.CASE_STUDY: case_study,
    BlockKind.QUOTE: quote,
    BlockKind.GOVERNANCE_ACTIONS: governance.governance_actions,
    BlockKind.INDICATOR_CHANGES: indicator_changes,
}

__all__ = ["BUILDERS", "BlockContext", "MissingData", "draft_text", "narrative_text"]
