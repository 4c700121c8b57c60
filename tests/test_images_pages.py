"""Pictures on the public site: the lead image on its article, thumbnails in lists, an
entity's picture, og:image and Twitter's card, JSON-LD images, feeds' media and
enclosures, the fallback before renditions exist, and cached pages dropped when a picture
changes."""

import xml.etree.ElementTree as ET

import pytest
from django.test.html import Element, parse_html
from django.utils import timezone

from articles.images import jobs
from articles.images.library import build_image, store_image
from articles.images.usage import rights_end
from articles.preview import make_preview_link
from tests import image_files
from tests.factories import (
    ArticleFactory,
    BylineFactory,
    DraftFactory,
    PersonFactory,
    PlaceFactory,
    SectionFactory,
    UserFactory,
    mention_of,
)
from tests.test_structured_data import json_ld_of, parse

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]

ALT = "Ferries tied up at the harbour wall at dawn"
CAPTION = "The harbour at dawn, before the strike."
CREDIT = "Ana Reyes/Newsroom"
MEDIA = "{http://search.yahoo.com/mrss/}"
ATOM = "{http://www.w3.org/2005/Atom}"


def library_image(size=(1300, 800), made=True, **fields):
    """A picture in the library with alt text, caption and credit; its renditions made
    (the job ran) unless not `made`."""
    data = image_files.with_square(size, at=(0.7, 0.4), format="JPEG")
    image = build_image(data, "harbour.jpg")
    image.alt_text, image.caption, image.credit = ALT, CAPTION, CREDIT
    for name, value in fields.items():
        setattr(image, name, value)
    store_image(image, data)
    if made:
        jobs.make_renditions.call(image.pk)
    return image


# --- Reading the HTML -----------------------------------------------------------------------


def page(response):
    assert response.status_code == 200
    return parse_html(response.content.decode())


def elements(node, name=None, css_class=None):
    """Every element under `node` (depth first, in document order) named `name` and
    having the class `css_class`."""
    for child in node.children:
        if not isinstance(child, Element):
            continue
        classes = (attributes(child).get("class") or "").split()
        if (name is None or child.name == name) and (css_class is None or css_class in classes):
            yield child
        yield from elements(child, name, css_class)


def one(node, name=None, css_class=None):
    [found] = elements(node, name, css_class)
    return found


def attributes(element) -> dict:
    return dict(element.attributes)


def text(node) -> str:
    return " ".join(
        " ".join(text(child).split()) if isinstance(child, Element) else child.strip()
        for child in node.children
    ).strip()


def assert_no_layout_shift(img):
    """An <img> whose box is known before it loads, and which says what it shows or that
    it shows nothing to read."""
    found = attributes(img)
    assert "alt" in found
    assert int(found["width"]) > 0 and int(found["height"]) > 0


# --- The article page -----------------------------------------------------------------------


def test_the_article_page_leads_with_its_picture_its_caption_and_credit(client):
    image = library_image()
    article = ArticleFactory(lead_image=image)

    html = page(client.get(article.get_absolute_url()))

    figure = one(html, "figure", "lead-figure")
    img = one(figure, "img")
    assert_no_layout_shift(img)
    assert attributes(img)["alt"] == ALT
    assert attributes(img)["fetchpriority"] == "high"
    assert attributes(img)["loading"] == "eager"
    assert [attributes(s)["type"] for s in elements(figure, "source")] == [
        "image/avif",
        "image/webp",
    ]
    widths = [rendition.width for rendition in image.renditions.filter(format="jpeg", focal_key="")]
    assert attributes(img)["srcset"].count("w,") == len(widths) - 1
    caption = one(figure, "figcaption")
    assert text(one(caption, "span", "caption")) == CAPTION
    assert text(one(caption, "span", "credit")) == f"Photo: {CREDIT}"
    # Above the story, under the headline.
    order = [e for e in elements(html) if e.name == "h1" or e in (figure,)]
    assert [e.name for e in order] == ["h1", "figure"]


def test_the_caption_for_this_story_replaces_the_pictures_own(client):
    article = ArticleFactory(lead_image=library_image(), lead_image_caption="Ferries idle at noon.")

    caption = one(page(client.get(article.get_absolute_url())), "figcaption")

    assert text(one(caption, "span", "caption")) == "Ferries idle at noon."
    assert CAPTION not in text(caption)


def test_a_picture_without_caption_or_credit_has_no_empty_figcaption(client):
    article = ArticleFactory(lead_image=library_image(caption="", credit=""))

    figure = one(page(client.get(article.get_absolute_url())), "figure", "lead-figure")

    assert list(elements(figure, "figcaption")) == []


