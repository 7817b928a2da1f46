"""The reader refuses what it cannot read, in words a finance officer understands."""

import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from boardpack.imports.problems import FileRefused
from boardpack.imports.readers import OLE_SIGNATURE, MissingResult, read_spreadsheet
from tests.imports.helpers import csv_bytes, xlsx


def refusal(data: bytes, name: str = "upload.xlsx", **kw) -> str:
    with pytest.raises(FileRefused) as refused:
        read_spreadsheet(data, filename=name, **kw)
    return str(refused.value)


def test_reads_an_xlsx_workbook():
    book = read_spreadsheet(xlsx([["Ref", "Target"], ["CFE001", 324500]]))
    assert book.kind == "xlsx"
    assert book.sheets[0].rows == [["Ref", "Target"], ["CFE001", 324500]]


def test_reads_csv_with_or_without_bom_and_in_cp1252():
    rows = [["Ref", "Comments"], ["CFE001", "Café – £5"]]
    for data in (
        csv_bytes(rows),
        b"\xef\xbb\xbf" + csv_bytes(rows),
        csv_bytes(rows, encoding="cp1252"),
    ):
        assert read_spreadsheet(data, filename="x.csv").sheets[0].rows == rows


def test_reads_semicolon_and_tab_separated_text():
    assert read_spreadsheet(b"Ref;Target\nA;1\n").sheets[0].rows == [["Ref", "Target"], ["A", "1"]]
    assert read_spreadsheet(b"Ref\tTarget\nA\t1\n").sheets[0].rows == [
        ["Ref", "Target"],
        ["A", "1"],
    ]


def test_empty_file():
    assert "empty" in refusal(b"")
    assert "empty" in refusal(b"  \r\n", name="x.csv")


def test_empty_workbook():
    assert "empty" in refusal(xlsx([]))


def test_password_protected_workbook(tmp_path):
    # An encrypted Office file is an OLE compound file holding an EncryptionInfo stream.
    path = tmp_path / "protected.xlsx"
    path.write_bytes(
        OLE_SIGNATURE + b"\x00" * 504 + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 1000
    )
    message = refusal(path.read_bytes())
    assert "password-protected" in message
    assert "remove the password" in message


def test_old_xls_or_protected_file():
    message = refusal(OLE_SIGNATURE + b"\x00" * 2000, name="old.xls")
    assert "password-protected" in message and ".xls" in message


def test_corrupt_workbook():
    good = xlsx([["Ref", "Target"], ["A", 1]])
    assert "damaged" in refusal(good[: len(good) // 2])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "this is not xml")
    assert "damaged" in refusal(buffer.getvalue())


def test_zip_that_is_not_a_workbook():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    assert "not a spreadsheet" in refusal(buffer.getvalue())


def test_not_a_spreadsheet():
    assert "not a spreadsheet" in refusal(b"%PDF-1.4\n\x00\x01\x02\x03binary", name="report.pdf")
    assert "not a workbook" in refusal(b"plain words", name="figures.xlsx")


def test_file_over_the_size_limit(settings):
    settings.BOARDPACK_MAX_UPLOAD_BYTES = 1000
    message = refusal(csv_bytes([["Ref", "Target"]] + [["CFE001", "1"]] * 200), name="big.csv")
    assert "largest file Boardpack accepts" in message


def test_formula_without_a_cached_value_is_marked():
    # openpyxl writes formulas without their results: a real case of a missing cached value.
    book = read_spreadsheet(xlsx([["Ref", "Target"], ["A", 1, "=B2+1"]]))
    assert book.sheets[0].rows[1][2] == MissingResult("=B2+1")


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.binary(max_size=3000), st.sampled_from(["x.xlsx", "x.csv", "x", "x.xls"]))
def test_random_bytes_are_read_or_refused_never_crash(data, name):
    try:
        book = read_spreadsheet(data, filename=name)
    except FileRefused as refused:
        assert refused.problems and all(p.message for p in refused.problems)
    else:
        assert book.sheets


@settings(max_examples=30, deadline=None)
@given(st.binary(min_size=1, max_size=200), st.integers(min_value=30, max_value=2000))
def test_damaged_workbooks_are_refused_never_crash(noise, cut):
    good = xlsx([["Ref", "Target"], ["A", 1]])
    data = good[:cut] + noise + good[cut + len(noise) :]
    try:
        read_spreadsheet(data)
    except FileRefused as refused:
        assert refused.problems
