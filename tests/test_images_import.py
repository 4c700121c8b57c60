"""import_articles with pictures: the `image:` front-matter keys of a .md file bring its lead
image into the library with the article, once per picture, and every bad picture is
refused by name with nothing stored: no article, no image row, no file."""

import datetime

import pytest
from django.utils import timezone

from articles.images.library import build_image, store_image
from articles.images.models import Image
from articles.models import Article, ArticleStatus
from tests import image_files
from tests.test_import_articles import run

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]


def story(folder, name="harbour.md", status="published", **front):
    """A .md story in `folder` whose front matter holds `front` (image keys and others)."""
    lines = [
        "---",
        "title: Marrowby harbour reopens",
        "section: world",
        f"status: {status}",
        *(f'{key}: "{value}"' for key, value in front.items()),
        "---",
        "",
        "Fishing boats returned to the Old Quay on Monday.",
        "",
    ]
    path = folder / name
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def put(folder, name, data):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def stored_files(media_root):
    return sorted(p.name for p in media_root.rglob("*") if p.is_file())


def nothing_stored(media_root):
    return (
        not Article.objects.exists() and not Image.objects.exists() and not stored_files(media_root)
    )


ALT = "Fishing boats moored along the Old Quay"


# --- A story with its picture -------------------------------------------------------------


def test_the_picture_becomes_the_articles_lead_image_with_what_the_front_matter_says(tmp_path):
    put(tmp_path, "photos/quay.jpg", image_files.jpeg((640, 400)))
    path = story(
        tmp_path,
        image="photos/quay.jpg",
        image_alt=ALT,
        image_caption="The Old Quay at dawn on Monday.",
        image_credit="Jane Doe/Marrowby Gazette",
    )

    out, err, error = run(path)

    assert error is None, err
    article = Article.objects.get()
    image = article.lead_image
    assert (image.title, image.alt_text, image.credit) == ("quay", ALT, "Jane Doe/Marrowby Gazette")
    assert (image.width, image.height) == (640, 400)
    assert article.lead_image_caption == "The Old Quay at dawn on Monday."
    assert image.caption == "The Old Quay at dawn on Monday."  # the file had none of its own
    assert article.status == ArticleStatus.PUBLISHED
    assert f"Stored image #{image.pk} “quay” from photos/quay.jpg" in out


def test_the_files_own_credits_stay_unless_the_front_matter_gives_others(tmp_path):
    put(
        tmp_path,
        "quay.jpg",
        image_files.iptc_jpeg({(2, 120): "Boats at the quay", (2, 110): "Wire Photo"}),
    )

    out, err, error = run(story(tmp_path, image="quay.jpg", image_alt=ALT))

    assert error is None, err
    image = Image.objects.get()
    assert (image.caption, image.credit) == ("Boats at the quay", "Wire Photo")
    assert Article.objects.get().lead_image_caption == ""


def test_importing_again_stores_the_picture_once_and_changes_nothing(tmp_path, media_root):
    put(tmp_path, "quay.jpg", image_files.jpeg())
    path = story(tmp_path, image="quay.jpg", image_alt=ALT)
    run(path)
    article = Article.objects.get()

    out, err, error = run(path)

    assert error is None, err
    assert Image.objects.count() == 1
    assert len(stored_files(media_root)) == 1
    assert Article.objects.get().version == article.version
    assert "unchanged" in out


def test_a_picture_already_in_the_library_is_used_and_keeps_what_editors_wrote(tmp_path):
    data = image_files.jpeg()
    existing = build_image(data, "library.jpg")
    existing.alt_text, existing.title = "Boats at the quay, written by an editor", "Quay"
    store_image(existing, data)
    put(tmp_path, "copy-of-quay.jpg", data)

    out, err, error = run(
        story(tmp_path, image="copy-of-quay.jpg", image_alt="Other words", image_credit="Wire")
    )

    assert error is None, err
    image = Image.objects.get()
    assert Article.objects.get().lead_image == image
    assert image.alt_text == "Boats at the quay, written by an editor"
    assert image.credit == "Wire"  # it had none
    assert f"Image copy-of-quay.jpg is already in the library as #{image.pk} “Quay”" in out


def test_two_stories_with_one_picture_share_it(tmp_path, media_root):
    put(tmp_path, "quay.jpg", image_files.jpeg())
    first = story(tmp_path, "first.md", image="quay.jpg", image_alt=ALT)
    second = story(tmp_path, "second.md", image="quay.jpg", image_alt=ALT, slug="second")

    out, err, error = run(first, second)

    assert error is None, err
    assert Image.objects.count() == 1
    assert {article.lead_image_id for article in Article.objects.all()} == {Image.objects.get().pk}


def test_a_draft_may_have_a_picture_without_alt_text_until_it_is_published(tmp_path):
    put(tmp_path, "quay.jpg", image_files.jpeg())

    out, err, error = run(story(tmp_path, status="draft", image="quay.jpg"))

    assert error is None, err
    assert Article.objects.get().lead_image.alt_text == ""


# --- Refused, with nothing stored ---------------------------------------------------------


def refused(path, media_root):
    out, err, error = run(path)
    assert error is not None
    assert nothing_stored(media_root)
    return err


def test_a_missing_picture_is_refused(tmp_path, media_root):
    err = refused(story(tmp_path, image="photos/nowhere.jpg", image_alt=ALT), media_root)

    assert 'image "photos/nowhere.jpg" was not found beside this file (nothing imported)' in err


