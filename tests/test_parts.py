"""Parts of pages kept between requests (articles/parts.py): an article page built from its
kept parts asks the database one question, and any change a reader could see shows at
once; a part is never served stale.

The page cache is off here (NEWSROOM_PAGE_CACHE_SECONDS=0), so every request builds its
page, from parts where they are kept: what a reader gets when the page cache misses."""

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from taggit.models import Tag

from articles import parts
from articles.models import ArticleStatus, Entity, MentionRole, Section
from tests.factories import (
    ArticleFactory,
    BylineFactory,
    CorrectionFactory,
    PersonFactory,
    SectionFactory,
    mention_of,
)

pytestmark = pytest.mark.django_db

BODY = "<p>Ana Lund opened the harbour.</p><p>The council met in Marrowby.</p>"


@pytest.fixture(autouse=True)
def page_cache_off(settings):
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 0
    settings.NEWSROOM_PART_CACHE_SECONDS = 600


@pytest.fixture
def story():
    """A published story naming a person, with a byline, a tag and a related story."""
    ana = PersonFactory(name="Ana Lund", slug="ana-lund")
    section = SectionFactory(name="Harbours", slug="harbours")
    article = ArticleFactory(headline="Harbour opens", body=BODY, section=section, tags=["ports"])
    mention_of(article, ana)
    BylineFactory(article=article, person=PersonFactory(name="Tom Reed", slug="tom-reed"))
    other = ArticleFactory(headline="Ferries return", body=BODY, section=section)
    mention_of(other, ana)
    return article, other, ana


def page(client, article) -> str:
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def rename(row, name):
    row.name = name
    row.save()


def sneak_headline(article, headline):
    """Write a headline behind the application's back: nothing tells a cache."""
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE articles_article SET headline = %s WHERE id = %s", [headline, article.pk]
        )


def test_a_kept_article_page_asks_the_database_one_question(client, story):
    article, other, _ = story
    first = page(client, article)

    with CaptureQueriesContext(connection) as queries:
        again = page(client, article)

    # Whether it is published, by its address: everything else is kept.
    assert len(queries) == 1
    assert again == first
    assert "Ferries return" in again  # its related article, kept with it


def test_a_part_is_used_while_nothing_changes(client, story):
    article, _, _ = story
    page(client, article)
    sneak_headline(article, "Sneaked in")  # nothing drops the part: it is served

    assert "<h1>Harbour opens</h1>" in page(client, article)


def test_with_parts_off_every_page_is_built_afresh(client, story, settings):
    settings.NEWSROOM_PART_CACHE_SECONDS = 0
    article, _, _ = story
    page(client, article)
    sneak_headline(article, "Sneaked in")

    assert "<h1>Sneaked in</h1>" in page(client, article)


def test_an_edit_of_the_article_shows_at_once(client, story):
    article, _, _ = story
    page(client, article)

    article.headline = "Harbour opens early"
    article.body = BODY.replace("opened", "reopened")
    article.save()

    html = page(client, article)
    assert "<h1>Harbour opens early</h1>" in html and "reopened the harbour" in html


def test_a_renamed_person_shows_at_once_in_the_mentions_and_the_byline(client, story):
    article, _, ana = story
    page(client, article)

    rename(ana, "Ana Lund-Berg")
    rename(Entity.objects.get(slug="tom-reed"), "Thomas Reed")

    html = page(client, article)
    assert "Ana Lund-Berg" in html and "Thomas Reed" in html


def test_a_withdrawn_related_article_leaves_at_once(client, story):
    article, other, _ = story
    assert "Ferries return" in page(client, article)

    other.status = ArticleStatus.WITHDRAWN
    other.save()

    assert "Ferries return" not in page(client, article)


def test_a_related_article_edited_shows_its_new_headline(client, story):
    article, other, _ = story
    page(client, article)

    other.headline = "Ferries return for summer"
    other.save()

    assert "Ferries return for summer" in page(client, article)


def test_a_correction_a_renamed_tag_and_section_show_at_once(client, story):
    article, _, _ = story
    page(client, article)

    CorrectionFactory(article=article, text="An earlier version misnamed the harbour.")
    rename(Tag.objects.get(name="ports"), "seaports")
    rename(Section.objects.get(slug="harbours"), "Ports and harbours")

    html = page(client, article)
    assert "misnamed the harbour" in html
    assert ">seaports</a>" in html
    assert ">Ports and harbours</a>" in html


