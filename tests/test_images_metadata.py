"""Caption, credit and copyright are prefilled from a picture's IPTC, XMP or EXIF."""

import io

from PIL import Image as PILImage

from articles.images.library import build_image
from articles.images.metadata import read_credits
from tests import image_files


def credits_of(data):
    with PILImage.open(io.BytesIO(data)) as picture:
        return read_credits(picture)


def exif(**tags):
    found = PILImage.Exif()
    for tag, value in tags.items():
        found[{"description": 0x010E, "artist": 0x013B, "copyright": 0x8298}[tag]] = value
    return found


def test_iptc_caption_credit_and_copyright_are_read():
    data = image_files.iptc_jpeg(
        {
            (2, 120): "Kim Jong Un arrives in Beijing",
            (2, 110): "Jane Doe/Reuters",
            (2, 116): "© Reuters",
        }
    )

    assert credits_of(data) == {
        "caption": "Kim Jong Un arrives in Beijing",
        "credit": "Jane Doe/Reuters",
        "copyright": "© Reuters",
    }


def test_iptc_by_line_is_the_credit_when_there_is_no_credit():
    data = image_files.iptc_jpeg({(2, 80): "Jane Doe"})

    assert credits_of(data)["credit"] == "Jane Doe"


def test_xmp_description_credit_and_rights_are_read():
    packet = image_files.xmp_packet("Xi Jinping greets Kim", "AP Photo/John Roe", "© AP")
    data = image_files.jpeg(xmp=packet)

    assert credits_of(data) == {
        "caption": "Xi Jinping greets Kim",
        "credit": "AP Photo/John Roe",
        "copyright": "© AP",
    }


def test_exif_description_artist_and_copyright_are_read():
    data = image_files.jpeg(
        exif=exif(description="A train", artist="J. Doe", copyright="(c) J. Doe")
    )

    assert credits_of(data) == {"caption": "A train", "credit": "J. Doe", "copyright": "(c) J. Doe"}


def test_iptc_comes_before_xmp_and_xmp_before_exif_field_by_field():
    packet = image_files.xmp_packet("XMP caption", "XMP credit", "")
    with_all = image_files.encode(
        PILImage.open(io.BytesIO(image_files.iptc_jpeg({(2, 120): "IPTC caption"}))),
        "JPEG",
        xmp=packet,
        exif=exif(description="EXIF caption", artist="EXIF artist", copyright="EXIF (c)"),
    )
    # Re-encoding drops the IPTC block; splice it in again.
    iptc = image_files.iptc_jpeg({(2, 120): "IPTC caption"})
    segment_end = 4 + int.from_bytes(iptc[4:6], "big")
    data = with_all[:2] + iptc[2:segment_end] + with_all[2:]

    assert credits_of(data) == {
        "caption": "IPTC caption",
        "credit": "XMP credit",
        "copyright": "EXIF (c)",
    }


def test_a_picture_without_metadata_gives_blanks():
    assert credits_of(image_files.png()) == {"caption": "", "credit": "", "copyright": ""}


def test_a_broken_xmp_packet_is_ignored():
    data = image_files.jpeg(xmp=b"<x:xmpmeta><unclosed>")

    assert credits_of(data) == {"caption": "", "credit": "", "copyright": ""}


def test_build_image_prefills_caption_credit_and_licence_and_a_title():
    data = image_files.iptc_jpeg(
        {(2, 120): "Kim arrives", (2, 110): "Jane Doe/Reuters", (2, 116): "© Reuters"}
    )

    image = build_image(data, "kim_arrives-in-beijing.jpg")

    assert (image.title, image.caption, image.credit, image.licence) == (
        "kim arrives in beijing",
        "Kim arrives",
        "Jane Doe/Reuters",
        "© Reuters",
    )
