"""Kept importable: the finance charts now live in the shared ``boardpack.charts`` package."""

from boardpack.charts.core import Chart
from boardpack.charts.finance import (
    STATUS_COLOURS,
    STATUS_KEYS,
    budget_variance_chart,
    dsg_variance_chart,
    savings_delivery_chart,
    variance_chart,
)

__all__ = [
    "STATUS_COLOURS",
    "STATUS_KEYS",
    "Chart",
    "budget_variance_chart",
    "dsg_variance_chart",
    "savings_delivery_chart",
    "variance_chart",
]
