from django.urls import path

from boardpack.api import finance, views

app_name = "api"
urlpatterns = [
    path("programme", views.programme, name="programme"),
    path("finance/savings", finance.savings, name="finance-savings"),
    path("finance/budget", finance.budget, name="finance-budget"),
    path("finance/dsg", finance.dsg, name="finance-dsg"),
]
