"""A finance officer's journey through the upload pages, and who may not take it."""

import io

import pytest
from django.urls import reverse

from boardpack.finance.models import SavingPosition
from boardpack.imports.models import ImportRun, SavedLayout
from tests.imports.helpers import SAVINGS_HEADER, xlsx

pytestmark = pytest.mark.django_db


def upload(client, data: bytes, name: str = "tracker.xlsx", **fields):
    handle = io.BytesIO(data)
    handle.name = name
    payload = {"dataset": "savings", "period": "2024-06", "unit": "", "file": handle} | fields
    return client.post(reverse("imports:start", kwargs={"org": "somerset"}), payload)


def test_start_page_lists_datasets_and_templates(signed_in):
    response = signed_in("finance").get(reverse("imports:start", kwargs={"org": "somerset"}))
    assert response.status_code == 200
    assert b"govuk-file-upload" in response.content
    assert b"MTFP savings" in response.content and b"Revenue budget monitoring" in response.content


def test_template_downloads(signed_in):
    client = signed_in("finance")
    for fmt in ("xlsx", "csv"):
        url = reverse(
            "imports:template", kwargs={"org": "somerset", "dataset": "budget", "fmt": fmt}
        )
        response = client.get(url + "?period=2022-12&figures=1")
        assert response.status_code == 200
        assert "attachment" in response["Content-Disposition"]
    csv_text = client.get(
        reverse("imports:template", kwargs={"org": "somerset", "dataset": "budget", "fmt": "csv"})
        + "?period=2022-12&figures=1"
    ).content.decode("utf-8-sig")
    assert "Prevention" in csv_text


def test_upload_preview_apply(signed_in):
    client = signed_in("finance")
    data = xlsx(
        [SAVINGS_HEADER, ["CFE010", "", "11,100", "", "11,100", "", "", "Cancelled in May"]]
    )
    response = upload(client, data)
    run = ImportRun.objects.latest("pk")
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "imports:preview", kwargs={"org": "somerset", "run": run.pk}
    )
    preview = client.get(response["Location"])
    assert preview.status_code == 200
    assert b"Cancelled in May" in preview.content and b"Apply 1 change" in preview.content
    run.refresh_from_db()
    assert run.status == ImportRun.Status.READY
    applied = client.post(
        reverse("imports:apply", kwargs={"org": "somerset", "run": run.pk}),
        {"fingerprint": run.plan_fingerprint},
    )
    assert applied.status_code == 302
    assert client.get(applied["Location"]).status_code == 200
    run.refresh_from_db()
    assert run.status == ImportRun.Status.APPLIED
    assert SavingPosition.objects.get(
        line__reference="CFE010", period__month="2024-06-01"
    ).comment == ("Cancelled in May")


def test_apply_refuses_a_plan_that_is_not_the_one_previewed(signed_in):
    client = signed_in("finance")
    upload(client, xlsx([SAVINGS_HEADER, ["CFE010", "", "11,100", "", "11,100", "", "", "New"]]))
    run = ImportRun.objects.latest("pk")
    client.get(reverse("imports:preview", kwargs={"org": "somerset", "run": run.pk}))
    response = client.post(
        reverse("imports:apply", kwargs={"org": "somerset", "run": run.pk}),
        {"fingerprint": "forged"},
    )
    assert response.status_code == 302
    run.refresh_from_db()
    assert run.status != ImportRun.Status.APPLIED


def test_preview_lists_every_problem_in_an_error_summary(signed_in):
    client = signed_in("finance")
    data = xlsx(
        [
            SAVINGS_HEADER,
            ["CFE001", "", "lots", "", "", "", "", ""],
            ["CFE003", "", "(5)", "", "", "", "", ""],
        ],
        title="MTFP",
    )
    preview = client.get(upload(client, data)["Location"])
    assert preview.status_code == 200
    content = preview.content.decode()
    assert "govuk-error-summary" in content
    assert "Sheet ‘MTFP’, row 2, column C (Target)" in content
    assert "Sheet ‘MTFP’, row 3, column C (Target)" in content
    assert "Apply" not in content.split("govuk-button-group")[-1].split("</form>")[0]
    assert ImportRun.objects.latest("pk").status == ImportRun.Status.REFUSED


