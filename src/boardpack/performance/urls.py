from django.urls import path

from boardpack.performance import views

app_name = "performance"
urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("indicators/<str:code>/", views.indicator, name="indicator"),
    path("indicators/<str:code>/edit/", views.indicator_edit, name="indicator-edit"),
    path("quality/", views.quality_latest, name="quality-latest"),
    path("quality/<str:period>/", views.quality, name="quality"),
    path("inspections/", views.inspections, name="inspections"),
]
