"""The cache out of reach or hung, and the cache kept from filling with junk.

A hung Redis (stopped with SIGSTOP) still has its connections accepted by the kernel but
never answers: FakeRedis below does the same on demand, and answers like Redis otherwise,
counting every connection and command, so the tests count trips to the network rather
than time anything.
"""

import json
import logging
import runpy
import socket
import threading
import time
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from articles.models import Article, Mention, MentionStatus
from tests.admin_forms import article_change_data
from tests.factories import (
    ArticleFactory,
    PersonFactory,
    SectionFactory,
    member_of,
    suggested_mention,
)

pytestmark = pytest.mark.django_db

BODY = "Kim Jong Un arrived in Beijing.\nHe met Xi Jinping."
BREAKER_LOGGER = "articles.cache_backend"


class FakeRedis:
    """Just enough of Redis for Django's cache, on a free port of 127.0.0.1.

    While `hung`, it accepts connections and reads commands but never answers, as a Redis
    stopped with SIGSTOP does."""

    def __init__(self):
        self.hung = False
        self.connections = 0
        self.commands: list[str] = []
        self.data: dict[bytes, bytes] = {}
        self._lock = threading.Lock()
        self._open: list[socket.socket] = []
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def trips(self) -> tuple[int, int]:
        """Connections made and commands sent to it so far."""
        with self._lock:
            return self.connections, len(self.commands)

    def received(self, count: int) -> None:
        """Wait until `count` commands in all have come in (the server reads in threads)."""
        for _ in range(500):
            if self.trips[1] >= count:
                return
            time.sleep(0.01)
        raise AssertionError(f"{count} commands never came: {self.commands}")

    def close(self):
        self._listener.close()
        for connection in self._open:
            connection.close()

    def _accept(self):
        while True:
            try:
                connection, _ = self._listener.accept()
            except OSError:
                return
            with self._lock:
                self.connections += 1
                self._open.append(connection)
            threading.Thread(target=self._serve, args=(connection,), daemon=True).start()

    def _serve(self, connection):
        reader = connection.makefile("rb")
        resp3 = False
        queued = None  # the commands of a MULTI, answered together at EXEC
        try:
            while True:
                command = self._read_command(reader)
                if command is None:
                    return
                name = command[0].upper()
                with self._lock:
                    self.commands.append(name.decode())
                resp3 = resp3 or name == b"HELLO"
                if name == b"MULTI":
                    queued, answer = [], b"+OK\r\n"
                elif name == b"EXEC" and queued is not None:
                    answer = b"*%d\r\n" % len(queued) + b"".join(queued)
                    queued = None
                elif queued is not None:
                    queued.append(self._answer(command, resp3))
                    answer = b"+QUEUED\r\n"
                else:
                    answer = self._answer(command, resp3)
                if not self.hung:
                    connection.sendall(answer)
        except OSError:
            return

    @staticmethod
    def _read_command(reader) -> list[bytes] | None:
        line = reader.readline()
        if not line:
            return None
        assert line.startswith(b"*"), line
        command = []
        for _ in range(int(line[1:])):
            length = int(reader.readline()[1:])
            command.append(reader.read(length + 2)[:-2])
        return command

    def _answer(self, command: list[bytes], resp3: bool) -> bytes:
        name, args = command[0].upper(), command[1:]
        null = b"_\r\n" if resp3 else b"$-1\r\n"

        def bulk(value):
            return null if value is None else b"$%d\r\n%s\r\n" % (len(value), value)

        if name == b"HELLO":  # redis-py speaks RESP3 where the server can
            return b"%1\r\n$5\r\nproto\r\n:3\r\n"
        if name == b"PING":
            return b"+PONG\r\n"
        if name == b"GET":
            return bulk(self.data.get(args[0]))
        if name == b"MGET":
            return b"*%d\r\n" % len(args) + b"".join(bulk(self.data.get(key)) for key in args)
        if name == b"SET":
            if b"NX" in (arg.upper() for arg in args[2:]) and args[0] in self.data:
                return null
            self.data[args[0]] = args[1]
            return b"+OK\r\n"
        if name == b"MSET":
            self.data.update(zip(args[::2], args[1::2], strict=True))
            return b"+OK\r\n"
        if name == b"EXPIRE":
            return b":%d\r\n" % (args[0] in self.data)
        if name == b"INCR":
            value = int(self.data.get(args[0], b"0")) + 1
            self.data[args[0]] = b"%d" % value
            return b":%d\r\n" % value
        if name == b"EXISTS":
            return b":%d\r\n" % sum(key in self.data for key in args)
        if name == b"DEL":
            return b":%d\r\n" % sum(self.data.pop(key, None) is not None for key in args)
        if name in (b"FLUSHDB", b"FLUSHALL"):
            self.data.clear()
        # CLIENT SETINFO, SELECT and the like.
        return b"+OK\r\n"


