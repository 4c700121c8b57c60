"""Mentions through saves and reverts, as stored: none confirmed ever covers other words,
and one needing review is inside the text, over no other mention's words, and says what
happened in the same words on the annotation screen and the article's form.

A mention whose words an edit deleted keeps its quote and has no place (start == end);
articles.anchoring.mapping decides, reanchor_mentions stores. SQLite, or whatever
database the suite runs on.
"""

import json

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles import revisions
from articles.admin import body_with_mentions_html
from articles.annotating import annotation_state
from articles.models import Mention, MentionStatus
from tests.factories import (
    ArticleFactory,
    MentionFactory,
    PersonFactory,
    UserFactory,
    member_of,
    mention_of,
)
from tests.test_anchoring_safety import edited, edits, name_spans, stories

pytestmark = pytest.mark.django_db

BODY = (
    "Dock workers in Marrowby walked out on Monday.\n"
    "Mayor Ana Lund said the port would stay open. Choe Son Hui, the union's leader, "
    "spoke first. The strike is the first in 20 years.\n"
    "Talks resume on Friday."
)


@pytest.fixture
def people():
    return {
        "marrowby": PersonFactory(name="Marrowby"),
        "lund": PersonFactory(name="Ana Lund"),
        "choe": PersonFactory(name="Choe Son Hui"),
    }


@pytest.fixture
def story(people):
    article = ArticleFactory(body=BODY, headline="Port strike")
    return {
        "article": article,
        "marrowby": mention_of(article, people["marrowby"]),
        "lund": mention_of(article, people["lund"]),
        "choe": mention_of(article, people["choe"]),
    }


def latest(article):
    return revisions.article_versions(article.pk).first()


def save_body(article, body):
    article.body = body
    article.save()
    article.refresh_from_db()


def assert_safe(article):
    """What the issue asks of every stored mention, whatever the edit."""
    text = article.text
    mentions = list(article.mentions.all())
    placed = [(m.start, m.end) for m in mentions if m.start < m.end]
    confirmed = sorted((m.start, m.end) for m in mentions if m.status == MentionStatus.CONFIRMED)
    for mention in mentions:
        assert 0 <= mention.start <= mention.end <= len(text)
        if mention.status == MentionStatus.CONFIRMED:
            assert text[mention.start : mention.end] == mention.exact
        elif mention.status == MentionStatus.NEEDS_REVIEW:
            if mention.start == mention.end:
                assert not any(a < mention.start < b for a, b in placed)
            else:
                others = list(placed)
                others.remove((mention.start, mention.end))
                assert not any(a < mention.end and mention.start < b for a, b in others)
    for (_, end), (start, _) in zip(confirmed, confirmed[1:], strict=False):
        assert end <= start  # confirmed mentions never overlap


def screen_said(article, mention):
    (shown,) = [m for m in annotation_state(article)["mentions"] if m["id"] == mention.pk]
    return shown


# --- Words deleted, changed, grown ------------------------------------------------------------


def test_a_deleted_sentence_leaves_its_mention_with_its_quote_and_no_place(story):
    article, choe = story["article"], story["choe"]

    save_body(article, BODY.replace("Choe Son Hui, the union's leader, spoke first. ", ""))

    choe.refresh_from_db()
    assert (choe.status, choe.exact, choe.review_reason) == (
        MentionStatus.NEEDS_REVIEW,
        "Choe Son Hui",
        "sentence_deleted",
    )
    assert choe.start == choe.end == article.text.index("The strike")
    assert choe.prefix.endswith("said the port would stay open. ")
    assert_safe(article)
    shown = screen_said(article, choe)
    assert (shown["start"], shown["end"], shown["now"], shown["fits"]) == (
        choe.start,
        choe.end,
        "",
        False,
    )
    assert shown["said"] == "The sentence with this name was deleted."
    # The article's form says the same, in its list of mentions it cannot show in place.
    html = body_with_mentions_html(article, article.mentions.select_related("entity"))
    assert (
        "“Choe Son Hui” → Choe Son Hui (needs review after an edit): The sentence with this "
        "name was deleted."
    ) in html


def test_a_deleted_paragraph_and_deleted_words_say_so(story):
    article, marrowby, lund = story["article"], story["marrowby"], story["lund"]

    save_body(
        article,
        BODY.replace("Dock workers in Marrowby walked out on Monday.\n", "").replace(
            "Mayor Ana Lund said", "The mayor said"
        ),
    )

    marrowby.refresh_from_db()
    lund.refresh_from_db()
    assert screen_said(article, marrowby)["said"] == "The paragraph with this name was deleted."
    assert marrowby.start == marrowby.end == 0
    # "Mayor Ana Lund" became "The mayor": words put in its place, and said so.
    assert screen_said(article, lund)["said"] == "An edit changed “Ana Lund” to “The mayor”."
    assert article.text[lund.start : lund.end] == "The mayor"
    assert_safe(article)


