"""A failure on our side gets a page in the site's style that says so, not a bare 500."""

import pytest

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_a_server_error_gets_a_styled_page_that_asks_nothing_of_the_database(
    client, settings, monkeypatch
):
    settings.DEBUG = False
    article = ArticleFactory()

    def broken(*args, **kwargs):
        raise RuntimeError("the related articles query failed")

    monkeypatch.setattr("articles.views.related_articles", broken)
    client.raise_request_exception = False

    response = client.get(article.get_absolute_url())

    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong on our side" in html
    assert "/static/articles/site.css" in html
    assert "related articles" not in html  # No detail of the failure reaches the reader.