@pytest.fixture
def redis_server():
    server = FakeRedis()
    yield server
    server.close()


@pytest.fixture
def redis_cache(settings, redis_server):
    """The site's cache on the fake Redis, configured as settings.py does with REDIS_URL,
    with short timeouts; the breaker tries again only when a test says so."""
    settings.CACHES = {
        "default": {
            "BACKEND": "articles.cache_backend.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{redis_server.port}/0",
            "KEY_PREFIX": "newsroom",
            "OPTIONS": {
                "socket_connect_timeout": 0.5,
                "socket_timeout": 0.2,
                "pool_class": "articles.cache_backend.CircuitBreakerConnectionPool",
            },
        }
    }
    settings.NEWSROOM_CACHE_RETRY_SECONDS = 3600
    return redis_server


def breaker_at(address):
    from articles.cache_backend import breaker_at

    return breaker_at(address)


def breaker(server):
    return breaker_at(f"127.0.0.1:{server.port}")


@pytest.fixture
def story():
    return ArticleFactory(headline="Kim arrives in Beijing", slug="kim-arrives", body=BODY)


@pytest.fixture
def reader():
    return Client()


# --- The circuit breaker ------------------------------------------------------------------


def test_the_cache_is_used_while_redis_answers(reader, story, redis_cache):
    first = reader.get(story.get_absolute_url())
    second = reader.get(story.get_absolute_url())

    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert {"MGET", "SET"} <= set(redis_cache.commands)


def test_after_a_hung_redis_fails_once_no_request_touches_the_network(reader, story, redis_cache):
    redis_cache.hung = True
    first = reader.get(story.get_absolute_url())
    redis_cache.received(1)  # the first command, unanswered
    after_the_failure = redis_cache.trips

    later = [reader.get(story.get_absolute_url()) for _ in range(20)]

    assert first.status_code == 200 and first["X-Cache"] == "unavailable"
    assert after_the_failure[0] == 1
    for response in later:
        assert response.status_code == 200
        assert response["X-Cache"] == "unavailable"
        assert "Kim arrives in Beijing" in response.content.decode()
    # Not one connection, not one command since the first failure.
    assert redis_cache.trips == after_the_failure


