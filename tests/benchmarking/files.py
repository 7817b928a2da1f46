"""Tidy-data files for the tests, written here as a council analyst would download them."""

from __future__ import annotations

HEADER = (
    "time_period,time_identifier,geographic_level,country_code,country_name,region_code,"
    "region_name,old_la_code,new_la_code,la_name,characteristic,number_of_children,"
    "percent_with_plan"
)


def row(year: str, level: str, code: str = "", name: str = "", region=("", ""), **values) -> str:
    region_code, region_name = region
    new_codes = {"933": "E06000066", "935": "E10000029", "830": "E10000007"}
    fields = [
        year,
        "Academic year",
        level,
        "E92000001",
        "England",
        region_code,
        region_name,
        code,
        new_codes.get(code, ""),
        name,
        values.get("characteristic", "Total"),
        values.get("number", "100"),
        values.get("percent", "4.5"),
    ]
    return ",".join(fields)


SW = ("E12000009", "South West")
EM = ("E12000004", "East Midlands")


def never_seen_file(somerset_percent: str = "5.1") -> bytes:
    """An EHC plans file in a layout no test or demo has mapped: academic years, a filter."""
    lines = [HEADER]
    for year, england, sw in (("202324", "4.3", "4.6"), ("202425", "4.8", "5.0")):
        for characteristic in ("Total", "Boys"):
            lines.append(row(year, "National", percent=england, characteristic=characteristic))
            lines.append(
                row(year, "Regional", region=SW, percent=sw, characteristic=characteristic)
            )
            lines.append(
                row(
                    year,
                    "Local authority",
                    "933",
                    "Somerset",
                    SW,
                    percent=somerset_percent if year == "202425" else "4.9",
                    number="4200" if characteristic == "Total" else "c",
                    characteristic=characteristic,
                )
            )
            lines.append(
                row(
                    year,
                    "Local authority",
                    "935",
                    "Suffolk",
                    ("E12000006", "East of England"),
                    percent="x" if characteristic == "Boys" else "3.9",
                    characteristic=characteristic,
                )
            )
            lines.append(
                row(
                    year,
                    "Local authority",
                    "830",
                    "Derbyshire",
                    EM,
                    percent="5.1",
                    characteristic=characteristic,
                )
            )
    return ("\n".join(lines) + "\n").encode()
