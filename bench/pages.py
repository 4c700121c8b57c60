"""Benchmark of the public pages at newsroom size: queries and server time per page.

Run from the repository root:

    .venv/bin/python bench/pages.py                       # SQLite
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python bench/pages.py

It makes a throwaway test database (never touching your data), fills it in bulk with
10,000 published articles, 2,000 entities and 200,000 confirmed mentions, then requests
the home, article, entity, tag and search pages through Django's test client, uncached and
cached, and a minimal view rendering a template in the same run. For scale it also times
that view after one query for an article, and the floor of any page built from the
database: one query shown in the site's layout, through the page cache. Times are the
server's (the client calls the WSGI handler directly), given as median and p95 and as a
ratio to the minimal view's median. It then times the parts of an uncached article page
on their own, and the PostgreSQL run also times the search query alone. Figures go to
docs/performance.md; tests never time anything.

With --wrk it measures pages as readers get them instead, through gunicorn and wrk:

    .venv/bin/python bench/pages.py --wrk [--articles 100000] [--seconds 5] [--rounds 3]

It builds the same database (10,000 articles by default) and serves it with gunicorn (2
sync workers, DEBUG off, the page cache off: NEWSROOM_PAGE_CACHE_SECONDS=0, so every
request builds its page, from the parts kept by articles/parts.py, in Redis when
REDIS_URL is set, else in each worker's memory; --no-parts keeps none), and beside it,
also with gunicorn, bench/minimal_site.py: a minimal Django site rendering a template of
a news article (21 paragraphs, 40 links) from memory. wrk (2 threads, 8 connections) then
takes turns on the two: the minimal page, then one of ours (an article, home, a section,
a tag, an entity, a search; each run going round many addresses), and again, for several
rounds. Each page's rate is given as a share of the minimal page's in the run just before
it, the median over the rounds: on a busy machine the rates drift, their ratio much less.
--app-dir serves another checkout of the site instead, and --compare DIR serves a second
one beside it (an older commit, say), on the same database, its runs taking turns with
the others'.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
os.environ.setdefault("NEWSROOM_SUGGEST_ON_SAVE", "0")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.db import connection  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.template import engines  # noqa: E402
from django.template.loader import render_to_string  # noqa: E402
from django.test import Client, RequestFactory, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import include, path  # noqa: E402
from django.utils import timezone  # noqa: E402
from taggit.models import Tag, TaggedItem  # noqa: E402

from articles import caching, search, views  # noqa: E402
from articles.models import (  # noqa: E402
    Article,
    ArticleStatus,
    Byline,
    Entity,
    EntityKind,
    Mention,
    Section,
)

ARTICLES = 10_000
ENTITIES = 2_000
MENTIONS_PER_ARTICLE = 20  # 200,000 in all
TAGS = 200
REQUESTS = 40
BATCH = 2_000
# Article text: news words first, then made-up words, drawn with Zipf's law (a word's
# frequency falls as one over its rank), as words in real text are. A common word is in
# most articles, a rare one in a few, so searches match as many articles as they would
# in a real archive (with only a few dozen words, every query matched every article).
NEWS_WORDS = (  # noqa: SIM905
    "the government said on Tuesday that talks with officials would resume after a week "
    "of meetings at the border where ministers and leaders discussed trade energy water "
    "schools hospitals budget elections ferries trains roads harbour council"
).split()
SYLLABLES = "ka lo mi ra ten vor shi an del bru nak ol pe zu tar gin fe mo".split()  # noqa: SIM905
VOCABULARY_SIZE = 5_000


def vocabulary() -> tuple[list[str], list[float]]:
    """The words articles are written with, most frequent first, and their cumulative
    Zipf weights for random.choices."""
    words = list(dict.fromkeys(NEWS_WORDS))
    for syllables in itertools.product(SYLLABLES, repeat=3):
        if len(words) == VOCABULARY_SIZE:
            break
        words.append("".join(syllables))
    return words, list(itertools.accumulate(1 / rank for rank in range(1, len(words) + 1)))


WORDS, CUMULATIVE_WEIGHTS = vocabulary()
# What readers search for: words of falling frequency (in about 60%, 8% and 1% of
# articles), a phrase, a family name shared by twenty entities, and a negation.
SEARCH_TERMS = [
    "ministers",
    WORDS[200],
    WORDS[2_000],
    f'"{WORDS[1]} {WORDS[6]}"',
    "Family12",
    f"{WORDS[300]} -{WORDS[1]}",
]

MINIMAL = engines["django"].from_string(
    "<!doctype html><html><head><title>{{ title }}</title></head>"
    "<body><h1>{{ title }}</h1><p>{{ text }}</p></body></html>"
)


def minimal_view(request):
    """The yardstick: a Django view rendering a small template, no database.

    Marked no-cache so the page cache never serves it: every request renders it.
    """
    response = HttpResponse(MINIMAL.render({"title": "Minimal", "text": "A paragraph."}))
    response["Cache-Control"] = "no-cache"
    return response


def one_query_view(request, slug):
    """For scale: the minimal view after reading one article by its slug, the least any
    article page must do. Not cached either."""
    article = Article.objects.only("headline", "dek").get(slug=slug)
    response = HttpResponse(MINIMAL.render({"title": article.headline, "text": article.dek}))
    response["Cache-Control"] = "no-cache"
    return response


LAYOUT = engines["django"].from_string(
    "{% extends 'base.html' %}{% block title %}{{ article.headline }}{% endblock %}"
    "{% block content %}<h1>{{ article.headline }}</h1><p>{{ article.dek }}</p>{% endblock %}"
)


def layout_floor_view(request, slug):
    """The floor of any page of this site built from the database: one query for an
    article, shown in the site's layout (whose navigation reads the sections), and cached
    by the page cache like every public page, so its uncached row pays for storing it too.
    Only a page stored whole, a cache by another name, could cost less."""
    article = Article.objects.only("headline", "dek", "section_id").get(slug=slug)
    return HttpResponse(
        LAYOUT.render({"article": article, "current_section_id": article.section_id}, request)
    )


urlpatterns = [
    path("bench/minimal/", minimal_view),
    path("bench/one-query/<slug:slug>/", one_query_view),
    path("bench/layout-floor/<slug:slug>/", layout_floor_view),
    path("", include("newsroom.urls")),
]


def sentence(rng: random.Random, name: str) -> str:
    words = rng.choices(WORDS, cum_weights=CUMULATIVE_WEIGHTS, k=8)
    return f"{' '.join(words[:4]).capitalize()} {name} {' '.join(words[4:])}."


def build(rng: random.Random, articles_wanted: int = ARTICLES) -> None:
    """Fill the database in bulk: sections, tags, entities, articles, bylines, mentions."""
    now = timezone.now()
    sections = Section.objects.bulk_create(
        Section(name=f"Section {n}", slug=f"section-{n}", position=n) for n in range(10)
    )
    tags = Tag.objects.bulk_create(Tag(name=f"topic {n}", slug=f"topic-{n}") for n in range(TAGS))
    kinds = [EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.PLACE]
    entities = Entity.objects.bulk_create(
        (
            Entity(
                name=f"Name{n} Family{n % 97}",
                slug=f"name{n}-family{n % 97}",
                kind=kinds[n % 3] if n >= 100 else EntityKind.PERSON,
                description=f"Entity number {n}.",
            )
            for n in range(ENTITIES)
        ),
        batch_size=BATCH,
    )
    people = [entity for entity in entities if entity.kind == EntityKind.PERSON]
    article_type_id = ContentType.objects.get_for_model(Article).pk
    for start in range(0, articles_wanted, BATCH):
        articles, plans = [], []
        for n in range(start, min(start + BATCH, articles_wanted)):
            named = rng.sample(entities, MENTIONS_PER_ARTICLE)
            body, spans = "", []
            for entity in named:
                line = sentence(rng, entity.name)
                at = len(body) + line.index(entity.name)
                spans.append((entity, at, at + len(entity.name)))
                body += line + ("\n" if len(spans) % 4 == 0 else " ")
            published = now - timezone.timedelta(minutes=50 * (articles_wanted - n))
            articles.append(
                Article(
                    headline=f"Story {n}: {named[0].name} and {named[1].name} meet",
                    slug=f"story-{n}",
                    dek="Why it matters, in a sentence.",
                    body=body.strip(),
                    section=sections[n % len(sections)],
                    status=ArticleStatus.PUBLISHED,
                    publish_at=published,
                    first_published_at=published,
                    created_at=published,
                )
            )
            plans.append(spans)
        articles = Article.objects.bulk_create(articles)
        Byline.objects.bulk_create(
            Byline(article=article, person=rng.choice(people)) for article in articles
        )
        mentions = []
        for article, spans in zip(articles, plans, strict=True):
            for entity, begin, end in spans:
                mention = Mention(article=article, entity=entity, start=begin, end=end)
                mention.fill_quote(article.text)
                mentions.append(mention)
        Mention.objects.bulk_create(mentions, batch_size=BATCH)
        TaggedItem.objects.bulk_create(
            TaggedItem(tag=tag, object_id=article.pk, content_type_id=article_type_id)
            for article in articles
            for tag in rng.sample(tags, 3)
        )
    _refresh_statistics()


def build_and_report(rng: random.Random, articles_wanted: int) -> None:
    """build(), saying what was built and how long it took."""
    started = time.perf_counter()
    build(rng, articles_wanted)
    print(
        f"Built {Article.objects.count():,} articles, {Entity.objects.count():,} entities, "
        f"{Mention.objects.count():,} mentions on {connection.vendor} in "
        f"{time.perf_counter() - started:.1f} s"
    )


def _refresh_statistics() -> None:
    """Refresh the planner's statistics, as autovacuum would after such a load."""
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def measure(client: Client, urls: list[str], cached: bool) -> tuple[list[float], int]:
    """Server times (ms) of GETs of `urls`, each cached or not, and the most queries one took.

    Queries are counted in a pass of their own, since capturing them slows requests down.
    """
    if cached:
        for url in urls:
            client.get(url)  # fill the cache
    times = []
    for url in urls:
        if not cached:
            caching.content_changed()
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    most = 0
    for url in urls[:5]:
        if not cached:
            caching.content_changed()
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        most = max(most, len(queries))
    return times, most


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wrk", action="store_true", help="measure through gunicorn and wrk")
    parser.add_argument("--articles", type=int, default=ARTICLES, help="articles to build")
    parser.add_argument("--seconds", type=float, default=5, help="length of each wrk run")
    parser.add_argument("--rounds", type=int, default=3, help="turns of every page (--wrk)")
    parser.add_argument(
        "--app-dir", type=Path, default=ROOT, help="the checkout of the site to serve (--wrk)"
    )
    parser.add_argument(
        "--compare", type=Path, help="another checkout to serve and measure beside it (--wrk)"
    )
    parser.add_argument(
        "--no-parts", action="store_true", help="keep no parts of pages either (--wrk)"
    )
    args = parser.parse_args()
    if args.wrk:
        wrk_main(args)
        return
    rng = random.Random(7)
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        build_and_report(rng, args.articles)
        with override_settings(ROOT_URLCONF=__name__, DEBUG=False, ALLOWED_HOSTS=["*"]):
            run(rng)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def run(rng: random.Random) -> None:
    client = Client()
    slugs = list(Article.objects.values_list("slug", flat=True))
    entities = list(Entity.objects.all()[:500])
    tags = list(Tag.objects.values_list("slug", flat=True))
    terms = SEARCH_TERMS
    minimal = ["/bench/minimal/"] * REQUESTS
    pages = {
        "one query": [f"/bench/one-query/{rng.choice(slugs)}/" for _ in range(REQUESTS)],
        "layout floor": [f"/bench/layout-floor/{rng.choice(slugs)}/" for _ in range(REQUESTS)],
        "home": ["/"] * REQUESTS,
        "article": [f"/articles/{rng.choice(slugs)}/" for _ in range(REQUESTS)],
        "entity": [rng.choice(entities).get_absolute_url() for _ in range(REQUESTS)],
        "tag": [f"/tags/{rng.choice(tags)}/" for _ in range(REQUESTS)],
        "search": [f"/search/?q={rng.choice(terms)}" for _ in range(REQUESTS)],
    }
    # The minimal view is the yardstick for every row. It is timed before and after the
    # pages, so that a machine that speeds up or slows down meanwhile skews no ratio.
    yardstick_times, _ = measure(client, minimal, cached=True)
    measured = []  # (page, cached or None when the cache does not apply, queries, times)
    for name, urls in pages.items():
        for cached in (None,) if name == "one query" else (False, True):
            try:
                times, queries = measure(client, urls, cached is not False)
            except AssertionError as error:
                print(f"{name}: skipped ({error})")
                break
            measured.append((name, cached, queries, times))
    yardstick_times += measure(client, minimal, cached=True)[0]
    yardstick = statistics.median(yardstick_times)
    print()
    print(f"{'page':<14}{'cache':<8}{'queries':>8}{'median ms':>11}{'p95 ms':>9}{'× minimal':>11}")
    for name, cached, queries, times in [("minimal view", None, 0, yardstick_times), *measured]:
        median = statistics.median(times)
        print(
            f"{name:<14}{ {None: '', False: 'none', True: 'cached'}[cached]:<8}{queries:>8}"
            f"{median:>11.2f}{p95(times):>9.2f}{median / yardstick:>11.2f}"
        )
    article_parts(rng, slugs)
    if connection.vendor == "postgresql":
        search_latency(rng, terms)


