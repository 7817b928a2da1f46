"""Bad input is refused with its row and column, and nothing at all is written."""

from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from boardpack.benchmarking.models import BenchmarkValue, Measure, TidyMapping, TidyUpload
from boardpack.benchmarking.services import MappingEntry, import_tidy, mapping_save
from boardpack.benchmarking.tidy import TidyError, read_tidy
from boardpack.performance.models import Indicator, Observation
from tests.benchmarking.files import never_seen_file

pytestmark = pytest.mark.django_db

PLANS = MappingEntry("percent_with_plan", {"characteristic": "Total"}, "EHCP-PCT")


def _counts() -> tuple[int, ...]:
    return tuple(
        model.objects.count()
        for model in (BenchmarkValue, Measure, TidyMapping, TidyUpload, Indicator, Observation)
    )


def _replace_cell(line: int, column: str, text: str) -> bytes:
    """The never-seen file with one cell (line counted as in the file, header = 1) changed."""
    lines = never_seen_file().decode().splitlines()
    header = lines[0].split(",")
    cells = lines[line - 1].split(",")
    cells[header.index(column)] = text
    lines[line - 1] = ",".join(cells)
    return ("\n".join(lines) + "\n").encode()


@pytest.mark.parametrize("column", ["time_period", "geographic_level"])
def test_not_tidy_data_names_the_header_row_and_the_missing_column(column):
    data = never_seen_file().decode().replace(column, "something_else", 1).encode()
    with pytest.raises(
        TidyError, match=rf"plans.csv, line 1: not DfE tidy data: it has no {column}"
    ):
        read_tidy(data, name="plans.csv")


@pytest.mark.parametrize(
    ("data", "entries", "message"),
    [
        (
            _replace_cell(6, "old_la_code", "999"),
            [PLANS],
            "Line 6, column old_la_code: unknown LA code '999'",
        ),
        (
            never_seen_file(),
            [MappingEntry("percent_with_statement", {}, "X")],
            "names the column 'percent_with_statement', which the file lacks",
        ),
        (
            _replace_cell(4, "percent_with_plan", "4.6%"),
            [PLANS],
            "Line 4, column percent_with_plan: '4.6%' is neither a number nor one of the DfE "
            "symbols",
        ),
    ],
    ids=["unknown LA code", "column the file lacks", "neither number nor symbol"],
)
def test_bad_input_is_refused_whole_with_row_and_column(somerset, data, entries, message):
    before = _counts()
    for dry_run in (True, False):
        result = import_tidy(
            organisation=somerset, tidy=read_tidy(data), entries=entries, dry_run=dry_run
        )
        assert not result.ok and not result.applied
        assert any(message in p for p in result.problems), result.problems
    assert _counts() == before


def test_the_command_refuses_a_file_lacking_the_mapped_column_and_writes_nothing(
    somerset, tmp_path
):
    tidy = read_tidy(never_seen_file())
    mapping_save(organisation=somerset, name="dfe-ehcp", columns=tidy.columns, entries=[PLANS])
    path = tmp_path / "ehcp.csv"
    path.write_bytes(never_seen_file().decode().replace("percent_with_plan", "pct").encode())
    before = _counts()
    err = StringIO()
    with pytest.raises(CommandError, match="nothing has been written"):
        call_command("import_dfe", str(path), "--mapping", "dfe-ehcp", stderr=err)
    assert "names the column 'percent_with_plan', which the file lacks" in err.getvalue()
    assert _counts() == before


def test_the_mapping_page_refuses_a_bad_value_and_saves_neither_figures_nor_mapping(
    signed_in, somerset
):
    analyst = signed_in("analyst")
    upload = SimpleUploadedFile("ehcp.csv", _replace_cell(4, "percent_with_plan", "about 5"))
    location = analyst.post("/somerset/benchmarks/import/", {"file": upload})["Location"]
    page = analyst.get(location).content.decode()
    assert "Some cells of percent_with_plan are neither figures nor DfE symbols" in page
    before = _counts()
    form = {
        "name": "dfe-ehcp",
        "c1_include": "on",
        "c1_filter_characteristic": "Total",
        "c1_measure": "EHCP-PCT",
        "c1_title": "Pupils with an EHC plan (%)",
        "c1_unit": "percentage",
        "c1_polarity": "neither",
        "c1_decimals": "1",
        "c0_unit": "count",
        "c0_polarity": "neither",
        "c0_decimals": "0",
        "apply": "1",
    }
    response = analyst.post(location, form)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Line 4, column percent_with_plan: &#x27;about 5&#x27; is neither a number" in text
    assert "Nothing has been saved." in text
    assert _counts() == before
