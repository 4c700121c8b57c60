"""Figures in the article body: a picture from the image library by its id, with this use's
caption and credit. What the sanitiser keeps, how captions read, how readers see figures
(with and without renditions, once an image is gone or may not be shown), the queries
that costs, and mentions in and around figures through edits."""

import html
import json
import re

import pytest
from django.core.cache import cache
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.body import (
    Figure,
    Formatting,
    Picture,
    formatting,
    parse,
    problems,
    reading_text,
    render,
    sanitise,
)
from articles.body_editor import figure_choices
from articles.images.library import build_image, store_image, store_renditions
from articles.images.models import Image
from articles.images.usage import articles_using, figure_image_ids, figure_images
from articles.models import Article, MentionStatus
from articles.text import Annotation
from tests import image_files
from tests.admin_forms import article_change_data
from tests.factories import ArticleFactory, DraftFactory, PersonFactory, member_of, mention_of
from tests.helpers import count_queries
from tests.test_body import _LinkedText, check_markup, draw_annotations, html_strategy
from tests.test_import_articles import run as run_import

STORED = (
    '<figure data-image="42" data-credit="Ana Lund/Reuters"><figcaption>Kim in '
    '<em>Beijing</em>, with <a href="https://example.com/" rel="noopener">Xi</a></figcaption>'
    "</figure>"
)


def figures_of(body):
    return [node for node in parse(body).children if isinstance(node, Figure)]


# --- What is stored -----------------------------------------------------------------------


def test_a_figure_is_stored_as_it_is_written():
    assert sanitise(STORED) == STORED
    assert sanitise(f"<p>Before.</p>{STORED}<p>After.</p>") == (
        f"<p>Before.</p>\n{STORED}\n<p>After.</p>"
    )


def test_a_figure_is_written_one_way():
    raw = (
        '<FIGURE class="wide" style="float:left" data-credit="  Ana \n Lund\x01 " id="f" '
        'data-image=" 007 " onclick="x()"><figcaption class="c">  Kim <b>in</b>\n'
        "Beijing <br></figcaption></figure>"
    )
    assert sanitise(raw) == (
        '<figure data-image="7" data-credit="Ana Lund"><figcaption>Kim <strong>in</strong> '
        "Beijing</figcaption></figure>"
    )


def test_a_figure_without_caption_or_credit_keeps_its_picture():
    for raw in (
        '<figure data-image="5"></figure>',
        '<figure data-image="5" data-credit=" "><figcaption> <br> </figcaption></figure>',
    ):
        assert sanitise(raw) == '<figure data-image="5"></figure>'
    assert reading_text(sanitise('<figure data-image="5"></figure>')) == ""


@pytest.mark.parametrize(
    "image", ["", "abc", "0", "000", "-1", "1.5", "1e3", "０１", "١٢", "1 2", "1234567890123456789"]
)
def test_a_figure_without_a_valid_image_id_is_no_figure_its_text_is_kept(image):
    raw = (
        f'<figure data-image="{image}" data-credit="AP"><figcaption>Kim in Beijing</figcaption>'
        "</figure>"
    )
    assert sanitise(raw) == "<p>Kim in Beijing</p>"
    assert sanitise("<figure><figcaption>No id</figcaption></figure>") == "<p>No id</p>"
    assert sanitise('<figure data-image="3"></figure>') != ""  # ...where a good one is kept


def test_no_picture_address_is_ever_stored():
    raw = (
        '<figure data-image="5" src="https://evil.example/x.png"><img src="javascript:x()" '
        'srcset="https://evil.example/a.png 1x" onerror="x()"><picture><source '
        'srcset="https://evil.example/b.avif"><img src="https://evil.example/c.png"></picture>'
        '<figcaption>Caption</figcaption></figure><p>Text <img src="https://x.example/i.png">'
        "here</p>"
    )
    body = sanitise(raw)
    assert body == (
        '<figure data-image="5"><figcaption>Caption</figcaption></figure>\n<p>Text here</p>'
    )
    for word in ("img", "src", "picture", "evil", "onerror"):
        assert word not in body
    # Checked input says why: pictures come from the library, never from a paste.
    assert any("picture" in problem for problem in problems(raw))
    assert problems(STORED) == []


