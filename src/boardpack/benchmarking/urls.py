from django.urls import path

from boardpack.benchmarking import views

app_name = "benchmarking"
urlpatterns = [
    path("", views.compare, name="compare"),
    path("import/", views.upload, name="upload"),
    path("import/<int:upload>/", views.map_columns, name="map"),
    path("<str:measure>/", views.measure_detail, name="measure"),
]
