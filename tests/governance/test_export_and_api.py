"""`boardpack export meetings|actions|risks` and `GET /api/v1/governance/...`: one document."""

import csv
import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from boardpack.governance import services

pytestmark = pytest.mark.django_db


def export(*args) -> str:
    out = io.StringIO()
    call_command("export", *args, stdout=out)
    return out.getvalue()


def test_export_actions_needs_no_period_and_lists_both_seed_meetings_actions():
    doc = json.loads(export("actions", "--format", "json"))
    by_organisation = {}
    for action in doc["actions"]:
        by_organisation.setdefault(action["organisation"], []).append(action)
    for organisation in ("somerset", "dorset"):
        assert [a["source_meeting"]["label"] for a in by_organisation[organisation]] == [
            "Scrutiny committee, date not stated"
        ] * 2
        assert [a["source_meeting"]["date"] for a in by_organisation[organisation]] == [None] * 2
        assert {a["due_meeting"]["label"] for a in by_organisation[organisation]} == {
            "Scrutiny committee, Next meeting (date not yet set)"
        }
    request = by_organisation["dorset"][1]
    assert request["report_template_slug"] == "members-quarterly"
    assert request["status"] == "open"
    assert request["agenda_item"] == "People Services - Children Transformation Programme Update"
    assert by_organisation["somerset"][0]["work_plan_topic"] == "data sharing (‘how it works’)"


def test_export_for_one_organisation_is_the_api_document(signed_in):
    printed = json.loads(export("actions", "--organisation", "somerset", "--format", "json"))
    api = signed_in("office").get("/api/v1/governance/actions", {"organisation": "somerset"})
    assert api.status_code == 200
    assert api.json() == printed
    assert {a["committee"] for a in printed["actions"]} == {"Scrutiny committee"}


def test_export_csv_and_xlsx_open_back(tmp_path, somerset):
    services.risk_save(
        organisation=somerset,
        reference="R1",
        title="=HYPERLINK(1)",
        owner="Director",
        likelihood=2,
        impact=3,
        status="open",
    )
    text = export("risks", "--organisation", "somerset", "--format", "csv")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:4] == ["organisation", "reference", "title", "cause"]
    assert rows[1][1:3] == ["R1", "'=HYPERLINK(1)"]
    assert rows[1][8:11] == ["3", "6", "Medium"]
    target = tmp_path / "meetings.xlsx"
    call_command("export", "meetings", "--format", "xlsx", "-o", str(target))
    sheet = load_workbook(target).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][0] == "organisation"
    kinds = [row[4] for row in values[1:]]
    assert kinds.count("point") == 7 + 16
    assert kinds.count("interest") == 7
    target = tmp_path / "risks.xlsx"
    call_command(
        "export", "risks", "--organisation", "somerset", "--format", "xlsx", "-o", str(target)
    )
    cell = load_workbook(target).active["C2"]
    assert (cell.value, cell.data_type) == ("=HYPERLINK(1)", "s")  # text, never a formula


def test_a_period_narrows_meetings_to_that_month(committee):
    everything = json.loads(export("meetings", "--organisation", "somerset"))
    assert [m["date"] for m in everything["meetings"]] == [None, None]  # the minutes give none
    assert everything["meetings"][0]["items"][0]["time_allowed_minutes"] == 55
    # A meeting dated in June 2024 (the test's own) is the only one in that period.
    june_meeting = services.meeting_save(committee=committee, date=datetime.date(2024, 6, 12))
    services.agenda_item_save(meeting=june_meeting, title="Budget", purpose="consider")
    june = json.loads(export("meetings", "--organisation", "somerset", "--period", "2024-06"))
    assert [m["date"] for m in june["meetings"]] == ["2024-06-12"]
    assert june["meetings"][0]["items"][0]["title"] == "Budget"
    march = json.loads(export("meetings", "--organisation", "somerset", "--period", "2022-12"))
    assert march["meetings"] == []


def test_datasets_that_need_a_period_still_say_so():
    with pytest.raises(CommandError, match="--period is required for programme"):
        export("programme", "--format", "json")


def test_api_answers_for_the_users_organisation_only(signed_in):
    dorset = signed_in("dorset.office")
    doc = dorset.get("/api/v1/governance/meetings").json()
    assert doc["organisation"]["slug"] == "dorset"
    assert len(doc["meetings"][0]["items"][0]["points"]) == 16
    assert dorset.get("/api/v1/governance/risks", {"organisation": "somerset"}).status_code == 404
    assert signed_in("office").get("/api/v1/governance/risks").json()["risks"] == []
