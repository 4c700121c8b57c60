"""Sitemaps and robots.txt: only what readers may see, valid against the published schemas.

The schemas are kept in tests/schemas/, since the tests have no network to fetch them.
"""

from pathlib import Path
from xml.etree import ElementTree

import pytest
import time_machine
import xmlschema
from django.utils import timezone

from articles.models import ArticleStatus, MentionStatus
from tests.factories import (
    ArticleFactory,
    BylineFactory,
    DraftFactory,
    OrganizationFactory,
    PersonFactory,
    PlaceFactory,
    SectionFactory,
    mention_of,
)
from tests.test_feeds import BODY

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).parent / "schemas"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS = "http://www.google.com/schemas/sitemap-news/0.9"
NS = {"sm": SITEMAP, "news": NEWS}

NOW = timezone.make_aware(timezone.datetime(2026, 11, 30, 12, 0))
HOUR = timezone.timedelta(hours=1)
MINUTE = timezone.timedelta(minutes=1)


@pytest.fixture(scope="module")
def sitemap_schema():
    # The news elements sit in <url> as "##other" elements, which the sitemap schema
    # validates strictly, so the news schema is loaded alongside it.
    return xmlschema.XMLSchema([SCHEMAS / "sitemap.xsd", SCHEMAS / "news.xsd"])


@pytest.fixture(scope="module")
def index_schema():
    return xmlschema.XMLSchema(SCHEMAS / "siteindex.xsd")


@pytest.fixture
def site():
    """Articles of every kind, published from three days ago to an hour ago, and entities
    named only in some of them."""
    with time_machine.travel(NOW - 72 * HOUR, tick=False):
        world = SectionFactory(name="World", slug="world")
        SectionFactory(name="Asia", slug="asia", parent=world)
        SectionFactory(name="Empty", slug="empty")
        people = {
            slug: PersonFactory(name=slug.replace("-", " ").title(), slug=slug)
            for slug in ["xi-jinping", "ana-reyes", "kim-jong-un", "bo-li", "drafty-writer"]
        }
        un = OrganizationFactory(name="United Nations", slug="united-nations")
        beijing = PlaceFactory(name="Beijing", slug="beijing")

        old = ArticleFactory(
            headline="Three days old",
            slug="old",
            section=world,
            body=BODY,
            publish_at=NOW - 72 * HOUR,
        )
        BylineFactory(article=old, person=people["ana-reyes"])
        mention_of(old, un, "United Nations")
        # Only suggested or rejected: not public.
        mention_of(old, people["bo-li"], "Xi Jinping", status=MentionStatus.SUGGESTED)
        mention_of(old, beijing, "Beijing", status=MentionStatus.REJECTED)

    with time_machine.travel(NOW - 2 * HOUR, tick=False):
        fresh = ArticleFactory(
            headline="Xi & the envoy", slug="fresh", section=world, body=BODY, publish_at=NOW - HOUR
        )
        mention_of(fresh, people["xi-jinping"], "Xi Jinping")
        for headline, status in [
            ("A draft", ArticleStatus.DRAFT),
            ("In review", ArticleStatus.REVIEW),
            ("Withdrawn", ArticleStatus.WITHDRAWN),
        ]:
            hidden = DraftFactory(
                headline=headline, slug=status, section=world, body=BODY, status=status
            )
            BylineFactory(article=hidden, person=people["drafty-writer"])
            mention_of(hidden, people["kim-jong-un"], "Xi Jinping")
        scheduled = ArticleFactory(
            headline="Scheduled", slug="scheduled", section=world, body=BODY, publish_at=NOW + HOUR
        )
        mention_of(scheduled, beijing, "Beijing")
    return {"old": old, "fresh": fresh, "scheduled": scheduled}


def get_xml(client, url, schema):
    """The XML document at `url`, checked against `schema`."""
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/xml"
    schema.validate(response.content)
    return ElementTree.fromstring(response.content)