def test_a_caption_keeps_the_marks_and_links_a_paragraph_keeps():
    raw = (
        '<figure data-image="1"><figcaption><strong>Kim</strong> and <i>Xi</i><br>'
        '<a href="/people/xi/">Xi</a> <a href="https://x.example/" rel="nofollow">site</a> '
        '<a href="javascript:alert(1)">bad</a> <span style="font-weight:700">bold</span> '
        "<u>under</u><script>x()</script></figcaption></figure>"
    )
    assert sanitise(raw) == (
        '<figure data-image="1"><figcaption><strong>Kim</strong> and <em>Xi</em><br>'
        '<a href="/people/xi/">Xi</a> <a href="https://x.example/" rel="noopener nofollow">'
        "site</a> bad <strong>bold</strong> under</figcaption></figure>"
    )


def test_a_figures_blocks_are_its_caption_and_what_else_it_held_follows_it():
    raw = (
        '<figure data-image="1"><p>Inside, not a caption.</p><figcaption><p>One</p>'
        "</figcaption><figcaption>Two</figcaption></figure>"
    )
    assert sanitise(raw) == (
        '<figure data-image="1"><figcaption>One Two</figcaption></figure>\n'
        "<p>Inside, not a caption.</p>"
    )


def test_a_figure_in_a_quote_or_a_list_moves_after_it():
    raw = (
        '<blockquote><p>Said.</p><figure data-image="1"><figcaption>In the quote'
        "</figcaption></figure><p>More.</p></blockquote>"
        '<ul><li>One<ul><li>Two<figure data-image="2"></figure></li></ul></li></ul>'
        '<p>Text <figure data-image="3"></figure> on.</p>'
    )
    assert sanitise(raw) == (
        "<blockquote>\n<p>Said.</p>\n<p>More.</p>\n</blockquote>\n"
        '<figure data-image="1"><figcaption>In the quote</figcaption></figure>\n'
        "<ul>\n<li><p>One</p>\n<ul>\n<li><p>Two</p></li>\n</ul></li>\n</ul>\n"
        '<figure data-image="2"></figure>\n'
        "<p>Text</p>\n"
        '<figure data-image="3"></figure>\n'
        "<p>on.</p>"
    )


def test_a_credit_with_quotes_and_markup_is_text():
    raw = '<figure data-image="1" data-credit="&quot;Ana&quot; <b>Lund</b> &amp; Co"></figure>'
    body = sanitise(raw)
    assert body == (
        '<figure data-image="1" data-credit="&quot;Ana&quot; &lt;b&gt;Lund&lt;/b&gt; &amp; Co">'
        "</figure>"
    )
    assert figures_of(body)[0].credit == '"Ana" <b>Lund</b> & Co'
    assert sanitise(body) == body


# --- Reading text --------------------------------------------------------------------------


def test_a_caption_is_a_line_of_the_reading_text_and_the_credit_is_not():
    body = sanitise(
        f'<p>Kim arrived.</p>{STORED}<figure data-image="7" data-credit="AP"></figure>'
        "<p>Xi spoke.</p>"
    )
    assert reading_text(body) == "Kim arrived.\nKim in Beijing, with Xi\nXi spoke."


def test_formatting_names_each_figure():
    assert formatting(sanitise(STORED + '<figure data-image="8"></figure>')) == [
        Formatting("figure", "Kim in Beijing, with Xi", "#42, credit Ana Lund/Reuters"),
        Formatting("link", "Xi", "https://example.com/"),
        Formatting("italic", "Beijing"),
        Formatting("figure", "", "#8"),
    ]


# --- Where a picture is used -----------------------------------------------------------------


