"""The issue's "done when" for the Members' Quarterly Report (seed 002, January to March 2023).

``boardpack report members-quarterly --period 2023-03 --format pdf|docx|html`` holds every
section heading of the seed in order, every figure of its budget, DSG, suspensions, exclusions and
attendance tables, and the 30 inspections with their judgements. The files are read back as a
reader's tools would: pypdf (the outline) and ``pdftotext -layout``, python-docx, and the HTML's
tables. The expected figures below are copied from the seed (the tests never read the seed).

The edition is for members: the three permanent exclusions from 1 to 5 are ``c`` in it; the
officers' preview (``--officers-preview``) shows them, each marked †.
"""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import docx
import pytest
from django.core.management import call_command
from docx.table import Table as WordTable
from docx.text.paragraph import Paragraph as WordParagraph
from pypdf import PdfReader

from tests.reports.helpers import html_tables, squash
from tests.reports.test_members_quarterly_data import SEED_HEADINGS

pytestmark = pytest.mark.django_db

# Seed 002's tables, as printed: label, then its figures.
BUDGET = [
    ("Prevention", "5.7 5.8 0.1 A 0.0", "→"),
    ("Fostering & Permanence", "12.8 12.4 (0.4) (F) 0.2", "↓"),
    ("External Placements", "27.4 41.9 14.5 A 2.4", "↓"),
    ("Fieldwork", "8.9 10.6 1.7 A 0.5", "↓"),
    ("Disabilities", "3.6 4.0 0.4 A 0.1", "↓"),
    ("Partnership, Audit & Quality", "2.6 2.5 (0.1) (F) 0.0", "→"),
    ("Safeguarding", "0.0 0.0 0.0 - 0.0", "→"),
    ("Children Looked After", "4.4 5.3 0.9 A 0.2", "↓"),
    ("Leaving Care", "2.0 2.3 0.3 A 0.1", "↓"),
    ("Residential Homes", "2.2 2.0 (0.2) (F) 0.0", "→"),
    ("Central", "0.6 1.1 0.5 A 0.1", "↓"),
    ("sub total", "70.2 87.9 17.7 A 3.6", "↓"),
    ("Commissioning Services", "10.8 10.9 0.1 A 0.0", "→"),
    ("Supporting Families", "(0.4) (0.4) 0.0 - 0.0", "→"),
    ("Central", "0.7 0.7 0.0 - 0.0", "→"),
    ("sub total", "11.1 11.2 0.1 A 0.0", "→"),
    ("School Improvement", "0.1 0.1 0.0 - 0.0", "→"),
    ("Education System Development", "0.9 0.9 0.0 - 0.0", "→"),
    ("Early Years", "0.5 0.5 0.0 - 0.0", "→"),
    ("Schools Statutory", "0.0 0.0 0.0 - 0.0", "→"),
    ("sub total", "1.5 1.5 0.0 - 0.0", "→"),
    ("Inclusion Services", "5.0 5.1 0.1 A (0.1)", "↑"),
    ("Home to School Transport", "10.9 12.3 1.4 A 0.0", "→"),
    ("SEND Transport", "6.6 8.1 1.5 A 0.1", "↓"),
    ("sub total", "22.5 25.5 3.0 A 0.0", "→"),
    ("Children's Services Total", "105.3 126.1 20.8 A 3.6", "↓"),
]
DSG_ALLOCATION = [
    ("High Needs Block (HNB)", "76.3 8.8 67.5"),
    ("Central School Services Block (CSSB)", "5.6 0.0 5.6"),
    ("Early Years (EYB) *", "29.1 0.0 29.1"),
    ("Schools Block (SB) **", "357.0 233.3 123.7"),
    ("Total DSG", "468.0 242.1 225.9"),
]
DSG_MONITORING = [
    ("High Needs Block (HNB)", "67.5 71.6 4.1 A (0.2)", "↑"),
    ("Central Schools Block (CSB)", "5.6 5.6 (0.0) - 0.2", "↓"),
    ("Early Years (EYB)", "29.1 28.9 (0.2) (F) 0.0", "↓"),
    ("De-delegated", "1.8 1.9 0.1 A (0.0)", "→"),
    ("Total", "104.0 107.9 3.9 A (0.0)", "→"),
]
DSG_DEFICIT = ["£20.1m", "£24m"]
SUSPENSIONS = [
    ("Fixed Period Exclusions 2020 - 2021", "503 677 825 507 71"),
    ("Fixed Period Exclusions 2021 - 2022", "551 580 1105 585 778"),
    ("Fixed Period Exclusions 2022 - 2023", "667 849 1216 638 451"),
]
EXCLUSIONS = [
    ("Permanent Exclusions 2020 - 2021", "7 1 5 13 1"),
    ("Permanent Exclusions 2021 - 2022", "9 8 16 14 13"),
    ("Permanent Exclusions 2022 - 2023", "8 10 13 8 10"),
]
# Members and the public see counts from 1 to 5 as c.
EXCLUSIONS_FOR_MEMBERS = [("Permanent Exclusions 2020 - 2021", "7 c c 13 c"), *EXCLUSIONS[1:]]
ATTENDANCE = [
    ("Primary", "37291 6363 17.06% 94.26%"),
    ("PRU", "127 108 85.04% 54.59%"),
    ("Secondary", "29630 7068 23.85% 91.41%"),
    ("Special", "936 321 34.29% 83.09%"),
]
CLA_TABLES = [
    ("Total Fixed Term Exclusions (suspensions)", "70 57"),
    ("Total no of Children Young People excluded", "41 31"),
    ("Average no of CYP on PTT", "10.5 30.0"),
]
# The 30 inspections: establishment, URN, the seed's group, its judgement(s).
INSPECTIONS = [
    ("Bishop Henderson Church of England Primary School", "123747", "Good rating", "Good"),
    ("St Vigor & St John Church School", "145676", "Good rating", "Good"),
    ("Hemington Primary School", "146069", "Good rating", "Good"),
    ("Chewton Mendip Church of England VA Primary School", "123827", "Good rating", "Good"),
    (
        "North Hill House",
        "SC033014",
        "Good rating",
        "Education: Requires improvement; Social care: Good",
    ),
    ("The King Alfred School Academy", "146439", "Good rating", "Good"),
    ("Axbridge Church of England First School Academy", "138763", "Good rating", "Good"),
    ("Otterhampton Primary School", "146243", "Good rating", "Good"),
    ("Woolavington Village Primary School", "140408", "Good rating", "Good"),
    ("Strode College", "1220982", "Good rating", "Good"),
    ("Trull Church of England VA Primary School", "123850", "Good rating", "Good"),
    ("Priorswood Primary School", "146747", "Good rating", "Good"),
    ("Bishops Lydeard Church School", "142402", "Good rating", "Good"),
    ("Herne View", "123764", "Good rating", "Good"),
    ("Ashlands Church of England Primary School", "123749", "Good rating", "Good"),
    ("3 Dimensions", "134909", "Good rating", "Good"),
    ("Combe St Nicholas Church of England VA Primary School", "123828", "Good rating", "Good"),
    ("Beech Grove Primary School", "123711", "Good rating", "Good"),
    ("All Saints CofE VC Infants School", "123754", "Good rating", "Good"),
    ("Berrow Church of England Primary School", "123807", "Inadequate rating", "Inadequate"),
    ("Huish Episcopy Academy", "136294", "Inadequate rating", "Inadequate"),
    ("Cambian Lufton College", "131921", "Inadequate rating", "Inadequate"),
    (
        "West Chinnock Church of England Primary School",
        "123820",
        "Inadequate rating",
        "Inadequate",
    ),
    ("Enmore Church of England Primary School", "137437", "Outstanding", "Outstanding"),
    ("Minerva Primary School", "143143", "Requires improvement", "Requires improvement"),
    (
        "Hatch Beauchamp Church of England Primary School",
        "145842",
        "Requires improvement",
        "Requires improvement",
    ),
    ("The Taunton Academy", "136193", "Requires improvement", "Requires improvement"),
    (
        "Norton-sub-Hamdon Church of England Primary School",
        "123818",
        "Requires improvement",
        "Requires improvement",
    ),
    (
        "Pen Mill Infant and Nursery Academy",
        "138849",
        "Requires improvement",
        "Requires improvement",
    ),
    ("Dulverton Junior School", "123871", "Requires improvement", "Requires improvement"),
]
GROUPS = {"Good rating": 19, "Inadequate rating": 4, "Outstanding": 1, "Requires improvement": 6}
HEADINGS = [title for _level, title in SEED_HEADINGS]
APPENDED = ["What has changed since the last quarter"]


