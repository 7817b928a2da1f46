from django.urls import path

from boardpack.finance import edit_views, manage_views, views

app_name = "finance"
urlpatterns = [
    path("", views.index, name="index"),
    path("savings/<str:period>/", views.savings, name="savings"),
    path("budget/<str:period>/", views.budget, name="budget"),
    path("dsg/<str:period>/", views.dsg, name="dsg"),
    path("<str:table>/<str:period>/figures/", edit_views.figures, name="figures"),
    path(
        "savings/<str:period>/saving/<int:line>/",
        edit_views.saving_position_edit,
        name="saving-position-edit",
    ),
    path(
        "budget/<str:period>/service-line/<int:area>/",
        edit_views.budget_line_edit,
        name="budget-line-edit",
    ),
    path("dsg/<str:period>/block/<int:block>/", edit_views.dsg_line_edit, name="dsg-line-edit"),
    path("service-areas/", manage_views.service_areas, name="service-areas"),
    path("service-areas/add/", manage_views.service_area_edit, name="service-area-add"),
    path("service-areas/<int:area>/", manage_views.service_area_edit, name="service-area-edit"),
    path("savings-lines/", manage_views.saving_lines, name="saving-lines"),
    path("savings-lines/add/", manage_views.saving_line_edit, name="saving-line-add"),
    path("savings-lines/<int:line>/", manage_views.saving_line_edit, name="saving-line-edit"),
]