def test_a_closed_port_is_skipped_after_the_first_refusal_too(reader, story, settings, caplog):
    closed = socket.create_server(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()
    settings.CACHES = {
        "default": {
            "BACKEND": "articles.cache_backend.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"pool_class": "articles.cache_backend.CircuitBreakerConnectionPool"},
        }
    }
    settings.NEWSROOM_CACHE_RETRY_SECONDS = 3600

    responses = [reader.get(story.get_absolute_url()) for _ in range(10)]

    assert {response["X-Cache"] for response in responses} == {"unavailable"}
    assert breaker_at(f"127.0.0.1:{port}").is_open
    warnings = [r for r in caplog.records if r.name == BREAKER_LOGGER]
    assert len(warnings) == 1 and "Connection refused" in warnings[0].getMessage()


def test_one_log_line_when_the_cache_goes_and_one_when_it_is_back(
    reader, story, redis_cache, settings, caplog
):
    caplog.set_level(logging.INFO)
    settings.NEWSROOM_CACHE_RETRY_SECONDS = 0  # try again at every request, in the background
    redis_cache.hung = True
    during = [reader.get(story.get_absolute_url())["X-Cache"] for _ in range(10)]
    breaker(redis_cache).join_probe(timeout=10)  # a probe still waiting for the hung server

    redis_cache.hung = False
    # This request is skipped still, and starts the probe that finds Redis answering.
    recovering = reader.get(story.get_absolute_url())["X-Cache"]
    breaker(redis_cache).join_probe(timeout=10)
    after = [reader.get(story.get_absolute_url())["X-Cache"] for _ in range(2)]

    assert set(during) == {"unavailable"} and recovering == "unavailable"
    assert after == ["miss", "hit"]
    lines = [r for r in caplog.records if r.name == BREAKER_LOGGER]
    assert [r.levelname for r in lines] == ["WARNING", "WARNING"]
    assert "is out of reach" in lines[0].getMessage()
    assert "answers again" in lines[1].getMessage()
    # No traceback anywhere, and nothing else said about it.
    assert not [r for r in caplog.records if r.exc_info]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_while_it_is_skipped_probes_find_redis_still_hung_without_a_word(
    reader, story, redis_cache, settings, caplog
):
    settings.NEWSROOM_CACHE_RETRY_SECONDS = 0
    redis_cache.hung = True
    for _ in range(3):
        reader.get(story.get_absolute_url())
        breaker(redis_cache).join_probe(timeout=10)

    assert breaker(redis_cache).is_open
    assert len([r for r in caplog.records if r.name == BREAKER_LOGGER]) == 1


# --- Saves while the cache is out of reach ------------------------------------------------


@pytest.mark.parametrize("breaker_open", [False, True], ids=["first-failure", "breaker-open"])
def test_a_save_is_refused_whole_with_a_page_that_says_why(
    client, superuser, story, reader, redis_cache, breaker_open
):
    client.force_login(superuser)
    data = article_change_data(story, headline="Kim leaves Beijing")
    versions = Version.objects.count()
    redis_cache.hung = True
    if breaker_open:
        reader.get(story.get_absolute_url())
        redis_cache.received(1)
    before = redis_cache.trips

    response = client.post(reverse("admin:articles_article_change", args=[story.pk]), data)

    assert response.status_code == 503
    page = response.content.decode()
    assert "Nothing was saved: the cache is out of reach" in page
    assert "Go back and save again" in page
    assert response["Retry-After"] == "3600"
    assert "no-store" in response["Cache-Control"]
    story.refresh_from_db()
    assert story.headline == "Kim arrives in Beijing"
    assert Version.objects.count() == versions
    if breaker_open:
        assert redis_cache.trips == before


def test_an_annotation_is_refused_with_a_message_the_screen_shows(client, story, redis_cache):
    kim = PersonFactory(name="Kim Jong Un", slug="kim-jong-un")
    mention = suggested_mention(story, kim, "Kim Jong Un")
    client.force_login(member_of("Annotators"))
    redis_cache.hung = True

    response = client.post(
        reverse("admin:articles_article_annotate_mention", args=[story.pk, mention.pk]),
        json.dumps({"status": "confirmed"}),
        content_type="application/json",
        headers={"accept": "application/json"},
    )

    assert response.status_code == 503
    message = response.json()["error"]
    assert message == "Not saved: the cache is out of reach. Try again in a minute."
    assert Mention.objects.get().status == MentionStatus.SUGGESTED


def test_a_change_committed_as_the_cache_goes_is_kept_and_no_error_is_raised(
    story, redis_cache, django_capture_on_commit_callbacks, caplog
):
    with django_capture_on_commit_callbacks(execute=True):
        story.headline = "Kim leaves Beijing"
        story.save()  # drops the cached pages: the cache still answers
        redis_cache.hung = True  # and stops before the commit's second drop

    assert Article.objects.get(pk=story.pk).headline == "Kim leaves Beijing"
    assert "A change was saved as the cache went out of reach" in caplog.text


# --- The page cache does not grow with junk -----------------------------------------------


def entries() -> int:
    """How many entries the cache holds: the local-memory one, or Redis (REDIS_URL)."""
    if isinstance(cache._cache, dict):
        return len(cache._cache)
    return cache._cache.get_client().dbsize()


@pytest.fixture
def world():
    section = SectionFactory(slug="world")
    for n in range(3):
        ArticleFactory(section=section, headline=f"Story {n}", slug=f"story-{n}", body=BODY)
    return section


JUNK = [
    "utm_source=newsletter&utm_medium=email",
    "fbclid=IwAR2xyz",
    "x=1",
    "x=2",
    "cachebuster=8c7e6f&another=1",
    "page_size=1000",
]


@pytest.mark.parametrize(
    "path", ["/", "/articles/story-0/", "/sections/world/", "/search/?q=story", "/sitemap.xml"]
)
def test_query_string_junk_makes_no_new_entry_and_gets_the_cached_page(reader, world, path):
    first = reader.get(path)
    kept = entries()

    for junk in JUNK:
        response = reader.get(f"{path}{'&' if '?' in path else '?'}{junk}")
        assert response["X-Cache"] == "hit", junk
        assert response.content == first.content

    assert first["X-Cache"] == "miss"
    assert entries() == kept


def test_only_the_parameters_a_page_reads_tell_its_copies_apart(reader, world, settings):
    settings.NEWSROOM_PAGE_SIZE = 1

    assert reader.get("/sections/world/?page=2")["X-Cache"] == "miss"
    assert reader.get("/sections/world/?page=3")["X-Cache"] == "miss"
    assert reader.get("/sections/world/?page=2&ref=home")["X-Cache"] == "hit"
    assert reader.get("/sections/world/?page=02")["X-Cache"] == "hit"
    assert reader.get("/search/?q=story")["X-Cache"] == "miss"
    assert reader.get("/search/?q=story&section=world")["X-Cache"] == "miss"
    assert reader.get("/search/?section=world&q=story&from=&utm_source=x")["X-Cache"] == "miss"
    assert reader.get("/search/?utm_source=y&section=world&from=&q=story")["X-Cache"] == "hit"
    # The home page reads no parameter at all: a search's words change nothing there.
    assert reader.get("/")["X-Cache"] == "miss"
    assert reader.get("/?q=story&page=2")["X-Cache"] == "hit"


def test_a_page_read_with_overlong_parameters_is_built_but_not_kept(reader, world):
    reader.get("/search/?q=story")  # the parts every page shares are kept (articles/parts.py)
    kept = entries()

    response = reader.get("/search/?q=" + "story " * 100)

    assert response.status_code == 200
    assert "Story 0" in response.content.decode()
    assert response["X-Cache"] == "bypass"
    assert entries() == kept


def test_random_query_strings_leave_the_cache_as_it_was(reader, world):
    reader.get("/")
    reader.get("/articles/story-0/")
    kept = entries()

    for n in range(200):
        reader.get(f"/?r={n}")
        reader.get(f"/articles/story-0/?{n}={n}")

    assert entries() == kept


# --- Settings -----------------------------------------------------------------------------

SETTINGS_FILE = Path(__file__).resolve().parent.parent / "newsroom" / "settings.py"


def test_with_redis_every_cache_call_passes_the_breaker(monkeypatch):
    monkeypatch.setenv("REDIS_URL", "redis://cache.internal:6379/0")
    monkeypatch.delenv("NEWSROOM_CACHE_RETRY_SECONDS", raising=False)

    loaded = runpy.run_path(str(SETTINGS_FILE))

    options = loaded["CACHES"]["default"]["OPTIONS"]
    assert options["pool_class"] == "articles.cache_backend.CircuitBreakerConnectionPool"
    assert loaded["NEWSROOM_CACHE_RETRY_SECONDS"] == 5


@pytest.mark.parametrize("value", ["0", "-1", "soon"])
def test_a_bad_retry_time_stops_start_up(monkeypatch, value):
    monkeypatch.setenv("NEWSROOM_CACHE_RETRY_SECONDS", value)

    with pytest.raises(ImproperlyConfigured, match="NEWSROOM_CACHE_RETRY_SECONDS must be"):
        runpy.run_path(str(SETTINGS_FILE))


def test_with_the_database_out_of_reach_cached_pages_are_still_served(reader, story, monkeypatch):
    """Before: once a generation ended, beginning the next one queried the database, so
    with PostgreSQL down every page, cached or not, was a 500 (.ci/faults.py)."""
    from django.db import OperationalError
    from django.utils import timezone

    from articles import caching

    assert reader.get(story.get_absolute_url())["X-Cache"] == "miss"
    # The generation ends (a scheduled article's time has come) ...
    generation = cache.get(caching.GENERATION_KEY)
    cache.set(caching.GENERATION_KEY, {**generation, "until": timezone.now()}, timeout=None)

    # ... while the database is out of reach.
    def database_down(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(caching, "_new_generation", database_down)
    response = reader.get(story.get_absolute_url())

    assert response.status_code == 200
    assert response["X-Cache"] == "hit"
    assert story.headline in response.content.decode()
