"""Small data in the demo-data format (``boardpack.performance.demo_data``), for tests that
must not depend on the seed figures: two sources that disagree, a percentage with its numerator
and denominator, a month × academic year table with a stated total, a target and comparators."""

SOURCES = [
    {"key": "report-a", "title": "Quarterly report, January to March 2023", "date": "2023-03-31"},
    {"key": "report-b", "title": "Progress report, June 2024", "date": "2024-06-30"},
]

INDICATORS = [
    {
        "code": "CLA-COUNT",
        "title": "Children looked after",
        "definition": "Number of children looked after at the date.",
        "unit": "count",
        "decimals": 0,
        "polarity": "neither",
        "frequency": "quarterly",
        "source": "Case management system",
        "service_area": "Children's social care",
        "workstream": "",
        "numerator": "",
        "denominator": "",
        "dimensions": ["placement_type"],
    },
    {
        "code": "SW-PERMANENT-PCT",
        "title": "Permanent social workers",
        "definition": "Percentage of social workers who are permanent.",
        "unit": "percentage",
        "decimals": 0,
        "polarity": "higher_is_better",
        "frequency": "quarterly",
        "source": "",
        "service_area": "Workforce",
        "workstream": "",
        "numerator": "",
        "denominator": "",
        "dimensions": [],
    },
    {
        "code": "ROLL-COUNT",
        "title": "Pupils on roll",
        "definition": "Pupils on roll.",
        "unit": "count",
        "decimals": 0,
        "polarity": "neither",
        "frequency": "termly",
        "source": "",
        "service_area": "Education",
        "workstream": "",
        "numerator": "",
        "denominator": "",
        "dimensions": ["school_type"],
    },
    {
        "code": "PA-COUNT",
        "title": "Pupils persistently absent",
        "definition": "Pupils persistently absent.",
        "unit": "count",
        "decimals": 0,
        "polarity": "lower_is_better",
        "frequency": "termly",
        "source": "",
        "service_area": "Education",
        "workstream": "",
        "numerator": "",
        "denominator": "",
        "dimensions": ["school_type"],
    },
    {
        "code": "PA-PCT",
        "title": "Persistent absence",
        "definition": "Percentage of pupils persistently absent.",
        "unit": "percentage",
        "decimals": 2,
        "polarity": "lower_is_better",
        "frequency": "termly",
        "source": "",
        "service_area": "Education",
        "workstream": "",
        "numerator": "PA-COUNT",
        "denominator": "ROLL-COUNT",
        "dimensions": ["school_type"],
    },
    {
        "code": "EXCL-PERM",
        "title": "Permanent exclusions",
        "definition": "Permanent exclusions in the month.",
        "unit": "count",
        "decimals": 0,
        "polarity": "lower_is_better",
        "frequency": "monthly",
        "source": "",
        "service_area": "Education",
        "workstream": "",
        "numerator": "",
        "denominator": "",
        "dimensions": ["academic_year", "month"],
    },
]

TARGETS = [
    {
        "indicator": "SW-PERMANENT-PCT",
        "value": "90",
        "date": "2024-03-31",
        "as_written": "90% permanent social workers by 2023/24",
        "source": "report-a",
    },
]


def _obs(indicator, date, value, as_written, source="report-a", **extra):
    row = {
        "indicator": indicator,
        "date": date,
        "period_label": "",
        "area": "authority",
        "breakdown": {},
        "value": value,
        "qualifier": "exact",
        "as_written": as_written,
        "source": source,
        "commentary": "",
    }
    row.update(extra)
    return row


