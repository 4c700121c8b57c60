"""Is this upload a picture we can keep? Each refusal is an ImageRefused whose message
names the file and says why, and nothing is stored before these checks pass.

Pure apart from Pillow: it takes bytes and a name, so the admin, import_images and tests
share it.
"""

import io
import struct
import warnings
from dataclasses import dataclass

from PIL import Image as PILImage
from PIL import UnidentifiedImageError

# The formats we take. Pillow opens many more (EPS through Ghostscript, PSD, ICO...); only
# the web's formats and TIFF, which photographers send, are let through its parsers.
FORMATS = ("JPEG", "PNG", "GIF", "WEBP", "AVIF", "TIFF")
FORMAT_NAMES = "JPEG, PNG, GIF, WebP, AVIF or TIFF"
MIME_TYPES = {
    "JPEG": "image/jpeg",
    "PNG": "image/png",
    "GIF": "image/gif",
    "WEBP": "image/webp",
    "AVIF": "image/avif",
    "TIFF": "image/tiff",
}
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp", "AVIF": "avif"}
EXTENSIONS["TIFF"] = "tif"


class ImageRefused(ValueError):
    """An upload that is not stored; its message is shown to the person who sent it."""


@dataclass(frozen=True)
class Checked:
    """What the checks learnt about an accepted picture."""

    format: str  # Pillow's name: "JPEG", "PNG"...
    width: int  # as shown, after its EXIF orientation
    height: int
    animated: bool

    @property
    def extension(self) -> str:
        return EXTENSIONS[self.format]

    @property
    def mime_type(self) -> str:
        return MIME_TYPES[self.format]


def megabytes(size: int) -> str:
    """A size as people say it: "1.2 MB", "25 MB", "180 kB"."""
    if size < 1_000_000:
        return f"{size / 1000:.0f} kB"
    return f"{size / 1_000_000:.1f}".removesuffix(".0") + " MB"


def looks_like_svg(data: bytes, name: str) -> bool:
    head = data[:2048].lstrip().lower()
    return name.lower().endswith((".svg", ".svgz")) or (
        head.startswith((b"<?xml", b"<svg", b"<!doctype svg")) and b"<svg" in head
    )


def check_size(size: int, name: str, max_bytes: int) -> None:
    """Refuse a file over the size limit (ImageRefused naming `name`): an upload can be
    checked by its size before it is read into memory."""
    if size > max_bytes:
        raise ImageRefused(
            f"{name} is {megabytes(size)}, over the limit of {megabytes(max_bytes)} for a picture."
        )


def check_image(data: bytes, name: str, max_bytes: int) -> Checked:
    """Check one upload; return what it is, or raise ImageRefused naming `name`."""
    if not data:
        raise ImageRefused(f"{name} is empty: it is not an image.")
    check_size(len(data), name, max_bytes)
    if looks_like_svg(data, name):
        raise ImageRefused(f"{name} is an SVG drawing; SVG is refused, as it can carry scripts.")
    limit = PILImage.MAX_IMAGE_PIXELS
    try:
        with warnings.catch_warnings():
            # Pillow only warns between its limit and twice it; we refuse at the limit.
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            with PILImage.open(io.BytesIO(data), formats=FORMATS) as picture:
                picture.verify()  # structure and checksums, without decoding pixels
            with PILImage.open(io.BytesIO(data), formats=FORMATS) as picture:
                width, height = picture.size
                if width == 0 or height == 0:
                    raise ImageRefused(f"{name} has no pixels ({width}x{height}).")
                # Decoding every pixel of the first frame finds a truncated or corrupt file.
                picture.load()
                format_ = picture.format
                animated = getattr(picture, "is_animated", False)
                if _rotated(picture):
                    width, height = height, width
    except ImageRefused:
        raise
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
        raise ImageRefused(
            f"{name} is too many pixels to open safely (over {limit / 1_000_000:.0f} "
            "megapixels): it may be a decompression bomb."
        ) from None
    except UnidentifiedImageError:
        size = declared_size(data)
        if size is not None and 0 in size:
            raise ImageRefused(f"{name} has no pixels ({size[0]}x{size[1]}).") from None
        raise ImageRefused(
            f"{name} is not an image, or not one we take ({FORMAT_NAMES})."
        ) from None
    except (OSError, SyntaxError, ValueError, EOFError, IndexError, TypeError) as error:
        raise ImageRefused(f"{name} is corrupt or truncated ({error}).") from None
    return Checked(format=format_, width=width, height=height, animated=animated)


def declared_size(data: bytes) -> tuple[int, int] | None:
    """The size a PNG or GIF header declares: Pillow will not open a 0-pixel one, and we
    want to say why."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR":
        return struct.unpack(">II", data[16:24])
    if data.startswith((b"GIF87a", b"GIF89a")) and len(data) >= 10:
        return struct.unpack("<HH", data[6:10])
    return None


def _rotated(picture) -> bool:
    """Whether the EXIF orientation turns the picture a quarter (so width and height swap)."""
    try:
        return picture.getexif().get(0x0112) in (5, 6, 7, 8)
    except Exception:
        return False
