import json
from io import StringIO

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_how_do_we_compare_page(signed_in):
    response = signed_in("councillor").get("/somerset/benchmarks/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "How do we compare?" in text
    assert "Children looked after on 31 March, rate per 10,000 children" in text
    assert "10 of 10 with data" in text


def test_the_measure_page_shows_comparators_and_ranked_neighbours(signed_in):
    response = signed_in("councillor").get("/somerset/benchmarks/CLA-RATE-31-MARCH/")
    assert response.status_code == 200
    text = response.content.decode()
    for expected in (
        "Somerset, 2025",
        ">55<",
        ">67<",
        ">62<",
        "Quartile band",
        "<svg",
        "Somerset (us)",
        "statistical neighbours ranked",
    ):
        assert expected in text, expected


def test_export_lists_each_figure_as_a_field_of_its_own():
    out = StringIO()
    call_command("export", "benchmarks", "--period", "2025-03", "--format", "json", stdout=out)
    doc = json.loads(out.getvalue())
    assert doc["authority"] == "Somerset" and doc["la_code"] == "933"
    rate = next(m for m in doc["measures"] if m["measure"] == "CLA-RATE-31-MARCH")
    assert rate["year"] == "2025"
    assert rate["value"] == {"value": "55", "symbol": ""}
    assert rate["england"] == {"value": "67", "symbol": ""}
    assert rate["region"] == {"name": "South West", "value": "62", "symbol": ""}
    assert rate["statistical_neighbours"]["with_data"] == 10
    assert rate["statistical_neighbours"]["of"] == 10
    assert rate["statistical_neighbours"]["mean"]
    assert isinstance(rate["rank"], int) and rate["ranked_of"] >= 150
    assert rate["quartile_band"] in {"A", "B", "C", "D"}
    codes = {m["measure"] for m in doc["measures"]}
    assert {
        "SW-TURNOVER-RATE",
        "SW-AGENCY-RATE",
        "SW-VACANCY-RATE",
        "SW-AVERAGE-CASELOAD",
        "CIN-AT-31-MARCH",
        "CLA-COUNT-31-MARCH",
    } <= codes


def test_the_api_gives_the_same_document(signed_in):
    api = signed_in("office").get("/api/v1/benchmarks", {"period": "2025-03"})
    assert api.status_code == 200
    out = StringIO()
    call_command("export", "benchmarks", "--period", "2025-03", "--format", "json", stdout=out)
    assert api.json() == json.loads(out.getvalue())
    measure = signed_in("office").get("/api/v1/benchmarks/CLA-RATE-31-MARCH")
    years = {y["year"]: y for y in measure.json()["years"]}
    assert years["2025"]["england"]["value"] == "67"
    assert set(years) == {"2021", "2022", "2023", "2024", "2025"}


def test_another_organisation_cannot_read_somersets_benchmarks(signed_in):
    dorset = signed_in("dorset.office")
    assert (
        dorset.get("/api/v1/benchmarks/CLA-RATE-31-MARCH", {"organisation": "somerset"}).status_code
        == 404
    )
    assert dorset.get("/somerset/benchmarks/").status_code == 404
    own = dorset.get("/api/v1/benchmarks", {"period": "2025-03"}).json()
    assert own["authority"] == "Dorset" and own["la_code"] == "838"


def _copy_measure(somerset, code: str, n: int) -> None:
    """``n`` more measures holding the figures of ``code`` for every authority and year."""
    from boardpack.benchmarking.models import BenchmarkValue, Measure

    measure = Measure.objects.get(organisation=somerset, code=code)
    values = list(measure.values.all())
    for i in range(n):
        copy = Measure.objects.create(
            organisation=somerset, code=f"{code}-COPY-{i}", title=f"Copy {i} of {measure.title}"
        )
        BenchmarkValue.objects.bulk_create(
            BenchmarkValue(
                measure=copy,
                **{
                    f: getattr(v, f)
                    for f in ("year", "level", "area_code", "area_name", "value", "symbol")
                },
                region_code=v.region_code,
            )
            for v in values
        )


def _queries(client, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries.captured_queries)


def test_the_pages_read_every_authority_in_a_few_queries(signed_in, somerset, page_cache_off):
    """The speed line's query budget: at most 20, however many measures and authorities."""
    from boardpack.benchmarking.models import BenchmarkValue

    client = signed_in("councillor")
    rate = "/somerset/benchmarks/CLA-RATE-31-MARCH/"
    authorities = BenchmarkValue.objects.filter(
        measure__code="CLA-RATE-31-MARCH", year="2025", level="authority"
    ).count()
    assert authorities >= 153
    client.get("/somerset/benchmarks/")  # the first page after signing in starts the idle clock
    compare_before, measure_before = (
        _queries(client, "/somerset/benchmarks/"),
        _queries(client, rate),
    )
    _copy_measure(somerset, "CLA-RATE-31-MARCH", 4)
    compare_after, measure_after = _queries(client, "/somerset/benchmarks/"), _queries(client, rate)
    assert compare_after == compare_before <= 20
    assert measure_after == measure_before <= 20
