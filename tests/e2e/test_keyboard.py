"""Every page of the journeys, by keyboard alone: Tab reaches each control in turn, and each one
shows it has the focus (WCAG 2.4.7, 2.4.11). The journeys themselves are keyboard-tested in
test_sign_in and test_workstream_edit."""

import pytest
from playwright.sync_api import Page

from tests.e2e.helpers import SOMERSET_PERIOD, check_accessibility, sign_in, tab_to

pytestmark = pytest.mark.e2e

PROGRAMME = f"/somerset/programme/{SOMERSET_PERIOD}/"
PAGES = [
    PROGRAMME,
    f"{PROGRAMME}workstreams/sufficient-homes/",
    f"{PROGRAMME}workstreams/sufficient-homes/edit/",
    f"/somerset/finance/savings/{SOMERSET_PERIOD}/",
    "/somerset/finance/budget/2022-12/",
    "/somerset/finance/dsg/2022-12/",
    "/somerset/imports/",
    "/somerset/programme/2031-01/",  # the 404 page
    "/somerset/periods/",
    f"/somerset/periods/{SOMERSET_PERIOD}/",
    f"/somerset/periods/{SOMERSET_PERIOD}/finance-summary/",
    "/somerset/escalations/",
    "/somerset/governance/actions/",
    "/somerset/governance/risks/",
]


def tab_through(page: Page) -> list[dict]:
    """Tab from the top of the page to its end; return what took the focus, in order."""
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    visited: list[dict] = []

    def record(el: dict) -> bool:
        visited.append(el)
        return el.get("tag") in {None, "body"} or len(visited) > 150

    tab_to(page, record, limit=160)
    return visited


def test_every_control_on_every_page_can_be_reached_and_shows_focus(page: Page):
    sign_in(page, "finance")  # reads everything, may import, may not edit workstreams
    for url in PAGES:
        page.goto(url)
        check_accessibility(page)
        visited = tab_through(page)
        texts = [el.get("text", "") for el in visited]
        assert texts[0] == "Skip to main content", (url, texts[:3])
        assert any(text.startswith("Sign out") for text in texts), (url, texts)
        if url == "/somerset/imports/":
            # The upload form's fields, in order, then its button.
            ids = [el.get("id") for el in visited if el.get("id", "").startswith("id_")]
            assert ids == ["id_dataset", "id_period", "id_unit", "id_add_new", "id_file"], ids
            assert "Upload and check" in texts
