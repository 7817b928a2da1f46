"""In the browser: pages work under the Content Security Policy, violations are caught, and a
user changes their own password."""

import pytest
from playwright.sync_api import Page, expect

from tests.e2e import helpers
from tests.e2e.helpers import DEMO_PASSWORD, SOMERSET_PERIOD, check_accessibility, sign_in

pytestmark = pytest.mark.e2e

NEW_PASSWORD = "a brand new passphrase 47"


def test_govuk_frontend_runs_under_the_content_security_policy(page: Page):
    response = page.goto("/sign-in/")
    assert response is not None
    assert "script-src 'self'" in response.headers["content-security-policy"]
    check_accessibility(page)
    body_classes = page.evaluate("() => document.body.className")
    assert "js-enabled" in body_classes and "govuk-frontend-supported" in body_classes
    # GOV.UK Frontend's initAll() ran: its components mark themselves initialised.
    expect(page.locator("[data-module='govuk-button'][data-govuk-button-init]")).to_have_count(1)


def test_a_violation_of_the_policy_fails_the_test(page: Page):
    """The check is real: an inline script is refused by the browser and reported."""
    page.goto("/sign-in/")
    check_accessibility(page)
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.bpInline = 1'; document.body.appendChild(s); }"
    )
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.bpInline") is None  # the browser refused to run it
    record = helpers._record(page)
    caught = [p for p in record.problems if "Content Security Policy" in p]
    assert caught, record.problems
    record.problems.clear()  # the violation was this test's own doing


def test_a_user_changes_their_own_password(page: Page):
    sign_in(page, "analyst", form=True)
    page.get_by_role("link", name="Change your password").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Change your password")
    check_accessibility(page)

    page.get_by_label("Current password").fill("not it")
    page.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("New password again").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Change password").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Your current password is not right"
    )
    check_accessibility(page)

    try:
        page.get_by_label("Current password").fill(DEMO_PASSWORD)
        page.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
        page.get_by_label("New password again").fill(NEW_PASSWORD)
        page.get_by_role("button", name="Change password").click()
        expect(page.locator(".govuk-panel__title")).to_have_text("Your password has been changed")
        check_accessibility(page)
        page.goto(f"/somerset/programme/{SOMERSET_PERIOD}/")  # still signed in
        check_accessibility(page)
        expect(page.locator(helpers.SIGN_OUT_BUTTON)).to_be_attached()
    finally:
        # Put the demo password back for the rest of the run.
        page.goto("/account/password/")
        check_accessibility(page)
        page.get_by_label("Current password").fill(NEW_PASSWORD)
        page.get_by_label("New password", exact=True).fill(DEMO_PASSWORD)
        page.get_by_label("New password again").fill(DEMO_PASSWORD)
        page.get_by_role("button", name="Change password").click()
        expect(page.locator(".govuk-panel__title")).to_have_text("Your password has been changed")
        check_accessibility(page)