def test_usage_finds_every_stored_figure_in_order_once_each():
    body = sanitise(
        '<figure data-image="3"></figure><p>x</p><figure data-image="12" data-credit="a">'
        '<figcaption>c</figcaption></figure><blockquote><figure data-image="3"></figure>'
        "</blockquote>"
    )
    assert figure_image_ids(body) == [3, 12]
    # Words that look like a figure in the text are text, not a figure.
    text = sanitise('<p>&lt;figure data-image="9"&gt;</p>')
    assert figure_image_ids(text) == []


@given(html_strategy)
def test_property_usage_finds_the_figures_the_body_holds(raw):
    body = sanitise(raw)
    ids = [figure.image_id for figure in figures_of(body)]
    assert figure_image_ids(body) == list(dict.fromkeys(ids))


# --- Rendering, pure ------------------------------------------------------------------------

PICTURE = '<picture><img src="/media/x.jpg" alt="Kim" width="400" height="300"></picture>'


def test_render_without_pictures_keeps_the_stored_figure_and_links_mentions_in_captions():
    body = sanitise(f"<p>Kim arrived.</p>{STORED}")
    rendered = render(body, [Annotation(13, 16, "/people/kim/", "mention")])
    assert rendered == body.replace("Kim in", '<a href="/people/kim/" class="mention">Kim</a> in')
    assert reading_text(rendered) == reading_text(body)


def test_render_with_a_picture_shows_it_with_its_caption_and_credit_for_this_use():
    body = sanitise(f"<p>Kim arrived.</p>{STORED}")
    pictures = {42: Picture(PICTURE, "The library's caption", "The library's credit")}
    rendered = render(body, [Annotation(13, 16, "/people/kim/", "mention")], pictures=pictures)
    assert rendered == (
        "<p>Kim arrived.</p>\n"
        f'<figure class="figure">{PICTURE}<figcaption><span class="caption">'
        '<a href="/people/kim/" class="mention">Kim</a> in <em>Beijing</em>, with '
        '<a href="https://example.com/" rel="noopener">Xi</a></span> '
        '<span class="credit">Photo: Ana Lund/Reuters</span></figcaption></figure>'
    )
    check_markup(rendered.replace(PICTURE, ""))  # the picture is ours, not the body's


def test_render_takes_the_images_own_caption_and_credit_when_the_figure_has_none():
    pictures = {5: Picture(PICTURE, "Kim & Xi\n in Beijing", "Ana <Lund>")}
    rendered = render('<figure data-image="5"></figure>', pictures=pictures)
    assert rendered == (
        f'<figure class="figure">{PICTURE}<figcaption><span class="caption">Kim &amp; Xi in '
        'Beijing</span> <span class="credit">Photo: Ana &lt;Lund&gt;</span></figcaption></figure>'
    )
    own_credit = render('<figure data-image="5" data-credit="AP"></figure>', pictures=pictures)
    assert '<span class="credit">Photo: AP</span>' in own_credit
    bare = render('<figure data-image="5"></figure>', pictures={5: Picture(PICTURE)})
    assert bare == f'<figure class="figure">{PICTURE}</figure>'


def test_render_leaves_out_a_figure_whose_picture_may_not_be_shown():
    body = sanitise(f'<p>Before.</p>{STORED}<figure data-image="7"></figure><p>After.</p>')
    rendered = render(
        body, [Annotation(7, 10, "/people/kim/", "mention")], pictures={7: Picture(PICTURE)}
    )
    assert rendered == (f'<p>Before.</p>\n<figure class="figure">{PICTURE}</figure>\n<p>After.</p>')
    assert render(body, pictures={}) == "<p>Before.</p>\n<p>After.</p>"


# --- The render invariant with figures (hypothesis) --------------------------------------------

