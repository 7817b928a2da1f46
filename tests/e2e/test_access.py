"""Who may see and change what, as a browser sees it: friendly 403 and 404 pages."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import SOMERSET_PERIOD, check_accessibility, screenshot, sign_in

pytestmark = pytest.mark.e2e

SOMERSET = f"/somerset/programme/{SOMERSET_PERIOD}/"
EDUCATION = f"{SOMERSET}workstreams/local-mainstream-school/"
HOMES = f"{SOMERSET}workstreams/sufficient-homes/"


def expect_no_access(page: Page, url: str) -> None:
    response = page.goto(url)
    assert response is not None and response.status == 403, (url, response and response.status)
    check_accessibility(page)
    expect(page).to_have_title(re.compile("^You do not have access to this page – "))
    expect(page.get_by_role("heading", level=1)).to_have_text("You do not have access to this page")
    expect(page.get_by_role("link", name="Go to your Boardpack home page")).to_be_visible()


def expect_not_found(page: Page, url: str) -> None:
    response = page.goto(url)
    assert response is not None and response.status == 404, (url, response and response.status)
    check_accessibility(page)
    expect(page).to_have_title(re.compile("^Page not found – .*Boardpack$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")


def test_lead_may_edit_their_own_workstream_but_not_another_leads(page: Page):
    sign_in(page, "lead.education")
    page.goto(EDUCATION)
    check_accessibility(page)
    expect(page.get_by_role("link", name=re.compile("^Edit the update"))).to_be_visible()

    page.goto(HOMES)
    check_accessibility(page)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sufficient homes")
    expect(page.get_by_role("link", name=re.compile("^Edit the update"))).to_have_count(0)

    expect_no_access(page, f"{HOMES}edit/")
    expect(page.get_by_text("You can only edit the workstreams you lead.")).to_be_visible()
    # Still signed in, still in Somerset: the header and navigation are there to go on.
    expect(page.locator(".govuk-generic-header")).to_contain_text("Somerset Council")
    screenshot(page, "403-another-leads-workstream")
    page.get_by_role("link", name="Go to your Boardpack home page").click()
    expect(page).to_have_url(re.compile(re.escape(SOMERSET) + "$"))
    check_accessibility(page)


def test_councillor_reads_everything_but_cannot_edit(page: Page):
    sign_in(page, "councillor")
    check_accessibility(page)
    for url in (EDUCATION, HOMES):
        page.goto(url)
        check_accessibility(page)
        expect(page.get_by_role("table", name=re.compile("Projects"))).to_be_visible()
        expect(page.get_by_role("link", name=re.compile("^Edit"))).to_have_count(0)
        expect(page.get_by_role("button", name=re.compile("^(Save|Edit)"))).to_have_count(0)
    for url in (f"{EDUCATION}edit/", f"{HOMES}edit/"):
        expect_no_access(page, url)


def test_dorset_user_gets_not_found_for_every_somerset_page(page: Page):
    sign_in(page, "dorset.office")
    # Dorset has a programme but no reporting period yet.
    expect(page).to_have_url(re.compile(r"/dorset/programme/$"))
    check_accessibility(page)
    expect(page.get_by_text("No reporting period has been opened yet.")).to_be_visible()
    expect(page.locator(".govuk-generic-header")).to_contain_text("Dorset Council")
    screenshot(page, "dorset-no-periods")

    for url in (
        "/somerset/programme/",
        SOMERSET,
        EDUCATION,
        f"{EDUCATION}edit/",
        f"{HOMES}edit/",
        "/somerset/finance/",
        f"/somerset/finance/savings/{SOMERSET_PERIOD}/",
        "/somerset/finance/budget/2022-12/",
        "/somerset/finance/dsg/2022-12/",
        "/somerset/imports/",
        "/somerset/imports/templates/savings.xlsx",
    ):
        expect_not_found(page, url)
        # Nothing of Somerset shows through, not even its name.
        expect(page.locator("body")).not_to_contain_text("Somerset")
    screenshot(page, "404-another-organisation")


def test_unknown_addresses_are_friendly_404s(page: Page):
    # Anonymous: an address that exists nowhere.
    expect_not_found(page, "/no-such-page/")
    expect(page.get_by_role("button", name=re.compile("^Sign out"))).to_have_count(0)

    sign_in(page, "office")
    for url in (
        "/somerset/programme/2031-01/",
        "/somerset/programme/june/",
        f"{SOMERSET}workstreams/no-such-workstream/",
        "/nowhere/programme/",
    ):
        expect_not_found(page, url)
    page.get_by_role("link", name="Go to your Boardpack home page").click()
    expect(page).to_have_url(re.compile(re.escape(SOMERSET) + "$"))
    check_accessibility(page)


def test_only_finance_roles_may_import_spreadsheets(page: Page):
    sign_in(page, "councillor")
    expect(page.get_by_role("link", name="Imports", exact=True)).to_have_count(0)
    expect_no_access(page, "/somerset/imports/")
    expect(page.get_by_text("Your role cannot import spreadsheets.")).to_be_visible()
