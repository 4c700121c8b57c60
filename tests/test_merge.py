"""Merging duplicate entities: one survivor takes over mentions, bylines, names and URLs."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.urls import reverse

from articles.merging import MergeError, merge_entities
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
