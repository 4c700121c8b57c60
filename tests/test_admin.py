import json

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from taggit.models import Tag

from articles.admin import body_with_mentions_html
from articles.models import Article, Entity, EntityKind, Mention, MentionStatus
from tests.admin_forms import article_change_data, article_form_data, inline_management
from tests.factories import (
    ArticleFactory,
    BylineFactory,
    CorrectionFactory,
    DraftFactory,
    EntityFactory,
    MentionFactory,
    OrganizationFactory,
    PersonFactory,
    PlaceFactory,
    SectionFactory,
    UserFactory,
    mention_of,
)
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db


def entity_form_data(**fields):
    data = {
        "name": "Kim Jong Un",
        "slug": "kim-jong-un",
        "kind": EntityKind.PERSON,
        "aliases": "",
        "description": "",
        "wikidata": "",
    }
    data.update(fields)
    return data


ADMIN_MODELS = [
    "section",
    "entity",
    "person",
    "organization",
    "place",
    "article",
    "mention",
    "correction",
]


@pytest.fixture
def one_of_everything():
    article = ArticleFactory(tags=["politics"])
    BylineFactory(article=article)
    mention = MentionFactory(article=article)
    correction = CorrectionFactory(article=article)
    return {
        "section": article.section,
        "entity": mention.entity,
        "person": mention.entity,
        "organization": OrganizationFactory(aliases=["UN"], wikidata="Q1065"),
        "place": PlaceFactory(),
        "article": article,
        "mention": mention,
        "correction": correction,
    }


@pytest.mark.parametrize("model_name", ADMIN_MODELS)
def test_every_admin_page_loads_for_a_superuser(superuser_client, one_of_everything, model_name):
    obj = one_of_everything[model_name]
    urls = [
        reverse(f"admin:articles_{model_name}_changelist"),
        reverse(f"admin:articles_{model_name}_add"),
        reverse(f"admin:articles_{model_name}_change", args=[obj.pk]),
    ]
    for url in urls:
        assert superuser_client.get(url).status_code == 200, url


def test_the_admin_index_names_people_organizations_and_places(superuser_client):
    page = superuser_client.get(reverse("admin:index")).content.decode()
    for name in ["People", "Organizations", "Places", "Entities", "Articles", "Mentions"]:
        assert f">{name}<" in page


def test_changelists_search_and_filter(superuser_client, one_of_everything):
    article = one_of_everything["article"]
    url = reverse("admin:articles_article_changelist")
    assert article.headline in superuser_client.get(url, {"q": "Headline"}).content.decode()
    assert superuser_client.get(url, {"status__exact": "draft"}).context["cl"].result_count == 0
    assert superuser_client.get(url, {"tags__id__exact": article.tags.get().pk}).status_code == 200
    response = superuser_client.get(
        reverse("admin:articles_mention_changelist"), {"entity__kind": "person"}
    )
    assert response.context["cl"].result_count == 1


def make_articles_with_bylines(count):
    for _ in range(count):
        article = ArticleFactory(tags=["politics", "asia"])
        BylineFactory(article=article)
        BylineFactory(article=article)
        MentionFactory(article=article)


def changelist_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("admin:articles_article_changelist"))
    assert response.status_code == 200
    return len(queries), response


def test_the_article_changelist_runs_a_fixed_number_of_queries(superuser_client):
    make_articles_with_bylines(1)
    one, _ = changelist_queries(superuser_client)
    make_articles_with_bylines(9)
    ten, response = changelist_queries(superuser_client)
    assert response.context["cl"].result_count == 10
    assert ten == one


def test_the_article_form_runs_a_fixed_number_of_queries(superuser_client):
    def form_queries(article):
        url = reverse("admin:articles_article_change", args=[article.pk])
        return count_queries(superuser_client, url)

    small, large = ArticleFactory(), ArticleFactory()
    BylineFactory(article=small)
    CorrectionFactory(article=small)
    for position in range(5):
        BylineFactory(article=large, position=position)
        CorrectionFactory(article=large)

    # Django's autocomplete widget looks up each byline's person on its own, as it does
    # for any autocomplete field; nothing else grows with the rows.
    assert form_queries(large) == form_queries(small) + 4