def test_a_mention_confirmed_later_is_linked_at_once(client, story):
    article, _, _ = story
    page(client, article)

    marrowby = PersonFactory(name="Marrowby", slug="marrowby")
    mention_of(article, marrowby)

    assert 'href="/people/marrowby/"' in page(client, article)


def test_a_withdrawn_article_is_gone_at_once(client, story):
    article, _, _ = story
    page(client, article)

    article.status = ArticleStatus.WITHDRAWN
    article.save()

    assert client.get(article.get_absolute_url()).status_code == 404


def test_a_part_built_while_a_change_is_made_is_not_kept(client, story, monkeypatch):
    article, _, ana = story
    build = parts.kept

    def kept_while_a_change_is_made(name, builder):
        def builder_and_change():
            value = builder()
            if name.startswith("article-"):
                # Saved, as by an editor on another server, while the page was being
                # built from the data before it: its tags' versions move on.
                rename(Entity.objects.get(pk=ana.pk), "Ana Lund-Berg")
            return value

        return build(name, builder_and_change)

    monkeypatch.setattr(parts, "kept", kept_while_a_change_is_made)
    stale = page(client, article)
    monkeypatch.setattr(parts, "kept", build)

    assert "Ana Lund-Berg" not in stale
    assert "Ana Lund-Berg" in page(client, article)


def test_a_scheduled_article_needs_no_write_to_reach_the_related_list(client, story):
    article, _, ana = story
    # The part's generation ends when the scheduled article goes live (caching.py), so the
    # page is built afresh then and finds it.
    later = ArticleFactory(
        headline="Cranes arrive",
        body=BODY,
        section=article.section,
        publish_at=timezone.now() + timezone.timedelta(hours=1),
    )
    mention_of(later, ana)
    assert "Cranes arrive" not in page(client, article)

    with time_machine.travel(timezone.now() + timezone.timedelta(hours=2)):
        assert "Cranes arrive" in page(client, article)


def test_a_kept_list_fetches_no_bylines_and_no_pictures(client, story):
    article, _, _ = story
    section_page = article.section.get_absolute_url()
    client.get(section_page)

    with CaptureQueriesContext(connection) as queries:
        html = client.get(section_page).content.decode()

    assert "Tom Reed" in html  # the byline, kept with the story
    assert not [query for query in queries if "articles_byline" in query["sql"]]
    assert not [query for query in queries if "images_rendition" in query["sql"]]


def test_a_list_shows_a_new_byline_and_a_renamed_author_at_once(client, story):
    article, other, _ = story
    section_page = article.section.get_absolute_url()
    client.get(section_page)

    rename(Entity.objects.get(slug="tom-reed"), "Thomas Reed")
    BylineFactory(article=other, person=PersonFactory(name="Ida Berg", slug="ida-berg"))

    html = client.get(section_page).content.decode()
    assert "Thomas Reed" in html and "Tom Reed" not in html
    assert "Ida Berg" in html


def test_a_list_shows_an_edited_headline_at_once(client, story):
    article, other, _ = story
    tag_page = "/tags/ports/"
    client.get(tag_page)

    article.headline = "Harbour opens at dawn"
    article.save()

    assert "Harbour opens at dawn" in client.get(tag_page).content.decode()


@pytest.mark.parametrize("address", ["/sections/harbours/", "/tags/ports/"])
def test_a_kept_page_of_a_list_gains_a_new_story_and_loses_a_withdrawn_one(client, story, address):
    article, _, _ = story
    assert "Harbour opens" in client.get(address).content.decode()

    ArticleFactory(headline="Cranes arrive", body=BODY, section=article.section, tags=["ports"])
    article.status = ArticleStatus.WITHDRAWN
    article.save()

    html = client.get(address).content.decode()
    assert "Cranes arrive" in html and "Harbour opens" not in html


def test_the_home_page_shows_a_new_story_and_loses_a_withdrawn_one_at_once(client, story):
    article, other, _ = story
    assert "Harbour opens" in client.get("/").content.decode()

    ArticleFactory(headline="Cranes arrive", body=BODY, section=article.section)
    article.status = ArticleStatus.WITHDRAWN
    article.save()

    home = client.get("/").content.decode()
    assert "Cranes arrive" in home
    assert "Harbour opens" not in home and "Ferries return" in home


