"""Failed logins, throttled by django-axes: whose address a login comes from, and the page
that tells someone locked out what happened and what to do."""

from django.conf import settings
from django.shortcuts import render


def client_address(request) -> str:
    """The address a request came from: the connection's own or, behind the load balancer
    (DJANGO_BEHIND_PROXY), the one it added last to X-Forwarded-For; anything before that
    a client could have written itself, to dodge the lockout."""
    if settings.BEHIND_PROXY:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        if forwarded and forwarded[-1]:
            return forwarded[-1]
    return request.META.get("REMOTE_ADDR", "")


def locked_out(request, original_response=None, credentials=None):
    """The page for a login refused because of too many failures (HTTP 429)."""
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {"username": username, "minutes": minutes, "title": "Logging in is paused"}
    return render(request, "registration/locked_out.html", context, status=429)
