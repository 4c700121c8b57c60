"""Where a picture is used: as an article's lead image, as a figure in an article's body,
and as an entity's picture.

A figure is stored in the sanitised body as `<figure data-image="ID">` (articles/body.py
writes exactly that form), so finding the articles whose body shows an image is a
substring search: no table to keep in step with every save and every revert.
"""

import datetime
import re

from django.db.models import Prefetch, Q
from django.utils import timezone

FIGURE_ATTRIBUTE = "data-image"
_FIGURE_IDS = re.compile(r'<figure\b[^>]*\bdata-image="(\d+)"')


def figure_marker(image_id: int) -> str:
    """The text every body that shows image `image_id` as a figure contains."""
    return f'{FIGURE_ATTRIBUTE}="{image_id}"'


def figure_image_ids(body: str) -> list[int]:
    """The ids of the images shown as figures in a sanitised body, in order, once each."""
    return list(dict.fromkeys(int(found) for found in _FIGURE_IDS.findall(body or "")))


def figure_images(body: str) -> dict:
    """{id: Image} of the images a body's figures show, their renditions prefetched: two
    queries, none for a body without figures. An image gone from the library is absent."""
    from articles.images.models import Image, Rendition

    ids = figure_image_ids(body)
    if not ids:
        return {}
    # Unordered: the picture markup sorts them, and Rendition's order would join Image.
    renditions = Prefetch("renditions", queryset=Rendition.objects.order_by())
    return Image.objects.prefetch_related(renditions).in_bulk(ids)


def article_image_ids(article) -> list[int]:
    """The lead image's id, then the figures' ids, once each."""
    ids = [article.lead_image_id] if article.lead_image_id else []
    return list(dict.fromkeys(ids + figure_image_ids(article.body)))


def images_of(article) -> list:
    """The Image rows an article uses (lead image first), in one query."""
    from articles.images.models import Image

    ids = article_image_ids(article)
    found = Image.objects.in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def publish_problems(article, now=None, *, already_shown=()) -> list[str]:
    """Why the pictures of `article` keep it from being published: each image whose rights
    have ended or that has no alt text, by name; a figure naming an image no longer in the
    library too. Empty when it may go out.

    A scheduled article is checked at its publication time too: rights that end before it
    goes live refuse it now, not on the morning it would have gone out. Images whose ids
    are in `already_shown` (those a published article had before an edit) are let be: a
    page stops showing a picture itself once its rights end."""
    now = now or timezone.now()
    goes_live = max(now, article.publish_at) if article.publish_at else now
    images = {image.pk: image for image in images_of(article)}
    problems = []
    for pk in article_image_ids(article):
        if pk in already_shown:
            continue
        image = images.get(pk)
        if image is None:
            problems.append(f"Image #{pk} is no longer in the library.")
        elif problem := image.publish_problem(now):
            problems.append(problem)
        elif not image.is_usable(goes_live):
            problems.append(
                f"Image “{image.title}” (#{pk}) may be used only until "
                f"{image.may_be_used_until:%Y-%m-%d}, before the article goes live on "
                f"{timezone.localtime(goes_live):%Y-%m-%d at %H:%M}."
            )
    return problems


def rights_end(image):
    """The moment a reader may no longer see `image` (the start of the day after its "may
    be used until" date, in the site's time zone), or None when no end date is set."""
    if image.may_be_used_until is None:
        return None
    day_after = image.may_be_used_until + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(day_after, datetime.time.min))


def next_rights_end(now=None):
    """The next moment, after `now`, at which some picture's rights end, or None: until
    then every page may be cached as it is (a page hides a picture itself once its rights
    have ended, so no job runs at that moment). One query."""
    from articles.images.models import Image

    now = now or timezone.now()
    ending = (
        Image.objects.filter(may_be_used=True, may_be_used_until__gte=timezone.localdate(now))
        .order_by("may_be_used_until")
        .first()
    )
    return rights_end(ending) if ending is not None else None


def articles_using(image_id: int):
    """Every article that uses the image, drafts included, as lead image or figure."""
    from articles.models import Article

    return Article.objects.filter(
        Q(lead_image_id=image_id) | Q(body__contains=figure_marker(image_id))
    ).order_by("-updated_at")


def entities_using(image_id: int):
    """Every entity whose picture it is."""
    from articles.models import Entity

    return Entity.objects.filter(picture_id=image_id).order_by("name")


def is_used(image_id: int) -> bool:
    return articles_using(image_id).exists() or entities_using(image_id).exists()
