"""Embargo: a scheduled article reaches no reader, anywhere, until its time; then it is live
everywhere at once, with no job to run. The tests set the clock; nothing sleeps."""

import contextlib
import re

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.models import ArticleStatus, Mention, MentionRole
from articles.preview import make_preview_link
from tests.factories import (
    HIDDEN,
    ArticleFactory,
    BylineFactory,
    CorrectionFactory,
    DraftFactory,
    PersonFactory,
    SectionFactory,
    hidden,
    member_of,
    mention_of,
)

pytestmark = pytest.mark.django_db

NOON = timezone.make_aware(timezone.datetime(2026, 11, 30, 12, 0))
HEADLINE = "Summit agreed behind closed doors"
SECRET = "closed doors"


@pytest.fixture
def embargoed():
    """An article an editor scheduled for noon, naming two people, with a correction."""
    with time_machine.travel(NOON - timezone.timedelta(hours=3), tick=False):
        section = SectionFactory(name="World", slug="world")
        kim = PersonFactory(name="Kim Jong Un", slug="kim-jong-un")
        xi = PersonFactory(name="Xi Jinping", slug="xi-jinping")
        reporter = PersonFactory(name="Ana Reyes", slug="ana-reyes")
        # Something public in each place, so that the pages exist before noon.
        live = ArticleFactory(section=section, tags=["summit"], body="Kim Jong Un spoke.")
        Mention.objects.create(article=live, entity=kim, start=0, end=11, exact="Kim Jong Un")
        BylineFactory(article=live, person=reporter)

        article = DraftFactory(
            headline=HEADLINE,
            slug="summit-agreed",
            section=section,
            tags=["summit"],
            body="Kim Jong Un and Xi Jinping met behind closed doors.",
        )
        BylineFactory(article=article, person=reporter)
        for exact, entity, role in [
            ("Kim Jong Un", kim, MentionRole.ABOUT),
            ("Xi Jinping", xi, MentionRole.MENTIONS),
        ]:
            start = article.text.index(exact)
            Mention.objects.create(
                article=article,
                entity=entity,
                start=start,
                end=start + len(exact),
                exact=exact,
                role=role,
            )
        CorrectionFactory(article=article, text="An earlier version misspelt a name.")
        article.publish_at = NOON
        article.save()
        workflow.take_step(article, "publish", member_of("Editors"))
    article.refresh_from_db()
    assert article.status == ArticleStatus.PUBLISHED
    return article


SURFACES = [
    "/",
    "/sections/world/",
    "/tags/summit/",
    "/people/kim-jong-un/",
    "/people/ana-reyes/",
    "/corrections/",
]
# Named only in the embargoed article: no page, no feed, until its time.
XI = ["/people/xi-jinping/", "/feeds/people/xi-jinping/rss/", "/feeds/people/xi-jinping/atom/"]


def shows_article(response) -> bool:
    return SECRET in response.content.decode() or HEADLINE in response.content.decode()


def test_before_its_time_it_reaches_no_reader_anywhere(embargoed):
    reader = Client()
    with time_machine.travel(NOON - timezone.timedelta(seconds=1), tick=False):
        assert reader.get(embargoed.get_absolute_url()).status_code == 404
        for url in SURFACES:
            response = reader.get(url)
            assert response.status_code == 200, url
            assert not shows_article(response), url
        # Xi Jinping is named only in the embargoed article: he has no page nor feeds yet,
        # and Kim is not "often mentioned with" him.
        for url in XI:
            assert reader.get(url).status_code == 404, url
        assert "Xi Jinping" not in reader.get("/people/kim-jong-un/").content.decode()


def test_at_its_time_it_is_everywhere_at_once(embargoed):
    reader = Client()
    with time_machine.travel(NOON, tick=False):
        assert reader.get(embargoed.get_absolute_url()).status_code == 200
        for url in SURFACES + XI:
            assert shows_article(reader.get(url)), url
        assert "Xi Jinping" in reader.get("/people/kim-jong-un/").content.decode()


