from django.urls import path

from boardpack.governance import member_views, record_views, views, work_plan_views

app_name = "governance"
urlpatterns = [
    path("", views.index, name="index"),
    path("committees/<slug:committee>/", views.committee_detail, name="committee-detail"),
    path(
        "committees/<slug:committee>/since-last-meeting/",
        views.since_last_meeting,
        name="since-last-meeting",
    ),
    path(
        "committees/<slug:committee>/interests/new/",
        record_views.interest_new,
        name="interest-new",
    ),
    path("interests/<int:interest>/edit/", record_views.interest_edit, name="interest-edit"),
    path("committees/<slug:committee>/members/new/", member_views.member_new, name="member-new"),
    path("members/<int:member>/edit/", member_views.member_edit, name="member-edit"),
    path("members/<int:member>/leave/", member_views.member_leave, name="member-leave"),
    path("meetings/new/", record_views.meeting_new, name="meeting-new"),
    path("meetings/<int:meeting>/", views.meeting_detail, name="meeting-detail"),
    path("meetings/<int:meeting>/edit/", record_views.meeting_edit, name="meeting-edit"),
    path("meetings/<int:meeting>/items/new/", record_views.item_new, name="item-new"),
    path("items/<int:item>/edit/", record_views.item_edit, name="item-edit"),
    path("items/<int:item>/points/new/", record_views.point_new, name="point-new"),
    path("points/<int:point>/edit/", record_views.point_edit, name="point-edit"),
    path("meetings/<int:meeting>/actions/new/", views.action_new, name="action-new"),
    path("actions/", views.tracker, name="tracker"),
    path("actions/<int:action>/", views.action_detail, name="action-detail"),
    path("work-plan/", views.work_plan, name="work-plan"),
    path(
        "committees/<slug:committee>/work-plan/new/",
        work_plan_views.work_plan_item_new,
        name="work-plan-item-new",
    ),
    path(
        "work-plan/<int:topic>/edit/",
        work_plan_views.work_plan_item_edit,
        name="work-plan-item-edit",
    ),
    path("risks/", views.risks, name="risks"),
    path("risks/new/", views.risk_new, name="risk-new"),
    path("risks/<int:risk>/", views.risk_detail, name="risk-detail"),
    path("risks/<int:risk>/edit/", views.risk_edit, name="risk-edit"),
]
