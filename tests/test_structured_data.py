"""What search engines and link previews read: schema.org JSON-LD on article and entity
pages, OpenGraph and Twitter card tags, and absolute canonical links on every public page."""

import json
from html.parser import HTMLParser

import pytest
import time_machine
from django.utils import timezone
from django.utils.html import escape

from articles.models import CorrectionKind, MentionRole, MentionStatus
from articles.preview import make_preview_link
from tests.factories import (
    ArticleFactory,
    BylineFactory,
    CorrectionFactory,
    DraftFactory,
    OrganizationFactory,
    PersonFactory,
    PlaceFactory,
    SectionFactory,
    mention_of,
)

pytestmark = pytest.mark.django_db

BODY = "Kim Jong Un met Xi Jinping in Beijing. KCNA said Xi Jinping smiled."
MARCH_4_NOON = timezone.make_aware(timezone.datetime(2025, 3, 4, 12, 0))


class HeadParser(HTMLParser):
    """Collects a page's meta tags, link tags and JSON-LD scripts, with entities decoded."""

    def __init__(self):
        super().__init__()
        self.meta = {}
        self.links = {}
        self.json_ld = []
        self.scripts = 0
        self._in_json_ld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and "content" in attrs:
            key = attrs.get("property") or attrs.get("name")
            self.meta.setdefault(key, []).append(attrs["content"])
        elif tag == "link":
            self.links.setdefault(attrs["rel"], []).append(attrs["href"])
        elif tag == "script":
            self.scripts += 1
            self._in_json_ld = attrs.get("type") == "application/ld+json"

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_json_ld = False

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld.append(json.loads(data))


def parse(response):
    assert response.status_code == 200
    parser = HeadParser()
    parser.feed(response.content.decode())
    return parser


def json_ld_of(response):
    [data] = parse(response).json_ld
    return data


@pytest.fixture
def world():
    return SectionFactory(name="World", slug="world", description="News from everywhere.")


@pytest.fixture
def kim():
    return PersonFactory(name="Kim Jong Un", slug="kim-jong-un", wikidata="Q56226")


@pytest.fixture
def xi():
    return PersonFactory(name="Xi Jinping", slug="xi-jinping", wikidata="Q15031")


@pytest.fixture
def beijing():
    return PlaceFactory(name="Beijing", slug="beijing", wikidata="Q956")


@pytest.fixture
def kcna():
    return OrganizationFactory(name="KCNA", slug="kcna")


@pytest.fixture
def story(world, kim, xi, beijing, kcna):
    with time_machine.travel(MARCH_4_NOON, tick=False):
        article = ArticleFactory(
            headline="Kim meets Xi in Beijing",
            slug="kim-meets-xi",
            dek="A summit with “no surprises”.",
            body=BODY,
            section=world,
            publish_at=MARCH_4_NOON,
            tags=["Summit", "diplomacy"],
        )
        mention_of(article, kim)
        mention_of(article, xi, role=MentionRole.ABOUT)
        mention_of(article, beijing)
        mention_of(article, kcna)
        mention_of(article, xi, occurrence=1)
    return article


# --- The article's JSON-LD ------------------------------------------------------------------


def test_article_json_ld_describes_the_news_article(client, story, settings):
    settings.SITE_NAME = "The Daily Test"

    data = json_ld_of(client.get(story.get_absolute_url()))

    url = "http://testserver/articles/kim-meets-xi/"
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Kim meets Xi in Beijing"
    assert data["description"] == "A summit with “no surprises”."
    assert data["url"] == url
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    assert data["datePublished"] == "2025-03-04T12:00:00+00:00"
    assert data["dateModified"] == story.updated_at.isoformat()
    assert data["articleSection"] == "World"
    # The reading text, without markup or mention links, and its words.
    assert data["articleBody"] == story.text == BODY
    assert data["wordCount"] == 13
    assert data["keywords"] == ["diplomacy", "Summit"]
    assert data["publisher"] == {
        "@type": "NewsMediaOrganization",
        "name": "The Daily Test",
        "url": "http://testserver/",
    }


