"""The public pages' cache: whole responses for anonymous readers, dropped as soon as what
they show changes.

Every cached page is stored with the current *content generation*, a token kept in the
cache (shared by all app servers when REDIS_URL is set), and served only while that token
is current. Any change to what readers can see (an article published, edited or withdrawn,
a mention confirmed, an entity edited, a correction added) takes a new token, so every
page is built afresh and stored over its old copy. A change to what no reader can see (a
draft, a review copy, a withdrawn article, their mentions, tags and corrections) takes
none: editors saving drafts leave the cache full (readers_may_see). A scheduled article needs no job
either: the generation records the next scheduled publication time, and the first request
after that moment takes a new token.

Responses carry Last-Modified (when the generation began) and an ETag (hashed once, when
the page is cached), so browsers and a CDN revalidate with 304 answers (Django's
ConditionalGetMiddleware compares them), and a Cache-Control fit for a CDN: public with a
short shared max-age, since a CDN cannot be told that a page changed.

A page is kept under its address with only the query parameters it reads (PAGE_PARAMETERS):
any other (utm_source, fbclid, a random cache buster) is ignored, so it is served the page
of the address without it and makes no new entry. A page whose parameters are too long
(MAX_KEY_PARAMETERS) is built every time and not kept. Beyond that the cache's own bounds
apply: every page expires after NEWSROOM_PAGE_CACHE_SECONDS, Redis evicts by its
maxmemory policy, the local-memory cache keeps MAX_ENTRIES (docs/operations.md).

If Redis is out of reach, readers still get every page, built afresh; saves fail instead,
since a save that could not drop the pages it changes would leave them stale. The circuit
breaker in articles/cache_backend.py skips Redis at once after a failure, so only the
first request waits for its timeout; a save refused for it gets a 503 page saying why.
"""

import hashlib
import logging
import secrets
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control, set_response_etag
from django.utils.http import http_date, urlencode
from redis.exceptions import RedisError

from articles import front_caches, page_tags
from articles.cache_backend import CacheUnavailable

logger = logging.getLogger(__name__)
GENERATION_KEY = "newsroom:content-generation"
PAGE_KEY = "newsroom:page:{address}"
# The version of each tag (articles/page_tags.py), and a count of changes: a page built
# while a change was made is not kept, since it may show the data from before it.
TAG_KEY = "newsroom:tag:{tag}"
CLOCK_KEY = "newsroom:changes"
# Prefixes of paths that are never cached: the admin, previews, anything per-person.
UNCACHED_PREFIXES = ("/admin/", "/preview/", "/static/")

# The query parameters each public page reads, by the name of its URL (see articles/urls.py,
# articles/search.py's SearchForm, and Django's sitemap view): only these tell one copy of
# a page from another, so only they are in its cache key. A page not listed reads none.
LIST_PAGE = ("page",)
PAGE_PARAMETERS = {
    "articles:search": ("q", "section", "entity", "from", "to", "page"),
    "articles:section": LIST_PAGE,
    "articles:tag": LIST_PAGE,
    "articles:person": LIST_PAGE,
    "articles:organization": LIST_PAGE,
    "articles:place": LIST_PAGE,
    "articles:corrections": LIST_PAGE,
    # Sitemaps of more than 50,000 addresses come in pages, ?p=2; the news sitemap's URL
    # has no name, so it goes by its view's.
    "sitemap": ("p",),
    "django.contrib.sitemaps.views.sitemap": ("p",),
}
# A page whose key parameters come to more than this many characters is built every time
# and not kept: the longest search a reader can make (200 characters) with every filter
# fits well within it.
MAX_KEY_PARAMETERS = 400


def _new_generation(now=None) -> dict:
    from articles.images.usage import next_rights_end
    from articles.models import Article

    now = now or timezone.now()
    next_publication = (
        Article.objects.scheduled(now).order_by("publish_at").values_list("publish_at", flat=True)
    ).first()
    # Lists over a moving window of time ("most mentioned this week", the news sitemap's
    # last 48 hours) change with no write at all: a generation lasts no longer than a page,
    # or a part of one (articles/parts.py), may be kept, whatever the cache backend does
    # with timeouts.
    kept_for = [
        seconds
        for seconds in (settings.NEWSROOM_PAGE_CACHE_SECONDS, settings.NEWSROOM_PART_CACHE_SECONDS)
        if seconds
    ]
    lasts = min(kept_for, default=0)
    until = now + timezone.timedelta(seconds=lasts)
    # A page hides a picture once its rights end (images.public.shown), with no job: the
    # pages cached before must not outlive that moment either.
    for moment in (next_publication, next_rights_end(now)):
        if moment is not None:
            until = min(until, moment)
    generation = {"token": uuid.uuid4().hex, "since": now, "until": until}
    cache.set(GENERATION_KEY, generation, timeout=None)
    return generation


