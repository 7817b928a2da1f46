from django.urls import path

from boardpack.finance import views

app_name = "finance"
urlpatterns = [
    path("", views.index, name="index"),
    path("savings/<str:period>/", views.savings, name="savings"),
    path("budget/<str:period>/", views.budget, name="budget"),
    path("dsg/<str:period>/", views.dsg, name="dsg"),
]
