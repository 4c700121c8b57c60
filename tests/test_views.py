"""The public site, as a reader sees it: what each page shows and what it never shows."""

import json
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertInHTML, assertNotContains

from articles.models import Article, CorrectionKind, MentionStatus
from tests.factories import (
    ArticleFactory,
    BylineFactory,
    CorrectionFactory,
    OrganizationFactory,
    PersonFactory,
    PlaceFactory,
    SectionFactory,
    ago,
    mention_of,
)

pytestmark = pytest.mark.django_db

BODY = (
    "<p>North Korean leader Kim Jong Un arrived in Beijing by armored train on Tuesday. "
    "Officials did not say how long he would stay.</p>\n"
    "<h2>A long journey</h2>\n"
    "<p>Kim’s train crossed the border at dawn. He met Xi Jinping at the Great Hall.</p>"
)


@pytest.fixture
def world():
    return SectionFactory(name="World", slug="world", description="News from everywhere.")


@pytest.fixture
def kim():
    return PersonFactory(
        name="Kim Jong Un",
        slug="kim-jong-un",
        aliases=["Kim", "Kim Jong-un"],
        description="Leader of North Korea.",
        wikidata="Q56226",
    )


@pytest.fixture
def story(world, kim):
    article = ArticleFactory(
        headline="Kim arrives in Beijing by train",
        slug="kim-arrives-in-beijing",
        dek="The leader’s first visit in a year.",
        body=BODY,
        section=world,
    )
    mention_of(article, kim, "Kim Jong Un")
    mention_of(article, kim, "Kim", occurrence=1)
    return article


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response


def content(response):
    return response.content.decode()


# --- Every page ---------------------------------------------------------------------------


def test_pages_have_a_skip_link_main_landmark_and_section_navigation(client, story):
    SectionFactory(name="Asia", slug="asia", parent=story.section)
    SectionFactory(name="Business", slug="business")
    response = get(client, story.get_absolute_url())

    html = content(response)
    assert html.index('class="skip-link" href="#main"') < html.index("<header")
    assertContains(response, '<main id="main"', count=1)
    assertContains(response, '<html lang="en">')
    assertInHTML(
        '<nav class="site-nav" aria-label="Sections"><ul>'
        '<li><a href="/sections/business/">Business</a></li>'
        '<li><a href="/sections/world/" aria-current="page">World</a></li>'
        "</ul></nav>",
        html,
    )
    assertContains(response, "/static/articles/site.css")


def test_unknown_address_gets_the_friendly_404_page(client, world):
    response = get(client, "/no-such-page/", status=404)

    assertContains(response, "We can’t find that page", status_code=404)
    assertContains(response, 'href="/sections/world/"', status_code=404)


def test_an_anonymous_reader_gets_no_cookies(client, story):
    response = get(client, story.get_absolute_url())

    assert not response.cookies


# --- Home ---------------------------------------------------------------------------------


def test_home_leads_with_the_newest_article(client, world):
    ArticleFactory(headline="Older story", section=world, publish_at=ago(hours=5))
    ArticleFactory(headline="Newest story", section=world, publish_at=ago(minutes=5))

    html = content(get(client, "/"))

    lead = re.search(r'<article class="story story-lead">.*?</article>', html, re.S).group()
    assert "Newest story" in lead
    assert html.count("story-lead") == 1
    assert html.index("Newest story") < html.index("Older story")


def test_home_has_a_block_per_top_level_section_with_its_subsections_articles(client, world):
    asia = SectionFactory(name="Asia", slug="asia", parent=world)
    sport = SectionFactory(name="Sport", slug="sport")
    for n in range(8):
        ArticleFactory(headline=f"Filler {n}", section=sport, publish_at=ago(minutes=n))
    ArticleFactory(headline="Monsoon arrives early", section=asia, publish_at=ago(days=2))

    html = content(get(client, "/"))

    world_block = re.search(r'aria-labelledby="section-world">.*?</section>', html, re.S).group()
    assert "Monsoon arrives early" in world_block
    assert 'id="section-asia"' not in html


def test_home_shows_a_few_articles_per_section(client, world):
    for n in range(12):
        ArticleFactory(headline=f"World story {n:02}", section=world, publish_at=ago(hours=n))

    html = content(get(client, "/"))

    # Five at the top, then the next four in the section's block; the rest are a click away.
    for n in range(9):
        assert f"World story {n:02}" in html
    assert "World story 09" not in html
    assertInHTML('<a href="/sections/world/">More in World</a>', html)


