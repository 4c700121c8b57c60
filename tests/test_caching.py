"""The public page cache: anonymous readers get cached pages, and every change to what they
show is visible at once; ETag, Last-Modified and Cache-Control let browsers and a CDN
revalidate."""

import json

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from articles import workflow
from articles.models import ArticleStatus, Byline, Mention, MentionStatus
from tests.admin_forms import article_change_data
from tests.factories import (
    ArticleFactory,
    CorrectionFactory,
    DraftFactory,
    PersonFactory,
    SectionFactory,
    member_of,
    suggested_mention,
)

pytestmark = pytest.mark.django_db

BODY = "Kim Jong Un arrived in Beijing.\nHe met Xi Jinping."


@pytest.fixture
def reader():
    return Client()


@pytest.fixture
def story():
    return ArticleFactory(headline="Kim arrives in Beijing", slug="kim-arrives", body=BODY)


def test_a_second_visit_is_served_from_the_cache_without_queries(
    reader, story, django_assert_num_queries
):
    first = reader.get(story.get_absolute_url())
    with django_assert_num_queries(0):
        second = reader.get(story.get_absolute_url())

    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert second.content == first.content


def test_pages_carry_validators_and_cache_control_fit_for_a_cdn(reader, story, settings):
    response = reader.get(story.get_absolute_url())

    assert response["Cache-Control"] == "public, max-age=0, s-maxage=60"
    assert response.has_header("ETag")
    assert response.has_header("Last-Modified")


def test_unchanged_pages_are_answered_304(reader, story):
    first = reader.get("/")

    by_etag = reader.get("/", headers={"if-none-match": first["ETag"]})
    by_date = reader.get("/", headers={"if-modified-since": first["Last-Modified"]})

    assert (by_etag.status_code, by_date.status_code) == (304, 304)


def test_a_change_makes_validators_fail_so_the_new_page_is_sent(reader, story):
    first = reader.get("/")
    with time_machine.travel(timezone.now() + timezone.timedelta(minutes=2)):
        workflow.take_step(DraftFactory(headline="Ferries resume"), "publish", member_of("Editors"))
        again = reader.get("/", headers={"if-none-match": first["ETag"]})

    assert again.status_code == 200
    assert "Ferries resume" in again.content.decode()
    assert again["Last-Modified"] != first["Last-Modified"]


def test_staff_pages_are_never_shared_or_cached(client, superuser, story):
    client.force_login(superuser)

    first = client.get(story.get_absolute_url())
    second = client.get(story.get_absolute_url())

    assert "X-Cache" not in first and "X-Cache" not in second
    assert "private" in first["Cache-Control"]


@pytest.mark.parametrize("path", ["/admin/login/", "/no-such-page/"])
def test_the_admin_and_missing_pages_are_not_cached(reader, path):
    response = reader.get(path)

    assert "X-Cache" not in response
    assert "public" not in response.get("Cache-Control", "")


@pytest.mark.urls("tests.urls_setting_a_cookie")
def test_a_page_that_sets_a_cookie_is_never_kept_for_others(reader):
    first = reader.get("/with-a-cookie/")
    second = Client().get("/with-a-cookie/")

    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "miss")
    assert second.cookies["reader"].value == "ana"


def test_each_page_of_a_list_is_cached_apart(reader, settings):
    settings.NEWSROOM_PAGE_SIZE = 1
    section = SectionFactory(slug="world")
    ArticleFactory(section=section, headline="Older story")
    ArticleFactory(section=section, headline="Newer story", publish_at=timezone.now())

    first = reader.get("/sections/world/")
    second = reader.get("/sections/world/?page=2")

    assert "Newer story" in first.content.decode()
    assert "Older story" in second.content.decode()


# --- Every change shows at once ---------------------------------------------------------


def test_a_published_article_shows_at_once(reader):
    draft = DraftFactory(headline="Ferries resume")
    assert "Ferries resume" not in reader.get("/").content.decode()

    workflow.take_step(draft, "publish", member_of("Editors"))

    assert "Ferries resume" in reader.get("/").content.decode()


def test_an_edit_in_the_admin_shows_at_once(reader, story, client, superuser):
    reader.get(story.get_absolute_url())
    client.force_login(superuser)

    client.post(
        reverse("admin:articles_article_change", args=[story.pk]),
        article_change_data(story, headline="Kim leaves Beijing"),
    )

    assert "Kim leaves Beijing" in reader.get(story.get_absolute_url()).content.decode()


def test_a_withdrawn_article_disappears_at_once(reader, story):
    assert reader.get(story.get_absolute_url()).status_code == 200
    assert "Kim arrives in Beijing" in reader.get("/").content.decode()

    workflow.take_step(story, "withdraw", member_of("Editors"))

    assert reader.get(story.get_absolute_url()).status_code == 404
    assert "Kim arrives in Beijing" not in reader.get("/").content.decode()