def test_every_byline_is_an_author_with_their_page_and_wikidata_item(client, story):
    BylineFactory(
        article=story,
        person=PersonFactory(name="Ana Reyes", slug="ana-reyes", wikidata="Q42"),
        position=2,
    )
    BylineFactory(article=story, person=PersonFactory(name="Ben Ito", slug="ben-ito"), position=1)

    data = json_ld_of(client.get(story.get_absolute_url()))

    assert data["author"] == [
        {"@type": "Person", "name": "Ben Ito", "url": "http://testserver/people/ben-ito/"},
        {
            "@type": "Person",
            "name": "Ana Reyes",
            "url": "http://testserver/people/ana-reyes/",
            "sameAs": "https://www.wikidata.org/wiki/Q42",
        },
    ]


def test_the_subject_is_about_and_the_others_are_mentions_each_once(client, story):
    data = json_ld_of(client.get(story.get_absolute_url()))

    assert data["about"] == [
        {
            "@type": "Person",
            "name": "Xi Jinping",
            "url": "http://testserver/people/xi-jinping/",
            "sameAs": "https://www.wikidata.org/wiki/Q15031",
        }
    ]
    assert data["mentions"] == [
        {
            "@type": "Person",
            "name": "Kim Jong Un",
            "url": "http://testserver/people/kim-jong-un/",
            "sameAs": "https://www.wikidata.org/wiki/Q56226",
        },
        {
            "@type": "Place",
            "name": "Beijing",
            "url": "http://testserver/places/beijing/",
            "sameAs": "https://www.wikidata.org/wiki/Q956",
        },
        {"@type": "Organization", "name": "KCNA", "url": "http://testserver/organizations/kcna/"},
    ]


@pytest.mark.parametrize(
    "status", [MentionStatus.SUGGESTED, MentionStatus.REJECTED, MentionStatus.NEEDS_REVIEW]
)
def test_unconfirmed_mentions_are_left_out(client, world, kim, status):
    article = ArticleFactory(body=BODY, section=world)
    mention_of(article, kim, status=status)

    data = json_ld_of(client.get(article.get_absolute_url()))

    assert data["mentions"] == data["about"] == []


def test_corrections_are_correction_comments_and_updates_are_not(client, story):
    march_5 = MARCH_4_NOON + timezone.timedelta(days=1)
    CorrectionFactory(article=story, text="We misspelled “Xi”.", created_at=march_5)
    CorrectionFactory(article=story, kind=CorrectionKind.UPDATE, text="The talks went on.")

    data = json_ld_of(client.get(story.get_absolute_url()))

    assert data["correction"] == [
        {
            "@type": "CorrectionComment",
            "text": "We misspelled “Xi”.",
            "datePublished": "2025-03-05T12:00:00+00:00",
        }
    ]


def test_a_scheduled_article_is_modified_when_it_goes_live_not_before(client, world):
    with time_machine.travel(MARCH_4_NOON, tick=False):
        article = ArticleFactory(
            section=world, publish_at=MARCH_4_NOON + timezone.timedelta(hours=3)
        )

    with time_machine.travel(MARCH_4_NOON + timezone.timedelta(hours=4), tick=False):
        response = client.get(article.get_absolute_url())

    data = json_ld_of(response)
    assert data["datePublished"] == data["dateModified"] == "2025-03-04T15:00:00+00:00"
    assert '<meta property="article:modified_time" content="2025-03-04T15:00:00+00:00">' in (
        response.content.decode()
    )


def test_a_correction_moves_date_modified(client, story):
    later = MARCH_4_NOON + timezone.timedelta(days=2)
    with time_machine.travel(later, tick=False):
        CorrectionFactory(article=story)

    data = json_ld_of(client.get(story.get_absolute_url()))

    assert data["dateModified"] == "2025-03-06T12:00:00+00:00"
    assert data["datePublished"] == "2025-03-04T12:00:00+00:00"


