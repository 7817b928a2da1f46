"""Writes: editions, their narrative, approval, publication, corrections and generated files.

Who may do what is checked here as well as in the views: approving and publishing need the
programme office's permissions; a published edition is frozen until a correction reopens it
as a new version.
"""

from __future__ import annotations

import hashlib
import logging
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from boardpack.core.models import ReportingPeriod
from boardpack.reports.document import to_dict
from boardpack.reports.models import (
    MAX_NARRATIVE_LENGTH,
    Edition,
    EditionNarrative,
    EditionVersion,
    GeneratedFile,
    Generation,
    ReportTemplate,
)
from boardpack.reports.rendering import FORMATS, render
from boardpack.reports.selectors import (
    editable_blocks,
    edition_document,
    edition_narratives,
    empty_narrative_sections,
    live_document,
)

logger = logging.getLogger(__name__)

EDIT_PERMISSION = "reports.change_edition"
APPROVE_PERMISSION = "reports.approve_edition"
PUBLISH_PERMISSION = "reports.publish_edition"


class EditionError(ValidationError):
    pass


def can_edit(user: Any) -> bool:
    return bool(user.has_perm(EDIT_PERMISSION))


def can_approve(user: Any) -> bool:
    return bool(user.has_perm(APPROVE_PERMISSION))


def can_publish(user: Any) -> bool:
    return bool(user.has_perm(PUBLISH_PERMISSION))


def edition_create(*, template: ReportTemplate, period: ReportingPeriod, user: Any) -> Edition:
    if not can_edit(user):
        raise PermissionDenied("Only the programme office can start an edition.")
    if period.organisation_id != template.organisation_id:
        raise EditionError("That period belongs to another organisation.")
    if Edition.objects.filter(template=template, period=period).exists():
        raise EditionError(f"There is already an edition of {template.title} for {period.label}.")
    edition = Edition(
        organisation=template.organisation, template=template, period=period, created_by=user
    )
    edition.full_clean()
    edition.save()
    return edition


def _editable(edition: Edition) -> None:
    if edition.is_published:
        raise EditionError(
            "This edition is published, so it cannot be changed. Start a correction to make a "
            "new version."
        )


def narrative_save(*, edition: Edition, texts: dict[int, str], user: Any) -> int:
    """Save officers' text per editable block; an empty text goes back to the block's draft.
    Returns how many blocks changed. Editing an approved edition returns it to draft."""
    if not can_edit(user):
        raise PermissionDenied("Only the programme office can edit an edition's narrative.")
    _editable(edition)
    blocks = {b.pk: b for b in editable_blocks(edition.template)}
    for pk, text in texts.items():
        if pk not in blocks:
            raise EditionError("That block is not in this edition's template.")
        if "\x00" in text:
            raise EditionError("The text contains a NUL character; remove it and try again.")
        if len(text) > MAX_NARRATIVE_LENGTH:
            raise EditionError(
                f"A narrative can be at most {MAX_NARRATIVE_LENGTH:,} characters "
                f"({len(text):,} given)."
            )
    changed = 0
    saved = edition_narratives(edition)
    with transaction.atomic():
        for pk, text in texts.items():
            text = text.replace("\r\n", "\n").strip()
            if not text:
                if pk in saved:
                    EditionNarrative.objects.filter(edition=edition, block_id=pk).delete()
                    changed += 1
                continue
            if saved.get(pk) == text:
                continue
            EditionNarrative.objects.update_or_create(
                edition=edition, block=blocks[pk], defaults={"text": text, "updated_by": user}
            )
            changed += 1
        if changed and edition.status == Edition.Status.APPROVED:
            edition.status = Edition.Status.DRAFT
            edition.approved_by = None
            edition.save()
    return changed


def edition_approve(*, edition: Edition, user: Any) -> Edition:
    if not can_approve(user):
        raise PermissionDenied("Only the programme office can approve an edition.")
    if edition.status != Edition.Status.DRAFT:
        raise EditionError(f"Only a draft can be approved; this edition is {edition.status}.")
    empty = empty_narrative_sections(edition)
    if empty:
        sections = "; ".join(f"“{title}”" for title in empty)
        raise EditionError(
            f"Write the narrative of {'this section' if len(empty) == 1 else 'these sections'} "
            f"before approving: {sections}."
        )
    edition.status = Edition.Status.APPROVED
    edition.approved_by = user
    edition.save()
    return edition


def edition_publish(*, edition: Edition, user: Any) -> EditionVersion:
    """Freeze the edition: its document and narrative as they stand become this version."""
    if not can_publish(user):
        raise PermissionDenied("Only the programme office can publish an edition.")
    if edition.status != Edition.Status.APPROVED:
        raise EditionError("Approve the edition before publishing it.")
    with transaction.atomic():
        edition.status = Edition.Status.PUBLISHED
        document = live_document(edition)  # labelled "Published (version n)"
        version = EditionVersion.objects.create(
            edition=edition,
            number=edition.version,
            reason=edition.correction_reason,
            document=to_dict(document),
            narrative={str(k): v for k, v in edition_narratives(edition).items()},
            published_by=user,
        )
        edition.save()
    return version


def edition_correct(*, edition: Edition, reason: str, user: Any) -> Edition:
    """Reopen a published edition as a new draft version; the published one stays as it is."""
    if not can_publish(user):
        raise PermissionDenied("Only the programme office can correct a published edition.")
    if not edition.is_published:
        raise EditionError("Only a published edition needs a correction; edit the draft instead.")
    reason = reason.strip()
    if not reason:
        raise EditionError("Say why the edition is being corrected.")
    edition.status = Edition.Status.DRAFT
    edition.version += 1
    edition.correction_reason = reason
    edition.approved_by = None
    edition.save()
    return edition


def generation_start(*, edition: Edition, user: Any) -> Generation:
    """Queue one background task that renders every format of the edition as it stands."""
    from boardpack.reports.tasks import generate_edition_files

    generation = Generation.objects.create(
        edition=edition,
        version=edition.version,
        published=edition.is_published,
        requested_by=user if getattr(user, "is_authenticated", False) else None,
    )
    # Called outside a transaction (views run in autocommit), so the worker finds the row.
    result = generate_edition_files.enqueue(generation.pk)
    Generation.objects.filter(pk=generation.pk, task_id="").update(task_id=str(result.id))
    generation.refresh_from_db()
    return generation


def generation_run(generation_id: int) -> Generation:
    """Render every format of the generation's edition; the task's body (and the tests')."""
    generation = Generation.objects.select_related(
        "edition", "edition__template", "edition__period", "edition__organisation"
    ).get(pk=generation_id)
    generation.status = Generation.Status.RUNNING
    generation.save(update_fields=["status"])
    edition = generation.edition
    try:
        document = (
            edition_document(edition, generation.version)
            if generation.published
            else live_document(edition)
        )
        for fmt in FORMATS:
            content = render(document, fmt)
            GeneratedFile.objects.update_or_create(
                generation=generation,
                format=fmt,
                defaults={
                    "content": content,
                    "size": len(content),
                    "sha256": hashlib.sha256(content).hexdigest(),
                },
            )
    except Exception as exc:  # a failed run is recorded and shown, never lost
        logger.exception("Generating files for edition %s failed", edition.pk)
        generation.status = Generation.Status.FAILED
        generation.error = f"{type(exc).__name__}: {exc}"[:2000]
        generation.finished_at = timezone.now()
        generation.save(update_fields=["status", "error", "finished_at"])
        return generation
    generation.status = Generation.Status.DONE
    generation.finished_at = timezone.now()
    generation.save(update_fields=["status", "finished_at"])
    return generation
