import pytest


@pytest.mark.parametrize("dataset", ["savings", "budget", "dsg"])
def test_the_api_serves_each_finance_document(signed_in, dataset):
    response = signed_in("councillor").get(f"/api/v1/finance/{dataset}?period=2022-12")
    assert response.status_code == 200
    assert response.json()["period"] == "2022-12"


def test_the_savings_document_has_exactly_the_agreed_shape(signed_in):
    doc = signed_in("analyst").get("/api/v1/finance/savings?period=2024-06").json()
    assert list(doc) == ["period", "lines", "totals"]
    assert doc["totals"]["target"] == "9568900"
    assert doc["lines"][0] == {
        "ref": "CFE001",
        "description": "Home to school transport",
        "target": "324500",
        "over_achieved": None,
        "achieved": "149000",
        "on_track": "175500",
        "at_risk": None,
        "comment": "Overachieved on savings/cost avoidance for 23/24. "
        "86% of cost avoidance for 24/25 achieved",
    }


def test_budget_document_carries_computed_figures_as_strings(signed_in):
    doc = signed_in("finance").get("/api/v1/finance/budget?period=2022-12&organisation=somerset")
    total = doc.json()["total"]
    assert (total["variance"], total["marker"], total["movement"], total["direction"]) == (
        "20.8",
        "A",
        "3.6",
        "↓",
    )


@pytest.mark.parametrize(
    ("query", "status"),
    [("", 400), ("?period=June", 404), ("?period=2030-01", 404)],
)
def test_bad_periods_get_json_errors(signed_in, query, status):
    response = signed_in("finance").get(f"/api/v1/finance/dsg{query}")
    assert response.status_code == status
    assert "error" in response.json()


def test_the_api_needs_a_sign_in(client):
    assert client.get("/api/v1/finance/savings?period=2024-06").status_code == 401
