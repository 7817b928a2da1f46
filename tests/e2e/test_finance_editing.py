"""A finance officer changes a saving's position in a form, and sees the MTFP page, the export
and the history change. The test puts the original figures back through the same form."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import SOMERSET_PERIOD, check_accessibility, screenshot, sign_in

pytestmark = pytest.mark.e2e

ORIGINAL = {"Achieved (£)": "", "On track (£)": "1482000", "At risk (£)": "1903800"}


def open_cfe016_form(page: Page) -> None:
    page.goto(page.url.split("/somerset/")[0] + f"/somerset/finance/savings/{SOMERSET_PERIOD}/")
    check_accessibility(page)
    page.get_by_role("link", name=re.compile("^Change figures")).click()
    expect(page).to_have_url(re.compile(rf"/savings/{SOMERSET_PERIOD}/figures/$"))
    check_accessibility(page)
    page.get_by_role("link", name=re.compile(r"^Change CFE016 ")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("CFE016")
    check_accessibility(page)


def fill(page: Page, values: dict[str, str], comment: str | None = None) -> None:
    for label, value in values.items():
        page.get_by_label(label, exact=True).fill(value)
    if comment is not None:
        page.get_by_label("Comments", exact=True).fill(comment)
    page.get_by_role("button", name="Save figures").click()


def savings_export(page: Page) -> dict:
    response = page.request.get(
        page.url.split("/somerset/")[0] + f"/api/v1/finance/savings?period={SOMERSET_PERIOD}"
    )
    assert response.ok
    return response.json()


def test_finance_officer_changes_a_savings_position_in_a_form(page: Page):
    sign_in(page, "finance")
    before = savings_export(page)
    original_comment = next(x for x in before["lines"] if x["ref"] == "CFE016")["comment"]
    open_cfe016_form(page)
    try:
        # Parts that do not add up: refused, with an error summary linking to the field.
        fill(page, {"Achieved (£)": "100,000"})
        summary = page.locator(".govuk-error-summary")
        expect(summary).to_be_visible()
        expect(summary).to_contain_text("£100,000 more than the target of £3,385,800")
        check_accessibility(page)
        screenshot(page, "finance-saving-edit-error")
        summary.get_by_role("link").first.click()
        expect(page.get_by_label("At risk (£)", exact=True)).to_be_focused()

        fill(
            page,
            {"Achieved (£)": "100,000", "At risk (£)": "1,803,800"},
            comment="Two placements stepped down in July",
        )
        expect(page).to_have_url(re.compile(rf"/finance/savings/{SOMERSET_PERIOD}/$"))
        expect(page.locator(".govuk-notification-banner--success")).to_contain_text("CFE016")
        check_accessibility(page)
        row = page.locator("tr", has=page.get_by_role("rowheader", name="CFE016"))
        expect(row).to_contain_text("100,000")
        expect(row).to_contain_text("1,803,800")
        expect(row).to_contain_text("Two placements stepped down in July")
        totals = page.locator("tr", has=page.get_by_role("rowheader", name="TOTALS"))
        expect(totals).to_contain_text("1,471,200")  # achieved: 1,371,200 + 100,000
        expect(totals).to_contain_text("3,931,300")  # at risk: 4,031,300 − 100,000

        after = savings_export(page)
        line = next(x for x in after["lines"] if x["ref"] == "CFE016")
        assert (line["achieved"], line["at_risk"], line["over_achieved"]) == (
            "100000",
            "1803800",
            None,
        )
        assert after["totals"]["achieved"] == "1471200"

        open_cfe016_form(page)
        history = page.get_by_role("region", name="History of these figures")
        expect(history).to_contain_text("Achieved: blank → £100,000")
        expect(history).to_contain_text("At risk: £1,903,800 → £1,803,800")
        expect(history.locator("tbody tr").first).to_contain_text("finance")
        screenshot(page, "finance-saving-edit-history")
    finally:
        open_cfe016_form(page)
        fill(page, ORIGINAL, comment=original_comment)
        expect(page).to_have_url(re.compile(rf"/finance/savings/{SOMERSET_PERIOD}/$"))
    assert savings_export(page) == before


def test_the_other_finance_forms_are_accessible_with_and_without_errors(page: Page):
    sign_in(page, "finance")
    base = page.url.split("/somerset/")[0] + "/somerset/finance/"
    for path in ("budget/2022-12/figures/", "dsg/2022-12/figures/"):
        page.goto(base + path)
        check_accessibility(page)
        page.get_by_role("link", name=re.compile("^Change ")).first.click()
        check_accessibility(page)
        page.get_by_label("Current budget (£m)").fill("")
        page.get_by_role("button", name="Save figures").click()
        expect(page.locator(".govuk-error-summary")).to_contain_text(
            "Enter the current budget in £m."
        )
        check_accessibility(page)
    for path, button in (("service-areas/add/", "Save"), ("savings-lines/add/", "Save")):
        page.goto(base + path)
        check_accessibility(page)
        page.get_by_role("button", name=button).click()
        expect(page.locator(".govuk-error-summary")).to_be_visible()
        check_accessibility(page)
    screenshot(page, "finance-saving-line-errors")
