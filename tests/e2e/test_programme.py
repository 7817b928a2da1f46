"""Reading the programme: the overview for a period, the period switcher, a workstream page."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import SOMERSET_PERIOD, check_accessibility, screenshot, sign_in
from tests.e2e.server import EXTRA_PERIOD

pytestmark = pytest.mark.e2e

OVERVIEW = f"/somerset/programme/{SOMERSET_PERIOD}/"
SOMERSET_PERIOD_LABEL = "June 2024"
WORKSTREAMS = [
    "Local mainstream school is the right choice for most children",
    "Developing an excellent workforce for children",
    "Families can access support early",
    "Sufficient homes for children in care and school places for children with additional "
    "needs in Somerset",
]


def test_overview_shows_the_vision_workstreams_and_director_summary(page: Page):
    sign_in(page, "office")
    expect(page).to_have_url(re.compile(re.escape(OVERVIEW) + "$"))
    check_accessibility(page)
    expect(page).to_have_title(
        "Children's Transformation Programme – June 2024 – Somerset Council – Boardpack"
    )
    expect(page.get_by_role("heading", level=1)).to_have_text("Children's Transformation Programme")
    expect(page.get_by_text("Our vision is that Somerset’s children")).to_be_visible()

    table = page.get_by_role("table", name=re.compile("Priority workstreams"))
    rows = table.locator("tbody tr")
    expect(rows).to_have_count(4)
    for row, name in zip(rows.all(), WORKSTREAMS, strict=True):
        expect(row.get_by_role("rowheader")).to_have_text(name)
    homes = rows.nth(3)
    expect(homes.get_by_role("cell").nth(1)).to_have_text("6")  # projects
    expect(homes.get_by_role("cell").nth(4)).to_have_text("3")  # escalations

    summary = page.get_by_role("heading", name="Director's progress summary")
    expect(summary).to_be_visible()
    expect(page.locator("h2:has-text('Director') + ul > li")).to_have_count(7)
    expect(page.get_by_text("Overarching status")).to_be_visible()
    screenshot(page, "programme-overview", docs=True)


def test_period_switcher_moves_between_periods(page: Page):
    sign_in(page, "councillor")
    switcher = page.get_by_label("Reporting period")
    expect(switcher).to_have_value(SOMERSET_PERIOD)
    switcher.select_option(EXTRA_PERIOD)
    page.get_by_role("button", name="Show period").click()
    expect(page).to_have_url(re.compile(rf"/somerset/programme/{EXTRA_PERIOD}/$"))
    check_accessibility(page)
    expect(page.get_by_label("Reporting period")).to_have_value(EXTRA_PERIOD)
    expect(page.locator(".govuk-caption-l")).to_contain_text("March 2024")
    # Nothing was reported for March: every workstream is shown as not rated, nothing invented.
    rows = page.get_by_role("table", name=re.compile("Priority workstreams")).locator("tbody tr")
    expect(rows).to_have_count(4)
    expect(rows.locator(".govuk-tag")).to_have_text(["Not rated"] * 4)
    expect(page.get_by_text("No summary recorded for this period.")).to_be_visible()
    screenshot(page, "programme-overview-empty-period")

    # A workstream page for the empty period, and back to June from the switcher.
    rows.first.get_by_role("link").click()
    expect(page).to_have_url(
        re.compile(rf"/somerset/programme/{EXTRA_PERIOD}/workstreams/local-mainstream-school/$")
    )
    check_accessibility(page)
    page.get_by_role("link", name=re.compile("^Programme – ")).click()
    check_accessibility(page)
    page.get_by_label("Reporting period").select_option(SOMERSET_PERIOD)
    page.get_by_role("button", name="Show period").click()
    expect(page).to_have_url(re.compile(re.escape(OVERVIEW) + "$"))
    check_accessibility(page)


def test_workstream_page_shows_projects_lists_and_escalations(page: Page):
    sign_in(page, "office")
    page.get_by_role("link", name=WORKSTREAMS[3]).click()
    expect(page).to_have_url(re.compile(rf"{re.escape(OVERVIEW)}workstreams/sufficient-homes/$"))
    check_accessibility(page)
    expect(page.get_by_role("heading", level=1)).to_have_text(WORKSTREAMS[3])
    projects = page.get_by_role("table", name=re.compile("Projects"))
    expect(projects.locator("tbody tr")).to_have_count(6)
    for heading in ("Working well", "Not working well", "To escalate", "Earlier periods"):
        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    expect(page.get_by_text("Marketing support for Fostering")).to_be_visible()
    # The programme office may edit any workstream.
    expect(page.get_by_role("link", name=re.compile("^Edit the update"))).to_be_visible()
    screenshot(page, "workstream", docs=True)

    page.get_by_role("link", name=f"Programme – {SOMERSET_PERIOD_LABEL}").click()
    expect(page).to_have_url(re.compile(re.escape(OVERVIEW) + "$"))
    check_accessibility(page)
