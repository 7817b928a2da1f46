"""The programme office records a committee's business in a browser: a meeting, an agenda item,
a point raised with the officers' response, an action, and then the action done. Every page is
checked with axe-core.

The meeting is dated 2030, after the clock, so the tracker the other browser tests read is
unchanged (the server's database lives for the run; the demo's own meetings have no date).
"""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import check_accessibility, screenshot, sign_in

pytestmark = pytest.mark.e2e

COMMITTEE = "Scrutiny committee"


def test_programme_office_records_a_meeting_item_point_and_action_then_marks_it_done(
    page: Page,
):
    sign_in(page, "office")
    page.get_by_role("link", name="Governance", exact=True).click()
    check_accessibility(page)

    # A meeting: a date that does not exist is refused, and what was typed stays.
    page.get_by_role("button", name="Add a meeting").click()
    expect(page).to_have_url(re.compile(r"/somerset/governance/meetings/new/$"))
    check_accessibility(page)
    page.get_by_label("Date of the meeting").fill("31/02/2030")
    page.get_by_label("Title (optional)").fill("Spring deep dive")
    page.get_by_role("button", name="Save").click()
    check_accessibility(page)
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link", name="Choose the committee that meets")).to_be_visible()
    summary.get_by_role(
        "link", name="Date of the meeting must be a real date, like 26/06/2024"
    ).click()
    expect(page.get_by_label("Date of the meeting")).to_be_focused()
    expect(page.get_by_label("Date of the meeting")).to_have_value("31/02/2030")
    expect(page.get_by_label("Title (optional)")).to_have_value("Spring deep dive")
    expect(page).to_have_title(re.compile("^Error: Add a meeting"))
    screenshot(page, "governance-meeting-new-errors")
    page.get_by_label("Committee").select_option(label=COMMITTEE)
    page.get_by_label("Date of the meeting").fill("4/3/2030")
    page.get_by_role("button", name="Save").click()
    check_accessibility(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Meeting of 4 March 2030")
    expect(page.get_by_text("Meeting added. Add its agenda items next.")).to_be_visible()

    # An agenda item.
    page.get_by_role("button", name="Add an agenda item").click()
    check_accessibility(page)
    page.get_by_label("Title", exact=True).fill("Early help: family hubs")
    page.get_by_label("To consider", exact=True).check()
    page.get_by_label("Time the Chair allows, in minutes (optional)").fill("45")
    page.get_by_label("Presenting officer (optional)").fill("Director of Early Help")
    page.get_by_label("Background papers (optional)").fill("Family hubs business case")
    screenshot(page, "governance-item-new")
    page.get_by_role("button", name="Save").click()
    check_accessibility(page)
    expect(page.get_by_role("heading", level=2, name="Early help: family hubs")).to_be_visible()
    expect(page.get_by_text("45 minutes")).to_be_visible()

    # A point raised, the officers' response, and the workstream it concerns.
    page.get_by_role("link", name=re.compile("^Record a point raised and the response")).click()
    check_accessibility(page)
    page.get_by_label("Point raised").fill("asked how many families the hubs reached")
    page.get_by_label("Officers' response (optional)").fill("the figures will come to June")
    page.get_by_label("Workstream it concerns (optional)").select_option(
        label="Families can access support early"
    )
    screenshot(page, "governance-point-new")
    page.get_by_role("button", name="Save").click()
    check_accessibility(page)
    card = page.locator(".govuk-summary-card").filter(has_text="how many families")
    expect(card.get_by_role("heading")).to_have_text("Point 1 – Families can access support early")
    expect(card).to_contain_text("the figures will come to June")

    # An action agreed at the meeting.
    page.get_by_role("button", name="Add an action from this meeting").click()
    check_accessibility(page)
    page.get_by_label("What was agreed").fill("Circulate the hubs' reach figures")
    page.get_by_label("Owner").fill("Director of Early Help")
    page.get_by_label("Due date").fill("1/4/2030")
    page.get_by_role("button", name="Save action").click()
    check_accessibility(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Circulate the hubs' reach figures")
    screenshot(page, "governance-meeting-recorded-action")

    # Dropped needs a reason; then it is done, and the history shows both versions.
    page.get_by_label("Dropped", exact=True).check()
    page.get_by_role("button", name="Save changes").click()
    check_accessibility(page)
    expect(
        page.locator(".govuk-error-summary").get_by_role(
            "link", name="Give the reason the action was dropped"
        )
    ).to_be_visible()
    page.get_by_label("Done", exact=True).check()
    page.get_by_role("button", name="Save changes").click()
    check_accessibility(page)
    expect(page.get_by_text("Action updated.")).to_be_visible()
    history = page.get_by_role("table", name="Changes to this action, newest first")
    rows = history.locator("tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text("Done on")
    expect(rows.first).to_contain_text("Priya Office")
    expect(rows.nth(1)).to_contain_text("Open")
    screenshot(page, "governance-action-done")

    # The meeting lists it as done.
    page.get_by_role("link", name=re.compile("Spring deep dive|4 March 2030")).first.click()
    check_accessibility(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Meeting of 4 March 2030")
    screenshot(page, "governance-meeting-recorded", full_page=True)