def article_parts(rng: random.Random, slugs: list[str]) -> None:
    """Where an uncached article page's time goes: each part of the view timed on its own."""
    factory = RequestFactory()
    times = {"article and its rows": [], "related articles": [], "template": []}
    for slug in (rng.choice(slugs) for _ in range(60)):
        request = factory.get(f"/articles/{slug}/")
        started = time.perf_counter()
        article = views.for_article_page(Article.objects.published()).get(slug=slug)
        fetched = time.perf_counter()
        context = views.article_page_context(request, article)
        built = time.perf_counter()
        render_to_string("articles/article.html", context, request)
        rendered = time.perf_counter()
        views.related_articles(
            article,
            {mention.entity_id for mention in article.confirmed_mentions},
            {tag.pk for tag in article.tags.all()},
        )
        times["article and its rows"].append(fetched - started)
        times["related articles"].append(time.perf_counter() - rendered)
        times["template"].append(rendered - built)
    print()
    print("Uncached article page, each part on its own (median of 60 articles):")
    for part, seconds in times.items():
        print(f"  {part:<22}{statistics.median(seconds) * 1000:>8.2f} ms")


def search_latency(rng: random.Random, terms: list[str]) -> None:
    """The search query alone, as the search page runs it (first page, with excerpts)."""
    times = []
    for _ in range(100):
        query = search.parse_query(rng.choice(terms))
        started = time.perf_counter()
        list(search.search_articles(query)[: settings.NEWSROOM_PAGE_SIZE])
        times.append((time.perf_counter() - started) * 1000)
    print()
    print(
        f"PostgreSQL search, first page of results: median {statistics.median(times):.2f} ms, "
        f"p95 {p95(times):.2f} ms"
    )


