"""Who has an article open in the admin: "being edited by Ana since 09:12".

Kept in the cache (shared by every app server when REDIS_URL is set), one entry per
article, mapping user ids to when they opened it and when their page last reported in.
The article form reports every HEARTBEAT seconds while it is open, and says goodbye when
the page is left; an editor whose page has not reported for AWAY seconds is gone.
"""

from dataclasses import dataclass
from datetime import datetime

from django.core.cache import cache
from django.http import HttpResponseNotAllowed, JsonResponse
from django.utils import timezone

HEARTBEAT = 30
AWAY = 3 * HEARTBEAT


@dataclass(frozen=True)
class Editor:
    name: str
    since: datetime

    def __str__(self):
        return f"{self.name} since {timezone.localtime(self.since):%H:%M}"


def _key(article_id: int) -> str:
    return f"newsroom:editing:{article_id}"


def display_name(user) -> str:
    """How the admin names a colleague: their full name, or their username."""
    return user.get_full_name() or user.username


def arrive(article_id: int, user, now=None) -> list[Editor]:
    """Note that `user` has the article open; return the others who have it open."""
    now = now or timezone.now()
    present = {
        user_id: entry
        for user_id, entry in cache.get(_key(article_id), {}).items()
        if (now - entry["seen"]).total_seconds() < AWAY
    }
    since = present.get(user.pk, {}).get("since", now)
    present[user.pk] = {"name": display_name(user), "since": since, "seen": now}
    cache.set(_key(article_id), present, timeout=AWAY)
    return sorted(
        (
            Editor(entry["name"], entry["since"])
            for user_id, entry in present.items()
            if user_id != user.pk
        ),
        key=lambda editor: editor.since,
    )


def leave(article_id: int, user) -> None:
    """Note that `user` no longer has the article open."""
    present = cache.get(_key(article_id), {})
    if present.pop(user.pk, None) is not None:
        cache.set(_key(article_id), present, timeout=AWAY)


def heartbeat(request, article_id: int) -> JsonResponse:
    """POST from an open article form: stay present (or leave, with ?leave=1).

    Answers with the other editors who have the article open, for the form to show.
    """
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.has_perm("articles.view_article"):
        return JsonResponse({"error": "You do not have permission to do this."}, status=403)
    if request.GET.get("leave"):
        leave(article_id, request.user)
        return JsonResponse({"others": []})
    others = arrive(article_id, request.user)
    return JsonResponse({"others": [str(editor) for editor in others]})
