"""Governance in a browser: the action tracker, a meeting's minutes, the chair's view and the
risk register, each checked with axe-core."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import check_accessibility, screenshot, sign_in

pytestmark = pytest.mark.e2e

# The minutes name neither the committee nor the meeting's date.
MEETING = "Scrutiny committee, date not stated"
MEETING_HEADING = "Meeting (date not stated in the minutes)"


def test_councillor_follows_the_actions_on_the_tracker(page: Page):
    sign_in(page, "councillor")
    page.get_by_role("link", name="Governance", exact=True).click()
    expect(page).to_have_url(re.compile(r"/somerset/governance/$"))
    check_accessibility(page)
    page.get_by_role("link", name="Action tracker").click()
    expect(page).to_have_url(re.compile(r"/somerset/governance/actions/$"))
    check_accessibility(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Action tracker")
    # Both actions are due at the committee's next meeting, whose date is not set: open, and
    # never overdue by guesswork.
    expect(page.get_by_role("table", name=re.compile("^Overdue")).locator("tbody")).to_have_text(
        "None."
    )
    rows = page.get_by_role("table", name=re.compile("^Open")).locator("tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text("data sharing (‘how it works’), will be added")
    expect(rows.first).to_contain_text("Next meeting (date not yet set)")
    expect(rows.nth(1)).to_contain_text("relevant contact information will be circulated")
    screenshot(page, "governance-tracker")

    page.get_by_role("link", name="Scrutiny committee: since the last meeting").click()
    check_accessibility(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Since the last meeting")
    expect(page.get_by_text("data sharing (‘how it works’)", exact=True)).to_be_visible()

    page.get_by_role("link", name=MEETING).first.click()
    check_accessibility(page)
    expect(page.get_by_role("heading", level=1)).to_have_text(MEETING_HEADING)


def test_a_meeting_shows_its_item_interests_points_and_responses(page: Page):
    sign_in(page, "councillor")
    page.get_by_role("link", name="Governance", exact=True).click()
    check_accessibility(page)
    page.get_by_role("link", name=MEETING).click()
    expect(page).to_have_url(re.compile(r"/somerset/governance/meetings/\d+/$"))
    check_accessibility(page)
    expect(
        page.get_by_role("heading", level=2, name=re.compile("Transformation Plan"))
    ).to_have_text("Children’s Services Transformation Plan (deep dive)")
    expect(page.get_by_text("55 minutes")).to_be_visible()
    expect(page.get_by_text("Connect Somerset – Tobie Osmond, Ruth Hobbs")).to_be_visible()
    cards = page.locator(".govuk-summary-card")
    expect(cards).to_have_count(7)
    first = cards.first
    expect(first.get_by_role("heading")).to_have_text(
        re.compile("Point 1 – Sufficient homes .*: Homes and Horizons")
    )
    expect(first).to_contain_text("explained that there is funding but are a number of reasons")
    expect(page.get_by_role("button", name=re.compile("Add an action"))).to_have_count(0)
    screenshot(page, "governance-meeting")


def test_an_action_without_owner_or_due_date_is_refused_with_an_error_summary(page: Page):
    sign_in(page, "office")
    page.get_by_role("link", name="Governance", exact=True).click()
    check_accessibility(page)
    page.get_by_role("link", name=MEETING).click()
    check_accessibility(page)
    page.get_by_role("button", name="Add an action from this meeting").click()
    check_accessibility(page)
    page.get_by_label("What was agreed").fill("Circulate the YMCA contacts")
    page.get_by_role("button", name="Save action").click()
    check_accessibility(page)
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link", name="Enter who owns the action")).to_be_visible()
    summary.get_by_role("link", name="Enter a due date or choose the meeting it is due at").click()
    expect(page.get_by_label("Due date")).to_be_focused()
    expect(page).to_have_title(re.compile("^Error: "))


def test_the_risk_register_and_its_heat_map(page: Page):
    sign_in(page, "office")
    page.goto("/somerset/governance/risks/")
    check_accessibility(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Risk register")
    heat = page.get_by_role("table", name=re.compile("Number of risks by impact"))
    expect(heat.locator("tbody tr")).to_have_count(5)
    expect(heat.locator("tbody tr").first.locator("td").last).to_contain_text("Very high (25)")
    expect(page.locator("figure.bp-chart div[role=img]")).to_have_attribute(
        "aria-label", "Heat map of likelihood and impact: no risks are recorded."
    )
    page.get_by_role("button", name="Add a risk").click()
    check_accessibility(page)


def test_a_workstream_page_lists_what_scrutiny_asked_with_the_responses(page: Page):
    sign_in(page, "lead.homes")
    page.goto("/somerset/programme/2024-06/workstreams/sufficient-homes/")
    check_accessibility(page)
    expect(page.get_by_role("heading", name="What scrutiny asked")).to_be_visible()
    cards = page.locator(".govuk-summary-card")
    expect(cards).to_have_count(3)
    expect(cards.first).to_contain_text("delays to Homes and Horizons homes 6 to 8")
    expect(cards.first).to_contain_text("explained that there is funding")
    expect(cards.nth(2)).to_contain_text("the 2 YMCA’s are main providers")
    screenshot(page, "governance-workstream-scrutiny")
    cards.first.get_by_role("link", name=re.compile("The meeting")).click()
    check_accessibility(page)
    expect(page.get_by_role("heading", level=1)).to_have_text(MEETING_HEADING)