WRK_PAGES = ("article", "home", "section", "tag", "entity", "search")
# The shares of the minimal page's rate issue 15 asks for.
TARGETS = {"article": 0.25}
OTHER_TARGET = 0.15
ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"


def wrk_main(args) -> None:
    """Build the database, serve it and the minimal site with gunicorn, and measure both
    with wrk, taking turns (see the module's docstring)."""
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is needed: apt-get install wrk")
    rng = random.Random(7)
    work = Path(tempfile.mkdtemp(prefix="pages-wrk-"))
    if connection.vendor == "sqlite":
        # A file, not the test database's usual memory, so that gunicorn can open it.
        connection.settings_dict["TEST"]["NAME"] = str(work / "db.sqlite3")
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    servers = []
    try:
        build_and_report(rng, args.articles)
        paths = wrk_paths(rng)
        connection.close()
        env = site_environment(work, parts=not args.no_parts)
        minimal_env = {key: value for key, value in env.items() if key != "DJANGO_SETTINGS_MODULE"}
        minimal_port = free_port()
        servers.append(
            serve("minimal_site:application", minimal_port, ROOT / "bench", minimal_env, work)
        )
        wait_for(minimal_port, ["/"])
        sites = {}  # checkout: port
        for folder in [args.app_dir, *([args.compare] if args.compare else [])]:
            subprocess.run(
                [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"],
                cwd=folder,
                env=env,
                check=True,
            )
            sites[folder] = free_port()
            servers.append(serve("newsroom.wsgi", sites[folder], folder, env, work))
            for path_list in paths.values():
                wait_for(sites[folder], path_list)
        rates = alternate(sites, minimal_port, paths, args)
        report_rates(rates, args)
    finally:
        for server in servers:
            server.terminate()
            server.wait(30)
        connection.creation.destroy_test_db(old_name, verbosity=0)
        shutil.rmtree(work, ignore_errors=True)


def wrk_paths(rng: random.Random) -> dict[str, list[str]]:
    """The addresses wrk goes round for each page: many articles, entities and tags, every
    section, the home page, the benchmark's searches."""
    slugs = list(Article.objects.values_list("slug", flat=True))
    entities = list(Entity.objects.all())
    return {
        "article": [f"/articles/{slug}/" for slug in rng.sample(slugs, 200)],
        "home": ["/"],
        "section": [section.get_absolute_url() for section in Section.objects.all()],
        "tag": [f"/tags/{slug}/" for slug in Tag.objects.values_list("slug", flat=True)],
        "entity": [entity.get_absolute_url() for entity in rng.sample(entities, 200)],
        "search": ["/search/?" + urlencode({"q": term}) for term in SEARCH_TERMS],
    }


def site_environment(work: Path, parts: bool = True) -> dict[str, str]:
    """The site's settings from the environment: the benchmark's database, DEBUG off as in
    production, the page cache off; parts of pages kept (articles/parts.py) unless not
    `parts`, in Redis when REDIS_URL is set (emptied first), else in each worker's memory."""
    settings_dict = connection.settings_dict
    if connection.vendor == "sqlite":
        database_url = f"sqlite:///{settings_dict['NAME']}"
    else:
        database_url = (
            urlsplit(os.environ["DATABASE_URL"])._replace(path=f"/{settings_dict['NAME']}").geturl()
        )
    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "bench-" + "k" * 30 + "abcdefghijklmnopqrstuvwxyz",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url,
        "NEWSROOM_PAGE_CACHE_SECONDS": "0",
        "DJANGO_LOG_LEVEL": "ERROR",
    }
    if not parts:
        env["NEWSROOM_PART_CACHE_SECONDS"] = "0"
    if env.get("REDIS_URL"):
        from django.core.cache import cache

        cache.clear()  # the same REDIS_URL as this process: nothing kept from another run
    return env


