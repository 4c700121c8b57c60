import os
from urllib.parse import urlsplit, urlunsplit

import pytest
from hypothesis import settings as hypothesis_settings

from tests.factories import HIDDEN, UserFactory, hidden, member_of

# Tests never time anything: no per-example deadline, which a busy machine could overrun.
hypothesis_settings.register_profile("newsroom", deadline=None)
hypothesis_settings.load_profile("newsroom")


def pytest_configure(config):
    """Workers of a parallel run (pytest-xdist) each empty the cache around every test, so
    each gets a Redis database of its own: worker N uses the URL's database plus N."""
    from django.conf import settings

    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    location = settings.CACHES["default"].get("LOCATION", "")
    if worker.startswith("gw") and isinstance(location, str) and location.startswith("redis"):
        url = urlsplit(location)
        database = int(url.path.strip("/") or 0) + int(worker.removeprefix("gw"))
        settings.CACHES["default"]["LOCATION"] = urlunsplit(url._replace(path=f"/{database}"))


def pytest_collection_modifyitems(config, items):
    """Tests of pure text logic (marked ``text_only``: articles/anchoring and the
    annotation corpora, no database) give the same result on every database, so the run
    on PostgreSQL leaves them to the SQLite one; CI runs both, and keeps inside its time
    budget. ``NEWSROOM_ALL_TESTS=1`` runs them anyway."""
    if "postgres" not in os.environ.get("DATABASE_URL", "") or os.environ.get("NEWSROOM_ALL_TESTS"):
        return
    text_only = [item for item in items if item.get_closest_marker("text_only")]
    if text_only:
        config.hook.pytest_deselected(items=text_only)
        items[:] = [item for item in items if not item.get_closest_marker("text_only")]


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """Hashing passwords properly is slow and tests don't need it."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def empty_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def superuser(db):
    return UserFactory(username="chief", is_superuser=True)


@pytest.fixture
def superuser_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def annotator(client):
    """The test client, logged in as a member of Annotators."""
    client.force_login(member_of("Annotators"))
    return client


@pytest.fixture
def editor(client):
    """The test client, logged in as a member of Editors."""
    client.force_login(member_of("Editors"))
    return client


@pytest.fixture(params=HIDDEN)
def hidden_kwargs(request):
    """Fields that make an article invisible to readers, one way per test run."""
    return {"headline": f"Secret {request.param} story", **hidden(request.param)}


@pytest.fixture(autouse=True)
def no_suggestions_on_save(settings):
    """Tests make articles by the hundred; those about suggestions switch this back on."""
    settings.NEWSROOM_SUGGEST_ON_SAVE = False


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploaded pictures go to a folder of this test's own (the image tests)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
