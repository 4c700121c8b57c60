"""Front caches (Varnish, a CDN) are told which pages to drop once a change is committed,
and only then (articles/front_caches.py, called by articles/caching.py).

A stand-in front cache, a small HTTP server on a free port, records each purge it is sent.
The saves here commit for real (transactional tests), as in production: what is sent is
sent after the commit, and a rollback sends nothing. .ci/varnish.py checks the same with
Varnish itself."""

import logging
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles import front_caches
from articles.models import Article, ArticleStatus
from articles.workflow import take_step
from tests.admin_forms import article_change_data
from tests.factories import ArticleFactory, CorrectionFactory, DraftFactory, SectionFactory
from tests.test_settings import load_settings

# Saves that commit, with the groups the migrations made kept for the tests after these.
committing = pytest.mark.django_db(transaction=True, serialized_rollback=True)


class FrontCache(ThreadingHTTPServer):
    """Answers every request with `status` after `delay` seconds; `purges` lists the
    X-Purge-* headers of each BAN it was sent."""

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _FrontCacheHandler)
        self.purges: list[dict] = []
        self.status, self.delay = 200, 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_port}"


class _FrontCacheHandler(BaseHTTPRequestHandler):
    def do_BAN(self):
        purge = {name: value for name, value in self.headers.items() if name.startswith("X-Purge")}
        self.server.purges.append(purge)
        time.sleep(self.server.delay)
        self.send_response(self.server.status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def serve():
    """Start stand-in front caches: serve() gives one, running until the test ends."""
    servers = []

    def start() -> FrontCache:
        server = FrontCache()
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture
def front_cache(serve, settings):
    """The one front cache configured."""
    server = serve()
    settings.NEWSROOM_FRONT_CACHES = [server.url]
    return server


EVERYTHING = {"X-Purge-All": "1"}


def tags_sent(front_cache) -> set[str]:
    return {tag for purge in front_cache.purges for tag in purge["X-Purge-Tags"].split(" ")}


def page_tags_of(pages: dict[str, str]) -> dict[str, set[str]]:
    """The tags each page names in its Cache-Tag header, by name, as a front cache keeps
    it (the pages are fetched by an anonymous reader, so the page cache keeps them too)."""
    reader = Client()
    return {name: set(reader.get(url)["Cache-Tag"].split(",")) for name, url in pages.items()}


def dropped(front_cache, kept: dict[str, set[str]]) -> set[str]:
    """The pages a front cache drops for the purges it was sent: those naming a tag sent."""
    sent = tags_sent(front_cache)
    return {name for name, page_tags in kept.items() if page_tags & sent}


def not_cached(pages: dict[str, str]) -> set[str]:
    """The pages the page cache no longer serves."""
    reader = Client()
    return {name for name, url in pages.items() if reader.get(url).get("X-Cache") != "hit"}


@pytest.fixture
def desks():
    """Two stories on two desks with nothing in common, and the pages that show them."""
    politics, sport = SectionFactory(name="Politics"), SectionFactory(name="Sport")
    vote = ArticleFactory(section=politics, headline="Council votes", tags=["vote"])
    match = ArticleFactory(section=sport, headline="Derby drawn", tags=["derby"])
    pages = {
        "vote": vote.get_absolute_url(),
        "politics": politics.get_absolute_url(),
        "vote tag": reverse("articles:tag", args=["vote"]),
        "home": "/",
        "match": match.get_absolute_url(),
        "sport": sport.get_absolute_url(),
        "derby tag": reverse("articles:tag", args=["derby"]),
    }
    return {"vote": vote, "pages": pages, "kept": page_tags_of(pages)}


def change_url(article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


@committing
def test_a_published_edit_in_the_admin_drops_the_pages_that_show_it_and_no_other(
    front_cache, desks, superuser_client
):
    vote = desks["vote"]
    front_cache.purges.clear()

    form = article_change_data(vote, headline="Council votes again")
    assert superuser_client.post(change_url(vote), form).status_code == 302

    assert len(front_cache.purges) == 1
    assert dropped(front_cache, desks["kept"]) == {"vote", "politics", "vote tag", "home"}
    # The same pages as the page cache drops.
    assert not_cached(desks["pages"]) == dropped(front_cache, desks["kept"])


@committing
def test_a_transactions_changes_are_sent_together_once_it_commits(front_cache, desks):
    vote = desks["vote"]
    kept = {**desks["kept"], **page_tags_of({"corrections": reverse("articles:corrections")})}
    front_cache.purges.clear()

    with transaction.atomic():
        vote.headline = "Council votes again"
        vote.save()
        CorrectionFactory(article=vote, text="An earlier version gave the wrong day.")
        assert front_cache.purges == []

    assert len(front_cache.purges) == 1
    assert {"vote", "corrections"} <= dropped(front_cache, kept)
    assert not {"match", "sport", "derby tag"} & dropped(front_cache, kept)


@committing
def test_a_withdrawal_drops_every_page_that_showed_the_story(front_cache, desks, superuser):
    front_cache.purges.clear()

    take_step(desks["vote"], "withdraw", superuser)

    assert len(front_cache.purges) == 1
    assert dropped(front_cache, desks["kept"]) == {"vote", "politics", "vote tag", "home"}
    assert not_cached(desks["pages"]) == dropped(front_cache, desks["kept"])


@committing
def test_saving_a_draft_sends_nothing(front_cache, superuser_client):
    draft = DraftFactory()
    front_cache.purges.clear()

    form = article_change_data(draft, headline="Still a draft", status=ArticleStatus.DRAFT)
    assert superuser_client.post(change_url(draft), form).status_code == 302

    assert Article.objects.get(pk=draft.pk).headline == "Still a draft"
    assert front_cache.purges == []


@committing
def test_a_change_rolled_back_sends_nothing(front_cache):
    article = ArticleFactory(headline="Kim arrives")
    front_cache.purges.clear()

    with pytest.raises(RuntimeError), transaction.atomic():
        article.headline = "Never saved"
        article.save()
        raise RuntimeError("the save failed after the article was written")

    assert Article.objects.get(pk=article.pk).headline == "Kim arrives"
    assert front_cache.purges == []


@committing
def test_a_change_to_a_section_drops_every_page(front_cache):
    section = SectionFactory()
    front_cache.purges.clear()

    section.description = "Politics at home and abroad."
    section.save()

    assert front_cache.purges == [EVERYTHING]


@committing
def test_nothing_is_sent_when_no_front_cache_is_configured(serve, settings):
    server = serve()
    settings.NEWSROOM_FRONT_CACHES = []

    article = ArticleFactory()
    article.headline = "Kim arrives in Beijing"
    article.save()
    SectionFactory().save()

    assert server.purges == []


@committing
def test_telling_front_caches_costs_a_save_no_query(serve, settings):
    def queries_of_an_edit(article) -> int:
        with CaptureQueriesContext(connection) as queries:
            article.headline = "Kim arrives in Beijing"
            article.save()
        return len(queries)

    first, second = ArticleFactory(), ArticleFactory()
    settings.NEWSROOM_FRONT_CACHES = []
    without = queries_of_an_edit(first)
    server = serve()
    settings.NEWSROOM_FRONT_CACHES = [server.url]

    assert queries_of_an_edit(second) == without
    assert len(server.purges) == 1
    assert f"article-{second.pk}" in tags_sent(server)


@committing
def test_every_front_cache_is_told(serve, settings):
    first, second = serve(), serve()
    settings.NEWSROOM_FRONT_CACHES = [first.url, second.url]

    SectionFactory().save()

    assert first.purges == second.purges == [EVERYTHING, EVERYTHING]  # made, then saved


@committing
def test_a_front_cache_that_refuses_leaves_the_save_done_and_says_so(
    front_cache, superuser_client, caplog
):
    article = ArticleFactory(headline="Kim arrives")
    front_cache.status = 405
    caplog.clear()

    with caplog.at_level(logging.WARNING, logger="articles.front_caches"):
        form = article_change_data(article, headline="Kim arrives in Beijing")
        assert superuser_client.post(change_url(article), form).status_code == 302

    assert Article.objects.get(pk=article.pk).headline == "Kim arrives in Beijing"
    assert [record.getMessage() for record in caplog.records] == [
        f"Front cache {front_cache.url} refused to drop pages: 405"
    ]


@committing
def test_a_front_cache_that_does_not_answer_in_time_does_not_hold_up_the_others(
    serve, settings, monkeypatch, superuser_client, caplog
):
    slow, working = serve(), serve()
    slow.delay = 3
    monkeypatch.setattr(front_caches, "TIMEOUT_SECONDS", 0.2)
    settings.NEWSROOM_FRONT_CACHES = [slow.url, working.url]
    article = ArticleFactory(headline="Kim arrives")
    working.purges.clear()
    caplog.clear()

    with caplog.at_level(logging.WARNING, logger="articles.front_caches"):
        form = article_change_data(article, headline="Kim arrives in Beijing")
        assert superuser_client.post(change_url(article), form).status_code == 302

    assert Article.objects.get(pk=article.pk).headline == "Kim arrives in Beijing"
    assert len(working.purges) == 1
    assert f"article-{article.pk}" in tags_sent(working)
    assert [record.getMessage() for record in caplog.records] == [
        f"Front cache {slow.url} was not told to drop pages: timed out"
    ]


@committing
def test_a_front_cache_that_is_down_leaves_the_save_done_and_says_so(
    serve, settings, superuser_client, caplog
):
    stopped = serve()
    stopped.shutdown()
    stopped.server_close()  # nothing listens on its port any more
    settings.NEWSROOM_FRONT_CACHES = [stopped.url]
    article = ArticleFactory(headline="Kim arrives")
    caplog.clear()

    with caplog.at_level(logging.WARNING, logger="articles.front_caches"):
        form = article_change_data(article, headline="Kim arrives in Beijing")
        assert superuser_client.post(change_url(article), form).status_code == 302

    assert Article.objects.get(pk=article.pk).headline == "Kim arrives in Beijing"
    messages = [record.getMessage() for record in caplog.records]
    assert len(messages) == 1
    assert messages[0].startswith(f"Front cache {stopped.url} was not told to drop pages: ")


def test_many_tags_go_in_requests_a_front_cache_accepts(front_cache):
    many = {f"list-entity-{n}" for n in range(2000)}

    front_caches.purge_tags(many)

    sent = [purge["X-Purge-Tags"] for purge in front_cache.purges]
    assert len(sent) > 1
    assert all(len(header) <= front_caches.MAX_HEADER_CHARS for header in sent)
    assert sorted(tag for header in sent for tag in header.split(" ")) == sorted(many)


# --- Scheduled stories: a front cache cannot know their time ------------------------------


def shared_max_age(response) -> int:
    directives = dict(
        part.strip().partition("=")[::2] for part in response["Cache-Control"].split(",")
    )
    return int(directives["s-maxage"])


@committing
def test_a_story_scheduled_soon_drops_every_page_and_pages_are_kept_no_longer(
    front_cache, client, superuser, settings
):
    settings.NEWSROOM_CDN_MAX_AGE = 60
    story = ArticleFactory()
    draft = DraftFactory(headline="The summit begins", section=story.section)
    assert shared_max_age(client.get("/")) == 60
    front_cache.purges.clear()

    draft.publish_at = timezone.now() + timezone.timedelta(seconds=30)
    take_step(draft, "publish", superuser)

    # Pages kept by a front cache for 60 s would list the old stories past its time.
    assert front_cache.purges == [EVERYTHING]
    cached = client.get("/")
    assert cached["X-Cache"] == "hit"
    assert shared_max_age(cached) <= 30
    built = client.get(story.get_absolute_url())
    assert built["X-Cache"] == "miss"
    assert shared_max_age(built) <= 30


@committing
def test_a_story_scheduled_beyond_the_front_caches_max_age_sends_nothing(
    front_cache, client, superuser, settings
):
    settings.NEWSROOM_CDN_MAX_AGE = 60
    draft = DraftFactory(headline="The summit begins")
    front_cache.purges.clear()

    draft.publish_at = timezone.now() + timezone.timedelta(hours=1)
    take_step(draft, "publish", superuser)

    # Whatever a front cache keeps now is gone before then.
    assert front_cache.purges == []
    assert shared_max_age(client.get("/")) == 60


# --- Settings ------------------------------------------------------------------------------


def test_front_caches_are_none_unless_configured(monkeypatch):
    monkeypatch.delenv("NEWSROOM_FRONT_CACHES", raising=False)
    assert load_settings(monkeypatch)["NEWSROOM_FRONT_CACHES"] == []


def test_front_caches_are_listed_with_spaces_or_commas(monkeypatch):
    listed = "http://10.0.0.5:6081, http://10.0.0.6:6081\n https://cache.example/purge"
    settings = load_settings(monkeypatch, NEWSROOM_FRONT_CACHES=listed)

    assert settings["NEWSROOM_FRONT_CACHES"] == [
        "http://10.0.0.5:6081",
        "http://10.0.0.6:6081",
        "https://cache.example/purge",
    ]


@pytest.mark.parametrize("address", ["10.0.0.5:6081", "ftp://10.0.0.5", "http://", "http://c:x"])
def test_a_front_cache_that_is_no_web_address_stops_start_up(monkeypatch, address):
    with pytest.raises(ImproperlyConfigured, match="NEWSROOM_FRONT_CACHES must list http://"):
        load_settings(monkeypatch, NEWSROOM_FRONT_CACHES=f"http://10.0.0.9 {address}")
