"""Somerset's finance tables, figure for figure, as the seeds print them.

* The MTFP tracker 2024/25 as at June 2024 — "Children's Transformation Programme – MTFP
  Tracker" in "Included, Educated & Cared For – June 2024 – Progress Report for Scrutiny".
* Revenue budget monitoring 2022/23 at Month 9 (December 2022), the DSG allocation table, the
  DSG monitoring table ("Table 7") and the DSG deficit — Somerset County Council's Children's
  Services report of early 2023.

Every cell is kept as printed (``"(0.4)"`` for a negative, ``""`` for a blank cell, ``"-"`` for
nil); the demo loader turns them into ``Decimal`` and keeps what the source *states* (variances,
markers, movements, arrows, subtotals and totals) apart from what Boardpack computes.

Month 7 (October 2022) is not printed in the seed; it follows from its "Movement from Month 7"
column. ``month_7_figures`` below derives it: the current budget is taken as unchanged since
Month 7 (the seed gives no budget movement), and the Month 7 projection is the Month 9
projection less the movement, so that Month 7 variance = Month 9 variance − movement exactly.
"""

# ruff: noqa: E501

from __future__ import annotations

from decimal import Decimal

SAVINGS_PERIOD = "2024-06"
SAVINGS_FINANCIAL_YEAR = 2024  # "MTFP 24/25"
MTFP_TITLE = "Children's Transformation Programme – MTFP Tracker"

MTFP_HEADER = ("Ref", "", "£", "Over-achieved", "Achieved", "On Track", "At Risk", "Comments")
MTFP_ROWS = [
    (
        "CFE001",
        "Home to school transport",
        "324,500",
        "",
        "149,000",
        "175,500",
        "",
        "Overachieved on savings/cost avoidance for 23/24. 86% of cost avoidance for 24/25 achieved",
    ),
    (
        "CFE003",
        "Utilise more centrally retained Early Years funding & reduce use of external partners",
        "398,100",
        "",
        "398,100",
        "",
        "",
        "Education savings achieved but likely budget overspend impacting on financial position",
    ),
    (
        "CFE005",
        "Funding Virtual School via Pupil Premium Plus",
        "410,000",
        "",
        "410,000",
        "",
        "",
        "",
    ),
    ("CFE006", "Reduce 4 SEND officer posts", "132,000", "", "132,000", "", "", ""),
    (
        "CFE007",
        "Educational Psychology Service budget reduction",
        "141,000",
        "",
        "141,000",
        "",
        "",
        "",
    ),
    (
        "CFE008",
        "Replace council funding for children at risk of NEET 16+ with external provider.",
        "100,000",
        "",
        "100,000",
        "",
        "",
        "",
    ),
    (
        "CFE009",
        "Using Council staff to draft all EHC assessments and plans, instead of using an external provider",
        "125,000",
        "",
        "",
        "",
        "125,000",
        "Awaiting updated financial information",
    ),
    ("CFE010", "Cease funding MOMO app", "11,100", "", "11,100", "", "", ""),
    (
        "CFE012",
        "Cease out of hours security checks for 3 supported accommodation homes (18+)",
        "35,000",
        "",
        "",
        "35,000",
        "",
        "Slight delay to contract termination, but minimal impact on target",
    ),
    (
        "CFE013",
        "Apply for Adoption Support Fund for SGO support",
        "30,000",
        "",
        "30,000",
        "",
        "",
        "",
    ),
    (
        "CFE015",
        "Fostering placements – move 5 children from residential to fostering",
        "67,000",
        "",
        "",
        "67,000",
        "",
        "Awaiting updated financial information. 2 children moved to Fostering to date",
    ),
    (
        "CFE016",
        "16+ placements (Block contract)",
        "3,385,800",
        "",
        "",
        "1,482,000",
        "1,903,800",
        "Commissioning and finance review underway to re-project savings and put mitigations in place",
    ),
    ("CFE017", "Homes and Horizons", "1,714,900", "", "", "1,714,900", "", ""),
    (
        "CFE018",
        "16+ DPS (Spot purchase)",
        "1,585,500",
        "",
        "",
        "",
        "1,585,500",
        "DPS now live, first contracts being prepared",
    ),
    (
        "CFE2324-05",
        "Homes and Horizons additional - reduction in the cost of residential placements for children in care",
        "1,109,000",
        "",
        "",
        "692,000",
        "417,000",
        "Savings reduced due to delays in opening homes 6, 7 and 8, 1 pod and 2 annexes",
    ),
]
MTFP_TOTALS = ("", "TOTALS", "9,568,900", "", "1,371,200", "4,166,400", "4,031,300", "")

