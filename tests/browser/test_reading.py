"""A reader's journey through the public site, in Chromium."""

import pytest
from django.utils import timezone

from articles import body as article_body
from articles.models import Mention
from tests.factories import ArticleFactory, BylineFactory, PersonFactory, SectionFactory

pytestmark = pytest.mark.browser

BODY = (
    "North Korean leader Kim Jong Un arrived in Beijing by armored train on Tuesday.\n"
    "## A long journey\n"
    "Kim’s train crossed the border at dawn, officials said.\n"
    "He met President Xi Jinping at the Great Hall."
)


@pytest.fixture
def story():
    world = SectionFactory(name="World", slug="world")
    kim = PersonFactory(name="Kim Jong Un", slug="kim-jong-un", aliases=["Kim"])
    article = ArticleFactory(
        headline="Kim arrives in Beijing by train",
        slug="kim-arrives-in-beijing",
        section=world,
        body=article_body.from_plain_text(BODY),
        publish_at=timezone.now() - timezone.timedelta(minutes=5),
    )
    BylineFactory(article=article, person=PersonFactory(name="Ana Reyes", slug="ana-reyes"))
    # "Kim Jong Un" and "Kim" in the reading text, where the subheading has lost its "## ".
    for start, end in ((20, 31), (95, 98)):
        mention = Mention(article=article, entity=kim, start=start, end=end)
        mention.fill_quote()
        mention.save()
    return article


def test_a_reader_follows_a_story_to_the_person_it_mentions(live_server, page, story):
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Kim arrives in Beijing by train").first.click()
    page.wait_for_url(f"**{story.get_absolute_url()}")

    assert page.get_by_role("heading", level=1).inner_text() == "Kim arrives in Beijing by train"
    assert page.get_by_role("heading", level=2, name="A long journey").is_visible()
    assert "Kim’s train crossed the border" in page.locator("main").inner_text()
    assert page.get_by_role("link", name="Ana Reyes").is_visible()

    page.locator("main article").get_by_role("link", name="Kim Jong Un").first.click()
    page.wait_for_url("**/people/kim-jong-un/")
    assert page.get_by_role("heading", level=1).inner_text() == "Kim Jong Un"
    highlighted = page.locator("main mark").all_inner_texts()
    assert "Kim Jong Un" in highlighted and "Kim" in highlighted


def test_the_skip_link_is_the_first_stop_and_shows_on_focus(live_server, page, story):
    page.goto(live_server.url + story.get_absolute_url())
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused.lower().startswith("skip to")
    assert page.locator(":focus").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_the_article_reads_on_a_phone_without_sideways_scrolling(live_server, phone, story):
    phone.goto(live_server.url + story.get_absolute_url())
    overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    font_size = phone.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('main article p')).fontSize)"
    )
    assert font_size >= 16
