""" "What has changed since the last period", drafted from the data."""

from decimal import Decimal

import pytest

from boardpack.core.models import RAG, ReportingPeriod
from boardpack.demo.loader import period
from boardpack.programme.models import (
    Escalation,
    Project,
    ProjectUpdate,
    Workstream,
    WorkstreamUpdate,
)
from boardpack.reports.blocks.changes import what_changed_markdown
from boardpack.reports.blocks.context import BlockContext
from tests.reports.helpers import copy_savings_to, june, move_at_risk_to_on_track, somerset

pytestmark = pytest.mark.django_db


def _draft(month: ReportingPeriod) -> str:
    return what_changed_markdown(BlockContext(organisation=somerset(), period=month))


def test_no_earlier_period_means_no_draft():
    assert _draft(june()) == ""


def test_savings_moves_rag_changes_and_escalations_since_the_previous_period():
    may = period(somerset(), "2024-05")
    copy_savings_to(june(), may)
    move_at_risk_to_on_track("CFE018", Decimal("85500"), june())
    homes = Workstream.objects.get(slug="sufficient-homes", programme__organisation=somerset())
    WorkstreamUpdate.objects.create(workstream=homes, period=may, rag=RAG.AMBER)
    WorkstreamUpdate.objects.filter(workstream=homes, period=june()).update(rag=RAG.RED)
    fostering = Project.objects.get(workstream=homes, name="Fostering improvement")
    ProjectUpdate.objects.create(project=fostering, period=june(), rag=RAG.GREEN)
    Escalation.objects.create(
        programme=homes.programme, workstream=homes, period=may, text="Old *worry*"
    )
    draft = _draft(june())
    assert "### Savings (MTFP) since" in draft
    assert "- **CFE018** 16+ DPS (Spot purchase): £85,500 moved from At Risk to On Track" in draft
    assert "CFE016" not in draft  # unchanged lines are not listed
    assert "Workstream Sufficient homes" in draft and "Amber → Red" in draft
    assert "- Project Fostering improvement: Not rated → Green" in draft
    assert "- New: Lack of private rental & housing for Care Leavers" in draft
    assert "- Cleared: Old \\*worry\\* (Sufficient homes" in draft  # Markdown escaped


def test_budget_lines_whose_variance_moved_most():
    month_9 = ReportingPeriod.objects.get(organisation=somerset(), month="2022-12-01")
    draft = _draft(month_9)
    assert "### Budget variance since Month 7" in draft
    budget_lines = [line for line in draft.splitlines() if "variance moved" in line]
    assert len(budget_lines) == 3
