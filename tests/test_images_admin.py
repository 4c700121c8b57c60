"""The image library in the admin: upload with refusals shown in the form, the duplicate
warning, thumbnails, search and filters."""

import datetime
import re

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from articles.images.jobs import make_renditions
from articles.images.library import build_image, store_image, store_renditions
from articles.images.models import Image
from tests import image_files
from tests.factories import ArticleFactory, DraftFactory, PersonFactory, member_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]

ADD = reverse("admin:images_image_add")
LIST = reverse("admin:images_image_changelist")


def form(upload, **fields):
    return {
        "upload": upload,
        "title": "",
        "alt_text": "",
        "caption": "",
        "credit": "",
        "licence": "",
        "usage_terms": "",
        "source": "",
        "may_be_used": "on",
        "may_be_used_until": "",
        **fields,
    }


def stored(data, name="train.jpg", **fields):
    image = build_image(data, name)
    for key, value in fields.items():
        setattr(image, key, value)
    return store_image(image, data)


@pytest.mark.parametrize("group", ["Editors", "Reporters"])
def test_an_upload_is_stored_with_its_credits_read_from_the_file(client, group):
    user = member_of(group)
    client.force_login(user)
    data = image_files.iptc_jpeg({(2, 120): "Kim arrives", (2, 110): "Jane Doe/Reuters"})
    upload = SimpleUploadedFile("kim_arrives.jpg", data, "image/jpeg")

    response = client.post(ADD, form(upload, alt_text="Kim steps off a green train"))

    assert response.status_code == 302, response.context["adminform"].form.errors
    image = Image.objects.get()
    assert (image.title, image.caption, image.credit) == (
        "kim arrives",
        "Kim arrives",
        "Jane Doe/Reuters",
    )
    assert image.alt_text == "Kim steps off a green train"
    assert image.uploaded_by == user
    assert image.file.read() == data


def test_what_the_editor_typed_wins_over_the_files_metadata(client):
    client.force_login(member_of("Editors"))
    data = image_files.iptc_jpeg({(2, 120): "From the file", (2, 110): "File credit"})
    upload = SimpleUploadedFile("x.jpg", data, "image/jpeg")

    client.post(ADD, form(upload, title="Typed", caption="Typed caption"))

    image = Image.objects.get()
    assert (image.title, image.caption, image.credit) == ("Typed", "Typed caption", "File credit")


