"""A large upload checked and applied by the worker, as `make run` runs it: the page shows the
stage and rows done (refreshed by the user), then the preview; applying likewise, then the outcome.
Also the pages of two later import steps: the mapping page's "Which table does the sheet
hold?" and the preview's "Stated totals kept".

The server here is one of its own: tasks queued in its database (run by ``db_worker``, started
by the test when it wants the work done) and a threshold of 50 rows.
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from playwright.sync_api import Page, expect

from tests.e2e import server as e2e_server
from tests.e2e.helpers import SOMERSET_PERIOD, check_accessibility, screenshot, sign_in
from tests.e2e.server import Server

pytestmark = pytest.mark.e2e

SETTINGS = {"BOARDPACK_TASKS": "db", "BOARDPACK_IMPORT_BACKGROUND_ROWS": "50"}
ROWS = 60


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    with e2e_server.serving("boardpack-e2e-bgimport-", "_bgimport", SETTINGS) as running:
        yield running


def run_worker(server: Server) -> None:
    """What `make run`'s worker does: run the queued tasks (here once, then stop)."""
    env = e2e_server.server_environment(server.database_url, server.log_path.parent) | SETTINGS
    subprocess.run(
        [sys.executable, "-m", "boardpack.manage", "db_worker", "--batch"],
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )


def savings_csv(path: Path, *, prefix: str = "CFE9", rows: int = ROWS) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["Ref", "Description", "Target", "Achieved", "Comments"])
    for n in range(rows):
        writer.writerow([f"{prefix}{n:02d}", f"Bulk saving {n}", "1,000", "1,000", f"Row {n}"])
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def upload(page: Page, dataset: str, period: str, path: Path, *, add_new: bool = False) -> None:
    page.get_by_role("link", name="Imports", exact=True).click()
    check_accessibility(page)
    page.get_by_label(dataset, exact=True).check()
    if add_new:
        page.get_by_label(re.compile("^The file adds new savings lines")).check()
    page.get_by_label("Reporting period").fill(period)
    page.get_by_label("Upload the spreadsheet").set_input_files(path)
    page.get_by_role("button", name="Upload and check").click()


def test_a_large_upload_shows_its_progress_then_the_preview_then_applies(
    page: Page, server: Server, tmp_path
):
    sign_in(page, "finance")
    upload(page, "MTFP savings", SOMERSET_PERIOD, savings_csv(tmp_path / "large.csv"), add_new=True)
    expect(page).to_have_url(re.compile(r"/somerset/imports/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Checking large.csv")
    expect(page.locator("#import-stage")).to_have_text("Waiting to start")
    expect(page.locator('meta[http-equiv="refresh"]')).to_have_count(0)  # WCAG 2.2.1
    refresh = page.get_by_role("link", name="Refresh the progress of large.csv")
    expect(refresh).to_be_visible()
    check_accessibility(page)
    screenshot(page, "imports-background-checking")

    run_worker(server)
    refresh.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check the changes before importing")
    check_accessibility(page)
    page.get_by_role("button", name=re.compile(r"^Apply \d+ changes")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Applying large.csv")
    check_accessibility(page)
    screenshot(page, "imports-background-applying")
    run_worker(server)
    page.get_by_role("link", name="Refresh the progress of large.csv").click()
    expect(page).to_have_url(re.compile(r"/somerset/imports/\d+/done/$"))
    expect(page.locator(".govuk-panel__title")).to_have_text("Import complete")
    check_accessibility(page)


def test_a_large_apply_refused_by_the_worker_says_why_and_writes_nothing(
    page: Page, server: Server, tmp_path
):
    sign_in(page, "finance")
    upload(
        page,
        "MTFP savings",
        SOMERSET_PERIOD,
        savings_csv(tmp_path / "big.csv", prefix="CFE7"),
        add_new=True,
    )
    run_worker(server)
    page.get_by_role("link", name="Refresh the progress of big.csv").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check the changes before importing")
    preview = page.url
    # Meanwhile a small file (checked and applied at once) adds one of the same savings.
    small = savings_csv(tmp_path / "small.csv", prefix="CFE7", rows=1)
    upload(page, "MTFP savings", SOMERSET_PERIOD, small, add_new=True)
    check_accessibility(page)
    page.get_by_role("button", name=re.compile(r"^Apply 1 change")).click()
    expect(page.locator(".govuk-panel__title")).to_have_text("Import complete")
    check_accessibility(page)

    page.goto(preview)
    page.get_by_role("button", name=re.compile(r"^Apply \d+ changes")).click()
    run_worker(server)
    page.get_by_role("link", name="Refresh the progress of big.csv").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "The import of big.csv did not finish"
    )
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "The figures in Boardpack changed since you previewed this import"
    )
    check_accessibility(page)
    screenshot(page, "imports-background-refused")
    page.get_by_role("button", name="Check the file again").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Checking big.csv")
    run_worker(server)
    page.get_by_role("link", name="Refresh the progress of big.csv").click()
    expect(page.get_by_text("59 new, 0 changed, 1 unchanged")).to_be_visible()
    check_accessibility(page)