# --- Entity pages' JSON-LD ------------------------------------------------------------------


def test_a_person_page_describes_the_person(client):
    kim = PersonFactory(
        name="Kim Jong Un",
        slug="kim-jong-un",
        aliases=["Kim", "Kim Jong-un"],
        description="Leader of North Korea.",
        wikidata="Q56226",
        is_public=True,
    )

    data = json_ld_of(client.get(kim.get_absolute_url()))

    assert data == {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": "Kim Jong Un",
        "alternateName": ["Kim", "Kim Jong-un"],
        "description": "Leader of North Korea.",
        "url": "http://testserver/people/kim-jong-un/",
        "sameAs": "https://www.wikidata.org/wiki/Q56226",
    }


@pytest.mark.parametrize(
    "factory, schema_type, prefix",
    [(OrganizationFactory, "Organization", "organizations"), (PlaceFactory, "Place", "places")],
)
def test_organization_and_place_pages_have_their_type_and_only_what_is_known(
    client, factory, schema_type, prefix
):
    entity = factory(name="Somewhere", slug="somewhere", is_public=True)

    data = json_ld_of(client.get(entity.get_absolute_url()))

    assert data == {
        "@context": "https://schema.org",
        "@type": schema_type,
        "name": "Somewhere",
        "url": f"http://testserver/{prefix}/somewhere/",
    }


# --- OpenGraph and Twitter cards ------------------------------------------------------------


def test_article_page_has_open_graph_and_twitter_card_tags(client, story, settings):
    settings.SITE_NAME = "The Daily Test"

    meta = parse(client.get(story.get_absolute_url())).meta

    url = "http://testserver/articles/kim-meets-xi/"
    assert meta["og:type"] == ["article"]
    assert meta["og:title"] == ["Kim meets Xi in Beijing"]
    assert meta["og:description"] == ["A summit with “no surprises”."]
    assert meta["og:url"] == [url]
    assert meta["og:site_name"] == ["The Daily Test"]
    assert meta["article:published_time"] == ["2025-03-04T12:00:00+00:00"]
    assert meta["article:modified_time"] == [story.updated_at.isoformat()]
    assert meta["article:section"] == ["World"]
    assert meta["article:tag"] == ["diplomacy", "Summit"]
    assert meta["twitter:card"] == ["summary"]
    assert meta["twitter:title"] == ["Kim meets Xi in Beijing"]
    assert meta["twitter:description"] == ["A summit with “no surprises”."]
    assert meta["description"] == ["A summit with “no surprises”."]


def test_entity_pages_are_profiles_for_people_and_websites_otherwise(client, story, kim, beijing):
    kim.description = "Leader of North Korea."
    kim.save()

    person = parse(client.get(kim.get_absolute_url())).meta
    place = parse(client.get(beijing.get_absolute_url())).meta

    assert person["og:type"] == ["profile"]
    assert person["og:title"] == person["twitter:title"] == ["Kim Jong Un"]
    assert person["og:description"] == ["Leader of North Korea."]
    assert person["og:url"] == ["http://testserver/people/kim-jong-un/"]
    assert place["og:type"] == ["website"]
    assert "og:description" not in place


def test_listing_pages_are_websites_with_their_title(client, story, settings):
    settings.SITE_NAME = "The Daily Test"

    home = parse(client.get("/")).meta
    section = parse(client.get("/sections/world/")).meta
    tag = parse(client.get("/tags/summit/")).meta
    corrections = parse(client.get("/corrections/")).meta

    assert home["og:title"] == ["The Daily Test"]
    assert home["description"] == ["The latest news from The Daily Test."]
    assert section["og:title"] == ["World"]
    assert section["og:description"] == ["News from everywhere."]
    assert tag["og:title"] == ["Summit"]
    assert corrections["og:title"] == ["Corrections and updates"]
    for meta in (home, section, tag, corrections):
        assert meta["og:type"] == ["website"]
        assert meta["og:site_name"] == ["The Daily Test"]
        assert meta["twitter:card"] == ["summary"]


