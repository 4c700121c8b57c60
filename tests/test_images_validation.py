"""Bad pictures are refused with a message naming the file, and nothing is stored; awkward
but valid ones (animated, 16-bit, CMYK, transparent, rotated) are taken."""

import io

import pytest
from django.core.management import CommandError, call_command
from PIL import Image as PILImage

from articles.images.library import build_image
from articles.images.models import Image
from articles.images.validation import ImageRefused, check_image
from tests import image_files

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]


def stored_files(media_root):
    return sorted(p for p in media_root.rglob("*") if p.is_file()) if media_root.exists() else []


BAD = {
    "notes.txt": (b"Kim arrived in Beijing.", "is not an image"),
    "empty.jpg": (b"", "is empty"),
    "cut.jpg": (image_files.jpeg()[:700], "is corrupt or truncated"),
    "cut.png": (image_files.png()[:300], "is corrupt or truncated"),
    "garbled.png": (
        image_files.png()[:60] + b"\x00" * 40 + image_files.png()[100:],
        "is corrupt or truncated",
    ),
    "drawing.svg": (
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        "SVG is refused, as it can carry scripts",
    ),
    "hidden-svg.png": (
        b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>',
        "SVG is refused",
    ),
    "nothing.png": (image_files.zero_pixel_png(), "has no pixels (0x0)"),
    "page.pdf": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n", "is not an image"),
}


@pytest.mark.parametrize("name", BAD)
def test_each_bad_file_is_refused_by_name_and_nothing_is_stored(name, media_root):
    data, reason = BAD[name]

    with pytest.raises(ImageRefused) as refused:
        build_image(data, name)

    assert str(refused.value).startswith(name)
    assert reason in str(refused.value)


@pytest.mark.parametrize("name", BAD)
def test_import_images_refuses_each_bad_file_and_stores_nothing(name, tmp_path, media_root):
    data, reason = BAD[name]
    path = tmp_path / name
    path.write_bytes(data)

    with pytest.raises(CommandError):
        call_command("import_images", str(path), stderr=(err := io.StringIO()))

    assert str(path) in err.getvalue() and reason in err.getvalue()
    assert Image.objects.count() == 0
    assert stored_files(media_root) == []


def test_a_decompression_bomb_is_refused(monkeypatch):
    # The limit lowered, so that a small file is over it (the real one needs 89 megapixels).
    monkeypatch.setattr(PILImage, "MAX_IMAGE_PIXELS", 50_000)
    for size in [(300, 300), (400, 400)]:  # over the limit; over twice the limit
        with pytest.raises(ImageRefused, match="decompression bomb"):
            check_image(image_files.png(size), "bomb.png", 10**7)


def test_a_file_over_the_size_limit_is_refused_saying_the_limit(settings, tmp_path, media_root):
    settings.NEWSROOM_IMAGE_MAX_BYTES = 10_000
    path = tmp_path / "huge.png"
    data = image_files.encode(PILImage.effect_noise((200, 200), 60).convert("RGB"), "PNG")
    path.write_bytes(data)
    assert len(data) > 10_000

    with pytest.raises(CommandError):
        call_command("import_images", str(path), stderr=(err := io.StringIO()))

    assert f"{path} is {len(data) // 1000} kB, over the limit of 10 kB" in err.getvalue()
    assert Image.objects.count() == 0 and stored_files(media_root) == []


def frames_gif():
    frames = [PILImage.new("P", (60, 40), i * 40) for i in range(3)]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    return out.getvalue()


def cmyk_jpeg():
    return image_files.encode(PILImage.new("CMYK", (120, 80), (0, 255, 255, 0)), "JPEG")


def sixteen_bit_png():
    return image_files.encode(PILImage.new("I;16", (120, 80), 40000), "PNG")


def transparent_png():
    return image_files.png((120, 80), (255, 0, 0, 128), mode="RGBA")


def rotated_jpeg():
    exif = PILImage.Exif()
    exif[0x0112] = 6  # stored landscape, shown portrait
    return image_files.jpeg((120, 80), exif=exif)


AWKWARD = {
    "animated.gif": (frames_gif(), (60, 40)),
    "cmyk.jpg": (cmyk_jpeg(), (120, 80)),
    "deep.png": (sixteen_bit_png(), (120, 80)),
    "glass.png": (transparent_png(), (120, 80)),
    "turned.jpg": (rotated_jpeg(), (80, 120)),
}


@pytest.mark.parametrize("name", AWKWARD)
def test_awkward_but_valid_pictures_are_taken(name):
    data, size = AWKWARD[name]

    image = build_image(data, name)

    assert (image.width, image.height) == size
    assert image.file_size == len(data)
    assert len(image.content_hash) == 64
