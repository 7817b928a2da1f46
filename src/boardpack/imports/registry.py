"""Importers by dataset name; each dataset registers its importer in ``ImportsConfig.ready``."""

from __future__ import annotations

from boardpack.imports.framework import Importer

_importers: dict[str, Importer] = {}


def register(importer: Importer) -> None:
    _importers[importer.name] = importer


def get(name: str) -> Importer:
    try:
        return _importers[name]
    except KeyError:
        raise KeyError(
            f"No importer for {name!r}: choose one of {', '.join(sorted(_importers))}"
        ) from None


def names() -> list[str]:
    return sorted(_importers)


def all_importers() -> list[Importer]:
    return [_importers[n] for n in names()]
