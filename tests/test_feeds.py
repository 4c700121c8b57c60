"""RSS and Atom feeds: the latest articles, and those of a section, a tag and an entity.

Each feed is read back with feedparser, as a feed reader would read it.
"""

import calendar

import feedparser
import pytest
import time_machine
from django.test import RequestFactory
from django.urls import resolve
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

pytestmark = pytest.mark.django_db

NOW = timezone.make_aware(timezone.datetime(2026, 11, 30, 12, 0))
BODY = "Xi Jinping met the United Nations envoy in Beijing."
HEADLINE = "Xi & the envoy meet in Beijing"
DEK = "Talks on <aid> went on into the night."


@pytest.fixture
def news():
    """One live article in World › Asia with two bylines, two tags and three confirmed
    mentions, and the same things on articles no reader may see."""
    with time_machine.travel(NOW - timezone.timedelta(hours=2), tick=False):
        world = SectionFactory(name="World", slug="world")
        asia = SectionFactory(name="Asia", slug="asia", parent=world)
        xi = PersonFactory(name="Xi Jinping", slug="xi-jinping")
        un = OrganizationFactory(name="United Nations", slug="united-nations")
        beijing = PlaceFactory(name="Beijing", slug="beijing")
        ana = PersonFactory(name="Ana Reyes", slug="ana-reyes")
        bo = PersonFactory(name="Bo Li", slug="bo-li")

        live = ArticleFactory(
            headline=HEADLINE,
            slug="xi-meets-envoy",
            dek=DEK,
            body=BODY,
            section=asia,
            tags=["Summit", "diplomacy"],
            publish_at=NOW - timezone.timedelta(hours=1),
        )
        BylineFactory(article=live, person=ana, position=0)
        BylineFactory(article=live, person=bo, position=1)
        for entity, exact in [(xi, "Xi Jinping"), (un, "United Nations"), (beijing, "Beijing")]:
            mention_of(live, entity, exact)

        hidden = [
            DraftFactory(headline="A draft", slug="a-draft"),
            DraftFactory(headline="In review", slug="in-review", status=ArticleStatus.REVIEW),
            DraftFactory(headline="Withdrawn", slug="withdrawn", status=ArticleStatus.WITHDRAWN),
            ArticleFactory(
                headline="Scheduled", slug="scheduled", publish_at=NOW + timezone.timedelta(hours=1)
            ),
        ]
        for article in hidden:
            article.section = world
            article.body = BODY
            article.save()
            article.tags.add("Summit")
            BylineFactory(article=article, person=ana)
            for entity, exact in [(xi, "Xi Jinping"), (un, "United Nations"), (beijing, "Beijing")]:
                mention_of(article, entity, exact)
    return live


FEEDS = [
    "/feeds/latest/",
    "/feeds/sections/world/",
    "/feeds/sections/asia/",
    "/feeds/tags/summit/",
    "/feeds/people/xi-jinping/",
    "/feeds/organizations/united-nations/",
    "/feeds/places/beijing/",
]
EVERY_FEED = [url + kind for url in FEEDS for kind in ("rss/", "atom/")]


def read(client, url):
    """The feed at `url`, parsed by feedparser, which must find nothing wrong with it."""
    response = client.get(url)
    assert response.status_code == 200, url
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, (url, parsed.get("bozo_exception"))
    return parsed


def headlines(parsed):
    return [entry.title for entry in parsed.entries]


@pytest.mark.parametrize("url", EVERY_FEED)
def test_every_feed_is_well_formed_and_lists_the_live_article(client, news, url):
    with time_machine.travel(NOW, tick=False):
        parsed = read(client, url)

    assert parsed.version == ("rss20" if url.endswith("rss/") else "atom10")
    assert headlines(parsed) == [HEADLINE]


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_an_item_has_the_headline_link_dek_dates_and_tags(client, news, kind):
    with time_machine.travel(NOW, tick=False):
        [entry] = read(client, f"/feeds/latest/{kind}/").entries

    link = "http://testserver/articles/xi-meets-envoy/"
    assert entry.title == HEADLINE
    assert entry.link == link
    assert entry.id == link
    assert entry.summary == "Talks on &lt;aid&gt; went on into the night."
    assert calendar.timegm(entry.published_parsed) == int(news.publish_at.timestamp())
    assert [tag.term for tag in entry.tags] == ["diplomacy", "Summit"]
    if kind == "atom":
        assert calendar.timegm(entry.updated_parsed) == int(news.modified_at.timestamp())


