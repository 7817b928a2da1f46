from django.http import HttpRequest

from boardpack.core.access import organisations_for


def site(request: HttpRequest) -> dict:
    organisation = getattr(request, "organisation", None)
    return {
        "current_organisation": organisation,
        "my_organisations": list(organisations_for(request.user))
        if hasattr(request, "user")
        else [],
    }
