"""What every block reads from: the organisation, the period, and the figures, read once."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from boardpack.core.models import RAG, Organisation, ReportingPeriod
from boardpack.programme.models import Programme
from boardpack.programme.selectors import ProgrammePosition, programme_for, programme_position
from boardpack.reports.document import RagValue

RAG_VALUES: dict[str, RagValue] = {"R": "R", "A": "A", "G": "G", "N": "NR"}

T = TypeVar("T")


def rag_value(rag: str) -> RagValue:
    return RAG_VALUES.get(rag, "NR")


def rag_words(rag: str) -> str:
    try:
        return str(RAG(rag).label)
    except ValueError:
        return str(RAG.NOT_RATED.label)


class MissingData(Exception):
    """A block's figures are not there for the period: said in place, never a crash."""


@dataclass
class BlockContext:
    organisation: Organisation
    period: ReportingPeriod
    narratives: dict[int, str] = field(default_factory=dict)  # block pk -> officers' Markdown
    # Whose figures the document shows (``performance.suppression.Audience``): officers see
    # true values; members and the public small numbers as ``c``.
    audience: str = "officer"
    # The officers' preview of an edition for members or the public: true values, each marked
    # where that audience would see ``c``.
    mark_for: str = ""
    template: Any = None  # the report template being built, if any
    # What several blocks of one document read alike (an earlier month's finance document, a
    # section's narratives, the authority's figures), each read once: see ``once``.
    _read: dict[Hashable, Any] = field(default_factory=dict, init=False, repr=False)

    def once(self, key: Hashable, read: Callable[[], T]) -> T:
        """``read()``, made the first time a block asks for ``key`` and kept for the others."""
        if key not in self._read:
            self._read[key] = read()
        return self._read[key]  # type: ignore[no-any-return]

    @functools.cached_property
    def hidden(self) -> set[Hashable]:
        """Figures this document must show as ``c``."""
        from boardpack.performance.selectors import hidden_for

        return hidden_for(self.organisation, self.audience)

    @functools.cached_property
    def marked(self) -> set[Hashable]:
        """True figures shown in the officers' preview that ``mark_for`` would see as ``c``."""
        from boardpack.performance.selectors import hidden_for

        if not self.mark_for or self.audience != "officer":
            return set()
        return hidden_for(self.organisation, self.mark_for)

    @functools.cached_property
    def period_end(self) -> datetime.date:
        return self.period.period.last_day

    @functools.cached_property
    def indicators(self) -> dict[str, Any]:
        from boardpack.performance.selectors import catalogue

        return catalogue(self.organisation, audience=self.audience, as_at=self.period_end)

    def period_by_key(self, key: str) -> ReportingPeriod:
        """Another period of the organisation (a block may report an earlier month's table)."""
        from boardpack.periods import Month

        month = Month.parse(key)
        found = self.once(
            ("period", month.first_day),
            ReportingPeriod.objects.filter(
                organisation=self.organisation, month=month.first_day
            ).first,
        )
        if found is None:
            raise MissingData(f"{self.organisation.name} has no reporting period {key}.")
        return found

    @functools.cached_property
    def programme(self) -> Programme | None:
        return programme_for(self.organisation)

    @functools.cached_property
    def position(self) -> ProgrammePosition | None:
        if self.programme is None:
            return None
        return programme_position(self.programme, self.period)

    def require_position(self) -> ProgrammePosition:
        if self.position is None:
            raise MissingData(f"{self.organisation.name} has no programme recorded.")
        return self.position

    @functools.cached_property
    def savings(self) -> dict[str, Any]:
        from boardpack.finance.selectors import savings_tracker

        return savings_tracker(self.organisation, self.period)

    @functools.cached_property
    def budget(self) -> dict[str, Any]:
        from boardpack.finance.selectors import budget_document

        return budget_document(self.organisation, self.period)

    @functools.cached_property
    def dsg(self) -> dict[str, Any]:
        from boardpack.finance.selectors import dsg_document

        return dsg_document(self.organisation, self.period)

    @property
    def period_title(self) -> str:
        return self.period.title or self.period.label
