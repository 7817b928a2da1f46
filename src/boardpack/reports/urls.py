from django.urls import path

from boardpack.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.edition_list, name="index"),
    path("new/", views.edition_create, name="edition-create"),
    path("templates/<slug:template>/", views.template_detail, name="template-detail"),
    path("<int:edition>/", views.edition_detail, name="edition-detail"),
    path("<int:edition>/narrative/", views.edition_narrative, name="edition-narrative"),
    path("<int:edition>/approve/", views.edition_approve, name="edition-approve"),
    path("<int:edition>/publish/", views.edition_publish, name="edition-publish"),
    path("<int:edition>/correct/", views.edition_correct, name="edition-correct"),
    path("<int:edition>/generate/", views.edition_generate, name="edition-generate"),
    path("<int:edition>/files/<str:file_format>/", views.edition_file, name="edition-file"),
    path(
        "<int:edition>/versions/<int:version>/<str:file_format>/",
        views.version_file,
        name="version-file",
    ),
]
