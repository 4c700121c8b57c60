"""The annotation screen and its JSON endpoints: who may use them, what they store, and how
every bad request is answered (4xx, a message, nothing written)."""

import json

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from articles.models import Entity, EntityKind, Mention, MentionRole, MentionSource, MentionStatus
from articles.revisions import article_versions
from articles.suggestions import suggest_mentions
from tests.factories import (
    ArticleFactory,
    MentionFactory,
    PersonFactory,
    PlaceFactory,
    UserFactory,
    member_of,
    occurrence_start,
    suggested_mention,
)

pytestmark = pytest.mark.django_db

BODY = (
    "North Korean leader Kim Jong Un arrived in Beijing by armored train.\n"
    "Kim’s train crossed the border at dawn. Kim met Xi Jinping.\n"
    "Kimball Street was closed, and Kim left before noon."
)


@pytest.fixture
def world():
    return {
        "kim": PersonFactory(name="Kim Jong Un", aliases=["Kim"]),
        "xi": PersonFactory(name="Xi Jinping", aliases=["Xi"]),
        "beijing": PlaceFactory(name="Beijing"),
    }


@pytest.fixture
def article():
    return ArticleFactory(body=BODY, headline="Kim arrives in Beijing")


def page_url(article):
    return reverse("admin:articles_article_annotate", args=[article.pk])


def state_url(article):
    return reverse("admin:articles_article_annotate_state", args=[article.pk])


def create_url(article):
    return reverse("admin:articles_article_annotate_mentions", args=[article.pk])


def mention_url(mention):
    return reverse("admin:articles_article_annotate_mention", args=[mention.article_id, mention.pk])


ENTITIES_URL = reverse("admin:articles_article_annotate_entities")


def post(client, url, data):
    body = data if isinstance(data, str | bytes) else json.dumps(data)
    return client.post(url, body, content_type="application/json")


def quote(body, exact, occurrence=0):
    """The quote selector a browser sends for the given occurrence of exact."""
    start = occurrence_start(body, exact, occurrence)
    end = start + len(exact)
    return {
        "exact": exact,
        "prefix": body[max(0, start - 32) : start],
        "suffix": body[end : end + 32],
    }


def snapshot():
    """Every mention and entity as stored, to show that a refused request wrote nothing."""
    return (
        sorted(Mention.objects.values_list("pk", "entity_id", "start", "end", "status", "role")),
        sorted(Entity.objects.values_list("pk", "name", "kind")),
    )


# --- The page --------------------------------------------------------------------------


@pytest.mark.parametrize("group", ["Annotators", "Editors"])
def test_annotators_and_editors_open_the_screen_with_text_and_state(client, article, world, group):
    suggested_mention(article, world["kim"], "Kim Jong Un")
    client.force_login(member_of(group))

    response = client.get(page_url(article))

    assert response.status_code == 200
    html = response.content.decode()
    assert "articles/annotate.js" in html
    assert 'id="annotate-text"' in html
    assert "Kim’s train crossed the border" in html
    state = json.loads(html.split('id="annotate-state" type="application/json">')[1].split("<")[0])
    assert state["text"] == article.text == BODY
    assert [m["entity"]["name"] for m in state["mentions"]] == ["Kim Jong Un"]


def test_reporters_may_not_annotate(client, article):
    client.force_login(member_of("Reporters"))

    assert client.get(page_url(article)).status_code == 403


def test_anonymous_visitors_are_sent_to_log_in(client, article):
    response = client.get(page_url(article))

    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_an_unknown_article_is_not_found(annotator):
    assert (
        annotator.get(reverse("admin:articles_article_annotate", args=[999999])).status_code == 404
    )


def test_the_article_form_and_list_link_to_the_screen(client, superuser, article):
    client.force_login(superuser)

    change = client.get(reverse("admin:articles_article_change", args=[article.pk]))
    listing = client.get(reverse("admin:articles_article_changelist"))

    assert page_url(article) in change.content.decode()
    assert page_url(article) in listing.content.decode()