def test_an_article_without_a_lead_image_has_no_figure_and_a_small_card(client):
    article = ArticleFactory()

    response = client.get(article.get_absolute_url())

    assert list(elements(page(response), "figure")) == []
    head = parse(response)
    assert head.meta["twitter:card"] == ["summary"]
    assert "og:image" not in head.meta
    assert "image" not in json_ld_of(response)


@pytest.mark.parametrize(
    "rights",
    [
        {"may_be_used": False},
        {"may_be_used_until": timezone.localdate() - timezone.timedelta(days=1)},
        {"alt_text": ""},
    ],
    ids=["may-not-be-used", "rights-ended", "no-alt-text"],
)
def test_a_picture_readers_may_not_see_is_left_out_everywhere(client, rights):
    image = library_image()
    article = ArticleFactory(lead_image=image, section=SectionFactory(slug="world"))
    for name, value in rights.items():
        setattr(image, name, value)
    image.save()

    response = client.get(article.get_absolute_url())
    assert list(elements(page(response), "figure")) == []
    assert parse(response).meta["twitter:card"] == ["summary"]
    assert "image" not in json_ld_of(response)
    for url in ("/", "/sections/world/"):
        assert list(elements(page(client.get(url)), "img")) == []
    feed = ET.fromstring(client.get("/feeds/latest/rss/").content)
    assert feed.find("channel/item/enclosure") is None


def test_a_preview_says_why_the_lead_image_is_not_shown(client):
    staff = UserFactory(is_staff=True, is_superuser=True)
    image = library_image(alt_text="")
    draft = DraftFactory(lead_image=image)
    client.force_login(staff)

    response = client.get(make_preview_link(draft, staff).get_absolute_url())

    assert list(elements(page(response), "figure")) == []
    assert f"The lead image is not shown: Image “{image.title}” (#{image.pk}) has no alt text." in (
        text(one(page(response), "p", "preview-problem"))
    )


# --- Before and after the renditions job ---------------------------------------------------


def test_before_its_renditions_are_made_the_page_shows_the_original(client):
    image = library_image(made=False)
    article = ArticleFactory(lead_image=image)

    response = client.get(article.get_absolute_url())

    img = one(one(page(response), "figure", "lead-figure"), "img")
    assert attributes(img)["src"] == image.file.url
    assert (attributes(img)["width"], attributes(img)["height"]) == ("1300", "800")
    assert "srcset" not in attributes(img)
    head = parse(response)
    assert head.meta["og:image"] == [f"http://testserver{image.file.url}"]
    assert head.meta["og:image:width"] == ["1300"]
    assert json_ld_of(response)["image"] == [f"http://testserver{image.file.url}"]


def test_once_the_job_has_run_the_page_offers_its_renditions(client):
    image = library_image(made=False)
    article = ArticleFactory(lead_image=image)
    assert client.get(article.get_absolute_url())["X-Cache"] == "miss"

    jobs.make_renditions.call(image.pk)
    response = client.get(article.get_absolute_url())

    # The page cached with the original was dropped when the renditions were made.
    assert response["X-Cache"] == "miss"
    img = one(one(page(response), "figure", "lead-figure"), "img")
    w1024 = image.renditions.get(spec="w1024", format="jpeg")
    assert attributes(img)["src"] == w1024.file.url
    assert (attributes(img)["width"], attributes(img)["height"]) == ("1024", "630")
    assert "/media/images/renditions/" in attributes(img)["srcset"]


# --- <head>: link previews and search engines ----------------------------------------------


def test_link_previews_get_the_social_card_crop_and_a_large_card(client):
    image = library_image()
    article = ArticleFactory(lead_image=image)

    head = parse(client.get(article.get_absolute_url()))

    social = image.renditions.get(spec="social", format="jpeg")
    assert head.meta["og:image"] == [f"http://testserver{social.file.url}"]
    assert head.meta["og:image:type"] == ["image/jpeg"]
    assert (head.meta["og:image:width"], head.meta["og:image:height"]) == (["1200"], ["630"])
    assert head.meta["og:image:alt"] == [ALT]
    assert head.meta["twitter:card"] == ["summary_large_image"]
    assert head.meta["twitter:image:alt"] == [ALT]


