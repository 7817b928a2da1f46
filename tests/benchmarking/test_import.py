"""Importing tidy data: a file nobody has mapped before, through the UI and the command line."""

from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from boardpack.benchmarking.models import BenchmarkValue, Measure, TidyMapping, TidyUpload
from boardpack.benchmarking.services import MappingEntry, import_tidy
from boardpack.benchmarking.tidy import read_tidy
from tests.benchmarking.files import HEADER, never_seen_file

pytestmark = pytest.mark.django_db

PLANS = MappingEntry(
    "percent_with_plan",
    {"characteristic": "Total"},
    "EHCP-PCT",
    "Pupils with an EHC plan (%)",
    "percentage",
    "neither",
    1,
)


def _form_data(name="dfe-ehcp", include=(0, 1), characteristic="Total") -> dict:
    data = {"name": name}
    for index, column in enumerate(["number_of_children", "percent_with_plan"]):
        if index in include:
            data[f"c{index}_include"] = "on"
        data[f"c{index}_filter_characteristic"] = characteristic
        data[f"c{index}_measure"] = ["EHCP-COUNT", "EHCP-PCT"][index]
        data[f"c{index}_title"] = column
        data[f"c{index}_unit"] = ["count", "percentage"][index]
        data[f"c{index}_polarity"] = "neither"
        data[f"c{index}_decimals"] = "1"
    return data


def test_a_new_layout_imports_through_a_mapping_made_in_the_browser(signed_in, somerset):
    analyst = signed_in("analyst")
    upload = SimpleUploadedFile("ehcp_2025.csv", never_seen_file(), content_type="text/csv")
    response = analyst.post("/somerset/benchmarks/import/", {"file": upload})
    assert response.status_code == 302
    stored = TidyUpload.objects.get(organisation=somerset, file_name="ehcp_2025.csv")
    page = analyst.get(response["Location"])
    assert page.status_code == 200
    assert "Column percent_with_plan" in page.content.decode()

    preview = analyst.post(response["Location"], _form_data() | {"preview": "1"})
    text = preview.content.decode()
    assert "EHCP-PCT" in text and "Nothing has been saved yet" in text
    assert not Measure.objects.filter(organisation=somerset, code="EHCP-PCT").exists()

    applied = analyst.post(response["Location"], _form_data() | {"apply": "1"})
    assert applied.status_code == 302
    measure = Measure.objects.get(organisation=somerset, code="EHCP-PCT")
    somerset_2025 = BenchmarkValue.objects.get(
        measure=measure, year="202425", level="authority", area_code="933"
    )
    assert str(somerset_2025.value.normalize()) == "5.1"
    count = BenchmarkValue.objects.get(
        measure__code="EHCP-COUNT", year="202425", level="authority", area_code="933"
    )
    assert count.value == 4200
    mapping = TidyMapping.objects.get(organisation=somerset, name="dfe-ehcp")
    assert [e["measure"] for e in mapping.entries] == ["EHCP-COUNT", "EHCP-PCT"]
    stored.refresh_from_db()
    assert stored.applied is not None and stored.mapping == mapping

    compare = analyst.get("/somerset/benchmarks/EHCP-PCT/").content.decode()
    assert "percent_with_plan" in compare  # the title given on the mapping page
    assert "4.8" in compare and "5.0" in compare  # England and the South West in 2024/25


def test_the_saved_mapping_imports_the_next_file_from_the_command_line(somerset, tmp_path):
    tidy = read_tidy(never_seen_file())
    from boardpack.benchmarking.services import mapping_save

    mapping_save(organisation=somerset, name="dfe-ehcp", columns=tidy.columns, entries=[PLANS])
    first = tmp_path / "ehcp.csv"
    first.write_bytes(never_seen_file())
    out = StringIO()
    call_command("import_dfe", str(first), "--mapping", "dfe-ehcp", stdout=out)
    assert "EHCP-PCT: 10 new, 0 changed, 0 unchanged" in out.getvalue()
    value = BenchmarkValue.objects.get(measure__code="EHCP-PCT", year="202425", area_code="933")
    history_before = value.history.count()

    second = tmp_path / "ehcp_revised.csv"
    second.write_bytes(never_seen_file(somerset_percent="5.3"))
    dry = StringIO()
    call_command("import_dfe", str(second), "--mapping", "dfe-ehcp", "--dry-run", stdout=dry)
    assert "1 changed, 9 unchanged" in dry.getvalue()
    value.refresh_from_db()
    assert str(value.value.normalize()) == "5.1"

    call_command("import_dfe", str(second), "--mapping", "dfe-ehcp", stdout=StringIO())
    value.refresh_from_db()
    assert str(value.value.normalize()) == "5.3"
    assert value.history.count() == history_before + 1