def test_the_article_changelist_shows_bylines_and_mention_counts(superuser_client):
    article = ArticleFactory()
    BylineFactory(article=article, person=PersonFactory(name="Ann Writer"), position=1)
    BylineFactory(article=article, person=PersonFactory(name="Bo Reporter"), position=0)
    MentionFactory(article=article)
    MentionFactory(article=article, start=23, end=30, status=MentionStatus.SUGGESTED)
    page = superuser_client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert "Bo Reporter, Ann Writer" in page
    assert '<td class="field-confirmed_mentions">1</td>' in page
    assert '<td class="field-mentions_to_check">1</td>' in page


def test_the_body_with_mentions_sanitises_html_and_marks_each_mention(superuser_client):
    article = ArticleFactory(
        body='<p>Kim Jong Un met <b>Xi</b> &amp; Putin.<script>alert("x")</script></p>'
        "<h2>Later</h2><p>Kim left.</p>"
    )
    assert article.text == "Kim Jong Un met Xi & Putin.\nLater\nKim left."
    kim = PersonFactory(name="Kim Jong Un")
    mention_of(article, kim)
    mention_of(
        article, PersonFactory(name="Vladimir Putin"), "Putin", status=MentionStatus.SUGGESTED
    )
    mention_of(article, kim, "Kim", occurrence=1, status=MentionStatus.NEEDS_REVIEW)
    mention_of(article, PersonFactory(name="Rejected"), "Xi", status=MentionStatus.REJECTED)

    page = superuser_client.get(
        reverse("admin:articles_article_change", args=[article.pk])
    ).content.decode()

    # The script is gone, the bold kept (as <strong>) and the ampersand escaped.
    assert 'alert("x")' not in page
    assert "<strong>Xi</strong> &amp; " in page
    assert "<b>Xi</b>" not in page
    assert (
        '<mark class="mention-confirmed" title="Kim Jong Un (confirmed)">Kim Jong Un</mark>' in page
    )
    assert (
        '<mark class="mention-suggested" title="Vladimir Putin (suggested, not yet confirmed)">'
        "Putin</mark>" in page
    )
    assert (
        '<mark class="mention-needs-review" title="Kim Jong Un (needs review after an edit)">'
        in page
    )
    assert "<h2>Later</h2>" in page
    assert 'title="Rejected' not in page
    # A key explains the marks in words, not by colour alone.
    assert '<mark class="mention-suggested">suggested, not yet confirmed</mark>' in page
    assert "articles/admin.css" in page


def test_the_body_with_mentions_lists_mentions_it_cannot_place():
    article = ArticleFactory(body="Kim met Xi.")
    kim = PersonFactory(name="Kim Jong Un")
    confirmed = MentionFactory(article=article, entity=kim, start=0, end=3)
    overlapping = MentionFactory(
        article=article, entity=kim, start=0, end=7, status=MentionStatus.SUGGESTED
    )
    stale = Mention(article=article, entity=kim, start=8, end=10, exact="Jinping")
    changed = Mention(
        article=article, entity=kim, start=8, end=10, exact="Jinping", status="needs_review"
    )
    gone = Mention(
        article=article,
        entity=kim,
        start=4,
        end=4,
        exact="Choe",
        status="needs_review",
        review_reason="sentence_deleted",
    )

    html = body_with_mentions_html(article, [overlapping, confirmed, stale, changed, gone])

    assert '<mark class="mention-confirmed" title="Kim Jong Un (confirmed)">Kim</mark>' in html
    assert (
        "“Kim met” → Kim Jong Un (suggested, not yet confirmed): It overlaps another mention."
        in html
    )
    assert "“Jinping” → Kim Jong Un (confirmed): Its text has changed." in html
    # As the annotation screen shows them: one needing review on the words now at its
    # place, saying what they were; one whose words went listed, saying how.
    assert (
        '<mark class="mention-needs-review" title="Kim Jong Un (needs review after an edit): '
        'An edit changed “Jinping” to “Xi”.">Xi</mark>'
    ) in html
    assert (
        "“Choe” → Kim Jong Un (needs review after an edit): The sentence with this name was "
        "deleted." in html
    )


