"""The body editor's search for internal links (articles.editor_links): what it finds, who
may ask, and how a bad request is answered; and the article form's editor widget."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from articles.models import ArticleStatus
from tests.factories import (
    ArticleFactory,
    DraftFactory,
    OrganizationFactory,
    PersonFactory,
    PlaceFactory,
    UserFactory,
    member_of,
)

pytestmark = pytest.mark.django_db

URL = reverse("admin:articles_article_link_search")


def search(client, query, **extra):
    return client.get(URL, {"q": query}, **extra)


def results(client, query):
    response = search(client, query)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()["results"]


def test_the_url():
    assert URL == "/admin/articles/article/link-search/"


def test_articles_by_every_word_of_the_headline_marked_with_their_status(editor):
    now = timezone.now()
    ArticleFactory(
        headline="Night buses return to the city",
        slug="night-buses",
        publish_at=now - timezone.timedelta(days=2),
    )
    ArticleFactory(
        headline="Night buses: the new timetable",
        slug="night-bus-timetable",
        publish_at=now - timezone.timedelta(hours=1),
    )
    ArticleFactory(
        headline="Night buses go electric next year",
        slug="electric-night-buses",
        status=ArticleStatus.PUBLISHED,
        publish_at=now + timezone.timedelta(days=1),
    )
    DraftFactory(headline="Night buses: what riders say", slug="riders")
    ArticleFactory(
        headline="Night buses withdrawn",
        slug="gone",
        status=ArticleStatus.WITHDRAWN,
        publish_at=now - timezone.timedelta(days=1),
    )
    DraftFactory(headline="Night buses in review", slug="review", status=ArticleStatus.REVIEW)
    ArticleFactory(headline="Day trains", slug="day-trains")

    found = results(editor, "  BUSES night ")

    assert [(r["label"], r["status"]) for r in found] == [
        ("Night buses go electric next year", "scheduled"),
        ("Night buses: the new timetable", "published"),
        ("Night buses withdrawn", "withdrawn"),
        ("Night buses return to the city", "published"),
        ("Night buses in review", "review"),
        ("Night buses: what riders say", "draft"),
    ]
    assert found[1] == {
        "label": "Night buses: the new timetable",
        "kind": "article",
        "kind_label": "Article",
        "status": "published",
        "status_label": "Published",
        "url": "/articles/night-bus-timetable/",
    }
    assert found[0]["status_label"] == "Scheduled"
    assert found[4]["status_label"] == "In review"


def test_entities_by_name_or_alias_with_their_pages(editor):
    PersonFactory(name="Ana Reyes", slug="ana-reyes", aliases=["Mayor Reyes"])
    OrganizationFactory(name="Reyes Transport", slug="reyes-transport")
    PlaceFactory(name="Reyes Square", slug="reyes-square")
    PersonFactory(name="Xi Jinping", slug="xi-jinping")

    assert results(editor, "reyes") == [
        {
            "label": "Ana Reyes",
            "kind": "person",
            "kind_label": "Person",
            "url": "/people/ana-reyes/",
        },
        {
            "label": "Reyes Square",
            "kind": "place",
            "kind_label": "Place",
            "url": "/places/reyes-square/",
        },
        {
            "label": "Reyes Transport",
            "kind": "organization",
            "kind_label": "Organization",
            "url": "/organizations/reyes-transport/",
        },
    ]
    assert [r["label"] for r in results(editor, "mayor")] == ["Ana Reyes"]


def test_articles_come_before_entities(editor):
    PersonFactory(name="Ana Reyes", slug="ana-reyes")
    ArticleFactory(headline="Ana Reyes elected mayor", slug="elected")

    assert [(r["kind"], r["label"]) for r in results(editor, "ana reyes")] == [
        ("article", "Ana Reyes elected mayor"),
        ("person", "Ana Reyes"),
    ]


def test_at_most_ten_of_each(editor):
    for n in range(12):
        ArticleFactory(headline=f"Budget story {n}", slug=f"budget-{n}")
        PersonFactory(name=f"Budget Person {n}", slug=f"budget-person-{n}")

    found = results(editor, "budget")

    assert [r["kind"] for r in found] == ["article"] * 10 + ["person"] * 10


@pytest.mark.parametrize("query", ["", "   ", "\t\n"])
def test_nothing_to_search_for_finds_nothing(editor, query):
    ArticleFactory(headline="Anything")
    assert results(editor, query) == []


def test_no_query_at_all_finds_nothing(editor):
    response = editor.get(URL)
    assert response.status_code == 200
    assert response.json() == {"results": []}


def test_words_are_matched_literally(editor):
    ArticleFactory(headline="Rates up 5% on Monday", slug="rates")
    ArticleFactory(headline="Rates up 50 on Monday", slug="rates-50")

    assert [r["label"] for r in results(editor, "5%")] == ["Rates up 5% on Monday"]
    assert results(editor, "_") == []


def test_a_search_of_200_characters_is_answered_and_one_longer_is_refused(editor):
    assert results(editor, "a" * 200) == []

    response = search(editor, "a" * 201)

    assert response.status_code == 400
    assert response.json() == {"error": "Search for at most 200 characters."}


@pytest.mark.parametrize("query", ["\x00", "night\x00buses"])
def test_a_search_with_nul_is_refused(editor, query):
    response = search(editor, query)

    assert response.status_code == 400
    assert "NUL" in response.json()["error"]


def test_only_get_is_answered(editor):
    response = editor.post(URL, {"q": "night"})
    assert response.status_code == 405


def test_reporters_who_write_articles_may_search(client):
    ArticleFactory(headline="Night buses")
    client.force_login(member_of("Reporters"))
    assert [r["label"] for r in results(client, "night")] == ["Night buses"]


@pytest.mark.parametrize("codename", ["add_article", "change_article"])
def test_either_permission_to_write_articles_is_enough(client, codename):
    user = UserFactory(username="writer")
    user.user_permissions.add(Permission.objects.get(codename=codename))
    client.force_login(user)
    assert search(client, "night").status_code == 200


def test_annotators_who_do_not_write_articles_are_refused(annotator):
    ArticleFactory(headline="Night buses")

    response = search(annotator, "night")

    assert response.status_code == 403
    assert "permission" in response.json()["error"]
    assert "Night buses" not in response.content.decode()


def test_staff_without_permissions_are_refused(client):
    client.force_login(UserFactory(username="nobody"))
    assert search(client, "night").status_code == 403


def test_those_not_staff_are_sent_to_log_in(client):
    user = UserFactory(username="reader", is_staff=False)
    user.user_permissions.add(Permission.objects.get(codename="change_article"))
    client.force_login(user)

    response = search(client, "night")

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_anonymous_visitors_are_sent_to_log_in(client):
    ArticleFactory(headline="Night buses")

    response = search(client, "night")

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_answers_are_never_cached(editor):
    response = search(editor, "night")
    assert "no-cache" in response["Cache-Control"] or "private" in response["Cache-Control"]


# --- The editor on the article form -----------------------------------------------------


def test_the_article_form_has_the_body_editor_with_the_link_search(superuser_client):
    article = ArticleFactory(body="<p>Kim <strong>arrived</strong>.</p>")

    response = superuser_client.get(reverse("admin:articles_article_change", args=[article.pk]))

    page = response.content.decode()
    assert "data-django-prose-editor-newsroom=" in page
    assert f'data-link-search-url="{URL}"' in page
    assert 'type="importmap"' in page
    assert "articles/body_editor.js" in page
    assert "articles/body_editor.css" in page
    # The textarea holds the stored body, escaped, for the editor to load.
    assert "&lt;p&gt;Kim &lt;strong&gt;arrived&lt;/strong&gt;.&lt;/p&gt;</textarea>" in page


def test_the_add_form_has_the_body_editor_too(superuser_client):
    response = superuser_client.get(reverse("admin:articles_article_add"))
    assert "data-django-prose-editor-newsroom=" in response.content.decode()
