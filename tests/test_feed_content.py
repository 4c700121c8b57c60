"""Feeds carry each story whole, as its page shows it: the rendered body with the editor's
links and emphasis and the confirmed mentions linked, with absolute addresses."""

import feedparser
import pytest
from django.utils import timezone

from tests.factories import (
    ArticleFactory,
    DraftFactory,
    PersonFactory,
    SectionFactory,
    mention_of,
)

pytestmark = pytest.mark.django_db

BODY = (
    "<p><strong>Xi Jinping</strong> met the envoy, "
    '<a href="https://news.example/report">a report</a> said.</p>\n'
    '<ul>\n<li><p>See <a href="/articles/older-story/">the older story</a>.</p></li>\n'
    '<li><p>Soon: <a href="/articles/secret-scoop/">the scoop</a>.</p></li>\n</ul>'
)


@pytest.fixture
def story():
    SectionFactory(name="World", slug="world")
    ArticleFactory(
        slug="older-story", body="Older.", publish_at=timezone.now() - timezone.timedelta(days=2)
    )
    DraftFactory(slug="secret-scoop", body="Not yet.")
    article = ArticleFactory(slug="xi-meets-envoy", body=BODY)
    mention_of(article, PersonFactory(name="Xi Jinping", slug="xi-jinping"))
    return article


@pytest.mark.parametrize("url", ["/feeds/latest/rss/", "/feeds/latest/atom/"])
def test_a_feed_item_carries_the_rendered_body_with_absolute_links(client, story, url):
    response = client.get(url)

    feed = feedparser.parse(response.content)
    entry = next(entry for entry in feed.entries if entry.link.endswith("/xi-meets-envoy/"))
    content = entry.content[0]
    assert content.type == "text/html"
    html = content.value
    assert 'href="http://testserver/people/xi-jinping/"' in html
    assert "<strong>Xi Jinping</strong>" in html
    assert 'href="https://news.example/report"' in html
    assert 'href="http://testserver/articles/older-story/"' in html
    assert "<ul>" in html and "<li>" in html
    # A draft's address never reaches a reader, not even as a link.
    assert "secret-scoop" not in html and "the scoop" in html


def test_the_article_page_shows_a_link_to_a_story_no_reader_may_see_as_text(client, story):
    response = client.get(story.get_absolute_url())

    html = response.content.decode()
    assert '<a href="/articles/older-story/">the older story</a>' in html
    assert "secret-scoop" not in html and "Soon: the scoop." in html


def test_rss_declares_the_content_module(client, story):
    response = client.get("/feeds/latest/rss/")

    assert b'xmlns:content="http://purl.org/rss/1.0/modules/content/"' in response.content
    assert b"<content:encoded>" in response.content
