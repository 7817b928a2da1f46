"""Requests committees made of a report template, and the blocks that answer them.

Governance keeps actions that ask a report for something by the template's slug (decision 0009).
A template shows each such request as open until a block of the template answers it: the block's
``config["answers"]`` lists the ids of the actions it answers. Answering through
:func:`request_answer` also marks the action done, so governance's trackers agree.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from boardpack.governance.models import Action
from boardpack.governance.selectors import actions_for
from boardpack.reports.models import Block, ReportTemplate


@dataclass(frozen=True)
class ReportRequest:
    action: Action
    answered_by: Block | None = None

    @property
    def is_open(self) -> bool:
        return self.answered_by is None and not self.action.is_closed

    @property
    def answer_text(self) -> str:
        """``answered by “Headline figures” in Introduction``, or "" if no block answers it."""
        block = self.answered_by
        if block is None:
            return ""
        return f"answered by “{block.title or block.get_kind_display()}” in {block.section.title}"

    @property
    def status_text(self) -> str:
        if self.answered_by is not None:
            return f"Done: {self.answer_text}"
        if self.action.is_closed:
            return str(self.action.get_status_display())
        return "Open"

    @property
    def text(self) -> str:
        return self.action.report_request or self.action.text

    @property
    def meeting_text(self) -> str:
        meeting = self.action.meeting
        when = f"{meeting.date.day} {meeting.date:%B %Y}" if meeting.date else "date not stated"
        return f"{meeting.committee.name}, {when}"


def answered_ids(block: Block) -> set[int]:
    answers = block.config.get("answers", []) if isinstance(block.config, dict) else []
    if not isinstance(answers, list):
        return set()
    return {int(a) for a in answers if isinstance(a, int) or str(a).isdigit()}


def template_requests(template: ReportTemplate) -> list[ReportRequest]:
    """Every request made of the template (open ones first), each with the block answering it."""
    actions = list(actions_for(template.organisation).filter(report_template_slug=template.slug))
    by_action: dict[int, Block] = {}
    blocks = Block.objects.filter(section__template=template).select_related("section")
    for block in blocks.order_by("section__order", "order", "pk"):
        for pk in answered_ids(block):
            by_action.setdefault(pk, block)
    requests = [ReportRequest(a, by_action.get(a.pk)) for a in actions]
    return sorted(requests, key=lambda r: not r.is_open)


def request_answer(
    *, block: Block, action: Action, user: Any, today: datetime.date
) -> ReportRequest:
    """Record that ``block`` answers the committee's request, and mark the action done."""
    from boardpack.governance.services import action_update
    from boardpack.reports.services import can_edit

    if not can_edit(user):
        raise PermissionDenied("Only the programme office can change a report template.")
    template = block.section.template
    if action.organisation.pk != template.organisation_id:
        raise ValidationError("That request was made of another organisation's report.")
    if action.report_template_slug != template.slug:
        raise ValidationError(
            f"That request is for the report “{action.report_template_slug or '(none)'}”, "
            f"not “{template.slug}”."
        )
    with transaction.atomic():
        config = dict(block.config)
        config["answers"] = sorted(answered_ids(block) | {action.pk})
        block.config = config
        block.full_clean()
        block.save()
        if action.status != Action.Status.DONE:
            action_update(
                action=action,
                today=today,
                status=Action.Status.DONE,
                owner=action.owner,
                due_date=action.due_date,
                due_meeting=action.due_meeting,
            )
    return ReportRequest(action, block)
