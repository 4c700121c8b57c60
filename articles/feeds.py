"""RSS and Atom feeds: the latest articles, and those of a section, a tag or an entity.

Every feed starts from Article.objects.published(), so drafts, review copies, withdrawn
and scheduled articles never appear in one, and an entity's feed exists only for an entity
that passes Entity.objects.public(). Each feed runs a fixed number of queries, however
many bylines and tags its articles have.

Each feed class gives RSS; pass AtomFeed to get the Atom twin of the same feed, as
`LatestFeed(AtomFeed)`.

An article with a lead image carries it as an enclosure (RSS <enclosure>, Atom
<link rel="enclosure">) and, in RSS, as Media RSS's <media:content> with its caption and
credit, which feed readers show beside the item.
"""

import copy

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.html import escape
from taggit.models import Tag

from articles import page_tags
from articles.images.public import jpeg, shown
from articles.models import Article, Entity, Mention, Section
from articles.views import hidden_paths, public_entity_at

# How many articles each feed carries, newest first.
FEED_LENGTH = 30

DUBLIN_CORE = "http://purl.org/dc/elements/1.1/"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
MEDIA = "http://search.yahoo.com/mrss/"
# The lead image's rendition in a feed: the whole picture, as wide as a reader's column.
FEED_PICTURE = "w1024"


class RssFeed(Rss201rev2Feed):
    """RSS 2.0 with one <dc:creator> per byline, and the lead image as <media:content>.

    RSS's own <author> must hold an e-mail address and appears once per item, so the
    names go in Dublin Core's creator element instead, which may be repeated: the usual
    way for RSS to carry authors' names, and the one feed readers understand. An
    <enclosure> says only a file's address, size and type; Media RSS adds the picture's
    size, caption and credit.
    """

    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:dc": DUBLIN_CORE,
            "xmlns:content": CONTENT,
            "xmlns:media": MEDIA,
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name in item["authors"]:
            handler.addQuickElement("dc:creator", name)
        handler.addQuickElement("content:encoded", item["content"])
        if picture := item["picture"]:
            handler.startElement(
                "media:content",
                {
                    "url": picture["file"].url,
                    "medium": "image",
                    "type": picture["file"].content_type,
                    "width": str(picture["file"].width),
                    "height": str(picture["file"].height),
                },
            )
            if picture["description"]:
                handler.addQuickElement(
                    "media:description", picture["description"], {"type": "plain"}
                )
            if picture["credit"]:
                handler.addQuickElement("media:credit", picture["credit"])
            handler.endElement("media:content")


