"""Reads: editions, their narrative, and the document an edition shows."""

from __future__ import annotations

from django.db.models import QuerySet

from boardpack.core.models import Organisation, ReportingPeriod
from boardpack.reports.assemble import FIGURES_AUDIENCE, build_document
from boardpack.reports.blocks import BlockContext, draft_text
from boardpack.reports.document import Document, from_dict
from boardpack.reports.models import (
    EDITABLE_KINDS,
    NARRATIVE_KINDS,
    Block,
    Edition,
    EditionVersion,
    Generation,
    ReportTemplate,
)


def templates_for(organisation: Organisation) -> QuerySet[ReportTemplate]:
    return ReportTemplate.objects.filter(organisation=organisation).order_by("title")


def editions_for(organisation: Organisation) -> QuerySet[Edition]:
    return (
        Edition.objects.filter(organisation=organisation)
        .select_related("template", "period")
        .order_by("-period__month", "template__title")
    )


def edition_narratives(edition: Edition) -> dict[int, str]:
    return {n.block_id: n.text for n in edition.narratives.all()}


def editable_blocks(template: ReportTemplate) -> list[Block]:
    return list(
        Block.objects.filter(section__template=template, kind__in=EDITABLE_KINDS)
        .select_related("section")
        .order_by("section__order", "section__pk", "order", "pk")
    )


def narrative_drafts(edition: Edition) -> list[tuple[Block, str, bool]]:
    """Each editable block with its text: what officers saved, else the draft from the data.
    The flag says whether officers have written it."""
    saved = edition_narratives(edition)
    # The drafts are what gets published: figures for the template's audience.
    ctx = BlockContext(
        organisation=edition.organisation,
        period=edition.period,
        audience=FIGURES_AUDIENCE.get(edition.template.audience, "member"),
        template=edition.template,
    )
    result = []
    for block in editable_blocks(edition.template):
        if block.pk in saved:
            result.append((block, saved[block.pk], True))
        else:
            result.append((block, draft_text(block, ctx), False))
    return result


def status_label(edition: Edition) -> str:
    if edition.is_published:
        return f"Published (version {edition.version})"
    if edition.status == Edition.Status.APPROVED:
        return f"Approved, not yet published (version {edition.version})"
    return f"Draft – not for publication (version {edition.version})"


PREVIEW_LABEL = "Officers' preview – figures marked † are shown to officers only"


def live_document(edition: Edition, *, officers_preview: bool = False) -> Document:
    """Today's document. For the template's audience (what is approved and published), unless
    ``officers_preview``: true figures, marked where that audience would see ``c``."""
    label = status_label(edition)
    return build_document(
        edition.template,
        edition.organisation,
        edition.period,
        narratives=edition_narratives(edition),
        status_label=f"{label} · {PREVIEW_LABEL}" if officers_preview else label,
        officers_preview=officers_preview,
    )


def latest_version(edition: Edition) -> EditionVersion | None:
    return edition.versions.order_by("-number").first()


def edition_document(
    edition: Edition, version: int | None = None, *, officers_preview: bool = False
) -> Document:
    """A published edition is its frozen snapshot; a draft or approved one today's data.
    ``version`` asks for an earlier published version; ``officers_preview`` the draft with
    true figures, marked (never a published one: that is what its readers saw)."""
    if version is not None:
        return from_dict(edition.versions.get(number=version).document)
    if edition.is_published:
        published = latest_version(edition)
        if published is not None:
            return from_dict(published.document)
    return live_document(edition, officers_preview=officers_preview)


def document_for_period(
    template: ReportTemplate, period: ReportingPeriod, *, officers_preview: bool = False
) -> Document:
    edition = Edition.objects.filter(template=template, period=period).first()
    if edition is not None:
        return edition_document(edition, officers_preview=officers_preview)
    label = f"Draft · {PREVIEW_LABEL}" if officers_preview else "Draft"
    return build_document(
        template,
        template.organisation,
        period,
        status_label=label,
        officers_preview=officers_preview,
    )


def latest_generation(edition: Edition, version: int | None = None) -> Generation | None:
    """The newest files of a version: a published version's come from its snapshot, a draft's
    from today's data."""
    if version is None:
        generations = edition.generations.filter(
            version=edition.version, published=edition.is_published
        )
    else:
        generations = edition.generations.filter(version=version, published=True)
    return generations.prefetch_related("files").order_by("-created_at", "-pk").first()


def empty_narrative_sections(edition: Edition) -> list[str]:
    """The titles of the sections whose words officers have still to write (a narrative, case
    study or quote block with no text, unless its config says ``"optional": true``)."""
    saved = edition_narratives(edition)
    titles: list[str] = []
    blocks = (
        Block.objects.filter(section__template=edition.template, kind__in=NARRATIVE_KINDS)
        .select_related("section")
        .order_by("section__order", "section__pk", "order", "pk")
    )
    for block in blocks:
        if block.config.get("optional") is True:
            continue
        text = saved.get(block.pk)
        if text is None:
            text = str(block.config.get("text", ""))
        if not text.strip() and block.section.title not in titles:
            titles.append(block.section.title)
    return titles