def test_a_name_grown_longer_is_flagged_on_its_own_words(people):
    article = ArticleFactory(body="The parade was about Kim. Then it rained.")
    kim = mention_of(article, PersonFactory(name="Kim Jong Un"), "Kim")

    save_body(article, "The parade was about Kim Yo Jong. Then it rained.")

    kim.refresh_from_db()
    assert (kim.status, article.text[kim.start : kim.end]) == (MentionStatus.NEEDS_REVIEW, "Kim")
    assert screen_said(article, kim)["said"] == (
        "An edit made “Kim” part of a longer name, “Kim Yo Jong”: check whom it names."
    )


def test_untouched_mentions_follow_a_sentence_moved_and_paragraphs_swapped(story):
    article = story["article"]
    lines = BODY.split("\n")
    moved = lines[1].replace("Choe Son Hui, the union's leader, spoke first. ", "")
    body = "\n".join(
        [lines[2], "Choe Son Hui, the union's leader, spoke first. " + moved, lines[0]]
    )

    save_body(article, body)

    for name in ("marrowby", "lund", "choe"):
        mention = Mention.objects.get(pk=story[name].pk)
        assert mention.status == MentionStatus.CONFIRMED
        assert article.text[mention.start : mention.end] == mention.exact
    assert_safe(article)


def test_a_mention_without_a_place_cannot_be_accepted(client, story):
    article, choe = story["article"], story["choe"]
    save_body(article, BODY.replace("Choe Son Hui, the union's leader, spoke first. ", ""))
    client.force_login(member_of("Annotators"))
    url = reverse("admin:articles_article_annotate_mention", args=[article.pk, choe.pk])

    for data in ({"status": "confirmed"}, {"status": "confirmed", "requote": True}):
        response = client.post(url, json.dumps(data), content_type="application/json")
        assert response.status_code == 400
        assert "took “Choe Son Hui” out of the text" in response.json()["error"]

    # Rejecting it is how an annotator says it is done with.
    response = client.post(url, json.dumps({"status": "rejected"}), content_type="application/json")
    assert response.status_code == 200
    choe.refresh_from_db()
    assert (choe.status, choe.start == choe.end) == (MentionStatus.REJECTED, True)


def test_the_database_keeps_confirmed_and_suggested_mentions_on_words():
    article = ArticleFactory(body="Kim met Xi.")
    for status in (MentionStatus.CONFIRMED, MentionStatus.SUGGESTED):
        with pytest.raises(IntegrityError), transaction.atomic():
            MentionFactory(article=article, start=3, end=3, exact="Kim", status=status)
    MentionFactory(article=article, start=3, end=3, exact="Kim", status=MentionStatus.NEEDS_REVIEW)


# --- Revert ---------------------------------------------------------------------------------


def test_a_revert_brings_the_words_back_and_the_mention_onto_them(story):
    """The bug of the issue: reverting put the orphaned Marrowby on "Mayor "."""
    article, marrowby = story["article"], story["marrowby"]
    revisions.record_revision(article)
    first = latest(article)
    save_body(article, BODY.replace("Dock workers in Marrowby walked out on Monday.\n", ""))
    marrowby.refresh_from_db()
    assert marrowby.start == marrowby.end

    revisions.revert(article, first, UserFactory())

    article.refresh_from_db()
    marrowby.refresh_from_db()
    assert article.text == BODY
    assert (marrowby.start, marrowby.end) == (BODY.index("Marrowby"), BODY.index(" walked"))
    assert marrowby.fit_problem(article.text) == ""
    assert marrowby.status == MentionStatus.NEEDS_REVIEW  # for a person to say it is right
    assert screen_said(article, marrowby)["said"] == ""
    for name in ("lund", "choe"):
        mention = Mention.objects.get(pk=story[name].pk)
        assert (mention.status, mention.start) == (
            MentionStatus.CONFIRMED,
            BODY.index(mention.exact),
        )
    assert_safe(article)


# --- Properties -------------------------------------------------------------------------------


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(stories(), st.lists(st.booleans(), min_size=1, max_size=5), edits)
def test_property_no_confirmed_mention_covers_other_words_after_a_save_or_a_revert(old, keep, ops):
    article = ArticleFactory(body=old)
    assert article.text == old
    entity = PersonFactory()
    for span in name_spans(old, keep):
        Mention.objects.create(
            article=article,
            entity=entity,
            start=span.start,
            end=span.end,
            exact=span.exact,
            prefix=span.prefix,
            suffix=span.suffix,
        )
    revisions.record_revision(article)
    first = latest(article)
    draft = edited(old, ops)

    save_body(article, draft.text)

    assert_safe(article)
    if article.text == draft.text:  # (a line left empty is dropped from the reading text)
        for mention in article.mentions.filter(status=MentionStatus.CONFIRMED):
            origins = draft.origins[mention.start : mention.end]
            assert "".join(old[i] for i in origins if i >= 0) == mention.exact

    revisions.revert(article, first, None)

    article.refresh_from_db()
    assert article.text == old
    assert_safe(article)
