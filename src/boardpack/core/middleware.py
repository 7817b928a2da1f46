"""Responses for a signed-in user are never stored by the browser or a proxy; sessions that end
after an idle time without a database write on every request."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers


class NoStoreWhenSignedInMiddleware:
    """``Cache-Control: no-store`` (and private) on every response to a signed-in user.

    Pages and exports hold an organisation's figures: after signing out on a shared computer,
    the browser's back button and cache must not show them again.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
        return response


class SessionIdleRefreshMiddleware:
    """Start a signed-in session's idle clock again, writing the session at most every few minutes.

    A session ends ``SESSION_COOKIE_AGE`` after the last refresh. Saving the session on every
    request (``SESSION_SAVE_EVERY_REQUEST``) made every page a database write, which on SQLite
    takes the one write lock and waits for the disk: under load, pages queued behind each other's
    session updates. Now a request refreshes the session when the last refresh is older than
    ``SESSION_REFRESH_SECONDS`` (five minutes, or a tenth of a short idle time), so a session ends
    between ``SESSION_COOKIE_AGE`` less that interval and ``SESSION_COOKIE_AGE`` after the last
    request. Goes after ``SessionMiddleware``.
    """

    KEY = "_boardpack_refreshed"

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is None or not session.session_key or session.is_empty():
            return response  # no session, or it was just flushed (signed out)
        now = int(time.time())
        refreshed = session.get(self.KEY)
        if not isinstance(refreshed, int) or now - refreshed >= refresh_seconds():
            session[self.KEY] = now  # modified: SessionMiddleware saves it with a new expiry
        return response


def refresh_seconds() -> int:
    from django.conf import settings

    default = min(300, settings.SESSION_COOKIE_AGE // 10)
    return int(getattr(settings, "SESSION_REFRESH_SECONDS", default))
