from django import template
from django.utils.html import format_html

from boardpack.core.models import RAG

register = template.Library()

_RAG_CLASSES = {
    RAG.RED: "govuk-tag--red",
    RAG.AMBER: "govuk-tag--yellow",
    RAG.GREEN: "govuk-tag--green",
    RAG.NOT_RATED: "govuk-tag--grey",
}


@register.simple_tag
def rag_tag(value: str) -> str:
    """A RAG status as a GOV.UK tag: colour and word, never colour alone."""
    try:
        rag = RAG(value)
    except ValueError:
        rag = RAG.NOT_RATED
    return format_html(
        '<strong class="govuk-tag bp-rag {}">{}</strong>', _RAG_CLASSES[rag], rag.label
    )


@register.filter
def field_id(bound_field) -> str:
    return bound_field.auto_id or ""


@register.simple_tag
def forms_with_errors(form=None, extra_forms=None) -> list:
    """The page's form and any further forms on it (``extra_forms``) that hold errors."""
    forms = ([form] if form is not None and hasattr(form, "errors") else []) + list(
        extra_forms or []
    )
    return [f for f in forms if f.errors]
