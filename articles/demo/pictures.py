"""The demo's pictures, drawn here with Pillow when `load_demo` runs: invented scenes of the
demo's invented city (its harbour, its council chamber, a map, its mayor as a silhouette, a
night bus, a train, a kelp forest). No photograph is downloaded or shipped.

Every drawing is deterministic (fixed shapes, and fixed seeds where it scatters stars or
windows), so the same Pillow draws the same bytes each time, and a second `load_demo`
finds each picture already in the library by its content hash.
"""

import io
import math
import random
from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont, ImageOps

WIDE = (1280, 720)
CREDIT = "Newsroom demo"
LICENCE = "CC0 1.0: drawn for the Newsroom demo, free to use"
SOURCE = "Drawn with Pillow by manage.py load_demo"


@dataclass(frozen=True)
class DemoPicture:
    """One drawing and what the library says of it."""

    key: str  # also its file name, key.jpg
    title: str
    alt: str
    caption: str
    draw: Callable[[], Image.Image]

    def jpeg(self) -> bytes:
        out = io.BytesIO()
        self.draw().save(out, "JPEG", quality=88)
        return out.getvalue()


# --- Drawing helpers ------------------------------------------------------------------------


def gradient(size, top, bottom) -> Image.Image:
    """A vertical gradient from colour `top` to colour `bottom`."""
    ramp = Image.linear_gradient("L").resize(size)
    return ImageOps.colorize(ramp, black=top, white=bottom)


def glow(picture, box, colour, alpha=90) -> None:
    """A soft translucent ellipse (lamp light, the sun's haze) laid over `picture`."""
    layer = Image.new("RGBA", picture.size, (0, 0, 0, 0))
    ImageDraw.Draw(layer).ellipse(box, fill=(*colour, alpha))
    picture.paste(Image.alpha_composite(picture.convert("RGBA"), layer).convert("RGB"))


def font(size):
    return ImageFont.load_default(size=size)


# --- The scenes ----------------------------------------------------------------------------


def harbour() -> Image.Image:
    """The Old Quay at dawn: lighthouse, warehouses, boats."""
    width, height = WIDE
    horizon = 400
    picture = Image.new("RGB", WIDE)
    picture.paste(gradient((width, horizon), (38, 62, 110), (247, 182, 122)), (0, 0))
    ImageDraw.Draw(picture).ellipse((850, 340, 970, 460), fill=(255, 214, 150))  # the sun,
    picture.paste(gradient((width, height - horizon), (52, 92, 128), (14, 34, 58)), (0, horizon))
    draw = ImageDraw.Draw(picture)
    for row in range(12):  # the sun's path on the water
        half = 90 - row * 6
        y = horizon + 8 + row * 18
        draw.line((910 - half, y, 910 + half, y), fill=(250, 196, 140), width=3)
    draw.polygon(
        [(560, horizon), (700, 372), (820, 388), (1000, 366), (1280, 390), (1280, horizon)],
        fill=(70, 62, 96),
    )
    # The quay wall, stone by stone.
    draw.rectangle((0, 470, 590, height), fill=(122, 112, 100))
    for row, y in enumerate(range(470, height, 28)):
        draw.line((0, y, 590, y), fill=(96, 88, 80), width=2)
        for x in range(-40 + (row % 2) * 40, 590, 80):
            draw.line((x, y, x, y + 28), fill=(96, 88, 80), width=2)
    # Warehouses along the quay.
    for left, roof, colour in [
        (10, 300, (150, 70, 56)),
        (140, 270, (186, 140, 80)),
        (270, 310, (120, 84, 70)),
        (400, 285, (160, 110, 90)),
    ]:
        draw.rectangle((left, roof, left + 120, 470), fill=colour)
        draw.polygon(
            [(left - 6, roof), (left + 60, roof - 50), (left + 126, roof)], fill=(64, 52, 56)
        )
        for wy in range(roof + 20, 450, 45):
            for wx in (left + 18, left + 52, left + 86):
                draw.rectangle((wx, wy, wx + 16, wy + 24), fill=(250, 212, 140))
    # The lighthouse on the end of the jetty.
    draw.rectangle((590, 500, 720, 540), fill=(110, 100, 92))
    base, top = (620, 690), (636, 674)
    for band in range(6):
        y0 = 500 - band * 48
        y1 = y0 - 48
        shrink = band * 2.6
        colour = (236, 236, 228) if band % 2 == 0 else (190, 40, 44)
        draw.polygon(
            [
                (base[0] + shrink, y0),
                (base[1] - shrink, y0),
                (base[1] - shrink - 2.6, y1),
                (base[0] + shrink + 2.6, y1),
            ],
            fill=colour,
        )
    draw.rectangle((top[0] - 10, 200, top[1] + 10, 212), fill=(40, 40, 44))
    draw.rectangle((top[0], 164, top[1], 200), fill=(255, 230, 130))
    draw.polygon([(top[0] - 4, 164), (655, 132), (top[1] + 4, 164)], fill=(40, 40, 44))
    glow(picture, (560, 110, 750, 250), (255, 236, 160), alpha=70)
    draw = ImageDraw.Draw(picture)
    # Boats at anchor.
    for x, y, colour in [
        (780, 560, (200, 60, 50)),
        (960, 610, (40, 110, 170)),
        (1120, 540, (60, 140, 90)),
    ]:
        draw.polygon([(x, y), (x + 150, y), (x + 125, y + 36), (x + 22, y + 36)], fill=colour)
        draw.rectangle((x + 40, y - 32, x + 88, y), fill=(236, 232, 220))
        draw.line((x + 110, y, x + 110, y - 120), fill=(60, 50, 44), width=4)
        draw.line((x + 110, y - 116, x + 30, y - 4), fill=(80, 70, 60), width=2)
    return picture