# --- The state ---------------------------------------------------------------------------


def test_the_state_lists_live_mentions_and_entities_with_their_counts(annotator, article, world):
    suggested_mention(article, world["kim"], "Kim Jong Un", status=MentionStatus.CONFIRMED)
    suggested_mention(article, world["kim"], "Kim", occurrence=2)
    suggested_mention(article, world["xi"], "Xi Jinping", status=MentionStatus.REJECTED)

    state = annotator.get(state_url(article)).json()

    assert [(m["exact"], m["status"]) for m in state["mentions"]] == [
        ("Kim Jong Un", "confirmed"),
        ("Kim", "suggested"),
    ]
    assert state["entities"] == [
        {
            "id": world["kim"].pk,
            "name": "Kim Jong Un",
            "kind": "person",
            "kind_label": "Person",
            "aliases": ["Kim"],
            "url": world["kim"].get_absolute_url(),
            "description": "",
            "description_short": "",
            "wikidata": "",
            "wikidata_url": "",
            "namesakes": [],
            "confirmed": 1,
            "suggested": 1,
            "needs_review": 0,
        }
    ]
    assert state["rejected"] == 1


def test_the_state_says_which_suggestions_need_a_look_and_why(annotator, article, world):
    """A suggestion whose words another entity has too is chosen from context: the screen
    says so, with the other; one entity's own words, or a confirmed mention, need nothing."""
    PersonFactory(name="Kim Yo Jong", aliases=["Kim"], description="Sister of Kim Jong Un.")
    suggested_mention(article, world["kim"], "Kim Jong Un")
    suggested_mention(article, world["kim"], "Kim", occurrence=2)
    suggested_mention(article, world["kim"], "Kim", occurrence=3, status=MentionStatus.CONFIRMED)

    state = annotator.get(state_url(article)).json()

    assert [(m["exact"], m["look"]) for m in state["mentions"]] == [
        ("Kim Jong Un", ""),
        (
            "Kim",
            "“Kim” also names Kim Yo Jong (Sister of Kim Jong Un.): the story's context "
            "chose Kim Jong Un.",
        ),
        ("Kim", ""),
    ]


@pytest.mark.parametrize("count", [1, 30])
def test_the_state_takes_the_same_queries_whatever_the_number_of_mentions(
    annotator, django_assert_num_queries, count, world
):
    body = " ".join(["Kim Jong Un spoke."] * count)
    article = ArticleFactory(body=body)
    for n in range(count):
        suggested_mention(article, PersonFactory(), "Kim Jong Un", occurrence=n)

    # Session, user, two for permissions, a savepoint pair, article, mentions, rejected
    # count, and the names of every entity for the index of namesakes and for the gazetteer
    # that says which suggestions need a look (each built once after entities change; none
    # of these has a namesake or shares its words, so no other entity is read).
    with django_assert_num_queries(11):
        response = annotator.get(state_url(article))

    assert len(response.json()["mentions"]) == count


# --- Linking words to an entity ----------------------------------------------------------


def test_selecting_a_name_links_it_to_a_person(annotator, article, world):
    response = post(
        annotator, create_url(article), {**quote(BODY, "Kim", 2), "entity": world["kim"].pk}
    )

    assert response.status_code == 201, response.content
    mention = Mention.objects.get()
    start = BODY.index("Kim met")
    assert (mention.start, mention.end, mention.exact) == (start, start + 3, "Kim")
    assert mention.status == MentionStatus.CONFIRMED
    assert mention.source == MentionSource.MANUAL
    assert mention.created_by.username == "annotators"
    assert response.json()["message"] == "Linked “Kim” to Kim Jong Un."
    assert response.json()["state"]["mentions"][0]["id"] == mention.pk


