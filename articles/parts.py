"""Parts of public pages built once and kept, served again while nothing they show has
changed: an article's own content, the site's navigation, a story in a list.

When the page cache misses (its page expired, or a change dropped it: a list on it moved),
most of what the page shows is often unchanged. A part is kept with the same freshness
rules as a whole page (articles/caching.py): the content generation it was built in, and
the version of every tag (articles/page_tags.py) of the rows read while building it. It is
served only while both are current, so any change a reader could see drops it at once, on
every app server, and a scheduled time or a picture's rights ending drops it with the
generation. A part built while a change was being made is not kept. The tags of a part
served are the page's tags too, so the page, a CDN in front and the part drop together.

A part's tags are narrower than its page's: an article's part is not dropped when another
article is published into one of its lists; its related articles are those found when it
was built, refreshed when any of them changes or after NEWSROOM_PART_CACHE_SECONDS.

With the cache out of reach every part is built each time, and NEWSROOM_PART_CACHE_SECONDS
= 0 turns parts off (bench/pages.py --wrk --no-parts measures that).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from redis.exceptions import RedisError

from articles import caching, page_tags
from articles.cache_backend import CacheUnavailable

logger = logging.getLogger(__name__)
PART_KEY = "newsroom:part:{name}"


def kept(name: str, build: Callable[[], object]):
    """What build() returns, kept under `name` (see the module's docstring): served from
    the cache while it is current, built and kept otherwise, with the tags of the rows
    read while building it. The page being built gets the part's tags either way."""

    def build_one(_names):
        with page_tags.Collector() as collected:
            value = build()
        return {name: (value, page_tags.compact(collected))}

    return kept_many([name], build_one)[name]


def kept_many(names: list[str], build: Callable[[list[str]], dict]) -> dict:
    """The parts kept under `names`, by name, in two round trips to the cache for all;
    those not kept, or no longer current, built together by build(missing names), which
    returns {name: (value, tags)}, and kept. The page being built gets their tags."""
    if not settings.NEWSROOM_PART_CACHE_SECONDS:
        return _declared(build(list(names)))
    keys = {PART_KEY.format(name=name): name for name in names}
    try:
        found = cache.get_many([caching.GENERATION_KEY, caching.CLOCK_KEY, *keys])
        generation = caching.current_generation(found.get(caching.GENERATION_KEY))
        kept_parts = caching.kept_values({key: found.get(key) for key in keys}, generation)
    except RedisError as error:
        _said(error, "parts are built afresh")
        return _declared(build(list(names)))
    entries = {keys[key]: entry for key, entry in kept_parts.items()}
    missing = [name for name in names if name not in entries]
    if missing:
        built = build(missing)
        entries.update(built)
        try:
            caching.keep_many(
                {PART_KEY.format(name=name): (entry, entry[1]) for name, entry in built.items()},
                generation,
                found.get(caching.CLOCK_KEY),
                settings.NEWSROOM_PART_CACHE_SECONDS,
            )
        except RedisError as error:
            _said(error, "parts were not kept")
    return _declared(entries)


def _declared(entries: dict) -> dict:
    """The values of `entries` (name: (value, tags)), their tags declared to the page."""
    for _, tags in entries.values():
        page_tags.declare(*tags)
    return {name: value for name, (value, _) in entries.items()}


def _said(error: RedisError, what: str) -> None:
    # With the cache out of reach, the circuit breaker says so once per outage.
    if not isinstance(error, CacheUnavailable):
        logger.error("The cache failed (%s): %s", error, what)
