"""Edits that lose nothing: versions, conflicts, and corrections to closed periods."""

from __future__ import annotations

from typing import Any, TypeVar

from django.db import models

from boardpack.core.models import ReportingPeriod
from boardpack.workflow.models import ApprovalStatus

M = TypeVar("M", bound=models.Model)


class EditConflict(Exception):
    """Someone saved the record after the editor opened it: nothing was written."""

    def __init__(self, current: Any, opened_version: int) -> None:
        super().__init__(
            f"{current} was changed by someone else (version {current.version}) after you opened "
            f"version {opened_version}."
        )
        self.current = current
        self.opened_version = opened_version


class CorrectionNeedsReason(ValueError):
    """A closed period is frozen: changing it is a correction, and a correction says why."""

    def __init__(self, period: ReportingPeriod) -> None:
        super().__init__(
            f"{period.label} is closed: give the reason for the correction. It is recorded with "
            "the change."
        )
        self.period = period


def locked_for_edit(
    queryset: models.QuerySet[M], *, period: ReportingPeriod, version: int | None, reason: str
) -> M | None:
    """The record to edit, locked until the transaction ends, or None when there is none yet.

    ``version`` is what the editor opened (0: nothing existed yet; None: the caller does not
    track versions, as the demo loader and commands do not).
    """
    if period.is_closed and not reason.strip():
        raise CorrectionNeedsReason(period)
    record = queryset.select_for_update().first()
    current = getattr(record, "version", 0) if record is not None else 0
    if version is not None and version != current:
        if record is None:  # it was there when the form was opened: cannot happen but for a bug
            raise ValueError("The record being edited no longer exists")
        raise EditConflict(record, version)
    return record


def edited(record: Any, *, period: ReportingPeriod, reason: str = "") -> None:
    """Mark ``record`` (an Approvable) as edited: a new version, no longer carried forward.

    In an open period an edit makes the record a draft again (it must be submitted and
    approved afresh); in a closed period it is a correction of approved content, recorded with
    its reason and kept approved.
    """
    if record.pk is not None:
        record.version += 1
    record.carried_forward_from = None
    if not period.is_closed:
        record.status = ApprovalStatus.DRAFT
    if reason:
        record._change_reason = reason