def test_home_hides_unpublished_articles(client, world, hidden_kwargs):
    ArticleFactory(headline="Public story", section=world)
    ArticleFactory(section=world, **hidden_kwargs)

    response = get(client, "/")

    assertContains(response, "Public story")
    assertNotContains(response, "Secret")


def test_home_says_so_when_nothing_is_published(client, world, hidden_kwargs):
    ArticleFactory(section=world, **hidden_kwargs)

    assertContains(get(client, "/"), "Nothing has been published yet.")


# --- Sections -----------------------------------------------------------------------------


def test_section_page_shows_description_subsections_and_articles_newest_first(client, world):
    asia = SectionFactory(name="Asia", slug="asia", parent=world)
    ArticleFactory(headline="Older world story", section=world, publish_at=ago(days=2))
    ArticleFactory(headline="Newer Asia story", section=asia, publish_at=ago(days=1))
    ArticleFactory(headline="Elsewhere", section=SectionFactory())

    response = get(client, "/sections/world/")

    html = content(response)
    assertInHTML("<h1>World</h1>", html)
    assertContains(response, "News from everywhere.")
    assertInHTML('<li><a href="/sections/asia/">Asia</a></li>', html)
    assert html.index("Newer Asia story") < html.index("Older world story")
    assertNotContains(response, "Elsewhere")


def test_subsection_page_links_back_to_its_parent(client, world):
    SectionFactory(name="Asia", slug="asia", parent=world)

    response = get(client, "/sections/asia/")

    assertInHTML('<p class="kicker"><a href="/sections/world/">World</a></p>', content(response))
    assertContains(response, "No articles in Asia yet.")


def test_section_page_hides_unpublished_articles(client, world, hidden_kwargs):
    ArticleFactory(headline="Public story", section=world)
    ArticleFactory(section=world, **hidden_kwargs)

    response = get(client, "/sections/world/")

    assertContains(response, "Public story")
    assertNotContains(response, "Secret")


def test_unknown_section_is_404(client):
    get(client, "/sections/nowhere/", status=404)


def test_section_pages_hold_the_page_size_newest_first(client, world, settings):
    settings.NEWSROOM_PAGE_SIZE = 2
    for n in range(5):
        ArticleFactory(headline=f"Story {n}", section=world, publish_at=ago(hours=n))

    first = get(client, "/sections/world/")
    third = get(client, "/sections/world/?page=3")

    assertContains(first, "Story 0")
    assertContains(first, "Story 1")
    assertNotContains(first, "Story 2")
    assertInHTML('<a href="?page=1" aria-current="page">1</a>', content(first))
    assertInHTML('<a href="?page=2" rel="next">Older</a>', content(first))
    assertContains(third, "Story 4")
    assertNotContains(third, "Story 3")
    assertInHTML('<a href="?page=3" aria-current="page">3</a>', content(third))
    assertContains(get(client, "/sections/world/?page=last"), "Story 4")


@pytest.mark.parametrize("page", ["4", "0", "two"])
def test_section_page_number_out_of_range_is_404(client, world, settings, page):
    settings.NEWSROOM_PAGE_SIZE = 2
    ArticleFactory.create_batch(5, section=world)

    get(client, f"/sections/world/?page={page}", status=404)


# --- Tags ---------------------------------------------------------------------------------


def test_tag_page_lists_published_articles_with_the_tag(client, world):
    ArticleFactory(headline="Older train story", tags=["Railways"], publish_at=ago(days=1))
    ArticleFactory(headline="Newer train story", tags=["Railways", "Asia"])
    ArticleFactory(headline="Untagged story")

    response = get(client, "/tags/railways/")

    html = content(response)
    assertInHTML("<h1>Railways</h1>", html)
    assert html.index("Newer train story") < html.index("Older train story")
    assertNotContains(response, "Untagged story")


@pytest.mark.parametrize(
    ("name", "address"),
    [
        ("Zürich", "/tags/z%C3%BCrich/"),
        ("日本", "/tags/%E6%97%A5%E6%9C%AC/"),
        ("Ö-3", "/tags/%C3%B6-3/"),
    ],
)
def test_a_tag_in_any_script_has_a_page_the_article_links_to(client, world, name, address):
    article = ArticleFactory(headline="Summit story", tags=[name])

    assertContains(get(client, article.get_absolute_url()), f'href="{address}" rel="tag"')
    assertContains(get(client, address), "Summit story")


