"""Merging duplicate entities: one survivor takes over mentions, bylines, names and URLs."""

import re

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils.html import escape

from articles.merging import MergeError, describe_merge, merge_entities
from articles.models import Byline, Entity, EntityRedirect, Mention, MentionStatus, Person
from tests.factories import (
    ArticleFactory,
    BylineFactory,
    MentionFactory,
    PersonFactory,
    PlaceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

BODY = "Kim Jong Un arrived in Beijing.\nHe met Xi Jinping."


@pytest.fixture
def kim():
    return PersonFactory(name="Kim Jong Un", slug="kim-jong-un", aliases=["Kim"])


@pytest.fixture
def kim_dup():
    return PersonFactory(
        name="Kim Jong-un", slug="kim-jong-un-2", aliases=["Kim", "Chairman Kim"], wikidata="Q56226"
    )


def test_merge_moves_mentions_and_deletes_the_duplicate(kim, kim_dup):
    article = ArticleFactory(body=BODY)
    mention = MentionFactory(article=article, entity=kim_dup)
    suggested = MentionFactory(
        article=ArticleFactory(body=BODY), entity=kim_dup, status=MentionStatus.SUGGESTED
    )

    result = merge_entities(kim, [kim_dup])

    assert result.mentions_moved == 2
    assert not Entity.objects.filter(pk=kim_dup.pk).exists()
    assert set(Mention.objects.filter(entity=kim).values_list("pk", flat=True)) == {
        mention.pk,
        suggested.pk,
    }
    assert Mention.objects.get(pk=suggested.pk).status == MentionStatus.SUGGESTED


def test_merge_adds_names_and_aliases_once(kim, kim_dup):
    merge_entities(kim, [kim_dup])

    kim.refresh_from_db()
    assert kim.name == "Kim Jong Un"
    assert kim.aliases == ["Kim", "Kim Jong-un", "Chairman Kim"]


def test_merge_does_not_make_the_survivors_own_name_an_alias(kim):
    other = PersonFactory(name="Kim Jong Il", aliases=["Kim Jong Un"])

    merge_entities(kim, [other])

    kim.refresh_from_db()
    assert "Kim Jong Un" not in kim.aliases
    assert kim.aliases == ["Kim", "Kim Jong Il"]


def test_merge_takes_a_duplicates_wikidata_only_when_the_survivor_has_none(kim, kim_dup):
    merge_entities(kim, [kim_dup])
    kim.refresh_from_db()
    assert kim.wikidata == "Q56226"

    xi = PersonFactory(name="Xi Jinping", wikidata="Q15031")
    merge_entities(xi, [PersonFactory(name="Xi Jin-ping", wikidata="Q99")])
    xi.refresh_from_db()
    assert xi.wikidata == "Q15031"


def test_merge_moves_bylines_keeping_positions_and_drops_duplicates(kim, kim_dup):
    shared = ArticleFactory()
    BylineFactory(article=shared, person=kim, position=1)
    BylineFactory(article=shared, person=kim_dup, position=0)
    own = ArticleFactory()
    BylineFactory(article=own, person=PersonFactory(), position=0)
    moved = BylineFactory(article=own, person=kim_dup, position=1)

    result = merge_entities(kim, [kim_dup])

    assert (result.bylines_moved, result.bylines_dropped) == (1, 1)
    assert list(shared.bylines.values_list("person_id", "position")) == [(kim.pk, 1)]
    moved.refresh_from_db()
    assert (moved.person_id, moved.position) == (kim.pk, 1)
    assert Byline.objects.filter(person=kim).count() == 2


def test_two_duplicates_signing_one_article_leave_one_byline(kim, kim_dup):
    third = PersonFactory(name="Kim J. U.")
    article = ArticleFactory()
    BylineFactory(article=article, person=kim_dup, position=0)
    BylineFactory(article=article, person=third, position=1)

    merge_entities(kim, [kim_dup, third])

    assert list(article.bylines.values_list("person_id", flat=True)) == [kim.pk]


def test_the_old_url_redirects_permanently_to_the_survivor(client, kim, kim_dup):
    MentionFactory(article=ArticleFactory(body=BODY), entity=kim)  # Public: readers see him.
    old_url = kim_dup.get_absolute_url()

    merge_entities(kim, [kim_dup])

    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == kim.get_absolute_url()
    assert client.get(reverse("articles:place", args=["kim-jong-un-2"])).status_code == 404
    assert client.get(reverse("articles:person", args=["nobody"])).status_code == 404


def test_redirects_to_a_merged_entity_follow_it_to_the_next_survivor(client, kim, kim_dup):
    MentionFactory(article=ArticleFactory(body=BODY), entity=kim)  # Public: readers see him.
    older = PersonFactory(name="Kim Jong-Un", slug="kim-old")
    merge_entities(kim_dup, [older])
    merge_entities(kim, [kim_dup])

    assert EntityRedirect.objects.filter(entity=kim).count() == 2
    response = client.get(reverse("articles:person", args=["kim-old"]))
    assert response.status_code == 301
    assert response["Location"] == kim.get_absolute_url()


def test_merging_entities_of_different_kinds_is_refused_and_changes_nothing(kim):
    beijing = PlaceFactory(name="Beijing", aliases=["Peking"])
    MentionFactory(article=ArticleFactory(body=BODY), entity=beijing)

    with pytest.raises(MergeError, match="one kind"):
        merge_entities(kim, [beijing])

    beijing.refresh_from_db()
    kim.refresh_from_db()
    assert beijing.mentions.count() == 1
    assert kim.aliases == ["Kim"]
    assert not EntityRedirect.objects.exists()


def test_merge_needs_delete_permission_when_a_user_is_given(kim, kim_dup):
    from django.core.exceptions import PermissionDenied

    annotator = UserFactory(username="annotator")
    annotator.groups.add(Group.objects.get(name="Annotators"))

    with pytest.raises(PermissionDenied):
        merge_entities(kim, [kim_dup], user=annotator)
    assert Entity.objects.filter(pk=kim_dup.pk).exists()


# --- The admin action -------------------------------------------------------------------


def changelist(model_name="entity"):
    return reverse(f"admin:articles_{model_name}_changelist")


def action_data(entities, **extra):
    return {"action": "merge_entities", "_selected_action": [e.pk for e in entities], **extra}


@pytest.fixture
def editor(client):
    user = UserFactory(username="editor")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


@pytest.mark.parametrize("model_name", ["entity", "person"])
def test_the_admin_asks_for_the_survivor_then_merges(editor, kim, kim_dup, model_name):
    MentionFactory(article=ArticleFactory(body=BODY), entity=kim_dup)

    response = editor.post(changelist(model_name), action_data([kim, kim_dup]))

    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "admin/articles/merge_entities.html"
    html = response.content.decode()
    assert "Kim Jong Un" in html and "Kim Jong-un" in html
    assert f'name="survivor" value="{kim.pk}"' in html
    assert f'name="survivor" value="{kim_dup.pk}"' in html
    assert Entity.objects.filter(pk=kim_dup.pk).exists()

    response = editor.post(
        changelist(model_name), action_data([kim, kim_dup], post="yes", survivor=kim.pk)
    )

    assert response.status_code == 302
    assert not Entity.objects.filter(pk=kim_dup.pk).exists()
    assert Person.objects.get(pk=kim.pk).mentions.count() == 1
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("Merged Kim Jong-un into Kim Jong Un" in m for m in messages)


def test_the_confirmation_page_counts_what_moves(editor, kim, kim_dup):
    for _ in range(3):
        MentionFactory(article=ArticleFactory(body=BODY), entity=kim_dup)
    BylineFactory(person=kim_dup)

    response = editor.post(changelist(), action_data([kim, kim_dup]))

    counts = {e.pk: (e.n_mentions, e.n_bylines) for e in response.context["entities"]}
    assert counts == {kim.pk: (0, 0), kim_dup.pk: (3, 1)}


def test_the_admin_refuses_to_merge_different_kinds(editor, kim):
    beijing = PlaceFactory(name="Beijing")

    response = editor.post(changelist(), action_data([kim, beijing]))
    assert "Only entities of one kind can be merged" in response.content.decode()

    response = editor.post(changelist(), action_data([kim, beijing], post="yes", survivor=kim.pk))
    assert Entity.objects.filter(pk=beijing.pk).exists()
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("one kind" in m for m in messages)


def test_users_without_delete_permission_cannot_merge(client, kim, kim_dup):
    annotator = UserFactory(username="annotator")
    annotator.groups.add(Group.objects.get(name="Annotators"))
    client.force_login(annotator)

    page = client.get(changelist("person"))
    assert page.status_code == 200
    assert "merge_entities" not in page.content.decode()

    client.post(changelist("person"), action_data([kim, kim_dup], post="yes", survivor=kim.pk))

    assert Entity.objects.filter(pk=kim_dup.pk).exists()
    assert not EntityRedirect.objects.exists()


# --- Choosing the survivor ----------------------------------------------------------------


@pytest.fixture
def santos_twins():
    """The same person entered twice: the older entity with one mention, the newer one with
    three. The newer one sorts first by name."""
    older = PersonFactory(
        name="Maria Santos",
        aliases=["Santos"],
        description="Portuguese marine biologist at the University of the Azores.",
    )
    newer = PersonFactory(
        name="Maria Santos (biologist)",
        aliases=["Dr Santos", "Santos"],
        description="Marine biologist.",
        wikidata="Q4242",
    )
    MentionFactory(article=ArticleFactory(body=BODY), entity=older)
    for _ in range(3):
        MentionFactory(article=ArticleFactory(body=BODY), entity=newer)
    return older, newer


def checked_survivor(html):
    return re.findall(r'name="survivor" value="(\d+)"[^>]* checked', html)


def test_the_entity_with_the_most_mentions_is_offered_as_the_survivor(editor, santos_twins):
    older, newer = santos_twins

    html = editor.post(changelist(), action_data([older, newer])).content.decode()

    assert checked_survivor(html) == [str(newer.pk)]


def test_between_as_many_mentions_the_oldest_entity_is_offered(editor, kim, kim_dup):
    html = editor.post(changelist(), action_data([kim_dup, kim])).content.decode()

    assert checked_survivor(html) == [str(kim.pk)]


def test_the_merge_screen_shows_descriptions_wikidata_and_says_what_happens(editor, santos_twins):
    older, newer = santos_twins

    response = editor.post(changelist(), action_data([older, newer]))
    html = response.content.decode()

    assert "Portuguese marine biologist at the University of the Azores." in html
    assert '<a href="https://www.wikidata.org/wiki/Q4242">Q4242</a>' in html
    # The sentence for the survivor offered is shown; the other choice's waits, hidden.
    shown = (
        "Maria Santos (biologist) (Marine biologist.), with 3 mentions, stays and keeps its "
        "name, description and Wikidata id Q4242. Maria Santos (Portuguese marine biologist "
        "at the University of the Azores.)’s 1 mention moves to it, “Maria Santos” becomes "
        "one of its aliases, Maria Santos’s page redirects to its page, and Maria Santos is "
        "deleted."
    )
    assert f'data-survivor="{newer.pk}">{escape(shown)}</p>' in html
    assert f'data-survivor="{older.pk}" hidden>' in html


def test_the_sentence_says_what_the_merge_then_does(santos_twins):
    older, newer = santos_twins
    BylineFactory(person=newer)
    said = describe_merge(older, [older, newer], {older.pk: (1, 0), newer.pk: (3, 1)})

    assert said == (
        "Maria Santos (Portuguese marine biologist at the University of the Azores.), with 1 "
        "mention, stays and keeps its name and description; it has no Wikidata id and takes "
        "Q4242 from Maria Santos (biologist). Maria Santos (biologist) (Marine biologist.)’s "
        "3 mentions and 1 byline move to it, “Maria Santos (biologist)”, “Dr Santos” become "
        "its aliases, Maria Santos (biologist)’s page redirects to its page, and Maria Santos "
        "(biologist) is deleted. Where both sign an article, Maria Santos (biologist)’s byline "
        "is dropped."
    )
    result = merge_entities(older, [newer])
    older.refresh_from_db()
    assert result.aliases_added == ["Maria Santos (biologist)", "Dr Santos"]
    assert (result.mentions_moved, result.bylines_moved) == (3, 1)
    assert older.wikidata == "Q4242"
    assert not Entity.objects.filter(pk=newer.pk).exists()
