"""GOV.UK Frontend's built files, which every page needs: found, or a message saying how.

They come from the npm package ``govuk-frontend`` (``npm ci``, which ``make run`` does), and
``boardpack collectstatic`` copies them into the static root. A server without them would serve
unstyled, broken pages, so ``boardpack serve`` and the WSGI application refuse to start.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

# What the pages load: the stylesheet, the script and the fonts and images the CSS refers to.
REQUIRED = ("govuk-frontend.min.css", "govuk-frontend.min.js", "assets/fonts", "assets/images")


def frontend_roots() -> list[Path]:
    """Where the built files may be: the collected static root, then the npm package."""
    return [
        Path(settings.STATIC_ROOT) / "govuk",
        Path(settings.FRONTEND_DIR) / "dist" / "govuk",
    ]


def frontend_root() -> Path | None:
    for root in frontend_roots():
        if all((root / name).exists() for name in REQUIRED):
            return root
    return None


def missing_frontend_message() -> str:
    looked = "\n".join(f"  {root}" for root in frontend_roots())
    return (
        "GOV.UK Frontend's built files are missing, so Boardpack's pages would have no styles "
        f"or scripts. Looked in:\n{looked}\n"
        "Install them: in the Boardpack directory run `npm ci` (or `make run`, which does), "
        "then `boardpack collectstatic --noinput`. Or point BOARDPACK_FRONTEND_DIR at an "
        "unpacked govuk-frontend package (its dist/govuk folder holds the built files)."
    )


def require_frontend() -> Path:
    root = frontend_root()
    if root is None:
        raise ImproperlyConfigured(missing_frontend_message())
    return root
