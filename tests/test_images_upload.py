"""Uploading several pictures at once (admin:images_image_upload): each file stored, found
already in the library, or refused with its reason and nothing stored; who may upload."""

import pytest
from django.contrib.admin.models import ADDITION, LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from articles.images.library import build_image, store_image
from articles.images.models import Image
from tests import image_files
from tests.factories import member_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]

UPLOAD = reverse("admin:images_image_upload")
LIST = reverse("admin:images_image_changelist")
JSON = {"HTTP_ACCEPT": "application/json"}


def upload(name, data):
    return SimpleUploadedFile(name, data)


def files_stored(media_root):
    if not media_root.exists():
        return []
    return sorted(path.name for path in media_root.rglob("*") if path.is_file())


@pytest.fixture
def reporter(client):
    user = member_of("Reporters")
    client.force_login(user)
    client.user = user
    return client


def test_the_page_offers_a_multiple_file_input_and_a_drop_zone(reporter):
    response = reporter.get(UPLOAD)

    assert response.status_code == 200
    page = response.content.decode()
    assert '<label for="upload-files">Pictures to upload</label>' in page
    assert 'type="file" id="upload-files" name="files" multiple' in page
    assert 'id="upload-drop-zone"' in page
    assert 'id="upload-submit" value="Upload"' in page
    assert "csrfmiddlewaretoken" in page
    assert "images/upload.js" in page
    assert "at most 25 MB each" in page


def test_the_library_links_to_the_page_for_those_who_may_add(client):
    client.force_login(member_of("Editors"))
    assert f'href="{UPLOAD}"' in client.get(LIST).content.decode()

    client.force_login(member_of("Annotators"))
    assert f'href="{UPLOAD}"' not in client.get(LIST).content.decode()


def test_a_file_sent_by_the_script_is_stored_with_its_credits(
    reporter, django_capture_on_commit_callbacks
):
    data = image_files.iptc_jpeg({(2, 120): "Kim arrives", (2, 110): "Jane Doe/Reuters"})

    with django_capture_on_commit_callbacks() as callbacks:
        response = reporter.post(UPLOAD, {"files": [upload("kim_arrives.jpg", data)]}, **JSON)

    assert response.status_code == 200
    image = Image.objects.get()
    assert response.json() == {
        "results": [
            {
                "name": "kim_arrives.jpg",
                "status": "stored",
                "message": f"Stored as #{image.pk} kim arrives. Add its alt text before an "
                "article using it is published.",
                "id": image.pk,
                "url": reverse("admin:images_image_change", args=[image.pk]),
            }
        ]
    }
    assert (image.caption, image.credit) == ("Kim arrives", "Jane Doe/Reuters")
    assert image.uploaded_by == reporter.user
    assert image.file.read() == data
    assert len(callbacks) == 1  # the renditions job
    entry = LogEntry.objects.get()
    assert (entry.action_flag, entry.object_id, entry.user) == (
        ADDITION,
        str(image.pk),
        reporter.user,
    )


@pytest.mark.parametrize(
    "name,data,said",
    [
        ("notes.jpg", b"hello", "notes.jpg is not an image"),
        ("empty.png", b"", "empty.png is empty: it is not an image."),
        ("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "SVG is refused"),
        ("drawing.png", b"<?xml version='1.0'?><svg onload='alert(1)'/>", "SVG is refused"),
        ("cut.jpg", image_files.jpeg()[:500], "cut.jpg is corrupt or truncated"),
        ("none.png", image_files.zero_pixel_png(), "none.png has no pixels (0x0)"),
    ],
)
def test_a_bad_file_is_refused_with_its_reason_and_nothing_is_stored(
    reporter, media_root, name, data, said
):
    response = reporter.post(UPLOAD, {"files": [upload(name, data)]}, **JSON)

    (result,) = response.json()["results"]
    assert (result["name"], result["status"]) == (name, "refused")
    assert said in result["message"]
    assert "url" not in result
    assert not Image.objects.exists()
    assert files_stored(media_root) == []
    assert not LogEntry.objects.exists()


def test_a_file_over_the_size_limit_is_refused_by_its_size(reporter, media_root, settings):
    settings.NEWSROOM_IMAGE_MAX_BYTES = 2_000_000
    huge = image_files.png((1500, 1500), mode="RGB", compress_level=0)
    assert len(huge) > 2_000_000

    response = reporter.post(UPLOAD, {"files": [upload("huge.png", huge)]}, **JSON)

    (result,) = response.json()["results"]
    assert result["status"] == "refused"
    assert result["message"] == "huge.png is 6.8 MB, over the limit of 2 MB for a picture."
    assert not Image.objects.exists()
    assert files_stored(media_root) == []


def test_a_picture_already_in_the_library_is_not_stored_again_and_links_to_it(reporter):
    data = image_files.jpeg()
    existing = store_image(build_image(data, "armoured-train.jpg"), data)

    response = reporter.post(UPLOAD, {"files": [upload("again.jpg", data)]}, **JSON)

    (result,) = response.json()["results"]
    assert result == {
        "name": "again.jpg",
        "status": "duplicate",
        "message": f"The same file is already in the library as #{existing.pk} armoured "
        "train; it was not stored again.",
        "id": existing.pk,
        "url": reverse("admin:images_image_change", args=[existing.pk]),
    }
    assert list(Image.objects.all()) == [existing]


def test_without_javascript_the_form_sends_every_file_and_the_page_lists_each(reporter, media_root):
    files = [
        upload("train.jpg", image_files.jpeg()),
        upload("notes.jpg", b"hello"),
        upload("square.png", image_files.png(color="red")),
    ]

    response = reporter.post(UPLOAD, {"files": files})

    assert response.status_code == 200
    page = response.content.decode()
    stored = {image.title: image for image in Image.objects.all()}
    assert set(stored) == {"train", "square"}
    assert "3 files sent." in page
    for title in ["train", "square"]:
        url = reverse("admin:images_image_change", args=[stored[title].pk])
        assert f'<a class="upload-link" href="{url}">Open #{stored[title].pk}</a>' in page
    assert '<li class="upload-result upload-refused">' in page
    assert "notes.jpg is not an image" in page


def test_a_post_without_files_says_to_choose_some(reporter):
    response = reporter.post(UPLOAD, {}, **JSON)
    assert response.status_code == 400
    assert response.json() == {"error": "Choose one or more pictures to upload."}

    page = reporter.post(UPLOAD, {}).content.decode()
    assert '<p class="errornote">Choose one or more pictures to upload.</p>' in page


def test_an_upload_without_the_csrf_token_is_refused(media_root):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member_of("Editors"))

    response = client.post(UPLOAD, {"files": [upload("train.jpg", image_files.jpeg())]}, **JSON)

    assert response.status_code == 403
    assert not Image.objects.exists()
    assert files_stored(media_root) == []


def test_annotators_may_not_upload(client, media_root):
    client.force_login(member_of("Annotators"))

    assert client.get(UPLOAD).status_code == 403
    response = client.post(UPLOAD, {"files": [upload("train.jpg", image_files.jpeg())]}, **JSON)

    assert response.status_code == 403
    assert response.json() == {"error": "Uploading needs permission to add images."}
    assert not Image.objects.exists()
    assert files_stored(media_root) == []


def test_someone_not_logged_in_is_sent_to_the_login_page(client):
    response = client.post(UPLOAD, {"files": [upload("train.jpg", image_files.jpeg())]})

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert not Image.objects.exists()