def test_a_scheduled_article_is_updated_when_it_goes_live_not_before(client):
    publish_at = NOW + timezone.timedelta(hours=3)
    with time_machine.travel(NOW, tick=False):
        ArticleFactory(publish_at=publish_at)

    with time_machine.travel(publish_at + timezone.timedelta(hours=1), tick=False):
        [entry] = read(client, "/feeds/latest/atom/").entries

    assert calendar.timegm(entry.updated_parsed) == int(publish_at.timestamp())


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_every_byline_is_an_author_in_order(client, news, kind):
    with time_machine.travel(NOW, tick=False):
        [entry] = read(client, f"/feeds/latest/{kind}/").entries

    assert [author.name for author in entry.authors] == ["Ana Reyes", "Bo Li"]


def test_atom_entries_without_a_byline_are_by_the_site(client, settings):
    settings.SITE_NAME = "The Daily Test"
    ArticleFactory()

    parsed = read(client, "/feeds/latest/atom/")

    assert parsed.feed.author == "The Daily Test"
    assert parsed.feed.title == "The Daily Test"


def test_feeds_are_titled_for_what_they_follow(client, news):
    titles = {}
    with time_machine.travel(NOW, tick=False):
        for url in FEEDS:
            parsed = read(client, url + "atom/")
            titles[url] = (parsed.feed.title, parsed.feed.link)

    assert titles == {
        "/feeds/latest/": ("Newsroom", "http://testserver/"),
        "/feeds/sections/world/": ("World · Newsroom", "http://testserver/sections/world/"),
        "/feeds/sections/asia/": ("Asia · Newsroom", "http://testserver/sections/asia/"),
        "/feeds/tags/summit/": ("Summit · Newsroom", "http://testserver/tags/summit/"),
        "/feeds/people/xi-jinping/": (
            "Articles mentioning Xi Jinping · Newsroom",
            "http://testserver/people/xi-jinping/",
        ),
        "/feeds/organizations/united-nations/": (
            "Articles mentioning United Nations · Newsroom",
            "http://testserver/organizations/united-nations/",
        ),
        "/feeds/places/beijing/": (
            "Articles mentioning Beijing · Newsroom",
            "http://testserver/places/beijing/",
        ),
    }


def test_a_section_feed_has_its_subsections_articles_and_no_others(client, news):
    with time_machine.travel(NOW, tick=False):
        elsewhere = ArticleFactory(headline="Elsewhere", section=SectionFactory())
        world = headlines(read(client, "/feeds/sections/world/rss/"))
        other = headlines(read(client, f"/feeds/sections/{elsewhere.section.slug}/rss/"))

    assert world == [HEADLINE]
    assert other == ["Elsewhere"]


def test_an_entity_feed_has_only_articles_with_a_confirmed_mention(client):
    xi = PersonFactory(slug="xi-jinping")
    for status in [MentionStatus.SUGGESTED, MentionStatus.REJECTED, MentionStatus.NEEDS_REVIEW]:
        mention_of(ArticleFactory(headline=status, body=BODY), xi, "Xi Jinping", status=status)
    # A byline is not a mention.
    BylineFactory(person=xi, article=ArticleFactory(headline="By Xi"))
    mention_of(ArticleFactory(headline="Confirmed", body=BODY), xi, "Xi Jinping")

    assert headlines(read(client, "/feeds/people/xi-jinping/rss/")) == ["Confirmed"]


def test_feeds_list_the_newest_first(client):
    for hours in [3, 1, 2]:
        ArticleFactory(
            headline=f"{hours} hours ago",
            publish_at=timezone.now() - timezone.timedelta(hours=hours),
        )

    assert headlines(read(client, "/feeds/latest/rss/")) == [
        "1 hours ago",
        "2 hours ago",
        "3 hours ago",
    ]


def test_a_scheduled_article_is_in_no_feed_until_its_time(client, news):
    with time_machine.travel(NOW + timezone.timedelta(minutes=59), tick=False):
        before = {url: headlines(read(client, url)) for url in EVERY_FEED}
    with time_machine.travel(NOW + timezone.timedelta(hours=1), tick=False):
        after = {url: headlines(read(client, url)) for url in EVERY_FEED}

    assert all("Scheduled" not in found for found in before.values()), before
    # The scheduled article is in World, not Asia.
    assert {url for url, found in after.items() if "Scheduled" in found} == set(EVERY_FEED) - {
        "/feeds/sections/asia/rss/",
        "/feeds/sections/asia/atom/",
    }