def test_tag_page_hides_unpublished_articles(client, hidden_kwargs):
    ArticleFactory(headline="Public story", tags=["Railways"])
    ArticleFactory(tags=["Railways"], **hidden_kwargs)

    response = get(client, "/tags/railways/")

    assertContains(response, "Public story")
    assertNotContains(response, "Secret")


def test_unknown_tag_is_404(client):
    get(client, "/tags/nothing/", status=404)


def test_tag_of_only_unpublished_articles_is_404(client, hidden_kwargs):
    ArticleFactory(tags=["Embargoed"], **hidden_kwargs)

    get(client, "/tags/embargoed/", status=404)


def test_tag_pages_paginate(client, settings):
    settings.NEWSROOM_PAGE_SIZE = 2
    for n in range(3):
        ArticleFactory(headline=f"Tagged {n}", tags=["Railways"], publish_at=ago(hours=n))

    assertNotContains(get(client, "/tags/railways/"), "Tagged 2")
    assertContains(get(client, "/tags/railways/?page=2"), "Tagged 2")
    get(client, "/tags/railways/?page=3", status=404)


# --- Articles -----------------------------------------------------------------------------


def test_article_page_shows_headline_dek_section_and_publication_time(client, story):
    Article.objects.filter(pk=story.pk).update(updated_at=story.publish_at)

    response = get(client, story.get_absolute_url())

    html = content(response)
    assertInHTML("<h1>Kim arrives in Beijing by train</h1>", html)
    assertContains(response, "The leader’s first visit in a year.")
    assertInHTML('<p class="kicker"><a href="/sections/world/">World</a></p>', html)
    local = timezone.localtime(story.publish_at)
    assertContains(response, f'<time datetime="{local.isoformat()}">')
    assertNotContains(response, "Updated")


def test_article_page_shows_updated_time_after_a_later_edit(client, story):
    Article.objects.filter(pk=story.pk).update(
        updated_at=story.publish_at + timezone.timedelta(hours=2)
    )

    assertContains(get(client, story.get_absolute_url()), "Updated <time datetime=")


def test_bylines_link_to_people_in_byline_order(client, story):
    BylineFactory(article=story, position=2, person=PersonFactory(name="Li Wei", slug="li-wei"))
    BylineFactory(article=story, position=1, person=PersonFactory(name="Ana Reyes", slug="ana"))

    assertInHTML(
        '<span class="bylines">By <a href="/people/ana/">Ana Reyes</a> and '
        '<a href="/people/li-wei/">Li Wei</a></span>',
        content(get(client, story.get_absolute_url())),
    )


def test_body_paragraphs_and_subheads_render_as_html(client, story):
    html = content(get(client, story.get_absolute_url()))

    assertInHTML("<h2>A long journey</h2>", html)
    assert html.count("<p>") >= 2


def test_body_html_is_sanitised_and_text_that_looks_like_markup_is_escaped(client, world):
    article = ArticleFactory(
        body='Say <script>alert("x")</script> & <b>bold</b>, not &lt;i&gt;.', section=world
    )

    response = get(client, article.get_absolute_url())

    # The script goes whole, <b> is kept as <strong>, and text stays text.
    assertNotContains(response, "<script>alert")
    assertNotContains(response, "alert(")
    assertNotContains(response, "<b>bold</b>")
    assertNotContains(response, "<i>")
    assertInHTML("<p>Say &amp; <strong>bold</strong>, not &lt;i&gt;.</p>", content(response))


def test_confirmed_mentions_link_to_the_entity_page(client, story):
    html = content(get(client, story.get_absolute_url()))

    link = (
        '<a href="/people/kim-jong-un/" class="mention mention-person" title="Kim Jong Un">{}</a>'
    )
    assertInHTML(link.format("Kim Jong Un"), html)
    assertInHTML(link.format("Kim"), html)


