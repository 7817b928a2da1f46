"""Writes to the finance records: typed, keyword-only, validated whole, in one transaction.

Every service refuses bad input with a ``ValidationError`` whose message names the field, and
saves nothing when a value is unchanged, so importing the same figures twice changes nothing
(history included). Importers call these one row at a time inside their own
``transaction.atomic()`` and collect the errors.

One module per area (``savings``, ``budget``, ``dsg``) on the shared ``cleaning`` and
``monitoring`` helpers; every service is importable from here, as before.
"""

from boardpack.finance.services.budget import (
    budget_figures_set,
    budget_stated_total_set,
    service_area_get,
    service_area_save,
    service_area_set,
)
from boardpack.finance.services.cleaning import (
    MAX_AMOUNT,
    MILLION_PLACES,
    POUND_PLACES,
    Amount,
    clean_amount,
    clean_choice,
    clean_period,
    clean_text,
    save_changes,
)
from boardpack.finance.services.dsg import (
    dsg_allocation_set,
    dsg_allocation_stated_total_set,
    dsg_block_get,
    dsg_block_set,
    dsg_deficit_set,
    dsg_figures_set,
    dsg_stated_total_set,
)
from boardpack.finance.services.savings import (
    saving_line_get,
    saving_line_set,
    saving_position_set,
    savings_stated_totals_set,
)

__all__ = [
    "MAX_AMOUNT",
    "MILLION_PLACES",
    "POUND_PLACES",
    "Amount",
    "budget_figures_set",
    "budget_stated_total_set",
    "clean_amount",
    "clean_choice",
    "clean_period",
    "clean_text",
    "dsg_allocation_set",
    "dsg_allocation_stated_total_set",
    "dsg_block_get",
    "dsg_block_set",
    "dsg_deficit_set",
    "dsg_figures_set",
    "dsg_stated_total_set",
    "save_changes",
    "saving_line_get",
    "saving_line_set",
    "saving_position_set",
    "savings_stated_totals_set",
    "service_area_get",
    "service_area_save",
    "service_area_set",
]
