"""The import framework every dataset shares: columns, layouts, records, plans.

A dataset's importer declares its columns and implements two steps: ``plan`` (validate the
records against the database and say what would change) and ``apply`` (write the plan). The
framework does everything in between that does not depend on the dataset: finding the header row
in an officer's own sheet, matching its headings to columns, reading every cell into a typed
value and naming the cell when that fails.

A dataset may also declare further ``tables``, each on a sheet of its own (the DSG allocation
and deficit beside its monitoring table): they are read the same way, planned by
``plan_table`` into the same plan, and applied in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, ClassVar, Protocol

from django.core.exceptions import ValidationError

from boardpack.imports.amounts import AmountError, Unit, format_amount, parse_amount
from boardpack.imports.problems import Problem
from boardpack.imports.readers import MissingResult, Sheet, Workbook
from boardpack.periods import MONTH_NAMES, Month, PeriodError

HEADER_SEARCH_ROWS = 50
MAX_TEXT = 2000
PERIOD_KEY = "period"


class ApplyFailed(Exception):
    """The domain refused a change while applying: the transaction must roll back."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


class Kind:
    TEXT = "text"
    MONEY = "money"
    DATE = "date"


@dataclass(frozen=True)
class Column:
    """A field of a dataset, as a spreadsheet column: its heading and the other names for it."""

    key: str
    header: str
    kind: str = Kind.TEXT
    required: bool = False
    help: str = ""
    aliases: tuple[str, ...] = ()
    prefer: tuple[str, ...] = ()  # headings that win over any other match (stated figures)

    @property
    def names(self) -> set[str]:
        return {normalise_header(n) for n in (self.header, self.key, *self.aliases)} - {""}


def normalise_header(text: object) -> str:
    """``"Full Year Projection £m"`` → ``"full year projection"``: what a heading means."""
    if text is None or isinstance(text, MissingResult):
        return ""
    value = unicodedata.normalize("NFKC", str(text)).lower().replace("&", " and ")
    value = value.replace("_", " ")
    value = re.sub(r"\(?£\s*(?:m|mn|000s?|'000|k)?\)?", " ", value)
    value = re.sub(r"\bmonth\s*\d{1,2}\b", " ", value)
    value = re.sub(r"\b(?:24|20\d\d)\s*/\s*\d{2}\b", " ", value)
    value = re.sub(r"[^\w\s/]", " ", value)
    value = " ".join(value.split())
    if not value:
        # A heading that is only a unit ("£", as MTFP trackers head their target column).
        return str(text).strip().lower()
    return value


def unit_from_headers(headers: Iterable[object]) -> Unit | None:
    """The unit a table's headings state (``Current Budget £m``), if they state one."""
    text = " ".join(str(h) for h in headers if h is not None).lower()
    if re.search(r"£\s*m\b|\(£m\)|£mn\b", text):
        return Unit.MILLIONS
    if re.search(r"£\s*'?000|£k\b", text):
        return Unit.THOUSANDS
    return None


def looks_like_total(cells: Iterable[Any]) -> bool:
    """Whether a row's cells name it a total or subtotal (``Total DSG``, ``sub total``)."""
    for text in cells:
        if not isinstance(text, str) or len(text) > 40:
            continue
        name = normalise_header(text)
        if re.fullmatch(r"(?:grand |sub\s*)?totals?|.+ (?:sub\s*)?totals?|totals? .+", name):
            return True
    return False


def layout_signature(headers: Iterable[object]) -> str:
    """A fingerprint of a sheet's header texts, by which a saved column mapping is found."""
    names = [normalise_header(h) for h in headers]
    while names and not names[-1]:
        names.pop()
    return hashlib.sha256("\x1f".join(names).encode()).hexdigest()[:32]


@dataclass
class Layout:
    """Where a dataset's table is in a workbook and which column holds which field."""

    sheet: Sheet
    header_row: int  # 1-based
    headers: list[str]
    mapping: dict[str, int]  # column key -> 0-based index
    signature: str
    remembered: bool = False

    def header_for(self, key: str) -> str:
        index = self.mapping.get(key)
        return self.headers[index] if index is not None and index < len(self.headers) else ""


