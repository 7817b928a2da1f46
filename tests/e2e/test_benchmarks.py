"""Benchmarks in a browser: how we compare, a measure page, and importing a file never seen."""

import csv
import io
import re
from decimal import ROUND_HALF_UP, Decimal
from importlib import resources

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


# --- A file of a layout and measure nothing else has seen, built here -------------------------

REREFERRAL_HEADER = (
    "time_period,time_identifier,geographic_level,country_code,country_name,region_name,"
    "region_code,la_name,new_la_code,old_la_code,referral_category,referrals,re_referrals,"
    "re_referral_rate"
)
SOMERSET_NEIGHBOURS = ("935", "830", "838", "893", "885", "891", "878", "860", "855", "881")


def _authorities() -> list[tuple[str, str, str, str, str]]:
    """Every authority of 2025 (LA code, ONS code, name, region code, region name), from the
    DfE file the project ships: the codes and names are real, the figures below are not."""
    data = resources.files("boardpack.benchmarking").joinpath(
        "data", "cla_number_and_rate_per_10k_children.csv"
    )
    found = {}
    for r in csv.DictReader(io.StringIO(data.read_text("utf-8-sig"))):
        if r["time_period"] == "2025" and r["geographic_level"] == "Local authority":
            found[r["old_la_code"]] = (
                r["old_la_code"],
                r["new_la_code"],
                r["la_name"],
                r["region_code"],
                r["region_name"],
            )
    return sorted(found.values())


def _rereferral_rates() -> dict[str, dict[str, str]]:
    """Each authority's re-referral rate (%) in 2024 and 2025: Somerset 18.4 in 2025 (19.0 the
    year before), Derbyshire level with it, Suffolk suppressed."""
    rates: dict[str, dict[str, str]] = {}
    for i, (code, *_rest) in enumerate(_authorities()):
        value = Decimal(100 + (i * 37) % 150) / 10
        rates[code] = {"2025": str(value), "2024": str(value + Decimal("0.5"))}
    rates["933"] = {"2025": "18.4", "2024": "19.0"}
    rates["830"]["2025"] = "18.4"
    rates["935"]["2025"] = "c"
    return rates


def rereferrals_file(bad_cell: str | None = None) -> bytes:
    """The file; ``bad_cell`` replaces Somerset's 2025 rate (the line :func:`somerset_line`)."""
    lines = _rereferral_lines()
    if bad_cell is not None:
        line = somerset_line()
        lines[line - 1] = lines[line - 1].rsplit(",", 1)[0] + f",{bad_cell}"
    return ("\n".join(lines) + "\n").encode()


def somerset_line() -> int:
    """The line (the header is line 1) of Somerset's 2025 total."""
    lines = _rereferral_lines()
    return 1 + next(
        i for i, line in enumerate(lines) if line.startswith("2025,") and ",933,Total," in line
    )


def _rereferral_lines() -> list[str]:
    lines = [REREFERRAL_HEADER]
    rates = _rereferral_rates()
    for year, england, south_west in (("2024", "22.0", "20.3"), ("2025", "21.7", "19.9")):
        for category in ("Total", "From the police"):
            front = f"{year},Reporting year"
            lines.append(
                f"{front},National,E92000001,England,,,,,,{category},650000,140000,{england}"
            )
            lines.append(
                f"{front},Regional,E92000001,England,South West,E12000009,,,,{category},"
                f"52000,10300,{south_west}"
            )
            for code, ons, name, region_code, region_name in _authorities():
                rate = rates[code][year] if category == "Total" else "z"
                lines.append(
                    f"{front},Local authority,E92000001,England,{region_name},{region_code},"
                    f'"{name}",{ons},{code},{category},4000,800,{rate}'
                )
    return lines