def _report(tmp_path: Path, fmt: str, *extra: str) -> Path:
    out = tmp_path / f"q{'-preview' if extra else ''}.{fmt}"
    call_command(
        "report",
        "members-quarterly",
        "--period",
        "2023-03",
        "--format",
        fmt,
        "-o",
        str(out),
        *extra,
    )
    return out


def _rows_hold(rows: list[list[str]], label: str, figures: str, arrow: str = "") -> bool:
    """Some row is the label followed by exactly those figures (and its arrow first)."""
    wanted = figures.split()
    for row in rows:
        if row and row[0].endswith(label) and row[1 : 1 + len(wanted)] == wanted:
            if not arrow or row[1 + len(wanted)].startswith(arrow):
                return True
    return False


def _check_tables(rows: list[list[str]], exclusions: list[tuple[str, str]]) -> None:
    for label, figures, arrow in BUDGET + DSG_MONITORING:
        assert _rows_hold(rows, label, figures, arrow), (label, figures)
    for label, figures in DSG_ALLOCATION + SUSPENSIONS + exclusions + ATTENDANCE + CLA_TABLES:
        assert _rows_hold(rows, label, figures), (label, figures)


def _check_inspections(rows_by_caption: list[tuple[str, list[list[str]]]]) -> None:
    found = {}
    for caption, rows in rows_by_caption:
        group = next((g for g in GROUPS if caption == f"{g} ({GROUPS[g]})"), None)
        if group is None:
            continue
        assert len(rows) == GROUPS[group] + 1  # and its header row
        for row in rows[1:]:
            found[row[0]] = (row[3], group, row[4])
    assert found == {name: (urn, group, j) for name, urn, group, j in INSPECTIONS}
    counts = next(rows for caption, rows in rows_by_caption if caption.startswith("Inspection"))
    assert counts[1:] == [[g, str(n)] for g, n in GROUPS.items()] + [["Total", "30"]]


