"""Optional single sign-on through OpenID Connect (for councils, Microsoft Entra ID).

It is switched on by the environment alone (``BOARDPACK_OIDC_*``, see docs/deploy.md) and
signs in only people who already have a Boardpack account: the account whose email address
matches the provider's ``email`` claim. Boardpack never creates accounts from the provider,
because an account's organisation and role are decided by an administrator.

On top of mozilla-django-oidc's checks (signature against the provider's keys, nonce, state),
the ID token must be for this client (``aud``) and, when ``BOARDPACK_OIDC_ISSUER`` is set, from
that issuer (``iss``). Demo accounts never sign in this way outside demo mode.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from boardpack.accounts.backends import demo_sign_ins_allowed

logger = logging.getLogger(__name__)


def oidc_enabled() -> bool:
    return bool(getattr(settings, "BOARDPACK_OIDC_ENABLED", False))


class BoardpackOIDCBackend(OIDCAuthenticationBackend):
    def authenticate(self, request: HttpRequest | None, **kwargs: Any) -> Any:
        if not oidc_enabled():
            return None
        try:
            return super().authenticate(request, **kwargs)
        except SuspiciousOperation as exc:
            # A forged, misdirected or replayed token: not signed in, and said so in the log.
            logger.warning("Single sign-on refused: %s", exc)
            return None

    def verify_token(self, token: str, **kwargs: Any) -> dict[str, Any]:
        payload = super().verify_token(token, **kwargs)
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if self.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation("The ID token is not for this client.")
        issuer = getattr(settings, "BOARDPACK_OIDC_ISSUER", "")
        if issuer and payload.get("iss") != issuer:
            raise SuspiciousOperation("The ID token is not from the configured issuer.")
        return payload

    def filter_users_by_claims(self, claims: dict[str, Any]) -> Any:
        users = super().filter_users_by_claims(claims).filter(is_active=True)
        if not demo_sign_ins_allowed():
            users = users.filter(is_demo=False)
        return users

    def create_user(self, claims: dict[str, Any]) -> Any:  # never reached: OIDC_CREATE_USER
        raise SuspiciousOperation("Boardpack does not create accounts from single sign-on.")


class _OnlyWhenEnabled:
    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not oidc_enabled():
            raise Http404("Single sign-on is not set up for this Boardpack")
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]


class SignInWithProviderView(_OnlyWhenEnabled, OIDCAuthenticationRequestView):
    """Sends the browser to the provider's sign-in page."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # The parent reads its settings when made; without single sign-on there are none.
        if oidc_enabled():
            super().__init__(*args, **kwargs)


class ProviderCallbackView(_OnlyWhenEnabled, OIDCAuthenticationCallbackView):
    """Where the provider sends the browser back, with a code to exchange for tokens."""
