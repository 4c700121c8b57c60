"""The public site: home, sections, articles, tags, the pages of people, organizations
and places, and the list of corrections.

Every query for articles starts from Article.objects.published(), directly or through
Mention.objects.public(), so drafts, review copies, withdrawn and scheduled articles never
reach a reader; every query for entities starts from Entity.objects.public(), so neither
does a person, organization or place that only such articles name. Each page runs a fixed
number of queries, however many mentions, tags, bylines or corrections there are.
"""

import copy
from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.views.generic import ListView
from taggit.models import Tag

from articles import page_tags, parts, stories, text
from articles.body import site_paths
from articles.images.public import crops_for_search_engines, jpeg, prefetch_renditions, shown
from articles.images.usage import figure_images
from articles.models import (
    ENTITY_URL_NAMES,
    Article,
    ArticleRedirect,
    Correction,
    CorrectionKind,
    Entity,
    EntityKind,
    EntityRedirect,
    Mention,
    MentionRole,
    MentionStatus,
    Section,
    bylines_prefetch,
    hidden_article_paths,
    site_links,
)
from articles.templatetags.newsroom import json_ld, top_sections

# How many articles the home page shows at the top, and in each section's block.
HOME_LATEST = 5
HOME_PER_SECTION = 4
# How many of a person's bylined articles their page lists.
ENTITY_BYLINES = 10
# How many articles "Articles about" lists on an entity's page.
ENTITY_ABOUT = 10
# How many entities "Often mentioned with" lists.
CO_MENTIONED = 10
# How many articles "Related articles" lists under an article, and how far down the
# ranking of sharing articles it looks for them at most.
RELATED_ARTICLES = 5
MAX_CANDIDATES = 5_000
# "Most mentioned this week" on the home page: how many entities, over how many days.
MOST_MENTIONED = 10
MOST_MENTIONED_DAYS = 7

# The schema.org type of each kind of entity, for structured data.
SCHEMA_TYPES = {
    EntityKind.PERSON: "Person",
    EntityKind.ORGANIZATION: "Organization",
    EntityKind.PLACE: "Place",
}


def home(request):
    """The newest articles, the newest of each top-level section, and the most mentioned.

    Its stories are written out as one part (home_stories), the most mentioned as another:
    a mention confirmed anywhere changes the second alone."""
    stories_html = parts.kept("home-stories", lambda: home_stories(request, top_sections()))
    most_mentioned_html = parts.kept(
        "most-mentioned",
        lambda: render_to_string(
            "articles/_most_mentioned.html", {"most_mentioned": most_mentioned_now()}
        ),
    )
    return render(
        request,
        "articles/home.html",
        {**stories_html, "most_mentioned": most_mentioned_html},
    )


def home_stories(request, sections) -> dict:
    """The home page's stories written out: the newest ("latest", None when nothing is
    published) and each of `sections`' newest ("sections").

    Which articles those are is kept as a part of its own (home_lists), dropped by any
    article published, withdrawn or moved; each story is kept on its own too, so an edit of
    one story's headline rebuilds this from the others' kept parts. Whether the articles
    are published is asked again here, through published() (their pks alone)."""
    lists = parts.kept("home-lists", lambda: home_lists(sections))
    listed = [*lists["latest"], *(pk for _, pks in lists["sections"] for pk in pks)]
    published = Article.objects.published()
    live = set(published.filter(pk__in=listed).values_list("pk", flat=True))
    shown = {
        story.pk: story
        for story in stories.stories_of(
            [pk for pk in listed if pk in live],
            published.for_listing(with_bylines=False, with_renditions=False),
        )
    }
    latest = [shown[pk] for pk in lists["latest"] if pk in shown]
    if not latest:
        return {"latest": None, "sections": ""}
    by_section = {
        section_pk: [shown[pk] for pk in pks if pk in shown]
        for section_pk, pks in lists["sections"]
    }
    section_blocks = [
        (section, by_section[section.pk]) for section in sections if by_section.get(section.pk)
    ]
    return {
        "latest": render_to_string(
            "articles/_home_latest.html",
            {"lead_article": latest[0], "latest": latest[1:]},
            request,
        ),
        "sections": render_to_string(
            "articles/_home_sections.html", {"section_blocks": section_blocks}, request
        ),
    }