@dataclass
class Record:
    """One data row, read into typed values; ``failed`` holds the fields that could not be."""

    row: int
    values: dict[str, Any]
    failed: set[str] = field(default_factory=set)
    raw: dict[str, Any] = field(default_factory=dict)
    sheet: str = ""
    cells: dict[str, tuple[int, str]] = field(default_factory=dict)  # key -> (index, heading)

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
                for c in self.changes
            ]
        )
        return hashlib.sha256(text.encode()).hexdigest()[:32]


@dataclass
class ImportContext:
    organisation: Any
    period: Any  # core.ReportingPeriod
    unit: Unit | None = None  # as the user stated it; None: from the headings or the default
    user: Any = None
    add_new: bool = False  # whether references Boardpack does not know yet may be added


class TableShape(Protocol):
    """What finding and reading a table needs: an importer's main table, or a further one."""

    @property
    def title(self) -> str: ...

    @property
    def columns(self) -> tuple[Column, ...]: ...

    @property
    def unit(self) -> Unit: ...

    @property
    def default_unit(self) -> Unit: ...

    def column(self, key: str) -> Column: ...

    def skip_row(self, record: Record, cells: list[Any]) -> str | None: ...


@dataclass(frozen=True)
class Table:
    """A further table of a dataset, on a sheet of its own.

    A workbook's sheet is this table's when its name holds one of ``sheet_words`` (the DSG
    export's ``allocation``), or else when a header row in it has every required column. A CSV
    file holds one table, always read as the dataset's main one.
    """

    key: str
    title: str
    columns: tuple[Column, ...]
    sheet_words: tuple[str, ...]
    guidance: str = ""
    unit: Unit = Unit.POUNDS
    default_unit: Unit = Unit.POUNDS
    keep_totals: bool = False  # a stated total row is data (kept and checked), not skipped
    fields_shown: tuple[tuple[str, str], ...] = ()

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    def skip_row(self, record: Record, cells: list[Any]) -> str | None:
        return "total" if not self.keep_totals and looks_like_total(cells) else None


class Importer:
    """Base for a dataset's importer. Subclasses set the class attributes and implement
    ``plan``, ``apply`` and, for a template with figures, ``current_rows``; a dataset with
    further ``tables`` also ``plan_table`` and ``table_rows``."""

    name: ClassVar[str]
    title: ClassVar[str]
    columns: ClassVar[tuple[Column, ...]]
    unit: ClassVar[Unit] = Unit.POUNDS  # the unit the domain stores amounts in
    default_unit: ClassVar[Unit] = Unit.POUNDS  # the unit a sheet is taken to be in
    guidance: ClassVar[str] = ""
    tables: ClassVar[tuple[Table, ...]] = ()

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    def skip_row(self, record: Record, cells: list[Any]) -> str | None:
        """Why a row is not data (a total row), or None when it is. ``cells`` is the whole row,
        mapped or not: a tracker may write TOTALS in a column it does not head."""
        return "total" if looks_like_total(cells) else None

    def plan(self, context: ImportContext, records: list[Record], plan: Plan) -> None:
        raise NotImplementedError

    def plan_table(
        self, table: Table, context: ImportContext, records: list[Record], plan: Plan
    ) -> None:
        """Add the changes and problems of one of ``tables`` to the plan."""
        raise NotImplementedError

    def table_rows(self, table: Table, context: ImportContext) -> list[dict[str, Any]]:
        """One of ``tables``' figures for the period, as template rows keyed by column."""
        return []

    def apply(self, context: ImportContext, plan: Plan) -> None:
        """Write every change; call inside ``transaction.atomic()``. Any refusal by the domain's
        services is collected, and ``ApplyFailed`` raised at the end so nothing is kept."""
        problems: list[Problem] = []
        for change in plan.to_write:
            try:
                self.apply_change(context, change)
            except ValidationError as exc:
                for messages in exc.message_dict.values():
                    problems += [
                        Problem(f"{change.label}: {m}", sheet=change.sheet, row=change.row)
                        for m in messages
                    ]
        if problems:
            raise ApplyFailed(problems)

    def apply_change(self, context: ImportContext, change: Change) -> None:
        raise NotImplementedError

    def current_rows(self, context: ImportContext) -> list[dict[str, Any]]:
        """The period's figures as template rows keyed by column, in ``self.unit``."""
        return []

    # Shared helpers for subclasses ------------------------------------------------------

    def money_text(self, value: Decimal | None) -> str:
        return format_amount(value, unit=self.unit)


