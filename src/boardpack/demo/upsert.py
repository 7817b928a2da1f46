"""Idempotent writes for the demo loader: a second run changes nothing, history included."""

from __future__ import annotations

from typing import Any, TypeVar

from django.db import models

M = TypeVar("M", bound=models.Model)


def upsert(model: type[M], lookup: dict[str, Any], values: dict[str, Any] | None = None) -> M:
    """Get or create ``model`` by ``lookup``; save only when ``values`` differ."""
    values = values or {}
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
        obj.full_clean()
        obj.save()
        return obj
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        obj.full_clean()
        obj.save()
    return obj


def set_m2m(manager: Any, objects: list[Any]) -> None:
    if {o.pk for o in manager.all()} != {o.pk for o in objects}:
        manager.set(objects)