_words = st.lists(
    st.sampled_from(["Kim", "Xi", "Kim’s", "Beijing", "a", "“train”", "&"]), min_size=1, max_size=5
).map(" ".join)
_caption = st.lists(
    st.one_of(
        _words.map(html.escape),
        _words.map(lambda words: f"<em>{html.escape(words)}</em>"),
        _words.map(lambda words: f'<a href="/articles/x/">{html.escape(words)}</a>'),
        st.just("<br>"),
    ),
    max_size=3,
).map(" ".join)
_figure = st.builds(
    lambda image, credit, caption: (
        f'<figure data-image="{image}"{credit}>'
        + (f"<figcaption>{caption}</figcaption>" if caption is not None else "")
        + "</figure>"
    ),
    st.integers(1, 4),
    st.sampled_from(["", ' data-credit="AP"', ' data-credit="Ana &amp; Lund"']),
    st.none() | _caption,
)
_block = st.one_of(
    _words.map(lambda words: f"<p>{html.escape(words)}</p>"),
    _words.map(lambda words: f"<blockquote><p>{html.escape(words)}</p></blockquote>"),
    _figure,
)
figure_bodies = st.lists(_block, min_size=1, max_size=6).map("".join).map(sanitise)


def readers_text(rendered):
    """The text a reader reads in `rendered`, and its characters with their links (the
    space between a caption and its credit, and a credit's empty line, left out)."""
    parser = _LinkedText()
    parser.feed(rendered)
    parser.close()
    lines = []
    for line in parser.lines:
        while line and line[-1][0] == " ":
            line = line[:-1]
        if line:
            lines.append(line)
    chars = [char for line in lines for char in [*line, ("\n", ())]][:-1]
    return "".join(char for char, _ in chars), chars


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(figure_bodies, st.data())
def test_property_a_reader_reads_the_reading_text_with_its_mentions(body, data):
    text = reading_text(body)
    annotations = draw_annotations(data.draw, text)
    rendered = render(
        body, annotations, pictures={n: Picture(PICTURE, "", "AP") for n in range(1, 5)}
    )
    check_markup(rendered.replace(PICTURE, ""))  # the picture is ours, not the body's
    # Every caption here is the figure's own, so the reader reads the reading text.
    shown, chars = readers_text(rendered)
    assert shown == text
    expected = [None] * len(text)
    for annotation in annotations:
        for offset in range(annotation.start, annotation.end):
            expected[offset] = annotation.href
    # Inside an editor's link a mention adds no link; everywhere else it is where it was put.
    for offset, (char, links) in enumerate(chars):
        assert char == text[offset]
        assert len(links) <= 1
        mentions = [link["href"] for link in links if "class" in link]
        editors = [link for link in links if "class" not in link]
        assert mentions == ([] if editors or expected[offset] is None else [expected[offset]])
    # Without pictures, a figure keeps its stored form and the text is the reading text.
    assert reading_text(render(body, annotations)) == text


@given(figure_bodies, st.sets(st.integers(1, 4)))
def test_property_a_figure_not_shown_takes_its_caption_away_and_nothing_else(body, shown_ids):
    rendered = render(body, pictures={n: Picture(PICTURE) for n in shown_ids})
    check_markup(rendered.replace(PICTURE, ""))  # the picture is ours, not the body's
    kept = re.sub(
        r'<figure data-image="(\d+)"[^>]*>.*?</figure>\n?',
        lambda found: found.group(0) if int(found.group(1)) in shown_ids else "",
        body,
    )
    assert readers_text(rendered)[0] == reading_text(kept)
    assert rendered.count("<picture>") == sum(
        1 for figure in figures_of(body) if figure.image_id in shown_ids
    )


# --- Pages readers see -------------------------------------------------------------------------


def library_image(size=(400, 300), renditions=True, **fields):
    data = image_files.jpeg(size)
    image = build_image(data, "kim.jpg")
    for name, value in {"alt_text": "Kim waves from the train", **fields}.items():
        setattr(image, name, value)
    image = store_image(image, data)
    if renditions:
        store_renditions(image)
    return image


def figure(image, caption="", credit=""):
    credit = f' data-credit="{credit}"' if credit else ""
    caption = f"<figcaption>{caption}</figcaption>" if caption else ""
    return f'<figure data-image="{image.pk}"{credit}>{caption}</figure>'