def test_json_ld_gives_search_engines_the_three_crops(client):
    image = library_image()
    article = ArticleFactory(lead_image=image)

    data = json_ld_of(client.get(article.get_absolute_url()))

    crops = {r.spec: r for r in image.renditions.filter(format="jpeg").exclude(focal_key="")}
    ratios = ["16x9-w1200", "4x3-w1200", "1x1-w800"]
    assert data["image"] == [f"http://testserver{crops[spec].file.url}" for spec in ratios]
    assert [(crops[spec].width, crops[spec].height) for spec in ratios] == [
        (1200, 675),
        (1067, 800),
        (800, 800),
    ]


# --- Lists -----------------------------------------------------------------------------------


def thumbnails(response):
    """(headline, its thumbnail's <img> or None) of each story in a list page."""
    return [
        (
            text(one(story, None, "story-headline")),
            next(iter(elements(story, "img")), None),
        )
        for story in elements(page(response), "article", "story")
    ]


@pytest.mark.parametrize(
    "url", ["/sections/world/", "/tags/harbour/", "/search/?q=harbour", "/people/ana-reyes/"]
)
def test_lists_show_a_lazy_decorative_thumbnail_for_stories_with_a_picture(client, url):
    ana = PersonFactory(name="Ana Reyes", slug="ana-reyes")
    world = SectionFactory(name="World", slug="world")
    for headline, image in [("Harbour strike ends", library_image()), ("Harbour reopens", None)]:
        article = ArticleFactory(
            headline=headline, section=world, lead_image=image, tags=["harbour"]
        )
        BylineFactory(article=article, person=ana)

    found = dict(thumbnails(client.get(url)))

    assert found["Harbour reopens"] is None
    img = found["Harbour strike ends"]
    assert_no_layout_shift(img)
    # Decorative: the headline beside it is the link and says what the story is.
    assert attributes(img)["alt"] == ""
    assert attributes(img)["loading"] == "lazy"
    assert "fetchpriority" not in attributes(img)
    assert attributes(img)["sizes"] == "7.5rem"


def test_an_entity_page_shows_thumbnails_in_the_articles_about_it(client):
    beijing = PlaceFactory(name="Beijing", slug="beijing")
    article = ArticleFactory(headline="Beijing by night", lead_image=library_image())
    mention_of(article, beijing, "Beijing", role="about")

    found = dict(thumbnails(client.get(beijing.get_absolute_url())))

    assert attributes(found["Beijing by night"])["loading"] == "lazy"


def test_the_home_page_fetches_the_lead_storys_picture_first_and_the_rest_lazily(client):
    world = SectionFactory(name="World", slug="world")
    older = ArticleFactory(
        headline="Older",
        section=world,
        lead_image=library_image(),
        publish_at=timezone.now() - timezone.timedelta(hours=3),
    )
    ArticleFactory(headline="Newest", section=world, lead_image=older.lead_image)

    found = dict(thumbnails(client.get("/")))

    assert attributes(found["Newest"])["fetchpriority"] == "high"
    assert attributes(found["Newest"])["loading"] == "eager"
    assert attributes(found["Older"])["loading"] == "lazy"


def test_related_articles_have_thumbnails(client):
    first = ArticleFactory(headline="Strike", tags=["harbour"])
    ArticleFactory(headline="Strike ends", tags=["harbour"], lead_image=library_image())

    related = one(page(client.get(first.get_absolute_url())), "aside", "related")

    assert attributes(one(related, "img"))["loading"] == "lazy"


# --- The entity page -------------------------------------------------------------------------


def entity_with_picture(**fields):
    image = library_image(
        size=(900, 900), caption="Beijing’s Forbidden City.", credit="City archive", **fields
    )
    beijing = PlaceFactory(name="Beijing", slug="beijing", picture=image)
    mention_of(ArticleFactory(), beijing, "Beijing")
    return beijing, image


def test_an_entity_page_shows_its_picture_with_caption_and_credit(client):
    beijing, image = entity_with_picture()

    response = client.get(beijing.get_absolute_url())

    figure = one(page(response), "figure", "entity-picture")
    img = one(figure, "img")
    assert_no_layout_shift(img)
    assert attributes(img)["alt"] == ALT
    assert attributes(img)["loading"] == "eager"
    assert text(one(figure, "span", "caption")) == "Beijing’s Forbidden City."
    assert text(one(figure, "span", "credit")) == "Image: City archive"
    head = parse(response)
    social = image.renditions.get(spec="social", format="jpeg")
    assert head.meta["og:image"] == [f"http://testserver{social.file.url}"]
    assert head.meta["twitter:card"] == ["summary_large_image"]
    w640 = image.renditions.get(spec="w640", format="jpeg")
    assert json_ld_of(response)["image"] == {
        "@type": "ImageObject",
        "url": f"http://testserver{w640.file.url}",
        "width": 640,
        "height": 640,
        "caption": "Beijing’s Forbidden City.",
        "creditText": "City archive",
    }


