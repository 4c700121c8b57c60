"""Newsroom's data: sections, entities, articles with bylines and tags, mentions, corrections."""

import bisect
import contextvars
import json
import logging
import re

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models, transaction
from django.db.models import Count, Prefetch, Q
from django.db.models.functions import Cast
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.text import slugify
from taggit.managers import TaggableManager
from taggit.models import Tag

from articles import body as article_body
from articles import text
from articles.anchoring import mapping
from articles.images.pictures import figure_pictures
from articles.reversing import slug_url

logger = logging.getLogger(__name__)

WIKIDATA_PATTERN = r"^Q[1-9][0-9]*$"
validate_wikidata_id = RegexValidator(
    WIKIDATA_PATTERN, "Enter a Wikidata item id: Q followed by digits, such as Q42."
)


def unique_slug(queryset, text: str, max_length: int = 200) -> str:
    """Slugify text, adding -2, -3, ... until no row in queryset has that slug."""
    base = slugify(text)[:max_length].strip("-") or "item"
    slug, n = base, 1
    while queryset.filter(slug=slug).exists():
        n += 1
        suffix = f"-{n}"
        slug = base[: max_length - len(suffix)] + suffix
    return slug


def validate_body(value: str):
    """Refuse a body that is too large, too deeply nested, malformed, or holds a bad link
    or a picture, saying what to change (sanitising drops everything else silently)."""
    found = article_body.problems(value)
    if found:
        raise ValidationError(found)


# On every name and text that feeds and sitemaps carry (they are XML).
no_control_characters = RegexValidator(
    text.XML_ILLEGAL,
    inverse_match=True,
    message=(
        "Remove the invisible control character (pasted from another program, perhaps): "
        "feeds and sitemaps cannot carry it."
    ),
)


# The years an article's or a correction's time may fall in. Far outside them, a time
# zone's offset can carry the date past what the database or Python can hold.
FIRST_YEAR, LAST_YEAR = 1800, 2199


def sensible_year(value):
    """Refuse a time outside FIRST_YEAR..LAST_YEAR: a slip of the keyboard (year 1)."""
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValidationError(f"Choose a date between {FIRST_YEAR} and {LAST_YEAR}.")


def refuse_unusable_tag(sender, instance, **kwargs):
    """Before a tag is saved by any path (a merge in the admin, code, a restored revision),
    refuse a name no address or feed could carry; forms say why before it gets here."""
    if problem := tag_name_problem(instance.name):
        raise ValidationError(problem)


def tag_name_problem(name: str) -> str | None:
    """Why `name` cannot be a tag, or None if it can: a tag's address is made from its
    letters and digits, and its name goes into feeds."""
    if text.XML_ILLEGAL.search(name):
        return f'Tag "{text.XML_ILLEGAL.sub("", name)}" holds an invisible control character.'
    if not Tag().slugify(name):
        return f'Tag "{name}" needs a letter or a digit to make its address from.'
    return None


# Half of a UTF-16 surrogate pair, which JSON may spell ("\ud800") but no database stores.
_SURROGATE = re.compile("[\ud800-\udfff]")
ALIAS_MAX_LENGTH = 200  # As long as a name.


def alias_problem(alias: str) -> str | None:
    """Why `alias` cannot be one of an entity's names, or None if it can: feeds and sitemaps
    carry no control character, and PostgreSQL stores no NUL and no lone surrogate."""
    shown = _SURROGATE.sub("", text.XML_ILLEGAL.sub("", alias))
    shown = shown if len(shown) <= 60 else shown[:59] + "…"
    if text.XML_ILLEGAL.search(alias):
        return (
            f'The alias "{shown}" holds an invisible control character (pasted from another '
            "program, perhaps): remove it."
        )
    if _SURROGATE.search(alias):
        return f'The alias "{shown}" holds half of a UTF-16 surrogate pair, which is no character.'
    if len(alias) > ALIAS_MAX_LENGTH:
        return f'The alias "{shown}" is longer than {ALIAS_MAX_LENGTH} characters.'
    return None


class Section(models.Model):
    name = models.CharField(max_length=100, validators=[no_control_characters])
    slug = models.SlugField(max_length=100, unique=True, help_text="Used in the section's URL.")
    description = models.TextField(blank=True, validators=[no_control_characters])
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text="Leave empty for a top-level section.",
    )
    position = models.PositiveIntegerField(
        default=0, help_text="Sections are listed on the home page in this order, lowest first."
    )

    class Meta:
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("articles:section", self.slug)

    def clean(self):
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk and self.pk is not None:
                raise ValidationError({"parent": "A section cannot sit inside itself."})
            ancestor = ancestor.parent


class EntityKind(models.TextChoices):
    PERSON = "person", "Person"
    ORGANIZATION = "organization", "Organization"
    PLACE = "place", "Place"


# URL prefix of each kind's public pages, and the name of its URL pattern.
ENTITY_URL_NAMES = {
    EntityKind.PERSON: "articles:person",
    EntityKind.ORGANIZATION: "articles:organization",
    EntityKind.PLACE: "articles:place",
}


_IN_BULK_UPDATE = contextvars.ContextVar("newsroom_in_bulk_update", default=False)


