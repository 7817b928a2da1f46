"""Records, changes and plans: what a sheet's rows say, and what importing them would do."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from boardpack.imports.amounts import Unit
from boardpack.imports.problems import Problem
from boardpack.imports.readers import MAX_ROWS


class ApplyFailed(Exception):
    """The domain refused a change while applying: the transaction must roll back."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


@dataclass
class Record:
    """One data row, read into typed values; ``failed`` holds the fields that could not be."""

    row: int
    values: dict[str, Any]
    failed: set[str] = field(default_factory=set)
    raw: dict[str, Any] = field(default_factory=dict)
    sheet: str = ""
    cells: dict[str, tuple[int, str]] = field(default_factory=dict)  # key -> (index, heading)
    warnings: list[Problem] = field(default_factory=list)  # implausible figures to confirm
    label: str = ""  # the row's name as the sheet shows it (its first cell of words)
    adds_up: list[Record] = field(default_factory=list)  # a stated total's rows, once reconciled
    # A total row's cells in the columns no field is matched to, by normalised heading: an
    # export of Boardpack's own states its totals beside the computed ones (``stated_projection``).
    unmatched: dict[str, Any] = field(default_factory=dict)

    def problem(self, message: str, key: str | None = None) -> Problem:
        """A problem in this row, at the cell of column ``key`` when the sheet has one."""
        if key is not None and key in self.cells:
            index, header = self.cells[key]
            return Problem.at(message, sheet=self.sheet, row=self.row, index=index, header=header)
        return Problem(message, sheet=self.sheet, row=self.row)

    def ok(self, *keys: str) -> bool:
        return not self.failed.intersection(keys)

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)


@dataclass
class Change:
    """What importing one row would do: ``action`` is new, changed or unchanged."""

    NEW: ClassVar[str] = "new"
    CHANGED: ClassVar[str] = "changed"
    UNCHANGED: ClassVar[str] = "unchanged"

    action: str
    key: str
    label: str
    row: int | None
    before: dict[str, Any]
    after: dict[str, Any]
    payload: Any = None
    table: str = ""  # the further table the row is from; "" for the dataset's main table
    sheet: str = ""

    @classmethod
    def against(
        cls,
        existing: dict[str, Any] | None,
        values: dict[str, Any],
        *,
        record: Record,
        key: str,
        label: str,
        before: dict[str, str],
        after: dict[str, str],
        payload: Any = None,
        table: str = "",
    ) -> Change:
        """A row's change: new when nothing is saved (``existing`` None), changed when any of
        ``values`` differs from what is saved, unchanged otherwise."""
        if existing is None:
            action = cls.NEW
        elif any(existing.get(k) != v for k, v in values.items()):
            action = cls.CHANGED
        else:
            action = cls.UNCHANGED
        return cls(
            action=action,
            key=key,
            label=label,
            row=record.row,
            before=before,
            after=after,
            payload=payload,
            table=table,
            sheet=record.sheet,
        )

    @property
    def changed_fields(self) -> list[str]:
        keys = list(self.after) + [k for k in self.before if k not in self.after]
        return [k for k in keys if self.before.get(k) != self.after.get(k)]


@dataclass
class Plan:
    """What an import would change, and every problem that stops it."""

    dataset: str
    changes: list[Change] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    fields: list[tuple[str, str]] = field(default_factory=list)  # (key, heading) shown
    # What the file names that Boardpack does not hold yet (new service areas, new savings),
    # listed whether or not the user chose to add new lines, so the preview can offer it.
    additions: list[str] = field(default_factory=list)
    additions_noun: str = "new lines"  # "service areas", "savings"
    # Figures that are possible but implausible (£1bn in one line): applied only when the user
    # confirms them.
    warnings: list[Problem] = field(default_factory=list)
    # The totals and subtotals the file states, kept as stated totals (for the quality checks)
    # beside the lines; not counted among the lines' changes.
    stated_totals: list[Change] = field(default_factory=list)
    _seen: dict[tuple[str, Any], int] = field(default_factory=dict, repr=False, compare=False)
    _notes_seen: set[str] = field(default_factory=set, repr=False, compare=False)

    def note_once(self, note: str) -> None:
        """Add a note unless the plan has it already (a set, so that a note said for many
        rows costs the same for the last row as for the first)."""
        if note not in self._notes_seen:
            self._notes_seen.add(note)
            self.notes.append(note)

    def first_time(
        self, record: Record, key: Any, name: str, column: str, *, table: str = "", hint: str = ""
    ) -> bool:
        """Whether ``key`` is met for the first time in the file's table; if not, a problem
        naming both rows (``{name} appears twice: also in row N.``)."""
        seen = self._seen.setdefault((table, key), record.row)
        if seen != record.row:
            message = f"{name} appears twice: also in row {seen}.{hint}"
            self.problems.append(record.problem(message, column))
            return False
        return True

    @property
    def stated_to_write(self) -> list[Change]:
        return [c for c in self.stated_totals if c.action != Change.UNCHANGED]

    def count(self, action: str) -> int:
        return sum(1 for c in self.changes if c.action == action)

    @property
    def new_count(self) -> int:
        return self.count(Change.NEW)

    @property
    def changed_count(self) -> int:
        return self.count(Change.CHANGED)

    @property
    def unchanged_count(self) -> int:
        return self.count(Change.UNCHANGED)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def to_write(self) -> list[Change]:
        return [c for c in self.changes if c.action != Change.UNCHANGED]

    def fingerprint(self) -> str:
        """Stable digest of what would be written: the preview a user saw must be what applies."""
        text = repr(
            [
                (c.action, c.key, sorted(c.before.items()), sorted(c.after.items()))
                for c in [*self.changes, *self.stated_totals]
            ]
        )
        return hashlib.sha256(text.encode()).hexdigest()[:32]


class Stage:
    """What a long import is doing, as its progress reports say it."""

    READING = "reading"
    CHECKING = "checking"
    WRITING = "writing"


ProgressCallback = Callable[[str, int, int], None]  # (stage, done, total)
PROGRESS_EVERY = 250  # rows between two progress reports


@dataclass
class ImportContext:
    organisation: Any
    period: Any  # core.ReportingPeriod
    unit: Unit | None = None  # as the user stated it; None: from the headings or the default
    user: Any = None
    add_new: bool = False  # whether references Boardpack does not know yet may be added
    progress: ProgressCallback | None = None  # told how far a long import has gone
    # How much one import reads: the upload's limits unless the command line raises them.
    max_rows: int = MAX_ROWS
    max_bytes: int | None = None  # None: settings.BOARDPACK_MAX_UPLOAD_BYTES

    def report(self, stage: str, done: int, total: int) -> None:
        """Tell ``progress`` how far ``stage`` has gone, every ``PROGRESS_EVERY`` rows."""
        if self.progress is not None and (done == total or done % PROGRESS_EVERY == 0):
            self.progress(stage, done, total)