def council_chamber() -> Image.Image:
    """The council chamber: tall windows, the dais, green benches in a half circle."""
    width, height = WIDE
    picture = gradient(WIDE, (120, 78, 50), (58, 34, 24))
    draw = ImageDraw.Draw(picture)
    for left in range(110, width, 220):  # arched windows
        draw.rectangle((left, 120, left + 90, 330), fill=(176, 204, 230))
        draw.ellipse((left, 75, left + 90, 165), fill=(176, 204, 230))
        draw.line((left + 45, 80, left + 45, 330), fill=(90, 60, 40), width=5)
        draw.line((left, 220, left + 90, 220), fill=(90, 60, 40), width=5)
    # The city's banner above the dais: a ship on blue.
    draw.rectangle((560, 60, 720, 250), fill=(34, 60, 120))
    draw.polygon([(590, 190), (690, 190), (670, 215), (610, 215)], fill=(240, 210, 120))
    draw.line((640, 190, 640, 110), fill=(240, 210, 120), width=4)
    draw.polygon([(644, 115), (644, 182), (684, 182)], fill=(240, 210, 120))
    # The dais and the chair's desk.
    draw.rectangle((0, 360, width, height), fill=(92, 58, 40))
    draw.rectangle((520, 330, 760, 390), fill=(70, 40, 28))
    draw.rectangle((615, 280, 665, 336), fill=(40, 90, 60))
    # Benches in a half circle, with members seated along them.
    centre = (640, 1150)
    rng = random.Random(5)
    for ring, radius in enumerate(range(420, 800, 76)):
        colour = (40, 96, 64) if ring % 2 == 0 else (34, 82, 54)
        box = (centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius)
        draw.arc(box, 190, 350, fill=colour, width=38)
        for degrees in range(196, 346, 7 - ring):
            if rng.random() < 0.7:
                angle = math.radians(degrees)
                x = centre[0] + (radius - 10) * math.cos(angle)
                y = centre[1] + (radius - 10) * math.sin(angle) - 26
                draw.ellipse((x - 9, y - 9, x + 9, y + 9), fill=(30, 24, 22))
    return picture