def test_the_new_mention_shows_on_the_public_entity_page(annotator, client, article, world):
    post(annotator, create_url(article), {**quote(BODY, "Kim", 2), "entity": world["kim"].pk})

    page = Client().get(world["kim"].get_absolute_url())

    assert "<mark>Kim</mark> met Xi Jinping." in page.content.decode()


def test_offsets_count_code_points_whatever_the_browser_counts(annotator, world):
    body = "🎉 Kim waved. 🎉🎉 Then Kim left."
    article = ArticleFactory(body=body)

    post(annotator, create_url(article), {**quote(body, "Kim", 1), "entity": world["kim"].pk})

    mention = Mention.objects.get()
    assert body[mention.start : mention.end] == "Kim"
    assert mention.start == body.index("Kim left")


def test_a_mention_can_be_the_subject_of_the_article(annotator, article, world, client):
    post(
        annotator,
        create_url(article),
        {**quote(BODY, "Kim Jong Un"), "entity": world["kim"].pk, "role": "about"},
    )

    assert Mention.objects.get().role == MentionRole.ABOUT
    assert (
        "Articles about Kim Jong Un"
        in Client().get(world["kim"].get_absolute_url()).content.decode()
    )


def test_linking_a_suggested_place_confirms_that_suggestion(annotator, article, world):
    pending = suggested_mention(article, world["xi"], "Kim Jong Un")

    post(annotator, create_url(article), {**quote(BODY, "Kim Jong Un"), "entity": world["kim"].pk})

    pending.refresh_from_db()
    assert Mention.objects.count() == 1
    assert (pending.entity, pending.status) == (world["kim"], MentionStatus.CONFIRMED)


def test_linking_words_rejects_suggestions_overlapping_them(annotator, article, world):
    inside = suggested_mention(article, world["kim"], "Kim", occurrence=0)

    post(annotator, create_url(article), {**quote(BODY, "Kim Jong Un"), "entity": world["kim"].pk})

    inside.refresh_from_db()
    assert inside.status == MentionStatus.REJECTED
    assert Mention.objects.confirmed().get().exact == "Kim Jong Un"


def test_link_every_mention_of_a_name_in_one_action(annotator, article, world):
    elsewhere = suggested_mention(article, world["xi"], "Kim", occurrence=4)  # "Kim left"
    kim_s = BODY.index("Kim’s")
    MentionFactory(
        article=article, entity=world["beijing"], start=kim_s, end=kim_s + 3, exact="Kim"
    )

    response = post(
        annotator,
        create_url(article),
        {**quote(BODY, "Kim", 2), "entity": world["kim"].pk, "link_all": True},
    )

    assert response.status_code == 201
    linked = Mention.objects.confirmed().filter(entity=world["kim"]).order_by("start")
    # "Kim" in "Kim Jong Un" is inside a longer known name, "Kim’s" is already another
    # entity's, "Kimball" is another word.
    assert [m.start for m in linked] == [BODY.index("Kim met"), BODY.index("Kim left")]
    elsewhere.refresh_from_db()
    assert (elsewhere.entity, elsewhere.status) == (world["kim"], MentionStatus.CONFIRMED)
    assert response.json()["message"] == (
        "Linked 2 × “Kim” to Kim Jong Un. 2 inside a longer name or already linked to "
        "something else were left as they were."
    )


def test_linking_a_name_everywhere_leaves_longer_names_and_their_suggestions_alone(annotator):
    kim = PersonFactory(name="Kim Jong Un", aliases=["Kim"])
    PersonFactory(name="Kim Yo Jong")
    body = "Kim Jong Un arrived with his sister Kim Yo Jong. Kim spoke first."
    article = ArticleFactory(body=body)
    suggest_mentions(article)
    suggested = {m.exact: m.status for m in article.mentions.all()}

    response = post(
        annotator,
        create_url(article),
        {**quote(body, "Kim", 2), "entity": kim.pk, "link_all": True},
    )

    assert response.status_code == 201
    assert response.json()["message"].startswith("Linked 1 × “Kim” to Kim Jong Un. 2 inside")
    after = {m.exact: m.status for m in article.mentions.all() if m.exact != "Kim"}
    assert after == {name: suggested[name] for name in ("Kim Jong Un", "Kim Yo Jong")}