MONTH_9 = "2022-12"
MONTH_9_TITLE = "December 2022 (Month 9)"
MONTH_7 = "2022-10"
MONTH_7_TITLE = "October 2022 (Month 7)"
DSG_FINANCIAL_YEAR = 2022

DIRECTORATE = "Children's Services"
SUBTOTAL_LABEL = "sub total"
TOTAL_LABEL = "Children's Services Total"

BUDGET_TITLE = "2022/23 Children's Services as at the end of December 2022 (Month 9)"
BUDGET_HEADER = (
    "Service Area",
    "Current Budget £m",
    "Full Year Projection £m",
    "Month 9 Variance £m",
    "A/(F)",
    "Movement From Month 7",
    "Direction From Month 7",
)
BUDGET_ROWS = [
    ("Children's Social Care", "", "", "", "", "", ""),
    ("Prevention", "5.7", "5.8", "0.1", "A", "0.0", "→"),
    ("Fostering & Permanence", "12.8", "12.4", "(0.4)", "(F)", "0.2", "↓"),
    ("External Placements", "27.4", "41.9", "14.5", "A", "2.4", "↓"),
    ("Fieldwork", "8.9", "10.6", "1.7", "A", "0.5", "↓"),
    ("Disabilities", "3.6", "4.0", "0.4", "A", "0.1", "↓"),
    ("Partnership, Audit & Quality", "2.6", "2.5", "(0.1)", "(F)", "0.0", "→"),
    ("Safeguarding", "0.0", "0.0", "0.0", "-", "0.0", "→"),
    ("Children Looked After", "4.4", "5.3", "0.9", "A", "0.2", "↓"),
    ("Leaving Care", "2.0", "2.3", "0.3", "A", "0.1", "↓"),
    ("Residential Homes", "2.2", "2.0", "(0.2)", "(F)", "0.0", "→"),
    ("Central", "0.6", "1.1", "0.5", "A", "0.1", "↓"),
    ("sub total", "70.2", "87.9", "17.7", "A", "3.6", "↓"),
    ("Commissioning", "", "", "", "", "", ""),
    ("Commissioning Services", "10.8", "10.9", "0.1", "A", "0.0", "→"),
    ("Supporting Families", "(0.4)", "(0.4)", "0.0", "-", "0.0", "→"),
    ("Central", "0.7", "0.7", "0.0", "-", "0.0", "→"),
    ("sub total", "11.1", "11.2", "0.1", "A", "0.0", "→"),
    ("Education Partnerships and Skills", "", "", "", "", "", ""),
    ("School Improvement", "0.1", "0.1", "0.0", "-", "0.0", "→"),
    ("Education System Development", "0.9", "0.9", "0.0", "-", "0.0", "→"),
    ("Early Years", "0.5", "0.5", "0.0", "-", "0.0", "→"),
    ("Schools Statutory", "0.0", "0.0", "0.0", "-", "0.0", "→"),
    ("sub total", "1.5", "1.5", "0.0", "-", "0.0", "→"),
    ("Inclusion", "", "", "", "", "", ""),
    ("Inclusion Services", "5.0", "5.1", "0.1", "A", "(0.1)", "↑"),
    ("Home to School Transport", "10.9", "12.3", "1.4", "A", "0.0", "→"),
    ("SEND Transport", "6.6", "8.1", "1.5", "A", "0.1", "↓"),
    ("sub total", "22.5", "25.5", "3.0", "A", "0.0", "→"),
    ("Children's Services Total", "105.3", "126.1", "20.8", "A", "3.6", "↓"),
]
DSG_INTRO = "The Dedicated Schools Grant (DSG) consists of four distinct blocks of funding totalling £468m in the current financial year. These blocks are:"
DSG_ALLOCATION_HEADER = (
    "DSG Block",
    "Allocation (before recoupment and deductions)",
    "Recoupment and Deductions (Academy/ NNDR)",
    "Allocation (after recoupment and deductions)",
)
DSG_ALLOCATION_ROWS = [
    ("High Needs Block (HNB)", "76.3", "8.8", "67.5"),
    ("Central School Services Block (CSSB)", "5.6", "0.0", "5.6"),
    ("Early Years (EYB) *", "29.1", "0.0", "29.1"),
    ("Schools Block (SB) **", "357.0", "233.3", "123.7"),
    ("Total DSG", "468.0", "242.1", "225.9"),
]
DSG_ALLOCATION_TOTAL_LABEL = "Total DSG"

