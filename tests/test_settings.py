"""Settings come from the environment and refuse values they cannot use."""

import runpy
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

SETTINGS_FILE = Path(__file__).resolve().parent.parent / "newsroom" / "settings.py"

PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "a-long-random-production-secret-key-of-more-than-fifty-chars",
    "DJANGO_ALLOWED_HOSTS": "news.example, www.news.example",
}


def load_settings(monkeypatch, **env):
    for name in (
        "DJANGO_DEBUG",
        "DJANGO_SECRET_KEY",
        "DJANGO_ALLOWED_HOSTS",
        "DATABASE_URL",
        "REDIS_URL",
        "NEWSROOM_PAGE_SIZE",
    ):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(SETTINGS_FILE))


def test_defaults_give_a_working_development_site(monkeypatch):
    settings = load_settings(monkeypatch)
    assert settings["DEBUG"] is True
    assert settings["DATABASES"]["default"]["ENGINE"] == "django.db.backends.sqlite3"
    assert settings["CACHES"]["default"]["BACKEND"].endswith("LocMemCache")


def test_production_reads_hosts_database_and_cache(monkeypatch):
    settings = load_settings(
        monkeypatch,
        **PRODUCTION,
        DATABASE_URL="postgres://news:secret@db.internal:5432/newsroom",
        REDIS_URL="redis://cache.internal:6379/0",
    )
    assert settings["DEBUG"] is False
    assert settings["ALLOWED_HOSTS"] == ["news.example", "www.news.example"]
    database = settings["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["NAME"], database["HOST"], database["USER"]) == (
        "newsroom",
        "db.internal",
        "news",
    )
    assert settings["CACHES"]["default"]["BACKEND"] == "articles.cache_backend.RedisCache"
    assert settings["CACHES"]["default"]["LOCATION"] == "redis://cache.internal:6379/0"
    assert settings["STORAGES"]["staticfiles"]["BACKEND"] == (
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DJANGO_DEBUG": "perhaps"}, "DJANGO_DEBUG must be one of"),
        ({"DJANGO_DEBUG": "0"}, "DJANGO_SECRET_KEY must be set"),
        (
            {"DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": PRODUCTION["DJANGO_SECRET_KEY"]},
            "DJANGO_ALLOWED_HOSTS must list",
        ),
        ({"DATABASE_URL": "mysql://root@localhost/news"}, "DATABASE_URL must be"),
        ({"DATABASE_URL": "not a url"}, "DATABASE_URL"),
        ({"REDIS_URL": "localhost:6379"}, "REDIS_URL must start with"),
        ({"NEWSROOM_PAGE_SIZE": "twenty"}, "NEWSROOM_PAGE_SIZE must be a whole number"),
    ],
)
def test_bad_values_stop_start_up_with_a_clear_message(monkeypatch, env, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        load_settings(monkeypatch, **env)


@pytest.mark.parametrize(
    "key",
    ["too-short-for-production", "x" * 60, "abcd" * 15],
)
def test_production_refuses_a_short_or_simple_secret_key(monkeypatch, key):
    with pytest.raises(ImproperlyConfigured, match="at least 50 random characters"):
        load_settings(monkeypatch, **{**PRODUCTION, "DJANGO_SECRET_KEY": key})