def test_a_new_entity_is_made_inline_and_linked(annotator, article):
    response = post(
        annotator,
        create_url(article),
        {**quote(BODY, "Beijing"), "new_entity": {"name": "Beijing", "kind": "place"}},
    )

    assert response.status_code == 201
    place = Entity.objects.get(name="Beijing")
    assert (place.kind, place.slug) == (EntityKind.PLACE, "beijing")
    assert Mention.objects.get().entity == place


# --- Bad requests to link words: 4xx, a message, nothing written -------------------------


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ("{not json", "The request is not valid JSON."),
        (b"\xff\xfe", "The request is not valid JSON."),
        ("[1, 2]", "The request must be a JSON object."),
        ({"exact": "Kim Jong Il", "entity": "KIM"}, "“Kim Jong Il” is not in the article's text"),
        ({"exact": "Kim", "entity": "KIM"}, "is in the text more than once"),
        ({"exact": "", "entity": "KIM"}, "“exact” is missing."),
        ({"exact": 7, "entity": "KIM"}, "“exact” must be text."),
        ({"exact": " Kim Jong Un", "entity": "KIM"}, "cannot start or end with a space"),
        ({"exact": "Kim Jong Un", "entity": 999999}, "There is no entity with id 999999"),
        ({"exact": "Kim Jong Un", "entity": "Kim"}, "Choose an entity, or make a new one."),
        ({"exact": "Kim Jong Un"}, "Choose an entity, or make a new one."),
        ({"exact": "Kim Jong Un", "entity": "KIM", "role": "hero"}, "The role must be one of"),
        ({"exact": "Kim Jong Un", "entity": "KIM", "link_all": "yes"}, "“link_all” must be true"),
        (
            {"exact": "Kim Jong Un", "new_entity": {"name": "Kim Jong Un", "kind": "person"}},
            "There is already a person called Kim Jong Un",
        ),
        (
            {"exact": "Kim Jong Un", "new_entity": {"name": "Kim", "kind": "dragon"}},
            "The kind must be one of",
        ),
        (
            {"exact": "Kim Jong Un", "new_entity": {"name": "  ", "kind": "person"}},
            "“name” is missing.",
        ),
        ({"exact": "Kim Jong Un", "new_entity": "Kim"}, "must be an object with a name"),
        (
            {"exact": "Kim Jong Un", "new_entity": {"name": "Kim\x00Jong", "kind": "person"}},
            "“name” holds a NUL character.",
        ),
        (
            {"exact": "Kim Jong Un", "new_entity": {"name": "Kim\x0bJong", "kind": "person"}},
            "Remove the invisible control character",
        ),
    ],
)
def test_bad_requests_to_link_words_are_refused_and_write_nothing(
    annotator, article, world, payload, message
):
    if isinstance(payload, dict) and payload.get("entity") == "KIM":
        payload = {**payload, "entity": world["kim"].pk}
    before = snapshot()

    response = post(annotator, create_url(article), payload)

    assert response.status_code == 400
    assert message in response.json()["error"]
    assert snapshot() == before


def test_a_quote_whose_words_around_it_were_edited_away_is_refused(annotator, world):
    article = ArticleFactory(body="Kim Jong Un spoke.\nHis sister Kim met envoys.")
    stale_quote = quote(article.text, "Kim", 1)
    article.body = "Kim Jong Un spoke.\nHis sister met envoys."
    article.save()
    before = snapshot()

    response = post(annotator, create_url(article), {**stale_quote, "entity": world["kim"].pk})

    assert response.status_code == 409
    assert response.json()["error"] == (
        "The words around “Kim” have changed since you opened the article: reload the page."
    )
    assert snapshot() == before