def body_html(response):
    page = response.content.decode()
    start = page.index('<div class="article-body">')
    return page[start : page.index("\n  </div>", start)]


@pytest.mark.django_db
@pytest.mark.usefixtures("media_root")
class TestReadersPages:
    def test_a_figure_shows_its_picture_caption_and_credit(self, client):
        image = library_image((1100, 825), caption="Library caption", credit="Library credit")
        kim = PersonFactory(name="Kim Jong Un", slug="kim-jong-un")
        article = ArticleFactory(
            body=f"<p>Kim Jong Un arrived.</p>{figure(image, 'Kim Jong Un waves', 'Ana Lund/AP')}"
        )
        mention_of(article, kim, occurrence=1)

        shown = body_html(client.get(article.get_absolute_url()))

        figure_html = shown[shown.index('<figure class="figure">') :]
        # Each format at each width made, the 1024 JPEG for browsers without srcset.
        webp = re.search(r'<source type="image/webp" srcset="([^"]*)"', figure_html).group(1)
        assert re.fullmatch(r"(/media/images/renditions/\w+\.webp (320|640|1024)w(, )?){3}", webp)
        assert '<source type="image/avif"' in figure_html
        assert re.search(
            r'<img src="/media/images/renditions/\w+\.jpg" srcset="[^"]+" sizes="[^"]+" '
            r'alt="Kim waves from the train" width="1024" height="768" loading="lazy"',
            figure_html,
        )
        assert 'sizes="(min-width: 44rem) 42rem, calc(100vw - 2rem)"' in figure_html
        assert (
            '<figcaption><span class="caption"><a href="/people/kim-jong-un/" '
            'class="mention mention-person" title="Kim Jong Un">Kim Jong Un</a> waves</span> '
            '<span class="credit">Photo: Ana Lund/AP</span></figcaption>'
        ) in figure_html
        assert "Library" not in shown

    def test_until_renditions_are_made_the_original_is_shown(self, client):
        image = library_image(renditions=False)
        article = ArticleFactory(body=figure(image))

        shown = body_html(client.get(article.get_absolute_url()))

        assert f'<img src="{image.file.url}" alt="Kim waves from the train" width="400"' in shown
        assert "<source" not in shown
        assert '<span class="caption">' not in shown  # no caption here or in the library

    @pytest.mark.parametrize(
        "fields",
        [{"may_be_used": False}, {"may_be_used_until": "2000-01-01"}, {"alt_text": ""}],
        ids=["may-not-be-used", "rights-ended", "no-alt-text"],
    )
    def test_a_figure_readers_may_not_see_is_left_out_and_the_rest_stays(self, client, fields):
        image = library_image()
        article = ArticleFactory(body=f"<p>Before.</p>{figure(image, 'The caption')}<p>After.</p>")
        Image.objects.filter(pk=image.pk).update(**fields)

        shown = body_html(client.get(article.get_absolute_url()))

        assert "<figure" not in shown and "The caption" not in shown
        assert "<p>Before.</p>\n<p>After.</p>" in shown

    def test_a_figure_whose_image_is_gone_is_left_out(self, client):
        image = library_image()
        article = ArticleFactory(body=f"<p>Before.</p>{figure(image, 'Caption')}")
        Image.objects.filter(pk=image.pk).delete()

        shown = body_html(client.get(article.get_absolute_url()))

        assert "<figure" not in shown and "Caption" not in shown
        assert "<p>Before.</p>" in shown

    def test_figures_cost_two_queries_however_many_and_none_without(
        self, client, django_assert_num_queries
    ):
        images = [library_image(), library_image()]
        warm_up, plain = ArticleFactory.create_batch(2, body="<p>One.</p><p>Two.</p>")
        one = ArticleFactory(body=f"<p>One.</p>{figure(images[0], 'A')}<p>Two.</p>")
        many = ArticleFactory(
            body="".join(figure(image, "B") for image in images * 3)
            + '<figure data-image="999999"></figure><p>One.</p>'
        )

        client.get(warm_up.get_absolute_url())  # what a server reads once, not per page
        base = count_queries(client, plain.get_absolute_url())
        cache.clear()  # built with nothing kept, as count_queries builds it
        with django_assert_num_queries(base + 2):
            client.get(one.get_absolute_url())
        cache.clear()  # built with nothing kept, as count_queries builds it
        with django_assert_num_queries(base + 2):
            response = client.get(many.get_absolute_url())
        assert body_html(response).count("<picture>") == 6  # the missing image's figure: none

    def test_the_preview_shows_figures_in_two_queries_more(self, client, django_assert_num_queries):
        client.force_login(member_of("Editors"))
        image = library_image()
        warm_up, plain = DraftFactory.create_batch(2, body="<p>Plans.</p>")
        with_figure = DraftFactory(body=f"<p>Plans.</p>{figure(image, 'The plan')}")

        url = lambda article: reverse("admin:articles_article_preview", args=[article.pk])  # noqa: E731
        client.get(url(warm_up))  # what a server reads once, not per page
        base = count_queries(client, url(plain))
        cache.clear()  # built with nothing kept, as count_queries builds it
        with django_assert_num_queries(base + 2):
            response = client.get(url(with_figure))
        assert "<picture>" in response.content.decode()
        assert '<span class="caption">The plan</span>' in response.content.decode()

    def test_articles_using_an_image_include_those_showing_it_as_a_figure(self):
        image, other = library_image(), library_image()
        article = DraftFactory(body=f"<p>x</p>{figure(image, 'c', 'AP')}")

        assert list(articles_using(image.pk)) == [article]
        assert list(articles_using(other.pk)) == []
        assert figure_images(article.body) == {image.pk: image}