def test_saving_an_article_records_who_created_and_updated_it(client, superuser):
    client.force_login(superuser)
    section = SectionFactory()
    person = PersonFactory()
    data = article_form_data(
        section,
        tags="politics, asia",
        **inline_management("bylines", total=1),
        **{"bylines-0-person": str(person.pk), "bylines-0-position": "0"},
    )
    response = client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 302, response.context["errors"]
    article = Article.objects.get(slug="kim-arrives-in-beijing")
    assert article.created_by == superuser
    assert article.updated_by == superuser
    assert [byline.person for byline in article.bylines.all()] == [person]
    assert set(article.tags.names()) == {"politics", "asia"}

    editor = UserFactory(username="editor", is_superuser=True)
    client.force_login(editor)
    data = article_form_data(
        section,
        headline="Kim leaves Beijing",
        loaded_version=str(article.version),
        **inline_management("bylines", total=1, initial=1),
        **{
            "bylines-0-id": str(article.bylines.get().pk),
            "bylines-0-article": str(article.pk),
            "bylines-0-person": str(person.pk),
            "bylines-0-position": "0",
        },
    )
    response = client.post(reverse("admin:articles_article_change", args=[article.pk]), data)
    assert response.status_code == 302, response.context["errors"]
    article.refresh_from_db()
    assert article.headline == "Kim leaves Beijing"
    assert article.created_by == superuser
    assert article.updated_by == editor


def test_a_change_form_without_the_version_it_was_opened_at_is_refused(superuser_client):
    article = ArticleFactory(headline="Kim arrives in Beijing")
    data = article_change_data(article, headline="Kim leaves Beijing")
    del data["loaded_version"]

    response = superuser_client.post(
        reverse("admin:articles_article_change", args=[article.pk]), data
    )

    assert "This form lacks the version it was opened at: reload the page." in (
        response.content.decode()
    )
    article.refresh_from_db()
    assert article.headline == "Kim arrives in Beijing"


def test_a_byline_must_name_a_person(superuser_client):
    place = PlaceFactory()
    data = article_form_data(
        SectionFactory(),
        **inline_management("bylines", total=1),
        **{"bylines-0-person": str(place.pk), "bylines-0-position": "0"},
    )
    response = superuser_client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 200
    assert not Article.objects.exists()


def test_view_on_site_is_offered_once_the_article_is_live(superuser_client):
    live = ArticleFactory()
    draft = DraftFactory()
    page = superuser_client.get(reverse("admin:articles_article_change", args=[live.pk]))
    assert f'href="{live.get_absolute_url()}"' in page.content.decode()
    page = superuser_client.get(reverse("admin:articles_article_change", args=[draft.pk]))
    assert "View on site" not in page.content.decode()


def test_the_alias_textarea_round_trips(superuser_client):
    response = superuser_client.post(
        reverse("admin:articles_entity_add"),
        entity_form_data(aliases="Kim\r\n  Kim Jong-un \r\n\r\nKim’s\r\nKim\r\n"),
    )
    assert response.status_code == 302
    entity = Entity.objects.get()
    assert entity.aliases == ["Kim", "Kim Jong-un", "Kim’s"]

    page = superuser_client.get(reverse("admin:articles_entity_change", args=[entity.pk]))
    assert "Kim\nKim Jong-un\nKim’s</textarea>" in page.content.decode()

    response = superuser_client.post(
        reverse("admin:articles_entity_change", args=[entity.pk]),
        entity_form_data(aliases=""),
    )
    assert response.status_code == 302
    entity.refresh_from_db()
    assert entity.aliases == []


def test_a_bad_wikidata_id_is_refused_and_nothing_is_saved(superuser_client):
    response = superuser_client.post(
        reverse("admin:articles_entity_add"), entity_form_data(wikidata="42")
    )
    assert response.status_code == 200
    assert "Enter a Wikidata item id" in response.content.decode()
    assert not Entity.objects.exists()


def test_the_entity_changelist_links_to_wikidata(superuser_client):
    EntityFactory(wikidata="Q42")
    page = superuser_client.get(reverse("admin:articles_entity_changelist")).content.decode()
    assert '<a href="https://www.wikidata.org/wiki/Q42">Q42</a>' in page


@pytest.mark.parametrize(
    "term", ["Kim Jong-un", "jong-UN", "Kim’s", "Jong Un", '"Kim Jong-un"', "Lil"]
)
def test_entity_search_finds_names_and_aliases(superuser_client, term):
    kim = PersonFactory(name="Kim Jong Un", aliases=["Kim Jong-un", "Kim’s", "Lil Rocket"])
    PersonFactory(name="Kim Yo Jong", aliases=["Kim Yo-jong"])
    response = superuser_client.get(reverse("admin:articles_entity_changelist"), {"q": term})
    assert list(response.context["cl"].result_list) == [kim]