def content_changed() -> None:
    """Drop every cached page: what readers see has changed.

    A new generation begins now, for this process and for tests, and again once the
    transaction commits, so that a page built from the old data by another request in
    between is dropped too. Writes pay for finding the next scheduled time, not reads.

    Once per transaction: a save of thousands of rows (an article with thousands of tags,
    a bulk action) sends a signal for each, and all but the first would only repeat the
    drop and queue the same commit hook again, which then runs thousands of times after
    the commit.
    """
    connection = transaction.get_connection()
    outermost = _outermost_block(connection)
    if outermost is _NO_BLOCK:
        _new_generation()  # autocommit: this change is committed already
        front_caches.purge_everything()
        return
    if outermost is not _UNKNOWN and any(
        hook is _new_generation_after_commit and (outermost is None or outermost in savepoints)
        for savepoints, hook, _ in connection.run_on_commit
    ):
        return  # this transaction drops the pages when it commits already
    _new_generation()
    transaction.on_commit(_new_generation_after_commit)


def tags_changed(tags) -> None:
    """Drop the cached pages kept under any of `tags` (page_tags.of_row): what they show
    has changed. Like content_changed, now and again once the transaction commits, and
    once per transaction: the tags of all its changes are dropped together at commit, and
    not at all when the transaction drops every page anyway."""
    tags = set(tags)
    if not tags:
        return
    connection = transaction.get_connection()
    outermost = _outermost_block(connection)
    if outermost is _NO_BLOCK:
        _new_versions(tags)  # autocommit: this change is committed already
        front_caches.purge_tags(tags)
        return
    if outermost is not _UNKNOWN:
        for savepoints, hook, _ in connection.run_on_commit:
            if outermost is not None and outermost not in savepoints:
                continue
            if hook is _new_generation_after_commit:
                return  # every page is dropped when it commits
            if isinstance(hook, _VersionsAfterCommit):
                tags -= hook.tags
                if tags:
                    _new_versions(tags)
                    hook.tags |= tags
                return
    _new_versions(tags)
    transaction.on_commit(_VersionsAfterCommit(tags))


def schedule_noted(article) -> None:
    """Make the current generation end when `article`, if scheduled, goes live, so its
    pages and lists are built afresh then, with no job. Pages cached until then stay."""
    from articles.models import ArticleStatus

    if article.status == ArticleStatus.PUBLISHED:
        ends_by(article.publish_at)


def ends_by(moment) -> None:
    """Make the current generation end no later than `moment` (a scheduled publication, a
    picture's rights ending), so pages are built afresh then, with no job."""
    now = timezone.now()
    if moment is None or moment <= now:
        return
    generation = cache.get(GENERATION_KEY)
    if generation is not None and moment < generation["until"]:
        cache.set(GENERATION_KEY, {**generation, "until": moment}, timeout=None)
    if moment < now + timezone.timedelta(seconds=settings.NEWSROOM_CDN_MAX_AGE):
        # Front caches may keep pages past that time, which they cannot know: pages they
        # fetch again are kept no longer than until then (_max_ages).
        transaction.on_commit(front_caches.purge_everything)


def _new_versions(tags) -> None:
    """A new version for each tag, on every server (the cache is shared); pages kept with
    the old versions are no longer served."""
    version = _new_version()
    cache.set_many({TAG_KEY.format(tag=tag): version for tag in tags}, timeout=None)
    try:
        cache.incr(CLOCK_KEY)
    except ValueError:  # the first change, or the count was evicted
        cache.set(CLOCK_KEY, 1, timeout=None)


def _new_version() -> int:
    # A number, which the Redis cache stores as it is where it pickles anything else: a
    # page or a part checks tens of versions each time it is served.
    return secrets.randbits(62)


class _VersionsAfterCommit:
    """The second new versions, once the changes are committed (see
    _new_generation_after_commit): a commit hook that gathers the tags of a transaction."""

    def __init__(self, tags):
        self.tags = set(tags)

    def __call__(self):
        try:
            _new_versions(self.tags)
        except CacheUnavailable:
            logger.warning("A change was saved as the cache went out of reach")
        front_caches.purge_tags(self.tags)


