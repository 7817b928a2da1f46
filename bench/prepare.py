"""Prepare a bench database: ``python -m bench.prepare [--migrate] [--multiply N] [--sessions N]``.

Run in a process of its own with ``DATABASE_URL`` naming the bench database (never a real one):
``--migrate`` migrates it and loads the demo; ``--multiply N`` makes Somerset's lines N times as
many (``bench.bigdata``); ``--sessions N`` signs the demo's councillor in N times and prints the
session cookies. Its last line of output is one JSON object: ``{"cookies": [...], "counts": {...}}``
(``load_demo`` prints before it).
"""

from __future__ import annotations

import argparse
import json
import os
import sys

# The bench's reader: a copy of the demo's councillor (same groups and organisations) that is not
# a demo user, since demo users are refused outside demo mode and gunicorn runs as in production.
READER = "bench.councillor"
MODEL_READER = "councillor"


def ensure_reader():  # type: ignore[no-untyped-def]
    """The bench reader, made from the demo councillor on first use (bench databases only)."""
    from boardpack.accounts.models import Membership, User

    model = User.objects.get(username=MODEL_READER)
    reader, created = User.objects.get_or_create(
        username=READER,
        defaults={"first_name": "[bench data]", "last_name": "Councillor", "is_demo": False},
    )
    if created:
        reader.set_unusable_password()
        reader.save()
        reader.groups.set(model.groups.all())
        reader.user_permissions.set(model.user_permissions.all())
        for membership in Membership.objects.filter(user=model):
            Membership.objects.get_or_create(user=reader, organisation=membership.organisation)
    return reader


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--migrate", action="store_true", help="migrate and load the demo")
    parser.add_argument("--multiply", type=int, default=1, help="make the lines N times as many")
    parser.add_argument("--sessions", type=int, default=0, help="sign in N times")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "boardpack.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from boardpack.core.models import Organisation

    if args.migrate:
        call_command("migrate", interactive=False, verbosity=0)
        call_command("load_demo", verbosity=0)
    somerset = Organisation.objects.get(slug="somerset")
    from bench import bigdata

    counts = bigdata.multiply(somerset, args.multiply) if args.multiply > 1 else {}
    cookies = []
    user = ensure_reader()
    for _ in range(args.sessions):
        client = Client()
        client.force_login(user)
        cookies.append(
            f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
        )
    sys.stdout.write("\n" + json.dumps({"cookies": cookies, "counts": counts}) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
