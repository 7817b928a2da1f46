"""Writing a plan in bulk: new records in one INSERT per batch, changed ones in one UPDATE per
batch, and their history rows in bulk too (django-simple-history's ``bulk_create_with_history``
and ``bulk_update_with_history``), so an import costs a few queries per batch, not a dozen per row.

An importer validates every change first, as its domain services would (the same cleaning and
the model's own ``clean``), collects what the domain refuses, and writes nothing unless nothing
was refused. The writes run inside the caller's transaction: a database error on any row leaves
nothing behind.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from boardpack.imports.framework.plan import ApplyFailed, Change, ImportContext, Stage
from boardpack.imports.problems import Problem

BATCH_SIZE = 500


def change_problems(change: Change, exc: ValidationError) -> list[Problem]:
    """A refusal by the domain, as problems at the change's row."""
    return [
        Problem(f"{change.label}: {message}", sheet=change.sheet, row=change.row)
        for messages in exc.message_dict.values()
        for message in messages
    ]


def validate(instance: models.Model, *, exclude: Iterable[str] = ()) -> None:
    """The model's own validation (fields and ``clean``), as ``save_changes`` runs it, without
    a query per row: uniqueness is checked across the file by the plan and then by the
    database's constraints, and the related records (``exclude``, the foreign keys) are ones
    the importer has just read or made."""
    instance.full_clean(exclude=list(exclude), validate_unique=False, validate_constraints=False)


def foreign_keys(model: type[models.Model]) -> list[str]:
    return [f.name for f in model._meta.concrete_fields if f.is_relation]


class BulkWrites:
    """What an import will write, model by model, and the one place it is written."""

    def __init__(self, context: ImportContext) -> None:
        self.context = context
        self.creates: dict[type[models.Model], list[models.Model]] = {}
        self.updates: dict[type[models.Model], list[models.Model]] = {}
        self.update_fields: dict[type[models.Model], set[str]] = {}

    def create(self, instance: models.Model) -> None:
        self.creates.setdefault(type(instance), []).append(instance)

    def update(self, instance: models.Model, fields: Iterable[str]) -> None:
        self.updates.setdefault(type(instance), []).append(instance)
        self.update_fields.setdefault(type(instance), set()).update(fields)

    @property
    def count(self) -> int:
        return sum(len(v) for v in self.creates.values()) + sum(
            len(v) for v in self.updates.values()
        )

    def save(self, *models_in_order: type[models.Model]) -> None:
        """Write every model's records, in the order given (parents before the records that
        point at them). A constraint the database refuses (a record another user added after
        the preview) refuses the whole import, naming what clashed."""
        total, done = self.count, 0
        user = self.context.user
        try:
            with transaction.atomic():
                for model in models_in_order:
                    created = self.creates.get(model, [])
                    for start in range(0, len(created), BATCH_SIZE):
                        batch = created[start : start + BATCH_SIZE]
                        bulk_create_with_history(batch, model, default_user=user)
                        done += len(batch)
                        self.context.report(Stage.WRITING, done, total)
                    updated = self.updates.get(model, [])
                    fields = sorted(self.update_fields.get(model, ()))
                    for start in range(0, len(updated), BATCH_SIZE):
                        batch = updated[start : start + BATCH_SIZE]
                        bulk_update_with_history(batch, model, fields, default_user=user)
                        done += len(batch)
                        self.context.report(Stage.WRITING, done, total)
        except IntegrityError as exc:
            raise ApplyFailed(
                [
                    Problem(
                        "Boardpack's records changed while this import was being applied "
                        f"(the database refused a {_model_name(exc, models_in_order)} that "
                        "already exists): nothing was written. Check the preview again."
                    )
                ]
            ) from exc


def _model_name(exc: IntegrityError, models_in_order: Iterable[type[models.Model]]) -> str:
    text = str(exc).lower()
    for model in models_in_order:
        names = [model._meta.db_table] + [c.name for c in model._meta.constraints]
        if any(name.lower() in text for name in names):
            return str(model._meta.verbose_name)
    return "record"


def unchanged(instance: Any, values: dict[str, Any]) -> bool:
    return all(getattr(instance, k) == v for k, v in values.items())
