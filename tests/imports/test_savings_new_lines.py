"""Adding, changing and leaving savings lines through the importer: on the upload pages and
on the command line (issue 11: adding a line always crashed with ``_next_order``)."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from boardpack.finance.models import SavingLine, SavingPosition
from boardpack.imports.models import ImportRun
from tests.imports.helpers import SAVINGS_HEADER, xlsx

pytestmark = pytest.mark.django_db


NEW_LINES = [
    ["CFE901", "Shared transport contract", "50,000", "", "20,000", "30,000", "", "New in July"],
    ["CFE902", "Review of agency social workers", "75,500", "", "", "", "75,500", ""],
]


def tracker(*rows) -> bytes:
    return xlsx([SAVINGS_HEADER, *rows], title="MTFP")


def cfe010_row() -> list[str]:
    position = SavingPosition.objects.get(line__reference="CFE010", period__month="2024-06-01")
    cells = [position.over_achieved, position.achieved, position.on_track, position.at_risk]
    return [
        "CFE010",
        "",
        "11,100",
        *["" if v is None else f"{v:,.0f}" for v in cells],
        position.comment,
    ]


def test_command_adds_two_lines_changes_one_and_leaves_the_rest(tmp_path, somerset):
    lines_before = SavingLine.objects.filter(organisation=somerset, financial_year=2024).count()
    last_order = (
        SavingLine.objects.filter(organisation=somerset, financial_year=2024)
        .order_by("-order")
        .first()
        .order
    )
    cfe003_history = SavingPosition.history.filter(line__reference="CFE003").count()
    path = tmp_path / "tracker.xlsx"
    changed = cfe010_row()
    changed[-1] = "Delivered early"
    path.write_bytes(tracker(changed, *NEW_LINES))
    out = io.StringIO()
    call_command(
        "import", "savings", str(path), "--period", "2024-06", "--add-new", stdout=out, stderr=out
    )
    assert "2 new, 1 changed" in out.getvalue()

    lines = SavingLine.objects.filter(organisation=somerset, financial_year=2024)
    assert lines.count() == lines_before + 2
    new_1, new_2 = lines.get(reference="CFE901"), lines.get(reference="CFE902")
    # new lines go after the year's last line, each in its own place, in the file's order
    assert (new_1.order, new_2.order) == (last_order + 1, last_order + 2)
    assert new_1.description == "Shared transport contract" and str(new_1.target) == "50000.00"
    position = new_1.positions.get(period__month="2024-06-01")
    assert (position.achieved, position.on_track) == (20000, 30000)
    assert position.over_achieved is None and position.at_risk is None  # blank stays blank
    assert position.comment == "New in July"
    assert (
        SavingPosition.objects.get(line__reference="CFE010", period__month="2024-06-01").comment
        == "Delivered early"
    )
    # a line the file does not mention is left alone, history and all
    assert SavingPosition.history.filter(line__reference="CFE003").count() == cfe003_history
    assert new_1.history.count() == 1 and position.history.count() == 1


def test_command_without_add_new_refuses_the_new_line_and_writes_nothing(tmp_path, somerset):
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(tracker(*NEW_LINES))
    out = io.StringIO()
    with pytest.raises(Exception, match="nothing was imported"):
        call_command("import", "savings", str(path), "--period", "2024-06", stdout=out, stderr=out)
    assert "CFE901 is not a saving in the 2024/25 MTFP" in out.getvalue()
    assert not SavingLine.objects.filter(reference__in=["CFE901", "CFE902"]).exists()


def test_importing_the_same_new_lines_twice_changes_nothing_the_second_time(tmp_path, somerset):
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(tracker(*NEW_LINES))
    call_command(
        "import", "savings", str(path), "--period", "2024-06", "--add-new", stdout=io.StringIO()
    )
    history = SavingLine.history.count(), SavingPosition.history.count()
    out = io.StringIO()
    call_command("import", "savings", str(path), "--period", "2024-06", "--add-new", stdout=out)
    assert "0 new, 0 changed, 2 unchanged" in out.getvalue()
    assert (SavingLine.history.count(), SavingPosition.history.count()) == history


def upload(client, data: bytes, **fields):
    handle = io.BytesIO(data)
    handle.name = "tracker.xlsx"
    payload = {"dataset": "savings", "period": "2024-06", "unit": "", "file": handle} | fields
    return client.post(reverse("imports:start", kwargs={"org": "somerset"}), payload)


def test_upload_adds_a_new_line_changes_one_and_leaves_one(signed_in, somerset):
    client = signed_in("finance")
    changed = cfe010_row()
    changed[-1] = "Delivered early"
    unchanged = ["CFE003", "", "398,100", "", "398,100", "", "", ""]
    unchanged[-1] = SavingPosition.objects.get(
        line__reference="CFE003", period__month="2024-06-01"
    ).comment
    response = upload(client, tracker(changed, unchanged, NEW_LINES[0]), add_new="on")
    assert response.status_code == 302
    preview = client.get(response["Location"]).content.decode()
    assert "1 new" in preview and "1 changed" in preview and "1 unchanged" in preview
    run = ImportRun.objects.latest("pk")
    applied = client.post(
        reverse("imports:apply", kwargs={"org": "somerset", "run": run.pk}),
        {"fingerprint": run.plan_fingerprint},
    )
    assert applied.status_code == 302
    assert client.get(applied["Location"]).status_code == 200
    run.refresh_from_db()
    assert run.status == ImportRun.Status.APPLIED and run.new_count == 1
    line = SavingLine.objects.get(organisation=somerset, reference="CFE901")
    assert line.positions.get(period__month="2024-06-01").comment == "New in July"
    page = client.get(
        reverse("finance:savings", kwargs={"org": "somerset", "period": "2024-06"})
    ).content.decode()
    assert "Shared transport contract" in page


def test_preview_lists_new_savings_and_offers_to_add_them(signed_in, somerset):
    client = signed_in("finance")
    preview_url = upload(client, tracker(*NEW_LINES))["Location"]
    page = client.get(preview_url).content.decode()
    assert "2 savings in the file are not in Boardpack yet" in page
    assert "CFE901 Shared transport contract (2024/25 MTFP)" in page
    assert "Add these 2 savings" in page
    run = ImportRun.objects.latest("pk")
    client.post(reverse("imports:add-new", kwargs={"org": "somerset", "run": run.pk}), {"add": "1"})
    page = client.get(preview_url).content.decode()
    assert "Boardpack will add 2 savings" in page and "2 new, 0 changed" in page
    assert not SavingLine.objects.filter(reference="CFE901").exists()
