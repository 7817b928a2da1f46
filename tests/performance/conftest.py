"""A test organisation, Testshire, loaded from the small fixture data (not the seeds), with an
analyst and a councillor of its own."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from boardpack.accounts.models import Membership, User
from boardpack.accounts.roles import Role
from boardpack.core.models import Organisation, ReportingPeriod
from boardpack.performance.demo import load_data
from tests.performance import fixture_data


@pytest.fixture
def testshire(db) -> Organisation:
    organisation = Organisation.objects.create(slug="testshire", name="Testshire Council")
    load_data(organisation, fixture_data)
    for username, role in (
        ("t.analyst", Role.PERFORMANCE_ANALYST),
        ("t.councillor", Role.COUNCILLOR),
    ):
        user = User.objects.create(username=username)
        user.groups.add(Group.objects.get(name=role))
        Membership.objects.create(user=user, organisation=organisation)
    return organisation


@pytest.fixture
def march(testshire: Organisation) -> ReportingPeriod:
    return ReportingPeriod.objects.get(organisation=testshire, month="2023-03-01")


@pytest.fixture
def analyst(testshire: Organisation) -> User:
    return User.objects.get(username="t.analyst")


@pytest.fixture
def as_user():
    def client(username: str) -> Client:
        c = Client()
        c.force_login(User.objects.get(username=username))
        return c

    return client


def add_indicators(organisation: Organisation, n: int) -> None:
    """``n`` more indicators with three figures each: for counting queries."""
    import datetime as dt
    from decimal import Decimal

    from boardpack.performance import services
    from boardpack.performance.models import Source

    source = Source.objects.filter(organisation=organisation).first()
    assert source is not None
    for i in range(n):
        indicator = services.indicator_set(
            organisation=organisation,
            code=f"EXTRA-{i}",
            title=f"Extra {i}",
            unit="count",
            polarity="higher_is_better",
            frequency="monthly",
            service_area=f"Area {i % 3}",
        )
        services.target_set(indicator=indicator, date=dt.date(2024, 3, 31), value=Decimal(50))
        for month in (1, 2, 3):
            services.observation_set(
                indicator=indicator,
                date=dt.date(2023, month, 28),
                source=source,
                value=Decimal(40 + month),
            )
