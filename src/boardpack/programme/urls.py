from django.urls import path

from boardpack.programme import views

app_name = "programme"
urlpatterns = [
    path("", views.overview_latest, name="overview-latest"),
    path("<str:period>/", views.overview, name="overview"),
    path(
        "<str:period>/workstreams/<slug:slug>/", views.workstream_detail, name="workstream-detail"
    ),
    path(
        "<str:period>/workstreams/<slug:slug>/edit/",
        views.workstream_update_edit,
        name="workstream-update-edit",
    ),
]
