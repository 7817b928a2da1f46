from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Boardpack administration"
admin.site.site_title = "Boardpack"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("boardpack.accounts.urls")),
    path("api/v1/", include("boardpack.api.urls")),
    path("", include("boardpack.core.urls")),
    path("<slug:org>/programme/", include("boardpack.programme.urls")),
]
urlpatterns += [
    path("<slug:org>/finance/", include("boardpack.finance.urls")),
    path("<slug:org>/imports/", include("boardpack.imports.urls")),
    path("<slug:org>/benchmarks/", include("boardpack.benchmarking.urls")),
]
urlpatterns += [path("<slug:org>/performance/", include("boardpack.performance.urls"))]
urlpatterns += [
    path("<slug:org>/", include("boardpack.workflow.urls")),
]
urlpatterns += [
    path("<slug:org>/governance/", include("boardpack.governance.urls")),
    path("<slug:org>/reports/", include("boardpack.reports.urls")),
]
