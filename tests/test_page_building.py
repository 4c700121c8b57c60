"""Building public pages fast, with the same result: addresses written without reversing each
one, stories in lists written without a template each, and the page cache switched off for
benchmarks (NEWSROOM_PAGE_CACHE_SECONDS=0)."""

import collections
import datetime
import re

import pytest
from django.db import connection
from django.template import Context, Template
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import (
    NoReverseMatch,
    clear_script_prefix,
    include,
    path,
    reverse,
    set_script_prefix,
)
from django.utils import timezone

from articles.models import Article
from articles.reversing import slug_url
from articles.templatetags.newsroom import byline_links, story
from tests.factories import (
    ArticleFactory,
    BylineFactory,
    CorrectionFactory,
    PersonFactory,
    SectionFactory,
)
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db

SLUG_URL_NAMES = [
    "articles:article",
    "articles:section",
    "articles:person",
    "articles:organization",
    "articles:place",
    "articles:tag",
    "feeds:tag-rss",
]


@pytest.mark.parametrize("url_name", SLUG_URL_NAMES)
@pytest.mark.parametrize("slug", ["kim-jong-un", "a", "2024_budget", "x--y"])
def test_slug_url_is_the_address_reverse_gives(url_name, slug):
    assert slug_url(url_name, slug) == reverse(url_name, args=[slug])


def test_a_tag_slug_in_another_script_is_quoted_as_reverse_quotes_it():
    assert slug_url("articles:tag", "zürich") == reverse("articles:tag", args=["zürich"])
    assert slug_url("articles:tag", "zürich") == "/tags/z%C3%BCrich/"


@pytest.mark.parametrize("slug", ["", "two words", "a/b"])
def test_a_slug_the_address_cannot_take_is_refused_as_reverse_refuses_it(slug):
    with pytest.raises(NoReverseMatch):
        slug_url("articles:article", slug)


def test_a_site_under_a_path_prefix_gets_addresses_under_it():
    slug_url("articles:article", "first")  # reversed once without the prefix
    set_script_prefix("/news/")
    try:
        assert slug_url("articles:article", "kim") == "/news/articles/kim/"
    finally:
        clear_script_prefix()
    assert slug_url("articles:article", "kim") == "/articles/kim/"


# A URLconf of this module's own: the whole site under /en/.
urlpatterns = [path("en/", include("newsroom.urls"))]


def test_another_urlconf_gets_its_own_addresses():
    slug_url("articles:article", "first")
    with override_settings(ROOT_URLCONF=__name__):
        assert slug_url("articles:article", "kim") == "/en/articles/kim/"
    assert slug_url("articles:article", "kim") == "/articles/kim/"


def test_models_link_to_their_pages_through_it():
    article = ArticleFactory(slug="kim-in-beijing", section=SectionFactory(slug="world"))
    person = PersonFactory(slug="kim-jong-un")

    assert article.get_absolute_url() == "/articles/kim-in-beijing/"
    assert article.section.get_absolute_url() == "/sections/world/"
    assert person.get_absolute_url() == "/people/kim-jong-un/"


def bylined(*names):
    article = ArticleFactory()
    for position, name in enumerate(names):
        BylineFactory(article=article, person=PersonFactory(name=name), position=position)
    return Article.objects.get(pk=article.pk)


def test_three_bylines_read_as_a_list_with_and_before_the_last():
    article = bylined("Ana Reyes", "Tom Lee", "Kim Park")
    people = [byline.person for byline in article.bylines.all()]

    assert byline_links(article.bylines.all()) == (
        '<span class="bylines">By '
        f'<a href="{people[0].get_absolute_url()}">Ana Reyes</a>, '
        f'<a href="{people[1].get_absolute_url()}">Tom Lee</a> and '
        f'<a href="{people[2].get_absolute_url()}">Kim Park</a></span>'
    )


def test_a_person_readers_may_not_see_yet_is_a_name_without_a_link():
    article = bylined("Ana Reyes", "Tom <Lee>")
    bylines = list(article.bylines.all())
    bylines[1].person.hidden_from_readers = True

    assert byline_links(bylines) == (
        f'<span class="bylines">By <a href="{bylines[0].person.get_absolute_url()}">'
        "Ana Reyes</a> and Tom &lt;Lee&gt;</span>"
    )