def test_upload_form_errors(signed_in, settings):
    client = signed_in("finance")
    response = upload(client, xlsx([SAVINGS_HEADER]), period="June 2024")
    assert response.status_code == 200 and "written YYYY-MM" in response.content.decode()
    settings.BOARDPACK_MAX_UPLOAD_BYTES = 100
    response = upload(client, xlsx([SAVINGS_HEADER]))
    assert (
        response.status_code == 200
        and "largest file Boardpack accepts" in response.content.decode()
    )


def test_unknown_layout_is_mapped_once_and_remembered(signed_in):
    client = signed_in("finance")
    data = xlsx(
        [
            ["Savings tracker June"],
            ["Scheme", "Saving", "Value £", "Delivered", "Likely", "Risky", "Notes"],
            ["CFE010", "Cease funding MOMO app", "11,100", "11,100", "", "", "Done"],
        ]
    )
    response = upload(client, data, name="own.xlsx")
    run = ImportRun.objects.latest("pk")
    preview_url = response["Location"]
    mapping_url = reverse("imports:mapping", kwargs={"org": "somerset", "run": run.pk})
    assert client.get(preview_url)["Location"] == mapping_url
    page = client.get(mapping_url)
    assert page.status_code == 200 and b"Match the columns" in page.content
    mapped = client.post(
        mapping_url,
        {
            "reference": "0",
            "description": "1",
            "target": "2",
            "over_achieved": "",
            "achieved": "3",
            "on_track": "4",
            "at_risk": "5",
            "comment": "6",
            "financial_year": "",
            "period": "",
        },
    )
    assert mapped["Location"] == preview_url
    assert client.get(preview_url).status_code == 200
    assert SavedLayout.objects.filter(dataset="savings").count() == 1
    # The next file laid out the same way goes straight to the preview.
    second = upload(client, data, name="own-july.xlsx")
    preview = client.get(second["Location"])
    assert preview.status_code == 200
    assert b"a layout you matched before" in preview.content


def test_mapping_refuses_one_column_for_two_fields(signed_in):
    client = signed_in("finance")
    upload(client, xlsx([["Code", "Value"], ["CFE010", "11,100"]]))
    run = ImportRun.objects.latest("pk")
    response = client.post(
        reverse("imports:mapping", kwargs={"org": "somerset", "run": run.pk}),
        {"reference": "0", "target": "0"},
    )
    assert response.status_code == 200 and "already matched" in response.content.decode()


def test_dorset_user_gets_404_on_somerset_imports(signed_in):
    finance = signed_in("finance")
    upload(finance, xlsx([SAVINGS_HEADER, ["CFE010", "", "11,100", "", "11,100", "", "", ""]]))
    run = ImportRun.objects.latest("pk")
    dorset = signed_in("dorset.office")
    org = {"org": "somerset"}
    assert dorset.get(reverse("imports:start", kwargs=org)).status_code == 404
    for name in ("preview", "mapping", "done"):
        assert (
            dorset.get(reverse(f"imports:{name}", kwargs=org | {"run": run.pk})).status_code == 404
        )
    applied = dorset.post(
        reverse("imports:apply", kwargs=org | {"run": run.pk}), {"fingerprint": ""}
    )
    assert applied.status_code == 404
    template = reverse("imports:template", kwargs=org | {"dataset": "savings", "fmt": "csv"})
    assert dorset.get(template).status_code == 404


def test_someone_elses_run_is_404(signed_in, somerset):
    finance = signed_in("finance")
    upload(finance, xlsx([SAVINGS_HEADER, ["CFE010", "", "11,100", "", "11,100", "", "", ""]]))
    run = ImportRun.objects.latest("pk")
    analyst = signed_in("analyst")
    assert (
        analyst.get(
            reverse("imports:preview", kwargs={"org": "somerset", "run": run.pk})
        ).status_code
        == 404
    )


def test_roles_without_the_permission_get_403(signed_in):
    for username in ("councillor", "office"):
        client = signed_in(username)
        assert client.get(reverse("imports:start", kwargs={"org": "somerset"})).status_code == 403


def test_signed_out_users_are_sent_to_sign_in(client):
    response = client.get(reverse("imports:start", kwargs={"org": "somerset"}))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign-in"))