def test_an_entity_picture_without_alt_text_is_described_by_the_entitys_name(client):
    beijing, _ = entity_with_picture(alt_text="")

    response = client.get(beijing.get_absolute_url())

    img = one(one(page(response), "figure", "entity-picture"), "img")
    assert attributes(img)["alt"] == "Beijing"
    assert parse(response).meta["og:image:alt"] == ["Beijing"]


def test_an_entity_picture_whose_rights_ended_is_not_shown(client):
    beijing, _ = entity_with_picture(may_be_used=False)

    response = client.get(beijing.get_absolute_url())

    assert list(elements(page(response), "figure")) == []
    assert "image" not in json_ld_of(response)
    assert parse(response).meta["twitter:card"] == ["summary"]


# --- Feeds -----------------------------------------------------------------------------------


def feed_items(client, url, item_tag):
    response = client.get(url)
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {
        (item.findtext("title") or item.findtext(f"{ATOM}title")): item
        for item in root.iter(item_tag)
    }


def test_rss_items_carry_the_lead_image_as_media_content_and_an_enclosure(client):
    image = library_image()
    ArticleFactory(headline="With picture", lead_image=image, lead_image_caption="Idle ferries.")
    ArticleFactory(headline="Without picture")

    response = client.get("/feeds/latest/rss/")
    assert b'xmlns:media="http://search.yahoo.com/mrss/"' in response.content
    items = feed_items(client, "/feeds/latest/rss/", "item")

    w1024 = image.renditions.get(spec="w1024", format="jpeg")
    url = f"http://testserver{w1024.file.url}"
    media = items["With picture"].find(f"{MEDIA}content")
    assert media.attrib == {
        "url": url,
        "medium": "image",
        "type": "image/jpeg",
        "width": "1024",
        "height": "630",
    }
    assert media.findtext(f"{MEDIA}description") == "Idle ferries."
    assert media.find(f"{MEDIA}description").get("type") == "plain"
    assert media.findtext(f"{MEDIA}credit") == CREDIT
    enclosure = items["With picture"].find("enclosure")
    assert enclosure.attrib == {"url": url, "length": str(w1024.file.size), "type": "image/jpeg"}
    assert items["Without picture"].find("enclosure") is None
    assert items["Without picture"].find(f"{MEDIA}content") is None


def test_a_feed_gives_the_sizes_recorded_when_renditions_were_made_without_asking_storage(
    client,
):
    """On S3, asking the storage for a file's size is a request per feed item."""
    image = library_image()
    ArticleFactory(headline="With picture", lead_image=image)
    w1024 = image.renditions.get(spec="w1024", format="jpeg")
    size = w1024.file.size
    assert w1024.file_size == size
    w1024.file.storage.delete(w1024.file.name)  # the storage could no longer say

    enclosure = feed_items(client, "/feeds/latest/rss/", "item")["With picture"].find("enclosure")

    assert enclosure.get("length") == str(size)


def test_atom_entries_link_the_lead_image_as_an_enclosure(client):
    image = library_image(made=False)
    ArticleFactory(headline="With picture", lead_image=image)
    ArticleFactory(headline="Without picture")

    entries = feed_items(client, "/feeds/latest/atom/", f"{ATOM}entry")

    [link] = [
        link
        for link in entries["With picture"].findall(f"{ATOM}link")
        if link.get("rel") == "enclosure"
    ]
    # Before the renditions are made, the original.
    assert link.attrib == {
        "rel": "enclosure",
        "href": f"http://testserver{image.file.url}",
        "length": str(image.file_size),
        "type": "image/jpeg",
    }
    links = entries["Without picture"].findall(f"{ATOM}link")
    assert [link.get("rel") for link in links] == ["alternate"]


# --- The page cache --------------------------------------------------------------------------


def test_a_cached_page_shows_a_changed_caption_once_the_image_is_saved(client):
    image = library_image()
    article = ArticleFactory(lead_image=image)
    client.get(article.get_absolute_url())
    assert client.get(article.get_absolute_url())["X-Cache"] == "hit"

    image.caption = "The harbour after the strike."
    image.save()
    response = client.get(article.get_absolute_url())

    assert response["X-Cache"] == "miss"
    assert text(one(page(response), "span", "caption")) == "The harbour after the strike."