def serve(application: str, port: int, folder: Path, env: dict, work: Path):
    """gunicorn with 2 sync workers serving `application` from `folder`, its log in `work`."""
    with open(work / f"gunicorn-{port}.log", "w") as output:
        return subprocess.Popen(
            [GUNICORN, application, "--workers", "2", "--bind", f"127.0.0.1:{port}"]
            # gunicorn 27's control socket is one per user: another gunicorn running on
            # the machine would collide with it.
            + ["--no-control-socket"],
            cwd=folder,
            env=env,
            stdout=output,
            stderr=output,
        )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(port: int, paths: list[str], seconds: float = 60) -> None:
    """Wait for the server on `port` to answer, then check that each of `paths` is a page."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            if time.monotonic() > deadline:
                raise SystemExit(f"nothing answered on port {port}") from None
            time.sleep(0.1)
    for address in paths:
        client = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        client.request("GET", address)
        status = client.getresponse().status
        client.close()
        if status != 200:
            raise SystemExit(f"{address} answered {status}, not 200")


def wrk(port: int, paths: list[str], seconds: float) -> float:
    """Requests per second wrk gets from `port`, going round `paths`; every answer a 200."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        quoted = ", ".join(f'"{path}"' for path in paths)
        script.write(
            f"local paths = {{{quoted}}}\nlocal n = 0\n"
            "request = function()\n  n = n + 1\n"
            "  return wrk.format('GET', paths[(n % #paths) + 1])\nend\n"
        )
        script.flush()
        output = subprocess.run(
            ["wrk", "-t2", "-c8", f"-d{seconds:g}s", "-s", script.name, f"http://127.0.0.1:{port}"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    if "Non-2xx" in output or "Socket errors" in output:
        raise SystemExit(f"Some requests to port {port} failed:\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def alternate(sites: dict, minimal_port: int, paths: dict, args) -> dict:
    """Rates over the rounds, each page of each site (checkout: port) measured just after
    the minimal page: {"minimal": [rate, ...], (checkout, page): [(rate, share of the
    minimal run before it), ...]}."""
    for port in [minimal_port, *sites.values()]:
        for path_list in [["/"]] if port == minimal_port else paths.values():
            wrk(port, path_list, 1)  # both workers warm: imports, templates, connections
    rates = {"minimal": []}
    for _ in range(args.rounds):
        for page in WRK_PAGES:
            for folder, port in sites.items():
                minimal = wrk(minimal_port, ["/"], args.seconds)
                rate = wrk(port, paths[page], args.seconds)
                rates["minimal"].append(minimal)
                rates.setdefault((folder, page), []).append((rate, rate / minimal))
    return rates


def report_rates(rates: dict, args) -> None:
    parts_kept = (
        "off" if args.no_parts else "in Redis" if os.environ.get("REDIS_URL") else "in memory"
    )
    print()
    print(
        f"gunicorn 2 sync workers, page cache off, parts {parts_kept}; wrk -t2 -c8, "
        f"{args.seconds:g} s a run, "
        f"{args.rounds} rounds; {connection.vendor}, {args.articles:,} articles"
    )
    minimal = rates.pop("minimal")
    width = 14 + (len(args.compare.name) + 3 if args.compare else 0)
    print(
        f"  {'minimal page':<{width}}{statistics.median(minimal):>10.1f} requests/s "
        f"(this machine now: {min(minimal):.0f}-{max(minimal):.0f})"
    )
    for (folder, page), measured in rates.items():
        shares = [share for _, share in measured]
        target = TARGETS.get(page, OTHER_TARGET)
        met = "met" if statistics.median(shares) >= target else "not met"
        label = page if folder == args.app_dir else f"{page} ({folder.name})"
        rate = statistics.median(rate for rate, _ in measured)
        print(
            f"  {label:<{width}}{rate:>10.1f} requests/s "
            f"{statistics.median(shares):>6.1%} of minimal ({min(shares):.1%}-{max(shares):.1%}), "
            f"target >= {target:.0%}: {met}"
        )


if __name__ == "__main__":
    main()
