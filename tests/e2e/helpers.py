"""What every browser test uses: sign in, check a page with axe-core, take a screenshot.

The pattern a new page follows (see test_programme.py, test_imports.py):

* visit it in a journey, as a person would (``sign_in(page, "finance")``, then follow links);
* call ``check_accessibility(page)`` on it, and again after anything that changes what is shown
  (an error summary, an opened ``details``). The ``page`` fixture fails a test that loaded a
  page (by its URL) without checking it, and one that hit a JavaScript error or a missing asset;
* the page fixture also fails a test whose pages broke the Content Security Policy (Chromium
  reports each refused inline script or style on the console);
* keyboard: ``tab_to(page, ...)`` fails when an element Tab reaches shows no focus; add the page
  to ``test_keyboard.PAGES``; the ``narrow_page`` fixture is 320 px wide, for reflow;
* ``screenshot(page, name)``; ``docs=True`` for the few the README shows;
* a test that changes data puts it back (the server's database lives for the whole run).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from playwright.sync_api import FloatRect, Page, expect

REPO_ROOT = Path(__file__).resolve().parents[2]
AXE_SCRIPT = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOT_DIR = REPO_ROOT / "test-results" / "screenshots"
AXE_REPORT_DIR = REPO_ROOT / "test-results" / "axe"
DOCS_SCREENSHOT_DIR = REPO_ROOT / "docs" / "screenshots"
# BOARDPACK_DOCS_SCREENSHOTS=1 also refreshes the screenshots the README shows.
UPDATE_DOCS_SCREENSHOTS = os.environ.get("BOARDPACK_DOCS_SCREENSHOTS", "") in {"1", "true", "yes"}

DEMO_PASSWORD = "boardpack-demo-2024"
SOMERSET_PERIOD = "2024-06"

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
FAILING_IMPACTS = {"serious", "critical"}

_AXE_RUN = """
async (tags) => {
  const results = await axe.run(document, {
    runOnly: { type: "tag", values: tags },
    resultTypes: ["violations"],
  });
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({
      target: n.target.map(String),
      html: n.html,
      summary: n.failureSummary,
    })),
  }));
}
"""
# What axe-core no longer reports (its duplicate-id rules are deprecated) but breaks forms for
# assistive technology and for anyone clicking a label: ids used twice, labels for no element.
_OWN_CHECKS = """
() => {
  const violations = [];
  const seen = new Map();
  for (const el of document.querySelectorAll("[id]")) {
    seen.set(el.id, (seen.get(el.id) || []).concat([el]));
  }
  const twice = [...seen.values()].filter((els) => els.length > 1);
  if (twice.length) violations.push({
    id: "boardpack-duplicate-id", impact: "serious", help: "ids must be unique",
    helpUrl: "https://www.w3.org/WAI/WCAG22/Understanding/name-role-value",
    nodes: twice.flat().map((el) => ({ target: ["#" + el.id], html: el.outerHTML.slice(0, 200),
      summary: "The id is used more than once: labels and links reach only the first." })),
  });
  const orphans = [...document.querySelectorAll("label[for]")].filter(
    (label) => !document.getElementById(label.htmlFor));
  if (orphans.length) violations.push({
    id: "boardpack-label-for", impact: "serious", help: "label for= must name a form field",
    helpUrl: "https://www.w3.org/WAI/WCAG22/Understanding/info-and-relationships",
    nodes: orphans.map((el) => ({ target: ["label[for='" + el.htmlFor + "']"],
      html: el.outerHTML.slice(0, 200), summary: "No element has this id." })),
  });
  return violations;
}
"""
_axe_sources: list[str] = []


def _axe_source() -> str:
    if not _axe_sources:
        _axe_sources.append(AXE_SCRIPT.read_text())
    return _axe_sources[0]


# Same page, same content, same width: axe has already answered.
_axe_cache: dict[str, list[dict]] = {}
_CSRF = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")')


def without_fragment(url: str) -> str:
    return urlunsplit(urlsplit(url)._replace(fragment=""))


@dataclass
class PageRecord:
    """The documents a test's page loaded, and those checked with axe (by URL)."""

    loaded: list[str] = field(default_factory=list)
    checked: set[str] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)

    def unchecked(self) -> list[str]:
        return [url for url in dict.fromkeys(self.loaded) if url not in self.checked]


_records: dict[int, PageRecord] = {}


