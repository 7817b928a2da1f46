"""Pages built once per change of data: ``@cached_page`` on the read-only pages.

A page is stored in the ``pages`` cache under a key made of everything it depends on: the path
with its query string, the user, the data version (``core.data_version``: database triggers move
it on with every write, whatever made it), today's date ("overdue" changes at midnight), the
language, and a marker of the code and the settings that shape pages (so that a deploy never
serves pages of older code from a shared cache). The version is read *before* the page is built,
so a stored page is never older than its key.

Only signed-in users' GET and HEAD requests are served from or stored in the cache, and only
status-200, non-streaming responses that set no cookie. A request with messages waiting to be
shown, or a page that queued messages of its own, is neither served from the cache nor stored.
Pages hold forms with masked CSRF tokens: the body is stored with every token replaced by a
placeholder, and each response served from the cache gets a fresh token for its request.
Browsers are still told not to store anything (``NoStoreWhenSignedInMiddleware``).

``BOARDPACK_PAGE_CACHE`` turns it off. See docs/decisions/0014-page-cache-by-data-version.md.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.translation import get_language

from boardpack.core import data_version

ALIAS = "pages"
CSRF_INPUT = re.compile(rb'(name="csrfmiddlewaretoken" value=")([^"]*)(")')
PLACEHOLDER = b"@@boardpack-csrf-token@@"
# Response headers never stored: cookies are per client; the rest are set again by middleware.
UNSTORED_HEADERS = {"set-cookie", "content-length", "cache-control", "expires", "vary"}
# Settings, besides every BOARDPACK_* one, that change what a page shows.
SETTINGS = ("DEBUG", "DEMO_MODE", "TIME_ZONE", "LANGUAGE_CODE", "STATIC_URL")
CODE_SUFFIXES = {".py", ".html", ".css", ".js", ".json"}

View = Callable[..., HttpResponse]


def cached_page(view: View) -> View:
    """Serve the view's page from the ``pages`` cache while nothing under it has changed.

    Goes outermost (above ``organisation_view``), so that a stored page costs the session, the
    user and the version: three queries. The key holds the user, and every write to
    memberships, roles or users changes the version, so a page stored for one user is never
    served to another, nor to the same user once their access has changed.
    """

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not _may_use_cache(request):
            return view(request, *args, **kwargs)
        cache = caches[ALIAS]
        key = page_key(request)  # before the page is built: never older than its key
        stored = cache.get(key)
        if stored is not None:
            return _served(request, stored)
        response = view(request, *args, **kwargs)
        kept = _storable(request, response)
        if kept is not None:
            cache.set(key, kept)
        return response

    wrapper.page_cached = True  # type: ignore[attr-defined]  # (the tests find cached pages)
    return wrapper


def page_key(request: HttpRequest) -> str:
    parts = [
        build_marker(),
        data_version.current(),
        timezone.localdate().isoformat(),
        get_language() or "",
        str(request.user.pk),
        request.get_full_path(),
    ]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"page:{digest}"


def _may_use_cache(request: HttpRequest) -> bool:
    if not getattr(settings, "BOARDPACK_PAGE_CACHE", False):
        return False
    if request.method not in ("GET", "HEAD"):
        return False
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False  # anonymous pages are the sign-in: nothing to keep
    return not _messages_waiting(request)


def _messages_waiting(request: HttpRequest) -> bool:
    """Whether messages are waiting to be shown (or were queued by the page)."""
    storage = getattr(request, "_messages", None)
    return storage is not None and len(storage) > 0


def _storable(request: HttpRequest, response: HttpResponse) -> dict[str, Any] | None:
    """What to keep of ``response`` (body, status and headers), or None to keep nothing."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return None
    render = getattr(response, "render", None)
    if callable(render):
        render()  # a TemplateResponse: its content is what is kept
    if _messages_waiting(request):
        return None  # the page queued a message (and may show it): it is for this request only
    body, tokens = _without_tokens(response.content)
    if any(token and token in body for token in tokens):
        return None  # a token outside a form's hidden input: this page cannot be shared
    headers = [(k, v) for k, v in response.items() if k.lower() not in UNSTORED_HEADERS]
    return {"body": body, "headers": headers, "has_token": bool(tokens)}


def _without_tokens(content: bytes) -> tuple[bytes, set[bytes]]:
    tokens: set[bytes] = set()

    def replace(match: re.Match[bytes]) -> bytes:
        tokens.add(match.group(2))
        return match.group(1) + PLACEHOLDER + match.group(3)

    return CSRF_INPUT.sub(replace, content), tokens


def _served(request: HttpRequest, stored: dict[str, Any]) -> HttpResponse:
    body: bytes = stored["body"]
    if stored["has_token"]:
        # A fresh token for this request (and the CSRF cookie set if it has none yet), so a form
        # posted from a stored page is accepted.
        body = body.replace(PLACEHOLDER, get_token(request).encode())
    response = HttpResponse(body, status=200)
    for header, value in stored["headers"]:
        response[header] = value
    return response


@functools.cache
def _code_marker() -> str:
    """The package's version and a digest of its code and templates, once per process."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        release = version("boardpack")
    except PackageNotFoundError:  # pragma: no cover - run from a checkout without installing
        release = "0"
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parents[1]
    for path in sorted(package.rglob("*")):
        if path.suffix in CODE_SUFFIXES and "migrations" not in path.parts:
            digest.update(str(path.relative_to(package)).encode())
            digest.update(path.read_bytes())
    return f"{release}-{digest.hexdigest()[:16]}"


def build_marker() -> str:
    """The code's marker and a digest of the settings that change what pages show."""
    names = sorted(n for n in dir(settings) if n.startswith("BOARDPACK_")) + list(SETTINGS)
    shown = repr([(n, getattr(settings, n, None)) for n in names])
    return f"{_code_marker()}-{hashlib.sha256(shown.encode()).hexdigest()[:16]}"
