from django.urls import path

from boardpack.api import views

app_name = "api"
urlpatterns = [
    path("programme", views.programme, name="programme"),
]
