"""A picture's whole journey, in Chromium: an editor uploads a photo to the image library,
describes it, clicks its subject to set the focal point and saves; the renditions are made;
the editor chooses it as a draft's lead image in the chooser's dialog and publishes the
story. A reader then sees the picture at phone and desktop widths: a rendition sized for
each (as the srcset and sizes promise), its alt text, dimensions, caption and credit, and
crops made around the point the editor clicked. No page breaks its Content-Security-Policy
or logs an error on the way.

The live server runs no worker: the test runs the pending jobs itself, as `make run`'s
worker would. It serves the media folder, which the site serves only in DEBUG."""

import io
import re

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import re_path
from PIL import Image as PILImage

from articles.images import renditions
from articles.images.models import Image, Rendition
from articles.images.views import serve_media
from articles.models import ArticleStatus
from newsroom import urls as site_urls
from tests import image_files
from tests.browser.conftest import close_contexts
from tests.browser.test_csp import RECORD_VIOLATIONS
from tests.factories import DraftFactory, member_of

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("media_root")]
# Imported here, not at the top: `make test` collects this file without Playwright installed.
expect = pytest.importorskip("playwright.sync_api").expect

TITLE = "Lighthouse keeper at Hook Head"
ALT = "A keeper in an orange coat on the gallery of a white lighthouse"
CAPTION = "The last keeper climbs the tower each morning."
CREDIT = "Mara Quinn/Newsroom"
# The subject stands well right of the centre: a square crop from the middle would miss it.
SUBJECT = (0.9, 0.3)
SUBJECT_COLOUR = (255, 120, 0)
PHOTO_SIZE = (2400, 1600)

# The media folder, served as `make run` serves it (articles/images/views.py), read from
# the settings at each request since every test has a folder of its own; then the site.
urlpatterns = [
    re_path(
        rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$",
        lambda request, path: serve_media(request, path, document_root=settings.MEDIA_ROOT),
    ),
    *site_urls.urlpatterns,
]

# What the lead <img> shows once loaded.
LOADED = """(img) => ({
    currentSrc: new URL(img.currentSrc).pathname,
    naturalWidth: img.naturalWidth,
    shownWidth: img.getBoundingClientRect().width,
})"""


