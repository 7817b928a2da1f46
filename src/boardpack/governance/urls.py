from django.urls import path

from boardpack.governance import views

app_name = "governance"
urlpatterns = [
    path("", views.index, name="index"),
    path("committees/<slug:committee>/", views.committee_detail, name="committee-detail"),
    path(
        "committees/<slug:committee>/since-last-meeting/",
        views.since_last_meeting,
        name="since-last-meeting",
    ),
    path("meetings/<int:meeting>/", views.meeting_detail, name="meeting-detail"),
    path("meetings/<int:meeting>/actions/new/", views.action_new, name="action-new"),
    path("actions/", views.tracker, name="tracker"),
    path("actions/<int:action>/", views.action_detail, name="action-detail"),
    path("work-plan/", views.work_plan, name="work-plan"),
    path("risks/", views.risks, name="risks"),
    path("risks/new/", views.risk_new, name="risk-new"),
    path("risks/<int:risk>/", views.risk_detail, name="risk-detail"),
    path("risks/<int:risk>/edit/", views.risk_edit, name="risk-edit"),
]
