"""Reader discovery: related articles under an article, by the entities and tags they share,
and the entities most mentioned this week on the home page."""

import html
import re

import pytest
import time_machine
from django.core.cache import cache
from django.utils import timezone

from articles.models import MentionRole, MentionStatus
from articles.views import most_mentioned
from tests.factories import (
    ArticleFactory,
    MentionFactory,
    OrganizationFactory,
    PersonFactory,
    PlaceFactory,
    ago,
    hidden,
    mention_of,
)
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db

BODY = "Kim Jong Un met Xi Jinping in Beijing. Xi Jinping thanked KCNA."
MARCH_4_NOON = timezone.make_aware(timezone.datetime(2025, 3, 4, 12, 0))


def article_with(*entities, tags=(), **fields):
    """An article mentioning each of `entities` (named in BODY) once, tagged with `tags`."""
    article = ArticleFactory(body=BODY, tags=list(tags), **fields)
    for entity in entities:
        mention_of(article, entity)
    return article


def aside(page, css_class):
    """The text of the page's <aside class="css_class">, or "" if it has none."""
    found = re.search(rf'<aside class="{css_class}".*?</aside>', page, re.S)
    return found.group(0) if found else ""


def related_to(client, article):
    """The headlines the article's page lists under "Related articles", in order."""
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    headlines = re.findall(
        r'class="story-headline"><a href="[^"]+">(.*?)</a>', aside(response.text, "related")
    )
    return [html.unescape(headline) for headline in headlines]


def most_mentioned_on_home(client):
    """(name, count text) of each entity in "Most mentioned this week" on the home page."""
    response = client.get("/")
    assert response.status_code == 200
    items = re.findall(
        r'<li><a href="[^"]+" class="entity[^"]*">(.*?)</a> <span class="count">(.*?)</span>',
        aside(response.text, "most-mentioned"),
    )
    return [(html.unescape(name), count) for name, count in items]


@pytest.fixture
def kim():
    return PersonFactory(name="Kim Jong Un", slug="kim-jong-un")


@pytest.fixture
def xi():
    return PersonFactory(name="Xi Jinping", slug="xi-jinping")


@pytest.fixture
def beijing():
    return PlaceFactory(name="Beijing", slug="beijing")


@pytest.fixture
def kcna():
    return OrganizationFactory(name="KCNA", slug="kcna")


# --- Related articles -----------------------------------------------------------------------


def test_related_articles_rank_by_shared_entities_plus_shared_tags(client, kim, xi, beijing, kcna):
    story = article_with(kim, xi, beijing, tags=["summit", "korea"])
    article_with(kim, xi, beijing, tags=["summit"], headline="Four shared", publish_at=ago(days=9))
    article_with(kim, xi, headline="Two entities", publish_at=ago(days=3))
    article_with(kim, tags=["korea"], headline="One of each, newer", publish_at=ago(days=2))
    article_with(tags=["summit"], headline="One tag", publish_at=ago(days=1))
    article_with(kcna, tags=["sport"], headline="Nothing shared")

    assert related_to(client, story) == [
        "Four shared",
        "One of each, newer",
        "Two entities",
        "One tag",
    ]


def test_an_article_with_tags_alone_is_related_by_its_tags(client, kim):
    story = article_with(tags=["summit", "korea"])
    article_with(tags=["summit"], headline="One tag", publish_at=ago(days=1))
    article_with(kim, tags=["summit", "korea"], headline="Both tags", publish_at=ago(days=2))
    article_with(kim, headline="Kim only")

    assert related_to(client, story) == ["Both tags", "One tag"]


def test_an_entity_mentioned_often_or_as_subject_counts_once(client, kim, xi):
    story = article_with(kim, xi)
    often = article_with(kim, headline="Xi often", publish_at=ago(days=2))
    mention_of(often, xi)
    mention_of(often, xi, occurrence=1, role=MentionRole.ABOUT)
    article_with(kim, xi, headline="Both, older", publish_at=ago(days=3))

    # "Xi often" shares two entities, however often it names Xi; it is newer.
    assert related_to(client, story) == ["Xi often", "Both, older"]


@pytest.mark.parametrize(
    "status", [MentionStatus.SUGGESTED, MentionStatus.REJECTED, MentionStatus.NEEDS_REVIEW]
)
def test_only_confirmed_mentions_relate_articles(client, kim, xi, status):
    story = article_with(kim)
    mention_of(story, xi, status=status)
    unconfirmed = article_with(headline="Unconfirmed Kim")
    mention_of(unconfirmed, kim, status=status)
    article_with(xi, headline="Shares only the unconfirmed Xi")

    assert related_to(client, story) == []


def test_an_article_is_never_related_to_itself(client, kim):
    story = article_with(kim, tags=["summit"], headline="The story")

    assert related_to(client, story) == []


def test_unpublished_articles_are_never_related(client, kim, hidden_kwargs):
    story = article_with(kim, tags=["summit"])
    article_with(kim, tags=["summit"], **hidden_kwargs)
    article_with(kim, headline="Published")

    assert related_to(client, story) == ["Published"]


