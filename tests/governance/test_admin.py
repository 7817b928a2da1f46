"""The governance admin shows a staff user only their own organisation's records."""

import pytest

from boardpack.governance.models import Action
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_governance_admin_is_scoped_to_the_users_organisation():
    client = client_for("office")
    listing = client.get("/admin/governance/action/").content.decode()
    assert "members are welcome to visit if wish" in listing
    assert "The Chairman also requested" not in listing
    dorset_action = Action.objects.get(report_template_slug="members-quarterly")
    response = client.get(f"/admin/governance/action/{dorset_action.pk}/change/")
    assert response.status_code == 404  # another organisation's record is not there at all


def test_governance_admin_choices_are_scoped():
    response = client_for("office").get("/admin/governance/action/add/")
    assert response.status_code == 200
    form = response.context["adminform"].form
    committees = {m.committee.organisation.slug for m in form.fields["meeting"].queryset}
    assert committees == {"somerset"}
