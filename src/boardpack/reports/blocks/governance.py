"""The committee's actions for this report: what members asked of it, and where it stands.

Requests are governance actions naming the report template by its slug (decision 0009); a
request is open until a block of the template answers it (``reports.requests``). Actions agreed
where a committee considered this report are listed beside them.
"""

from __future__ import annotations

from typing import Any

from boardpack.governance.models import Action
from boardpack.governance.selectors import actions_for
from boardpack.reports.blocks.context import BlockContext
from boardpack.reports.document import Cell, Node, Notice, Row, Table


def _due(action: Action) -> str:
    due = action.due
    return f"{due.day} {due:%B %Y}" if due else ""


def governance_actions(block: Any, ctx: BlockContext) -> list[Node]:
    from boardpack.reports.requests import ReportRequest, template_requests

    template = ctx.template
    if template is None:
        return [Notice("This block lists a report template's requests: it has no template.")]
    requests = template_requests(template)
    seen = {r.action.pk for r in requests}
    considered = [
        ReportRequest(a)
        for a in actions_for(ctx.organisation).filter(item__report_template_slug=template.slug)
        if a.pk not in seen
    ]
    rows = [
        Row(
            cells=(
                Cell(r.meeting_text, header=True),
                Cell(r.text),
                Cell(r.action.owner),
                Cell(_due(r.action)),
                Cell(r.status_text, rag="R" if r.is_open else "G"),
            )
        )
        for r in [*requests, *considered]
    ]
    if not rows:
        return [Notice("No committee has asked anything of this report.", level="info")]
    open_count = sum(1 for r in requests if r.is_open)
    return [
        Table(
            caption=f"Committee requests and actions for this report ({open_count} open)",
            header_rows=(
                Row(
                    cells=tuple(
                        Cell(text, header=True)
                        for text in ("Meeting", "Asked or agreed", "Owner", "Due", "Status")
                    )
                ),
            ),
            rows=tuple(rows),
            widths=(18, 40, 15, 11, 16),
        )
    ]
