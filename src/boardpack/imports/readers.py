"""One reader for every spreadsheet a finance officer might upload: .xlsx and .csv.

The reader decides what a file is from its bytes, not its name, and refuses what it cannot read
with a message its author understands. Cells come back as plain Python values (str, int, float,
datetime, None). A formula whose result Excel never saved comes back as ``MissingResult`` so the
importer can name the exact cell, instead of silently reading a blank.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
import zipfile
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings

from boardpack.imports.problems import FileRefused, Problem

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURE = b"PK\x03\x04"
MAX_ROWS = 20_000  # rows of figures in one import (a dataset's command may take more)
# A sheet may hold title rows above its headings: it is read up to this many rows more.
TITLE_ROWS = 50
MAX_SHEET_ROWS = MAX_ROWS + TITLE_ROWS
MAX_COLUMNS = 200
MAX_UNPACKED_BYTES = 100 * 1024 * 1024  # declared sizes, checked before any parsing
CSV_DELIMITERS = ",;\t|"


@dataclass(frozen=True)
class MissingResult:
    """A formula cell with no saved (cached) value: openpyxl and other tools write these."""

    formula: str

    def __str__(self) -> str:
        return ""


@dataclass
class Sheet:
    name: str
    rows: list[list[Any]] = field(default_factory=list)
    truncated: bool = False  # more rows than Boardpack reads: only the first were read
    declared_rows: int | None = None  # the row count the file states (an xlsx's dimension)
    state: str = "visible"  # or "hidden", "veryHidden": never read unless the user picks it

    @property
    def hidden(self) -> bool:
        return self.state != "visible"

    def cell(self, row: int, index: int) -> Any:
        """The value at spreadsheet row ``row`` (1-based) and 0-based column ``index``."""
        if row < 1 or row > len(self.rows):
            return None
        values = self.rows[row - 1]
        return values[index] if 0 <= index < len(values) else None


@dataclass
class Workbook:
    kind: str  # "xlsx" or "csv"
    sheets: list[Sheet]
    active: str = ""  # the sheet open when the workbook was saved

    @property
    def visible_sheets(self) -> list[Sheet]:
        return [s for s in self.sheets if not s.hidden]

    def sheet(self, name: str) -> Sheet:
        for sheet in self.sheets:
            if sheet.name.strip().lower() == name.strip().lower():
                return sheet
        known = ", ".join(f"‘{s.name}’" for s in self.sheets)
        raise FileRefused(f"The workbook has no sheet called ‘{name}’ (it has {known}).")


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def read_spreadsheet(
    data: bytes, *, filename: str = "", max_bytes: int | None = None, max_rows: int = MAX_ROWS
) -> Workbook:
    """Read ``data`` as a workbook, or raise ``FileRefused`` saying why it cannot be read.
    A sheet is read up to ``max_rows`` rows of figures (and its title rows): one with more is
    marked ``truncated``, a CSV file refused before it is parsed when its lines say so."""
    limit = settings.BOARDPACK_MAX_UPLOAD_BYTES if max_bytes is None else max_bytes
    if len(data) > limit:
        raise FileRefused(
            f"The file is {_megabytes(len(data))}: the largest file Boardpack accepts is "
            f"{_megabytes(limit)}. Remove other sheets or save it as CSV and try again."
        )
    if not data.strip():
        raise FileRefused("The file is empty.")
    if data.startswith(OLE_SIGNATURE):
        raise FileRefused(_ole_message(data))
    if data.startswith(ZIP_SIGNATURE):
        return _read_xlsx(data, max_rows)
    if filename.lower().endswith((".xlsx", ".xlsm", ".xls", ".ods")):
        raise FileRefused(
            "The file is not a workbook Boardpack can read: it may be damaged. "
            "Open it in Excel, save it as an Excel Workbook (.xlsx) and upload it again."
        )
    return _read_csv(data, max_rows)


def rows_before_reading(data: bytes) -> int:
    """How many rows the file holds, counted before any is parsed: a workbook's largest stated
    dimension, a CSV's line count. 0 when the file does not say (or cannot be opened: reading
    it says why)."""
    if not data.startswith(ZIP_SIGNATURE):
        return data.count(b"\n") + (0 if data.endswith(b"\n") else 1)
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = load_workbook(io.BytesIO(data), read_only=True)
            try:
                declared = [
                    _declared_rows(ws) or 0 for ws in book.worksheets if hasattr(ws, "iter_rows")
                ]
            finally:
                book.close()
    except Exception:  # a damaged workbook: reading it refuses it with the reason
        return 0
    return max(declared, default=0)


def _ole_message(data: bytes) -> str:
    if "EncryptionInfo".encode("utf-16-le") in data[:1_000_000]:
        return (
            "The workbook is password-protected, so Boardpack cannot read it. Open it in Excel, "
            "remove the password (File > Info > Protect Workbook > Encrypt with Password), "
            "save it and upload it again."
        )
    return (
        "The file is password-protected or is an old Excel 97-2003 workbook (.xls). Remove any "
        "password, save it as an Excel Workbook (.xlsx) and upload it again."
    )


def _read_xlsx(data: bytes, max_rows: int = MAX_ROWS) -> Workbook:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise FileRefused(
            "The workbook is damaged and cannot be opened. Open it in Excel, save it again as an "
            "Excel Workbook (.xlsx) and upload the new copy."
        ) from exc
    if "xl/workbook.xml" not in names:
        if "content.xml" in names:
            raise FileRefused(
                "This is an OpenDocument spreadsheet (.ods): save it as an Excel Workbook (.xlsx) "
                "or as CSV and upload it again."
            )
        raise FileRefused(
            "The file is not a spreadsheet (it is a zip file, perhaps a Word document). "
            "Upload the Excel workbook (.xlsx) or a CSV file."
        )
    if unpacked > MAX_UNPACKED_BYTES:
        raise FileRefused(
            "The workbook is too large once opened. Copy the one sheet you need into a new "
            "workbook and upload that."
        )
    try:
        with warnings.catch_warnings():
            # openpyxl warns about features it ignores (data validation, slicers): not our users'.
            warnings.simplefilter("ignore")
            sheets, active = _xlsx_sheets(data, max_rows + TITLE_ROWS)
    except FileRefused:
        raise
    except Exception as exc:  # openpyxl raises many kinds of error for a damaged file.
        raise FileRefused(
            "The workbook is damaged and cannot be read. Open it in Excel, save it again as an "
            "Excel Workbook (.xlsx) and upload the new copy."
        ) from exc
    if not any(sheet.rows for sheet in sheets):
        raise FileRefused("The workbook is empty: none of its sheets has anything in it.")
    return Workbook(kind="xlsx", sheets=sheets, active=active)


def _xlsx_sheets(data: bytes, sheet_rows: int = MAX_SHEET_ROWS) -> tuple[list[Sheet], str]:
    # Imported here: the importers register at start-up, openpyxl is needed only to read a file.
    from openpyxl import load_workbook

    values_book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    formula_book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    try:
        sheets = []
        for values_ws, formula_ws in zip(
            values_book.worksheets, formula_book.worksheets, strict=True
        ):
            if not hasattr(values_ws, "iter_rows"):  # a chart sheet
                continue
            sheet = Sheet(name=values_ws.title, state=getattr(values_ws, "sheet_state", "visible"))
            # The sheet's stated dimension (``A1:H25000``) says how many rows it holds before
            # any is parsed: a sheet beyond the limit is read only far enough to find its
            # headings, and refused by the import with its row count.
            declared = _declared_rows(values_ws)
            sheet.declared_rows = declared
            too_many = declared is not None and declared > sheet_rows
            limit = TITLE_ROWS if too_many else sheet_rows
            values_rows = values_ws.iter_rows(max_col=MAX_COLUMNS, values_only=True)
            formula_rows = formula_ws.iter_rows(max_col=MAX_COLUMNS, values_only=True)
            for values, formulas in zip(values_rows, formula_rows, strict=False):
                if len(sheet.rows) >= limit:
                    sheet.truncated = True
                    break
                sheet.rows.append(
                    [_xlsx_value(v, f) for v, f in zip(values, formulas, strict=False)]
                )
            _trim(sheet)
            sheets.append(sheet)
        try:
            active = values_book.active.title if values_book.active is not None else ""
        except (IndexError, AttributeError):  # an active index beyond the sheets
            active = ""
        return sheets, active
    finally:
        values_book.close()
        formula_book.close()


def _declared_rows(worksheet: Any) -> int | None:
    """The last row the sheet's dimension states, or None when it states none."""
    try:
        dimension = worksheet.calculate_dimension()
    except (ValueError, TypeError, AttributeError):  # no dimension, or an unsized one
        return None
    match = re.search(r"(\d+)$", str(dimension))
    return int(match.group(1)) if match else None


