"""The markup of a picture on a public page: one <picture> with a source per modern format
and a JPEG <img> fallback, each with a srcset of the widths made, so a phone downloads a
phone-sized file and a browser that reads AVIF gets AVIF.

Everything here reads the image's prefetched renditions (`Image.renditions.all()`), never
the database and never an encoder: pages stay at a fixed number of queries, and until the
renditions job has run, the picture falls back to the original file.
"""

from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from articles import body
from articles.images import renditions
from articles.images.public import shown

# A figure in the body is as wide as the article's column (site.css: .article-body, 70ch
# of Georgia at 1.1rem, about 42rem), or the screen less its margins on a phone.
FIGURE_SIZES = "(min-width: 44rem) 42rem, calc(100vw - 2rem)"


def _widths(image, format_: str, crop: str | None) -> list:
    """The renditions of `format_` a srcset may offer: the whole-picture widths, or the one
    crop `crop` for the image's current focal point; narrowest first."""
    made = [
        rendition
        for rendition in image.renditions.all()
        if rendition.format == format_
        and (
            rendition.spec == crop and rendition.focal_key == image.focal_key
            if crop
            else not renditions.SPECS_BY_NAME.get(rendition.spec, renditions.SPECS[-1]).crops
        )
    ]
    return sorted(made, key=lambda rendition: rendition.width)


def _srcset(found: list) -> str:
    return ", ".join(f"{rendition.file.url} {rendition.width}w" for rendition in found)


def picture(
    image,
    *,
    sizes: str = "100vw",
    crop: str | None = None,
    lazy: bool = True,
    priority: bool = False,
    alt: str | None = None,
    css_class: str = "",
) -> SafeString:
    """A <picture> for `image`, `sizes` wide on the page (a CSS sizes value).

    `crop` names a crop spec ("16x9-w1200", "1x1-w800"...) instead of the whole picture.
    `lazy` defers loading until the reader scrolls near (for anything below the fold);
    `priority` asks the browser to fetch it first (the lead image). width and height are
    always set, from the rendition shown, so the page does not shift as it loads."""
    jpegs = _widths(image, "jpeg", crop)
    if jpegs:
        fallback = next((r for r in jpegs if r.width >= 1024), jpegs[-1])
        src, width, height = fallback.file.url, fallback.width, fallback.height
    else:  # no rendition yet: the original, at its own size (the job is on its way)
        src, width, height = image.file.url, image.width, image.height
        if crop:
            spec = renditions.SPECS_BY_NAME[crop]
            width, height = spec.width, round(spec.width * spec.ratio[1] / spec.ratio[0])
    sources = format_html_join(
        "",
        '<source type="{}" srcset="{}" sizes="{}">',
        (
            (renditions.CONTENT_TYPES[format_], _srcset(found), sizes)
            for format_ in renditions.FORMATS
            if format_ != "jpeg" and (found := _widths(image, format_, crop))
        ),
    )
    attributes = format_html(
        ' loading="{}" decoding="async"{}',
        "lazy" if lazy and not priority else "eager",
        mark_safe(' fetchpriority="high"') if priority else "",
    )
    srcset = format_html(' srcset="{}" sizes="{}"', _srcset(jpegs), sizes) if jpegs else ""
    return format_html(
        '<picture{}>{}<img src="{}"{} alt="{}" width="{}" height="{}"{}></picture>',
        format_html(' class="{}"', css_class) if css_class else "",
        sources,
        src,
        srcset,
        image.alt_text if alt is None else alt,
        width,
        height,
        attributes,
    )


def rendition_url(image, spec: str) -> str:
    """An absolute-path URL of one JPEG rendition (for og:image, JSON-LD and feeds), the
    nearest one made, or the original."""
    return image.url_for(spec, "jpeg")


def figure_pictures(images, now=None) -> dict[int, body.Picture]:
    """What the figures of an article's body show readers (see articles.body.render), from
    {id: Image} with prefetched renditions: each image readers may see now (public.shown,
    as for a lead image: its rights allow it and it has alt text), as a lazily loaded
    <picture> with its own caption and credit. No query."""
    now = now or timezone.now()
    return {
        pk: body.Picture(picture(image, sizes=FIGURE_SIZES, lazy=True), image.caption, image.credit)
        for pk, image in images.items()
        if shown(image, now) is not None
    }