OBSERVATIONS = [
    _obs("CLA-COUNT", "2022-12-31", "560", "560"),
    _obs("CLA-COUNT", "2023-03-31", "580", "580"),
    # The later report gives a different figure for the same date: a conflict to find.
    _obs("CLA-COUNT", "2023-03-31", "590", "590", source="report-b"),
    _obs("CLA-COUNT", "2024-06-30", None, "x", source="report-b", qualifier="not_available"),
    _obs("CLA-COUNT", "2023-03-31", "3", "3", breakdown={"placement_type": "Secure"}),
    _obs("CLA-COUNT", "2023-03-31", "40", "40", breakdown={"placement_type": "Residential"}),
    _obs("CLA-COUNT", "2023-03-31", "537", "537", breakdown={"placement_type": "Foster"}),
    _obs("CLA-COUNT", "2023-03-31", "580", "580", breakdown={"placement_type": "Total"}),
    _obs("SW-PERMANENT-PCT", "2022-12-31", "70", "70%"),
    _obs("SW-PERMANENT-PCT", "2023-03-31", "72", "under 72%", qualifier="under"),
    _obs("SW-PERMANENT-PCT", "2023-03-31", "80", "80%", area="england"),
    _obs("ROLL-COUNT", "2023-03-31", "37291", "37291", breakdown={"school_type": "Primary"}),
    _obs("PA-COUNT", "2023-03-31", "6363", "6363", breakdown={"school_type": "Primary"}),
    _obs("PA-PCT", "2023-03-31", "17.06", "17.06%", breakdown={"school_type": "Primary"}),
    _obs("ROLL-COUNT", "2023-03-31", "127", "127", breakdown={"school_type": "PRU"}),
    _obs("PA-COUNT", "2023-03-31", "108", "108", breakdown={"school_type": "PRU"}),
    # A slip: 108 of 127 is 85.04%.
    _obs("PA-PCT", "2023-03-31", "58.04", "58.04%", breakdown={"school_type": "PRU"}),
    _obs("ROLL-COUNT", "2023-03-31", "40", "40", breakdown={"school_type": "Special"}),
    _obs("PA-COUNT", "2023-03-31", "4", "4", breakdown={"school_type": "Special"}),
    _obs("PA-PCT", "2023-03-31", "10.00", "10.00%", breakdown={"school_type": "Special"}),
    _obs(
        "EXCL-PERM", "2022-09-30", "8", "8", breakdown={"academic_year": "2022-23", "month": "Sep"}
    ),
    _obs(
        "EXCL-PERM", "2022-10-31", "1", "1", breakdown={"academic_year": "2022-23", "month": "Oct"}
    ),
    _obs(
        "EXCL-PERM",
        "2022-11-30",
        "13",
        "13",
        breakdown={"academic_year": "2022-23", "month": "Nov"},
    ),
    # The stated total is one short of 8 + 1 + 13 = 22.
    _obs(
        "EXCL-PERM",
        "2022-11-30",
        "21",
        "21",
        breakdown={"academic_year": "2022-23", "month": "Total"},
    ),
    _obs(
        "EXCL-PERM",
        "2021-09-30",
        "9",
        "9",
        breakdown={"academic_year": "2021-22", "month": "Sep"},
    ),
]

INSPECTIONS = [
    {
        "establishment": "North Hill House",
        "town": "Frome",
        "urn": "SC033014",
        "date": "2022-12-02",
        "type": "Residential Special School",
        "judgements": [
            {"area": "Education", "judgement": "Requires improvement"},
            {"area": "Social care", "judgement": "Good"},
        ],
        "source": "report-a",
    },
    {
        "establishment": "Berrow Church of England Primary School",
        "town": "Burnham-on-Sea",
        "urn": "123807",
        "date": "2022-11-11",
        "type": "",
        "judgements": [{"area": "Overall effectiveness", "judgement": "Inadequate"}],
        "source": "report-a",
    },
    {
        "establishment": "Hemington Primary School",
        "town": "Radstock",
        "urn": "146069",
        "date": "2022-11-16",
        "type": "",
        "judgements": [{"area": "Overall effectiveness", "judgement": "Good"}],
        "source": "report-a",
    },
]
