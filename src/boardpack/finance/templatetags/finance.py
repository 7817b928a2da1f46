from decimal import Decimal

from django import template
from django.utils.html import format_html

from boardpack.finance import calculations as calc
from boardpack.finance.models import Direction

register = template.Library()

DIRECTION_WORDS = {d.value: d.label for d in Direction}


@register.simple_tag
def figure(row: dict, column: str) -> str:
    """A computed figure as the seed prints it; where the source stated something else, the
    stated figure beside it, so a reader sees both."""
    if column in ("marker", "direction"):
        shown = row.get(column) or ""
        stated = row.get("stated", {}).get(column)
    else:
        shown = row["printed"].get(column) or ""
        stated = row.get("stated", {}).get(f"{column}_printed")
    text = format_html("{}", shown)
    if column == "direction" and shown:
        text = format_html(
            '<span aria-hidden="true">{}</span><span class="govuk-visually-hidden">{}</span>',
            shown,
            DIRECTION_WORDS.get(shown, shown),
        )
    if stated and stated != shown:
        word = f"{stated} {DIRECTION_WORDS[stated].lower()}" if column == "direction" else stated
        text = format_html(
            '{}<br><span class="govuk-body-s bp-stated">source: {}</span>', text, word
        )
    return text


@register.filter
def pounds(value: Decimal | None) -> str:
    """Whole pounds as the tracker prints them; a blank (not reported) stays a blank cell,
    and a stated nil prints as 0."""
    if value is None:
        return ""
    return calc.format_pounds(value)


@register.filter
def pounds_change(value: Decimal | None) -> str:
    if value is None or value == 0:
        return "–"
    sign = "+" if value > 0 else "−"
    return f"{sign}£{calc.format_pounds(abs(value))}"