class AtomFeed(Atom1Feed):
    """Atom 1.0 with one <author> per byline, as RFC 4287 allows.

    An entry without a byline takes the feed's own author, the site.
    """

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name in item["authors"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.endElement("author")
        handler.addQuickElement("content", item["content"], {"type": "html"})


class ArticleFeed(Feed):
    """What every article feed shares: its items, their bylines, tags and dates.

    Subclasses define title, link, description and articles(obj), the published
    articles the feed is about. An item's unique id (RSS guid, Atom id) is Django's
    default, the article's permanent URL.
    """

    feed_type = RssFeed

    def __init__(self, feed_type=None):
        if feed_type is not None:
            self.feed_type = feed_type

    def get_feed(self, obj, request):
        # One copy per request: the site's address for the links in items' content.
        feed = copy.copy(self)
        feed.base_url = request.build_absolute_uri("/").rstrip("/")
        feed.absolute_url = request.build_absolute_uri
        return super(ArticleFeed, feed).get_feed(obj, request)

    def author_name(self):
        # Atom needs an author for each entry; articles without a byline take this one.
        return settings.SITE_NAME

    def articles(self, obj):
        return Article.objects.published()

    def list_tag(self, obj) -> str:
        """The tag of the list this feed shows (articles/page_tags.py)."""
        return page_tags.LIST_ALL

    def items(self, obj):
        page_tags.declare(self.list_tag(obj))
        confirmed = Prefetch(
            "mentions",
            queryset=Mention.objects.confirmed().select_related("entity").order_by("start"),
            to_attr="confirmed_mentions",
        )
        items = list(
            self.articles(obj)
            .for_listing(with_body=True)
            .prefetch_related("tags", confirmed)
            .newest_first()[:FEED_LENGTH]
        )
        self.hidden_paths = hidden_paths(item.body for item in items)
        return items

    def item_title(self, item):
        # The headline is plain text; the feed generators escape it for XML.
        return item.headline

    def item_description(self, item):
        # Feed readers take an RSS description and an Atom summary as HTML.
        return escape(item.dek)

    def item_pubdate(self, item):
        return item.publish_at

    def item_updateddate(self, item):
        return item.modified_at

    def item_categories(self, item):
        return sorted((tag.name for tag in item.tags.all()), key=str.lower)

    def item_enclosures(self, item):
        picture = self.lead_picture(item)
        if picture is None:
            return []
        return [Enclosure(picture.url, str(picture.length), picture.content_type)]

    def lead_picture(self, item):
        """The lead image's file a feed offers, if readers may see the image, else None."""
        image = shown(item.lead_image)
        return image and jpeg(image, FEED_PICTURE, self.absolute_url)

    def item_extra_kwargs(self, item):
        picture = self.lead_picture(item)
        return {
            "authors": [byline.person.name for byline in item.bylines.all()],
            # The story as its page shows it, mentions linked (RSS content:encoded, Atom
            # content of type html); feed readers resolve the links against the item's.
            "content": item.rendered_body(self.base_url, self.hidden_paths),
            "picture": picture
            and {
                "file": picture,
                # The caption for this story; else the picture's own, else what it shows.
                "description": item.lead_image_caption
                or item.lead_image.caption
                or item.lead_image.alt_text,
                "credit": item.lead_image.credit,
            },
        }


class LatestFeed(ArticleFeed):
    """The latest articles of the whole site."""

    def title(self):
        return settings.SITE_NAME

    def link(self):
        return reverse("articles:home")

    def description(self):
        return f"The latest articles from {settings.SITE_NAME}."


class SectionFeed(ArticleFeed):
    """A section's latest articles, with those of its subsections, as on its page."""

    def get_object(self, request, slug):
        return get_object_or_404(Section, slug=slug)

    def articles(self, obj):
        return Article.objects.published().in_section(obj)

    def list_tag(self, obj) -> str:
        return page_tags.row("list-section", obj.pk)

    def title(self, obj):
        return f"{obj.name} · {settings.SITE_NAME}"

    def link(self, obj):
        return obj.get_absolute_url()

    def description(self, obj):
        return obj.description or f"The latest {obj.name} articles from {settings.SITE_NAME}."


class TagFeed(ArticleFeed):
    """The latest articles with a tag. Like the tag's page, a tag that no published
    article has is not found, so the tags of drafts stay unknown."""

    def get_object(self, request, slug):
        return get_object_or_404(Tag, slug=slug, pk__in=Article.objects.published().values("tags"))

    def articles(self, obj):
        return Article.objects.published().filter(tags__in=[obj])

    def list_tag(self, obj) -> str:
        return page_tags.row("list-tag", obj.pk)

    def title(self, obj):
        return f"{obj.name} · {settings.SITE_NAME}"

    def link(self, obj):
        return reverse("articles:tag", args=[obj.slug])

    def description(self, obj):
        return f"The latest articles tagged {obj.name} from {settings.SITE_NAME}."


class EntityFeed(ArticleFeed):
    """The latest articles with a confirmed mention of a person, organization or place.

    The URL pattern gives the entity's kind, as it does to the entity's page.
    """

    def __call__(self, request, slug, kind):
        try:
            return super().__call__(request, slug=slug, kind=kind)
        except Http404:
            # Only a missing feed pays for this query: the old address of a merged or
            # renamed entity, which leads to the same feed of the entity it is now.
            moved_to = public_entity_at(kind, slug)
            if moved_to is None:
                raise
            form = "atom" if issubclass(self.feed_type, AtomFeed) else "rss"
            return redirect(f"feeds:{moved_to.kind}-{form}", slug=moved_to.slug, permanent=True)

    def get_object(self, request, slug, kind):
        # One that no reader may see yet is not found, exactly as a missing one.
        return get_object_or_404(Entity.objects.public(), kind=kind, slug=slug)

    def articles(self, obj):
        return Article.objects.published().mentioning(obj)

    def list_tag(self, obj) -> str:
        return page_tags.row("list-entity", obj.pk)

    def title(self, obj):
        return f"Articles mentioning {obj.name} · {settings.SITE_NAME}"

    def link(self, obj):
        return obj.get_absolute_url()

    def description(self, obj):
        return f"The latest articles from {settings.SITE_NAME} that mention {obj.name}."
