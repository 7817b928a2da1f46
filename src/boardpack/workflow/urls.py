from django.urls import path

from boardpack.workflow import views

app_name = "workflow"
urlpatterns = [
    path("periods/", views.periods, name="periods"),
    path("periods/<str:period>/", views.period_detail, name="period"),
    path("periods/<str:period>/close/", views.period_close, name="period-close"),
    path(
        "periods/<str:period>/directors-summary/",
        views.directors_summary,
        name="directors-summary",
    ),
    path("periods/<str:period>/finance-summary/", views.finance_summary, name="finance-summary"),
    path(
        "periods/<str:period>/finance/<str:dataset>/",
        views.finance_transition,
        name="finance-transition",
    ),
    path("approval/<str:kind>/<int:pk>/", views.transition, name="transition"),
    path("escalations/", views.escalations, name="escalations"),
    path("escalations/<int:escalation>/", views.escalation_edit, name="escalation-edit"),
    path("history/<str:kind>/<int:pk>/", views.record_history, name="history"),
    path(
        "history/<str:kind>/<int:pk>/restore/<int:history_id>/",
        views.restore,
        name="restore",
    ),
]