def photo() -> bytes:
    """A 2400x1600 JPEG: a grey-blue sea and sky with an orange subject off-centre."""
    picture = image_files.picture(PHOTO_SIZE, (70, 90, 110))
    picture.paste((200, 210, 220), (0, 0, PHOTO_SIZE[0], PHOTO_SIZE[1] // 2))  # the sky
    x, y = round(SUBJECT[0] * PHOTO_SIZE[0]), round(SUBJECT[1] * PHOTO_SIZE[1])
    picture.paste(SUBJECT_COLOUR, (x - 120, y - 120, x + 120, y + 120))
    return image_files.encode(picture, "JPEG", quality=90)


@pytest.fixture
def site_serving_media(settings):
    settings.ROOT_URLCONF = __name__


@pytest.fixture
def watched(chromium):
    """Browser contexts of their own (viewport and scale as asked), each watched for CSP
    violations, console errors and uncaught exceptions, all gathered in `problems`."""
    contexts = []
    problems = []

    def open_page(width=1280, height=900, **options):
        context = chromium.new_context(viewport={"width": width, "height": height}, **options)
        contexts.append(context)
        context.expose_function("reportCspViolation", lambda report: problems.append(report))
        context.add_init_script(RECORD_VIOLATIONS)
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.on(
            "console",
            lambda message: (
                message.type == "error"
                and not is_favicon_miss(message)
                and problems.append(f"console error on {page.url}: {message.text}")
            ),
        )
        page.on("pageerror", lambda error: problems.append(f"error on {page.url}: {error}"))
        return page

    yield open_page, problems
    close_contexts(*contexts)


def is_favicon_miss(message) -> bool:
    """Chromium's own request for /favicon.ico, which no page asks for and the site does
    not serve (a 404 it logs as an error)."""
    return message.location.get("url", "").endswith("/favicon.ico")


def reported(page, problems):
    """The problems seen so far, once the page's pending events have been handled."""
    page.evaluate("() => new Promise((resolve) => setTimeout(resolve, 0))")
    return problems


def srcset_widths(srcset: str) -> dict[str, int]:
    """{path: width} of a srcset of "URL NNNw" candidates."""
    return {url: int(width) for url, width in re.findall(r"(\S+) (\d+)w", srcset)}


def slot_width(viewport_width: int) -> float:
    """The lead picture's width in CSS pixels, as its sizes attribute says:
    "(min-width: 50rem) 48rem, calc(100vw - 2rem)"."""
    return 48 * 16 if viewport_width >= 50 * 16 else viewport_width - 2 * 16


def wait_until_loaded(page, img):
    """Wait until the browser has fetched and decoded the picture `img` shows."""
    page.wait_for_function(
        "(img) => img.complete && img.naturalWidth > 0", arg=img.element_handle()
    )


def lead_picture_as_seen(page, url, width, scale):
    """Open `url` in `page` (`width` CSS pixels wide, of `scale` device pixels each), check
    what every reader must get from the lead picture, and return the rendition the browser
    loaded for it."""
    page.goto(url)
    figure = page.locator("figure.lead-figure")
    picture = figure.locator("picture")
    img = picture.locator("img")
    expect(picture).to_be_visible()
    expect(img).to_have_attribute("alt", ALT)
    expect(img).to_have_attribute("fetchpriority", "high")
    expect(img).to_have_attribute("loading", "eager")
    expect(figure.locator("figcaption .caption")).to_have_text(CAPTION)
    expect(figure.locator("figcaption .credit")).to_have_text(f"Photo: {CREDIT}")

    # width and height reserve the picture's room before it loads: they are those of the
    # JPEG fallback, in the original's proportions.
    fallback = Rendition.objects.get(file=img.get_attribute("src").removeprefix("/media/"))
    assert (fallback.format, fallback.focal_key) == ("jpeg", "")
    assert img.get_attribute("width") == str(fallback.width)
    assert img.get_attribute("height") == str(fallback.height)
    assert abs(fallback.width / fallback.height - 1.5) < 0.01

    wait_until_loaded(page, img)
    loaded = img.evaluate(LOADED)
    assert loaded["currentSrc"].startswith("/media/images/renditions/")
    # The picture takes the room its sizes attribute announced, so the browser chose
    # from the srcset for the right width.
    assert loaded["shownWidth"] == pytest.approx(slot_width(width), abs=1)
    rendition = Rendition.objects.get(file=loaded["currentSrc"].removeprefix("/media/"))
    # From the first format offered, which Chromium reads (AVIF when this Pillow makes it):
    # a whole-picture width from that source's srcset.
    first_source = picture.locator("source").first
    offered = srcset_widths(first_source.get_attribute("srcset"))
    assert first_source.get_attribute("type") == f"image/{rendition.format}"
    assert offered[loaded["currentSrc"]] == rendition.width
    assert rendition.focal_key == ""
    # The browser took the narrowest file that fills the slot at the screen's density.
    needed = slot_width(width) * scale
    assert rendition.width == min(
        (offered_width for offered_width in offered.values() if offered_width >= needed),
        default=max(offered.values()),
    )
    # Decoded; its natural width is in CSS pixels, the file's width over its density.
    assert loaded["naturalWidth"] == pytest.approx(slot_width(width), abs=1)
    return rendition


def test_an_editor_uploads_focuses_and_publishes_a_picture_that_readers_see_at_every_width(
    live_server, site_serving_media, watched, log_in
):
    open_page, problems = watched
    editor = member_of("Editors")
    article = DraftFactory(headline="The last lighthouse keeper", slug="last-keeper")
    page = open_page()

    # The editor uploads the photo with its title, alt text, caption and credit.
    log_in(page, editor, "/admin/images/image/add/")
    page.locator("#id_upload").set_input_files(
        files=[{"name": "keeper.jpg", "mimeType": "image/jpeg", "buffer": photo()}]
    )
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Alt text").fill(ALT)
    page.get_by_label("Caption").fill(CAPTION)
    page.get_by_label("Credit").fill(CREDIT)
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist .success")).to_contain_text("was added successfully")
    image = Image.objects.get(title=TITLE)
    assert (image.width, image.height, image.alt_text) == (*PHOTO_SIZE, ALT)
    assert image.uploaded_by == editor

    # On the picture's page, a click on the subject sets the focal point; saving keeps it.
    preview = page.locator("#focal-point-picture")
    expect(preview).to_be_visible()
    wait_until_loaded(page, preview)
    box = preview.bounding_box()
    preview.click(position={"x": box["width"] * SUBJECT[0], "y": box["height"] * SUBJECT[1]})
    expect(page.get_by_label("Focal x")).to_have_value("0.90")
    expect(page.get_by_label("Focal y")).to_have_value("0.30")
    page.get_by_role("button", name="Save and continue editing").first.click()
    expect(page.locator(".messagelist .success")).to_contain_text("was changed successfully")
    image.refresh_from_db()
    assert (image.focal_x, image.focal_y) == SUBJECT

    # The renditions are made, as a worker would make them.
    call_command("run_pending_jobs", stdout=io.StringIO())
    image.refresh_from_db()
    assert image.rendition_error == ""
    crops = Rendition.objects.filter(image=image, spec__in=["1x1-w800", "social"])
    assert len(crops) == 2 * len(renditions.FORMATS)
    assert {(crop.spec, crop.focal_key) for crop in crops} == {
        ("1x1-w800", "0.90,0.30"),
        ("social", "0.90,0.30"),
    }
    # The square crop keeps the subject in view, right of its centre.
    square = crops.get(spec="1x1-w800", format="jpeg")
    with square.file.open("rb") as stored, PILImage.open(stored) as cropped:
        assert cropped.size == (800, 800)
        # The crop is the original's right-hand 1600 pixels, halved.
        seen = cropped.convert("RGB").getpixel((round(0.85 * 800), round(0.3 * 800)))
    assert all(abs(a - b) < 24 for a, b in zip(seen, SUBJECT_COLOUR, strict=True))

    # The editor opens the draft, chooses the picture as its lead image and publishes it.
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    page.get_by_role("button", name="Choose a picture", exact=True).click()
    dialog = page.get_by_role("dialog", name="Choose a picture", exact=True)
    expect(dialog).to_be_visible()
    dialog.get_by_label("Search the library").fill("lighthouse")
    result = dialog.locator(".image-chooser-result")
    expect(result).to_have_count(1)
    # Its thumbnail is the w320 rendition just made.
    expect(result.locator("img")).to_have_attribute("src", image.url_for("w320", "jpeg"))
    result.click()
    expect(dialog).to_be_hidden()
    chosen = page.locator("#id_lead_image-chosen")
    expect(chosen.locator(".image-chooser-title")).to_have_text(TITLE)
    expect(chosen.locator(".image-chooser-credit")).to_have_text(CREDIT)
    expect(chosen.locator(".image-chooser-problem")).to_be_hidden()
    page.get_by_role("button", name="Save and publish or schedule").first.click()
    expect(page.locator(".messagelist .success")).to_contain_text("published it")
    article.refresh_from_db()
    assert article.status == ArticleStatus.PUBLISHED
    assert article.lead_image == image
    url = f"{live_server.url}{article.get_absolute_url()}"

    # A reader, not logged in, on a phone and on a desktop.
    phone = open_page(390, 844, device_scale_factor=2, is_mobile=True, has_touch=True)
    on_phone = lead_picture_as_seen(phone, url, 390, scale=2)
    desktop_page = open_page(1440, 900, device_scale_factor=2)
    on_desktop = lead_picture_as_seen(desktop_page, url, 1440, scale=2)
    # The phone's 358 CSS pixels (716 device pixels) take the 1024 file, the desktop's 768
    # (1536) the 1600: a narrower file on the phone.
    assert (on_phone.width, on_desktop.width) == (1024, 1600)
    assert on_phone.image == on_desktop.image == image
    # Shared, the story shows the social crop made around the point the editor clicked.
    social = Rendition.objects.get(image=image, spec="social", format="jpeg")
    expect(desktop_page.locator('meta[property="og:image"]')).to_have_attribute(
        "content", f"{live_server.url}{social.file.url}"
    )

    assert reported(desktop_page, problems) == []