# --- Mentions through edits that insert, move and delete figures ---------------------------------

PARAGRAPHS = [
    "Kim Jong Un arrived in Beijing by armored train.",
    "Kim met Xi Jinping at the Great Hall.",
    "Xi Jinping said Kim would come back.",
]
# Captions repeat the paragraphs' names: a mention must never jump onto its lookalike.
CAPTIONS = ["Kim Jong Un waves from the train.", "Xi Jinping and Kim at the Great Hall."]
NAMES = ["Kim Jong Un", "Xi Jinping", "Kim"]


def write_blocks(blocks, image_id=lambda n: n + 1):
    """A body of ("p", n) paragraphs and ("figure", n) figures (caption n)."""
    return "".join(
        f"<p>{PARAGRAPHS[n]}</p>"
        if kind == "p"
        else f'<figure data-image="{image_id(n)}" data-credit="AP"><figcaption>{CAPTIONS[n]}'
        "</figcaption></figure>"
        for kind, n in blocks
    )


def lines_of(blocks):
    return [PARAGRAPHS[n] if kind == "p" else CAPTIONS[n] for kind, n in blocks]


def mention_every_name(article, blocks, entities):
    """A confirmed mention on every name of every line; {mention pk: (block, offset in it)}."""
    places = {}
    position = 0
    for block, line in zip(blocks, lines_of(blocks), strict=True):
        taken = []
        for name in NAMES:  # longest first, so "Kim" never lands inside "Kim Jong Un"
            for found in re.finditer(re.escape(name), line):
                if any(found.start() < end and start < found.end() for start, end in taken):
                    continue
                taken.append(found.span())
                mention = mention_of(article, entities[name], name)
                mention.start, mention.end = position + found.start(), position + found.end()
                mention.save()
                places[mention.pk] = (block, found.start())
        position += len(line) + 1
    return places


_figure_edits = st.lists(
    st.one_of(
        st.tuples(st.just("insert"), st.integers(0, 1), st.integers(0, 6)),
        st.tuples(st.just("move"), st.integers(0, 6), st.integers(0, 6)),
        st.tuples(st.just("delete"), st.integers(0, 6)),
    ),
    min_size=1,
    max_size=4,
)


