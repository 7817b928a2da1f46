from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from boardpack.workflow.models import ApprovalStatus

register = template.Library()

_CLASSES = {
    ApprovalStatus.DRAFT: "govuk-tag--grey",
    ApprovalStatus.SUBMITTED: "govuk-tag--blue",
    ApprovalStatus.APPROVED: "govuk-tag--green",
    ApprovalStatus.RETURNED: "govuk-tag--orange",
}


@register.simple_tag
def status_tag(record: Any) -> str:
    """An approval status as a GOV.UK tag; "Not started" when there is no record yet."""
    if record is None:
        return mark_safe('<strong class="govuk-tag govuk-tag--red bp-status">Not started</strong>')
    status = ApprovalStatus(record.status)
    return format_html(
        '<strong class="govuk-tag bp-status {}">{}</strong>', _CLASSES[status], status.label
    )


@register.filter
def widget_type(bound_field: Any) -> str:
    return bound_field.field.widget.__class__.__name__