@pytest.mark.parametrize(
    "status", [MentionStatus.SUGGESTED, MentionStatus.NEEDS_REVIEW, MentionStatus.REJECTED]
)
def test_unconfirmed_mentions_are_not_linked(client, story, status):
    xi = PersonFactory(name="Xi Jinping", slug="xi-jinping")
    mention_of(story, xi, "Xi Jinping", status=status)

    response = get(client, story.get_absolute_url())

    assertNotContains(response, "/people/xi-jinping/")
    assertContains(response, "He met Xi Jinping at the Great Hall.")


def test_a_mention_whose_text_has_changed_is_not_linked(client, story, kim):
    # update() moves no mention: the first one's words are no longer on its offsets.
    Article.objects.filter(pk=story.pk).update(body=BODY.replace("Kim Jong Un", "Kim Jong-un"))
    assert Article.objects.get(pk=story.pk).text.startswith("North Korean leader Kim Jong-un")

    html = content(get(client, story.get_absolute_url()))

    assert html.count('class="mention mention-person"') == 1


def test_in_this_article_lists_each_mentioned_entity_once(client, story):
    beijing = PlaceFactory(name="Beijing", slug="beijing")
    mention_of(story, beijing, "Beijing")

    response = get(client, story.get_absolute_url())

    section = re.search(r'<section class="in-this-article".*?</section>', content(response), re.S)
    assert section.group().count('href="/people/kim-jong-un/"') == 1
    assert section.group().index("Kim Jong Un") < section.group().index("Beijing")
    assertContains(response, 'href="/places/beijing/"', count=2)


def test_tags_link_to_tag_pages(client, world):
    article = ArticleFactory(section=world, tags=["Railways", "Asia"])

    html = content(get(client, article.get_absolute_url()))

    assertInHTML('<a href="/tags/asia/" rel="tag">Asia</a>', html)
    assertInHTML('<a href="/tags/railways/" rel="tag">Railways</a>', html)


def test_corrections_and_updates_are_listed_with_their_dates(client, story):
    march = timezone.make_aware(timezone.datetime(2025, 3, 4, 12, 0))
    CorrectionFactory(article=story, text="We misspelled the station.", created_at=march)
    CorrectionFactory(
        article=story,
        kind=CorrectionKind.UPDATE,
        text="Added the visit's end.",
        created_at=march + timezone.timedelta(days=1),
    )

    response = get(client, story.get_absolute_url())

    html = content(response)
    assertInHTML('<h2 id="corrections-heading">Corrections and updates</h2>', html)
    assertContains(response, "<strong>Correction</strong>")
    assertContains(response, "<strong>Update</strong>")
    assert html.index("We misspelled the station.") < html.index("Added the visit&#x27;s end.")
    assertContains(response, "4 March 2025")
    assertContains(response, "5 March 2025")


def test_article_has_news_article_structured_data(client, story):
    BylineFactory(article=story, person=PersonFactory(name="Ana </script> Reyes"))

    html = content(get(client, story.get_absolute_url()))

    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(raw)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Kim arrives in Beijing by train"
    assert data["author"][0]["name"] == "Ana </script> Reyes"
    assert data["mentions"][0]["sameAs"] == "https://www.wikidata.org/wiki/Q56226"


def test_unpublished_article_is_404(client, world, hidden_kwargs):
    article = ArticleFactory(section=world, **hidden_kwargs)

    get(client, article.get_absolute_url(), status=404)


def test_unknown_article_is_404(client):
    get(client, reverse("articles:article", args=["no-such-story"]), status=404)


# --- Entity pages -------------------------------------------------------------------------


def test_entity_page_shows_name_kind_description_aliases_and_wikidata(client, kim):
    # Made public on purpose: no published article names him yet.
    kim.is_public = True
    kim.save()

    response = get(client, "/people/kim-jong-un/")

    html = content(response)
    assertInHTML("<h1>Kim Jong Un</h1>", html)
    assertInHTML('<p class="kicker">Person</p>', html)
    assertContains(response, "Leader of North Korea.")
    assertContains(response, "Also written as:")
    assertInHTML('<span class="alias">Kim Jong-un</span>', html)
    assertContains(response, '<a href="https://www.wikidata.org/wiki/Q56226" rel="external">')
    assertContains(response, "No published article mentions Kim Jong Un yet.")


