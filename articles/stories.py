"""What a story in a list shows beyond its own row, its bylines and its picture, kept as a
part for each article (articles/parts.py): a list asks the database for its articles and
finds the rest kept, where it would otherwise fetch every story's bylines and the
renditions of its picture, and write them out, on every page it is built for.

A story's part is kept with the tags of the article as an item, its section, its bylines'
people and its picture, so an edit of any of them, or a picture whose rights end (the
content generation ends then), drops it at once.
"""

from __future__ import annotations

from typing import NamedTuple

from django.conf import settings
from django.db.models import prefetch_related_objects

from articles import page_tags, parts
from articles.images.public import prefetch_renditions, shown
from articles.models import bylines_prefetch
from articles.templatetags.newsroom import (
    STORY_PICTURE_SIZES,
    STORY_VARIANTS,
    byline_links,
    story_html,
    story_picture,
)


def prepare(articles, pictures=()) -> None:
    """Give each of `articles`, loaded for a list without their bylines and renditions
    (Article.objects.for_listing(with_bylines=False, with_renditions=False)), its kept
    story part, which the `story` tag then shows; those not kept are built together, in
    two queries. The renditions of the page's other `pictures` (images or None) come in
    the same query as theirs."""
    others = [picture for picture in pictures if picture is not None]
    by_name = {f"story-{article.pk}": article for article in articles}

    def build(names):
        built = _built([by_name[name] for name in names], others)
        others.clear()  # fetched with them
        return built

    if by_name:
        for name, part in parts.kept_many(list(by_name), build).items():
            by_name[name].story_parts = part
    if others:
        prefetch_renditions(others)


class KeptStory(NamedTuple):
    """A story of a list whose part is kept: all the `story` tag needs of it."""

    pk: int
    story_parts: dict


def stories_of(pks, listing) -> list:
    """The stories of the articles `pks`, in their order, for a list: a KeptStory for each
    whose part is kept, and for the others their article, read from `listing` (a queryset
    through published() and for_listing(with_bylines=False, with_renditions=False)) in one
    query and given its part (as prepare() does). An article gone from `listing` since its
    pk was read is left out."""
    pk_of = {f"story-{pk}": pk for pk in pks}
    read = {}

    def build(missing):
        read.update(listing.in_bulk([pk_of[name] for name in missing]))
        return _built(read.values())

    kept_parts = parts.kept_many(list(pk_of), build)
    stories = []
    for name, pk in pk_of.items():
        if pk in read:
            read[pk].story_parts = kept_parts[name]
            stories.append(read[pk])
        elif name in kept_parts:
            stories.append(KeptStory(pk, kept_parts[name]))
    return stories


def _built(articles, pictures=()) -> dict:
    """The parts of the stories of `articles`, by name, with their tags: their bylines in
    one query, their pictures' renditions (and those of `pictures`) in another."""
    articles = list(articles)
    prefetch_related_objects(articles, bylines_prefetch())
    prefetch_renditions([*pictures, *(article.lead_image for article in articles)])
    return {f"story-{article.pk}": (_story_part(article), _tags(article)) for article in articles}


def _story_part(article) -> dict:
    """The story's bylines, its picture as each kind of list shows it (none when readers
    may not see it now), and the story written out as each list of the site shows it."""
    thumbnail = shown(article.lead_image)
    part = {
        "bylines": byline_links(article.bylines.all()),
        "pictures": {kind: story_picture(thumbnail, kind) for kind in STORY_PICTURE_SIZES}
        if thumbnail
        else {},
        "html": {},
    }
    if settings.NEWSROOM_PART_CACHE_SECONDS:  # written out once for every later page
        part["html"] = {
            variant: story_html(article, *variant, kept=part) for variant in STORY_VARIANTS
        }
    return part


def _tags(article) -> list[str]:
    rows = [article, article.section, article.lead_image]
    rows += [byline.person for byline in article.bylines.all()]
    return page_tags.compact(
        {page_tags.of_instance(row) for row in rows if row is not None} - {None}
    )
