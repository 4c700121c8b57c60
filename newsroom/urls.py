from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.views.generic import TemplateView

from articles.feeds import AtomFeed, EntityFeed, LatestFeed, SectionFeed, TagFeed
from articles.images.views import serve_media
from articles.models import EntityKind
from articles.page_tags import LIST_ALL, any_of, shows_lists
from articles.sitemaps import SITEMAPS, NewsSitemap

admin.site.site_header = "Newsroom"
admin.site.site_title = "Newsroom admin"
admin.site.index_title = "Write, publish and annotate"

# Every sitemap lists what readers may see, with when each last changed: it changes as
# articles come, go and change, and as entities are made public.
ENTITIES = any_of("entity")
ARTICLES = any_of("article")
sitemap_index = shows_lists(LIST_ALL, ARTICLES, ENTITIES)(sitemap_views.index)
sitemap = shows_lists(LIST_ALL, ARTICLES, ENTITIES)(sitemap_views.sitemap)

# Each feed in RSS and in Atom: /feeds/<what>/rss/ and /feeds/<what>/atom/. Entity feeds
# take the kind from the URL, as the entity pages do.
PERSON = {"kind": EntityKind.PERSON}
ORGANIZATION = {"kind": EntityKind.ORGANIZATION}
PLACE = {"kind": EntityKind.PLACE}
feeds = [
    path("latest/rss/", LatestFeed(), name="latest-rss"),
    path("latest/atom/", LatestFeed(AtomFeed), name="latest-atom"),
    path("sections/<slug:slug>/rss/", SectionFeed(), name="section-rss"),
    path("sections/<slug:slug>/atom/", SectionFeed(AtomFeed), name="section-atom"),
    path("tags/<tag_slug:slug>/rss/", TagFeed(), name="tag-rss"),
    path("tags/<tag_slug:slug>/atom/", TagFeed(AtomFeed), name="tag-atom"),
    path("people/<slug:slug>/rss/", EntityFeed(), PERSON, name="person-rss"),
    path("people/<slug:slug>/atom/", EntityFeed(AtomFeed), PERSON, name="person-atom"),
    path("organizations/<slug:slug>/rss/", EntityFeed(), ORGANIZATION, name="organization-rss"),
    path(
        "organizations/<slug:slug>/atom/",
        EntityFeed(AtomFeed),
        ORGANIZATION,
        name="organization-atom",
    ),
    path("places/<slug:slug>/rss/", EntityFeed(), PLACE, name="place-rss"),
    path("places/<slug:slug>/atom/", EntityFeed(AtomFeed), PLACE, name="place-atom"),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("feeds/", include((feeds, "feeds"))),
    path(
        "sitemap.xml",
        sitemap_index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap"},
        name="sitemap-index",
    ),
    # Before the general pattern, so the index's link to the news section comes here, to
    # the template with Google's news:news elements.
    path(
        "sitemap-news.xml",
        sitemap,
        {"sitemaps": {"news": NewsSitemap}, "template_name": "sitemaps/news.xml"},
    ),
    path("sitemap-<section>.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
    path("", include("articles.urls")),
]

if settings.DEBUG and not settings.NEWSROOM_S3_BUCKET:
    # Uploaded pictures from the local folder, for `make run`; see articles/images/views.py.
    urlpatterns.insert(
        0,
        re_path(
            rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$",
            serve_media,
            {"document_root": settings.MEDIA_ROOT},
        ),
    )