def tag_versions(tags) -> tuple[dict, object]:
    """The current version of each of `tags`, by its cache key (a tag seen for the first
    time is given one), and the count of changes."""
    keys = [TAG_KEY.format(tag=tag) for tag in tags]
    found = cache.get_many([*keys, CLOCK_KEY])
    clock = found.pop(CLOCK_KEY, None)
    missing = [key for key in keys if key not in found]
    for key in missing:
        # add, not set: a version another server gave it meanwhile stays.
        cache.add(key, _new_version(), timeout=None)
    if missing:
        found.update(cache.get_many(missing))
    return found, clock


def kept_values(stored: dict, generation) -> dict:
    """Of `stored` (each key's entry as keep_many() stored it, or None), the values kept in
    `generation` whose tags are all still at the versions they were kept with; one round
    trip to the cache for all of their tags."""
    candidates = {
        key: entry for key, entry in stored.items() if entry and entry[0] == generation["token"]
    }
    wanted = {version_key for _, versions, _ in candidates.values() for version_key in versions}
    current = cache.get_many(list(wanted)) if wanted else {}
    return {
        key: value
        for key, (_, versions, value) in candidates.items()
        if all(current.get(version_key) == version for version_key, version in versions.items())
    }


def kept_value(stored, generation):
    """kept_values() of one entry: its value, or None."""
    return kept_values({"": stored}, generation).get("")


def keep_many(entries: dict, generation, clock, timeout) -> None:
    """Keep each key's value of `entries` (key: (value, tags)) with `generation` and the
    versions of its tags; none when a change was made while they were built (the count of
    changes is no longer `clock`), since they may show what was there before the change."""
    versions, clock_now = tag_versions({tag for _, tags in entries.values() for tag in tags})
    if clock_now != clock:
        return
    cache.set_many(
        {
            key: (
                generation["token"],
                {TAG_KEY.format(tag=tag): versions[TAG_KEY.format(tag=tag)] for tag in tags},
                value,
            )
            for key, (value, tags) in entries.items()
        },
        timeout,
    )


def keep(key, value, generation, clock, tags, timeout) -> None:
    """keep_many() of one value."""
    keep_many({key: (value, tags)}, generation, clock, timeout)


# What _outermost_block says when no block of ours is open, or when the outermost has no
# savepoint to know it by.
_NO_BLOCK = object()
_UNKNOWN = object()


def _outermost_block(connection):
    """The savepoint of the outermost atomic block our code opened; None when that block is
    the transaction itself (as always in production); _NO_BLOCK when none is open.

    A test runs inside its test case's blocks, whose commit hooks never run: there each of
    the test's own outermost blocks stands for a transaction (as Django's own check of
    durable blocks has it), so a change in one step of a test drops the pages as it
    would in production, whatever an earlier step queued.
    """
    if not connection.in_atomic_block:
        return _NO_BLOCK
    blocks = connection.atomic_blocks
    # The outermost block has no savepoint of its own; each inner block has one, or None.
    offset = len(blocks) - len(connection.savepoint_ids)
    for index, block in enumerate(blocks):
        if not block._from_testcase:
            if index < offset:
                return None
            savepoint = connection.savepoint_ids[index - offset]
            return _UNKNOWN if savepoint is None else savepoint
    return _NO_BLOCK


def _new_generation_after_commit() -> None:
    """The second new generation, once the change is committed. Should the cache have gone
    out of reach in between, the change is saved all the same and saying otherwise would
    be wrong: the first new generation already dropped the old pages."""
    try:
        _new_generation()
    except CacheUnavailable:
        logger.warning("A change was saved as the cache went out of reach")
    front_caches.purge_everything()


def current_generation(stored=None) -> dict:
    """The generation pages are cached under now, begun afresh once a scheduled time passes.

    `stored` is the generation as already read from the cache, if it was."""
    now = timezone.now()
    generation = stored if stored is not None else cache.get(GENERATION_KEY)
    if generation is None or generation["until"] <= now:
        generation = _new_generation(now)
    return generation


def _generation_for_readers(stored):
    """The current generation; or, when a new one is due but the database is out of reach
    to begin it, the one stored, so the pages cached under it are still served: with
    PostgreSQL down readers get what was cached, where they would get a 500 for every page."""
    try:
        return current_generation(stored)
    except DatabaseError:
        if stored is None:
            raise
        logger.warning("The database is out of reach: cached pages are served as they are")
        return stored


