"""Feeds carry each story whole, as its page shows it: the rendered body with the editor's
links and emphasis and the confirmed mentions linked, with absolute addresses."""

import feedparser
import pytest

from tests.factories import ArticleFactory, PersonFactory, SectionFactory, mention_of

pytestmark = pytest.mark.django_db

BODY = (
    "<p><strong>Xi Jinping</strong> met the envoy, "
    '<a href="https://news.example/report">a report</a> said.</p>\n'
    '<ul>\n<li><p>See <a href="/articles/older-story/">the older story</a>.</p></li>\n</ul>'
)


@pytest.fixture
def story():
    SectionFactory(name="World", slug="world")
    article = ArticleFactory(slug="xi-meets-envoy", body=BODY)
    mention_of(article, PersonFactory(name="Xi Jinping", slug="xi-jinping"))
    return article


@pytest.mark.parametrize("url", ["/feeds/latest/rss/", "/feeds/latest/atom/"])
def test_a_feed_item_carries_the_rendered_body_with_absolute_links(client, story, url):
    response = client.get(url)

    feed = feedparser.parse(response.content)
    (entry,) = feed.entries
    content = entry.content[0]
    assert content.type == "text/html"
    html = content.value
    assert 'href="http://testserver/people/xi-jinping/"' in html
    assert "<strong>Xi Jinping</strong>" in html
    assert 'href="https://news.example/report"' in html
    assert 'href="http://testserver/articles/older-story/"' in html
    assert "<ul>" in html and "<li>" in html


def test_rss_declares_the_content_module(client, story):
    response = client.get("/feeds/latest/rss/")

    assert b'xmlns:content="http://purl.org/rss/1.0/modules/content/"' in response.content
    assert b"<content:encoded>" in response.content
