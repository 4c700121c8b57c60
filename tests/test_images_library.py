"""The library: storing pictures (once per content), rights, the publish check's words,
the fallback to the nearest rendition, and import_images."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from articles.images.library import build_image, store_image, store_renditions
from articles.images.models import Image, Rendition
from tests import image_files

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]


def stored(data=None, name="kim.jpg", **fields):
    data = data or image_files.jpeg((700, 400))
    image = build_image(data, name)
    for key, value in fields.items():
        setattr(image, key, value)
    return store_image(image, data)


def files_in(media_root):
    return sorted(
        p.relative_to(media_root).as_posix() for p in media_root.rglob("*") if p.is_file()
    )


def test_the_original_is_stored_under_its_content_hash(media_root):
    image = stored()

    assert image.file.name == f"images/originals/{image.content_hash[:20]}.jpg"
    assert files_in(media_root) == [image.file.name]
    assert (image.width, image.height, image.file_size) == (700, 400, image.file.size)


def test_the_same_file_twice_is_stored_once(media_root):
    first, second = stored(), stored()

    assert first.file.name == second.file.name
    assert len(files_in(media_root)) == 1


def test_is_usable_follows_the_flag_and_the_expiry():
    now = timezone.now()
    today = timezone.localdate(now)
    image = stored()
    assert image.is_usable(now)
    image.may_be_used_until = today
    assert image.is_usable(now)
    image.may_be_used_until = today - datetime.timedelta(days=1)
    assert not image.is_usable(now)
    image.may_be_used_until = None
    image.may_be_used = False
    assert not image.is_usable(now)


def test_publish_problem_names_the_picture_and_says_why():
    image = stored(title="Armoured train", alt_text="")
    assert image.publish_problem() == f"Image “Armoured train” (#{image.pk}) has no alt text."
    image.alt_text = "A green train at a platform"
    assert image.publish_problem() is None
    image.may_be_used_until = datetime.date(2020, 1, 31)
    assert "may be used only until 2020-01-31, which has passed" in image.publish_problem()
    image.may_be_used = False
    assert image.publish_problem() == f"Image “Armoured train” (#{image.pk}) may not be used."


def test_until_renditions_exist_the_original_is_used():
    image = stored()

    assert image.best_rendition("w640", "webp") is None
    assert image.url_for("w640", "webp") == image.file.url


def test_the_nearest_rendition_stands_in_for_one_not_made_yet():
    image = stored(image_files.jpeg((2100, 1000)))
    store_renditions(image)
    Rendition.objects.filter(image=image, spec="w1024").delete()
    Rendition.objects.filter(image=image, spec="w640", format="webp").delete()
    image = Image.objects.prefetch_related("renditions").get(pk=image.pk)

    assert image.best_rendition("w1024", "webp").spec == "w1600"  # the next larger
    assert image.best_rendition("w640", "webp").spec == "w1600"  # this format first
    assert image.best_rendition("w640", "jpeg").spec == "w640"
    assert image.best_rendition("social", "jpeg").spec == "social"
    assert image.best_rendition("1x1-w800", "avif").width == 800
    assert image.url_for("w320", "jpeg").startswith("/media/images/renditions/")


def test_a_crop_for_an_old_focal_point_stands_in_until_the_new_one_is_made():
    image = stored()
    store_renditions(image)
    Image.objects.filter(pk=image.pk).update(focal_x=0.1)
    image = Image.objects.get(pk=image.pk)

    assert image.best_rendition("social", "jpeg").focal_key == "0.50,0.50"


def test_the_focal_point_must_be_inside_the_picture():
    from django.core.exceptions import ValidationError

    image = stored()
    image.focal_x = 1.5
    with pytest.raises(ValidationError):
        image.full_clean()


# --- import_images --------------------------------------------------------------------


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def import_images(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_images", *args, stdout=out, stderr=err)
    return out.getvalue()


def test_import_images_stores_each_file_and_says_what_it_stored(tmp_path):
    first = write(tmp_path, "kim_in_beijing.jpg", image_files.jpeg((640, 480), "red"))
    second = write(tmp_path, "putin.png", image_files.png((300, 200), "blue"))

    said = import_images(first, second, "--credit", "Jane Doe/Reuters", "--licence", "© Reuters")

    kim, putin = Image.objects.order_by("pk")
    assert f"Stored #{kim.pk} “kim in beijing” from {first} (" in said
    assert f"Stored #{putin.pk} “putin” from {second} (" in said
    assert "640x480" in said and "Imported 2 of 2 files." in said
    assert {(i.credit, i.licence) for i in (kim, putin)} == {("Jane Doe/Reuters", "© Reuters")}


def test_import_images_keeps_the_files_own_credits_without_options(tmp_path):
    data = image_files.iptc_jpeg({(2, 110): "AP Photo", (2, 116): "© AP", (2, 120): "Kim"})

    import_images(write(tmp_path, "kim.jpg", data))

    image = Image.objects.get()
    assert (image.caption, image.credit, image.licence) == ("Kim", "AP Photo", "© AP")


def test_import_images_names_a_picture_already_in_the_library(tmp_path):
    data = image_files.jpeg()
    existing = stored(data, title="Already here")

    said = import_images(write(tmp_path, "again.jpg", data))

    assert f"already in the library as #{existing.pk} “Already here”" in said
    assert Image.objects.count() == 1


def test_import_images_is_all_or_nothing(tmp_path, media_root):
    good = write(tmp_path, "good.jpg", image_files.jpeg())
    bad = write(tmp_path, "bad.jpg", b"not a picture at all")
    missing = str(tmp_path / "missing.jpg")
    err = io.StringIO()

    with pytest.raises(CommandError, match="Nothing imported: 2 of 3 files refused"):
        call_command("import_images", good, bad, missing, stderr=err)

    assert f"{bad} is not an image" in err.getvalue()
    assert f"{missing}: cannot be read" in err.getvalue()
    assert Image.objects.count() == 0
    assert files_in(media_root) == []


def test_media_served_in_development_is_cached_for_ever(rf, media_root):
    from articles.images.views import serve_media

    image = stored()

    response = serve_media(rf.get("/"), image.file.name, document_root=media_root)

    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
