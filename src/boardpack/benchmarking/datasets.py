"""The ``benchmarks`` dataset: every benchmarked measure compared, for export and the API."""

from __future__ import annotations

from typing import Any

from boardpack.benchmarking import selectors
from boardpack.core.datasets import Dataset, Rows
from boardpack.core.models import Organisation, ReportingPeriod

BENCHMARKS_HEADER = [
    "measure",
    "title",
    "year",
    "authority",
    "value",
    "symbol",
    "england",
    "region",
    "region_value",
    "sn_mean",
    "sn_with_data",
    "sn_of",
    "rank",
    "ranked_of",
    "quartile_band",
    "previous_year",
    "change_since_previous_year",
]


def benchmarks_document(organisation: Organisation, period: ReportingPeriod) -> dict[str, Any]:
    """Each measure in the time period ending in the period's financial year (2025-03 → 2025)."""
    end_year = period.period.financial_year.last_month.year
    home = selectors.home_authority(organisation)
    comparisons = []
    for comparison in selectors.comparisons_for_year_ending(organisation, end_year):
        comparisons.append(selectors.comparison_document(comparison))
    return {
        "period": period.key,
        "authority": home.authority.name if home else None,
        "la_code": home.authority.old_la_code if home else None,
        "measures": comparisons,
    }


def benchmarks_rows(doc: dict[str, Any]) -> Rows:
    body = []
    for m in doc["measures"]:
        body.append(
            [
                m["measure"],
                m["title"],
                m["year"],
                m["authority"],
                m["value"]["value"],
                m["value"]["symbol"],
                m["england"]["value"],
                m["region"]["name"],
                m["region"]["value"],
                m["statistical_neighbours"]["mean"],
                m["statistical_neighbours"]["with_data"],
                m["statistical_neighbours"]["of"],
                m["rank"],
                m["ranked_of"],
                m["quartile_band"],
                m["previous_year"],
                m["change_since_previous_year"],
            ]
        )
    return BENCHMARKS_HEADER, body


BENCHMARKS = Dataset(
    name="benchmarks",
    title="Benchmarks against every English authority",
    document=benchmarks_document,
    rows=benchmarks_rows,
    any_month=True,
)
