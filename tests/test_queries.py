"""Every public page runs a fixed number of queries, however much there is on it."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.images.library import build_image, store_image, store_renditions
from articles.models import Article, Mention, MentionRole, MentionStatus
from tests import image_files
from tests.factories import (
    ArticleFactory,
    BylineFactory,
    CorrectionFactory,
    PersonFactory,
    PlaceFactory,
    SectionFactory,
    mention_of,
)
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db

# The most queries any public page may run, built with nothing kept (no cached page, no
# part of one): an article page asks first whether it is published, and only if its parts
# are not kept reads the rest (articles/parts.py).
MAX_QUERIES = 11

SENTENCE = "Kim Jong Un met Xi Jinping in Beijing. "


def mentions_of(article, entities, sentences, exact="Kim Jong Un"):
    """Confirmed mentions of `entities` in turn, one per sentence, made in one query."""
    offset = SENTENCE.index(exact)
    Mention.objects.bulk_create(
        Mention(
            article=article,
            entity=entities[n % len(entities)],
            start=n * len(SENTENCE) + offset,
            end=n * len(SENTENCE) + offset + len(exact),
            exact=exact,
            status=MentionStatus.CONFIRMED,
        )
        for n in range(sentences)
    )


def rich_article(section, size):
    """An article with `size` bylines, tags, corrections, and 40 * `size` mentions."""
    article = ArticleFactory(
        section=section, body=SENTENCE * 40 * size, tags=[f"tag {n}" for n in range(size)]
    )
    for n in range(size):
        BylineFactory(article=article, position=n)
        CorrectionFactory(article=article)
    entities = [PersonFactory() for _ in range(size)] + [PlaceFactory()]
    mentions_of(article, entities, 40 * size)
    return article


def test_article_page_queries_do_not_grow_with_mentions_tags_bylines_or_corrections(client):
    world = SectionFactory(slug="world")
    SectionFactory(parent=world)
    small = rich_article(world, 1)
    large = rich_article(world, 5)
    assert large.mentions.count() == 200

    small_count = count_queries(client, small.get_absolute_url())
    large_count = count_queries(client, large.get_absolute_url())

    assert small_count == large_count <= MAX_QUERIES


def entity_with_mentions(articles, per_article):
    """A person mentioned per_article times in each of `articles` articles they co-wrote."""
    kim = PersonFactory()
    for _ in range(articles):
        article = ArticleFactory(body=SENTENCE * per_article)
        mentions_of(article, [kim], per_article)
        mentions_of(article, [PersonFactory()], per_article, exact="Xi Jinping")
        BylineFactory(article=article, person=kim)
        BylineFactory(article=article)
    return kim


def test_entity_page_queries_do_not_grow_with_mentions(client):
    few = entity_with_mentions(articles=1, per_article=5)
    many = entity_with_mentions(articles=5, per_article=100)
    assert many.mentions.count() == 500

    few_count = count_queries(client, few.get_absolute_url())
    many_count = count_queries(client, many.get_absolute_url())
    last_page_count = count_queries(client, many.get_absolute_url() + "?page=last")

    assert few_count == many_count == last_page_count <= MAX_QUERIES


def test_place_page_runs_no_more_queries_than_a_person_page(client):
    place = PlaceFactory()
    article = ArticleFactory(body=SENTENCE * 3)
    mentions_of(article, [place], 3)

    assert count_queries(client, place.get_absolute_url()) <= MAX_QUERIES


def listing(sections, articles_per_section, bylines):
    top = []
    for n in range(sections):
        section = SectionFactory(name=f"Top {n}")
        subsection = SectionFactory(parent=section)
        top.append(section)
        for _ in range(articles_per_section):
            article = ArticleFactory(section=subsection, tags=["news"])
            for _ in range(bylines):
                BylineFactory(article=article)
    return top


@pytest.mark.parametrize("url", ["/", "/tags/news/"])
def test_listing_queries_do_not_grow_with_sections_articles_or_bylines(client, url):
    # Enough for the home page's section blocks too: the newest five lead it.
    listing(sections=1, articles_per_section=6, bylines=1)
    small_count = count_queries(client, url)

    listing(sections=6, articles_per_section=12, bylines=4)
    large_count = count_queries(client, url)

    assert small_count == large_count <= MAX_QUERIES


def test_section_page_queries_do_not_grow_with_subsections_articles_or_bylines(client):
    [small] = listing(sections=1, articles_per_section=1, bylines=1)
    [large] = listing(sections=1, articles_per_section=30, bylines=5)
    for _ in range(5):
        SectionFactory(parent=large)

    small_count = count_queries(client, small.get_absolute_url())
    large_count = count_queries(client, large.get_absolute_url())

    assert small_count == large_count <= MAX_QUERIES


def test_not_found_page_runs_few_queries(client):
    listing(sections=3, articles_per_section=1, bylines=1)

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/articles/nowhere/")

    assert response.status_code == 404
    assert len(queries) <= 3


# --- Pictures: each page with them runs one query more than without, however many -----------


def pictured_site():
    """Seven articles in World › Harbours by Ana Reyes, about Beijing, tagged harbour (each
    related to the others; the home page's top five and its World block), with no
    pictures yet; and a function that gives every article a lead image and both entities
    a picture, each its own with its renditions."""
    ana = PersonFactory(name="Ana Reyes", slug="ana-reyes")
    beijing = PlaceFactory(name="Beijing", slug="beijing")
    harbours = SectionFactory(parent=SectionFactory(slug="world"), slug="harbours")
    articles = []
    for n in range(7):
        article = ArticleFactory(
            headline=f"Harbour story {n}", slug=f"harbour-{n}", section=harbours, tags=["harbour"]
        )
        BylineFactory(article=article, person=ana)
        mention_of(article, beijing, "Beijing", role=MentionRole.ABOUT)
        articles.append(article)

    def add_pictures():
        for row in [*articles, ana, beijing]:
            image = stored_image()
            store_renditions(image)
            if isinstance(row, Article):
                row.lead_image = image
            else:
                row.picture = image
            row.save()

    return add_pictures


def stored_image():
    data = image_files.jpeg((400, 300))
    image = build_image(data, "harbour.jpg")
    image.alt_text = "Ferries at the harbour wall"
    return store_image(image, data)


@pytest.mark.usefixtures("media_root")
@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/articles/harbour-0/",
        "/sections/world/",
        "/sections/harbours/",
        "/tags/harbour/",
        "/search/?q=harbour",
        "/people/ana-reyes/",
        "/places/beijing/",
        "/feeds/latest/rss/",
        "/feeds/sections/world/atom/",
    ],
)
def test_pictures_cost_one_query_on_every_page(client, url, django_assert_num_queries):
    add_pictures = pictured_site()
    without = count_queries(client, url)
    assert "<picture" not in client.get(url).content.decode()

    add_pictures()  # saving published articles and entities drops the cached pages

    cache.clear()  # built with nothing kept, as `without` was
    with django_assert_num_queries(without + 1):
        response = client.get(url)
    assert response.status_code == 200
    assert without + 1 <= MAX_QUERIES
    assert b"/media/images/renditions/" in response.content