@pytest.mark.parametrize(
    ("factory", "prefix", "wrong_prefix"),
    [
        (OrganizationFactory, "organizations", "people"),
        (PlaceFactory, "places", "organizations"),
        (PersonFactory, "people", "places"),
    ],
)
def test_entity_page_is_found_under_its_own_kind_only(client, factory, prefix, wrong_prefix):
    factory(name="United Nations", slug="un", is_public=True)

    assertContains(get(client, f"/{prefix}/un/"), "<h1>United Nations</h1>")
    get(client, f"/{wrong_prefix}/un/", status=404)


def test_unknown_entity_is_404(client):
    get(client, "/people/nobody/", status=404)


def test_entity_page_shows_each_mention_in_its_sentence_highlighted(client, story):
    html = content(get(client, "/people/kim-jong-un/"))

    assertInHTML(
        "<p>North Korean leader <mark>Kim Jong Un</mark> arrived in Beijing by armored train "
        "on Tuesday.</p>",
        html,
    )
    assertInHTML("<p><mark>Kim</mark>’s train crossed the border at dawn.</p>", html)
    assertInHTML(
        '<h3><a href="/articles/kim-arrives-in-beijing/">Kim arrives in Beijing by train</a></h3>',
        html,
    )
    assertContains(get(client, "/people/kim-jong-un/"), "2 mentions")


def test_entity_page_escapes_the_sentence_around_a_mention(client, world, kim):
    # Tags written as text (escaped in the body) are escaped; real markup is left out.
    article = ArticleFactory(
        section=world, body="<p>&lt;i&gt;<em>Kim Jong Un</em>&lt;/i&gt; spoke.</p>"
    )
    assert article.text == "<i>Kim Jong Un</i> spoke."
    mention_of(article, kim, "Kim Jong Un")

    assertInHTML(
        "<p>&lt;i&gt;<mark>Kim Jong Un</mark>&lt;/i&gt; spoke.</p>",
        content(get(client, "/people/kim-jong-un/")),
    )


def test_entity_page_lists_mentions_newest_article_first(client, world, kim):
    for headline, hours in [("Middle", 2), ("Newest", 1), ("Oldest", 3)]:
        article = ArticleFactory(
            headline=headline, body="Kim Jong Un spoke.", section=world, publish_at=ago(hours=hours)
        )
        mention_of(article, kim, "Kim Jong Un")

    html = content(get(client, "/people/kim-jong-un/"))

    assert html.index("Newest") < html.index("Middle") < html.index("Oldest")


def test_entity_page_hides_unconfirmed_mentions(client, world, kim):
    for status in [MentionStatus.SUGGESTED, MentionStatus.NEEDS_REVIEW, MentionStatus.REJECTED]:
        article = ArticleFactory(headline=f"Story with {status}", body=BODY, section=world)
        mention_of(article, kim, "Kim Jong Un", status=status)
    # Unconfirmed mentions make no one public: he has a page only when made public.
    get(client, "/people/kim-jong-un/", status=404)
    kim.is_public = True
    kim.save()

    response = get(client, "/people/kim-jong-un/")

    assertNotContains(response, "Story with")
    assertContains(response, "No published article mentions Kim Jong Un yet.")


def test_entity_page_hides_everything_from_unpublished_articles(client, story, kim, hidden_kwargs):
    hidden = ArticleFactory(section=story.section, body=BODY, **hidden_kwargs)
    mention_of(hidden, kim, "Kim Jong Un")
    secret_friend = PersonFactory(name="Secret Friend", slug="secret-friend")
    mention_of(hidden, secret_friend, "Xi Jinping")
    BylineFactory(article=hidden, person=kim)

    response = get(client, "/people/kim-jong-un/")

    assertNotContains(response, "Secret")
    assertNotContains(response, "Articles by Kim Jong Un")
    assertContains(response, "2 mentions")


def test_person_page_lists_their_published_articles_newest_first(client, world, hidden_kwargs):
    reporter = PersonFactory(name="Ana Reyes", slug="ana-reyes")
    for headline, hours in [("Older report", 3), ("Newer report", 1)]:
        article = ArticleFactory(headline=headline, section=world, publish_at=ago(hours=hours))
        BylineFactory(article=article, person=reporter)
    BylineFactory(article=ArticleFactory(section=world, **hidden_kwargs), person=reporter)

    response = get(client, "/people/ana-reyes/")

    html = content(response)
    assertInHTML('<h2 id="bylined-heading">Articles by Ana Reyes</h2>', html)
    assert html.index("Newer report") < html.index("Older report")
    assertNotContains(response, "Secret")