def test_entity_search_matches_every_word(superuser_client):
    PersonFactory(name="Kim Jong Un", aliases=["Rocket"])
    response = superuser_client.get(reverse("admin:articles_entity_changelist"), {"q": "Kim Putin"})
    assert response.context["cl"].result_count == 0


def test_the_entity_changelist_sorts_by_confirmed_mentions(superuser_client):
    busy = PersonFactory(name="Busy")
    quiet = PersonFactory(name="Quiet")
    MentionFactory(entity=busy)
    MentionFactory(entity=busy)
    MentionFactory(entity=quiet, status=MentionStatus.SUGGESTED)
    changelist = reverse("admin:articles_entity_changelist")
    column = response_column(superuser_client.get(changelist), "mention_count")
    results = superuser_client.get(changelist, {"o": f"-{column}"}).context["cl"].result_list
    assert [(entity, entity.mention_count) for entity in results] == [(busy, 2), (quiet, 0)]


def response_column(response, name):
    return response.context["cl"].list_display.index(name)


@pytest.mark.parametrize(
    "model_name,factory,kind",
    [
        ("person", PersonFactory, EntityKind.PERSON),
        ("organization", OrganizationFactory, EntityKind.ORGANIZATION),
        ("place", PlaceFactory, EntityKind.PLACE),
    ],
)
def test_proxy_admins_list_and_add_only_their_kind(superuser_client, model_name, factory, kind):
    mine = factory()
    for other in [PersonFactory, OrganizationFactory, PlaceFactory]:
        if other is not factory:
            other()
    response = superuser_client.get(reverse(f"admin:articles_{model_name}_changelist"))
    assert [entity.pk for entity in response.context["cl"].result_list] == [mine.pk]

    data = entity_form_data(name="New one", slug="new-one", kind="place")
    response = superuser_client.post(reverse(f"admin:articles_{model_name}_add"), data)
    assert response.status_code == 302
    assert Entity.objects.get(slug="new-one").kind == kind


def test_the_person_form_hides_the_kind_and_refuses_a_duplicate_name(superuser_client):
    PersonFactory(name="Kim Jong Un", slug="kim")
    page = superuser_client.get(reverse("admin:articles_person_add")).content.decode()
    assert '<select name="kind"' not in page

    response = superuser_client.post(
        reverse("admin:articles_person_add"), entity_form_data(name="Kim Jong Un", slug="kim-2")
    )
    assert response.status_code == 200
    assert "already exists" in response.content.decode()
    assert Entity.objects.count() == 1


def test_the_byline_autocomplete_offers_only_people(superuser_client):
    person = PersonFactory(name="Kim Jong Un")
    PersonFactory(name="Xi Jinping")
    OrganizationFactory(name="Kim Il Sung University")
    PlaceFactory(name="Kim Chaek")
    response = superuser_client.get(
        "/admin/autocomplete/",
        {"app_label": "articles", "model_name": "byline", "field_name": "person", "term": "Kim"},
    )
    assert response.status_code == 200
    results = json.loads(response.content)["results"]
    assert results == [{"id": str(person.pk), "text": "Kim Jong Un"}]


def test_the_section_changelist_edits_positions_and_counts_articles(superuser_client):
    news = SectionFactory(name="News", position=1)
    world = SectionFactory(name="World", parent=news, position=2)
    ArticleFactory(section=world)
    ArticleFactory(section=world)
    response = superuser_client.get(reverse("admin:articles_section_changelist"))
    page = response.content.decode()
    assert 'name="form-0-position"' in page
    assert '<td class="field-article_count">2</td>' in page

    response = superuser_client.post(
        reverse("admin:articles_section_changelist"),
        {
            **{
                "form-TOTAL_FORMS": "2",
                "form-INITIAL_FORMS": "2",
                "form-MIN_NUM_FORMS": "0",
                "form-MAX_NUM_FORMS": "1000",
            },
            "form-0-id": str(news.pk),
            "form-0-position": "5",
            "form-1-id": str(world.pk),
            "form-1-position": "0",
            "_save": "Save",
        },
    )
    assert response.status_code == 302
    news.refresh_from_db()
    assert news.position == 5


def test_adding_a_mention_records_who_made_it(superuser_client, superuser):
    article = ArticleFactory()
    kim = PersonFactory()
    response = superuser_client.post(
        reverse("admin:articles_mention_add"),
        {
            "article": str(article.pk),
            "entity": str(kim.pk),
            "start": "0",
            "end": "11",
            "exact": "Kim Jong Un",
            "prefix": "",
            "suffix": " arrived in Beijing.",
            "role": "mentions",
            "status": "confirmed",
            "source": "manual",
        },
    )
    assert response.status_code == 302
    assert Mention.objects.get().created_by == superuser


