"""Pictures as readers' pages, link previews, search engines and feed readers get them.

Which pictures a reader may see (`shown`); the renditions of all a page's pictures fetched
at once (`prefetch_renditions`); one JPEG of a spec with all a <meta>, JSON-LD or a feed
item says of it (`jpeg`), and the crops search engines ask for; and the cached pages
dropped when a picture they show changes (`pages_showing_changed`). Nothing here encodes
an image.
"""

import mimetypes
from dataclasses import dataclass

from django.db.models import Prefetch, prefetch_related_objects

from articles import caching, page_tags
from articles.images import renditions


def shown(image, now=None):
    """`image` if readers may see it now, else None: the rights allow it (flag, expiry) and
    it has alt text, as a publish requires. A picture whose rights ended after its article
    went out leaves the page from that day (the page cache lasts no longer than its
    generation); a figure does the same (pictures.figure_pictures)."""
    if image is None or image.publish_problem(now) is not None:
        return None
    return image


def renditions_prefetch(lookup: str = "renditions") -> Prefetch:
    """A Prefetch of the renditions that pictures read, at `lookup` ("renditions",
    "lead_image__renditions"). Unordered: the picture markup sorts them itself, and
    Rendition's default order would join the image table for nothing."""
    from articles.images.models import Rendition

    return Prefetch(lookup, queryset=Rendition.objects.order_by())


def prefetch_renditions(images) -> None:
    """Fetch the renditions of every image in `images` (None left out) in one query, none
    when there is no image: a page with pictures in several lists pays one query for all."""
    images = [image for image in images if image is not None]
    prefetch_related_objects(images, renditions_prefetch())


@dataclass(frozen=True)
class StoredFile:
    """One stored file of a picture, as a <meta>, JSON-LD or a feed item names it."""

    url: str  # absolute
    width: int
    height: int
    content_type: str
    file: object  # the FieldFile
    recorded_size: int | None = None

    @property
    def length(self) -> int:
        """Its size in bytes (a feed's enclosure says it): as recorded when it was stored,
        or for a rendition made before sizes were recorded, a look at the storage."""
        return self.file.size if self.recorded_size is None else self.recorded_size


def jpeg(image, spec: str, absolute) -> StoredFile:
    """The JPEG rendition of `spec`, the nearest one made until it is (Image.best_rendition),
    or until any is made the original; `absolute` makes a URL absolute
    (request.build_absolute_uri). Reads prefetched renditions only."""
    made = image.best_rendition(spec, "jpeg")
    if made is not None:
        return StoredFile(
            absolute(made.file.url),
            made.width,
            made.height,
            "image/jpeg",
            made.file,
            made.file_size,
        )
    content_type = mimetypes.guess_type(image.file.name)[0] or "application/octet-stream"
    return StoredFile(
        absolute(image.file.url),
        image.width,
        image.height,
        content_type,
        image.file,
        image.file_size,
    )


def crops_for_search_engines(image, absolute) -> list[str]:
    """Absolute URLs of the 16x9, 4x3 and 1x1 crops, as Google's Article structured data
    asks; each once (before the crops are made, they may all be the original)."""
    specs = [spec.name for spec in renditions.SPECS if spec.ratio in ((16, 9), (4, 3), (1, 1))]
    return list(dict.fromkeys(jpeg(image, spec, absolute).url for spec in specs))


def pages_showing_changed(image_id: int) -> None:
    """Drop the cached pages that show image `image_id`, which changed (its alt text,
    caption, credit, rights, focal point or renditions): those that loaded it, by its tag
    (articles/page_tags.py). A picture no reader sees is on no cached page."""
    caching.tags_changed({page_tags.row("image", image_id)})