def apply_figure_edit(blocks, edit):
    figures = [block for block in blocks if block[0] == "figure"]
    if edit[0] == "insert" and ("figure", edit[1]) not in blocks:
        blocks.insert(edit[2] % (len(blocks) + 1), ("figure", edit[1]))
    elif edit[0] == "move" and figures:
        block = figures[edit[1] % len(figures)]
        blocks.remove(block)
        blocks.insert(edit[2] % (len(blocks) + 1), block)
    elif edit[0] == "delete" and figures:
        blocks.remove(figures[edit[1] % len(figures)])


@pytest.fixture
def people():
    return {
        "Kim Jong Un": PersonFactory(name="Kim Jong Un", slug="kim-jong-un", aliases=["Kim"]),
        "Kim": PersonFactory(name="Kim Yo Jong", slug="kim-yo-jong"),
        "Xi Jinping": PersonFactory(name="Xi Jinping", slug="xi-jinping"),
    }


@pytest.mark.django_db
@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=_figure_edits)
def test_property_figures_inserted_moved_or_deleted_keep_every_mention_on_its_words(people, edits):
    blocks = [("p", 0), ("figure", 0), ("p", 1), ("p", 2)]
    article = ArticleFactory(body=write_blocks(blocks))
    assert article.text == "\n".join(lines_of(blocks))
    places = mention_every_name(article, blocks, people)

    for edit in edits:
        apply_figure_edit(blocks, edit)
    article.body = write_blocks(blocks)
    article.save()

    lines = lines_of(blocks)
    starts = {block: sum(len(line) + 1 for line in lines[:at]) for at, block in enumerate(blocks)}
    for mention in article.mentions.all():
        block, offset = places[mention.pk]
        if block in starts:
            # Its line is still there: the mention is on its own words, confirmed.
            assert mention.status == MentionStatus.CONFIRMED
            assert (mention.start, mention.end) == (
                starts[block] + offset,
                starts[block] + offset + len(mention.exact),
            )
        else:
            # Its caption went with its figure: kept for review, on no other words.
            assert mention.status == MentionStatus.NEEDS_REVIEW
            assert mention.start == mention.end


@pytest.mark.django_db
@pytest.mark.usefixtures("media_root")
def test_a_mention_in_a_caption_follows_its_figure_and_links_on_the_page(client, people):
    image = library_image()
    blocks = [("p", 0), ("figure", 1), ("p", 1)]
    article = ArticleFactory(body=write_blocks(blocks, lambda n: image.pk))
    mention_every_name(article, blocks, people)
    in_caption = article.mentions.get(start=article.text.index(CAPTIONS[1]))
    assert in_caption.exact == "Xi Jinping"

    blocks = [("p", 0), ("p", 1), ("figure", 1)]
    article.body = write_blocks(blocks, lambda n: image.pk)
    article.save()

    in_caption.refresh_from_db()
    assert in_caption.status == MentionStatus.CONFIRMED
    assert in_caption.start == article.text.index(CAPTIONS[1])
    shown = body_html(client.get(article.get_absolute_url()))
    caption = shown[shown.index("<figcaption>") : shown.index("</figure>")]
    assert caption == (
        '<figcaption><span class="caption"><a href="/people/xi-jinping/" '
        'class="mention mention-person" title="Xi Jinping">Xi Jinping</a> and '
        '<a href="/people/kim-yo-jong/" class="mention mention-person" title="Kim Yo Jong">'
        'Kim</a> at the Great Hall.</span> <span class="credit">Photo: AP</span></figcaption>'
    )


# --- The editor's side on the article form ---------------------------------------------------


def figure_images_attribute(response):
    """The body editor's data-figure-images, as its script reads it."""
    found = re.search(r'data-figure-images="([^"]*)"', response.content.decode())
    return json.loads(html.unescape(found.group(1)))


