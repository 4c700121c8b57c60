"""Search at /search/: what readers find, in what order, with which filters, and that any
query gives a sensible page. Most tests run on SQLite and PostgreSQL alike; those of
PostgreSQL's full text (stemming, the index, the stored vector) are skipped elsewhere."""

import re

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, ArticleStatus
from articles.search import MAX_QUERY_CHARS, parse_query, update_search_vectors
from tests.admin_forms import article_change_data
from tests.factories import (
    ArticleFactory,
    DraftFactory,
    MentionFactory,
    OrganizationFactory,
    PersonFactory,
    SectionFactory,
)

pytestmark = [
    pytest.mark.django_db,
    # The page cache keys pages by their whole URL, which a long query makes long.
    pytest.mark.filterwarnings("ignore::django.core.cache.backends.base.CacheKeyWarning"),
]

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's full-text search"
)

SEARCH = reverse("articles:search")
# The most queries a search page may run, however many results it has.
MAX_QUERIES = 10


def search(client, q=None, **params):
    """The search page for `q` and `params`, which must be a page, never an error."""
    if q is not None:
        params["q"] = q
    response = client.get(SEARCH, params)
    assert response.status_code == 200
    return response


def headlines(response):
    """The headlines of the articles found, in the order shown."""
    return [article.headline for article in response.context.get("articles") or []]


