"""The programme office keeps a committee's members in a browser: add one (a refused form
first), change their role, then remove them; every page checked with axe-core. The member is
removed at the end and stays only as a former member (the server's database lives for the run).
"""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import check_accessibility, screenshot, sign_in

pytestmark = pytest.mark.e2e


def test_programme_office_adds_changes_and_removes_a_committee_member(page: Page):
    sign_in(page, "office")
    page.get_by_role("link", name="Governance", exact=True).click()
    check_accessibility(page)
    page.get_by_role("link", name="Scrutiny committee", exact=True).click()
    check_accessibility(page)
    members = page.get_by_role("table", name="Members and the areas they have an interest in")
    expect(members.locator("tbody tr")).to_have_count(7)

    # Nothing filled in: an error summary that links to each field.
    page.get_by_role("button", name="Add a member").click()
    expect(page).to_have_url(re.compile(r"/somerset/governance/committees/scrutiny/members/new/$"))
    check_accessibility(page)
    page.get_by_role("button", name="Save").click()
    check_accessibility(page)
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link", name="Enter the member's name")).to_be_visible()
    summary.get_by_role("link", name="Select the member's role").click()
    expect(page.get_by_label("Chair", exact=True)).to_be_focused()
    expect(page).to_have_title(re.compile("^Error: Add a member"))
    # A name the committee already has is refused, and what was typed stays.
    page.get_by_label("Name").fill("Jo Simons")
    page.get_by_label("Co-opted member", exact=True).check()
    page.get_by_role("button", name="Save").click()
    check_accessibility(page)
    expect(
        page.locator(".govuk-error-summary").get_by_role(
            "link", name="Jo Simons is already a member of Scrutiny committee"
        )
    ).to_be_visible()
    expect(page.get_by_label("Name")).to_have_value("Jo Simons")
    expect(page.get_by_label("Co-opted member", exact=True)).to_be_checked()
    screenshot(page, "governance-member-new-errors")

    page.get_by_label("Name").fill("Amy Carter")
    page.get_by_label("Councillor", exact=True).check()
    page.get_by_role("button", name="Save").click()
    check_accessibility(page)
    expect(page.get_by_text("Member added.")).to_be_visible()
    row = members.locator("tbody tr").filter(has_text="Amy Carter")
    expect(row).to_contain_text("Councillor")

    # Her role changes.
    row.get_by_role("link", name="Change Amy Carter").click()
    check_accessibility(page)
    expect(page.get_by_label("Name")).to_have_value("Amy Carter")
    page.get_by_label("Vice-chair", exact=True).check()
    page.get_by_role("button", name="Save").click()
    check_accessibility(page)
    expect(page.get_by_text("Member's details saved.")).to_be_visible()
    expect(members.locator("tbody tr").filter(has_text="Amy Carter")).to_contain_text("Vice-chair")

    # She leaves: listed as a former member, nothing deleted.
    members.locator("tbody tr").filter(has_text="Amy Carter").get_by_role(
        "link", name="Remove Amy Carter"
    ).click()
    check_accessibility(page)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Remove Amy Carter from the committee"
    )
    screenshot(page, "governance-member-remove")
    page.get_by_role("button", name="Remove Amy Carter").click()
    check_accessibility(page)
    expect(
        page.get_by_text("Amy Carter is recorded as having left Scrutiny committee.")
    ).to_be_visible()
    expect(members.locator("tbody tr")).to_have_count(7)
    expect(page.get_by_role("heading", name="Former members")).to_be_visible()
    expect(page.get_by_text("Amy Carter (Vice-chair)")).to_be_visible()
    screenshot(page, "governance-committee-members")
