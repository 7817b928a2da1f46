"""The governance pages, read as the programme office and a councillor would."""

import pytest

from boardpack.governance.models import Action, Meeting
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def somerset_meeting() -> Meeting:
    return Meeting.objects.get(committee__organisation__slug="somerset", date="2024-06-26")


@pytest.mark.parametrize("username", ["office", "councillor"])
def test_every_governance_page_shows(username):
    client = client_for(username)
    meeting = somerset_meeting()
    action = Action.objects.filter(meeting=meeting).first()
    for url in [
        "/somerset/governance/",
        "/somerset/governance/committees/scrutiny-children-families/",
        "/somerset/governance/committees/scrutiny-children-families/since-last-meeting/",
        f"/somerset/governance/meetings/{meeting.pk}/",
        "/somerset/governance/actions/",
        f"/somerset/governance/actions/{action.pk}/",
        "/somerset/governance/work-plan/",
        "/somerset/governance/risks/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