def _cacheable(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.path.startswith(UNCACHED_PREFIXES)
        and not request.user.is_authenticated
    )


def key_parameters(request) -> list[tuple[str, str]]:
    """The query parameters of `request` that its page reads, by name, each with the value
    the page reads (the last one given); page numbers written as plain numbers."""
    if not request.GET:
        return []  # most requests, spared resolving their address a second time
    try:
        match = resolve(request.path_info, getattr(request, "urlconf", None))
    except Resolver404:
        return []
    parameters = []
    for name in sorted(PAGE_PARAMETERS.get(match.view_name, ())):
        if name in request.GET:
            value = request.GET[name]
            if name in ("page", "p") and value.isdecimal():
                # ?page=02 is page 2, as the views read it with int().
                value = str(int(value))
            parameters.append((name, value))
    return parameters


def page_key(request) -> str | None:
    """The cache key of the page `request` asks for, or None when it is not to be kept."""
    parameters = key_parameters(request)
    if sum(len(name) + len(value) + 2 for name, value in parameters) > MAX_KEY_PARAMETERS:
        return None
    # Hashed: a long search would make a key too long for some cache backends.
    address = "\n".join((request.scheme, request.get_host(), request.path, urlencode(parameters)))
    return PAGE_KEY.format(address=hashlib.sha256(address.encode()).hexdigest())


def cache_unavailable_response(request):
    """The answer to a request that failed because the cache is out of reach: a save
    (nothing of which was kept, since the transaction rolled back) or a page that needs
    the cache, such as the admin's article form."""
    saving = request.method not in ("GET", "HEAD", "OPTIONS")
    if request.accepts("application/json") and not request.accepts("text/html"):
        # The annotation screen and the article form's notes show `error` as it is.
        response = JsonResponse(
            {
                "error": (
                    "Not saved: the cache is out of reach. Try again in a minute."
                    if saving
                    else "The cache is out of reach. Try again in a minute."
                )
            },
            status=503,
        )
    else:
        response = render(
            request,
            "503_cache.html",
            {"saving": saving, "retry_seconds": settings.NEWSROOM_CACHE_RETRY_SECONDS},
            status=503,
        )
    response["Retry-After"] = str(settings.NEWSROOM_CACHE_RETRY_SECONDS)
    add_never_cache_headers(response)
    return response


