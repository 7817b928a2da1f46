"""Arguments every Boardpack command shares, validated the same way everywhere."""

from django.core.management.base import CommandError

from boardpack.core.access import default_organisation
from boardpack.core.models import Organisation, ReportingPeriod
from boardpack.periods import Month, PeriodError


def add_organisation_argument(parser) -> None:
    parser.add_argument(
        "--organisation",
        metavar="SLUG",
        help="the organisation (default: the instance's default organisation)",
    )


def organisation_from(options) -> Organisation:
    slug = options.get("organisation")
    if slug:
        try:
            return Organisation.objects.get(slug=slug)
        except Organisation.DoesNotExist:
            known = ", ".join(Organisation.objects.values_list("slug", flat=True)) or "none yet"
            raise CommandError(f"No organisation {slug!r} (known: {known})") from None
    try:
        return default_organisation()
    except Organisation.DoesNotExist as exc:
        raise CommandError(str(exc)) from exc


def parse_period(key: str | None) -> Month:
    if not key:
        raise CommandError("--period is required, as YYYY-MM (for example 2024-06)")
    try:
        return Month.parse(key)
    except PeriodError as exc:
        raise CommandError(f"--period: {exc}") from exc


def period_from(organisation: Organisation, key: str | None) -> ReportingPeriod:
    month = parse_period(key)
    try:
        return ReportingPeriod.objects.get(organisation=organisation, month=month.first_day)
    except ReportingPeriod.DoesNotExist:
        known = (
            ", ".join(p.key for p in ReportingPeriod.objects.filter(organisation=organisation))
            or "none yet"
        )
        raise CommandError(
            f"{organisation.name} has no reporting period {month.key} (it has: {known})"
        ) from None
