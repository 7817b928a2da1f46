from django.urls import path

from boardpack.api import finance, views
from boardpack.benchmarking import api as benchmarking_api

app_name = "api"
urlpatterns = [
    path("programme", views.programme, name="programme"),
    path("finance/savings", finance.savings, name="finance-savings"),
    path("finance/budget", finance.budget, name="finance-budget"),
    path("finance/dsg", finance.dsg, name="finance-dsg"),
    path("benchmarks", benchmarking_api.benchmarks, name="benchmarks"),
    path("benchmarks/<str:code>", benchmarking_api.measure, name="benchmark-measure"),
]