def test_the_staff_preview_shows_it_before_its_time_but_readers_do_not_see_it(embargoed, client):
    client.force_login(member_of("Editors"))
    with time_machine.travel(NOON - timezone.timedelta(minutes=5), tick=False):
        preview = client.get(reverse("admin:articles_article_preview", args=[embargoed.pk]))
        public = client.get(embargoed.get_absolute_url())

    assert preview.status_code == 200
    assert HEADLINE in preview.content.decode()
    assert public.status_code == 404


def test_a_withdrawn_article_disappears_at_once(embargoed):
    reader = Client()
    with time_machine.travel(NOON + timezone.timedelta(hours=1), tick=False):
        assert reader.get(embargoed.get_absolute_url()).status_code == 200
        workflow.take_step(embargoed, "withdraw", member_of("Editors"))
        assert reader.get(embargoed.get_absolute_url()).status_code == 404
        for url in SURFACES:
            assert not shows_article(reader.get(url)), url


# --- Entities named only in hidden articles ----------------------------------------------
#
# A person, organization or place reaches readers only once a published article names it
# (a confirmed mention, a byline) or an editor makes it public: one that only drafts,
# review copies, scheduled or withdrawn articles name is unknown on every page and feed.

QUILL = "Ursula Quill"
QUILL_PAGE = "/people/ursula-quill/"
QUILL_FEEDS = ["/feeds/people/ursula-quill/rss/", "/feeds/people/ursula-quill/atom/"]
# The two ways an article names a person.
NAMINGS = ("mention", "byline")


@pytest.fixture
def kim():
    """Kim Jong Un, named in a published article: his page, feeds and search entry exist."""
    kim = PersonFactory(name="Kim Jong Un", slug="kim-jong-un")
    mention_of(ArticleFactory(headline="Kim spoke", body="Kim Jong Un spoke."), kim)
    return kim


def named_only_in_hidden(way, naming, kim):
    """Ursula Quill, named only in an article hidden `way`, beside Kim: by a confirmed
    mention, or only in its byline. Returns her and that article."""
    quill = PersonFactory(name=QUILL, slug="ursula-quill", aliases=["Quill"])
    secret = ArticleFactory(
        headline="Secret talks",
        slug="secret-talks",
        body="Kim Jong Un met Ursula Quill in secret.",
        **hidden(way),
    )
    mention_of(secret, kim)
    if naming == "mention":
        mention_of(secret, quill)
    else:
        BylineFactory(article=secret, person=quill)
    return quill, secret


def part(html, pattern) -> str:
    """The part of a page that `pattern` (a regular expression) finds, or ""."""
    found = re.search(pattern, html, re.S)
    return found.group(0) if found else ""


def entity_list(reader, q) -> str:
    """The list of people, organizations and places on the search page for `q`."""
    response = reader.get("/search/", {"q": q})
    assert response.status_code == 200
    return part(response.content.decode(), r'<section class="search-entities".*?</section>')


def unseen_anywhere(reader, kim) -> dict[str, bool]:
    """For each surface, whether a reader finds no trace of Ursula Quill there."""
    kim_page = reader.get(kim.get_absolute_url())
    assert kim_page.status_code == 200
    filtered = reader.get("/search/", {"q": "Kim", "entity": "person/ursula-quill"})
    return {
        "page": reader.get(QUILL_PAGE).status_code == 404,
        **{feed: reader.get(feed).status_code == 404 for feed in QUILL_FEEDS},
        "search": QUILL not in entity_list(reader, QUILL) + entity_list(reader, "Quill"),
        "search filter": "There is no person" in filtered.content.decode(),
        "sitemap": QUILL_PAGE not in reader.get("/sitemap-entities.xml").content.decode(),
        "often mentioned with": QUILL
        not in part(kim_page.content.decode(), r'<aside class="co-mentioned".*?</aside>'),
        "home": QUILL not in reader.get("/").content.decode(),
    }