def locations(tree):
    return [loc.text for loc in tree.iterfind(".//sm:loc", NS)]


def paths(tree):
    return sorted(loc.removeprefix("http://testserver") for loc in locations(tree))


def test_robots_txt_points_to_the_sitemap_index_and_keeps_crawlers_out_of_private_pages(
    client,
):
    response = client.get("/robots.txt", secure=True)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /admin/" in lines
    assert "Disallow: /preview/" in lines
    assert "Sitemap: https://testserver/sitemap.xml" in lines


def test_the_index_lists_every_sitemap_with_its_last_change(client, site, index_schema):
    with time_machine.travel(NOW, tick=False):
        tree = get_xml(client, "/sitemap.xml", index_schema)

    assert locations(tree) == [
        "http://testserver/sitemap-articles.xml",
        "http://testserver/sitemap-sections.xml",
        "http://testserver/sitemap-entities.xml",
        "http://testserver/sitemap-news.xml",
    ]
    lastmods = [lastmod.text for lastmod in tree.iterfind(".//sm:lastmod", NS)]
    # Saved two hours ago for publication an hour ago: it reached readers an hour ago.
    assert lastmods == [(NOW - HOUR).isoformat()] * 4


def test_a_scheduled_article_going_live_is_the_last_change_everywhere(client, site, index_schema):
    with time_machine.travel(NOW + HOUR + 5 * MINUTE, tick=False):
        index = get_xml(client, "/sitemap.xml", index_schema)
        news = client.get("/sitemap-news.xml").content.decode()

    # Saved three hours before its time, it changed for readers when it went live.
    live = (NOW + HOUR).isoformat()
    assert [lastmod.text for lastmod in index.iterfind(".//sm:lastmod", NS)] == [live] * 4
    assert f"<loc>http://testserver/articles/scheduled/</loc><lastmod>{live}</lastmod>" in news


@pytest.mark.parametrize("section", ["articles", "sections", "entities", "news"])
def test_every_sitemap_is_valid(client, site, sitemap_schema, section):
    with time_machine.travel(NOW, tick=False):
        tree = get_xml(client, f"/sitemap-{section}.xml", sitemap_schema)

    assert locations(tree)


def test_the_news_schema_is_strict(client, site, sitemap_schema):
    with time_machine.travel(NOW, tick=False):
        content = client.get("/sitemap-news.xml").content.decode()

    assert sitemap_schema.is_valid(content)
    assert not sitemap_schema.is_valid(content.replace("news:title>", "news:headline>"))


def test_the_articles_sitemap_lists_published_articles_with_their_last_change(
    client, site, sitemap_schema
):
    with time_machine.travel(NOW, tick=False):
        tree = get_xml(client, "/sitemap-articles.xml", sitemap_schema)

    assert paths(tree) == ["/articles/fresh/", "/articles/old/"]
    lastmods = {
        url.findtext("sm:loc", namespaces=NS): url.findtext("sm:lastmod", namespaces=NS)
        for url in tree.iterfind("sm:url", NS)
    }
    assert lastmods["http://testserver/articles/old/"] == f"{site['old'].updated_at:%Y-%m-%d}"


def test_the_sections_sitemap_lists_every_section(client, site, sitemap_schema):
    with time_machine.travel(NOW, tick=False):
        tree = get_xml(client, "/sitemap-sections.xml", sitemap_schema)

    assert paths(tree) == ["/sections/asia/", "/sections/empty/", "/sections/world/"]


def test_the_entities_sitemap_lists_those_named_in_a_published_article(
    client, site, sitemap_schema
):
    with time_machine.travel(NOW, tick=False):
        tree = get_xml(client, "/sitemap-entities.xml", sitemap_schema)

    # Ana Reyes by a byline, the others by confirmed mentions. Not Bo Li (suggested) nor
    # Beijing (rejected, and in the scheduled article), Kim Jong Un and Drafty Writer
    # (drafts, review copies and withdrawn articles only).
    assert paths(tree) == [
        "/organizations/united-nations/",
        "/people/ana-reyes/",
        "/people/xi-jinping/",
    ]


