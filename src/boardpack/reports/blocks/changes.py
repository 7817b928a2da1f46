"""“What has changed since the last period”: drafted from the data, as Markdown officers edit.

It compares the period with the latest earlier period that holds the same kind of record:
savings whose £ moved between statuses (with refs and amounts), workstreams and projects whose
RAG changed, the budget lines whose variance moved most, and escalations new or cleared.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet

from boardpack.core.models import RAG, ReportingPeriod
from boardpack.finance import calculations as calc
from boardpack.finance.models import SavingPosition
from boardpack.programme.models import Escalation, ProjectUpdate, WorkstreamUpdate
from boardpack.reports.blocks.context import BlockContext, rag_words
from boardpack.reports.blocks.finance import PART_TITLES, SAVING_PARTS

BUDGET_LINES_SHOWN = 3
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def md_escape(text: str) -> str:
    """Text that Markdown prints as it is (officers' words can hold * or [)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _pounds(value: Decimal) -> str:
    return f"£{calc.format_pounds(value)}"


def previous_period_with(period: ReportingPeriod, records: QuerySet[Any]) -> ReportingPeriod | None:
    return (
        ReportingPeriod.objects.filter(
            organisation_id=period.organisation_id,
            month__lt=period.month,
            pk__in=records.values("period"),
        )
        .order_by("-month")
        .first()
    )


def saving_movement(before: SavingPosition, after: SavingPosition) -> str:
    """``£100,000 moved from At Risk to On Track`` (or each part's change, when mixed)."""
    # A blank part holds nothing: for a movement, blank and nil are both no money.
    changes = {
        p: (getattr(after, p) or Decimal(0)) - (getattr(before, p) or Decimal(0))
        for p in SAVING_PARTS
    }
    falls = {p: -v for p, v in changes.items() if v < 0}
    rises = {p: v for p, v in changes.items() if v > 0}
    target_change = after.line.target - before.line.target
    words: list[str] = []
    if len(falls) == 1 and len(rises) == 1 and not target_change:
        (source, amount), (destination, _same) = (
            next(iter(falls.items())),
            next(iter(rises.items())),
        )
        words.append(
            f"{_pounds(amount)} moved from {PART_TITLES[source]} to {PART_TITLES[destination]}"
        )
    else:
        for part in SAVING_PARTS:
            change = changes[part]
            if change:
                sign = "+" if change > 0 else "−"
                words.append(f"{PART_TITLES[part]} {sign}{_pounds(abs(change))}")
        if target_change:
            words.append(f"target {_pounds(before.line.target)} → {_pounds(after.line.target)}")
    return "; ".join(words)


def _savings(ctx: BlockContext) -> list[str]:
    records = SavingPosition.objects.filter(line__organisation=ctx.organisation)
    previous = previous_period_with(ctx.period, records)
    if previous is None:
        return []
    now = {p.line_id: p for p in records.filter(period=ctx.period).select_related("line")}
    before = {p.line_id: p for p in records.filter(period=previous).select_related("line")}
    lines = []
    for line_id, position in sorted(now.items(), key=lambda kv: kv[1].line.order):
        ref = f"**{md_escape(position.line.reference)}** {md_escape(position.line.description)}"
        if line_id not in before:
            lines.append(f"- {ref}: new this period, {_pounds(position.line.target)}")
            continue
        moved = saving_movement(before[line_id], position)
        if moved:
            lines.append(f"- {ref}: {moved}")
    for line_id, position in before.items():
        if line_id not in now:
            lines.append(
                f"- **{md_escape(position.line.reference)}** "
                f"{md_escape(position.line.description)}: no longer reported"
            )
    heading = f"### Savings (MTFP) since {previous.title or previous.label}"
    return [heading, *lines] if lines else [heading, "- No saving moved between statuses."]


def _rag_changes(ctx: BlockContext) -> list[str]:
    ws_updates = WorkstreamUpdate.objects.filter(
        workstream__programme__organisation=ctx.organisation
    )
    previous = previous_period_with(ctx.period, ws_updates)
    if previous is None:
        return []
    lines = []
    before = {u.workstream_id: u.rag for u in ws_updates.filter(period=previous)}
    for update in ws_updates.filter(period=ctx.period).select_related("workstream"):
        old = before.get(update.workstream_id)
        if old is not None and old != update.rag:
            lines.append(
                f"- Workstream {md_escape(update.workstream.name)}: "
                f"{rag_words(old)} → {rag_words(update.rag)}"
            )
    projects = ProjectUpdate.objects.filter(
        project__workstream__programme__organisation=ctx.organisation
    )
    project_before = {u.project_id: u.rag for u in projects.filter(period=previous)}
    for project_update in projects.filter(period=ctx.period).select_related("project"):
        old = project_before.get(project_update.project_id, RAG.NOT_RATED)
        if old != project_update.rag:
            lines.append(
                f"- Project {md_escape(project_update.project.name)}: "
                f"{rag_words(old)} → {rag_words(project_update.rag)}"
            )
    heading = f"### RAG status since {previous.title or previous.label}"
    return [heading, *lines] if lines else [heading, "- No RAG status changed."]


def _budget(ctx: BlockContext) -> list[str]:
    doc = ctx.budget
    if not doc["divisions"] or not doc["previous_period"]:
        return []
    rows = [
        dict(line, division=division["name"])
        for division in doc["divisions"]
        for line in division["lines"]
        if line["movement"] is not None
    ]
    moved = sorted(rows, key=lambda r: abs(Decimal(r["movement"])), reverse=True)
    moved = [r for r in moved if Decimal(r["movement"])][:BUDGET_LINES_SHOWN]
    heading = f"### Budget variance since {doc['previous_period_label']}"
    if not moved:
        return [heading, "- No budget line's variance moved."]
    lines = [heading]
    for row in moved:
        direction = "worse" if Decimal(row["movement"]) > 0 else "better"
        lines.append(
            f"- {md_escape(row['division'])}, {md_escape(row['label'])}: variance moved "
            f"{row['printed']['movement']} £m ({direction}), now {row['printed']['variance']} £m "
            f"{row['marker']}"
        )
    return lines


def _escalations(ctx: BlockContext) -> list[str]:
    records = Escalation.objects.filter(programme__organisation=ctx.organisation)
    previous = previous_period_with(ctx.period, records)
    if previous is None:
        return []

    def key(e: Escalation) -> tuple[int | None, str]:
        return (e.workstream_id, " ".join(e.text.split()))

    now = list(records.filter(period=ctx.period).select_related("workstream"))
    before = list(records.filter(period=previous).select_related("workstream"))
    now_keys = {key(e) for e in now}
    before_keys = {key(e) for e in before}

    def where(e: Escalation) -> str:
        return md_escape(e.workstream.name) if e.workstream else "Finance"

    lines = [f"- New: {md_escape(e.text)} ({where(e)})" for e in now if key(e) not in before_keys]
    lines += [
        f"- Cleared: {md_escape(e.text)} ({where(e)})" for e in before if key(e) not in now_keys
    ]
    heading = f"### Escalations since {previous.title or previous.label}"
    return [heading, *lines] if lines else [heading, "- No escalation was added or cleared."]


def what_changed_markdown(ctx: BlockContext) -> str:
    """The draft, or the empty string when there is no earlier period to compare with."""
    parts = [_savings(ctx), _rag_changes(ctx), _budget(ctx), _escalations(ctx)]
    return "\n\n".join("\n".join(part) for part in parts if part)
