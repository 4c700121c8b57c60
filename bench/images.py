"""Benchmark of pictures: making a photo's renditions, and what a lead image costs a page.

Run from the repository root:

    .venv/bin/python bench/images.py                       # SQLite
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python bench/images.py

First it makes a 24-megapixel JPEG (6000 x 4000, drawn with Pillow: gradients, shapes and
film-grain noise, so it compresses as a photo does, not as a flat test card) and times
making all its renditions (every width and crop in every format) three times: encoding
alone, and the whole job, which also reads the original from storage and writes the
renditions to a temporary folder. Then it makes a throwaway test database (never touching
your data) of ARTICLES published articles sharing tags, half of them with a lead image
whose renditions are made, and requests article pages with and without a lead image
through Django's test client, uncached (every cached page is dropped before each
request; the two kinds take turns), giving the queries each page runs and the server's
time as median and p95 by the wall clock, and the median CPU time. Figures go to
docs/performance.md; tests never time anything.
"""

from __future__ import annotations

import io
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
os.environ.setdefault("NEWSROOM_SUGGEST_ON_SAVE", "0")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402
from PIL import Image as PILImage  # noqa: E402
from PIL import ImageDraw, ImageFilter  # noqa: E402

from articles import caching  # noqa: E402
from articles.images import renditions  # noqa: E402
from articles.images.library import build_image, store_image, store_renditions  # noqa: E402
from articles.models import Article, ArticleStatus, Section  # noqa: E402

PHOTO_SIZE = (6000, 4000)
RUNS = 3
ARTICLES = 400
IMAGES = 8  # lead images, shared by the articles that have one
TAGS = 20
REQUESTS = 60


def clocks() -> tuple[float, float]:
    """Now by the wall clock and by this process's CPU time. On a machine others share, the
    CPU time says what the work costs; the wall clock adds the waits for a free core."""
    return time.perf_counter(), time.process_time()


def since(started: tuple[float, float]) -> tuple[float, float]:
    """Seconds since `started` (clocks()), by the wall clock and in CPU time."""
    wall, cpu = clocks()
    return wall - started[0], cpu - started[1]