def test_symbols_are_stored_as_symbols(somerset):
    entry = MappingEntry("percent_with_plan", {"characteristic": "Boys"}, "EHCP-BOYS")
    result = import_tidy(organisation=somerset, tidy=read_tidy(never_seen_file()), entries=[entry])
    assert result.ok, result.problems
    suffolk = BenchmarkValue.objects.get(measure__code="EHCP-BOYS", year="202425", area_code="935")
    assert suffolk.value is None and suffolk.symbol == "x"
    counts = MappingEntry("number_of_children", {"characteristic": "Boys"}, "EHCP-BOYS-N")
    import_tidy(organisation=somerset, tidy=read_tidy(never_seen_file()), entries=[counts])
    somerset_boys = BenchmarkValue.objects.get(
        measure__code="EHCP-BOYS-N", year="202425", area_code="933"
    )
    assert somerset_boys.value is None and somerset_boys.symbol == "c"


def _refused(somerset, data: bytes, entries, match: str):
    before = BenchmarkValue.objects.count(), Measure.objects.count()
    result = import_tidy(organisation=somerset, tidy=read_tidy(data), entries=entries)
    assert not result.ok
    assert any(match in p for p in result.problems), result.problems
    assert (BenchmarkValue.objects.count(), Measure.objects.count()) == before


def test_a_mapping_naming_a_column_the_file_lacks_is_refused(somerset):
    entry = MappingEntry("percent_with_statement", {}, "X")
    _refused(somerset, never_seen_file(), [entry], "names the column 'percent_with_statement'")


def test_an_unknown_filter_value_is_refused(somerset):
    entry = MappingEntry("percent_with_plan", {"characteristic": "Girls"}, "X")
    _refused(somerset, never_seen_file(), [entry], "which no row has")


def test_an_unknown_la_code_is_refused_with_its_line(somerset):
    data = never_seen_file().decode().replace(",830,", ",999,").encode()
    _refused(somerset, data, [PLANS], "column old_la_code: unknown LA code '999'")


def test_a_value_that_is_neither_number_nor_symbol_is_refused_with_row_and_column(somerset):
    lines = never_seen_file().decode().splitlines()
    lines[3] = lines[3].rsplit(",", 1)[0] + ",about 5"
    _refused(
        somerset,
        ("\n".join(lines) + "\n").encode(),
        [PLANS],
        "Line 4, column percent_with_plan: 'about 5' is neither a number",
    )


def test_rows_that_a_mapping_leaves_ambiguous_are_refused(somerset):
    entry = MappingEntry("percent_with_plan", {}, "X")  # Total and Boys rows both match
    _refused(somerset, never_seen_file(), [entry], "add a filter to the mapping")


def test_the_command_refuses_an_unknown_mapping_and_a_broken_file(somerset, tmp_path):
    path = tmp_path / "plans.csv"
    path.write_bytes(never_seen_file())
    with pytest.raises(CommandError, match="has no mapping 'nope'"):
        call_command("import_dfe", str(path), "--mapping", "nope")
    from boardpack.benchmarking.services import mapping_save

    mapping_save(organisation=somerset, name="plans", columns=["time_period"], entries=[PLANS])
    broken = tmp_path / "broken.csv"
    broken.write_text(HEADER.replace("time_period", "year") + "\n")
    with pytest.raises(CommandError, match="no time_period"):
        call_command("import_dfe", str(broken), "--mapping", "plans")


def test_only_analysts_may_import(signed_in):
    for user in ("councillor", "lead.education"):
        assert signed_in(user).get("/somerset/benchmarks/import/").status_code == 403
    assert signed_in("analyst").get("/somerset/benchmarks/import/").status_code == 200


def test_a_file_that_is_not_tidy_data_is_refused_on_upload(signed_in, somerset):
    upload = SimpleUploadedFile("notes.csv", b"name,value\nx,1\n", content_type="text/csv")
    response = signed_in("analyst").post("/somerset/benchmarks/import/", {"file": upload})
    assert response.status_code == 200
    assert (
        "notes.csv, line 1: not DfE tidy data: it has no time_period" in response.content.decode()
    )
    assert not TidyUpload.objects.filter(file_name="notes.csv").exists()


def test_a_mapping_with_no_column_ticked_says_so(signed_in, somerset):
    stored = TidyUpload.objects.create(
        organisation=somerset, file_name="p.csv", data=never_seen_file()
    )
    response = signed_in("analyst").post(
        f"/somerset/benchmarks/import/{stored.pk}/", _form_data(include=()) | {"preview": "1"}
    )
    assert "Tick at least one column to import" in response.content.decode()


def test_the_demo_load_is_idempotent():
    from boardpack.benchmarking.demo import load_benchmarking_demo

    before = BenchmarkValue.history.count(), Measure.history.count(), TidyMapping.history.count()
    load_benchmarking_demo()
    after = BenchmarkValue.history.count(), Measure.history.count(), TidyMapping.history.count()
    assert before == after