class ContentQuerySet(models.QuerySet):
    """A queryset whose bulk writes, which send no signals, still drop cached pages, when
    readers may see what they wrote (see `readers_may_see`), by their tags (`page_tags`)."""

    def update(self, **kwargs):
        if _IN_BULK_UPDATE.get():
            # Django's bulk_update updates batch by batch through update(): the pages are
            # dropped once, by bulk_update itself.
            return super().update(**kwargs)
        # Asked first: the update may change which rows this queryset finds.
        seen = self.readers_may_see()
        tags = self.page_tags() if seen else None
        count = super().update(**kwargs)
        if count and seen:
            _pages_changed(tags)
        return count

    def bulk_create(self, objs, *args, **kwargs):
        created = super().bulk_create(objs, *args, **kwargs)
        if created and self.readers_may_see(created):
            _pages_changed(self.page_tags(created))
        return created

    def bulk_update(self, objs, *args, **kwargs):
        objs = list(objs)
        token = _IN_BULK_UPDATE.set(True)
        try:
            count = super().bulk_update(objs, *args, **kwargs)
        finally:
            _IN_BULK_UPDATE.reset(token)
        if count and self.readers_may_see(objs):
            _pages_changed(self.page_tags(objs))
        return count

    def page_tags(self, objs=None) -> set[str] | None:
        """The tags of the pages a write to these rows (`objs`, or the queryset's) may
        change (articles/page_tags.py); None for every page, unless a subclass knows
        better."""
        return None

    def readers_may_see(self, objs=None) -> bool:
        """Whether readers may see these rows (`objs`, or the queryset's): a write to rows
        no page shows drops no cached page. Every row may be seen, unless a subclass knows
        better."""
        return True

    def update_quietly(self, **kwargs):
        """update() that leaves the cached pages alone: for bookkeeping that follows a
        write which has dropped them already (a version stamp, the search column,
        updated_at after a correction), so one write drops them once."""
        return super().update(**kwargs)


class EntityQuerySet(ContentQuerySet):
    def people(self):
        return self.filter(kind=EntityKind.PERSON)

    def public(self, now=None):
        """Entities a reader may see: named by a confirmed mention in, or a byline on, an
        article a reader may see (Article.objects.published(now)), or made public on purpose.

        Every public page, feed, sitemap and search that shows or links an entity goes
        through this one gate, so that a person, organization or place named only in
        drafts, review copies, scheduled or withdrawn articles stays unknown to readers.
        Each test is an EXISTS on an index, for one entity or a whole list alike.
        """
        published = Article.objects.published(now).values("pk")
        here = models.OuterRef("pk")
        named = models.Exists(
            Mention.objects.confirmed().filter(entity=here, article__in=published)
        )
        bylined = models.Exists(Byline.objects.filter(person=here, article__in=published))
        return self.filter(Q(is_public=True) | named | bylined)

    def with_mention_counts(self):
        """Annotate each entity with `mention_count`, its confirmed mentions in any article."""
        return self.annotate(
            mention_count=Count("mentions", filter=Q(mentions__status=MentionStatus.CONFIRMED))
        )

    def matching(self, words):
        """Entities with every one of `words` in their name or in one of their aliases.

        Aliases are a JSON list, searched as its text so this works on SQLite and
        PostgreSQL alike. SQLite keeps the JSON as Django wrote it, with non-ASCII letters
        and quotes escaped (Kim\\u2019s), so each word is looked for in both spellings.
        """
        queryset = self.alias(aliases_text=Cast("aliases", models.TextField()))
        for word in words:
            queryset = queryset.filter(
                Q(name__icontains=word)
                | Q(aliases_text__icontains=word)
                | Q(aliases_text__icontains=json.dumps(word)[1:-1])
            )
        return queryset


def _pages_changed(tags: set[str] | None) -> None:
    """Drop the cached pages of `tags`, or every page when None (articles/caching.py)."""
    from articles.caching import content_changed, tags_changed

    if tags is None:
        content_changed()
    else:
        tags_changed(tags)


class Entity(models.Model):
    name = models.CharField(
        max_length=200,
        help_text="Full name, as first used in an article.",
        validators=[no_control_characters],
    )
    slug = models.SlugField(max_length=200, help_text="Used in the entity's URL.")
    kind = models.CharField(max_length=20, choices=EntityKind.choices)
    aliases = models.JSONField(
        default=list,
        blank=True,
        help_text='Other ways articles write the name, such as "Kim" or "Kim Jong-un".',
    )
    description = models.TextField(blank=True, validators=[no_control_characters])
    wikidata = models.CharField(
        "Wikidata id",
        max_length=20,
        blank=True,
        validators=[validate_wikidata_id],
        help_text="Such as Q42. Links the entity page to Wikidata.",
    )
    picture = models.ForeignKey(
        "images.Image",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="entities",
        help_text="A portrait, logo or map for the entity's page.",
    )
    is_public = models.BooleanField(
        "public",
        default=False,
        help_text=(
            "Show on the site even before a published article names it. Left off, its page, "
            "its feeds and its place in search appear once a published article mentions it "
            "or carries its byline: a name in unpublished stories alone stays unknown."
        ),
    )

    objects = EntityQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "entities"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "slug"], name="entity_unique_slug_per_kind"),
            models.UniqueConstraint(fields=["kind", "name"], name="entity_unique_name_per_kind"),
            models.UniqueConstraint(
                fields=["wikidata"], condition=~Q(wikidata=""), name="entity_unique_wikidata"
            ),
            models.CheckConstraint(
                condition=Q(wikidata="") | Q(wikidata__regex=WIKIDATA_PATTERN),
                name="entity_wikidata_format",
                violation_error_message="Enter a Wikidata item id: Q followed by digits.",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=EntityKind.values), name="entity_kind_known"
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        from articles.suggestions import entities_changed

        if not self.slug:
            self.slug = unique_slug(Entity.objects.filter(kind=self.kind), self.name)
        with transaction.atomic():
            old = None
            if self.pk is not None:
                old = Entity.objects.filter(pk=self.pk).values("kind", "slug").first()
            super().save(*args, **kwargs)
            if old is not None:
                self.address_saved(old["kind"], old["slug"])
        entities_changed()

    def get_absolute_url(self):
        return slug_url(ENTITY_URL_NAMES[self.kind], self.slug)

    def address_saved(self, old_kind: str, old_slug: str):
        """Keep the old URL of an entity whose slug or kind changed working: it redirects
        here, as a merged duplicate's does."""
        if (old_kind, old_slug) == (self.kind, self.slug):
            return
        EntityRedirect.objects.filter(kind=self.kind, old_slug=self.slug).delete()
        EntityRedirect.objects.update_or_create(
            kind=old_kind, old_slug=old_slug, defaults={"entity": self}
        )

    def delete(self, *args, **kwargs):
        from articles.suggestions import entities_changed

        result = super().delete(*args, **kwargs)
        entities_changed()
        return result

    def clean(self):
        if not isinstance(self.aliases, list) or not all(
            isinstance(alias, str) for alias in self.aliases
        ):
            raise ValidationError({"aliases": "Aliases must be a list of names."})
        self.aliases = [alias.strip() for alias in self.aliases if alias.strip()]
        problems = [problem for problem in map(alias_problem, self.aliases) if problem]
        if problems:
            raise ValidationError({"aliases": problems})

    @property
    def wikidata_url(self) -> str:
        return f"https://www.wikidata.org/wiki/{self.wikidata}" if self.wikidata else ""

    @property
    def surface_forms(self) -> list[str]:
        """The name and every alias, as articles may write them."""
        return [self.name, *self.aliases]