def test_annotating_shows_at_once(reader, story, client):
    kim = PersonFactory(name="Kim Jong Un", slug="kim-jong-un")
    suggested_mention(story, kim, "Kim Jong Un")
    assert (
        'href="/people/kim-jong-un/"' not in reader.get(story.get_absolute_url()).content.decode()
    )
    client.force_login(member_of("Annotators"))

    mention = Mention.objects.get()
    client.post(
        reverse("admin:articles_article_annotate_mention", args=[story.pk, mention.pk]),
        json.dumps({"status": "confirmed"}),
        content_type="application/json",
    )

    assert 'href="/people/kim-jong-un/"' in reader.get(story.get_absolute_url()).content.decode()


def test_bulk_changes_without_signals_show_at_once(reader, story):
    kim = PersonFactory(name="Kim Jong Un", slug="kim-jong-un")
    suggested_mention(story, kim, "Kim Jong Un", status=MentionStatus.CONFIRMED)
    assert 'href="/people/kim-jong-un/"' in reader.get(story.get_absolute_url()).content.decode()

    Mention.objects.filter(entity=kim).update(status=MentionStatus.REJECTED)

    assert (
        'href="/people/kim-jong-un/"' not in reader.get(story.get_absolute_url()).content.decode()
    )


def test_an_entity_edit_shows_at_once(reader, story):
    kim = PersonFactory(name="Kim Jong Un", slug="kim-jong-un")
    suggested_mention(story, kim, "Kim Jong Un", status=MentionStatus.CONFIRMED)
    assert "North Korea’s leader" not in reader.get("/people/kim-jong-un/").content.decode()

    kim.description = "North Korea’s leader since 2011."
    kim.save()

    assert "North Korea’s leader" in reader.get("/people/kim-jong-un/").content.decode()


def test_a_correction_shows_at_once(reader, story):
    reader.get(story.get_absolute_url())

    CorrectionFactory(article=story, text="An earlier version gave the wrong day.")

    assert "gave the wrong day" in reader.get(story.get_absolute_url()).content.decode()


def test_a_tag_added_or_removed_shows_at_once(reader, story):
    assert 'href="/tags/ferries/"' not in reader.get(story.get_absolute_url()).content.decode()

    story.tags.add("Ferries")
    assert 'href="/tags/ferries/"' in reader.get(story.get_absolute_url()).content.decode()

    story.tags.remove("Ferries")
    assert 'href="/tags/ferries/"' not in reader.get(story.get_absolute_url()).content.decode()


def test_a_renamed_tag_shows_at_once(reader, story):
    story.tags.add("Ferries")
    assert ">Ferries</a>" in reader.get(story.get_absolute_url()).content.decode()

    tag = Tag.objects.get(name="Ferries")
    tag.name, tag.slug = "Boats", "boats"
    tag.save()

    page = reader.get(story.get_absolute_url()).content.decode()
    assert ('href="/tags/boats/" rel="tag">Boats</a>' in page, "Ferries" in page) == (True, False)


def test_a_renamed_section_shows_at_once(reader, story):
    assert "Harbour news" not in reader.get(story.get_absolute_url()).content.decode()

    story.section.name = "Harbour news"
    story.section.save()

    assert "Harbour news" in reader.get(story.get_absolute_url()).content.decode()


def test_a_new_byline_shows_at_once(reader, story):
    assert "Ana Reporter" not in reader.get(story.get_absolute_url()).content.decode()

    Byline.objects.create(article=story, person=PersonFactory(name="Ana Reporter"))

    assert "Ana Reporter" in reader.get(story.get_absolute_url()).content.decode()


def test_a_page_built_while_a_change_commits_is_dropped_once_it_has(
    reader, story, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        story.headline = "Kim leaves Beijing"
        story.save()
        # Another request could build the page from the old data in between; that copy
        # must not outlive the commit.
        assert reader.get(story.get_absolute_url())["X-Cache"] == "miss"
        assert reader.get(story.get_absolute_url())["X-Cache"] == "hit"

    assert reader.get(story.get_absolute_url())["X-Cache"] == "miss"


def test_a_scheduled_article_appears_when_its_time_comes_with_no_job(reader):
    noon = timezone.now().replace(microsecond=0) + timezone.timedelta(hours=2)
    article = DraftFactory(headline="Embargoed budget story", publish_at=noon)
    workflow.take_step(article, "publish", member_of("Editors"))

    with time_machine.travel(noon - timezone.timedelta(seconds=1), tick=False):
        assert "Embargoed budget story" not in reader.get("/").content.decode()
        assert reader.get("/")["X-Cache"] == "hit"
    with time_machine.travel(noon, tick=False):
        assert "Embargoed budget story" in reader.get("/").content.decode()
        assert reader.get(article.get_absolute_url()).status_code == 200


def test_no_page_is_served_older_than_the_cache_time_whatever_the_backend(reader, story, settings):
    reader.get("/")
    later = timezone.now() + timezone.timedelta(seconds=settings.NEWSROOM_PAGE_CACHE_SECONDS + 1)

    with time_machine.travel(later, tick=False):
        response = reader.get("/")

    # Lists over a moving window ("most mentioned this week") change without any write.
    assert response["X-Cache"] == "miss"


# --- The cache out of reach -------------------------------------------------------------

UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "articles.cache_backend.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
        # As settings.py has it: the circuit breaker (tests/test_cache_resilience.py).
        "OPTIONS": {"pool_class": "articles.cache_backend.CircuitBreakerConnectionPool"},
    }
}


