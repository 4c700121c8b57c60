"""Two people of the same name on the annotation screen, in Chromium: the annotator reads
their descriptions in the popover and the entity picker, and links the right one."""

import re

import pytest
from django.utils import timezone

from articles.models import Mention, MentionStatus
from tests.factories import (
    ArticleFactory,
    MentionFactory,
    PersonFactory,
    member_of,
    suggested_mention,
)

pytestmark = pytest.mark.browser

SENATOR = "Brazilian federal senator for Rio de Janeiro who chairs the environment committee."
BIOLOGIST = "Portuguese marine biologist at the University of the Azores."


@pytest.fixture
def twins():
    """A story about the biologist, in which the senator is suggested: the issue's mistake.
    Made by hand, so the test does not hang on how the gazetteer settles a shared name."""
    senator = PersonFactory(
        name="Maria Santos", slug="maria-santos", description=SENATOR, wikidata="Q111"
    )
    biologist = PersonFactory(
        name="Maria Santos Ferreira",
        slug="maria-santos-ferreira",
        aliases=["Maria Santos"],
        description=BIOLOGIST,
    )
    article = ArticleFactory(
        headline="Corals of the deep",
        body="The marine biologist Maria Santos dived off the Azores on Monday.",
        publish_at=timezone.now() - timezone.timedelta(minutes=5),
    )
    suggested_mention(article, senator, "Maria Santos")
    return {"article": article, "senator": senator, "biologist": biologist}


def test_an_annotator_tells_namesakes_apart_and_links_the_right_one(page, twins, log_in):
    article = twins["article"]
    log_in(page, member_of("Annotators"), f"/admin/articles/article/{article.pk}/annotate/")
    text = page.locator("#annotate-text")
    mark = text.locator("mark[data-status=suggested]")
    assert mark.inner_text() == "Maria Santos"
    assert "mention-namesake" in mark.get_attribute("class")
    assert "same name as Maria Santos Ferreira" in mark.get_attribute("aria-label")
    # Its words name both, so the choice was the machine's: marked to be looked at.
    assert "mention-look" in mark.get_attribute("class")

    # The suggestion's popover says who this Maria Santos is, and that there is another.
    mark.click()
    popover = page.locator("#annotate-popover")
    popover.get_by_role("heading", name="“Maria Santos”").wait_for()
    assert SENATOR in popover.locator(".annotate-entity-details").inner_text()
    wikidata = popover.get_by_role("link", name="Wikidata Q111")
    assert wikidata.get_attribute("href") == "https://www.wikidata.org/wiki/Q111"
    assert (
        popover.locator("p.annotate-namesake")
        .inner_text()
        .startswith("Same name as Maria Santos Ferreira (Portuguese marine biologist at the")
    )

    assert (
        popover.locator("p.annotate-look")
        .inner_text()
        .startswith(
            "Needs a look: “Maria Santos” also names Maria Santos Ferreira (Portuguese marine"
        )
    )

    # The picker lists both, each with its description; the biologist is chosen.
    popover.get_by_role("button", name="Change entity…").click()
    popover.get_by_role("combobox", name="Find an entity by name or alias").fill("Maria Santos")
    options = popover.get_by_role("listbox").get_by_role("option")
    options.nth(1).wait_for()
    said = options.all_inner_texts()
    assert len(said) == 2
    assert SENATOR in said[0] and "Q111" in said[0] and "Same name as 1 other" in said[0]
    assert BIOLOGIST in said[1] and "Same name as 1 other" in said[1]
    options.filter(has_text=re.compile("marine biologist")).click()

    page.locator("#annotate-status").get_by_text(
        "“Maria Santos” is Maria Santos Ferreira."
    ).wait_for()
    confirmed = text.locator("mark[data-status=confirmed]")
    assert confirmed.inner_text() == "Maria Santos"
    assert "mention-namesake" not in confirmed.get_attribute("class")
    assert "mention-look" not in confirmed.get_attribute("class")
    mention = Mention.objects.get(article=article)
    assert (mention.entity_id, mention.status) == (twins["biologist"].pk, MentionStatus.CONFIRMED)


def test_the_merge_screen_says_what_happens_to_the_entity_chosen(page, log_in):
    older = PersonFactory(name="Maria Santos", slug="maria-santos", description=BIOLOGIST)
    newer = PersonFactory(name="Maria Santos (biologist)", slug="maria-santos-2")
    for _ in range(2):
        MentionFactory(article=ArticleFactory(body="Maria Santos dived."), entity=newer)
    log_in(page, member_of("Editors"), "/admin/articles/person/")
    for entity in (older, newer):
        page.locator(f"input[name=_selected_action][value='{entity.pk}']").check()
    page.get_by_label("Action:").select_option("merge_entities")
    page.get_by_role("button", name="Go").click()

    # The one with more mentions is chosen, and what happens is said for it.
    assert page.get_by_label("Maria Santos (biologist)").is_checked()
    outcome = page.locator(".merge-outcome:visible")
    assert outcome.inner_text().startswith(
        "Maria Santos (biologist) (person), with 2 mentions, stays"
    )
    page.get_by_label("Maria Santos", exact=True).check()
    assert outcome.inner_text().startswith(
        "Maria Santos (Portuguese marine biologist at the University of the Azores.), with 0 "
        "mentions, stays"
    )
    assert page.locator(".merge-outcome:visible").count() == 1
