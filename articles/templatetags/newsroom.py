"""Template tags for the public site."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from articles.images import pictures, public
from articles.models import Section

register = template.Library()

# The characters that could end a <script> element or start a comment inside it.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag
def top_sections():
    """The top-level sections, in their editors' order, for the site's navigation."""
    return list(Section.objects.filter(parent=None))


@register.filter
def json_ld(value):
    """A <script type="application/ld+json"> element holding value, safe inside HTML."""
    data = json.dumps(value, cls=DjangoJSONEncoder).translate(_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(data))


def canonical_url(context):
    """The page's absolute address as search engines should know it: its path without any
    query string, except ?page=N on a list's later pages, which are pages of their own."""
    request = context["request"]
    url = request.build_absolute_uri(request.path)
    page = context.get("page_obj")
    if page is not None and page.number > 1:
        url += f"?page={page.number}"
    return url


@register.inclusion_tag("articles/_page_meta.html", takes_context=True)
def page_meta(context, title, description="", og_type="website", image=None, alt=""):
    """A public page's description, canonical link, OpenGraph and Twitter card tags; with
    `image`, its social card crop (1200x630) as og:image, described by `alt` (by default
    the image's alt text), and Twitter's large card."""
    request = context["request"]
    return {
        "url": canonical_url(context),
        "title": title,
        "description": description,
        "og_type": og_type,
        "site_name": context["site_name"],
        "image": image and public.jpeg(image, "social", request.build_absolute_uri),
        "image_alt": alt or (image and image.alt_text),
    }


@register.simple_tag
def shown_image(image):
    """`image` if readers may see it now (articles.images.public.shown), else None."""
    return public.shown(image)


@register.simple_tag
def picture(image, sizes="100vw", crop=None, lazy=True, priority=False, alt=None, css_class=""):
    """The <picture> of `image` (see articles.images.pictures.picture), from its prefetched
    renditions."""
    return pictures.picture(
        image, sizes=sizes, crop=crop, lazy=lazy, priority=priority, alt=alt, css_class=css_class
    )
