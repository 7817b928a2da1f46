"""A workstream lead writes their update: GOV.UK error summary on bad input, then saves.

These tests change the server's data; each puts back what it found, so the order of the tests
does not matter.
"""

import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import (
    SOMERSET_PERIOD,
    check_accessibility,
    focused,
    screenshot,
    sign_in,
    tab_to,
)

pytestmark = pytest.mark.e2e

EDUCATION = f"/somerset/programme/{SOMERSET_PERIOD}/workstreams/local-mainstream-school/"
HOMES = f"/somerset/programme/{SOMERSET_PERIOD}/workstreams/sufficient-homes/"
LISTS = {"working_well": "Working well", "not_working_well": "Not working well"}
LISTS["to_escalate"] = "To escalate"
TOO_LONG = "x" * 2001  # a point may be at most 2000 characters


def field(page: Page, label: str):
    return page.get_by_label(label, exact=True)


def read_update(page: Page, edit_url: str) -> dict[str, str]:
    """The update as its edit form shows it."""
    page.goto(edit_url)
    check_accessibility(page)
    values = {name: page.locator(f"#id_{name}").input_value() for name in LISTS}
    values["rag"] = page.locator("input[name=rag]:checked").get_attribute("value") or ""
    return values


def write_update(page: Page, edit_url: str, values: dict[str, str]) -> None:
    page.goto(edit_url)
    check_accessibility(page)
    page.locator(f"input[name=rag][value='{values['rag']}']").check()
    for name in LISTS:
        page.locator(f"#id_{name}").fill(values[name])
    page.get_by_role("button", name="Save update").click()
    page.wait_for_load_state()
    check_accessibility(page)
    expect(page.locator(".govuk-notification-banner--success")).to_be_visible()


@contextmanager
def restored(page: Page, edit_url: str) -> Iterator[dict[str, str]]:
    """Remember the update, and write it back afterwards (also when the test fails)."""
    original = read_update(page, edit_url)
    try:
        yield original
    finally:
        write_update(page, edit_url, original)


def test_lead_fixes_bad_input_from_the_error_summary_and_saves(page: Page):
    sign_in(page, "lead.education")
    page.goto(EDUCATION)
    check_accessibility(page)
    with restored(page, f"{EDUCATION}edit/"):
        page.goto(EDUCATION)
        page.get_by_role("link", name="Edit the update for June 2024").click()
        expect(page).to_have_url(re.compile(re.escape(f"{EDUCATION}edit/") + "$"))
        check_accessibility(page)
        screenshot(page, "workstream-edit")

        # Bad input: a point too long in two lists.
        field(page, "Not working well").fill(f"Recruitment is slower than planned\n{TOO_LONG}")
        field(page, "To escalate").fill(TOO_LONG)
        page.get_by_role("button", name="Save update").click()
        page.wait_for_load_state()
        check_accessibility(page)
        expect(page).to_have_title(re.compile("^Error: "))

        summary = page.locator(".govuk-error-summary")
        expect(summary).to_be_visible()
        expect(summary).to_be_focused()  # GOV.UK Frontend moves focus to the summary
        expect(summary.get_by_role("heading")).to_have_text("There is a problem")
        links = summary.get_by_role("link")
        expect(links).to_have_count(2)
        expect(links.nth(0)).to_contain_text("Not working well: Line 2 is 2001 characters long")
        expect(links.nth(1)).to_contain_text("To escalate: Line 1 is 2001 characters long")
        # Each field shows its own message, and what was typed is kept.
        for name in ("not_working_well", "to_escalate"):
            expect(page.locator(f"#id_{name}-error")).to_contain_text("2001 characters long")
            expect(page.locator(f"#id_{name}")).to_have_attribute(
                "aria-describedby", re.compile(f"id_{name}-error")
            )
        expect(field(page, "To escalate")).to_have_value(TOO_LONG)
        screenshot(page, "workstream-edit-errors", docs=True)

        # Each error is a link that moves the focus to its field.
        for index, name in enumerate(("not_working_well", "to_escalate")):
            links.nth(index).click()
            expect(page.locator(f"#id_{name}")).to_be_focused()
            expect(page.locator(f"label[for=id_{name}]")).to_be_in_viewport()

        # Fix it and save.
        field(page, "Not working well").fill(
            "Recruitment is slower than planned\nSpecialist places are still short"
        )
        field(page, "To escalate").fill("")
        page.get_by_label("Amber").check()
        page.get_by_role("button", name="Save update").click()
        expect(page).to_have_url(re.compile(re.escape(EDUCATION) + "$"))
        check_accessibility(page)
        banner = page.locator(".govuk-notification-banner--success")
        expect(banner).to_contain_text("Update for Local mainstream school")
        expect(banner).to_contain_text("saved")
        not_working = page.get_by_role("heading", name="Not working well", exact=True)
        saved = not_working.locator("xpath=..")
        expect(saved.locator("li")).to_have_text(
            ["Recruitment is slower than planned", "Specialist places are still short"]
        )
        expect(page.locator("p.govuk-body-l .govuk-tag")).to_have_text("Amber")
        expect(page.get_by_role("heading", name="To escalate").locator("xpath=..")).to_contain_text(
            "N/A"
        )
        screenshot(page, "workstream-saved")

        # The overview agrees.
        page.get_by_role("link", name=re.compile("^Programme – ")).click()
        check_accessibility(page)
        row = page.get_by_role("row", name=re.compile("^Local mainstream school"))
        expect(row.locator(".bp-rag")).to_have_text("Amber")
        expect(row.get_by_role("cell").nth(3)).to_have_text("2")  # not working well


def test_keyboard_only_lead_reaches_edits_and_submits_the_form(page: Page):
    sign_in(page, "lead.homes")
    with restored(page, f"{HOMES}edit/") as original:
        page.goto(HOMES)
        check_accessibility(page)
        # Tab from the top of the page to the edit button, and follow it with Enter.
        tab_to(page, lambda el: el["text"].startswith("Edit the update"))
        with page.expect_navigation():
            page.keyboard.press("Enter")
        expect(page).to_have_url(re.compile(re.escape(f"{HOMES}edit/") + "$"))
        check_accessibility(page)

        # The RAG radios: Tab into the group, arrow keys to choose.
        tab_to(page, lambda el: el["name"] == "rag")
        page.keyboard.press("ArrowLeft" if original["rag"] != "R" else "ArrowRight")
        chosen = page.locator("input[name=rag]:checked").get_attribute("value")
        assert chosen != original["rag"]

        # To the "To escalate" list: add a point at its end.
        tab_to(page, lambda el: el["name"] == "to_escalate", limit=10)
        page.keyboard.press("Control+End")
        page.keyboard.press("Enter")
        page.keyboard.type("Typed with the keyboard alone")
        # Past each project's RAG, stage and commentary to the button.
        projects = page.locator("select[name$='-rag']").count()
        tab_to(page, lambda el: el["text"] == "Save update", limit=3 * projects + 3)
        with page.expect_navigation():
            page.keyboard.press("Enter")
        expect(page).to_have_url(re.compile(re.escape(HOMES) + "$"))
        check_accessibility(page)
        expect(page.locator(".govuk-notification-banner--success")).to_be_visible()
        escalations = page.get_by_role("heading", name="To escalate").locator("xpath=..")
        expect(escalations).to_contain_text("Typed with the keyboard alone")
        assert focused(page)["tag"] in {"body", "div", "h2"}