# --- Names and text that feeds and sitemaps must carry ----------------------------------

SOFT_LINE_BREAK = "\x0b"  # what a word processor's soft line break pastes as


@pytest.mark.parametrize(
    ("tags", "error"),
    [
        ("summit, !!!", "Tag &quot;!!!&quot; needs a letter or a digit to make its address from."),
        (
            f'"Sum{SOFT_LINE_BREAK}mit"',
            "Tag &quot;Summit&quot; holds an invisible control character.",
        ),
    ],
)
def test_a_tag_no_address_or_feed_could_carry_is_refused(superuser_client, tags, error):
    response = superuser_client.post(
        reverse("admin:articles_article_add"), article_form_data(SectionFactory(), tags=tags)
    )

    assert response.status_code == 200
    assert error in response.content.decode()
    assert (Article.objects.count(), Tag.objects.count()) == (0, 0)


@pytest.mark.parametrize("field", ["headline", "dek"])
def test_a_control_character_in_a_headline_or_standfirst_is_refused(superuser_client, field):
    data = article_form_data(SectionFactory(), **{field: f"Kim arrives{SOFT_LINE_BREAK}in Beijing"})

    response = superuser_client.post(reverse("admin:articles_article_add"), data)

    assert response.status_code == 200
    assert "Remove the invisible control character" in response.content.decode()
    assert not Article.objects.exists()


def test_a_control_character_in_an_entity_name_is_refused(superuser_client):
    response = superuser_client.post(
        reverse("admin:articles_entity_add"), entity_form_data(name=f"Kim{SOFT_LINE_BREAK}Jong Un")
    )

    assert response.status_code == 200
    assert "Remove the invisible control character" in response.content.decode()
    assert not Entity.objects.exists()


def test_a_control_character_in_a_section_name_is_refused(superuser_client):
    section = SectionFactory(name="World")

    response = superuser_client.post(
        reverse("admin:articles_section_change", args=[section.pk]),
        {"name": f"Wor{SOFT_LINE_BREAK}ld", "slug": section.slug, "description": "", "position": 0},
    )

    assert response.status_code == 200
    assert "Remove the invisible control character" in response.content.decode()
    section.refresh_from_db()
    assert section.name == "World"


def test_a_tag_cannot_be_renamed_to_one_without_an_address(superuser_client):
    tag = Tag.objects.create(name="Ferries")

    response = superuser_client.post(
        reverse("admin:taggit_tag_change", args=[tag.pk]),
        {"name": "???", "slug": "ferries", **inline_management("taggit_taggeditem_items")},
    )

    assert response.status_code == 200
    assert "needs a letter or a digit" in response.content.decode()
    tag.refresh_from_db()
    assert tag.name == "Ferries"


@pytest.mark.parametrize("name", ["???", f"Fer{SOFT_LINE_BREAK}ries"])
def test_tags_cannot_be_merged_into_one_without_an_address_or_feed(superuser_client, name):
    article = ArticleFactory(tags=["ferries", "boats"])
    ferries, boats = Tag.objects.order_by("name").reverse()
    session = superuser_client.session
    session["selected_tag_ids"] = f"{ferries.pk},{boats.pk}"
    session.save()

    response = superuser_client.post(
        reverse("admin:taggit_tag_merge_tags"), {"new_tag_name": name}, follow=True
    )

    assert "Nothing was merged." in response.content.decode()
    assert sorted(article.tags.names()) == ["boats", "ferries"]
    assert Tag.objects.count() == 2


def test_tags_merge_into_a_good_name(superuser_client):
    article = ArticleFactory(tags=["ferries", "boats"])
    session = superuser_client.session
    session["selected_tag_ids"] = ",".join(
        str(pk) for pk in Tag.objects.values_list("pk", flat=True)
    )
    session.save()

    superuser_client.post(reverse("admin:taggit_tag_merge_tags"), {"new_tag_name": "Shipping"})

    assert list(article.tags.names()) == ["Shipping"]


def test_no_path_can_save_a_tag_without_an_address():
    article = ArticleFactory()

    with pytest.raises(ValidationError, match="needs a letter or a digit"):
        article.tags.add("!!!")

    assert (article.tags.count(), Tag.objects.count()) == (0, 0)
