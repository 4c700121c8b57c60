"""Template filters for the admin."""

from django import template
from js_asset import Media

register = template.Library()


@register.filter
def with_csp_nonce(media, request):
    """`media` with this request's Content-Security-Policy nonce on each of its tags.

    The prose editor's media holds an inline <script type="importmap">, which the policy
    lets run only with the nonce that django-csp puts in this response's header. The
    nonce is read only when the media renders, so a page without it sends none.
    """
    return Media.from_media(media, nonce=request.csp_nonce)