# Layouts -------------------------------------------------------------------------------


def auto_mapping(importer: TableShape, headers: list[Any]) -> dict[str, int]:
    """Columns matched by heading or alias; the first match of each wins."""
    mapping: dict[str, int] = {}
    taken: set[int] = set()
    normalised = [normalise_header(h) for h in headers]
    passes = [(c, {normalise_header(p) for p in c.prefer}) for c in importer.columns if c.prefer]
    passes += [(c, c.names) for c in importer.columns]
    for column, names in passes:
        if column.key in mapping:
            continue
        for index, name in enumerate(normalised):
            if name and index not in taken and name in names:
                mapping[column.key] = index
                taken.add(index)
                break
    return mapping


def find_layout(
    importer: TableShape,
    workbook: Workbook,
    *,
    sheet_name: str | None = None,
    remembered: dict[str, dict[str, int]] | None = None,
    exclude: Iterable[Sheet] = (),
) -> Layout | None:
    """The best header row across the workbook's sheets, or None when no heading is known.

    ``remembered`` maps a layout signature to a mapping the user saved for it: a row with that
    signature wins outright. ``exclude`` are sheets another table of the dataset holds.
    """
    if sheet_name:
        sheets = [workbook.sheet(sheet_name)]
    else:
        skipped = [id(s) for s in exclude]
        sheets = [s for s in workbook.sheets if id(s) not in skipped]
    return best_layout(importer, sheets, remembered=remembered)


def best_layout(
    importer: TableShape,
    sheets: list[Sheet],
    *,
    remembered: dict[str, dict[str, int]] | None = None,
) -> Layout | None:
    """The header row, in any of ``sheets``, that matches most of the table's columns."""
    remembered = remembered or {}
    best: tuple[int, Layout] | None = None
    for sheet in sheets:
        for row_number, values in enumerate(sheet.rows[:HEADER_SEARCH_ROWS], start=1):
            headers = ["" if v is None else str(v).strip() for v in values]
            if not any(headers):
                continue
            signature = layout_signature(headers)
            if signature in remembered:
                mapping = {
                    k: i
                    for k, i in remembered[signature].items()
                    if isinstance(i, int) and 0 <= i < len(headers)
                }
                return Layout(sheet, row_number, headers, mapping, signature, remembered=True)
            mapping = auto_mapping(importer, headers)
            if mapping and (best is None or len(mapping) > best[0]):
                best = (len(mapping), Layout(sheet, row_number, headers, mapping, signature))
    return best[1] if best else None


def missing_columns(importer: TableShape, layout: Layout) -> list[Column]:
    return [c for c in importer.columns if c.required and c.key not in layout.mapping]


def not_the_template(importer: TableShape, workbook: Workbook, sheet_name: str | None) -> Problem:
    expected = ", ".join(f"‘{c.header}’" for c in importer.columns if c.required)
    where = f"sheet ‘{sheet_name}’" if sheet_name else "any sheet"
    return Problem(
        f"This file is not the {importer.title} template: none of the expected column headings "
        f"({expected}) were found in the first {HEADER_SEARCH_ROWS} rows of {where}. "
        "Download the template, or check you chose the right dataset.",
        sheet=sheet_name or (workbook.sheets[0].name if len(workbook.sheets) == 1 else ""),
    )


# Reading records -----------------------------------------------------------------------


def sheet_unit(importer: TableShape, context: ImportContext, layout: Layout) -> Unit:
    return context.unit or unit_from_headers(layout.headers) or importer.default_unit


