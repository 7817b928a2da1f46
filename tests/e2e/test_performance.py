"""The performance pages in a browser: the catalogue, an indicator with its chart, data
quality and inspections; a councillor sees small numbers as c."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import check_accessibility, screenshot, sign_in

pytestmark = pytest.mark.e2e


def open_catalogue(page: Page) -> None:
    page.get_by_role("link", name="Performance", exact=True).click()
    expect(page).to_have_url(re.compile(r"/somerset/performance/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Performance indicators")
    check_accessibility(page)


def test_analyst_reads_the_catalogue_and_an_indicator_with_its_chart(page: Page):
    sign_in(page, "analyst")
    open_catalogue(page)
    tables = page.locator(".bp-table-wrapper[role=region] table")
    assert tables.count() >= 2, "the demo holds indicators in several service areas"
    # Every RAG cell says its rating in words, never by colour alone.
    for tag in page.locator("strong.bp-rag").all()[:20]:
        assert tag.inner_text() in {"Red", "Amber", "Green", "Not rated"}
    screenshot(page, "performance-catalogue", docs=True)

    # An indicator with a trend has a chart (a sparkline in the catalogue): open it.
    row = page.locator("tr", has=page.locator("svg.bp-sparkline")).first
    expect(row).to_be_visible()
    row.get_by_role("link").first.click()
    expect(page).to_have_url(re.compile(r"/somerset/performance/indicators/[A-Z0-9-]+/$"))
    check_accessibility(page)
    chart = page.locator("figure.bp-chart").first
    expect(chart.locator("div[role=img]")).to_have_attribute("aria-label", re.compile(r"\w"))
    chart.locator("summary").click()
    expect(chart.locator("table tbody tr").first).to_be_visible()
    check_accessibility(page)
    screenshot(page, "performance-indicator", docs=True)

    page.get_by_role("link", name="Data quality").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Data quality")
    check_accessibility(page)
    page.get_by_role("link", name="School inspections").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("School inspections")
    check_accessibility(page)


def test_councillor_sees_suppressed_figures(page: Page):
    sign_in(page, "councillor")
    open_catalogue(page)
    expect(page.locator(".govuk-inset-text")).to_contain_text("shown as c")
