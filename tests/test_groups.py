import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from articles.models import Article
from tests.factories import (
    ArticleFactory,
    CorrectionFactory,
    MentionFactory,
    PersonFactory,
    UserFactory,
    member_of,
)

pytestmark = pytest.mark.django_db

ENTITIES = ["entity", "person", "organization", "place"]


def perms(actions, models, app="articles"):
    return {f"{app}.{action}_{model}" for model in models for action in actions}


ALL = ["add", "change", "delete", "view"]

EXPECTED = {
    "Editors": perms(ALL, ["article", "byline", "correction", "section", *ENTITIES, "mention"])
    | perms(["add", "change", "view"], ["tag"], app="taggit")
    | perms(ALL, ["image"], app="images")
    | {"articles.publish_article"},
    "Reporters": perms(["add", "change", "view"], ["article", "byline"])
    | perms(["view"], ["section", *ENTITIES, "mention", "correction"])
    | perms(["add", "view"], ["tag"], app="taggit")
    | perms(["add", "change", "view"], ["image"], app="images"),
    "Annotators": perms(["view"], ["article", "section", "byline", "correction"])
    | perms(ALL, ["mention"])
    | perms(["add", "change", "view"], ENTITIES)
    | perms(["view"], ["image"], app="images"),
}


@pytest.fixture
def login(client):
    def log_in(group_name):
        client.force_login(member_of(group_name))
        return client

    return log_in


@pytest.mark.parametrize("group_name", EXPECTED)
def test_the_migration_gives_each_group_exactly_its_permissions(group_name):
    group = Group.objects.get(name=group_name)
    granted = {
        f"{permission.content_type.app_label}.{permission.codename}"
        for permission in group.permissions.select_related("content_type")
    }
    assert granted == EXPECTED[group_name]


def test_proxy_permissions_belong_to_the_proxy_models():
    group = Group.objects.get(name="Annotators")
    permission = group.permissions.get(codename="add_person")
    assert permission.content_type.model == "person"


@pytest.mark.parametrize(
    "group_name,allowed,refused",
    [
        (
            "Editors",
            ["articles.delete_article", "articles.delete_person", "taggit.change_tag"],
            ["taggit.delete_tag", "auth.add_user", "auth.change_group"],
        ),
        (
            "Reporters",
            ["articles.add_article", "articles.change_byline", "taggit.add_tag"],
            [
                "articles.delete_article",
                "articles.add_mention",
                "articles.add_person",
                "articles.change_section",
                "articles.add_correction",
            ],
        ),
        (
            "Annotators",
            ["articles.delete_mention", "articles.add_person", "articles.view_article"],
            [
                "articles.change_article",
                "articles.delete_entity",
                "articles.add_byline",
                "taggit.view_tag",
            ],
        ),
    ],
)
def test_members_have_their_groups_permissions(group_name, allowed, refused):
    user = member_of(group_name)
    for permission in allowed:
        assert user.has_perm(permission), permission
    for permission in refused:
        assert not user.has_perm(permission), permission


def admin_url(model_name, view="changelist", *args):
    return reverse(f"admin:articles_{model_name}_{view}", args=args)


@pytest.mark.parametrize(
    "model_name", ["article", "section", "entity", "person", "place", "mention", "correction"]
)
@pytest.mark.parametrize("group_name", EXPECTED)
def test_every_group_sees_the_newsroom_lists(login, group_name, model_name):
    client = login(group_name)
    assert client.get(admin_url(model_name)).status_code == 200


def test_editors_can_add_and_delete_everything(login):
    client = login("Editors")
    article = ArticleFactory()
    for model_name in ["article", "section", "person", "mention", "correction"]:
        assert client.get(admin_url(model_name, "add")).status_code == 200, model_name
    assert client.get(admin_url("article", "delete", article.pk)).status_code == 200
    assert client.get(reverse("admin:taggit_tag_changelist")).status_code == 200


def test_reporters_write_articles_but_do_not_annotate_or_delete(login):
    client = login("Reporters")
    article = ArticleFactory()
    assert client.get(admin_url("article", "add")).status_code == 200
    assert client.get(admin_url("article", "change", article.pk)).status_code == 200
    assert client.get(admin_url("mention", "add")).status_code == 403
    assert client.get(admin_url("person", "add")).status_code == 403
    assert client.get(admin_url("article", "delete", article.pk)).status_code == 403
    response = client.post(admin_url("article", "delete", article.pk), {"post": "yes"})
    assert response.status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()


def test_reporters_can_pick_bylines_from_people(login):
    client = login("Reporters")
    person = PersonFactory(name="Kim Jong Un")
    response = client.get(
        "/admin/autocomplete/",
        {"app_label": "articles", "model_name": "byline", "field_name": "person", "term": "Kim"},
    )
    assert response.status_code == 200
    assert [result["id"] for result in response.json()["results"]] == [str(person.pk)]


def test_annotators_annotate_but_cannot_change_articles(login):
    client = login("Annotators")
    article = ArticleFactory(headline="Kim arrives")
    mention = MentionFactory(article=article)
    CorrectionFactory(article=article)

    assert client.get(admin_url("mention", "add")).status_code == 200
    assert client.get(admin_url("mention", "change", mention.pk)).status_code == 200
    assert client.get(admin_url("mention", "delete", mention.pk)).status_code == 200
    assert client.get(admin_url("person", "add")).status_code == 200

    # Annotators may read an article but not save it.
    assert client.get(admin_url("article", "change", article.pk)).status_code == 200
    response = client.post(admin_url("article", "change", article.pk), {"headline": "Changed"})
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.headline == "Kim arrives"
    assert client.get(admin_url("article", "add")).status_code == 403
    assert client.get(admin_url("correction", "add")).status_code == 403
    assert client.get(admin_url("person", "delete", mention.entity.pk)).status_code == 403


def test_staff_outside_the_groups_see_nothing(client):
    client.force_login(UserFactory(username="intern"))
    assert client.get(admin_url("article")).status_code == 403