def test_person_page_lists_at_most_ten_of_their_articles(client, world):
    reporter = PersonFactory(name="Ana Reyes", slug="ana-reyes")
    for n in range(12):
        article = ArticleFactory(headline=f"Report {n:02}", section=world, publish_at=ago(hours=n))
        BylineFactory(article=article, person=reporter)

    response = get(client, "/people/ana-reyes/")

    assertContains(response, "Report 09")
    assertNotContains(response, "Report 10")


def test_entity_mentions_are_paginated(client, world, kim, settings):
    settings.NEWSROOM_PAGE_SIZE = 2
    article = ArticleFactory(
        section=world, body="Kim Jong Un one. Kim Jong Un two. Kim Jong Un three."
    )
    for occurrence in range(3):
        mention_of(article, kim, "Kim Jong Un", occurrence=occurrence)

    first = get(client, "/people/kim-jong-un/")
    second = get(client, "/people/kim-jong-un/?page=2")

    assertInHTML("<p><mark>Kim Jong Un</mark> two.</p>", content(first))
    assertNotContains(first, "three.")
    assertInHTML("<p><mark>Kim Jong Un</mark> three.</p>", content(second))
    assertInHTML('<a href="?page=2" aria-current="page">2</a>', content(second))
    assertContains(second, "3 mentions")
    assertContains(get(client, "/people/kim-jong-un/?page=last"), "three.")


@pytest.mark.parametrize("page", ["3", "0", "-1", "x"])
def test_entity_page_number_out_of_range_is_404(client, story, settings, page):
    settings.NEWSROOM_PAGE_SIZE = 1

    get(client, f"/people/kim-jong-un/?page={page}", status=404)


def co_mentioned_names(client, url):
    html = content(get(client, url))
    aside = re.search(r'<aside class="co-mentioned".*?</aside>', html, re.S)
    return re.findall(r'<a href="[^"]+">([^<]+)</a>', aside.group()) if aside else []


def test_often_mentioned_with_orders_by_shared_articles_then_name(client, world, kim):
    xi, putin, moon = (
        PersonFactory(name=name, slug=name.lower().replace(" ", "-"))
        for name in ["Xi Jinping", "Vladimir Putin", "Moon Jae-in"]
    )
    body = "Kim Jong Un met Xi Jinping, Vladimir Putin and Moon Jae-in."
    for together in [[xi, putin, moon], [xi, putin], [xi]]:
        article = ArticleFactory(section=world, body=body)
        mention_of(article, kim, "Kim Jong Un")
        for other in together:
            mention_of(article, other, other.name)
    # Articles without Kim don't count, and twice in one article is still one article.
    alone = ArticleFactory(section=world, body="Moon Jae-in met Moon Jae-in.")
    mention_of(alone, moon, "Moon Jae-in")
    unn = OrganizationFactory(name="Acme", slug="acme")
    twice = ArticleFactory(section=world, body="Kim Jong Un and Acme, Acme.")
    mention_of(twice, kim, "Kim Jong Un")
    mention_of(twice, unn, "Acme")
    mention_of(twice, unn, "Acme", occurrence=1)

    names = co_mentioned_names(client, "/people/kim-jong-un/")

    assert names == ["Xi Jinping", "Vladimir Putin", "Acme", "Moon Jae-in"]
    assertContains(get(client, "/people/kim-jong-un/"), "3 articles")


def test_often_mentioned_with_counts_only_confirmed_mentions(client, story, kim):
    xi = PersonFactory(name="Xi Jinping", slug="xi-jinping")
    mention_of(story, xi, "Xi Jinping", status=MentionStatus.SUGGESTED)

    assert co_mentioned_names(client, "/people/kim-jong-un/") == []
    # Named only by a suggestion, Xi has no page at all.
    get(client, "/people/xi-jinping/", status=404)


def test_often_mentioned_with_lists_ten_entities(client, world, kim):
    names = [f"Person {chr(ord('A') + n)}" for n in range(12)]
    article = ArticleFactory(section=world, body="Kim Jong Un met " + ", ".join(names) + ".")
    mention_of(article, kim, "Kim Jong Un")
    for name in names:
        mention_of(article, PersonFactory(name=name), name)

    assert co_mentioned_names(client, "/people/kim-jong-un/") == names[:10]