class KindManager(models.Manager.from_queryset(EntityQuerySet)):
    """The entities of the proxy model's kind only."""

    def get_queryset(self):
        return super().get_queryset().filter(kind=self.model.entity_kind)


class KindProxyMixin:
    """Fixes the kind of a proxy of Entity, so the admin and URLs can say Person, Place..."""

    entity_kind: str

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.kind:
            self.kind = self.entity_kind

    def save(self, *args, **kwargs):
        self.kind = self.entity_kind
        super().save(*args, **kwargs)


class Person(KindProxyMixin, Entity):
    entity_kind = EntityKind.PERSON
    objects = KindManager()

    class Meta:
        proxy = True
        verbose_name_plural = "people"


class Organization(KindProxyMixin, Entity):
    entity_kind = EntityKind.ORGANIZATION
    objects = KindManager()

    class Meta:
        proxy = True


class Place(KindProxyMixin, Entity):
    entity_kind = EntityKind.PLACE
    objects = KindManager()

    class Meta:
        proxy = True


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    REVIEW = "review", "In review"
    PUBLISHED = "published", "Published"
    WITHDRAWN = "withdrawn", "Withdrawn"


def bylines_prefetch() -> Prefetch:
    """Articles' bylines in order, each with its person, for prefetch_related()."""
    return Prefetch("bylines", queryset=Byline.objects.select_related("person"))


# What search reads (see articles.search.document): a bulk write that changes any of them
# refreshes the search column of the rows it wrote, as Article.save does.
SEARCHED_FIELDS = frozenset({"headline", "dek", "text"})


def _sanitised(kwargs):
    """Bulk-write values with a body sanitised and its reading text beside it."""
    if "text" in kwargs:
        raise TypeError("An article's reading text is derived from its body: set the body.")
    if "body" in kwargs:
        kwargs["body"] = article_body.sanitise(kwargs["body"])
        kwargs["text"] = article_body.reading_text(kwargs["body"])
    return kwargs


class ArticleQuerySet(ContentQuerySet):
    def update(self, **kwargs):
        """update() that sanitises a body and derives its reading text, as save() does; it
        moves no mention, so change the text of articles with mentions through save()."""
        from articles.search import uses_full_text

        kwargs = _sanitised(kwargs)
        if SEARCHED_FIELDS.isdisjoint(kwargs) or not uses_full_text(self):
            return super().update(**kwargs)
        # The rows are picked first: the update may change which rows this queryset finds.
        pks = list(self.values_list("pk", flat=True))
        count = super().update(**kwargs)
        self._refresh_search(pks)
        return count

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        for article in objs:
            article.body = article_body.sanitise(article.body)
            article.text = article_body.reading_text(article.body)
        created = super().bulk_create(objs, *args, **kwargs)
        self._refresh_search([article.pk for article in created if article.pk is not None])
        return created

    def bulk_update(self, objs, fields, *args, **kwargs):
        if "body" in fields or "text" in fields:
            raise TypeError("Save each article whose body changes: its mentions follow it.")
        count = super().bulk_update(objs, fields, *args, **kwargs)
        if not SEARCHED_FIELDS.isdisjoint(fields):
            self._refresh_search([article.pk for article in objs])
        return count

    def _refresh_search(self, pks, batch=1000) -> None:
        from articles.search import update_search_vectors

        for start in range(0, len(pks), batch):
            update_search_vectors(
                self.model.objects.using(self.db).filter(pk__in=pks[start : start + batch]),
                follows_write=True,
            )

    def published(self, now=None):
        """Articles a reader may see: published, and their publication time has come.

        Every public page, feed and sitemap goes through this one gate. A published article
        whose publish_at is still ahead is "scheduled" and stays hidden until then.
        """
        return self.filter(status=ArticleStatus.PUBLISHED, publish_at__lte=now or timezone.now())

    def scheduled(self, now=None):
        return self.filter(status=ArticleStatus.PUBLISHED, publish_at__gt=now or timezone.now())

    def in_section(self, section):
        """Articles of `section` or of one of its subsections (`section` may be an OuterRef)."""
        return self.filter(Q(section=section) | Q(section__parent=section))

    def mentioning(self, entity, role=None):
        """Articles with a confirmed mention of `entity` (in that role, if one is given)."""
        confirmed = Mention.objects.confirmed().filter(entity=entity)
        if role is not None:
            confirmed = confirmed.filter(role=role)
        return self.filter(pk__in=confirmed.values("article_id"))

    def for_listing(self, with_body=False, with_bylines=True, with_renditions=True):
        """What article lists show: section, lead image and bylines fetched in a fixed
        number of queries.

        The body and its reading text (unless `with_body`) and the search column, large and
        not shown in lists, are left behind. Without `with_bylines`, prefetch them later for
        the articles kept, with bylines_prefetch(); without `with_renditions`, the lead
        images' renditions with images.public.prefetch_renditions(), for all the lists of a
        page at once."""
        from articles.images.public import renditions_prefetch

        listing = self.defer(
            "search_vector", *([] if with_body else ["body", "text"])
        ).select_related("section", "lead_image")
        if with_renditions:
            listing = listing.prefetch_related(renditions_prefetch("lead_image__renditions"))
        return listing.prefetch_related(bylines_prefetch()) if with_bylines else listing

    def newest_first(self):
        return self.order_by("-publish_at", "-pk")


