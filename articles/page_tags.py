"""Which cached pages a change drops: the tags a public page is kept under, and the tags a
change to a row touches.

A page's tags name what it shows, gathered while it is built:
- a *row tag* for every article, entity, tag, section and image the page loaded
  ("article-12", "entity-44", "tag-9", "section-3", "image-5"), found by watching those
  models' instances being made during the request (`Collector`): whatever the page shows
  of a row, it loaded the row, so no view can forget one. An article loaded without its
  text, as lists load them, is an "item-12": a list shows its headline, standfirst,
  picture, bylines and time, which an edit of its words leaves as they were;
- a *list tag* for every list whose members or order could change without any row on the
  page changing, declared by the view that shows the list (`declare`): "list-all" for the
  newest articles anywhere (home, feeds, sitemaps, search), "list-section-3",
  "list-tag-9", "list-entity-44" (the articles that name an entity, and its sentences),
  "list-corrections", "list-mentions" (the most mentioned).

A change touches the row's own tag, and the list tags of the lists it may enter or leave
(`of_row`). The same names go to a CDN in the Cache-Tag header (articles/caching.py).
Changes no page shows (sections' parents aside) are weeded out before, by
caching.readers_may_see.
"""

from __future__ import annotations

import contextvars

# More row tags than this of one kind (a sitemap's every article) are kept as one tag for
# the kind, "article-any", which every change of the kind touches: the page would drop
# with nearly any change anyway, and a header or a version check of thousands of tags
# costs more than rebuilding it.
MAX_ROW_TAGS = 200

LIST_ALL = "list-all"
LIST_CORRECTIONS = "list-corrections"
LIST_MENTIONS = "list-mentions"

# The models whose instances name a page's rows, by the prefix of their tags.
_PREFIXES = {
    "articles.article": "article",
    "articles.entity": "entity",
    "articles.section": "section",
    "taggit.tag": "tag",
    "images.image": "image",
}

_collecting: contextvars.ContextVar[set | None] = contextvars.ContextVar(
    "newsroom_page_tags", default=None
)


def row(prefix: str, pk) -> str:
    return f"{prefix}-{pk}"


def any_of(prefix: str) -> str:
    return f"{prefix}-any"


def of_instance(instance) -> str | None:
    """The row tag of a model instance, or None for a model no tag names."""
    prefix = _PREFIXES.get(instance._meta.concrete_model._meta.label_lower)
    if prefix is None or instance.pk is None:
        return None
    if prefix == "article" and "text" in instance.get_deferred_fields():
        prefix = "item"
    return row(prefix, instance.pk)


def declare(*tags: str) -> None:
    """Add list tags to the page being built (a no-op outside a page being cached)."""
    collected = _collecting.get()
    if collected is not None:
        collected.update(tags)


class Collector:
    """Gathers the tags of the page built inside it: `with Collector() as tags: ...`."""

    def __enter__(self) -> set[str]:
        self.tags: set[str] = set()
        self._token = _collecting.set(self.tags)
        return self.tags

    def __exit__(self, *exc_info):
        _collecting.reset(self._token)


def _on_init(sender, instance, **kwargs):
    collected = _collecting.get()
    if collected is not None:
        tag = of_instance(instance)
        if tag:
            collected.add(tag)


def watch_models() -> None:
    """Connect the collector to every model whose rows have tags, proxies included."""
    from django.apps import apps
    from django.db.models.signals import post_init

    for model in apps.get_models():
        if model._meta.concrete_model._meta.label_lower in _PREFIXES:
            post_init.connect(_on_init, sender=model, weak=False, dispatch_uid=f"tags-{model}")


def compact(tags: set[str]) -> list[str]:
    """The tags a page is kept under, sorted: row tags of a kind beyond MAX_ROW_TAGS become
    that kind's "-any" tag."""
    by_kind: dict[str, list[str]] = {}
    for tag in tags:
        if not tag.startswith("list-"):
            by_kind.setdefault(tag.rsplit("-", 1)[0], []).append(tag)
    kept = {tag for tag in tags if tag.startswith("list-")}
    for kind, found in by_kind.items():
        kept.update(found if len(found) <= MAX_ROW_TAGS else [any_of(kind)])
    return sorted(kept)


def of_row(instance) -> set[str] | None:
    """The tags a change to `instance` (saved or deleted) touches; None when it may change
    any page (a section, a redirect: what every page's layout or address depends on).

    An article touches its items in lists only when what they show changed
    (Article.item_changed), and the lists it may enter or leave only when it may
    (Article.listing_changed: it was published or withdrawn, or its time, section or
    address changed): an edit of a published article's words touches its own page, and
    the pages quoting its words, alone.
    A mention moved to another entity touches the lists of both (Mention.entity_before)."""
    from taggit.models import Tag, TaggedItem

    from articles.images.models import Image
    from articles.models import Article, Byline, Correction, Entity, Mention

    if isinstance(instance, Article):
        tags = {row("article", instance.pk), any_of("article")}
        if getattr(instance, "item_changed", True):
            tags |= {row("item", instance.pk), any_of("item")}
        if getattr(instance, "listing_changed", True):
            tags |= _lists_of_article(instance)
        return tags
    if isinstance(instance, Mention):
        return {
            row("article", instance.article_id),
            row("list-entity", instance.entity_id),
            row("list-entity", getattr(instance, "entity_before", None) or instance.entity_id),
            LIST_MENTIONS,
        }
    if isinstance(instance, Byline):
        return {
            row("article", instance.article_id),
            row("item", instance.article_id),
            row("list-entity", instance.person_id),
        }
    if isinstance(instance, TaggedItem):
        return {row("article", instance.object_id), row("list-tag", instance.tag_id)}
    if isinstance(instance, Correction):
        return {row("article", instance.article_id), LIST_CORRECTIONS}
    if isinstance(instance, Entity | Tag | Image):
        tag = of_instance(instance)
        return {tag, any_of(tag.rsplit("-", 1)[0])}
    return None


def _lists_of_article(article) -> set[str]:
    """The list tags of every list an article is (or was, before this change) in: the
    newest anywhere, its sections, tags and entities. Three queries."""
    from articles.models import Byline, Mention, MentionStatus, Section

    tags = {LIST_ALL}
    section_ids = {article.section_id, getattr(article, "section_before", None)} - {None}
    for section in Section.objects.filter(pk__in=section_ids).values("pk", "parent_id"):
        tags.add(row("list-section", section["pk"]))
        if section["parent_id"]:
            tags.add(row("list-section", section["parent_id"]))
    tags.update(row("list-tag", tag.pk) for tag in article.tags.all())
    entity_ids = set(
        Mention.objects.filter(article=article, status=MentionStatus.CONFIRMED).values_list(
            "entity_id", flat=True
        )
    ) | set(Byline.objects.filter(article=article).values_list("person_id", flat=True))
    tags.update(row("list-entity", pk) for pk in entity_ids)
    return tags


def shows_lists(*tags: str):
    """A view decorator declaring list tags for every page the view builds (Django's
    sitemap views, which we do not write)."""
    from functools import wraps

    def decorate(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            declare(*tags)
            return view(request, *args, **kwargs)

        return wrapped

    return decorate
