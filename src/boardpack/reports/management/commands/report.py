"""``boardpack report TEMPLATE --period YYYY-MM --format html|pdf|docx|pptx -o FILE``.

Renders a report template for a period from today's data (or, when the edition for that period
is published, from its published snapshot). Its figures are for the template's audience: members
and the public see small numbers as ``c``; ``--officers-preview`` shows the true ones, marked.
Whatever is missing is said in the document and listed on stderr; with ``--strict`` the command
then exits non-zero.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from boardpack.core.management.options import (
    add_organisation_argument,
    organisation_from,
    period_from,
)
from boardpack.core.memory import gc_paused
from boardpack.reports.assemble import missing_notices
from boardpack.reports.models import ReportTemplate
from boardpack.reports.rendering import FORMATS, RendererUnavailable, render
from boardpack.reports.selectors import document_for_period


class Command(BaseCommand):
    help = "Render a report pack (HTML, PDF, Word or PowerPoint) for a period."
    # The system checks load every URL conf and view (altair, the admin, sign-in backends...):
    # seconds of start-up for a command that serves no page. `boardpack check` runs them.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("template", help="The template's slug, e.g. scrutiny-progress.")
        parser.add_argument("--period", required=True, help="The period, as YYYY-MM.")
        parser.add_argument("--format", required=True, choices=FORMATS, dest="fmt")
        parser.add_argument("-o", "--output", required=True, help="The file to write.")
        parser.add_argument(
            "--strict",
            action="store_true",
            help="Exit with an error when anything in the document is missing.",
        )
        parser.add_argument(
            "--officers-preview",
            action="store_true",
            help="Show officers the true figures, each marked where the report's audience "
            "(members, the public) sees c. Never for publication.",
        )
        add_organisation_argument(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        with gc_paused():  # WeasyPrint's boxes: see core.memory
            self._report(options)

    def _report(self, options: dict[str, Any]) -> None:
        organisation = organisation_from(options)
        template = ReportTemplate.objects.filter(
            organisation=organisation, slug=options["template"]
        ).first()
        if template is None:
            known = ", ".join(
                ReportTemplate.objects.filter(organisation=organisation).values_list(
                    "slug", flat=True
                )
            )
            raise CommandError(
                f"{organisation.name} has no report template {options['template']!r}"
                + (f" (it has: {known})." if known else ".")
            )
        period = period_from(organisation, options["period"])
        document = document_for_period(
            template, period, officers_preview=options["officers_preview"]
        )
        try:
            content = render(document, options["fmt"])
        except RendererUnavailable as exc:
            raise CommandError(str(exc)) from exc
        output = Path(options["output"])
        try:
            output.write_bytes(content)
        except OSError as exc:
            raise CommandError(f"Could not write {output}: {exc.strerror}") from exc
        missing = missing_notices(document)
        for line in missing:
            self.stderr.write(f"Missing: {line}")
        self.stdout.write(f"Wrote {output} ({len(content):,} bytes, {options['fmt']}).")
        if missing and options["strict"]:
            raise CommandError(f"{len(missing)} part(s) of the report are missing (--strict).")
