"""One structured problem per thing wrong with an uploaded file, each saying where it is."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Problem:
    """Something that stops an import. ``row`` is the spreadsheet's own row number (1-based);
    ``column`` its letter; ``header`` the column's heading as the sheet writes it."""

    message: str
    sheet: str = ""
    row: int | None = None
    column: str = ""
    header: str = ""

    @property
    def where(self) -> str:
        parts = []
        if self.sheet:
            parts.append(f"sheet ‘{self.sheet}’")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column {self.column}" + (f" ({self.header})" if self.header else ""))
        elif self.header:
            parts.append(f"column ‘{self.header}’")
        return ", ".join(parts)

    @property
    def cell(self) -> str:
        return f"{self.column}{self.row}" if self.column and self.row is not None else ""

    def __str__(self) -> str:
        where = self.where
        return f"{where[:1].upper()}{where[1:]}: {self.message}" if where else self.message

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Problem:
        return cls(
            str(data.get("message") or ""),
            sheet=data.get("sheet") or "",
            row=data.get("row"),
            column=data.get("column") or "",
            header=data.get("header") or "",
        )

    @classmethod
    def at(cls, message: str, *, sheet: str, row: int, index: int, header: str = "") -> Problem:
        """A problem in the cell at 0-based column ``index`` of spreadsheet row ``row``."""
        # Imported here: this module loads with every command, openpyxl only when a file is read.
        from openpyxl.utils import get_column_letter

        return cls(
            message, sheet=sheet, row=row, column=get_column_letter(index + 1), header=header
        )


class FileRefused(Exception):
    """The file as a whole cannot be read; ``problems`` say why."""

    def __init__(self, *problems: Problem | str) -> None:
        self.problems = [p if isinstance(p, Problem) else Problem(p) for p in problems]
        super().__init__("; ".join(str(p) for p in self.problems))
