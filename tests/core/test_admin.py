"""The admin, for reference data, shows a staff user only their own organisation's records."""

import pytest

from boardpack.programme.models import Workstream
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_programme_office_manages_reference_data_in_the_admin():
    client = client_for("office")
    response = client.get("/admin/programme/workstream/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Sufficient homes for children in care" in text
    assert "Adolescent service" not in text


def test_another_organisations_record_is_not_found_in_the_admin():
    dorset_workstream = Workstream.objects.get(slug="adolescent-service")
    response = client_for("office").get(
        f"/admin/programme/workstream/{dorset_workstream.pk}/change/"
    )
    assert response.status_code == 404
    assert "Adolescent service" not in response.content.decode()


def test_admin_choices_are_scoped():
    client = client_for("office")
    response = client.get("/admin/programme/project/add/")
    assert response.status_code == 200
    form = response.context["adminform"].form
    workstreams = set(form.fields["workstream"].queryset.values_list("slug", flat=True))
    assert "adolescent-service" not in workstreams
    assert "sufficient-homes" in workstreams


def test_readers_have_no_admin():
    response = client_for("councillor").get("/admin/programme/workstream/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