def photo(size=PHOTO_SIZE, seed=7) -> bytes:
    """A photo-like JPEG: a sky-to-ground gradient, soft shapes, and grain in every channel,
    saved as a camera would (quality 90)."""
    rng = random.Random(seed)
    width, height = size
    sky = PILImage.linear_gradient("L").resize(size)
    picture = PILImage.merge(
        "RGB", [sky.point(lambda v, k=k: 60 + v * k / 255) for k in (120, 150, 190)]
    )
    draw = ImageDraw.Draw(picture)
    for _ in range(60):
        x, y = rng.randrange(width), rng.randrange(height // 3, height)
        radius = rng.randrange(width // 60, width // 8)
        colour = tuple(rng.randrange(30, 230) for _ in range(3))
        draw.ellipse((x - radius, y - radius // 2, x + radius, y + radius // 2), fill=colour)
    picture = picture.filter(ImageFilter.GaussianBlur(6))
    # Grain as a camera's sensor leaves it: a 24-megapixel photo is some 8 MB, not 3.
    grain = PILImage.merge("RGB", [PILImage.effect_noise(size, 40) for _ in range(3)])
    picture = PILImage.blend(picture, grain, 0.3)
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=90)
    return out.getvalue()


def time_renditions(data: bytes) -> None:
    """Encoding alone, then the whole job (storage included), RUNS times each."""
    specs = renditions.specs_for(PHOTO_SIZE[0])
    encode_times, job_times, made = [], [], []
    for _ in range(RUNS):
        started = clocks()
        made = renditions.make_renditions(data, 0.5, 0.5, specs)
        encode_times.append(since(started))
    image = build_image(data, "photo.jpg")
    store_image(image, data)
    for _ in range(RUNS):
        image.renditions.all().delete()
        started = clocks()
        store_renditions(image)
        job_times.append(since(started))
    by_format = {format_: 0 for format_ in renditions.FORMATS}
    for rendition in made:
        by_format[rendition.format] += len(rendition.data)
    print(
        f"A {PHOTO_SIZE[0]} x {PHOTO_SIZE[1]} JPEG of {len(data) / 1e6:.1f} MB: {len(made)} "
        f"renditions ({len(specs)} sizes and crops x {', '.join(renditions.FORMATS)})"
    )
    for name, times in [("encoding alone", encode_times), ("the whole job", job_times)]:
        wall, cpu = (statistics.median(run[n] for run in times) for n in (0, 1))
        print(f"  {name:<16}median of {RUNS}: {wall:6.2f} s, CPU {cpu:6.2f} s")
    sizes = ", ".join(f"{name} {size / 1e6:.2f} MB" for name, size in by_format.items())
    print(f"  bytes of all renditions by format: {sizes}")


def build(rng: random.Random) -> tuple[list[str], list[str]]:
    """ARTICLES published articles, every other one with a lead image, each with 3 of TAGS
    tags, so that every one has related articles: those with a lead image among
    themselves, those without among themselves (their pages then show no picture at all).
    Returns the slugs with a lead image and without."""
    images = []
    for n in range(IMAGES):
        data = photo((1600, 1067), seed=n)
        image = build_image(data, f"picture-{n}.jpg")
        image.alt_text = f"What picture {n} shows"
        image.caption, image.credit = f"Caption {n}.", "Newsroom"
        store_image(image, data)
        store_renditions(image)
        images.append(image)
    section = Section.objects.create(name="World", slug="world")
    now = timezone.now()
    with_picture, without = [], []
    for n in range(ARTICLES):
        article = Article.objects.create(
            headline=f"Story {n}",
            slug=f"story-{n}",
            dek="Why it matters, in a sentence.",
            body="\n".join(f"Paragraph {p} of story {n}, a sentence or two." for p in range(8)),
            section=section,
            status=ArticleStatus.PUBLISHED,
            publish_at=now - timezone.timedelta(minutes=n + 1),
            lead_image=images[n % IMAGES] if n % 2 else None,
        )
        group = "pictured" if n % 2 else "plain"
        article.tags.add(*rng.sample([f"{group} topic {t}" for t in range(TAGS)], 3))
        (with_picture if n % 2 else without).append(article.slug)
    return with_picture, without


def measure(client: Client, groups: dict[str, list[str]], rng: random.Random) -> list[tuple]:
    """(name, server times in s (wall, CPU), most queries) of uncached GETs of random
    articles of each group. The groups take turns, request by request, so that a machine
    that speeds up or slows down meanwhile skews no comparison; queries are counted in a
    pass of their own, since counting slows requests."""
    times = {name: [] for name in groups}
    for _ in range(REQUESTS):
        for name, slugs in groups.items():
            caching.content_changed()
            started = clocks()
            response = client.get(f"/articles/{rng.choice(slugs)}/")
            times[name].append(since(started))
            assert response.status_code == 200, response.status_code
    rows = []
    for name, slugs in groups.items():
        most = 0
        for slug in slugs[:5]:
            caching.content_changed()
            with CaptureQueriesContext(connection) as queries:
                client.get(f"/articles/{slug}/")
            most = max(most, len(queries))
        rows.append((name, times[name], most))
    return rows


def main() -> None:
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as media, override_settings(MEDIA_ROOT=media):
        old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
        try:
            time_renditions(photo())
            started = time.perf_counter()
            with_picture, without = build(rng)
            print(
                f"\nBuilt {ARTICLES} articles, {len(with_picture)} with a lead image, on "
                f"{connection.vendor} in {time.perf_counter() - started:.1f} s"
            )
            client = Client()
            with override_settings(DEBUG=False, ALLOWED_HOSTS=["*"]):
                groups = {"without": without, "with": with_picture}
                measure(client, groups, rng)  # warm up
                rows = measure(client, groups, rng)
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)
    print(f"\nUncached article page, {REQUESTS} requests each:")
    print(f"{'lead image':<12}{'queries':>8}{'median ms':>11}{'p95 ms':>9}{'CPU median ms':>15}")
    for name, times, queries in rows:
        wall = [seconds * 1000 for seconds, _ in times]
        cpu = [seconds * 1000 for _, seconds in times]
        p95 = statistics.quantiles(wall, n=20)[-1]
        print(
            f"{name:<12}{queries:>8}{statistics.median(wall):>11.2f}{p95:>9.2f}"
            f"{statistics.median(cpu):>15.2f}"
        )


if __name__ == "__main__":
    main()
