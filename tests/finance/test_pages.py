import pytest

PAGES = [
    "/somerset/finance/savings/2024-06/",
    "/somerset/finance/budget/2022-12/",
    "/somerset/finance/budget/2022-10/",
    "/somerset/finance/dsg/2022-12/",
    "/somerset/finance/dsg/2024-06/",  # a period without DSG figures still shows a page
]
API = ["savings", "budget", "dsg"]


@pytest.mark.parametrize("user", ["finance", "councillor", "office", "analyst", "lead.homes"])
@pytest.mark.parametrize("url", PAGES)
def test_somerset_users_see_the_finance_pages(signed_in, user, url):
    response = signed_in(user).get(url)
    assert response.status_code == 200
    assert "govuk-service-navigation__item--active" in response.content.decode()


@pytest.mark.parametrize("url", PAGES + ["/somerset/finance/"])
def test_dorset_users_get_404_for_every_somerset_page(signed_in, url):
    assert signed_in("dorset.office").get(url).status_code == 404


@pytest.mark.parametrize("dataset", API)
def test_dorset_users_get_404_for_every_somerset_document(signed_in, dataset):
    client = signed_in("dorset.office")
    response = client.get(f"/api/v1/finance/{dataset}?period=2022-12&organisation=somerset")
    assert response.status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/somerset/finance/savings/2019-01/",
        "/somerset/finance/budget/2022-13/",
        "/somerset/finance/dsg/december/",
        "/somerset/finance/savings/2024-06/?switch=2030-01",
    ],
)
def test_unknown_periods_are_404(signed_in, url):
    assert signed_in("finance").get(url).status_code == 404


def test_signed_out_visitors_are_sent_to_sign_in(client):
    response = client.get("/somerset/finance/savings/2024-06/")
    assert response.status_code == 302
    assert "sign-in" in response["Location"]


def test_the_finance_index_opens_the_latest_tracker(signed_in):
    response = signed_in("finance").get("/somerset/finance/")
    assert response.status_code == 302
    assert response["Location"] == "/somerset/finance/savings/2024-06/"


def test_the_period_switcher_moves_to_the_chosen_period(signed_in):
    response = signed_in("finance").get("/somerset/finance/budget/2022-12/?switch=2022-10")
    assert response["Location"] == "/somerset/finance/budget/2022-10/"


def test_the_tracker_page_is_laid_out_as_the_seed(signed_in):
    html = signed_in("finance").get("/somerset/finance/savings/2024-06/").content.decode()
    for text in ("CFE2324-05", "9,568,900", "1,371,200", "4,166,400", "4,031,300", "TOTALS"):
        assert text in html
    assert "Savings delivery by status" in html
    assert "<svg" in html and 'role="img"' in html and "data as a table" in html


def test_the_budget_page_shows_markers_arrows_and_totals(signed_in):
    html = signed_in("finance").get("/somerset/finance/budget/2022-12/").content.decode()
    for text in ("Fostering &amp; Permanence", "(0.4)", "(F)", "↓", "↑", "→", "sub total"):
        assert text in html
    assert "Children&#x27;s Services Total" in html and "126.1" in html
    assert "Revenue budget variance by service line" in html


def test_the_dsg_page_shows_what_the_source_stated_beside_what_is_computed(signed_in):
    html = signed_in("finance").get("/somerset/finance/dsg/2022-12/").content.decode()
    assert "108.0" in html and "source: 107.9" in html
    assert "£20.1m" in html and "£24m" in html
    assert "within the rounding tolerance" in html


def test_the_finance_navigation_links_to_finance(signed_in):
    html = signed_in("office").get("/somerset/programme/2024-06/").content.decode()
    assert 'href="/somerset/finance/"' in html


def test_the_admin_shows_only_the_users_own_service_areas(signed_in, dorset):
    from django.contrib.auth.models import Permission

    from boardpack.accounts.models import User

    user = User.objects.get(username="finance")
    user.is_staff = True
    user.save()
    user.user_permissions.add(Permission.objects.get(codename="view_servicearea"))
    response = signed_in("finance").get("/admin/finance/servicearea/")
    assert response.status_code == 200
    assert "Fostering &amp; Permanence" in response.content.decode()
