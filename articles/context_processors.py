from django.conf import settings

from articles.search import MAX_QUERY_CHARS


def site(request):
    """The site's name and the longest search it takes, for every template."""
    return {"site_name": settings.SITE_NAME, "max_query_chars": MAX_QUERY_CHARS}
