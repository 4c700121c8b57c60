"""A published article's changed slug keeps its old URL working with a 301 to the new one,
and never reveals an article readers may not see."""

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertRedirects

from articles.models import Article, ArticleRedirect, ArticleStatus, EntityKind
from tests.factories import ArticleFactory, DraftFactory, PersonFactory

pytestmark = pytest.mark.django_db


def url(slug):
    return reverse("articles:article", args=[slug])


def rename(article, slug):
    article.slug = slug
    article.save()


def state():
    """Everything a request for an article page must leave as it was."""
    return (
        list(ArticleRedirect.objects.values_list("old_slug", "article_id").order_by("old_slug")),
        list(Article.objects.values_list("pk", "slug", "status", "version").order_by("pk")),
    )


def assert_404_changing_nothing(client, slug):
    before = state()
    assert client.get(url(slug)).status_code == 404
    assert state() == before


def test_the_old_url_of_a_renamed_article_redirects_permanently(client):
    article = ArticleFactory(slug="kim-arrives")
    rename(article, "kim-arrives-in-beijing")

    response = client.get(url("kim-arrives"))

    assertRedirects(response, url("kim-arrives-in-beijing"), status_code=301)


def test_a_chain_of_renames_redirects_in_one_hop(client):
    article = ArticleFactory(slug="a")
    rename(article, "b")
    rename(article, "c")

    for old in ("a", "b"):
        response = client.get(url(old))
        assert response.status_code == 301
        assert response["Location"] == url("c")


def test_going_back_to_an_old_slug_serves_it_and_redirects_the_others(client):
    article = ArticleFactory(slug="a")
    rename(article, "b")
    rename(article, "a")

    assert client.get(url("a")).status_code == 200
    assertRedirects(client.get(url("b")), url("a"), status_code=301)


def test_an_article_now_using_an_old_slug_wins_over_the_redirect(client):
    rename(ArticleFactory(slug="summit"), "summit-2024")
    newer = ArticleFactory(slug="summit", headline="The new summit")

    response = client.get(url("summit"))

    assert response.status_code == 200
    assert response.context["article"] == newer


@pytest.mark.parametrize(
    "status", [ArticleStatus.DRAFT, ArticleStatus.REVIEW, ArticleStatus.WITHDRAWN]
)
def test_the_old_url_of_an_article_no_longer_published_is_404(client, status):
    article = ArticleFactory(slug="old")
    rename(article, "new")
    article.status = status
    article.save()

    assert_404_changing_nothing(client, "old")


def test_the_old_url_of_a_scheduled_article_is_404_until_it_goes_live(client):
    goes_live = timezone.now() + timezone.timedelta(days=1)
    article = ArticleFactory(slug="embargoed", publish_at=goes_live)
    rename(article, "embargoed-story")

    assert_404_changing_nothing(client, "embargoed")
    with time_machine.travel(goes_live + timezone.timedelta(minutes=1)):
        assertRedirects(client.get(url("embargoed")), url("embargoed-story"), status_code=301)


def test_renaming_a_draft_leaves_no_redirect(client):
    draft = DraftFactory(slug="working-title")
    rename(draft, "final-title")
    draft.status = ArticleStatus.PUBLISHED
    draft.save()

    assert_404_changing_nothing(client, "working-title")


def test_an_unknown_slug_is_404_and_changes_nothing(client):
    rename(ArticleFactory(slug="known"), "known-2")

    assert_404_changing_nothing(client, "never-existed")


# --- Entities -------------------------------------------------------------------------------
# Made public on purpose (is_public), as no article names them. Those named only in hidden
# articles have no redirect either: tests/test_embargo.py.


def test_the_old_url_of_a_renamed_entity_redirects_permanently(client):
    kim = PersonFactory(name="Kim Jong Un", slug="kim-jong-un", is_public=True)
    kim.slug = "kim-jong-un-leader"
    kim.save()

    assertRedirects(
        client.get("/people/kim-jong-un/"), "/people/kim-jong-un-leader/", status_code=301
    )


def test_an_entity_of_another_kind_now_redirects_from_its_old_url(client):
    kestrel = PersonFactory(name="Kestrel Rail", slug="kestrel-rail", is_public=True)
    kestrel.kind = EntityKind.ORGANIZATION
    kestrel.save()

    assertRedirects(
        client.get("/people/kestrel-rail/"), "/organizations/kestrel-rail/", status_code=301
    )


def test_an_entity_going_back_to_its_old_slug_is_served_there(client):
    kim = PersonFactory(name="Kim Jong Un", slug="kim-jong-un", is_public=True)
    kim.slug = "kim"
    kim.save()
    kim.slug = "kim-jong-un"
    kim.save()

    assert client.get("/people/kim-jong-un/").status_code == 200
    assertRedirects(client.get("/people/kim/"), "/people/kim-jong-un/", status_code=301)


@pytest.mark.parametrize("form", ["rss", "atom"])
def test_the_old_feed_of_a_renamed_entity_redirects_to_its_feed(client, form):
    kim = PersonFactory(name="Kim Jong Un", slug="kim-jong-un", is_public=True)
    kim.slug, kim.kind = "kim-jong-un-leader", EntityKind.ORGANIZATION
    kim.save()

    response = client.get(f"/feeds/people/kim-jong-un/{form}/")

    assertRedirects(response, f"/feeds/organizations/kim-jong-un-leader/{form}/", status_code=301)
    assert client.get(f"/feeds/people/nobody/{form}/").status_code == 404
