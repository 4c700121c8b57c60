"""Where a picture is used: as an article's lead image, as a figure in an article's body,
and as an entity's picture.

A figure is stored in the sanitised body as `<figure data-image="ID">` (articles/body.py
writes exactly that form), so finding the articles whose body shows an image is a
substring search: no table to keep in step with every save and every revert.
"""

import re

from django.db.models import Q

FIGURE_ATTRIBUTE = "data-image"
_FIGURE_IDS = re.compile(r'<figure\b[^>]*\bdata-image="(\d+)"')


def figure_marker(image_id: int) -> str:
    """The text every body that shows image `image_id` as a figure contains."""
    return f'{FIGURE_ATTRIBUTE}="{image_id}"'


def figure_image_ids(body: str) -> list[int]:
    """The ids of the images shown as figures in a sanitised body, in order, once each."""
    return list(dict.fromkeys(int(found) for found in _FIGURE_IDS.findall(body or "")))


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


def publish_problems(article, now=None) -> list[str]:
    """Why the pictures of `article` keep it from being published: each image whose rights
    have ended or that has no alt text, by name; a figure naming an image no longer in the
    library too. Empty when it may go out."""
    ids = article_image_ids(article)
    images = {image.pk: image for image in images_of(article)}
    problems = []
    for pk in ids:
        image = images.get(pk)
        if image is None:
            problems.append(f"Image #{pk} is no longer in the library.")
        elif problem := image.publish_problem(now):
            problems.append(problem)
    return problems


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
