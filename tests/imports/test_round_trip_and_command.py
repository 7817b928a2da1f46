"""Export → import of the same file changes nothing; the command prints the plan and every
problem, and exits non-zero writing nothing."""

import io

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from boardpack.imports.models import ImportRun
from tests.imports.helpers import SAVINGS_HEADER, xlsx

pytestmark = pytest.mark.django_db

PERIODS = {"savings": "2024-06", "budget": "2022-12", "dsg": "2022-12"}


def history_counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in apps.get_app_config("finance").get_models()
        if model.__name__.startswith("Historical")
    }


def run(*args) -> str:
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue() + err.getvalue()


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
@pytest.mark.parametrize("dataset", ["savings", "budget", "dsg"])
def test_export_then_import_changes_nothing(dataset, fmt, tmp_path, somerset):
    path = tmp_path / f"{dataset}.{fmt}"
    call_command("export", dataset, "--period", PERIODS[dataset], "--format", fmt, "-o", str(path))
    before = history_counts()
    output = run("import", dataset, str(path), "--period", PERIODS[dataset])
    assert "0 new, 0 changed" in output
    assert history_counts() == before
    assert ImportRun.objects.filter(dataset=dataset, status=ImportRun.Status.APPLIED).exists()


@pytest.mark.parametrize("dataset", ["savings", "budget", "dsg"])
def test_template_with_figures_imports_unchanged(dataset, tmp_path, somerset):
    path = tmp_path / f"{dataset}.xlsx"
    run("import_template", dataset, "-o", str(path), "--period", PERIODS[dataset], "--with-figures")
    output = run("import", dataset, str(path), "--period", PERIODS[dataset], "--dry-run")
    assert "0 new, 0 changed" in output and "Dry run" in output


def test_blank_template_has_headings_and_guidance(tmp_path, somerset):
    from openpyxl import load_workbook

    path = tmp_path / "savings.xlsx"
    run("import_template", "savings", "-o", str(path), "--period", "2024-06")
    book = load_workbook(path)
    assert book.sheetnames == ["MTFP savings", "Guidance"]
    assert [c.value for c in book["MTFP savings"][1]][:3] == ["Ref", "Description", "Target £"]


def test_command_applies_a_change_in_one_transaction(tmp_path, somerset):
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(xlsx([SAVINGS_HEADER, ["CFE010", "", "11,100", "", "11,100", "", "", "Done"]]))
    output = run("import", "savings", str(path), "--period", "2024-06")
    assert "0 new, 1 changed" in output and "comment:" in output


def test_command_reports_every_problem_and_writes_nothing(tmp_path, somerset):
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(
        xlsx(
            [
                SAVINGS_HEADER,
                ["CFE010", "", "11,100", "", "11,100", "", "", "Changed"],
                ["CFE001", "", "lots", "", "", "", "", ""],
                ["CFE999", "", "5", "", "5", "", "", ""],
            ],
            title="MTFP",
        )
    )
    before = history_counts()
    err = io.StringIO()
    with pytest.raises(CommandError, match="2 problem"):
        call_command(
            "import", "savings", str(path), "--period", "2024-06", stdout=io.StringIO(), stderr=err
        )
    assert "Sheet ‘MTFP’, row 3, column C (Target)" in err.getvalue()
    assert "Sheet ‘MTFP’, row 4, column A (Ref)" in err.getvalue()
    assert history_counts() == before


def test_command_refuses_a_period_in_the_wrong_form(tmp_path, somerset):
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(xlsx([SAVINGS_HEADER]))
    with pytest.raises(CommandError, match="YYYY-MM"):
        call_command("import", "savings", str(path), "--period", "June 2024")


def test_command_map_option_matches_a_column(tmp_path, somerset):
    path = tmp_path / "tracker.csv"
    path.write_text("Ref,MTFP 24/25 saving,Achieved,On track,At risk\r\nCFE010,11100,11100,,\r\n")
    output = run(
        "import",
        "savings",
        str(path),
        "--period",
        "2024-06",
        "--dry-run",
        "--map",
        "target=MTFP 24/25 saving",
    )
    assert "0 new, 0 changed, 1 unchanged" in output


def test_command_unit_option(tmp_path, somerset):
    path = tmp_path / "tracker.csv"
    path.write_text("Ref,Target,Achieved\r\nCFE010,11.1,11.1\r\n")
    output = run(
        "import", "savings", str(path), "--period", "2024-06", "--dry-run", "--unit", "£000"
    )
    assert "1 unchanged" in output and "amounts in £000" in output
