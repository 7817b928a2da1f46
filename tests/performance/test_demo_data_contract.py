"""The performance demo data (``boardpack/performance/demo_data``) keeps its contract.

Pure data: the modules are loaded from their files, with no Django model involved, and checked
for the keys, vocabularies and cross-references the demo loader relies on — and for the one
promise that matters most, that every value is the figure its ``as_written`` text shows.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
from collections import Counter
from decimal import Decimal, InvalidOperation
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

DEMO_DATA = Path(__file__).resolve().parents[2] / "src" / "boardpack" / "performance" / "demo_data"

SOURCE_KEYS = {"key", "title", "date"}
INDICATOR_KEYS = {
    "code",
    "title",
    "definition",
    "unit",
    "decimals",
    "polarity",
    "frequency",
    "source",
    "service_area",
    "workstream",
    "numerator",
    "denominator",
    "dimensions",
}
TARGET_KEYS = {"indicator", "value", "date", "as_written", "source"}
OBSERVATION_KEYS = {
    "indicator",
    "date",
    "period_label",
    "area",
    "breakdown",
    "value",
    "qualifier",
    "as_written",
    "source",
    "commentary",
}
INSPECTION_KEYS = {"establishment", "town", "urn", "date", "type", "judgements", "source"}

UNITS = {"count", "percentage", "rate_per_10000", "gbp", "days", "ratio"}
POLARITIES = {"higher_is_better", "lower_is_better", "neither"}
FREQUENCIES = {"monthly", "quarterly", "termly", "annual", "ad_hoc"}
AREAS = {"authority", "england", "statistical_neighbours", "region"}
MISSING = {"suppressed", "not_available", "not_applicable"}
QUALIFIERS = {
    "exact",
    "approximate",
    "over",
    "under",
    "forecast",
    "estimate",
    "provisional",
} | MISSING
JUDGEMENTS = {"Outstanding", "Good", "Requires improvement", "Inadequate"}
# The workstreams of the demo programme (seed 001), the only names an indicator may link to.
WORKSTREAMS = {
    "Local mainstream school is the right choice for most children",
    "Developing an excellent workforce for children",
    "Families can access support early",
    "Sufficient homes for children in care and school places for children with additional "
    "needs in Somerset",
}
CODE = re.compile(r"^[A-Z0-9]+(?:-[A-Z0-9]+)*$")
DIMENSION = re.compile(r"^[a-z][a-z0-9_]*$")
# What the demo loader's models hold.
AS_WRITTEN_MAX = {"observation": 200, "target": 300}
PERIOD_LABEL_MAX = 100

NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
NUMBER = re.compile(r"(?<![\d.])(\d[\d,]*(?:\.\d+)?)\s*(m\b|million\b)?", re.IGNORECASE)


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"demo_data_{name}", DEMO_DATA / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


MODULES = {name: _load(name) for name in ("somerset", "dorset")}
SOMERSET = MODULES["somerset"]


def written_numbers(text: str) -> set[Decimal]:
    """Every figure a piece of seed text states: digits (commas dropped, "£105m" as pounds,
    a leading minus kept) and small numbers written as words."""
    found: set[Decimal] = set()
    for match in NUMBER.finditer(text):
        number = Decimal(match.group(1).replace(",", ""))
        if match.group(2):
            number *= 1_000_000
        before = text[: match.start()].rstrip()
        if before.endswith(("-", "−")) and not before[:-1].rstrip()[-1:].isdigit():
            number = -number
        found.add(number)
    for word in re.findall(r"[a-z]+", text.lower()):
        if word in NUMBER_WORDS:
            found.add(Decimal(NUMBER_WORDS[word]))
    return found


def _iso(text: Any) -> bool:
    try:
        return dt.date.fromisoformat(text).isoformat() == text
    except (TypeError, ValueError):
        return False


def _decimal(text: Any) -> Decimal | None:
    if not isinstance(text, str):
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _indicators(module: ModuleType) -> list[dict[str, Any]]:
    return list(module.INDICATORS) + list(getattr(module, "HELD_BACK_INDICATORS", []))


def _observations(module: ModuleType) -> list[dict[str, Any]]:
    return list(module.OBSERVATIONS) + list(getattr(module, "HELD_BACK_OBSERVATIONS", []))


@pytest.fixture(params=sorted(MODULES))
def module(request: pytest.FixtureRequest) -> ModuleType:
    return MODULES[request.param]


def test_the_number_reader_reads_what_the_seeds_write() -> None:
    assert written_numbers("circa 3700") == {Decimal(3700)}
    assert written_numbers("a service budget of £105m (excluding schools)") == {
        Decimal(105_000_000)
    }
    assert written_numbers("£1.4m savings") == {Decimal(1_400_000)}
    assert written_numbers("£1 million funding") == {Decimal(1_000_000)}
    assert written_numbers("are now at -5.8 points below") == {Decimal("-5.8")}
    assert written_numbers("6-8 already booked") == {Decimal(6), Decimal(8)}
    assert written_numbers("1,105") == {Decimal(1105)}
    assert written_numbers("the first two homes") == {Decimal(2)}
    assert Decimal(17) not in written_numbers("17.06%")


def test_each_module_defines_the_lists_with_exactly_the_contract_keys(module: ModuleType) -> None:
    for name, keys in (
        ("SOURCES", SOURCE_KEYS),
        ("INDICATORS", INDICATOR_KEYS),
        ("TARGETS", TARGET_KEYS),
        ("OBSERVATIONS", OBSERVATION_KEYS),
        ("INSPECTIONS", INSPECTION_KEYS),
        ("HELD_BACK_INDICATORS", INDICATOR_KEYS),
        ("HELD_BACK_OBSERVATIONS", OBSERVATION_KEYS),
    ):
        items = getattr(module, name, [])
        assert isinstance(items, list), name
        for item in items:
            assert isinstance(item, dict), (name, item)
            assert set(item) == keys, (name, item)


def test_sources_are_unique_and_dated(module: ModuleType) -> None:
    keys = [s["key"] for s in module.SOURCES]
    assert len(keys) == len(set(keys))
    for item in module.SOURCES:
        assert re.fullmatch(r"[a-z0-9-]+", item["key"]), item
        assert item["title"].strip(), item
        assert _iso(item["date"]), item


def test_indicators_use_the_vocabularies(module: ModuleType) -> None:
    indicators = _indicators(module)
    codes = Counter(i["code"] for i in indicators)
    assert [c for c, n in codes.items() if n > 1] == []
    for item in indicators:
        where = item["code"]
        assert CODE.fullmatch(item["code"]) and len(item["code"]) <= 60, where
        assert item["unit"] in UNITS, where
        assert item["polarity"] in POLARITIES, where
        assert item["frequency"] in FREQUENCIES, where
        assert isinstance(item["decimals"], int) and 0 <= item["decimals"] <= 6, where
        for key in ("title", "definition", "service_area"):
            assert isinstance(item[key], str) and item[key].strip(), (where, key)
        assert isinstance(item["source"], str), where
        assert item["workstream"] == "" or item["workstream"] in WORKSTREAMS, where
        assert isinstance(item["dimensions"], list), where
        assert len(item["dimensions"]) == len(set(item["dimensions"])), where
        assert all(DIMENSION.fullmatch(d) for d in item["dimensions"]), where
        for part in ("numerator", "denominator"):
            if item[part]:
                assert item[part] in codes and item[part] != item["code"], (where, part)
                assert item["unit"] in {"percentage", "rate_per_10000", "ratio"}, where
        assert bool(item["numerator"]) == bool(item["denominator"]), where


def test_every_indicator_has_a_figure_or_a_target(module: ModuleType) -> None:
    used = {o["indicator"] for o in _observations(module)} | {
        t["indicator"] for t in module.TARGETS
    }
    assert sorted({i["code"] for i in _indicators(module)} - used) == []


def test_targets(module: ModuleType) -> None:
    codes = {i["code"] for i in module.INDICATORS}
    sources = {s["key"] for s in module.SOURCES}
    seen = set()
    for item in module.TARGETS:
        where = (item["indicator"], item["date"])
        assert item["indicator"] in codes, where
        assert item["source"] in sources, where
        assert _iso(item["date"]), where
        value = _decimal(item["value"])
        assert value is not None, where
        assert value in written_numbers(item["as_written"]), where
        assert len(item["as_written"]) <= AS_WRITTEN_MAX["target"], where
        assert where not in seen, f"two targets for {where}"
        seen.add(where)


def test_observations(module: ModuleType) -> None:
    indicators = {i["code"]: i for i in _indicators(module)}
    loaded = {i["code"] for i in module.INDICATORS}
    sources = {s["key"] for s in module.SOURCES}
    identities: Counter[tuple[Any, ...]] = Counter()
    for n, item in enumerate(_observations(module)):
        where = (n, item["indicator"], item["date"], item["as_written"])
        assert item["indicator"] in indicators, where
        if item in module.OBSERVATIONS:
            assert item["indicator"] in loaded, where
        indicator = indicators[item["indicator"]]
        assert _iso(item["date"]), where
        assert item["area"] in AREAS, where
        assert item["qualifier"] in QUALIFIERS, where
        assert item["source"] in sources, where
        assert isinstance(item["period_label"], str), where
        assert len(item["period_label"]) <= PERIOD_LABEL_MAX, where
        assert isinstance(item["commentary"], str), where
        assert isinstance(item["breakdown"], dict), where
        for dim, cell in item["breakdown"].items():
            assert dim in indicator["dimensions"], where
            assert isinstance(cell, str) and cell.strip(), where
        # The figure as written ("circa 3700", "17.06%"), not the sentence: that is quoted in
        # the commentary, and the quote holds the figure.
        assert item["as_written"].strip(), where
        assert len(item["as_written"]) <= AS_WRITTEN_MAX["observation"], where
        assert len(item["as_written"]) <= 20, where
        for quote in re.findall(r"“(.*?)”", item["commentary"]):
            assert item["as_written"] in quote, where
        if item["value"] is None:
            assert item["qualifier"] in MISSING, where
        else:
            assert item["qualifier"] not in MISSING, where
            value = _decimal(item["value"])
            assert value is not None, where
            assert value in written_numbers(item["as_written"]), where
        identities[
            (
                item["indicator"],
                item["date"],
                item["area"],
                tuple(sorted(item["breakdown"].items())),
                item["source"],
                item["as_written"],
            )
        ] += 1
    assert [k for k, count in identities.items() if count > 1] == []


def test_loaded_values_fit_their_units(module: ModuleType) -> None:
    """What the loader refuses (a percentage outside 0–100, a negative count) is held back."""
    units = {i["code"]: i["unit"] for i in module.INDICATORS}
    for item in module.OBSERVATIONS + module.TARGETS:
        value = _decimal(item["value"])
        if value is None:
            continue
        unit = units[item["indicator"]]
        if unit == "percentage":
            assert 0 <= value <= 100, item
        if unit != "gbp":
            assert value >= 0, item
    for item in getattr(module, "HELD_BACK_OBSERVATIONS", []):
        unit = {i["code"]: i["unit"] for i in _indicators(module)}[item["indicator"]]
        value = _decimal(item["value"])
        assert value is not None
        assert value < 0 or (unit == "percentage" and value > 100), item


def test_inspections(module: ModuleType) -> None:
    sources = {s["key"] for s in module.SOURCES}
    for item in module.INSPECTIONS:
        where = item["establishment"]
        assert item["establishment"].strip(), item
        assert item["source"] in sources, where
        assert _iso(item["date"]), where
        assert isinstance(item["urn"], str) and isinstance(item["town"], str), where
        assert isinstance(item["type"], str), where
        areas = [j["area"] for j in item["judgements"]]
        assert areas and len(areas) == len(set(areas)), where
        for judgement in item["judgements"]:
            assert set(judgement) == {"area", "judgement"}, where
            assert judgement["judgement"] in JUDGEMENTS, where
    identities = Counter((i["establishment"], i["date"]) for i in module.INSPECTIONS)
    assert [k for k, n in identities.items() if n > 1] == []


def test_somerset_lists_the_thirty_inspections_the_seed_reports() -> None:
    inspections = SOMERSET.INSPECTIONS
    assert len(inspections) == 30
    assert len({i["urn"] for i in inspections}) == 30
    stated = [
        o
        for o in SOMERSET.OBSERVATIONS
        if o["indicator"] == "INSPECTIONS-COUNT" and o["source"] == "seed-002"
    ]
    assert [o["value"] for o in stated] == ["30"]
    overall = Counter(
        j["judgement"]
        for i in inspections
        for j in i["judgements"]
        if j["area"] == "Overall effectiveness"
    )
    assert overall == {"Good": 18, "Inadequate": 4, "Outstanding": 1, "Requires improvement": 6}
    (two,) = [i for i in inspections if len(i["judgements"]) == 2]
    assert two["establishment"] == "North Hill House"
    assert two["judgements"] == [
        {"area": "Education", "judgement": "Requires improvement"},
        {"area": "Social care", "judgement": "Good"},
    ]


def _cells(code: str) -> dict[tuple[str, ...], str]:
    """One indicator's figures by breakdown (its dimensions in name order); each cell once."""
    figures = [o for o in SOMERSET.OBSERVATIONS if o["indicator"] == code]
    cells = {tuple(o["breakdown"][d] for d in sorted(o["breakdown"])): o["value"] for o in figures}
    assert len(cells) == len(figures), f"{code} holds a cell twice"
    return cells


