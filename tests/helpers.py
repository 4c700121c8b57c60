"""Small helpers shared by test modules."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(client, url):
    """How many queries a GET of `url` runs when nothing of it is kept (no cached page, no
    part of one: articles/parts.py), the most it can run; the page must answer 200."""
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)