def notes(response):
    """The messages about the search, as readers see them."""
    page = response.content.decode()
    found = re.search(r'<ul class="search-notes"[^>]*>(.*?)</ul>', page, re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", found.group(1))) if found else ""


@pytest.fixture
def summit():
    return ArticleFactory(
        headline="Kim arrives in Beijing for talks",
        dek="The visit is his first this year.",
        body="Kim Jong Un arrived in Beijing by armored train.\nHe met Xi Jinping.",
    )


# --- Finding articles -------------------------------------------------------------------


def test_it_finds_words_in_the_headline_standfirst_and_body(client, summit):
    ArticleFactory(headline="Floods in the south", dek="Rivers rise.", body="Rain fell.")

    assert headlines(search(client, "Beijing")) == [summit.headline]
    assert headlines(search(client, "visit")) == [summit.headline]
    assert headlines(search(client, "armored train")) == [summit.headline]
    assert headlines(search(client, "Rivers")) == ["Floods in the south"]


def test_every_word_must_be_found(client, summit):
    assert headlines(search(client, "Beijing floods")) == []


@pytest.mark.parametrize(
    "q", ["Kim -Beijing", "Kim - Beijing", 'Kim -"Beijing"', "Kim -(Beijing)", "Kim (-Beijing)"]
)
def test_a_word_after_a_minus_sign_is_left_out(client, summit, q):
    ArticleFactory(headline="Kim visits Moscow", body="Kim Jong Un arrived in Moscow.")

    assert headlines(search(client, q)) == ["Kim visits Moscow"]


def test_a_second_minus_sign_takes_the_first_back_and_a_hyphen_joins_words(client, summit):
    ArticleFactory(headline="Kim visits Moscow", body="Kim Jong Un arrived in Moscow.")

    assert headlines(search(client, "Kim - -Beijing")) == [summit.headline]
    assert headlines(search(client, "armored-train")) == []


@pytest.mark.parametrize(
    ("q", "message"),
    [
        ("-Beijing", "“-Beijing” has no words in it to search for, only words to leave out"),
        ("or", "“or” has no words in it to search for. Try a name"),
    ],
)
def test_a_search_with_no_word_to_find_asks_for_one(client, summit, q, message):
    response = search(client, q)

    assert message in response.content.decode()
    assert headlines(response) == []


def test_headline_matches_come_before_body_only_matches(client):
    older = timezone.now() - timezone.timedelta(days=3)
    in_headline = ArticleFactory(headline="Harvest festival returns", publish_at=older)
    ArticleFactory(headline="Village news", body="The harvest was late this year.", dek="Round-up.")

    assert headlines(search(client, "harvest"))[0] == in_headline.headline


@pytest.mark.parametrize(
    "status", [ArticleStatus.DRAFT, ArticleStatus.REVIEW, ArticleStatus.WITHDRAWN]
)
def test_it_never_finds_articles_readers_may_not_see(client, status):
    DraftFactory(headline="Secret merger talks", status=status)

    response = search(client, "merger")

    assert headlines(response) == []
    assert "Secret merger talks" not in response.content.decode()


def test_a_scheduled_article_is_found_only_once_its_time_has_come(client):
    noon = timezone.now().replace(microsecond=0) + timezone.timedelta(days=1)
    ArticleFactory(headline="Budget unveiled", publish_at=noon)

    with time_machine.travel(noon - timezone.timedelta(seconds=1), tick=False):
        assert headlines(search(client, "budget")) == []
    with time_machine.travel(noon, tick=False):
        assert headlines(search(client, "budget")) == ["Budget unveiled"]


# --- Excerpts ---------------------------------------------------------------------------


def test_the_excerpt_marks_what_was_found(client, summit):
    page = search(client, "train").content.decode()

    assert re.search(r'class="search-excerpt">[^<]*<mark>train</mark>', page)


def test_the_excerpt_escapes_the_text(client):
    article = ArticleFactory(
        headline="Cartoon news",
        # A script in the body goes when it is sanitised; tags written as text (escaped in
        # the body) stay text, which the excerpt must escape.
        body="<p>In Beijing, Tom &amp; Jerry <script>alert(1)</script>wrote "
        "&lt;script&gt;alert(2)&lt;/script&gt; and said 1 &lt; 2.</p>",
    )
    assert article.text == (
        "In Beijing, Tom & Jerry wrote <script>alert(2)</script> and said 1 < 2."
    )

    page = search(client, "Beijing").content.decode()
    excerpt = re.search(r'class="search-excerpt">(.*?)</p>', page, re.S).group(1)

    assert "<script>" not in page
    assert "alert(1)" not in page
    assert "<mark>Beijing</mark>" in excerpt
    assert "Tom &amp; Jerry" in excerpt
    if connection.vendor == "sqlite":
        # PostgreSQL's excerpts leave out what looks like a tag; the simple one keeps it.
        assert "&lt;script&gt;alert(2)&lt;/script&gt;" in excerpt
        assert "1 &lt; 2." in excerpt
    # Nothing but the marks is markup.
    assert re.sub(r"</?mark>", "", excerpt).count("<") == 0


# --- Entities ---------------------------------------------------------------------------


def test_people_and_places_whose_name_or_alias_matches_come_before_the_articles(client, summit):
    kim = PersonFactory(name="Kim Jong Un", slug="kim-jong-un", aliases=["Kim Jong-un"])
    OrganizationFactory(name="Kimberly Mining", slug="kimberly-mining")
    MentionFactory(article=summit, entity=kim)

    page = search(client, "Jong-un").content.decode()

    assert kim.get_absolute_url() in page
    assert "Kimberly Mining" not in page
    assert page.index(kim.get_absolute_url()) < page.index('id="results-heading"')


@pytest.mark.parametrize("q", ["Kim -Beijing", "Kim or Jong", "Kim’s", "Kim's"])
def test_search_operators_and_possessives_are_no_part_of_a_name(client, summit, q):
    MentionFactory(article=summit, entity=PersonFactory(name="Kim Jong Un", slug="kim-jong-un"))

    response = search(client, q)

    assert [entity.name for entity in response.context["entities"]] == ["Kim Jong Un"]


def test_a_single_letter_matches_no_person_or_place(client, summit):
    MentionFactory(article=summit, entity=PersonFactory(name="Kim Jong Un", slug="kim-jong-un"))

    assert search(client, "K").context["entities"] == []
    assert [entity.name for entity in search(client, "Kim K").context["entities"]] == [
        "Kim Jong Un"
    ]


def test_entity_counts_only_articles_readers_may_see(client, summit):
    kim = PersonFactory(name="Kim Jong Un", slug="kim-jong-un")
    MentionFactory(article=summit, entity=kim)
    MentionFactory(article=DraftFactory(body=summit.body), entity=kim)
    MentionFactory(
        article=ArticleFactory(
            body=summit.body, publish_at=timezone.now() + timezone.timedelta(days=1)
        ),
        entity=kim,
    )

    response = search(client, "Kim Jong")

    assert [entity.article_count for entity in response.context["entities"]] == [1]
    assert "in 1 article<" in response.content.decode()


# --- Filters ----------------------------------------------------------------------------


def test_filters_by_section_and_its_subsections(client):
    world = SectionFactory(slug="world")
    asia = SectionFactory(slug="asia", parent=world)
    sport = SectionFactory(slug="sport")
    ArticleFactory(headline="Summit in Asia", section=asia)
    ArticleFactory(headline="Summit of the league", section=sport)

    assert headlines(search(client, "summit", section="world")) == ["Summit in Asia"]
    assert headlines(search(client, "summit", section="sport")) == ["Summit of the league"]


def test_filters_by_an_entity_mentioned(client, summit):
    kim = PersonFactory(name="Kim Jong Un", slug="kim-jong-un")
    MentionFactory(article=summit, entity=kim)
    ArticleFactory(headline="Beijing traffic", body="Roads in Beijing were closed.")

    response = search(client, "Beijing", entity="person/kim-jong-un")

    assert headlines(response) == [summit.headline]
    assert "Only articles that mention" in response.content.decode()


def test_filters_by_publication_dates(client):
    day = timezone.datetime(2024, 5, 10, 12, tzinfo=timezone.get_current_timezone())
    for offset in range(3):
        ArticleFactory(
            headline=f"Market report {offset}", publish_at=day + timezone.timedelta(days=offset)
        )

    found = headlines(search(client, "market", **{"from": "2024-05-11", "to": "2024-05-12"}))
    assert sorted(found) == ["Market report 1", "Market report 2"]
    assert headlines(search(client, "market", to="2024-05-10")) == ["Market report 0"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"section": "no-such-section"}, "There is no section “no-such-section”"),
        ({"entity": "person/nobody"}, "There is no person, organization or place"),
        ({"entity": "no-slash"}, "There is no person, organization or place"),
        ({"from": "2024-13-45"}, "“From” is not a date we understand"),
        ({"to": "yesterday"}, "“To” is not a date we understand"),
        ({"from": "2024-05-12", "to": "2024-05-10"}, "“to” date is before the “from” date"),
    ],
)
def test_a_bad_filter_is_reported_and_left_out(client, summit, params, message):
    response = search(client, "Beijing", **params)

    assert message in notes(response)
    assert headlines(response) == [summit.headline]


