"""Governance fixtures. The demo's minutes state no meeting dates, so a test that needs dates
(overdue, "since the last meeting", due dates after the meeting) holds its own dated meetings of
the demo's Somerset committee, and passes ``today`` in: a fixed clock."""

import datetime

import pytest

from boardpack.governance import services
from boardpack.governance.models import Committee, Meeting

MEETING_DAY = datetime.date(2024, 7, 10)
NEXT_MEETING_DAY = datetime.date(2024, 9, 11)


def minuted_meeting(organisation: str) -> Meeting:
    """The demo's meeting of that organisation: the one with the minutes (an agenda item)."""
    return (
        Meeting.objects.filter(committee__organisation__slug=organisation, items__isnull=False)
        .distinct()
        .get()
    )


@pytest.fixture
def committee(somerset) -> Committee:
    return Committee.objects.get(organisation=somerset, slug="scrutiny")


@pytest.fixture
def meeting(committee) -> Meeting:
    """A meeting held on 10 July 2024 (the test's, not the demo's)."""
    return services.meeting_save(committee=committee, date=MEETING_DAY, title="")


@pytest.fixture
def next_meeting(committee) -> Meeting:
    """The committee's following meeting, on 11 September 2024."""
    return services.meeting_save(committee=committee, date=NEXT_MEETING_DAY, title="")
