"""The benchmark's one table: a row per figure, its target beside it and a pass/fail mark.

A bench module's ``rows()`` returns :class:`Row` objects, or plain ``(name, figure, target, ok)``
tuples (``figure`` a number of seconds or text, ``target`` text, ``ok`` True/False/None), which
:func:`as_row` turns into rows. ``ok`` is None where there is no target to meet.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

PASS, FAIL, NONE = "pass", "FAIL", "-"


def seconds(value: float) -> str:
    """A duration as people read it: 0.8 ms, 12.3 ms, 1.25 s."""
    if value < 0.01:
        return f"{value * 1000:.2f} ms"
    if value < 1:
        return f"{value * 1000:.1f} ms"
    return f"{value:.2f} s"


@dataclass
class Row:
    name: str
    median: str  # the figure itself, for rows that have a single one
    low: str = ""  # min
    high: str = ""  # max
    target: str = ""
    ok: bool | None = None
    note: str = ""
    error: bool = False
    p95: str = ""  # rows of a load (the median is then its p50)
    p99: str = ""  # the measurement itself failed (a page did not answer 200…)

    @classmethod
    def timed(
        cls,
        name: str,
        samples: Sequence[float],
        *,
        limit: float | None = None,
        target: str = "",
        note: str = "",
    ) -> Row:
        """Median/min/max of ``samples`` (seconds), checked against ``limit`` seconds if given."""
        median = statistics.median(samples)
        if limit is not None and not target:
            target = f"<= {seconds(limit)}"
        return cls(
            name,
            seconds(median),
            seconds(min(samples)),
            seconds(max(samples)),
            target=target,
            ok=None if limit is None else median <= limit,
            note=note or f"n={len(samples)}",
        )

    @classmethod
    def failed(cls, name: str, message: str, target: str = "") -> Row:
        return cls(name, "error", target=target, ok=False, note=message, error=True)

    @property
    def mark(self) -> str:
        if self.ok is None:
            return NONE
        return PASS if self.ok else FAIL


def as_row(item: object) -> Row:
    if isinstance(item, Row):
        return item
    if isinstance(item, tuple) and len(item) in (3, 4):
        name, figure, target = item[0], item[1], item[2]
        ok = item[3] if len(item) == 4 else None
        shown = seconds(figure) if isinstance(figure, float) else str(figure)
        return Row(str(name), shown, target=str(target or ""), ok=ok)
    raise TypeError(f"a bench row is a Row or (name, figure, target, ok), not {item!r}")


def render(rows: Sequence[Row]) -> str:
    """The table; the p95 and p99 columns only when some row has them."""
    loads = any(r.p95 or r.p99 for r in rows)
    if loads:
        headings: tuple[str, ...] = (
            "measure",
            "median",
            "min",
            "max",
            "p95",
            "p99",
            "target",
            "ok",
            "note",
        )
        cells: list[tuple[str, ...]] = [
            (r.name, r.median, r.low, r.high, r.p95, r.p99, r.target, r.mark, r.note) for r in rows
        ]
        right = {1, 2, 3, 4, 5}
    else:
        headings = ("measure", "median", "min", "max", "target", "ok", "note")
        cells = [(r.name, r.median, r.low, r.high, r.target, r.mark, r.note) for r in rows]
        right = {1, 2, 3}
    widths = [
        max([len(headings[i])] + [len(c[i]) for c in cells]) for i in range(len(headings) - 1)
    ]

    def line(values: Sequence[str]) -> str:
        parts = [
            v.rjust(widths[i]) if i in right else v.ljust(widths[i])
            for i, v in enumerate(values[:-1])
        ]
        return ("  ".join(parts) + "  " + values[-1]).rstrip()

    out = [line(headings), line(["-" * w for w in widths] + ["----"])]
    out += [line(c) for c in cells]
    return "\n".join(out)


def summary(rows: Sequence[Row]) -> str:
    passed = sum(1 for r in rows if r.ok is True)
    failed = sum(1 for r in rows if r.ok is False and not r.error)
    errors = sum(1 for r in rows if r.error)
    return (
        f"{len(rows)} figures: {passed} meet their target, {failed} miss it, "
        f"{errors} could not be measured"
    )
