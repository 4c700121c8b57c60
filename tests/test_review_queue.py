"""The review queue: every suggested and needs-review mention, accepted or rejected in bulk."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from articles.models import Mention, MentionSource, MentionStatus
from articles.revisions import article_versions
from tests.factories import (
    ArticleFactory,
    OrganizationFactory,
    PersonFactory,
    PlaceFactory,
    SectionFactory,
    member_of,
    suggested_mention,
)

pytestmark = pytest.mark.django_db

QUEUE = reverse("admin:articles_reviewmention_changelist")
MENTIONS = reverse("admin:articles_mention_changelist")
BODY = "Kim Jong Un arrived in Beijing.\nHe met Xi Jinping."


@pytest.fixture
def world():
    return {
        "kim": PersonFactory(name="Kim Jong Un"),
        "xi": PersonFactory(name="Xi Jinping"),
        "beijing": PlaceFactory(name="Beijing"),
    }


def listed(response):
    return {mention.pk for mention in response.context["cl"].result_list}


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_it_lists_only_suggested_and_needs_review_mentions(annotator, world):
    article = ArticleFactory(body=BODY)
    suggested = suggested_mention(article, world["kim"], "Kim Jong Un")
    review = suggested_mention(
        article, world["beijing"], "Beijing", status=MentionStatus.NEEDS_REVIEW
    )
    suggested_mention(article, world["xi"], "Xi Jinping", status=MentionStatus.CONFIRMED)
    suggested_mention(
        ArticleFactory(body=BODY), world["xi"], "Xi Jinping", status=MentionStatus.REJECTED
    )

    response = annotator.get(QUEUE)

    assert response.status_code == 200
    assert listed(response) == {suggested.pk, review.pk}


def test_it_shows_the_quote_in_context_escaped_and_links_the_annotation_screen(annotator, world):
    # Markup written as text (an article about HTML) is text to show, not markup.
    article = ArticleFactory(
        headline="Kim <arrives>", body="<p>&lt;b&gt;Kim Jong Un&lt;/b&gt; arrived.</p>"
    )
    assert article.text == "<b>Kim Jong Un</b> arrived."
    suggested_mention(article, world["kim"], "Kim Jong Un")

    html = annotator.get(QUEUE).content.decode()

    assert "…&lt;b&gt;<mark>Kim Jong Un</mark>&lt;/b&gt; arrived.…" in html
    assert reverse("admin:articles_article_annotate", args=[article.pk]) in html
    assert "Kim &lt;arrives&gt;" in html
    assert "<b>Kim" not in html


def test_it_filters_by_status_entity_kind_entity_and_section(annotator, world):
    politics = SectionFactory(name="Politics")
    in_politics = ArticleFactory(body=BODY, section=politics)
    kim = suggested_mention(in_politics, world["kim"], "Kim Jong Un")
    beijing = suggested_mention(ArticleFactory(body=BODY), world["beijing"], "Beijing")
    xi = suggested_mention(
        ArticleFactory(body=BODY), world["xi"], "Xi Jinping", status="needs_review"
    )

    assert listed(annotator.get(QUEUE, {"status__exact": "needs_review"})) == {xi.pk}
    assert listed(annotator.get(QUEUE, {"entity__kind__exact": "place"})) == {beijing.pk}
    assert listed(annotator.get(QUEUE, {"entity__id__exact": world["xi"].pk})) == {xi.pk}
    assert listed(annotator.get(QUEUE, {"article__section__id__exact": politics.pk})) == {kim.pk}
    assert listed(annotator.get(QUEUE, {"q": "Beijing"})) == {beijing.pk}


def test_bulk_accept_confirms_and_bulk_reject_keeps_rows_rejected(annotator, world):
    article = ArticleFactory(body=BODY)
    kim = suggested_mention(article, world["kim"], "Kim Jong Un")
    xi = suggested_mention(article, world["xi"], "Xi Jinping", status=MentionStatus.NEEDS_REVIEW)
    beijing = suggested_mention(article, world["beijing"], "Beijing")

    response = annotator.post(
        QUEUE, {"action": "accept_mentions", "_selected_action": [kim.pk, xi.pk]}
    )
    assert response.status_code == 302
    assert "Accepted 2 mentions." in messages_of(response)

    response = annotator.post(
        QUEUE, {"action": "reject_mentions", "_selected_action": [beijing.pk]}
    )
    assert "Rejected 1 mention." in messages_of(response)

    statuses = dict(Mention.objects.values_list("pk", "status"))
    assert statuses == {
        kim.pk: MentionStatus.CONFIRMED,
        xi.pk: MentionStatus.CONFIRMED,
        beijing.pk: MentionStatus.REJECTED,
    }
    assert listed(annotator.get(QUEUE)) == set()


def test_bulk_accept_and_reject_are_recorded_in_each_articles_history(annotator, world):
    first, second = ArticleFactory(body=BODY), ArticleFactory(body=BODY)
    kim = suggested_mention(first, world["kim"], "Kim Jong Un")
    xi = suggested_mention(first, world["xi"], "Xi Jinping")
    beijing = suggested_mention(second, world["beijing"], "Beijing")

    annotator.post(QUEUE, {"action": "accept_mentions", "_selected_action": [kim.pk, xi.pk]})
    annotator.post(QUEUE, {"action": "reject_mentions", "_selected_action": [beijing.pk]})

    def latest(article):
        revision = article_versions(article.pk).first().revision
        return revision.user.username, revision.comment

    assert latest(first) == ("annotators", "Accepted 2 mentions in review.")
    assert latest(second) == ("annotators", "Rejected 1 mention in review.")


def test_accepting_a_mention_that_overlaps_a_confirmed_one_is_refused_for_that_row(
    annotator, world
):
    article = ArticleFactory(body=BODY)
    suggested_mention(article, world["kim"], "Kim Jong Un", status=MentionStatus.CONFIRMED)
    overlapping = suggested_mention(article, world["xi"], "Kim")
    fine = suggested_mention(article, world["beijing"], "Beijing")

    response = annotator.post(
        QUEUE, {"action": "accept_mentions", "_selected_action": [overlapping.pk, fine.pk]}
    )

    messages = messages_of(response)
    assert any(
        "not accepted" in m and "overlaps a confirmed mention of Kim Jong Un" in m for m in messages
    )
    assert "Accepted 1 mention." in messages
    overlapping.refresh_from_db()
    fine.refresh_from_db()
    assert overlapping.status == MentionStatus.SUGGESTED
    assert fine.status == MentionStatus.CONFIRMED


def test_two_overlapping_suggestions_accepted_together_keep_only_the_first(annotator, world):
    article = ArticleFactory(body=BODY)
    whole = suggested_mention(article, world["kim"], "Kim Jong Un")
    part = suggested_mention(article, world["xi"], "Jong Un")

    annotator.post(QUEUE, {"action": "accept_mentions", "_selected_action": [whole.pk, part.pk]})

    assert Mention.objects.confirmed().get().pk == whole.pk


def test_a_mention_whose_text_changed_is_not_accepted(annotator, world):
    article = ArticleFactory(body=BODY)
    stale = suggested_mention(
        article, world["kim"], "Kim Jong Un", status=MentionStatus.NEEDS_REVIEW
    )
    Mention.objects.filter(pk=stale.pk).update(exact="Kim Jong Il")

    response = annotator.post(QUEUE, {"action": "accept_mentions", "_selected_action": [stale.pk]})

    assert any("not accepted" in m for m in messages_of(response))
    stale.refresh_from_db()
    assert stale.status == MentionStatus.NEEDS_REVIEW


def test_the_mention_list_has_the_same_actions(annotator, world):
    article = ArticleFactory(body=BODY)
    kim = suggested_mention(article, world["kim"], "Kim Jong Un")
    xi = suggested_mention(article, world["xi"], "Xi Jinping")

    annotator.post(MENTIONS, {"action": "accept_mentions", "_selected_action": [kim.pk]})
    annotator.post(MENTIONS, {"action": "reject_mentions", "_selected_action": [xi.pk]})

    assert dict(Mention.objects.values_list("pk", "status")) == {
        kim.pk: MentionStatus.CONFIRMED,
        xi.pk: MentionStatus.REJECTED,
    }


def test_reporters_cannot_open_the_queue_or_act(client, world):
    suggested = suggested_mention(ArticleFactory(body=BODY), world["kim"], "Kim Jong Un")
    client.force_login(member_of("Reporters"))

    assert client.get(QUEUE).status_code == 403
    response = client.post(QUEUE, {"action": "accept_mentions", "_selected_action": [suggested.pk]})
    assert response.status_code == 403
    client.post(MENTIONS, {"action": "accept_mentions", "_selected_action": [suggested.pk]})
    suggested.refresh_from_db()
    assert suggested.status == MentionStatus.SUGGESTED


def test_editors_see_the_queue_too(client):
    client.force_login(member_of("Editors"))
    assert client.get(QUEUE).status_code == 200


# --- Suggestions that need a look --------------------------------------------------------

ATLANTA = "Atlanta won. The Atlanta Hawks and the Atlanta Falcons play in Atlanta, Georgia."


@pytest.fixture
def atlanta():
    """Two teams that share the word "Atlanta" (no namesakes: a one-word short form), and
    the state of Georgia."""
    return {
        "hawks": OrganizationFactory(
            name="Atlanta Hawks", aliases=["Atlanta"], description="Basketball team."
        ),
        "falcons": OrganizationFactory(
            name="Atlanta Falcons", aliases=["Atlanta"], description="American football team."
        ),
        "georgia": PlaceFactory(name="Georgia", description="US state."),
    }


def test_the_queue_marks_a_suggestion_on_words_that_name_several_entities(annotator, atlanta):
    article = ArticleFactory(body=ATLANTA)
    suggested_mention(article, atlanta["hawks"], "Atlanta")
    suggested_mention(article, atlanta["hawks"], "Atlanta Hawks")

    page = annotator.get(QUEUE).content.decode()

    assert page.count('class="look-marker"') == 1
    assert "“Atlanta” also names Atlanta Falcons (American football team.)" in page
    assert "the story&#x27;s context chose Atlanta Hawks" in page
    assert 'class="namesake-marker"' not in page


def test_bulk_accept_leaves_suggestions_that_need_a_look_saying_why(annotator, atlanta):
    article = ArticleFactory(body=ATLANTA)
    shared = suggested_mention(article, atlanta["hawks"], "Atlanta")
    team = suggested_mention(article, atlanta["hawks"], "Atlanta Hawks")
    falcons = suggested_mention(article, atlanta["falcons"], "Atlanta", occurrence=3)
    state = suggested_mention(article, atlanta["georgia"], "Georgia")

    response = annotator.post(
        QUEUE,
        {
            "action": "accept_mentions",
            "_selected_action": [shared.pk, team.pk, falcons.pk, state.pk],
        },
    )

    statuses = dict(Mention.objects.values_list("pk", "status"))
    assert statuses == {
        shared.pk: MentionStatus.SUGGESTED,
        team.pk: MentionStatus.CONFIRMED,
        falcons.pk: MentionStatus.SUGGESTED,
        state.pk: MentionStatus.CONFIRMED,
    }
    messages = messages_of(response)
    assert "Accepted 2 mentions." in messages
    refused = [m for m in messages if m.startswith("“Atlanta” (")]
    assert len(refused) == 2
    assert all("was not accepted: “Atlanta” also names" in m for m in refused)
    assert all(m.endswith("Open it in the annotation screen and check.") for m in refused)
    # Accepted one by one, each is confirmed: a look is all it needed.
    assert listed(annotator.get(QUEUE)) == {shared.pk, falcons.pk}


def test_a_given_name_or_a_month_suggested_needs_a_look(annotator):
    person = PersonFactory(name="Jermaine August", aliases=["August"])
    article = ArticleFactory(body="Jermaine August spoke. In August, Jermaine left.")
    month = suggested_mention(article, person, "August", occurrence=1)
    given = suggested_mention(article, person, "Jermaine", occurrence=1)

    response = annotator.post(
        QUEUE, {"action": "accept_mentions", "_selected_action": [month.pk, given.pk]}
    )

    assert set(Mention.objects.values_list("status", flat=True)) == {MentionStatus.SUGGESTED}
    messages = " ".join(messages_of(response))
    assert "“August” is also the name of a month or a day." in messages
    assert "“Jermaine” is not one of Jermaine August's names or aliases" in messages


def test_a_famous_namesakes_alias_that_is_another_persons_family_name_needs_a_look(annotator):
    """ "Murillo" is the painter's alias and the family name of the museum's director, whom
    a story that names her in full calls so: bulk accept leaves it, and says whom else it
    names."""
    painter = PersonFactory(
        name="Bartolomé Esteban Murillo", aliases=["Murillo"], description="Spanish painter."
    )
    PersonFactory(name="Elena Murillo", aliases=[], description="Director of the Prado.")
    article = ArticleFactory(body="Works by Murillo hang in the Prado.")
    bare = suggested_mention(article, painter, "Murillo")

    response = annotator.post(QUEUE, {"action": "accept_mentions", "_selected_action": [bare.pk]})

    assert Mention.objects.get().status == MentionStatus.SUGGESTED
    assert "“Murillo” also names Elena Murillo (Director of the Prado.)" in " ".join(
        messages_of(response)
    )


@pytest.mark.parametrize(
    ("factory", "name", "short", "body", "said"),
    [
        (
            PlaceFactory,
            "Estádio da Luz",
            "Luz",
            "Trains skipped the Colégio Militar/Luz station all day.",
            "“Luz” is not Estádio da Luz's own name: check that it is not part of a longer "
            "name, or another place's.",
        ),
        (
            OrganizationFactory,
            "Tusker FC",
            "Tusker",
            "Fans drank Tusker lager at the ground.",
            "“Tusker” is not Tusker FC's own name: check that it is not part of a longer "
            "name, or another one's.",
        ),
    ],
    ids=["a place", "one word of an organisation's name"],
)
def test_a_short_form_needs_a_look(annotator, factory, name, short, body, said):
    entity = factory(name=name, aliases=[short])
    article = ArticleFactory(body=body)
    mention = suggested_mention(article, entity, short)

    response = annotator.post(
        QUEUE, {"action": "accept_mentions", "_selected_action": [mention.pk]}
    )

    assert Mention.objects.get().status == MentionStatus.SUGGESTED
    assert said in " ".join(messages_of(response))


def test_an_acronym_before_a_competitions_name_needs_a_look(annotator):
    """ "The AFC Champions League": the acronym may be the confederation or a word of the
    competition's name, which the sets' writers read both ways; bulk accept leaves it, says
    why, and takes the same acronym elsewhere."""
    afc = OrganizationFactory(name="Asian Football Confederation", aliases=["AFC"])
    article = ArticleFactory(
        body="They play in the AFC Champions League. The AFC fined the club on Monday."
    )
    in_a_name = suggested_mention(article, afc, "AFC")
    alone = suggested_mention(article, afc, "AFC", occurrence=1)

    response = annotator.post(
        QUEUE, {"action": "accept_mentions", "_selected_action": [in_a_name.pk, alone.pk]}
    )

    in_a_name.refresh_from_db()
    alone.refresh_from_db()
    assert in_a_name.status == MentionStatus.SUGGESTED
    assert alone.status == MentionStatus.CONFIRMED
    assert (
        "“AFC” stands before a competition's name: check that it is Asian Football "
        "Confederation, not part of the competition's name." in " ".join(messages_of(response))
    )


def test_a_name_read_through_its_accents_needs_a_look(annotator):
    """One word spelled as no name is, found only through its accents, may be an English
    word ("Sale" for Salé): bulk accept leaves it, and says why."""
    place = PlaceFactory(name="Salé", aliases=[])
    article = ArticleFactory(body="Fishing boats returned to Sale on Monday.")
    bare = suggested_mention(article, place, "Sale")

    response = annotator.post(QUEUE, {"action": "accept_mentions", "_selected_action": [bare.pk]})

    assert Mention.objects.get().status == MentionStatus.SUGGESTED
    assert (
        "“Sale” is Salé spelled without its accents or with others: check that it is not a "
        "word of English or of another name." in " ".join(messages_of(response))
    )


def test_a_suggestion_an_edit_sent_to_review_still_needs_its_look(annotator, atlanta):
    """No one has said the suggestion is right: an edit that left its words does not."""
    article = ArticleFactory(body=ATLANTA)
    review = suggested_mention(
        article, atlanta["hawks"], "Atlanta", status=MentionStatus.NEEDS_REVIEW
    )

    response = annotator.post(QUEUE, {"action": "accept_mentions", "_selected_action": [review.pk]})

    review.refresh_from_db()
    assert review.status == MentionStatus.NEEDS_REVIEW
    assert any("“Atlanta” also names Atlanta Falcons" in m for m in messages_of(response))


def test_a_mention_a_person_linked_is_accepted_after_an_edit_as_before(annotator, atlanta):
    """Its words were a person's choice, not the machine's: the review is about the edit."""
    article = ArticleFactory(body=ATLANTA)
    review = suggested_mention(
        article,
        atlanta["hawks"],
        "Atlanta",
        status=MentionStatus.NEEDS_REVIEW,
        source=MentionSource.MANUAL,
    )

    annotator.post(QUEUE, {"action": "accept_mentions", "_selected_action": [review.pk]})

    review.refresh_from_db()
    assert review.status == MentionStatus.CONFIRMED


def test_deleting_entities_in_bulk_takes_their_names_out_of_the_gazetteer(
    superuser_client, atlanta
):
    from articles import suggestions

    falcons = atlanta["falcons"].pk
    assert falcons in suggestions.gazetteer().keys_named("Atlanta")

    response = superuser_client.post(
        reverse("admin:articles_organization_changelist"),
        {"action": "delete_selected", "_selected_action": [falcons], "post": "yes"},
    )

    assert response.status_code == 302
    assert suggestions.gazetteer().keys_named("Atlanta") == (atlanta["hawks"].pk,)
