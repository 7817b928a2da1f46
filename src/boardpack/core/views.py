from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from boardpack.core.access import organisations_for


@login_required
def home(request: HttpRequest) -> HttpResponse:
    organisations = list(organisations_for(request.user))
    if len(organisations) == 1:
        return redirect("programme:overview-latest", org=organisations[0].slug)
    return render(
        request, "core/organisations.html", {"organisations": organisations, "nav": "organisations"}
    )


@login_required
def organisations(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "core/organisations.html",
        {"organisations": organisations_for(request.user), "nav": "organisations"},
    )