def marrowby_map() -> Image.Image:
    """A map of Marrowby: the coast, the river, streets, the Old Quay and the ferry."""
    width, height = WIDE
    picture = Image.new("RGB", WIDE, (172, 206, 228))
    draw = ImageDraw.Draw(picture)
    for y in range(10, 330, 22):  # the sea's hatching
        draw.line((0, y, width, y - 60), fill=(160, 196, 220), width=2)
    coast = [(0, 300), (180, 330), (330, 300), (430, 370), (560, 420), (700, 400),
             (820, 330), (980, 300), (1120, 340), (1280, 310)]  # fmt: skip
    land = [*coast, (width, height), (0, height)]
    draw.polygon(land, fill=(238, 230, 206))
    # Streets: a grid, kept on land by drawing it through the land's outline as a mask.
    mask = Image.new("L", WIDE, 0)
    ImageDraw.Draw(mask).polygon(land, fill=255)
    streets = Image.new("RGB", WIDE, (238, 230, 206))
    street_draw = ImageDraw.Draw(streets)
    for x in range(40, width, 90):
        street_draw.line((x, 0, x + 40, height), fill=(255, 255, 255), width=6)
    for y in range(380, height, 70):
        street_draw.line((0, y, width, y + 10), fill=(255, 255, 255), width=6)
    street_draw.rectangle((880, 470, 1040, 580), fill=(180, 212, 150))  # the park
    street_draw.rectangle((140, 520, 300, 620), fill=(180, 212, 150))
    picture.paste(streets, (0, 0), mask)
    draw = ImageDraw.Draw(picture)
    draw.line(coast, fill=(120, 110, 90), width=4)
    # The river, from the hills into the bay.
    draw.line(
        [(600, 720), (620, 640), (580, 560), (610, 480), (590, 412)], fill=(120, 172, 212), width=22
    )
    # The sea wall along the Old Quay, and the ferry's route across the bay.
    draw.line([(430, 370), (560, 420), (700, 400)], fill=(190, 50, 50), width=10)
    for start in range(0, 10):
        t0, t1 = start / 10, (start + 0.5) / 10
        draw.line(
            (700 + 300 * t0, 390 - 200 * t0, 700 + 300 * t1, 390 - 200 * t1),
            fill=(40, 60, 120),
            width=5,
        )
    draw.ellipse((548, 398, 580, 430), fill=(190, 50, 50))
    draw.text((470, 440), "Old Quay", fill=(120, 30, 30), font=font(30))
    draw.text((880, 150), "Ferry", fill=(40, 60, 120), font=font(28))
    draw.text((150, 650), "MARROWBY", fill=(70, 60, 50), font=font(44))
    # A compass rose and a scale bar.
    draw.polygon([(1180, 40), (1200, 120), (1180, 100), (1160, 120)], fill=(60, 50, 40))
    draw.text((1170, 126), "N", fill=(60, 50, 40), font=font(32))
    draw.rectangle((980, 660, 1180, 672), outline=(60, 50, 40), width=2)
    draw.rectangle((980, 660, 1080, 672), fill=(60, 50, 40))
    draw.text((980, 676), "1 km", fill=(60, 50, 40), font=font(22))
    return picture


def mayor_silhouette() -> Image.Image:
    """A portrait silhouette of the (invented) mayor, with her chain of office."""
    size = (720, 900)
    picture = gradient(size, (70, 124, 140), (22, 48, 62))
    draw = ImageDraw.Draw(picture)
    dark = (26, 30, 38)
    draw.ellipse((60, 560, 660, 1180), fill=dark)  # shoulders
    draw.rectangle((310, 420, 410, 600), fill=dark)  # neck
    draw.ellipse((250, 170, 470, 460), fill=dark)  # head
    draw.ellipse((300, 110, 420, 220), fill=dark)  # hair, in a bun
    # The chain of office: links along an arc, and its medallion.
    for degrees in range(20, 161, 10):
        angle = math.radians(degrees)
        x, y = 360 + 190 * math.cos(angle), 560 + 150 * math.sin(angle)
        draw.ellipse((x - 11, y - 11, x + 11, y + 11), fill=(222, 180, 70))
    draw.ellipse((325, 690, 395, 760), fill=(236, 198, 90))
    draw.ellipse((343, 708, 377, 742), fill=(190, 140, 50))
    return picture


