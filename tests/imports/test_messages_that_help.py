"""Messages that say what is wrong: CSV structure errors by row and field count, a capped
problem list, a banner that does not claim success, and "none this period" instead of "–"."""

import datetime as dt
import io

import pytest
from django.urls import reverse

from boardpack.core.models import ReportingPeriod
from boardpack.imports.models import ImportRun
from tests.imports.helpers import SAVINGS_HEADER, csv_bytes, messages, prepare, xlsx

pytestmark = pytest.mark.django_db

HEADER = ",".join(SAVINGS_HEADER)


def june(somerset):
    return ReportingPeriod.objects.get(organisation=somerset, month="2024-06-01")


def test_an_unterminated_quote_names_its_row(somerset):
    data = f'{HEADER}\r\nCFE010,,11100,,11100,,,"Done\r\nCFE013,,30000,,30000,,,\r\n'.encode()
    text = messages(prepare("savings", somerset, june(somerset), data, "t.csv"))
    assert 'A quote (") opens a field in row 2' in text and "never closed" in text
    assert "missing" not in text.lower()


def test_a_huge_unterminated_field_names_its_row_too(somerset):
    data = (f'{HEADER}\r\nCFE010,,11100,,11100,,,ok\r\nCFE013,,"' + "x" * 200_000).encode()
    text = messages(prepare("savings", somerset, june(somerset), data, "t.csv"))
    assert "row 3" in text and "never closed" in text


def test_ragged_rows_name_the_row_and_the_field_counts(somerset):
    data = f"{HEADER}\r\nCFE010,,11,100,,11100,,,Done\r\nCFE013,,30000,,30000,,,\r\n".encode()
    text = messages(prepare("savings", somerset, june(somerset), data, "t.csv"))
    assert "Row 2 has 9 fields but the heading row (row 1) has 8" in text
    assert "would be lost" in text


def test_many_problems_of_one_kind_are_capped(somerset):
    rows = [SAVINGS_HEADER] + [[f"CFE{900 + i}", "", "lots", "", "", "", "", ""] for i in range(40)]
    preparation = prepare("savings", somerset, june(somerset), csv_bytes(rows), "t.csv")
    text = messages(preparation)
    assert text.count("must be an amount of money") == 10
    assert "… and 30 more of the same kind in column C." in text
    assert "is not a saving" in text  # the other kind, capped on its own
    assert len(preparation.plan.problems) == 22


def test_matching_columns_claims_no_success_before_the_preview_says_so(signed_in):
    client = signed_in("finance")
    data = csv_bytes([["Scheme", "What", "Sum"], ["CFE999", "Unknown", "lots"]])
    handle = io.BytesIO(data)
    handle.name = "own.csv"
    client.post(
        reverse("imports:start", kwargs={"org": "somerset"}),
        {"dataset": "savings", "period": "2024-06", "unit": "", "file": handle},
    )
    run = ImportRun.objects.latest("pk")
    response = client.post(
        reverse("imports:mapping", kwargs={"org": "somerset", "run": run.pk}),
        {"reference": "0", "description": "1", "target": "2"},
        follow=True,
    )
    page = response.content.decode()
    assert "nothing has been imported" in page
    assert "govuk-notification-banner--success" not in page


def test_a_line_with_only_an_earlier_position_says_so_not_a_dash(somerset):
    july = ReportingPeriod.objects.create(organisation=somerset, month=dt.date(2024, 7, 1))
    data = xlsx([SAVINGS_HEADER, ["CFE010", "", "11,100", "", "11,100", "", "", ""]])
    preparation = prepare("savings", somerset, july, data)
    assert preparation.plan.ok, messages(preparation)
    change = preparation.plan.changes[0]
    assert change.action == "new"
    assert change.before["achieved"] == "none this period (June 2024: 11,100)"


def test_a_very_long_reference_is_reported_at_its_length(somerset):
    data = xlsx([SAVINGS_HEADER, ["X" * 5000, "", "11,100", "", "11,100", "", "", ""]])
    text = messages(prepare("savings", somerset, june(somerset), data))
    assert "longer than 2,000 characters" in text and "it has 2000" not in text


def test_a_zip_bomb_is_refused_from_its_declared_sizes_before_parsing(somerset):
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (110 * 1024 * 1024))
    data = buffer.getvalue()
    assert len(data) < 1024 * 1024
    text = messages(prepare("savings", somerset, june(somerset), data))
    assert "too large once opened" in text