def test_the_news_sitemap_holds_the_last_48_hours(client, site, sitemap_schema, settings):
    settings.SITE_NAME = "The Daily Test"
    with time_machine.travel(NOW, tick=False):
        just_in = ArticleFactory(slug="just-in", publish_at=NOW - 47 * HOUR)
        ArticleFactory(slug="too-old", publish_at=NOW - 49 * HOUR)
        tree = get_xml(client, "/sitemap-news.xml", sitemap_schema)

    assert paths(tree) == ["/articles/fresh/", "/articles/just-in/"]
    [url] = [
        url
        for url in tree.iterfind("sm:url", NS)
        if url.findtext("sm:loc", "", NS).endswith("/fresh/")
    ]
    assert url.findtext("news:news/news:publication/news:name", namespaces=NS) == "The Daily Test"
    assert url.findtext("news:news/news:publication/news:language", namespaces=NS) == "en"
    assert url.findtext("news:news/news:title", namespaces=NS) == "Xi & the envoy"
    published = url.findtext("news:news/news:publication_date", namespaces=NS)
    assert timezone.datetime.fromisoformat(published) == site["fresh"].publish_at
    assert just_in.publish_at < site["fresh"].publish_at


@pytest.mark.parametrize(
    ("later", "listed"),
    [
        # "fresh" was published at NOW - 1 hour, "scheduled" at NOW + 1 hour.
        (47 * HOUR, ["/articles/fresh/", "/articles/scheduled/"]),
        (47 * HOUR + timezone.timedelta(seconds=1), ["/articles/scheduled/"]),
    ],
)
def test_an_article_leaves_the_news_sitemap_48_hours_after_publication(
    client, site, sitemap_schema, later, listed
):
    with time_machine.travel(NOW + later, tick=False):
        assert paths(get_xml(client, "/sitemap-news.xml", sitemap_schema)) == listed


def test_a_scheduled_article_is_in_no_sitemap_until_its_time(client, site, sitemap_schema):
    def listed():
        return {
            section: paths(get_xml(client, f"/sitemap-{section}.xml", sitemap_schema))
            for section in ["articles", "entities", "news"]
        }

    with time_machine.travel(NOW + HOUR - timezone.timedelta(seconds=1), tick=False):
        before = listed()
    with time_machine.travel(NOW + HOUR, tick=False):
        after = listed()

    assert "/articles/scheduled/" not in before["articles"] + before["news"]
    assert "/places/beijing/" not in before["entities"]
    assert "/articles/scheduled/" in after["articles"]
    assert "/articles/scheduled/" in after["news"]
    assert "/places/beijing/" in after["entities"]


def test_drafts_review_copies_and_withdrawn_articles_are_in_no_sitemap(
    client, site, sitemap_schema
):
    with time_machine.travel(NOW + 24 * HOUR, tick=False):
        for section in ["articles", "entities", "news"]:
            found = " ".join(paths(get_xml(client, f"/sitemap-{section}.xml", sitemap_schema)))
            for hidden in ["draft", "review", "withdrawn", "kim-jong-un", "drafty-writer"]:
                assert hidden not in found, section


@pytest.mark.parametrize("section", ["articles", "sections", "entities", "news"])
def test_a_sitemap_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries, section):
    # Whatever the number of articles, mentions and bylines.
    for n in range(30):
        article = ArticleFactory(body=BODY, publish_at=timezone.now() - n * HOUR)
        BylineFactory(article=article)
        mention_of(article, PersonFactory(), "Xi Jinping")

    with django_assert_max_num_queries(4):
        assert client.get(f"/sitemap-{section}.xml").status_code == 200


def test_an_unknown_sitemap_is_not_found(client):
    assert client.get("/sitemap-nothing.xml").status_code == 404
