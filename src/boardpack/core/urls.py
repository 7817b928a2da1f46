from django.urls import path

from boardpack.core import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("organisations/", views.organisations, name="organisations"),
]