def _table(rows: dict[str, list[str]]) -> dict[tuple[str, str], str]:
    months = ("Sep", "Oct", "Nov", "Dec", "Jan")
    return {
        (year, month): cell
        for year, cells in rows.items()
        for month, cell in zip(months, cells, strict=True)
    }


def test_somerset_exclusion_tables_hold_every_cell() -> None:
    assert _cells("SUSPENSIONS") == _table(
        {
            "2020/21": ["503", "677", "825", "507", "71"],
            "2021/22": ["551", "580", "1105", "585", "778"],
            "2022/23": ["667", "849", "1216", "638", "451"],
        }
    )
    assert _cells("PERMANENT-EXCLUSIONS") == _table(
        {
            "2020/21": ["7", "1", "5", "13", "1"],
            "2021/22": ["9", "8", "16", "14", "13"],
            "2022/23": ["8", "10", "13", "8", "10"],
        }
    )
    assert _cells("CLA-SUSPENSIONS") == {("2020/21",): "70", ("2021/22",): "57"}
    assert _cells("CLA-SUSPENDED-CYP") == {("2020/21",): "41", ("2021/22",): "31"}
    assert _cells("CLA-PTT-AVERAGE") == {("2020/21",): "10.5", ("2021/22",): "30.0"}


def test_somerset_attendance_table_holds_every_cell() -> None:
    assert _cells("PUPILS-ON-ROLL") == {
        ("Primary",): "37291",
        ("PRU",): "127",
        ("Secondary",): "29630",
        ("Special",): "936",
    }
    assert _cells("PERSISTENT-ABSENCE") == {
        ("Primary",): "6363",
        ("PRU",): "108",
        ("Secondary",): "7068",
        ("Special",): "321",
    }
    assert _cells("PERSISTENT-ABSENCE-PCT") == {
        ("Primary",): "17.06",
        ("PRU",): "85.04",
        ("Secondary",): "23.85",
        ("Special",): "34.29",
    }
    by_type = {k: v for k, v in _cells("ATTENDANCE-PCT").items() if k}
    assert by_type == {
        ("Primary",): "94.26",
        ("PRU",): "54.59",
        ("Secondary",): "91.41",
        ("Special",): "83.09",
    }