def test_the_home_pages_stories_follow_an_edit_and_outlast_a_new_mention(client, story):
    article, other, _ = story
    client.get("/")
    other.headline = "Ferries return for summer"
    other.save()
    assert "Ferries return for summer" in client.get("/").content.decode()

    mention_of(other, PersonFactory(name="Marrowby", slug="marrowby"))

    with CaptureQueriesContext(connection) as queries:
        home = client.get("/").content.decode()
    # The most mentioned, which any mention may change; the stories are still kept.
    assert len(queries) == 1, [query["sql"][:80] for query in queries]
    assert "Ferries return for summer" in home and 'href="/people/marrowby/"' in home


def test_an_entity_page_shows_an_edited_sentence_at_once(client, story):
    article, _, ana = story
    assert "opened the harbour" in client.get(ana.get_absolute_url()).content.decode()

    article.body = BODY.replace("opened the harbour", "opened the new harbour")
    article.save()

    assert "opened the new harbour" in client.get(ana.get_absolute_url()).content.decode()


def test_an_entity_pages_kept_lists_follow_every_change_that_shows_there(client, story):
    article, other, ana = story
    client.get(ana.get_absolute_url())  # its parts kept

    ana.description = "Harbour master of Marrowby."
    ana.save()
    article.headline = "Harbour opens at dawn"  # the heading over its sentences
    article.save()
    about = ArticleFactory(headline="Cranes arrive", body=BODY, section=article.section)
    mention_of(about, ana, role=MentionRole.ABOUT)
    BylineFactory(article=other, person=ana)
    withdrawn = ArticleFactory(headline="Quay closes", body=BODY, section=article.section)
    mention_of(withdrawn, ana)
    client.get(ana.get_absolute_url())
    withdrawn.status = ArticleStatus.WITHDRAWN
    withdrawn.save()

    html = client.get(ana.get_absolute_url()).content.decode()
    assert "Harbour master of Marrowby." in html
    assert "Harbour opens at dawn" in html
    about_list = html.split('id="about-heading"')[1].split("</section>")[0]
    assert "Cranes arrive" in about_list
    bylined_list = html.split('id="bylined-heading"')[1].split("</section>")[0]
    assert "Ferries return" in bylined_list
    assert "Quay closes" not in html
    assert "3 mentions" in html


def test_an_entity_is_gone_at_once_when_no_article_readers_see_names_it(client, story):
    article, other, ana = story
    assert client.get(ana.get_absolute_url()).status_code == 200  # kept, as public

    for named in (article, other):
        named.status = ArticleStatus.WITHDRAWN
        named.save()

    assert client.get(ana.get_absolute_url()).status_code == 404


def test_an_entity_not_found_is_not_kept_as_missing(client, story):
    article, _, _ = story
    ida = PersonFactory(name="Ida Berg", slug="ida-berg")
    assert client.get(ida.get_absolute_url()).status_code == 404

    BylineFactory(article=article, person=ida)

    assert client.get(ida.get_absolute_url()).status_code == 200


def test_a_mention_of_someone_else_leaves_an_entity_pages_lists_kept(client, story):
    article, _, ana = story
    client.get(ana.get_absolute_url())

    elsewhere = ArticleFactory(headline="Ice fair", body=BODY, section=article.section)
    mention_of(elsewhere, PersonFactory(name="Marrowby"))

    with CaptureQueriesContext(connection) as queries:
        html = client.get(ana.get_absolute_url()).content.decode()
    # Who is often mentioned with them, which any mention may change (its part is kept
    # apart); the person, their page of mentions and their lists are still kept.
    assert len(queries) == 1, [query["sql"][:80] for query in queries]
    assert "opened the harbour" in html


def test_a_later_page_of_an_entitys_mentions_is_kept_on_its_own(client, story, settings):
    settings.NEWSROOM_PAGE_SIZE = 1
    _, _, ana = story
    first = client.get(ana.get_absolute_url()).content.decode()
    second = client.get(ana.get_absolute_url() + "?page=2").content.decode()

    def listed(html):
        return {
            headline
            for headline in ("Harbour opens", "Ferries return")
            if headline in html.split("mention-groups")[1]
        }

    assert len(listed(first)) == len(listed(second)) == 1
    assert listed(first) != listed(second)
    assert client.get(ana.get_absolute_url()).content.decode() == first


