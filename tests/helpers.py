"""Small helpers shared by test modules."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(client, url):
    """How many queries a GET of `url` runs; the page must answer 200."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)
