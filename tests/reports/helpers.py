"""Shared by the report tests: the scrutiny template, its editions, and reading files back."""

from __future__ import annotations

import io
import re
from decimal import Decimal
from html.parser import HTMLParser

from boardpack.core.models import Organisation, ReportingPeriod
from boardpack.finance.models import SavingPosition
from boardpack.reports.models import ReportTemplate

MTFP_REFS = [
    "CFE001",
    "CFE003",
    "CFE005",
    "CFE006",
    "CFE007",
    "CFE008",
    "CFE009",
    "CFE010",
    "CFE012",
    "CFE013",
    "CFE015",
    "CFE016",
    "CFE017",
    "CFE018",
    "CFE2324-05",
]
MTFP_TOTALS = ["9,568,900", "1,371,200", "4,166,400", "4,031,300"]


def somerset() -> Organisation:
    return Organisation.objects.get(slug="somerset")


def june() -> ReportingPeriod:
    return ReportingPeriod.objects.get(organisation__slug="somerset", month="2024-06-01")


def scrutiny() -> ReportTemplate:
    return ReportTemplate.objects.get(organisation__slug="somerset", slug="scrutiny-progress")


def move_at_risk_to_on_track(reference: str, amount: Decimal, period: ReportingPeriod) -> None:
    position = SavingPosition.objects.get(line__reference=reference, period=period)
    position.at_risk = (position.at_risk or Decimal(0)) - amount
    position.on_track = (position.on_track or Decimal(0)) + amount
    position.full_clean()
    position.save()


def copy_savings_to(period: ReportingPeriod, earlier: ReportingPeriod) -> None:
    for position in SavingPosition.objects.filter(period=period):
        position.pk = None
        position.period = earlier
        position.save()


class TableReader(HTMLParser):
    """Every <table> of an HTML page: caption and rows of cell texts."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[dict] = []
        self._cell: list[str] | None = None
        self._in_caption = False

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append({"caption": "", "rows": [], "scopes": []})
        elif tag == "caption":
            self._in_caption = True
        elif tag == "tr" and self.tables:
            self.tables[-1]["rows"].append([])
        elif tag in ("td", "th") and self.tables:
            self._cell = []
            if tag == "th":
                self.tables[-1]["scopes"].append(dict(attrs).get("scope"))

    def handle_endtag(self, tag):
        if tag == "caption":
            self._in_caption = False
        elif tag in ("td", "th") and self._cell is not None:
            self.tables[-1]["rows"][-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)
        elif self._in_caption and self.tables:
            self.tables[-1]["caption"] += data


def html_tables(html: str) -> list[dict]:
    reader = TableReader()
    reader.feed(html)
    return reader.tables


def html_table(html: str, caption_start: str) -> list[list[str]]:
    for table in html_tables(html):
        if table["caption"].strip().startswith(caption_start):
            return table["rows"]
    raise AssertionError(f"no table captioned {caption_start!r}")


def pdf_text(content: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