def test_drafts_sharing_more_do_not_crowd_published_articles_out(client, kim, xi):
    story = article_with(kim, xi)
    article_with(kim, headline="Published, one shared")
    # More drafts sharing both entities than the ranking's first round of candidates.
    for n in range(60):
        article_with(kim, xi, headline=f"Draft {n}", **hidden("draft"))

    assert related_to(client, story) == ["Published, one shared"]


def test_related_lists_five_at_most(client, kim):
    story = article_with(kim)
    for n in range(7):
        article_with(kim, headline=f"Related {n}", publish_at=ago(days=n + 1))

    assert related_to(client, story) == [f"Related {n}" for n in range(5)]


def test_an_article_sharing_nothing_has_no_related_section(client, kim):
    story = article_with(kim)

    assert 'class="related"' not in client.get(story.get_absolute_url()).text


def test_a_scheduled_article_is_related_only_from_its_time(client, kim):
    with time_machine.travel(MARCH_4_NOON, tick=False) as clock:
        story = article_with(kim)
        article_with(
            kim, headline="Embargoed", publish_at=MARCH_4_NOON + timezone.timedelta(hours=1)
        )
        assert related_to(client, story) == []

        clock.shift(timezone.timedelta(minutes=59, seconds=59))
        assert related_to(client, story) == []

        clock.shift(timezone.timedelta(seconds=1))
        assert related_to(client, story) == ["Embargoed"]


def test_article_page_queries_do_not_grow_with_mentions_tags_or_related_articles(
    client, django_assert_num_queries
):
    people = [PersonFactory(name=name) for name in ("Kim Jong Un", "Xi Jinping")]
    small = article_with(people[0], tags=["summit"])
    article_with(people[0])
    small_count = count_queries(client, small.get_absolute_url())

    large = article_with(*people, tags=[f"tag {n}" for n in range(8)])
    for _ in range(20):
        other = article_with(*people, tags=["tag 1", "tag 2"])
        mention_of(other, people[1], occurrence=1)

    cache.clear()  # built with nothing kept, as count_queries builds it
    with django_assert_num_queries(small_count):
        related = related_to(client, large)
    assert len(related) == 5


# --- Most mentioned this week ---------------------------------------------------------------


def test_most_mentioned_counts_confirmed_mentions_in_this_weeks_articles(
    client, kim, xi, beijing, kcna
):
    article_with(kim, xi, beijing, publish_at=ago(days=1))
    twice = article_with(xi, publish_at=ago(days=6, hours=23))
    mention_of(twice, xi, occurrence=1)
    mention_of(article_with(), kcna, status=MentionStatus.SUGGESTED)
    article_with(kcna, publish_at=ago(days=7, minutes=1))

    assert most_mentioned_on_home(client) == [
        ("Xi Jinping", "3 mentions"),
        ("Beijing", "1 mention"),
        ("Kim Jong Un", "1 mention"),
    ]


def test_most_mentioned_links_to_entity_pages(client, kim, beijing, kcna):
    article_with(kim, beijing, kcna)

    page = aside(client.get("/").text, "most-mentioned")

    assert "<h2" in page and "Most mentioned this week" in page
    for entity in (kim, beijing, kcna):
        assert f'href="{entity.get_absolute_url()}"' in page


def test_most_mentioned_leaves_out_unpublished_articles(client, kim, xi, hidden_kwargs):
    article_with(kim)
    article_with(xi, **hidden_kwargs)

    assert most_mentioned_on_home(client) == [("Kim Jong Un", "1 mention")]


def test_a_scheduled_article_counts_only_from_its_time(client, kim, xi):
    with time_machine.travel(MARCH_4_NOON, tick=False) as clock:
        article_with(kim)
        article_with(xi, publish_at=MARCH_4_NOON + timezone.timedelta(hours=1))
        assert most_mentioned_on_home(client) == [("Kim Jong Un", "1 mention")]

        clock.shift(timezone.timedelta(hours=1))
        assert most_mentioned_on_home(client) == [
            ("Kim Jong Un", "1 mention"),
            ("Xi Jinping", "1 mention"),
        ]

        # A week after each went live, each leaves the list.
        clock.shift(timezone.timedelta(days=7) - timezone.timedelta(hours=1))
        assert most_mentioned_on_home(client) == [("Xi Jinping", "1 mention")]


def test_most_mentioned_lists_ten_at_most_in_one_query(django_assert_num_queries):
    for _ in range(12):
        MentionFactory(article=ArticleFactory(body=BODY), entity=PersonFactory())

    cache.clear()  # built with nothing kept, as count_queries builds it
    with django_assert_num_queries(1):
        entities = list(most_mentioned())

    assert len(entities) == 10
    assert all(entity.mention_count == 1 for entity in entities)


def test_home_page_queries_do_not_grow_with_mentions(
    client, kim, xi, beijing, kcna, django_assert_num_queries
):
    # Six articles, so that the home page has a section block as well as the latest five.
    for _ in range(6):
        article_with(kim)
    small_count = count_queries(client, "/")

    for _ in range(10):
        article_with(kim, xi, beijing, kcna)

    cache.clear()  # built with nothing kept, as count_queries builds it
    with django_assert_num_queries(small_count):
        listed = most_mentioned_on_home(client)
    assert listed[0] == ("Kim Jong Un", "16 mentions")
    assert len(listed) == 4
