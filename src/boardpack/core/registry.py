"""Registries filled by the apps at start-up, holding dotted paths until an entry is first used.

Apps register their datasets, importers, quality checks and demo steps in ``AppConfig.ready``.
Importing each of them there made every process pay for all of them — importers, selectors,
demo loaders — before doing anything: a third of ``boardpack export``'s start-up. An app now
registers ``"boardpack.finance.datasets.SAVINGS"``; the module is imported the first time the
entry is asked for, and a command that exports one dataset imports only that one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

T = TypeVar("T")


class Registry(Generic[T]):
    """Entries by name, in the order they were registered; a dotted path is imported on first use.

    ``name_of`` reads an entry's own name, so that a dotted path registered under the wrong
    name is caught when it is resolved rather than exporting one dataset under another's name.
    """

    def __init__(self, kind: str, name_of: Callable[[T], str] | None = None) -> None:
        self.kind = kind
        self._name_of = name_of
        self._entries: dict[str, T | str] = {}

    def register(self, name: str, entry: T | str) -> None:
        self._entries[name] = entry

    def __contains__(self, name: object) -> bool:
        return name in self._entries

    def names(self) -> list[str]:
        """Names in the order they were registered."""
        return list(self._entries)

    def get(self, name: str) -> T:
        try:
            entry = self._entries[name]
        except KeyError:
            raise KeyError(
                f"Unknown {self.kind} {name!r}: choose one of {', '.join(sorted(self._entries))}"
            ) from None
        if isinstance(entry, str):
            resolved: T = import_string(entry)
            if self._name_of is not None and self._name_of(resolved) != name:
                raise ImproperlyConfigured(
                    f"{entry} is the {self.kind} {self._name_of(resolved)!r}, "
                    f"registered as {name!r}"
                )
            self._entries[name] = resolved
            return resolved
        return entry

    def values(self) -> list[T]:
        """Every entry, in the order registered (each imported if it was not yet)."""
        return [self.get(name) for name in self.names()]