@pytest.mark.parametrize(
    "name,data,message",
    [
        ("notes.jpg", b"hello", "notes.jpg is not an image"),
        ("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "SVG is refused"),
        ("cut.jpg", image_files.jpeg()[:500], "cut.jpg is corrupt or truncated"),
    ],
)
def test_a_bad_upload_is_refused_in_the_form_and_nothing_is_stored(
    client, media_root, name, data, message
):
    client.force_login(member_of("Editors"))

    response = client.post(ADD, form(SimpleUploadedFile(name, data)))

    assert response.status_code == 200
    assert message in " ".join(response.context["adminform"].form.errors["upload"])
    assert Image.objects.count() == 0
    assert not media_root.exists() or not any(p.is_file() for p in media_root.rglob("*"))


def test_a_file_over_the_size_limit_is_refused_in_the_form_by_its_size(
    client, media_root, settings
):
    settings.NEWSROOM_IMAGE_MAX_BYTES = 1_000_000
    client.force_login(member_of("Editors"))
    huge = image_files.png((1000, 1000), compress_level=0)

    response = client.post(ADD, form(SimpleUploadedFile("huge.png", huge)))

    assert response.context["adminform"].form.errors["upload"] == [
        "huge.png is 3 MB, over the limit of 1 MB for a picture."
    ]
    assert Image.objects.count() == 0
    assert not media_root.exists() or not any(p.is_file() for p in media_root.rglob("*"))


def test_an_upload_of_a_picture_already_in_the_library_warns_and_links_to_it(client):
    client.force_login(member_of("Editors"))
    data = image_files.jpeg()
    existing = stored(data, title="Armoured train")

    response = client.post(ADD, form(SimpleUploadedFile("again.jpg", data)))

    said = [str(message) for message in get_messages(response.wsgi_request)]
    link = reverse("admin:images_image_change", args=[existing.pk])
    assert any(f'<a href="{link}">#{existing.pk} Armoured train</a>' in m for m in said), said
    assert Image.objects.count() == 2


def test_the_list_shows_thumbnails_and_searches_title_caption_and_credit(client):
    client.force_login(member_of("Annotators"))
    train = stored(image_files.jpeg((700, 400)), title="Armoured train", credit="Jane Doe")
    store_renditions(train)
    stored(image_files.png(), name="beijing.png", title="Beijing", caption="Tiananmen at dawn")

    page = client.get(LIST).content.decode()
    assert train.url_for("w320", "jpeg") in page
    assert "/media/images/renditions/" in page
    assert "/media/images/originals/" in page  # Beijing has no renditions yet

    assert "Armoured train" in client.get(LIST, {"q": "Jane"}).content.decode()
    found = client.get(LIST, {"q": "dawn"}).content.decode()
    assert "Beijing" in found and "Armoured train" not in found


def test_the_list_is_a_grid_of_tiles_with_thumbnail_title_number_and_credit(client):
    client.force_login(member_of("Editors"))
    train = stored(image_files.jpeg((700, 400)), title="Armoured train", credit="Jane Doe")
    train.alt_text = "A green train"
    train.save()
    store_renditions(train)

    response = client.get(LIST)

    assert "admin/images/image/change_list.html" in [t.name for t in response.templates]
    page = response.content.decode()
    rows = page[page.index('<div class="image-grid">') :].split("<tbody>")[1]
    tile = rows[: rows.index("</tr>")]
    thumbnail = train.renditions.get(spec="w320", format="jpeg")
    assert (
        f'<img src="{thumbnail.file.url}" alt="" width="320" height="183" loading="lazy">' in tile
    )
    assert f'Armoured train <span class="image-number">#{train.pk}</span>' in tile
    assert "Jane Doe" in tile
    assert f'name="_selected_action" value="{train.pk}"' in tile  # the actions still work
    assert "image-badge" not in tile


@pytest.mark.parametrize(
    "fields,badges",
    [
        ({"may_be_used": False}, ["May not be used"]),
        ({"may_be_used_until": datetime.date(2020, 1, 31)}, ["Rights expired 2020-01-31"]),
        ({"alt_text": ""}, ["No alt text"]),
        ({"may_be_used": False, "alt_text": ""}, ["May not be used", "No alt text"]),
        ({"rendition_error": "After 3 attempts: OSError"}, ["Renditions failed"]),
    ],
)
def test_a_tile_says_what_keeps_its_picture_from_being_published(client, fields, badges):
    client.force_login(member_of("Annotators"))
    stored(image_files.jpeg(), title="Train", **{"alt_text": "A train", **fields})

    page = client.get(LIST).content.decode()

    found = re.findall(r'<span class="image-badge">([^<]*)</span>', page)
    assert found == badges


def titles_listed(client, **params):
    response = client.get(LIST, params)
    assert response.status_code == 200
    return sorted(image.title for image in response.context["cl"].result_list)


def test_the_list_filters_by_rights_with_expired_rights_apart(client):
    client.force_login(member_of("Editors"))
    stored(image_files.jpeg(), title="Usable")
    stored(image_files.png(), name="b.png", title="Withdrawn", may_be_used=False)
    stored(
        image_files.jpeg((300, 300)), title="Expired", may_be_used_until=datetime.date(2020, 1, 1)
    )
    stored(
        image_files.jpeg((300, 200)),
        title="Until 2999",
        may_be_used_until=datetime.date(2999, 1, 1),
    )

    assert titles_listed(client, rights="yes") == ["Until 2999", "Usable"]
    assert titles_listed(client, rights="no") == ["Withdrawn"]
    assert titles_listed(client, rights="expired") == ["Expired"]
    page = client.get(LIST).content.decode()
    assert "Rights expired</a>" in page


def test_the_list_filters_by_uploader_upload_date_and_licence(client):
    editor = member_of("Editors")
    reporter = member_of("Reporters")
    client.force_login(editor)
    old = stored(image_files.jpeg(), title="Old", licence="CC BY 4.0")
    Image.objects.filter(pk=old.pk).update(
        uploaded_at=timezone.now() - datetime.timedelta(days=400), uploaded_by=reporter
    )
    new = stored(image_files.png(), name="b.png", title="New", licence="© Reuters")
    Image.objects.filter(pk=new.pk).update(uploaded_by=editor)
    stored(image_files.jpeg((300, 300)), title="Imported")  # by a command: no uploader

    assert titles_listed(client, uploaded_by__id__exact=reporter.pk) == ["Old"]
    assert titles_listed(client, uploaded_by__isnull="True") == ["Imported"]
    page = client.get(LIST).content.decode()
    assert "reporters</a>" in page and "editors</a>" in page  # only those who uploaded
    assert "By uploader" in page and "By upload date" in page
    # As the filter's "This year" asks.
    year = timezone.localdate().year
    this_year = {
        "uploaded_at__gte": str(timezone.make_aware(datetime.datetime(year, 1, 1))),
        "uploaded_at__lt": str(timezone.make_aware(datetime.datetime(year + 1, 1, 1))),
    }
    assert titles_listed(client, **this_year) == ["Imported", "New"]
    assert titles_listed(client, licence="CC BY 4.0") == ["Old"]
    assert titles_listed(client, licence="© Reuters") == ["New"]


def test_the_list_takes_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    client.force_login(member_of("Editors"))
    for n in range(5):
        image = stored(image_files.jpeg((400, 300), (n * 40, 0, 0)), name=f"{n}.jpg")
        store_renditions(image)

    with django_assert_max_num_queries(12):
        client.get(LIST)


def renditions_jobs_waiting():
    """The arguments of each renditions job enqueued and not yet run."""
    jobs = DBTaskResult.objects.filter(task_path=make_renditions.module_path, status="READY")
    return [job.args_kwargs["args"] for job in jobs]


def test_changing_the_focal_point_in_the_admin_enqueues_new_crops(
    client, django_capture_on_commit_callbacks
):
    client.force_login(member_of("Editors"))
    image = stored(image_files.jpeg(), title="Train", alt_text="A train")
    store_renditions(image)  # crops around the middle
    data = form("", title="Train", alt_text="A train", focal_x="0.2", focal_y="0.7")
    del data["upload"]

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admin:images_image_change", args=[image.pk]), data)

    assert response.status_code == 302
    assert renditions_jobs_waiting() == [[image.pk]]
    image.refresh_from_db()
    assert (image.focal_x, image.focal_y) == (0.2, 0.7)
    # What the job does: crops around the new point, those around the old one gone.
    store_renditions(image)
    crops = image.renditions.exclude(focal_key="")
    assert set(crops.values_list("focal_key", flat=True)) == {"0.20,0.70"}


def change_data(image, **fields):
    data = form("", title=image.title, alt_text=image.alt_text, **fields)
    del data["upload"]
    return data


def test_the_picture_page_shows_the_focal_point_picker_at_the_saved_point(client):
    client.force_login(member_of("Reporters"))
    image = stored(image_files.jpeg((1000, 500)), title="Train", focal_x=0.25, focal_y=0.6)
    store_renditions(image)

    page = client.get(reverse("admin:images_image_change", args=[image.pk])).content.decode()

    w640 = image.renditions.get(spec="w640", format="jpeg")
    assert (
        f'<img id="focal-point-picture" src="{w640.file.url}" alt="" width="640" height="320">'
        in page
    )
    assert 'id="focal-marker" style="left: 25.0%; top: 60.0%"' in page
    assert 'name="focal_x" value="0.25"' in page and 'name="focal_y" value="0.6"' in page
    assert "images/focal.js" in page
    assert "Click the picture on what its crops must keep in view" in page


@pytest.mark.parametrize(
    "focal_x,said", [("1.5", "less than or equal to 1.0"), ("left", "Enter a number")]
)
def test_a_focal_point_outside_the_picture_is_refused_and_nothing_is_saved(
    client, focal_x, said, django_capture_on_commit_callbacks
):
    client.force_login(member_of("Editors"))
    image = stored(image_files.jpeg(), title="Train", alt_text="A train")
    url = reverse("admin:images_image_change", args=[image.pk])

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, change_data(image, focal_x=focal_x, focal_y="0.5"))

    assert response.status_code == 200
    assert said in " ".join(response.context["adminform"].form.errors["focal_x"])
    image.refresh_from_db()
    assert (image.focal_x, image.focal_y) == (0.5, 0.5)
    assert renditions_jobs_waiting() == []


