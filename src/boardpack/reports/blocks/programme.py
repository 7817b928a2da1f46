"""Blocks from the programme: title and vision, workstreams, director's and finance summaries,
a workstream's summary and the escalations. Words are printed exactly as officers wrote them."""

from __future__ import annotations

from typing import Any

from boardpack.core.models import RAG
from boardpack.core.points import group_points
from boardpack.programme.selectors import ProjectRow, WorkstreamPosition
from boardpack.reports.blocks.context import BlockContext, MissingData, rag_value, rag_words
from boardpack.reports.document import BulletList, Heading, ListItem, Node, Paragraph, Status

NONE_TO_ESCALATE = "N/A"


def points_lists(points: list[dict[str, Any]], title: str, *, empty: str = "") -> list[Node]:
    """A list under ``title``, one list per sub-heading officers gave (as written)."""
    nodes: list[Node] = [Heading(title, level=3)]
    groups = group_points(points)
    if not groups:
        if empty:
            nodes.append(BulletList(items=(ListItem.of(empty),)))
        else:
            nodes.append(Paragraph.of("Nothing recorded for this period.", style="small"))
        return nodes
    for group in groups:
        nodes.append(
            BulletList(items=tuple(ListItem.of(t) for t in group.points), title=group.heading)
        )
    return nodes


def _project_item(row: ProjectRow) -> ListItem:
    if row.rag == RAG.NOT_RATED:
        return ListItem.of(row.project.name)
    return ListItem.of(f"{row.project.name} ({rag_words(row.rag)})")


def title_vision(block: Any, ctx: BlockContext) -> list[Node]:
    programme = ctx.programme
    if programme is None or not (programme.vision or programme.ambition):
        raise MissingData("No vision is recorded for this programme.")
    nodes: list[Node] = []
    if programme.vision:
        nodes.append(Paragraph.of(programme.vision, style="quote"))
    if programme.ambition:
        nodes.append(Paragraph.of(programme.ambition))
    return nodes


def priority_workstreams(block: Any, ctx: BlockContext) -> list[Node]:
    position = ctx.require_position()
    if not position.workstreams:
        raise MissingData("No workstreams are recorded for this programme.")
    nodes: list[Node] = []
    for ws in position.workstreams:
        nodes.append(Heading(ws.workstream.name, level=2))
        if ws.projects:
            nodes.append(BulletList(items=tuple(_project_item(r) for r in ws.projects)))
        else:
            nodes.append(Paragraph.of("No projects recorded.", style="small"))
    return nodes


def directors_summary(block: Any, ctx: BlockContext) -> list[Node]:
    position = ctx.require_position()
    if position.update is None or not position.progress_summary:
        raise MissingData(f"No director's summary is recorded for {ctx.period_title}.")
    nodes: list[Node] = []
    if position.overall_status != RAG.NOT_RATED:
        nodes.append(
            Status(
                label="Overall status",
                rag=rag_value(position.overall_status),
                text=rag_words(position.overall_status),
            )
        )
    for group in group_points(position.progress_summary):
        nodes.append(
            BulletList(items=tuple(ListItem.of(t) for t in group.points), title=group.heading)
        )
    return nodes


def finance_summary(block: Any, ctx: BlockContext) -> list[Node]:
    position = ctx.require_position()
    summary = position.finance_summary
    if summary is None:
        raise MissingData(f"No finance summary is recorded for {ctx.period_title}.")
    nodes: list[Node] = [
        Status(
            label="Overarching Status",
            rag=rag_value(summary.overall_status),
            text=rag_words(summary.overall_status),
            note=summary.covering,
        )
    ]
    if summary.headline:
        nodes.append(Paragraph.of(summary.headline, style="lead"))
    nodes += points_lists(summary.working_well, "Working Well")
    nodes += points_lists(summary.challenges, "Challenges")
    nodes += points_lists(
        [{"heading": e.heading, "text": e.text} for e in position.finance_escalations],
        "Escalations",
        empty=NONE_TO_ESCALATE,
    )
    return nodes


def _workstream(ctx: BlockContext, slug: str) -> WorkstreamPosition:
    position = ctx.require_position()
    for ws in position.workstreams:
        if ws.workstream.slug == slug:
            return ws
    raise MissingData(f"There is no workstream {slug!r} in this programme.")


def workstream_summary(block: Any, ctx: BlockContext) -> list[Node]:
    slug = str(block.config.get("workstream", ""))
    if not slug:
        raise MissingData("This block names no workstream (set “workstream” in its settings).")
    ws = _workstream(ctx, slug)
    nodes: list[Node] = []
    if block.config.get("projects", True):
        nodes.append(Heading("Priority Workstream", level=2))
        if ws.projects:
            nodes.append(BulletList(items=tuple(_project_item(r) for r in ws.projects)))
    title = str(block.config.get("summary_title", "Summary Report"))
    nodes.append(Heading(title, level=2))
    nodes.append(Status(label="RAG status", rag=rag_value(ws.rag), text=rag_words(ws.rag)))
    if ws.update is None:
        nodes.append(Paragraph.of(f"No update is recorded for {ctx.period_title}."))
        return nodes
    nodes += points_lists(ws.working_well, "Working Well")
    nodes += points_lists(ws.not_working_well, "Not working well")
    nodes += points_lists(
        [{"heading": e.heading, "text": e.text} for e in ws.escalations],
        "To Escalate",
        empty=NONE_TO_ESCALATE,
    )
    return nodes


def escalations(block: Any, ctx: BlockContext) -> list[Node]:
    position = ctx.require_position()
    nodes: list[Node] = []
    if position.finance_escalations:
        nodes += points_lists(
            [{"heading": e.heading, "text": e.text} for e in position.finance_escalations],
            "Finance",
        )
    for ws in position.workstreams:
        if ws.escalations:
            nodes += points_lists(
                [{"heading": e.heading, "text": e.text} for e in ws.escalations],
                ws.workstream.name,
            )
    if not nodes:
        nodes.append(Paragraph.of(f"Nothing was escalated in {ctx.period_title}."))
    return nodes
