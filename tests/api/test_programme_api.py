import json

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def export(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("export", *args, stdout=out)
    return out.getvalue()


def test_api_programme_document(signed_in):
    response = signed_in("councillor").get("/api/v1/programme", {"period": "2024-06"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    doc = response.json()
    assert doc["period"]["key"] == "2024-06"
    assert doc["organisation"]["slug"] == "somerset"
    assert len(doc["workstreams"]) == 4
    assert sum(len(ws["projects"]) for ws in doc["workstreams"]) == 19
    assert len(doc["update"]["progress_summary"]) == 7
    assert doc["finance_summary"]["overall_status_label"] == "Red"
    homes = doc["workstreams"][3]
    assert [e["text"] for e in homes["to_escalate"]] == [
        "Lack of private rental & housing for Care Leavers",
        "Rising demand for Children Looked After",
        "Marketing support for Fostering",
    ]


def test_export_prints_the_same_document_as_the_api(signed_in, capsys):
    api = signed_in("office").get(
        "/api/v1/programme", {"period": "2024-06", "organisation": "somerset"}
    )
    printed = json.loads(export("programme", "--period", "2024-06", "--format", "json"))
    assert printed == api.json()
    names = [ws["name"] for ws in printed["workstreams"]]
    assert names == [
        "Local mainstream school is the right choice for most children",
        "Developing an excellent workforce for children",
        "Families can access support early",
        "Sufficient homes for children in care and school places for children with additional "
        "needs in Somerset",
    ]
    assert [len(ws["projects"]) for ws in printed["workstreams"]] == [7, 4, 2, 6]


def test_export_csv_to_file(tmp_path):
    target = tmp_path / "programme.csv"
    export("programme", "--period", "2024-06", "--format", "csv", "-o", str(target))
    text = target.read_text(encoding="utf-8-sig")
    lines = text.splitlines()
    assert lines[0] == "section,workstream,project,rag,stage,heading,text"
    assert sum(1 for line in lines if line.startswith("project,")) == 19
    assert sum(1 for line in lines if line.startswith("progress_summary,")) == 7
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads it as UTF-8


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["programme", "--period", "2024-6"], "YYYY-MM"),
        (["programme", "--period", "2031-01"], "no reporting period 2031-01"),
        (["nonsense", "--period", "2024-06"], "Unknown dataset 'nonsense'"),
        (["programme", "--period", "2024-06", "--format", "pdf"], "--format must be one of"),
        (["programme", "--period", "2024-06", "--organisation", "nowhere"], "No organisation"),
        (["programme", "--period", "2024-06", "--organisation", "dorset"], "no reporting period"),
    ],
)
def test_export_bad_input(args, message):
    with pytest.raises(CommandError, match=message):
        export(*args)


def test_anonymous_api_is_401(client):
    response = client.get("/api/v1/programme", {"period": "2024-06"})
    assert response.status_code == 401
    assert response.json() == {"error": "Sign in to use the API"}


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        ({}, 400, "Give the period"),
        ({"period": "June"}, 404, "YYYY-MM"),
        ({"period": "2031-01"}, 404, "No reporting period 2031-01"),
        ({"period": "2024-06", "organisation": "dorset"}, 404, "No such organisation"),
    ],
)
def test_api_bad_input(signed_in, query, status, message):
    response = signed_in("councillor").get("/api/v1/programme", query)
    assert response.status_code == status
    assert message in response.json()["error"]


def test_api_is_read_only(signed_in):
    response = signed_in("office").post("/api/v1/programme?period=2024-06")
    assert response.status_code == 405
