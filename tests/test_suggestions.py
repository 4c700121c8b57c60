"""Suggestions from the gazetteer, suggest_mentions, and mentions following edits on save."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from articles import anchoring
from articles.body import from_plain_text
from articles.models import Mention, MentionSource, MentionStatus
from tests.factories import (
    ArticleFactory,
    MentionFactory,
    OrganizationFactory,
    PersonFactory,
    PlaceFactory,
)

pytestmark = pytest.mark.django_db

# A plain-text wire story as a body: a paragraph per line, "## " a subheading.
WIRE = from_plain_text(
    "North Korean leader Kim Jong Un arrived in Beijing by armored train on Tuesday.\n"
    "## Talks\n"
    "Kim’s armored train crossed the border at dawn. Kim met President Xi Jinping, "
    "and Xi said the talks were warm.\n"
    "Vladimir Putin is due next month; Putin and Xi met in Moscow in spring. "
    "Kimchi was served at the banquet."
)


@pytest.fixture
def people():
    return {
        "kim": PersonFactory(name="Kim Jong Un", aliases=["Kim", "Kim Jong-un"]),
        "xi": PersonFactory(name="Xi Jinping", aliases=["Xi"]),
        "putin": PersonFactory(name="Vladimir Putin", aliases=["Putin"]),
        "beijing": PlaceFactory(name="Beijing"),
        "moscow": PlaceFactory(name="Moscow"),
    }


def linked(article):
    return [
        (m.exact, m.entity.name)
        for m in article.mentions.select_related("entity").order_by("start")
    ]


def suggest(*args):
    out = StringIO()
    call_command("suggest_mentions", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_suggest_mentions_confirm_links_every_name_of_a_wire_story(people):
    article = ArticleFactory(body=WIRE, slug="kim-in-beijing")

    output = suggest("--article", "kim-in-beijing", "--confirm")

    assert linked(article) == [
        ("Kim Jong Un", "Kim Jong Un"),
        ("Beijing", "Beijing"),
        ("Kim", "Kim Jong Un"),
        ("Kim", "Kim Jong Un"),
        ("Xi Jinping", "Xi Jinping"),
        ("Xi", "Xi Jinping"),
        ("Vladimir Putin", "Vladimir Putin"),
        ("Putin", "Vladimir Putin"),
        ("Xi", "Xi Jinping"),
        ("Moscow", "Moscow"),
    ]
    assert set(article.mentions.values_list("status", "source").distinct()) == {
        (MentionStatus.CONFIRMED, MentionSource.SUGGESTED)
    }
    assert "kim-in-beijing: 10 confirmed" in output
    assert "  Kim Jong Un: 3" in output
    assert "10 mentions confirmed." in output


def test_confirm_leaves_the_suggestions_that_need_a_look_suggested(people):
    """With Kim's sister in the gazetteer, a bare "Kim" is the story's choice: --confirm
    leaves it for the review queue, as bulk accept would."""
    PersonFactory(name="Kim Yo Jong", aliases=["Kim"])
    article = ArticleFactory(body=WIRE, slug="kim-in-beijing")

    output = suggest("--article", "kim-in-beijing", "--confirm")

    statuses = [(m.exact, m.status) for m in article.mentions.order_by("start")]
    assert [exact for exact, status in statuses if status == MentionStatus.SUGGESTED] == [
        "Kim",
        "Kim",
    ]
    assert len(statuses) == 10
    assert "kim-in-beijing: 8 confirmed, 2 suggested" in output
    assert "8 mentions confirmed." in output
    assert "2 suggested instead: they need a look before they are accepted" in output


def test_suggestions_skip_existing_and_rejected_mentions(people):
    article = ArticleFactory(body=WIRE)
    MentionFactory(article=article, entity=people["kim"], start=20, end=31)
    assert article.text[20:31] == "Kim Jong Un"
    rejected = article.text.index("Beijing")
    MentionFactory(
        article=article,
        entity=people["beijing"],
        start=rejected,
        end=rejected + 7,
        status=MentionStatus.REJECTED,
    )

    suggest("--all")
    suggest("--all")

    assert article.mentions.filter(status=MentionStatus.REJECTED).count() == 1
    assert article.mentions.filter(start=20).count() == 1
    assert article.mentions.suggested().count() == 8


def test_a_rejection_holds_only_while_its_words_are_there(people):
    article = ArticleFactory(body="Talks in Beijing went on.")
    suggest("--all")
    article.mentions.update(status=MentionStatus.REJECTED)

    suggest("--all")
    assert article.mentions.suggested().count() == 0

    article.body = "Talks in Moscow went on."
    article.save()
    suggest("--all")

    assert [(m.exact, m.entity.name) for m in article.mentions.suggested()] == [
        ("Moscow", "Moscow")
    ]


def test_suggest_mentions_refuses_an_unknown_article(people):
    with pytest.raises(CommandError, match='No article has the slug "nope"'):
        suggest("--article", "nope")
    assert not Mention.objects.exists()


def test_saving_an_article_suggests_mentions_when_switched_on(people, settings):
    settings.NEWSROOM_SUGGEST_ON_SAVE = True
    article = ArticleFactory(body="Putin spoke in Moscow.")
    assert linked(article) == [("Putin", "Vladimir Putin"), ("Moscow", "Moscow")]
    assert not article.mentions.confirmed().exists()


def test_a_new_entity_is_suggested_at_the_next_save(people, settings):
    settings.NEWSROOM_SUGGEST_ON_SAVE = True
    article = ArticleFactory(body="The United Nations met in Moscow.")
    OrganizationFactory(name="United Nations", aliases=["UN"])
    article.body += "<p>The UN said more.</p>"
    article.save()
    assert ("United Nations", "United Nations") in linked(article)
    assert ("UN", "United Nations") in linked(article)


def test_a_fault_in_the_suggestions_does_not_cost_the_save(people, settings, monkeypatch, caplog):
    """Rules of our own read any copy an editor writes: should they fail on some story,
    the story is saved all the same, its mentions still follow the edit, and the fault
    is logged; no suggestion is half-made."""
    settings.NEWSROOM_SUGGEST_ON_SAVE = True
    article = ArticleFactory(body="Kim Jong Un arrived.")
    confirmed = article.mentions.get()
    confirmed.status = MentionStatus.CONFIRMED
    confirmed.save()

    def broken(self, text):
        raise IndexError("a rule read past its candidates")

    monkeypatch.setattr(anchoring.Gazetteer, "find", broken)
    article.body = "On Tuesday, Kim Jong Un arrived in Moscow."
    article.save()

    article.refresh_from_db()
    assert article.text == "On Tuesday, Kim Jong Un arrived in Moscow."
    assert linked(article) == [("Kim Jong Un", "Kim Jong Un")]
    confirmed.refresh_from_db()
    assert (confirmed.start, confirmed.status) == (12, MentionStatus.CONFIRMED)
    assert "No suggestions were made for article" in caplog.text


class TestMentionsFollowEdits:
    def test_an_insertion_before_a_mention_moves_it_with_its_words(self, people):
        article = ArticleFactory(body="Kim Jong Un arrived in Beijing.")
        mention = MentionFactory(article=article, entity=people["kim"], start=0, end=11)
        article.body = "On Tuesday, Kim Jong Un arrived in Beijing."
        article.save()
        mention.refresh_from_db()
        assert (mention.start, mention.end, mention.status) == (12, 23, MentionStatus.CONFIRMED)
        assert mention.prefix == "On Tuesday, "

    def test_a_corrected_name_goes_to_review_and_does_not_jump_to_a_lookalike(self, people):
        robin = PersonFactory(name="Robin")
        body = "Robin Hale spoke first. Later, Robin Ames replied."
        article = ArticleFactory(body=body)
        mention = MentionFactory(article=article, entity=robin, start=0, end=5)
        article.body = body.replace("Robin Hale", "Elisa Hale")
        article.save()
        mention.refresh_from_db()
        assert mention.status == MentionStatus.NEEDS_REVIEW
        assert mention.exact == "Robin"
        assert mention.start != body.index("Robin Ames")

    def test_every_path_that_saves_carries_mentions(self, people, tmp_path):
        article = ArticleFactory(body="Kim Jong Un arrived.", slug="arrival", headline="Arrival")
        mention = MentionFactory(article=article, entity=people["kim"], start=0, end=11)
        story = tmp_path / "arrival.md"
        story.write_text(
            "---\ntitle: Arrival\nslug: arrival\nsection: world\n---\n\n"
            "Late on Monday, Kim Jong Un arrived.\n",
            encoding="utf-8",
        )
        call_command("import_articles", str(story), stdout=StringIO(), stderr=StringIO())
        mention.refresh_from_db()
        assert (mention.start, mention.exact) == (16, "Kim Jong Un")
        assert mention.status == MentionStatus.CONFIRMED


def test_confirm_also_confirms_the_suggestions_made_on_save(people, settings):
    settings.NEWSROOM_SUGGEST_ON_SAVE = True
    article = ArticleFactory(body=WIRE, slug="kim-in-beijing")
    assert article.mentions.suggested().count() == 10

    suggest("--article", "kim-in-beijing", "--confirm")

    assert article.mentions.confirmed().count() == 10
    assert not article.mentions.suggested().exists()


@pytest.mark.usefixtures("media_root")  # the demo's pictures go to a throwaway folder
def test_the_demo_loads_confirmed_mentions_with_suggestions_on_save(settings):
    settings.NEWSROOM_SUGGEST_ON_SAVE = True
    call_command("load_demo", stdout=StringIO())
    assert Mention.objects.confirmed().count() > 50
    assert not Mention.objects.suggested().exists()