def test_linking_words_inside_a_confirmed_mention_is_refused(annotator, article, world):
    suggested_mention(article, world["kim"], "Kim Jong Un", status=MentionStatus.CONFIRMED)
    before = snapshot()

    response = post(
        annotator, create_url(article), {**quote(BODY, "Jong Un"), "entity": world["xi"].pk}
    )

    assert response.status_code == 400
    assert response.json()["error"] == "“Kim Jong Un” is already linked to Kim Jong Un."
    assert snapshot() == before


def test_a_failed_link_does_not_keep_the_new_entity_it_made(annotator, article, world):
    suggested_mention(article, world["kim"], "Kim Jong Un", status=MentionStatus.CONFIRMED)
    before = snapshot()

    response = post(
        annotator,
        create_url(article),
        {**quote(BODY, "Kim Jong Un"), "new_entity": {"name": "Kim Jong-un", "kind": "person"}},
    )

    assert response.status_code == 400
    assert snapshot() == before


def test_only_get_and_the_right_methods_are_answered(annotator, article):
    assert annotator.get(create_url(article)).status_code == 405
    assert (
        annotator.put(create_url(article), "{}", content_type="application/json").status_code == 405
    )


# --- Permissions of the endpoints ---------------------------------------------------------


def test_reporters_cannot_link_or_change_mentions(client, article, world):
    pending = suggested_mention(article, world["kim"], "Kim Jong Un")
    client.force_login(member_of("Reporters"))
    before = snapshot()

    created = post(
        client, create_url(article), {**quote(BODY, "Xi Jinping"), "entity": world["xi"].pk}
    )
    changed = post(client, mention_url(pending), {"status": "confirmed"})
    removed = client.delete(mention_url(pending))

    assert [created.status_code, changed.status_code, removed.status_code] == [403, 403, 403]
    assert created.json()["error"] == "You do not have permission to do this."
    assert snapshot() == before


def test_anonymous_requests_are_sent_to_log_in_and_write_nothing(client, article, world):
    before = snapshot()

    response = post(
        client, create_url(article), {**quote(BODY, "Xi Jinping"), "entity": world["xi"].pk}
    )

    assert response.status_code == 302
    assert snapshot() == before


def test_requests_without_the_csrf_token_are_refused(article, world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member_of("Annotators"))
    before = snapshot()

    response = post(
        client, create_url(article), {**quote(BODY, "Xi Jinping"), "entity": world["xi"].pk}
    )

    assert response.status_code == 403
    assert snapshot() == before


def test_making_an_entity_needs_permission_to_add_entities(client, article):
    user = UserFactory(username="mention-only")
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="articles",
            codename__in=["view_article", "add_mention", "change_mention", "view_mention"],
        )
    )
    client.force_login(user)
    before = snapshot()

    response = post(
        client,
        create_url(article),
        {**quote(BODY, "Beijing"), "new_entity": {"name": "Beijing", "kind": "place"}},
    )

    assert response.status_code == 403
    assert response.json()["error"] == "You do not have permission to add entities."
    assert snapshot() == before


# --- Accepting, rejecting, changing and removing ---------------------------------------


def test_accepting_and_rejecting_suggestions(annotator, article, world):
    kim = suggested_mention(article, world["kim"], "Kim Jong Un")
    xi = suggested_mention(article, world["xi"], "Xi Jinping")

    accepted = post(annotator, mention_url(kim), {"status": "confirmed"})
    rejected = post(annotator, mention_url(xi), {"status": "rejected"})

    assert accepted.status_code == rejected.status_code == 200
    kim.refresh_from_db()
    xi.refresh_from_db()
    assert (kim.status, xi.status) == (MentionStatus.CONFIRMED, MentionStatus.REJECTED)
    assert accepted.json()["message"] == "“Kim Jong Un” is Kim Jong Un."
    assert rejected.json()["message"] == "Rejected “Xi Jinping” as Xi Jinping."
    # A rejected suggestion is remembered: the gazetteer does not make it again.
    assert all((m.start, m.end) != (xi.start, xi.end) for m in suggest_mentions(article))


