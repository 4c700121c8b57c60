"""Corrections and updates: they move their article's updated time, and /corrections/ lists
the recent ones of the articles readers may see."""

import json
import re

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertInHTML, assertNotContains

from articles.models import Article, CorrectionKind
from tests.factories import HIDDEN, ArticleFactory, CorrectionFactory, hidden

pytestmark = pytest.mark.django_db

URL = reverse("articles:corrections")
WRITTEN = timezone.make_aware(timezone.datetime(2025, 3, 4, 12, 0))
CORRECTED = WRITTEN + timezone.timedelta(days=2)


@pytest.fixture
def article():
    with time_machine.travel(WRITTEN, tick=False):
        return ArticleFactory(
            headline="Kim arrives in Beijing", publish_at=WRITTEN - timezone.timedelta(hours=1)
        )


def stored(article):
    return Article.objects.filter(pk=article.pk).values("updated_at", "version", "body").get()


# --- The article's updated time -------------------------------------------------------------


def test_adding_a_correction_moves_the_articles_updated_time_but_not_its_version(article):
    before = stored(article)

    with time_machine.travel(CORRECTED, tick=False):
        CorrectionFactory(article=article)

    after = stored(article)
    assert after["updated_at"] == CORRECTED
    assert (after["version"], after["body"]) == (before["version"], before["body"])


def test_editing_a_correction_moves_the_articles_updated_time(article):
    correction = CorrectionFactory(article=article)

    with time_machine.travel(CORRECTED, tick=False):
        correction.text = "We misspelled the station's name."
        correction.save()

    assert stored(article)["updated_at"] == CORRECTED


def test_deleting_a_correction_moves_the_articles_updated_time(article):
    correction = CorrectionFactory(article=article)
    before = stored(article)

    with time_machine.travel(CORRECTED, tick=False):
        correction.delete()

    assert stored(article) == {**before, "updated_at": CORRECTED}


def test_deleting_corrections_in_bulk_in_the_admin_moves_the_updated_time(
    client, superuser, article
):
    correction = CorrectionFactory(article=article)
    client.force_login(superuser)

    with time_machine.travel(CORRECTED, tick=False):
        client.post(
            reverse("admin:articles_correction_changelist"),
            {"action": "delete_selected", "_selected_action": [correction.pk], "post": "yes"},
        )

    assert not article.corrections.exists()
    assert stored(article)["updated_at"] == CORRECTED


def test_the_article_page_shows_the_update_and_its_structured_data_follows(client, article):
    with time_machine.travel(CORRECTED, tick=False):
        CorrectionFactory(article=article, kind=CorrectionKind.UPDATE, text="Added the return.")

    response = client.get(article.get_absolute_url())

    assertContains(response, "Added the return.")
    updated = f'<time datetime="{CORRECTED.isoformat()}">6 March 2025, 12:00</time>'
    assertInHTML(f'<span class="updated">Updated {updated}</span>', response.text)
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', response.text, re.S)
    data = json.loads(raw[1])
    assert timezone.datetime.fromisoformat(data["dateModified"]) == CORRECTED
    assert timezone.datetime.fromisoformat(data["datePublished"]) == article.publish_at


# --- The corrections page -------------------------------------------------------------------


def test_the_page_lists_corrections_newest_first_with_date_kind_text_and_article(client, article):
    other = ArticleFactory(headline="Summit ends")
    CorrectionFactory(article=article, text="We misspelled the station.", created_at=WRITTEN)
    CorrectionFactory(
        article=other, kind=CorrectionKind.UPDATE, text="Talks resumed.", created_at=CORRECTED
    )

    response = client.get(URL)

    html = response.text
    assert html.index("Talks resumed.") < html.index("We misspelled the station.")
    assertContains(response, "<strong>Update</strong>")
    assertContains(response, "<strong>Correction</strong>")
    for when, shown in ((WRITTEN, "4 March 2025"), (CORRECTED, "6 March 2025")):
        assertContains(response, f'<time datetime="{when.isoformat()}">{shown}</time>')
    assertContains(response, f'<a href="{article.get_absolute_url()}">Kim arrives in Beijing</a>')
    assertContains(response, f'<a href="{other.get_absolute_url()}">Summit ends</a>')


@pytest.mark.parametrize("way", HIDDEN)
def test_the_page_never_shows_corrections_of_articles_readers_cannot_see(client, way):
    ArticleFactory(headline="Public story")
    secret = ArticleFactory(headline="Secret story", **hidden(way))
    CorrectionFactory(article=secret, text="A secret correction.")

    response = client.get(URL)

    assertNotContains(response, "A secret correction.")
    assertNotContains(response, "Secret story")
    assertContains(response, "There are no corrections or updates yet.")


def test_a_scheduled_articles_corrections_appear_once_it_goes_live(client):
    goes_live = timezone.now() + timezone.timedelta(days=1)
    CorrectionFactory(article=ArticleFactory(publish_at=goes_live), text="Fixed before launch.")

    assertNotContains(client.get(URL), "Fixed before launch.")
    with time_machine.travel(goes_live + timezone.timedelta(minutes=1)):
        assertContains(client.get(URL), "Fixed before launch.")


def test_the_page_is_paginated_by_the_page_size(client, article, settings):
    settings.NEWSROOM_PAGE_SIZE = 2
    for day in range(5):
        CorrectionFactory(
            article=article,
            text=f"Correction of day {day}.",
            created_at=WRITTEN + timezone.timedelta(days=day),
        )

    first = client.get(URL)
    last = client.get(URL, {"page": 3})

    assert [c.text for c in first.context["corrections"]] == [
        "Correction of day 4.",
        "Correction of day 3.",
    ]
    assertContains(first, 'href="?page=2" rel="next"')
    assert [c.text for c in last.context["corrections"]] == ["Correction of day 0."]
    assert client.get(URL, {"page": 4}).status_code == 404


@pytest.mark.parametrize("count", [1, 12])
def test_the_page_runs_a_fixed_number_of_queries(client, django_assert_num_queries, count):
    for n in range(count):
        CorrectionFactory(article=ArticleFactory(), text=f"Correction {n}.")

    # The count for the paginator, the page of corrections with their articles, the
    # sections of the site's navigation.
    with django_assert_num_queries(3):
        response = client.get(URL)

    assert len(response.context["corrections"]) == count


def test_every_page_links_to_the_corrections_page(client, article):
    for url in (reverse("articles:home"), article.get_absolute_url(), URL):
        assertContains(client.get(url), f'<a href="{URL}">Corrections and updates</a>', html=True)