def _xlsx_value(value: Any, formula: Any) -> Any:
    if value is None and formula is not None:
        text = formula if isinstance(formula, str) else getattr(formula, "text", None) or "="
        if isinstance(text, str) and text.startswith("="):
            return MissingResult(text)
        if not isinstance(formula, str):  # ArrayFormula or DataTableFormula without a result
            return MissingResult(str(text))
    if isinstance(value, str):
        return value.replace("_x000D_", "")
    return value


def _trim(sheet: Sheet) -> None:
    """Drop trailing empty cells and rows, which Excel leaves behind after formatting."""
    for values in sheet.rows:
        while values and (values[-1] is None or values[-1] == ""):
            values.pop()
    while sheet.rows and not sheet.rows[-1]:
        sheet.rows.pop()


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:4096]:
        raise FileRefused(
            "The file is not a spreadsheet Boardpack can read. Upload an Excel Workbook (.xlsx) "
            "or a CSV file."
        )
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise FileRefused(
        "The file is not a spreadsheet Boardpack can read (its text is in an unknown encoding). "
        "Save it from Excel as ‘CSV UTF-8’ or as an Excel Workbook (.xlsx)."
    )


def _delimiter(text: str) -> str:
    """Comma, unless the first lines use semicolons or tabs more (European Excel, TSV)."""
    sample = "\n".join(line for line in text.splitlines()[:20] if line.strip())
    counts = {d: sample.count(d) for d in CSV_DELIMITERS}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] > counts[","] else ","