def test_changing_a_suggestions_entity_confirms_it_as_that_entity(annotator, article, world):
    wrong = suggested_mention(article, world["xi"], "Kim Jong Un")

    post(annotator, mention_url(wrong), {"entity": world["kim"].pk, "status": "confirmed"})

    wrong.refresh_from_db()
    assert (wrong.entity, wrong.status) == (world["kim"], MentionStatus.CONFIRMED)


def test_changing_the_role_of_a_mention(annotator, article, world):
    kim = suggested_mention(article, world["kim"], "Kim Jong Un", status=MentionStatus.CONFIRMED)

    post(annotator, mention_url(kim), {"role": "about"})

    kim.refresh_from_db()
    assert (kim.role, kim.status) == (MentionRole.ABOUT, MentionStatus.CONFIRMED)


def test_a_mention_needing_review_is_accepted_on_its_new_words_only_when_asked(
    annotator, article, world
):
    stale = suggested_mention(
        article, world["kim"], "Kim Jong Un", status=MentionStatus.NEEDS_REVIEW
    )
    Mention.objects.filter(pk=stale.pk).update(exact="Kim Jong Il")

    refused = post(annotator, mention_url(stale), {"status": "confirmed"})
    stale.refresh_from_db()
    assert refused.status_code == 400
    assert "The text at this place is 'Kim Jong Un', not 'Kim Jong Il'" in refused.json()["error"]
    assert stale.status == MentionStatus.NEEDS_REVIEW

    post(annotator, mention_url(stale), {"status": "confirmed", "requote": True})
    stale.refresh_from_db()
    assert (stale.status, stale.exact) == (MentionStatus.CONFIRMED, "Kim Jong Un")


def test_accepting_the_new_words_leaves_spaces_around_them_out(annotator, world):
    article = ArticleFactory(body="Kim Jong-un spoke.")
    stale = MentionFactory(
        article=article,
        entity=world["kim"],
        start=0,
        end=len("Kim Jong-un "),
        exact="Kim Jong Un",
        status=MentionStatus.NEEDS_REVIEW,
    )

    post(annotator, mention_url(stale), {"status": "confirmed", "requote": True})

    stale.refresh_from_db()
    assert (stale.status, stale.exact, stale.end) == (MentionStatus.CONFIRMED, "Kim Jong-un", 11)


@pytest.mark.parametrize(
    "body",
    ["Kim Jong Un spoke.\nThe leader, " + "at length " * 40 + "said.", "Kim spoke.\nXi spoke."],
)
def test_accepting_a_rewritten_passage_as_the_new_words_is_refused(annotator, world, body):
    article = ArticleFactory(body=body)
    stale = MentionFactory(
        article=article,
        entity=world["kim"],
        start=0,
        end=len(body) - 1,
        exact="Kim Jong Un",
        status=MentionStatus.NEEDS_REVIEW,
    )
    before = snapshot()

    response = post(annotator, mention_url(stale), {"status": "confirmed", "requote": True})

    assert response.status_code == 400
    assert "are no name to link: remove this mention" in response.json()["error"]
    assert snapshot() == before


def test_removing_a_manual_mention_deletes_it(annotator, article, world):
    manual = suggested_mention(article, world["kim"], "Kim Jong Un", status=MentionStatus.CONFIRMED)
    Mention.objects.filter(pk=manual.pk).update(source=MentionSource.MANUAL)

    response = annotator.delete(mention_url(manual))

    assert response.status_code == 200
    assert not Mention.objects.exists()
    assert response.json()["message"] == "Removed “Kim Jong Un” (Kim Jong Un)."


