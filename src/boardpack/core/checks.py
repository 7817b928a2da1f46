"""System checks: GOV.UK Frontend's built files, and production settings Django does not check."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

from boardpack.core.frontend import frontend_root, missing_frontend_message


@register(Tags.staticfiles)
def govuk_frontend_installed(app_configs: Any = None, **kwargs: Any) -> list[Warning]:
    if frontend_root() is None:
        return [Warning(missing_frontend_message(), id="boardpack.W001")]
    return []


@register(Tags.security, deploy=True)
def production_settings(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    problems = []
    if settings.DEMO_MODE:
        problems.append(
            Error(
                "BOARDPACK_DEMO is on: the demo users' published password signs in.",
                hint="Unset BOARDPACK_DEMO in production.",
                id="boardpack.E001",
            )
        )
    if not settings.CSRF_TRUSTED_ORIGINS and getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        problems.append(
            Error(
                "Behind an HTTPS proxy, BOARDPACK_CSRF_TRUSTED_ORIGINS must name the service's "
                "https:// address, or every form is refused.",
                id="boardpack.E002",
            )
        )
    return problems