@pytest.mark.django_db
@pytest.mark.usefixtures("media_root")
class TestArticleForm:
    def test_the_editor_knows_the_figures_pictures_and_where_to_choose_more(self, superuser_client):
        image = library_image(title="Kim at the station", credit="AP")
        unusable = library_image(title="Old photo", may_be_used=False)
        article = ArticleFactory(
            body=figure(image, "Kim") + figure(unusable) + '<figure data-image="999999"></figure>'
        )

        response = superuser_client.get(reverse("admin:articles_article_change", args=[article.pk]))

        page = response.content.decode()
        assert f'data-image-choose-url="{reverse("admin:images_image_choose")}"' in page
        known = figure_images_attribute(response)
        assert set(known) == {str(image.pk), str(unusable.pk)}  # the missing one is left out
        assert known[str(image.pk)]["title"] == "Kim at the station"
        assert known[str(image.pk)]["thumbnail"].startswith("/media/images/renditions/")
        assert known[str(unusable.pk)]["problem"] == (
            f"Image “Old photo” (#{unusable.pk}) may not be used."
        )

    def test_figure_choices_cost_two_queries_and_none_without_figures(
        self, django_assert_num_queries
    ):
        images = [library_image(), library_image()]
        cache.clear()  # built with nothing kept, as count_queries builds it
        with django_assert_num_queries(2):
            assert len(figure_choices("".join(figure(image) for image in images * 2))) == 2
        cache.clear()  # built with nothing kept, as count_queries builds it
        with django_assert_num_queries(0):
            assert figure_choices("<p>No pictures.</p>") == {}

    def test_a_figure_is_saved_through_the_form_in_the_stored_form(self, superuser_client):
        image = library_image()
        article = ArticleFactory(body="<p>Kim arrived.</p>")
        # As the editor writes it: an empty credit left out, the caption's marks.
        posted = (
            f'<p>Kim arrived.</p><figure data-image="{image.pk}" data-credit="Ana Lund/AP">'
            "<figcaption>Kim <em>waves</em></figcaption></figure><p></p>"
        )

        response = superuser_client.post(
            reverse("admin:articles_article_change", args=[article.pk]),
            article_change_data(article, body=posted),
        )

        assert response.status_code == 302
        article.refresh_from_db()
        assert article.body == (
            f'<p>Kim arrived.</p>\n<figure data-image="{image.pk}" data-credit="Ana Lund/AP">'
            "<figcaption>Kim <em>waves</em></figcaption></figure>"
        )
        assert article.text == "Kim arrived.\nKim waves"

    def test_a_refused_save_shows_the_figures_that_were_sent(self, superuser_client):
        image = library_image(title="Sent picture")
        article = ArticleFactory(body="<p>Kim arrived.</p>")
        posted = f'{figure(image, "Caption")}<p><a href="javascript:x()">bad</a></p>'

        response = superuser_client.post(
            reverse("admin:articles_article_change", args=[article.pk]),
            article_change_data(article, body=posted),
        )

        assert response.status_code == 200
        assert figure_images_attribute(response)[str(image.pk)]["title"] == "Sent picture"


@pytest.mark.django_db
def test_an_html_story_keeps_its_library_figures_and_only_their_text_otherwise(tmp_path):
    path = tmp_path / "story.html"
    path.write_text(
        "<h1>Kim arrives</h1><p>Kim arrived.</p>"
        '<figure data-image="12" data-credit="AP"><img src="x.jpg"><figcaption>Kim waves'
        "</figcaption></figure>"
        "<figure><figcaption>A web page's own picture</figcaption></figure>",
        encoding="utf-8",
    )

    _, errors, error = run_import(path, "--section", "world")

    # A picture's <img> is refused, as any pasted picture is, and nothing is stored.
    assert error is not None and "The text holds a picture" in errors
    assert not Article.objects.exists()
    path.write_text(path.read_text().replace('<img src="x.jpg">', ""), encoding="utf-8")
    _, _, error = run_import(path, "--section", "world")
    assert error is None, error
    article = Article.objects.get()
    assert article.body == (
        '<p>Kim arrived.</p>\n<figure data-image="12" data-credit="AP"><figcaption>Kim waves'
        "</figcaption></figure>\n<p>A web page&#x27;s own picture</p>"
    )
