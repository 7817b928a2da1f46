"""What a quality check finds: one figure, where it is, and what differs."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models


class Severity(models.TextChoices):
    ERROR = "error", "Error"  # beyond what rounding explains: someone must look
    NOTE = "note", "Note"  # explained by rounding: kept as stated, said aloud


@dataclass(frozen=True)
class Finding:
    severity: str
    table: str
    row: str
    column: str
    stated: str
    computed: str
    message: str

    @property
    def is_error(self) -> bool:
        return self.severity == Severity.ERROR

    def __str__(self) -> str:
        where = f"{self.table} › {self.row} › {self.column}"
        figures = f"stated {self.stated}, computed {self.computed}"
        return f"{self.severity.upper():5} {where}: {figures}. {self.message}"
