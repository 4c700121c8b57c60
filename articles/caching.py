"""The public pages' cache: whole responses for anonymous readers, dropped as soon as what
they show changes.

Every cached page is stored with the current *content generation*, a token kept in the
cache (shared by all app servers when REDIS_URL is set), and served only while that token
is current. Any change to what readers can see (an article published, edited or withdrawn,
a mention confirmed, an entity edited, a correction added) takes a new token, so every
page is built afresh and stored over its old copy. A scheduled article needs no job
either: the generation records the next scheduled publication time, and the first request
after that moment takes a new token.

Responses carry Last-Modified (when the generation began) and an ETag (hashed once, when
the page is cached), so browsers and a CDN revalidate with 304 answers (Django's
ConditionalGetMiddleware compares them), and a Cache-Control fit for a CDN: public with a
short shared max-age, since a CDN cannot be told that a page changed.

If Redis is out of reach, readers still get every page, built afresh; saves fail instead,
since a save that could not drop the pages it changes would leave them stale.
"""

import hashlib
import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.cache import patch_cache_control, set_response_etag
from django.utils.http import http_date
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)
GENERATION_KEY = "newsroom:content-generation"
PAGE_KEY = "newsroom:page:{address}"
# Prefixes of paths that are never cached: the admin, previews, anything per-person.
UNCACHED_PREFIXES = ("/admin/", "/preview/", "/static/")


def _new_generation(now=None) -> dict:
    from articles.models import Article

    now = now or timezone.now()
    next_publication = (
        Article.objects.scheduled(now).order_by("publish_at").values_list("publish_at", flat=True)
    ).first()
    # Lists over a moving window of time ("most mentioned this week", the news sitemap's
    # last 48 hours) change with no write at all: a generation lasts no longer than a page
    # may be cached, whatever the cache backend does with timeouts.
    until = now + timezone.timedelta(seconds=settings.NEWSROOM_PAGE_CACHE_SECONDS)
    if next_publication is not None:
        until = min(until, next_publication)
    generation = {"token": uuid.uuid4().hex, "since": now, "until": until}
    cache.set(GENERATION_KEY, generation, timeout=None)
    return generation


def content_changed() -> None:
    """Drop every cached page: what readers see has changed.

    A new generation begins now, for this process and for tests, and again once the
    transaction commits, so that a page built from the old data by another request in
    between is dropped too. Writes pay for finding the next scheduled time, not reads.
    """
    _new_generation()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_new_generation)


def current_generation(stored=None) -> dict:
    """The generation pages are cached under now, begun afresh once a scheduled time passes.

    `stored` is the generation as already read from the cache, if it was."""
    now = timezone.now()
    generation = stored if stored is not None else cache.get(GENERATION_KEY)
    if generation is None or generation["until"] <= now:
        generation = _new_generation(now)
    return generation


def _cacheable(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.path.startswith(UNCACHED_PREFIXES)
        and not request.user.is_authenticated
    )


class PublicPageCacheMiddleware:
    """Serve anonymous readers' GET requests from the cache, and cache what they are sent."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable(request):
            response = self.get_response(request)
            if request.user.is_authenticated:
                # Staff see the same pages, but their copies must not fill shared caches.
                patch_cache_control(response, private=True, no_cache=True)
            return response
        # Hashed: a long search would make a key too long for some cache backends.
        address = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
        key = PAGE_KEY.format(address=address)
        try:
            # One round trip to the cache for both: a page is kept with the token of the
            # generation it was built in, and served only while that generation lasts.
            found = cache.get_many([GENERATION_KEY, key])
            generation = current_generation(found.get(GENERATION_KEY))
        except RedisError:
            logger.exception("The page cache is out of reach: %s is built afresh", request.path)
            generation = None
        else:
            token, cached = found.get(key, (None, None))
            if token == generation["token"]:
                cached["X-Cache"] = "hit"
                return cached
        response = self.get_response(request)
        if response.status_code != 200 or response.has_header("Cache-Control"):
            # Pages that set their own caching (previews, errors) are left as they are.
            return response
        self._mark_public(response, generation)
        response["X-Cache"] = "miss" if generation else "unavailable"
        if generation and not response.streaming and not response.cookies:
            try:
                cache.set(
                    key, (generation["token"], response), settings.NEWSROOM_PAGE_CACHE_SECONDS
                )
            except RedisError:
                logger.exception("The page cache is out of reach: %s was not kept", request.path)
        return response

    @staticmethod
    def _mark_public(response, generation) -> None:
        """Validators and Cache-Control; with no generation (the cache out of reach), no
        Last-Modified, since the page's age is unknown."""
        if generation:
            response["Last-Modified"] = http_date(generation["since"].timestamp())
        # Stored with the page, so a cache hit is not hashed again for its ETag.
        if not response.streaming:
            set_response_etag(response)
        patch_cache_control(
            response,
            public=True,
            max_age=settings.NEWSROOM_BROWSER_MAX_AGE,
            s_maxage=settings.NEWSROOM_CDN_MAX_AGE,
        )


def connect_signals() -> None:
    """Drop cached pages whenever a model readers see is saved or deleted.

    Signals, because these rows are saved from many places (admin forms and inlines, the
    annotation screen, imports, merges); bulk updates, which send no signal, go through
    querysets that call content_changed() themselves (see models.ContentQuerySet).
    """
    from django.apps import apps
    from django.db.models.signals import post_delete, post_save
    from taggit.models import Tag, TaggedItem

    from articles import models

    watched = {
        models.Article,
        models.Byline,
        models.Mention,
        models.Entity,
        models.Correction,
        models.Section,
        models.ArticleRedirect,
        models.EntityRedirect,
        Tag,
        TaggedItem,
    }

    def on_change(sender, **kwargs):
        content_changed()

    # Connected model by model, proxies (Person, ReviewMention...) included since they send
    # signals as themselves: a receiver for every model would cost every other model
    # Django's fast delete.
    for model in apps.get_models():
        if model._meta.concrete_model in watched:
            label = model._meta.label_lower
            post_save.connect(on_change, sender=model, weak=False, dispatch_uid=f"cache-{label}")
            post_delete.connect(
                on_change, sender=model, weak=False, dispatch_uid=f"cache-delete-{label}"
            )
