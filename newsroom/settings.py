"""Newsroom settings: one file, configured from the environment.

The defaults give a working development site on a SQLite file, so one can check out the
code and run it. Production sets DJANGO_DEBUG=0, DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS,
DATABASE_URL and REDIS_URL; see README.md.
"""

import os
import re
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from js_asset import Script, Stylesheet

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def envbool(name: str, default: str) -> bool:
    """Read a yes/no variable; anything unrecognised stops start-up rather than guessing."""
    value = os.environ.get(name, default).strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name} must be one of 1/0, true/false, yes/no, on/off; got {value!r}"
    )


def envint(name: str, default: str) -> int:
    """Read a whole-number variable, failing loudly on anything else."""
    value = os.environ.get(name, default).strip()
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number; got {value!r}") from None


def envlist(name: str, default: str) -> list[str]:
    """Read a comma-separated list, ignoring blanks."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def envurls(name: str) -> list[str]:
    """Read http:// or https:// addresses separated by spaces or commas, refusing others."""
    urls = [url for url in re.split(r"[\s,]+", os.environ.get(name, "")) if url]
    for url in urls:
        parts = urlsplit(url)
        try:
            port_ok = parts.port is None or parts.port > 0
        except ValueError:  # a port that is not a number from 0 to 65535
            port_ok = False
        if parts.scheme not in ("http", "https") or not parts.hostname or not port_ok:
            raise ImproperlyConfigured(
                f"{name} must list http:// or https:// addresses, separated by spaces or "
                f"commas; got {url!r}"
            )
    return urls


DEBUG = envbool("DJANGO_DEBUG", "1")

_DEV_SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", _DEV_SECRET_KEY if DEBUG else "")
if not SECRET_KEY:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off")
if not DEBUG and SECRET_KEY == _DEV_SECRET_KEY:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY is the development key; set a real one")
# Django's own deployment check asks for 50 characters with 5 different ones: a shorter
# key can be guessed, and with it sessions and shared preview links forged.
if not DEBUG and (len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5):
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY must be at least 50 random characters when DJANGO_DEBUG is off; "
        "make one with: python3 -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )

ALLOWED_HOSTS = envlist("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must list the site's host names")
CSRF_TRUSTED_ORIGINS = envlist("DJANGO_CSRF_TRUSTED_ORIGINS", "")

# The public site's name, used in titles and feeds.
SITE_NAME = os.environ.get("NEWSROOM_SITE_NAME", "Newsroom")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "axes",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "taggit",
    "reversion",
    "django_prose_editor",
    "django_tasks",
    "django_tasks_db",
    "articles",
    "articles.images",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside the page cache, so that a cached page gets the policy of today's settings and
    # never stores a header with a nonce (public pages use none; see below).
    "articles.content_security.CSPMiddleware",
    # Before the session, CSRF and login view: a locked-out login is refused for two reads.
    "articles.logins.LockedLoginMiddleware",
    # Outside the page cache, so cached pages also get an ETag and 304 answers.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before CsrfViewMiddleware, which reads the form: a form too large to read gets a page.
    "articles.limits.RequestLimitsMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "articles.caching.PublicPageCacheMiddleware",
    # Last, as django-axes asks: it answers a locked-out login before any password is hashed.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "articles.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "newsroom.wsgi.application"

DATABASE_URL = os.environ.get("DATABASE_URL", "") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
try:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=600)}
except ValueError as error:
    raise ImproperlyConfigured(
        f"DATABASE_URL is not a database URL we understand: {error}"
    ) from None
if DATABASES["default"]["ENGINE"] not in (
    "django.db.backends.sqlite3",
    "django.db.backends.postgresql",
):
    raise ImproperlyConfigured("DATABASE_URL must be sqlite:///PATH or postgres://...")
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Each worker keeps its connection between requests (conn_max_age), and PostgreSQL may
    # close it meanwhile (a restart, a failover, an idle timeout): it is checked before a
    # request uses it and replaced, rather than failing that request (.ci/faults.py).
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # A database host that stops answering fails a request in 5 s, not after the kernel's
    # two-minute TCP timeout, which would outlast gunicorn's 30 s and kill its workers.
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = 5
else:
    # SQLite with several workers (gunicorn, or runserver and a command): a transaction
    # takes the write lock when it begins, so two never deadlock upgrading their read locks
    # ("database is locked" at once, whatever the timeout); readers keep reading while one
    # writes (WAL); a writer waits its turn up to 20 s instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    if not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured("REDIS_URL must start with redis://, rediss:// or unix://")
    CACHES = {
        "default": {
            # Django's, keeping one client per connection pool (articles/cache_backend.py).
            "BACKEND": "articles.cache_backend.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "newsroom",
            "OPTIONS": {
                # An unreachable Redis fails fast rather than holding every request...
                "socket_connect_timeout": 1,
                "socket_timeout": 1,
                # ...and once it has failed, it is skipped at once until it answers again
                # (a circuit breaker; see articles/cache_backend.py).
                "pool_class": "articles.cache_backend.CircuitBreakerConnectionPool",
            },
            # Size: every page expires after NEWSROOM_PAGE_CACHE_SECONDS; give Redis a
            # maxmemory with an LRU policy (docs/operations.md).
        }
    }