def test_readers_get_pages_built_afresh_while_the_cache_is_out_of_reach(
    reader, story, settings, caplog
):
    settings.CACHES = UNREACHABLE_REDIS

    response = reader.get(story.get_absolute_url())

    assert response.status_code == 200
    assert "Kim arrives in Beijing" in response.content.decode()
    assert response["X-Cache"] == "unavailable"
    assert response["Cache-Control"] == "public, max-age=0, s-maxage=60"
    assert not response.has_header("Last-Modified")
    assert "The cache at 127.0.0.1:1 is out of reach" in caplog.text


def test_a_save_is_refused_whole_while_the_cache_is_out_of_reach(client, superuser, settings):
    # A save that could not drop the cached pages it changes would leave them stale.
    section = SectionFactory(name="World", slug="world")
    client.force_login(superuser)
    client.raise_request_exception = False
    settings.CACHES = UNREACHABLE_REDIS

    response = client.post(
        reverse("admin:articles_section_change", args=[section.pk]),
        {"name": "Abroad", "slug": "world", "description": "", "position": 0},
    )

    assert response.status_code == 503
    assert "Nothing was saved: the cache is out of reach" in response.content.decode()
    section.refresh_from_db()
    assert section.name == "World"


# --- What drops the cached pages, and what does not ---------------------------------------


@pytest.fixture
def cached_pages(reader, story):
    """The home page and the story's page, each read once, so both are in the cache."""
    pages = ["/", story.get_absolute_url()]
    for page in pages:
        assert reader.get(page)["X-Cache"] == "miss"
    return pages


def still_cached(reader, pages) -> list[bool]:
    return [reader.get(page).get("X-Cache") == "hit" for page in pages]


def test_saving_a_draft_again_and_again_drops_no_cached_page(reader, story, editor):
    """Before: every save of anything dropped every page, so editors saving drafts during
    breaking news sent nearly every reader to the uncached path."""
    draft = DraftFactory(headline="Breaking", body="Kim Jong Un left Beijing.")
    kim = PersonFactory(name="Kim Jong Un")
    pages = ["/", story.get_absolute_url()]
    for page in pages:
        reader.get(page)

    for n in range(3):
        response = editor.post(
            reverse("admin:articles_article_change", args=[draft.pk]),
            article_change_data(draft, body=f"Kim Jong Un left Beijing at {n}.", tags="asia"),
        )
        assert response.status_code == 302
        draft.refresh_from_db()
    Mention.objects.create(
        article=draft, entity=kim, start=0, end=11, exact="Kim Jong Un", suffix=" left"
    )
    CorrectionFactory(article=draft)

    assert still_cached(reader, pages) == [True, True]


@pytest.mark.parametrize(
    ("change", "dropped"),
    [
        ("edit", [True, True]),
        ("withdraw", [True, True]),
        ("back to draft", [True, True]),
        # A new article is on the home page, not on another article's.
        ("publish", [True, False]),
        # Nothing shows it until its time (the scheduled test below).
        ("schedule", [False, False]),
        # A correction shows on the story's page; the home page lists its headline only.
        ("correct", [False, True]),
        ("mention", [True, True]),
    ],
)
def test_a_change_readers_may_see_drops_the_pages_that_show_it(
    reader, story, cached_pages, change, dropped
):
    draft = DraftFactory(headline="Second story", section=story.section)
    if change == "edit":
        story.headline = "Kim leaves Beijing"
        story.save()
    elif change in ("withdraw", "back to draft"):
        story.status = ArticleStatus.WITHDRAWN if change == "withdraw" else ArticleStatus.DRAFT
        story.save()
    elif change == "publish":
        draft.status = ArticleStatus.PUBLISHED
        draft.save()
    elif change == "schedule":
        draft.status = ArticleStatus.PUBLISHED
        draft.publish_at = timezone.now() + timezone.timedelta(hours=1)
        draft.save()
    elif change == "correct":
        CorrectionFactory(article=story)
    else:
        Mention.objects.create(
            article=story, entity=PersonFactory(), start=0, end=3, exact="Kim", suffix=" Jong"
        )

    assert still_cached(reader, cached_pages) == [not drop for drop in dropped]


def test_re_anchoring_a_drafts_mentions_in_bulk_drops_nothing(reader, cached_pages):
    draft = DraftFactory(body="Kim Jong Un arrived.")
    Mention.objects.bulk_create(
        [Mention(article=draft, entity=PersonFactory(), start=0, end=3, exact="Kim")]
    )
    assert reader.get("/")["X-Cache"] == "miss"  # the person made above is a change
    reader.get(cached_pages[1])

    draft.body = "Yesterday Kim Jong Un arrived."
    draft.save()  # moves the mention with bulk_update

    assert Mention.objects.get(article=draft).start == len("Yesterday ")
    assert still_cached(reader, cached_pages) == [True, True]