# What a list of articles shows of each (the story tag, articles/templatetags/newsroom.py),
# bylines aside: an edit that changes none of them leaves every list as it was.
LISTED_FIELDS = ("headline", "dek", "slug", "section_id", "publish_at", "lead_image_id")


class Article(models.Model):
    headline = models.CharField(max_length=300, validators=[no_control_characters])
    slug = models.SlugField(
        max_length=200,
        unique=True,
        help_text="The article's permanent URL; keep it once published.",
    )
    dek = models.CharField(
        "standfirst",
        max_length=500,
        blank=True,
        help_text="One or two sentences under the headline that say why the story matters.",
        validators=[no_control_characters],
    )
    body = models.TextField(
        blank=True,
        help_text=(
            "Paragraphs, subheadings, quotes and lists, with links, bold and italic. Links to "
            "people, organizations and places named in the text come from annotations."
        ),
        validators=[validate_body],
    )
    # PROTECT: a picture an article leads with cannot vanish from the library under it; the
    # image's delete page lists the articles that use it.
    lead_image = models.ForeignKey(
        "images.Image",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="lead_of",
        help_text="Shown above the story, on lists and on social cards.",
    )
    lead_image_caption = models.TextField(
        "lead image caption",
        blank=True,
        validators=[no_control_characters],
        help_text="For this story; left blank, the picture's own caption is shown.",
    )
    # What a reader reads, one block per line, derived from the body on every save: search,
    # sentences, snippets and the annotation screen read it, and mention offsets index it.
    text = models.TextField("reading text", blank=True, editable=False)
    section = models.ForeignKey(Section, on_delete=models.PROTECT, related_name="articles")
    status = models.CharField(
        max_length=20, choices=ArticleStatus.choices, default=ArticleStatus.DRAFT, db_index=True
    )
    publish_at = models.DateTimeField(
        "publish at",
        null=True,
        blank=True,
        help_text=(
            "For a published article to reach readers, this time must have come. "
            "A time in the future schedules it; left empty, publishing sets it to now."
        ),
        validators=[sensible_year],
    )
    first_published_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    authors = models.ManyToManyField(
        Entity, through="Byline", related_name="authored_articles", blank=True
    )
    tags = TaggableManager(blank=True)
    # Headline, standfirst and body for full-text search, refreshed by articles.search after
    # every save; PostgreSQL only (it stays empty on SQLite). Its GIN index is made by
    # migration 0006 on PostgreSQL alone and is not in Meta.indexes: SQLite cannot build a GIN
    # index, and would try to whenever it rebuilds this table.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-publish_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "publish_at"], name="article_public_idx"),
            models.Index(fields=["section", "status", "publish_at"], name="article_section_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=ArticleStatus.PUBLISHED) | Q(publish_at__isnull=False),
                name="article_published_has_time",
            ),
        ]
        permissions = [("publish_article", "Can publish, schedule and withdraw articles")]

    def __str__(self):
        return self.headline

    def save(self, *args, expected_version: int | None = None, **kwargs):
        """Save, re-anchoring mentions if the reading text changed, in one transaction.

        The body is sanitised to the body schema first, whatever path set it, and the
        reading text derived from it.

        With `expected_version` (the version an editor's form was loaded with), the save is
        refused with StaleEdit if someone else saved the article meanwhile: the check and
        the version bump are one UPDATE, so two concurrent saves cannot both pass it.
        """
        if not self.slug:
            self.slug = unique_slug(Article.objects.exclude(pk=self.pk), self.headline)
        self.body = article_body.sanitise(self.body)
        self.text = article_body.reading_text(self.body)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "body" in update_fields:
            kwargs["update_fields"] = {*update_fields, "text"}
        if self.status == ArticleStatus.PUBLISHED:
            if self.publish_at is None:
                self.publish_at = timezone.now()
            if self.first_published_at is None:
                self.first_published_at = self.publish_at
        from articles.revisions import recording  # Imported here: it imports this module.

        # Mentions follow the text in the same transaction, whatever path saves the article,
        # and the result is recorded as a revision.
        with transaction.atomic(), recording(self):
            old = None
            if self.pk is not None:
                if expected_version is not None:
                    claimed = Article.objects.filter(
                        pk=self.pk, version=expected_version
                    ).update_quietly(version=expected_version + 1)
                    if not claimed:
                        raise StaleEdit(Article.objects.get(pk=self.pk))
                    self.version = expected_version
                old = (
                    Article.objects.filter(pk=self.pk)
                    .values("text", "status", *LISTED_FIELDS)
                    .first()
                )
                # Whether readers could see it before this save (see caching.readers_may_see).
                self.was_published = old is not None and old["status"] == ArticleStatus.PUBLISHED
                # Whether it may enter or leave lists of articles, and which section's it
                # left (see page_tags.of_row): an edit of the words changes its page alone.
                self.listing_changed = old is None or any(
                    old[field] != getattr(self, field)
                    for field in ("slug", "status", "publish_at", "section_id")
                )
                # Whether what lists show of it changed (page_tags.of_instance).
                self.item_changed = self.listing_changed or any(
                    old[field] != getattr(self, field) for field in LISTED_FIELDS
                )
                self.section_before = old and old["section_id"]
                self.version += 1
            super().save(*args, **kwargs)
            if old is not None:
                self.slug_saved(old["slug"])
            self.text_saved(old["text"] if old else None)
            from articles.search import index_article  # Imported here: it imports this module.

            index_article(self)

    def get_absolute_url(self):
        return slug_url("articles:article", self.slug)

    def slug_saved(self, old_slug: str):
        """Keep a changed slug's old URL working once readers may have seen it."""
        if old_slug == self.slug:
            return
        ArticleRedirect.objects.filter(old_slug=self.slug).delete()
        if self.first_published_at is not None:
            ArticleRedirect.objects.update_or_create(old_slug=old_slug, defaults={"article": self})

    def text_saved(self, old_text: str | None):
        """Re-anchor mentions after an edit of the reading text, and suggest new ones if
        enabled. An edit of markup alone (a link, bold) leaves the text and its mentions be."""
        from articles.suggestions import reanchor_mentions, suggest_mentions

        if old_text == self.text:
            return
        if old_text is not None:
            reanchor_mentions(self, old_text)
        if settings.NEWSROOM_SUGGEST_ON_SAVE:
            # Suggestions are an aid, read by rules of our own over any copy: a fault in
            # them must not cost an editor the save. (Re-anchoring above is no aid: a
            # fault there fails the save rather than leave mentions on the wrong words.)
            try:
                with transaction.atomic():
                    suggest_mentions(self)
            except Exception:
                logger.exception("No suggestions were made for article %s", self.pk)

    def rendered_body(
        self, base_url: str = "", hidden_paths: set[str] | None = None, images=None
    ) -> str:
        """The body as readers see it (safe HTML): each confirmed mention still on its words
        linked to its entity's page, and links to our stories that no reader may see shown
        as text. Reads `confirmed_mentions` where it was prefetched (ordered by start, with
        their entities), and `hidden_paths` where the caller found them for many articles
        at once (hidden_article_paths); `base_url` is put before our own paths.

        Figures show their pictures when `images` ({id: Image}, renditions prefetched:
        images.usage.figure_images) is given, those readers may see now (rights and alt
        text, as for a lead image); without it they keep the body's spelling, captions only."""
        if hidden_paths is None:
            hidden_paths = hidden_article_paths([self.body])
        mentions = getattr(self, "confirmed_mentions", None)
        if mentions is None:
            mentions = self.mentions.confirmed().select_related("entity").order_by("start")
        annotations = [
            text.Annotation(
                mention.start,
                mention.end,
                href=mention.entity.get_absolute_url(),
                css_class=f"mention mention-{mention.entity.kind}",
                title=mention.entity.name,
            )
            for mention in mentions
            if self.text[mention.start : mention.end] == mention.exact
        ]
        pictures = None if images is None else figure_pictures(images)
        return article_body.render(
            self.body, annotations, base_url=base_url, unlinked=hidden_paths, pictures=pictures
        )

    def is_published(self, now=None) -> bool:
        """True when a reader may see the article now (the instance twin of published())."""
        return (
            self.status == ArticleStatus.PUBLISHED
            and self.publish_at is not None
            and self.publish_at <= (now or timezone.now())
        )

    @property
    def is_scheduled(self) -> bool:
        return self.status == ArticleStatus.PUBLISHED and not self.is_published()

    @property
    def modified_at(self):
        """When what readers see last changed: the last save, or the publication time if
        that came later (a scheduled article goes live at its time, unchanged since)."""
        if self.publish_at is None:
            return self.updated_at
        return max(self.updated_at, self.publish_at)

    @property
    def was_updated(self) -> bool:
        """Whether readers should see an "updated" time beside the publication time."""
        if self.publish_at is None:
            return False
        # Counted from creation too: an article imported with an earlier publication time
        # has not been updated since readers saw it.
        return self.updated_at - max(self.publish_at, self.created_at) > UPDATE_GRACE