def test_the_web_page(tmp_path: Path):
    html = _report(tmp_path, "html").read_text()
    titles = re.findall(r'class="[^"]*bp-section__title"[^>]*>([^<]*)<', html)
    assert [t.replace("&#x27;", "'").replace("&amp;", "&") for t in titles] == HEADINGS + APPENDED
    levels = re.findall(r'bp-section bp-section--level-(\d)"', html)
    assert [int(n) for n in levels] == [lvl for lvl, _t in SEED_HEADINGS] + [1]
    tables = html_tables(html)
    rows = [[c.replace("&amp;", "&") for c in row] for t in tables for row in t["rows"]]
    _check_tables(rows, EXCLUSIONS_FOR_MEMBERS)
    _check_inspections([(t["caption"].strip(), t["rows"]) for t in tables])
    for amount in DSG_DEFICIT:
        assert amount in html
    assert 'class="bp-suppressed"' not in html  # the members' edition marks nothing: it hides


def _docx_tables(path: Path) -> list[tuple[str, list[list[str]]]]:
    document = docx.Document(str(path))
    captions = [
        p.text for p in document.paragraphs if p.style is not None and p.style.name == "Caption"
    ]
    result = []
    body = document.element.body
    caption = ""
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = WordParagraph(child, document)
            if paragraph.style is not None and paragraph.style.name == "Caption":
                caption = paragraph.text
        elif tag == "tbl":
            table = WordTable(child, document)
            rows = [[squash(c.text) for c in row.cells] for row in table.rows]
            result.append((caption, rows))
            caption = ""
    assert captions
    return result


