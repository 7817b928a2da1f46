"""Small-number suppression for everything published beyond officers.

Officers see true values. Members and the public see counts from 1 to the threshold (default
5) as ``c`` (primary suppression), and further cells hidden wherever a published total would
let a reader work a hidden one out by subtraction (secondary suppression): in every breakdown
group whose total is shown, either no part is hidden or at least two are. A percentage or rate
whose numerator or denominator is hidden is hidden too.

``suppress_for(audience, figures)`` is the one entry point: pages, the API, exports and report
renderers all call it, on the same figures, so no output can reveal what another hides.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import models

from boardpack.performance.models import Qualifier, Unit

DEFAULT_THRESHOLD = 5
TOTAL_WORDS = {"total", "all", "totals", "grand total"}
# A breakdown over one of these already says when each cell is: its cells may carry different
# dates (September, October, ...) yet belong to one table.
TIME_DIMENSIONS = {"month", "academic_year", "financial_year", "year", "term", "quarter"}


class Audience(models.TextChoices):
    OFFICER = "officer", "Officer"
    MEMBER = "member", "Member"
    PUBLIC = "public", "Public"


def threshold() -> int:
    return int(getattr(settings, "BOARDPACK_SUPPRESSION_THRESHOLD", DEFAULT_THRESHOLD))


def audience_for(user: Any) -> str:
    """Officers are users who may see unsuppressed figures; other members of the council
    (councillors) are members; nobody signed in is the public."""
    if user is None or not getattr(user, "is_authenticated", False):
        return Audience.PUBLIC
    if user.has_perm("performance.view_unsuppressed"):
        return Audience.OFFICER
    return Audience.MEMBER


def parse_audience(text: str) -> str:
    if text not in Audience.values:
        raise ValueError(f"‘{text}’ is not an audience: use one of {', '.join(Audience.values)}.")
    return text


@dataclass(frozen=True)
class Figure:
    """What suppression needs to know of one observation."""

    id: Hashable
    indicator: Hashable
    unit: str
    date: Any
    area: str
    source: Hashable
    breakdown: dict[str, str]
    value: Decimal | None
    dimensions: Sequence[str] = ()
    numerator: Hashable | None = None  # the indicator whose figures are this one's numerator
    denominator: Hashable | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)


def is_total(cell: str) -> bool:
    return cell.strip().lower() in TOTAL_WORDS


def _is_small(figure: Figure, limit: int) -> bool:
    return (
        figure.unit == Unit.COUNT
        and figure.value is not None
        and Decimal(1) <= figure.value <= Decimal(limit)
    )


def _groups(figures: Sequence[Figure]) -> list[tuple[list[Figure], list[Figure]]]:
    """Each breakdown group as (parts, totals): the figures that differ in one dimension only,
    and those that total them (a ``Total`` cell, or the same figure with no such dimension)."""
    by_key: dict[tuple, dict[str, list[Figure]]] = defaultdict(lambda: {"parts": [], "totals": []})

    def base(figure: Figure, breakdown: dict[str, str]) -> tuple:
        timeless = bool(TIME_DIMENSIONS.intersection(figure.dimensions))
        return (
            figure.indicator,
            figure.area,
            figure.source,
            None if timeless else figure.date,
            tuple(sorted(breakdown.items())),
        )

    for figure in figures:
        for dim, cell in figure.breakdown.items():
            rest = {k: v for k, v in figure.breakdown.items() if k != dim}
            slot = by_key[(dim, *base(figure, rest))]
            slot["totals" if is_total(cell) else "parts"].append(figure)
    for figure in figures:
        # A figure without dimension d totals the group over d of the figures with it.
        for dim in figure.dimensions:
            if dim in figure.breakdown:
                continue
            key = (dim, *base(figure, figure.breakdown))
            if key in by_key:
                by_key[key]["totals"].append(figure)
    return [(slot["parts"], slot["totals"]) for slot in by_key.values() if slot["totals"]]


def suppressed_ids(figures: Iterable[Figure], *, limit: int | None = None) -> set[Hashable]:
    """The ids of the figures members and the public must not see."""
    figures = list(figures)
    limit = threshold() if limit is None else limit
    hidden: set[Hashable] = {f.id for f in figures if _is_small(f, limit)}
    groups = _groups(figures)
    derived = [f for f in figures if f.numerator is not None or f.denominator is not None]
    by_cell: dict[tuple, list[Figure]] = defaultdict(list)
    for figure in figures:
        by_cell[
            (figure.indicator, figure.date, figure.area, tuple(sorted(figure.breakdown.items())))
        ].append(figure)
    changed = True
    while changed:
        changed = False
        for parts, totals in groups:
            # A group is one sum (its parts add up to its total): a reader works out any one
            # figure of it that is hidden, a hidden total included (from its shown parts), so
            # one hidden figure in a group always takes a second with it.
            total_hidden = all(t.id in hidden for t in totals)
            hidden_parts = [p for p in parts if p.id in hidden]
            if len(hidden_parts) + total_hidden != 1:
                continue
            shown = [p for p in parts if p.id not in hidden and p.value is not None]
            if shown:
                # The smallest other part: it hides the least while protecting the first.
                victim = min(shown, key=lambda p: (p.value == 0, p.value, str(p.id)))
                hidden.add(victim.id)
            elif not total_hidden:
                hidden.update(t.id for t in totals)
            else:
                continue  # the total is hidden and no part is shown: nothing to work it out from
            changed = True
        for figure in derived:
            if figure.id in hidden:
                continue
            cell = (figure.date, figure.area, tuple(sorted(figure.breakdown.items())))
            for other in (figure.numerator, figure.denominator):
                if other is not None and any(o.id in hidden for o in by_cell[(other, *cell)]):
                    hidden.add(figure.id)
                    changed = True
                    break
    return hidden


def suppress_for(
    audience: str, figures: Iterable[Figure], *, limit: int | None = None
) -> set[Hashable]:
    """What ``audience`` must not see of ``figures``: nothing for officers."""
    if audience == Audience.OFFICER:
        return set()
    return suppressed_ids(figures, limit=limit)


def hide(row: dict[str, Any]) -> dict[str, Any]:
    """A document row with its figure replaced by the DfE's ``c`` (commentary may quote it)."""
    return row | {
        "value": None,
        "qualifier": Qualifier.SUPPRESSED.value,
        "as_written": "c",
        "commentary": "",
        "suppressed": True,
    }