def night_bus() -> Image.Image:
    """A night bus under street lights."""
    width, height = WIDE
    picture = gradient(WIDE, (8, 12, 38), (44, 48, 92))
    draw = ImageDraw.Draw(picture)
    rng = random.Random(11)
    for _ in range(120):  # stars
        x, y = rng.randrange(width), rng.randrange(260)
        draw.point((x, y), fill=(230, 230, 250))
    for left in range(0, width, 150):  # the houses behind, some windows lit
        top = 250 + rng.randrange(90)
        draw.rectangle((left, top, left + 140, 520), fill=(24, 26, 44))
        for wy in range(top + 20, 500, 50):
            for wx in range(left + 16, left + 130, 40):
                if rng.random() < 0.35:
                    draw.rectangle((wx, wy, wx + 20, wy + 26), fill=(250, 214, 120))
    draw.rectangle((0, 520, width, height), fill=(34, 34, 40))  # the road
    for x in range(0, width, 120):
        draw.rectangle((x, 640, x + 60, 650), fill=(220, 220, 200))
    for x in (120, 620, 1120):  # street lamps
        draw.line((x, 520, x, 250), fill=(70, 70, 80), width=8)
        draw.line((x, 254, x + 40, 254), fill=(70, 70, 80), width=6)
        glow(picture, (x - 40, 200, x + 120, 330), (255, 210, 120), alpha=80)
        draw = ImageDraw.Draw(picture)
        draw.ellipse((x + 28, 246, x + 52, 266), fill=(255, 236, 170))
    # The bus.
    draw.rounded_rectangle((300, 360, 1000, 590), radius=30, fill=(232, 172, 40))
    draw.rectangle((300, 540, 1000, 556), fill=(190, 130, 30))
    for left in range(340, 900, 90):
        draw.rounded_rectangle((left, 390, left + 74, 470), radius=8, fill=(255, 240, 190))
    draw.rounded_rectangle((910, 390, 985, 520), radius=8, fill=(255, 240, 190))  # the door
    draw.rectangle((330, 366, 600, 388), fill=(20, 20, 24))
    draw.text((338, 365), "N1 OLD QUAY", fill=(255, 160, 40), font=font(22))
    for x in (400, 880):
        draw.ellipse((x - 44, 546, x + 44, 634), fill=(18, 18, 20))
        draw.ellipse((x - 18, 572, x + 18, 608), fill=(120, 120, 128))
    return picture


def coastal_train() -> Image.Image:
    """An electric train on the coastal line, crossing a viaduct above the sea."""
    width, height = WIDE
    picture = gradient(WIDE, (110, 170, 220), (226, 238, 244))
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, 470, width, height), fill=(60, 120, 160))  # the sea
    for y in range(490, height, 30):
        draw.line((0, y, width, y), fill=(80, 140, 176), width=2)
    draw.polygon([(0, 380), (160, 360), (260, 420), (300, 720), (0, 720)], fill=(90, 110, 70))
    # The viaduct: a deck on arches.
    draw.rectangle((0, 430, width, 456), fill=(150, 130, 110))
    for left in range(40, width, 160):
        draw.rectangle((left, 456, left + 34, height), fill=(150, 130, 110))
        draw.arc((left + 34, 440, left + 160, 560), 180, 360, fill=(150, 130, 110), width=18)
    # The overhead wire and its masts.
    draw.line((0, 250, width, 250), fill=(60, 60, 70), width=2)
    for x in range(60, width, 300):
        draw.line((x, 250, x, 430), fill=(90, 90, 100), width=5)
    # The train: white, a teal stripe, dark windows, a sloping nose.
    draw.polygon(
        [(120, 300), (1030, 300), (1150, 360), (1170, 420), (120, 420)], fill=(244, 244, 240)
    )
    draw.rectangle((120, 380, 1160, 396), fill=(0, 128, 128))
    for left in range(150, 960, 70):
        draw.rounded_rectangle((left, 320, left + 50, 360), radius=6, fill=(40, 50, 60))
    draw.polygon([(1040, 312), (1120, 350), (1040, 350)], fill=(40, 50, 60))
    draw.line((560, 300, 600, 250, 640, 300), fill=(60, 60, 70), width=4)  # the pantograph
    draw.polygon([(200, 400), (230, 388), (260, 400), (230, 394)], fill=(0, 96, 96))  # kestrel
    return picture


