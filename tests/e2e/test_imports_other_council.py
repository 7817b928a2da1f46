"""Done when: a budget table from another council, in its own layout (title rows, £000
headings, brackets for favourable variances, a directorate total row, service areas Boardpack
has never seen), imports through upload → preview → "add these 8 service areas" → apply, its
total reconciled in the preview.

The service areas it adds stay (service areas are never deleted): the file names divisions of
its own, and the figures go to June 2024, for which Somerset has no budget monitoring."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import check_accessibility, screenshot, sign_in
from tests.imports.helpers import xlsx
from tests.imports.test_budget_new_service_areas import OTHER_COUNCIL

pytestmark = pytest.mark.e2e


def test_finance_officer_imports_another_councils_budget_table(page: Page, tmp_path):
    path = tmp_path / "northshire-q1.xlsx"
    path.write_bytes(xlsx(OTHER_COUNCIL, title="Q1"))
    sign_in(page, "finance")
    page.get_by_role("link", name="Imports", exact=True).click()
    check_accessibility(page)
    page.get_by_label("Revenue budget monitoring", exact=True).check()
    page.get_by_label("Reporting period").fill("2024-06")
    page.get_by_label("Upload the spreadsheet").set_input_files(path)
    page.get_by_role("button", name="Upload and check").click()
    expect(page).to_have_url(re.compile(r"/somerset/imports/\d+/$"))
    check_accessibility(page)
    additions = page.locator("#additions")
    expect(additions).to_contain_text("8 service areas in the file are not in Boardpack yet")
    expect(additions).to_contain_text("Service line ‘Family Hubs’ in Early Help and Prevention")
    expect(page.locator("dd", has_text="thousands (£000)").first).to_be_visible()
    screenshot(page, "imports-other-council-unknown-areas")

    additions.get_by_role("button", name="Add these 8 service areas").click()
    check_accessibility(page)
    expect(page.locator("#additions")).to_contain_text("Boardpack will add 8 service areas")
    expect(page.locator(".govuk-error-summary")).to_have_count(0)
    expect(page.get_by_text("agrees with the 6 rows it totals")).to_be_visible()
    screenshot(page, "imports-other-council-preview")
    page.get_by_role("button", name="Apply 6 changes").click()
    expect(page).to_have_url(re.compile(r"/somerset/imports/\d+/done/$"))
    check_accessibility(page)

    page.goto(page.url.split("/somerset/")[0] + "/somerset/finance/budget/2024-06/")
    check_accessibility(page)
    expect(page.get_by_role("rowheader", name="Multi-Agency Safeguarding Hub")).to_be_visible()
    page.get_by_role("link", name="Service areas", exact=True).click()
    check_accessibility(page)
    expect(
        page.get_by_role("heading", name=re.compile("^Early Help and Prevention"))
    ).to_be_visible()
    screenshot(page, "finance-service-areas")
