"""The programme office makes a report pack: start an edition, write the narrative (with a
preview), approve, publish, and download every format.

This test leaves a published edition behind on the server (an edition cannot be deleted from the
pages); no other browser test reads editions.
"""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import check_accessibility, screenshot, sign_in

pytestmark = pytest.mark.e2e

COMMENTARY = "Savings **at risk** are being re-projected with finance."


def test_office_creates_edits_approves_publishes_and_downloads(page: Page, tmp_path: Path):
    sign_in(page, "office")
    page.goto("/somerset/programme/")
    check_accessibility(page)
    page.get_by_role("link", name="Report packs").click()
    expect(page.get_by_role("heading", name="Report packs", level=1)).to_be_visible()
    check_accessibility(page)

    page.get_by_label("Report").select_option(label="Progress Report for Scrutiny")
    page.get_by_label("Period").select_option(label="June 2024")
    page.get_by_role("button", name="Start the edition").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("started")
    expect(
        page.get_by_role("heading", name="Progress Report for Scrutiny", level=1)
    ).to_be_visible()
    expect(page.get_by_role("table", name="MTFP Tracker 24")).to_be_visible()
    check_accessibility(page)

    page.get_by_role("link", name="Edit the narrative").click()
    check_accessibility(page)
    box = page.get_by_label("Director's Progress Summary: narrative")
    box.fill(COMMENTARY + "\n\n<script>alert('x')</script>")
    page.get_by_role("button", name="Preview").click()
    preview = page.get_by_role("region", name="Preview of Director")
    expect(preview.locator("strong")).to_have_text("at risk")
    expect(preview).to_contain_text("<script>alert('x')</script>")
    check_accessibility(page)
    page.get_by_role("button", name="Save the narrative").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("saved")
    expect(page.locator("#directors-summary")).to_contain_text("Savings at risk are being")
    check_accessibility(page)

    page.get_by_role("button", name="Approve").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("approved")
    check_accessibility(page)
    # Publishing renders every format at once (the test server runs tasks immediately).
    page.get_by_role("button", name="Publish").click(timeout=90_000)
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("published")
    expect(page.locator(".govuk-summary-list")).to_contain_text("Published")
    check_accessibility(page)
    screenshot(page, "report-edition", docs=True)

    for label, magic in (("PDF", b"%PDF"), ("PowerPoint", b"PK"), ("Word", b"PK")):
        with page.expect_download() as download:
            page.get_by_role("link", name=re.compile(f"^Download {label}")).click()
        path = tmp_path / download.value.suggested_filename
        download.value.save_as(path)
        assert path.read_bytes().startswith(magic), label
        assert path.name.startswith("scrutiny-progress-2024-06-v1.")

    page.get_by_role("button", name="Correct this edition").count()  # offered, not taken
    page.goto(page.url.split("#")[0] + "narrative/")
    expect(page.locator(".govuk-warning-text")).to_contain_text("cannot be edited")
    expect(page.get_by_label("Director's Progress Summary: narrative")).to_be_disabled()
    check_accessibility(page)


def test_a_councillor_reads_but_cannot_approve(page: Page):
    sign_in(page, "councillor")
    page.goto("/somerset/reports/")
    check_accessibility(page)
    expect(page.get_by_role("heading", name="Start an edition")).to_have_count(0)
