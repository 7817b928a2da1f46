"""Columns and headings: a dataset's fields as spreadsheet columns, and what a heading means."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from boardpack.imports.amounts import Unit
from boardpack.imports.readers import MissingResult

PERIOD_KEY = "period"


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

    @functools.cached_property
    def names(self) -> set[str]:
        return {normalise_header(n) for n in (self.header, self.key, *self.aliases)} - {""}


def normalise_header(text: object) -> str:
    """``"Full Year Projection £m"`` → ``"full year projection"``: what a heading means."""
    if text is None or isinstance(text, MissingResult):
        return ""
    value = unicodedata.normalize("NFKC", str(text)).lower().replace("&", " and ")
    value = value.replace("_", " ")
    value = re.sub(r"\(?£\s*(?:millions?|thousands?|mn|m|000s?|['’]000|k)?\)?", " ", value)
    value = re.sub(r"\bmonth\s*\d{1,2}\b", " ", value)
    value = re.sub(r"\b(?:24|20\d\d)\s*/\s*\d{2}\b", " ", value)
    value = re.sub(r"[^\w\s/]", " ", value)
    value = " ".join(value.split())
    if not value:
        # A heading that is only a unit ("£", as MTFP trackers head their target column).
        return str(text).strip().lower()
    return value


def unit_from_headers(headers: Iterable[object]) -> Unit | None:
    """The unit a table's headings (or title rows) state, if they state one: ``£m``,
    ``£ million``, ``£000``, ``£'000``, ``£k``, or plain ``£`` for whole pounds."""
    text = " ".join(str(h) for h in headers if h is not None and not isinstance(h, MissingResult))
    text = unicodedata.normalize("NFKC", text).lower().replace("’", "'")
    if re.search(r"£\s*m\b|\(£m\)|£\s*mn\b|£\s*millions?\b|\bin millions\b", text):
        return Unit.MILLIONS
    if re.search(r"£\s*'?000|£\s*k\b|£\s*thousands?\b|\bin thousands\b", text):
        return Unit.THOUSANDS
    if re.search(r"£(?!\s*(?:m|mn|k|'?000|millions?|thousands?)\b)", text):
        return Unit.POUNDS
    return None


def looks_like_total(cells: Iterable[Any]) -> bool:
    """Whether a row's cells name it a total or subtotal (``Total DSG``, ``sub total``)."""
    for text in cells:
        if not isinstance(text, str) or len(text) > 40:
            continue
        if text.isascii() and "total" not in text.lower():
            continue  # the word is not there however the text is normalised
        name = normalise_header(text)
        if re.fullmatch(r"(?:grand |sub\s*)?totals?|.+ (?:sub\s*)?totals?|totals? .+", name):
            return True
    return False


PERIOD_COLUMN = Column(
    PERIOD_KEY,
    "Period",
    help="Optional. The reporting period as YYYY-MM; when given it must be the period imported.",
    aliases=("reporting period", "month"),
)
