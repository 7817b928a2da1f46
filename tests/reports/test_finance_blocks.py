"""The budget monitoring, DSG and escalations blocks, on Somerset's Month 9 2022/23 figures."""

import pytest

from boardpack.core.models import ReportingPeriod
from boardpack.reports.assemble import build_document
from boardpack.reports.document import Table
from boardpack.reports.models import Block, BlockKind, ReportTemplate, TemplateSection
from boardpack.reports.renderers.html import render_html
from tests.reports.helpers import html_tables, june

pytestmark = pytest.mark.django_db


@pytest.fixture
def finance_template(somerset) -> ReportTemplate:
    template = ReportTemplate.objects.create(organisation=somerset, slug="fin", title="Finance")
    section = TemplateSection.objects.create(template=template, slug="money", title="Money")
    for order, kind in enumerate(
        (BlockKind.BUDGET_TABLE, BlockKind.DSG_TABLES, BlockKind.ESCALATIONS), start=1
    ):
        Block.objects.create(section=section, kind=kind, order=order)
    return template


def test_budget_and_dsg_tables_come_from_the_selectors(finance_template, somerset):
    from boardpack.finance.selectors import budget_document, dsg_document

    month_9 = ReportingPeriod.objects.get(organisation=somerset, month="2022-12-01")
    document = build_document(finance_template, somerset, month_9)
    tables = [n for n in document.sections[0].nodes if isinstance(n, Table)]
    budget = budget_document(somerset, month_9)
    assert tables[0].caption == f"Revenue budget monitoring, {budget['period_label']}"
    total = tables[0].rows[-1]
    assert total.role == "total"
    assert [c.text for c in total.cells[1:4]] == [
        budget["total"]["printed"][k] for k in ("current_budget", "projection", "variance")
    ]
    assert total.cells[4].text == budget["total"]["marker"]
    dsg = dsg_document(somerset, month_9)
    captions = [t.caption for t in tables[1:]]
    assert any(c.startswith("Dedicated Schools Grant monitoring") for c in captions)
    dsg_table = next(t for t in tables if t.caption.startswith("Dedicated Schools Grant"))
    assert dsg_table.rows[-1].cells[3].text == dsg["total"]["printed"]["variance"]
    html = render_html(document)
    assert all(t["caption"].strip() for t in html_tables(html))
    assert "Nothing was escalated in" in html  # Month 9 has no programme escalations


def test_escalations_block_lists_finance_and_workstream_escalations(finance_template, somerset):
    document = build_document(finance_template, somerset, june())
    html = render_html(document)
    assert "Construction delays for Homes and Horizons homes 6 to 8" in html
    assert "Lack of private rental &amp; housing for Care Leavers" in html
    assert "Not available:" in html  # no budget or DSG figures for June 2024
