"""The demo authorities' benchmarks: the DfE files the project ships, mapped as an analyst would.

Somerset (LA code 933) carries children looked after (count and rate), the social work workforce
(turnover, agency, vacancy, caseload) and children in need, for every year in the files, beside
England, the South West and its statistical neighbours. Dorset (838) has its home authority
set, and no benchmarks yet: its analyst has not mapped a file.
"""

from __future__ import annotations

from boardpack.benchmarking.geography import load_geography, shipped_tidy
from boardpack.benchmarking.models import HomeAuthority, LocalAuthority, Polarity, Unit
from boardpack.benchmarking.services import MappingEntry, import_tidy, mapping_save
from boardpack.core.models import Organisation

CLA_ON_31_MARCH = {"population_type": "Children looked after on 31 March each year"}
CLA_STARTING = {"population_type": "Children starting to be looked after each year"}

DEMO_MAPPINGS: dict[str, tuple[str, str, list[MappingEntry]]] = {
    "dfe-cla-number-and-rate": (
        "cla_number_and_rate_per_10k_children.csv",
        "DfE, Children looked after in England including adoptions",
        [
            MappingEntry(
                "rate_per_10000",
                CLA_ON_31_MARCH,
                "CLA-RATE-31-MARCH",
                "Children looked after on 31 March, rate per 10,000 children",
                Unit.RATE_PER_10000,
                Polarity.NEITHER,
                0,
            ),
            MappingEntry(
                "children_count",
                CLA_ON_31_MARCH,
                "CLA-COUNT-31-MARCH",
                "Children looked after on 31 March",
                Unit.COUNT,
                Polarity.NEITHER,
                0,
            ),
            MappingEntry(
                "rate_per_10000",
                CLA_STARTING,
                "CLA-STARTING-RATE",
                "Children starting to be looked after in the year, rate per 10,000 children",
                Unit.RATE_PER_10000,
                Polarity.NEITHER,
                0,
            ),
        ],
    ),
    "dfe-csww-indicators": (
        "csww_indicators_2017_to_2025.csv",
        "DfE, Children's social work workforce",
        [
            MappingEntry(
                "turnover_rate_fte",
                {},
                "SW-TURNOVER-RATE",
                "Children's social worker turnover rate (FTE, %)",
                Unit.PERCENTAGE,
                Polarity.LOWER_IS_BETTER,
                1,
            ),
            MappingEntry(
                "agency_rate_fte",
                {},
                "SW-AGENCY-RATE",
                "Agency children's social workers (FTE, %)",
                Unit.PERCENTAGE,
                Polarity.LOWER_IS_BETTER,
                1,
            ),
            MappingEntry(
                "vacancy_rate_fte",
                {},
                "SW-VACANCY-RATE",
                "Children's social worker vacancy rate (FTE, %)",
                Unit.PERCENTAGE,
                Polarity.LOWER_IS_BETTER,
                1,
            ),
            MappingEntry(
                "caseload_fte",
                {},
                "SW-AVERAGE-CASELOAD",
                "Average caseload per case-holding social worker (FTE)",
                Unit.RATIO,
                Polarity.LOWER_IS_BETTER,
                1,
            ),
        ],
    ),
    "dfe-children-in-need": (
        "b1_children_in_need_2013_to_2025.csv",
        "DfE, Characteristics of children in need",
        [
            MappingEntry(
                "At31_episodes",
                {"category": "Children in Need"},
                "CIN-AT-31-MARCH",
                "Children in need on 31 March",
                Unit.COUNT,
                Polarity.NEITHER,
                0,
            ),
        ],
    ),
}

HOME_AUTHORITIES = {"somerset": "933", "dorset": "838"}
# Only Somerset's analyst has mapped the DfE files in the demo; Dorset starts with none.
BENCHMARKED = {"somerset"}


def load_benchmarking_demo(orgs: dict[str, Organisation] | None = None) -> None:
    """Idempotent: geography, each demo organisation's home authority, mappings and figures."""
    load_geography()
    for slug, la_code in HOME_AUTHORITIES.items():
        organisation = Organisation.objects.filter(slug=slug).first()
        authority = LocalAuthority.objects.filter(old_la_code=la_code).first()
        if organisation is None or authority is None:
            continue
        HomeAuthority.objects.get_or_create(
            organisation=organisation, defaults={"authority": authority}
        )
        if slug not in BENCHMARKED:
            continue
        for name, (file_name, source, entries) in DEMO_MAPPINGS.items():
            tidy = shipped_tidy(file_name)
            mapping_save(
                organisation=organisation, name=name, columns=tidy.columns, entries=entries
            )
            result = import_tidy(
                organisation=organisation, tidy=tidy, entries=entries, source=source
            )
            if not result.ok:
                raise RuntimeError(f"Demo benchmarks {name}: {result.problems[:3]}")
