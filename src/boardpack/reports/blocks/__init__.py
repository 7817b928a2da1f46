"""Blocks → document nodes. One builder per block kind; each reads figures from selectors only.

A builder raises :class:`MissingData` when its figures are not there for the period; the
assembler puts a notice in its place, so an edition always renders and says what is missing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from boardpack.reports.blocks import finance, programme
from boardpack.reports.blocks.changes import what_changed_markdown
from boardpack.reports.blocks.context import BlockContext, MissingData
from boardpack.reports.document import Node, Notice
from boardpack.reports.markdown import markdown_nodes
from boardpack.reports.models import BlockKind

Builder = Callable[[Any, BlockContext], list[Node]]


def narrative(block: Any, ctx: BlockContext) -> list[Node]:
    text = ctx.narratives.get(block.pk)
    if text is None:
        text = str(block.config.get("text", ""))
    return markdown_nodes(text)


def draft_text(block: Any, ctx: BlockContext) -> str:
    """What an editable block says before officers change it."""
    if block.kind == BlockKind.WHAT_CHANGED:
        return what_changed_markdown(ctx)
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
}

__all__ = ["BUILDERS", "BlockContext", "MissingData", "draft_text"]