# --- Odd queries ------------------------------------------------------------------------


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "   \t  "}])
def test_an_empty_search_asks_for_words(client, summit, params):
    response = search(client, **params)

    assert "Type a word or two" in response.content.decode()
    assert headlines(response) == []


@pytest.mark.parametrize(
    "q",
    [
        "x" * 10_000,
        "beijing " * 2_000,
        '"Kim Jong Un"',
        '"Kim Jong',
        'Kim"',
        "'",
        "&|!:*()<>",
        "!!! ::: *** (((",
        "Kim & !Beijing | (train",
        "Beijing:*",
        "-Beijing",
        "or",
        "'; DROP TABLE articles_article; --",
        "1' OR '1'='1",
        "%",
        "_",
        "\\",
        "Пекин 北京 Kim’s café 🚂 🇰🇵",
        "\u200b\u202e",
        "\x00",
        "Beijing\x00train",
        "\ue000Beijing\ue001",
        "<script>alert(1)</script>",
    ],
)
def test_any_query_gives_a_page(client, summit, q):
    response = search(client, q)

    assert "<script>alert" not in response.content.decode()


def test_a_quoted_phrase_finds_the_phrase(client, summit):
    assert headlines(search(client, '"armored train"')) == [summit.headline]


def test_a_long_query_is_cut_between_words_and_the_reader_told(client, summit):
    response = search(client, "Beijing " + "word " * 1_000)

    query = response.context["query"]
    assert query.shortened
    assert len(query.text) <= MAX_QUERY_CHARS
    assert query.text.endswith("word")
    assert "only its first" in notes(response)


def test_a_query_without_words_says_so(client, summit):
    response = search(client, "&|!:*()<>")

    assert "has no words in it" in response.content.decode()
    assert headlines(response) == []


def test_a_null_character_is_refused_with_a_message(client, summit):
    response = search(client, "Beijing\x00")

    assert "Null characters are not allowed" in notes(response)


def test_parse_query_keeps_words_once_with_their_apostrophes_and_hyphens():
    query = parse_query("  Kim’s   Jong-un  kim’s (Beijing) ")

    assert query.text == "Kim’s Jong-un kim’s (Beijing)"
    assert query.words == ["Kim’s", "Jong-un", "Beijing"]


# --- Pages and queries ------------------------------------------------------------------


def test_results_come_a_page_at_a_time_with_links_that_keep_the_search(client, settings):
    settings.NEWSROOM_PAGE_SIZE = 2
    world = SectionFactory(slug="world")
    for n in range(5):
        ArticleFactory(headline=f"Election update {n}", section=world)

    first = search(client, "election", section="world")
    third = search(client, "election", section="world", page="3")

    assert len(headlines(first)) == 2
    assert len(headlines(third)) == 1
    assert "q=election&amp;section=world&amp;page=2" in first.content.decode()
    for page in ("0", "99", "two", "-1"):
        assert search(client, "election", page=page).context["page_obj"].number in (1, 3)


