"""Reads: the finance tables for a period, every figure computed here and nowhere else.

Each ``*_document`` returns the JSON-ready document that the export, the API and the pages all
use. Amounts are strings (never floats); ``printed`` gives each figure as the seed prints it
(``(0.4)``, ``9,568,900``) and ``stated`` what the source itself stated, where it did.

One module per table (``savings``, ``budget``, ``dsg``) on the shared ``monitoring`` rows;
every selector is importable from here, as before.
"""

from boardpack.finance.selectors.budget import budget_document, budget_lines_for_period
from boardpack.finance.selectors.dsg import dsg_document
from boardpack.finance.selectors.monitoring import (
    PLACES,
    monitoring_row,
    previous_reported_period,
)
from boardpack.finance.selectors.savings import (
    SAVING_AMOUNTS,
    SAVING_PARTS,
    SavingRow,
    savings_document,
    savings_positions_for_period,
    savings_stated_totals,
    savings_totals,
    savings_tracker,
)

__all__ = [
    "PLACES",
    "SAVING_AMOUNTS",
    "SAVING_PARTS",
    "SavingRow",
    "budget_document",
    "budget_lines_for_period",
    "dsg_document",
    "monitoring_row",
    "previous_reported_period",
    "savings_document",
    "savings_positions_for_period",
    "savings_stated_totals",
    "savings_totals",
    "savings_tracker",
]