def home_lists(sections) -> dict:
    """The pks of the home page's lists: the newest articles ("latest"), and the newest few
    of each of `sections` (its own and its subsections') not among those ("sections": a
    list of (section pk, article pks)); two queries. Any article published, withdrawn or
    moved may change them (their list tag); so may its time, when the generation ends."""
    page_tags.declare(page_tags.LIST_ALL)
    published = Article.objects.published()
    latest = list(published.newest_first().values_list("pk", flat=True)[:HOME_LATEST])
    # The newest few articles of each top-level section, in one query: one small subquery
    # per section, each served by an index, so the cost grows with the number of sections
    # and not with the archive.
    newest_in_some_section = Q(pk__in=[])
    for section in sections:
        newest = (
            published.in_section(section)
            .exclude(pk__in=latest)
            .newest_first()
            .values("pk")[:HOME_PER_SECTION]
        )
        newest_in_some_section |= Q(pk__in=newest)
    # Ordered by the indexed time alone and limited, the database walks the newest articles
    # and stops at the last one wanted (with a second sort key it would read on to the end
    # to be sure of ties); equal times are put in order here.
    newest = sorted(
        published.filter(newest_in_some_section)
        .order_by("-publish_at")
        .values_list("publish_at", "pk", "section_id", "section__parent_id")[
            : HOME_PER_SECTION * len(sections)
        ],
        reverse=True,
    )
    by_section = defaultdict(list)
    for _, pk, section_id, parent_id in newest:
        by_section[parent_id or section_id].append(pk)
    return {"latest": latest, "sections": list(by_section.items())}


def most_mentioned(days=MOST_MENTIONED_DAYS, limit=MOST_MENTIONED):
    """The entities with the most confirmed mentions in the articles published in the last
    `days` days, each with its `mention_count`, most mentioned first; one query.

    Through published(), so a scheduled article counts only once it is live."""
    now = timezone.now()
    recent = Article.objects.published(now).filter(publish_at__gt=now - timedelta(days=days))
    ranked = (
        Entity.objects.filter(
            mentions__status=MentionStatus.CONFIRMED, mentions__article__in=recent.values("pk")
        )
        .annotate(mention_count=Count("mentions"))
        .order_by("-mention_count", "name")
    )
    return _public_winners(ranked, now, limit)


def most_mentioned_now() -> list:
    """most_mentioned() as the home page shows it, with the tags of what may change it:
    its counts, the articles published (and withdrawn), and the entities readers may see,
    since any entity may become one. Its window moves on with the content generation."""
    page_tags.declare(page_tags.LIST_ALL, page_tags.LIST_MENTIONS, page_tags.any_of("entity"))
    return list(most_mentioned())


def _public_winners(ranked, now, limit):
    """The first `limit` entities of `ranked` (annotated and ordered, best first), through
    the public gate, Entity.objects.public(now); still one query.

    The gate is checked on the winners alone: checked on every candidate, PostgreSQL
    hashes every confirmed mention of a published article first, which took over 100 ms
    with 200,000 mentions. Entities ranked by their confirmed mentions in published
    articles pass it anyway; checking it keeps the one rule in one place."""
    return ranked.filter(pk__in=ranked.values("pk")[:limit]).public(now)


def page_numbers(page):
    """The page numbers a list's pagination links to: the ends, and two either side of
    `page`, with an ellipsis between."""
    return page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)


