from django.urls import path

from boardpack.api import finance, governance, views

app_name = "api"
urlpatterns = [
    path("programme", views.programme, name="programme"),
    path("finance/savings", finance.savings, name="finance-savings"),
    path("finance/budget", finance.budget, name="finance-budget"),
    path("finance/dsg", finance.dsg, name="finance-dsg"),
    path("governance/meetings", governance.meetings, name="governance-meetings"),
    path("governance/actions", governance.actions, name="governance-actions"),
    path("governance/risks", governance.risks, name="governance-risks"),
]