def test_boardpack_import_dfe_uses_the_saved_mapping(somerset, tmp_path):
    from boardpack.benchmarking.services import mapping_save

    tidy = read_tidy(never_seen_file())
    mapping_save(organisation=somerset, name="dfe-ehcp", columns=tidy.columns, entries=[PLANS])
    path = tmp_path / "ehcp.csv"
    path.write_bytes(never_seen_file())
    out = StringIO()
    call_command("import", "dfe", str(path), "--mapping", "dfe-ehcp", "--dry-run", stdout=out)
    assert "EHCP-PCT: 10 new" in out.getvalue() and "Dry run" in out.getvalue()
    assert not Measure.objects.filter(code="EHCP-PCT").exists()
    with pytest.raises(CommandError, match="needs its mapping"):
        call_command("import", "dfe", str(path))
    with pytest.raises(CommandError, match="--period is required"):
        call_command("import", "savings", str(path))


def _with_codes(old: str, new: str) -> bytes:
    """The never-seen file with Somerset's rows giving these LA and ONS codes."""
    text = never_seen_file().decode()
    return text.replace(",933,E06000066,Somerset,", f",{old},{new},Somerset,").encode()


@pytest.mark.parametrize(
    "codes",
    [("", "E06000066"), ("", "E10000027")],
    ids=["the unitary council's ONS code", "the county council's ONS code"],
)
def test_an_authority_named_only_by_an_ons_code_it_has_used_is_found(somerset, codes):
    result = import_tidy(
        organisation=somerset, tidy=read_tidy(_with_codes(*codes)), entries=[PLANS]
    )
    assert result.ok, result.problems
    held = BenchmarkValue.objects.get(
        measure__code="EHCP-PCT", year="202425", level="authority", area_code="933"
    )
    assert str(held.value.normalize()) == "5.1"


def test_an_unknown_ons_code_without_an_la_code_is_refused_with_its_column(somerset):
    result = import_tidy(
        organisation=somerset, tidy=read_tidy(_with_codes("", "E06999999")), entries=[PLANS]
    )
    assert any("column new_la_code: unknown LA code 'E06999999'" in p for p in result.problems)
    assert not Measure.objects.filter(code="EHCP-PCT").exists()


def test_a_column_mapped_to_an_existing_indicator_feeds_it(signed_in, somerset):
    from boardpack.performance.models import Indicator, Observation

    indicator = (
        Indicator.objects.filter(organisation=somerset)
        .exclude(code__in=Measure.objects.values_list("code", flat=True))
        .first()
    )
    analyst = signed_in("analyst")
    upload = SimpleUploadedFile("ehcp.csv", never_seen_file(), content_type="text/csv")
    location = analyst.post("/somerset/benchmarks/import/", {"file": upload})["Location"]
    page = analyst.get(location).content.decode()
    assert f'<option value="{indicator.code}">{indicator.code}: ' in page
    form = _form_data(include=(1,)) | {"c1_indicator": indicator.code, "apply": "1"}
    assert analyst.post(location, form).status_code == 302
    measure = Measure.objects.get(organisation=somerset, code="EHCP-PCT")
    assert measure.indicator == indicator
    fed = Observation.objects.get(
        indicator=indicator, area="authority", date="2025-08-31", source__key="dfe-ehcp-pct"
    )
    assert str(fed.value.normalize()) == "5.1"
    assert not Indicator.objects.filter(organisation=somerset, code="EHCP-PCT").exists()
    mapping = TidyMapping.objects.get(organisation=somerset, name="dfe-ehcp")
    assert mapping.entries[0]["indicator"] == indicator.code


def test_an_indicator_the_organisation_lacks_is_refused(somerset, dorset):
    from boardpack.performance.models import Indicator

    theirs = "DORSET-ONLY"  # another organisation's indicator is not ours
    copy = Indicator.objects.filter(organisation=somerset).first()
    copy.pk, copy.organisation, copy.code = None, dorset, theirs
    copy.save()
    entry = MappingEntry(
        "percent_with_plan", {"characteristic": "Total"}, "EHCP-PCT", indicator=theirs
    )
    result = import_tidy(organisation=somerset, tidy=read_tidy(never_seen_file()), entries=[entry])
    assert f"feeds the indicator {theirs}, which Somerset Council does not have" in " ".join(
        result.problems
    )
    assert not Measure.objects.filter(code="EHCP-PCT").exists()


def test_a_changed_mapping_changes_the_measure(somerset):
    tidy = read_tidy(never_seen_file())
    import_tidy(organisation=somerset, tidy=tidy, entries=[PLANS])
    measure = Measure.objects.get(organisation=somerset, code="EHCP-PCT")
    assert measure.polarity == "neither"
    history = measure.history.count()
    better = MappingEntry(
        "percent_with_plan",
        {"characteristic": "Total"},
        "EHCP-PCT",
        "Pupils with a plan (%)",
        "percentage",
        "lower_is_better",
        1,
    )
    import_tidy(organisation=somerset, tidy=tidy, entries=[better])
    measure.refresh_from_db()
    assert (measure.title, measure.polarity) == ("Pupils with a plan (%)", "lower_is_better")
    assert measure.history.count() == history + 1