class KeptCountPaginator(Paginator):
    """A paginator whose count of the whole list is a part kept under `name` with `tags`,
    those of what may change it (articles/page_tags.py): a page of a list unchanged since
    asks the database for its rows alone, not to count them all again."""

    def __init__(self, *args, name: str, tags: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.name, self.tags = name, tags

    @cached_property
    def count(self):
        def build():
            page_tags.declare(*self.tags)
            return Paginator.count.func(self)

        return parts.kept(f"count-{self.name}", build)


class PageSizeMixin:
    """Paginate by settings.NEWSROOM_PAGE_SIZE, read per request so tests can change it;
    with a count_tag(), the list's count is kept (KeptCountPaginator)."""

    def get_paginate_by(self, queryset):
        return settings.NEWSROOM_PAGE_SIZE

    def count_tag(self) -> str | None:
        """The list tag whose change may change the count of the view's list; None to count
        it every time."""
        return None

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kw):
        list_tag = self.count_tag()
        if list_tag is None:
            return super().get_paginator(queryset, per_page, orphans, allow_empty_first_page, **kw)
        return KeptCountPaginator(
            queryset,
            per_page,
            orphans=orphans,
            allow_empty_first_page=allow_empty_first_page,
            name=list_tag,
            tags=[list_tag],
            **kw,
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context["page_obj"]
        if page is not None:
            context["page_numbers"] = page_numbers(page)
        return context


class StoryListMixin:
    """A list view of stories, the view's articles() (a queryset through published(), in
    the list's order), whose count_tag() names what may change the list. The pks of a page
    of the list are kept as a part under that tag; the stories are kept each on their own,
    and only the articles of those not kept are read (articles.stories.stories_of)."""

    def get_queryset(self):
        return self.articles().values_list("pk", flat=True)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context["page_obj"]

        def page_pks():
            page_tags.declare(self.count_tag())
            return list(page.object_list)

        pks = parts.kept(
            f"pks-{self.count_tag()}-{page.number}-{page.paginator.per_page}", page_pks
        )
        page.object_list = context[self.context_object_name] = stories.stories_of(
            pks, self.articles().for_listing(with_bylines=False, with_renditions=False)
        )
        return context


class SectionView(StoryListMixin, PageSizeMixin, ListView):
    """A section's articles, with those of its subsections, newest first."""

    template_name = "articles/section.html"
    context_object_name = "articles"

    def get_queryset(self):
        slug = self.kwargs["slug"]
        # The section with its parent and subsections, and the top-level sections of the
        # layout's navigation, in one query.
        found = list(
            Section.objects.filter(
                Q(slug=slug) | Q(parent__slug=slug) | Q(parent=None)
            ).select_related("parent")
        )
        self.section = next((section for section in found if section.slug == slug), None)
        if self.section is None:
            raise Http404(f"No section is called {slug!r}.")
        self.subsections = [section for section in found if section.parent_id == self.section.pk]
        self.nav_sections = [section for section in found if section.parent_id is None]
        page_tags.declare(self.count_tag())
        return super().get_queryset()

    def articles(self):
        return Article.objects.published().in_section(self.section).newest_first()

    def count_tag(self):
        return page_tags.row("list-section", self.section.pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            section=self.section,
            subsections=self.subsections,
            nav_sections=self.nav_sections,
            current_section_id=self.section.parent_id or self.section.pk,
            **kwargs,
        )


class TagView(StoryListMixin, PageSizeMixin, ListView):
    """The published articles with a tag; a tag no reader can see any article of is 404."""

    template_name = "articles/tag.html"
    context_object_name = "articles"

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kw):
        # An empty first page is not found: the paginator's count tells, where ListView's
        # allow_empty = False would ask the database first whether there is any article.
        return super().get_paginator(
            queryset, per_page, orphans, allow_empty_first_page=False, **kw
        )

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        page_tags.declare(self.count_tag())
        return super().get_queryset()

    def articles(self):
        return Article.objects.published().filter(tags__in=[self.tag]).newest_first()

    def count_tag(self):
        return page_tags.row("list-tag", self.tag.pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


class CorrectionListView(PageSizeMixin, ListView):
    """Recent corrections and updates of the articles readers may see, newest first."""

    template_name = "articles/corrections.html"
    context_object_name = "corrections"

    def get_queryset(self):
        # A correction added or removed, and an article published or withdrawn, which
        # brings its corrections in or takes them out.
        page_tags.declare(page_tags.LIST_CORRECTIONS, page_tags.LIST_ALL)
        return (
            Correction.objects.filter(article__in=Article.objects.published().values("pk"))
            .select_related("article")
            .order_by("-created_at", "-pk")
        )


def _is_anchored(mention, reading_text):
    """Whether the mention's position still holds its quote (else it must not be shown)."""
    return reading_text[mention.start : mention.end] == mention.exact


def for_article_page(queryset):
    """`queryset` with all the article page shows, fetched in a fixed number of queries;
    but the bylines, which article_page_context fetches with the related articles', and
    the corrections, which it fetches only for an article that has some (`has_corrections`,
    asked in the same query as the article: most have none)."""
    # The search column is large and only the search reads it.
    return (
        queryset.defer("search_vector")
        .select_related("section__parent", "lead_image")
        .annotate(has_corrections=Exists(Correction.objects.filter(article=OuterRef("pk"))))
        .prefetch_related(
            Prefetch(
                "mentions",
                queryset=Mention.objects.confirmed().select_related("entity").order_by("start"),
                to_attr="confirmed_mentions",
            ),
            "tags",
        )
    )


def hidden_entities(article) -> set[int]:
    """The pks of the entities `article` names (bylines, confirmed mentions) that no reader
    may see yet: none for a published article, which makes every one of them public; for a
    preview of any other, those that nothing published names (one query)."""
    if article.is_published():
        return set()
    named = {byline.person_id for byline in article.bylines.all()}
    named.update(mention.entity_id for mention in article.confirmed_mentions)
    if not named:
        return set()
    return named - set(Entity.objects.public().filter(pk__in=named).values_list("pk", flat=True))


# The views that show one entity, and the kind each shows: its page and its feeds.
ENTITY_VIEWS = {
    **{view_name: kind for kind, view_name in ENTITY_URL_NAMES.items()},
    **{f"feeds:{kind}-{form}": kind for kind in EntityKind.values for form in ("rss", "atom")},
}


def hidden_entity_paths(bodies) -> set[str]:
    """The paths of entity pages and feeds that `bodies` link to (an editor's links) and
    that no reader may see now: an entity nothing published names, or none at all, so that
    their links show as text and leak nothing. One query, and none without such links."""
    wanted = {
        path: (ENTITY_VIEWS[match.view_name], match.kwargs["slug"])
        for path, match in site_links(bodies, ENTITY_VIEWS).items()
    }
    if not wanted:
        return set()
    addresses = Q()
    for kind, slug in set(wanted.values()):
        addresses |= Q(kind=kind, slug=slug) | Q(redirects__kind=kind, redirects__old_slug=slug)
    live = set()
    for kind, slug, old_kind, old_slug in (
        Entity.objects.public()
        .filter(addresses)
        .values_list("kind", "slug", "redirects__kind", "redirects__old_slug")
    ):
        live.update(((kind, slug), (old_kind, old_slug)))
    return {path for path, address in wanted.items() if address not in live}


def hidden_paths(bodies) -> set[str]:
    """The paths of our own articles, entity pages and feeds that `bodies` link to and that
    no reader may see now (see hidden_article_paths and hidden_entity_paths)."""
    bodies = list(bodies)
    if any(site_paths(body) for body in bodies):
        # Which of them readers may see changes as articles are published and withdrawn,
        # and as entities are made public or renamed.
        page_tags.declare(page_tags.LIST_ALL, page_tags.any_of("entity"))
    return hidden_article_paths(bodies) | hidden_entity_paths(bodies)


def article_page_context(request, article):
    """The context of templates/articles/article.html for `article`, fetched with
    for_article_page(): the public page and the staff and shared previews all use it, so a
    preview shows exactly what readers will see.

    A preview may name people, organizations and places that no reader may see yet (only
    unpublished articles name them): their names show without a link to their pages, which
    do not exist for readers until the article is published."""
    tags = sorted(article.tags.all(), key=lambda tag: tag.name.lower())
    entity_ids = {mention.entity_id for mention in article.confirmed_mentions}
    # The related articles are those found when the page is built: its tags are theirs as
    # items, not those of the lists they were found in, so that an article published into
    # one of those lists does not drop every page sharing an entity with it. They are
    # refreshed when the page is next built (articles/parts.py).
    related = related_articles(article, entity_ids=entity_ids, tag_ids={tag.pk for tag in tags})
    # The article's bylines and the related articles', in one query.
    prefetch_related_objects([article, *related], bylines_prefetch())
    hidden = hidden_entities(article)
    for mention in article.confirmed_mentions:
        mention.entity.hidden_from_readers = mention.entity_id in hidden
    for byline in article.bylines.all():
        byline.person.hidden_from_readers = byline.person_id in hidden
    mentions = [m for m in article.confirmed_mentions if _is_anchored(m, article.text)]
    # Each entity once, in the order the article first mentions it.
    entities = list({mention.entity_id: mention.entity for mention in mentions}.values())
    subjects = list(
        {
            mention.entity_id: mention.entity
            for mention in article.confirmed_mentions
            if mention.role == MentionRole.ABOUT
        }.values()
    )
    bylines = list(article.bylines.all())
    corrections = list(article.corrections.all()) if article.has_corrections else []
    # The lead image's renditions and the related articles' thumbnails', in one query.
    prefetch_renditions([article.lead_image, *(other.lead_image for other in related)])
    lead_image = shown(article.lead_image)
    return {
        "article": article,
        "lead_image": lead_image,
        # Why a lead image is not shown, for the preview to tell the editor.
        "lead_image_problem": article.lead_image and article.lead_image.publish_problem(),
        "body_html": _rendered_body(article, hidden),
        "bylines": bylines,
        "tags": tags,
        "corrections": corrections,
        "entities": entities,
        "subjects": subjects,
        "related": related,
        "json_ld": _news_article_json_ld(
            request, article, bylines, tags, entities, subjects, corrections, lead_image
        ),
        "current_section_id": article.section.parent_id or article.section_id,
    }


def _rendered_body(article, hidden):
    """The article's body as its page shows it: the mentions of the entities in `hidden`
    (see hidden_entities) and the editor's links to what no reader may see are text."""
    if hidden:
        article = copy.copy(article)
        article.confirmed_mentions = [
            mention for mention in article.confirmed_mentions if mention.entity_id not in hidden
        ]
    # The figures' pictures: two queries, none for a body without figures.
    images = figure_images(article.body)
    return mark_safe(
        article.rendered_body(hidden_paths=hidden_paths([article.body]), images=images)
    )


def article_parts(request, context) -> dict:
    """The parts of an article's page rendered from its article_page_context (with
    `preview` when it is one): its title, meta tags, structured data and content."""
    article = context["article"]
    return {
        "title": article.headline,
        "meta": render_to_string("articles/_article_meta.html", context, request),
        "head": json_ld(context["json_ld"]),
        "content": render_to_string("articles/_article_content.html", context, request),
        "current_section_id": context["current_section_id"],
    }


def article_detail(request, slug):
    """A published article; a former slug of one answers with a permanent redirect to it.

    Its page is built from parts kept between requests (articles/parts.py): each request
    asks the database only whether the article is published, by its address."""
    pk = Article.objects.published().filter(slug=slug).values_list("pk", flat=True).first()
    if pk is None:
        # Only a missing page pays for this query. Every old slug of an article points at
        # the article itself, not at the next slug, so a chain of renames is one hop.
        old = (
            ArticleRedirect.objects.filter(
                old_slug=slug, article__in=Article.objects.published().values("pk")
            )
            .select_related("article")
            .first()
        )
        if old is None:
            raise Http404(f"No published article is called {slug!r}.")
        return redirect(old.article, permanent=True)

    def build():
        article = for_article_page(Article.objects.filter(pk=pk)).get()
        return article_parts(request, article_page_context(request, article))

    # Absolute addresses (the canonical link, the structured data) name the host.
    parts_kept = parts.kept(f"article-{pk}-{request.scheme}-{request.get_host()}", build)
    return render(
        request,
        "articles/article.html",
        {"parts": parts_kept, "current_section_id": parts_kept["current_section_id"]},
    )


def related_articles(article, entity_ids, tag_ids, limit=RELATED_ARTICLES):
    """Other published articles that share the most entities (`entity_ids`, by confirmed
    mentions) and tags (`tag_ids`) with `article`, newest first on ties. Their bylines are
    not fetched: prefetch them with the article's own (bylines_prefetch()).

    The database adds up what every other article shares, hands back only the best few
    candidates with those readers may see among them and in their order, and then the
    winners' rows alone.
    """
    candidates = limit * 10
    while True:
        ranked = _most_shared(article, entity_ids, tag_ids, candidates)
        best = [pk for pk, visible in ranked if visible][:limit]
        # Unpublished articles (many drafts of one story, say) can crowd the readable ones
        # out of the candidates: then, and only then, look further down the ranking, up to
        # a bound (beyond it, the list is left short).
        if len(best) >= limit or len(ranked) < candidates or candidates >= MAX_CANDIDATES:
            break
        candidates *= 10
    if not best:
        return []
    rows = (
        Article.objects.published()
        .filter(pk__in=best)
        .for_listing(with_bylines=False, with_renditions=False)
        .in_bulk()
    )
    # Published a moment ago and withdrawn since: left out.
    return [rows[pk] for pk in best if pk in rows]


def _most_shared(article, entity_ids, tag_ids, limit):
    """(pk, visible) of the `limit` other articles that share the most entities and tags,
    whether published or not (a later pk first on ties, as later articles mostly are);
    `visible` when readers may see it (Article.objects.published()). Ordered best first:
    most shared, then the newest of those readers may see.

    One query. Each entity and tag an article shares is one distinct row, so the database
    counts rows in a hash (counting distinct values per article sorted every group, seven
    times as slow on PostgreSQL); the entities' rows come from an index alone. (At 10,000
    articles, correlated subqueries took hundreds of milliseconds, and reading every
    sharing article's count into Python cost a few milliseconds more.)
    """
    shared = []
    if entity_ids:
        shared.append(
            Mention.objects.filter(status=MentionStatus.CONFIRMED, entity_id__in=entity_ids)
            .exclude(article_id=article.pk)
            .values(related=F("article_id"), what=F("entity_id"))
            .distinct()
        )
    if tag_ids:
        shared.append(
            Article.tags.through.objects.filter(
                tag_id__in=tag_ids, content_type=ContentType.objects.get_for_model(Article)
            )
            .exclude(object_id=article.pk)
            .values(related=F("object_id"), what=F("tag_id"))
            .distinct()
        )
    if not shared:
        return []
    visible = Article.objects.published().values(visible_id=F("pk"), at=F("publish_at"))
    database = shared[0].db

    def compiled(queryset):
        # Without order_by(), Mention's default ordering would join the article table.
        return queryset.order_by().query.get_compiler(using=database).as_sql()

    shared_sql = [compiled(queryset) for queryset in shared]
    visible_sql, visible_params = compiled(visible)
    with connections[database].cursor() as cursor:
        cursor.execute(
            "SELECT ranked.related, visible.visible_id IS NOT NULL FROM ("
            "SELECT related, COUNT(*) AS score"
            f" FROM ({' UNION ALL '.join(sql for sql, _ in shared_sql)}) AS shared"
            " GROUP BY related ORDER BY score DESC, related DESC LIMIT %s"
            f") AS ranked LEFT JOIN ({visible_sql}) AS visible"
            " ON visible.visible_id = ranked.related"
            " ORDER BY ranked.score DESC, visible.at DESC, ranked.related DESC",
            [*(param for _, params in shared_sql for param in params), limit, *visible_params],
        )
        return [(pk, bool(visible)) for pk, visible in cursor.fetchall()]


def _schema_thing(request, entity):
    """`entity` as a schema.org Person, Organization or Place: name, page and Wikidata item
    (no page for one that no reader may see yet, in a preview)."""
    thing = {"@type": SCHEMA_TYPES[entity.kind], "name": entity.name}
    if not getattr(entity, "hidden_from_readers", False):
        thing["url"] = request.build_absolute_uri(entity.get_absolute_url())
    if entity.wikidata:
        thing["sameAs"] = entity.wikidata_url
    return thing


def _news_article_json_ld(
    request, article, bylines, tags, entities, subjects, corrections, lead_image
):
    """schema.org NewsArticle data, for search engines."""
    url = request.build_absolute_uri(article.get_absolute_url())
    subject_ids = {entity.pk for entity in subjects}
    return {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.headline,
        "description": article.dek,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        # A draft seen in preview has no publication time yet.
        **({"datePublished": article.publish_at.isoformat()} if article.publish_at else {}),
        "dateModified": article.modified_at.isoformat(),
        "articleBody": article.text,
        "wordCount": len(article.text.split()),
        "articleSection": article.section.name,
        # Google's Article structured data asks for the picture in 16x9, 4x3 and 1x1.
        **(
            {"image": crops_for_search_engines(lead_image, request.build_absolute_uri)}
            if lead_image
            else {}
        ),
        "author": [_schema_thing(request, byline.person) for byline in bylines],
        "publisher": {
            "@type": "NewsMediaOrganization",
            "name": settings.SITE_NAME,
            "url": request.build_absolute_uri(reverse("articles:home")),
        },
        "keywords": [tag.name for tag in tags],
        # schema.org keeps the subject apart: an entity is either `about` or `mentions`.
        "about": [_schema_thing(request, entity) for entity in subjects],
        "mentions": [
            _schema_thing(request, entity) for entity in entities if entity.pk not in subject_ids
        ],
        # Updates add to a story; only corrections say something was wrong.
        "correction": [
            {
                "@type": "CorrectionComment",
                "text": correction.text,
                "datePublished": correction.created_at.isoformat(),
            }
            for correction in corrections
            if correction.kind == CorrectionKind.CORRECTION
        ],
    }


def entity_json_ld(request, entity, picture=None):
    """schema.org data of an entity's page: the entity with its other names, description
    and `picture` (the whole picture, as its page shows it, with caption and credit)."""
    return {
        "@context": "https://schema.org",
        **_schema_thing(request, entity),
        **({"alternateName": entity.aliases} if entity.aliases else {}),
        **({"description": entity.description} if entity.description else {}),
        **({"image": _image_object(request, picture)} if picture else {}),
    }


def _image_object(request, image):
    """`image` as a schema.org ImageObject: its largest whole-picture JPEG, caption, credit."""
    found = jpeg(image, "w1024", request.build_absolute_uri)
    return {
        "@type": "ImageObject",
        "url": found.url,
        "width": found.width,
        "height": found.height,
        **({"caption": image.caption} if image.caption else {}),
        **({"creditText": image.credit} if image.credit else {}),
        **({"copyrightNotice": image.licence} if image.licence else {}),
    }


def often_mentioned_with(entity, limit=CO_MENTIONED):
    """The entities sharing the most published articles with `entity`, most shared first."""
    now = timezone.now()
    shared_articles = Mention.objects.public(now).filter(entity=entity).values("article_id")
    ranked = (
        Entity.objects.filter(
            mentions__status=MentionStatus.CONFIRMED, mentions__article__in=shared_articles
        )
        .exclude(pk=entity.pk)
        .annotate(shared_articles=Count("mentions__article", distinct=True))
        .order_by("-shared_articles", "name")
    )
    return _public_winners(ranked, now, limit)


def mention_snippets(mentions) -> None:
    """Give each of `mentions` its `snippet`: its sentence, or, for a mention whose words an
    edit took away, its quote. Each is kept as a part (articles/parts.py) dropped by any
    change to the mention or to its article's text; the texts of those not kept are read in
    one query."""

    def build(names):
        missing = [by_name[name] for name in names]
        texts = dict(
            Article.objects.filter(pk__in={mention.article_id for mention in missing}).values_list(
                "pk", "text"
            )
        )
        return {
            f"sentence-{mention.pk}": (
                _snippet(mention, texts[mention.article_id]),
                [page_tags.row("article", mention.article_id)],
            )
            for mention in missing
        }

    by_name = {f"sentence-{mention.pk}": mention for mention in mentions}
    for name, snippet in parts.kept_many(list(by_name), build).items():
        by_name[name].snippet = snippet


def _snippet(mention, reading_text) -> text.Snippet:
    if _is_anchored(mention, reading_text):
        return text.snippet(reading_text, mention.start, mention.end)
    return text.Snippet(mention.prefix, mention.exact, mention.suffix)


def often_mentioned_with_now(entity) -> list:
    """often_mentioned_with() as the entity's page shows it, with the tags of what may change
    it: the entity's articles published or withdrawn, any mention (in an article it shares),
    and any entity made public or hidden."""
    page_tags.declare(
        page_tags.row("list-entity", entity.pk), page_tags.LIST_MENTIONS, page_tags.any_of("entity")
    )
    return list(often_mentioned_with(entity))


def articles_about(entity, limit=ENTITY_ABOUT):
    """The newest published articles whose subject is `entity` (a confirmed "about" mention)."""
    return (
        Article.objects.published()
        .mentioning(entity, role=MentionRole.ABOUT)
        .for_listing(with_bylines=False, with_renditions=False)
        .newest_first()[:limit]
    )


def public_entity_at(kind: str, old_slug: str):
    """The entity an old address (its kind and slug) now leads to, if a reader may see it
    (as EntityRedirect.entity_at, through the public gate), else None; one query."""
    old = (
        EntityRedirect.objects.filter(
            kind=kind, old_slug=old_slug, entity__in=Entity.objects.public()
        )
        .select_related("entity")
        .first()
    )
    return old.entity if old else None


def public_entity(kind: str, slug: str):
    """The entity of `kind` at `slug` with its picture, if a reader may see it (through
    Entity.objects.public()), else Entity.DoesNotExist, exactly as for a missing one; one
    query. Whether a reader may see it changes with its row (made public on purpose) and
    with its list: a mention of it, or an article naming it or bylined by it, published or
    withdrawn (articles/page_tags.py), so it may be kept under those tags."""
    entity = Entity.objects.public().filter(kind=kind, slug=slug).select_related("picture").first()
    if entity is None:
        raise Entity.DoesNotExist(f"No {kind} is called {slug!r}.")
    page_tags.declare(page_tags.row("list-entity", entity.pk))
    return entity


class EntityView(PageSizeMixin, ListView):
    """A person's, organization's or place's page: the articles about it, then every public
    mention, newest first. The old slug of a merged entity redirects to the survivor. One
    that no reader may see yet (see Entity.objects.public()) is not found, old slugs too."""

    kind = None
    template_name = "articles/entity.html"
    context_object_name = "mentions"

    def get(self, request, *args, **kwargs):
        if len(kwargs["slug"]) > Entity._meta.get_field("slug").max_length:
            # No entity, nor any old address of one, is called that: nothing to look up.
            raise Http404(f"No {self.kind} is called {kwargs['slug']!r}.")
        try:
            self.entity = parts.kept(
                f"entity-at-{self.kind}-{kwargs['slug']}",
                lambda: public_entity(self.kind, kwargs["slug"]),
            )
        except Entity.DoesNotExist:
            # Only a missing page pays for this query: the old URL of a merged or renamed
            # entity.
            moved_to = public_entity_at(self.kind, kwargs["slug"])
            if moved_to is None:
                raise Http404(f"No {self.kind} is called {kwargs['slug']!r}.") from None
            return redirect(moved_to, permanent=True)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return (
            Mention.objects.public()
            .filter(entity=self.entity)
            .select_related("article")
            # The snippets are kept (mention_snippets); the texts are large and read only
            # for those that are not.
            .defer("article__search_vector", "article__body", "article__text")
            .order_by("-article__publish_at", "-article__pk", "start")
        )

    def count_tag(self):
        return page_tags.row("list-entity", self.entity.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(entity=self.entity, **kwargs)
        page = context["page_obj"]
        # Absolute addresses (the canonical link, the structured data) name the host.
        context["parts"] = parts.kept(
            f"entity-{self.entity.pk}-{page.number}-{page.paginator.per_page}"
            f"-{self.request.scheme}-{self.request.get_host()}",
            lambda: entity_parts(self.request, context),
        )
        context["co_mentioned"] = parts.kept(
            f"often-mentioned-with-{self.entity.pk}",
            lambda: render_to_string(
                "articles/_entity_co_mentioned.html",
                {"co_mentioned": often_mentioned_with_now(self.entity)},
            ),
        )
        return context


def entity_parts(request, context) -> dict:
    """The parts of an entity's page (EntityView's context, with its page of mentions not
    yet read): its meta tags, feed links, structured data, header and lists.

    Kept with the tags of the entity, its picture and its list (the articles that name it,
    its sentences: every mention of it and every article naming it published or withdrawn
    touches the list's tag), and those of the rows read; not with those of who is often
    mentioned with it, which any mention anywhere changes (kept apart)."""
    entity = context["entity"]
    page_tags.declare(
        page_tags.row("list-entity", entity.pk),
        *(page_tags.of_instance(row) for row in (entity, entity.picture) if row is not None),
    )
    page = context["page_obj"]
    page.object_list = mentions = list(page.object_list)
    mention_snippets(mentions)
    bylined = []
    if entity.kind == EntityKind.PERSON:
        bylined = list(
            Article.objects.published()
            .filter(bylines__person=entity)
            .for_listing(with_bylines=False, with_renditions=False)
            .newest_first()[:ENTITY_BYLINES]
        )
    about = list(articles_about(entity))
    stories.prepare(about + bylined, pictures=[entity.picture])
    # Rights alone decide: an entity's picture has no publish step to ask for alt text,
    # so one without it takes the entity's name (templates/articles/_entity_header.html).
    picture = entity.picture if entity.picture and entity.picture.is_usable() else None
    context = {
        **context,
        "mentions": mentions,
        "about_articles": about,
        "bylined_articles": bylined,
        "picture": picture,
        "og_type": "profile" if entity.kind == EntityKind.PERSON else "website",
    }
    return {
        "meta": render_to_string("articles/_entity_meta.html", context, request),
        "feeds": render_to_string("articles/_entity_feeds.html", context, request),
        "head": json_ld(entity_json_ld(request, entity, picture)),
        "header": render_to_string("articles/_entity_header.html", context, request),
        "main": render_to_string("articles/_entity_main.html", context, request),
    }
