"""The import pages take performance figures like any other dataset."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from boardpack.imports.models import ImportRun
from boardpack.performance.models import Observation
from tests.imports.helpers import csv_bytes

pytestmark = pytest.mark.django_db


def test_the_template_and_an_upload_of_figures(testshire, as_user):
    client = as_user("t.analyst")
    template = client.get("/testshire/imports/templates/indicators.csv")
    assert template.status_code == 200
    assert "Indicator" in template.content.decode("utf-8-sig").splitlines()[0]
    start = client.get("/testshire/imports/")
    assert start.status_code == 200 and "Performance figures" in start.content.decode()
    data = csv_bytes(
        [
            ["indicator", "date", "value", "as_written"],
            ["CLA-COUNT", "30/06/2023", "600", "600"],
        ]
    )
    response = client.post(
        "/testshire/imports/",
        {
            "dataset": "indicators",
            "period": "2023-03",
            "file": SimpleUploadedFile("figures.csv", data, content_type="text/csv"),
        },
    )
    assert response.status_code == 302
    preview = client.get(response["Location"])
    assert preview.status_code == 200
    assert "CLA-COUNT 2023-06-30" in preview.content.decode()
    run = ImportRun.objects.get(organisation=testshire, dataset="indicators")
    assert run.new_count == 1 and run.problem_count == 0
    assert not Observation.objects.filter(indicator__code="CLA-COUNT", date="2023-06-30").exists()