def site_links(bodies, view_names) -> dict:
    """The paths of this site that `bodies` link to and that one of `view_names` serves,
    each with its resolver match."""
    found = {}
    for body in bodies:
        for path in article_body.site_paths(body):
            try:
                match = resolve(path)
            except Resolver404:
                continue
            if match.view_name in view_names:
                found[path] = match
    return found


def hidden_article_paths(bodies) -> set[str]:
    """The paths of our own articles that `bodies` link to and that no reader may see now
    (a draft, a review copy, a scheduled or withdrawn story, or no story at all), so that
    their links show as text and leak nothing. One query, and none without such links."""
    slugs = {
        path: match.kwargs["slug"]
        for path, match in site_links(bodies, {"articles:article"}).items()
    }
    if not slugs:
        return set()
    wanted = set(slugs.values())
    live = set()
    for slug, old_slug in (
        Article.objects.published()
        .filter(Q(slug__in=wanted) | Q(redirects__old_slug__in=wanted))
        .values_list("slug", "redirects__old_slug")
    ):
        live.update((slug, old_slug))
    return {path for path, slug in slugs.items() if slug not in live}


class StaleEdit(Exception):
    """An edit made to an older version of an article than the one now stored."""

    def __init__(self, current: "Article"):
        super().__init__(
            f"“{current.headline}” was saved by someone else meanwhile (now version "
            f"{current.version})."
        )
        self.current = current


class ArticleRedirect(models.Model):
    """An article's former slug, answered with a permanent redirect to its current URL."""

    old_slug = models.SlugField(max_length=200, unique=True)
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="redirects")
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.old_slug} → {self.article.slug}"


