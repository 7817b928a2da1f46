"""Serve Boardpack: gunicorn, the production WSGI server, with static files by WhiteNoise.

``boardpack serve [ADDRESS:PORT]`` runs gunicorn with workers from the CPU count (or
``--workers`` / ``BOARDPACK_WORKERS``). ``--dev`` runs Django's development server instead
(one process, no reloader), which ``make run`` uses for the demo. Either way the server refuses
to start without GOV.UK Frontend's built files, and says how to install them.
"""

from __future__ import annotations

import os
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from boardpack.core.frontend import frontend_root, missing_frontend_message


def default_workers() -> int:
    """gunicorn's advice, (2 × CPUs) + 1, unless BOARDPACK_WORKERS says otherwise."""
    configured = os.environ.get("BOARDPACK_WORKERS", "").strip()
    if configured:
        if not configured.isdigit() or int(configured) < 1:
            raise CommandError(
                f"BOARDPACK_WORKERS must be a whole number of at least 1, not {configured!r}"
            )
        return int(configured)
    return 2 * (os.cpu_count() or 1) + 1


def gunicorn_arguments(addrport: str, workers: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "boardpack.wsgi:application",
        # Each worker warms up before its first request (boardpack/gunicorn_conf.py).
        "--config",
        "python:boardpack.gunicorn_conf",
        "--bind",
        addrport,
        "--workers",
        str(workers),
        "--timeout",
        os.environ.get("BOARDPACK_REQUEST_TIMEOUT", "120"),
        "--access-logfile",
        "-",
        "--error-logfile",
        "-",
        # Requests reach gunicorn through the reverse proxy only (docs/deploy.md).
        "--forwarded-allow-ips",
        os.environ.get("BOARDPACK_FORWARDED_ALLOW_IPS", "127.0.0.1"),
    ]


class Command(BaseCommand):
    help = (
        "Serve Boardpack on ADDRESS:PORT (default 127.0.0.1:8000) with gunicorn; "
        "--dev for Django's development server."
    )

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
        parser.add_argument("--workers", type=int, help="gunicorn workers (default 2 × CPUs + 1)")
        parser.add_argument(
            "--dev", action="store_true", help="Django's development server (for the demo)"
        )

    def handle(self, *args, addrport, workers, dev, **options):
        if frontend_root() is None:
            raise CommandError(missing_frontend_message())
        if dev:
            call_command("runserver", addrport, use_reloader=False, use_threading=True)
            return
        if workers is not None and workers < 1:
            raise CommandError("--workers must be at least 1")
        arguments = gunicorn_arguments(addrport, workers or default_workers())
        sys.stdout.flush()
        sys.stderr.flush()
        # gunicorn takes this process's place: signals (Ctrl+C, SIGTERM) reach it directly.
        os.execv(sys.executable, arguments)