def _expected_rereferrals() -> dict[str, str]:
    """Lower is better: rank 1 is the lowest rate; ties share the better rank."""
    figures = {
        code: Decimal(years["2025"])
        for code, years in _rereferral_rates().items()
        if years["2025"] != "c"
    }
    own = figures["933"]
    rank = 1 + sum(1 for v in figures.values() if v < own)
    neighbours = [figures[c] for c in SOMERSET_NEIGHBOURS if c in figures]
    mean = (sum(neighbours, Decimal(0)) / len(neighbours)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return {
        "mean": f"{mean} ({len(neighbours)} of 10 neighbours with data)",
        "rank": f"{rank} of {len(figures)} authorities with data",
        "band": "ABCD"[(rank - 1) * 4 // len(figures)],
    }


def test_a_file_of_a_new_layout_imports_through_a_mapping_made_in_the_browser(page: Page, tmp_path):
    expected = _expected_rereferrals()
    assert expected["mean"].startswith(("1", "2")) and "9 of 10" in expected["mean"]
    sign_in(page, "analyst")
    page.goto("/somerset/benchmarks/import/")
    check_accessibility(page)

    # Not tidy data: refused with the row and the column, nothing kept.
    broken = tmp_path / "re_referrals_broken.csv"
    broken.write_bytes(rereferrals_file().replace(b"geographic_level", b"level", 1))
    page.get_by_label("DfE tidy-data file (.csv)").set_input_files(str(broken))
    page.get_by_role("button", name="Upload and choose columns").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "re_referrals_broken.csv, line 1: not DfE tidy data: it has no geographic_level column"
    )
    check_accessibility(page)

    # A cell that is neither a number nor a symbol: the preview names its line and column.
    bad = tmp_path / "re_referrals_bad.csv"
    bad.write_bytes(rereferrals_file(bad_cell="about 9"))
    page.get_by_label("DfE tidy-data file (.csv)").set_input_files(str(bad))
    page.get_by_role("button", name="Upload and choose columns").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Choose the columns to import")
    _map_rereferral_rate(page)
    page.get_by_role("button", name="Preview").click()
    expect(page.get_by_role("group", name="Column re_referral_rate")).to_contain_text(
        "Some cells of re_referral_rate are neither figures nor DfE symbols"
    )
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        f"Line {somerset_line()}, column re_referral_rate: 'about 9' is neither a number"
    )
    expect(page.locator(".govuk-error-summary")).to_contain_text("Nothing has been saved.")
    check_accessibility(page)

    # The good file, mapped afresh: preview, import, and the figures with their comparators.
    good = tmp_path / "re_referrals_2025.csv"
    good.write_bytes(rereferrals_file())
    page.goto("/somerset/benchmarks/import/")
    page.get_by_label("DfE tidy-data file (.csv)").set_input_files(str(good))
    page.get_by_role("button", name="Upload and choose columns").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Choose the columns to import")
    for column in ("referrals", "re_referrals", "re_referral_rate"):
        expect(page.get_by_role("group", name=f"Column {column}")).to_be_visible()
    _map_rereferral_rate(page)
    page.get_by_role("button", name="Preview").click()
    authorities = len(_authorities())
    expect(page.locator("#preview")).to_contain_text(
        f"Re-referrals within 12 months (REREF-RATE): {2 * (authorities + 2)} new, 0 changed"
    )
    check_accessibility(page)
    screenshot(page, "benchmarks-import-preview")
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("How do we compare?")
    row = page.get_by_role("row").filter(
        has=page.get_by_role("link", name="Re-referrals within 12 months")
    )
    for text in ("18.4", "21.7", "19.9", expected["rank"].split(" authorities")[0], "-0.6"):
        expect(row).to_contain_text(text)
    expect(row.get_by_role("cell").nth(6)).to_have_text(expected["band"])
    check_accessibility(page)

    row.get_by_role("link").click()
    summary = page.locator(".govuk-summary-list")
    expect(summary).to_contain_text("Somerset, 2025")
    for text in ("18.4", "21.7", "19.9", expected["mean"], expected["rank"]):
        expect(summary).to_contain_text(text)
    expect(summary).to_contain_text(f"{expected['band']} (A is the best quarter")
    expect(summary).to_contain_text("Lower is better")
    expect(page.locator("figure.bp-chart")).to_have_count(2)
    check_accessibility(page)
    screenshot(page, "benchmarks-new-measure")


def _map_rereferral_rate(page: Page) -> None:
    rate = page.get_by_role("group", name="Column re_referral_rate")
    rate.get_by_label("Import re_referral_rate").check()
    rate.get_by_label("referral_category").select_option("Total")
    rate.get_by_label("Code").fill("REREF-RATE")
    rate.get_by_label("Title").fill("Re-referrals within 12 months")
    rate.get_by_label("Unit").select_option("percentage")
    rate.get_by_label("Which is better").select_option("lower_is_better")
    rate.get_by_label("Decimal places").fill("1")
    page.get_by_label("Save this mapping as").fill("dfe-re-referrals")
