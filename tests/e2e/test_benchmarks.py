"""Benchmarks in a browser: how we compare, a measure page, and importing a file never seen."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.benchmarking.files import never_seen_file
from tests.e2e.helpers import check_accessibility, screenshot, sign_in

pytestmark = pytest.mark.e2e


def test_a_councillor_sees_how_somerset_compares(page: Page):
    sign_in(page, "councillor")
    page.get_by_role("link", name="Benchmarks", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("How do we compare?")
    check_accessibility(page)
    expect(page.get_by_role("link", name="Import a DfE tidy-data file")).to_have_count(0)
    row = page.get_by_role("row").filter(
        has=page.get_by_role("link", name="Children looked after on 31 March, rate per 10,000")
    )
    expect(row).to_contain_text("55")
    expect(row).to_contain_text("67")
    expect(row).to_contain_text("62")
    screenshot(page, "benchmarks-compare", docs=True)

    row.get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"/somerset/benchmarks/CLA-RATE-31-MARCH/$"))
    check_accessibility(page)
    expect(page.locator("figure.bp-chart")).to_have_count(2)
    for chart in page.locator("figure.bp-chart div[role=img]").all():
        expect(chart).to_have_attribute("aria-label", re.compile(r"^.{40,}$"))
    page.get_by_text("The chart's data as a table").first.click()
    expect(page.get_by_role("table").first).to_contain_text("England")
    screenshot(page, "benchmarks-measure")


def test_an_analyst_imports_a_new_dfe_file_through_a_new_mapping(page: Page, tmp_path):
    sign_in(page, "analyst")
    page.goto("/somerset/benchmarks/")
    page.get_by_role("link", name="Import a DfE tidy-data file").click()
    check_accessibility(page)
    page.get_by_role("button", name="Upload and choose columns").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose a CSV file to upload")
    check_accessibility(page)

    path = tmp_path / "ehcp_2025.csv"
    path.write_bytes(never_seen_file())
    page.get_by_label("DfE tidy-data file (.csv)").set_input_files(str(path))
    page.get_by_role("button", name="Upload and choose columns").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Choose the columns to import")
    check_accessibility(page)

    plans = page.get_by_role("group", name="Column percent_with_plan")
    plans.get_by_label("Import percent_with_plan").check()
    plans.get_by_label("characteristic").select_option("Total")
    plans.get_by_label("Code").fill("EHCP-PCT")
    plans.get_by_label("Title").fill("Pupils with an EHC plan (%)")
    plans.get_by_label("Unit").select_option("percentage")
    page.get_by_label("Save this mapping as").fill("dfe-ehcp")
    page.get_by_role("button", name="Preview").click()
    expect(page.locator("#preview")).to_contain_text("EHCP-PCT): 10 new, 0 changed, 0 unchanged")
    check_accessibility(page)
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("How do we compare?")
    check_accessibility(page)
    page.get_by_role("link", name="Pupils with an EHC plan (%)").click()
    expect(page.locator(".govuk-summary-list")).to_contain_text("5.1")
    check_accessibility(page)