def preview_of(article, way):
    """The preview of `article` that a reader may be sent (its shared link), or for a
    withdrawn one, which no link shows, the staff preview."""
    if way == "withdrawn":
        staff = Client()
        staff.force_login(member_of("Editors"))
        return staff.get(reverse("admin:articles_article_preview", args=[article.pk]))
    return Client().get(make_preview_link(article).url)


@pytest.mark.parametrize("naming", NAMINGS)
@pytest.mark.parametrize("way", HIDDEN)
def test_an_entity_named_only_in_a_hidden_article_reaches_no_reader(kim, way, naming):
    named_only_in_hidden(way, naming, kim)
    reader = Client()

    unseen = unseen_anywhere(reader, kim)

    assert all(unseen.values()), [surface for surface, none in unseen.items() if not none]
    # Not found exactly as someone who does not exist at all.
    for url, nobody in [
        (QUILL_PAGE, "/people/nobody-at-all/"),
        (QUILL_FEEDS[0], "/feeds/people/nobody-at-all/rss/"),
    ]:
        assert reader.get(url).content == reader.get(nobody).content, url


@pytest.mark.parametrize("naming", NAMINGS)
@pytest.mark.parametrize("way", HIDDEN)
def test_its_old_address_leads_nowhere_either(kim, way, naming):
    quill, _ = named_only_in_hidden(way, naming, kim)
    quill.slug = "ursula-quill-2"
    quill.save()
    reader = Client()

    # As an address that never was: no redirect tells its new one.
    for url in [QUILL_PAGE, *QUILL_FEEDS]:
        assert reader.get(url).status_code == 404, url

    quill.is_public = True
    quill.save()
    for url in [QUILL_PAGE, *QUILL_FEEDS]:
        assert reader.get(url).status_code == 301, url


@pytest.mark.parametrize("naming", NAMINGS)
@pytest.mark.parametrize("way", HIDDEN)
def test_a_preview_names_it_without_a_link_to_a_page_readers_cannot_see(kim, way, naming):
    _, secret = named_only_in_hidden(way, naming, kim)

    preview = preview_of(secret, way)

    html = preview.content.decode()
    assert preview.status_code == 200
    assert QUILL in html
    assert QUILL_PAGE not in html
    # Kim may be seen: his name is still a link.
    assert f'href="{kim.get_absolute_url()}"' in html


@pytest.mark.parametrize("naming", NAMINGS)
@pytest.mark.parametrize("way", HIDDEN)
def test_once_the_article_is_published_the_entity_is_everywhere_at_once(kim, way, naming):
    _, secret = named_only_in_hidden(way, naming, kim)
    reader = Client()
    assert all(unseen_anywhere(reader, kim).values())  # And the pages are in the cache.

    if way == "scheduled":
        publication = time_machine.travel(secret.publish_at, tick=False)
    else:
        editor = member_of("Editors")
        if way == "withdrawn":
            workflow.take_step(secret, "to_draft", editor)
        workflow.take_step(secret, "publish", editor)
        publication = contextlib.nullcontext()
    with publication:
        unseen = unseen_anywhere(reader, kim)
        article = reader.get(secret.get_absolute_url()).content.decode()
        feed = reader.get(QUILL_FEEDS[0]).content.decode()

    # A byline is no mention: it makes no one "often mentioned with" Kim.
    expected = {"often mentioned with"} if naming == "byline" else set()
    assert {surface for surface, none in unseen.items() if none} == expected
    # Linked from the article that names it, by its byline or its mention.
    assert f'href="{QUILL_PAGE}"' in article
    # The feed of the articles that mention her (a byline is no mention).
    assert ("Secret talks" in feed) == (naming == "mention")


