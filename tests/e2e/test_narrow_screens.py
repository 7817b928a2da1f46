"""Pages at 320 CSS pixels wide (WCAG 2.2 1.4.10 Reflow): nothing scrolls sideways but tables,
which scroll inside their own wrapper, and the navigation folds into a Menu button."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import (
    SOMERSET_PERIOD,
    check_accessibility,
    page_overflow,
    screenshot,
    sign_in,
    sign_out,
)

pytestmark = pytest.mark.e2e

OVERVIEW = f"/somerset/programme/{SOMERSET_PERIOD}/"
HOMES = f"{OVERVIEW}workstreams/sufficient-homes/"


def expect_reflows(page: Page) -> None:
    assert page.viewport_size and page.viewport_size["width"] == 320
    check_accessibility(page)
    overflow = page_overflow(page)
    assert overflow <= 0, f"{page.url} is {overflow}px wider than a 320px screen"


def test_pages_fit_a_320px_screen(narrow_page: Page):
    page = narrow_page
    page.goto("/sign-in/")
    expect_reflows(page)
    screenshot(page, "narrow-sign-in")

    sign_in(page, "office")
    expect(page).to_have_url(re.compile(re.escape(OVERVIEW) + "$"))
    expect_reflows(page)
    screenshot(page, "narrow-programme-overview", docs=True, docs_height=960)

    # The workstreams table is wider than the screen: it scrolls inside its wrapper, which can
    # take the keyboard focus so that keyboard users can scroll it too.
    wrapper = page.get_by_role("region", name="Priority workstreams")
    sizes = wrapper.evaluate("el => [el.scrollWidth, el.clientWidth]")
    assert sizes[0] > sizes[1], sizes
    assert wrapper.get_attribute("tabindex") == "0"
    wrapper.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "() => document.querySelector('.bp-table-wrapper').scrollLeft > 0", timeout=2000
    )

    for url in (HOMES, f"{HOMES}edit/", "/somerset/programme/2031-01/"):
        page.goto(url)
        expect_reflows(page)
    screenshot(page, "narrow-404")

    # The edit form with its error summary.
    page.goto(f"{HOMES}edit/")
    page.get_by_label("To escalate", exact=True).fill("y" * 2001)
    page.get_by_role("button", name="Save update").click()
    page.wait_for_load_state()
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    expect_reflows(page)
    screenshot(page, "narrow-workstream-edit-errors")


def test_navigation_folds_into_a_menu_button(narrow_page: Page):
    page = narrow_page
    sign_in(page, "councillor")
    menu = page.get_by_role("button", name="Menu")
    expect(menu).to_be_visible()
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(page.get_by_role("link", name="Programme", exact=True)).to_be_hidden()
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_role("link", name="Programme", exact=True)).to_be_visible()
    expect_reflows(page)
    screenshot(page, "narrow-menu-open", full_page=False)
    sign_out(page)
    expect(page).to_have_url(re.compile(r"/sign-in/$"))
    expect_reflows(page)
