"""Money: MTFP savings lines and their positions, revenue budget monitoring and the DSG.

Amounts in pounds (savings) keep pence; tables in £m keep the precision they were reported in
(three decimal places hold a figure reported in £000). Figures a source *states* but Boardpack
can compute (variances, subtotals, totals, movements, arrows) are kept in ``stated_*`` fields or
``*StatedTotal`` records, never used in a calculation: the quality checks compare them with the
computed figures.

The models live in one module per area; every one is importable from here, as before.
"""

from boardpack.finance.models.budget import BudgetLine, BudgetStatedTotal, ServiceArea
from boardpack.finance.models.common import (
    MILLIONS,
    POUNDS,
    Direction,
    Marker,
    StatedMonitoringFigures,
    StatedTotalFigures,
    financial_year_validators,
)
from boardpack.finance.models.dsg import (
    DSGAllocation,
    DSGAllocationStatedTotal,
    DSGBlock,
    DSGDeficit,
    DSGLine,
    DSGStatedTotal,
)
from boardpack.finance.models.savings import SavingLine, SavingPosition, SavingsStatedTotal

__all__ = [
    "MILLIONS",
    "POUNDS",
    "BudgetLine",
    "BudgetStatedTotal",
    "Direction",
    "DSGAllocation",
    "DSGAllocationStatedTotal",
    "DSGBlock",
    "DSGDeficit",
    "DSGLine",
    "DSGStatedTotal",
    "Marker",
    "SavingLine",
    "SavingPosition",
    "SavingsStatedTotal",
    "ServiceArea",
    "StatedMonitoringFigures",
    "StatedTotalFigures",
    "financial_year_validators",
]
