"""A month in the service: the office opens July 2024 with June carried forward as drafts, a lead
submits, the office returns it with a comment, the lead fixes and resubmits, the office
approves and closes July; a councillor sees July only once it is approved. And two people
editing the same update at once: a conflict page, and neither edit lost.

These tests change periods for good (a period is never deleted), so they run against a server
of their own instead of the one the other browser tests share.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e import server as e2e_server
from tests.e2e.conftest import DESKTOP, _finish, _new_page
from tests.e2e.helpers import check_accessibility, screenshot, sign_in
from tests.e2e.server import Server

pytestmark = pytest.mark.e2e

EDUCATION = "Local mainstream school is the right choice for most children"
WORKSTREAMS = [
    EDUCATION,
    "Developing an excellent workforce for children",
    "Families can access support early",
    "Sufficient homes for children in care and school places for children with additional "
    "needs in Somerset",
]
JULY_EDUCATION = "/somerset/programme/2024-07/workstreams/local-mainstream-school/"
JUNE_EDIT = "/somerset/programme/2024-06/workstreams/local-mainstream-school/edit/"


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    with e2e_server.serving("boardpack-e2e-cycle-", "_cycle") as running:
        yield running


def switch_user(page: Page, username: str) -> None:
    page.context.clear_cookies()
    sign_in(page, username)


def period_row(page: Page, name: str):
    return page.get_by_role("row").filter(has=page.get_by_role("rowheader", name=name))


def click_and_check(page: Page, locator) -> None:
    locator.click()
    page.wait_for_load_state()
    check_accessibility(page)


def test_a_month_from_opening_to_closing(page: Page):
    # 1. The office opens July 2024: June's content comes forward as drafts.
    sign_in(page, "office")
    click_and_check(page, page.get_by_role("link", name="Reporting periods"))
    screenshot(page, "periods")
    page.get_by_label(re.compile(r"^Month \(July 2024\)")).check()
    click_and_check(page, page.get_by_role("button", name="Open period"))
    expect(page).to_have_url(re.compile(r"/somerset/periods/2024-07/$"))
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("July 2024 is open")
    education = period_row(page, f"Workstream update: {EDUCATION}")
    expect(education).to_contain_text("Draft")
    expect(education).to_contain_text("Carried forward from June 2024")
    expect(education).to_contain_text("Liam Lead")
    screenshot(page, "period-outstanding", docs=True)
    click_and_check(page, page.get_by_role("link", name="See the programme for July 2024"))
    expect(page.get_by_text("Carried forward from June 2024").first).to_be_visible()

    # A councillor still lands on June: nothing of July is approved.
    switch_user(page, "councillor")
    expect(page).to_have_url(re.compile(r"/somerset/programme/2024-06/$"))

    # 2. The lead submits their workstream.
    switch_user(page, "lead.education")
    page.goto(JULY_EDUCATION)
    check_accessibility(page)
    expect(page.get_by_text("Carried forward from June 2024")).to_be_visible()
    click_and_check(page, page.get_by_role("button", name=re.compile("^Submit for approval")))
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("submitted")

    # 3. The office returns it with a comment.
    switch_user(page, "office")
    page.goto("/somerset/periods/2024-07/")
    check_accessibility(page)
    education = period_row(page, f"Workstream update: {EDUCATION}")
    expect(education).to_contain_text("Submitted")
    education.get_by_text(re.compile("^Return")).first.click()
    check_accessibility(page)
    education.get_by_label("What needs changing").fill("Say what changed in July")
    click_and_check(page, education.get_by_role("button", name=re.compile("^Return")))
    expect(period_row(page, f"Workstream update: {EDUCATION}")).to_contain_text("Returned")

    # The lead sees the comment, fixes the update and resubmits.
    switch_user(page, "lead.education")
    page.goto(JULY_EDUCATION)
    check_accessibility(page)
    expect(page.get_by_text("Say what changed in July")).to_be_visible()
    screenshot(page, "workstream-returned")
    click_and_check(page, page.get_by_role("link", name="Edit the update for July 2024"))
    working_well = page.get_by_label("Working well", exact=True)
    working_well.fill(working_well.input_value() + "\nJuly: two more schools joined")
    click_and_check(page, page.get_by_role("button", name="Save update"))
    expect(page.get_by_text("Carried forward from June 2024")).to_have_count(0)
    click_and_check(page, page.get_by_role("button", name=re.compile("^Submit for approval")))

    # 4. The office approves everything, then closes July.
    switch_user(page, "office")
    page.goto("/somerset/periods/2024-07/")
    check_accessibility(page)
    # Closing too early is refused, listing what is not approved.
    click_and_check(page, page.get_by_role("button", name="Close July 2024"))
    expect(page.locator(".govuk-error-summary")).to_contain_text("July 2024 cannot close yet")
    expect(page.locator(".govuk-error-summary")).to_contain_text(f"{EDUCATION}: Submitted")
    screenshot(page, "period-cannot-close")
    page.goto("/somerset/periods/2024-07/")
    rows = [f"Workstream update: {name}" for name in WORKSTREAMS] + ["Director's summary"]
    for name in rows:
        submit = period_row(page, name).get_by_role("button", name=re.compile("^Submit for"))
        if submit.count():
            click_and_check(page, submit)
        click_and_check(
            page, period_row(page, name).get_by_role("button", name=re.compile("^Approve"))
        )
        expect(period_row(page, name)).to_contain_text("Approved")

    # A councillor now sees July, with the lead's fix.
    switch_user(page, "councillor")
    expect(page).to_have_url(re.compile(r"/somerset/programme/2024-07/$"))
    page.get_by_role("link", name=EDUCATION).click()
    check_accessibility(page)
    expect(page.get_by_text("July: two more schools joined")).to_be_visible()

    # Finance approves its own summary; then the office can close July.
    switch_user(page, "finance")
    page.goto("/somerset/periods/2024-07/")
    check_accessibility(page)
    finance_row = period_row(page, "Finance summary")
    click_and_check(page, finance_row.get_by_role("button", name=re.compile("^Submit for")))
    click_and_check(
        page, period_row(page, "Finance summary").get_by_role("button", name=re.compile("^Approve"))
    )
    switch_user(page, "office")
    page.goto("/somerset/periods/2024-07/")
    check_accessibility(page)
    expect(page.get_by_text("Everything is approved.")).to_be_visible()
    click_and_check(page, page.get_by_role("button", name="Close July 2024"))
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "July 2024 is closed"
    )
    expect(page.get_by_text("This period is closed: its content is frozen.")).to_be_visible()
    screenshot(page, "period-closed")


def test_two_concurrent_edits_give_a_conflict_page_and_neither_is_lost(
    page: Page, browser: Browser, server: Server, request
):
    sign_in(page, "lead.education")
    other_context, other = _new_page(browser, server, DESKTOP)
    try:
        sign_in(other, "office")
        # Both open the same update.
        for p in (page, other):
            p.goto(JUNE_EDIT)
            check_accessibility(p)
        other.get_by_label("Not working well", exact=True).fill("The office's version")
        click_and_check(other, other.get_by_role("button", name="Save update"))

        page.get_by_label("Not working well", exact=True).fill("The lead's version")
        click_and_check(page, page.get_by_role("button", name="Save update"))
        expect(page.get_by_role("heading", name="Someone else saved this first")).to_be_visible()
        table = page.get_by_role("table", name="The saved version and yours")
        expect(table).to_contain_text("The office's version")
        expect(table).to_contain_text("The lead's version")
        screenshot(page, "edit-conflict", docs=True)
        click_and_check(page, page.get_by_role("button", name="Save my version over theirs"))
        expect(page.get_by_text("The lead's version")).to_be_visible()

        # The office's edit is in the history, and can be restored.
        click_and_check(page, page.get_by_role("link", name="History of this update"))
        expect(page.get_by_text("The office's version").first).to_be_visible()
        expect(page.get_by_text("Changed by Priya Office").first).to_be_visible()
        screenshot(page, "history")
    finally:
        _finish(other, other_context, server, getattr(request.node, "bp_failed", ""))