# --- Canonical links ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/sections/world/",
        "/tags/summit/",
        "/people/kim-jong-un/",
        "/organizations/kcna/",
        "/places/beijing/",
        "/articles/kim-meets-xi/",
        "/corrections/",
    ],
)
def test_every_public_page_has_one_absolute_canonical_link_and_og_url(client, story, path):
    CorrectionFactory(article=story)

    head = parse(client.get(path))

    assert head.links["canonical"] == [f"http://testserver{path}"]
    assert head.meta["og:url"] == [f"http://testserver{path}"]


def test_canonical_links_leave_out_other_query_strings(client, story):
    head = parse(client.get("/sections/world/?utm_source=feed&page=1"))

    assert head.links["canonical"] == ["http://testserver/sections/world/"]


@pytest.mark.parametrize("page, expected", [("2", "2"), ("last", "3")])
def test_later_pages_of_a_list_keep_their_page_number(client, world, settings, page, expected):
    settings.NEWSROOM_PAGE_SIZE = 2
    for _ in range(5):
        ArticleFactory(section=world)

    head = parse(client.get(f"/sections/world/?page={page}"))

    assert head.links["canonical"] == [f"http://testserver/sections/world/?page={expected}"]


def test_an_old_slug_redirects_and_the_page_names_the_current_address(client, story):
    story.slug = "kim-and-xi-meet"
    story.save()

    response = client.get("/articles/kim-meets-xi/", follow=True)

    assert parse(response).links["canonical"] == ["http://testserver/articles/kim-and-xi-meet/"]


def test_a_preview_keeps_noindex_and_has_no_canonical_link_nor_sharing_tags(client):
    draft = DraftFactory(headline="Secret plans", dek="Nobody knows.")

    response = client.get(make_preview_link(draft).url)

    head = parse(response)
    assert head.meta["robots"] == ["noindex"]
    assert response["X-Robots-Tag"] == "noindex"
    assert "canonical" not in head.links
    assert not [key for key in head.meta if key.startswith(("og:", "twitter:", "article:"))]
    # The JSON-LD is still there and has no publication date yet.
    assert "datePublished" not in head.json_ld[0]


# --- Unsafe text stays text -----------------------------------------------------------------

NASTY = "Kim says \"no\" </script><script>alert(1)</script> & <!-- 'done'"


def test_a_headline_that_could_end_the_script_stays_inside_it(client, world, kim):
    # In the body, escaped: text that reads as the nasty string.
    article = ArticleFactory(
        headline=NASTY, dek=NASTY, body=f"<p>{escape(NASTY)}</p>", section=world, tags=[NASTY]
    )
    assert article.text == NASTY
    BylineFactory(article=article, person=PersonFactory(name=NASTY))

    response = client.get(article.get_absolute_url())

    html = response.content.decode()
    assert "<script>alert" not in html
    head = parse(response)
    assert head.scripts == 1
    data = head.json_ld[0]
    assert data["headline"] == data["description"] == data["author"][0]["name"] == NASTY
    assert data["articleBody"] == NASTY
    assert data["keywords"] == [NASTY]
    for key in ("og:title", "og:description", "twitter:title", "article:tag"):
        assert head.meta[key] == [NASTY]


def test_an_entity_name_that_could_end_the_script_stays_inside_it(client):
    entity = PlaceFactory(name=NASTY, aliases=[NASTY], description=NASTY, is_public=True)

    response = client.get(entity.get_absolute_url())

    assert "<script>alert" not in response.content.decode()
    head = parse(response)
    assert head.scripts == 1
    assert head.json_ld[0]["name"] == head.json_ld[0]["description"] == NASTY
    assert head.json_ld[0]["alternateName"] == [NASTY]
    assert head.meta["og:title"] == [NASTY]