class Transition(models.Model):
    """One step of an article through the workflow: who moved it, when, from where to where."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(max_length=20, choices=ArticleStatus.choices)
    to_status = models.CharField(max_length=20, choices=ArticleStatus.choices)
    publish_at = models.DateTimeField(
        null=True, blank=True, help_text="For a publication: the time it goes live."
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["article", "at"], name="transition_article_idx")]

    def __str__(self):
        return f"{self.article}: {self.from_status} → {self.to_status}"


# Saves within this time of publication (typo fixes) do not count as an update for readers.
UPDATE_GRACE = timezone.timedelta(minutes=10)


class Byline(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="bylines")
    person = models.ForeignKey(
        Entity,
        on_delete=models.PROTECT,
        related_name="bylines",
        limit_choices_to={"kind": EntityKind.PERSON},
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["article", "person"], name="byline_unique_person"),
        ]

    def __str__(self):
        return f"{self.person} on {self.article}"

    def clean(self):
        if self.person_id and self.person.kind != EntityKind.PERSON:
            raise ValidationError({"person": "A byline names a person."})


class MentionRole(models.TextChoices):
    MENTIONS = "mentions", "Mentioned"
    ABOUT = "about", "Subject of the article"


class MentionStatus(models.TextChoices):
    SUGGESTED = "suggested", "Suggested"
    CONFIRMED = "confirmed", "Confirmed"
    REJECTED = "rejected", "Rejected"
    NEEDS_REVIEW = "needs_review", "Needs review"


# The mentions an annotator still has to look at: the review queue, the publish warning.
STATUSES_TO_CHECK = [MentionStatus.SUGGESTED, MentionStatus.NEEDS_REVIEW]

# What happened to a mention needing review whose words an edit took away (it then has no
# place: start == end), in words an annotator understands; keyed by the reason
# articles.anchoring.mapping gives.
GONE_SAID = {
    mapping.SENTENCE_DELETED: "The sentence with this name was deleted.",
    mapping.PARAGRAPH_DELETED: "The paragraph with this name was deleted.",
    mapping.WORDS_DELETED: "These words were deleted from their sentence.",
    mapping.REWRITTEN: "The sentence with this name was rewritten without it.",
    mapping.MOVED: (
        "The sentence with this name was moved, edited or copied on the way, so where its "
        "name is now is unsure."
    ),
}
GONE_SAID_OTHERWISE = "An edit took these words out of the text."


class MentionSource(models.TextChoices):
    MANUAL = "manual", "Annotated by hand"
    SUGGESTED = "suggested", "Suggested automatically"


# How much text either side of a mention its quote selector keeps.
QUOTE_CONTEXT = 32


class ArticleRowQuerySet(ContentQuerySet):
    """Rows that belong to one article each (mentions, corrections): readers may see them
    only while their article is published, or scheduled to be."""

    def readers_may_see(self, objs=None) -> bool:
        if objs is None:
            article_ids = self.values("article_id")
        else:
            article_ids = {obj.article_id for obj in objs}
        return Article.objects.filter(pk__in=article_ids, status=ArticleStatus.PUBLISHED).exists()

    def page_tags(self, objs=None) -> set[str]:
        """The tags each row touches (page_tags.of_row), from `objs` or, for an update, from
        the rows' own article and entity ids (one query)."""
        from articles import page_tags

        if objs is None:
            fields = ["article_id"] + (["entity_id"] if self.model is not Correction else [])
            objs = [self.model(**values) for values in self.values(*fields).distinct()]
        tags = set()
        for obj in objs:
            tags |= page_tags.of_row(obj)
        return tags


class MentionQuerySet(ArticleRowQuerySet):
    # Written when an edit moves mentions along their text: what entity pages quote
    # changes, but not who is mentioned where.
    POSITION_FIELDS = frozenset({"start", "end", "exact", "prefix", "suffix"})

    def bulk_update(self, objs, fields, *args, **kwargs):
        self._positions_only = set(fields) <= self.POSITION_FIELDS
        return super().bulk_update(objs, fields, *args, **kwargs)

    def page_tags(self, objs=None) -> set[str]:
        from articles import page_tags

        tags = super().page_tags(objs)
        if getattr(self, "_positions_only", False):
            tags.discard(page_tags.LIST_MENTIONS)
        return tags

    def confirmed(self):
        return self.filter(status=MentionStatus.CONFIRMED)

    def suggested(self):
        return self.filter(status=MentionStatus.SUGGESTED)

    def needs_review(self):
        return self.filter(status=MentionStatus.NEEDS_REVIEW)

    def to_check(self):
        return self.filter(status__in=STATUSES_TO_CHECK)

    def public(self, now=None):
        """Confirmed mentions in articles a reader may see."""
        return self.confirmed().filter(article__in=Article.objects.published(now).values("pk"))

    def accept_all(self) -> tuple[dict, list[tuple["Mention", str]]]:
        """Confirm, in one transaction, every mention here that still fits its article's
        text and overlaps no confirmed mention (nor one accepted before it here), whose
        entity has no namesake (articles.namesakes), and which needs no look
        (suggestions.looks_needed: words that name several entities, or none, or a month):
        which of two people of one name is meant is for someone to decide on the
        annotation screen, one by one.

        For the review queue's bulk action, which may be given thousands: each article's
        text and confirmed spans are read once, the namesakes of all the entities at once,
        and the statuses written in batches, not a query or three per mention. Returns the
        accepted mentions by article id and the refused ones, each with the reason.
        """
        from articles.namesakes import namesakes_of
        from articles.suggestions import looks_needed

        pending = list(
            self.exclude(status=MentionStatus.CONFIRMED)
            .select_related(None)
            .select_related("entity")
            .order_by("article_id", "start", "pk")
        )
        namesakes = namesakes_of({mention.entity_id for mention in pending})
        looks = looks_needed(pending)
        article_ids = {mention.article_id for mention in pending}
        articles = Article.objects.only("pk", "headline", "text").in_bulk(article_ids)
        taken: dict[int, list[tuple[int, int, str]]] = {pk: [] for pk in article_ids}
        for article_id, start, end, name in (
            Mention.objects.confirmed()
            .filter(article_id__in=article_ids)
            .order_by("start")
            .values_list("article_id", "start", "end", "entity__name")
        ):
            taken[article_id].append((start, end, name))
        accepted: dict[int, list[Mention]] = {}
        refused = []
        for mention in pending:
            mention.article = articles[mention.article_id]
            spans = taken[mention.article_id]
            problem = (
                _namesake_problem(mention.entity, namesakes.get(mention.entity_id))
                or mention.fit_problem(mention.article.text)
                or _overlap_problem(spans, mention.start, mention.end)
                or _look_problem(looks.get(mention.pk))
            )
            if problem:
                refused.append((mention, problem))
                continue
            # Confirmed spans never overlap, so they stay sorted by start as by end.
            bisect.insort(spans, (mention.start, mention.end, str(mention.entity)))
            mention.status = MentionStatus.CONFIRMED
            accepted.setdefault(mention.article_id, []).append(mention)
        with transaction.atomic():
            Mention.objects.bulk_update(
                [mention for group in accepted.values() for mention in group],
                ["status"],
                batch_size=1000,
            )
        return accepted, refused