def _read_csv(data: bytes, max_rows: int = MAX_ROWS) -> Workbook:
    text = _decode(data)
    if "\x00" in text:
        raise FileRefused("The file is not a spreadsheet: it holds binary data.")
    control = sum(1 for c in text[:4096] if ord(c) < 32 and c not in "\t\r\n")
    if control > 8:
        raise FileRefused(
            "The file is not a spreadsheet Boardpack can read. Upload an Excel Workbook (.xlsx) "
            "or a CSV file."
        )
    lines = text.count("\n") + (0 if text.endswith("\n") else 1)
    sheet_rows = max_rows + TITLE_ROWS
    if '"' not in text and lines > sheet_rows:
        # Without quotes a line is a row: the file is refused before any row is parsed.
        raise FileRefused(too_many_rows("CSV", lines, max_rows))
    sheet = Sheet(name="CSV")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    counts: list[int] = []
    line = 0
    try:
        for values in reader:
            if len(sheet.rows) >= sheet_rows:
                sheet.truncated = True
                break
            line = reader.line_num
            counts.append(len(values))
            sheet.rows.append([v if v.strip() else None for v in values[:MAX_COLUMNS]])
    except csv.Error as exc:
        row = len(sheet.rows) + 1
        if "field larger" in str(exc) or "unexpected end of data" in str(exc) or '"' in str(exc):
            raise FileRefused(
                Problem(
                    f'A quote (") opens a field in row {row} (line {line + 1} of the file) that '
                    "is never closed, so the rest of the file would be read as one cell. Check "
                    "the quotes in that row, or save the file from Excel as ‘CSV UTF-8’.",
                    sheet="CSV",
                    row=row,
                )
            ) from exc
        raise FileRefused(
            Problem(
                f"Row {row} of the CSV file cannot be read ({exc}). Save it from Excel as "
                "‘CSV UTF-8’ and try again.",
                sheet="CSV",
                row=row,
            )
        ) from exc
    ragged = _ragged_rows(sheet, counts)
    if ragged:
        raise FileRefused(*ragged)
    _trim(sheet)
    if not sheet.rows:
        raise FileRefused("The file is empty.")
    return Workbook(kind="csv", sheets=[sheet])


def too_many_rows(sheet: str, rows: int | None, max_rows: int = MAX_ROWS) -> Problem:
    counted = f"{rows:,} rows" if rows else "more rows than that"
    return Problem(
        f"The sheet has {counted}: Boardpack imports up to {max_rows:,} rows of figures at a "
        "time. Split the table into smaller files and import each.",
        sheet=sheet,
    )


def _ragged_rows(sheet: Sheet, counts: list[int]) -> list[Problem]:
    """Rows with more fields than the heading row, whose extra fields hold something: they
    would be lost, so the file is refused naming each (an unquoted 1,234 is the usual cause)."""
    header = next(
        (i for i, row in enumerate(sheet.rows) if sum(v is not None for v in row) > 1), None
    )
    if header is None:
        return []
    expected = counts[header]
    problems = []
    for index in range(header + 1, len(sheet.rows)):
        extra = [v for v in sheet.rows[index][expected:] if v is not None]
        if counts[index] > expected and extra:
            shown = ", ".join(map(str, extra[:3]))
            problems.append(
                Problem(
                    f"Row {index + 1} has {counts[index]} fields but the heading row "
                    f"(row {header + 1}) has {expected}: the extra "
                    f"{'field' if len(extra) == 1 else 'fields'} ({shown}) "
                    "would be lost. An amount written with a comma and no quotes (1,234) is the "
                    "usual cause: quote it, or remove the thousands separators.",
                    sheet="CSV",
                    row=index + 1,
                )
            )
    return problems
