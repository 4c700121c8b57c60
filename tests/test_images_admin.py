"""The image library in the admin: upload with refusals shown in the form, the duplicate
warning, thumbnails, search and filters."""

import datetime
import re

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from articles.images.library import build_image, store_image, store_renditions
from articles.images.models import Image
from tests import image_files
from tests.factories import member_of

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


def test_changing_the_focal_point_in_the_admin_enqueues_new_crops(
    client, django_capture_on_commit_callbacks
):
    client.force_login(member_of("Editors"))
    image = stored(image_files.jpeg(), title="Train", alt_text="A train")
    store_renditions(image)  # crops around the middle
    data = form("", title="Train", alt_text="A train", focal_x="0.2", focal_y="0.7")
    del data["upload"]

    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(reverse("admin:images_image_change", args=[image.pk]), data)

    assert response.status_code == 302
    assert len(callbacks) == 1
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

    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(url, change_data(image, focal_x=focal_x, focal_y="0.5"))

    assert response.status_code == 200
    assert said in " ".join(response.context["adminform"].form.errors["focal_x"])
    image.refresh_from_db()
    assert (image.focal_x, image.focal_y) == (0.5, 0.5)
    assert callbacks == []
