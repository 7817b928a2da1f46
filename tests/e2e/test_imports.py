"""A finance officer imports a spreadsheet: downloads the template with figures, uploads it with
mistakes, sees every one of them, corrects the file and applies it.

The test puts the original figures back by importing the downloaded template again, so the order
of the tests does not matter.
"""

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from tests.e2e.helpers import SOMERSET_PERIOD, check_accessibility, screenshot, sign_in

pytestmark = pytest.mark.e2e

SHEET = "MTFP savings"
NEW_COMMENT = "Drafting EHC plans in-house from September; external contract ends in August"


def upload(page: Page, path: Path) -> None:
    page.get_by_role("link", name="Imports", exact=True).click()
    expect(page).to_have_url(re.compile(r"/somerset/imports/$"))
    check_accessibility(page)
    page.get_by_label("MTFP savings", exact=True).check()
    page.get_by_label("Reporting period").fill(SOMERSET_PERIOD)
    page.get_by_label("Upload the spreadsheet").set_input_files(path)
    page.get_by_role("button", name="Upload and check").click()
    expect(page).to_have_url(re.compile(r"/somerset/imports/\d+/$"))
    check_accessibility(page)


def apply(page: Page, changes: int) -> None:
    label = f"Apply {changes} change{'s' if changes != 1 else ''}"
    page.get_by_role("button", name=label).click()
    expect(page).to_have_url(re.compile(r"/somerset/imports/\d+/done/$"))
    check_accessibility(page)
    expect(page.locator(".govuk-panel__title")).to_have_text("Import complete")


def edit(source: Path, target: Path, changes: dict[str, dict[str, object]], add=()) -> Path:
    """Copy the workbook, changing cells by reference and heading; add whole rows."""
    book = load_workbook(source)
    sheet = book[SHEET]
    headings = [cell.value for cell in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        for heading, value in changes.get(row[0].value, {}).items():
            row[headings.index(heading)].value = value
    for values in add:
        sheet.append(values)
    book.save(target)
    return target


def test_finance_officer_sees_every_error_fixes_the_file_and_applies_it(page: Page, tmp_path):
    sign_in(page, "finance")
    page.get_by_role("link", name="Imports", exact=True).click()
    check_accessibility(page)
    screenshot(page, "imports-start")
    with page.expect_download() as download:
        page.get_by_role("link", name="Excel with figures for MTFP savings").click()
    original = tmp_path / download.value.suggested_filename
    download.value.save_as(original)
    assert original.name == f"somerset-savings-{SOMERSET_PERIOD}-figures.xlsx"

    update = {"CFE009": {"On track £": 25000, "At risk £": 100000, "Comments": NEW_COMMENT}}
    # Three mistakes: a word for an amount, parts that do not add up, an unknown reference.
    mistakes = update | {
        "CFE001": {"Target £": "lots"},
        "CFE003": {"Achieved £": 390000},
    }
    unknown = ["CFE999", "A saving nobody has heard of", 1000, 0, 1000, 0, 0, None]
    wrong = edit(original, tmp_path / "savings-june.xlsx", mistakes, add=[unknown])

    try:
        upload(page, wrong)
        expect(page).to_have_title(re.compile("^Error: "))
        summary = page.locator(".govuk-error-summary")
        expect(summary).to_be_focused()
        expect(summary).to_contain_text("nothing has been imported")
        links = summary.locator(".govuk-error-summary__list a")
        expect(links).to_have_count(3)
        expect(links.nth(0)).to_contain_text(f"Sheet ‘{SHEET}’, row 2, column C (Target £)")
        expect(links.filter(has_text="row 3")).to_have_count(1)
        expect(links.filter(has_text="CFE999")).to_have_count(1)
        problems = page.get_by_role("region", name="Problems").locator("tbody tr")
        expect(problems).to_have_count(3)
        expect(page.get_by_role("button", name=re.compile("^Apply"))).to_have_count(0)
        screenshot(page, "imports-problems", docs=True)
        # Each problem in the summary leads to its row in the table.
        links.nth(2).click()
        expect(problems.nth(2)).to_be_in_viewport()

        # Corrected: only the intended change is left.
        fixed = edit(original, tmp_path / "savings-june-corrected.xlsx", update)
        page.get_by_role("link", name="Upload a different file").click()
        check_accessibility(page)
        upload(page, fixed)
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Check the changes before importing"
        )
        expect(page.locator(".govuk-error-summary")).to_have_count(0)
        changes = page.get_by_role("region", name="Changes")
        expect(changes).to_contain_text("CFE009")
        expect(changes).to_contain_text(NEW_COMMENT)
        screenshot(page, "imports-preview")
        apply(page, 1)
        screenshot(page, "imports-done")

        # The tracker shows the new figures.
        page.get_by_role("link", name="Finance", exact=True).click()
        expect(page).to_have_url(re.compile(rf"/somerset/finance/savings/{SOMERSET_PERIOD}/$"))
        check_accessibility(page)
        row = page.get_by_role("row", name=re.compile("^CFE009"))
        expect(row).to_contain_text(NEW_COMMENT)
        expect(row).to_contain_text("25,000")
    finally:
        upload(page, original)
        if page.get_by_role("button", name=re.compile("^Apply")).count():
            apply(page, 1)
