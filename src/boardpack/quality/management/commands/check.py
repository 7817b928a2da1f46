"""``boardpack check``: Django's system checks, and with ``--period`` the data-quality checks.

This command takes the place of Django's own ``check`` (this app's commands win over
``django.core``'s), so it is Django's command extended: without ``--period`` it is exactly
Django's (``call_command("check")`` in test runners keeps working); with ``--period`` it runs
the system checks first, then reconciles every table the organisation holds for the period,
prints every finding (table, row, column, both figures, why) and exits 1 on any error.
"""

from __future__ import annotations

import sys

from django.core.management.base import CommandError
from django.core.management.commands.check import Command as SystemCheckCommand

from boardpack.core.management.options import (
    add_organisation_argument,
    organisation_from,
    period_from,
)
from boardpack.quality.checks import run_checks


class Command(SystemCheckCommand):
    help = (
        "Run Django's system checks; with --period YYYY-MM also reconcile the organisation's "
        "figures for that period (stated totals against computed ones) and exit 1 on errors."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--period", help="the period's last month, YYYY-MM: run the data-quality checks"
        )
        add_organisation_argument(parser)

    def handle(self, *app_labels, **options):
        period_key = options.get("period")
        if not period_key:
            if options.get("organisation"):
                raise CommandError("--organisation needs --period YYYY-MM")
            return super().handle(*app_labels, **options)
        super().handle(*app_labels, **options)
        organisation = organisation_from(options)
        period = period_from(organisation, period_key)
        findings = run_checks(organisation, period)
        errors = [f for f in findings if f.is_error]
        notes = len(findings) - len(errors)
        self.stdout.write(f"\nData quality, {organisation.name}, {period.label}:")
        for finding in findings:
            style = self.style.ERROR if finding.is_error else self.style.WARNING
            self.stdout.write(style(str(finding)))
        summary = f"{len(errors)} error(s), {notes} note(s)."
        if errors:
            self.stdout.write(self.style.ERROR(summary))
            sys.exit(1)
        self.stdout.write(self.style.SUCCESS(summary if findings else "No findings."))
