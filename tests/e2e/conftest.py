"""Fixtures for the browser tests: one Boardpack server and one Chromium per run, a fresh
browser context (cookies, storage) for every test.

The server and browser are package-scoped: all the browser tests live in this package, so they
start once, and are stopped as soon as the last browser test has run. That matters: Playwright's
sync API keeps an asyncio event loop running in the main thread while it is started, and Django
refuses database queries from a thread with a running loop (``SynchronousOnlyOperation``), so
Playwright must be stopped before the rest of the suite touches the test database again. The
browser tests themselves never touch pytest-django's database: they talk to the server, which
has a database of its own (see ``server.py``).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from tests.e2e import helpers
from tests.e2e.server import Server, serving

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 900}
NARROW = {"width": 320, "height": 640}


@pytest.fixture(scope="package")
def server() -> Iterator[Server]:
    with serving("boardpack-e2e-") as running:
        yield running


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make browser` installs Debian's chromium")
    if not helpers.AXE_SCRIPT.exists():
        pytest.fail(f"{helpers.AXE_SCRIPT} is missing: `npm ci` installs axe-core")
    shutil.rmtree(helpers.AXE_REPORT_DIR, ignore_errors=True)  # this run's findings only
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
    finally:
        playwright.stop()


def _new_page(browser: Browser, server: Server, viewport: dict) -> tuple[BrowserContext, Page]:
    context = browser.new_context(base_url=server.url, viewport=viewport, locale="en-GB")
    context.set_default_timeout(10_000)
    page = context.new_page()
    helpers.track(page)
    return context, page


def _finish(page: Page, context: BrowserContext, server: Server, failed: str) -> None:
    record = helpers.forget(page)
    if failed:  # what the page looked like when the test failed, for whoever reads the CI log
        failures = helpers.REPO_ROOT / "test-results" / "failures"
        failures.mkdir(parents=True, exist_ok=True)
        try:
            page.screenshot(path=str(failures / f"{failed}.png"), full_page=True)
        except Exception:  # the page may be gone; the failure itself is what matters
            pass
        context.close()
        return
    context.close()
    problems = list(record.problems)
    unchecked = record.unchecked()
    if unchecked:
        problems.append(
            "pages loaded but never checked with check_accessibility(page): " + ", ".join(unchecked)
        )
    if problems:
        pytest.fail("\n".join(problems) + f"\n\nServer log:\n{server.log_tail(20)}")


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call" and report.failed:
        item.bp_failed = re.sub(r"[^A-Za-z0-9_.-]+", "-", item.nodeid.split("/")[-1])
    return report


@pytest.fixture
def page(request, browser: Browser, server: Server) -> Iterator[Page]:
    """A page at 1280 × 900 in a fresh context, at the server's address (``page.goto("/")``)."""
    context, page = _new_page(browser, server, DESKTOP)
    yield page
    _finish(page, context, server, getattr(request.node, "bp_failed", ""))


@pytest.fixture
def narrow_page(request, browser: Browser, server: Server) -> Iterator[Page]:
    """A page 320 CSS pixels wide (WCAG 1.4.10 reflow)."""
    context, page = _new_page(browser, server, NARROW)
    yield page
    _finish(page, context, server, getattr(request.node, "bp_failed", ""))