def test_drafts_review_copies_and_withdrawn_articles_are_in_no_feed(client, news):
    with time_machine.travel(NOW + timezone.timedelta(days=30), tick=False):
        for url in EVERY_FEED:
            found = headlines(read(client, url))
            assert not {"A draft", "In review", "Withdrawn"} & set(found), url


@pytest.mark.parametrize(
    "url",
    [
        "/feeds/sections/nowhere/rss/",
        "/feeds/tags/nothing/atom/",
        "/feeds/people/nobody/rss/",
        "/feeds/organizations/nobody/atom/",
        "/feeds/places/nowhere/rss/",
        # Each kind of entity has its own URLs.
        "/feeds/places/xi-jinping/rss/",
        "/feeds/people/beijing/atom/",
    ],
)
def test_unknown_slugs_are_not_found(client, news, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_a_tag_in_any_script_has_feeds(client, kind):
    ArticleFactory(headline="Summit story", tags=["Zürich"])

    parsed = read(client, f"/feeds/tags/z%C3%BCrich/{kind}/")

    assert headlines(parsed) == ["Summit story"]


def test_a_tag_only_drafts_have_is_not_found(client):
    DraftFactory(tags=["secret-plans"])

    assert client.get("/feeds/tags/secret-plans/rss/").status_code == 404


def make_articles(count, bylines, tags):
    section = SectionFactory(slug="world")
    xi = PersonFactory(slug="xi-jinping")
    for _ in range(count):
        article = ArticleFactory(
            section=section, body=BODY, tags=[f"tag {t}" for t in range(tags)] + ["summit"]
        )
        for _ in range(bylines):
            BylineFactory(article=article)
        mention_of(article, xi, "Xi Jinping")


@pytest.mark.parametrize(
    ("url", "queries"),
    [
        # Articles, their bylines, their tags, their confirmed mentions (linked in each
        # item's content); and first the section, tag or entity.
        ("/feeds/latest/rss/", 4),
        ("/feeds/latest/atom/", 4),
        ("/feeds/sections/world/rss/", 5),
        ("/feeds/tags/summit/atom/", 5),
        ("/feeds/people/xi-jinping/rss/", 5),
    ],
)
@pytest.mark.parametrize(("count", "bylines", "tags"), [(1, 1, 0), (12, 5, 6)])
def test_a_feed_runs_a_fixed_number_of_queries(
    django_assert_num_queries, url, queries, count, bylines, tags
):
    make_articles(count, bylines, tags)
    # The feed view itself, without the middleware in front of it.
    match = resolve(url)

    with django_assert_num_queries(queries):
        response = match.func(RequestFactory().get(url), *match.args, **match.kwargs)

    assert len(feedparser.parse(response.content).entries) == count


@pytest.mark.parametrize(
    ("page", "feed"),
    [
        ("/", "/feeds/latest/"),
        ("/sections/world/", "/feeds/sections/world/"),
        ("/tags/summit/", "/feeds/tags/summit/"),
        ("/people/xi-jinping/", "/feeds/people/xi-jinping/"),
        ("/organizations/united-nations/", "/feeds/organizations/united-nations/"),
        ("/places/beijing/", "/feeds/places/beijing/"),
    ],
)
def test_pages_point_feed_readers_to_their_feeds(client, news, page, feed):
    with time_machine.travel(NOW, tick=False):
        html = client.get(page).content.decode()

    head = html[: html.index("</head>")]
    assert 'rel="alternate" type="application/rss+xml"' in head
    assert 'rel="alternate" type="application/atom+xml"' in head
    assert f'href="{feed}rss/"' in head
    assert f'href="{feed}atom/"' in head
    # And readers see where to subscribe: the latest articles in every page's footer.
    footer = html[html.index('<footer class="site-footer">') :]
    assert 'href="/feeds/latest/rss/"' in footer
    assert 'href="/feeds/latest/atom/"' in footer
    if page != "/":
        body = html[html.index("<main") : html.index("</main>")]
        assert f'href="{feed}rss/"' in body