def test_removing_a_suggested_mention_keeps_it_rejected(annotator, article, world):
    made = suggested_mention(article, world["kim"], "Kim Jong Un", status=MentionStatus.CONFIRMED)

    annotator.delete(mention_url(made))

    made.refresh_from_db()
    assert made.status == MentionStatus.REJECTED
    again = suggest_mentions(article)
    assert again  # other names are still suggested...
    assert all((m.start, m.end) != (made.start, made.end) for m in again)  # ...but not this


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ("nonsense", "The request is not valid JSON."),
        ({}, "Send one or more of: entity, requote, role, status."),
        ({"colour": "red"}, "Send one or more of"),
        ({"status": "needs_review"}, "The status must be confirmed or rejected."),
        ({"status": "confirmed", "requote": "yes"}, "“requote” must be true or false."),
        ({"entity": 999999}, "There is no entity with id 999999"),
        ({"role": "villain"}, "The role must be one of"),
    ],
)
def test_bad_requests_to_change_a_mention_are_refused_and_write_nothing(
    annotator, article, world, payload, message
):
    pending = suggested_mention(article, world["kim"], "Kim Jong Un")
    before = snapshot()

    response = post(annotator, mention_url(pending), payload)

    assert response.status_code == 400
    assert message in response.json()["error"]
    assert snapshot() == before


def test_accepting_a_suggestion_overlapping_a_confirmed_mention_is_refused(
    annotator, article, world
):
    suggested_mention(article, world["kim"], "Kim Jong Un", status=MentionStatus.CONFIRMED)
    inner = suggested_mention(article, world["xi"], "Jong")
    before = snapshot()

    response = post(annotator, mention_url(inner), {"status": "confirmed"})

    assert response.status_code == 400
    assert "overlaps a confirmed mention of Kim Jong Un" in response.json()["error"]
    assert snapshot() == before


def test_a_mention_of_another_article_is_not_found(annotator, article, world):
    other = suggested_mention(ArticleFactory(body=BODY), world["kim"], "Kim Jong Un")
    url = reverse("admin:articles_article_annotate_mention", args=[article.pk, other.pk])
    before = snapshot()

    for response in (post(annotator, url, {"status": "confirmed"}), annotator.delete(url)):
        assert response.status_code == 404
        assert response.json()["error"] == (
            "This is no longer there (removed or merged): reload the page."
        )
    assert snapshot() == before


def test_removing_a_manual_mention_needs_permission_to_delete(client, article, world):
    manual = suggested_mention(article, world["kim"], "Kim Jong Un", status=MentionStatus.CONFIRMED)
    Mention.objects.filter(pk=manual.pk).update(source=MentionSource.MANUAL)
    user = UserFactory(username="no-delete")
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="articles",
            codename__in=["view_article", "change_mention", "view_mention"],
        )
    )
    client.force_login(user)

    response = client.delete(mention_url(manual))

    assert response.status_code == 403
    assert Mention.objects.filter(pk=manual.pk).exists()


# --- Finding entities ---------------------------------------------------------------------


def test_entities_are_found_by_name_or_alias_best_match_first(annotator, world):
    PersonFactory(name="Kimberly Ross")
    PersonFactory(name="Lee Kim-sun")

    names = [e["name"] for e in annotator.get(ENTITIES_URL, {"q": "kim"}).json()["results"]]

    assert names[0] == "Kim Jong Un"  # "Kim" is its alias
    assert set(names) == {"Kim Jong Un", "Kimberly Ross", "Lee Kim-sun"}
    assert annotator.get(ENTITIES_URL, {"q": "jinping xi"}).json()["results"][0]["name"] == (
        "Xi Jinping"
    )


@pytest.mark.parametrize(
    "query", ["", "   ", "no such name", "%", "'\"<script>", "x" * 1000, "\x00", "no\x00body"]
)
def test_odd_entity_searches_answer_an_empty_or_short_list(annotator, world, query):
    response = annotator.get(ENTITIES_URL, {"q": query})

    assert response.status_code == 200
    assert response.json()["results"] == []