def test_the_word_file(tmp_path: Path):
    path = _report(tmp_path, "docx")
    document = docx.Document(str(path))
    headings = [
        (int(p.style.name.split()[-1]), p.text)
        for p in document.paragraphs
        if p.style is not None and p.style.name.startswith("Heading ")
    ]
    sections = [(level, text) for level, text in headings if text in HEADINGS + APPENDED]
    assert sections == [*SEED_HEADINGS, (1, APPENDED[0])]
    tables = _docx_tables(path)
    _check_tables([row for _c, rows in tables for row in rows], EXCLUSIONS_FOR_MEMBERS)
    _check_inspections(tables)
    text = "\n".join(p.text for p in document.paragraphs)
    for amount in DSG_DEFICIT:
        assert amount in text


def _outline(reader: PdfReader) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []

    def walk(items: list, depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, item.title))

    walk(reader.outline, 1)
    return found


def _layout_lines(path: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return [squash(line) for line in text.splitlines() if line.strip()]


def _line_holds(lines: list[str], label: str, figures: str) -> bool:
    """The figures in a row of the table, beside the label's first word (labels may wrap)."""
    first = label.split()[0]
    return any(figures in line and line.startswith(first) for line in lines)


def test_the_pdf(tmp_path: Path):
    path = _report(tmp_path, "pdf")
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    outline = [(depth, title) for depth, title in _outline(reader) if title in HEADINGS + APPENDED]
    assert outline == [*SEED_HEADINGS, (1, APPENDED[0])]
    lines = _layout_lines(path)
    for label, figures, _arrow in BUDGET + DSG_MONITORING:
        assert _line_holds(lines, label, figures), (label, figures)
    for label, figures in (
        DSG_ALLOCATION + SUSPENSIONS + EXCLUSIONS_FOR_MEMBERS + ATTENDANCE + CLA_TABLES
    ):
        assert _line_holds(lines, label, figures), (label, figures)
    text = "\n".join(lines)
    for amount in DSG_DEFICIT:
        assert amount in text
    # Every inspection under its group's caption, with its URN and judgement on its row.
    positions = {g: text.index(f"{g} ({n})") for g, n in GROUPS.items()}
    order = sorted(positions, key=positions.get)  # type: ignore[arg-type]
    assert order == list(GROUPS)
    for name, urn, group, judgement in INSPECTIONS:
        row = next(line for line in lines if f" {urn} " in f" {line} ")
        assert judgement.split(":")[0].split()[0] in row, (name, row)
        assert row.startswith(name.split()[0]), (name, row)
        at = text.index(row)
        start = positions[group]
        later = [p for p in positions.values() if p > start]
        assert start < at < min(later, default=len(text)), (name, group)


def test_the_officers_preview_shows_the_true_figures_marked(tmp_path: Path):
    html = _report(tmp_path, "html", "--officers-preview").read_text()
    rows = [row for t in html_tables(html) for row in t["rows"]]
    # Marked cells read "1† (officers only: …)": the figure itself comes first.
    flat = [[re.sub(r"†.*$", "", cell) for cell in row] for row in rows]
    for label, figures in EXCLUSIONS:
        assert _rows_hold(flat, label, figures), label
    row = next(r for r in rows if r and r[0] == "Permanent Exclusions 2020 - 2021")
    assert [cell.endswith("(officers only: members and the public see c)") for cell in row] == [
        False,
        False,
        True,
        True,
        False,
        True,
    ]
    assert "Officers&#x27; preview" in html
    document = docx.Document(str(_report(tmp_path, "docx", "--officers-preview")))
    cells = [squash(c.text) for t in document.tables for row in t.rows for c in row.cells if c.text]
    assert cells.count("1†") >= 2 and "5†" in cells