# --- Where a picture is used, and deleting one ----------------------------------------------


def figure_of(image):
    figure = f'<figure data-image="{image.pk}"><figcaption>The train</figcaption></figure>'
    return f"<p>Kim arrived.</p>{figure}"


@pytest.fixture
def used_everywhere():
    """A picture leading a draft, shown as a figure in a published article and in a
    scheduled one (which also leads with it), and the picture of a person."""
    image = stored(image_files.jpeg(), title="Armoured train", alt_text="A train")
    draft = DraftFactory(headline="Kim's train", lead_image=image)
    live = ArticleFactory(headline="Kim arrives", body=figure_of(image))
    soon = ArticleFactory(
        headline="Kim leaves",
        body=figure_of(image),
        lead_image=image,
        publish_at=timezone.now() + datetime.timedelta(days=1),
    )
    person = PersonFactory(name="Kim Jong Un", picture=image)
    other = stored(image_files.png(color="red"), name="b.png", title="Unused")
    ArticleFactory(headline="Elsewhere", lead_image=other)
    return image, draft, live, soon, person


def test_the_picture_page_lists_every_article_and_entity_using_it_drafts_too(
    client, used_everywhere
):
    client.force_login(member_of("Annotators"))
    image, draft, live, soon, person = used_everywhere

    page = client.get(reverse("admin:images_image_change", args=[image.pk])).content.decode()

    used = page[page.index('<ul class="used-in">') :]
    used = used[: used.index("</ul>")]
    links = re.findall(
        r'<li>(\w+) <a href="([^"]+)">([^<]+)</a>(?: \((\w+)\))?: ([^<]+)</li>', used
    )

    def admin_url(kind, pk):
        return reverse(f"admin:articles_{kind}_change", args=[pk])

    assert sorted(links) == sorted(
        [
            ("Article", admin_url("article", draft.pk), "Kim&#x27;s train", "Draft", "lead image"),
            (
                "Article",
                admin_url("article", live.pk),
                "Kim arrives",
                "Published",
                "figure in the body",
            ),
            (
                "Article",
                admin_url("article", soon.pk),
                "Kim leaves",
                "Scheduled",
                "lead image and figure in the body",
            ),
            ("Person", admin_url("entity", person.pk), "Kim Jong Un", "", "picture"),
        ]
    )
    assert "Elsewhere" not in used


