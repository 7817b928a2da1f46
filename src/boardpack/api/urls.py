from django.urls import path

from boardpack.api import finance, governance, performance, views
from boardpack.benchmarking import api as benchmarking_api

app_name = "api"
urlpatterns = [
    path("programme", views.programme, name="programme"),
    path("finance/savings", finance.savings, name="finance-savings"),
    path("finance/budget", finance.budget, name="finance-budget"),
    path("finance/dsg", finance.dsg, name="finance-dsg"),
    path("benchmarks", benchmarking_api.benchmarks, name="benchmarks"),
    path("benchmarks/<str:measure>", benchmarking_api.measure, name="benchmark-measure"),
    path("indicators", performance.indicators, name="indicators"),
    path(
        "indicators/<str:code>/observations",
        performance.observations,
        name="indicator-observations",
    ),
    path("governance/meetings", governance.meetings, name="governance-meetings"),
    path("governance/actions", governance.actions, name="governance-actions"),
    path("governance/risks", governance.risks, name="governance-risks"),
]