def _namesake_problem(entity: Entity, namesakes: list[Entity] | None) -> str:
    """Why a mention of `entity` may not be accepted in bulk, given its namesakes, or ""."""
    if not namesakes:
        return ""
    from articles.namesakes import said

    others = "; ".join(said(other) for other in namesakes)
    return (
        f"{entity.name} has {'a namesake' if len(namesakes) == 1 else 'namesakes'} "
        f"({others}): open it in the annotation screen and choose."
    )


def _look_problem(said: str | None) -> str:
    """Why a suggestion that needs a look (suggestions.looks_needed says why, in `said`)
    may not be accepted in bulk, or ""."""
    return f"{said} Open it in the annotation screen and check." if said else ""


def _overlap_problem(spans: list[tuple[int, int, str]], start: int, end: int) -> str:
    """Why a mention at start..end may not be confirmed beside the confirmed `spans` (sorted
    by start, never overlapping), or "" when it may."""
    # Only the span starting last before `end` can reach into start..end.
    index = bisect.bisect_left(spans, (end,))
    if index and spans[index - 1][1] > start:
        return f"This overlaps a confirmed mention of {spans[index - 1][2]}."
    return ""


# The longest words one mention may link (a long organization's name fits).
MAX_MENTION_CHARS = 300


class Mention(models.Model):
    """A stretch of an article's reading text that names an entity.

    Stored as both a position (start, end: code points into Article.text) and a quote (exact,
    with prefix and suffix), after the W3C Web Annotation selectors, so that it can be found
    again when the text is edited.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="mentions")
    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="mentions")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    exact = models.CharField(max_length=MAX_MENTION_CHARS)
    prefix = models.CharField(max_length=QUOTE_CONTEXT, blank=True)
    suffix = models.CharField(max_length=QUOTE_CONTEXT, blank=True)
    # Why the last edit left it needing review, in articles.anchoring.mapping's words
    # (say, "sentence_deleted"), when its place cannot tell; "" otherwise.
    review_reason = models.CharField(max_length=20, blank=True, default="", editable=False)
    role = models.CharField(
        max_length=20, choices=MentionRole.choices, default=MentionRole.MENTIONS
    )
    status = models.CharField(
        max_length=20, choices=MentionStatus.choices, default=MentionStatus.CONFIRMED
    )
    source = models.CharField(
        max_length=20, choices=MentionSource.choices, default=MentionSource.MANUAL
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="who",
    )
    created_at = models.DateTimeField("when", default=timezone.now)

    objects = MentionQuerySet.as_manager()

    class Meta:
        ordering = ["article", "start"]
        indexes = [
            # With the article: counting an entity's articles reads the index alone.
            models.Index(fields=["entity", "status", "article"], name="mention_entity_article_idx"),
            models.Index(fields=["article", "status", "start"], name="mention_article_idx"),
        ]
        constraints = [
            # A mention whose words an edit deleted keeps its quote but has no place:
            # start == end, between words, covering none. Only one needing review (or
            # rejected, kept so as not to suggest it again) may be so.
            models.CheckConstraint(
                condition=Q(start__lt=models.F("end"))
                | Q(
                    start=models.F("end"),
                    status__in=[MentionStatus.NEEDS_REVIEW, MentionStatus.REJECTED],
                ),
                name="mention_start_before_end_or_no_place",
            ),
            models.CheckConstraint(condition=Q(start__gte=0), name="mention_start_not_negative"),
        ]

    def __str__(self):
        return f"{self.exact} → {self.entity}"

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # The entity it named when read: moved to another, both entities' lists change
        # (page_tags.of_row).
        instance.entity_before = instance.__dict__.get("entity_id")
        return instance

    def clean(self):
        if self.start is None or self.end is None or self.article_id is None:
            return
        problem = self.fit_problem(self.article.text)
        if problem:
            raise ValidationError(problem)
        if self.status == MentionStatus.CONFIRMED:
            overlapping = (
                Mention.objects.confirmed()
                .filter(article_id=self.article_id, start__lt=self.end, end__gt=self.start)
                .exclude(pk=self.pk)
            )
            if overlapping.exists():
                raise ValidationError(
                    "This overlaps a confirmed mention of "
                    f"{overlapping.select_related('entity').first().entity}."
                )

    def fit_problem(self, body: str) -> str:
        """Why this mention's place and quote do not fit the reading text `body`, or ""."""
        if self.start == self.end and self.exact:
            return (
                f"An edit took “{self.exact}” out of the text, so this mention has no place to "
                "confirm: link the name again where it is now, or remove this mention."
            )
        if not 0 <= self.start < self.end <= len(body):
            return "The mention lies outside the article's text."
        if body[self.start : self.end] != self.exact:
            return f"The text at this place is {body[self.start : self.end]!r}, not {self.exact!r}."
        return ""

    def review_said(self, body: str) -> str:
        """What an edit did to this mention, if it needs review, in words for the
        annotation screen and the article's form (the same words in both); or "".

        A mention without a place says how its words went; one on other words says which;
        one on its own words now inside a longer name says which name.
        """
        if self.status != MentionStatus.NEEDS_REVIEW:
            return ""
        if self.start >= self.end or self.end > len(body):
            return GONE_SAID.get(self.review_reason, GONE_SAID_OTHERWISE)
        now = body[self.start : self.end]
        if now != self.exact:
            return f"An edit changed “{self.exact}” to “{now}”."
        start, end = mapping.name_around(body, self.start, self.end)
        if (start, end) != (self.start, self.end):
            return (
                f"An edit made “{now}” part of a longer name, “{body[start:end]}”: check whom "
                "it names."
            )
        return ""

    def accept(self, entity=None, requote: bool = False):
        """Confirm this mention (of `entity`, if given) and save it.

        Its quote must still be the text at its place; with `requote`, for an annotator who
        has seen the words an edit left there, those words become its quote. Raises
        ValidationError, saving nothing, if the quote or place does not fit the text or the
        mention would overlap a confirmed one.
        """
        if entity is not None:
            self.entity = entity
        self.status = MentionStatus.CONFIRMED
        body = self.article.text
        if requote and 0 <= self.start < self.end <= len(body):
            self.take_words_at_place(body)
        self.clean()
        self.save()

    def take_words_at_place(self, body: str):
        """Make the words now at this place, spaces around them left out, the quote; an
        edit can leave a whole rewritten passage there, which is no name to link."""
        words = body[self.start : self.end]
        self.start += len(words) - len(words.lstrip())
        self.end -= len(words) - len(words.rstrip())
        words = words.strip()
        if not words or "\n" in words or len(words) > MAX_MENTION_CHARS:
            shown = " ".join(words.split())
            shown = shown if len(shown) <= 40 else shown[:39] + "…"
            raise ValidationError(
                f"The words now at this place (“{shown}”) are no name to link: remove this "
                "mention and link the name where it is now."
            )
        self.fill_quote(body)

    def fill_quote(self, body: str | None = None):
        """Set exact, prefix and suffix from the article's reading text at start..end."""
        body = self.article.text if body is None else body
        self.exact = body[self.start : self.end]
        self.prefix = body[max(0, self.start - QUOTE_CONTEXT) : self.start]
        self.suffix = body[self.end : self.end + QUOTE_CONTEXT]


