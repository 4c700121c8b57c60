"""Storage hygiene: a deleted picture's files go once the delete is committed (unless
another row still names them), and clean_image_files removes, after a grace period, the
files under images/ that no row names."""

import os
import time
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from articles.images.library import (
    build_image,
    delete_unnamed_files,
    store_image,
    store_renditions,
)
from articles.images.models import Image, Rendition
from tests import image_files

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]

DAY = 24 * 3600


def stored(data=None, **fields):
    data = data or image_files.jpeg((700, 400))
    image = build_image(data, "quay.jpg")
    for name, value in fields.items():
        setattr(image, name, value)
    return store_image(image, data)


def with_renditions(data=None, **fields):
    image = stored(data, **fields)
    store_renditions(image)
    return image


def files_in(media_root):
    return sorted(
        p.relative_to(media_root).as_posix() for p in media_root.rglob("*") if p.is_file()
    )


def files_of(image):
    return sorted([image.file.name, *image.renditions.values_list("file", flat=True)])


def age(media_root, name, days):
    then = time.time() - days * DAY
    os.utime(media_root / name, (then, then))


# --- Deleting a picture -------------------------------------------------------------------


def test_deleting_a_picture_deletes_its_files_once_committed(
    media_root, django_capture_on_commit_callbacks
):
    image = with_renditions()
    names = files_of(image)
    assert len(names) > 10 and files_in(media_root) == names

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        image.delete()
    assert files_in(media_root) == names  # not before the commit

    for callback in callbacks:
        callback()
    assert files_in(media_root) == []


def test_a_delete_rolled_back_keeps_the_files(media_root, django_capture_on_commit_callbacks):
    image = with_renditions()
    names, pk = files_of(image), image.pk

    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        image.delete()
        raise RuntimeError("the delete fails after the row went")

    assert Image.objects.filter(pk=pk).exists()
    assert files_in(media_root) == names


def test_a_file_another_picture_names_is_kept(media_root, django_capture_on_commit_callbacks):
    data = image_files.jpeg((700, 400), color="olive")
    first, second = with_renditions(data), with_renditions(data)  # the same file, twice
    assert files_of(first) == files_of(second)

    with django_capture_on_commit_callbacks(execute=True):
        first.delete()
    assert files_in(media_root) == files_of(second)

    with django_capture_on_commit_callbacks(execute=True):
        second.delete()
    assert files_in(media_root) == []


def test_deleting_pictures_in_bulk_deletes_their_files(
    media_root, django_capture_on_commit_callbacks
):
    with_renditions(image_files.jpeg(color="red"))
    with_renditions(image_files.jpeg(color="blue"))
    kept = with_renditions(image_files.jpeg(color="green"))

    with django_capture_on_commit_callbacks(execute=True):
        Image.objects.exclude(pk=kept.pk).delete()

    assert files_in(media_root) == files_of(kept)


def test_the_files_rows_name_are_looked_up_at_once(media_root, django_assert_num_queries):
    image = with_renditions()
    names = [*files_of(image), "images/renditions/unnamed.webp"]
    (media_root / names[-1]).write_bytes(b"old crop")

    with django_assert_num_queries(2):
        deleted = delete_unnamed_files(names)

    assert deleted == ["images/renditions/unnamed.webp"]
    assert files_in(media_root) == files_of(image)


# --- clean_image_files --------------------------------------------------------------------


def clean(*args):
    out = StringIO()
    call_command("clean_image_files", *args, stdout=out)
    return out.getvalue()


def test_it_deletes_old_files_no_row_names_and_keeps_the_rest(media_root):
    image = with_renditions()
    named = files_of(image)
    for name in named:
        age(media_root, name, 30)
    (media_root / "images/renditions/old-crop.jpg").write_bytes(b"x" * 2000)
    age(media_root, "images/renditions/old-crop.jpg", 8)
    (media_root / "images/renditions/new-upload.jpg").write_bytes(b"y")  # a moment old
    (media_root / "other").mkdir()
    (media_root / "other/kept.txt").write_bytes(b"not ours")
    age(media_root, "other/kept.txt", 30)

    output = clean()

    assert files_in(media_root) == sorted(
        [*named, "images/renditions/new-upload.jpg", "other/kept.txt"]
    )
    assert "Deleted images/renditions/old-crop.jpg (2 kB)." in output
    assert "Deleted 1 files no picture names (2 kB); kept 1 younger than 7 days." in output


def test_a_dry_run_lists_what_it_would_delete_and_deletes_nothing(media_root):
    (media_root / "images/originals").mkdir(parents=True)
    (media_root / "images/originals/gone.jpg").write_bytes(b"x" * 3000)
    age(media_root, "images/originals/gone.jpg", 10)

    output = clean("--dry-run")

    assert files_in(media_root) == ["images/originals/gone.jpg"]
    assert "Would delete images/originals/gone.jpg (3 kB)." in output
    assert "Would delete 1 files no picture names (3 kB)" in output


def test_crops_for_an_earlier_focal_point_go_after_the_grace_period(media_root):
    image = with_renditions(image_files.with_square((900, 400), format="JPEG"))
    before = set(files_of(image))
    image.focal_x = 0.9
    image.save()
    store_renditions(image)
    old_crops = before - set(files_of(image))
    assert old_crops and all((media_root / name).exists() for name in old_crops)

    clean()
    assert old_crops <= set(files_in(media_root))  # cached pages may still name them

    for name in old_crops:
        age(media_root, name, 8)
    clean()
    assert files_in(media_root) == files_of(image)
    assert Rendition.objects.filter(image=image).count() == len(files_of(image)) - 1


def test_a_shorter_grace_period_may_be_given(media_root):
    (media_root / "images/renditions").mkdir(parents=True)
    (media_root / "images/renditions/crop.webp").write_bytes(b"x")
    age(media_root, "images/renditions/crop.webp", 2)

    assert "Deleted 0 files" in clean()
    assert "Deleted 1 files" in clean("--grace-days", "1")


def test_no_grace_at_all_is_refused(media_root):
    with pytest.raises(CommandError, match="--grace-days must be 1 or more"):
        clean("--grace-days", "0")


def test_an_empty_library_has_nothing_to_clean(media_root):
    assert "Deleted 0 files no picture names (0 kB); kept 0" in clean()


# --- On S3 (skipped unless NEWSROOM_S3_BUCKET is set, as .ci/run sets it) ----------------


@pytest.mark.skipif(
    not os.environ.get("NEWSROOM_S3_BUCKET"),
    reason="NEWSROOM_S3_BUCKET is not set: this test needs an S3-compatible server",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_on_s3_a_deleted_pictures_files_go_and_the_rest_are_listed():
    import random

    from django.core.files.storage import default_storage

    color = tuple(random.randrange(256) for _ in range(3))  # new names for this run
    image = with_renditions(image_files.jpeg((500, 300), color))
    names = files_of(image)
    assert all(default_storage.exists(name) for name in names)

    output = clean("--dry-run")
    assert all(f"Would delete {name}" not in output for name in names)
    assert "younger than 7 days" in output

    image.delete()  # committed at once: no test transaction here
    assert not any(default_storage.exists(name) for name in names)
