"""The addresses of public pages named by a slug (articles, people, sections, tags), reversed
once per URL name and then written by putting each slug in its place.

A page links dozens of them: every entity an article mentions, in its body, its list and
its structured data, and every story in a list with its section. Django's reverse() looks
the name up and checks and quotes its arguments each time, about 25 µs a link here; this
gives the same address in a few µs. The stand-in is reversed through the URLconf and
script prefix in use, so tests that swap the URLconf and sites served under a path prefix
get their own addresses.
"""

import re
import weakref

from django.urls import get_resolver, get_script_prefix, get_urlconf, reverse

# A slug every slug converter of ours takes and that quoting leaves as it is: any other
# (a tag's "zürich") goes through reverse(), which checks and quotes it.
_PLAIN_SLUG = re.compile(r"[-a-zA-Z0-9_]+")
_STAND_IN = "0stand-in0"

# {resolver: {(script prefix, URL name): (text before the slug, text after it)}}, weakly
# keyed, so a URLconf replaced (in tests) takes its addresses with it.
_reversed: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def slug_url(url_name: str, slug: str) -> str:
    """reverse(url_name, args=[slug]) for a URL name whose one argument is a slug."""
    if not _PLAIN_SLUG.fullmatch(slug):
        return reverse(url_name, args=[slug])
    resolver = get_resolver(get_urlconf())
    key = (get_script_prefix(), url_name)
    by_name = _reversed.setdefault(resolver, {})
    parts = by_name.get(key)
    if parts is None:
        before, _, after = reverse(url_name, args=[_STAND_IN]).partition(_STAND_IN)
        parts = by_name[key] = (before, after)
    return parts[0] + slug + parts[1]
