"""Failed logins, throttled by django-axes: whose address a login comes from, and the page
that tells someone locked out what happened and what to do."""

import time

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse


class Argon2idHasher(Argon2PasswordHasher):
    """Argon2id with OWASP's recommended minimum cost: 19 MiB of memory, 2 passes, 1 lane.

    Django's Argon2 default asks for 100 MiB and 8 lanes, and its PBKDF2 default for a
    million rounds: each about 200 ms of CPU here, which every failed login before a
    lockout takes from readers. This takes about 20 ms and, being memory-hard, resists
    guessing on graphics cards as well as those do.
    """

    algorithm = "argon2"  # Django's own name: its Argon2 hasher reads these hashes too.
    time_cost = 2
    memory_cost = 19456
    parallelism = 1


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


# How long an app server remembers that a login was refused for a lockout, and how many
# such refusals it remembers (a guesser trying thousands of names cannot fill memory).
REFUSAL_MEMORY_SECONDS = 10
REFUSALS_REMEMBERED = 10_000


class LockedLoginMiddleware:
    """Refuse a login from a locked-out account or address before the rest of the stack.

    django-axes refuses it too, but only once the session, the CSRF check and the login
    view have run, and it then writes the failure down: a few milliseconds and a database
    write for every guess, which a handful of guessing clients turn into most of the app
    servers' time. Asked first, axes' own lockout rule costs two reads; and a refusal is
    remembered for REFUSAL_MEMORY_SECONDS with its page, so a client that keeps guessing
    costs a lookup (bench/logins.py). An administrator's unlock takes effect on every app
    server within those seconds.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        # (address, username) -> (until when, the page sent)
        self.refused: dict[tuple[str, str], tuple[float, bytes]] = {}

    def __call__(self, request):
        if request.method == "POST" and request.path_info == reverse("admin:login"):
            username = request.POST.get("username", "")
            key = (client_address(request), username)
            until, page = self.refused.get(key, (0.0, b""))
            if time.time() < until:
                return HttpResponse(page, status=429)
            credentials = {"username": username}
            if AxesProxyHandler.is_locked(request, credentials):
                response = locked_out(request, credentials=credentials)
                if len(self.refused) >= REFUSALS_REMEMBERED:
                    self.refused.clear()
                self.refused[key] = (time.time() + REFUSAL_MEMORY_SECONDS, response.content)
                return response
        return self.get_response(request)