def test_somerset_holds_both_figures_where_its_seeds_disagree() -> None:
    def values(code: str, date: str) -> set[tuple[str, str]]:
        return {
            (o["value"], o["source"])
            for o in SOMERSET.OBSERVATIONS
            if o["indicator"] == code and o["date"] == date and not o["breakdown"]
        }

    assert values("CLA-COUNT", "2023-03-31") == {("580", "seed-002"), ("570", "seed-002")}
    assert values("CARE-LEAVERS-COUNT", "2023-03-31") == {
        ("395", "seed-002"),
        ("582", "seed-002"),
    }


def test_somerset_targets_from_the_seeds() -> None:
    targets = {(t["indicator"], t["date"]): t["value"] for t in SOMERSET.TARGETS}
    assert targets[("SW-PERMANENT-PCT", "2018-03-31")] == "90"
    assert [
        targets[("FOSTER-CARERS-NET-ADDITIONAL", f"{year}-03-31")] for year in (2025, 2026, 2027)
    ] == ["10", "10", "10"]


@pytest.mark.parametrize(
    ("code", "date", "value", "qualifier", "written"),
    [
        ("WORKFORCE-HEADCOUNT", "2022-12-31", "3700", "approximate", "circa 3700"),
        ("EHCP-COUNT", "2023-03-31", "5000", "over", "over 5000"),
        ("PLACEMENTS-20-MILES-PCT", "2016-04-30", "28", "under", "under 28 per cent"),
        ("YOUNG-CARERS-SUPPORTED", "2023-03-31", "100", "approximate", "Approximately 100"),
        ("SW-VACANCIES", "2024-06-30", "42", "estimate", "estimated 42"),
        ("SW-VACANCIES", "2024-09-30", "9", "forecast", "9"),
        ("SW-CASELOAD-AVERAGE", "2024-06-30", "19.04", "exact", "19.04"),
        ("CLA-COUNT", "2024-06-30", "608", "exact", "608"),
        ("SERVICE-BUDGET", "2023-03-31", "105000000", "exact", "£105m"),
        ("INFLATION-SAVINGS", "2024-06-30", "1400000", "exact", "£1.4m"),
        ("EH-ALLOCATED-3WKS-PCT", "2022-12-31", "63.5", "exact", "63.5%"),
        ("FFD-CONTACTS", "2023-03-31", "5318", "exact", "5318"),
    ],
)
def test_somerset_figures_keep_the_qualifier_they_are_written_with(
    code: str, date: str, value: str, qualifier: str, written: str
) -> None:
    (figure,) = [
        o
        for o in SOMERSET.OBSERVATIONS
        if o["indicator"] == code and o["date"] == date and not o["breakdown"]
    ]
    assert (figure["value"], figure["qualifier"], figure["as_written"]) == (
        value,
        qualifier,
        written,
    )