class CorrectionKind(models.TextChoices):
    CORRECTION = "correction", "Correction"
    UPDATE = "update", "Update"


class CorrectionQuerySet(ArticleRowQuerySet):
    def delete(self):
        """Delete, moving the updated_at of each article concerned, as Correction.delete does."""
        article_ids = set(self.values_list("article_id", flat=True))
        result = super().delete()
        Article.objects.filter(pk__in=article_ids).update_quietly(updated_at=timezone.now())
        return result


class Correction(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="corrections")
    kind = models.CharField(
        max_length=20, choices=CorrectionKind.choices, default=CorrectionKind.CORRECTION
    )
    text = models.TextField(help_text="What was wrong and what is right, in a sentence or two.")
    created_at = models.DateTimeField("when", default=timezone.now, validators=[sensible_year])

    objects = CorrectionQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} to {self.article}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.touch_article()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        self.touch_article()
        return result

    def touch_article(self):
        """Move the article's updated_at (readers' "Updated", dateModified) to now.

        An UPDATE of that one column, not Article.save: the article's text has not changed,
        so it gets no new version and its mentions need no re-anchoring.
        """
        Article.objects.filter(pk=self.article_id).update_quietly(updated_at=timezone.now())


class ReviewMention(Mention):
    """The review queue: suggested mentions and those needing review, across all articles."""

    class Meta:
        proxy = True
        verbose_name = "mention to review"
        verbose_name_plural = "mentions to review"


class EntityRedirect(models.Model):
    """An old entity URL, kept after a merge or a change of slug or kind, so links to it
    still reach the entity."""

    kind = models.CharField(max_length=20, choices=EntityKind.choices)
    old_slug = models.SlugField(max_length=200)
    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="redirects")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "old_slug"], name="entity_redirect_unique"),
        ]

    def __str__(self):
        return f"{self.kind}/{self.old_slug} → {self.entity}"

    @classmethod
    def entity_at(cls, kind: str, slug: str) -> Entity | None:
        """The entity an old address (its kind and slug) now leads to, if any."""
        old = cls.objects.filter(kind=kind, old_slug=slug).select_related("entity").first()
        return old.entity if old else None


# --- Preview links ------------------------------------------------------------------------


class PreviewLinkQuerySet(models.QuerySet):
    def active(self, now=None):
        """The links that open a preview now: neither revoked nor expired."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=now or timezone.now())

    def revoke(self, user, now=None) -> int:
        """Revoke every link here not revoked yet, as `user`; how many were revoked."""
        return self.filter(revoked_at__isnull=True).update(
            revoked_at=now or timezone.now(), revoked_by=user
        )


def new_preview_token() -> str:
    """An unguessable token for a preview link's address (192 random bits)."""
    import secrets

    return secrets.token_urlsafe(24)


class PreviewLink(models.Model):
    """A link that shows an article, as it was when shared, to whoever has it, without
    logging in, until it expires or is revoked (see articles/preview.py)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="preview_links")
    token = models.CharField(max_length=64, unique=True, default=new_preview_token, editable=False)
    version = models.PositiveIntegerField(
        editable=False, help_text="The article's version when the link was shared."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="shared by",
    )
    created_at = models.DateTimeField("shared at", default=timezone.now, editable=False)
    expires_at = models.DateTimeField(editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    objects = PreviewLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"Preview link to “{self.article}” ({self.state})"

    def save(self, *args, **kwargs):
        if self.version is None:
            self.version = self.article.version
        if self.expires_at is None:
            self.expires_at = self.created_at + timezone.timedelta(
                seconds=settings.NEWSROOM_PREVIEW_MAX_AGE
            )
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:preview", args=[self.token])

    @property
    def url(self) -> str:
        return self.get_absolute_url()

    @property
    def is_active(self) -> bool:
        return self.state_at() == "active"

    def state_at(self, now=None) -> str:
        """The link's state at `now`: active, expired or revoked (once revoked, always)."""
        if self.revoked_at is not None:
            return "revoked"
        if self.expires_at <= (now or timezone.now()):
            return "expired"
        return "active"

    @property
    def state(self) -> str:
        return self.state_at()
