"""The WSGI application (``gunicorn boardpack.wsgi``; ``boardpack serve`` runs exactly that).

It refuses to start without GOV.UK Frontend's built files rather than serve broken pages.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "boardpack.settings")
application = get_wsgi_application()

from boardpack.core.frontend import require_frontend  # noqa: E402 (needs Django set up)

require_frontend()
