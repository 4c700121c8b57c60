"""Embargo: a scheduled article reaches no reader, anywhere, until its time; then it is live
everywhere at once, with no job to run. The tests set the clock; nothing sleeps."""

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.models import ArticleStatus, Mention, MentionRole
from tests.factories import (
    ArticleFactory,
    BylineFactory,
    CorrectionFactory,
    DraftFactory,
    PersonFactory,
    SectionFactory,
    member_of,
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
    "/people/xi-jinping/",
    "/people/ana-reyes/",
    "/corrections/",
]


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
        # Xi Jinping is named only in the embargoed article: he has no mentions to show,
        # and Kim is not "often mentioned with" him.
        assert "Xi Jinping" not in reader.get("/people/kim-jong-un/").content.decode()


def test_at_its_time_it_is_everywhere_at_once(embargoed):
    reader = Client()
    with time_machine.travel(NOON, tick=False):
        assert reader.get(embargoed.get_absolute_url()).status_code == 200
        for url in SURFACES:
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
