"""The programme office keeps a committee's work plan in a browser: add a topic (a refused form
first) planned for the committee's next meeting (which has no date yet), change it, then record
it as withdrawn; every page checked with axe-core. The topic stays on the plan, withdrawn (the
server's database lives for the run).
"""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import check_accessibility, screenshot, sign_in

pytestmark = pytest.mark.e2e


def test_programme_office_adds_changes_and_withdraws_a_work_plan_topic(page: Page):
    sign_in(page, "office")
    page.get_by_role("link", name="Governance", exact=True).click()
    check_accessibility(page)
    page.get_by_role("link", name="Scrutiny committee", exact=True).click()
    check_accessibility(page)
    plan = page.get_by_role("region", name="Work plan")
    expect(plan.locator("tbody tr")).to_have_count(1)
    expect(plan).to_contain_text("data sharing (‘how it works’)")

    # Nothing filled in: an error summary that links to the field.
    page.get_by_role("button", name="Add a topic to the work plan").click()
    expect(page).to_have_url(
        re.compile(r"/somerset/governance/committees/scrutiny/work-plan/new/$")
    )
    check_accessibility(page)
    page.get_by_label("Meeting it is planned for (optional)").select_option(
        label="Next meeting (date not yet set)"
    )
    page.get_by_role("button", name="Save").click()
    check_accessibility(page)
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    summary.get_by_role("link", name="Enter the topic").click()
    expect(page.get_by_label("Topic")).to_be_focused()
    expect(page).to_have_title(re.compile("^Error: Add a topic to the work plan"))
    # What was chosen stays.
    expect(page.get_by_label("Meeting it is planned for (optional)")).to_have_value(
        re.compile(r"^\d+$")
    )
    screenshot(page, "governance-work-plan-new-errors")

    page.get_by_label("Topic").fill("Early help performance")
    page.get_by_role("button", name="Save").click()
    check_accessibility(page)
    expect(page.get_by_text("Topic added to the work plan.")).to_be_visible()
    row = plan.locator("tbody tr").filter(has_text="Early help performance")
    expect(row).to_contain_text("Next meeting (date not yet set)")
    expect(row).to_contain_text("Planned")
    screenshot(page, "governance-committee-work-plan")

    # It moves to "after the consultation", then is withdrawn: kept, marked so.
    row.get_by_role("link", name="Change Early help performance").click()
    check_accessibility(page)
    expect(page.get_by_label("Topic")).to_have_value("Early help performance")
    page.get_by_label("Meeting it is planned for (optional)").select_option(
        label="Not planned for a meeting yet"
    )
    page.get_by_label("When, in words (optional)").fill("after the consultation")
    page.get_by_label("Withdrawn", exact=True).check()
    screenshot(page, "governance-work-plan-edit")
    page.get_by_role("button", name="Save").click()
    check_accessibility(page)
    expect(page.get_by_text("Work plan topic saved.")).to_be_visible()
    row = plan.locator("tbody tr").filter(has_text="Early help performance")
    expect(row).to_contain_text("after the consultation")
    expect(row).to_contain_text("Withdrawn")
    expect(plan.locator("tbody tr")).to_have_count(2)

    # Its history names who changed what.
    row.get_by_role("link", name="Change Early help performance").click()
    page.get_by_role("link", name="Every change to this record, with who made it").click()
    check_accessibility(page)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Early help performance")