def kelp_forest() -> Image.Image:
    """A kelp forest: fronds rising through green water, fish, light from above."""
    width, height = WIDE
    picture = gradient(WIDE, (40, 134, 140), (6, 34, 54))
    for x in (200, 560, 900):  # light from the surface
        layer = Image.new("RGBA", WIDE, (0, 0, 0, 0))
        ImageDraw.Draw(layer).polygon(
            [(x, 0), (x + 120, 0), (x + 300, height), (x - 60, height)],
            fill=(210, 240, 220, 28),
        )
        picture = Image.alpha_composite(picture.convert("RGBA"), layer).convert("RGB")
    draw = ImageDraw.Draw(picture)
    seabed = [(0, 640), (300, 610), (700, 650), (1000, 620), (1280, 640), (1280, 720), (0, 720)]
    draw.polygon(seabed, fill=(150, 130, 90))
    for stalk, base in enumerate(range(60, width, 110)):
        top = 40 + (stalk * 37) % 160
        points = [(base + 26 * math.sin(y / 70 + stalk), y) for y in range(650, top, -12)]
        draw.line(points, fill=(96, 110, 34), width=6)
        for index, (x, y) in enumerate(points[3::6]):
            side = 1 if index % 2 else -1
            draw.ellipse(
                (x, y - 10, x + side * 60, y + 12) if side > 0 else (x - 60, y - 10, x, y + 12),
                fill=(126, 134, 40),
            )
    rng = random.Random(3)
    for _ in range(14):  # a shoal of small fish
        x, y = 700 + rng.randrange(360), 180 + rng.randrange(160)
        draw.ellipse((x, y, x + 34, y + 14), fill=(200, 214, 220))
        draw.polygon([(x + 32, y + 7), (x + 46, y), (x + 46, y + 14)], fill=(200, 214, 220))
    return picture


PICTURES = {
    picture.key: picture
    for picture in [
        DemoPicture(
            "old-quay-at-dawn",
            "The Old Quay at dawn",
            "A red-and-white lighthouse at the end of a stone quay at dawn, with warehouses "
            "along the quay and three fishing boats on the water.",
            "The Old Quay lighthouse and warehouses at dawn (drawing).",
            harbour,
        ),
        DemoPicture(
            "council-chamber",
            "Marrowby council chamber",
            "A wood-panelled council chamber with tall arched windows, the city's blue banner "
            "above the chair's desk, and members seated on green benches in a half circle.",
            "The council chamber of Marrowby City Council (drawing).",
            council_chamber,
        ),
        DemoPicture(
            "marrowby-map",
            "Map of Marrowby",
            "A map of Marrowby: the coast along the top, a river flowing into the bay, a grid "
            "of streets, the sea wall of the Old Quay in red and the ferry's route across "
            "the bay.",
            "Marrowby, with the Old Quay sea wall (red) and the ferry route across the bay.",
            marrowby_map,
        ),
        DemoPicture(
            "mayor-silhouette",
            "Helena Ostrowska, silhouette",
            "The dark silhouette of a woman's head and shoulders, her hair in a bun, wearing "
            "a gold chain of office, against a blue-green background.",
            "Mayor Helena Ostrowska (silhouette; the mayor is an invented person).",
            mayor_silhouette,
        ),
        DemoPicture(
            "night-bus",
            "Night bus on the N1",
            "A yellow bus showing “N1 Old Quay” on a street at night, under street lamps, "
            "with lit windows in the houses behind and stars overhead.",
            "A night bus on the proposed N1 route to the Old Quay (drawing).",
            night_bus,
        ),
        DemoPicture(
            "coastal-train",
            "Electric train on the coastal line",
            "A white electric train with a teal stripe crossing a stone viaduct above the "
            "sea, under an overhead wire.",
            "An electric train on Kestrel Rail’s coastal line (drawing).",
            coastal_train,
        ),
        DemoPicture(
            "kelp-forest",
            "Kelp forest off Marrowby",
            "Tall olive-green kelp fronds rising from a sandy sea floor through green water, "
            "with a shoal of small silver fish and light falling from the surface.",
            "Kelp off the Marrowby coast (drawing).",
            kelp_forest,
        ),
    ]
}