def read_records(
    importer: TableShape, context: ImportContext, layout: Layout
) -> tuple[list[Record], list[Problem], list[str]]:
    """Every data row below the header, typed; a problem for each cell that cannot be read."""
    unit = sheet_unit(importer, context, layout)
    records: list[Record] = []
    problems: list[Problem] = []
    notes: list[str] = []
    sheet = layout.sheet
    if sheet.truncated:
        problems.append(
            Problem("The sheet has too many rows: Boardpack reads up to 20,000.", sheet=sheet.name)
        )
    for row_number in range(layout.header_row + 1, len(sheet.rows) + 1):
        record = Record(
            row=row_number,
            values={},
            sheet=sheet.name,
            cells={k: (i, layout.headers[i]) for k, i in layout.mapping.items()},
        )
        cell_problems: list[Problem] = []
        for key, index in layout.mapping.items():
            column = importer.column(key)
            raw = sheet.cell(row_number, index)
            record.raw[key] = raw
            value, message = read_cell(column, raw, unit=unit, to=importer.unit)
            if key == PERIOD_KEY and not message:
                message = read_period(raw, context.period.period)
            if message:
                record.failed.add(key)
                cell_problems.append(
                    Problem.at(
                        message,
                        sheet=sheet.name,
                        row=row_number,
                        index=index,
                        header=layout.headers[index],
                    )
                )
            record.values[key] = value
        if not record.failed and all(v is None or v == "" for v in record.values.values()):
            continue
        reason = importer.skip_row(record, sheet.rows[row_number - 1])
        if reason:
            notes.append(
                f"Row {row_number} is a {reason} row: Boardpack computes it, so it is not imported."
            )
            continue
        problems.extend(cell_problems)
        records.append(record)
    return records, problems, notes


PERIOD_COLUMN = Column(
    PERIOD_KEY,
    "Period",
    help="Optional. The reporting period as YYYY-MM; when given it must be the period imported.",
    aliases=("reporting period", "month"),
)


def read_period(raw: Any, expected: Month) -> str:
    """A problem message when a row's period cell is not the period being imported."""
    if raw is None or raw == "":
        return ""
    if isinstance(raw, dt.date):
        found = Month.from_date(raw)
    else:
        text = str(raw).strip()
        try:
            found = Month.parse(text)
        except PeriodError:
            match = re.fullmatch(r"([A-Za-z]+)\s+(\d{4})", text)
            names = [n.lower() for n in MONTH_NAMES]
            if not match or match.group(1).lower() not in names:
                return (
                    f"A period is written YYYY-MM, for example {expected.key}, not ‘{text[:40]}’."
                )
            found = Month(int(match.group(2)), names.index(match.group(1).lower()))
    if found != expected:
        return f"This row is for {found.key}, but the import is for {expected.key}."
    return ""


def read_cell(column: Column, raw: Any, *, unit: Unit, to: Unit) -> tuple[Any, str]:
    """The typed value of one cell and, when it cannot be read, a message saying why."""
    if isinstance(raw, MissingResult):
        return None, (
            f"The cell holds a formula ({raw.formula[:60]}) whose result was not saved. Open the "
            "file in Excel, save it, and upload it again (or paste the values in)."
        )
    if column.kind == Kind.MONEY:
        try:
            return parse_amount(raw, unit=unit, to=to), ""
        except AmountError as exc:
            return None, f"{column.header} must be an amount of money. {exc}."
    if column.kind == Kind.DATE:
        return read_date(column, raw)
    if raw is None:
        return "", ""
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    text = str(raw).strip()
    if text[:1] == "'" and text[1:2] in ("=", "+", "-", "@"):
        text = text[1:]  # the guard our own CSV exports put before formula-like text
    if "\x00" in text or any(ord(c) < 32 and c not in "\t\r\n" for c in text):
        return "", "The cell holds control characters: retype the text."
    if len(text) > MAX_TEXT:
        return text[:MAX_TEXT], f"The text is longer than {MAX_TEXT:,} characters."
    return text, ""


DATE_FORMATS = ("%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d.%m.%Y", "%d %B %Y", "%d %b %Y")


def read_date(column: Column, raw: Any) -> tuple[dt.date | None, str]:
    """A date cell: a real date, ``2023-03-31``, ``31/03/2023`` or ``31 March 2023``."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None, ""
    if isinstance(raw, dt.datetime):
        return raw.date(), ""
    if isinstance(raw, dt.date):
        return raw, ""
    text = " ".join(str(raw).split())
    if not isinstance(raw, (int, float, Decimal)):
        try:
            # An ISO date, or one with midnight after it as a CSV writes a datetime.
            return dt.date.fromisoformat(text.removesuffix(" 00:00:00")), ""
        except ValueError:
            pass
        for pattern in DATE_FORMATS:
            try:
                return dt.datetime.strptime(text, pattern).date(), ""
            except ValueError:
                continue
    return None, (
        f"{column.header} must be a date, such as 31/03/2023 or 31 March 2023, not ‘{text[:40]}’."
    )