def track(page: Page) -> PageRecord:
    """Record the documents ``page`` loads, JavaScript errors and failed assets."""
    record = PageRecord()
    _records[id(page)] = record

    def on_response(response) -> None:
        request = response.request
        if response.headers.get("content-disposition", "").startswith("attachment"):
            return  # a download, not a page
        if request.resource_type == "document":
            if request.frame == page.main_frame and not 300 <= response.status < 400:
                record.loaded.append(without_fragment(response.url))
        elif "/assets/fonts/" in response.url:
            # Boardpack is a council's service: GOV.UK's typeface is GOV.UK's alone.
            record.problems.append(f"GOV.UK's GDS Transport font was loaded: {response.url}")
        elif response.status >= 400:
            record.problems.append(f"{response.status} for {request.resource_type} {response.url}")

    page.on("response", on_response)
    page.on("pageerror", lambda error: record.problems.append(f"JavaScript error: {error}"))

    def on_console(message) -> None:
        # Chromium reports what the Content Security Policy refused (an inline script or
        # style, a script from elsewhere) on the console.
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            record.problems.append(
                f"Content Security Policy violation on {page.url}: {message.text}"
            )

    page.on("console", on_console)

    def on_request_failed(request) -> None:
        if request.failure == "net::ERR_ABORTED":
            # Cancelled by the browser, not refused by the server: a navigation that became a
            # download, or an asset still loading when the test moved to the next page (a
            # keyboard journey can press Enter before the favicon has arrived). A server's
            # refusal arrives as a response with its status, checked above.
            return
        record.problems.append(f"request failed: {request.url} ({request.failure})")

    page.on("requestfailed", on_request_failed)
    return record


def forget(page: Page) -> PageRecord:
    return _records.pop(id(page), PageRecord())


def _record(page: Page) -> PageRecord:
    return _records.setdefault(id(page), PageRecord())


# Signed-in sessions by username: a test signing in as a user who has signed in before reuses
# the session cookie instead of the form (password hashing is slow on purpose).
_sessions: dict[str, list] = {}
_SIGN_OUT = re.compile("^Sign out")
# The sign-out button, also when a narrow screen has folded it into the Menu.
SIGN_OUT_BUTTON = "form[action$='/sign-out/'] button"


def sign_in(
    page: Page, username: str, password: str = DEMO_PASSWORD, *, form: bool = False
) -> None:
    """Sign in and end on the page Boardpack shows (checked with axe).

    The first sign-in of each user goes through the sign-in page, as a person would; later ones
    reuse that session unless ``form=True`` (or the session has ended).
    """
    if not form and username in _sessions:
        page.context.add_cookies(_sessions[username])
        page.goto("/")
        if page.locator(SIGN_OUT_BUTTON).count():
            check_accessibility(page)
            return
        check_accessibility(page)  # the sign-in page the ended session was sent to
        del _sessions[username]
        page.context.clear_cookies()
    page.goto("/sign-in/")
    check_accessibility(page)
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    expect(page.locator(SIGN_OUT_BUTTON)).to_be_attached()
    check_accessibility(page)
    _sessions[username] = page.context.cookies()


def sign_out(page: Page) -> None:
    menu = page.get_by_role("button", name="Menu")
    if menu.is_visible() and menu.get_attribute("aria-expanded") != "true":
        menu.click()
    cookies = page.context.cookies()
    page.get_by_role("button", name=_SIGN_OUT).click()
    page.wait_for_load_state()
    for username, saved in list(_sessions.items()):  # that session has ended
        if any(cookie in cookies for cookie in saved if cookie["name"] == "sessionid"):
            del _sessions[username]


def format_violations(url: str, title: str, violations: list[dict]) -> str:
    lines = [
        f"axe-core (and Boardpack's own checks) found {len(violations)} serious or critical "
        f"WCAG 2.2 A/AA violation(s) on {url} ({title}):"
    ]
    for violation in violations:
        lines.append(
            f"  - {violation['id']} [{violation['impact']}] {violation['help']} "
            f"({violation['helpUrl']})"
        )
        for node in violation["nodes"][:10]:
            lines.append(f"      at {' '.join(node['target'])}")
            lines.append(f"         {node['html'][:200]}")
            summary = (node.get("summary") or "").replace("\n", "\n           ")
            if summary:
                lines.append(f"           {summary}")
        if len(violation["nodes"]) > 10:
            lines.append(f"      … and {len(violation['nodes']) - 10} more")
    return "\n".join(lines)


def check_accessibility(page: Page) -> list[dict]:
    """Run axe-core (WCAG 2.0/2.1/2.2 A and AA) on the page as it is now, and two checks of our
    own (unique ids, ``label for`` pointing at a field).

    Fails on any serious or critical violation, listing rule, impact and the elements; returns
    the milder ones (they are also written to ``test-results/axe/``).
    """
    page.wait_for_load_state()
    url = without_fragment(page.url)
    content = _CSRF.sub(r"\1\2", page.content())
    width = page.viewport_size["width"] if page.viewport_size else 0
    key = hashlib.sha256(f"{url}\n{width}\n{content}".encode()).hexdigest()
    violations = _axe_cache.get(key)
    if violations is None:
        if not page.evaluate("() => typeof window.axe === 'object'"):
            # Evaluated through the DevTools protocol: an injected <script> would be refused by
            # the page's Content Security Policy (and reported as a violation).
            page.evaluate(_axe_source())
        violations = page.evaluate(_AXE_RUN, WCAG_TAGS) + page.evaluate(_OWN_CHECKS)
        _axe_cache[key] = violations
        if violations:
            AXE_REPORT_DIR.mkdir(parents=True, exist_ok=True)
            name = re.sub(r"[^A-Za-z0-9]+", "-", urlsplit(url).path).strip("-") or "home"
            (AXE_REPORT_DIR / f"{name}-{width}-{key[:8]}.json").write_text(
                json.dumps({"url": url, "violations": violations}, indent=2)
            )
    _record(page).checked.add(url)
    failing = [v for v in violations if v["impact"] in FAILING_IMPACTS]
    assert not failing, format_violations(url, page.title(), failing)
    return violations


