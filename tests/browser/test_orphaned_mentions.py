"""The annotation screen after an edit took a mention's words away, in Chromium: it says
what happened, in words, and offers no way to accept the mention on other words."""

import pytest

from articles.models import Mention, MentionStatus
from tests.test_orphaned_mentions import BODY

pytestmark = pytest.mark.browser


@pytest.fixture
def edited():
    """A story with two confirmed mentions, then edited: one's sentence deleted, the
    other's words changed."""
    from tests.factories import ArticleFactory, PersonFactory, member_of, mention_of

    article = ArticleFactory(headline="Port strike", body=BODY)
    choe = mention_of(article, PersonFactory(name="Choe Son Hui"))
    lund = mention_of(article, PersonFactory(name="Ana Lund"))
    article.body = BODY.replace("Choe Son Hui, the union's leader, spoke first. ", "").replace(
        "Mayor Ana Lund said", "The mayor said"
    )
    article.save()
    return {"article": article, "choe": choe, "lund": lund, "user": member_of("Annotators")}


def test_a_mention_whose_sentence_was_deleted_says_so_and_can_only_be_let_go(
    live_server, page, edited, log_in
):
    article, choe = edited["article"], edited["choe"]
    log_in(page, edited["user"], f"/admin/articles/article/{article.pk}/annotate/")
    page.get_by_role("heading", name="Annotate “Port strike”").wait_for()

    # Not drawn on any words: listed apart, with what happened.
    text = page.locator("#annotate-text")
    assert text.locator(f'mark[data-mention="{choe.pk}"]').count() == 0
    item = page.locator(f'#annotate-unplaced li[data-mention="{choe.pk}"]')
    item.wait_for()
    assert item.inner_text().startswith("“Choe Son Hui” → Choe Son Hui (needs review)")
    assert item.locator(".annotate-said").inner_text() == (
        "The sentence with this name was deleted."
    )
    assert page.get_by_role("button", name="Accept the new words (a)").count() == 0

    # The other mention's words were changed: the popover says to what, and accepting
    # the new words is offered but not as the obvious choice.
    text.locator("mark[data-status=needs_review]").click()
    popover = page.locator("#annotate-popover")
    popover.get_by_text("An edit changed “Ana Lund” to “The mayor”.").wait_for()
    accept = popover.get_by_role("button", name="Accept the new words (a)")
    assert "default" not in accept.get_attribute("class")
    page.keyboard.press("Escape")

    item.get_by_role("button", name="Reject").click()
    page.locator("#annotate-status").get_by_text("Rejected “Choe Son Hui”").wait_for()
    page.locator("#annotate-unplaced-box").wait_for(state="hidden")
    assert Mention.objects.get(pk=choe.pk).status == MentionStatus.REJECTED
