"""The finance pages (MTFP savings tracker, revenue budget monitoring, DSG) in a browser."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import SOMERSET_PERIOD, check_accessibility, screenshot, sign_in

pytestmark = pytest.mark.e2e

TABLES = {
    "savings": "MTFP savings tracker",
    "budget": "Revenue budget monitoring",
    "dsg": "Dedicated Schools Grant",
}


def show_a_period_with_figures(page: Page) -> str:
    """Choose, in the period switcher, the latest period that has figures for this table."""
    switcher = page.get_by_label("Reporting period")
    options = switcher.locator("option").all()
    with_figures = [o for o in options if not o.inner_text().endswith("(no figures)")]
    assert with_figures, f"{page.url}: no period has figures"
    key = with_figures[0].get_attribute("value") or ""
    if switcher.input_value() != key:
        switcher.select_option(key)
        page.get_by_role("button", name="Show period").click()
        expect(page).to_have_url(re.compile(rf"/{key}/$"))
        check_accessibility(page)
    return key


def test_finance_officer_reads_every_finance_table_with_its_chart(page: Page):
    sign_in(page, "finance")
    page.get_by_role("link", name="Finance", exact=True).click()
    expect(page).to_have_url(re.compile(rf"/somerset/finance/savings/{SOMERSET_PERIOD}/$"))
    check_accessibility(page)
    expect(page.get_by_role("link", name="Finance", exact=True)).to_have_attribute(
        "aria-current", "true"
    )

    for table, title in TABLES.items():
        page.get_by_role("navigation", name="Finance tables").get_by_role(
            "link", name=title
        ).click()
        expect(page).to_have_url(re.compile(rf"/somerset/finance/{table}/\d{{4}}-\d{{2}}/$"))
        check_accessibility(page)
        key = show_a_period_with_figures(page)
        expect(page.get_by_role("heading", level=1)).to_have_text(title)
        figures = page.locator(".bp-table-wrapper[role=region] table").first
        expect(figures).to_be_visible()
        expect(figures.locator("tbody tr").first).to_be_visible()

        # The chart has a title, alternative text and its data as a table behind "details".
        chart = page.locator("figure.bp-chart")
        if chart.count():
            expect(chart.locator("div[role=img]")).to_have_attribute(
                "aria-label", re.compile(r"\w")
            )
            details = chart.locator("details")
            details.locator("summary").click()
            expect(details.get_by_role("table")).to_be_visible()
            check_accessibility(page)
            page.evaluate("() => document.activeElement && document.activeElement.blur()")
        screenshot(page, f"finance-{table}", docs=table == "budget")
        assert key


def test_finance_tables_for_a_period_without_figures_say_so(page: Page):
    sign_in(page, "councillor")
    for table, title in TABLES.items():
        response = page.goto(f"/somerset/finance/{table}/2024-03/")
        assert response is not None and response.status == 200
        check_accessibility(page)
        expect(page.get_by_role("heading", level=1)).to_have_text(title)
        expect(page.get_by_label("Reporting period")).to_have_value("2024-03")
