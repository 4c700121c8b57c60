"""Invalidation by tags: a change drops the cached pages that show what changed, and leaves
every other page cached (articles/page_tags.py, articles/caching.py).

Two newsroom desks with nothing in common: a change on one desk's story must drop that
story's pages and the lists it is in, and no page of the other desk."""

import pytest
from django.test import Client
from django.urls import reverse

from articles import page_tags
from articles.models import Article, ArticleStatus, Mention
from tests.factories import (
    ArticleFactory,
    CorrectionFactory,
    PersonFactory,
    SectionFactory,
    mention_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader():
    return Client()


@pytest.fixture
def desks():
    """Two stories in two sections, each with its own person and tag, and a third story
    of the first desk that is not on the home page's first places."""
    politics, sport = SectionFactory(name="Politics"), SectionFactory(name="Sport")
    ana, ben = PersonFactory(name="Ana Lund"), PersonFactory(name="Ben Okafor")
    vote = ArticleFactory(
        section=politics, headline="Council votes", body="Ana Lund won the vote.", tags=["vote"]
    )
    match = ArticleFactory(
        section=sport, headline="Derby drawn", body="Ben Okafor scored twice.", tags=["derby"]
    )
    mention_of(vote, ana)
    mention_of(match, ben)
    return {"vote": vote, "match": match, "ana": ana, "ben": ben}


def pages(desks) -> dict[str, str]:
    vote, match = desks["vote"], desks["match"]
    return {
        "vote": vote.get_absolute_url(),
        "match": match.get_absolute_url(),
        "politics": vote.section.get_absolute_url(),
        "sport": match.section.get_absolute_url(),
        "vote tag": reverse("articles:tag", args=["vote"]),
        "derby tag": reverse("articles:tag", args=["derby"]),
        "ana": desks["ana"].get_absolute_url(),
        "ben": desks["ben"].get_absolute_url(),
        "home": "/",
        "latest feed": reverse("feeds:latest-rss"),
        "sport feed": reverse("feeds:section-rss", args=[match.section.slug]),
    }


def cache_all(reader, addresses) -> None:
    for name, address in addresses.items():
        assert reader.get(address).status_code == 200, name
    assert all(reader.get(address)["X-Cache"] == "hit" for address in addresses.values())


def dropped(reader, addresses) -> set[str]:
    """The pages that are no longer served from the cache."""
    return {
        name for name, address in addresses.items() if reader.get(address).get("X-Cache") != "hit"
    }


def test_an_edit_of_a_published_story_drops_its_pages_and_no_other_desks(reader, desks):
    addresses = pages(desks)
    cache_all(reader, addresses)

    vote = Article.objects.get(pk=desks["vote"].pk)
    vote.headline = "Council votes again"
    vote.save()

    # Every page that shows the story: its own, its section's, its tag's, its person's,
    # the home page and the latest feed, which list it.
    assert dropped(reader, addresses) == {
        "vote",
        "politics",
        "vote tag",
        "ana",
        "home",
        "latest feed",
    }
    assert "Council votes again" in reader.get(addresses["politics"]).content.decode()


def test_an_edit_of_a_stories_words_leaves_the_lists_that_show_its_headline(reader, desks):
    """Updates to a running story every few minutes: its page and the pages quoting its
    sentences are dropped; lists, which show its headline and standfirst, stay."""
    addresses = pages(desks)
    cache_all(reader, addresses)

    vote = Article.objects.get(pk=desks["vote"].pk)
    vote.body = "<p>Ana Lund won the vote.</p><p>Update: the count is final.</p>"
    vote.save()

    # The feed carries the whole story, the person's page its sentences.
    assert dropped(reader, addresses) == {"vote", "ana", "latest feed"}
    assert "the count is final" in reader.get(addresses["vote"]).content.decode()


def test_a_new_story_drops_the_lists_it_enters_and_not_the_other_desks_pages(reader, desks):
    addresses = pages(desks)
    cache_all(reader, addresses)

    ArticleFactory(section=desks["vote"].section, headline="Mayor resigns", tags=["vote"])

    # Not the first desk's story, though its related articles share the tag: they are
    # those found when its page was built (articles/parts.py), refreshed later.
    assert dropped(reader, addresses) == {"politics", "vote tag", "home", "latest feed"}
    assert "Mayor resigns" in reader.get(addresses["home"]).content.decode()


def test_a_withdrawal_drops_every_page_that_showed_the_story(reader, desks):
    addresses = pages(desks)
    cache_all(reader, addresses)

    match = Article.objects.get(pk=desks["match"].pk)
    match.status = ArticleStatus.WITHDRAWN
    match.save()

    assert dropped(reader, addresses) == {
        "match",
        "sport",
        "derby tag",
        "ben",
        "home",
        "latest feed",
        "sport feed",
    }
    assert reader.get(addresses["match"]).status_code == 404
    assert "Derby drawn" not in reader.get(addresses["sport"]).content.decode()


def test_a_new_mention_drops_the_story_and_the_persons_pages(reader, desks):
    addresses = pages(desks)
    cache_all(reader, addresses)

    carla = PersonFactory(name="Carla Diaz")
    vote = desks["vote"]
    vote.body = "Ana Lund won the vote. Carla Diaz lost."
    vote.save()
    mention_of(Article.objects.get(pk=vote.pk), carla)

    gone = dropped(reader, addresses)
    # The story, and the lists of people (who is mentioned with whom, the most mentioned):
    # never the other desk's story, section, tag or feed.
    assert {"vote", "ana", "home"} <= gone
    assert not {"match", "sport", "derby tag", "sport feed"} & gone


def test_a_correction_drops_the_story_and_the_corrections_page(reader, desks):
    addresses = {**pages(desks), "corrections": reverse("articles:corrections")}
    cache_all(reader, addresses)

    CorrectionFactory(article=desks["match"])

    gone = dropped(reader, addresses)
    assert {"match", "corrections"} <= gone
    assert not {"vote", "politics", "vote tag", "ana"} & gone


def test_renaming_a_person_drops_the_pages_that_name_them(reader, desks):
    addresses = pages(desks)
    cache_all(reader, addresses)

    ben = desks["ben"]
    ben.name = "Benedict Okafor"
    ben.save()

    gone = dropped(reader, addresses)
    assert {"ben", "match"} <= gone
    # Lists of people (the most mentioned, who is mentioned with whom) may change too; the
    # other desk's story, section and tag pages do not.
    assert not {"vote", "politics", "vote tag"} & gone


def test_moving_a_mention_to_another_person_drops_both_persons_pages(reader, desks):
    addresses = pages(desks)
    cache_all(reader, addresses)

    mention = Mention.objects.get(article=desks["vote"])
    mention.entity = desks["ben"]
    mention.save()

    assert {"ana", "ben", "vote"} <= dropped(reader, addresses)


def test_every_public_page_names_what_it_shows_in_a_cache_tag_header(reader, desks):
    vote = desks["vote"]
    tags = reader.get(vote.get_absolute_url())["Cache-Tag"].split(",")

    assert f"article-{vote.pk}" in tags
    assert f"entity-{desks['ana'].pk}" in tags
    assert f"section-{vote.section_id}" in tags
    # Its related articles are those found when it was built (articles/parts.py): an
    # article published naming the same person does not drop it.
    assert f"list-entity-{desks['ana'].pk}" not in tags
    # The same header on a cached copy.
    assert reader.get(vote.get_absolute_url())["Cache-Tag"] == ",".join(tags)


def test_staff_pages_carry_no_cache_tags(client, superuser, desks):
    client.force_login(superuser)
    assert not client.get(desks["vote"].get_absolute_url()).has_header("Cache-Tag")


def test_a_page_of_very_many_rows_is_kept_under_one_tag_for_their_kind():
    tags = {page_tags.row("article", pk) for pk in range(page_tags.MAX_ROW_TAGS + 1)}
    tags |= {"entity-1", page_tags.LIST_ALL}

    assert page_tags.compact(tags) == ["article-any", "entity-1", "list-all"]


@pytest.mark.urls("tests.urls_changing_while_built")
def test_a_page_built_while_a_story_changes_is_served_but_not_kept(reader):
    story = ArticleFactory(headline="Before")

    first = reader.get(f"/changing-while-built/{story.pk}/")

    assert first["X-Cache"] == "miss"
    assert reader.get(f"/changing-while-built/{story.pk}/")["X-Cache"] == "miss"


def test_a_corrected_story_published_again_brings_its_corrections_back_at_once(reader, desks):
    match = desks["match"]
    CorrectionFactory(article=match, text="An earlier version gave the wrong score.")
    match.status = ArticleStatus.WITHDRAWN
    match.save()
    corrections = reverse("articles:corrections")
    assert "the wrong score" not in reader.get(corrections).content.decode()

    match.status = ArticleStatus.PUBLISHED
    match.save()

    assert "the wrong score" in reader.get(corrections).content.decode()


def test_a_corrected_story_withdrawn_leaves_the_corrections_page_at_once(reader, desks):
    match = desks["match"]
    CorrectionFactory(article=match, text="An earlier version gave the wrong score.")
    corrections = reverse("articles:corrections")
    assert "the wrong score" in reader.get(corrections).content.decode()

    match.status = ArticleStatus.WITHDRAWN
    match.save()

    assert "the wrong score" not in reader.get(corrections).content.decode()
