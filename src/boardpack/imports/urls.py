from django.urls import path, re_path

from boardpack.imports import views

app_name = "imports"
urlpatterns = [
    path("", views.start, name="start"),
    re_path(
        r"^templates/(?P<dataset>[-a-z0-9_]+)\.(?P<fmt>xlsx|csv)$", views.template, name="template"
    ),
    path("<int:run>/", views.preview, name="preview"),
    path("<int:run>/columns/", views.mapping, name="mapping"),
    path("<int:run>/apply/", views.apply, name="apply"),
    path("<int:run>/cancel/", views.cancel, name="cancel"),
    path("<int:run>/add-new/", views.add_new, name="add-new"),
    path("<int:run>/unit/", views.unit, name="unit"),
    path("<int:run>/sheet/", views.sheet, name="sheet"),
    path("<int:run>/check/", views.check, name="check"),
    path("<int:run>/done/", views.done, name="done"),
]
