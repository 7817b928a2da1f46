"""Signing in and out, in a real browser, by mouse and by keyboard alone."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import (
    DEMO_PASSWORD,
    SOMERSET_PERIOD,
    check_accessibility,
    focused,
    screenshot,
    sign_in,
    sign_out,
    tab_to,
)

pytestmark = pytest.mark.e2e

OVERVIEW = f"/somerset/programme/{SOMERSET_PERIOD}/"


def test_sign_in_lands_on_the_latest_programme_overview_and_sign_out_ends_the_session(
    page: Page,
):
    page.goto("/sign-in/")
    check_accessibility(page)
    expect(page).to_have_title("Sign in – Boardpack")
    screenshot(page, "sign-in")

    sign_in(page, "office", form=True)
    expect(page).to_have_url(re.compile(re.escape(OVERVIEW) + "$"))
    expect(page.locator("footer")).to_contain_text("Signed in as Priya Office")

    sign_out(page)
    expect(page).to_have_url(re.compile(r"/sign-in/$"))
    check_accessibility(page)
    expect(page.get_by_role("button", name=re.compile("^Sign out"))).to_have_count(0)

    # The session is over: the overview asks for a sign-in again.
    page.goto(OVERVIEW)
    expect(page).to_have_url(re.compile(r"/sign-in/\?next="))
    check_accessibility(page)


def test_wrong_password_shows_the_error_summary_and_keeps_the_username(page: Page):
    page.goto("/sign-in/")
    page.get_by_label("Username").fill("office")
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    check_accessibility(page)
    expect(page).to_have_title(re.compile("^Error: Sign in"))
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("There is a problem")
    expect(summary).to_contain_text("Enter a correct username and password")
    expect(summary).to_be_focused()
    expect(page.get_by_label("Username")).to_have_value("office")
    expect(page.get_by_label("Password")).to_have_value("")
    screenshot(page, "sign-in-error")


def test_anonymous_visitor_is_sent_to_sign_in_and_then_to_the_page_they_asked_for(page: Page):
    wanted = f"{OVERVIEW}workstreams/sufficient-homes/"
    page.goto(wanted)
    expect(page).to_have_url(re.compile(r"/sign-in/\?next=" + re.escape(wanted) + "$"))
    check_accessibility(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in to Boardpack")
    page.get_by_label("Username").fill("councillor")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(re.escape(wanted) + "$"))
    check_accessibility(page)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sufficient homes")


def test_keyboard_only_skip_link_sign_in_and_sign_out(page: Page):
    page.goto("/sign-in/")
    check_accessibility(page)

    # The first Tab reaches the skip link, which moves focus to the main content.
    page.keyboard.press("Tab")
    skip = focused(page)
    assert skip["text"] == "Skip to main content", skip
    expect(page.locator(".govuk-skip-link")).to_be_in_viewport()
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "main-content"

    # From the main content: username, password, then the button.
    tab_to(page, lambda el: el["name"] == "username", limit=5)
    page.keyboard.type("councillor")
    page.keyboard.press("Tab")
    assert focused(page)["name"] == "password"
    page.keyboard.type(DEMO_PASSWORD)
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Sign in"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    # (The skip link's #main-content stays on the address, as browsers keep it over redirects.)
    expect(page).to_have_url(re.compile(re.escape(OVERVIEW) + "(#main-content)?$"))
    check_accessibility(page)

    # Sign out is a button in the service navigation, reachable by Tab and pressed with Space.
    tab_to(page, lambda el: el["text"].startswith("Sign out"), limit=40)
    with page.expect_navigation():
        page.keyboard.press("Space")
    expect(page).to_have_url(re.compile(r"/sign-in/$"))
    check_accessibility(page)