def test_a_lists_count_follows_a_new_story_and_a_new_mention_at_once(client, story):
    article, other, ana = story
    other.tags.add("ports")
    assert "2 articles" in client.get("/tags/ports/").content.decode()
    assert "2 mentions" in client.get(ana.get_absolute_url()).content.decode()

    # In a section that exists: a new section would drop every part and page at once.
    third = ArticleFactory(
        headline="Cranes arrive", body=BODY, section=article.section, tags=["ports"]
    )
    mention_of(third, ana)

    assert "3 articles" in client.get("/tags/ports/").content.decode()
    assert "3 mentions" in client.get(ana.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    ("page_of", "queries"),
    [
        # Its stories and the most mentioned are kept parts.
        (lambda article, ana: "/", 0),
        # The section or tag by its address: the page's pks and its stories are kept.
        (lambda article, ana: article.section.get_absolute_url(), 1),
        (lambda article, ana: "/tags/ports/", 1),
        # The person, whether readers may see them, their lists: all kept.
        (lambda article, ana: ana.get_absolute_url(), 0),
    ],
    ids=["home", "section", "tag", "person"],
)
def test_a_kept_list_page_reads_only_its_rows(client, story, page_of, queries):
    article, _, ana = story
    address = page_of(article, ana)
    client.get(address)

    with CaptureQueriesContext(connection) as captured:
        assert client.get(address).status_code == 200

    assert len(captured) == queries, [query["sql"][:80] for query in captured]


def test_a_search_finds_an_edited_story_and_a_newly_named_entity_at_once(client, story):
    article, _, _ = story
    assert "Harbour opens" not in client.get("/search/?q=lighthouse").content.decode()
    assert 'href="/people/marrowby/"' not in client.get("/search/?q=marrowby").content.decode()

    article.body = BODY.replace("the harbour", "the lighthouse")
    article.save()
    mention_of(article, PersonFactory(name="Marrowby", slug="marrowby"))

    assert "Harbour opens" in client.get("/search/?q=lighthouse").content.decode()
    assert 'href="/people/marrowby/"' in client.get("/search/?q=marrowby").content.decode()


def test_a_kept_search_reads_nothing_and_loses_a_withdrawn_story_at_once(client, story):
    article, _, _ = story
    address = "/search/?q=harbour"
    assert "Harbour opens" in client.get(address).content.decode()

    with CaptureQueriesContext(connection) as queries:
        assert client.get(address).status_code == 200
    assert len(queries) == 0  # its count, its page of results and its entities are kept

    article.status = ArticleStatus.WITHDRAWN
    article.save()

    html = client.get(address).content.decode()
    assert "Harbour opens" not in html and "Ferries return" in html
    assert "1 article matches" in html


def test_each_page_of_a_search_and_each_page_size_is_kept_on_its_own(client, story, settings):
    address = "/search/?q=harbour"
    whole = client.get(address).content.decode()
    settings.NEWSROOM_PAGE_SIZE = 1
    first = client.get(address).content.decode()
    second = client.get(address + "&page=2").content.decode()

    def listed(html):
        results = html.split('class="story-list"')[1].split("</ol>")[0]
        return {title for title in ("Harbour opens", "Ferries return") if title in results}

    assert listed(whole) == {"Harbour opens", "Ferries return"}
    assert len(listed(first)) == len(listed(second)) == 1
    assert listed(first) | listed(second) == listed(whole)


def test_no_part_is_served_older_than_its_time_whatever_the_backend(client, story, settings):
    article, _, _ = story
    page(client, article)
    sneak_headline(article, "Sneaked in")  # nothing tells the part
    later = timezone.now() + timezone.timedelta(seconds=settings.NEWSROOM_PART_CACHE_SECONDS + 1)

    with time_machine.travel(later, tick=False):
        # Related articles, and lists over a moving window, change without any write.
        assert "<h1>Sneaked in</h1>" in page(client, article)


def test_every_page_reads_the_same_from_kept_parts_as_built_afresh(client, story, settings):
    article, _, ana = story
    BylineFactory(article=article, person=PersonFactory(name="Ida Berg", slug="ida-berg"))
    addresses = [
        "/",
        article.get_absolute_url(),
        article.section.get_absolute_url(),
        "/tags/ports/",
        ana.get_absolute_url(),
        "/search/?q=harbour",
    ]
    for address in addresses:
        client.get(address)  # its parts kept

    kept = {address: client.get(address).content for address in addresses}
    settings.NEWSROOM_PART_CACHE_SECONDS = 0
    afresh = {address: client.get(address).content for address in addresses}

    for address in addresses:
        assert kept[address] == afresh[address], address