def test_a_cached_entity_page_shows_a_new_credit(client):
    beijing, image = entity_with_picture()
    client.get(beijing.get_absolute_url())

    image.credit = "Beijing city archive"
    image.save()

    assert text(one(page(client.get(beijing.get_absolute_url())), "span", "credit")) == (
        "Image: Beijing city archive"
    )


def test_changing_a_picture_no_reader_sees_leaves_the_cache_alone(client):
    article = ArticleFactory()
    DraftFactory(lead_image=(image := library_image()))
    client.get(article.get_absolute_url())

    image.caption = "Changed in a draft's picture."
    image.save()
    jobs.make_renditions.call(image.pk)  # nothing new to make: no change either

    assert client.get(article.get_absolute_url())["X-Cache"] == "hit"


def test_a_new_focal_point_drops_cached_pages_once_its_crops_are_made(client):
    image = library_image()
    article = ArticleFactory(lead_image=image)
    client.get(article.get_absolute_url())

    image.focal_x, image.focal_y = 0.2, 0.3
    image.save()
    client.get(article.get_absolute_url())  # cached again, with the old crops' fallback
    jobs.make_renditions.call(image.pk)
    response = client.get(article.get_absolute_url())

    assert response["X-Cache"] == "miss"
    social = image.renditions.get(spec="social", format="jpeg")
    assert social.focal_key == "0.20,0.30"
    assert parse(response).meta["og:image"] == [f"http://testserver{social.file.url}"]


# --- Every page ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/articles/strike-ends/",
        "/sections/world/",
        "/tags/harbour/",
        "/search/?q=harbour",
        "/people/ana-reyes/",
        "/places/beijing/",
    ],
)
def test_every_picture_on_a_public_page_keeps_its_place_and_says_what_it_shows(client, url):
    ana = PersonFactory(name="Ana Reyes", slug="ana-reyes", picture=library_image((600, 800)))
    beijing = PlaceFactory(name="Beijing", slug="beijing", picture=library_image(made=False))
    world = SectionFactory(name="World", slug="world")
    for slug, image in [("strike-ends", library_image()), ("strike", library_image(made=False))]:
        article = ArticleFactory(
            headline=f"Harbour {slug}", slug=slug, section=world, lead_image=image, tags=["harbour"]
        )
        BylineFactory(article=article, person=ana)
        mention_of(article, beijing, "Beijing", role="about")

    html = page(client.get(url))

    images = list(elements(html, "img"))
    assert images
    for img in images:
        assert_no_layout_shift(img)
        found = attributes(img)
        if "fetchpriority" in found:  # the page's main picture: fetched at once
            assert found["loading"] == "eager"
        assert found["decoding"] == "async"
    for figure in elements(html, "figure"):
        # A figure is a picture with its caption and credit, once each.
        assert len(list(elements(figure, "img"))) == 1
        assert len(list(elements(figure, "figcaption"))) == 1
        assert attributes(one(figure, "img"))["alt"]


def test_a_cached_page_stops_showing_a_picture_when_its_rights_end(client, settings):
    """No job runs at that moment: the cached pages' generation ends with the rights."""
    import time_machine

    settings.NEWSROOM_PAGE_CACHE_SECONDS = 3 * 24 * 3600  # nothing else ends it
    today = timezone.localdate()
    image = library_image(may_be_used_until=today)
    story = ArticleFactory(headline="Harbour reopens", lead_image=image)
    url = story.get_absolute_url()
    shown = image.renditions.get(spec="w1024", format="jpeg").file.url
    assert shown in client.get(url).content.decode()
    assert client.get(url)["X-Cache"] == "hit"

    with time_machine.travel(rights_end(image) + timezone.timedelta(minutes=1)):
        page = client.get(url)

    assert page["X-Cache"] == "miss"
    assert shown not in page.content.decode()
    assert "Harbour reopens" in page.content.decode()


def test_rights_set_to_end_soon_end_the_cached_pages_then(client, settings):
    """The generation began before the end date was set: saving the picture shortens it."""
    import time_machine

    settings.NEWSROOM_PAGE_CACHE_SECONDS = 3 * 24 * 3600  # nothing else ends it
    image = library_image()
    story = ArticleFactory(headline="Harbour reopens", lead_image=image)
    url = story.get_absolute_url()
    shown = image.renditions.get(spec="w1024", format="jpeg").file.url
    client.get(url)

    today = timezone.localdate()
    image.may_be_used_until = today
    image.save()
    assert shown in client.get(url).content.decode()
    assert client.get(url)["X-Cache"] == "hit"

    with time_machine.travel(rights_end(image) + timezone.timedelta(minutes=1)):
        page = client.get(url)

    assert shown not in page.content.decode()