def test_entity_search_needs_a_login(client, world):
    assert client.get(ENTITIES_URL, {"q": "kim"}).status_code == 302


# --- Accepting the suggestions that need no look -------------------------------------------


def accept_url(article):
    return reverse("admin:articles_article_annotate_accept_suggestions", args=[article.pk])


def test_accepting_suggestions_takes_only_those_whose_words_leave_no_choice(
    annotator, article, world
):
    PersonFactory(name="Kim Yo Jong", aliases=["Kim"], description="Sister of Kim Jong Un.")
    full = suggested_mention(article, world["kim"], "Kim Jong Un")
    shared = suggested_mention(article, world["kim"], "Kim", occurrence=2)
    beijing = suggested_mention(article, world["beijing"], "Beijing")
    xi = suggested_mention(article, world["xi"], "Xi Jinping", status=MentionStatus.REJECTED)

    response = post(annotator, accept_url(article), {})

    assert response.status_code == 200, response.content
    assert response.json()["message"] == "Accepted 2 suggestions. 1 is left to check one by one."
    confirmed = Mention.objects.filter(status=MentionStatus.CONFIRMED)
    assert set(confirmed.values_list("pk", flat=True)) == {full.pk, beijing.pk}
    xi.refresh_from_db()
    assert xi.status == MentionStatus.REJECTED
    shown = {m["id"]: (m["status"], bool(m["look"])) for m in response.json()["state"]["mentions"]}
    assert shown[shared.pk] == ("suggested", True)
    history = article_versions(article.pk).first().revision
    assert history.comment == "Accepted 2 suggestions. 1 is left to check one by one."


def test_with_nothing_sure_to_accept_nothing_changes_and_nothing_is_recorded(
    annotator, article, world
):
    PersonFactory(name="Kim Yo Jong", aliases=["Kim"])
    shared = suggested_mention(article, world["kim"], "Kim", occurrence=2)
    before = article_versions(article.pk).count()

    response = post(annotator, accept_url(article), {})

    assert response.status_code == 200
    assert response.json()["message"] == (
        "No suggestion was accepted. 1 is left to check one by one."
    )
    shared.refresh_from_db()
    assert shared.status == MentionStatus.SUGGESTED
    assert article_versions(article.pk).count() == before


def test_accepting_suggestions_needs_permission_and_a_post(client, article, world):
    suggested = suggested_mention(article, world["beijing"], "Beijing")
    client.force_login(member_of("Reporters"))

    assert post(client, accept_url(article), {}).status_code == 403

    client.force_login(member_of("Annotators"))
    assert client.get(accept_url(article)).status_code == 405
    missing = reverse("admin:articles_article_annotate_accept_suggestions", args=[10**9])
    assert post(client, missing, {}).status_code == 404
    suggested.refresh_from_db()
    assert suggested.status == MentionStatus.SUGGESTED


def test_a_suggestion_whose_alias_moved_to_another_entity_needs_a_look(annotator, article, world):
    """ "Kim" was Kim Jong Un's alias when suggested; given to his sister since, it is none
    of his names: the suggestion says so, and bulk accept leaves it."""
    suggestion = suggested_mention(article, world["kim"], "Kim", occurrence=2)
    world["kim"].aliases = []
    world["kim"].save()
    PersonFactory(name="Kim Yo Jong", aliases=["Kim"])

    state = annotator.get(state_url(article)).json()
    response = post(annotator, accept_url(article), {})

    [shown] = state["mentions"]
    assert shown["look"] == (
        "“Kim” is not one of Kim Jong Un's names or aliases: the story's context linked it."
    )
    assert (
        response.json()["message"] == "No suggestion was accepted. 1 is left to check one by one."
    )
    suggestion.refresh_from_db()
    assert suggestion.status == MentionStatus.SUGGESTED
