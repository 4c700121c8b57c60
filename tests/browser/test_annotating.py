"""An annotator's journey through the annotation screen, in Chromium."""

import pytest

from articles.models import Mention, MentionStatus
from tests.browser.editing import select_words

pytestmark = pytest.mark.browser


def test_an_annotator_links_a_name_accepts_and_rejects_suggestions(
    live_server, page, story, log_in
):
    article = story["article"]
    log_in(page, story["user"], f"/admin/articles/article/{article.pk}/annotate/")
    page.get_by_role("heading", name="Annotate “Kim arrives in Beijing by train”").wait_for()
    text = page.locator("#annotate-text")
    suggested = text.locator("mark[data-status=suggested]")
    assert suggested.all_inner_texts() == ["Kim Jong Un", "Kim", "Xi Jinping", "Xi"]

    # Select a name the gazetteer did not know, and link it to a person.
    select_words(page, "Choe")
    popover = page.locator("#annotate-popover")
    popover.get_by_role("heading", name="Link “Choe”").wait_for()
    popover.get_by_role("option", name="Choe Son Hui").click()
    page.locator("#annotate-status").get_by_text("Linked “Choe” to Choe Son Hui.").wait_for()
    assert text.locator("mark[data-status=confirmed]").inner_text() == "Choe"

    # Keyboard: the next suggestion opens, "a" accepts it and the next one opens.
    page.locator("body").press("n")
    popover.get_by_role("heading", name="“Kim Jong Un”").wait_for()
    page.keyboard.press("a")
    page.locator("#annotate-status").get_by_text("“Kim Jong Un” is Kim Jong Un.").wait_for()
    popover.get_by_role("heading", name="“Kim”").wait_for()
    # Reject this one with the button.
    popover.get_by_role("button", name="Reject (r)").click()
    page.locator("#annotate-status").get_by_text("Rejected “Kim” as Kim Jong Un.").wait_for()

    page.reload()
    confirmed = text.locator("mark[data-status=confirmed]")
    confirmed.first.wait_for()
    assert confirmed.all_inner_texts() == ["Kim Jong Un", "Choe"]
    assert suggested.all_inner_texts() == ["Xi Jinping", "Xi"]
    stored = {
        (m.exact, m.entity.name, m.status)
        for m in Mention.objects.filter(article=article).select_related("entity")
    }
    assert ("Choe", "Choe Son Hui", MentionStatus.CONFIRMED) in stored
    assert ("Kim Jong Un", "Kim Jong Un", MentionStatus.CONFIRMED) in stored
    assert ("Kim", "Kim Jong Un", MentionStatus.REJECTED) in stored

    # The reader now finds the new mention on the person's public page.
    page.goto(f"{live_server.url}/people/choe-son-hui/")
    quote = page.locator("blockquote mark")
    assert quote.inner_text() == "Choe"
    assert "his foreign minister, Choe, who spoke first." in page.locator("blockquote").inner_text()


def test_an_annotator_accepts_the_suggestions_that_need_no_look_at_once(page, story, log_in):
    """With Kim's sister in the gazetteer, a bare "Kim" is the story's choice: it stays to
    be looked at, marked, while the names that leave no choice are accepted together."""
    from tests.factories import PersonFactory

    PersonFactory(name="Kim Yo Jong", slug="kim-yo-jong", aliases=["Kim"])
    article = story["article"]
    log_in(page, story["user"], f"/admin/articles/article/{article.pk}/annotate/")
    text = page.locator("#annotate-text")
    suggested = text.locator("mark[data-status=suggested]")
    suggested.first.wait_for()
    assert "mention-look" in text.locator("mark", has_text="Kim").nth(1).get_attribute("class")

    page.get_by_role("button", name="Accept 3 suggestions that need no look").click()
    page.locator("#annotate-status").get_by_text(
        "Accepted 3 suggestions. 1 is left to check one by one."
    ).wait_for()

    assert suggested.all_inner_texts() == ["Kim"]
    assert "mention-look" in suggested.get_attribute("class")
    assert page.locator("#annotate-accept-suggestions").is_hidden()
    confirmed = {
        m.exact for m in Mention.objects.filter(article=article, status=MentionStatus.CONFIRMED)
    }
    assert confirmed == {"Kim Jong Un", "Xi Jinping", "Xi"}
