"""Template tags for the public site."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

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