def test_a_picture_no_one_uses_says_so_and_may_be_deleted(client, media_root):
    client.force_login(member_of("Editors"))
    image = stored(image_files.jpeg(), title="Unused")
    url = reverse("admin:images_image_change", args=[image.pk])

    assert "No article or entity uses this picture." in client.get(url).content.decode()
    response = client.post(reverse("admin:images_image_delete", args=[image.pk]), {"post": "yes"})

    assert response.status_code == 302
    assert not Image.objects.exists()


def test_deleting_a_picture_still_in_use_is_refused_naming_where(client, used_everywhere):
    client.force_login(member_of("Editors"))
    image, draft, live, soon, person = used_everywhere
    url = reverse("admin:images_image_delete", args=[image.pk])

    for response in [client.get(url), client.post(url, {"post": "yes"})]:
        assert response.status_code == 200
        page = response.content.decode()
        assert "The picture “Armoured train” is not deleted: it is still used" in page
        for headline in ["Kim&#x27;s train", "Kim arrives", "Kim leaves", "Kim Jong Un"]:
            assert f">{headline}</a>" in page
        assert 'value="Yes, I’m sure"' not in page
    assert Image.objects.filter(pk=image.pk).exists()


def test_a_picture_shown_only_as_a_figure_is_not_deleted_either(client):
    client.force_login(member_of("Editors"))
    image = stored(image_files.jpeg(), title="Train")
    draft = DraftFactory(headline="Plans", body=figure_of(image))
    url = reverse("admin:images_image_delete", args=[image.pk])

    page = client.post(url, {"post": "yes"}).content.decode()

    edit = reverse("admin:articles_article_change", args=[draft.pk])
    assert f'Article <a href="{edit}">Plans</a> (Draft): figure in the body' in page
    assert Image.objects.filter(pk=image.pk).exists()


def test_the_delete_action_deletes_nothing_when_one_picture_selected_is_in_use(client):
    client.force_login(member_of("Editors"))
    used = stored(image_files.jpeg(), title="Train")
    DraftFactory(headline="Plans", body=figure_of(used))
    unused = stored(image_files.png(color="red"), name="b.png", title="Unused")
    selected = {
        "action": "delete_selected",
        "_selected_action": [str(used.pk), str(unused.pk)],
        "post": "yes",
    }

    response = client.post(LIST, selected)

    page = response.content.decode()
    assert "No picture was deleted: some of those selected are still used" in page
    assert f"“Train” (#{used.pk}) is used in:" in page
    assert ">Plans</a> (Draft): figure in the body" in page
    assert "Unused" not in page
    assert Image.objects.count() == 2

    selected["_selected_action"] = [str(unused.pk)]
    client.post(LIST, selected)
    assert list(Image.objects.all()) == [used]