else:
    # One process's memory: at most MAX_ENTRIES entries (a third are dropped when full).
    # Each page keeps its tags' versions beside it (articles/page_tags.py), some tens a
    # page: with too few entries they push each other out and no page stays cached.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
# Seconds the cache is skipped after it fails to answer, before it is tried again (in the
# background, so no reader waits for it).
NEWSROOM_CACHE_RETRY_SECONDS = envint("NEWSROOM_CACHE_RETRY_SECONDS", "5")
if NEWSROOM_CACHE_RETRY_SECONDS < 1:
    raise ImproperlyConfigured("NEWSROOM_CACHE_RETRY_SECONDS must be 1 or more")

# Argon2id at OWASP's recommended minimum (19 MiB, 2 passes, 1 lane; articles/logins.py):
# as hard to guess offline as Django's PBKDF2 default and a tenth of its CPU, so the
# failed logins allowed before a lockout cost readers little. Older hashes still verify
# and are upgraded when their owner next logs in.
PASSWORD_HASHERS = [
    # Reads every Argon2 hash, Django's default ones too (same name, cost read from each).
    "articles.logins.Argon2idHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Uploaded pictures and their renditions (articles/images): a local folder by default, which
# `make run` serves in DEBUG; with NEWSROOM_S3_BUCKET, an S3-compatible bucket (django-storages)
# that every app server shares. Every file there is named by its content's hash, so it is
# sent with far-future immutable caching. Keys come from boto3's usual AWS_ACCESS_KEY_ID and
# AWS_SECRET_ACCESS_KEY (or the machine's role).
MEDIA_URL = os.environ.get("NEWSROOM_MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("NEWSROOM_MEDIA_ROOT", BASE_DIR / "media"))
NEWSROOM_S3_BUCKET = os.environ.get("NEWSROOM_S3_BUCKET", "")
if NEWSROOM_S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": NEWSROOM_S3_BUCKET,
            "endpoint_url": os.environ.get("NEWSROOM_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("NEWSROOM_S3_REGION") or None,
            "custom_domain": os.environ.get("NEWSROOM_S3_CUSTOM_DOMAIN") or None,
            # Plain URLs, not signed ones that expire: pages that name them are cached.
            "querystring_auth": False,
            "file_overwrite": True,  # names are content hashes: the same name, same bytes
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }
# The largest picture one may upload, in bytes.
NEWSROOM_IMAGE_MAX_BYTES = envint("NEWSROOM_IMAGE_MAX_BYTES", str(25 * 1000 * 1000))

# Background jobs (image renditions): Django's tasks API through the django-tasks backport,
# kept in the database, so no other service is needed; `manage.py run_pending_jobs` runs
# those waiting and exits, `manage.py db_worker` runs them as they come (docs/operations.md).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# The most form data one request may send. The article form sends its body percent-encoded,
# so a body at its limit of 1,000,000 characters (articles.body.MAX_BODY_CHARS) is up to 9 MB
# in most scripts (3 bytes of UTF-8 a character, each sent as %XX): it gets to the body's own
# check and its message. A larger form gets a page saying so (articles.limits).
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# Pages of lists (entity mentions, sections, tags) show this many items.
NEWSROOM_PAGE_SIZE = envint("NEWSROOM_PAGE_SIZE", "20")

# How long, in seconds, a shared preview link works after it is made: 3 days.
NEWSROOM_PREVIEW_MAX_AGE = envint("NEWSROOM_PREVIEW_MAX_AGE", "259200")

# Anonymous readers' pages are cached whole for this long (seconds); any change to what
# they show drops them at once, so this only bounds memory use. 0 turns the page cache off:
# every page is built afresh (bench/pages.py --wrk measures pages so).
NEWSROOM_PAGE_CACHE_SECONDS = envint("NEWSROOM_PAGE_CACHE_SECONDS", "600")
# Parts of pages (an article's content, the navigation, a story in a list) are kept for
# this long, dropped at once by any change to what they show (articles/parts.py); an
# article's related articles are refreshed at least this often. 0 turns parts off. A
# content generation lasts the shorter of the two times (articles/caching.py).
NEWSROOM_PART_CACHE_SECONDS = envint("NEWSROOM_PART_CACHE_SECONDS", "600")
# Cache-Control for public pages: browsers revalidate after BROWSER seconds, a CDN after
# CDN seconds; neither past the next scheduled publication (articles/caching.py). A CDN
# not listed in NEWSROOM_FRONT_CACHES cannot be told that a page changed, so keep this short.
NEWSROOM_BROWSER_MAX_AGE = envint("NEWSROOM_BROWSER_MAX_AGE", "0")
NEWSROOM_CDN_MAX_AGE = envint("NEWSROOM_CDN_MAX_AGE", "60")
# Front caches (Varnish, deploy/varnish/) told after each change which pages to drop, by
# the tags in each page's Cache-Tag header (articles/front_caches.py): their base URLs,
# e.g. "http://10.0.0.5:6081 http://10.0.0.6:6081". None by default: nothing is sent.
NEWSROOM_FRONT_CACHES = envurls("NEWSROOM_FRONT_CACHES")

# Suggest mentions from the gazetteer whenever an article's text is saved.
NEWSROOM_SUGGEST_ON_SAVE = envbool("NEWSROOM_SUGGEST_ON_SAVE", "1")

# HTTPS: off by default so the development server works; production turns these on.
SECURE_SSL_REDIRECT = envbool("DJANGO_SECURE_SSL_REDIRECT", "0")
SESSION_COOKIE_SECURE = envbool("DJANGO_SECURE_COOKIES", "0")
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = envint("DJANGO_SECURE_HSTS_SECONDS", "0")
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = envbool("DJANGO_SECURE_HSTS_PRELOAD", "0")
BEHIND_PROXY = envbool("DJANGO_BEHIND_PROXY", "0")
if BEHIND_PROXY:
    # Trust the load balancer's word that the request came over HTTPS.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp; articles/content_security.py): everything comes from
# this site alone, so a script slipped into a page cannot run. Public pages have no inline
# script (JSON-LD is data), so they need no nonce and are cached as they are. The one inline
# script, the prose editor's import map on the admin's article form, gets the response's
# nonce (templates/admin/articles/article/change_form.html). No 'unsafe-inline' for styles:
# scripts set styles through element.style, which CSP allows, and only the admin may apply
# style="" attributes (the editor reads pasted bold and italic through them). The editor's
# (Tiptap's) base CSS, a <style> it adds with no nonce, is allowed by its hash; a new
# django-prose-editor may change it (tests/test_csp.py checks). Images may be data: URLs.
TIPTAP_BASE_CSS = "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, TIPTAP_BASE_CSS],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    },
}
if NEWSROOM_S3_BUCKET:
    # Pictures come from the bucket, or from the CDN in front of it (README, "Pictures").
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(
        f"https://{os.environ['NEWSROOM_S3_CUSTOM_DOMAIN']}"
        if os.environ.get("NEWSROOM_S3_CUSTOM_DOMAIN")
        else os.environ.get("NEWSROOM_S3_ENDPOINT_URL") or "https://*.amazonaws.com"
    )

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}

TAGGIT_CASE_INSENSITIVE = True

# Failed logins (django-axes): after this many for one account, or from one address, that
# account or address is refused without a password being checked (so guessing cannot
# starve readers of the CPU that hashing takes) until the lockout ends or an administrator
# deletes its "access attempt" in the admin. Kept in the database, shared by app servers.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = envint("NEWSROOM_LOGIN_FAILURE_LIMIT", "10")
AXES_COOLOFF_TIME = timedelta(minutes=envint("NEWSROOM_LOGIN_LOCKOUT_MINUTES", "15"))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "articles.logins.locked_out"
AXES_CLIENT_IP_CALLABLE = "articles.logins.client_address"

# The article body's rich-text editor (django-prose-editor): our own preset, limited to the
# body's schema (see articles/body.py), with a link dialog and the internal-link search.
DJANGO_PROSE_EDITOR_PRESETS = {
    "newsroom": [
        Script("articles/body_editor.js", type="module"),
        Stylesheet("articles/body_editor.css", media="all"),
    ],
}