@pytest.mark.parametrize("naming", NAMINGS)
@pytest.mark.parametrize("way", HIDDEN)
def test_another_published_article_naming_it_makes_it_public(kim, way, naming):
    quill, secret = named_only_in_hidden(way, naming, kim)
    reader = Client()
    assert reader.get(QUILL_PAGE).status_code == 404

    other = ArticleFactory(headline="Quill speaks", body="Ursula Quill spoke.")
    if naming == "mention":
        mention_of(other, quill)
    else:
        BylineFactory(article=other, person=quill)

    assert reader.get(QUILL_PAGE).status_code == 200
    for feed in QUILL_FEEDS:
        assert reader.get(feed).status_code == 200, feed
    assert QUILL_PAGE in entity_list(reader, QUILL)
    assert QUILL_PAGE in reader.get("/sitemap-entities.xml").content.decode()
    # Its byline or its mention ("most mentioned this week") links it from the home page.
    assert f'href="{QUILL_PAGE}"' in reader.get("/").content.decode()
    assert f'href="{QUILL_PAGE}"' in preview_of(secret, way).content.decode()
    # What only the hidden article says stays hidden: it is not mentioned with Kim.
    kim_page = reader.get(kim.get_absolute_url()).content.decode()
    assert QUILL not in part(kim_page, r'<aside class="co-mentioned".*?</aside>')


@pytest.mark.parametrize("naming", NAMINGS)
@pytest.mark.parametrize("way", HIDDEN)
def test_an_entity_made_public_on_purpose_reaches_readers_at_once(kim, way, naming):
    quill, secret = named_only_in_hidden(way, naming, kim)
    reader = Client()
    assert all(unseen_anywhere(reader, kim).values())  # And the pages are in the cache.

    quill.is_public = True
    quill.save()

    page = reader.get(QUILL_PAGE)
    assert page.status_code == 200
    assert "No published article mentions Ursula Quill yet." in page.content.decode()
    for feed in QUILL_FEEDS:
        response = reader.get(feed)
        assert response.status_code == 200, feed
        assert "Secret talks" not in response.content.decode(), feed
    assert QUILL_PAGE in entity_list(reader, QUILL)
    assert QUILL_PAGE in reader.get("/sitemap-entities.xml").content.decode()
    # Public, but what only the hidden article says stays hidden: it is not mentioned
    # with Kim.
    kim_page = reader.get(kim.get_absolute_url()).content.decode()
    assert QUILL not in part(kim_page, r'<aside class="co-mentioned".*?</aside>')
    # A preview links it now: readers may follow the link.
    assert f'href="{QUILL_PAGE}"' in preview_of(secret, way).content.decode()


@pytest.mark.parametrize("way", HIDDEN)
def test_an_editors_link_to_an_entity_readers_cannot_see_shows_as_text(kim, way):
    quill, _ = named_only_in_hidden(way, "mention", kim)
    story = ArticleFactory(
        headline="Sources",
        body=(
            f'<p>A <a href="{QUILL_PAGE}">source</a> and <a href="{QUILL_FEEDS[0]}">her '
            'feed</a>; <a href="/people/nobody/">nobody</a>.</p>'
        ),
    )
    reader = Client()

    for url in [story.get_absolute_url(), "/feeds/latest/rss/", "/feeds/latest/atom/"]:
        html = reader.get(url).content.decode()
        assert "A source and her feed; nobody." in html, url
        assert "ursula-quill" not in html, url
        assert "/people/nobody/" not in html, url

    quill.is_public = True
    quill.save()
    html = reader.get(story.get_absolute_url()).content.decode()
    assert f'<a href="{QUILL_PAGE}">source</a>' in html
    assert f'<a href="{QUILL_FEEDS[0]}">her feed</a>' in html
    # Her old address still leads to her, so a link to it stays a link.
    quill.slug = "ursula-quill-2"
    quill.save()
    html = reader.get(story.get_absolute_url()).content.decode()
    assert f'<a href="{QUILL_PAGE}">source</a>' in html
    assert "/people/nobody/" not in html