DSG_TITLE = "Table 7: 2022/23 DSG as at the end of December 2022 (Month 9)"
DSG_HEADER = (
    "DSG Block",
    "Current Budget (£m)",
    "Full Year Projection (£m)",
    "Month 9 variance (£m)",
    "A/(F)",
    "Movement from Month 7",
    "Direction from Month 7",
)
DSG_ROWS = [
    ("High Needs Block (HNB)", "67.5", "71.6", "4.1", "A", "(0.2)", "↑"),
    ("Central Schools Block (CSB)", "5.6", "5.6", "(0.0)", "-", "0.2", "↓"),
    ("Early Years (EYB)", "29.1", "28.9", "(0.2)", "(F)", "0.0", "↓"),
    ("De-delegated", "1.8", "1.9", "0.1", "A", "(0.0)", "→"),
    ("Total", "104.0", "107.9", "3.9", "A", "(0.0)", "→"),
]
DSG_TOTAL_LABEL = "Total"

# The blocks, named as the council names them; each table's own row label is kept on its rows
# (the allocation table says "Central School Services Block (CSSB)", Table 7 "Central Schools
# Block (CSB)"; "*" and "**" are the source's footnote marks, their footnotes are not printed).
DSG_BLOCKS = [
    ("high_needs", "High Needs Block", "HNB"),
    ("central_school_services", "Central School Services Block", "CSSB"),
    ("early_years", "Early Years", "EYB"),
    ("schools", "Schools Block", "SB"),
    ("de_delegated", "De-delegated", ""),
]
DSG_ROW_BLOCKS = {
    "High Needs Block (HNB)": "high_needs",
    "Central School Services Block (CSSB)": "central_school_services",
    "Central Schools Block (CSB)": "central_school_services",
    "Early Years (EYB) *": "early_years",
    "Early Years (EYB)": "early_years",
    "Schools Block (SB) **": "schools",
    "De-delegated": "de_delegated",
}

DSG_DEFICIT_TEXT = "DSG deficit as at 31 March 2022 - £20.1m Forecast £24m as at 31 March 2023"
DSG_DEFICIT = [
    # (kind, as at, £m as printed)
    ("actual", "2022-03-31", "20.1"),
    ("forecast", "2023-03-31", "24"),
]


def printed(cell: str) -> Decimal | None:
    """A printed cell as a number: ``"(0.4)"`` → -0.4, ``"9,568,900"`` → 9568900, blank → None."""
    text = cell.strip().replace(",", "")
    if not text:
        return None
    if text == "-":
        return Decimal("0")
    if text.startswith("(") and text.endswith(")"):
        return -Decimal(text[1:-1])
    return Decimal(text)


def bracketed(cell: str) -> bool:
    """Whether the source wrote the figure in brackets (negative, even when it prints 0.0)."""
    return cell.strip().startswith("(")


def month_7_figures(budget: str, projection: str, movement: str) -> tuple[Decimal, Decimal]:
    """Month 7 (current budget, projection) for a Month 9 row; see the module docstring."""
    budget_9, projection_9, moved = printed(budget), printed(projection), printed(movement)
    assert budget_9 is not None and projection_9 is not None and moved is not None
    return budget_9, projection_9 - moved
