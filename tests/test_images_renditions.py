"""Renditions: widths never upscaled, AVIF (where Pillow has it), WebP and JPEG, crops
around the focal point, upright, sRGB and without metadata."""

import io

import pytest
from PIL import Image as PILImage
from PIL import ImageCms

from articles.images import renditions
from articles.images.renditions import SPECS_BY_NAME, crop_box, make_renditions
from tests import image_files


def opened(made):
    return PILImage.open(io.BytesIO(made.data))


def test_every_spec_in_every_format_for_a_wide_picture():
    made = make_renditions(image_files.jpeg((2100, 1400)), 0.5, 0.5)

    assert {(m.spec, m.format) for m in made} == {
        (spec.name, format_) for spec in renditions.SPECS for format_ in renditions.FORMATS
    }
    sizes = {m.spec: (m.width, m.height) for m in made}
    assert sizes["w320"] == (320, 213)
    assert sizes["w2048"] == (2048, 1365)
    assert sizes["16x9-w1200"] == (1200, 675)
    assert sizes["4x3-w1200"] == (1200, 900)
    assert sizes["1x1-w800"] == (800, 800)
    assert sizes["social"] == (1200, 630)
    for m in made:
        picture = opened(m)
        assert picture.format == {"avif": "AVIF", "webp": "WEBP", "jpeg": "JPEG"}[m.format]
        assert picture.size == (m.width, m.height)


def test_avif_is_made_when_this_pillow_supports_it():
    from PIL import features

    assert ("avif" in renditions.FORMATS) == features.check("avif")


def test_a_small_picture_is_never_upscaled():
    made = make_renditions(image_files.jpeg((500, 250)), 0.5, 0.5)

    widths = {m.spec: m.width for m in made}
    assert widths["w320"] == 320
    assert "w640" not in widths and "w2048" not in widths
    assert widths["16x9-w1200"] == 444  # the crop at the picture's own size
    assert max(m.width for m in made) <= 500


def test_a_picture_narrower_than_the_smallest_width_keeps_its_own():
    made = make_renditions(image_files.png((100, 60)), 0.5, 0.5)

    assert {m.width for m in made if m.spec == "w320"} == {100}


@pytest.mark.parametrize("focal", [(0.8, 0.3), (0.05, 0.95), (0.5, 0.5)])
def test_every_crop_keeps_the_red_square_at_the_focal_point(focal):
    data = image_files.with_square((800, 400), at=focal, side=30)

    made = make_renditions(data, *focal)

    for m in made:
        if m.format != "jpeg" or not SPECS_BY_NAME[m.spec].crops:
            continue
        picture = opened(m).convert("RGB")
        reds = [
            (x, y)
            for x in range(picture.width)
            for y in range(0, picture.height, 2)
            if (p := picture.getpixel((x, y)))[0] > 200 and p[1] < 60 and p[2] < 60
        ]
        assert reds, f"{m.spec}: the square is outside the crop"


def test_crop_box_is_centred_on_the_focal_point_and_clamped_inside():
    assert crop_box(1600, 900, (1, 1), 0.5, 0.5) == (350, 0, 1250, 900)
    assert crop_box(1600, 900, (1, 1), 0.0, 0.5) == (0, 0, 900, 900)
    assert crop_box(1600, 900, (1, 1), 1.0, 0.5) == (700, 0, 1600, 900)
    assert crop_box(900, 1600, (16, 9), 0.5, 0.1) == (0, 0, 900, 506)


def test_exif_orientation_is_applied():
    exif = PILImage.Exif()
    exif[0x0112] = 6  # the camera was turned: stored landscape, shown portrait
    data = image_files.jpeg((400, 200), exif=exif)

    made = make_renditions(data, 0.5, 0.5, [SPECS_BY_NAME["w320"]])

    assert {(m.width, m.height) for m in made} == {(200, 400)}


def test_renditions_carry_no_metadata():
    exif = PILImage.Exif()
    exif[0x013B] = "Jane Doe"
    exif[0x0112] = 1
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    data = image_files.jpeg((400, 300), exif=exif, icc_profile=icc, xmp=image_files.xmp_packet("x"))

    for m in make_renditions(data, 0.5, 0.5, [SPECS_BY_NAME["w320"]]):
        picture = opened(m)
        assert not picture.getexif(), m.format
        assert "icc_profile" not in picture.info, m.format
        assert "xmp" not in picture.info, m.format


def test_a_colour_profile_is_converted_to_srgb_and_dropped(monkeypatch):
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    data = image_files.jpeg((100, 100), color=(200, 40, 40), icc_profile=icc, quality=95)
    converted = []
    real = ImageCms.profileToProfile
    monkeypatch.setattr(
        ImageCms, "profileToProfile", lambda *a, **k: converted.append(1) or real(*a, **k)
    )

    made = make_renditions(data, 0.5, 0.5, [SPECS_BY_NAME["w320"]])

    assert converted
    for m in made:
        assert "icc_profile" not in opened(m).info
        red, green, blue = opened(m).convert("RGB").getpixel((50, 50))
        assert abs(red - 200) < 8 and abs(green - 40) < 8 and abs(blue - 40) < 8, m.format


def test_transparency_is_kept_in_webp_and_flattened_on_white_in_jpeg():
    data = image_files.png((100, 100), (255, 0, 0, 0), mode="RGBA")

    made = {m.format: m for m in make_renditions(data, 0.5, 0.5, [SPECS_BY_NAME["w320"]])}

    assert opened(made["webp"]).mode == "RGBA"
    assert opened(made["jpeg"]).convert("RGB").getpixel((50, 50)) >= (250, 250, 250)


@pytest.mark.parametrize(
    "mode,color",
    [("CMYK", (0, 255, 255, 0)), ("I;16", 50000), ("P", 3), ("L", 128), ("LA", (128, 200))],
)
def test_unusual_modes_make_renditions(mode, color):
    format_ = "TIFF" if mode in ("CMYK", "LA") else "PNG"
    data = image_files.encode(PILImage.new(mode, (60, 40), color), format_)

    made = make_renditions(data, 0.5, 0.5, [SPECS_BY_NAME["w320"]])

    assert all(opened(m).mode in ("RGB", "RGBA") for m in made)


def test_a_sixteen_bit_picture_keeps_its_brightness():
    data = image_files.encode(PILImage.new("I;16", (60, 40), 32768), "PNG")

    (made,) = [
        m for m in make_renditions(data, 0.5, 0.5, [SPECS_BY_NAME["w320"]]) if m.format == "jpeg"
    ]

    assert 120 < opened(made).convert("L").getpixel((30, 20)) < 136


def test_an_animated_gif_gives_its_first_frame():
    frames = [PILImage.new("RGB", (60, 40), color) for color in ["red", "blue", "green"]]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], duration=100)

    made = make_renditions(out.getvalue(), 0.5, 0.5, [SPECS_BY_NAME["w320"]])

    for m in made:
        red, green, blue = opened(m).convert("RGB").getpixel((30, 20))
        assert red > 200 and blue < 60, m.format
