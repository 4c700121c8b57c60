"""Renditions of a picture: smaller widths and focal-point crops, encoded as AVIF (when this
Pillow can), WebP and JPEG.

Pure apart from Pillow: given the original's bytes and a focal point it returns encoded
bytes; storing them is the job's (articles/images/jobs.py). Every rendition is sRGB, turned
upright by its EXIF orientation, and carries no metadata: credits live in our database,
and a camera's EXIF can say where a photographer lives.
"""

import io
from dataclasses import dataclass

from PIL import Image as PILImage
from PIL import ImageCms, ImageOps, features


@dataclass(frozen=True)
class Spec:
    """A rendition's shape: a width, and for a crop its aspect ratio."""

    name: str
    width: int
    ratio: tuple[int, int] | None = None  # None: the whole picture, scaled

    @property
    def crops(self) -> bool:
        return self.ratio is not None


WIDTHS = [320, 640, 1024, 1600, 2048]
SPECS = [
    *(Spec(f"w{width}", width) for width in WIDTHS),
    # Google's Article structured data asks for 16x9, 4x3 and 1x1; "social" is the
    # 1200x630 card of og:image and Twitter.
    Spec("16x9-w1200", 1200, (16, 9)),
    Spec("4x3-w1200", 1200, (4, 3)),
    Spec("1x1-w800", 800, (1, 1)),
    Spec("social", 1200, (1200, 630)),
]
SPECS_BY_NAME = {spec.name: spec for spec in SPECS}

# Best first: a <picture> offers them in this order.
AVIF_SUPPORTED = features.check("avif")
FORMATS = (["avif"] if AVIF_SUPPORTED else []) + ["webp", "jpeg"]
EXTENSIONS = {"avif": "avif", "webp": "webp", "jpeg": "jpg"}
CONTENT_TYPES = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg"}
# Quality settings that look alike to the eye at a fraction of the original's bytes.
SAVE_OPTIONS = {
    "avif": {"format": "AVIF", "quality": 60, "speed": 8},
    "webp": {"format": "WEBP", "quality": 80, "method": 4},
    "jpeg": {"format": "JPEG", "quality": 82, "optimize": True, "progressive": True},
}

SRGB = ImageCms.createProfile("sRGB")


@dataclass(frozen=True)
class Made:
    spec: str
    format: str
    width: int
    height: int
    data: bytes


def focal_key(focal_x: float, focal_y: float) -> str:
    """How a focal point is written in a crop's key: two decimals, so a click a pixel away
    reuses the crops already made."""
    return f"{focal_x:.2f},{focal_y:.2f}"


def open_upright(data: bytes) -> PILImage.Image:
    """The picture as renditions start from it: the first frame (of an animated GIF),
    upright (EXIF orientation), in sRGB, as 8-bit RGB or RGBA."""
    picture = PILImage.open(io.BytesIO(data))
    picture.seek(0)
    picture.load()
    icc = picture.info.get("icc_profile")
    picture = ImageOps.exif_transpose(picture)
    picture = _eight_bit(picture)
    if icc:
        picture = _to_srgb(picture, icc)
    picture = picture.convert("RGBA" if _has_alpha(picture) else "RGB")
    picture.info = {}  # no EXIF, ICC, XMP or comments are carried into the renditions
    return picture


def _eight_bit(picture):
    """16-bit and 32-bit greyscale scaled into 8 bits (Pillow's convert would clip)."""
    if picture.mode in ("I;16", "I;16B", "I;16L", "I"):
        picture = picture.convert("I")
        low, high = picture.getextrema()
        top = 65535 if high > 255 else 255
        return picture.point(lambda value: value * 255 / top).convert("L")
    if picture.mode == "F":
        return picture.convert("L")
    return picture


def _has_alpha(picture) -> bool:
    return picture.mode in ("RGBA", "LA", "PA") or (
        picture.mode in ("P", "L", "RGB") and "transparency" in picture.info
    )


def _to_srgb(picture, icc: bytes):
    """Convert from the file's colour profile to sRGB (CMYK through its profile too); a
    profile LittleCMS cannot read is ignored rather than stopping the renditions."""
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        if picture.mode not in ("RGB", "RGBA", "CMYK", "L"):
            picture = picture.convert("RGBA" if _has_alpha(picture) else "RGB")
        output = "RGBA" if picture.mode == "RGBA" else "RGB"
        return ImageCms.profileToProfile(picture, source, SRGB, outputMode=output)
    except (ImageCms.PyCMSError, OSError, ValueError):
        return picture


def crop_box(width: int, height: int, ratio: tuple[int, int], focal_x: float, focal_y: float):
    """The largest box of `ratio` inside width x height, centred on the focal point as
    nearly as the picture's edges allow."""
    rw, rh = ratio
    if width * rh > height * rw:  # wider than the ratio: full height, cut the sides
        box_w, box_h = max(1, round(height * rw / rh)), height
    else:  # taller: full width, cut top and bottom
        box_w, box_h = width, max(1, round(width * rh / rw))
    left = round(focal_x * width - box_w / 2)
    top = round(focal_y * height - box_h / 2)
    left = min(max(left, 0), width - box_w)
    top = min(max(top, 0), height - box_h)
    return (left, top, left + box_w, top + box_h)


def shape(picture, spec: Spec, focal_x: float, focal_y: float):
    """The picture cropped (for a crop spec) and scaled down to the spec's width; never
    scaled up."""
    if spec.crops:
        picture = picture.crop(crop_box(*picture.size, spec.ratio, focal_x, focal_y))
    width, height = picture.size
    if width > spec.width:
        new_height = max(1, round(height * spec.width / width))
        picture = picture.resize((spec.width, new_height), PILImage.LANCZOS, reducing_gap=3.0)
    return picture


def specs_for(width: int) -> list[Spec]:
    """The specs worth making for a picture this wide: a width spec only where it is no
    wider than the picture (the smallest always, at the picture's own width), every crop."""
    widths = [spec for spec in SPECS if not spec.crops and spec.width <= width]
    return (widths or [SPECS[0]]) + [spec for spec in SPECS if spec.crops]


def encode(picture, format_: str) -> bytes:
    if format_ == "jpeg" and picture.mode == "RGBA":
        # JPEG has no transparency: flatten on white, as the page behind it is.
        flat = PILImage.new("RGB", picture.size, "white")
        flat.paste(picture, mask=picture.getchannel("A"))
        picture = flat
    out = io.BytesIO()
    picture.save(out, **SAVE_OPTIONS[format_])
    return out.getvalue()


def make_renditions(
    data: bytes, focal_x: float, focal_y: float, specs: list[Spec] | None = None
) -> list[Made]:
    """Every rendition of the picture in `data`: each spec (by default all those worth
    making) in each format."""
    picture = open_upright(data)
    made = []
    for spec in specs if specs is not None else specs_for(picture.width):
        shaped = shape(picture, spec, focal_x, focal_y)
        for format_ in FORMATS:
            made.append(Made(spec.name, format_, *shaped.size, encode(shaped, format_)))
    return made