@pytest.mark.parametrize("given", ["../../etc/passwd", "../secret.jpg", "photos/../../x.jpg"])
def test_a_path_leading_out_of_the_folder_is_refused(tmp_path, media_root, given):
    folder = tmp_path / "wire"
    folder.mkdir()
    put(tmp_path, "secret.jpg", image_files.jpeg())

    err = refused(story(folder, image=given, image_alt=ALT), media_root)

    assert f'image "{given}" is outside the folder of this file' in err


@pytest.mark.parametrize("given", ["/etc/passwd", "C:\\\\photos\\\\quay.jpg"])
def test_an_absolute_path_is_refused(tmp_path, media_root, given):
    err = refused(story(tmp_path, image=given, image_alt=ALT), media_root)

    assert "must be a path relative to this file" in err


def test_a_link_leading_out_of_the_folder_is_refused(tmp_path, media_root):
    folder = tmp_path / "wire"
    folder.mkdir()
    outside = put(tmp_path, "outside.jpg", image_files.jpeg())
    (folder / "quay.jpg").symlink_to(outside)

    err = refused(story(folder, image="quay.jpg", image_alt=ALT), media_root)

    assert 'image "quay.jpg" is outside the folder of this file' in err


def test_a_file_that_is_not_a_picture_is_refused(tmp_path, media_root):
    put(tmp_path, "quay.jpg", b"Fishing boats returned to the quay.\n")

    err = refused(story(tmp_path, image="quay.jpg", image_alt=ALT), media_root)

    assert "image quay.jpg is not an image, or not one we take" in err


def test_an_svg_is_refused(tmp_path, media_root):
    put(tmp_path, "map.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>')

    err = refused(story(tmp_path, image="map.svg", image_alt=ALT), media_root)

    assert "image map.svg is an SVG drawing; SVG is refused, as it can carry scripts" in err


def test_a_picture_over_the_size_limit_is_refused_before_it_is_read(tmp_path, media_root, settings):
    settings.NEWSROOM_IMAGE_MAX_BYTES = 10_000
    put(tmp_path, "quay.png", image_files.encode(image_files.picture((300, 300)), "BMP"))

    err = refused(story(tmp_path, image="quay.png", image_alt=ALT), media_root)

    assert "image quay.png is 270 kB, over the limit of 10 kB for a picture" in err


def test_publishing_with_a_picture_without_alt_text_is_refused(tmp_path, media_root):
    put(tmp_path, "quay.jpg", image_files.jpeg())

    err = refused(story(tmp_path, image="quay.jpg"), media_root)

    assert 'image quay.jpg has no alt text; give "image_alt:"' in err


def test_a_story_refused_after_its_picture_was_stored_leaves_no_file(tmp_path, media_root):
    put(tmp_path, "quay.jpg", image_files.jpeg())
    # The picture is stored before the article is checked, which refuses this date.
    path = story(tmp_path, image="quay.jpg", image_alt=ALT, publish_at="1066-10-14T09:00:00Z")

    err = refused(path, media_root)

    assert "Choose a date between 1800 and 2199" in err


def test_publishing_with_a_library_picture_that_may_not_be_used_is_refused(tmp_path):
    data = image_files.jpeg()
    image = build_image(data, "quay.jpg")
    image.alt_text, image.title, image.may_be_used = ALT, "Quay", False
    store_image(image, data)
    put(tmp_path, "quay.jpg", data)

    out, err, error = run(story(tmp_path, image="quay.jpg"))

    assert f"Image “Quay” (#{image.pk}) may not be used." in err
    assert not Article.objects.exists()
    assert Image.objects.count() == 1


def test_scheduling_past_a_library_pictures_last_day_is_refused(tmp_path):
    data = image_files.jpeg()
    image = build_image(data, "quay.jpg")
    image.alt_text, image.may_be_used_until = ALT, timezone.localdate()
    store_image(image, data)
    put(tmp_path, "quay.jpg", data)
    later = (timezone.now() + datetime.timedelta(days=3)).strftime("%Y-%m-%dT%H:%M:%SZ")

    out, err, error = run(story(tmp_path, image="quay.jpg", publish_at=later))

    assert "before the article goes live on" in err
    assert not Article.objects.exists()


def test_image_keys_without_an_image_are_refused(tmp_path, media_root):
    err = refused(story(tmp_path, image_alt=ALT), media_root)

    assert 'front matter gives image_alt but no image; add "image: photos/harbour.jpg"' in err


def test_alt_text_with_a_control_character_is_refused(tmp_path, media_root):
    put(tmp_path, "quay.jpg", image_files.jpeg())

    err = refused(story(tmp_path, image="quay.jpg", image_alt="Boats\\u0007"), media_root)

    assert "front matter image_alt holds an invisible control character" in err


def test_one_bad_picture_leaves_the_other_stories_imported(tmp_path, media_root):
    put(tmp_path, "quay.jpg", image_files.jpeg())
    good = story(tmp_path, "good.md", image="quay.jpg", image_alt=ALT)
    bad = story(tmp_path, "bad.md", image="missing.jpg", image_alt=ALT, slug="bad")

    out, err, error = run(good, bad)

    assert str(error) == "1 of 2 files failed"
    assert list(Article.objects.values_list("slug", flat=True)) == ["marrowby-harbour-reopens"]
    assert Image.objects.count() == 1 and len(stored_files(media_root)) == 1