# The DSG allocation in a council's own headings (seed 004's figures in whole pounds).
OWN_ALLOCATION = [
    ["Grant settlement 2022 to 2023"],
    ["Grant element", "Gross 2022-23 £", "Less academies £", "Contact"],
    ["High Needs Block (HNB)", "77,450,000", "8,800,000", "finance@example.org"],
    ["Central School Services Block (CSSB)", "5,600,000", "0", ""],
    ["Early Years (EYB) *", "29,100,000", "0", ""],
    ["Schools Block (SB) **", "357,000,000", "233,300,000", ""],
]


def test_the_which_table_step_of_the_mapping_page(page: Page, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.title = "Settlement"
    for row in OWN_ALLOCATION:
        sheet.append(row)
    path = tmp_path / "settlement.xlsx"
    book.save(path)
    sign_in(page, "finance")
    upload(page, "DSG monitoring", "2022-12", path)
    expect(page).to_have_url(re.compile(r"/somerset/imports/\d+/columns/$"))
    expect(page.get_by_text("Which table does the sheet hold?")).to_be_visible()
    sample = page.get_by_role("table", name="The first rows under the headings")
    for shown in sample.locator("tbody tr").all():  # each cell under its heading, none missing
        expect(shown.locator("td")).to_have_count(4)
    check_accessibility(page)
    screenshot(page, "imports-which-table")


def test_the_stated_totals_kept_on_the_preview(page: Page, server: Server, tmp_path):
    sign_in(page, "finance")
    page.get_by_role("link", name="Imports", exact=True).click()
    check_accessibility(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Excel with figures for MTFP savings").click()
    path = tmp_path / "savings.xlsx"
    download.value.save_as(path)
    book = load_workbook(path)
    sheet = book["MTFP savings"]
    headings = [cell.value for cell in sheet[1]]
    amounts = [i for i, h in enumerate(headings) if h and str(h).endswith("£")]
    totals: list[object] = [None] * len(headings)
    totals[1] = "TOTALS"
    for index in amounts:
        values = [row[index].value for row in sheet.iter_rows(min_row=2) if row[0].value]
        numbers = [Decimal(str(v)) for v in values if v not in (None, "")]
        totals[index] = float(sum(numbers)) if numbers else None
    sheet.append(totals)
    book.save(path)
    upload(page, "MTFP savings", SOMERSET_PERIOD, path)
    if page.get_by_role("link", name="Refresh the progress of savings.xlsx").count():
        run_worker(server)  # the demo's savings are more rows than this server's threshold
        page.get_by_role("link", name="Refresh the progress of savings.xlsx").click()
    expect(page.get_by_role("heading", name="Stated totals kept")).to_be_visible()
    check_accessibility(page)
    screenshot(page, "imports-stated-totals-kept")
