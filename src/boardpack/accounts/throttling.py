"""Who is signing in, for django-axes' lockouts: the client's address, proxies allowed for.

Behind reverse proxies the connection comes from the nearest proxy, so every sign-in would
look as if it came from one client and one person's mistakes would lock everybody out. With
``BOARDPACK_TRUSTED_PROXY_COUNT`` set to the number of proxies that append to
``X-Forwarded-For``, the client is the address the outermost of them saw; addresses further
left were written by the client itself and are not believed.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    remote = request.META.get("REMOTE_ADDR", "") or ""
    proxies = int(getattr(settings, "BOARDPACK_TRUSTED_PROXY_COUNT", 0))
    if proxies <= 0:
        return remote
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if len(forwarded) < proxies:
        return remote
    return forwarded[-proxies]