def test_a_common_word_ranks_the_newest_matches_and_says_so(client, monkeypatch):
    monkeypatch.setattr("articles.search.MAX_RANKED", 3)
    world = SectionFactory(slug="world")
    now = timezone.now()
    for days in range(5):
        ArticleFactory(
            headline=f"Budget talks day {days}",
            section=world if days == 4 else SectionFactory(),
            publish_at=now - timezone.timedelta(days=days),
        )

    response = search(client, "budget")
    page = re.sub(r"\s+", " ", response.content.decode())

    # Only the three newest are ranked; the page says there are more than it shows.
    assert sorted(headlines(response)) == [f"Budget talks day {days}" for days in range(3)]
    assert "here are the newest 3, best first" in page
    # A filter applies before the limit, so it reaches the oldest article too.
    filtered = search(client, "budget", section="world")
    assert headlines(filtered) == ["Budget talks day 4"]
    assert "1 article matches" in re.sub(r"\s+", " ", filtered.content.decode())


def count_queries(client, q):
    # Each page built afresh, so both counts include what the page cache asks for.
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        search(client, q, section="world")
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_results(client):
    world = SectionFactory(slug="world")
    kim = PersonFactory(name="Kim Jong Un", slug="kim-jong-un")
    one = ArticleFactory(headline="Comet seen", section=world)
    MentionFactory(article=one, entity=kim)
    for n in range(30):
        article = ArticleFactory(headline=f"Kim Jong Un visit {n}", section=world)
        MentionFactory(article=article, entity=kim)

    few = count_queries(client, "comet")
    many = count_queries(client, "Kim Jong Un")

    assert few == many <= MAX_QUERIES


def test_every_page_has_a_search_box(client, summit):
    page = client.get(reverse("articles:home")).content.decode()

    assert f'action="{SEARCH}"' in page
    assert 'name="q"' in page


# --- PostgreSQL's full text -------------------------------------------------------------


@postgresql_only
def test_words_are_found_in_their_other_forms(client, summit):
    assert headlines(search(client, "arrives")) == [summit.headline]
    assert headlines(search(client, "trains")) == [summit.headline]


@postgresql_only
def test_a_heading_match_outranks_a_standfirst_match_which_outranks_a_body_match(client):
    newest = timezone.now() - timezone.timedelta(minutes=1)
    ArticleFactory(headline="Notes", body="A volcano erupted.", publish_at=newest)
    ArticleFactory(headline="Notes 2", dek="A volcano erupted.", body="Ash fell.")
    ArticleFactory(
        headline="Volcano erupts",
        body="Ash fell.",
        publish_at=newest - timezone.timedelta(days=2),
    )

    assert headlines(search(client, "volcano")) == ["Volcano erupts", "Notes 2", "Notes"]


@postgresql_only
def test_the_search_vector_has_a_gin_index():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = %s AND indexdef LIKE %s",
            [Article._meta.db_table, "%search_vector%"],
        )
        definitions = [row[0] for row in cursor.fetchall()]

    assert len(definitions) == 1
    assert "USING gin (search_vector)" in definitions[0]


@postgresql_only
def test_the_search_vector_follows_an_edit_through_the_orm(client, summit):
    summit.body = "Kim Jong Un travelled to Pyongyang."
    summit.save()

    assert headlines(search(client, "Pyongyang")) == [summit.headline]
    assert headlines(search(client, "armored")) == []


@postgresql_only
def test_the_search_vector_follows_an_edit_in_the_admin(client, admin_client, summit):
    url = reverse("admin:articles_article_change", args=[summit.pk])
    data = article_change_data(summit, headline="Kim leaves Beijing for Vladivostok")
    data["status"] = ArticleStatus.PUBLISHED

    response = admin_client.post(url, data)

    assert response.status_code == 302
    assert headlines(search(client, "Vladivostok")) == ["Kim leaves Beijing for Vladivostok"]


def test_bulk_writes_keep_the_search_current(client, summit):
    Article.objects.filter(headline__contains="Beijing").update(headline="Typhoon nears")
    assert headlines(search(client, "typhoon")) == ["Typhoon nears"]
    assert headlines(search(client, "talks")) == []

    summit.dek = "Ferries stay in port."
    Article.objects.bulk_update([summit], ["dek"])
    assert headlines(search(client, "ferries")) == ["Typhoon nears"]

    fresh = ArticleFactory.build(headline="Harvest festival opens", section=summit.section)
    Article.objects.bulk_create([fresh])
    assert headlines(search(client, "harvest")) == ["Harvest festival opens"]


@postgresql_only
def test_rows_changed_behind_the_orm_can_be_refreshed(client, summit):
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE articles_article SET headline = %s WHERE id = %s",
            ["Typhoon nears the coast", summit.pk],
        )
    assert headlines(search(client, "typhoon")) == []

    assert update_search_vectors() == 1
    assert headlines(search(client, "typhoon")) == ["Typhoon nears the coast"]
