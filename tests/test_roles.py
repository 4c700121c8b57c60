"""A mention's role: the entities an article is about, shown apart from those it mentions."""

import json

import pytest
from django.utils import timezone

from articles.models import MentionRole, MentionStatus
from tests.factories import (
    ArticleFactory,
    DraftFactory,
    MentionFactory,
    PersonFactory,
    PlaceFactory,
)

pytestmark = pytest.mark.django_db

BODY = "Xi Jinping met Kim Jong Un in Beijing."


def about(entity, article, **fields):
    return mentions(entity, article, role=MentionRole.ABOUT, **fields)


def mentions(entity, article, **fields):
    start = article.text.index(entity.name)
    return MentionFactory(
        article=article, entity=entity, start=start, end=start + len(entity.name), **fields
    )


@pytest.fixture
def xi():
    return PersonFactory(name="Xi Jinping", slug="xi-jinping")


def test_entity_page_lists_articles_about_it_apart_from_mentions(client, xi):
    subject = ArticleFactory(headline="Xi hosts Kim", body=BODY)
    about(xi, subject)
    passing = ArticleFactory(headline="Trade talks stall", body=BODY)
    mentions(xi, passing)

    response = client.get(xi.get_absolute_url())

    html = response.content.decode()
    assert "Articles about Xi Jinping" in html
    assert "Also mentioned in" in html
    about_section = html[html.index("Articles about") : html.index("Also mentioned in")]
    assert "Xi hosts Kim" in about_section
    assert "Trade talks stall" not in about_section
    assert [a.pk for a in response.context["about_articles"]] == [subject.pk]


def test_articles_about_are_newest_first_and_few(client, xi):
    now = timezone.now()
    for n in range(12):
        about(xi, ArticleFactory(body=BODY, publish_at=now - timezone.timedelta(hours=n + 1)))

    about_articles = client.get(xi.get_absolute_url()).context["about_articles"]

    assert len(about_articles) == 10
    times = [article.publish_at for article in about_articles]
    assert times == sorted(times, reverse=True)


def test_drafts_and_scheduled_articles_never_appear_in_articles_about(client, xi):
    about(xi, DraftFactory(headline="Draft about Xi", body=BODY))
    about(
        xi,
        ArticleFactory(
            headline="Scheduled about Xi",
            body=BODY,
            publish_at=timezone.now() + timezone.timedelta(days=1),
        ),
    )
    about(xi, ArticleFactory(headline="Withdrawn about Xi", body=BODY, status="withdrawn"))
    # A published article names him, so he has a page (one named only in hidden articles
    # has none: tests/test_embargo.py).
    mentions(xi, ArticleFactory(headline="Xi in the news", body=BODY))

    response = client.get(xi.get_absolute_url())

    assert response.context["about_articles"] == []
    for headline in ["Draft about Xi", "Scheduled about Xi", "Withdrawn about Xi"]:
        assert headline not in response.content.decode()


def test_only_confirmed_about_mentions_count(client, xi):
    about(
        xi, ArticleFactory(headline="Suggested subject", body=BODY), status=MentionStatus.SUGGESTED
    )
    about(xi, ArticleFactory(headline="Rejected subject", body=BODY), status=MentionStatus.REJECTED)
    # A published article mentions him, so he has a page.
    mentions(xi, ArticleFactory(headline="Xi in the news", body=BODY))

    response = client.get(xi.get_absolute_url())

    assert response.context["about_articles"] == []
    assert "Articles about" not in response.content.decode()


def test_an_article_with_two_about_mentions_of_one_entity_is_listed_once(client, xi):
    article = ArticleFactory(body="Xi Jinping spoke. Xi Jinping left.")
    about(xi, article)
    MentionFactory(article=article, entity=xi, start=18, end=28, role=MentionRole.ABOUT)

    assert len(client.get(xi.get_absolute_url()).context["about_articles"]) == 1


def test_article_page_names_its_subjects_near_the_top(client, xi):
    beijing = PlaceFactory(name="Beijing", slug="beijing")
    kim = PersonFactory(name="Kim Jong Un")
    article = ArticleFactory(body=BODY)
    about(xi, article)
    about(beijing, article)
    mentions(kim, article)

    response = client.get(article.get_absolute_url())

    html = response.content.decode()
    assert response.context["subjects"] == [xi, beijing]
    about_line = html[
        html.index('class="article-about"') : html.index('<div class="article-body">')
    ]
    assert "About:" in about_line
    assert f'href="{xi.get_absolute_url()}"' in about_line
    assert f'href="{beijing.get_absolute_url()}"' in about_line
    assert "Kim Jong Un" not in about_line
    json_ld = response.context["json_ld"]
    assert [thing["name"] for thing in json_ld["about"]] == ["Xi Jinping", "Beijing"]
    json.dumps(json_ld)


def test_article_without_subjects_shows_no_about_line(client, xi):
    article = ArticleFactory(body=BODY)
    mentions(xi, article)

    assert "article-about" not in client.get(article.get_absolute_url()).content.decode()


def test_articles_about_cost_one_query_however_many(client, xi):
    from tests.helpers import count_queries

    kim = PersonFactory(name="Kim Jong Un")
    about(kim, ArticleFactory(body=BODY))
    for _ in range(5):
        about(xi, ArticleFactory(body=BODY))

    assert count_queries(client, kim.get_absolute_url()) == count_queries(
        client, xi.get_absolute_url()
    )