DOCS_MAX_HEIGHT = 1600  # the README shows the top of a page, not all of it


def screenshot(
    page: Page,
    name: str,
    *,
    full_page: bool = True,
    docs: bool = False,
    docs_height: int = DOCS_MAX_HEIGHT,
) -> Path:
    """Save ``test-results/screenshots/<name>.png``.

    With ``docs=True`` and ``BOARDPACK_DOCS_SCREENSHOTS=1``, also ``docs/screenshots/<name>.png``
    for the README: the top of the page, at most ``docs_height`` pixels.
    """
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOT_DIR / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page, animations="disabled", caret="hide")
    if docs and UPDATE_DOCS_SCREENSHOTS:
        DOCS_SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
        width, height = page.evaluate(
            "() => [document.documentElement.clientWidth, document.documentElement.scrollHeight]"
        )
        page.screenshot(
            path=str(DOCS_SCREENSHOT_DIR / path.name),
            full_page=True,
            clip=FloatRect(x=0, y=0, width=width, height=min(height, docs_height)),
            animations="disabled",
            caret="hide",
        )
    return path


_DESCRIBE = """(el) => el ? {
  tag: el.tagName.toLowerCase(), id: el.id || "", name: el.getAttribute("name") || "",
  className: typeof el.className === "string" ? el.className : "",
  text: (el.innerText || el.value || "").trim().slice(0, 200),
} : {}"""


def focused(page: Page) -> dict:
    """What has the keyboard focus: tag, id, name, classes and text."""
    return page.evaluate(f"() => ({_DESCRIBE})(document.activeElement)")


# WCAG 2.4.7 Focus Visible and 2.4.11 Focus Not Obscured: the focused element (or, for GOV.UK
# radios and checkboxes, whose inputs are invisible, its label's circle or box) shows an outline,
# a focus shadow or the focus colour, and is on the screen.
_FOCUS_SHOWN = """
() => {
  const describe = __DESCRIBE__;
  const problem = (el) => {
    if (!el || el === document.body) return "";  // past the last element: the browser's own UI
    let styled = el, pseudo = null;
    if (el.matches(".govuk-radios__input, .govuk-checkboxes__input")) {
      styled = document.querySelector(`label[for="${el.id}"]`); pseudo = "::after";
      if (!styled) return "radio or checkbox without a label";
      const before = getComputedStyle(styled, "::before");
      if (before.boxShadow !== "none" || before.outlineStyle !== "none") return "";
    }
    const style = getComputedStyle(styled, pseudo);
    const plain = getComputedStyle(styled);
    const shown = plain.outlineStyle !== "none" && parseFloat(plain.outlineWidth) >= 2
      || plain.boxShadow !== "none"
      || plain.backgroundColor === "rgb(255, 221, 0)"
      || style.boxShadow !== "none";
    if (!shown) return "no visible focus indicator on " + el.outerHTML.slice(0, 120);
    const onScreen = (r) => r.bottom > 0 && r.top < window.innerHeight
      && r.right > 0 && r.left < window.innerWidth;
    if (onScreen(el.getBoundingClientRect()) || onScreen(styled.getBoundingClientRect())) {
      return "";
    }
    return "the focused element is off the screen: " + el.outerHTML.slice(0, 120);
  };
  const el = document.activeElement;
  return [problem(el), describe(el)];
}
""".replace("__DESCRIBE__", _DESCRIBE)


def tab_to(page: Page, matches, *, limit: int = 60, key: str = "Tab") -> dict:
    """Press Tab until the focused element satisfies ``matches(focused)``; fail after ``limit``.

    Every element Tab reaches on the way must show that it has the focus."""
    seen = []
    for _ in range(limit):
        page.keyboard.press(key)
        problem, current = page.evaluate(_FOCUS_SHOWN)
        assert not problem, f"{page.url}: {problem}"
        if matches(current):
            return current
        seen.append(current.get("text") or current.get("id") or current.get("tag"))
    raise AssertionError(f"Tab never reached the element; focus went through: {seen}")


def page_overflow(page: Page) -> int:
    """How many CSS pixels the page is wider than the window (0 when nothing scrolls sideways)."""
    return page.evaluate(
        "() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
        " - window.innerWidth"
    )
