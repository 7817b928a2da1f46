"""England's authorities, regions and statistical neighbours, from the DfE files the project ships.

The authorities and regions are read from the geography columns of the shipped tidy-data files
(every authority that has published since 2013, under every ONS code and name it used), and the
statistical neighbours from the DfE's 2025 model. Loading is idempotent.
"""

from __future__ import annotations

import csv
import functools
import io
from dataclasses import dataclass
from importlib import resources
from typing import Any

from django.db import transaction

from boardpack.benchmarking.models import (
    AuthorityCode,
    Closeness,
    LocalAuthority,
    Region,
    StatisticalNeighbour,
)
from boardpack.benchmarking.tidy import TidyFile, read_tidy

GEOGRAPHY_FILES = (
    "cla_number_and_rate_per_10k_children.csv",
    "csww_indicators_2017_to_2025.csv",
    "b1_children_in_need_2013_to_2025.csv",
)
NEIGHBOUR_FILE = "sn_model_2025_wide.csv"

CLOSENESS = {c.label.lower(): c.value for c in Closeness}


def shipped_file(name: str) -> bytes:
    return resources.files("boardpack.benchmarking").joinpath("data", name).read_bytes()


@dataclass
class _Seen:
    name: str
    new_code: str
    region_code: str
    year: str


def _sort_year(year: str) -> str:
    return year.ljust(6, "0")


@functools.cache
def shipped_tidy(name: str) -> TidyFile:
    """A shipped DfE file, parsed once per process."""
    return read_tidy(shipped_file(name), name=name)


def _sync(model: Any, key: str, wanted: dict[Any, dict[str, Any]]) -> dict[Any, Any]:
    """Make ``model``'s rows match ``wanted`` (by ``key``): bulk-create the missing, save only
    the changed; a second load writes nothing."""
    existing = {getattr(obj, key): obj for obj in model.objects.all()}
    missing = [model(**{key: k}, **values) for k, values in wanted.items() if k not in existing]
    for obj in missing:
        obj.full_clean(validate_unique=False)
    model.objects.bulk_create(missing)
    for k, values in wanted.items():
        obj = existing.get(k)
        if obj is not None and any(getattr(obj, f) != v for f, v in values.items()):
            for field, value in values.items():
                setattr(obj, field, value)
            obj.full_clean()
            obj.save()
    return {getattr(obj, key): obj for obj in model.objects.all()}


@transaction.atomic
def load_geography() -> dict[str, int]:
    """Create or update every region, authority, code and neighbour; return counts."""
    regions: dict[str, str] = {}
    latest: dict[str, _Seen] = {}
    codes: dict[tuple[str, str, str], list[str]] = {}
    for file_name in GEOGRAPHY_FILES:
        for row in shipped_tidy(file_name).rows:
            if row.level == "regional" and row.region_code:
                regions[row.region_code] = row.region_name
            if row.level != "authority":
                continue
            if row.region_code:
                regions.setdefault(row.region_code, row.region_name)
            seen = latest.get(row.old_la_code)
            if seen is None or _sort_year(row.time_period) >= _sort_year(seen.year):
                latest[row.old_la_code] = _Seen(
                    row.la_name, row.new_la_code, row.region_code, row.time_period
                )
            codes.setdefault((row.old_la_code, row.new_la_code, row.la_name), []).append(
                row.time_period
            )

    region_objects = _sync(Region, "code", {code: {"name": n} for code, n in regions.items()})
    authorities = _sync(
        LocalAuthority,
        "old_la_code",
        {
            la_code: {
                "name": seen.name,
                "new_la_code": seen.new_code,
                "region": region_objects[seen.region_code],
            }
            for la_code, seen in latest.items()
        },
    )
    existing_codes = {
        (c.authority.old_la_code, c.new_la_code, c.name): c
        for c in AuthorityCode.objects.select_related("authority")
    }
    new_codes = []
    for key, years in codes.items():
        ordered = sorted(years, key=_sort_year)
        span = {"first_year": ordered[0], "last_year": ordered[-1]}
        current = existing_codes.get(key)
        if current is None:
            new_codes.append(
                AuthorityCode(
                    authority=authorities[key[0]], new_la_code=key[1], name=key[2], **span
                )
            )
        elif (current.first_year, current.last_year) != (span["first_year"], span["last_year"]):
            current.first_year, current.last_year = span["first_year"], span["last_year"]
            current.save()
    AuthorityCode.objects.bulk_create(new_codes)
    neighbours = _load_neighbours(authorities)
    return {
        "regions": len(region_objects),
        "authorities": len(authorities),
        "codes": len(codes),
        "neighbours": neighbours,
    }


def _load_neighbours(authorities: dict[str, LocalAuthority]) -> int:
    text = shipped_file(NEIGHBOUR_FILE).decode("utf-8-sig")
    existing = {(n.authority_id, n.model, n.rank): n for n in StatisticalNeighbour.objects.all()}
    new = []
    count = 0
    for record in csv.DictReader(io.StringIO(text)):
        authority = authorities.get(record["old_la_code"].strip())
        if authority is None:
            continue
        for rank in range(1, 11):
            neighbour = authorities.get((record.get(f"SN_{rank}") or "").strip())
            if neighbour is None:
                continue
            closeness = CLOSENESS.get((record.get(f"SN_{rank}P") or "").strip().lower(), "")
            closeness = closeness or Closeness.NOT_CLOSE
            count += 1
            current = existing.get((authority.pk, "2025", rank))
            if current is None:
                new.append(
                    StatisticalNeighbour(
                        authority=authority,
                        neighbour=neighbour,
                        rank=rank,
                        closeness=closeness,
                        model="2025",
                    )
                )
            elif (current.neighbour_id, current.closeness) != (neighbour.pk, closeness):
                current.neighbour, current.closeness = neighbour, closeness
                current.save()
    StatisticalNeighbour.objects.bulk_create(new)
    return count
