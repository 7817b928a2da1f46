"""Importers by dataset name; each app registers its importers' dotted paths in its ``ready``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from boardpack.core.registry import Registry

if TYPE_CHECKING:
    from boardpack.imports.framework import Importer

_importers: Registry[Importer] = Registry("importer", lambda importer: importer.name)


def register(name: str, importer: Importer | str) -> None:
    """``importer`` is the Importer, or its dotted path (imported when first asked for)."""
    _importers.register(name, importer)


def get(name: str) -> Importer:
    return _importers.get(name)


def names() -> list[str]:
    return sorted(_importers.names())


def all_importers() -> list[Importer]:
    return [_importers.get(n) for n in names()]