def test_no_bylines_write_nothing():
    assert byline_links([]) == ""


def test_a_story_in_a_list_escapes_what_editors_wrote():
    article = ArticleFactory(headline="Tom & <Jerry>", dek="“Quotes” & more")

    html = story(article, level=3, show_section=True, without_bylines=True)

    assert '<a href="/articles/' in html and ">Tom &amp; &lt;Jerry&gt;</a></h3>" in html
    assert '<p class="story-dek">“Quotes” &amp; more</p>' in html
    local = timezone.localtime(article.publish_at)
    assert f'<time datetime="{local.isoformat()}">' in html


@override_settings(NEWSROOM_PAGE_CACHE_SECONDS=0, NEWSROOM_PART_CACHE_SECONDS=0)
def test_with_the_page_cache_and_parts_off_every_page_is_built_afresh(client):
    article = ArticleFactory(headline="Talks resume")
    first = client.get(article.get_absolute_url())
    # Written behind the application's back, so nothing tells a cache: only a page built
    # afresh can show it.
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE articles_article SET headline = %s WHERE id = %s", ["Talks end", article.pk]
        )

    second = client.get(article.get_absolute_url())

    assert first["X-Cache"] == second["X-Cache"] == "off"
    assert "<h1>Talks end</h1>" in second.text
    # With their tags and caching headers all the same.
    assert f"article-{article.pk}" in second["Cache-Tag"].split(",")
    assert "public" in second["Cache-Control"]
    assert second["ETag"]


def test_an_article_without_corrections_asks_for_none(client):
    corrected = ArticleFactory(headline="Corrected")
    CorrectionFactory(article=corrected, text="An earlier version misspelt the port.")
    plain = ArticleFactory(headline="Plain")

    with_corrections = count_queries(client, corrected.get_absolute_url())
    without = count_queries(client, plain.get_absolute_url())

    assert without == with_corrections - 1
    assert "An earlier version misspelt the port." in client.get(corrected.get_absolute_url()).text


def test_a_tag_page_asks_only_the_count_whether_there_are_articles(client):
    ArticleFactory(tags=["harbour"])

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/tags/harbour/")

    assert response.status_code == 200
    article_queries = [q["sql"] for q in queries if '"articles_article"' in q["sql"]]
    # The count, the page's articles, and the rows of those whose stories are not kept
    # (articles/stories.py): no query asks first whether there is any.
    assert len(article_queries) == 3


def reads_of(client, url):
    """How many queries a GET of `url` runs on each table it reads (FROM)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    tables = [re.search(r'FROM "(\w+)"', query["sql"]).group(1) for query in queries]
    return collections.Counter(tables)


def test_the_home_page_reads_the_sections_and_all_its_bylines_once(client):
    world = SectionFactory(name="World")
    SectionFactory(name="Sport")
    for _ in range(7):
        BylineFactory(article=ArticleFactory(section=world))

    reads = reads_of(client, "/")

    assert reads["articles_section"] == 1
    assert reads["articles_byline"] == 1


def test_a_section_page_reads_the_sections_once(client):
    world = SectionFactory(name="World", slug="world")
    SectionFactory(name="Asia", parent=world)
    SectionFactory(name="Sport")
    ArticleFactory(section=world)

    assert reads_of(client, "/sections/world/")["articles_section"] == 1
    page = client.get("/sections/world/").text
    assert '<a href="/sections/world/" aria-current="page">World</a>' in page
    assert ">Asia</a>" in page and ">Sport</a>" in page


@pytest.mark.parametrize("zone", ["UTC", "Asia/Tokyo", "America/Los_Angeles"])
def test_a_story_is_dated_as_the_date_filter_dates_it(settings, zone):
    settings.TIME_ZONE = zone
    published = datetime.datetime(2025, 1, 31, 23, 30, tzinfo=datetime.UTC)
    article = ArticleFactory(publish_at=published)
    expected = Template('<time datetime="{{ at|date:\'c\' }}">{{ at|date:"j F Y" }}</time>').render(
        Context({"at": published})
    )

    assert expected in story(article, without_bylines=True)