class PublicPageCacheMiddleware:
    """Serve anonymous readers' GET requests from the cache, and cache what they are sent;
    answer any request that fails for the cache being out of reach with a 503 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable(request):
            response = self.get_response(request)
            if request.user.is_authenticated:
                # Staff see the same pages, but their copies must not fill shared caches.
                patch_cache_control(response, private=True, no_cache=True)
            return response
        if not settings.NEWSROOM_PAGE_CACHE_SECONDS:
            # The page cache is off (bench/pages.py --wrk measures pages built afresh):
            # every page is built and sent with its headers, and nothing is kept.
            return self._build(request, None, None, None)
        key = page_key(request)
        clock = None
        try:
            # One round trip to the cache for all three: a page is kept with the token of
            # the generation it was built in and the versions of its tags, and served only
            # while that generation lasts and its tags have not changed.
            found = cache.get_many(
                [GENERATION_KEY, CLOCK_KEY, key] if key else [GENERATION_KEY, CLOCK_KEY]
            )
            clock = found.get(CLOCK_KEY)
            generation = _generation_for_readers(found.get(GENERATION_KEY))
        except CacheUnavailable:
            # Said once per outage, by the circuit breaker, not once per request.
            generation = None
        except RedisError as error:
            logger.error("The page cache failed (%s): %s is built afresh", error, request.path)
            generation = None
        else:
            cached = self._current(found.get(key), generation, request)
            if cached is not None:
                cached["X-Cache"] = "hit"
                browser, shared = _max_ages(generation)
                if (
                    shared < settings.NEWSROOM_CDN_MAX_AGE
                    or browser < settings.NEWSROOM_BROWSER_MAX_AGE
                ):
                    # Kept with the ages of when it was built; the generation ends sooner.
                    patch_cache_control(cached, max_age=browser, s_maxage=shared)
                return cached
        return self._build(request, generation, key, clock)

    def _build(self, request, generation, key, clock):
        """The page built afresh, with its tags, validators and Cache-Control; kept under
        `key` when there is one and `generation` (None when the cache is out of reach)."""
        with page_tags.Collector() as tags:
            response = self.get_response(request)
        if response.status_code != 200 or response.has_header("Cache-Control"):
            # Pages that set their own caching (previews, errors) are left as they are.
            return response
        tags = page_tags.compact(tags)
        # What the page shows, for a CDN in front to drop it by (docs/operations.md).
        response["Cache-Tag"] = ",".join(tags)
        self._mark_public(response, generation)
        if not settings.NEWSROOM_PAGE_CACHE_SECONDS:
            response["X-Cache"] = "off"
        elif not generation:
            response["X-Cache"] = "unavailable"
        elif not key:
            response["X-Cache"] = "bypass"
        else:
            response["X-Cache"] = "miss"
            if not response.streaming and not response.cookies:
                self._keep(key, generation, clock, tags, response, request)
        return response

    @staticmethod
    def _current(stored, generation, request):
        try:
            return kept_value(stored, generation)
        except CacheUnavailable:
            return None
        except RedisError as error:
            logger.error("The page cache failed (%s): %s is built afresh", error, request.path)
            return None

    def process_exception(self, request, exception):
        if isinstance(exception, CacheUnavailable):
            return cache_unavailable_response(request)
        return None

    @staticmethod
    def _keep(key, generation, clock, tags, response, request) -> None:
        """Keep the page with its generation and its tags' versions (see keep())."""
        try:
            keep(key, response, generation, clock, tags, settings.NEWSROOM_PAGE_CACHE_SECONDS)
        except CacheUnavailable:
            pass
        except RedisError as error:
            logger.error("The page cache failed (%s): %s was not kept", error, request.path)

    @staticmethod
    def _mark_public(response, generation) -> None:
        """Validators and Cache-Control; with no generation (the cache out of reach), no
        Last-Modified, since the page's age is unknown."""
        if generation:
            response["Last-Modified"] = http_date(generation["since"].timestamp())
        # Stored with the page, so a cache hit is not hashed again for its ETag.
        if not response.streaming:
            set_response_etag(response)
        browser, shared = _max_ages(generation)
        patch_cache_control(response, public=True, max_age=browser, s_maxage=shared)


def _max_ages(generation) -> tuple[int, int]:
    """The max-age for browsers and for front caches of a page served now: no longer than
    its generation lasts, since they cannot know when it ends (at the next scheduled
    publication, say) and would go on showing the lists of before. With no generation
    (the cache out of reach), the settings' own."""
    browser, shared = settings.NEWSROOM_BROWSER_MAX_AGE, settings.NEWSROOM_CDN_MAX_AGE
    if generation:
        left = max(0, int((generation["until"] - timezone.now()).total_seconds()))
        browser, shared = min(browser, left), min(shared, left)
    return browser, shared


def readers_may_see(row, created: bool = False) -> bool:
    """Whether a change to `row` (just `created`, or not) may change a page readers see.

    A row of an article that is not published, and was not when the change began (a
    draft, a review copy, a withdrawn article), is on no page: saving it every few seconds,
    as editors do with breaking news, drops nothing; nor does scheduling one, which no
    reader sees before its time (schedule_noted ends the generation then). Entities,
    sections, tags and redirects are shared by many pages, so any change to them counts,
    but for a new tag: no page shows it until a published article has it, which is a
    change of its own.
    """
    from taggit.models import Tag, TaggedItem

    from articles.models import Article, ArticleStatus, Byline, Correction, Mention

    if isinstance(row, Article):
        live = row.status == ArticleStatus.PUBLISHED and (
            row.publish_at is None or row.publish_at <= timezone.now()
        )
        return live or getattr(row, "was_published", False)
    if isinstance(row, Byline | Correction | Mention):
        article_id = row.article_id
    elif isinstance(row, TaggedItem) and row.content_type.model_class() is Article:
        article_id = row.object_id
    else:
        return not (created and isinstance(row, Tag))
    return Article.objects.filter(pk=article_id, status=ArticleStatus.PUBLISHED).exists()


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

    def on_change(sender, instance, created=False, **kwargs):
        if isinstance(instance, models.Article):
            schedule_noted(instance)
        if readers_may_see(instance, created):
            tags = page_tags.of_row(instance)
            if tags is None:
                content_changed()
            else:
                tags_changed(tags)

    page_tags.watch_models()
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
