"""Sitemaps for search engines: articles, sections, entities, and a Google News sitemap.

Every article query starts from Article.objects.published(), so only what readers may see
is listed. Each sitemap's lastmod is when the newest change to an article concerned
reached readers: its last save, or its publication if that came later (a scheduled
article goes live with no save).
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max, OuterRef, Subquery
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from articles.models import Article, Entity, MentionStatus, Section

# Google News takes articles published in the last two days.
NEWS_WINDOW = timezone.timedelta(hours=48)
# Article.modified_at, in the database (published articles all have a publish_at).
MODIFIED_AT = Greatest("updated_at", "publish_at")


class LastmodSitemap(Sitemap):
    """A sitemap whose items() are annotated with `lastmod`."""

    def lastmod(self, item):
        return item.lastmod

    def get_latest_lastmod(self):
        # One aggregate rather than Sitemap's default, which loads every item.
        return self.items().aggregate(latest=Max("lastmod"))["latest"]


class ArticleSitemap(LastmodSitemap):
    """Every published article."""

    def items(self):
        return Article.objects.published().only("slug").annotate(lastmod=MODIFIED_AT).order_by("pk")


class NewsSitemap(LastmodSitemap):
    """The articles published in the last 48 hours, for Google News.

    Rendered with templates/sitemaps/news.xml, which adds the news:news element.
    """

    # This limit is defined by Google.
    limit = 1000

    def items(self):
        since = timezone.now() - NEWS_WINDOW
        return (
            Article.objects.published()
            .filter(publish_at__gte=since)
            .only("slug", "headline", "publish_at")
            .annotate(lastmod=MODIFIED_AT)
            .newest_first()
        )


class Latest(Greatest):
    """The later of two times, either of which may be missing (NULL), on every database:
    PostgreSQL's GREATEST() leaves NULLs out, SQLite's MAX() of a NULL is NULL."""

    def as_sqlite(self, compiler, connection, **extra_context):
        first, second = self.get_source_expressions()
        both = Greatest(Coalesce(first, second), Coalesce(second, first))
        return both.as_sqlite(compiler, connection, **extra_context)


def newest_update(articles):
    """A subquery of the newest modification among `articles`, for annotating other rows."""
    articles = articles.annotate(modified_at=MODIFIED_AT)
    return Subquery(articles.order_by("-modified_at").values("modified_at")[:1])


class SectionSitemap(LastmodSitemap):
    """Every section; its lastmod is that of its newest article, or a subsection's."""

    def items(self):
        in_section = Article.objects.published().in_section(OuterRef("pk"))
        return Section.objects.annotate(lastmod=newest_update(in_section)).order_by("pk")


class EntitySitemap(LastmodSitemap):
    """The people, organizations and places a reader may see (Entity.objects.public()):
    those with a confirmed mention or a byline in a published article, whose lastmod is
    that of the newest such article, and those made public on purpose before any is (with
    no lastmod until one is)."""

    def items(self):
        now = timezone.now()
        published = Article.objects.published(now)
        # Apart, each read from an index for one entity; as one OR over both joins, the
        # database read every published article for each entity (minutes at 10,000).
        mentioning = newest_update(
            published.filter(
                mentions__entity=OuterRef("pk"), mentions__status=MentionStatus.CONFIRMED
            )
        )
        bylined = newest_update(published.filter(bylines__person=OuterRef("pk")))
        lastmod = Latest(mentioning, bylined)
        return Entity.objects.public(now).annotate(lastmod=lastmod).order_by("pk")


# The sections of /sitemap.xml, each at /sitemap-<name>.xml.
SITEMAPS = {
    "articles": ArticleSitemap,
    "sections": SectionSitemap,
    "entities": EntitySitemap,
    "news": NewsSitemap,
}
