"""Merging tags in the admin (django-taggit's action and view, through our tag admin): only
for those who may change tags (Editors), refused with a 403 for everyone else, and all or
nothing."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.test import Client
from django.urls import reverse
from taggit.models import Tag, TaggedItem

from tests.factories import ArticleFactory, UserFactory, member_of

pytestmark = pytest.mark.django_db

MERGE_URL = "admin:taggit_tag_merge_tags"
CHANGELIST_URL = "admin:taggit_tag_changelist"


def client_of(user, selected=()):
    """A client logged in as `user`, with `selected` tags chosen for a merge, as taggit's
    action leaves them in the session."""
    client = Client(raise_request_exception=False)
    client.force_login(user)
    if selected:
        session = client.session
        session["selected_tag_ids"] = ",".join(str(tag.pk) for tag in selected)
        session.save()
    return client


def tags_of(article):
    return sorted(article.tags.names())


@pytest.fixture
def articles():
    """Two published articles: one tagged summit, one summit and china."""
    return ArticleFactory(tags=["summit"]), ArticleFactory(tags=["summit", "china"])


def tag(name):
    return Tag.objects.get(name=name)


@pytest.mark.parametrize("group", ["Reporters", "Annotators"])
def test_only_editors_are_offered_the_merge_action(articles, group):
    client = client_of(member_of(group))

    response = client.post(
        reverse(CHANGELIST_URL),
        {"action": "render_tag_form", ACTION_CHECKBOX_NAME: [tag("summit").pk], "index": "0"},
    )

    assert response.status_code in (200, 403)  # the list again, or no list at all
    assert "selected_tag_ids" not in client.session


@pytest.mark.parametrize("group", ["Reporters", "Annotators"])
def test_others_posting_the_merge_form_are_refused_and_nothing_changes(articles, group):
    client = client_of(member_of(group), selected=[tag("summit"), tag("china")])

    assert client.get(reverse(MERGE_URL)).status_code == 403
    response = client.post(reverse(MERGE_URL), {"new_tag_name": "summit"})

    assert response.status_code == 403
    assert [tags_of(article) for article in articles] == [["summit"], ["china", "summit"]]


def test_staff_in_no_group_may_not_even_see_the_merge_form():
    client = client_of(UserFactory(username="intern"))

    assert client.get(reverse(MERGE_URL)).status_code == 403


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_annotator_posting_the_form_with_nothing_selected_gets_a_403_and_no_new_tag():
    client = client_of(member_of("Annotators"))

    response = client.post(reverse(MERGE_URL), {"new_tag_name": "Shipping"})

    assert response.status_code == 403
    assert not Tag.objects.filter(name="Shipping").exists()


def test_editors_merge_tags_through_the_action_and_the_form(articles):
    client = client_of(member_of("Editors"))
    summit, china = tag("summit"), tag("china")

    response = client.post(
        reverse(CHANGELIST_URL),
        {"action": "render_tag_form", ACTION_CHECKBOX_NAME: [summit.pk, china.pk], "index": "0"},
    )
    assert response.status_code == 302
    assert response["Location"].endswith(reverse(MERGE_URL))
    assert client.get(reverse(MERGE_URL)).status_code == 200
    response = client.post(reverse(MERGE_URL), {"new_tag_name": "Asia"}, follow=True)

    assert response.status_code == 200
    assert [tags_of(article) for article in articles] == [["Asia"], ["Asia"]]
    assert "selected_tag_ids" not in client.session


def test_merging_into_one_of_the_selected_tags_keeps_it_on_every_article(articles):
    """taggit's own merge deleted every tagging of the tag merged into, when it was one of
    the tags selected: articles lost their tags."""
    client = client_of(member_of("Editors"), selected=[tag("summit"), tag("china")])

    client.post(reverse(MERGE_URL), {"new_tag_name": "summit"})

    assert [tags_of(article) for article in articles] == [["summit"], ["summit"]]


def test_merging_into_a_name_differing_only_in_case_uses_the_tag_there_is(articles):
    """Tags are case-insensitive here (TAGGIT_CASE_INSENSITIVE), as in the article form."""
    client = client_of(member_of("Editors"), selected=[tag("china")])

    client.post(reverse(MERGE_URL), {"new_tag_name": "Summit"})

    assert sorted(Tag.objects.values_list("name", flat=True)) == ["china", "summit"]
    assert [tags_of(article) for article in articles] == [["summit"], ["summit"]]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_merge_that_cannot_be_done_writes_nothing():
    """A tag selected for the merge was deleted meanwhile: taggit's merge answered 500 after
    committing the new tag; ours says so, and nothing is written."""
    article = ArticleFactory(tags=["summit", "china"])
    gone = Tag.objects.create(name="gone")
    selected = [tag("summit"), tag("china"), gone]
    gone.delete()
    client = client_of(member_of("Editors"), selected=selected)

    response = client.post(reverse(MERGE_URL), {"new_tag_name": "Shipping"}, follow=True)

    assert response.status_code == 200
    assert "Nothing was merged." in response.content.decode()
    assert not Tag.objects.filter(name="Shipping").exists()
    assert tags_of(article) == ["china", "summit"]
    assert TaggedItem.objects.count() == 2


def test_a_merge_with_no_tags_selected_says_so(articles):
    client = client_of(member_of("Editors"))

    response = client.post(reverse(MERGE_URL), {"new_tag_name": "Shipping"}, follow=True)

    assert response.status_code == 200
    assert "Nothing was merged." in response.content.decode()
    assert not Tag.objects.filter(name="Shipping").exists()
