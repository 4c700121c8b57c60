"""The image chooser's search (admin:images_image_choose): what it finds, how it pages, who
may ask, and bad requests answered in JSON."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.images.chooser import PAGE_SIZE
from articles.images.library import build_image, store_image, store_renditions
from articles.images.models import Image
from articles.models import Article, Entity
from tests import image_files
from tests.admin_forms import article_change_data, article_form_data
from tests.factories import DraftFactory, SectionFactory, UserFactory, member_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]

CHOOSE = reverse("admin:images_image_choose")


def stored(title, color="steelblue", **fields):
    data = image_files.jpeg((400, 300), color)
    image = build_image(data, f"{title}.jpg")
    image.title = title
    for key, value in fields.items():
        setattr(image, key, value)
    return store_image(image, data)


def uploaded_in_turn(count):
    """`count` rows uploaded a minute apart, the last newest (the file need not exist)."""
    start = timezone.now() - datetime.timedelta(days=1)
    return Image.objects.bulk_create(
        Image(
            title=f"Picture {n}",
            file=f"images/originals/{n}.jpg",
            width=400,
            height=300,
            file_size=1000,
            content_hash=f"{n:064d}",
            uploaded_at=start + datetime.timedelta(minutes=n),
        )
        for n in range(count)
    )


def test_it_finds_pictures_by_title_caption_or_credit_whatever_the_case(annotator):
    train = stored("Armoured train", credit="Jane Doe/Reuters")
    square = stored("Beijing", "red", caption="Tiananmen Square at dawn")
    stored("Pyongyang", "green")

    def found(query):
        answer = annotator.get(CHOOSE, {"q": query}).json()
        return [result["id"] for result in answer["results"]]

    assert found("ARMOURED") == [train.pk]
    assert found("jane doe") == [train.pk]
    assert found("tiananmen") == [square.pk]
    assert found("beijing dawn") == [square.pk]  # every word, in any of the fields
    assert found("beijing train") == []
    assert len(found("")) == 3


def test_each_result_says_what_the_chooser_shows(editor):
    image = stored(
        "Armoured train",
        caption="The train at the border",
        credit="Jane Doe",
        alt_text="A green train",
    )
    store_renditions(image)

    (result,) = editor.get(CHOOSE).json()["results"]

    assert result == {
        "id": image.pk,
        "title": "Armoured train",
        "caption": "The train at the border",
        "credit": "Jane Doe",
        "alt_text": "A green train",
        "thumbnail": image.renditions.get(spec="w320", format="jpeg").file.url,
        "width": 400,
        "height": 300,
        "usable": True,
        "problem": None,
    }


def test_a_picture_without_renditions_yet_shows_its_original(editor):
    image = stored("Fresh")

    (result,) = editor.get(CHOOSE).json()["results"]

    assert result["thumbnail"] == image.file.url


@pytest.mark.parametrize(
    "fields,usable,problem",
    [
        ({"may_be_used": False}, False, "may not be used"),
        ({"may_be_used_until": datetime.date(2020, 1, 31)}, False, "until 2020-01-31"),
        ({"alt_text": ""}, True, "has no alt text"),
    ],
)
def test_a_picture_that_may_not_be_published_says_why(editor, fields, usable, problem):
    image = stored("Withdrawn", **{"alt_text": "A train", **fields})

    (result,) = editor.get(CHOOSE).json()["results"]

    assert result["usable"] is usable
    assert problem in result["problem"]
    assert f"#{image.pk}" in result["problem"]


def test_it_pages_newest_first_24_at_a_time(editor):
    uploaded_in_turn(PAGE_SIZE + 5)

    first = editor.get(CHOOSE).json()
    second = editor.get(CHOOSE, {"page": "2"}).json()
    beyond = editor.get(CHOOSE, {"page": "3"}).json()

    assert [r["title"] for r in first["results"][:2]] == [
        f"Picture {PAGE_SIZE + 4}",
        f"Picture {PAGE_SIZE + 3}",
    ]
    assert (len(first["results"]), first["has_more"]) == (PAGE_SIZE, True)
    assert [r["title"] for r in second["results"]] == [f"Picture {n}" for n in range(4, -1, -1)]
    assert second["has_more"] is False
    assert beyond == {"results": [], "has_more": False}


def test_a_full_last_page_says_there_is_no_more(editor):
    uploaded_in_turn(PAGE_SIZE)

    assert editor.get(CHOOSE).json()["has_more"] is False


def test_it_takes_the_same_queries_for_a_page_of_three_or_of_twenty_four(
    client, django_assert_num_queries
):
    client.force_login(member_of("Reporters"))
    for n, color in enumerate(["red", "green", "blue"]):
        store_renditions(stored(f"Small {n}", color))

    # The session, the user, their permissions (two), the images, their thumbnails.
    with django_assert_num_queries(6):
        assert len(client.get(CHOOSE).json()["results"]) == 3

    uploaded_in_turn(PAGE_SIZE + 1)
    with django_assert_num_queries(6):
        assert len(client.get(CHOOSE).json()["results"]) == PAGE_SIZE


@pytest.mark.parametrize(
    "page", ["0", "-1", "two", "1.5", "", "١", "100001", "99999999999999999999999999"]
)
def test_a_bad_page_number_is_a_400_in_json(editor, page):
    stored("Armoured train")

    response = editor.get(CHOOSE, {"page": page})

    assert response.status_code == 400
    assert response.json() == {"error": "The page must be a whole number from 1 to 100,000."}


@pytest.mark.parametrize(
    "query,said", [("x" * 201, "at most 200 characters"), ("train\x00", "(NUL)")]
)
def test_a_search_that_cannot_be_searched_for_is_a_400_in_json(editor, query, said):
    response = editor.get(CHOOSE, {"q": query})

    assert response.status_code == 400
    assert said in response.json()["error"]


@pytest.mark.parametrize("group", ["Editors", "Reporters", "Annotators"])
def test_every_newsroom_group_may_choose(client, group):
    client.force_login(member_of(group))
    stored("Armoured train")

    assert client.get(CHOOSE).status_code == 200


def test_staff_who_may_not_view_images_are_refused_in_json(client):
    client.force_login(UserFactory(username="intern"))
    stored("Armoured train")

    response = client.get(CHOOSE)

    assert response.status_code == 403
    assert "permission to view the image library" in response.json()["error"]


def test_someone_not_logged_in_is_sent_to_the_login_page(client):
    response = client.get(CHOOSE)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_it_only_answers_get(editor):
    assert editor.post(CHOOSE).status_code == 405


# --- The chooser in the article and entity forms -----------------------------------------


def test_the_article_form_shows_the_lead_image_chosen_with_its_caption_beside_it(editor):
    image = stored("Armoured train", credit="Jane Doe/Reuters", alt_text="A green train")
    store_renditions(image)
    article = DraftFactory(lead_image=image, lead_image_caption="Kim's train, on Tuesday")

    page = editor.get(reverse("admin:articles_article_change", args=[article.pk]))

    html = page.content.decode()
    lead = html[html.index("Lead image</h2>") :]
    chooser = lead[: lead.index("</fieldset>")]
    assert 'name="lead_image"' in chooser and f'value="{image.pk}"' in chooser
    assert image.renditions.get(spec="w320", format="jpeg").file.url in chooser
    assert "Armoured train" in chooser and "Jane Doe/Reuters" in chooser
    assert reverse("admin:images_image_change", args=[image.pk]) in chooser
    assert f'data-choose-url="{CHOOSE}"' in chooser
    assert "Choose a picture</button>" in chooser and "Remove</button>" in chooser
    assert "Kim&#x27;s train, on Tuesday</textarea>" in chooser
    assert "images/chooser.js" in html and "images/chooser.css" in html


def test_a_new_article_offers_an_empty_chooser(editor):
    page = editor.get(reverse("admin:articles_article_add")).content.decode()

    assert 'name="lead_image"' in page
    assert 'class="image-chooser-chosen" id="id_lead_image-chosen" hidden' in page


def test_the_lead_image_and_its_caption_are_saved_from_the_form(client):
    reporter = member_of("Reporters")
    client.force_login(reporter)
    image = stored("Armoured train")
    data = article_form_data(
        SectionFactory(), lead_image=str(image.pk), lead_image_caption="On Tuesday"
    )

    response = client.post(reverse("admin:articles_article_add"), data)

    assert response.status_code == 302
    article = Article.objects.get()
    assert (article.lead_image, article.lead_image_caption) == (image, "On Tuesday")

    data = article_change_data(article, lead_image="", lead_image_caption="")
    response = client.post(reverse("admin:articles_article_change", args=[article.pk]), data)

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.lead_image is None


@pytest.mark.parametrize("typed", ["99999", "train", "-1"])
def test_a_number_that_is_no_picture_is_refused_and_nothing_is_saved(editor, typed):
    data = article_form_data(SectionFactory(), lead_image=typed)

    response = editor.post(reverse("admin:articles_article_add"), data)

    assert response.status_code == 200
    said = " ".join(response.context["adminform"].form.errors["lead_image"])
    assert f"There is no picture number {typed} in the library." in said
    assert not Article.objects.exists()


def test_an_entity_gets_its_picture_from_the_chooser(annotator):
    image = stored("Kim Jong Un, 2019", credit="KCNA")
    data = {
        "name": "Kim Jong Un",
        "slug": "kim-jong-un",
        "aliases": "",
        "description": "",
        "wikidata": "",
        "picture": str(image.pk),
    }

    response = annotator.post(reverse("admin:articles_person_add"), data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    entity = Entity.objects.get()
    assert entity.picture == image
    page = annotator.get(reverse("admin:articles_person_change", args=[entity.pk]))
    html = page.content.decode()
    assert 'name="picture"' in html and "Kim Jong Un, 2019" in html and "KCNA" in html


def test_the_chosen_picture_shows_why_it_may_not_be_published(editor):
    image = stored("Withdrawn", may_be_used=False, alt_text="A train")
    article = DraftFactory(lead_image=image)

    html = editor.get(reverse("admin:articles_article_change", args=[article.pk])).content
    assert f"Image “Withdrawn” (#{image.pk}) may not be used." in html.decode()
