"""``boardpack report``: the file it writes, what it says is missing, and --strict."""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.reports.helpers import MTFP_REFS, MTFP_TOTALS, html_table

pytestmark = pytest.mark.django_db


def test_writes_the_html_report(tmp_path: Path, capsys):
    out = tmp_path / "report.html"
    call_command(
        "report", "scrutiny-progress", "--period", "2024-06", "--format", "html", "-o", str(out)
    )
    rows = html_table(out.read_text(encoding="utf-8"), "MTFP Tracker")
    assert [r[0] for r in rows[1:-1]] == MTFP_REFS
    assert [rows[-1][i] for i in (2, 4, 5, 6)] == MTFP_TOTALS
    assert "Wrote" in capsys.readouterr().out


def test_a_period_with_no_data_renders_and_fails_only_when_strict(tmp_path: Path, somerset, capsys):
    from boardpack.demo.loader import period

    period(somerset, "2025-01")
    out = tmp_path / "empty.html"
    args = [
        "report",
        "scrutiny-progress",
        "--period",
        "2025-01",
        "--format",
        "html",
        "-o",
        str(out),
    ]
    call_command(*args)
    assert "Not available:" in out.read_text(encoding="utf-8")
    assert "Missing:" in capsys.readouterr().err
    out.unlink()
    with pytest.raises(CommandError, match="missing"):
        call_command(*args, "--strict")
    assert out.exists()  # written all the same, so the reader sees what is missing


def test_strict_passes_when_nothing_is_missing(tmp_path: Path):
    out = tmp_path / "r.html"
    call_command(
        "report",
        "scrutiny-progress",
        "--period",
        "2024-06",
        "--format",
        "html",
        "-o",
        str(out),
        "--strict",
    )
    assert out.stat().st_size > 10_000


@pytest.mark.parametrize(
    "args, message",
    [
        (["no-such-report", "--period", "2024-06"], "no report template 'no-such-report'"),
        (["scrutiny-progress", "--period", "2024-13"], "--period"),
        (["scrutiny-progress", "--period", "2031-01"], "no reporting period 2031-01"),
        (["scrutiny-progress", "--period", "2024-06", "--organisation", "nowhere"], "nowhere"),
    ],
)
def test_bad_arguments_are_refused_clearly(tmp_path: Path, args, message):
    out = tmp_path / "x.html"
    with pytest.raises(CommandError, match=message):
        call_command("report", *args, "--format", "html", "-o", str(out))
    assert not out.exists()


def test_dorset_has_no_somerset_template(tmp_path: Path):
    with pytest.raises(CommandError, match="Dorset Council has no report template"):
        call_command(
            "report",
            "scrutiny-progress",
            "--period",
            "2024-06",
            "--organisation",
            "dorset",
            "--format",
            "html",
            "-o",
            str(tmp_path / "x.html"),
        )


@pytest.mark.parametrize("enabled", [True, False])
def test_the_cycle_collector_is_left_as_it_was_found(tmp_path: Path, enabled: bool):
    """The command pauses Python's cycle collector while it lays the document out (a process
    that renders one document and ends), and gives it back as it was, even to a caller (a test,
    the worker) that had switched it off itself."""
    import gc

    out = tmp_path / "r.html"
    (gc.enable if enabled else gc.disable)()
    try:
        call_command(
            "report", "scrutiny-progress", "--period", "2024-06", "--format", "html", "-o", str(out)
        )
        assert gc.isenabled() is enabled
        with pytest.raises(CommandError):
            call_command(
                "report",
                "no-such-template",
                "--period",
                "2024-06",
                "--format",
                "html",
                "-o",
                str(out),
            )
        assert gc.isenabled() is enabled
    finally:
        gc.enable()
